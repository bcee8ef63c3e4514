"""`parley stats`, `parley info` and `parley demo`: what parley knows, at a glance."""

from __future__ import annotations

import platform
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from parley import __version__
from parley.cli.ingest import run_ingest, summary
from parley.cli.options import DbOption, JsonOption, db_path
from parley.cli.render import (
    actors_table,
    documents_table,
    err,
    figures_lines,
    out,
    print_json,
    statements_table,
    stats_table,
    times_table,
)
from parley.ingest.sources import Options
from parley.settings import default_db_path

if TYPE_CHECKING:
    from parley.store import Store


def stats_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Count what the store holds: documents, story clusters, revisions, runs, records."""
    from parley.store import open_store

    store = open_store(db_path(db))
    try:
        stats = store.stats()
    finally:
        store.close()
    if json_output:
        print_json(stats)
    else:
        out.print(stats_table(stats))


def pipeline_info() -> dict[str, str]:
    """The spaCy model the pipeline loads, from the packaged config (nothing is loaded)."""
    from parley.nlp.pipeline import model_info

    info = model_info()
    return {"model": info["model"], "version": info["version"]}


def info_data() -> dict[str, Any]:
    return {
        "parley": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "default_store": str(default_db_path()),
        "pipeline": pipeline_info(),
    }


def info_command(json_output: JsonOption = False) -> None:
    """Versions of parley and Python, and where the default store lives."""
    data = info_data()
    if json_output:
        print_json(data)
        return
    for key, value in data.items():
        out.print(f"{key:>14}: {value}", markup=False)


def _demo_analyses(store: Store) -> None:
    """The cross-article analyses of the demo store: figures side by side, contradictions,
    the timeline, positions, deadlocks and commitments."""
    from parley.analysis.commitments import commitments
    from parley.analysis.contradictions import contradictions
    from parley.analysis.deadlocks import deadlocks
    from parley.analysis.figures import reconcile
    from parley.analysis.positions import histories
    from parley.analysis.timeline import timeline
    from parley.cli.claims import contradiction_table
    from parley.cli.events import timeline_lines
    from parley.cli.figures import figure_group_table
    from parley.cli.positions import commitments_lines, deadlock_lines, matrix_table, shifts_lines
    from parley.theater import default_theater

    groups = [g for g in reconcile(store) if len(g.reports) > 1]
    out.print(Text(f"figures reported more than once ({len(groups)} group(s))", style="italic"))
    for group in groups:
        out.print(figure_group_table(group))
    found = contradictions(store, default_theater())
    out.print(Text(f"contradictions ({len(found)})", style="italic"))
    for number, item in enumerate(found, 1):
        out.print(contradiction_table(number, item))
    events = timeline(store)
    out.print(timeline_lines(events, f"timeline: {len(events)} event(s)"))
    held = histories(store)
    if held:
        out.print(matrix_table(held))
        out.print(shifts_lines(held))
    locks = deadlocks(store)
    out.print(Text(f"deadlocks ({len(locks)})", style="italic"))
    for number, lock in enumerate(locks, 1):
        out.print(deadlock_lines(number, lock))
    promised = commitments(store)
    out.print(Text(f"commitments ({len(promised)})", style="italic"))
    out.print(commitments_lines(promised))
    out.print(
        "More with `--db FILE`: parley claims, contradictions, figures [--plot FILE.png], "
        "timeline, positions, deadlocks, commitments, export events|graph.",
        markup=False,
    )


def demo_command(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Keep the demo store in this file (default: a temporary folder).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Ingest the bundled demo articles into a fresh store and show what parley knows."""
    from parley.store import DocumentQuery, open_store

    with tempfile.TemporaryDirectory(prefix="parley-demo-") as tmp:
        target = db if db is not None else Path(tmp) / "demo.db"
        corpus = resources.files("parley") / "demo_corpus"
        with resources.as_file(corpus) as folder:
            report = run_ingest([str(folder)], str(target), Options(), show_progress=True)
        for rejected in report.rejected:
            err.print(f"Rejected: {rejected.source}: {rejected.reason}", markup=False)
        out.print(f"parley {__version__} demo: {summary(report)}", markup=False)
        store = open_store(target)
        try:
            out.print(documents_table(store.documents(DocumentQuery()), store.cluster_sizes()))
            out.print(actors_table(store.records("actors")))
            out.print(times_table(store.records("times")))
            texts = {d.document.id: d.document.text for d in store.documents(DocumentQuery())}
            out.print(statements_table(store.records("statements"), texts))
            out.print(figures_lines(store.records("figures")))
            _demo_analyses(store)
            out.print(stats_table(store.stats()))
        finally:
            store.close()
        if db is None:
            out.print(
                "The demo store was temporary; ingest your own articles with "
                "`parley ingest PATH...` (see `parley --help`).",
                markup=False,
            )
    if report.rejected:
        sys.exit(1)
