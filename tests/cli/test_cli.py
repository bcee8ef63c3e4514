"""The `parley` command through its real entry point: output, messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DEMO, write
from tests.ingest.fixtures import ARTICLE_TEXT


def test_ingest_prints_a_summary_and_exits_0(cli, tmp_path: Path) -> None:
    result = cli("ingest", str(DEMO))
    assert result.code == 0, result.err
    assert "3 stored" in result.out and "0 rejected" in result.out
    again = cli("ingest", str(DEMO))
    assert "0 stored" in again.out and "3 unchanged" in again.out


def test_rejected_inputs_are_named_on_stderr_and_exit_1(cli, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE_TEXT)
    empty = write(tmp_path / "empty.txt", "")
    result = cli("ingest", str(good), str(empty))
    assert result.code == 1
    assert result.err.strip() == f"Rejected: {empty}: empty; there is no text to ingest"
    assert "1 stored" in result.out


def test_usage_errors_exit_2(cli) -> None:
    assert cli("ingest").code == 2
    assert cli("ingest", "x.txt", "--max-bytes", "zero").code == 2
    assert cli("no-such-command").code == 2


def test_json_report(cli, tmp_path: Path) -> None:
    result = cli("ingest", str(DEMO), "--json")
    report = json.loads(result.out)
    assert report["counts"]["stored"] == 3
    assert {d["doc_id"] for d in report["documents"]} == {"seed-001", "seed-002", "seed-004"}


def test_quiet_prints_nothing_but_errors(cli, tmp_path: Path) -> None:
    result = cli("ingest", str(DEMO), "--quiet")
    assert result.code == 0 and result.out == "" and result.err == ""


def test_stdin(cli, tmp_path: Path, monkeypatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_TEXT.encode())))
    assert "1 stored" in cli("ingest", "-").out


def test_docs_lists_and_filters(cli) -> None:
    cli("ingest", str(DEMO), "--quiet")
    listing = cli("docs")
    assert all(doc in listing.out for doc in ("seed-001", "seed-002", "seed-004"))
    rows = json.loads(cli("docs", "--outlet", "watan", "--json").out)
    assert [r["id"] for r in rows] == ["seed-002"]
    rows = json.loads(cli("docs", "--since", "2025-01-01", "--json").out)
    assert [r["id"] for r in rows] == ["seed-002"]


def test_show_and_revisions(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", ARTICLE_TEXT)
    write(tmp_path / "story.meta.json", json.dumps({"id": "story-1", "outlet": "Desk"}))
    cli("ingest", str(path), "--quiet")
    write(path, ARTICLE_TEXT + "Correction: the talks took place on Wednesday.\n")
    assert "1 revised" in cli("ingest", str(path)).out
    shown = cli("show", "story-1")
    assert "Correction:" in shown.out and "Desk" in shown.out
    history = cli("show", "story-1", "--revisions")
    assert "revision 1" in history.out and "revision 2" in history.out
    assert history.out.count("Israel and Lebanon held a further round") == 2
    data = json.loads(cli("show", "story-1", "--revisions", "--json").out)
    assert [r["revision"] for r in data["revisions"]] == [1, 2]


def test_show_unknown_document(cli) -> None:
    result = cli("show", "nope")
    assert result.code == 2
    assert result.err.startswith("Error: no document 'nope'") and "parley docs" in result.err


def test_markup_in_articles_is_printed_as_text(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "[bold red]not markup[/] and [link=http://x]no link[/link].")
    cli("ingest", str(path), "--quiet")
    doc_id = json.loads(cli("docs", "--json").out)[0]["id"]
    assert "[bold red]not markup[/]" in cli("show", doc_id).out


def test_stats_and_info(cli) -> None:
    cli("ingest", str(DEMO), "--quiet")
    stats = json.loads(cli("stats", "--json").out)
    assert stats["documents"] == 3 and stats["clusters"] == 0 and "events" in stats
    # records were extracted and stored with the documents
    assert stats["actors"] > 50 and stats["times"] > 10 and stats["statements"] > 10
    info = json.loads(cli("info", "--json").out)
    assert info["parley"] and info["python"].startswith("3.")


def test_bad_store_is_one_line_with_the_fix(cli, tmp_path: Path) -> None:
    bogus = write(tmp_path / "bogus.db", "not sqlite " * 200)
    result = cli("stats", "--db", str(bogus))
    assert result.code == 1
    assert result.err.count("\n") == 1 and "choose another --db" in result.err


def test_demo(cli, tmp_path: Path) -> None:
    result = cli("demo", "--db", str(tmp_path / "demo.db"))
    assert result.code == 0, result.err
    for doc in (
        "seed-001",
        "seed-002",
        "seed-004",
        "Watan",
        "documents",
        "ISR.MIL",
        "P60D",
        "statements (who says so)",
        "RED TV",
    ):
        assert doc in result.out
    assert (tmp_path / "demo.db").exists()


def test_version(cli) -> None:
    from parley import __version__

    assert cli("--version").out.strip() == f"parley {__version__}"
