"""The events component: kinds, roles, status, date and place, on sentences written for the
test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from parley.nlp.event_parse import event_lexicon
from parley.nlp.pipeline import load_pipeline

Run = Callable[..., list[dict[str, Any]]]
KEYS = {
    "start", "end", "trigger", "trigger_start", "trigger_end", "kind", "type", "a", "b",
    "issues", "date", "place", "lat", "lon", "status",
}  # fmt: skip


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    def events(text: str, published: str | None = "2025-06-04") -> list[dict[str, Any]]:
        doc = nlp.make_doc(text)
        doc._.published = published
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        return list(doc._.events)

    return events


def of_kind(found: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    matching = [e for e in found if e["kind"] == kind]
    assert len(matching) == 1, found
    return matching[0]


def roots(ids: list[str]) -> set[str]:
    return {i.split(".", 1)[0] for i in ids}


def test_record_keys_and_type_from_the_lexicon(run: Run) -> None:
    event = of_kind(run("Israeli jets struck a depot near Tyre on Sunday."), "attack")
    assert set(event) == KEYS
    assert event["type"] == "ASSAULT" == event_lexicon().types["attack"]
    assert event["trigger"] == "struck"
    assert roots(event["a"]) == {"ISR"}


@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        ("Lebanese and Israeli officers met in Naqoura on Monday.", "talks", "LBN"),
        ("France proposed a new monitoring plan for the border.", "proposal", "FRA"),
        ("Hezbollah rejected the American paper outright.", "rejection", "HEZ"),
        ("Lebanon demanded a full Israeli pullout from the hills.", "demand", "LBN"),
        ("Israel agreed to free four Lebanese fishermen.", "concession", "ISR"),
        ("The Israeli army withdrew from two villages last week.", "withdrawal", "ISR"),
        ("The Lebanese army deployed troops along the Litani.", "deployment", "LBN"),
        ("Israel accused Hezbollah of smuggling weapons.", "accusation", "ISR"),
        ("Iran threatened Israel with a harsh response.", "threat", "IRN"),
        ("Washington welcomed the Lebanese cabinet decision.", "support", "USA"),
        ("Hezbollah fired rockets at an Israeli base.", "attack", "HEZ"),
    ],
)
def test_each_kind(run: Run, text: str, kind: str, agent: str) -> None:
    event = of_kind(run(text), kind)
    assert agent in roots(event["a"]), event
    assert event["type"] == event_lexicon().types[kind]


def test_release_by_its_object(run: Run) -> None:
    event = of_kind(run("Israel handed over three Lebanese prisoners at the crossing."), "release")
    assert roots(event["a"]) == {"ISR"}
    assert roots(event["b"]) == {"LBN"}


def test_coordinated_agents(run: Run) -> None:
    event = of_kind(run("Israel and Lebanon agreed on a new maritime arrangement."), "agreement")
    assert roots(event["a"]) == {"ISR", "LBN"}


def test_talks_list_every_participant(run: Run) -> None:
    text = (
        "A three-party session was held in Naqoura with envoys from the United States, "
        "France and Lebanon."
    )
    event = of_kind(run(text), "talks")
    assert roots(event["a"]) == {"USA", "FRA", "LBN"}
    assert event["b"] == []
    assert event["place"] == "Naqoura"
    assert event["lat"] is not None


def test_passive_agent(run: Run) -> None:
    event = of_kind(run("Six Lebanese detainees were released by Israel on Friday."), "release")
    assert roots(event["a"]) == {"ISR"}
    assert event["date"] == "2025-05-30"


def test_nominal_event_with_of_agent(run: Run) -> None:
    event = of_kind(
        run("The withdrawal of the Israeli army from Khiam began in May."), "withdrawal"
    )
    assert roots(event["a"]) == {"ISR"}
    assert event["date"] == "2025-05"


def test_light_verb_lends_agent_and_date(run: Run) -> None:
    event = of_kind(
        run("Israel launched a wave of airstrikes on Nabatieh on 3 March 2025."), "attack"
    )
    assert roots(event["a"]) == {"ISR"}
    assert event["date"] == "2025-03-03"


def test_talks_participants_resolved_from_earlier_talks(run: Run) -> None:
    found = run(
        "Israel and Lebanon held talks in Washington on Tuesday. "
        "The negotiations focused on the land border."
    )
    talks = [e for e in found if e["kind"] == "talks"]
    assert len(talks) == 2
    assert roots(talks[1]["a"]) == {"ISR", "LBN"}


def test_elided_agent_from_the_preceding_sentence(run: Run) -> None:
    found = run("Hezbollah fired drones at Metula overnight. It also launched rockets at Safed.")
    attacks = [e for e in found if e["kind"] == "attack"]
    assert [roots(e["a"]) for e in attacks] == [{"HEZ"}, {"HEZ"}]


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("The two delegations will resume talks in Naqoura next week.", "talks", "planned"),
        ("The talks are expected to be held in Paris.", "talks", "planned"),
        ("The United States put forward a proposal on the five hills.", "proposal", "proposed"),
        ("Israel may withdraw from the hills if Hezbollah disarms.", "withdrawal", "hypothetical"),
        ("Israel could strike Beirut again, analysts believe.", "attack", "hypothetical"),
        ("Lebanon says Israel violated the ceasefire again.", "attack", "claimed"),
        ("Israel denied that its troops shelled a Lebanese army post.", "attack", "denied"),
        ("Israeli troops shelled a Lebanese army post on Tuesday.", "attack", "occurred"),
    ],
)
def test_status(run: Run, text: str, kind: str, status: str) -> None:
    assert of_kind(run(text), kind)["status"] == status


def test_accusation_behind_a_claimed_violation(run: Run) -> None:
    event = of_kind(run("Lebanon says Israel violated the ceasefire again."), "accusation")
    assert roots(event["a"]) == {"LBN"}
    assert roots(event["b"]) == {"ISR"}


def test_date_of_the_speech_is_not_the_date_of_the_happening(run: Run) -> None:
    found = run("An Israeli official said on Monday that the army had struck a weapons depot.")
    assert of_kind(found, "attack")["date"] is None


def test_no_date_from_the_publication_date(run: Run) -> None:
    event = of_kind(run("Israeli drones struck a car in Bint Jbeil."), "attack")
    assert event["date"] is None
    assert (
        of_kind(run("Israeli drones struck a car in Bint Jbeil.", None), "attack")["date"] is None
    )


def test_modifiers_topics_and_negations_are_no_events(run: Run) -> None:
    assert run("During the meeting, the envoy took notes.") == []
    assert not [
        e
        for e in run("The negotiations will address the withdrawal of Israeli troops.")
        if e["kind"] == "withdrawal"
    ]
    assert not [e for e in run("Israel did not strike the port.") if e["kind"] == "attack"]


def test_issues_from_the_theater_triggers(run: Run) -> None:
    event = of_kind(run("Lebanon and Israel discussed the border demarcation in Naqoura."), "talks")
    assert "border" in event["issues"]
