"""The precondition graph for graph tools: GraphML (networkx's writer) and Graphviz DOT.

Node ids are ``PARTY:issue``; each node has ``party``, ``issue`` and ``stance`` (the latest);
each edge has ``requires`` (the issue), ``evidence`` (the sentences, joined) and
``documents``. The DOT text is written here (a few lines; escaping in one place), so that no
Graphviz binding is needed; edges of a deadlock are drawn red.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import networkx as nx

if TYPE_CHECKING:
    from parley.analysis.deadlocks import Node


def _node_id(node: Node) -> str:
    return f"{node[0]}:{node[1]}"


def plain_graph(graph: nx.DiGraph[Node]) -> nx.DiGraph[str]:
    """The graph with string ids and string/number attributes only (what GraphML holds)."""
    plain: nx.DiGraph[str] = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        plain.add_node(
            _node_id(node), party=node[0], issue=node[1], stance=data.get("stance") or ""
        )
    for source, target, data in graph.edges(data=True):
        evidence = data.get("evidence", [])
        plain.add_edge(
            _node_id(source),
            _node_id(target),
            requires=target[1],
            evidence=" | ".join(" ".join(s.sentence.split()) for s in evidence),
            documents=" ".join(sorted({s.doc_id for s in evidence})),
            cycle=bool(data.get("cycle")),
        )
    return plain


def _quote(text: str) -> str:
    """A DOT string: backslashes and quotes escaped, line breaks as DOT's ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def write_graphml(graph: nx.DiGraph[Node], stream: TextIO) -> None:
    for line in nx.generate_graphml(plain_graph(graph)):
        stream.write(line + "\n")


def write_dot(graph: nx.DiGraph[Node], stream: TextIO) -> None:
    plain = plain_graph(graph)
    stream.write("digraph preconditions {\n  rankdir=LR;\n  node [shape=box];\n")
    for node, data in plain.nodes(data=True):
        label = f"{data['party']}\n{data['issue']}" + (
            f"\n({data['stance']})" if data["stance"] else ""
        )
        stream.write(f"  {_quote(node)} [label={_quote(label)}];\n")
    for source, target, data in plain.edges(data=True):
        colour = ' color="red"' if data["cycle"] else ""
        stream.write(
            f"  {_quote(source)} -> {_quote(target)} [label={_quote('requires')}"
            f" tooltip={_quote(data['evidence'])}{colour}];\n"
        )
    stream.write("}\n")


# format name -> writer(graph, stream)
GRAPH_WRITERS: dict[str, Callable[[nx.DiGraph[Node], TextIO], None]] = {
    "graphml": write_graphml,
    "dot": write_dot,
}
