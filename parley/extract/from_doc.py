"""An annotated spaCy Doc -> parley records (actors, times, places), with confidences.

Confidence is assigned per rule and documented here (docs/records.md repeats it):

- actors: a name, alias, seat or full personal name 0.95; a title + short name or a short
  name after the full name 0.85; a demonym phrase 0.85; a capital acting as its government
  0.75; an anaphor ("the group") 0.6. An actor record's confidence is its best mention's.
- unresolved entities: 0.5 (the statistical NER's guess).
- times: 0.9 with a value; 0.5 when the expression cannot be anchored (value None).
- statements: 0.9 with a resolved speaker; 0.75 with a speaker outside the theater or a
  media report; 0.6 when hedged ("reportedly").
- figures: 0.85 with a stated source ("according to the health ministry"), else 0.75.
- events: 0.8 with an actor in role ``a``, else 0.6.
- positions: 0.8; a ``condition`` without the issues it requires 0.6.
- places: a theater place 0.95; a gazetteer entry 0.85; a named place outside the
  gazetteer (no coordinates) 0.4.

Records inside an incomplete final sentence (a page excerpt cut mid-sentence) are dropped:
a cut sentence cannot be read safely, and the gold standard annotates none there.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span

from parley.records import (
    Actor,
    Document,
    Event,
    Evidence,
    Extraction,
    Figure,
    Mention,
    Place,
    Position,
    Speaker,
    Statement,
    Time,
    UnresolvedActor,
)
from parley.theater import Theater

RULE_CONFIDENCE = {
    "alias": 0.95,
    "person": 0.95,
    "short": 0.85,
    "demonym": 0.85,
    "capital": 0.75,
    "anaphora": 0.6,
}
_FINAL = re.compile(r"[.!?…\"”’')\]]\s*$")


def complete_until(doc: Doc) -> int:
    """Character offset where an incomplete final sentence starts (else the text length)."""
    text = doc.text
    if not text.strip() or _FINAL.search(text):
        return len(text)
    sentences = list(doc.sents)
    if len(sentences) < 2:
        return len(text)
    return sentences[-1].start_char


def _evidence(doc_id: str, span: Span) -> Evidence:
    return Evidence(doc_id, span.start_char, span.end_char)


def _actors(
    doc: Doc, document: Document, theater: Theater, until: int
) -> tuple[tuple[Actor, ...], tuple[UnresolvedActor, ...]]:
    by_id: dict[str, list[Span]] = defaultdict(list)
    unresolved = []
    for span in doc.spans.get("actors", []):
        if span.end_char > until or span._.kind == "media":
            continue
        if span._.actor is None:
            unresolved.append(
                UnresolvedActor(span.text, span.label_, _evidence(document.id, span), 0.5)
            )
        else:
            by_id[span._.actor].append(span)
    actors = []
    for actor_id, spans in by_id.items():
        known = theater.actor(actor_id)
        first = spans[0]
        actors.append(
            Actor(
                id=actor_id,
                name=known.name if known else actor_id,
                kind=known.kind if known else str(first._.kind),
                evidence=_evidence(document.id, first),
                confidence=max(RULE_CONFIDENCE.get(str(s._.rule), 0.5) for s in spans),
                mentions=tuple(
                    Mention(s.text, s.start_char, s.end_char, str(s._.rule)) for s in spans
                ),
            )
        )
    actors.sort(key=lambda a: a.evidence.start)
    return tuple(actors), tuple(unresolved)


def _times(doc: Doc, document: Document, until: int) -> tuple[Time, ...]:
    return tuple(
        Time(
            span.text,
            span._.value,
            str(span._.timex_type or "DATE"),
            _evidence(document.id, span),
            0.9 if span._.value else 0.5,
        )
        for span in doc.spans.get("times", [])
        if span.end_char <= until
    )


def _places(doc: Doc, document: Document, until: int) -> tuple[Place, ...]:
    places = []
    for span in doc.spans.get("places", []):
        place = span._.place
        if place is None or span.end_char > until:
            continue
        confidence = {"THEATER": 0.95, "UNRESOLVED": 0.4}.get(place["feature"], 0.85)
        places.append(
            Place(
                span.text,
                place["name"],
                place["country"] or None,
                place["lat"],
                place["lon"],
                _evidence(document.id, span),
                confidence,
            )
        )
    return tuple(places)


def _statements(doc: Doc, document: Document, until: int) -> tuple[Statement, ...]:
    statements = []
    for item in doc._.statements or []:
        if item["end"] > until:
            continue
        confidence = 0.6 if item["hedged"] else 0.9 if item["speaker_actor"] else 0.75
        statements.append(
            Statement(
                speaker_text=item["speaker_text"],
                speaker_actor=item["speaker_actor"],
                anonymous=bool(item["anonymous"]),
                speakers=tuple(
                    Speaker(s["text"], s["actor"], s["start"], s["end"]) for s in item["speakers"]
                ),
                cue=item["cue"],
                cue_start=item["cue_start"],
                cue_end=item["cue_end"],
                content_start=item["content_start"],
                content_end=item["content_end"],
                medium=item["medium"],
                polarity=item["polarity"],
                hedged=bool(item["hedged"]),
                evidence=Evidence(document.id, item["start"], item["end"]),
                confidence=confidence,
            )
        )
    return tuple(statements)


def _figures(doc: Doc, document: Document, until: int) -> tuple[Figure, ...]:
    return tuple(
        Figure(
            quantity=item["quantity"],
            value=int(item["value"]),
            approx=bool(item["approx"]),
            who=item["who"],
            place=item["place"],
            since=item["since"],
            until=item["until"],
            source_text=item["source_text"],
            source_actor=item["source_actor"],
            part_of=bool(item["part_of"]),
            number_start=item["num_start"],
            number_end=item["num_end"],
            evidence=Evidence(document.id, item["start"], item["end"]),
            confidence=0.85 if item["source_text"] else 0.75,
        )
        for item in doc._.figures or []
        if item["end"] <= until
    )


def _events(doc: Doc, document: Document, until: int) -> tuple[Event, ...]:
    return tuple(
        Event(
            kind=item["kind"],
            type=item["type"],
            trigger=item["trigger"],
            trigger_start=item["trigger_start"],
            trigger_end=item["trigger_end"],
            a=tuple(item["a"]),
            b=tuple(item["b"]),
            issues=tuple(item["issues"]),
            date=item["date"],
            place=item["place"],
            lat=item.get("lat"),
            lon=item.get("lon"),
            status=item["status"],
            evidence=Evidence(document.id, item["start"], item["end"]),
            confidence=0.8 if item["a"] else 0.6,
        )
        for item in doc._.events or []
        if item["end"] <= until
    )


def _positions(doc: Doc, document: Document, until: int) -> tuple[Position, ...]:
    return tuple(
        Position(
            actor=item["actor"],
            issue=item["issue"],
            stance=item["stance"],
            requires=tuple(item["requires"]),
            cue=item["cue"],
            cue_start=item["cue_start"],
            cue_end=item["cue_end"],
            date=item.get("date"),
            evidence=Evidence(document.id, item["start"], item["end"]),
            confidence=0.8 if item["requires"] or item["stance"] != "condition" else 0.6,
        )
        for item in doc._.positions or []
        if item["end"] <= until
    )


def extraction(doc: Doc, document: Document, theater: Theater) -> Extraction:
    """The records of one processed document."""
    until = complete_until(doc)
    actors, unresolved = _actors(doc, document, theater, until)
    return Extraction(
        document=document,
        actors=actors,
        unresolved=unresolved,
        times=_times(doc, document, until),
        places=_places(doc, document, until),
        statements=_statements(doc, document, until),
        figures=_figures(doc, document, until),
        events=_events(doc, document, until),
        positions=_positions(doc, document, until),
    )
