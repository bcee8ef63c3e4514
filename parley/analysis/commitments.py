"""Commitments and deadlines (`parley commitments`): what was promised by when, and what
later reports say happened.

A **commitment** is an event mention that schedules or promises a happening with a date:
status ``planned`` ("will withdraw by February 18", "talks will resume on Monday"), or an
``agreement``/``ceasefire`` dated after the article that reports it ("the truce was extended
until the beginning of July"). Its **deadline** is the end of that date (a month ends on its
last day, a week on its Sunday). Repeats of one commitment (same kind, actors and deadline)
are one commitment with all its reports.

Its **status** comes from the other reports in the store of the same kind whose actors
intersect (any, when the commitment names none), published after the commitment was first
reported:

- ``met``: one reports the happening as occurred on or before the deadline;
- ``partly met``: the happening is reported only in part ("partially", "some of", "not
  fully" ...);
- ``missed``: the deadline has passed (the newest article in the store is later) and no
  report says it happened in time (a report of it after the deadline, or of its denial, is
  the evidence);
- ``pending``: the deadline has not passed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from parley.analysis.timeline import EventMention, event_mentions
from parley.store import Store

PARTIAL = re.compile(
    # not "part of": "as part of the understanding" says nothing of completeness
    r"\b(?:partially|partly|some of|not fully|not yet fully|incomplete|only \w+ of)\b",
    re.IGNORECASE,
)


def deadline_day(value: str | None) -> date | None:
    """The last day a TIMEX3 date covers (``2025-07`` -> 2025-07-31; ``2025-W36`` -> its
    Sunday); None for values that are no calendar date."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, calendar.monthrange(year, month)[1])
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@dataclass
class Commitment:
    """A promised or scheduled happening, its deadline and what became of it."""

    kind: str
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    deadline: date
    date: str
    reports: list[EventMention] = field(default_factory=list)
    status: str = "pending"
    evidence: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.reports[0]


def _is_commitment(mention: EventMention) -> bool:
    due = deadline_day(mention.date)
    if due is None:
        return False
    if mention.status == "planned":
        return True
    reported = _day(mention.published)
    return (
        mention.kind in ("agreement", "ceasefire")
        and mention.status == "occurred"
        and reported is not None
        and due > reported
    )


def _roots(actors: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.split(".")[0] for a in actors)


def _in_time(mention: EventMention, deadline: date) -> bool:
    """Whether a report of the happening dates it by the deadline (an undated report counts
    from its publication, a day's grace for the news to be printed)."""
    if mention.date:
        day = deadline_day(mention.date)
        return day is not None and day <= deadline
    reported = _day(mention.published)
    return reported is not None and reported <= deadline + timedelta(days=1)


def _settle(commitment: Commitment, mentions: list[EventMention], today: date | None) -> None:
    first_day = _day(commitment.first.published)
    roots = _roots(commitment.actors)
    later = [
        m
        for m in mentions
        if m.kind == commitment.kind
        and m not in commitment.reports
        and (not roots or roots & _roots(m.a))
        and (first_day is None or (_day(m.published) or first_day) >= first_day)
    ]
    happened = [m for m in later if m.status == "occurred"]
    in_time = [m for m in happened if _in_time(m, commitment.deadline)]
    partial = [m for m in happened if PARTIAL.search(m.sentence)]
    if in_time and not all(m in partial for m in in_time):
        commitment.status, commitment.evidence = "met", [m for m in in_time if m not in partial]
    elif partial:
        commitment.status, commitment.evidence = "partly met", partial
    elif today is not None and today > commitment.deadline:
        commitment.status = "missed"
        commitment.evidence = [m for m in later if m not in in_time]
    else:
        commitment.status, commitment.evidence = "pending", []


def commitments(store: Store, *, status: str | None = None) -> list[Commitment]:
    """Every commitment of the store with its status, by deadline (rules in the module doc);
    ``status`` keeps one status."""
    mentions = event_mentions(store)
    days = [d for d in (_day(m.published) for m in mentions) if d is not None]
    today = max(days) if days else None
    grouped: dict[tuple[str, frozenset[str], date], Commitment] = {}
    for mention in sorted(mentions, key=lambda m: (m.published or "", m.doc_id, m.start)):
        if not _is_commitment(mention):
            continue
        due = deadline_day(mention.date)
        assert due is not None  # checked by _is_commitment
        key = (mention.kind, _roots(mention.a), due)
        if key not in grouped:
            grouped[key] = Commitment(
                mention.kind, mention.a, mention.issues, due, str(mention.date)
            )
        grouped[key].reports.append(mention)
    for commitment in grouped.values():
        _settle(commitment, mentions, today)
    found = sorted(grouped.values(), key=lambda c: (c.deadline, c.kind))
    return [c for c in found if status is None or c.status == status]
