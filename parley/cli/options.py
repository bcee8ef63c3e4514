"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parley.settings import DB_ENV, default_db_path

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar=DB_ENV,
        help="SQLite store file (default: parley.db in the user data dir).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]


def db_path(db: Path | None) -> Path:
    return db if db is not None else default_db_path()


TheaterOption = Annotated[
    Path | None,
    typer.Option(
        "--theater",
        help="Theater TOML file (default: the packaged israel-lebanon theater).",
        show_default=False,
    ),
]
