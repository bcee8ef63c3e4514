"""Deadlocks, ways out and shifts from articles written for the test, through the whole
pipeline: two parties each make the other's step a precondition; a later article proposes a
way out; one party's stance changes between two articles."""

from __future__ import annotations

import json
from pathlib import Path

from parley.analysis.deadlocks import deadlocks, plans
from parley.analysis.positions import histories
from parley.ingest import ingest
from parley.store import SqlStore
from tests.conftest import write

ARTICLES = {
    "israel": (
        "Israeli Prime Minister Benjamin Netanyahu said on Saturday that Israel will not "
        "withdraw from the five positions until Hezbollah disarms.",
        "2025-03-01",
    ),
    "hezbollah": (
        "Hezbollah said it will not discuss disarmament until Israel withdraws from the five "
        "positions in southern Lebanon.",
        "2025-03-02",
    ),
    "demand": (
        "The Lebanese government demanded a full Israeli withdrawal from the south.",
        "2025-03-02",
    ),
    "envoy": (
        "The US envoy proposed a phased withdrawal from the five positions, starting with a "
        "pilot zone where the Lebanese army would deploy.",
        "2025-03-05",
    ),
    "shift": (
        "The Lebanese government said it supports a phased withdrawal from the five positions.",
        "2025-03-12",
    ),
}


def _ingest(store: SqlStore, folder: Path, names: list[str], extractor) -> SqlStore:
    for name in names:
        text, published = ARTICLES[name]
        path = write(folder / f"{name}.txt", text)
        meta = {"id": name, "published": published, "outlet": f"Outlet {name}"}
        write(path.with_name(f"{name}.meta.json"), json.dumps(meta))
    ingest([str(folder)], store, extractor=extractor, workers=1)
    return store


def test_mutual_preconditions_way_out_and_shift(store, tmp_path: Path, extractor) -> None:
    _ingest(store, tmp_path / "in", list(ARTICLES), extractor)
    (lock,) = deadlocks(store)
    assert set(lock.nodes) == {("ISR", "withdrawal"), ("HEZ", "disarmament")}
    evidence = {(e.waiter, e.requires): e.evidence[0] for e in lock.edges}
    assert evidence[("ISR", "disarmament")].doc_id == "israel"
    assert evidence[("HEZ", "withdrawal")].doc_id == "hezbollah"
    assert "will not discuss disarmament until" in evidence[("HEZ", "withdrawal")].sentence
    assert [(p.doc_id, p.actor) for p in lock.proposals] == [("envoy", "USA.GOV")]
    assert plans(store)["ISR"] == ["disarmament", "withdrawal"]
    lebanon = histories(store, actor="LBN", issue="withdrawal")
    (shift,) = lebanon[0].shifts
    assert (shift.before.stance, shift.after.stance) == ("demand", "support")
    assert (shift.before.doc_id, shift.after.doc_id) == ("demand", "shift")


def test_no_deadlock_without_mutual_conditions(store, tmp_path: Path, extractor) -> None:
    _ingest(store, tmp_path / "in", ["israel", "demand", "envoy", "shift"], extractor)
    assert deadlocks(store) == []
    assert plans(store) == {"ISR": ["disarmament", "withdrawal"]}
