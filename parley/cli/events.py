"""`parley timeline`: happenings in date order, one per happening, with their sources."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from parley.cli.options import DbOption, db_path
from parley.cli.render import out, print_json
from parley.errors import ConfigError

if TYPE_CHECKING:
    from parley.analysis.timeline import TimelineEvent

TIMELINE_FORMATS = ("table", "json", "csv")

ActorFilter = Annotated[
    str | None, typer.Option("--actor", help="Only events with this actor (or its parts).")
]
IssueFilter = Annotated[str | None, typer.Option("--issue", help="Only events about this issue.")]
KindFilter = Annotated[
    str | None, typer.Option("--kind", help="Only this kind (talks, withdrawal, attack ...).")
]
SinceFilter = Annotated[
    str | None, typer.Option("--since", help="On or after this date (YYYY-MM-DD).")
]
UntilFilter = Annotated[
    str | None, typer.Option("--until", help="On or before this date (YYYY-MM-DD).")
]


def timeline_events(db: Path | None, **filters: Any) -> list[TimelineEvent]:
    from parley.analysis.timeline import timeline
    from parley.store import open_store

    store = open_store(db_path(db))
    try:
        return timeline(store, **filters)
    finally:
        store.close()


def timeline_lines(events: list[TimelineEvent], title: str = "timeline") -> Text:
    """Two lines per happening: when, kind, status, who, issues, sources; then the first
    report's sentence. An undated event shows its first report's day, marked (reported)."""
    lines = Text()
    lines.append(f"{title}\n", style="italic")
    for event in events:
        when = event.when or "undated"
        lines.append(f"{when:<10}", style="bold" if event.dated else "italic")
        if not event.dated and event.when:
            lines.append(" (reported)", style="italic")
        lines.append(f"  {event.kind}", style="bold")
        lines.append(f" [{event.status}]", style="red" if event.status == "denied" else "")
        who = ", ".join(event.a) or "-"
        if event.b:
            who += " → " + ", ".join(event.b)
        lines.append(f"  {who}")
        place = event.place
        if place is not None:
            lines.append(f" @ {place.place}")
        if event.issues:
            lines.append(f" · {', '.join(event.issues)}", style="dim")
        lines.append(f" · {len(event.sources)} source(s): {', '.join(event.sources)}\n")
        sentence = " ".join(event.first.sentence.split())
        if len(sentence) > 200:
            sentence = sentence[:199] + "…"
        lines.append(f"    {event.first.doc_id}@{event.first.start}: ", style="dim")
        lines.append(f"{sentence}\n")
    return lines


def timeline_command(
    db: DbOption = None,
    actor: ActorFilter = None,
    issue: IssueFilter = None,
    kind: KindFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    output_format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Events in date order, one per happening however many articles report it.

    Each event shows its status, actors, place, issues, sources and first sentence; an
    undated event stands at its first report's day, marked (reported).
    """
    if output_format not in TIMELINE_FORMATS:
        raise ConfigError(
            f"--format {output_format!r} is unknown; use one of {', '.join(TIMELINE_FORMATS)}"
        )
    events = timeline_events(db, actor=actor, issue=issue, kind=kind, since=since, until=until)
    if output_format == "json":
        print_json([e.to_dict() for e in events])
    elif output_format == "csv":
        writer = csv.writer(sys.stdout)
        columns = ("id", "when", "dated", "kind", "type", "status", "a", "b", "issues", "place")
        writer.writerow((*columns, "sources", "first_document", "first_sentence"))
        for event in events:
            data = event.to_dict()
            row = [";".join(v) if isinstance(v, list) else v for v in (data[c] for c in columns)]
            writer.writerow(
                (
                    *row,
                    ";".join(event.sources),
                    event.first.doc_id,
                    " ".join(event.first.sentence.split()),
                )
            )
    elif not events:
        out.print("No events match; ingest articles first, or widen the filters.")
    else:
        out.print(timeline_lines(events, f"timeline: {len(events)} event(s)"))
