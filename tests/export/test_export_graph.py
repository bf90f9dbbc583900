"""GraphML and GEXF exports of the five seeds, read back with networkx."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from supplytrace.analyze import api
from supplytrace.export import ExportData
from supplytrace.export.common import confidence
from supplytrace.export.graph import node_key
from supplytrace.store import Store


def read(path: Path, fmt: str) -> nx.MultiDiGraph:
    g = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert g.is_directed() and g.is_multigraph()
    return g


@pytest.fixture(params=["graphml", "gexf"])
def graph(request: pytest.FixtureRequest, exports: dict[str, Path]) -> nx.MultiDiGraph:
    return read(exports[request.param], request.param)


def test_nodes_are_the_entities(graph: nx.MultiDiGraph, data: ExportData, seed_store: Store) -> None:
    entities = api.entities(seed_store)
    assert graph.number_of_nodes() == len(entities) == len(data.entities)
    for e in entities:
        attrs = graph.nodes[node_key(e.id)]
        assert attrs["label"] == e.name
        assert attrs["type"] == e.type
        assert int(attrs["documents"]) == e.documents and int(attrs["origins"]) == e.origins
        if e.aliases:
            assert attrs["aliases"].split("; ") == e.aliases
        if e.country:
            assert attrs["country"] == e.country


def test_edges_are_the_network(graph: nx.MultiDiGraph, seed_store: Store) -> None:
    _, edges = api.graph(seed_store)
    want = Counter((node_key(e.source_id), node_key(e.target_id), e.predicate, e.claim_id) for e in edges)
    got = Counter((u, v, d["predicate"], d["claim_id"]) for u, v, d in graph.edges(data=True))
    assert got == want
    claims = {c.id: c for c in api.claims(seed_store)}
    for _, _, d in graph.edges(data=True):
        c = claims[d["claim_id"]]
        assert int(d["confidence"]) == confidence(c)
        assert int(d["n_origins"]) == c.n_origins
        assert d["modality"] == c.modality
        if c.evidence:
            assert d["evidence"] == c.evidence[0].text


def test_integral_to_kh101(graph: nx.MultiDiGraph, seed_store: Store) -> None:
    integral, kh101 = api.find_entity(seed_store, "Integral"), api.find_entity(seed_store, "Kh-101")
    assert integral is not None and kh101 is not None
    assert "Интеграл" in graph.nodes[node_key(integral.id)]["aliases"]
    between = graph.get_edge_data(node_key(integral.id), node_key(kh101.id))
    assert between and {d["predicate"] for d in between.values()} == {"used_in"}
    # Gephi's view of the supply chain: from Integral to the weapon through the network
    assert nx.has_path(graph, node_key(integral.id), node_key(kh101.id))


def test_node_types_cover_the_vocabulary(graph: nx.MultiDiGraph) -> None:
    types = {d["type"] for _, d in graph.nodes(data=True)}
    assert {"organization", "person", "place", "weapon_system", "product"} <= types
