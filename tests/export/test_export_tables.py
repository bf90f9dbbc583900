"""CSV folder and JSON-lines exports of the five seeds, read back with csv and json."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from supplytrace.analyze import api
from supplytrace.export import ExportData
from supplytrace.export.common import claim_text, confidence
from supplytrace.store import Store


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_and_counts(exports: dict[str, Path], data: ExportData, seed_store: Store) -> None:
    folder = exports["csv"]
    assert sorted(p.name for p in folder.iterdir()) == ["claims.csv", "entities.csv", "evidence.csv"]
    entities, claims, evidence = (rows(folder, n) for n in ("entities.csv", "claims.csv", "evidence.csv"))
    api_claims = api.claims(seed_store)
    assert len(entities) == len(api.entities(seed_store)) == len(data.entities)
    assert len(claims) == len(api_claims)
    assert len(evidence) == sum(len(c.evidence) for c in api_claims)
    assert {r["claim_id"] for r in evidence} <= {r["id"] for r in claims}


def test_csv_integral_and_its_claims(exports: dict[str, Path], seed_store: Store) -> None:
    folder = exports["csv"]
    integral, kh101 = api.find_entity(seed_store, "Integral"), api.find_entity(seed_store, "Kh-101")
    assert integral is not None and kh101 is not None
    row = next(r for r in rows(folder, "entities.csv") if r["id"] == str(integral.id))
    assert row["name"] == integral.name and row["type"] == "organization"
    assert row["aliases"].split("; ") == integral.aliases
    assert int(row["documents"]) == integral.documents and int(row["origins"]) == integral.origins
    claim = next(c for c in api.claims(seed_store, predicate="used_in", entity_id=integral.id)
                 if c.object_id == kh101.id)
    crow = next(r for r in rows(folder, "claims.csv") if r["id"] == claim.id)
    assert crow["subject_name"] == integral.name and crow["object_name"] == kh101.name
    assert crow["predicate"] == "used_in" and crow["modality"] == claim.modality
    assert crow["text"] == claim_text(claim) and int(crow["confidence"]) == confidence(claim)
    assert int(crow["n_origins"]) == claim.n_origins and crow["origins"] == "; ".join(claim.origins)
    ev_rows = [r for r in rows(folder, "evidence.csv") if r["claim_id"] == claim.id]
    assert [r["text"] for r in ev_rows] == [ev.text for ev in claim.evidence]
    assert [r["attributed_to"] for r in ev_rows] == ["; ".join(ev.attributed_to) for ev in claim.evidence]
    assert [r["doc_id"] for r in ev_rows] == [ev.doc_id for ev in claim.evidence]


def test_csv_every_evidence_sentence(exports: dict[str, Path], data: ExportData) -> None:
    got = Counter((r["claim_id"], r["text"]) for r in rows(exports["csv"], "evidence.csv"))
    want = Counter((c.id, ev.text) for c in data.claims for ev in c.evidence)
    assert got == want


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_lines_parse_and_count(exports: dict[str, Path], data: ExportData, seed_store: Store) -> None:
    items = read_jsonl(exports["jsonl"])
    kinds = Counter(i["kind"] for i in items)
    _, edges = api.graph(seed_store)
    assert kinds == {"document": len(seed_store.documents()), "entity": len(api.entities(seed_store)),
                     "claim": len(api.claims(seed_store)), "edge": len(edges)}
    docs = [i for i in items if i["kind"] == "document"]
    assert all("text" not in d for d in docs)  # metadata only, never the article text
    assert {d["id"] for d in docs} == {d.id for d in data.documents}


def test_jsonl_round_trips_the_records(exports: dict[str, Path], data: ExportData) -> None:
    items = read_jsonl(exports["jsonl"])
    entities = {i["id"]: i for i in items if i["kind"] == "entity"}
    for e in data.entities:
        assert {k: v for k, v in entities[e.id].items() if k != "kind"} == json.loads(json.dumps(asdict(e)))
    claims = {i["id"]: i for i in items if i["kind"] == "claim"}
    for c in data.claims:
        got = claims[c.id]
        assert got["evidence"] == json.loads(json.dumps([asdict(ev) for ev in c.evidence], default=str))
        assert got["n_origins"] == c.n_origins and got["confidence"] == confidence(c)
    edges = [i for i in items if i["kind"] == "edge"]
    assert [(e["source_id"], e["target_id"], e["predicate"], e["claim_id"]) for e in edges] == [
        (e.source_id, e.target_id, e.predicate, e.claim_id) for e in data.edges]


def test_jsonl_integral_used_in_kh101(exports: dict[str, Path], seed_store: Store) -> None:
    integral, kh101 = api.find_entity(seed_store, "Integral"), api.find_entity(seed_store, "Kh-101")
    assert integral is not None and kh101 is not None
    items = read_jsonl(exports["jsonl"])
    found = [i for i in items if i["kind"] == "claim" and i["subject_id"] == integral.id
             and i["object_id"] == kh101.id]
    assert len(found) == 1 and found[0]["predicate"] == "used_in" and found[0]["evidence"]
    ent = next(i for i in items if i["kind"] == "entity" and i["id"] == integral.id)
    assert ent["aliases"] == integral.aliases
