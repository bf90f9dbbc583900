"""The network over canonical entities: who supplies whom, which products reach which weapons,
paths from an enterprise to a weapon system (networkx)."""

from __future__ import annotations

import networkx as nx

from supplytrace.analyze.types import ClaimRecord, GraphEdge

EDGE_PREDICATES = {"produces", "supplies", "used_in", "part_of", "located_in", "delivered"}


def edges_of(records: list[ClaimRecord]) -> list[GraphEdge]:
    out = []
    for r in records:
        if r.predicate not in EDGE_PREDICATES or r.subject_id is None:
            continue
        label = r.object_text or r.predicate
        if r.object_id is not None:
            out.append(GraphEdge(r.subject_id, r.object_id, r.predicate, r.id, label))
        if r.product_id is not None and r.product_id != r.object_id and r.predicate in ("produces", "supplies"):
            out.append(GraphEdge(r.subject_id, r.product_id, "produces" if r.predicate == "produces" else "supplies",
                                 r.id, label))
    return out


def build_graph(edges: list[GraphEdge]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for e in edges:
        g.add_edge(e.source_id, e.target_id, key=e.claim_id + ":" + e.predicate, edge=e)
    return g


def find_path(edges: list[GraphEdge], a: int, b: int) -> list[tuple[int, GraphEdge | None]]:
    """Shortest path from a to b following the supply direction (a part leads to its parent and back);
    failing that, any shortest connection ignoring direction. Empty if not connected."""
    directed = nx.DiGraph()
    undirected = nx.Graph()
    for e in edges:
        if e.predicate == "located_in":
            undirected.add_edge(e.source_id, e.target_id, edge=e)
            continue  # a shared city is not a supply path
        directed.add_edge(e.source_id, e.target_id, edge=e)
        if e.predicate == "part_of":
            directed.add_edge(e.target_id, e.source_id, edge=e)
        undirected.add_edge(e.source_id, e.target_id, edge=e)
    for g in (directed, undirected):
        if a in g and b in g:
            try:
                nodes = nx.shortest_path(g, a, b)
            except nx.NetworkXNoPath:
                continue
            out: list[tuple[int, GraphEdge | None]] = [(nodes[0], None)]
            for u, v in zip(nodes, nodes[1:], strict=False):
                out.append((v, g.edges[u, v]["edge"]))
            return out
    return []


def neighbours(edges: list[GraphEdge], entity_id: int, depth: int = 1) -> tuple[set[int], list[GraphEdge]]:
    g = nx.Graph()
    for e in edges:
        g.add_edge(e.source_id, e.target_id)
    if entity_id not in g:
        return {entity_id}, []
    nodes = set(nx.ego_graph(g, entity_id, radius=depth).nodes)
    return nodes, [e for e in edges if e.source_id in nodes and e.target_id in nodes]
