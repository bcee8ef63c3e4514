"""Places: gazetteer and theater lookups, metonyms excluded, coordinates attached."""

from __future__ import annotations


def places(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s._.place["name"], s.label_) for s in doc.spans["places"]]


def test_gazetteer_places_with_coordinates(nlp_actors_places) -> None:
    doc = nlp_actors_places("Rockets hit Kiryat Shmona and Tyre.")
    found = {s.text: s._.place for s in doc.spans["places"]}
    assert found["Kiryat Shmona"]["country"] == "IL" and found["Tyre"]["country"] == "LB"
    assert 33.0 < found["Tyre"]["lat"] < 33.5 and 35.0 < found["Tyre"]["lon"] < 35.5
    # the NER's PERSON guess for a place is no unresolved actor any more
    assert not [s for s in doc.spans["actors"] if s.text == "Kiryat Shmona"]


def test_theater_places_win_and_direction_words_stay_out(nlp_actors_places) -> None:
    found = places(nlp_actors_places, "They met at Ras Naqoura in southern Lebanon.")
    assert found == [("Ras Naqoura", "Naqoura", "LB"), ("Lebanon", "Lebanon", "LB")]


def test_a_metonym_is_not_a_place(nlp_actors_places) -> None:
    assert places(nlp_actors_places, "Washington insists on a timetable.") == []
    assert places(nlp_actors_places, "Baabda was silent.") == []


def test_places_outside_the_gazetteer_keep_their_name_without_coordinates(
    nlp_actors_places,
) -> None:
    doc = nlp_actors_places("The envoys flew from Singapore to Naqoura.")
    found = {s.text: s._.place for s in doc.spans["places"]}
    assert found["Singapore"]["lat"] is None and found["Singapore"]["country"] == ""
    assert found["Naqoura"]["country"] == "LB"
