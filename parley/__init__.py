"""parley: who met whom, who demands what on what condition, and who says so — from news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parley.errors import ConfigError, InputError, ParleyError, StoreError
from parley.records import Document, Evidence

if TYPE_CHECKING:
    from parley.store import open_store

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Document",
    "Evidence",
    "InputError",
    "ParleyError",
    "StoreError",
    "__version__",
    "open_store",
]


def __getattr__(name: str) -> Any:
    # The store pulls in SQLAlchemy; load it on first use so `parley --help` stays instant.
    if name == "open_store":
        from parley.store import open_store

        return open_store
    raise AttributeError(name)
