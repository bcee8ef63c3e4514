"""Accuracy gate (STYLE.md #13): per-layer floors on ../shared/gold, pinned in the repo.

A floor is raised when parley gets better, never silently lowered; lowering one needs a
reason in the commit message. The floors live in tests/eval_floors.json.
"""

from __future__ import annotations

import json

import pytest

from parley.eval.run import evaluate
from tests.conftest import REPO

FLOORS = json.loads((REPO / "tests" / "eval_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(shared):
    return evaluate(shared / "gold").to_dict()


@pytest.mark.parametrize("layer", sorted(FLOORS["layers"]))
def test_layer_meets_its_floor(scores, layer: str) -> None:
    measured = scores["layers"][layer]
    for metric, floor in FLOORS["layers"][layer].items():
        assert measured[metric] is not None and measured[metric] >= floor, (
            f"{layer} {metric} fell to {measured[metric]:.3f} (floor {floor})"
        )
