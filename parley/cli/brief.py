"""`parley brief`: what changed since a date, as Markdown or HTML with citations."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from parley.cli.options import DbOption, TheaterOption, db_path
from parley.errors import ConfigError

FORMATS = ("md", "html")


def brief_command(
    since: Annotated[
        str, typer.Option("--since", help="What changed from this day on (YYYY-MM-DD).")
    ],
    db: DbOption = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Up to this day (YYYY-MM-DD; default: the newest article)."),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="md or html.")] = "md",
    theater: TheaterOption = None,
) -> None:
    """What changed since a date: new events, new or shifted positions, deadlocks that
    appeared or were broken, commitments that fell due, new contradictions, the latest
    figures.

    Each sentence is built from the records and followed by its sources (outlet, date,
    document and the sentence quoted). Markdown for a desk e-mail, HTML for a page.
    """
    from parley.analysis.brief import brief, check_day

    if output_format not in FORMATS:
        raise ConfigError(f"--format {output_format!r} is unknown; use one of {', '.join(FORMATS)}")
    check_day(since, "--since")
    if until is not None:
        check_day(until, "--until")
    from parley.export.brief import to_html, to_markdown
    from parley.store import open_store
    from parley.theater import load_theater

    loaded = load_theater(theater)
    store = open_store(db_path(db))
    try:
        found = brief(store, loaded, since, until=until)
    finally:
        store.close()
    sys.stdout.write(to_markdown(found) if output_format == "md" else to_html(found))
