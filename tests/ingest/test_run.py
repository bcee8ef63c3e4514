"""The ingest pipeline against a real SQLite store: revisions, duplicates, clusters, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from parley.ingest import Options, ingest
from parley.store import DocumentQuery, SqlStore
from parley.store import schema as t
from tests.conftest import DEMO, write
from tests.ingest.fixtures import ARTICLE_TEXT


def meta(path: Path, **fields: object) -> None:
    write(path.with_name(path.stem + ".meta.json"), json.dumps(fields))


def test_demo_corpus_is_stored_with_its_metadata(store: SqlStore) -> None:
    report = ingest([str(DEMO)], store)
    assert report.counts["stored"] == 3 and not report.rejected
    doc = store.get("seed-002")
    assert doc is not None
    assert doc.document.outlet == "Watan" and doc.document.published == "2025-03-11"
    assert doc.document.language == "en"
    assert doc.document.text == (DEMO / "seed-002.txt").read_text(encoding="utf-8")


def test_reingest_adds_nothing(store: SqlStore) -> None:
    ingest([str(DEMO)], store)
    before = store.stats()
    report = ingest([str(DEMO)], store)
    assert report.counts == {
        "stored": 0,
        "revised": 0,
        "unchanged": 3,
        "duplicate": 0,
        "rejected": 0,
    }
    after = store.stats()
    assert {k: v for k, v in after.items() if k != "ingest_runs"} == {
        k: v for k, v in before.items() if k != "ingest_runs"
    }


def test_exact_duplicates_are_stored_once_whatever_the_source(
    store: SqlStore, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", ARTICLE_TEXT)
    write(tmp_path / "b.txt", "  " + ARTICLE_TEXT.replace("\n", " \n\n"))  # whitespace only
    jsonl = write(tmp_path / "c.jsonl", json.dumps({"id": "other", "text": ARTICLE_TEXT}))
    report = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(jsonl)], store)
    assert [o.outcome for o in report.outcomes] == ["stored", "duplicate", "duplicate"]
    first = report.outcomes[0].doc_id
    assert all(o.doc_id == first for o in report.outcomes)
    assert store.stats()["documents"] == 1


def test_a_corrected_article_is_a_new_revision(store: SqlStore, tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", ARTICLE_TEXT)
    meta(path, id="story-1", published="2025-03-11")
    ingest([str(path)], store)
    # a record of revision 1, as the extraction layer will write it
    with store.engine.begin() as conn:
        conn.execute(
            t.times.insert().values(
                document_id="story-1",
                revision=1,
                start=0,
                end=5,
                confidence=1.0,
                text="Tues",
                value="2025-03-11",
            )
        )
    corrected = ARTICLE_TEXT.replace("Tuesday", "Wednesday")
    write(path, corrected)
    report = ingest([str(path)], store)
    assert [o.outcome for o in report.outcomes] == ["revised"]
    stored = store.get("story-1")
    assert stored is not None and stored.revision == 2 and stored.document.text == corrected
    assert [r.text for r in store.revisions("story-1")] == [ARTICLE_TEXT, corrected]
    assert store.stats()["times"] == 0  # the old revision's records are gone


def test_same_url_under_another_id_is_a_revision(store: SqlStore, tmp_path: Path) -> None:
    lines = [
        {"id": "first-id", "url": "https://example.org/a", "text": ARTICLE_TEXT},
        {"url": "https://example.org/a", "text": ARTICLE_TEXT + "Update: talks resumed."},
    ]
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(line) for line in lines))
    report = ingest([str(path)], store)
    assert [(o.outcome, o.doc_id) for o in report.outcomes] == [
        ("stored", "first-id"),
        ("revised", "first-id"),
    ]


def lightly_edited(text: str) -> str:
    """A re-publication: other headline, a changed word or two, an extra closing line."""
    body = text.split("\n", 1)[1]
    body = body.replace("confirmed", "said").replace("Tuesday", "Tuesday evening")
    return "Lebanon, Israel begin border talks\n" + body + "\n(Reporting by a wire desk.)\n"


def test_near_duplicates_join_one_story_across_runs(store: SqlStore, tmp_path: Path) -> None:
    original = (DEMO / "seed-002.txt").read_text(encoding="utf-8")
    ingest([str(DEMO / "seed-002.txt"), str(DEMO / "seed-004.txt")], store)
    copy = write(tmp_path / "wire-copy.txt", lightly_edited(original))
    report = ingest([str(copy), str(DEMO / "seed-001.txt")], store)  # a new run: index reloaded
    assert [o.outcome for o in report.outcomes] == ["stored", "stored"]
    cluster = report.outcomes[0].cluster_id
    assert cluster is not None
    members = {d.document.id for d in store.documents(DocumentQuery(cluster_id=cluster))}
    assert members == {"seed-002", report.outcomes[0].doc_id}
    for unrelated in ("seed-001", "seed-004"):
        doc = store.get(unrelated)
        assert doc is not None and doc.cluster_id is None


def test_bad_inputs_are_reported_and_the_rest_is_stored(store: SqlStore, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE_TEXT)
    empty = write(tmp_path / "empty.txt", "")
    binary = write(tmp_path / "scan.pdf", b"%PDF-1.4\n\x00\x01\x02")
    big = write(tmp_path / "big.txt", "word " * 400)
    lines = write(tmp_path / "lines.jsonl", '{"text": "fine line of text"}\n{oops\n')
    bad_meta = write(tmp_path / "dated.txt", "Another article, with a bad date.")
    meta(bad_meta, published="last Tuesday")
    inputs = [good, empty, binary, big, lines, bad_meta, tmp_path / "missing.txt"]
    report = ingest([str(p) for p in inputs], store, Options(max_bytes=1000))
    reasons = {o.source: o.reason or "" for o in report.rejected}
    assert "empty" in reasons[str(empty)]
    assert "PDF" in reasons[str(binary)]
    assert "--max-bytes" in reasons[str(big)]
    assert "malformed JSON on line 2" in reasons[f"{lines}:2"]
    assert "YYYY-MM-DD" in reasons[str(bad_meta)]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert report.counts["stored"] == 2 and store.stats()["documents"] == 2
    with store.engine.connect() as conn:
        logged = conn.execute(sa.select(t.ingest_items.c.outcome)).scalars().all()
        run = conn.execute(sa.select(t.ingest_runs)).one()
    assert sorted(logged) == sorted(o.outcome for o in report.outcomes)
    assert run.status == "done" and run.counts["rejected"] == 6


def test_worker_processes_give_the_same_result_as_inline(tmp_path: Path) -> None:
    from parley.ingest.run import PARALLEL_FROM
    from parley.store import open_store

    corpus = tmp_path / "corpus"
    original = (DEMO / "seed-002.txt").read_text(encoding="utf-8")
    for number in range(PARALLEL_FROM["fork"] + 8):
        write(corpus / f"a{number:03d}.txt", f"Report number {number}. " + ARTICLE_TEXT * 2)
    write(corpus / "copy.txt", lightly_edited(original))
    write(corpus / "seed.txt", original)
    write(corpus / "empty.txt", "")
    results = []
    for workers in (0, 1):
        with_store = open_store(tmp_path / f"w{workers}.db")
        report = ingest([str(corpus)], with_store, workers=workers)
        outcomes = [(o.source, o.outcome, o.doc_id, o.reason) for o in report.outcomes]
        stories = {d.document.source: d.cluster_id for d in with_store.documents(DocumentQuery())}
        results.append((outcomes, stories))
        with_store.close()
    assert results[0] == results[1]
    outcomes, stories = results[0]
    story = {Path(source).name: cluster for source, cluster in stories.items()}
    assert story["seed.txt"] is not None and story["seed.txt"] == story["copy.txt"]
    assert [o[1] for o in outcomes if o[0].endswith("empty.txt")] == ["rejected"]


def test_a_component_failing_on_one_document_rejects_that_one_only(tmp_path: Path) -> None:
    from spacy.language import Language

    from parley.extract import Extractor
    from parley.nlp.pipeline import load_pipeline
    from parley.store import open_store

    @Language.component("test_fails_on_boom")
    def fails_on_boom(doc):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise ValueError("cannot read this one")
        return doc

    nlp = load_pipeline()
    nlp.add_pipe("test_fails_on_boom", after="parley_actors")
    write(tmp_path / "in" / "a.txt", "Hezbollah and Israel exchanged fire on Tuesday.")
    write(tmp_path / "in" / "b.txt", "BOOM. Hezbollah fired rockets at Israel on Monday.")
    write(tmp_path / "in" / "c.txt", "Lebanon and Israel met in Naqoura on Wednesday.")
    store = open_store(tmp_path / "s.db")
    report = ingest([str(tmp_path / "in")], store, extractor=Extractor(nlp=nlp), workers=1)
    assert [o.outcome for o in report.outcomes] == ["stored", "rejected", "stored"]
    assert report.outcomes[1].reason == (
        "extraction failed (test_fails_on_boom: ValueError: cannot read this one); "
        "please report it with this input"
    )
    assert store.stats()["documents"] == 2
    store.close()
