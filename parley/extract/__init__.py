"""Annotated Doc -> records: the contract of `parley extract --format gold|json`."""

from __future__ import annotations

from parley.extract.run import Extractor

__all__ = ["Extractor"]
