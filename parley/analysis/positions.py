"""Positions over time (`parley positions`): what each party wants on each issue, and when
that changed.

Every position record becomes a :class:`Stated` with the day it was expressed: the day the
component attached when it is a calendar day at most ``RECENT_DAYS`` before the article
("on Monday, Israel demanded ..."), else the article's publication day (a year or a distant
date in the sentence dates its topic, not the stance). Positions are kept per party (the
actor's root: ``ISR.GOV`` speaks for ``ISR``) and issue, in date order. A **shift** is a
change of stance or of ``requires`` between two consecutive dated statements of one party
on one issue, with both pieces of evidence. The **matrix** holds, per party and issue, the
latest stance with its evidence and whether it shifted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from parley.analysis.topics import published_day
from parley.store import DocumentQuery, Store

RECENT_DAYS = 31


def stance_day(attached: str | None, published: str | None) -> str | None:
    """The day a stance was expressed (rule in the module doc)."""
    reported = published_day(published)
    own = published_day(attached) if attached and len(attached) == 10 else None
    if reported is None:
        return own.isoformat() if own else None
    if own is not None and reported - timedelta(days=RECENT_DAYS) <= own <= reported:
        return own.isoformat()
    return reported.isoformat()


def party(actor: str) -> str:
    """The party an actor id speaks for: its root (``ISR.GOV`` -> ``ISR``)."""
    return actor.split(".")[0]


@dataclass(frozen=True)
class Stated:
    """One position as one article states it."""

    record_id: int
    actor: str
    issue: str
    stance: str
    requires: tuple[str, ...]
    date: str | None
    doc_id: str
    outlet: str | None
    published: str | None
    sentence: str
    start: int
    end: int

    @property
    def party(self) -> str:
        return party(self.actor)

    @property
    def conditional(self) -> bool:
        """Whether it makes another issue a precondition."""
        return bool(self.requires)


@dataclass(frozen=True)
class Shift:
    """A change of one party's stance (or preconditions) on one issue between two dates."""

    before: Stated
    after: Stated


@dataclass
class History:
    """Every statement of one party on one issue, oldest first."""

    party: str
    issue: str
    stated: list[Stated] = field(default_factory=list)

    @property
    def latest(self) -> Stated:
        return self.stated[-1]

    @property
    def shifts(self) -> list[Shift]:
        return [
            Shift(before, after)
            for before, after in zip(self.stated, self.stated[1:], strict=False)
            if _changed(before, after)
        ]


def _changed(before: Stated, after: Stated) -> bool:
    """A shift: another stance or other preconditions, stated on a later date."""
    if not (before.date and after.date and before.date != after.date):
        return False
    return before.stance != after.stance or set(before.requires) != set(after.requires)


def stated_positions(store: Store) -> list[Stated]:
    """Every position record with its date, article and sentence."""
    documents = {d.document.id: d.document for d in store.documents(DocumentQuery())}
    found = []
    for row in store.records("positions"):
        doc = documents.get(row["document_id"])
        if doc is None:
            continue
        found.append(
            Stated(
                record_id=row["id"],
                actor=row["actor"],
                issue=row["issue"],
                stance=row["stance"],
                requires=tuple(row["requires"]),
                date=stance_day(row["date"], doc.published),
                doc_id=doc.id,
                outlet=doc.outlet,
                published=doc.published,
                sentence=doc.text[row["start"] : row["end"]],
                start=row["start"],
                end=row["end"],
            )
        )
    return found


def histories(store: Store, *, actor: str | None = None, issue: str | None = None) -> list[History]:
    """Position histories per party and issue (filters: a party or actor id, an issue)."""
    grouped: dict[tuple[str, str], History] = {}
    for item in stated_positions(store):
        if actor is not None and not (
            item.actor == actor or item.actor.startswith(actor + ".") or item.party == actor
        ):
            continue
        if issue is not None and item.issue != issue:
            continue
        key = (item.party, item.issue)
        grouped.setdefault(key, History(*key)).stated.append(item)
    for history in grouped.values():
        history.stated.sort(key=lambda s: (s.date or "", s.published or "", s.doc_id, s.start))
    return sorted(grouped.values(), key=lambda h: (h.party, h.issue))


def matrix(histories_: list[History]) -> dict[str, dict[str, History]]:
    """party -> issue -> history (the cell shows ``history.latest`` and its shifts)."""
    cells: dict[str, dict[str, History]] = {}
    for history in histories_:
        cells.setdefault(history.party, {})[history.issue] = history
    return cells
