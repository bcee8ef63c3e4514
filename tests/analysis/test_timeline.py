"""Event clustering and the timeline, on event records written to a real store.

The records are built by hand here so that the clustering rules are tested apart from the
extraction; tests/analysis/test_timeline_corpus.py runs the same on articles.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from parley.analysis.timeline import timeline
from parley.records import Document, Event, Extraction
from parley.store import SqlStore
from tests.conftest import event_record

SENTENCE = "Negotiators from both sides met in Naqoura under UN auspices on Tuesday."


def _event(
    doc: str,
    start: int,
    *,
    kind: str = "talks",
    a: tuple[str, ...] = ("ISR.MIL", "LBN"),
    date: str | None = "2025-03-11",
    place: str | None = "Naqoura",
    status: str = "occurred",
) -> Event:
    issues = ("withdrawal",) if kind == "withdrawal" else ("border",)
    return event_record(
        doc,
        start,
        kind=kind,
        a=a,
        issues=issues,
        date=date,
        place=place,
        status=status,
        length=len(SENTENCE),
    )


def _store(store: SqlStore, docs: dict[str, tuple[str | None, list[Event]]]) -> SqlStore:
    for doc_id, (published, events) in docs.items():
        text = (SENTENCE + " ") * 4
        document = Document(id=doc_id, text=text, published=published, outlet=f"Outlet {doc_id}")
        store.write_document(
            document, signature=None, near=[], records=Extraction(document, events=tuple(events))
        )
    return store


def test_one_happening_three_sources_and_a_later_one_apart(store: SqlStore) -> None:
    _store(
        store,
        {
            "a": ("2025-03-11", [_event("a", 0)]),
            "b": ("2025-03-12", [_event("b", 0, a=("LBN.GOV",), date=None)]),  # undated, next day
            "c": ("2025-03-12", [_event("c", 0, a=("USA", "ISR"), date="2025-03", place=None)]),
            "d": ("2025-03-18", [_event("d", 0, date="2025-03-18")]),  # a week later
        },
    )
    events = timeline(store)
    assert [(e.when, len(e.sources)) for e in events] == [("2025-03-11", 3), ("2025-03-18", 1)]
    first = events[0]
    assert first.sources == ("Outlet a", "Outlet b", "Outlet c")
    assert set(first.a) == {"ISR.MIL", "LBN", "LBN.GOV", "USA", "ISR"}
    assert first.place is not None and first.place.place == "Naqoura"
    assert first.date == "2025-03-11" and first.dated
    stored = store.event_clusters()
    assert sorted(len(c.event_ids) for c in stored) == [1, 3]
    assert {c.id for c in stored} == {e.id for e in events}


@pytest.mark.parametrize(
    "other",
    [
        _event("b", 0, kind="withdrawal"),  # another kind
        _event("b", 0, a=("HEZ",)),  # other actors
        _event("b", 0, place="Khiam"),  # another place
        _event("b", 0, date="2025-03-12"),  # another day
    ],
)
def test_incompatible_mentions_stay_apart(store: SqlStore, other: Event) -> None:
    _store(store, {"a": ("2025-03-11", [_event("a", 0)]), "b": ("2025-03-11", [other])})
    assert len(timeline(store)) == 2


def test_undated_background_repeats_join_within_an_article(store: SqlStore) -> None:
    start = len(SENTENCE) + 1
    _store(store, {"a": (None, [_event("a", 0, date=None), _event("a", start, date=None)])})
    events = timeline(store)
    assert len(events) == 1 and len(events[0].mentions) == 2
    assert events[0].when == "" and not events[0].dated


def test_status_date_order_and_filters(store: SqlStore) -> None:
    _store(
        store,
        {
            "a": ("2025-03-11", [_event("a", 0, status="claimed")]),
            "b": ("2025-03-11", [_event("b", 0, status="occurred")]),
            "c": ("2025-03-11", [_event("c", 0, status="occurred")]),
            "d": ("2025-02-01", [_event("d", 0, kind="withdrawal", a=("ISR.MIL",), date=None)]),
        },
    )
    events = timeline(store)
    assert [(e.kind, e.when, e.status) for e in events] == [
        ("withdrawal", "2025-02-01", "occurred"),
        ("talks", "2025-03-11", "occurred"),
    ]
    assert [e.kind for e in timeline(store, kind="withdrawal")] == ["withdrawal"]
    assert [e.kind for e in timeline(store, actor="LBN")] == ["talks"]
    assert [e.kind for e in timeline(store, issue="border")] == ["talks"]
    assert [e.kind for e in timeline(store, since="2025-03")] == ["talks"]
    assert [e.kind for e in timeline(store, until="2025-02-28")] == ["withdrawal"]
    # clustering replaced, not added to
    timeline(store)
    assert len(store.event_clusters()) == 2


def test_new_revision_leaves_no_dangling_cluster_member(store: SqlStore) -> None:
    _store(store, {"a": ("2025-03-11", [_event("a", 0)])})
    timeline(store)
    _store(store, {"a": ("2025-03-11", [_event("a", 0, date="2025-03-12")])})  # revision 2
    assert [e.when for e in timeline(store)] == ["2025-03-12"]


def test_cli_timeline_and_export(cli, tmp_path) -> None:
    from parley.store import open_store

    db = tmp_path / "cli.db"  # the cli fixture's PARLEY_DB
    store = open_store(db)
    _store(
        store,
        {
            "a": ("2025-03-11", [_event("a", 0)]),
            "b": ("2025-03-12", [_event("b", 0, a=("LBN",), date=None)]),
        },
    )
    store.close()
    table = cli("timeline")
    assert table.code == 0
    assert "2025-03-11" in table.out and "talks" in table.out and "2 source(s)" in table.out
    data = json.loads(cli("timeline", "--format", "json").out)
    assert data[0]["sources"] == ["Outlet a", "Outlet b"] and data[0]["place"] == "Naqoura"
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "--format", "csv").out)))
    assert rows[0]["kind"] == "talks" and rows[0]["a"] == "LBN;ISR.MIL"  # most frequent first
    lines = cli("export", "events", "--format", "plover").out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2 and {r["cluster"] for r in records} == {data[0]["id"]}
    first = records[0]
    assert first["event"] == "CONSULT" and first["eventLoc"]["name"] == "Naqoura"
    assert first["source"][0] == {"code": "ISR.MIL", "root": "ISR"}
    assert first["text"] == SENTENCE and first["span"] == [0, len(SENTENCE)]
    out = tmp_path / "events.csv"
    assert cli("export", "events", "--format", "csv", "--out", str(out)).code == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 2
    bad = cli("timeline", "--format", "xml")
    assert bad.code == 2 and "use one of table, json, csv" in bad.err
    assert cli("export", "events", "--format", "xml").code == 2


def test_rules_found_by_labelling_real_pairs(store: SqlStore) -> None:
    """Two-sided happenings need both sides; a year does not place a happening; undated
    reports two days apart are different happenings."""
    attack = {"kind": "attack", "place": None}
    _store(
        store,
        {
            "a": ("2024-10-01", [_event("a", 0, a=("ISR", "HEZ"), date=None, **attack)]),
            "b": ("2024-10-01", [_event("b", 0, a=("ISR", "HAM"), date=None, **attack)]),
            "c": ("2024-10-03", [_event("c", 0, a=("ISR", "HEZ"), date=None, **attack)]),
            "d": ("2024-10-01", [_event("d", 0, a=("HEZ", "ISR.MIL"), date="2024", **attack)]),
        },
    )
    events = timeline(store)
    assert sorted(tuple(sorted(e.documents)) for e in events) == [("a", "d"), ("b",), ("c",)]
