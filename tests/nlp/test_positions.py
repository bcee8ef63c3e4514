"""The positions component: each stance, each way English says sequence and condition, who
holds a stance, on sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parley.nlp.pipeline import load_pipeline

Run = Callable[[str], list[dict[str, Any]]]
KEYS = {
    "start",
    "end",
    "actor",
    "issue",
    "stance",
    "requires",
    "cue",
    "cue_start",
    "cue_end",
    "date",
}


@pytest.fixture(scope="module")
def run() -> Run:
    nlp = load_pipeline()

    def positions(text: str) -> list[dict[str, Any]]:
        return list(nlp(text)._.positions)

    return positions


def triples(found: list[dict[str, Any]]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    """(actor root, issue, stance, requires) of each position."""
    return {
        (p["actor"].split(".")[0], p["issue"], p["stance"], tuple(sorted(p["requires"])))
        for p in found
    }


def test_record_shape_and_date(run: Run) -> None:
    text = "On March 3, 2025, the Lebanese government demanded the release of all detainees."
    found = run(text)
    assert len(found) == 1, found
    position = found[0]
    assert set(position) == KEYS
    assert (position["actor"], position["issue"], position["stance"]) == (
        "LBN.GOV",
        "detainees",
        "demand",
    )
    assert position["requires"] == []
    assert text[position["cue_start"] : position["cue_end"]] == position["cue"] == "demanded"
    assert (position["start"], position["end"]) == (0, len(text))
    assert position["date"] == "2025-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France backs the deployment of the Lebanese army in the south.", "support"),
        ("Paris has welcomed the army deployment plan for the south.", "support"),
        ("France voiced opposition to the army deployment in the south.", "oppose"),
        ("France does not support the army deployment in the south.", "oppose"),
        ("France is pushing for a deployment of the Lebanese army in the south.", "propose"),
        ("France calls for a rapid deployment of the Lebanese army in the south.", "demand"),
    ],
)
def test_each_stance(run: Run, text: str, expected: str) -> None:
    assert triples(run(text)) == {("FRA", "army_deployment", expected, ())}


def test_propose_an_idea(run: Run) -> None:
    found = run("The US envoy put forward the idea of a pilot zone near the border.")
    assert ("USA", "army_deployment", "propose", ()) in triples(found)


def test_rejection_and_refusal(run: Run) -> None:
    assert triples(run("Hezbollah rejects any plan to disarm the group.")) == {
        ("HEZ", "disarmament", "oppose", ())
    }
    assert triples(run("Hezbollah will never hand over its weapons.")) == {
        ("HEZ", "disarmament", "oppose", ())
    }


def test_red_line_with_a_precondition(run: Run) -> None:
    found = run(
        "Hezbollah says its weapons are a red line as long as Israeli troops occupy the "
        "five points."
    )
    assert triples(found) == {("HEZ", "disarmament", "red_line", ("withdrawal",))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # will not X until Y
        (
            "Israel will not withdraw until Hezbollah disarms.",
            ("ISR", "withdrawal", "condition", ("disarmament",)),
        ),
        # will not X unless Y
        (
            "Hezbollah will not give up its arsenal unless Israel withdraws from the hills.",
            ("HEZ", "disarmament", "condition", ("withdrawal",)),
        ),
        # X only after Y
        (
            "Israel will pull out of the hills only after the Lebanese army deploys there.",
            ("ISR", "withdrawal", "condition", ("army_deployment",)),
        ),
        # Y before moving on to X
        (
            "Lebanon insists on a full ceasefire before moving on to border demarcation.",
            ("LBN", "border", "condition", ("ceasefire",)),
        ),
        # Y is a prerequisite for X
        (
            "Israeli officials say that disarmament is a prerequisite for any withdrawal.",
            ("ISR", "withdrawal", "condition", ("disarmament",)),
        ),
        # Y is a precondition for X
        (
            "Beirut says a truce is a precondition for the release of prisoners.",
            ("LBN", "detainees", "condition", ("ceasefire",)),
        ),
        # links X to Y
        (
            "Iran links the ceasefire in Lebanon to a truce in Gaza.",
            ("IRN", "ceasefire", "condition", ("gaza",)),
        ),
        # as long as Y (is not done), no X
        (
            "Israel will keep its troops in the south as long as Hezbollah keeps its weapons.",
            ("ISR", "withdrawal", "condition", ("disarmament",)),
        ),
        # the key to any X is Y
        (
            "Lebanese officials say the key to any withdrawal is the deployment of the army.",
            ("LBN", "withdrawal", "condition", ("army_deployment",)),
        ),
        # not the time for X, but for Y
        (
            "Hezbollah says it is not the time for disarmament, but for a ceasefire.",
            ("HEZ", "disarmament", "condition", ("ceasefire",)),
        ),
    ],
)
def test_sequence_and_condition(
    run: Run, text: str, expected: tuple[str, str, str, tuple[str, ...]]
) -> None:
    assert expected in triples(run(text))


def test_y_first_is_a_priority_demand(run: Run) -> None:
    found = triples(run("Israel wants Hezbollah to disarm first."))
    assert found == {("ISR", "disarmament", "demand", ())}


def test_priority_demand_with_no_conditioned_issue(run: Run) -> None:
    found = run("Lebanon wants a ceasefire before any other file is discussed.")
    assert triples(found) == {("LBN", "ceasefire", "demand", ())}


def test_mutual_precondition(run: Run) -> None:
    found = run(
        "Israel will not withdraw until Hezbollah disarms. "
        "Hezbollah will not disarm until Israel withdraws."
    )
    assert triples(found) == {
        ("ISR", "withdrawal", "condition", ("disarmament",)),
        ("HEZ", "disarmament", "condition", ("withdrawal",)),
    }


def test_mutual_precondition_on_ceasefire(run: Run) -> None:
    found = run(
        "Israel will not halt its fire until Hezbollah halts its fire. "
        "Hezbollah will not halt its fire until Israel halts its fire."
    )
    assert triples(found) == {
        ("ISR", "ceasefire", "condition", ("ceasefire",)),
        ("HEZ", "ceasefire", "condition", ("ceasefire",)),
    }


def test_speaker_holds_a_stance_with_no_subject_of_its_own(run: Run) -> None:
    found = run('"The army must deploy along the whole southern border," Aoun said.')
    assert [(p["actor"], p["issue"], p["stance"]) for p in found] == [
        ("LBN.GOV", "army_deployment", "demand")
    ]


def test_position_reported_by_another_party_stays_with_its_holder(run: Run) -> None:
    found = run("Lebanese officials said Israel demands the disarmament of Hezbollah.")
    assert triples(found) == {("ISR", "disarmament", "demand", ())}
    found = run("Tehran believes the agreement obliges Israel to withdraw from the hills.")
    assert triples(found) == {("IRN", "withdrawal", "demand", ())}


def test_no_position_from_happenings_or_agreements(run: Run) -> None:
    assert run("Israeli troops withdrew from two villages on Tuesday.") == []
    assert run("Israel and Lebanon agreed to a ceasefire in November.") == []
    assert run("The fighting went on until the truce took hold.") == []


def test_one_position_per_actor_and_issue(run: Run) -> None:
    found = run("Lebanon demands and insists on an Israeli withdrawal from the five points.")
    assert triples(found) == {("LBN", "withdrawal", "demand", ())}
