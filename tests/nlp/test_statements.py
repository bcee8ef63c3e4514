"""Each attribution form of the statements layer, on sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc, DocBin

from parley.nlp.pipeline import load_pipeline
from parley.nlp.statements import StatementTagger
from parley.theater import default_theater

Run = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def tagged() -> Callable[[str], Doc]:
    nlp = load_pipeline(components=["parley_actors", "parley_places", "parley_times"])
    tagger = StatementTagger(nlp, "parley_statements", default_theater())
    return lambda text: tagger(nlp(text))


@pytest.fixture(scope="module")
def run(tagged: Callable[[str], Doc]) -> Run:
    def statements(text: str) -> list[dict[str, Any]]:
        return list(tagged(text)._.statements)

    return statements


def content(text: str, statement: dict[str, Any]) -> str:
    return text[statement["content_start"] : statement["content_end"]]


def test_verb_cue_with_that_clause(run: Run) -> None:
    text = "Lebanese officials confirmed on Monday that the border crossing would reopen soon."
    (found,) = run(text)
    assert content(text, found) == "the border crossing would reopen soon"
    assert found["cue"] == "confirmed"
    assert found["speaker_text"] == "Lebanese officials"
    assert found["speaker_actor"] == "LBN.GOV"
    assert found["anonymous"] is True
    assert found["polarity"] == "assert"
    assert (found["start"], found["end"]) == (0, len(text))


def test_denial_has_polarity_deny(run: Run) -> None:
    text = "The Israeli army denied that its troops had crossed the Blue Line."
    (found,) = run(text)
    assert found["polarity"] == "deny"
    assert found["speaker_actor"] == "ISR.MIL"
    assert content(text, found) == "its troops had crossed the Blue Line"


def test_according_to(run: Run) -> None:
    text = "Three shells hit the village overnight, according to the Lebanese army."
    (found,) = run(text)
    assert found["cue"] == "according to"
    assert content(text, found) == "Three shells hit the village overnight"
    assert found["speaker_actor"] == "LBN.MIL"


def test_possessive_office_and_statement(run: Run) -> None:
    text = "In a statement, Netanyahu's office said the delegation would travel on Sunday."
    (found,) = run(text)
    assert found["speaker_actor"] == "ISR.GOV"
    assert found["anonymous"] is False
    assert content(text, found) == "the delegation would travel on Sunday"


def test_quote_with_speaker_after_and_before(run: Run) -> None:
    text = '"We are ready to talk," Hezbollah said. He added, "The door is not closed."'
    first, second = run(text)
    assert content(text, first) == "We are ready to talk"
    assert first["speaker_actor"] == "HEZ"
    assert content(text, second) == "The door is not closed"
    assert second["speaker_actor"] == "HEZ"  # "He" refers back to the last speaker


def test_the_source_added_takes_speaker_and_medium_from_earlier(run: Run) -> None:
    text = (
        "A US official told Axios that the envoy would return next week. "
        '"Nothing has been decided yet," the source added.'
    )
    first, second = run(text)
    assert first["speaker_actor"] == "USA.GOV"
    assert first["medium"] == "Axios"
    assert first["anonymous"] is True
    assert second["cue"] == "added"
    assert second["speaker_actor"] == "USA.GOV"
    assert second["anonymous"] is True
    assert second["medium"] == "Axios"


def test_media_report_has_no_speaker_actor(run: Run) -> None:
    text = "Al Jazeera reported that the talks had stalled."
    (found,) = run(text)
    assert found["speaker_actor"] is None
    assert found["medium"] == "Al Jazeera"
    assert found["anonymous"] is False


def test_two_cues_give_two_statements(run: Run) -> None:
    text = (
        "The minister confirmed that the meeting took place, noting that no agreement was reached."
    )
    first, second = run(text)
    assert (first["cue"], second["cue"]) == ("confirmed", "noting")
    assert content(text, first) == "the meeting took place"
    assert content(text, second) == "no agreement was reached"
    assert first["speaker_text"] == second["speaker_text"] == "The minister"


def test_compound_speaker_gives_one_statement_per_side(run: Run) -> None:
    text = "Israel and Lebanon said the ceasefire was holding."
    found = run(text)
    assert [s["speaker_actor"] for s in found] == ["ISR", "LBN"]
    assert {content(text, s) for s in found} == {"the ceasefire was holding"}
    assert [sp["actor"] for sp in found[0]["speakers"]] == ["ISR", "LBN"]


def test_nested_speech_is_its_own_statement(run: Run) -> None:
    text = "Hezbollah insists that Lebanon informed the mediators that it would not disarm."
    found = run(text)
    assert [s["cue"] for s in found] == ["insists", "informed"]
    assert found[1]["speaker_actor"] == "LBN"
    assert content(text, found[1]) == "it would not disarm"


def test_reportedly_is_unattributed_and_hedged(run: Run) -> None:
    text = "The army is reportedly preparing a new deployment in the south."
    (found,) = run(text)
    assert found["cue"] == "reportedly"
    assert found["speaker_actor"] is None
    assert found["anonymous"] is True
    assert found["hedged"] is True


def test_reports_of(run: Run) -> None:
    text = "The visit came amid reports of a new proposal for the border."
    (found,) = run(text)
    assert found["cue"] == "reports"
    assert content(text, found) == "a new proposal for the border"
    assert found["speaker_actor"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah demanded a full withdrawal from the hills.",
        "Washington is pushing for a deal before the end of the month.",
        "Tehran believes that the talks will fail.",
        "The talks were held according to a plan agreed last year.",
    ],
)
def test_no_statement_for_directive_stance_or_cognitive_verbs(run: Run, text: str) -> None:
    assert run(text) == []


def test_statements_survive_a_docbin_round_trip(tagged: Callable[[str], Doc]) -> None:
    text = "The UN said the peacekeepers were unharmed, adding that it had protested."
    doc = tagged(text)
    before = list(doc._.statements)
    assert len(before) == 2
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(doc.vocab)
    after = list(back._.statements)
    # msgpack gives lists back as tuples
    assert [{**a, "speakers": list(a["speakers"])} for a in after] == before


# -- PolNeAR's guidelines (guidelines="polnear") -------------------------------------------------
@pytest.fixture(scope="module")
def run_polnear() -> Run:
    nlp = load_pipeline(components=["parley_actors", "parley_places", "parley_times"])
    tagger = StatementTagger(nlp, "parley_statements", default_theater(), guidelines="polnear")
    return lambda text: list(tagger(nlp(text))._.statements)


#: (sentence, cue, content) of attributions PolNeAR annotates and parley's guidelines leave out.
POLNEAR_ONLY = [
    # directive and stance verbs
    ("The senator demanded a recount of the ballots in the county.", "demanded",
     "a recount of the ballots in the county"),
    ("The governor urged lawmakers to pass the budget before the summer.", "urged",
     "to pass the budget before the summer"),
    ("Union leaders called for a higher minimum wage.", "called", "a higher minimum wage"),
    ("The union endorsed the governor on Tuesday.", "endorsed", "the governor"),
    # cognitive verbs and intentions
    ("The governor believes that the tax cut will pay for itself.", "believes",
     "the tax cut will pay for itself"),
    ("Many voters think the economy is getting worse.", "think", "the economy is getting worse"),
    ("The candidate plans to visit three states next week.", "plans",
     "to visit three states next week"),
    # questions
    ("Reporters asked whether the mayor would resign.", "asked", "the mayor would resign"),
    # polls and other evidence
    ("A new poll found that most voters oppose the plan.", "found", "most voters oppose the plan"),
    ("The latest poll shows the senator leading by six points.", "shows",
     "the senator leading by six points"),
    # "NAME:" lines (headlines, interviews)
    ("Smith: Tax Plan Will Create Jobs", ":", "Tax Plan Will Create Jobs"),
    # nominal and adjectival cues
    ("His claim that the election was rigged drew wide criticism.", "claim",
     "the election was rigged"),
    ("Party leaders are concerned that turnout will be low.", "concerned", "turnout will be low"),
    # negated attribution
    ("The senator did not say whether he would run again.", "say", "he would run again"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "expected"), POLNEAR_ONLY)
def test_polnear_attribution_forms(run_polnear: Run, text: str, cue: str, expected: str) -> None:
    (found,) = run_polnear(text)
    assert found["cue"] == cue
    assert content(text, found) == expected


@pytest.mark.parametrize(("text", "cue", "expected"), POLNEAR_ONLY)
def test_parley_guidelines_leave_polnear_forms_out(
    run: Run, text: str, cue: str, expected: str
) -> None:
    assert run(text) == []


def test_polnear_expectation_without_source(run_polnear: Run) -> None:
    text = "The mayor is expected to announce her decision on Friday."
    (found,) = run_polnear(text)
    assert found["cue"] == "expected"
    assert found["speaker_text"] is None
    assert content(text, found) == text[:-1]


def test_polnear_keeps_only_the_outermost_attribution(run_polnear: Run, run: Run) -> None:
    text = "The aide said the governor told donors that taxes were too high."
    (found,) = run_polnear(text)
    assert found["cue"] == "said"
    assert content(text, found) == "the governor told donors that taxes were too high"
    assert [s["cue"] for s in run(text)] == ["said", "told"]  # parley: nested speech too


def test_polnear_ignores_cues_inside_a_quote(run_polnear: Run) -> None:
    text = '"I think we will win this time," the candidate said.'
    (found,) = run_polnear(text)
    assert found["cue"] == "said"
    assert content(text, found) == "I think we will win this time"


def test_polnear_compound_source_is_one_attribution(run_polnear: Run, run: Run) -> None:
    text = "The senator and the governor said the deal was fair."
    assert len(run_polnear(text)) == 1
    assert len(run(text)) == 2


@pytest.mark.parametrize("guidelines", ["parley", "polnear"])
def test_quote_split_off_by_the_parser_is_still_found(guidelines: str) -> None:
    nlp = load_pipeline(components=["parley_actors", "parley_places", "parley_times"])
    tagger = StatementTagger(nlp, "parley_statements", default_theater(), guidelines=guidelines)
    text = '"Will you run again?" the host asked.'
    (found,) = tagger(nlp(text))._.statements
    assert found["cue"] == "asked"
    assert content(text, found) == "Will you run again?"


def test_unknown_guidelines_are_refused() -> None:
    nlp = load_pipeline(components=[])
    with pytest.raises(ValueError, match="guidelines"):
        StatementTagger(nlp, "parley_statements", default_theater(), guidelines="timeml")


def test_load_pipeline_passes_the_attribution_guidelines() -> None:
    nlp = load_pipeline(components=["parley_actors", "parley_statements"], attribution="polnear")
    assert nlp.get_pipe_config("parley_statements")["guidelines"] == "polnear"
    default = load_pipeline(components=["parley_actors", "parley_statements"])
    assert default.get_pipe_config("parley_statements")["guidelines"] == "parley"


def test_load_pipeline_refuses_unknown_attribution() -> None:
    from parley.errors import ConfigError

    with pytest.raises(ConfigError, match="attribution"):
        load_pipeline(components=[], attribution="timeml")


def test_polnear_dash_tagged_quote_and_transcript_lines(run_polnear: Run, run: Run) -> None:
    text = "“Taxes are far too high. We need relief now.” ― Maria Lopez"
    (found,) = run_polnear(text)
    assert found["speaker_text"] == "Maria Lopez"
    assert content(text, found) == "Taxes are far too high. We need relief now"
    transcript = (
        "SMITH: We will hold the hearing next week, and the committee will vote after that.\n"
        "SMITH: Yes, the hearing will be open to everyone."
    )
    assert [s["speaker_text"] for s in run_polnear(transcript)] == ["SMITH", "SMITH"]
    assert run_polnear("BOOM: Senator Drops A Bombshell On Live Television") == []
    assert run(text) == [] and run(transcript) == []


def test_a_participle_describing_a_noun_is_no_statement(run: Run) -> None:
    text = (
        "These include the release of Lebanese detainees, disputed points along the Blue Line "
        "and the withdrawal."
    )
    assert run(text) == []
