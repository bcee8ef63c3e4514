"""The timeline (`parley timeline`): one event per happening, however many reports name it.

**Clustering.** Event mentions (rows of ``events``) are read in report order, and each joins
the best compatible cluster or starts one. A mention is compatible with a cluster when:

- the kind is the same and no mention of the cluster lies in the same sentence;
- the actors agree: the roots of role ``a`` share two actors when both sides name two or
  more ("Israel and Hezbollah" is not "Israel and Hamas"; talks, whose participants outlets
  list in part, need one), one otherwise; when either side
  names none, both fall on the same day (the happening's, else the report's);
- the dates agree: only days and months place a happening (a year or a week counts as no
  date). Both dated: equal, or a month and a day in it; one undated: reported within
  ``window_days`` of the other's date; both undated: in one article, or reported at most
  ``UNDATED_DAYS`` apart;
- the places agree (equal, or either unnamed).

Among compatible clusters the one with the same exact date, most shared actors and most
shared sentence words wins. A cluster's date is its most precise date; its status the most
frequent among its mentions (ties: occurred, planned, proposed, claimed, hypothetical,
denied); its actors, issues and place the union (most frequent first) of its mentions'.

The clustering is stored (``event_clusters``), replacing the previous one, each time it runs:
mentions and clusters stay apart in the store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from parley.analysis.topics import content_words, overlap, published_day
from parley.store import DocumentQuery, EventCluster, Store

WINDOW_DAYS = 3
UNDATED_DAYS = 1
STATUS_ORDER = ("occurred", "planned", "proposed", "claimed", "hypothetical", "denied")


def _root(actor: str) -> str:
    return actor.split(".")[0]


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it."""

    record_id: int
    doc_id: str
    published: str | None
    outlet: str | None
    url: str | None
    kind: str
    type: str
    trigger: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    issues: tuple[str, ...]
    date: str | None
    place: str | None
    lat: float | None
    lon: float | None
    status: str
    sentence: str
    start: int
    end: int

    @cached_property
    def roots(self) -> frozenset[str]:
        return frozenset(_root(x) for x in self.a)


