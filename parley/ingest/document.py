"""Metadata checks and the one place where an article becomes a :class:`Document`."""

from __future__ import annotations

import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from parley.errors import InputError
from parley.records import Document, content_hash, normalise_text

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
_LANGUAGE_SAMPLE = 400  # characters: enough for py3langid, whose cost grows with the sample


@dataclass
class Article:
    """What a reader found: the text and whatever metadata came with it."""

    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)


def normalise_published(value: object, source: str) -> str | None:
    """An ISO date (``2025-03-11``), datetime, or partial date (``2025-03``), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(source, f"published {value!r} is not a date; write it as YYYY-MM-DD")
    text = value.strip()
    if _PARTIAL_DATE.match(text):
        return text
    try:
        return (
            date.fromisoformat(text).isoformat()
            if len(text) == 10
            else (datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat(timespec="seconds"))
        )
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(
        source,
        f"published {text!r} is not a date; write it as YYYY-MM-DD or an ISO 8601 datetime",
    )


def _optional_text(meta: dict[str, Any], key: str, source: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, f"{key} must be a string, not {type(value).__name__}")
    return normalise_text(value).strip() or None


def _document_id(meta: dict[str, Any], url: str | None, text_hash: str, source: str) -> str:
    value = meta.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is not None and value != "":
        if not isinstance(value, str) or not _ID.match(value):
            raise InputError(
                source,
                f"id {value!r} is not usable; ids are 1-128 letters, digits, '.', '_', ':' or '-'",
            )
        return value
    if url:
        return "u-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return "h-" + text_hash[:12]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for too little text."""
    sample = text[:_LANGUAGE_SAMPLE]
    if len(sample.split()) < 3:
        return None
    import py3langid

    code, _score = py3langid.classify(sample)
    return str(code)


def to_document(article: Article) -> Document:
    """Check an article's metadata and build the document parley stores."""
    meta, source = article.meta, article.source
    text = normalise_text(article.text)
    if not text.strip():
        raise InputError(source, "empty; there is no text to ingest")
    url = _optional_text(meta, "url", source)
    text_hash = content_hash(text)
    return Document(
        id=_document_id(meta, url, text_hash, source),
        content_hash=text_hash,
        text=text,
        title=_optional_text(meta, "title", source),
        outlet=_optional_text(meta, "outlet", source),
        url=url,
        published=normalise_published(meta.get("published"), source),
        language=_optional_text(meta, "language", source) or detect_language(text),
        source=source,
    )
