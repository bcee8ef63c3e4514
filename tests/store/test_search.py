"""Full-text search over documents (SQLite FTS5, migration 0002), on real store files."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.errors import StoreError
from parley.records import Document
from parley.store import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    SearchHit,
    SqlStore,
    migrate,
    open_store,
    schema,
    sqlite,
)
from parley.store.sql import match_expression

TALKS = (
    "Negotiators from Israel and Lebanon met in Naqoura under UN auspices on Tuesday. "
    "The delegations discussed the withdrawal from five points along the border."
)
STRIKE = "An Israeli drone struck a car near Tyre, the Lebanese health ministry said."
FILLER = "The weather in the region stayed mild and markets were calm. " * 30


def add(store: SqlStore, doc_id: str, text: str, **fields: str) -> None:
    store.write_document(Document(id=doc_id, text=text, **fields), signature=None, near=[])


@pytest.fixture
def corpus(store: SqlStore) -> SqlStore:
    add(store, "talks", TALKS, title="Talks resume in Naqoura", outlet="Example Wire",
        published="2025-03-11T18:46:00+02:00")  # fmt: skip
    add(store, "strike", STRIKE, title="Drone strike near Tyre", outlet="Desk",
        published="2025-03-12")  # fmt: skip
    add(store, "long", FILLER + "A passing word on Naqoura. " + FILLER, title="Weather",
        outlet="Example Wire", published="2025-02-01")  # fmt: skip
    add(store, "undated", "Naqoura again, with no date.")
    return store


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.doc_id for hit in hits]


def test_hits_carry_title_outlet_date_and_a_marked_snippet(corpus: SqlStore) -> None:
    hits = corpus.search("withdrawal")
    assert ids(hits) == ["talks"]
    hit = hits[0]
    assert (hit.title, hit.outlet, hit.published) == (
        "Talks resume in Naqoura",
        "Example Wire",
        "2025-03-11T18:46:00+02:00",
    )
    assert f"{SNIPPET_OPEN}withdrawal{SNIPPET_CLOSE}" in hit.snippet
    assert ("withdrawal", True) in hit.parts()
    assert "".join(text for text, _ in hit.parts()) == hit.snippet.replace(
        SNIPPET_OPEN, ""
    ).replace(SNIPPET_CLOSE, "")


def test_case_accents_prefixes_and_every_word(corpus: SqlStore) -> None:
    assert ids(corpus.search("NAQOÙRA")) == ids(corpus.search("naqoura"))
    assert set(ids(corpus.search("naqoura"))) == {"talks", "long", "undated"}
    assert ids(corpus.search("withdr*")) == ["talks"]
    assert ids(corpus.search("drone tyre")) == ["strike"]  # both words
    assert corpus.search("drone naqoura") == []  # never in one document
    assert ids(corpus.search("desk")) == ["strike"]  # the outlet is indexed too


def test_filters(corpus: SqlStore) -> None:
    assert set(ids(corpus.search("naqoura", outlet="wire"))) == {"talks", "long"}
    assert ids(corpus.search("naqoura", since="2025-03-01")) == ["talks"]
    assert ids(corpus.search("naqoura", until="2025-03-10")) == ["long"]
    assert ids(corpus.search("naqoura", until="2025-03-11")) == ["talks", "long"]
    assert corpus.search("naqoura", outlet="%") == []  # LIKE wildcards are literal


def test_ranking_puts_the_document_about_it_first(corpus: SqlStore) -> None:
    hits = corpus.search("naqoura")
    # in the title and the text of a short article, before a passing word in a long one
    assert ids(hits)[0] == "talks"
    assert ids(hits).index("talks") < ids(hits).index("long")
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_pagination(corpus: SqlStore) -> None:
    every = ids(corpus.search("naqoura"))
    pages = [ids(corpus.search("naqoura", limit=1, offset=n)) for n in range(4)]
    assert [p for page in pages for p in page] == every
    assert pages[3] == []
    with pytest.raises(StoreError, match="limit of 1 or more"):
        corpus.search("naqoura", limit=0)
    with pytest.raises(StoreError, match="offset of 0 or more"):
        corpus.search("naqoura", offset=-1)


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_an_empty_query_is_a_clear_error(corpus: SqlStore, query: str) -> None:
    with pytest.raises(StoreError, match="search query is empty"):
        corpus.search(query)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"NEAR( -* OR', []),
        ("NEAR(naqoura withdrawal, 2)", []),  # not NEAR: the words near, 2 ... are missing
        ("naqoura OR tyre", []),  # OR is a word here, and no article has it
        ("-withdrawal", ["talks"]),  # not NOT: the word is looked for
        ("NOT withdrawal", []),
        ('withdrawal"', ["talks"]),
        ("title:tyre", []),  # no column filter: "title tyre" is a phrase
        ("^Negotiators", ["talks"]),
        ("drone AND", []),
        ("(tyre)", ["strike"]),
        ("*", []),
        ("tyre*)", ["strike"]),
        ("'; DROP TABLE documents; --", []),
        ('"" "', []),
        ("\x00tyre", ["strike"]),
        ("{title text}: tyre", []),
    ],
)
def test_fts5_syntax_is_plain_text(corpus: SqlStore, query: str, found: list[str]) -> None:
    assert ids(corpus.search(query)) == found
    assert len(corpus.search("naqoura")) == 3  # and the store is intact


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('a "b" c*') == '"a" AND """b""" AND "c"*'
    assert match_expression("-* ( )") is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_no_input_breaks_the_search(tmp_path_factory: pytest.TempPathFactory, query: str) -> None:
    path = tmp_path_factory.getbasetemp() / "hypothesis-search.db"
    store = open_store(path)
    try:
        if not store.get("talks"):
            add(store, "talks", TALKS, title="Talks")
        if query.strip():
            assert isinstance(store.search(query), list)
        else:
            with pytest.raises(StoreError):
                store.search(query)
    finally:
        store.close()


def test_a_new_revision_is_found_by_its_new_text_only(store: SqlStore) -> None:
    add(store, "d1", "The old text speaks of Naqoura.", title="Old title")
    add(store, "d1", "The new text speaks of Tyre.", title="New title")
    assert store.search("naqoura") == []
    assert store.search("old") == []
    assert ids(store.search("tyre")) == ["d1"]
    assert ids(store.search("new title")) == ["d1"]


def test_a_deleted_document_leaves_the_index(store: SqlStore) -> None:
    add(store, "gone", "A sentence about Naqoura.")
    add(store, "kept", "Another sentence about Naqoura.")
    with store.engine.begin() as conn:
        conn.execute(
            schema.document_revisions.delete().where(
                schema.document_revisions.c.document_id == "gone"
            )
        )
        conn.execute(schema.documents.delete().where(schema.documents.c.id == "gone"))
    assert ids(store.search("naqoura")) == ["kept"]
    with store.engine.connect() as conn:  # the index agrees with its content table
        conn.exec_driver_sql(
            "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
        )


def _alembic(engine: sa.Engine, action: str, target: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, target)


def test_upgrading_a_0001_store_makes_its_documents_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = sqlite.create_engine(path)
    _alembic(engine, "upgrade", "0001")
    stamp = "2025-03-01T00:00:00+00:00"
    with engine.begin() as conn:
        conn.execute(
            schema.documents.insert(),
            {
                "id": "before",
                "title": "Stored before search existed",
                "outlet": "Example Wire",
                "published": "2025-03-01",
                "text": "Negotiators met in Naqoura.",
                "content_hash": "0" * 64,
                "revision": 1,
                "source": "test",
                "ingested_at": stamp,
                "updated_at": stamp,
            },
        )
    assert migrate.current_revision(engine) == "0001"
    engine.dispose()
    store = open_store(path)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision() == "0002"
        assert ids(store.search("naqoura")) == ["before"]
        add(store, "after", "Naqoura again, after the upgrade.")
        assert set(ids(store.search("naqoura"))) == {"before", "after"}
    finally:
        store.close()


def test_downgrade_removes_the_index_and_its_triggers(store: SqlStore) -> None:
    add(store, "d1", "A sentence about Naqoura.")
    _alembic(store.engine, "downgrade", "0001")
    with store.engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'documents_fts%'"
        ).all()
    assert names == []
    add(store, "d2", "Writing still works without the index.")
    assert store.get("d2") is not None
