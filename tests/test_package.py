"""The built wheel carries its package data and runs the demo on its own."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

NEEDED = (
    "parley/py.typed",
    "parley/demo_corpus/seed-001.txt",
    "parley/demo_corpus/seed-002.meta.json",
    "parley/demo_corpus/seed-004.txt",
    "parley/store/migrations/env.py",
    "parley/nlp/pipeline.cfg",
    "parley/nlp/figures.toml",
    "parley/theaters/israel-lebanon.toml",
    "parley/data/gazetteer-levant.tsv",
    "parley/store/migrations/script.py.mako",
    "parley/store/migrations/versions/0001_initial.py",
    "parley/store/migrations/versions/0002_document_search.py",
    "parley/nlp/events.toml",
    "parley/nlp/positions.toml",
    "parley/web/templates/base.html",
    "parley/web/static/parley.js",
    "parley/web/static/parley.css",
    "parley/export/templates/brief.html",
)


@pytest.mark.slow
def test_wheel_has_package_data_and_runs_the_demo(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "dist").glob("parley-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert not [n for n in NEEDED if n not in names]

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import parley; "
        "assert parley.__file__.startswith(sys.argv[1]), parley.__file__; "
        "sys.argv = ['parley', 'demo']; from parley.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "3 stored" in result.stdout and "seed-002" in result.stdout
