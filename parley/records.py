"""Typed records, each traceable to its document, serialised in one place.

Only the document exists at this stage; each extraction layer adds its record here
(actors, times, places, statements, events, positions, figures), every one carrying
an :class:`Evidence` (document id and character span of the stored text).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any


def normalise_text(text: str) -> str:
    """The stored form of an article text: NFC, ``\\n`` line ends, no BOM, no NULs.

    Every character offset parley stores refers to this form.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.removeprefix("\ufeff")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace collapsed: equal hashes mean exact duplicates."""
    canonical = " ".join(normalise_text(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """Where a record comes from: a span of the stored text of one document."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One article as stored. ``published`` is an ISO date or datetime, or None."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    source: str = ""
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))

    def to_dict(self) -> dict[str, Any]:
        """The contract form of PRODUCT.md (``extract --json``): no internal fields."""
        data = asdict(self)
        del data["source"], data["content_hash"]
        return data


@dataclass(frozen=True)
class Mention:
    """Where an actor is named: the text as written, its span, and the rule that found it."""

    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Actor:
    """A theater actor and every mention that resolved to it in one document."""

    id: str
    name: str
    kind: str
    evidence: Evidence
    confidence: float
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class UnresolvedActor:
    """A named entity outside the theater, kept with its NER label, never forced onto an id."""

    text: str
    label: str
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Time:
    """A temporal expression and its TIMEX3 value (None when it cannot be anchored)."""

    text: str
    value: str | None
    type: str
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Place:
    """A place name with its gazetteer entry (country None and no coordinates when the
    gazetteer does not know it)."""

    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Speaker:
    """One side of a statement's speaker ("Israeli and Lebanese officials" has two)."""

    text: str | None
    actor: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Statement:
    """A reported speech act: who said it, the cue, the content span, medium and polarity.

    ``evidence`` is the sentence. ``speaker_actor`` is the first speaker's actor (None for
    media reports and unattributed "reportedly"). ``hedged`` marks reported-but-unconfirmed
    content ("reportedly", "is said to").
    """

    speaker_text: str | None
    speaker_actor: str | None
    anonymous: bool
    speakers: tuple[Speaker, ...]
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    medium: str | None
    polarity: str
    hedged: bool
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Figure:
    """A count of people or incidents: quantity, value, who, place, period and source.

    ``place`` is the actor root of the side counted (``LBN``, ``ISR``); ``part_of`` marks a
    part of another figure ("including 316 children").
    """

    quantity: str
    value: int
    approx: bool
    who: str | None
    place: str | None
    since: str | None
    until: str | None
    source_text: str | None
    source_actor: str | None
    part_of: bool
    number_start: int
    number_end: int
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Event:
    """A happening, planned step or proposal: kind (theater table), PLOVER type, who does it
    (``a``) to or with whom (``b``), the issues, date, place and status.

    ``date`` is a TIMEX3 value of the time attached to the trigger, or None (never the
    publication date); ``status`` is ``occurred``, ``planned``, ``proposed``, ``claimed``,
    ``denied`` or ``hypothetical``.
    """

    kind: str
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    a: tuple[str, ...]
    b: tuple[str, ...]
    issues: tuple[str, ...]
    date: str | None
    place: str | None
    lat: float | None
    lon: float | None
    status: str
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Position:
    """An actor's stance on an issue (``demand``, ``support``, ``oppose``, ``propose``,
    ``condition``, ``red_line``) and the issues it says must come first (``requires``)."""

    actor: str
    issue: str
    stance: str
    requires: tuple[str, ...]
    cue: str
    cue_start: int
    cue_end: int
    date: str | None
    evidence: Evidence
    confidence: float


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document (the contract of ``extract --format json``).

    Layers not built yet stay empty lists; nothing is faked.
    """

    document: Document
    actors: tuple[Actor, ...] = ()
    unresolved: tuple[UnresolvedActor, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    figures: tuple[Figure, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The records as JSON-ready dicts (``extract --format json``)."""
        data = asdict(self)
        data["document"] = self.document.to_dict()
        return data

    def to_gold(self) -> dict[str, Any]:
        """The records in the gold format of EVAL.md (``extract --format gold``)."""
        return {
            "schema": "parley-gold/1",
            "doc": self.document.id,
            "actors": sorted({a.id for a in self.actors}),
            "times": [
                {"start": t.evidence.start, "end": t.evidence.end, "text": t.text, "value": t.value}
                for t in self.times
            ],
            "statements": [
                {
                    "start": st.evidence.start,
                    "end": st.evidence.end,
                    "speaker_actor": st.speaker_actor,
                    "speaker_text": st.speaker_text,
                    "anonymous": st.anonymous,
                    "cue": st.cue,
                    "medium": st.medium,
                    "polarity": st.polarity,
                    "content_start": st.content_start,
                    "content_end": st.content_end,
                }
                for st in self.statements
            ],
            "events": [
                {
                    "start": e.evidence.start,
                    "end": e.evidence.end,
                    "kind": e.kind,
                    "type": e.type,
                    "a": list(e.a),
                    "b": list(e.b),
                    "issues": list(e.issues),
                    "date": e.date,
                    "place": e.place,
                    "status": e.status,
                }
                for e in self.events
            ],
            "positions": [
                {
                    "start": p.evidence.start,
                    "end": p.evidence.end,
                    "actor": p.actor,
                    "issue": p.issue,
                    "stance": p.stance,
                    "requires": list(p.requires),
                }
                for p in self.positions
            ],
            "figures": [
                {
                    "start": f.evidence.start,
                    "end": f.evidence.end,
                    "quantity": f.quantity,
                    "value": f.value,
                    "approx": f.approx,
                    "place": f.place,
                    "since": f.since,
                    "until": f.until,
                }
                for f in self.figures
            ],
        }


@dataclass(frozen=True)
class ContradictionSide:
    """One side of a contradiction: the record, who stands behind it, where and when.

    ``stance`` is ``asserts`` or ``denies`` for statements and events, the value as written
    for figures; ``text`` is what the side says (a statement's content, a figure's value and
    period, an event's summary) and ``evidence`` its sentence.
    """

    record_kind: str
    record_id: int
    stance: str
    speaker: str | None
    actor: str | None
    medium: str | None
    outlet: str | None
    published: str | None
    text: str
    sentence: str
    evidence: Evidence


@dataclass(frozen=True)
class Contradiction:
    """Records of several articles (or speakers) that cannot all be true.

    ``kind`` is ``denial`` (a statement denies what another asserts), ``status`` (an event
    reported as happened and as denied) or ``figures`` (counts of the same quantity, place and
    period that differ beyond the tolerance); ``topic`` says what it is about in a few words.
    """

    kind: str
    topic: str
    issues: tuple[str, ...]
    sides: tuple[ContradictionSide, ...]


def extraction_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``extract --format json`` (checked in as docs/extraction.schema.json)."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(Extraction).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "parley extraction (extract --format json)"
    return schema
