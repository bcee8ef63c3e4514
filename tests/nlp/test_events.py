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


def test_a_party_is_no_place_but_a_place_after_a_preposition_is(run: Run) -> None:
    talks = of_kind(run("Lebanon and Israel held talks in Naqoura on Tuesday."), "talks")
    assert talks["place"] == "Naqoura"
    attack = of_kind(run("Israel launched airstrikes on Lebanon on Monday."), "attack")
    assert attack["place"] == "Lebanon"


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


# -- modality and polarity (event_modal.py) -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # a speech verb over a "must" clause: a demand by the speaker, on the clause's subject
        ("The French envoy said on Monday that Israel must leave the hills.", "demand", "FRA"),
        ("Hezbollah stressed that the army should stay out of the south.", "demand", "HEZ"),
        # directives
        ("Iran ordered its proxies to halt all fire.", "demand", "IRN"),
        # intent: willing / ready / prepared to do X
        ("Hezbollah is willing to hand over its heavy weapons.", "concession", "HEZ"),
        ("France is ready to send engineers to the border area.", "agreement", "FRA"),
        ("Israel is prepared to impose a naval blockade on Lebanon.", "threat", "ISR"),
        # coercion announced, or held over a condition
        ("Lebanon said it would boycott the committee.", "threat", "LBN"),
        ("Israel will strike Beirut unless Hezbollah pulls back.", "threat", "ISR"),
        # refusals by negation and failure
        ("Lebanon will not accept the new American conditions.", "rejection", "LBN"),
        ("Hezbollah did not agree to the French timetable.", "rejection", "HEZ"),
        ("Israel and Lebanon failed to reach a deal on the hills.", "rejection", "ISR"),
    ],
)
def test_modal_triggers(run: Run, text: str, kind: str, agent: str) -> None:
    event = of_kind(run(text), kind)
    assert agent in roots(event["a"]), event
    assert event["type"] == event_lexicon().types[kind]


def test_obligation_target_and_content(run: Run) -> None:
    found = run("The French envoy said on Monday that Israel must leave the hills.")
    demand = of_kind(found, "demand")
    assert roots(demand["b"]) == {"ISR"}
    assert demand["date"] == "2025-06-02"  # the speech is the act
    assert demand["status"] == "occurred"
    assert not [e for e in found if e["kind"] == "withdrawal"]  # the content is no happening


def test_refusal_and_threat_are_acts_now(run: Run) -> None:
    assert (
        of_kind(run("Lebanon will not accept the new American conditions."), "rejection")["status"]
        == "occurred"
    )
    assert (
        of_kind(run("Lebanon said it would boycott the committee."), "threat")["status"]
        == "occurred"
    )


def test_modal_non_events(run: Run) -> None:
    # no party acts, a gerund that has not happened, a purpose, a non-act complement
    assert not run("Anyone who calls for a new war serves nobody.")
    assert not [
        e
        for e in run("Before asking for guarantees, Lebanon met the envoy.")
        if e["kind"] == "demand"
    ]
    assert not [
        e
        for e in run("Israel struck a depot in order to allow its troops to advance.")
        if e["kind"] == "concession"
    ]
    assert not run("Lebanon is ready to turn a new page.")
    assert not run("Israel did not strike the airport.")


# -- general-domain lexicon classes (events.toml) -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Iran has restored diplomatic ties with Egypt.", "support"),  # diplomatic cooperation
        ("France defended the decision of the Lebanese cabinet.", "support"),  # verbal defence
        ("Israel apologized to Lebanon for the shelling of the post.", "support"),
        ("Israel lifted the blockade on the port of Tyre.", "withdrawal"),  # de-escalation
        ("Israel lifted the ban on fishing boats off Naqoura.", "concession"),
        ("Lebanon cancelled the restrictions on the border crossing.", "concession"),
        ("Hezbollah called off the planned march on Friday.", "concession"),
        ("Israel accepted the demands of the American mediator.", "concession"),
        ("Israel allowed Lebanese farmers to reach their fields.", "concession"),
        ("Israel has strengthened its forces along the border.", "deployment"),
        ("Israeli troops remained on alert along the border.", "deployment"),
        ("Lebanese army patrols reached the village of Khiam.", "deployment"),
        ("Hezbollah fighters wounded two Israeli soldiers near Metula.", "attack"),
        ("Israel and Lebanon reached a consensus on the prisoner file.", "agreement"),
        ("The United States pressured Lebanon to speed up the disarmament.", "demand"),
        ("Qatar launched a mediation effort between Israel and Lebanon.", "talks"),
    ],
)
def test_general_lexicon_classes(run: Run, text: str, kind: str) -> None:
    found = run(text)
    assert [e for e in found if e["kind"] == kind], found


# -- dates from the occasion (event_context.py) ------------------------------------------------
def test_since_anchors_a_campaign(run: Run) -> None:
    text = "Israel has kept up its raids on the south since the truce took effect in November."
    assert of_kind(run(text), "attack")["date"] == "2024-11"
    text = "Hezbollah has fired drones at the north since the start of the war on 8 October 2023."
    assert of_kind(run(text), "attack")["date"] == "2023-10-08"


def test_a_framing_clause_or_adjunct_dates_the_happening(run: Run) -> None:
    found = run("At a cabinet session on Monday, Hezbollah ministers walked out.")
    assert of_kind(found, "rejection")["date"] == "2025-06-02"
    found = run("On 2 May, Israel opened a new front by shelling the hills.")
    assert of_kind(found, "attack")["date"] == "2025-05-02"


def test_a_dated_report_of_fresh_news_dates_it(run: Run) -> None:
    found = run("Reuters reported on Monday that Israel and Lebanon have agreed to a new round.")
    assert of_kind(found, "agreement")["date"] == "2025-06-02"
    found = run("An Israeli official said on Monday that the army had struck a weapons depot.")
    assert of_kind(found, "attack")["date"] is None  # past perfect: before the report


def test_wire_dateline_dates_the_lead(run: Run) -> None:
    found = run("Beirut, June 3. /Wire/. Israel has released four Lebanese detainees.")
    assert of_kind(found, "release")["date"] == "2025-06-03"


def test_headline_is_the_news_of_the_day(run: Run) -> None:
    found = run("Israeli drone kills a driver near Tyre\nThe car belonged to a local firm.")
    assert of_kind(found, "attack")["date"] == "2025-06-04"
