"""Score the positions layer on a gold folder and time the position tagger against the pipeline.

    .venv/bin/python benchmarks/positions_eval.py [--gold-dir DIR] [--cache FILE.spacy]
        [--show-errors]

Runs the bare model (spaCy alone) and then ``load_pipeline()`` over every document of the
gold folder (default ``../shared/gold``), then ``PositionTagger`` on the parsed documents,
converts each position to the gold format (``start``, ``end``, ``actor``, ``issue``,
``stance``, ``requires``) and prints the scorer's table for the ``positions`` layer, then the
time of the bare model, of the pipeline and of the position tagger in ms per 1000 words, and
the tagger's cost relative to the bare model. ``--cache`` keeps the parsed documents in a
DocBin so that later runs only time the tagger; ``--show-errors`` lists unmatched positions
and stance or requires disagreements. Without the gold folder it says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

from parley.eval.gold import GoldDoc, load_gold_dir
from parley.eval.score import format_table, match_records, root_id, score
from parley.nlp.pipeline import load_pipeline, pipeline_spec
from parley.nlp.positions import PositionTagger
from parley.theater import default_theater

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
GOLD_KEYS = ("start", "end", "actor", "issue", "stance", "requires")


def to_gold(doc: Doc) -> list[dict[str, Any]]:
    """The document's positions in the ``parley-gold/1`` format."""
    return [{key: record[key] for key in GOLD_KEYS} for record in doc._.positions or []]


def _made(nlp: spacy.language.Language, golds: list[GoldDoc]) -> list[Doc]:
    made = []
    for gold in golds:
        doc = nlp.make_doc(gold.text)
        doc._.doc_id = gold.doc_id
        doc._.published = gold.meta.get("published")
        made.append(doc)
    return made


def bare_seconds(golds: list[GoldDoc]) -> float:
    """Seconds the bare spaCy model (no parley component) takes over the documents."""
    nlp = spacy.load(pipeline_spec().package)
    began = time.perf_counter()
    list(nlp.pipe(nlp.make_doc(g.text) for g in golds))
    return time.perf_counter() - began


def parse(golds: list[GoldDoc], cache: Path | None, out: list[str]) -> tuple[list[Doc], float]:
    """Parsed docs (from the cache when it exists) and the pipeline seconds (0 from a cache)."""
    nlp = load_pipeline()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        out.append(f"(parsed documents read from {cache})")
        return docs, 0.0
    made = _made(nlp, golds)
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
    if not args.gold_dir.is_dir():
        sys.stdout.write(
            f"skipped: {args.gold_dir} is absent (clone parley beside the shared/ folder, or "
            "pass --gold-dir)\n"
        )
        return 0
    golds = load_gold_dir(args.gold_dir)
    lines: list[str] = []
    docs, pipeline_seconds = parse(golds, args.cache, lines)
    bare = bare_seconds(golds) if pipeline_seconds else 0.0
    nlp = load_pipeline(components=[])
    tagger = PositionTagger(nlp, "parley_positions", default_theater())
    rounds = 5
    began = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            tagger(doc)
    tagger_seconds = (time.perf_counter() - began) / rounds
    pairs = []
    for gold, doc in zip(golds, docs, strict=True):
        pairs.append((gold.gold, {"doc": gold.doc_id, "positions": to_gold(doc)}))
        if args.show_errors:
            lines.extend(_errors(gold, doc._.positions or []))
    lines.append(format_table(score(pairs, layers=["positions"])))
    words = sum(len(g.text.split()) for g in golds)
    per_k = 1000.0 / max(words, 1) * 1000.0
    lines.append(f"documents {len(golds)}, words {words}")
    lines.append(f"positions component: {tagger_seconds * per_k:.2f} ms per 1000 words")
    if pipeline_seconds:
        lines.append(f"bare spaCy model: {bare * per_k:.1f} ms per 1000 words")
        lines.append(
            f"pipeline (model + parley components): {pipeline_seconds * per_k:.1f} ms per 1000 "
            f"words; positions / bare model: {tagger_seconds / bare:.2%}; "
            f"positions / pipeline: {tagger_seconds / pipeline_seconds:.2%}"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _errors(gold: GoldDoc, pred: list[dict[str, Any]]) -> list[str]:
    records = gold.gold.get("positions") or []
    matched = match_records(records, pred, "positions")
    text = gold.text
    lines = [f"== {gold.doc_id}"]
    for g, p in matched:
        a, b = records[g], pred[p]
        if (a["stance"], sorted(a["requires"])) != (b["stance"], sorted(b["requires"])):
            lines.append(
                f"  ATTR {a['actor']} {a['issue']} gold {a['stance']} {a['requires']} | pred "
                f"{b['stance']} {b['requires']} cue={b['cue']!r}  "
                f"{text[b['start'] : b['end']][:140]!r}"
            )
    matched_gold = {g for g, _ in matched}
    matched_pred = {p for _, p in matched}
    for i, record in enumerate(records):
        if i not in matched_gold:
            lines.append(
                f"  MISS {record['actor']} {record['issue']} {record['stance']} "
                f"{record['requires']} {text[record['start'] : record['end']][:160]!r}"
            )
    for j, record in enumerate(pred):
        if j not in matched_pred:
            lines.append(
                f"  FALSE {root_id(record['actor'])} {record['issue']} {record['stance']} "
                f"{record['requires']} cue={record['cue']!r} "
                f"{text[record['start'] : record['end']][:160]!r}"
            )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