@dataclass
class TimelineEvent:
    """A happening with every mention that reports it (first report first)."""

    kind: str
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    id: int | None = None

    @property
    def roots(self) -> frozenset[str]:
        """The actor roots of role ``a`` over every mention."""
        return frozenset(root for m in self.mentions for root in m.roots)

    @property
    def date(self) -> str | None:
        dated = [m.date for m in self.mentions if m.date]
        if not dated:
            return None
        longest = max(len(d) for d in dated)
        return Counter(d for d in dated if len(d) == longest).most_common(1)[0][0]

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def when(self) -> str:
        """The date the timeline sorts by: the event's, else its first report's day."""
        return self.date or (self.first.published or "")[:10]

    @property
    def dated(self) -> bool:
        return self.date is not None

    @property
    def status(self) -> str:
        counts = Counter(m.status for m in self.mentions)
        return min(counts, key=lambda s: (-counts[s], _rank(s)))

    @property
    def a(self) -> tuple[str, ...]:
        return _by_frequency(x for m in self.mentions for x in m.a)

    @property
    def b(self) -> tuple[str, ...]:
        return _by_frequency(x for m in self.mentions for x in m.b)

    @property
    def issues(self) -> tuple[str, ...]:
        return _by_frequency(x for m in self.mentions for x in m.issues)

    @property
    def place(self) -> EventMention | None:
        """The mention that names the place (most often named), if any."""
        named = [m for m in self.mentions if m.place]
        if not named:
            return None
        best = Counter(m.place for m in named).most_common(1)[0][0]
        return next(m for m in named if m.place == best)

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct reporting articles' outlets (document ids where the outlet is unknown)."""
        return tuple(dict.fromkeys(m.outlet or m.doc_id for m in self.mentions))

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc_id for m in self.mentions))

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data (CLI and web): its attributes, every mention with
        its article and sentence, and the first report."""
        place = self.place
        mentions = [
            {
                "document": m.doc_id,
                "outlet": m.outlet,
                "published": m.published,
                "start": m.start,
                "end": m.end,
                "sentence": m.sentence,
                "status": m.status,
                "date": m.date,
            }
            for m in self.mentions
        ]
        return {
            "id": self.id,
            "date": self.date,
            "when": self.when,
            "dated": self.dated,
            "kind": self.kind,
            "type": self.type,
            "status": self.status,
            "a": list(self.a),
            "b": list(self.b),
            "issues": list(self.issues),
            "place": place.place if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "sources": list(self.sources),
            "documents": list(self.documents),
            "mentions": mentions,
            "first_report": mentions[0],
        }


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def _by_frequency(items: Any) -> tuple[str, ...]:
    counts = Counter(items)
    return tuple(sorted(counts, key=lambda x: (-counts[x], x)))


def _calendar(value: str | None) -> str | None:
    """A date that can place a happening: day or month precision (a year, a week or a
    duration is too coarse to tell two happenings apart and counts as no date)."""
    if value and len(value) in (7, 10) and value[4] == "-" and value[5:7].isdigit():
        return value
    return None


def _day_of(mention: EventMention) -> date | None:
    """The happening's day, else its report's day."""
    own = _calendar(mention.date)
    if own and len(own) == 10:
        return published_day(own)
    return published_day(mention.published)


def _dates_agree(a: str, b: str) -> bool:
    """Equal, or a month and a day inside it."""
    return a == b or (len(a) == 7 and b.startswith(a)) or (len(b) == 7 and a.startswith(b))


def _reported_near(published: str | None, when: str, window_days: int) -> bool:
    """Whether an undated report lies within ``window_days`` after (or before) a dated
    happening; for a month, within the month or the days after it."""
    reported = published_day(published)
    if reported is None:
        return False
    if len(when) == 7:
        first = date(int(when[:4]), int(when[5:7]), 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first <= reported <= last + timedelta(days=window_days)
    day = published_day(when)
    return day is not None and abs((reported - day).days) <= window_days


def _actors_agree(mention: EventMention, cluster: TimelineEvent) -> bool:
    """Shared actor roots: two when both sides name two or more ("Israel and Hezbollah" is
    not "Israel and Hamas"; talks excepted), one otherwise; with no actor on one side, the
    same day."""
    roots = cluster.roots
    if mention.roots and roots:
        # outlets name different subsets of a meeting's participants: one shared will do
        needed = 1 if mention.kind == "talks" else min(2, len(mention.roots), len(roots))
        return len(mention.roots & roots) >= needed
    day = _day_of(mention)
    return day is not None and day == _day_of(cluster.first)


def _compatible(mention: EventMention, cluster: TimelineEvent, window_days: int) -> bool:
    if mention.kind != cluster.kind:
        return False
    if any(m.doc_id == mention.doc_id and m.start == mention.start for m in cluster.mentions):
        return False
    if not _actors_agree(mention, cluster):
        return False
    own = _calendar(mention.date)
    dates = [d for d in (_calendar(m.date) for m in cluster.mentions) if d]
    if own and dates:
        if not all(_dates_agree(own, d) for d in dates):
            return False
    elif dates:
        if not _reported_near(mention.published, max(dates, key=len), window_days):
            return False
    elif own:
        if not all(_reported_near(m.published, own, window_days) for m in cluster.mentions):
            return False
    elif all(m.doc_id != mention.doc_id for m in cluster.mentions):
        reported, first = published_day(mention.published), published_day(cluster.first.published)
        if reported is None or first is None or abs((reported - first).days) > UNDATED_DAYS:
            return False
    place = cluster.place
    return mention.place is None or place is None or mention.place == place.place


def _affinity(mention: EventMention, cluster: TimelineEvent) -> tuple[bool, int, float]:
    words = content_words(mention.sentence)
    return (
        mention.date is not None and mention.date == cluster.date,
        len(mention.roots & cluster.roots),
        max(overlap(words, content_words(m.sentence)) for m in cluster.mentions),
    )


def cluster_mentions(
    mentions: list[EventMention], *, window_days: int = WINDOW_DAYS
) -> list[TimelineEvent]:
    """Group mentions into happenings (rules in the module doc), in report order."""
    clusters: list[TimelineEvent] = []
    by_kind: dict[str, list[TimelineEvent]] = {}
    for mention in sorted(mentions, key=lambda m: (m.published or "", m.doc_id, m.start)):
        same_kind = by_kind.setdefault(mention.kind, [])
        fitting = [c for c in same_kind if _compatible(mention, c, window_days)]
        if fitting:
            max(fitting, key=lambda c: _affinity(mention, c)).mentions.append(mention)
        else:
            cluster = TimelineEvent(mention.kind, mention.type, [mention])
            clusters.append(cluster)
            same_kind.append(cluster)
    return clusters


def event_mentions(store: Store) -> list[EventMention]:
    """Every event row of the store with its article's date, outlet and sentence."""
    documents = {d.document.id: d.document for d in store.documents(DocumentQuery())}
    mentions = []
    for row in store.records("events"):
        doc = documents.get(row["document_id"])
        if doc is None:
            continue
        extra = row["extra"] or {}
        mentions.append(
            EventMention(
                record_id=row["id"],
                doc_id=doc.id,
                published=doc.published,
                outlet=doc.outlet,
                url=doc.url,
                kind=row["kind"],
                type=row["type"],
                trigger=extra.get("trigger", ""),
                a=tuple(row["a"]),
                b=tuple(row["b"]),
                issues=tuple(row["issues"]),
                date=row["date"],
                place=row["place"],
                lat=extra.get("lat"),
                lon=extra.get("lon"),
                status=row["status"],
                sentence=doc.text[row["start"] : row["end"]],
                start=row["start"],
                end=row["end"],
            )
        )
    return mentions


def _matches(event: TimelineEvent, actor: str | None, issue: str | None, kind: str | None) -> bool:
    if kind is not None and event.kind != kind:
        return False
    if issue is not None and issue not in event.issues:
        return False
    if actor is not None:
        return any(x == actor or x.startswith(actor + ".") for x in (*event.a, *event.b))
    return True


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    issue: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    window_days: int = WINDOW_DAYS,
) -> list[TimelineEvent]:
    """The happenings of the store in date order, filtered; stores the clustering.

    ``since``/``until`` (YYYY-MM-DD, inclusive) compare with the event's date, or with its
    first report's day when it has none; ``actor`` matches role ``a`` or ``b`` (the id or
    its parts).
    """
    events = cluster_mentions(event_mentions(store), window_days=window_days)
    ids = store.replace_event_clusters(
        [
            EventCluster(
                e.kind, e.date, tuple(m.record_id for m in e.mentions), {"status": e.status}
            )
            for e in events
        ]
    )
    for event, cluster_id in zip(events, ids, strict=True):
        event.id = cluster_id
    return select(events, actor=actor, issue=issue, kind=kind, since=since, until=until)


def select(
    events: list[TimelineEvent],
    *,
    actor: str | None = None,
    issue: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[TimelineEvent]:
    """The events that pass the filters of :func:`timeline`, in date order."""
    chosen = [
        e
        for e in events
        if _matches(e, actor, issue, kind)
        and (since is None or e.when[: len(since)] >= since)
        and (until is None or e.when[: len(until)] <= until)
    ]
    return sorted(chosen, key=lambda e: (e.when, e.first.published or "", e.first.doc_id))
