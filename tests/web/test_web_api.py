"""The JSON API over the seed store: what an API user sees."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from supplytrace.vocab import EntityType, Predicate


def _integral(client: TestClient) -> dict:
    ents = client.get("/api/entities", params={"q": "Integral", "type": "organization"}).json()
    assert ents, "Integral not found"
    return next(e for e in ents if e["name"] == "Integral")


def test_status_and_vocab(client: TestClient) -> None:
    st = client.get("/api/status").json()
    assert st["documents"] == 5 and st["analysis"] is True and st["writable"] is False
    vocab = client.get("/api/vocab").json()
    assert vocab["entity_types"] == [str(t) for t in EntityType]
    assert vocab["predicates"] == [str(p) for p in Predicate]


def test_documents_list_and_document_with_mention_offsets(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 3}).json()
    assert page["total"] == 5 and len(page["items"]) == 3
    doc_id = page["items"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["mentions"], "no mentions"
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert any(m["entity_id"] is not None for m in doc["mentions"])
    for c in doc["claims"]:
        if c["evidence_start"] is not None:
            assert doc["text"][c["evidence_start"]:c["evidence_end"]].split() == c["evidence"].split()
    assert client.get("/api/documents/nope").status_code == 404


def test_search_finds_entity_and_articles(client: TestClient) -> None:
    res = client.get("/api/search", params={"q": "Integral"}).json()
    assert any(e["name"] == "Integral" for e in res["entities"])
    assert res["documents"] and all("[[" in h["snippet"] for h in res["documents"])
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    # FTS syntax in the query is just words
    assert client.get("/api/search", params={"q": 'NEAR("a" OR *) "'}).status_code == 200


def test_entities_filters(client: TestClient) -> None:
    weapons = client.get("/api/entities", params={"type": "weapon_system"}).json()
    assert weapons and all(e["type"] == "weapon_system" for e in weapons)
    assert {"Kh-101", "Iskander"} <= {e["name"] for e in weapons}
    assert client.get("/api/entities", params={"type": "spaceship"}).status_code == 422


def test_entity_detail_names_claims_evidence(client: TestClient) -> None:
    integral = _integral(client)
    for ref in (integral["id"], "Integral", "JSC Integral"):
        d = client.get(f"/api/entities/{ref}").json()
        assert d["entity"]["id"] == integral["id"]
    names = {n["name"]: n for n in d["names"]}
    assert "JSC Integral" in names and names["JSC Integral"]["rule"]
    used_in = [c for c in d["claims"] if c["predicate"] == "used_in" and c["object_name"] == "Kh-101"]
    assert used_in, "Integral -> Kh-101 missing"
    claim = used_in[0]
    assert claim["n_origins"] == len(claim["origins"]) >= 1
    assert claim["articles"] >= 2
    ev = claim["evidence"][0]
    doc = client.get(f"/api/documents/{ev['doc_id']}").json()
    assert ev["start"] is not None and doc["text"][ev["start"]:ev["end"]].split() == ev["text"].split()
    assert client.get("/api/entities/99999999").status_code == 404
    assert client.get("/api/entities/no such thing at all").status_code == 404


def test_claims_filters(client: TestClient) -> None:
    all_claims = client.get("/api/claims").json()
    produces = client.get("/api/claims", params={"predicate": "produces"}).json()
    assert produces and all(c["predicate"] == "produces" for c in produces) and len(produces) < len(all_claims)
    strong = client.get("/api/claims", params={"min_origins": 2}).json()
    assert strong and all(c["n_origins"] >= 2 for c in strong)
    integral = _integral(client)
    mine = client.get("/api/claims", params={"entity": "Integral"}).json()
    assert mine and all(integral["id"] in (c["subject_id"], c["object_id"]) for c in mine)
    assert client.get("/api/claims", params={"entity": "nobody-at-all"}).json() == []


def test_conflicts_and_timeline(client: TestClient) -> None:
    conflicts = client.get("/api/conflicts").json()
    assert conflicts and any(c["kind"] == "contradiction" for c in conflicts)
    assert all(len(c["claims"]) >= 2 or c["kind"] != "contradiction" for c in conflicts)
    events = client.get("/api/timeline").json()
    assert {e["status"] for e in events} == {"planned", "done"}
    integral = client.get("/api/timeline", params={"entity": "Zenit-BelOMO"}).json()
    assert integral and all(e["entity_name"] == "Zenit-BelOMO" for e in integral)
    assert client.get("/api/entities/Zenit-BelOMO/timeline").status_code == 200


def test_graph_and_neighbourhood(client: TestClient) -> None:
    g = client.get("/api/graph").json()
    ids = {n["id"] for n in g["nodes"]}
    assert len(ids) > 10 and g["edges"]
    assert all(e["source_id"] in ids and e["target_id"] in ids for e in g["edges"])
    only = client.get("/api/graph", params=[("type", "organization"), ("type", "weapon_system"),
                                            ("predicate", "used_in")]).json()
    assert only["edges"] and all(e["predicate"] == "used_in" for e in only["edges"])
    assert {n["type"] for n in only["nodes"]} <= {"organization", "weapon_system"}
    integral = _integral(client)
    hood = client.get(f"/api/entities/{integral['id']}/network", params={"depth": 1}).json()
    names = {n["name"] for n in hood["nodes"]}
    assert {"Integral", "Kh-101"} <= names
    steps = client.get("/api/path", params={"a": "Integral", "b": "Kh-101"}).json()
    assert steps and steps[0]["entity"]["name"] == "Integral" and steps[-1]["entity"]["name"] == "Kh-101"


@pytest.mark.parametrize("fmt", ["jsonl", "graphml", "csv"])
def test_export_download(client: TestClient, fmt: str) -> None:
    formats = client.get("/api/status").json()["export_formats"]
    if fmt not in formats:
        pytest.skip(f"export format {fmt} not available")
    r = client.get(f"/api/export/{fmt}")
    assert r.status_code == 200, r.text
    assert "attachment" in r.headers["content-disposition"] and len(r.content) > 100
    if fmt == "csv":
        assert r.content[:2] == b"PK"  # a folder of tables comes zipped
    assert client.get("/api/export/docx").status_code == 404


def test_screening_not_configured_is_404(client: TestClient) -> None:
    assert client.get("/api/screening").status_code == 404


def test_openapi_has_response_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/entities/{ref}" in spec["paths"]
    schema = spec["paths"]["/api/entities/{ref}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("EntityDetailOut")
    assert {"ClaimOut", "EvidenceOut", "ConflictOut", "GraphOut"} <= set(spec["components"]["schemas"])
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/status", "/static/style.css"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
