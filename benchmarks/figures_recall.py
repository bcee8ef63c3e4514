"""Recall of parley's figures over human-annotated quantities of corpora nobody here wrote.

    .venv/bin/python benchmarks/figures_recall.py [--data-dir DIR] [--cache-dir DIR]
        [--sample N] [--corpus re3d|meantime]

Data (``--data-dir``, default ``shared/data`` next to the clone; see each PROVENANCE.md):
``re3d/<source>/{documents,entities}.json`` (Dstl re3d: 98 Syria/Iraq conflict documents, 206
``Quantity`` entities) and ``meantime-en/intra_cross-doc_annotation/<topic>/*.xml`` (MEANTIME,
120 Wikinews business articles, 418 ``VALUE`` markables). A corpus whose folder is absent is
skipped with a one-line message; with neither, the script exits 0.

Texts. re3d entity offsets index the document ``text`` directly. A MEANTIME document is rebuilt
from its tokens as ``benchmarks/meantime_eval.py`` does (tokens joined by one space, sentences
by a newline, no space before , . ; : ) ] ? ! % and 's / n't, none after ( [ $), keeping each
token's character span, so a VALUE markable becomes a character span of the rebuilt text.

Selection (which annotated quantities count people or incidents), on the lower-cased words of
the annotated span and of a window in the span's sentence (a window stops at . ; : ! ? or a
line break): the ``AFTER`` (4) and ``CASUALTY_AFTER`` (8) words after the span and the
``BEFORE`` (3) words before it.
  1. excluded, whatever follows, when the quantity is not a count: MEANTIME VALUE of type
     MONEY or PERCENT; a span or next word with a unit of money, percent, distance, area,
     weight, volume, power, storage, index points or time (``UNITS``); an ordinal (1st, 93rd);
     an age ("14-year-old", "aged 56", "at the age of 56", "Name, 42,").
  2. ``incidents``: an incident noun (``INCIDENT_NOUNS``: strikes, airstrikes, attacks, raids,
     bombings, violations, breaches, clashes, explosions, executions, incidents, occasions ...)
     in the span or the ``AFTER`` words, before any people noun.
  3. ``people``: a people noun (``PEOPLE_NOUNS``: people, civilians, soldiers, fighters,
     militants, insurgents, members, refugees, prisoners, detainees, children, Syrians,
     employees, passengers ...) in the span or the ``AFTER`` words; or a casualty word
     (``CASUALTY_WORDS``: killed, dead, wounded, displaced, fled, detained, released,
     evacuated, missing ...) in the ``AFTER`` or ``BEFORE`` words ("killed 70", "millions have
     been displaced").
  4. anything else is not selected (vehicles, buildings, munitions, tanks, jobs, dealerships,
     songs, aircraft ...).
A selected quantity is also marked ``in scope`` when its whole window (``CASUALTY_AFTER`` words
after, ``BEFORE`` before) has a casualty word, a noun of people held or uprooted
(``HELD_OR_UPROOTED``: prisoners, hostages, refugees ...) or a violation noun: those are the
counts figures.toml has a quantity for (killed, injured, displaced, detained, released,
violations, evacuated, missing). Other people counts ("125 soldiers to assist", "3,800
attendees") and incident counts of strikes or attacks are selected but have no figure quantity
in ANNOTATION.md; the gold does not annotate them ("more than 20 airstrikes" is not a gold
figure), so parley should not produce them. The rule reads words, not syntax: in "8,000 of a
population of 80,000 have fled" both numbers are in scope, though only 8,000 fled.

Matching. The documents are parsed by ``load_pipeline()`` (model + actors, places, times,
statements), then ``FigureTagger`` sets ``doc._.figures``. An annotated quantity is recalled
when the number span of one of our figures (``num_start``/``num_end``) overlaps it by at
least one character. Precision indication: our figures whose number overlaps no annotated
quantity at all (any re3d Quantity, any MEANTIME VALUE), with a sample.

Misses are grouped by cause: ``vague`` (the span has no value: "millions", "dozens of");
``out of scope: people`` / ``out of scope: incidents`` (selected, but not a count figures.toml
has a quantity for); ``in scope`` (a genuine miss, listed in full).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PARSE_COMPONENTS = ["parley_actors", "parley_places", "parley_times", "parley_statements"]
AFTER = 4  # words after the span that may name the people or incidents counted
CASUALTY_AFTER = 8  # words after the span that may hold a casualty word
BEFORE = 3  # words before the span that may hold a casualty word ("killed 70")


def _words(text: str) -> list[str]:
    return text.split()


PEOPLE_NOUNS = frozenset(
    _words(
        """people persons person individuals civilians civilian noncombatants soldiers soldier
    troops servicemen reservists fighters fighter militants militant insurgents insurgent
    terrorists jihadists gunmen combatants members operatives refugees refugee displaced
    evacuees detainees detainee prisoners prisoner hostages captives children child women
    men boys girls babies infants minors families victims casualties dead wounded injured
    marines airmen sailors personnel officers policemen police guards staff employees
    workers residents inhabitants villagers population syrians iraqis kurds yazidis
    americans afghans passengers guests attendees engineers volunteers students journalists
    doctors patients peacekeepers"""
    )
)
INCIDENT_NOUNS = frozenset(
    _words(
        """strike strikes airstrike airstrikes air-strikes attacks attack raids raid bombings
    bombing violations violation breaches breach clashes clash explosions explosion
    executions incidents incident occasions assaults ambushes shellings"""
    )
)
CASUALTY_WORDS = frozenset(
    _words(
        """killed killing kill kills died dead death deaths fatalities wounded injured injuring
    injuries hurt displaced fled fleeing uprooted detained arrested captured abducted
    kidnapped imprisoned held released freed evacuated missing executed
    massacred slain"""
    )
)
# people nouns figures.toml has a quantity for (detained, displaced, evacuated)
HELD_OR_UPROOTED = frozenset(
    _words(
        """prisoners prisoner detainees detainee hostages captives refugees evacuees casualties
    dead wounded injured displaced"""
    )
)
# incident nouns figures.toml has a quantity for (violations)
IN_SCOPE_INCIDENTS = frozenset({"violations", "violation", "breaches", "breach"})
UNITS = frozenset(
    _words(
        """% percent per cent $ us$ usd dollars euros pounds cents yen million-dollar km
    kilometers kilometres km2 miles mile mi m meters metres ft feet square acre acres
    hectares tonnes tons kg kilograms mw gw kw m3 cu gb mb tb ghz inch inches points point
    mark hours hour minutes minute seconds days day weeks week months month years year
    decades times"""
    )
)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^(first|second|third|fourth|fifth)$")
_UNIT_IN_SPAN = re.compile(r"\d(km|m|mi|ft|gb|mw|kg)\b|[%$£€]|'{2}|-year-old|m3|ft/s|acre", re.I)
_WORD = re.compile(r"[A-Za-z0-9$%£€][\w$%£€'’.,/-]*|[%$£€]")
_BOUNDARY = re.compile(r"[.;:!?](\s|$)|\n")
_APPROX = re.compile(
    r"^(at least|more than|over|about|some|nearly|almost|up to|approximately|around|just|"
    r"all|only|the|an estimated|estimated)\s+",
    re.I,
)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    selected: bool = False
    category: str = ""  # "people" or "incidents"
    in_scope: bool = False
    recalled: bool = False


@dataclass
class CorpusDoc:
    id: str
    text: str
    quantities: list[Quantity] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------
def read_re3d(folder: Path) -> list[CorpusDoc]:
    """Every re3d document with its Quantity entities (offsets index ``text``)."""
    docs: dict[str, CorpusDoc] = {}
    for path in sorted(folder.glob("*/documents.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                docs[record["_id"]] = CorpusDoc(record["_id"], record["text"])
        entities = path.with_name("entities.json")
        seen: set[tuple[str, int, int]] = set()
        for line in entities.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entity = json.loads(line)
            key = (entity["documentId"], entity["begin"], entity["end"])
            if entity["type"] != "Quantity" or key in seen or key[0] not in docs:
                continue
            seen.add(key)
            doc = docs[key[0]]
            doc.quantities.append(Quantity(key[1], key[2], doc.text[key[1] : key[2]]))
    return list(docs.values())


_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "?", "!", "%", "n't"}
_NO_SPACE_AFTER = {"(", "[", "$"}


def read_meantime(folder: Path) -> list[CorpusDoc]:
    """Every MEANTIME document, rebuilt from its tokens, with its VALUE markables that are
    not MONEY or PERCENT (those are counted apart, as excluded)."""
    docs: list[CorpusDoc] = []
    for path in sorted(folder.rglob("*.xml")):
        root = ET.parse(path).getroot()
        parts: list[str] = []
        offsets: dict[str, tuple[int, int]] = {}
        length, previous, sentence = 0, "", None
        for token in root.findall("token"):
            word = token.text or ""
            if sentence is not None:
                if token.get("sentence") != sentence:
                    sep = "\n"
                elif (
                    word in _NO_SPACE_BEFORE or word.startswith("'") or previous in _NO_SPACE_AFTER
                ):
                    sep = ""
                else:
                    sep = " "
                parts.append(sep)
                length += len(sep)
            offsets[token.get("t_id", "")] = (length, length + len(word))
            parts.append(word)
            length += len(word)
            previous, sentence = word, token.get("sentence")
        text = "".join(parts)
        doc = CorpusDoc(root.get("doc_id", path.stem), text)
        markables = root.find("Markables")
        for m in list(markables) if markables is not None else []:
            if m.tag != "VALUE":
                continue
            spans = [offsets[a.get("t_id", "")] for a in m.findall("token_anchor")]
            spans = [s for s in spans if s]
            if not spans:
                continue
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            quantity = Quantity(start, end, text[start:end])
            if m.get("type") in ("MONEY", "PERCENT"):
                quantity.category = "excluded:" + str(m.get("type")).lower()
            doc.quantities.append(quantity)
        docs.append(doc)
    return docs


# -- selection ------------------------------------------------------------------------------
def _window(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The ``BEFORE`` words before and ``CASUALTY_AFTER`` words after a span, within its
    sentence."""
    after_text = text[end : end + 200]
    cut = _BOUNDARY.search(after_text)
    after_text = after_text[: cut.start()] if cut else after_text
    before_text = text[max(0, start - 120) : start]
    cuts = list(_BOUNDARY.finditer(before_text))
    before_text = before_text[cuts[-1].end() :] if cuts else before_text
    after = [w.strip(".,").lower() for w in _WORD.findall(after_text)][:CASUALTY_AFTER]
    before = [w.strip(".,").lower() for w in _WORD.findall(before_text)][-BEFORE:]
    return before, after


