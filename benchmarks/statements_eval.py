"""Score the statements layer on a gold folder and time it against the rest of the pipeline.

    .venv/bin/python benchmarks/statements_eval.py [--gold-dir DIR] [--cache FILE.spacy]

Runs ``load_pipeline()`` and then ``StatementTagger`` over every document of the gold folder
(default ``../shared/gold``; ``--gold-dir`` for PolNeAR's ``eval-layout-dev`` or a train
layout), converts each statement to the gold format and prints the scorer's table for the
``statements`` layer, then the time of the pipeline and of the statements component in ms per
1000 words and their ratio. ``--cache`` keeps the parsed documents in a DocBin so that later
runs only time the component; ``--show-errors`` lists unmatched statements; ``--guidelines
polnear`` runs the component by PolNeAR's guidelines (as ``parley eval --attribution polnear``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from parley.eval.gold import GoldDoc, load_gold_dir
from parley.eval.score import format_table, match_records, score
from parley.nlp.pipeline import load_pipeline
from parley.nlp.statements import GUIDELINES, StatementTagger
from parley.theater import default_theater

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
GOLD_KEYS = (
    "start",
    "end",
    "speaker_actor",
    "speaker_text",
    "anonymous",
    "cue",
    "medium",
    "polarity",
    "content_start",
    "content_end",
)


def to_gold(doc: Doc) -> list[dict[str, Any]]:
    """The document's statements in the ``parley-gold/1`` format."""
    return [{key: record[key] for key in GOLD_KEYS} for record in doc._.statements or []]


def parse(
    golds: list[GoldDoc], cache: Path | None, out: list[str]
) -> tuple[list[Doc], float, float]:
    """Parsed docs (from the cache when it exists), the pipeline seconds (0 from a cache),
    and the seconds of a bare model run without parley's components."""
    nlp = load_pipeline()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        out.append(f"(parsed documents read from {cache})")
        return docs, 0.0, 0.0
    texts = [g.text for g in golds]
    began = time.perf_counter()
    docs = list(nlp.pipe(texts))
    seconds = time.perf_counter() - began
    bare = load_pipeline(components=[])
    began = time.perf_counter()
    for _ in bare.pipe(texts):
        pass
    bare_seconds = time.perf_counter() - began
    if cache is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs, seconds, bare_seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of parsed documents")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--guidelines", choices=GUIDELINES, default="parley", help="of the statements component"
    )
    args = parser.parse_args(argv)
    golds = load_gold_dir(args.gold_dir)
    lines: list[str] = []
    docs, pipeline_seconds, bare_seconds = parse(golds, args.cache, lines)
    nlp = load_pipeline(components=[])
    tagger = StatementTagger(
        nlp, "parley_statements", default_theater(), guidelines=args.guidelines
    )
    began = time.perf_counter()
    for doc in docs:
        tagger(doc)
    tagger_seconds = time.perf_counter() - began
    pairs = []
    for gold, doc in zip(golds, docs, strict=True):
        statements = to_gold(doc)
        pairs.append((gold.gold, {"doc": gold.doc_id, "statements": statements}))
        if args.show_errors:
            lines.extend(_errors(gold, statements))
    lines.append(format_table(score(pairs, layers=["statements"])))
    words = sum(len(g.text.split()) for g in golds)
    per_k = 1000.0 / max(words, 1) * 1000.0
    lines.append(f"documents {len(golds)}, words {words}")
    lines.append(f"statements component: {tagger_seconds * per_k:.1f} ms per 1000 words")
    if pipeline_seconds:
        lines.append(
            f"pipeline (model + parley components): {pipeline_seconds * per_k:.1f} ms per 1000 "
            f"words; bare model: {bare_seconds * per_k:.1f} ms per 1000 words"
        )
        lines.append(
            f"statements / pipeline: {tagger_seconds / pipeline_seconds:.1%}; "
            f"statements / bare model: {tagger_seconds / bare_seconds:.1%}"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _errors(gold: GoldDoc, pred: list[dict[str, Any]]) -> list[str]:
    records = gold.gold["statements"]
    matched = match_records(records, pred, "statements")
    text = gold.text
    lines = [f"== {gold.doc_id}"]
    matched_gold = {g for g, _ in matched}
    matched_pred = {p for _, p in matched}
    for g, p in matched:
        a, b = records[g], pred[p]
        if (str(a["speaker_actor"]).split(".")[0], a["anonymous"], a["polarity"]) != (
            str(b["speaker_actor"]).split(".")[0],
            b["anonymous"],
            b["polarity"],
        ):
            lines.append(
                f"  ATTR gold {a['speaker_actor']}/{a['anonymous']}/{a['polarity']} "
                f"pred {b['speaker_actor']}/{b['anonymous']}/{b['polarity']} "
                f"[{b['speaker_text']}|{b['cue']}] {text[b['start'] : b['end']][:160]!r}"
            )
    for i, record in enumerate(records):
        if i not in matched_gold:
            content = text[record["content_start"] : record["content_end"]][:120]
            lines.append(
                f"  MISS [{record.get('speaker_text')}|{record.get('cue')}] {content!r}  IN "
                f"{text[record['start'] : record['end']][:200]!r}"
            )
    for j, record in enumerate(pred):
        if j not in matched_pred:
            content = text[record["content_start"] : record["content_end"]][:120]
            lines.append(
                f"  FALSE [{record['speaker_text']}|{record['cue']}] {content!r}  IN "
                f"{text[record['start'] : record['end']][:200]!r}"
            )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
