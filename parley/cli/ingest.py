"""`parley ingest`: files, folders, pages, JSON Lines, feeds, URLs and stdin into the store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parley.cli.options import DbOption, JsonOption, QuietOption, TheaterOption, db_path
from parley.cli.render import err, out, print_json
from parley.ingest.sources import Options
from parley.settings import default

if TYPE_CHECKING:
    from parley.ingest import Report

PROGRESS_FROM = 6  # inputs; fewer finish before a bar would be readable


def summary(report: Report) -> str:
    c = report.counts
    return (
        f"{c['stored']} stored, {c['revised']} revised, {c['unchanged']} unchanged, "
        f"{c['duplicate']} duplicate(s), {c['rejected']} rejected -> {report.store} "
        f"(run {report.run_id})"
    )


def run_ingest(
    inputs: list[str],
    db: str,
    options: Options,
    *,
    show_progress: bool,
    workers: int | None = None,
    extract: bool = True,
    theater: Path | None = None,
) -> Report:
    """Ingest with a progress bar on stderr when there are more than a handful of inputs."""
    from parley.ingest import ingest
    from parley.ingest.sources import expand
    from parley.store import open_store

    extractor = None
    if extract:
        from parley.extract import Extractor
        from parley.theater import load_theater

        extractor = Extractor(load_theater(theater))
    store = open_store(db)
    try:
        total = len(expand(inputs))
        if not show_progress or total < PROGRESS_FROM or not err.is_terminal:
            return ingest(inputs, store, options, workers=workers, extractor=extractor)
        columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        # no refresh thread: worker processes are forked, which threads would make unsafe
        with Progress(*columns, console=err, transient=True, auto_refresh=False) as progress:
            task = progress.add_task("ingest", total=total)

            def advance(_item: str, _total: int) -> None:
                progress.advance(task)
                progress.refresh()

            return ingest(
                inputs, store, options, workers=workers, extractor=extractor, on_input=advance
            )
    finally:
        store.close()


def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursive), http(s) URLs of pages or feeds, or - for stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            help="Refuse inputs (files, URL bodies, JSONL lines) larger than this many bytes.",
            min=1,
        ),
    ] = int(default("max_bytes")),
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a URL.", min=0.1)] = float(
        default("url_timeout")
    ),
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on loopback or private addresses.")
    ] = False,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Store documents only; skip the NLP extraction.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes for the NLP pipeline (with --no-extract: processes that prepare "
            "documents beside the writing one; 0 for none). Default: 1.",
            min=0,
            show_default=False,
        ),
    ] = None,
    theater: TheaterOption = None,
    json_output: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Store articles as documents; each rejected input is named on stderr with the reason.

    Exit status: 0 when every input was stored (or already was), 1 when some were
    rejected, 2 for a usage error. Re-running with the same inputs adds nothing.
    """
    options = Options(
        max_bytes=max_bytes,
        timeout=timeout,
        max_redirects=int(default("max_redirects")),
        allow_private=allow_private,
    )
    report = run_ingest(
        inputs,
        str(db_path(db)),
        options,
        show_progress=not (quiet or json_output),
        workers=workers,
        extract=not no_extract,
        theater=theater,
    )
    for rejected in report.rejected:
        err.print(f"Rejected: {rejected.source}: {rejected.reason}", markup=False)
    if json_output:
        print_json(report.to_dict())
    elif not quiet:
        out.print(summary(report), markup=False)
    if report.rejected:
        raise typer.Exit(1)
