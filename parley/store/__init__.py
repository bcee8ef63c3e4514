"""Where records live: SQLite by default (one file), any SQLAlchemy URL later."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from parley.errors import StoreError
from parley.store import sqlite
from parley.store.base import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    DocumentQuery,
    EventCluster,
    Match,
    Revision,
    SearchHit,
    Store,
    StoredDocument,
    WriteResult,
)
from parley.store.sql import SqlStore

__all__ = [
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "DocumentQuery",
    "EventCluster",
    "Match",
    "Revision",
    "SearchHit",
    "SqlStore",
    "Store",
    "StoredDocument",
    "WriteResult",
    "open_store",
]


def open_store(target: str | Path) -> SqlStore:
    """Open (creating and migrating as needed) the store at a file path or SQLite URL."""
    text = str(target)
    if "://" in text and not text.startswith("sqlite:///"):
        scheme = text.split("://", 1)[0]
        raise StoreError(
            f"store URL scheme {scheme!r} is not supported yet; give a SQLite file path "
            "(--db FILE or PARLEY_DB)"
        )
    path = Path(text.removeprefix("sqlite:///")).expanduser()
    if path.is_dir():
        raise StoreError(f"store path {path} is a directory; give a file such as {path}/parley.db")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder for the store {path}: {exc.strerror}; choose another --db"
        ) from exc
    from parley.store import migrate  # Alembic loads only when a store opens

    engine = sqlite.create_engine(path)
    try:
        migrate.upgrade(engine)
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        raise StoreError(
            f"{path} is not a parley store ({exc.orig}); choose another --db or move the file"
        ) from exc
    return SqlStore(engine, str(path))
