"""The brief (`parley brief`): what changed since a date, as short sentences with citations.

Six sections, each from the analysis that owns the records, over ``since``..``until``
(YYYY-MM-DD, inclusive; no ``until``: up to the newest article):

- **events**: timeline happenings (of the reports published by ``until``) whose date (else
  their first report's day) falls in the window, with every reporting article;
- **positions**: per party and issue, a *new* history (first stated in the window), a
  *shift* (stance or preconditions changed, the later statement in the window), or a stance
  *restated* in the window;
- **deadlocks**: the deadlocks of the positions stated before ``since`` compared with those
  of all positions up to ``until``: a cycle only in the second *appeared*, one only in the
  first was *broken* (cited by the positions of its parties stated in the window); undated
  positions count in both;
- **commitments**: those whose deadline falls between ``since`` and the newest article
  (or ``until``), with what became of them (as the whole store tells it);
- **contradictions**: those with a side published in the window and none after it;
- **figures**: groups of the same count with a report published in the window: the latest
  value, its source, and the range of the window's reports.

Every sentence is a template filled with values of the records (theater names of actors,
issue ids, kinds, statuses, dates, counts, the speakers' words as written): nothing is
invented. Each item cites the sentences behind it (:class:`Citation`), so that a renderer can
link to ``/documents/{doc_id}#{start}``. The brief is plain data: ``dataclasses.asdict``
gives JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parley.analysis import commitments as commitments_
from parley.analysis import contradictions as contradictions_
from parley.analysis import deadlocks as deadlocks_
from parley.analysis import figures as figures_
from parley.analysis import positions as positions_
from parley.analysis import timeline as timeline_
from parley.errors import ConfigError
from parley.records import ContradictionSide
from parley.store import DocumentQuery, Store
from parley.theater import Theater

SECTIONS = {
    "events": "New events",
    "positions": "New and shifted positions",
    "deadlocks": "Deadlocks that appeared or were broken",
    "commitments": "Commitments that fell due",
    "contradictions": "New contradictions",
    "figures": "Latest figures",
}
QUOTE_CHARS = 400  # a cited sentence longer than this is cut (with "…")
MAX_CITATIONS = 6  # per item; the first reports, the rest are in the analysis' own page

KIND_NOUNS = {
    "talks": "talks",
    "proposal": "a proposal",
    "agreement": "an agreement",
    "ceasefire": "a ceasefire",
    "withdrawal": "a withdrawal",
    "deployment": "a deployment",
    "release": "a release",
    "attack": "an attack",
    "accusation": "an accusation",
    "demand": "a demand",
    "rejection": "a rejection",
    "threat": "a threat",
}
AGAINST = frozenset({"attack", "accusation", "threat", "rejection"})
STATUS_PHRASES = {
    "occurred": "reported as happened",
    "planned": "planned",
    "proposed": "proposed",
    "claimed": "claimed by one side only",
    "denied": "denied",
    "hypothetical": "raised as a possibility",
}
STANCE_VERBS = {
    "demand": "demands",
    "support": "supports",
    "oppose": "opposes",
    "propose": "proposes",
    "condition": "sets conditions on",
    "red_line": "draws a red line on",
}
STANCE_NOUNS = {
    "demand": "a demand",
    "support": "support",
    "oppose": "opposition",
    "propose": "a proposal",
    "condition": "a condition",
    "red_line": "a red line",
}
COMMITMENT_PHRASES = {
    "met": "met",
    "partly met": "partly met",
    "missed": "missed (no report says it happened in time)",
    "pending": "still pending",
}
CONTRADICTION_LABELS = {
    "denial": "Denial",
    "status": "Conflicting reports",
    "figures": "Figures disagree",
}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Citation:
    """Where a brief's sentence comes from: an article's sentence (``start``..``end``)."""

    doc_id: str
    source: str  # the outlet, else the document id
    date: str | None  # the article's publication day
    start: int
    end: int
    quote: str  # the cited sentence, on one line


@dataclass(frozen=True)
class BriefItem:
    """One sentence of the brief, its date (for order), what it reports and its sources.

    ``kind``: per section, ``event``; ``new``, ``shifted``, ``restated``; ``appeared``,
    ``broken``; a commitment's status; a contradiction's kind; ``figure``.
    """

    text: str
    date: str | None
    kind: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class BriefSection:
    key: str
    title: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True)
class Brief:
    """What changed between ``since`` and ``until`` (or the newest article, ``newest``)."""

    since: str
    until: str | None
    newest: str | None
    sections: tuple[BriefSection, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not any(section.items for section in self.sections)


def check_day(value: str, name: str = "since") -> str:
    """``value`` if it is a calendar day written YYYY-MM-DD, else a ConfigError."""
    try:
        if _DAY.fullmatch(value):
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ConfigError(f"{name} {value!r} is not a date; give YYYY-MM-DD (e.g. 2025-03-01)")


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _cite(
    doc_id: str, outlet: str | None, published: str | None, start: int, end: int, quote: str
) -> Citation:
    line = " ".join(quote.split())
    if len(line) > QUOTE_CHARS:
        line = line[: QUOTE_CHARS - 1] + "…"
    return Citation(doc_id, outlet or doc_id, _day(published), start, end, line)


def _unique(citations: list[Citation]) -> tuple[Citation, ...]:
    """Citations without repeats (one per sentence), at most MAX_CITATIONS."""
    seen: dict[tuple[str, int], Citation] = {}
    for citation in citations:
        seen.setdefault((citation.doc_id, citation.start), citation)
    return tuple(list(seen.values())[:MAX_CITATIONS])


class _Window:
    """The brief's period: ``since``..``until`` (open ended without ``until``)."""

    def __init__(self, since: str, until: str | None) -> None:
        self.since, self.until = since, until

    def holds(self, day: str | None) -> bool:
        if not day:
            return False
        day = day[:10]
        return day >= self.since and (self.until is None or day <= self.until)

    def reached(self, day: str | None) -> bool:
        """Not after ``until`` (undated counts as reached)."""
        return self.until is None or not day or day[:10] <= self.until


