"""The store on SQLAlchemy Core: one implementation for every SQL backend."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from parley.errors import StoreError
from parley.records import Document, Extraction
from parley.store import schema as t
from parley.store.base import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    DocumentQuery,
    EventCluster,
    LogItem,
    Match,
    Revision,
    SearchHit,
    StoredDocument,
    WriteResult,
)
from parley.store.rows import record_rows

# Statements of the per-document hot path, built once (SQLAlchemy then caches their SQL).
_REVISION_OF = sa.select(t.documents.c.revision).where(t.documents.c.id == sa.bindparam("doc_id"))
_UPDATE_DOCUMENT = (
    t.documents.update()
    .where(t.documents.c.id == sa.bindparam("doc_id"))
    .values(
        {
            c: sa.bindparam(c)
            for c in t.documents.c.keys()  # noqa: SIM118 - column names, not columns
            if c not in ("id", "ingested_at", "cluster_id")
        }
    )
)
_DOCUMENT_BY_ID = sa.select(t.documents).where(t.documents.c.id == sa.bindparam("doc_id"))
_DOCUMENT_BY_URL = (
    sa.select(t.documents)
    .where(t.documents.c.url == sa.bindparam("url"))
    .order_by(t.documents.c.id)
)
_ID_BY_HASH = (
    sa.select(t.documents.c.id)
    .where(t.documents.c.content_hash == sa.bindparam("content_hash"))
    .order_by(t.documents.c.id)
)
_DELETE_MINHASH = t.minhashes.delete().where(t.minhashes.c.document_id == sa.bindparam("doc_id"))
_REVISION_COLUMNS = (
    "revision",
    "title",
    "published",
    "text",
    "content_hash",
    "source",
    "ingested_at",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document(row: sa.Row[Any]) -> StoredDocument:
    doc = Document(
        id=row.id,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        language=row.language,
        source=row.source,
        content_hash=row.content_hash,
    )
    return StoredDocument(doc, row.revision, row.cluster_id, row.ingested_at, row.updated_at)


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every insert here has an integer primary key
        raise StoreError("the store returned no id for a new row; run `parley stats` to check it")
    return int(key[0])


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def match_expression(query: str) -> str | None:
    """A search box's words as an FTS5 query that cannot be a syntax error: every word
    double-quoted (inner quotes doubled), so operators and punctuation (``OR``, ``NEAR(``,
    ``-``, ``:``, ``^``) are plain text; all words must match (AND); a trailing ``*`` keeps
    its meaning, a prefix search (``withdr*``). None when no word has a letter or digit
    (nothing can match); StoreError for an empty query."""
    if not query.strip():
        raise StoreError("the search query is empty; give one or more words to look for")
    terms = []
    for word in query.replace("\x00", " ").split():
        core = word.rstrip("*")
        if not any(ch.isalnum() for ch in core):
            continue  # the tokenizer would find no word in it
        quoted = '"' + core.replace('"', '""') + '"'
        terms.append(quoted + "*" if word.endswith("*") else quoted)
    return " AND ".join(terms) or None


# FTS5 (migration 0002): bm25 weights per column (title, text, outlet) and snippet length.
_FTS: sa.ColumnClause[Any] = sa.literal_column("documents_fts")
_FTS_JOIN = sa.literal_column("documents.rowid") == sa.literal_column("documents_fts.rowid")
_FTS_WEIGHTS = (5.0, 1.0, 2.0)
_SNIPPET_TOKENS = 16


class SqlStore:
    """Documents, revisions, story clusters, ingest runs and records in one SQL database."""

    def __init__(self, engine: sa.Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    def close(self) -> None:
        self.engine.dispose()

    # -- reading documents -------------------------------------------------------------
    def get(self, doc_id: str) -> StoredDocument | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.documents).where(t.documents.c.id == doc_id)).first()
        return _document(row) if row else None

    def match(self, doc_id: str, url: str | None, content_hash: str) -> Match:
        duplicate_of = None
        with self.engine.connect() as conn:
            row = conn.execute(_DOCUMENT_BY_ID, {"doc_id": doc_id}).first()
            if row is None and url:
                row = conn.execute(_DOCUMENT_BY_URL, {"url": url}).first()
            if row is None:
                duplicate_of = conn.execute(_ID_BY_HASH, {"content_hash": content_hash}).scalar()
        return Match(_document(row) if row else None, duplicate_of)

    def documents(self, query: DocumentQuery) -> list[StoredDocument]:
        d = t.documents.c
        select = sa.select(t.documents)
        if query.outlet:
            select = select.where(d.outlet.ilike(f"%{_escape_like(query.outlet)}%", escape="\\"))
        if query.since:
            select = select.where(d.published >= query.since)
        if query.until:
            select = select.where(sa.func.substr(d.published, 1, len(query.until)) <= query.until)
        if query.text:
            pattern = f"%{_escape_like(query.text)}%"
            select = select.where(
                sa.or_(d.text.ilike(pattern, escape="\\"), d.title.ilike(pattern, escape="\\"))
            )
        if query.cluster_id is not None:
            select = select.where(d.cluster_id == query.cluster_id)
        select = select.order_by(d.published.is_(None), d.published.desc(), d.id)
        select = select.offset(query.offset)
        if query.limit is not None:
            select = select.limit(query.limit)
        with self.engine.connect() as conn:
            return [_document(row) for row in conn.execute(select)]

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Documents whose title, text or outlet hold every word of ``query``, best first.

        ``query`` is words, not FTS5 syntax (:func:`match_expression`): any input is safe.
        Filters as in :meth:`documents`: ``outlet`` a case-insensitive substring,
        ``since``/``until`` on the publication date (inclusive; undated documents are left
        out by either). The snippet marks matches with ``SNIPPET_OPEN``/``SNIPPET_CLOSE``.
        """
        if limit < 1 or offset < 0:
            raise StoreError(
                f"search limit {limit} and offset {offset}: give a limit of 1 or more and an "
                "offset of 0 or more"
            )
        expression = match_expression(query)
        if expression is None:
            return []
        if self.engine.dialect.name != "sqlite":
            raise StoreError(
                f"full-text search needs a SQLite store, not {self.engine.dialect.name}; "
                "use `parley docs --text` meanwhile"
            )
        d = t.documents.c
        rank = sa.func.bm25(_FTS, *_FTS_WEIGHTS).label("bm25_rank")
        snippet = sa.func.snippet(_FTS, -1, SNIPPET_OPEN, SNIPPET_CLOSE, "…", _SNIPPET_TOKENS)
        select = (
            sa.select(d.id, d.title, d.outlet, d.published, snippet.label("snippet"), rank)
            .select_from(t.documents_fts.join(t.documents, _FTS_JOIN))
            .where(_FTS.op("MATCH")(expression))
        )
        if outlet:
            select = select.where(d.outlet.ilike(f"%{_escape_like(outlet)}%", escape="\\"))
        if since:
            select = select.where(d.published >= since)
        if until:
            select = select.where(sa.func.substr(d.published, 1, len(until)) <= until)
        select = (
            select.order_by(rank, d.published.is_(None), d.published.desc(), d.id)
            .limit(limit)
            .offset(offset)
        )
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(select).all()
        except sa.exc.OperationalError as exc:  # pragma: no cover - the query is always valid
            raise StoreError(
                f"the search failed ({exc.orig}); reword the query with plain words"
            ) from exc
        return [
            SearchHit(row.id, row.title, row.outlet, row.published, row.snippet, row.bm25_rank)
            for row in rows
        ]

    def revisions(self, doc_id: str) -> list[Revision]:
        r = t.document_revisions.c
        query = sa.select(t.document_revisions).where(r.document_id == doc_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(r.revision)).all()
        return [
            Revision(
                row.document_id,
                row.revision,
                row.title,
                row.published,
                row.text,
                row.content_hash,
                row.source,
                row.ingested_at,
            )
            for row in rows
        ]

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(t.minhashes.c.document_id, t.minhashes.c.signature)):
                yield row.document_id, row.signature

    def records(self, kind: str, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Rows of one record table (``actors``, ``times`` ...), in document and text order."""
        table = t.RECORD_TABLES.get(kind)
        if table is None:
            raise StoreError(f"no record kind {kind!r}; use one of {', '.join(t.RECORD_TABLES)}")
        query = sa.select(table)
        if doc_id is not None:
            query = query.where(table.c.document_id == doc_id)
        query = query.order_by(table.c.document_id, table.c.start, table.c.id)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def cluster_sizes(self) -> dict[int, int]:
        """Story cluster id -> number of documents in it."""
        d = t.documents.c
        query = sa.select(d.cluster_id, sa.func.count()).where(d.cluster_id.is_not(None))
        with self.engine.connect() as conn:
            return {row[0]: row[1] for row in conn.execute(query.group_by(d.cluster_id))}

    # -- writing documents -------------------------------------------------------------
    def write_document(
        self,
        doc: Document,
        *,
        signature: bytes | None,
        near: list[str],
        records: Extraction | None = None,
    ) -> WriteResult:
        """Store ``doc`` (new, or a new revision of the same id) in one transaction.

        A new revision replaces the old revision's records; its text stays in
        ``document_revisions``. ``near`` lists stored documents judged near-duplicates:
        all of them and ``doc`` end up in one story cluster (merging clusters if needed).
        ``records`` (the extraction of this text) are written in the same transaction.
        """
        stamp = now()
        row: dict[str, object] = {
            "id": doc.id,
            "title": doc.title,
            "outlet": doc.outlet,
            "url": doc.url,
            "published": doc.published,
            "language": doc.language,
            "text": doc.text,
            "content_hash": doc.content_hash,
            "source": doc.source,
            "updated_at": stamp,
            "ingested_at": stamp,
        }
        try:
            with self.engine.begin() as conn:
                old = conn.execute(_REVISION_OF, {"doc_id": doc.id}).scalar()
                row["revision"] = revision = 1 if old is None else old + 1
                if old is None:
                    conn.execute(t.documents.insert(), row)
                else:
                    conn.execute(_UPDATE_DOCUMENT, {**row, "doc_id": doc.id})
                    # event clusters point at event rows: the old revision's leave them
                    old_events = sa.select(t.events.c.id).where(t.events.c.document_id == doc.id)
                    conn.execute(
                        t.event_cluster_members.delete().where(
                            t.event_cluster_members.c.event_id.in_(old_events)
                        )
                    )
                    for table in t.RECORD_TABLES.values():
                        conn.execute(table.delete().where(table.c.document_id == doc.id))
                    conn.execute(_DELETE_MINHASH, {"doc_id": doc.id})
                conn.execute(
                    t.document_revisions.insert(),
                    {key: row[key] for key in _REVISION_COLUMNS} | {"document_id": doc.id},
                )
                if records is not None:
                    for kind, rows in record_rows(records, revision).items():
                        if rows:
                            conn.execute(t.RECORD_TABLES[kind].insert(), rows)
                if signature is not None:
                    conn.execute(
                        t.minhashes.insert(), {"document_id": doc.id, "signature": signature}
                    )
                cluster_id, members = (
                    self._join_cluster(conn, doc.id, near, stamp)
                    if near or old is not None
                    else (None, [])  # a new document with no near-duplicate starts alone
                )
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"could not write document {doc.id!r} to {self.url}: {exc.__class__.__name__}; "
                "check that the store file is writable and not on a full disk"
            ) from exc
        return WriteResult(revision, cluster_id, members)

    def _join_cluster(
        self, conn: sa.Connection, doc_id: str, near: list[str], stamp: str
    ) -> tuple[int | None, list[str]]:
        d = t.documents.c
        if not near:  # a new document starts alone; a revision keeps its story
            return conn.execute(sa.select(d.cluster_id).where(d.id == doc_id)).scalar(), []
        ids = [doc_id, *near]
        existing = {
            c
            for c in conn.execute(sa.select(d.cluster_id).where(d.id.in_(ids))).scalars()
            if c is not None
        }
        if existing:
            target = min(existing)
        else:
            target = _new_id(conn.execute(t.clusters.insert().values(created_at=stamp)))
        conn.execute(
            t.documents.update()
            .where(sa.or_(d.id.in_(ids), d.cluster_id.in_(existing)))
            .values(cluster_id=target)
        )
        if stale := existing - {target}:
            conn.execute(t.clusters.delete().where(t.clusters.c.id.in_(stale)))
        members = (
            conn.execute(sa.select(d.id).where(d.cluster_id == target).order_by(d.id))
            .scalars()
            .all()
        )
        return target, list(members)

    # -- ingest runs ---------------------------------------------------------------------
    def begin_run(self, inputs: int, version: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                t.ingest_runs.insert().values(
                    started_at=now(), status="running", inputs=inputs, parley_version=version
                )
            )
            return _new_id(result)

    def log_items(self, run_id: int, items: list[LogItem]) -> None:
        if not items:
            return
        rows = [
            {
                "run_id": run_id,
                "source": source,
                "outcome": outcome,
                "document_id": doc_id,
                "reason": reason,
            }
            for source, outcome, doc_id, reason in items
        ]
        with self.engine.begin() as conn:
            conn.execute(t.ingest_items.insert(), rows)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                t.ingest_runs.update()
                .where(t.ingest_runs.c.id == run_id)
                .values(finished_at=now(), status=status, counts=counts)
            )

    # -- overview ------------------------------------------------------------------------
    def replace_event_clusters(self, clusters: list[EventCluster]) -> list[int]:
        """Store the clustering of every event mention, replacing the previous one; return
        the new clusters' ids in order."""
        ids = []
        with self.engine.begin() as conn:
            conn.execute(t.event_cluster_members.delete())
            conn.execute(t.event_clusters.delete())
            for cluster in clusters:
                result = conn.execute(
                    t.event_clusters.insert(),
                    {"kind": cluster.kind, "date": cluster.date, "extra": cluster.extra},
                )
                cluster_id = _new_id(result)
                ids.append(cluster_id)
                conn.execute(
                    t.event_cluster_members.insert(),
                    [{"cluster_id": cluster_id, "event_id": e} for e in cluster.event_ids],
                )
        return ids

    def event_clusters(self) -> list[EventCluster]:
        """The stored event clusters with their member event ids, in id order."""
        members: dict[int, list[int]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(
                sa.select(t.event_cluster_members).order_by(
                    t.event_cluster_members.c.cluster_id, t.event_cluster_members.c.event_id
                )
            ):
                members.setdefault(row.cluster_id, []).append(row.event_id)
            rows = conn.execute(sa.select(t.event_clusters).order_by(t.event_clusters.c.id))
            return [
                EventCluster(r.kind, r.date, tuple(members.get(r.id, [])), r.extra, r.id)
                for r in rows
            ]

    def stats(self) -> dict[str, Any]:
        """Counts per table: documents, clusters, revisions, runs and every record kind."""
        count = sa.func.count()
        with self.engine.connect() as conn:
            result: dict[str, Any] = {
                "documents": conn.execute(sa.select(count).select_from(t.documents)).scalar(),
                "clusters": conn.execute(sa.select(count).select_from(t.clusters)).scalar(),
                "revisions": conn.execute(
                    sa.select(count).select_from(t.document_revisions)
                ).scalar(),
                "ingest_runs": conn.execute(sa.select(count).select_from(t.ingest_runs)).scalar(),
            }
            for name, table in t.RECORD_TABLES.items():
                result[name] = conn.execute(sa.select(count).select_from(table)).scalar()
        return result