def select(doc: CorpusDoc, quantity: Quantity) -> None:
    """Set ``selected``, ``category`` and ``in_scope`` by the rule in the module doc."""
    if quantity.category.startswith("excluded"):
        return
    text = doc.text
    span_words = [w.strip(".,").lower() for w in _WORD.findall(quantity.text)]
    before, long_after = _window(text, quantity.start, quantity.end)
    after = long_after[:AFTER]
    raw_before = text[max(0, quantity.start - 40) : quantity.start]
    raw_after = text[quantity.end : quantity.end + 3]
    if (
        _UNIT_IN_SPAN.search(quantity.text)
        or any(w in UNITS for w in span_words[1:])
        or (after and after[0] in UNITS)
        or (after and after[0].startswith("year-old"))
        or any(_ORDINAL.match(w) for w in span_words)
        or (before[-1:] == ["aged"] or before[-2:] == ["age", "of"])
        or (
            re.search(r"[A-Z][\w.]*,\s*$", raw_before) is not None
            and raw_after.startswith(",")
            and quantity.text.isdigit()
            and int(quantity.text) < 120
        )
    ):
        quantity.category = "excluded:unit/ordinal/age"
        return
    words = span_words + after
    near = any(w in CASUALTY_WORDS for w in after + before)
    casualty = near or any(w in CASUALTY_WORDS for w in long_after)
    for w in words:
        if w in INCIDENT_NOUNS:
            quantity.category = "incidents"
            quantity.in_scope = any(x in IN_SCOPE_INCIDENTS for x in words)
            break
        if w in PEOPLE_NOUNS:
            quantity.category = "people"
            break
    else:
        if near:
            quantity.category = "people"
    if quantity.category == "people":
        quantity.in_scope = casualty or any(w in HELD_OR_UPROOTED for w in words + long_after)
    quantity.selected = quantity.category in ("people", "incidents")