class _Names:
    """Readable names: actors from the theater, issues from their ids."""

    def __init__(self, theater: Theater) -> None:
        self.known = {actor.id: actor.name for actor in theater.actors}

    def actor(self, actor_id: str | None) -> str:
        return self.known.get(actor_id, actor_id) if actor_id else "someone"

    def actors(self, ids: tuple[str, ...] | list[str]) -> str:
        return _and([self.actor(x) for x in ids])

    @staticmethod
    def issue(issue: str) -> str:
        return issue.replace("_", " ")

    def issues(self, ids: tuple[str, ...] | list[str]) -> str:
        return _and([self.issue(x) for x in ids])


def _and(words: list[str]) -> str:
    words = list(dict.fromkeys(words))
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# -- events ------------------------------------------------------------------------------
def _event_item(event: timeline_.TimelineEvent, names: _Names) -> BriefItem:
    noun = KIND_NOUNS.get(event.kind, event.kind.replace("_", " "))
    when = f"On {event.date}" if event.date else f"Undated, first reported {event.when}"
    text = f"{when}: {noun}"
    if event.a:
        text += f" by {names.actors(event.a)}"
    if event.b:
        text += f" {'against' if event.kind in AGAINST else 'with'} {names.actors(event.b)}"
    if event.place is not None and event.place.place:
        text += f" in {event.place.place}"
    if event.issues:
        text += f", on {names.issues(event.issues)}"
    status = STATUS_PHRASES.get(event.status, event.status)
    text += f" ({status}; {_plural(len(event.sources), 'source')})."
    citations = [
        _cite(m.doc_id, m.outlet, m.published, m.start, m.end, m.sentence) for m in event.mentions
    ]
    return BriefItem(text, event.when, "event", _unique(citations))


def _events(store: Store, window: _Window, names: _Names) -> list[BriefItem]:
    known = [m for m in timeline_.event_mentions(store) if window.reached(m.published)]
    happenings = timeline_.cluster_mentions(known)
    chosen = timeline_.select(happenings, since=window.since, until=window.until)
    return [_event_item(e, names) for e in chosen]


# -- positions ---------------------------------------------------------------------------
def _stated_cite(item: positions_.Stated) -> Citation:
    return _cite(item.doc_id, item.outlet, item.published, item.start, item.end, item.sentence)


def _requiring(item: positions_.Stated, names: _Names) -> str:
    return f", requiring {names.issues(item.requires)} first" if item.requires else ""


def _stance(item: positions_.Stated, names: _Names) -> str:
    noun = STANCE_NOUNS.get(item.stance, item.stance)
    return noun + (f" requiring {names.issues(item.requires)} first" if item.requires else "")


