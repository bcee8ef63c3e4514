"""Each actor rule on sentences written for the test."""

from __future__ import annotations

import pytest


def actors(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(s.text, s._.actor) for s in doc.spans["actors"] if s._.kind != "media"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hezbollah rejected the plan.", [("Hezbollah", "HEZ")]),
        ("The IDF said the UN was told.", [("IDF", "ISR.MIL"), ("UN", "UN")]),
        ("Let us meet the US envoy.", [("US envoy", "USA.GOV")]),  # "us" is no actor
        ("UNIFIL and the Red Cross were there.", [("UNIFIL", "UN.UNIFIL"), ("Red Cross", "ICRC")]),
        ("Hezbollah's fighters withdrew.", [("Hezbollah's", "HEZ")]),
    ],
)
def test_names_and_aliases(nlp_actors_places, text: str, expected: list) -> None:
    assert actors(nlp_actors_places, text) == expected


def test_people_with_titles_and_later_short_names(nlp_actors_places) -> None:
    found = actors(
        nlp_actors_places,
        "Secretary of State Marco Rubio arrived on Monday. Rubio said the talks would go on.",
    )
    assert found == [("Secretary of State Marco Rubio", "USA.GOV"), ("Rubio", "USA.GOV")]
    doc = nlp_actors_places("Speaker Nabih Berri met Prime Minister Nawaf Salam.")
    assert [(s._.actor, s._.kind) for s in doc.spans["actors"]] == [
        ("LBN.LEG", "person"),
        ("LBN.GOV", "person"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Israeli army shelled the hills.", [("Israeli army", "ISR.MIL")]),
        ("Israeli officials declined to comment.", [("Israeli officials", "ISR.GOV")]),
        ("The Lebanese delegation left early.", [("Lebanese delegation", "LBN")]),
        (
            "Israeli and Lebanese officers met.",
            [("Israeli", "ISR.MIL"), ("Lebanese officers", "LBN.MIL")],
        ),
        ("An American source said so.", [("American source", "USA.GOV")]),
    ],
)
def test_demonym_phrases(nlp_actors_places, text: str, expected: list) -> None:
    assert actors(nlp_actors_places, text) == expected


def test_capitals_as_governments_only_when_they_act(nlp_actors_places) -> None:
    assert actors(nlp_actors_places, "Washington is pushing for a deal.") == [
        ("Washington", "USA.GOV")
    ]
    assert actors(nlp_actors_places, "Tehran rejected the proposal.") == [("Tehran", "IRN.GOV")]
    assert actors(nlp_actors_places, "The talks were held in Washington.") == []
    doc = nlp_actors_places("The talks were held in Washington.")
    assert [s.text for s in doc.spans["places"]] == ["Washington"]


def test_seats_always_stand_for_their_body(nlp_actors_places) -> None:
    assert actors(nlp_actors_places, "Sources in Baabda were cautious.") == [("Baabda", "LBN.GOV")]


def test_anaphora_follow_the_last_armed_group(nlp_actors_places) -> None:
    found = actors(
        nlp_actors_places,
        "Hamas and Hezbollah were named. The group said it would respond. "
        "Later the Palestinian group attacked.",
    )
    assert ("The group", "HEZ") in found and ("Palestinian group", "HEZ") in found
    assert actors(nlp_actors_places, "The group said it would respond.") == []


def test_descriptions_of_named_groups_are_no_state(nlp_actors_places) -> None:
    found = actors(nlp_actors_places, "The Palestinian group Hamas fired rockets.")
    assert [a for _, a in found if a] == ["HAM"]


def test_media_are_never_actors(nlp_actors_places) -> None:
    doc = nlp_actors_places("The Times of Israel and Al-Arabiya reported it, citing Axios.")
    kinds = {s.text: s._.kind for s in doc.spans["actors"]}
    assert kinds == {"The Times of Israel": "media", "Al-Arabiya": "media", "Axios": "media"}


def test_entities_outside_the_theater_stay_unresolved(nlp_actors_places) -> None:
    doc = nlp_actors_places("Angela Merkel spoke with the European Union about it.")
    unresolved = [(s.text, s.label_) for s in doc.spans["actors"] if s._.actor is None]
    assert ("Angela Merkel", "PERSON") in unresolved
    assert all(s._.actor is None for s in doc.spans["actors"])
