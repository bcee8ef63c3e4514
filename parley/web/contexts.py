"""One context per page: the analysis results as plain, JSON-ready data.

Each function calls the library (parley.analysis, the store) and returns dicts and lists only,
so that a page renders the same context as HTML (templates) or JSON (``/api/...``), the way
STYLE.md #8 asks. Nothing here formats HTML: the templates escape every string.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from typing import Any

from parley.store import DocumentQuery, Store, StoredDocument
from parley.theater import Theater

LAYER_TITLES = {
    "actor": "actor",
    "time": "time",
    "place": "place",
    "statement": "statement (content)",
    "cue": "statement cue",
    "event": "event trigger",
    "position": "position cue",
    "figure": "figure",
}


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list, with what the client needs to ask for the next one."""
    chosen = items[offset : offset + limit]
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if offset + limit < len(items) else None,
        "items": chosen,
    }


def timeline(store: Store, **filters: Any) -> list[dict[str, Any]]:
    from parley.analysis.timeline import timeline as build

    return [e.to_dict() for e in build(store, **filters)]


def _day(when: str) -> date | None:
    try:
        return date.fromisoformat(when[:10] if len(when) >= 10 else f"{when[:7]}-01"[:10])
    except ValueError:
        return None


def _axis(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Where each event sits on a time axis (x from 0 to 1000), with year/month ticks."""
    days = {e["id"]: _day(e["when"]) for e in events if e["when"]}
    known = [d for d in days.values() if d is not None]
    if not known:
        return {"points": [], "ticks": []}
    first, last = min(known), max(known)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(20 + 960 * (day - first).days / span, 1)

    points = [
        {"id": e["id"], "x": x(day), "kind": e["kind"], "when": e["when"], "status": e["status"]}
        for e in events
        if (day := days.get(e["id"])) is not None
    ]
    ticks = []
    month = date(first.year, first.month, 1)
    step = 1 if span < 400 else 3 if span < 1500 else 12
    while month <= last:
        if month >= first:
            ticks.append({"x": x(month), "label": month.strftime("%Y-%m")})
        year, index = divmod(month.month - 1 + step, 12)
        month = date(month.year + year, index + 1, 1)
    return {"points": points, "ticks": ticks, "first": first.isoformat(), "last": last.isoformat()}


def timeline_page(store: Store, status: str | None, **filters: Any) -> dict[str, Any]:
    """The filtered events, and every value the filters can take (from all events)."""
    from parley.analysis.timeline import select
    from parley.analysis.timeline import timeline as build

    every = build(store)
    chosen = [e.to_dict() for e in select(every, **filters)]
    if status is not None:
        chosen = [e for e in chosen if e["status"] == status]
    dates = sorted(e.when for e in every if e.when)
    return {
        "axis": _axis(chosen),
        "filters": {**filters, "status": status},
        "choices": {
            "kind": sorted({e.kind for e in every}),
            "status": sorted({e.status for e in every}),
            "issue": sorted({i for e in every for i in e.issues}),
            "actor": sorted({x.split(".")[0] for e in every for x in (*e.a, *e.b)}),
        },
        "range": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None},
        "events": chosen,
    }


def _stated(item: Any) -> dict[str, Any]:
    return dataclasses.asdict(item)


def positions(
    store: Store, *, actor: str | None = None, issue: str | None = None
) -> dict[str, Any]:
    from parley.analysis.positions import histories

    held = histories(store, actor=actor, issue=issue)
    parties = sorted({h.party for h in held})
    issues = sorted({h.issue for h in held})
    cells: dict[str, dict[str, Any]] = {p: {} for p in parties}
    shifts = []
    for history in held:
        latest = history.latest
        cells[history.party][history.issue] = {
            "stance": latest.stance,
            "requires": list(latest.requires),
            "shifted": bool(history.shifts),
            "latest": _stated(latest),
            "history": [_stated(s) for s in history.stated],
        }
        shifts += [
            {
                "party": history.party,
                "issue": history.issue,
                "before": _stated(s.before),
                "after": _stated(s.after),
            }
            for s in history.shifts
        ]
    return {"parties": parties, "issues": issues, "cells": cells, "shifts": shifts}


def deadlocks(store: Store) -> dict[str, Any]:
    """Deadlocks, plans, and the graph with a circular layout for drawing."""
    import math

    from parley.analysis.deadlocks import analyse, plans

    graph, found = analyse(store)
    nodes = sorted(
        n for n in graph.nodes if graph.degree(n)
    )  # stances without conditions: the matrix
    radius, centre = 200, 260
    layout = {
        node: (
            round(centre + radius * math.cos(2 * math.pi * i / max(len(nodes), 1)), 1),
            round(centre + radius * math.sin(2 * math.pi * i / max(len(nodes), 1)), 1),
        )
        for i, node in enumerate(nodes)
    }
    return {
        "deadlocks": [
            {
                "readable": d.readable,
                "nodes": [list(n) for n in d.nodes],
                "parties": list(d.parties),
                "issues": list(d.issues),
                "edges": [
                    {
                        "waiter": e.waiter,
                        "issue": e.issue,
                        "by": e.by,
                        "requires": e.requires,
                        "evidence": [_stated(s) for s in e.evidence],
                    }
                    for e in d.edges
                ],
                "proposals": [dataclasses.asdict(p) for p in d.proposals],
            }
            for d in found
        ],
        "plans": plans(store),
        "graph": {
            "nodes": [
                {
                    "id": f"{n[0]}:{n[1]}",
                    "party": n[0],
                    "issue": n[1],
                    "x": layout[n][0],
                    "y": layout[n][1],
                }
                for n in nodes
            ],
            "edges": [
                {
                    "source": f"{a[0]}:{a[1]}",
                    "target": f"{b[0]}:{b[1]}",
                    "x1": layout[a][0],
                    "y1": layout[a][1],
                    "x2": layout[b][0],
                    "y2": layout[b][1],
                    "cycle": bool(data.get("cycle")),
                    "evidence": [" ".join(s.sentence.split()) for s in data.get("evidence", [])],
                }
                for a, b, data in graph.edges(data=True)
            ],
        },
    }


def claims(store: Store, theater: Theater, **filters: Any) -> list[dict[str, Any]]:
    from parley.analysis.claims import claims as build

    return [dataclasses.asdict(g) for g in build(store, theater, **filters)]


def contradictions(
    store: Store, theater: Theater, *, window_days: int = 14
) -> list[dict[str, Any]]:
    from parley.analysis.contradictions import contradictions as build

    return [dataclasses.asdict(c) for c in build(store, theater, window_days=window_days)]


def figures(
    store: Store, *, quantity: str | None = None, place: str | None = None
) -> list[dict[str, Any]]:
    from parley.analysis.figures import reconcile

    return [
        {
            "label": g.label,
            "quantity": g.quantity,
            "place": g.place,
            "who": g.who,
            "since": g.since,
            "low": g.low,
            "high": g.high,
            "spread": round(g.spread, 4),
            "reports": [dataclasses.asdict(r) for r in g.reports],
            "disagreements": [[a.record_id, b.record_id] for a, b in g.disagreements],
        }
        for g in reconcile(store, quantity=quantity, place=place)
    ]


def commitments(store: Store) -> list[dict[str, Any]]:
    from parley.analysis.commitments import commitments as build

    found = []
    for item in build(store):
        data = dataclasses.asdict(item)
        data["deadline"] = item.deadline.isoformat()
        found.append(data)
    return found


def document_summary(stored: StoredDocument) -> dict[str, Any]:
    doc = stored.document
    return {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "revision": stored.revision,
        "story_cluster": stored.cluster_id,
    }


def documents(store: Store, query: DocumentQuery) -> list[dict[str, Any]]:
    return [document_summary(d) for d in store.documents(query)]


def _spans(store: Store, doc_id: str) -> list[tuple[int, int, str, str]]:
    """(start, end, layer, description) of every record span of a document."""
    spans: list[tuple[int, int, str, str]] = []
    for row in store.records("actors", doc_id):
        spans.append(
            (row["start"], row["end"], "actor", row["actor_id"] or f"unresolved {row['label']}")
        )
    for row in store.records("times", doc_id):
        spans.append(
            (row["start"], row["end"], "time", f"{row['timex_type']} {row['value'] or '?'}")
        )
    for row in store.records("places", doc_id):
        spans.append(
            (row["start"], row["end"], "place", f"{row['name']} ({row['country'] or '?'})")
        )
    for row in store.records("statements", doc_id):
        extra = row["extra"] or {}
        who = f"{row['speaker_text'] or '?'} ({row['speaker_actor'] or 'no actor'})"
        if row["content_start"] is not None:
            spans.append(
                (row["content_start"], row["content_end"], "statement", f"{who} {row['polarity']}")
            )
        if extra.get("cue_start") is not None:
            spans.append((extra["cue_start"], extra["cue_end"], "cue", f"{who} {row['cue']}"))
    for row in store.records("events", doc_id):
        extra = row["extra"] or {}
        if extra.get("trigger_start") is not None:
            who = ", ".join(row["a"]) or "?"
            spans.append(
                (
                    extra["trigger_start"],
                    extra["trigger_end"],
                    "event",
                    f"{row['kind']} by {who} [{row['status']}] {row['date'] or ''}",
                )
            )
    for row in store.records("positions", doc_id):
        extra = row["extra"] or {}
        if extra.get("cue_start") is not None:
            requires = f" requires {', '.join(row['requires'])}" if row["requires"] else ""
            spans.append(
                (
                    extra["cue_start"],
                    extra["cue_end"],
                    "position",
                    f"{row['actor']} {row['stance']} {row['issue']}{requires}",
                )
            )
    for row in store.records("figures", doc_id):
        extra = row["extra"] or {}
        if extra.get("number_start") is not None:
            spans.append(
                (
                    int(extra["number_start"]),
                    int(extra["number_end"]),
                    "figure",
                    f"{row['quantity']} {row['value']} ({row['place'] or '?'})",
                )
            )
    return [s for s in spans if 0 <= s[0] < s[1]]


def document(store: Store, stored: StoredDocument) -> dict[str, Any]:
    """A document and its text cut into segments, each with the layers whose spans cover it
    (and what the records say), for highlighting."""
    text = stored.document.text
    spans = [s for s in _spans(store, stored.document.id) if s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        segments.append(
            {
                "start": start,
                "text": text[start:end],
                "layers": sorted({s[2] for s in covering}),
                "notes": [f"{LAYER_TITLES[s[2]]}: {s[3]}" for s in covering],
            }
        )
    counts: dict[str, int] = {}
    for span in spans:
        counts[span[2]] = counts.get(span[2], 0) + 1
    return {
        "document": document_summary(stored),
        "text": text,
        "segments": segments,
        "layer_counts": counts,
    }


def overview(store: Store, theater: Theater) -> dict[str, Any]:
    from parley.analysis.deadlocks import deadlocks as find_deadlocks

    docs = store.documents(DocumentQuery())
    dates = sorted(d.document.published[:10] for d in docs if d.document.published)
    events = timeline(store)
    return {
        "counts": store.stats(),
        "period": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None},
        "latest_events": list(reversed(events[-10:])),
        "deadlocks": [d.readable for d in find_deadlocks(store)],
        "contradictions": contradictions(store, theater)[:5],
    }
