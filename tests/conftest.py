"""Shared fixtures: stores on disk, the real CLI entry point, ../shared when present."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import parley
from parley.store import SqlStore, open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO = Path(parley.__file__).parent / "demo_corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: clone parley beside the shared/ folder to run this test")
    return SHARED


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(tmp_path / "store.db")
    yield opened
    opened.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run the real `parley` entry point in-process: ``cli("ingest", path) -> CliResult``."""
    from parley.cli import main

    monkeypatch.setenv("PARLEY_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> CliResult:
        monkeypatch.setattr(sys, "argv", ["parley", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def write(path: Path, text: str | bytes) -> Path:
    """Write a test input (creating folders); bytes are written as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def nlp_actors_places():
    """The model with parley's actor and place components (loaded once per test session)."""
    from parley.nlp.pipeline import load_pipeline

    return load_pipeline(components=["parley_actors", "parley_places"])


@pytest.fixture(scope="session")
def extractor():
    """The full pipeline for the default theater (loaded once per test session)."""
    from parley.extract import Extractor

    return Extractor()


PLOVER_TYPES = {
    "talks": "CONSULT",
    "proposal": "CONSULT",
    "withdrawal": "RETREAT",
    "attack": "ASSAULT",
    "release": "CONCEDE",
    "deployment": "MOBILIZE",
}


def event_record(
    doc: str,
    start: int,
    *,
    kind: str = "withdrawal",
    a: tuple[str, ...] = ("ISR.MIL",),
    issues: tuple[str, ...] = ("withdrawal",),
    date: str | None = None,
    place: str | None = None,
    status: str = "occurred",
    length: int = 70,
):
    """A hand-built event record for analysis tests (written to a real store by the test)."""
    from parley.records import Event, Evidence

    return Event(
        kind=kind,
        type=PLOVER_TYPES.get(kind, "CONSULT"),
        trigger=kind,
        trigger_start=start,
        trigger_end=start + 5,
        a=a,
        b=(),
        issues=issues,
        date=date,
        place=place,
        lat=33.1 if place else None,
        lon=35.1 if place else None,
        status=status,
        evidence=Evidence(doc, start, start + length),
        confidence=0.8,
    )
