"""The scorer and gold reader of EVAL.md, on hand-built documents with exact numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.errors import ConfigError, InputError
from parley.eval import (
    LAYERS,
    GoldDoc,
    LayerScore,
    Scores,
    format_table,
    load_gold_dir,
    match_records,
    root_id,
    score,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def doc(**layers: list[Any]) -> dict[str, Any]:
    """A gold-format document with the given layers; the others are empty."""
    data: dict[str, Any] = {"schema": "parley-gold/1", "doc": "d1"}
    data.update({name: [] for name in LAYERS})
    data.update(layers)
    return data


def time(start: int, end: int, value: str | None = "2025-03-11") -> dict[str, Any]:
    return {"start": start, "end": end, "text": "x" * (end - start), "value": value}


def statement(
    content_start: int,
    content_end: int,
    speaker: str | None = "ISR.GOV",
    anonymous: bool = False,
    polarity: str = "assert",
) -> dict[str, Any]:
    return {
        "start": 0,
        "end": 300,
        "speaker_actor": speaker,
        "speaker_text": "someone",
        "anonymous": anonymous,
        "cue": "said",
        "medium": None,
        "polarity": polarity,
        "content_start": content_start,
        "content_end": content_end,
    }


def event(
    start: int,
    end: int,
    kind: str = "talks",
    a: list[str] | None = None,
    status: str = "occurred",
    date: str | None = "2025-03-11",
) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "kind": kind,
        "type": "CONSULT",
        "a": ["ISR", "LBN"] if a is None else a,
        "b": [],
        "issues": ["border"],
        "date": date,
        "place": None,
        "status": status,
    }


def position(
    start: int,
    end: int,
    actor: str = "ISR.GOV",
    issue: str = "withdrawal",
    stance: str = "condition",
    requires: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "actor": actor,
        "issue": issue,
        "stance": stance,
        "requires": ["disarmament"] if requires is None else requires,
    }


def figure(
    start: int,
    end: int,
    quantity: str = "killed",
    value: int = 4115,
    approx: bool = False,
    place: str | None = "LBN",
) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "quantity": quantity,
        "value": value,
        "approx": approx,
        "place": place,
        "since": "2023-10-08",
        "until": None,
    }


def counts(layer: LayerScore) -> tuple[int, int, int]:
    return (layer.tp, layer.fp, layer.fn)


def one(gold: dict[str, Any], pred: dict[str, Any], layer: str, **kw: Any) -> LayerScore:
    return score([(gold, pred)], [layer], **kw).layers[layer]


# --- ids and the empty-layer convention -------------------------------------------------


def test_root_id_is_the_part_before_the_first_dot() -> None:
    assert root_id("ISR.MIL") == "ISR"
    assert root_id("UN.UNIFIL.X") == "UN"
    assert root_id("LBN") == "LBN"
    assert root_id(None) is None


def test_nothing_to_find_and_nothing_found_scores_one() -> None:
    result = score([(doc(), {})])
    for layer in result.layers.values():
        assert (layer.p, layer.r, layer.f1) == (1.0, 1.0, 1.0)
        assert all(value is None for value in layer.accuracies.values())
    assert result.macro_f1 == 1.0


def test_a_zero_denominator_otherwise_gives_zero() -> None:
    spurious = one(doc(), doc(times=[time(0, 5)]), "times")
    assert counts(spurious) == (0, 1, 0)
    assert (spurious.p, spurious.r, spurious.f1) == (0.0, 0.0, 0.0)
    missed = one(doc(times=[time(0, 5)]), doc(), "times")
    assert counts(missed) == (0, 0, 1)
    assert (missed.p, missed.r, missed.f1) == (0.0, 0.0, 0.0)


def test_missing_prediction_lists_are_empty_and_extra_keys_ignored() -> None:
    pred = {"doc": "d1", "actors": ["ISR"], "extra": {"anything": 1}}
    result = score([(doc(actors=["ISR"], times=[time(0, 5)]), pred)])
    assert counts(result.layers["actors"]) == (1, 0, 0)
    assert counts(result.layers["times"]) == (0, 0, 1)


def test_a_layer_that_is_not_a_list_is_an_input_error() -> None:
    with pytest.raises(InputError, match='"times" must be a list'):
        score([(doc(), {"doc": "d1", "times": "Tuesday"})])


# --- actors -------------------------------------------------------------------------------


def test_actors_compare_as_sets_of_root_ids() -> None:
    gold = doc(actors=["ISR", "ISR.GOV", "LBN"])
    pred = doc(actors=["ISR.MIL", "USA", "USA.GOV"])
    layer = one(gold, pred, "actors")
    assert counts(layer) == (1, 1, 1)  # {ISR, LBN} vs {ISR, USA}
    assert (layer.p, layer.r, layer.f1) == (0.5, 0.5, 0.5)
    assert layer.accuracies == {}


def test_actors_compare_exactly_on_request() -> None:
    gold = doc(actors=["ISR", "ISR.GOV", "LBN"])
    pred = doc(actors=["ISR.MIL", "USA", "LBN"])
    assert counts(one(gold, pred, "actors", exact_ids=True)) == (1, 2, 2)


def test_actors_are_micro_averaged_over_documents() -> None:
    pairs = [
        (doc(actors=["ISR"]), doc(actors=["ISR"])),
        (doc(actors=["LBN", "USA", "FRA"]), doc(actors=[])),
    ]
    layer = score(pairs, ["actors"]).layers["actors"]
    assert counts(layer) == (1, 0, 3)
    assert (layer.p, layer.r) == (1.0, 0.25)
    assert layer.f1 == pytest.approx(0.4)


# --- times --------------------------------------------------------------------------------


def test_times_match_on_any_overlap_but_not_on_touching_spans() -> None:
    gold = doc(times=[time(10, 20)])
    assert counts(one(gold, doc(times=[time(19, 30)]), "times")) == (1, 0, 0)
    assert counts(one(gold, doc(times=[time(20, 30)]), "times")) == (0, 1, 1)
    assert counts(one(gold, doc(times=[time(0, 10)]), "times")) == (0, 1, 1)


def test_times_match_one_to_one_preferring_the_larger_overlap() -> None:
    gold = doc(times=[time(0, 10), time(12, 20)])
    pred = doc(times=[time(5, 15)])  # 5 characters with the first, 3 with the second
    assert match_records(gold["times"], pred["times"], "times") == [(0, 0)]
    assert counts(one(gold, pred, "times")) == (1, 0, 1)
    gold = doc(times=[time(0, 10)])
    pred = doc(times=[time(0, 4), time(2, 10)])
    assert match_records(gold["times"], pred["times"], "times") == [(0, 1)]
    assert counts(one(gold, pred, "times")) == (1, 1, 0)


def test_greedy_matching_is_not_optimal_matching() -> None:
    # the largest overlap (8) goes first, although pairing crosswise would match both
    gold = doc(times=[time(0, 10), time(10, 13)])
    pred = doc(times=[time(2, 12), time(0, 3)])
    assert match_records(gold["times"], pred["times"], "times") == [(0, 0)]
    assert counts(one(gold, pred, "times")) == (1, 1, 1)


def test_time_value_accuracy_is_exact_string_equality_and_null_equals_null() -> None:
    gold = doc(times=[time(0, 5, "2025-03-11"), time(10, 15, None), time(20, 25, "P60D")])
    pred = doc(times=[time(0, 5, "2025-03-11"), time(10, 15, None), time(20, 25, "P2M")])
    layer = one(gold, pred, "times")
    assert counts(layer) == (3, 0, 0)
    assert layer.accuracies == {"value": pytest.approx(2 / 3)}
    layer = one(doc(times=[time(0, 5, None)]), doc(times=[time(0, 5, "2025")]), "times")
    assert layer.accuracies == {"value": 0.0}


def test_equal_overlaps_go_to_the_pair_that_agrees() -> None:
    gold = doc(times=[time(0, 10, "2025")])
    pred = doc(times=[time(0, 10, "2024"), time(0, 10, "2025")])
    layer = one(gold, pred, "times")
    assert counts(layer) == (1, 1, 0)
    assert layer.accuracies == {"value": 1.0}


# --- statements ---------------------------------------------------------------------------


def test_statements_match_when_content_overlaps_by_half_the_shorter_span() -> None:
    gold = doc(statements=[statement(0, 10)])
    assert counts(one(gold, doc(statements=[statement(5, 20)]), "statements")) == (1, 0, 0)
    assert counts(one(gold, doc(statements=[statement(6, 20)]), "statements")) == (0, 1, 1)
    # a short content inside a long one overlaps by all of the shorter
    long_gold = doc(statements=[statement(0, 100)])
    assert counts(one(long_gold, doc(statements=[statement(40, 50)]), "statements")) == (1, 0, 0)
    assert counts(one(long_gold, doc(statements=[statement(95, 105)]), "statements")) == (1, 0, 0)
    assert counts(one(long_gold, doc(statements=[statement(96, 106)]), "statements")) == (0, 1, 1)


def test_statements_match_on_content_not_on_the_sentence() -> None:
    gold = doc(statements=[statement(10, 50)])
    pred_item = statement(10, 50) | {"start": 900, "end": 950}
    assert counts(one(gold, doc(statements=[pred_item]), "statements")) == (1, 0, 0)
    pred_item = statement(200, 250) | {"start": 0, "end": 300}
    assert counts(one(gold, doc(statements=[pred_item]), "statements")) == (0, 1, 1)


def test_statement_accuracies_use_the_speakers_root_actor() -> None:
    gold = doc(
        statements=[
            statement(0, 10, "ISR.GOV", anonymous=False, polarity="assert"),
            statement(20, 30, None, anonymous=True, polarity="assert"),
            statement(40, 50, "USA.GOV", anonymous=True, polarity="deny"),
            statement(60, 70, "HEZ", anonymous=False, polarity="assert"),
        ]
    )
    pred = doc(
        statements=[
            statement(0, 10, "ISR.MIL", anonymous=False, polarity="assert"),  # root ISR: right
            statement(20, 30, None, anonymous=False, polarity="assert"),  # null = null
            statement(40, 50, "LBN.GOV", anonymous=True, polarity="assert"),
            statement(60, 70, None, anonymous=False, polarity="assert"),
        ]
    )
    layer = one(gold, pred, "statements")
    assert counts(layer) == (4, 0, 0)
    assert layer.accuracies == {"speaker": 0.5, "anonymous": 0.75, "polarity": 0.75}
    exact = one(gold, pred, "statements", exact_ids=True)
    assert exact.accuracies["speaker"] == 0.25


# --- events -------------------------------------------------------------------------------


def test_events_need_overlap_equal_kind_and_shared_root_actors() -> None:
    gold = doc(events=[event(0, 100, "talks", ["ISR.MIL", "USA"])])

    def matched(pred_event: dict[str, Any]) -> tuple[int, int, int]:
        return counts(one(gold, doc(events=[pred_event]), "events"))

    assert matched(event(50, 150, "talks", ["ISR.GOV"])) == (1, 0, 0)  # ISR at the root
    assert matched(event(50, 150, "talks", ["USA", "FRA", "LBN"])) == (1, 0, 0)
    assert matched(event(100, 150, "talks", ["ISR"])) == (0, 1, 1)  # no overlap
    assert matched(event(0, 100, "demand", ["ISR"])) == (0, 1, 1)  # another kind
    assert matched(event(0, 100, "talks", ["LBN", "HEZ"])) == (0, 1, 1)  # no shared actor
    assert matched(event(0, 100, "talks", [])) == (0, 1, 1)  # one side empty


def test_events_with_no_actors_on_either_side_match() -> None:
    gold = doc(events=[event(0, 100, "ceasefire", [])])
    assert counts(one(gold, doc(events=[event(0, 100, "ceasefire", [])]), "events")) == (1, 0, 0)
    assert counts(one(gold, doc(events=[event(0, 100, "ceasefire", None)]), "events")) == (
        0,
        1,
        1,
    )


def test_events_compare_actors_exactly_on_request() -> None:
    gold = doc(events=[event(0, 100, "talks", ["ISR.MIL"])])
    pred = doc(events=[event(0, 100, "talks", ["ISR.GOV"])])
    assert counts(one(gold, pred, "events")) == (1, 0, 0)
    assert counts(one(gold, pred, "events", exact_ids=True)) == (0, 1, 1)


def test_event_status_and_date_accuracy() -> None:
    gold = doc(
        events=[
            event(0, 10, status="occurred", date="2025-03-11"),
            event(20, 30, status="planned", date=None),
            event(40, 50, status="claimed", date="2025"),
        ]
    )
    pred = doc(
        events=[
            event(0, 10, status="occurred", date="2025-03"),
            event(20, 30, status="planned", date=None),
            event(40, 50, status="occurred", date="2025"),
        ]
    )
    layer = one(gold, pred, "events")
    assert counts(layer) == (3, 0, 0)
    assert layer.accuracies == {"status": pytest.approx(2 / 3), "date": pytest.approx(2 / 3)}


def test_events_in_one_sentence_pair_by_agreement_then_actors() -> None:
    gold = doc(
        events=[
            event(0, 100, "attack", ["ISR"], date="2023-10-08"),
            event(0, 100, "attack", ["ISR"], date="2024-09-23"),
        ]
    )
    pred = doc(
        events=[
            event(0, 100, "attack", ["ISR"], date="2024-09-23"),
            event(0, 100, "attack", ["ISR"], date="2023-10-08"),
        ]
    )
    assert match_records(gold["events"], pred["events"], "events") == [(0, 1), (1, 0)]
    assert one(gold, pred, "events").accuracies == {"status": 1.0, "date": 1.0}
    gold = doc(events=[event(0, 100, "talks", ["ISR"]), event(0, 100, "talks", ["ISR", "LBN"])])
    pred = doc(events=[event(0, 100, "talks", ["ISR", "LBN"]), event(0, 100, "talks", ["ISR"])])
    assert match_records(gold["events"], pred["events"], "events") == [(0, 1), (1, 0)]


# --- positions ----------------------------------------------------------------------------


def test_positions_need_overlap_equal_root_actor_and_equal_issue() -> None:
    gold = doc(positions=[position(0, 100, "ISR.GOV", "withdrawal")])

    def matched(pred_position: dict[str, Any]) -> tuple[int, int, int]:
        return counts(one(gold, doc(positions=[pred_position]), "positions"))

    assert matched(position(90, 200, "ISR", "withdrawal")) == (1, 0, 0)
    assert matched(position(100, 200, "ISR.GOV", "withdrawal")) == (0, 1, 1)
    assert matched(position(0, 100, "LBN.GOV", "withdrawal")) == (0, 1, 1)
    assert matched(position(0, 100, "ISR.GOV", "disarmament")) == (0, 1, 1)


def test_position_stance_and_requires_as_a_set() -> None:
    gold = doc(
        positions=[
            position(0, 10, stance="condition", requires=["disarmament", "army_deployment"]),
            position(20, 30, stance="demand", requires=[]),
            position(40, 50, stance="red_line", requires=["ceasefire"]),
            position(60, 70, stance="oppose", requires=[]),
        ]
    )
    pred = doc(
        positions=[
            position(0, 10, stance="condition", requires=["army_deployment", "disarmament"]),
            position(20, 30, stance="demand", requires=[]),
            position(40, 50, stance="demand", requires=["ceasefire", "ceasefire"]),
            position(60, 70, stance="oppose", requires=["gaza"]),
        ]
    )
    layer = one(gold, pred, "positions")
    assert counts(layer) == (4, 0, 0)
    assert layer.accuracies == {"stance": 0.75, "requires": 0.75}


# --- figures ------------------------------------------------------------------------------


def test_figures_need_equal_quantity_equal_value_and_overlap() -> None:
    gold = doc(figures=[figure(0, 100, "killed", 4115)])

    def matched(pred_figure: dict[str, Any]) -> tuple[int, int, int]:
        return counts(one(gold, doc(figures=[pred_figure]), "figures"))

    assert matched(figure(99, 200, "killed", 4115)) == (1, 0, 0)
    assert matched(figure(0, 100, "injured", 4115)) == (0, 1, 1)
    assert matched(figure(0, 100, "killed", 4116)) == (0, 1, 1)
    assert matched(figure(100, 200, "killed", 4115)) == (0, 1, 1)


def test_figure_approx_and_place_accuracy_with_root_places() -> None:
    gold = doc(
        figures=[
            figure(0, 10, value=86, approx=True, place="LBN"),
            figure(20, 30, value=285, approx=True, place="LBN"),
            figure(40, 50, value=5, approx=False, place=None),
            figure(60, 70, value=6, approx=False, place="ISR"),
        ]
    )
    pred = doc(
        figures=[
            figure(0, 10, value=86, approx=True, place="LBN.GOV"),
            figure(20, 30, value=285, approx=False, place="LBN"),
            figure(40, 50, value=5, approx=False, place=None),
            figure(60, 70, value=6, approx=False, place="LBN"),
        ]
    )
    layer = one(gold, pred, "figures")
    assert counts(layer) == (4, 0, 0)
    assert layer.accuracies == {"approx": 0.75, "place": 0.75}


# --- the whole score ----------------------------------------------------------------------


def test_macro_is_the_mean_of_the_layer_f1s() -> None:
    gold = doc(
        actors=["ISR", "LBN"],
        times=[time(0, 5)],
        statements=[statement(0, 10)],
        events=[event(0, 10)],
        positions=[position(0, 10)],
        figures=[figure(0, 10)],
    )
    pred = doc(actors=["ISR"], times=[time(0, 5)], events=[event(0, 10), event(20, 30)])
    result = score([(gold, pred)])
    f1 = {name: layer.f1 for name, layer in result.layers.items()}
    assert f1 == {
        "actors": pytest.approx(2 / 3),
        "times": 1.0,
        "statements": 0.0,
        "events": pytest.approx(2 / 3),
        "positions": 0.0,
        "figures": 0.0,
    }
    assert result.macro_f1 == pytest.approx((2 / 3 + 1 + 2 / 3) / 6)
    subset = score([(gold, pred)], ["times", "actors"])
    assert list(subset.layers) == ["actors", "times"]
    assert subset.macro_f1 == pytest.approx((2 / 3 + 1) / 2)
    assert result.documents == 1


def test_unknown_layers_are_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown or no layers \\['time'\\]"):
        score([], ["time"])
    with pytest.raises(ConfigError, match="choose from actors, times"):
        score([], [])


def test_to_dict_has_exactly_the_eval_json_shape() -> None:
    gold = doc(actors=["ISR"], times=[time(0, 5, "2025")], statements=[statement(0, 10)])
    pred = doc(actors=["ISR", "USA"], times=[time(0, 5, "2024")])
    data = score([(gold, pred)]).to_dict()
    assert set(data) == {"layers", "macro_f1"}
    assert list(data["layers"]) == list(LAYERS)
    assert data["layers"]["actors"] == {"p": 0.5, "r": 1.0, "f1": 2 / 3, "tp": 1, "fp": 1, "fn": 0}
    assert data["layers"]["times"] == {
        "p": 1.0,
        "r": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "value_acc": 0.0,
    }
    assert data["layers"]["statements"] == {
        "p": 0.0,
        "r": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
        "speaker_acc": None,
        "anonymous_acc": None,
        "polarity_acc": None,
    }
    assert set(data["layers"]["events"]) == {"p", "r", "f1", "tp", "fp", "fn"} | {
        "status_acc",
        "date_acc",
    }
    assert set(data["layers"]["positions"]) >= {"stance_acc", "requires_acc"}
    assert set(data["layers"]["figures"]) >= {"approx_acc", "place_acc"}
    assert json.loads(json.dumps(data)) == data


def test_format_table_lists_every_layer_and_the_macro() -> None:
    gold = doc(actors=["ISR"], times=[time(0, 5, "2025")])
    pred = doc(actors=["ISR", "USA"], times=[time(0, 5, "2025")])
    table = format_table(score([(gold, pred)]))
    lines = table.splitlines()
    assert lines[0].split() == ["layer", "P", "R", "F1", "TP", "FP", "FN", "accuracy"]
    assert lines[1].split() == ["actors", "0.500", "1.000", "0.667", "1", "1", "0"]
    assert lines[2].split() == ["times", "1.000", "1.000", "1.000", "1", "0", "0", "value", "1.000"]
    assert lines[3].split()[-6:] == ["speaker", "-", "anonymous", "-", "polarity", "-"]
    assert lines[-1].split() == ["macro", f"{(2 / 3 + 5) / 6:.3f}"]
    assert len(lines) == 1 + len(LAYERS) + 1


def test_scores_can_be_built_and_read_directly() -> None:
    layer = LayerScore("times", tp=3, fp=1, fn=0, correct={"value": 2})
    assert (layer.p, layer.r) == (0.75, 1.0)
    assert layer.f1 == pytest.approx(6 / 7)
    assert layer.accuracies == {"value": pytest.approx(2 / 3)}
    assert Scores({"times": layer}).macro_f1 == layer.f1


# --- gold directories ---------------------------------------------------------------------


def write_doc(directory: Path, doc_id: str, text: str = "Israel and Lebanon met.\r\nThen.") -> None:
    (directory / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    meta = {"id": doc_id, "title": None, "outlet": None, "url": None, "published": None}
    (directory / f"{doc_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    gold = doc(actors=["ISR", "LBN"], times=[time(0, 6, None)]) | {"doc": doc_id}
    (directory / f"{doc_id}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_load_gold_dir_reads_each_annotated_document(tmp_path: Path) -> None:
    write_doc(tmp_path, "b-doc")
    write_doc(tmp_path, "a-doc", "Beirut:\r\nç “quoted”.\n")
    (tmp_path / "not-annotated.txt").write_text("no gold yet", encoding="utf-8")
    (tmp_path / "NOTES.md").write_text("# notes", encoding="utf-8")
    docs = load_gold_dir(tmp_path)
    assert [d.doc_id for d in docs] == ["a-doc", "b-doc"]
    assert isinstance(docs[0], GoldDoc)
    assert docs[0].text == "Beirut:\r\nç “quoted”.\n"  # byte for byte: no newline conversion
    assert docs[0].meta["id"] == "a-doc"
    assert docs[0].gold["actors"] == ["ISR", "LBN"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda g: g | {"schema": "parley-gold/0"}, 'set it to "parley-gold/1"'),
        (lambda g: {k: v for k, v in g.items() if k != "events"}, '"events" must be a list'),
        (lambda g: g | {"figures": {}}, '"figures" must be a list'),
        (lambda g: g | {"doc": "other"}, "set it to 'bad'"),
        (lambda g: g | {"actors": ["ISR", 3]}, "actors\\[1\\] is 3"),
        (lambda g: g | {"times": [{"start": 0, "end": 3}]}, "times\\[0\\] lacks value"),
        (lambda g: g | {"times": [time(5, 2)]}, "start < end"),
        (lambda g: g | {"times": [time(0, 999)]}, "past the end of the text"),
        (lambda g: g | {"events": [event(0, 5) | {"a": "ISR"}]}, '"a" must be a list'),
        (
            lambda g: g | {"statements": [statement(0, 5) | {"end": 20, "content_end": None}]},
            "content_end=None",
        ),
    ],
)
def test_a_malformed_gold_file_is_a_config_error_naming_it(
    tmp_path: Path, damage: Any, message: str
) -> None:
    write_doc(tmp_path, "good")
    write_doc(tmp_path, "bad")
    path = tmp_path / "bad.gold.json"
    path.write_text(json.dumps(damage(json.loads(path.read_text()))), encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_gold_dir(tmp_path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_broken_json_and_missing_files_are_config_errors(tmp_path: Path) -> None:
    write_doc(tmp_path, "d")
    gold_path = tmp_path / "d.gold.json"
    gold_path.write_text('{"schema": "parley-gold/1",', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"not valid JSON .* line 1") as caught:
        load_gold_dir(tmp_path)
    assert str(caught.value).startswith(str(gold_path))
    gold_path.write_text("[]", encoding="utf-8")
    with pytest.raises(ConfigError, match="write a JSON object"):
        load_gold_dir(tmp_path)
    write_doc(tmp_path, "d")
    (tmp_path / "d.meta.json").unlink()
    with pytest.raises(ConfigError, match=r"add d\.meta\.json"):
        load_gold_dir(tmp_path)
    write_doc(tmp_path, "d")
    (tmp_path / "d.txt").unlink()
    with pytest.raises(ConfigError, match=r"add d\.txt"):
        load_gold_dir(tmp_path)
    with pytest.raises(ConfigError, match="not a directory"):
        load_gold_dir(tmp_path / "absent")


def shared_dir(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent: clone parley beside the shared/ folder to run this test")
    return path


@pytest.mark.parametrize("parts", [("gold",), ("data", "tempeval3", "eval-layout")])
def test_shared_gold_scored_against_itself_is_perfect(parts: tuple[str, ...]) -> None:
    docs = load_gold_dir(shared_dir(*parts))
    assert docs, "the shared gold folder holds no documents"
    result = score((d.gold, d.gold) for d in docs)
    assert result.documents == len(docs)
    for name, layer in result.layers.items():
        assert layer.f1 == 1.0, name
        assert layer.fp == layer.fn == 0, name
        for attribute, value in layer.accuracies.items():
            assert value in (1.0, None), (name, attribute)
            assert value == 1.0 or layer.tp == 0, (name, attribute)
    assert result.macro_f1 == 1.0


# --- properties ---------------------------------------------------------------------------

ACTOR_IDS = ["ISR", "ISR.GOV", "ISR.MIL", "LBN", "LBN.GOV", "HEZ", "USA.GOV"]


@st.composite
def spans(draw: st.DrawFn) -> dict[str, int]:
    # few distinct spans, so that records often share a sentence and matching has ties
    start = draw(st.integers(0, 20))
    return {"start": start, "end": start + draw(st.sampled_from([1, 5, 10, 20]))}


def maybe(values: list[Any]) -> st.SearchStrategy[Any]:
    return st.sampled_from([None, *values])


ACTOR_LISTS = st.lists(st.sampled_from(ACTOR_IDS), max_size=3)
TIMES = st.builds(lambda s, v: s | {"value": v}, spans(), maybe(["2025", "2025-03-11", "P60D"]))
STATEMENTS = st.builds(
    lambda s, c, sp, an, po: (
        s
        | {
            "content_start": c["start"],
            "content_end": c["end"],
            "speaker_actor": sp,
            "anonymous": an,
            "polarity": po,
        }
    ),
    spans(),
    spans(),
    maybe(ACTOR_IDS),
    st.booleans(),
    st.sampled_from(["assert", "deny"]),
)
EVENTS = st.builds(
    lambda s, k, a, status, d: s | {"kind": k, "a": a, "b": [], "status": status, "date": d},
    spans(),
    st.sampled_from(["talks", "attack"]),
    ACTOR_LISTS,
    st.sampled_from(["occurred", "planned"]),
    maybe(["2025", "2025-03-11"]),
)
POSITIONS = st.builds(
    lambda s, a, i, stance, r: s | {"actor": a, "issue": i, "stance": stance, "requires": r},
    spans(),
    st.sampled_from(ACTOR_IDS),
    st.sampled_from(["withdrawal", "ceasefire"]),
    st.sampled_from(["demand", "condition"]),
    st.lists(st.sampled_from(["disarmament", "ceasefire"]), max_size=2),
)
FIGURES = st.builds(
    lambda s, q, v, ap, pl: s | {"quantity": q, "value": v, "approx": ap, "place": pl},
    spans(),
    st.sampled_from(["killed", "injured"]),
    st.integers(1, 3),
    st.booleans(),
    maybe(["LBN", "ISR", "LBN.GOV"]),
)
GOLD_DOCS = st.builds(
    lambda actors, times, statements, events, positions, figures: doc(
        actors=actors,
        times=times,
        statements=statements,
        events=events,
        positions=positions,
        figures=figures,
    ),
    ACTOR_LISTS,
    *(st.lists(records, max_size=6) for records in (TIMES, STATEMENTS, EVENTS, POSITIONS, FIGURES)),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(GOLD_DOCS, min_size=1, max_size=3))
def test_any_gold_scored_against_itself_is_perfect(docs: list[dict[str, Any]]) -> None:
    result = score((gold, gold) for gold in docs)
    for name, layer in result.layers.items():
        assert (layer.p, layer.r, layer.f1) == (1.0, 1.0, 1.0), name
        assert all(value in (1.0, None) for value in layer.accuracies.values()), name
    assert result.macro_f1 == 1.0


@settings(max_examples=100, deadline=None)
@given(GOLD_DOCS, GOLD_DOCS)
def test_counts_add_up_and_scores_stay_in_range(gold: dict[str, Any], pred: dict[str, Any]) -> None:
    result = score([(gold, pred)])
    for name, layer in result.layers.items():
        if name != "actors":
            assert layer.tp + layer.fn == len(gold[name])
            assert layer.tp + layer.fp == len(pred[name])
        assert 0.0 <= layer.p <= 1.0 and 0.0 <= layer.r <= 1.0 and 0.0 <= layer.f1 <= 1.0
        assert all(v is None or 0.0 <= v <= 1.0 for v in layer.accuracies.values())
    swapped = score([(pred, gold)])
    for name in ("actors", "times"):
        assert swapped.layers[name].tp == result.layers[name].tp
