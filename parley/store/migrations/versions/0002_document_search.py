"""document search: an FTS5 index over documents' title, text and outlet

An external-content FTS5 table (``documents_fts``: the words are indexed, the text stays in
``documents`` and is read from there by ``rowid``), kept in step with ``documents`` by three
triggers, and filled for the rows already stored. SQLite only: on other backends this
revision does nothing (their search comes later).

Two things keep the index true. ``documents.rowid`` is its key, and SQLite may renumber the
rowids of a table without an INTEGER PRIMARY KEY on ``VACUUM``: after a VACUUM, or after a
later migration that rebuilds ``documents`` (a batch ALTER copies the table, dropping these
triggers), run ``INSERT INTO documents_fts(documents_fts) VALUES('rebuild')`` and recreate
the triggers as below.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = "title, text, outlet"
OLD = "old.title, old.text, old.outlet"
NEW = "new.title, new.text, new.outlet"

UPGRADE = (
    # unicode61 folds case and (remove_diacritics 2) accents: "Naqoura" finds "naqoura"
    f"CREATE VIRTUAL TABLE documents_fts USING fts5({COLUMNS}, content='documents', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, {COLUMNS}) VALUES (new.rowid, {NEW});
    END""",
    f"""CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, {COLUMNS})
        VALUES ('delete', old.rowid, {OLD});
    END""",
    # a new revision rewrites title/text/outlet: out with the old words, in with the new
    f"""CREATE TRIGGER documents_fts_update AFTER UPDATE OF {COLUMNS} ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, {COLUMNS})
        VALUES ('delete', old.rowid, {OLD});
        INSERT INTO documents_fts(rowid, {COLUMNS}) VALUES (new.rowid, {NEW});
    END""",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
)

DOWNGRADE = (
    "DROP TRIGGER IF EXISTS documents_fts_update",
    "DROP TRIGGER IF EXISTS documents_fts_delete",
    "DROP TRIGGER IF EXISTS documents_fts_insert",
    "DROP TABLE IF EXISTS documents_fts",
)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        return
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if not _sqlite():
        return
    for statement in DOWNGRADE:
        op.execute(statement)
