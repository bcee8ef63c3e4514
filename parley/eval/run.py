"""`parley eval` as a library call: extract every gold document and score it."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from parley.eval.gold import load_gold_dir
from parley.eval.score import Scores, score
from parley.records import Document
from parley.theater import Theater


def evaluate(
    gold_dir: str | Path,
    theater: Theater | None = None,
    *,
    layers: Collection[str] | None = None,
    workers: int = 0,
    timeml: bool = False,
) -> Scores:
    """Scores of parley's extraction against the gold files in ``gold_dir``.

    ``timeml`` scores times by TimeML (TempEval) conventions rather than parley's own.
    """
    from parley.extract import Extractor

    gold_docs = load_gold_dir(gold_dir)
    documents = [
        Document(
            id=g.doc_id,
            text=g.text,
            title=g.meta.get("title"),
            outlet=g.meta.get("outlet"),
            url=g.meta.get("url"),
            published=g.meta.get("published"),
        )
        for g in gold_docs
    ]
    extractor = Extractor(theater, timeml=timeml)
    predicted = [e.to_gold() for e in extractor.extract(documents, workers=workers)]
    return score(zip((g.gold for g in gold_docs), predicted, strict=True), layers=layers)
