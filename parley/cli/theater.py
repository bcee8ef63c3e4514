"""`parley theater check`: validate a theater file before using it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parley.cli.render import out

app = typer.Typer(
    help="Theater files: actors, issues, places and lexicons of a conflict.", no_args_is_help=True
)


@app.command("check")
def check_command(
    path: Annotated[Path, typer.Argument(help="The theater TOML file.")],
) -> None:
    """Validate a theater file; errors name the file, the line and key, and the fix."""
    from parley.theater import load_theater

    theater = load_theater(path)
    out.print(
        f"{path}: ok — theater {theater.theater.id!r}: {len(theater.actors)} actors, "
        f"{len(theater.issues)} issues, {len(theater.places)} places, "
        f"{len(theater.media)} media outlets",
        markup=False,
    )
