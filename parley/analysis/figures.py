"""Figures reconciled across reports (`parley figures`): the same count side by side.

Figures are grouped by quantity, place (the side counted), who is counted (civilians,
fighters ...; "people" when the sentence does not say) and period start (``since``): the
reports of one group count the same thing, so their values should agree up to the growth of a
running toll. A group lists every report with its value, period, source and report date, and
its spread. Two reports **disagree** when their group states a period (without one, two
counts of "people killed in Lebanon" are as likely the tolls of two strikes), they come from
different articles published at most ``window_days`` apart, and their values differ by more
than ``tolerance`` of the larger one (twice that when either is approximate: "over 1,000").
Parts of another figure ("including 316 children") stay out: they are not the count itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from parley.analysis.topics import days_apart
from parley.store import DocumentQuery, Store, StoredDocument

TOLERANCE = 0.1
WINDOW_DAYS = 2
PEOPLE = "people"


@dataclass(frozen=True)
class Report:
    """One figure as one article reports it."""

    record_id: int
    doc_id: str
    published: str | None
    outlet: str | None
    value: int
    approx: bool
    who: str | None
    since: str | None
    until: str | None
    source: str | None
    source_actor: str | None
    sentence: str
    start: int
    end: int

    @property
    def source_label(self) -> str:
        """Who gives the figure: its stated source, else the outlet that printed it."""
        if self.source:
            return self.source
        return f"{self.outlet or self.doc_id} (no source given)"


@dataclass
class FigureGroup:
    """Reports of one quantity for one place, group of people and period start, in
    report-date order."""

    quantity: str
    place: str | None
    who: str
    since: str | None
    reports: list[Report] = field(default_factory=list)
    disagreements: list[tuple[Report, Report]] = field(default_factory=list)

    @property
    def low(self) -> int:
        return min(r.value for r in self.reports)

    @property
    def high(self) -> int:
        return max(r.value for r in self.reports)

    @property
    def spread(self) -> float:
        """(high - low) / high: 0 when every report gives the same value."""
        return (self.high - self.low) / self.high if self.high else 0.0

    @property
    def label(self) -> str:
        where = f" in {self.place}" if self.place else ""
        who = "" if self.who == PEOPLE else f" ({self.who})"
        period = f" since {self.since}" if self.since else " (period not stated)"
        return f"{self.quantity}{who}{where}{period}"


def _report(row: dict[str, Any], doc: StoredDocument) -> Report:
    return Report(
        record_id=row["id"],
        doc_id=row["document_id"],
        published=doc.document.published,
        outlet=doc.document.outlet,
        value=int(row["value"]),
        approx=bool(row["approx"]),
        who=row["who"],
        since=row["since"],
        until=row["until"],
        source=row["source_text"],
        source_actor=(row["extra"] or {}).get("source_actor"),
        sentence=doc.document.text[row["start"] : row["end"]],
        start=row["start"],
        end=row["end"],
    )


def disagree(a: Report, b: Report, *, tolerance: float, window_days: int) -> bool:
    """Whether two reports of one group give incompatible values (rule in the module doc)."""
    if a.doc_id == b.doc_id:
        return False
    apart = days_apart(a.published, b.published)
    if apart is None or apart > window_days:
        return False
    allowed = tolerance * (2 if a.approx or b.approx else 1)
    return abs(a.value - b.value) > allowed * max(a.value, b.value)


def reconcile(
    store: Store,
    *,
    quantity: str | None = None,
    place: str | None = None,
    tolerance: float = TOLERANCE,
    window_days: int = WINDOW_DAYS,
) -> list[FigureGroup]:
    """Figure groups across the store, the largest first (rules in the module doc).

    ``quantity`` and ``place`` filter (``place`` matches the id or its parts: ``LBN``
    takes ``LBN.GOV``).
    """
    documents = {d.document.id: d for d in store.documents(DocumentQuery())}
    groups: dict[tuple[str, str | None, str, str | None], FigureGroup] = {}
    for row in store.records("figures"):
        doc = documents.get(row["document_id"])
        extra = row["extra"] or {}
        if doc is None or row["value"] is None or extra.get("part_of"):
            continue
        if quantity is not None and row["quantity"] != quantity:
            continue
        if place is not None and not (
            row["place"] == place or (row["place"] or "").startswith(place + ".")
        ):
            continue
        key = (row["quantity"], row["place"], row["who"] or PEOPLE, row["since"])
        group = groups.setdefault(key, FigureGroup(*key))
        group.reports.append(_report(row, doc))
    for group in groups.values():
        group.reports.sort(key=lambda r: (r.published or "", r.doc_id, r.start))
        group.disagreements = [
            (a, b)
            for i, a in enumerate(group.reports)
            for b in group.reports[i + 1 :]
            if group.since is not None
            and disagree(a, b, tolerance=tolerance, window_days=window_days)
        ]
    return sorted(groups.values(), key=lambda g: (-len(g.reports), g.label))


def series(groups: list[FigureGroup]) -> dict[str, dict[str, list[tuple[str, int]]]]:
    """Per quantity (with place), per source: (report date, value) points, for a chart.

    Undated reports cannot be placed on a time axis and are left out.
    """
    charts: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    for group in groups:
        for report in group.reports:
            if report.published:
                name = group.label
                charts[name][report.source_label].append((report.published[:10], report.value))
    return {
        name: {source: sorted(points) for source, points in by_source.items()}
        for name, by_source in charts.items()
    }
