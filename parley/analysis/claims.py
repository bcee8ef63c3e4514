"""Claims: who says what, grouped by speaker, with medium and date (`parley claims`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parley.analysis.topics import issue_patterns, issues_in
from parley.store import DocumentQuery, Store, StoredDocument
from parley.theater import Theater


@dataclass(frozen=True)
class Claim:
    """One statement as an analyst reads it: the words, who said them, where and when."""

    doc_id: str
    published: str | None
    outlet: str | None
    speaker_text: str | None
    speaker_actor: str | None
    anonymous: bool
    cue: str
    medium: str | None
    polarity: str
    hedged: bool
    content: str
    sentence: str
    issues: tuple[str, ...]
    start: int
    end: int


@dataclass
class SpeakerClaims:
    """The claims of one speaker: an actor id, or the speaker's words when unresolved."""

    speaker: str
    actor: str | None
    claims: list[Claim] = field(default_factory=list)


def _claim(row: dict[str, Any], doc: StoredDocument, patterns: dict[str, re.Pattern[str]]) -> Claim:
    text = doc.document.text
    content = text[row["content_start"] : row["content_end"]]
    sentence = text[row["start"] : row["end"]]
    return Claim(
        doc_id=row["document_id"],
        published=doc.document.published,
        outlet=doc.document.outlet,
        speaker_text=row["speaker_text"],
        speaker_actor=row["speaker_actor"],
        anonymous=bool(row["anonymous"]),
        cue=row["cue"],
        medium=row["medium"],
        polarity=row["polarity"],
        hedged=bool(row["hedged"]),
        content=content,
        sentence=sentence,
        issues=issues_in(sentence, patterns),
        start=row["start"],
        end=row["end"],
    )


def claims(
    store: Store,
    theater: Theater,
    *,
    actor: str | None = None,
    issue: str | None = None,
    since: str | None = None,
) -> list[SpeakerClaims]:
    """Statements grouped by speaker, most claims first, each group in date order.

    ``actor`` matches the id or anything below it (``ISR`` takes ``ISR.GOV``); ``issue``
    keeps statements whose sentence names it (the theater's trigger phrases); ``since``
    keeps documents published on or after that date (undated ones are left out then).
    """
    patterns = issue_patterns(theater)
    if issue is not None and issue not in patterns:
        from parley.errors import ConfigError

        known = ", ".join(sorted(patterns))
        raise ConfigError(f"no issue {issue!r} in theater {theater.theater.id}; use one of {known}")
    documents = {d.document.id: d for d in store.documents(DocumentQuery(since=since))}
    groups: dict[str, SpeakerClaims] = {}
    for row in store.records("statements"):
        doc = documents.get(row["document_id"])
        if doc is None:
            continue
        found = _claim(row, doc, patterns)
        if actor is not None and not (
            found.speaker_actor == actor or (found.speaker_actor or "").startswith(actor + ".")
        ):
            continue
        if issue is not None and issue not in found.issues:
            continue
        key = found.speaker_actor or (found.speaker_text or "(unattributed)").lower()
        group = groups.setdefault(key, SpeakerClaims(key, found.speaker_actor))
        group.claims.append(found)
    for group in groups.values():
        group.claims.sort(key=lambda c: (c.published or "", c.doc_id, c.start))
    return sorted(groups.values(), key=lambda g: (-len(g.claims), g.speaker))
