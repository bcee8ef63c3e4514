"""Check the events component on outside event data and time it against bare spaCy.

    .venv/bin/python benchmarks/events_eval.py [--data-dir DIR] [--limit N] [--show-errors]

1. **PLOVER GSR** (``plover-gsr/PLOVER_GSR_CAMEO.json``, 322 sentences coded by the PLOVER
   authors): over the sentences whose PLOVER type is one of the theater's event types, the
   share whose event type parley gets right (the event whose trigger lies in the coded event
   text, else the first event of the sentence), and over those with a source or target
   country that is a theater actor, the share where that country is in ``a`` (``b``).
2. **ConfliBERT CAMEO** (``conflibert-cameo/cameo_ner/test.txt``): over the sentences with an
   event whose ``a`` (``b``) names an actor, the share where a mention of that actor overlaps
   the annotated source (target) span.
3. **Cost**: the events component's time as a fraction of the bare spaCy model's time on the
   same texts (the model alone, as in ``pipeline_throughput.py``).

The data folder (default ``../shared/data``) is outside the repository; without it the script
says so and exits 0. No text of it is copied anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

from parley.nlp.events import EventTagger
from parley.nlp.pipeline import load_pipeline, pipeline_spec
from parley.theater import default_theater

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# PLOVER's own names for two of the theater's types
PLOVER_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}


def _run(nlp: spacy.language.Language, texts: list[str]) -> tuple[list[Doc], float]:
    """Docs through every component but the events tagger, and the events tagger's time."""
    docs = [nlp.make_doc(t) for t in texts]
    tagger_seconds = 0.0
    for i, doc in enumerate(docs):
        for name, proc in nlp.pipeline:
            if name == "parley_events":
                began = time.perf_counter()
                doc = proc(doc)
                tagger_seconds += time.perf_counter() - began
            else:
                doc = proc(doc)
        docs[i] = doc
    return docs, tagger_seconds


def plover(path: Path, nlp: spacy.language.Language, limit: int | None, show: bool) -> list[str]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r["event"] != "DOCUMENT"]
    ours = set(EventTaggerTypes.types())
    kept = [r for r in records if PLOVER_ALIASES.get(r["event"], r["event"]) in ours][:limit]
    docs, _ = _run(nlp, [r["text"] for r in kept])
    theater_roots = {a.root for a in default_theater().actors}
    right = 0
    by_type: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    country = {"source": [0, 0], "target": [0, 0]}
    lines: list[str] = []
    for record, doc in zip(kept, docs, strict=True):
        wanted = PLOVER_ALIASES.get(record["event"], record["event"])
        totals[wanted] += 1
        event = _pick(doc, record)
        got = event["type"] if event else None
        if got == wanted:
            right += 1
            by_type[wanted] += 1
        elif show:
            lines.append(f"  {record['id']}: wanted {wanted}, got {got}")
        for side, role in (("source", "a"), ("target", "b")):
            actors = record.get(side) or []
            codes = {
                str(x.get("code", ""))[:3] for x in actors if isinstance(x, dict)
            } & theater_roots
            if not codes:
                continue
            country[side][1] += 1
            found = {i.split(".", 1)[0] for i in (event or {}).get(role, [])}
            if codes & found:
                country[side][0] += 1
    n = len(kept)
    lines.insert(0, f"PLOVER GSR: {n} sentences of our types; type accuracy {right / n:.3f}")
    for name in sorted(totals):
        lines.insert(1, f"  {name:10} {by_type[name]:3}/{totals[name]:3}")
    for side, (hit, total) in country.items():
        share = f"{hit / total:.3f}" if total else "-"
        lines.append(f"  {side} country (theater actors) accuracy {share} over {total} sentences")
    return lines


class EventTaggerTypes:
    """The PLOVER types of the theater's kinds (from the events lexicon)."""

    @staticmethod
    def types() -> list[str]:
        from parley.nlp.event_parse import event_lexicon

        return sorted(set(event_lexicon().types.values()))