def _history_items(history: positions_.History, window: _Window, names: _Names) -> list[BriefItem]:
    stated = [s for s in history.stated if s.date and window.reached(s.date)]
    recent = [s for s in stated if window.holds(s.date)]
    if not recent:
        return []
    party = names.actor(history.party)
    issue = names.issue(history.issue)
    items = []
    if len(recent) == len(stated):  # nothing stated before the window
        first = recent[0]
        verb = STANCE_VERBS.get(first.stance, first.stance)
        text = f"{party} {verb} {issue}{_requiring(first, names)} (first stated {first.date})."
        items.append(BriefItem(text, first.date, "new", _unique([_stated_cite(first)])))
    trimmed = positions_.History(history.party, history.issue, stated)
    for shift in trimmed.shifts:
        if not window.holds(shift.after.date):
            continue
        text = (
            f"{party} shifted on {issue}: from {_stance(shift.before, names)} "
            f"({shift.before.date}) to {_stance(shift.after, names)} ({shift.after.date})."
        )
        cites = _unique([_stated_cite(shift.before), _stated_cite(shift.after)])
        items.append(BriefItem(text, shift.after.date, "shifted", cites))
    if not items:
        latest = recent[-1]
        verb = STANCE_VERBS.get(latest.stance, latest.stance)
        text = (
            f"{party} still {verb} {issue}{_requiring(latest, names)} (stated again {latest.date})."
        )
        items.append(BriefItem(text, latest.date, "restated", _unique([_stated_cite(latest)])))
    return items


def _positions(store: Store, window: _Window, names: _Names) -> list[BriefItem]:
    items = []
    for history in positions_.histories(store):
        items += _history_items(history, window, names)
    return items


# -- deadlocks ---------------------------------------------------------------------------
def _cycle_text(lock: deadlocks_.Deadlock, names: _Names) -> str:
    return "; ".join(
        f"{names.actor(e.waiter)} acts on {names.issue(e.issue)} only after "
        f"{names.actor(e.by)} acts on {names.issue(e.requires)}"
        for e in lock.edges
    )


def _deadlocks(store: Store, window: _Window, names: _Names) -> list[BriefItem]:
    def before(item: positions_.Stated) -> bool:
        return item.date is None or item.date < window.since

    def upto(item: positions_.Stated) -> bool:
        return window.reached(item.date)

    earlier = {tuple(d.nodes): d for d in deadlocks_.analyse(store, where=before)[1]}
    now = {tuple(d.nodes): d for d in deadlocks_.analyse(store, where=upto)[1]}
    items = []
    for key, lock in now.items():
        if key in earlier:
            continue
        evidence = [s for e in lock.edges for s in e.evidence]
        day = max((s.date for s in evidence if s.date), default=None)
        text = f"Deadlock appeared: {_cycle_text(lock, names)}."
        cites = _unique([_stated_cite(s) for s in evidence])
        items.append(BriefItem(text, day, "appeared", cites))
    current = deadlocks_.current_positions(
        [s for s in positions_.stated_positions(store) if upto(s)]
    )
    for key, lock in earlier.items():
        if key in now:
            continue
        changed = [s for node in lock.nodes for s in current.get(node, []) if window.holds(s.date)]
        now_held = "; ".join(
            f"{names.actor(s.party)} now {STANCE_VERBS.get(s.stance, s.stance)} "
            f"{names.issue(s.issue)}{_requiring(s, names)} ({s.date})"
            for s in changed
        )
        text = "Deadlock broken" + (f": {now_held}" if now_held else "")
        text += f". It no longer holds that {_cycle_text(lock, names)}."
        day = max((s.date for s in changed if s.date), default=window.since)
        # cited by what broke it; else (nothing dated in the window) by what it was
        cites = _unique([_stated_cite(s) for s in changed]) or _unique(
            [_stated_cite(s) for e in lock.edges for s in e.evidence]
        )
        items.append(BriefItem(text, day, "broken", cites))
    return items


# -- commitments -------------------------------------------------------------------------
def _commitments(
    store: Store, window: _Window, newest: str | None, names: _Names
) -> list[BriefItem]:
    if newest is None:
        return []
    last = min(newest, window.until) if window.until else newest
    items = []
    for item in commitments_.commitments(store):
        due = item.deadline.isoformat()
        if not window.since <= due <= last:
            continue
        noun = KIND_NOUNS.get(item.kind, item.kind.replace("_", " "))
        text = noun[0].upper() + noun[1:]
        if item.actors:
            text += f" by {names.actors(item.actors)}"
        if item.issues:
            text += f" on {names.issues(item.issues)}"
        promised = _day(item.first.published) or "undated"
        status = COMMITMENT_PHRASES.get(item.status, item.status)
        text += f" was due by {due} (promised {promised}): {status}."
        cites = [
            _cite(m.doc_id, m.outlet, m.published, m.start, m.end, m.sentence)
            for m in [item.first, *item.evidence]
        ]
        items.append(BriefItem(text, due, item.status, _unique(cites)))
    return items


