"""Position histories, shifts, the precondition graph, deadlocks and commitments, on records
written to a real store by hand (tests/analysis/test_positions_corpus.py runs articles)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx

from parley.analysis.commitments import commitments, deadline_day
from parley.analysis.deadlocks import analyse, deadlocks, plans
from parley.analysis.positions import histories
from parley.records import Document, Evidence, Extraction, Position
from parley.store import SqlStore
from tests.conftest import event_record

TEXT = "A sentence that states a position or a happening, for the evidence span. " * 6


def _position(
    doc: str,
    start: int,
    actor: str,
    issue: str,
    stance: str = "condition",
    requires: tuple[str, ...] = (),
) -> Position:
    return Position(
        actor=actor,
        issue=issue,
        stance=stance,
        requires=requires,
        cue="until",
        cue_start=start,
        cue_end=start + 5,
        date=None,
        evidence=Evidence(doc, start, start + 70),
        confidence=0.8,
    )


def _event(doc: str, start: int, kind: str, status: str, date: str | None, a=("ISR.MIL",)):
    return event_record(doc, start, kind=kind, status=status, date=date, a=a)


def _write(store: SqlStore, doc_id: str, published: str, *, positions=(), events=()) -> None:
    document = Document(id=doc_id, text=TEXT, published=published, outlet=f"Outlet {doc_id}")
    records = Extraction(document, positions=tuple(positions), events=tuple(events))
    store.write_document(document, signature=None, near=[], records=records)


def _mutual(store: SqlStore) -> None:
    _write(
        store,
        "one",
        "2025-03-01",
        positions=[_position("one", 0, "ISR.GOV", "withdrawal", requires=("disarmament",))],
    )
    _write(
        store,
        "two",
        "2025-03-02",
        positions=[_position("two", 0, "HEZ", "disarmament", requires=("withdrawal",))],
    )


def test_mutual_preconditions_are_a_deadlock_with_evidence_and_a_way_out(store) -> None:
    _mutual(store)
    _write(
        store,
        "three",
        "2025-03-05",
        positions=[_position("three", 0, "USA.GOV", "withdrawal", stance="propose")],
        events=[_event("three", 80, "proposal", "proposed", None, a=("FRA",))],
    )
    found = deadlocks(store)
    assert len(found) == 1
    lock = found[0]
    assert lock.readable == "HEZ: disarmament <- ISR: withdrawal <- HEZ: disarmament"
    assert set(lock.parties) == {"ISR", "HEZ"}
    assert [(e.waiter, e.issue, e.by, e.requires) for e in lock.edges] == [
        ("HEZ", "disarmament", "ISR", "withdrawal"),
        ("ISR", "withdrawal", "HEZ", "disarmament"),
    ]
    assert [e.evidence[0].doc_id for e in lock.edges] == ["two", "one"]
    assert [(p.actor, p.record_kind) for p in lock.proposals] == [
        ("USA.GOV", "position"),
        ("FRA", "event"),
    ]
    assert plans(store) == {
        "HEZ": ["withdrawal", "disarmament"],
        "ISR": ["disarmament", "withdrawal"],
    }


def test_mutual_ceasefire_condition_is_a_deadlock(store) -> None:
    for doc, actor in (("one", "ISR.GOV"), ("two", "HEZ")):
        _write(
            store,
            doc,
            "2025-03-01",
            positions=[_position(doc, 0, actor, "ceasefire", requires=("ceasefire",))],
        )
    assert [d.readable for d in deadlocks(store)] == [
        "HEZ: ceasefire <- ISR: ceasefire <- HEZ: ceasefire"
    ]


def test_no_deadlock_without_mutual_conditions(store) -> None:
    _write(
        store,
        "one",
        "2025-03-01",
        positions=[
            _position("one", 0, "ISR.GOV", "withdrawal", requires=("disarmament",)),
            _position("one", 80, "LBN.GOV", "army_deployment", requires=("withdrawal",)),
            _position("one", 160, "HEZ", "disarmament", stance="oppose"),
        ],
    )
    assert deadlocks(store) == []
    graph, _ = analyse(store)
    assert graph.has_edge(("ISR", "withdrawal"), ("*", "disarmament"))
    assert graph.has_edge(("LBN", "army_deployment"), ("ISR", "withdrawal"))
    assert nx.is_directed_acyclic_graph(graph)


def test_a_dropped_condition_breaks_the_deadlock_and_is_a_shift(store) -> None:
    _mutual(store)
    _write(
        store,
        "four",
        "2025-03-10",
        positions=[_position("four", 0, "HEZ", "disarmament", stance="support")],
    )
    assert deadlocks(store) == []
    (history,) = histories(store, actor="HEZ")
    assert [s.stance for s in history.stated] == ["condition", "support"]
    (shift,) = history.shifts
    assert (shift.before.doc_id, shift.after.doc_id) == ("two", "four")
    assert shift.before.date == "2025-03-02" and shift.after.date == "2025-03-10"
    assert histories(store, issue="withdrawal")[0].party == "ISR"


def test_commitments_met_missed_pending_and_partly(store) -> None:
    _write(
        store,
        "promise",
        "2025-01-20",
        events=[
            _event("promise", 0, "withdrawal", "planned", "2025-02-18"),
            _event("promise", 80, "release", "planned", "2025-02", a=("ISR",)),
            _event("promise", 160, "talks", "planned", "2025-04-01", a=("LBN",)),
            _event("promise", 240, "deployment", "planned", "2025-02-10", a=("LBN.MIL",)),
        ],
    )
    _write(
        store,
        "later",
        "2025-03-01",
        events=[
            _event("later", 0, "release", "occurred", "2025-02-25", a=("ISR.GOV",)),
            _event("later", 80, "withdrawal", "occurred", "2025-02-28"),  # after the deadline
        ],
    )
    document = Document(
        id="partial", text="The army partially deployed in the south. " * 3, published="2025-02-09"
    )
    partial = _event("partial", 0, "deployment", "occurred", None, a=("LBN.MIL",))
    store.write_document(
        document, signature=None, near=[], records=Extraction(document, events=(partial,))
    )
    status = {c.kind: c.status for c in commitments(store)}
    assert status == {
        "deployment": "partly met",
        "withdrawal": "missed",
        "release": "met",
        "talks": "pending",
    }
    missed = next(c for c in commitments(store, status="missed"))
    assert [m.doc_id for m in missed.evidence] == ["later"]
    assert deadline_day("2025-02").isoformat() == "2025-02-28"
    assert deadline_day("2025-W36").isoformat() == "2025-09-07"
    assert deadline_day("PRESENT_REF") is None


def test_cli_positions_deadlocks_commitments_and_graph(cli, tmp_path) -> None:
    from parley.store import open_store

    store = open_store(tmp_path / "cli.db")
    _mutual(store)
    store.close()
    matrix = cli("positions")
    assert matrix.code == 0 and "COND<disarmament" in matrix.out
    data = json.loads(cli("positions", "--format", "json", "--actor", "HEZ").out)
    assert [(h["party"], h["issue"]) for h in data] == [("HEZ", "disarmament")]
    locks = cli("deadlocks")
    assert "#1 HEZ: disarmament <- ISR: withdrawal <- HEZ: disarmament" in locks.out
    assert json.loads(cli("deadlocks", "--format", "json").out)["plans"]["ISR"] == [
        "disarmament",
        "withdrawal",
    ]
    assert cli("commitments").out.startswith("No dated commitments")
    graphml = cli("export", "graph").out
    root = ET.parse(io.StringIO(graphml)).getroot()
    assert len(root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == 2
    dot = cli("export", "graph", "--format", "dot").out
    assert dot.startswith("digraph preconditions {") and dot.count('color="red"') == 2
    assert '"ISR:withdrawal" -> "HEZ:disarmament"' in dot
    assert cli("deadlocks", "--format", "xml").code == 2


def test_stance_day() -> None:
    from parley.analysis.positions import stance_day

    assert stance_day("2025-03-10", "2025-03-11T09:00:00") == "2025-03-10"  # "on Monday"
    assert stance_day("1967", "2025-03-11") == "2025-03-11"  # the topic's year
    assert stance_day("2024-01-05", "2025-03-11") == "2025-03-11"  # a distant date
    assert stance_day("2025-04-01", "2025-03-11") == "2025-03-11"  # a future date
    assert stance_day("PRESENT_REF", None) is None
    assert stance_day("2025-03-10", None) == "2025-03-10"
