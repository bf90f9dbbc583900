"""FollowTheMoney export of the five seeds, read back with followthemoney itself."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.types import registry

from supplytrace.analyze import api
from supplytrace.export import ExportData
from supplytrace.export.common import claim_text
from supplytrace.export.ftm import claim_entity_id, doc_entity_id, entity_id
from supplytrace.store import Store

LINK_SCHEMATA = {"UnknownLink", "Ownership", "Membership"}


def read(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.strip() for line in lines)
    return [json.loads(line) for line in lines]


@pytest.fixture
def ftm(exports: dict[str, Path]) -> dict[str, dict]:
    rows = read(exports["ftm"])
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), "duplicate FtM ids"
    return by_id


def test_every_line_is_a_valid_ftm_entity(ftm: dict[str, dict]) -> None:
    for raw in ftm.values():
        schema = model.get(raw["schema"])
        assert schema is not None and not schema.abstract, raw["schema"]
        proxy = model.get_proxy(raw, cleaned=False)  # cleans every value through the FtM type system
        assert proxy.id == raw["id"]
        for prop, values in raw["properties"].items():
            assert prop in schema.properties, (raw["schema"], prop)
            assert values and all(isinstance(v, str) for v in values), (raw["id"], prop)
            # nothing was dropped as invalid by the type system
            assert len(proxy.get(prop)) == len(set(values)), (raw["id"], prop, values, proxy.get(prop))
        assert proxy.caption, raw["id"]


def test_links_point_at_entities_in_the_file(ftm: dict[str, dict]) -> None:
    dangling = []
    for raw in ftm.values():
        proxy = model.get_proxy(raw)
        for prop, value in proxy.itervalues():
            if prop.type == registry.entity and value not in ftm:
                dangling.append((raw["id"], prop.name, value))
    assert not dangling


def test_counts_equal_the_analyze_api(ftm: dict[str, dict], data: ExportData, seed_store: Store) -> None:
    schemata = Counter(r["schema"] for r in ftm.values())
    assert schemata["Article"] == len(data.documents) == len(seed_store.documents()) == 5
    parties = [r for r in ftm.values() if r["id"].startswith("supplytrace-entity-")]
    assert len(parties) == len(api.entities(seed_store)) == len(data.entities)
    links = [r for r in ftm.values() if r["schema"] in LINK_SCHEMATA]
    _, edges = api.graph(seed_store)
    assert len(links) == len(edges) == len(data.edges)
    # every consolidated claim is either a link (one per network edge) or a note
    claims = api.claims(seed_store)
    linked = {e.claim_id for e in edges}
    assert schemata["Note"] == len([c for c in claims if c.id not in linked])
    recorded = {v for r in links for v in r["properties"].get("recordId", [])}
    assert recorded == linked


def test_integral_with_its_aliases(ftm: dict[str, dict], seed_store: Store) -> None:
    integral = api.find_entity(seed_store, "Integral")
    assert integral is not None and len(integral.aliases) >= 3
    raw = ftm[entity_id(integral.id)]
    assert raw["schema"] == "Organization"
    props = raw["properties"]
    assert props["name"] == [integral.name]
    assert set(props["alias"]) == {a for a in integral.aliases if a != integral.name}
    assert "Интеграл" in integral.aliases and "Интеграл" in props["alias"]  # the Cyrillic name survives
    if integral.country:
        assert props["country"] == [integral.country.lower()]
    # the articles that name it are its proof
    assert props["proof"] and all(ftm[p]["schema"] == "Article" for p in props["proof"])


def links_between(ftm: dict[str, dict], a: int, b: int) -> list[dict]:
    out = []
    for r in ftm.values():
        props = r["properties"]
        ends = {*props.get("subject", []), *props.get("asset", []), *props.get("member", [])}
        targets = {*props.get("object", []), *props.get("owner", []), *props.get("organization", [])}
        if r["schema"] in LINK_SCHEMATA and entity_id(a) in ends and entity_id(b) in targets:
            out.append(r)
    return out


def test_integral_used_in_kh101_with_evidence(ftm: dict[str, dict], seed_store: Store) -> None:
    integral, kh101 = api.find_entity(seed_store, "Integral"), api.find_entity(seed_store, "Kh-101")
    assert integral is not None and kh101 is not None
    claims = [c for c in api.claims(seed_store, predicate="used_in", entity_id=integral.id)
              if c.subject_id == integral.id and c.object_id == kh101.id]
    assert len(claims) == 1
    claim = claims[0]
    links = links_between(ftm, integral.id, kh101.id)
    assert [r["id"] for r in links] == [claim_entity_id(claim.id)]
    props = links[0]["properties"]
    assert links[0]["schema"] == "UnknownLink" and props["role"] == ["used in"]
    assert props["summary"] == [claim_text(claim)]
    assert props["recordId"] == [claim.id]
    for ev in claim.evidence:
        assert ev.text.strip() in props["description"][0]
        for who in ev.attributed_to:
            assert who in props["description"][0]
    assert set(props["proof"]) == {doc_entity_id(ev.doc_id) for ev in claim.evidence}


def test_product_edges_are_links(ftm: dict[str, dict], seed_store: Store) -> None:
    """What Integral produces (an entity of its own) is linked, as in the analyze API's network."""
    integral = api.find_entity(seed_store, "Integral")
    assert integral is not None
    _, edges = api.graph(seed_store)
    produces = [e for e in edges if e.source_id == integral.id and e.predicate == "produces"]
    assert produces, "the analyze API has no produces edge from Integral"
    for edge in produces:
        links = links_between(ftm, integral.id, edge.target_id)
        assert any(r["properties"]["role"] == ["produces"] for r in links), edge


def test_every_claims_evidence_is_exported(ftm: dict[str, dict], data: ExportData) -> None:
    for c in data.claims:
        raw = ftm[claim_entity_id(c.id)]
        description = raw["properties"].get("description", [""])[0]
        for ev in c.evidence:
            assert ev.text.strip() in description, (c.id, raw["schema"])
        urls = {ev.doc_url for ev in c.evidence if ev.doc_url}
        assert set(raw["properties"].get("sourceUrl", [])) == urls


def test_articles(ftm: dict[str, dict], data: ExportData) -> None:
    for d in data.documents:
        props = ftm[doc_entity_id(d.id)]["properties"]
        assert props["title"] == [d.title or d.source or d.id]
        assert props.get("publisher", []) == ([d.outlet] if d.outlet else [])
        assert props.get("publishedAt", []) == ([d.published] if d.published else [])
