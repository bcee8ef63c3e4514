"""The store's tables (SQLAlchemy Core), for documents and every record kind of PRODUCT.md.

Every record row carries ``document_id``, ``revision``, ``start`` and ``end``: the span of
the stored text of that revision that supports it. Lists (event actors, issues, requires)
are JSON columns so that SQLite and PostgreSQL share one schema.
The migrations in ``migrations/versions`` create exactly these tables; a test compares them.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text, index=True),
    sa.Column("published", sa.String(40), index=True),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

document_revisions = sa.Table(
    "document_revisions",
    metadata,
    sa.Column("document_id", sa.String(128), sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(40)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(40), nullable=False),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(40), nullable=False),
)

minhashes = sa.Table(
    "minhashes",
    metadata,
    sa.Column("document_id", sa.String(128), sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.String(40), nullable=False),
    sa.Column("finished_at", sa.String(40)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("inputs", sa.Integer, nullable=False),
    sa.Column("counts", sa.JSON),
    sa.Column("parley_version", sa.String(32), nullable=False),
)

ingest_items = sa.Table(
    "ingest_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id"), nullable=False, index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("document_id", sa.String(128)),
    sa.Column("reason", sa.Text),
)


def _record(name: str, *columns: sa.Column[object]) -> sa.Table:
    """A record table: provenance columns first, then the kind's own, then ``extra`` JSON."""
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id",
            sa.String(128),
            sa.ForeignKey("documents.id"),
            nullable=False,
            index=True,
        ),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        *columns,
        sa.Column("extra", sa.JSON),
    )


actor_mentions = _record(
    "actor_mentions",
    sa.Column("actor_id", sa.String(64), index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(32)),
    sa.Column("kind", sa.String(32)),
)

times = _record(
    "times",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.String(64)),
    sa.Column("timex_type", sa.String(16)),
)

places = _record(
    "places",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
)

statements = _record(
    "statements",
    sa.Column("speaker_actor", sa.String(64), index=True),
    sa.Column("speaker_text", sa.Text),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("cue", sa.String(64)),
    sa.Column("medium", sa.Text),
    sa.Column("polarity", sa.String(8), nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("content_start", sa.Integer),
    sa.Column("content_end", sa.Integer),
)

events = _record(
    "events",
    sa.Column("kind", sa.String(32), nullable=False, index=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("a", sa.JSON, nullable=False),
    sa.Column("b", sa.JSON, nullable=False),
    sa.Column("issues", sa.JSON, nullable=False),
    sa.Column("date", sa.String(40), index=True),
    sa.Column("place", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),
)

positions = _record(
    "positions",
    sa.Column("actor", sa.String(64), nullable=False, index=True),
    sa.Column("issue", sa.String(64), nullable=False, index=True),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.Column("requires", sa.JSON, nullable=False),
    sa.Column("date", sa.String(40)),
)

figures = _record(
    "figures",
    sa.Column("quantity", sa.String(32), nullable=False, index=True),
    sa.Column("value", sa.BigInteger),
    sa.Column("approx", sa.Boolean, nullable=False),
    sa.Column("who", sa.String(32)),
    sa.Column("place", sa.String(64)),
    sa.Column("since", sa.String(40)),
    sa.Column("until", sa.String(40)),
    sa.Column("source_text", sa.Text),
)

# Per-document record tables, in the order extraction fills them.
RECORD_TABLES: dict[str, sa.Table] = {
    "actors": actor_mentions,
    "times": times,
    "places": places,
    "statements": statements,
    "events": events,
    "positions": positions,
    "figures": figures,
}

# Analyses across documents: groups whose members point back to record rows.
event_clusters = sa.Table(
    "event_clusters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("date", sa.String(40)),
    sa.Column("extra", sa.JSON),
)

event_cluster_members = sa.Table(
    "event_cluster_members",
    metadata,
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("event_clusters.id"), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
)

contradictions = sa.Table(
    "contradictions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("topic", sa.Text),
    sa.Column("extra", sa.JSON),
)

contradiction_sides = sa.Table(
    "contradiction_sides",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "contradiction_id",
        sa.Integer,
        sa.ForeignKey("contradictions.id"),
        nullable=False,
        index=True,
    ),
    sa.Column("side", sa.Integer, nullable=False),
    sa.Column("record_kind", sa.String(16), nullable=False),
    sa.Column("record_id", sa.Integer, nullable=False),
    sa.Column("document_id", sa.String(128), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

# Full-text search (migration 0002, SQLite only): an FTS5 table over documents(title, text,
# outlet) and the shadow tables FTS5 keeps its index in. Migration 0002 creates them with raw
# SQL (a virtual table is no CREATE TABLE this metadata could emit: never ``create_all``
# them); they are declared here so that comparing this metadata with a migrated store (the
# schema test, Alembic autogenerate) sees the schema as it is rather than tables to drop.
# ``SqlStore.search`` queries them.
SEARCH_TABLES = (
    "documents_fts",
    "documents_fts_data",
    "documents_fts_idx",
    "documents_fts_docsize",
    "documents_fts_config",
)
documents_fts = sa.Table(
    "documents_fts",
    metadata,
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("outlet", sa.Text),
    info={"virtual": "fts5"},
)
_fts_data = sa.Table(
    "documents_fts_data",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, nullable=True),  # as SQLite reports it
    sa.Column("block", sa.LargeBinary),
    info={"virtual": "fts5 shadow"},
)
_fts_idx = sa.Table(
    "documents_fts_idx",
    metadata,
    sa.Column("segid", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("term", sa.Text, primary_key=True),
    sa.Column("pgno", sa.Integer),
    info={"virtual": "fts5 shadow"},
)
_fts_docsize = sa.Table(
    "documents_fts_docsize",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, nullable=True),
    sa.Column("sz", sa.LargeBinary),
    info={"virtual": "fts5 shadow"},
)
_fts_config = sa.Table(
    "documents_fts_config",
    metadata,
    sa.Column("k", sa.Text, primary_key=True),
    sa.Column("v", sa.Text),
    info={"virtual": "fts5 shadow"},
)
