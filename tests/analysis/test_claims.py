"""Claims grouped by speaker, on articles written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.analysis.claims import claims
from parley.errors import ConfigError
from parley.ingest import ingest
from parley.store import SqlStore
from parley.theater import default_theater
from tests.conftest import write

ONE = (
    "Israeli officials said the army would stay in the five positions until the Lebanese army "
    "deploys. Hezbollah denied that its fighters had returned to the border villages."
)
TWO = (
    "A US official told Axios that Washington expects a ceasefire extension. "
    "Israeli officials said the withdrawal would be phased."
)


@pytest.fixture
def filled(store: SqlStore, tmp_path: Path, extractor) -> SqlStore:
    for name, text, published in (("one", ONE, "2025-03-10"), ("two", TWO, "2025-03-12")):
        path = write(tmp_path / "in" / f"{name}.txt", text)
        write(path.with_name(f"{name}.meta.json"), json.dumps({"id": name, "published": published}))
    ingest([str(tmp_path / "in")], store, extractor=extractor, workers=1)
    return store


def test_grouped_by_speaker_in_date_order(filled: SqlStore) -> None:
    groups = {g.speaker: g for g in claims(filled, default_theater())}
    israel = groups["ISR.GOV"].claims
    assert [c.doc_id for c in israel] == ["one", "two"]
    assert israel[0].content.startswith("the army would stay in the five positions")
    assert groups["HEZ"].claims[0].polarity == "deny"
    us = groups["USA.GOV"].claims[0]
    assert (us.medium, us.anonymous, us.published) == ("Axios", True, "2025-03-12")


def test_filters(filled: SqlStore) -> None:
    theater = default_theater()
    assert {g.speaker for g in claims(filled, theater, actor="ISR")} == {"ISR.GOV"}
    by_issue = claims(filled, theater, issue="withdrawal")
    assert [c.doc_id for g in by_issue for c in g.claims] == ["one", "two"]
    recent = claims(filled, theater, since="2025-03-11")
    assert {c.doc_id for g in recent for c in g.claims} == {"two"}
    with pytest.raises(ConfigError, match="no issue 'weather'"):
        claims(filled, theater, issue="weather")


def test_cli(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "in" / "one.txt", ONE)
    cli("ingest", str(path), "--quiet")
    result = cli("claims", "--actor", "HEZ")
    assert result.code == 0 and "HEZ — 1 statement(s)" in result.out and "DENIES" in result.out
    data = json.loads(cli("claims", "--json").out)
    assert {g["speaker"] for g in data} == {"ISR.GOV", "HEZ"}
