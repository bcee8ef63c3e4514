"""`parley brief`: the brief on stdout as Markdown or HTML; one-line errors for bad options."""

from __future__ import annotations

import os

import pytest

from parley.store import open_store
from tests.analysis.test_brief import IMG, SCRIPT, _scenario
from tests.conftest import DEMO


@pytest.fixture
def parley(cli, monkeypatch: pytest.MonkeyPatch):
    """The `cli` fixture, with `brief` registered if parley/cli/__init__.py does not yet."""
    from parley.cli import app
    from parley.cli.brief import brief_command

    if not any(c.name == "brief" for c in app.registered_commands):
        monkeypatch.setattr(app, "registered_commands", list(app.registered_commands))
        app.command("brief")(brief_command)
    return cli


@pytest.fixture
def scenario(parley):
    store = open_store(os.environ["PARLEY_DB"])
    try:
        _scenario(store)
    finally:
        store.close()
    return parley


def test_markdown_by_default(scenario) -> None:
    result = scenario("brief", "--since", "2025-03-10")
    assert result.code == 0, result.err
    assert result.out.startswith("# Brief: what changed from 2025-03-10 to the newest article")
    assert "## Deadlocks that appeared or were broken" in result.out
    assert "- Deadlock appeared: Hezbollah acts on ceasefire" in result.out
    assert "  - [Example Wire, 2025-03-11](/documents/new1#0) (new1)" in result.out
    assert SCRIPT not in result.out


def test_html_until_and_escaping(scenario) -> None:
    result = scenario("brief", "--since", "2025-03-10", "--until", "2025-03-20", "--format", "html")
    assert result.code == 0, result.err
    assert result.out.startswith("<!DOCTYPE html>")
    assert "from 2025-03-10 to 2025-03-20" in result.out
    assert SCRIPT not in result.out and IMG not in result.out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.out
    early = scenario("brief", "--since", "2025-03-10", "--until", "2025-03-11")
    assert "Commitments that fell due" not in early.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--since", "2025-13-01"],
            "Error: --since '2025-13-01' is not a date; give YYYY-MM-DD (e.g. 2025-03-01)",
        ),
        (
            ["--since", "2025-03-10", "--until", "soon"],
            "Error: --until 'soon' is not a date; give YYYY-MM-DD (e.g. 2025-03-01)",
        ),
        (
            ["--since", "2025-03-10", "--format", "pdf"],
            "Error: --format 'pdf' is unknown; use one of md, html",
        ),
        (
            ["--since", "2025-03-10", "--until", "2025-03-01"],
            "Error: until 2025-03-01 is before since 2025-03-10; swap them",
        ),
    ],
)
def test_bad_options_are_one_line_errors(parley, args: list[str], message: str) -> None:
    result = parley("brief", *args)
    assert result.code == 2
    assert result.err.strip() == message
    assert result.out == ""


def test_since_is_required(parley) -> None:
    result = parley("brief")
    assert result.code == 2
    assert "--since" in result.err


def test_an_empty_store_says_nothing_changed(parley) -> None:
    result = parley("brief", "--since", "2025-03-10")
    assert result.code == 0
    assert "Nothing changed in this period" in result.out


def test_brief_of_the_demo_corpus(parley) -> None:
    assert parley("ingest", str(DEMO), "--quiet").code == 0
    result = parley("brief", "--since", "2024-01-01")
    assert result.code == 0, result.err
    assert "## New events" in result.out
    assert "](/documents/seed-00" in result.out
