"""Score parley's times, actors and places on MEANTIME (English Wikinews, 120 docs, CAT XML).

    .venv/bin/python benchmarks/meantime_eval.py [--json] [--errors]

Data: shared/data/meantime-en/intra_cross-doc_annotation/<topic>/*.xml (see PROVENANCE.md);
the script exits 0 with a message when that folder is absent.

Text. Each document is rebuilt from its tokens: tokens join with one space, sentences with a
newline (title and dateline are sentences of their own); no space before , . ; : ) ] ? ! % and
tokens starting with an apostrophe (or n't), none after ( [ $. A map keeps every token's character
span, so gold markables become character spans of the rebuilt text. The publication date is the
value (YYYY-MM-DD) of the TIMEX3 with functionInDocument="CREATION_TIME" (the DCT); two documents
lack one, and there the first DATE TIMEX3 of the dateline (sentence 1) is taken as the DCT.

Times. MEANTIME annotates TIMEX3 only in sentences 0-5 (title, dateline, first four body
sentences), so only predictions ending there are scored. Gold = every TIMEX3 with tokens except
the DCT (37 implicit TIMEX3 have no tokens). Predictions overlapping the DCT span (the dateline)
are dropped too, so the dateline counts neither way. Predicted and gold spans are matched by
character overlap, one-to-one, greedily by overlap size. Detection P/R/F1 count matched pairs;
value accuracy = share of matched pairs whose TIMEX3 value is exactly equal (string equality);
value F1 = detection F1 x value accuracy.

Entities (recall only: precision is not meaningful, MEANTIME annotates a subset of entities, and
beyond sentence 5 only mentions of cross-document instances). All 3,918 ENTITY_MENTIONs with
tokens are used; the type is the ent_type of the ENTITY their REFERS_TO link points to: PER, ORG,
LOC, and OTHER = PRO, FIN, MIX and 53 unlinked mentions. A gold mention is a hit when a predicted
span overlaps it by at least one character: "actors" = mentions of resolved theater actors plus
unresolved named entities (PERSON/ORG/NORP); "places" = gazetteer places; "any" = either.
Reported: recall per type against any prediction, PER+ORG against actors, LOC against places and
against places+actors; for all mentions and for named ones only (syntactic_type NAM), since
nominal and pronominal mentions ("the company", "it") are out of parley's scope. Overlap is
lenient: a long nominal mention ("the parent company of Airbus") is hit by any name inside it.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "meantime-en"
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "?", "!", "%", "n't"}
NO_SPACE_AFTER = {"(", "[", "$"}
TYPES = ("PER", "ORG", "LOC", "OTHER")
TIME_SCOPE = 5  # last sentence (0-based) with TIMEX3 annotation

Span = tuple[int, int]


@dataclass
class GoldDoc:
    id: str
    text: str
    published: str | None
    dct: Span | None
    scope_end: int  # end of sentence 5: TIMEX3 annotation stops there
    times: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, value
    entities: list[tuple[int, int, str, bool]] = field(default_factory=list)  # type, named


def rebuild(root: ET.Element) -> tuple[str, dict[str, Span], dict[str, str]]:
    """The text, each token's character span and each token's sentence number."""
    parts: list[str] = []
    offsets: dict[str, Span] = {}
    sentence_of: dict[str, str] = {}
    length, previous, sentence = 0, "", None
    for token in root.findall("token"):
        word = token.text or ""
        if sentence is not None:
            if token.get("sentence") != sentence:
                sep = "\n"
            elif word in NO_SPACE_BEFORE or word.startswith("'") or previous in NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        t_id = token.get("t_id", "")
        offsets[t_id] = (length, length + len(word))
        sentence_of[t_id] = token.get("sentence", "")
        parts.append(word)
        length += len(word)
        previous, sentence = word, token.get("sentence")
    return "".join(parts), offsets, sentence_of


def load(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    text, offsets, sentence_of = rebuild(root)
    markables = root.find("Markables")
    marks = list(markables) if markables is not None else []

    def span(m: ET.Element) -> Span | None:
        ids = [a.get("t_id", "") for a in m.findall("token_anchor")]
        spans = [offsets[i] for i in ids if i in offsets]
        return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None

    timexes = [(m, s) for m in marks if m.tag == "TIMEX3" and (s := span(m)) is not None]
    dct_mark = next((m for m, _ in timexes if m.get("functionInDocument") == "CREATION_TIME"), None)
    if dct_mark is None:  # dateline annotated as an ordinary TIMEX3
        in_dateline = (
            m
            for m, _ in sorted(timexes, key=lambda pair: pair[1])
            if m.get("type") == "DATE"
            and all(sentence_of.get(a.get("t_id", "")) == "1" for a in m.findall("token_anchor"))
        )
        dct_mark = next(in_dateline, None)
    value = dct_mark.get("value", "") if dct_mark is not None else ""
    doc = GoldDoc(
        id=root.get("doc_id", path.stem),
        text=text,
        published=value[:10] if len(value) >= 10 else None,
        dct=span(dct_mark) if dct_mark is not None else None,
        scope_end=max(e for t, (_, e) in offsets.items() if int(sentence_of[t] or 0) <= TIME_SCOPE),
    )
    doc.times = [(s[0], s[1], m.get("value", "")) for m, s in timexes if m is not dct_mark]
    types = {m.get("m_id"): m.get("ent_type", "") for m in marks if m.tag == "ENTITY"}
    mention_type: dict[str | None, str] = {}
    relations = root.find("Relations")
    for rel in relations.findall("REFERS_TO") if relations is not None else []:
        target = rel.find("target")
        ent_type = types.get(target.get("m_id")) if target is not None else None
        for source in rel.findall("source") if ent_type else []:
            mention_type[source.get("m_id")] = ent_type or ""
    for m in marks:
        if m.tag == "ENTITY_MENTION" and (s := span(m)) is not None:
            ent_type = mention_type.get(m.get("m_id"), "")
            ent_type = ent_type if ent_type in TYPES else "OTHER"
            doc.entities.append((s[0], s[1], ent_type, m.get("syntactic_type") == "NAM"))
    return doc


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, greedily by overlap size."""
    pairs = sorted((-overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred))
    matched: list[tuple[int, int]] = []
    for size, i, j in pairs:
        if size < 0 and all(i != g and j != q for g, q in matched):
            matched.append((i, j))
    return matched


def ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def evaluate(docs: list[GoldDoc], show_errors: bool) -> dict[str, Any]:
    from parley.extract import Extractor
    from parley.records import Document

    documents = [Document(id=d.id, text=d.text, published=d.published) for d in docs]
    n: Counter[str] = Counter()  # time counts
    hits: Counter[tuple[str, str, bool]] = Counter()  # (type, predictor, named-only)
    totals: Counter[tuple[str, bool]] = Counter()
    for gold, result in zip(docs, Extractor().extract(documents), strict=True):
        dct, end = gold.dct or (0, 0), gold.scope_end
        preds = [t for t in result.times if t.evidence.end <= end and not overlap(dct, _span(t))]
        gold_spans: list[Span] = [(s, e) for s, e, _ in gold.times]
        pairs = match(gold_spans, [_span(t) for t in preds])
        n.update(gold=len(gold_spans), predicted=len(preds), matched=len(pairs))
        n["value"] += sum(gold.times[i][2] == preds[j].value for i, j in pairs)
        actors = [(m.start, m.end) for a in result.actors for m in a.mentions]
        actors += [_span(u) for u in result.unresolved]
        places = [_span(p) for p in result.places]
        candidates = {"actors": actors, "places": places, "any": actors + places}
        for start, stop, ent_type, named in gold.entities:
            gold_span = (start, stop)
            found = {key: any(overlap(gold_span, s) for s in v) for key, v in candidates.items()}
            for only_named in (False, True) if named else (False,):
                totals[ent_type, only_named] += 1
                for key, hit in found.items():
                    hits[ent_type, key, only_named] += hit
        if show_errors:
            _print_errors(gold, preds, pairs, actors + places)
    g, pr, m = n["gold"], n["predicted"], n["matched"]
    f1, accuracy = 2 * m / (g + pr) if g + pr else 0.0, n["value"] / m if m else 0.0
    times = {"gold": g, "predicted": pr, "matched": m, "precision": ratio(m, pr)}
    times |= {"recall": ratio(m, g), "f1": round(f1, 4), "value_accuracy": round(accuracy, 4)}
    times["value_f1"] = round(f1 * accuracy, 4)
    entities: dict[str, Any] = {}
    for named in (False, True):
        tot = {t: totals[t, named] for t in TYPES}
        group: dict[str, Any] = {
            t: {"n": tot[t], "recall_any": ratio(hits[t, "any", named], tot[t])} for t in TYPES
        }
        per_org = hits["PER", "actors", named] + hits["ORG", "actors", named]
        group["PER+ORG_vs_actors"] = ratio(per_org, tot["PER"] + tot["ORG"])
        group["LOC_vs_places"] = ratio(hits["LOC", "places", named], tot["LOC"])
        group["LOC_vs_places+actors"] = group["LOC"]["recall_any"]
        entities["named" if named else "all"] = group
    return {"documents": len(docs), "times": times, "entities": entities}


def _span(record: Any) -> Span:
    return (int(record.evidence.start), int(record.evidence.end))


def _print_errors(
    gold: GoldDoc, preds: list[Any], pairs: list[tuple[int, int]], spans: list[Span]
) -> None:
    got_g, got_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, (s, e, value) in enumerate(gold.times):
        if i not in got_g:
            print(f"{gold.id}\tMISS-TIME\t{gold.text[s:e]!r}\t{value}")
    for j, t in enumerate(preds):
        if j not in got_p:
            print(f"{gold.id}\tFP-TIME\t{t.text!r}\t{t.value}")
    for i, j in pairs:
        if gold.times[i][2] != preds[j].value:
            s, e, value = gold.times[i]
            print(f"{gold.id}\tVALUE\t{gold.text[s:e]!r}\tgold={value}\tpred={preds[j].value}")
    for s, e, ent_type, named in gold.entities:
        if named and not any(overlap((s, e), p) for p in spans):
            print(f"{gold.id}\tMISS-{ent_type}\t{gold.text[s:e]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--errors", action="store_true", help="list misses and wrong values")
    args = parser.parse_args(argv)
    folder = DATA_DIR / "intra_cross-doc_annotation"
    if not folder.is_dir():
        print(f"skipped: MEANTIME not found at {folder}")
        return 0
    docs = [load(path) for path in sorted(folder.rglob("*.xml"))]
    report = evaluate(docs, args.errors)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    t = report["times"]
    print(f"MEANTIME-en: {report['documents']} documents")
    print(
        f"times: gold {t['gold']} pred {t['predicted']} matched {t['matched']}  "
        f"P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}  "
        f"value acc {t['value_accuracy']:.3f}  value F1 {t['value_f1']:.3f}"
    )
    for scope, group in report["entities"].items():
        per_type = "  ".join(f"{k} {group[k]['recall_any']:.3f} (n={group[k]['n']})" for k in TYPES)
        print(f"entity recall [{scope} mentions]: {per_type}")
        print(
            f"  PER+ORG vs actors {group['PER+ORG_vs_actors']:.3f}  "
            f"LOC vs places {group['LOC_vs_places']:.3f}  "
            f"LOC vs places+actors {group['LOC_vs_places+actors']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
