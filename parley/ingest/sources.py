"""From what the user typed (paths, folders, URLs, ``-``) to articles, format by format."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from parley.errors import InputError
from parley.ingest.document import Article
from parley.ingest.feeds import read_feed
from parley.ingest.html import read_html
from parley.ingest.jsonl import read_json, read_jsonl
from parley.ingest.text import decode

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "json",
}
SIDECAR = ".meta.json"
SKIPPED_IN_FOLDERS = (SIDECAR, ".gold.json")


@dataclass(frozen=True)
class Options:
    """How inputs are read; defaults come from :mod:`parley.settings`."""

    max_bytes: int = 5_000_000
    timeout: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False


def expand(inputs: list[str]) -> list[str]:
    """Inputs with folders replaced by their files (recursive, sorted, hidden ones skipped)."""
    expanded: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != "-" and "://" not in item and path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if (
                    child.is_file()
                    and not any(p.startswith(".") for p in relative)
                    and not child.name.endswith(SKIPPED_IN_FOLDERS)
                ):
                    expanded.append(str(child))
        else:
            expanded.append(item)
    return expanded


def sniff(data: bytes) -> str:
    """Guess the format of bytes with no telling suffix or content type."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "text"


def _sidecar(path: Path) -> dict[str, Any]:
    meta_path = path.with_name(path.stem + SIDECAR)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(
            str(meta_path), f"malformed sidecar metadata ({exc}); fix the JSON"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), "sidecar metadata must be a JSON object")
    return meta


def _from_bytes(
    data: bytes, kind: str, source: str, url: str | None = None, meta: dict[str, Any] | None = None
) -> Iterator[Article | InputError]:
    if kind == "feed":
        yield from read_feed(data, source)
        return
    if kind == "jsonl":
        yield from read_jsonl(data.splitlines(), source, len(data) + 1)
        return
    text = decode(data, source)
    if kind == "json":
        yield from read_json(text, source)
        return
    article = read_html(text, source, url) if kind == "html" else Article(text, source, {})
    if url and not article.meta.get("url"):
        article.meta["url"] = url
    article.meta.update({k: v for k, v in (meta or {}).items() if v is not None})
    yield article


def _read_file(path: Path, options: Options) -> Iterator[Article | InputError]:
    source = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind == "jsonl":  # read line by line: the size limit is per article, not per file
        with path.open("rb") as handle:
            yield from read_jsonl(handle, source, options.max_bytes)
        return
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(
            source,
            f"larger than --max-bytes ({size} > {options.max_bytes} bytes); "
            "raise --max-bytes or split the file",
        )
    data = path.read_bytes()
    yield from _from_bytes(data, kind or sniff(data), source, meta=_sidecar(path))


def _read_url(url: str, options: Options) -> Iterator[Article | InputError]:
    from parley.ingest.urls import fetch  # httpx loads only when a URL is given

    fetched = fetch(
        url,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        max_redirects=options.max_redirects,
        allow_private=options.allow_private,
    )
    kind = CONTENT_TYPES.get(fetched.content_type) or sniff(fetched.body)
    if fetched.content_type and not (
        fetched.content_type.startswith("text/") or fetched.content_type in CONTENT_TYPES
    ):
        raise InputError(url, f"not an article or feed (content type {fetched.content_type})")
    yield from _from_bytes(fetched.body, kind, url, url=fetched.url)


def _read_stdin(stream: BinaryIO, options: Options) -> Iterator[Article | InputError]:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError("<stdin>", f"larger than --max-bytes ({options.max_bytes} bytes)")
    yield from _from_bytes(data, sniff(data), "<stdin>")


def read(
    item: str, options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """Articles (or reasons for refusal) from one expanded input; never raises InputError."""
    try:
        if item == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, options)
        elif item.startswith(("http://", "https://")):
            yield from _read_url(item, options)
        elif "://" in item:
            yield InputError(item, "only http and https URLs are fetched")
        else:
            path = Path(item)
            if not path.exists():
                yield InputError(item, "no such file or folder; check the path")
            elif not path.is_file():
                yield InputError(item, "not a regular file")
            else:
                yield from _read_file(path, options)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(item, f"cannot be read ({exc.strerror}); check its permissions")