def has_value(text: str) -> bool:
    """Whether parley's number parser gives the span a value (not "millions", "dozens")."""
    from parley.nlp.figures import parse_number

    stripped = text
    while (match := _APPROX.match(stripped)) is not None:
        stripped = stripped[match.end() :]
    words = re.findall(r"[\w.,]+|-", stripped.replace("-", " - "))
    words = [w.rstrip(",") for w in words if w]
    # the longest prefix with a value: "3,000 to 5,000", "three of the five"
    return any(parse_number(words[:cut]) is not None for cut in range(len(words), 0, -1))


# -- running parley ------------------------------------------------------------------------
def figures_of(name: str, docs: list[CorpusDoc], cache_dir: Path | None) -> list[list[Any]]:
    """Our figures for each document (the pipeline's parse cached in ``cache_dir``)."""
    from spacy.tokens import DocBin

    from parley.nlp.figures import FigureTagger
    from parley.nlp.pipeline import load_pipeline
    from parley.theater import default_theater

    nlp = load_pipeline(components=PARSE_COMPONENTS)
    cache = cache_dir / f"figures_recall_{name}.spacy" if cache_dir is not None else None
    if cache is not None and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        parsed = list(nlp.pipe(d.text for d in docs))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=parsed, store_user_data=True).to_disk(cache)
    tagger = FigureTagger(nlp, "parley_figures", default_theater())
    return [list(tagger(doc)._.figures or []) for doc in parsed]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def cause(q: Quantity) -> str:
    if not has_value(q.text):
        return "vague (no value)"
    if not q.in_scope:
        return f"out of scope: {q.category} (no figure quantity)"
    return "in scope (genuine miss)"


