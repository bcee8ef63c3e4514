"""JSON Lines (one article per line) and JSON files (one article or a list of them)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from parley.errors import InputError
from parley.ingest.document import Article
from parley.ingest.text import decode


def _article(obj: Any, source: str) -> Article:
    if not isinstance(obj, dict):
        raise InputError(
            source, f"expected a JSON object with a 'text' field, not {type(obj).__name__}"
        )
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "no 'text' field (or it is empty); every article needs its text")
    meta = {key: obj.get(key) for key in ("id", "title", "outlet", "url", "published", "language")}
    return Article(text=text, source=source, meta=meta)


def read_jsonl(
    lines: Iterable[bytes], source: str, max_bytes: int
) -> Iterator[Article | InputError]:
    """One article per non-blank line; a bad line is reported and the others still read."""
    for number, raw in enumerate(lines, start=1):
        label = f"{source}:{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield InputError(label, f"line is larger than --max-bytes ({max_bytes} bytes)")
            continue
        try:
            obj = json.loads(decode(raw, label))
            yield _article(obj, label)
        except json.JSONDecodeError as exc:
            yield InputError(
                label, f"malformed JSON on line {number} ({exc.msg}, column {exc.colno})"
            )
        except InputError as exc:
            yield exc


def read_json(text: str, source: str) -> Iterator[Article | InputError]:
    """A JSON file holding one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON ({exc.msg}, line {exc.lineno})") from None
    items = data if isinstance(data, list) else [data]
    for number, obj in enumerate(items, start=1):
        label = source if len(items) == 1 else f"{source}[{number}]"
        try:
            yield _article(obj, label)
        except InputError as exc:
            yield exc
