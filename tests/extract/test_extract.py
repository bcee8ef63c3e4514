"""Extraction records: provenance, the gold and JSON forms, the extract command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.records import Document
from tests.conftest import DEMO, write

TEXT = (
    "Israeli and Lebanese officers met in Naqoura on Tuesday, a US official said. "
    "Hezbollah said the group would not disarm"
)


def test_every_record_points_at_its_text(extractor) -> None:
    doc = Document(id="t1", text=TEXT, published="2025-03-13")
    result = extractor.extract_one(doc)
    spans = [m for a in result.actors for m in a.mentions]
    assert spans, "actors expected"
    for mention in spans:
        assert TEXT[mention.start : mention.end] == mention.text
    for record in (*result.times, *result.places):
        assert record.evidence.doc_id == "t1"
        assert TEXT[record.evidence.start : record.evidence.end] == record.text
    assert {a.id for a in result.actors} == {"ISR.MIL", "LBN.MIL", "USA.GOV"}


def test_an_incomplete_final_sentence_carries_no_records(extractor) -> None:
    result = extractor.extract_one(Document(id="t2", text=TEXT, published="2025-03-13"))
    assert "HEZ" not in {a.id for a in result.actors}  # only in the cut-off sentence
    whole = extractor.extract_one(Document(id="t3", text=TEXT + ".", published="2025-03-13"))
    assert "HEZ" in {a.id for a in whole.actors}


def test_gold_form(extractor) -> None:
    gold = extractor.extract_one(
        Document(id="t4", text=TEXT + ".", published="2025-03-13")
    ).to_gold()
    assert gold["schema"] == "parley-gold/1" and gold["doc"] == "t4"
    assert gold["actors"] == sorted(gold["actors"])
    assert set(gold) == {
        "schema",
        "doc",
        "actors",
        "times",
        "statements",
        "events",
        "positions",
        "figures",
    }


def test_extract_command_one_file_to_stdout(cli) -> None:
    result = cli("extract", str(DEMO / "seed-002.txt"), "--format", "gold")
    assert result.code == 0, result.err
    gold = json.loads(result.out)
    assert gold["doc"] == "seed-002" and "LBN" in gold["actors"]


def test_extract_command_many_files_and_a_bad_one(cli, tmp_path: Path) -> None:
    bad = write(tmp_path / "in" / "empty.txt", "")
    assert cli("extract", str(DEMO)).code == 2  # several need --out-dir
    result = cli(
        "extract", str(DEMO), str(bad), "--format", "gold", "--out-dir", str(tmp_path / "out")
    )
    assert result.code == 1 and f"Rejected: {bad}: empty" in result.err
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["seed-001.gold.json", "seed-002.gold.json", "seed-004.gold.json"]
    full = cli("extract", str(DEMO / "seed-004.txt"), "--format", "json")
    data = json.loads(full.out)
    assert data["document"]["published"] == "2024-10-31"
    assert all("evidence" in t and "confidence" in t for t in data["times"])


@pytest.mark.slow
def test_two_processes_give_the_same_records(extractor) -> None:
    texts = sorted(DEMO.glob("*.txt"))
    documents = [
        Document(id=p.stem, text=p.read_text(encoding="utf-8"), published="2025-03-11")
        for p in texts
    ] * 3
    serial = [r.to_json() for r in extractor.extract(documents)]
    parallel = [r.to_json() for r in extractor.extract(documents, workers=2)]
    assert parallel == serial


def test_json_output_follows_the_checked_in_schema(extractor) -> None:
    from pydantic import TypeAdapter

    from parley.cli.docgen import render_schema
    from parley.records import Extraction
    from tests.conftest import REPO

    assert (REPO / "docs" / "extraction.schema.json").read_text(encoding="utf-8") == (
        render_schema()
    ), "docs/extraction.schema.json is stale: run `make docs`"
    text = (DEMO / "seed-002.txt").read_text(encoding="utf-8")
    data = extractor.extract_one(Document(id="s", text=text, published="2025-03-11")).to_json()
    TypeAdapter(Extraction).validate_python(data)
    schema = json.loads(render_schema())
    assert set(data) == set(schema["properties"])
    for layer, definition in (("actors", "Actor"), ("times", "Time"), ("places", "Place")):
        assert data[layer], layer
        assert set(data[layer][0]) == set(schema["$defs"][definition]["properties"]), layer
