"""HTML pages: main text and metadata with trafilatura; feed-entry fragments with lxml."""

from __future__ import annotations

import re
from typing import Any

from parley.errors import InputError
from parley.ingest.document import Article, normalise_published

# trafilatura keeps only the day of a publication date; the page's own meta tag has the time.
_PUBLISHED_META = re.compile(
    r"<meta\s[^>]*?(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|"
    r"pubdate|publishdate)[\"'][^>]*>",
    re.I,
)
_CONTENT_ATTR = re.compile(r"content=[\"']([^\"']+)[\"']", re.I)
_BREAK = "\u2029"  # paragraph separator: marks block ends while whitespace is collapsed
_MIN_WORDS = 10  # fewer words in the main text means an index page, not an article
_BLOCK_END = re.compile(
    r"(</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>)", re.I
)


def _published_with_time(html: str, day: str | None, source: str) -> str | None:
    """The page's ``article:published_time`` when it agrees with trafilatura's day."""
    for tag in _PUBLISHED_META.findall(html[:200_000]):
        found = _CONTENT_ATTR.search(tag)
        if not found:
            continue
        try:
            value = normalise_published(found.group(1), source)
        except InputError:
            continue
        if value and (day is None or value.startswith(day)):
            return value
    return day


def read_html(html: str, source: str, url: str | None = None) -> Article:
    """The main text of a page, with title, date and site name as metadata."""
    import trafilatura

    result: Any = trafilatura.bare_extraction(
        html, url=url, include_comments=False, with_metadata=True, include_tables=False
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < _MIN_WORDS:
        raise InputError(
            source,
            "no article text found in the HTML page; save the article page itself, "
            "not an index or a page rendered by JavaScript",
        )
    title = result.title
    body = str(text)
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    meta: dict[str, Any] = {
        "title": title,
        "outlet": result.sitename or result.hostname,
        "url": url or result.url,
        "published": _published_with_time(html, result.date, source),
    }
    return Article(text=body, source=source, meta=meta)


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry), one line per paragraph."""
    import lxml.html

    if "<" not in fragment:
        return " ".join(fragment.split())
    marked = _BLOCK_END.sub(lambda m: m.group(1) + _BREAK, fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    paragraphs = (" ".join(part.split()) for part in root.text_content().split(_BREAK))
    return "\n".join(p for p in paragraphs if p)
