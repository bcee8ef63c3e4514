"""`parley eval` as a library call: extract every gold document and score it."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from parley.eval.gold import load_gold_dir
from parley.eval.score import Scores, score
from parley.records import Document, Extraction
from parley.theater import Theater


def evaluate(
    gold_dir: str | Path,
    theater: Theater | None = None,
    *,
    layers: Collection[str] | None = None,
    workers: int = 0,
    timeml: bool = False,
    attribution: str = "parley",
) -> Scores:
    """Scores of parley's extraction against the gold files in ``gold_dir``.

    ``timeml`` scores times by TimeML (TempEval) conventions rather than parley's own;
    ``attribution="polnear"`` finds statements by PolNeAR's guidelines (stance, cognitive and
    directive verbs too) rather than parley's own. A document the pipeline fails on counts
    as one with nothing found.
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
    extractor = Extractor(theater, timeml=timeml, attribution=attribution)
    predicted = {e.document.id: e.to_gold() for e in extractor.extract(documents, workers=workers)}
    # a document the pipeline failed on scores as an empty prediction (its gold records count
    # as misses), never silently left out
    pairs = [
        (g.gold, predicted.get(g.doc_id) or Extraction(d).to_gold())
        for g, d in zip(gold_docs, documents, strict=True)
    ]
    return score(pairs, layers=layers)
