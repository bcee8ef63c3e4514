"""`parley serve`: the dashboard and JSON API on localhost."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from parley.cli.options import DbOption, TheaterOption, db_path
from parley.cli.render import err, out
from parley.settings import default


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but localhost is reachable by others.")
    ] = str(default("host")),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = int(
        default("port")
    ),
    token: Annotated[
        str | None,
        typer.Option(
            help="Token that uploads must send (default: a new random one, printed at start).",
            show_default=False,
        ),
    ] = None,
    theater: TheaterOption = None,
) -> None:
    """Serve the dashboard and the JSON API (pages, /api/..., /docs) until Ctrl-C."""
    from parley.store import open_store
    from parley.theater import load_theater
    from parley.web import WebSettings
    from parley.web.serve import serve

    settings = WebSettings(token=token) if token else WebSettings()
    if not _loopback(host):
        err.print(
            f"Warning: binding to {host} makes parley reachable from other machines; "
            "uploads still need the token.",
            markup=False,
        )
    store = open_store(db_path(db))
    out.print(f"parley at http://{host}:{port}/  (store: {store.url})", markup=False)
    out.print(f"upload token: {settings.token}", markup=False)
    try:
        serve(store, settings, host=host, port=port, theater=load_theater(theater))
    finally:
        store.close()
