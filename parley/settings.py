"""Every setting parley reads, declared once: name, default, help."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DB_ENV = "PARLEY_DB"


@dataclass(frozen=True)
class Setting:
    name: str
    default: int | float | str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "max_bytes", 5_000_000, "largest input accepted, in bytes (a file, URL body or line)"
        ),
        Setting("url_timeout", 15.0, "seconds to wait for a URL before giving up"),
        Setting("max_redirects", 5, "redirects followed when fetching a URL"),
        Setting(
            "near_duplicate_threshold",
            0.4,
            "estimated Jaccard similarity of word 4-grams "
            "above which two documents join one story cluster",
        ),
        Setting("minhash_permutations", 128, "MinHash permutations per document signature"),
        Setting("shingle_words", 4, "words per shingle for near-duplicate detection"),
        Setting("host", "127.0.0.1", "address `parley serve` binds to (localhost only by default)"),
        Setting("port", 8000, "port `parley serve` listens on"),
        Setting("page_size", 50, "records per page of the web pages and API lists"),
        Setting("max_page_size", 500, "largest page an API client may ask for (`limit`)"),
    )
}


def default(name: str) -> int | float | str:
    """The packaged default of one setting."""
    return SETTINGS[name].default


def default_db_path() -> Path:
    """Where the embedded store lives: ``$PARLEY_DB`` or ``parley.db`` in the user data dir."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("parley", appauthor=False)) / "parley.db"
