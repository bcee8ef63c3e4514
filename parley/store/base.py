"""The narrow interface every store backend offers, and the plain rows it returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from parley.records import Document, Extraction


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store holds it: the current revision plus bookkeeping."""

    document: Document
    revision: int
    cluster_id: int | None
    ingested_at: str
    updated_at: str


@dataclass(frozen=True)
class Revision:
    document_id: str
    revision: int
    title: str | None
    published: str | None
    text: str
    content_hash: str
    source: str
    ingested_at: str


@dataclass(frozen=True)
class DocumentQuery:
    """Filters for listing documents; ``text`` is a case-insensitive substring."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    cluster_id: int | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Match:
    """What the store already holds for an incoming document.

    ``existing``: the document with the same id (else the same URL), whose new revision
    this would be; ``duplicate_of``: when there is none, a document with the same text.
    """

    existing: StoredDocument | None
    duplicate_of: str | None


@dataclass
class WriteResult:
    """What ``write_document`` did: the revision stored and the cluster it joined."""

    revision: int
    cluster_id: int | None
    cluster_members: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventCluster:
    """One happening: the event mentions (row ids of ``events``) that report it.

    ``date`` is the happening's date (TIMEX3) or None; ``extra`` holds what the analysis
    that made the cluster wants kept (JSON). ``id`` is set when read back from the store.
    """

    kind: str
    date: str | None
    event_ids: tuple[int, ...]
    extra: dict[str, Any] | None = None
    id: int | None = None


# Where a search snippet marks the words that matched: plain characters that news text does
# not use, so that a renderer can escape the snippet and then turn them into <mark> tags.
SNIPPET_OPEN = "\u27e6"  # ⟦
SNIPPET_CLOSE = "\u27e7"  # ⟧


@dataclass(frozen=True)
class SearchHit:
    """A document that matches a full-text search.

    ``snippet``: a few words around the best match, from the title, text or outlet, each
    matching word between ``SNIPPET_OPEN`` and ``SNIPPET_CLOSE`` (``⟦Naqoura⟧``; the text is
    the article's own and unescaped), ``…`` where it is cut. ``rank``: SQLite FTS5's bm25
    score, lower is better (a title match weighs more than one in the text); hits come best
    first.
    """

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    rank: float

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces, in order, for a renderer to escape."""
        pieces: list[tuple[str, bool]] = []
        rest = self.snippet
        while rest:
            head, opened, tail = rest.partition(SNIPPET_OPEN)
            if head:
                pieces.append((head, False))
            if not opened:
                break
            marked, _, rest = tail.partition(SNIPPET_CLOSE)
            if marked:
                pieces.append((marked, True))
        return pieces


# (source, outcome, document id, reason) of one ingested or refused input.
LogItem = tuple[str, str, str | None, str | None]


class Store(Protocol):
    """What ingest, analysis, the CLI and the web app may ask of a store."""

    url: str

    def close(self) -> None: ...

    def get(self, doc_id: str) -> StoredDocument | None: ...

    def match(self, doc_id: str, url: str | None, content_hash: str) -> Match: ...

    def write_document(
        self,
        doc: Document,
        *,
        signature: bytes | None,
        near: list[str],
        records: Extraction | None = None,
    ) -> WriteResult: ...

    def documents(self, query: DocumentQuery) -> list[StoredDocument]: ...

    def revisions(self, doc_id: str) -> list[Revision]: ...

    def signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def cluster_sizes(self) -> dict[int, int]: ...

    def records(self, kind: str, doc_id: str | None = None) -> list[dict[str, Any]]: ...

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]: ...

    def begin_run(self, inputs: int, version: str) -> int: ...

    def log_items(self, run_id: int, items: list[LogItem]) -> None: ...

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None: ...

    def replace_event_clusters(self, clusters: list[EventCluster]) -> list[int]: ...

    def event_clusters(self) -> list[EventCluster]: ...

    def stats(self) -> dict[str, Any]: ...
