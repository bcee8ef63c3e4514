"""`parley docs` and `parley show`: what the store holds, document by document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.rule import Rule
from rich.text import Text

from parley.cli.options import DbOption, JsonOption, db_path
from parley.cli.render import (
    document_dict,
    documents_table,
    out,
    print_json,
    records_summary,
)
from parley.errors import ConfigError, ParleyError

if TYPE_CHECKING:
    from parley.store import DocumentQuery, SqlStore


def list_documents(store: SqlStore, query: DocumentQuery, json_output: bool) -> None:
    docs = store.documents(query)
    if json_output:
        print_json([document_dict(d) | {"text": None} for d in docs])
        return
    out.print(documents_table(docs, store.cluster_sizes()))


def docs_command(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name contains this.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    text: Annotated[str | None, typer.Option(help="Title or text contains this.")] = None,
    story: Annotated[
        int | None, typer.Option(help="Only the documents of this story cluster (near-duplicates).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.", min=1)] = None,
    json_output: JsonOption = False,
) -> None:
    """List stored documents, newest first, with the story cluster each belongs to."""
    from parley.store import DocumentQuery, open_store

    store = open_store(db_path(db))
    try:
        query = DocumentQuery(
            outlet=outlet, since=since, until=until, text=text, cluster_id=story, limit=limit
        )
        list_documents(store, query, json_output)
    finally:
        store.close()


def show_command(
    doc_id: Annotated[str, typer.Argument(metavar="DOC", help="Document id (see parley docs).")],
    db: DbOption = None,
    revisions: Annotated[
        bool, typer.Option("--revisions", help="Show every revision of the text, oldest first.")
    ] = False,
    json_output: JsonOption = False,
) -> None:
    """Show one document: its metadata and text (and, with --revisions, its earlier texts)."""
    from parley.store import DocumentQuery, open_store

    store = open_store(db_path(db))
    try:
        stored = store.get(doc_id)
        if stored is None:
            raise ConfigError(f"no document {doc_id!r} in {store.url}; list them with parley docs")
        history = store.revisions(doc_id) if revisions else []
        records = {
            kind: store.records(kind, doc_id)
            for kind in ("actors", "times", "places", "statements", "figures")
        }
        members = (
            store.documents(DocumentQuery(cluster_id=stored.cluster_id))
            if stored.cluster_id is not None
            else []
        )
    except ParleyError:
        raise
    finally:
        store.close()
    story = [m.document.id for m in members if m.document.id != doc_id]
    if json_output:
        data = document_dict(stored) | {"story": story, "records": records}
        if revisions:
            data["revisions"] = [vars(r) for r in history]
        print_json(data)
        return
    doc = stored.document
    for label, value in (
        ("id", doc.id),
        ("title", doc.title),
        ("outlet", doc.outlet),
        ("url", doc.url),
        ("published", doc.published),
        ("language", doc.language),
        ("revision", str(stored.revision)),
        ("same story as", ", ".join(story) or None),
        ("source", doc.source),
    ):
        out.print(Text.assemble((f"{label:>14}: ", "bold"), value or "-"))
    if not revisions:
        out.print(Rule())
        out.print(Text(doc.text))
        out.print(Rule("records"))
        out.print(records_summary(records))
        return
    for rev in history:
        out.print(
            Rule(
                f"revision {rev.revision} · ingested {rev.ingested_at} · from {rev.source}",
                characters="=",
            )
        )
        out.print(Text(rev.text))
