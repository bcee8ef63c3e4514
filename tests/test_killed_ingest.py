"""A killed ingest leaves a sound store, and running it again stores everything."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = [
    "ceasefire",
    "talks",
    "withdrawal",
    "army",
    "border",
    "envoy",
    "delegation",
    "village",
    "strike",
    "south",
    "hilltop",
    "detainees",
    "mediator",
    "proposal",
    "guarantee",
    "committee",
    "deadline",
    "statement",
    "source",
    "official",
    "Naqoura",
    "Litani",
    "Beirut",
    "Washington",
    "Paris",
    "round",
    "session",
    "timetable",
    "monitor",
]


OPENING = "Hezbollah and Israel traded fire. "  # every document names actors


def make_corpus(folder: Path, count: int) -> None:
    rng = random.Random(2026)
    for number in range(count):
        words = [rng.choice(WORDS) for _ in range(250)]
        (folder / f"doc-{number:04d}.txt").write_text(
            f"{OPENING}Report {number}. " + " ".join(words) + "."
        )


def count_documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(corpus, 300)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "parley", "ingest", str(corpus), "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while count_documents(db) < 20 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored_before = count_documents(db)
    assert 0 < stored_before < 300, "the ingest must be killed part-way; make the corpus larger"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every stored document is whole: its revision and text are there
        assert (
            conn.execute(
                "SELECT count(*) FROM documents d JOIN document_revisions r "
                "ON r.document_id = d.id AND r.revision = d.revision"
            ).fetchone()[0]
            == stored_before
        )

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert count_documents(db) == 300
    again = subprocess.run(
        [*command[:-1], "--json"], capture_output=True, text=True, timeout=300, check=False
    )
    assert '"unchanged": 300' in again.stdout