def report(name: str, docs: list[CorpusDoc], figures: list[list[Any] | None], sample: int) -> None:
    """Print the selection, recall, misses by cause and the precision indication; a
    document with figures None was not parsed (it has no selected quantity)."""
    total = sum(len(d.quantities) for d in docs)
    excluded: Counter[str] = Counter()
    selected: list[tuple[CorpusDoc, Quantity]] = []
    unselected: list[tuple[CorpusDoc, Quantity]] = []
    unmatched: list[tuple[CorpusDoc, dict[str, Any]]] = []
    for doc, found_or_none in zip(docs, figures, strict=True):
        found = found_or_none or []
        spans = [(f["num_start"], f["num_end"]) for f in found]
        for q in doc.quantities:
            q.recalled = any(_overlap((q.start, q.end), s) for s in spans)
            if q.selected:
                selected.append((doc, q))
            elif q.category.startswith("excluded"):
                excluded[q.category] += 1
            else:
                unselected.append((doc, q))
        for f in found:
            if not any(
                _overlap((q.start, q.end), (f["num_start"], f["num_end"])) for q in doc.quantities
            ):
                unmatched.append((doc, f))
    print(f"\n=== {name}: {len(docs)} documents, {total} annotated quantities")
    print(
        f"selected (count people or incidents): {len(selected)} of {total}; "
        f"excluded {dict(excluded)}; other counts (objects, jobs ...): {len(unselected)}"
    )
    print(f"sample of the selection (category, in scope, span in context), up to {sample}:")
    for doc, q in selected[:sample]:
        flag = "in-scope " if q.in_scope else "out-scope"
        print(f"  {q.category:9} {flag} {_context(doc.text, q.start, q.end, 40)}")
    print(f"sample of quantities not selected, up to {sample // 2}:")
    for doc, q in unselected[: sample // 2]:
        print(f"  {_context(doc.text, q.start, q.end, 30)}")
    rows = [
        ("all selected", [q for _, q in selected]),
        ("  people", [q for _, q in selected if q.category == "people"]),
        ("  incidents", [q for _, q in selected if q.category == "incidents"]),
        ("in scope (a figures.toml quantity)", [q for _, q in selected if q.in_scope]),
        ("  people", [q for _, q in selected if q.in_scope and q.category == "people"]),
        ("  incidents", [q for _, q in selected if q.in_scope and q.category == "incidents"]),
        ("in scope, with a value", [q for _, q in selected if q.in_scope and has_value(q.text)]),
    ]
    print("recall (an annotated quantity is recalled when a figure's number overlaps it):")
    for label, group in rows:
        hit = sum(q.recalled for q in group)
        ratio = hit / len(group) if group else 0.0
        print(f"  {label:36} {hit:4d} / {len(group):4d} = {ratio:.3f}")
    misses = [(d, q) for d, q in selected if not q.recalled]
    by_cause: dict[str, list[tuple[CorpusDoc, Quantity]]] = {}
    for doc, q in misses:
        by_cause.setdefault(cause(q), []).append((doc, q))
    print(f"misses by cause ({len(misses)}):")
    for reason, items in sorted(by_cause.items()):
        limit = len(items) if reason.startswith("in scope") else sample // 2
        print(f"  {reason}: {len(items)}")
        for doc, q in items[:limit]:
            print(f"    {_context(doc.text, q.start, q.end, 50)}")
    n_figures = sum(len(f or []) for f in figures)
    n_parsed = sum(f is not None for f in figures)
    print(
        f"precision indication ({n_parsed} documents parsed): {len(unmatched)} of our "
        f"{n_figures} figures overlap no annotated quantity; sample:"
    )
    for doc, f in unmatched[:sample]:
        print(
            f"  {f['quantity']:10} {f['value']:>8} "
            f"{_context(doc.text, f['num_start'], f['num_end'], 50)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, default=None, help="keep parsed docs (DocBin)")
    parser.add_argument("--sample", type=int, default=20, help="lines per sample")
    parser.add_argument("--corpus", choices=("re3d", "meantime"), action="append")
    args = parser.parse_args(argv)
    wanted = args.corpus or ["re3d", "meantime"]
    corpora: list[tuple[str, list[CorpusDoc]]] = []
    re3d = args.data_dir / "re3d"
    meantime = args.data_dir / "meantime-en" / "intra_cross-doc_annotation"
    if "re3d" in wanted:
        if re3d.is_dir():
            corpora.append(("re3d", read_re3d(re3d)))
        else:
            print(f"skipped re3d: not found at {re3d}")
    if "meantime" in wanted:
        if meantime.is_dir():
            corpora.append(("meantime", read_meantime(meantime)))
        else:
            print(f"skipped MEANTIME: not found at {meantime}")
    if not corpora:
        return 0
    for name, docs in corpora:
        for doc in docs:
            for q in doc.quantities:
                select(doc, q)
        # MEANTIME is business news: parse only its documents with a selected quantity
        parsed = [d for d in docs if name == "re3d" or any(q.selected for q in d.quantities)]
        figures = figures_of(name, parsed, args.cache_dir)
        found = dict(zip((d.id for d in parsed), figures, strict=True))
        report(name, docs, [found.get(d.id) for d in docs], args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
