from __future__ import annotations

import pytest

from parley.errors import InputError
from parley.ingest.document import Article, detect_language, normalise_published, to_document


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-03-11", "2025-03-11"),
        ("2025-03", "2025-03"),
        ("2025-03-11T14:05:00Z", "2025-03-11T14:05:00+00:00"),
        ("2025-03-11 14:05", "2025-03-11T14:05:00"),
        ("Tue, 11 Mar 2025 14:05:00 +0200", "2025-03-11T14:05:00+02:00"),
        (None, None),
        ("", None),
    ],
)
def test_published_forms(given: str | None, expected: str | None) -> None:
    assert normalise_published(given, "x") == expected


@pytest.mark.parametrize("bad", ["yesterday", "11/03/2025x", "2025-13-45"])
def test_bad_published_names_the_fix(bad: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD") as caught:
        normalise_published(bad, "a.meta.json")
    assert caught.value.source == "a.meta.json"


def test_meta_id_is_kept_and_int_ids_become_strings() -> None:
    assert to_document(Article("Some text here.", "a", {"id": "seed-9"})).id == "seed-9"
    assert to_document(Article("Some text here.", "a", {"id": 42})).id == "42"


@pytest.mark.parametrize("bad", ["../etc/passwd", "has space", "x" * 200, ["list"]])
def test_unusable_ids_are_refused(bad: object) -> None:
    with pytest.raises(InputError, match="id"):
        to_document(Article("Some text here.", "a", {"id": bad}))


def test_derived_ids_are_stable_and_prefer_the_url() -> None:
    by_url = to_document(Article("Text one.", "a", {"url": "https://example.org/a"}))
    again = to_document(Article("Text two, edited.", "b", {"url": "https://example.org/a"}))
    by_text = to_document(Article("Text one.", "c", {}))
    assert by_url.id == again.id and by_url.id.startswith("u-")
    assert by_text.id.startswith("h-") and by_text.id != by_url.id


def test_metadata_must_have_the_right_types() -> None:
    with pytest.raises(InputError, match="title must be a string"):
        to_document(Article("Some text here.", "a", {"title": ["not", "a", "string"]}))


def test_language_is_detected() -> None:
    assert (
        detect_language("The Israeli army withdrew from the village on Tuesday, officials said.")
        == "en"
    )
    assert (
        detect_language(
            "L'armée israélienne s'est retirée du village mardi, selon des responsables."
        )
        == "fr"
    )
    assert detect_language("Hi") is None