# -- contradictions ----------------------------------------------------------------------
def _side_phrase(side: ContradictionSide, names: _Names) -> str:
    who = side.speaker or (names.actor(side.actor) if side.actor else None)
    if side.record_kind == "figure":
        return f"{who or side.outlet or side.evidence.doc_id} counts {side.text}"
    if side.record_kind == "event":
        reported = "denied" if side.stance == "denies" else "as happened"
        return f"{side.outlet or side.evidence.doc_id} reports it {reported}"
    return f"{who or 'an unnamed speaker'} {side.stance}"


def _contradictions(
    store: Store, theater: Theater, window: _Window, names: _Names
) -> list[BriefItem]:
    items = []
    for found in contradictions_.contradictions(store, theater):
        if not any(window.holds(side.published) for side in found.sides) or not all(
            window.reached(side.published) for side in found.sides
        ):
            continue
        label = CONTRADICTION_LABELS.get(found.kind, found.kind)
        sides = "; ".join(_side_phrase(side, names) for side in found.sides)
        text = f"{label} on {found.topic}: {sides}."
        day = max(_day(s.published) or "" for s in found.sides if window.holds(s.published))
        cites = [
            _cite(
                s.evidence.doc_id,
                s.outlet,
                s.published,
                s.evidence.start,
                s.evidence.end,
                s.sentence,
            )
            for s in found.sides
        ]
        items.append(BriefItem(text, day, found.kind, _unique(cites)))
    return items


# -- figures -----------------------------------------------------------------------------
def _figure_label(group: figures_.FigureGroup, names: _Names) -> str:
    who = "" if group.who == figures_.PEOPLE else f" ({group.who})"
    where = f" in {names.actor(group.place)}" if group.place else ""
    period = f" since {group.since}" if group.since else ""
    return f"{group.quantity.capitalize()}{who}{where}{period}"


def _figures(store: Store, window: _Window, names: _Names) -> list[BriefItem]:
    items = []
    for group in figures_.reconcile(store):
        recent = [r for r in group.reports if window.holds(r.published)]
        if not recent:
            continue
        latest = recent[-1]
        approx = "about " if latest.approx else ""
        text = (
            f"{_figure_label(group, names)}: {approx}{latest.value:,} according to "
            f"{latest.source_label} ({_day(latest.published)})"
        )
        low, high = min(r.value for r in recent), max(r.value for r in recent)
        if low != high:
            text += (
                f"; the window's {_plural(len(recent), 'report')} range from {low:,} to {high:,}"
            )
        cites = [
            _cite(r.doc_id, r.outlet, r.published, r.start, r.end, r.sentence)
            for r in reversed(recent)
        ]
        items.append(BriefItem(text + ".", _day(latest.published), "figure", _unique(cites)))
    return items


# -- the brief ---------------------------------------------------------------------------
def _newest(store: Store) -> str | None:
    latest = store.documents(DocumentQuery(limit=1))  # newest first, undated last
    return _day(latest[0].document.published) if latest else None


def _ordered(items: list[BriefItem]) -> tuple[BriefItem, ...]:
    return tuple(sorted(items, key=lambda i: i.date or ""))


def brief(store: Store, theater: Theater, since: str, *, until: str | None = None) -> Brief:
    """What changed from ``since`` to ``until`` (YYYY-MM-DD; rules in the module doc)."""
    check_day(since, "since")
    if until is not None:
        check_day(until, "until")
        if until < since:
            raise ConfigError(f"until {until} is before since {since}; swap them")
    window = _Window(since, until)
    names = _Names(theater)
    newest = _newest(store)
    found = {
        "events": _events(store, window, names),
        "positions": _positions(store, window, names),
        "deadlocks": _deadlocks(store, window, names),
        "commitments": _commitments(store, window, newest, names),
        "contradictions": _contradictions(store, theater, window, names),
        "figures": _figures(store, window, names),
    }
    sections = tuple(
        BriefSection(key, title, _ordered(found[key])) for key, title in SECTIONS.items()
    )
    return Brief(since, until, newest, sections)
