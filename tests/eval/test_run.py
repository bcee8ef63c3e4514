"""`evaluate`: a document the pipeline fails on counts as one with nothing found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.eval.run import evaluate
from parley.extract import Extractor
from tests.conftest import write


def _gold(folder: Path, doc_id: str, text: str, actors: list[str]) -> None:
    write(folder / f"{doc_id}.txt", text)
    write(folder / f"{doc_id}.meta.json", json.dumps({"id": doc_id, "published": "2025-03-10"}))
    layers = ("times", "statements", "events", "positions", "figures")
    gold = {"schema": "parley-gold/1", "doc": doc_id, "actors": actors} | {k: [] for k in layers}
    write(folder / f"{doc_id}.gold.json", json.dumps(gold))


def test_a_failed_document_scores_as_nothing_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _gold(tmp_path, "kept", "Israel and Lebanon met in Naqoura.", ["ISR", "LBN"])
    _gold(tmp_path, "failed", "Hezbollah fired rockets at Metula.", ["HEZ"])
    real = Extractor.extract

    def drop_one(self: Extractor, documents, *, workers: int = 0):
        # what the pipeline's error handler does with a document a component fails on
        return (e for e in real(self, documents, workers=workers) if e.document.id != "failed")

    monkeypatch.setattr(Extractor, "extract", drop_one)
    actors = evaluate(tmp_path, layers=["actors"]).to_dict()["layers"]["actors"]
    assert (actors["tp"], actors["fn"]) == (2, 1)
