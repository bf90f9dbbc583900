"""GraphML and GEXF (Gephi, yEd, Cytoscape) via networkx.

A directed multigraph: one node per entity (attributes: label, type, country, aliases, documents,
claims, origins), one edge per consolidated claim between two entities (attributes: predicate,
label, claim_id, claim, modality, origin_names, n_origins, articles, confidence, evidence = the first
evidence sentence, sources = article URLs, outlets). Attribute values that are missing are left out
(GraphML/GEXF have no null); characters XML does not allow become spaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

from supplytrace.export.common import ExportData, claim_text, confidence, doc_urls, outlets

# characters XML 1.0 does not allow (control characters from PDFs and scraped pages, stray surrogates)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: _NOT_XML.sub(" ", v) if isinstance(v, str) else v for k, v in attrs.items()}


def node_key(entity_id: int) -> str:
    return f"e{entity_id}"


def build(data: ExportData) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="supplytrace")
    for e in data.entities:
        attrs: dict[str, Any] = {"label": e.name, "type": e.type, "documents": e.documents, "claims": e.claims,
                                 "origins": e.origins, "entity_id": e.id}
        if e.country:
            attrs["country"] = e.country
        if e.aliases:
            attrs["aliases"] = "; ".join(e.aliases)
        g.add_node(node_key(e.id), **_xml(attrs))
    for edge in data.edges:
        s, t = node_key(edge.source_id), node_key(edge.target_id)
        if s not in g or t not in g:
            continue
        attrs = {"predicate": edge.predicate, "claim_id": edge.claim_id, "label": edge.label or edge.predicate}
        c = data.claim(edge.claim_id)
        if c is not None:
            attrs.update({"claim": claim_text(c), "modality": c.modality, "n_origins": c.n_origins,
                          "articles": c.articles, "confidence": confidence(c)})
            if c.origins:
                attrs["origin_names"] = "; ".join(c.origins)
            if c.evidence:
                attrs["evidence"] = c.evidence[0].text
            if doc_urls(c):
                attrs["sources"] = "; ".join(doc_urls(c))
            if outlets(c):
                attrs["outlets"] = "; ".join(outlets(c))
        g.add_edge(s, t, key=edge.claim_id, **_xml(attrs))
    return g


def write_graphml(data: ExportData, out: Path) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    g = build(data)
    nx.write_graphml(g, out, encoding="utf-8", named_key_ids=True)
    return {"path": str(out), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def write_gexf(data: ExportData, out: Path) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    g = build(data)
    nx.write_gexf(g, out, encoding="utf-8")
    return {"path": str(out), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
