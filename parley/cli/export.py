"""`parley export`: records and analyses in formats other tools read."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO, TypeVar

import typer

from parley.cli.events import (
    ActorFilter,
    IssueFilter,
    KindFilter,
    SinceFilter,
    UntilFilter,
    timeline_events,
)
from parley.cli.options import DbOption, db_path
from parley.cli.render import out
from parley.errors import ConfigError

T = TypeVar("T")
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", help="Write to this file (default: standard output).", show_default=False
    ),
]

export_app = typer.Typer(
    help="Write records in formats other tools read (event data, graphs).", no_args_is_help=True
)


def _write(output: Path | None, write: Callable[[TextIO], T]) -> T:
    """Run ``write`` on standard output or on the file, with a one-line error if it fails."""
    if output is None:
        return write(sys.stdout)
    try:
        with output.open("w", encoding="utf-8", newline="") as stream:
            return write(stream)
    except OSError as exc:
        raise ConfigError(
            f"cannot write {output}: {exc.strerror}; choose a writable path"
        ) from None


@export_app.command("events")
def export_events_command(
    db: DbOption = None,
    output_format: Annotated[
        str, typer.Option("--format", help="plover (JSON lines) or csv.")
    ] = "plover",
    output: OutOption = None,
    actor: ActorFilter = None,
    issue: IssueFilter = None,
    kind: KindFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
) -> None:
    """Every event mention as event data: PLOVER-style JSON lines or CSV.

    Each record carries its timeline cluster, coordinates, sentence, document and span.
    """
    from parley.export.events import EVENT_WRITERS

    writer = EVENT_WRITERS.get(output_format)
    if writer is None:
        raise ConfigError(
            f"--format {output_format!r} is unknown; use one of {', '.join(EVENT_WRITERS)}"
        )
    events = timeline_events(db, actor=actor, issue=issue, kind=kind, since=since, until=until)
    count = _write(output, lambda stream: writer(events, stream))
    if output is not None:
        out.print(f"{count} event mention(s) written to {output}", markup=False)


@export_app.command("graph")
def export_graph_command(
    db: DbOption = None,
    output_format: Annotated[str, typer.Option("--format", help="graphml or dot.")] = "graphml",
    output: OutOption = None,
) -> None:
    """The precondition graph as GraphML or Graphviz DOT, deadlock edges marked.

    Nodes: a party and the issue it would act on; edges: what it requires first, with
    the sentences.
    """
    from parley.analysis.deadlocks import analyse
    from parley.export.graph import GRAPH_WRITERS
    from parley.store import open_store

    writer = GRAPH_WRITERS.get(output_format)
    if writer is None:
        raise ConfigError(
            f"--format {output_format!r} is unknown; use one of {', '.join(GRAPH_WRITERS)}"
        )
    store = open_store(db_path(db))
    try:
        graph, found = analyse(store)
    finally:
        store.close()
    _write(output, lambda stream: writer(graph, stream))
    if output is not None:
        out.print(
            f"{graph.number_of_nodes()} node(s), {graph.number_of_edges()} edge(s), "
            f"{len(found)} deadlock(s) written to {output}",
            markup=False,
        )
