"""Score the figures layer on a gold folder and time the figure tagger against the pipeline.

    .venv/bin/python benchmarks/figures_eval.py [--gold-dir DIR] [--cache FILE.spacy]
        [--show-errors]

Runs ``load_pipeline()`` over every document of the gold folder (default ``../shared/gold``),
then ``FigureTagger``, converts each figure to the gold format (``start``, ``end``,
``quantity``, ``value``, ``approx``, ``place``, ``since``, ``until``) and prints the scorer's
table for the ``figures`` layer, then the time of the pipeline and of the figure tagger in ms
per 1000 words. ``--cache`` keeps the parsed documents in a DocBin so that later runs only
time the tagger; ``--show-errors`` lists unmatched figures and attribute disagreements.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from parley.eval.gold import GoldDoc, load_gold_dir
from parley.eval.score import format_table, match_records, root_id, score
from parley.nlp.figures import FigureTagger
from parley.nlp.pipeline import load_pipeline
from parley.theater import default_theater

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
GOLD_KEYS = ("start", "end", "quantity", "value", "approx", "place", "since", "until")


def to_gold(doc: Doc) -> list[dict[str, Any]]:
    """The document's figures in the ``parley-gold/1`` format."""
    return [{key: record[key] for key in GOLD_KEYS} for record in doc._.figures or []]


def parse(golds: list[GoldDoc], cache: Path | None, out: list[str]) -> tuple[list[Doc], float]:
    """Parsed docs (from the cache when it exists) and the pipeline seconds (0 from a cache)."""
    nlp = load_pipeline()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        out.append(f"(parsed documents read from {cache})")
        return docs, 0.0
    made = []
    for gold in golds:
        doc = nlp.make_doc(gold.text)
        doc._.doc_id = gold.doc_id
        doc._.published = gold.meta.get("published")
        made.append(doc)
    began = time.perf_counter()
    docs = list(nlp.pipe(made))
    seconds = time.perf_counter() - began
    if cache is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of parsed documents")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    golds = load_gold_dir(args.gold_dir)
    lines: list[str] = []
    docs, pipeline_seconds = parse(golds, args.cache, lines)
    nlp = load_pipeline(components=[])
    tagger = FigureTagger(nlp, "parley_figures", default_theater())
    began = time.perf_counter()
    for doc in docs:
        tagger(doc)
    tagger_seconds = time.perf_counter() - began
    pairs = []
    for gold, doc in zip(golds, docs, strict=True):
        figures = to_gold(doc)
        pairs.append((gold.gold, {"doc": gold.doc_id, "figures": figures}))
        if args.show_errors:
            lines.extend(_errors(gold, doc._.figures or []))
    lines.append(format_table(score(pairs, layers=["figures"])))
    words = sum(len(g.text.split()) for g in golds)
    per_k = 1000.0 / max(words, 1) * 1000.0
    lines.append(f"documents {len(golds)}, words {words}")
    lines.append(f"figures component: {tagger_seconds * per_k:.2f} ms per 1000 words")
    if pipeline_seconds:
        lines.append(
            f"pipeline (model + parley components): {pipeline_seconds * per_k:.1f} ms per 1000 "
            f"words; figures / pipeline: {tagger_seconds / pipeline_seconds:.2%}"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _errors(gold: GoldDoc, pred: list[dict[str, Any]]) -> list[str]:
    records = gold.gold.get("figures") or []
    matched = match_records(records, pred, "figures")
    text = gold.text
    lines = [f"== {gold.doc_id}"]
    for g, p in matched:
        a, b = records[g], pred[p]
        if (a["approx"], root_id(a["place"]), a.get("since")) != (
            b["approx"],
            root_id(b["place"]),
            b["since"],
        ):
            lines.append(
                f"  ATTR {a['quantity']} {a['value']} gold approx={a['approx']} "
                f"place={a['place']} since={a.get('since')} | pred approx={b['approx']} "
                f"place={b['place']} since={b['since']}  {text[b['start'] : b['end']][:140]!r}"
            )
    matched_gold = {g for g, _ in matched}
    matched_pred = {p for _, p in matched}
    for i, record in enumerate(records):
        if i not in matched_gold:
            lines.append(
                f"  MISS {record['quantity']} {record['value']} "
                f"{text[record['start'] : record['end']][:160]!r}"
            )
    for j, record in enumerate(pred):
        if j not in matched_pred:
            lines.append(
                f"  FALSE {record['quantity']} {record['value']} "
                f"[{text[record['num_start'] : record['num_end']]}] "
                f"{text[record['start'] : record['end']][:160]!r}"
            )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
