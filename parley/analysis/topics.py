"""What a sentence is about, for analyses that compare records across articles.

- ``issue_patterns``: the theater's issue trigger phrases as one regex per issue.
- ``content_words``: the words that carry a sentence's content (lower case, crude stems, no
  stop words), compared with ``overlap`` (Jaccard) when deciding whether two sentences speak
  of the same thing.
- ``published_day``: the calendar day of a publication date, and ``days_apart``.
"""

from __future__ import annotations

import re
from datetime import date

from parley.theater import Theater

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP_WORDS = """
a about after again against all also an and any are as at be been before being but by
can could did do does during for from had has have he her his how i if in into is it its
no nor not of on or our she so some such than that the their them then there these they
this those to under until up was we were what when which while who will with would you
said says say told according added stated noted denied deny denies confirmed claimed
reported reportedly statement official officials source sources spokesman spokesperson
"""
_STOP = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ing", "ed", "es", "s")


def issue_patterns(theater: Theater) -> dict[str, re.Pattern[str]]:
    """Issue id -> a case-insensitive pattern of its trigger phrases."""
    return {
        issue.id: re.compile(
            r"\b(?:" + "|".join(re.escape(t) for t in issue.triggers) + r")\b", re.IGNORECASE
        )
        for issue in theater.issues
    }


def issues_in(text: str, patterns: dict[str, re.Pattern[str]]) -> tuple[str, ...]:
    return tuple(issue for issue, pattern in patterns.items() if pattern.search(text))


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """Content-bearing word stems of ``text``."""
    return frozenset(
        _stem(w) for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def published_day(published: str | None) -> date | None:
    """The day of an ISO date or datetime (None when absent or unreadable)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two publication dates, or None when either is unknown."""
    day_a, day_b = published_day(a), published_day(b)
    if day_a is None or day_b is None:
        return None
    return abs((day_a - day_b).days)