def _pick(doc: Doc, record: dict[str, Any]) -> dict[str, Any] | None:
    events: list[dict[str, Any]] = list(doc._.events or [])
    if not events:
        return None
    text = doc.text
    for phrase in (record.get("eventText") or "").split(" ... "):
        start = text.find(phrase) if phrase else -1
        if start >= 0:
            for event in events:
                if start <= event["trigger_start"] < start + len(phrase):
                    return event
    return events[0]


def conflibert(path: Path, nlp: spacy.language.Language, limit: int | None) -> list[str]:
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")[:limit]
    texts: list[str] = []
    spans: list[dict[str, list[tuple[int, int]]]] = []
    for block in blocks:
        words, tags = [], []
        for line in block.split("\n"):
            word, _, tag = line.rpartition(" ")
            words.append(word)
            tags.append(tag)
        offsets, position = [], 0
        for word in words:
            offsets.append((position, position + len(word)))
            position += len(word) + 1
        found: dict[str, list[tuple[int, int]]] = {"S": [], "T": []}
        for (start, end), tag in zip(offsets, tags, strict=True):
            role = tag[2:] if tag[:2] in ("B-", "I-") else ""
            if role in found:
                if tag.startswith("I-") and found[role] and found[role][-1][1] == start - 1:
                    found[role][-1] = (found[role][-1][0], end)
                else:
                    found[role].append((start, end))
        texts.append(" ".join(words))
        spans.append(found)
    docs, _ = _run(nlp, texts)
    score = {"a": [0, 0], "b": [0, 0]}
    with_event = 0
    for doc, gold in zip(docs, spans, strict=True):
        events = doc._.events or []
        if events:
            with_event += 1
        mentions = [s for s in doc.spans.get("actors", []) if s._.actor]
        for role, tag in (("a", "S"), ("b", "T")):
            chosen = next((e for e in events if e[role]), None)
            if chosen is None or not gold[tag]:
                continue
            score[role][1] += 1
            ours = [(m.start_char, m.end_char) for m in mentions if m._.actor in chosen[role]]
            if any(s < ge and gs < e for s, e in ours for gs, ge in gold[tag]):
                score[role][0] += 1
    lines = [f"ConfliBERT CAMEO test: {len(texts)} sentences, {with_event} with an event"]
    for role, (hit, total) in score.items():
        share = f"{hit / total:.3f}" if total else "-"
        name = "source" if role == "a" else "target"
        lines.append(f"  {name} span accuracy of `{role}` {share} over {total} sentences")
    return lines


def cost(texts: list[str]) -> list[str]:
    nlp = load_pipeline()
    bare = spacy.load(pipeline_spec().package)
    list(bare.pipe(texts[:20]))  # warm up
    _run(nlp, texts[:20])
    began = time.perf_counter()
    list(bare.pipe(texts))
    bare_seconds = time.perf_counter() - began
    _, tagger_seconds = _run(nlp, texts)
    return [
        f"cost: bare spaCy {bare_seconds:.2f}s, events component {tagger_seconds:.2f}s, "
        f"ratio {tagger_seconds / bare_seconds:.3f} (target < 0.25)"
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="at most N sentences per set")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    gsr = args.data_dir / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    ner = args.data_dir / "conflibert-cameo" / "cameo_ner" / "test.txt"
    if not gsr.exists() or not ner.exists():
        print(f"skipped: {args.data_dir} has no plover-gsr/ or conflibert-cameo/ data")
        return 0
    assert EventTagger is not None  # the component under test is the packaged one
    nlp = load_pipeline()
    lines = plover(gsr, nlp, args.limit, args.show_errors)
    lines += conflibert(ner, nlp, args.limit)
    records = [r for r in json.loads(gsr.read_text(encoding="utf-8")) if r["event"] != "DOCUMENT"]
    texts = [r["text"] for r in records]
    texts += [
        " ".join(line.rpartition(" ")[0] for line in block.split("\n"))
        for block in ner.read_text(encoding="utf-8").strip().split("\n\n")
    ]
    lines += cost(texts[: args.limit * 2] if args.limit else texts)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
