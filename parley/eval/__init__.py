"""Gold reader and scorer, shared by ``parley eval``, the tests and the benchmarks (EVAL.md)."""

from __future__ import annotations

from parley.eval.gold import GOLD_SCHEMA, LAYERS, GoldDoc, check_gold, load_gold_dir
from parley.eval.score import (
    ACCURACIES,
    LayerScore,
    Scores,
    format_table,
    match_records,
    root_id,
    score,
)

__all__ = [
    "ACCURACIES",
    "GOLD_SCHEMA",
    "LAYERS",
    "GoldDoc",
    "LayerScore",
    "Scores",
    "check_gold",
    "format_table",
    "load_gold_dir",
    "match_records",
    "root_id",
    "score",
]
