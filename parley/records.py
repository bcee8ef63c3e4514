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
