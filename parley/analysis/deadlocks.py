"""Preconditions, deadlocks and ordered plans (`parley deadlocks`), on networkx.

**Graph.** A node is a commitment: a party and an issue it would act on. Each party's
*current* positions count: per party and issue, those of the latest date (a condition
dropped later no longer binds). A position that makes issues a precondition ("will not
withdraw until Hezbollah disarms": ISR, withdrawal, requires disarmament) gives an edge from
(ISR, withdrawal) to every other party's conditioned commitment on the required issue, or,
when no other party has one, to the open node (``*``, disarmament). Each edge keeps the
positions that state it.

**Deadlock.** A cycle of the graph whose nodes belong to at least two parties: A waits for B
while B waits for A (cycles up to ``max_length`` nodes). Each comes with its edges'
evidence and dates, and the **proposals** of the store whose issues touch the cycle (a
position with stance ``propose``, or an event of kind ``proposal``) as candidate ways out.

**Plan.** The sequencing a party asks for: its own preconditions as an order of issues
(required issues first), from a topological sort of its requirement edges.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from parley.analysis.positions import Stated, stated_positions
from parley.analysis.timeline import event_mentions
from parley.store import Store

OPEN = "*"
MAX_LENGTH = 4
Node = tuple[str, str]  # (party, issue)


@dataclass(frozen=True)
class Edge:
    """``waiter`` will act on ``issue`` only after ``by`` acts on ``requires``."""

    waiter: str
    issue: str
    by: str
    requires: str
    evidence: tuple[Stated, ...]


@dataclass(frozen=True)
class Proposal:
    """A proposal found in the store: who put it forward, on which issues, where it is said."""

    actor: str | None
    issues: tuple[str, ...]
    date: str | None
    doc_id: str
    sentence: str
    start: int
    end: int
    record_kind: str


@dataclass
class Deadlock:
    """A cycle of preconditions across parties, its evidence and candidate ways out."""

    nodes: list[Node]
    edges: list[Edge]
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for p, _ in self.nodes))

    @property
    def issues(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for _, i in self.nodes))

    @property
    def readable(self) -> str:
        """``ISR: withdrawal <- HEZ: disarmament <- ISR: withdrawal``."""
        steps = [f"{p}: {i}" for p, i in [*self.nodes, self.nodes[0]]]
        return " <- ".join(steps)


def current_positions(stated: list[Stated]) -> dict[Node, list[Stated]]:
    """Per (party, issue), the positions of the latest date."""
    latest: dict[Node, list[Stated]] = {}
    for item in sorted(stated, key=lambda s: (s.date or "", s.doc_id, s.start)):
        key = (item.party, item.issue)
        held = latest.get(key)
        if held is None or (item.date or "") > (held[0].date or ""):
            latest[key] = [item]
        else:
            held.append(item)
    return latest


def precondition_graph(stated: list[Stated]) -> nx.DiGraph[Node]:
    """The graph of the module doc; edges carry ``evidence`` (a list of Stated)."""
    current = current_positions(stated)
    conditioned: dict[str, list[Node]] = defaultdict(list)
    for (party_, issue), items in current.items():
        if any(item.requires for item in items):
            conditioned[issue].append((party_, issue))
    graph: nx.DiGraph[Node] = nx.DiGraph()
    for node, items in current.items():
        graph.add_node(node, stance=items[-1].stance)
    for (waiter, issue), items in current.items():
        for item in items:
            for required in item.requires:
                targets = [n for n in conditioned.get(required, []) if n[0] != waiter]
                for target in targets or [(OPEN, required)]:
                    if not graph.has_node(target):
                        graph.add_node(target, stance=None)
                    if graph.has_edge((waiter, issue), target):
                        graph.edges[(waiter, issue), target]["evidence"].append(item)
                    else:
                        graph.add_edge((waiter, issue), target, evidence=[item])
    return graph


def _edge(graph: nx.DiGraph[Node], source: Node, target: Node) -> Edge:
    evidence = tuple(graph.edges[source, target]["evidence"])
    return Edge(source[0], source[1], target[0], target[1], evidence)


def proposals(store: Store, stated: list[Stated] | None = None) -> list[Proposal]:
    """Proposals in the store: positions with stance ``propose`` and ``proposal`` events,
    one per sentence."""
    found = [
        Proposal(s.actor, (s.issue,), s.date, s.doc_id, s.sentence, s.start, s.end, "position")
        for s in (stated if stated is not None else stated_positions(store))
        if s.stance == "propose"
    ]
    found += [
        Proposal(
            m.a[0] if m.a else None,
            m.issues,
            m.date or (m.published or "")[:10] or None,
            m.doc_id,
            m.sentence,
            m.start,
            m.end,
            "event",
        )
        for m in event_mentions(store)
        if m.kind == "proposal"
    ]
    merged: dict[tuple[str, int], Proposal] = {}
    for offer in found:  # a sentence that is both a position and an event is one proposal
        key = (offer.doc_id, offer.start)
        held = merged.get(key)
        if held is None:
            merged[key] = offer
        else:
            issues = tuple(dict.fromkeys((*held.issues, *offer.issues)))
            merged[key] = dataclasses.replace(held, issues=issues, actor=held.actor or offer.actor)
    return sorted(merged.values(), key=lambda p: (p.date or "", p.doc_id, p.start))


def deadlocks(store: Store, *, max_length: int = MAX_LENGTH) -> list[Deadlock]:
    """Every cross-party cycle of preconditions, with evidence and candidate ways out."""
    return analyse(store, max_length=max_length)[1]


def analyse(
    store: Store,
    *,
    max_length: int = MAX_LENGTH,
    where: Callable[[Stated], bool] | None = None,
) -> tuple[nx.DiGraph[Node], list[Deadlock]]:
    """The precondition graph (edges of a deadlock marked ``cycle=True``) and the deadlocks;
    ``where`` keeps only the positions it accepts (say, those stated before a date)."""
    stated = [s for s in stated_positions(store) if where is None or where(s)]
    graph = precondition_graph(stated)
    offers = proposals(store, stated)
    found = []
    for cycle in nx.simple_cycles(graph, length_bound=max_length):
        parties = {p for p, _ in cycle}
        if len(parties) < 2 or OPEN in parties:
            continue
        start = cycle.index(min(cycle))  # a stable rotation, for stable output
        nodes: list[Node] = cycle[start:] + cycle[:start]
        edges = [_edge(graph, a, b) for a, b in zip(nodes, [*nodes[1:], nodes[0]], strict=True)]
        issues = {i for _, i in nodes}
        ways_out = [p for p in offers if issues & set(p.issues)]
        found.append(Deadlock(nodes, edges, ways_out))
        for a, b in zip(nodes, [*nodes[1:], nodes[0]], strict=True):
            graph.edges[a, b]["cycle"] = True
    return graph, sorted(found, key=lambda d: (len(d.nodes), d.nodes))


def plans(store: Store) -> dict[str, list[str]]:
    """Per party, the order of issues its current preconditions ask for (first things
    first); a party whose own conditions form a cycle gets them in statement order."""
    edges: dict[str, nx.DiGraph[str]] = defaultdict(nx.DiGraph)
    for (party_, issue), items in current_positions(stated_positions(store)).items():
        for item in items:
            for required in item.requires:
                if required != issue:
                    edges[party_].add_edge(required, issue)
    ordered = {}
    for party_, graph in sorted(edges.items()):
        try:
            ordered[party_] = list(nx.lexicographical_topological_sort(graph))
        except nx.NetworkXUnfeasible:
            ordered[party_] = list(graph.nodes)
    return ordered
