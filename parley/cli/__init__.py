"""The `parley` command: a thin Typer layer over the library (STYLE.md #1, #9)."""

from __future__ import annotations

import sys

import typer

from parley import __version__
from parley.cli import (
    brief,
    claims,
    documents,
    events,
    export,
    extract,
    figures,
    ingest,
    overview,
    positions,
    serve,
    theater,
)
from parley.errors import ConfigError, ParleyError

app = typer.Typer(
    name="parley",
    help="Turn news about a multi-party negotiation into a source-attributed, time-aware "
    "picture: who met whom, who demands what, who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("ingest")(ingest.ingest_command)
app.command("docs")(documents.docs_command)
app.command("show")(documents.show_command)
app.command("stats")(overview.stats_command)
app.command("info")(overview.info_command)
app.command("demo")(overview.demo_command)
app.command("claims")(claims.claims_command)
app.command("contradictions")(claims.contradictions_command)
app.command("figures")(figures.figures_command)
app.command("timeline")(events.timeline_command)
app.command("positions")(positions.positions_command)
app.command("deadlocks")(positions.deadlocks_command)
app.command("commitments")(positions.commitments_command)
app.command("brief")(brief.brief_command)
app.command("serve")(serve.serve_command)
app.command("extract")(extract.extract_command)
app.command("eval")(extract.eval_command)
app.add_typer(export.export_app, name="export")
app.add_typer(theater.app, name="theater")


def _version(value: bool) -> None:
    if value:
        print(f"parley {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of errors."),
) -> None:
    """Turn news about a multi-party negotiation into a source-attributed picture."""
    del version, debug  # read by main() before Typer runs; declared here for --help


def main() -> None:
    """Console entry point: ParleyError -> `Error: <message>` and a non-zero exit."""
    debug = "--debug" in sys.argv[1:]
    try:
        app(standalone_mode=True)
    except ParleyError as exc:
        if debug:
            raise
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(2 if isinstance(exc, ConfigError) else 1)
