"""RSS and Atom feeds (feedparser): one article per entry."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from parley.errors import InputError
from parley.ingest.document import Article
from parley.ingest.html import fragment_to_text


def _entry_published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat(timespec="seconds")
    return None


def read_feed(data: bytes, source: str) -> Iterator[Article | InputError]:
    """Each entry of the feed as an article (content, else summary), or why it is not."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise InputError(source, f"not an RSS or Atom feed with entries{problem}")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        label = f"{source}#entry-{number}"
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        text = fragment_to_text(html or "")
        title = entry.get("title")
        if not text.strip():
            yield InputError(label, "feed entry has no text (no content or summary)")
            continue
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        yield Article(
            text=text,
            source=label,
            meta={
                "title": title,
                "outlet": outlet,
                "url": entry.get("link"),
                "published": _entry_published(entry),
            },
        )
