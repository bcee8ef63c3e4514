"""Turning files, folders, pages, JSON Lines and feeds into stored documents.

The names below load on first use, so that the CLI starts without the store or MinHash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.ingest.run import Outcome, Report, ingest
    from parley.ingest.sources import Options

__all__ = ["Options", "Outcome", "Report", "ingest"]


def __getattr__(name: str) -> Any:
    if name == "Options":
        from parley.ingest.sources import Options

        return Options
    if name in ("Outcome", "Report", "ingest"):
        from parley.ingest import run

        return getattr(run, name)
    raise AttributeError(name)
