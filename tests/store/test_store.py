"""The SQLite store: migrations, pragmas, queries, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from parley.errors import StoreError
from parley.records import Document
from parley.store import DocumentQuery, SqlStore, migrate, open_store, schema, sqlite


def test_migrations_build_exactly_the_declared_schema(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []


def test_every_record_table_carries_provenance() -> None:
    for table in schema.RECORD_TABLES.values():
        assert {"document_id", "revision", "start", "end", "confidence"} <= set(table.c.keys())


def test_store_is_a_sound_wal_file(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert sqlite.integrity_check(store.engine) == "ok"
    assert migrate.current_revision(store.engine) == migrate.head_revision()


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s.db")
    first.write_document(Document(id="d1", text="kept text"), signature=None, near=[])
    first.close()
    again = open_store(tmp_path / "s.db")
    stored = again.get("d1")
    again.close()
    assert stored is not None and stored.document.text == "kept text"


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a parley store"):
        open_store(bogus)


def test_unsupported_urls_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not supported yet"):
        open_store("mysql://localhost/parley")
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def add(store: SqlStore, doc_id: str, **fields: str) -> None:
    store.write_document(
        Document(id=doc_id, text=f"text of {doc_id}", **fields), signature=None, near=[]
    )


def test_document_filters(store: SqlStore) -> None:
    add(store, "a", outlet="Example Wire", published="2025-03-11T18:46:00+02:00", title="Naqoura")
    add(store, "b", outlet="Desk", published="2025-03-12")
    add(store, "c", outlet="Example Wire", published="2024-10-31")
    add(store, "d")

    def ids(**query: object) -> list[str]:
        return [d.document.id for d in store.documents(DocumentQuery(**query))]  # type: ignore[arg-type]

    assert ids() == ["b", "a", "c", "d"]  # newest first, undated last
    assert ids(outlet="wire") == ["a", "c"]
    assert ids(since="2025-01-01") == ["b", "a"]
    assert ids(until="2025-03-11") == ["a", "c"]  # a datetime on the day counts
    assert ids(text="naqoura") == ["a"]
    assert ids(text="%") == []  # LIKE wildcards are literal
    assert ids(limit=2, offset=1) == ["a", "c"]


def test_clusters_merge(store: SqlStore) -> None:
    add(store, "a")
    add(store, "b")
    first = store.write_document(Document(id="c", text="c"), signature=None, near=["a"])
    second = store.write_document(Document(id="d", text="d"), signature=None, near=["b"])
    assert first.cluster_id != second.cluster_id
    merged = store.write_document(Document(id="e", text="e"), signature=None, near=["c", "d"])
    assert merged.cluster_members == ["a", "b", "c", "d", "e"]
    assert store.cluster_sizes() == {merged.cluster_id: 5}
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.clusters)).scalar() == 1
