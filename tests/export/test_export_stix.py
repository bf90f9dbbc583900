"""STIX 2.1 export of the five seeds, parsed and validated with the stix2 library."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import stix2

from supplytrace.analyze import api
from supplytrace.export import ExportData, export
from supplytrace.export.common import claim_text, confidence
from supplytrace.export.stix import MATERIEL, sid
from supplytrace.store import Store

REF_PROPS = ("created_by_ref", "source_ref", "target_ref")


@pytest.fixture
def bundle(exports: dict[str, Path]) -> stix2.Bundle:
    text = exports["stix"].read_text(encoding="utf-8")
    parsed = stix2.parse(text, allow_custom=True)  # validates every object against the 2.1 spec
    assert isinstance(parsed, stix2.Bundle)
    return parsed


def by_type(bundle: stix2.Bundle) -> dict[str, list]:
    out: dict[str, list] = {}
    for o in bundle.objects:
        out.setdefault(o["type"], []).append(o)
    return out


def test_objects_are_stix_21_and_refs_resolve(bundle: stix2.Bundle) -> None:
    ids = Counter(o["id"] for o in bundle.objects)
    assert not [i for i, n in ids.items() if n > 1]
    for o in bundle.objects:
        assert o["spec_version"] == "2.1"
        assert o["id"].startswith(o["type"] + "--")
        for prop in REF_PROPS:
            if prop in o:
                assert o[prop] in ids, (o["id"], prop)
        for ref in o.get("object_refs", []):
            assert ref in ids, (o["id"], ref)
    # the standard objects are also valid without the custom materiel type
    for o in bundle.objects:
        if o["type"] != MATERIEL:
            stix2.parse(json.loads(o.serialize()), allow_custom=True)


def test_counts_equal_the_analyze_api(bundle: stix2.Bundle, data: ExportData, seed_store: Store) -> None:
    objs = by_type(bundle)
    entities = api.entities(seed_store)
    types = Counter(e.type for e in entities)
    identities = [o for o in objs["identity"] if o["identity_class"] != "system"]
    assert len(identities) == types["organization"] + types["person"]
    assert sum(1 for o in identities if o["identity_class"] == "individual") == types["person"]
    assert len(objs.get("location", [])) == types["place"] + types["facility"]
    assert len(objs.get(MATERIEL, [])) == types["weapon_system"] + types["product"]
    _, edges = api.graph(seed_store)
    assert len(objs["relationship"]) == len(edges) == len(data.edges)
    claims = api.claims(seed_store)
    assert len(objs["note"]) == len([c for c in claims if c.subject_id is not None])
    assert len(objs["report"]) == len(seed_store.documents()) == 5


def test_a_report_per_article(bundle: stix2.Bundle, data: ExportData) -> None:
    reports = {r["x_supplytrace_doc_id"]: r for r in by_type(bundle)["report"]}
    assert set(reports) == {d.id for d in data.documents}
    for d in data.documents:
        r = reports[d.id]
        assert r["name"] == (d.title or d.source or d.id)
        if d.published:
            assert r["published"].strftime("%Y-%m-%d").startswith(d.published[:10])
    # each report refers to the notes of the claims its article evidences
    notes = {n["x_supplytrace_claim_id"]: n for n in by_type(bundle)["note"]}
    for c in data.claims:
        if c.id in notes:
            for ev in c.evidence:
                assert notes[c.id]["id"] in reports[ev.doc_id]["object_refs"]


def test_integral_used_in_kh101(bundle: stix2.Bundle, seed_store: Store) -> None:
    integral, kh101 = api.find_entity(seed_store, "Integral"), api.find_entity(seed_store, "Kh-101")
    assert integral is not None and kh101 is not None
    objects = {o["id"]: o for o in bundle.objects}
    ident = objects[sid("identity", str(integral.id))]
    assert ident["name"] == integral.name and ident["identity_class"] == "organization"
    for alias in integral.aliases:
        if alias != integral.name:
            assert alias in ident["description"]
    weapon = objects[sid(MATERIEL, str(kh101.id))]
    assert weapon["name"] == kh101.name and set(weapon["aliases"]) == set(kh101.aliases) - {kh101.name}
    rels = [o for o in by_type(bundle)["relationship"]
            if o["source_ref"] == ident["id"] and o["target_ref"] == weapon["id"]]
    assert len(rels) == 1 and rels[0]["relationship_type"] == "used-in"
    claim = next(c for c in api.claims(seed_store, predicate="used_in", entity_id=integral.id)
                 if c.object_id == kh101.id)
    assert rels[0]["x_supplytrace_claim_id"] == claim.id
    assert rels[0]["confidence"] == confidence(claim) and 0 <= rels[0]["confidence"] <= 100
    assert rels[0]["description"] == claim_text(claim)


def test_notes_carry_evidence_and_attribution(bundle: stix2.Bundle, data: ExportData) -> None:
    notes = {n["x_supplytrace_claim_id"]: n for n in by_type(bundle)["note"]}
    rels = by_type(bundle)["relationship"]
    attributed = 0
    for c in data.claims:
        if c.subject_id is None:
            continue
        note = notes[c.id]
        assert note["abstract"] == claim_text(c)[:250]
        assert note["confidence"] == confidence(c)
        for ev in c.evidence:
            assert ev.text.strip() in note["content"]
            for who in ev.attributed_to:
                assert who in note.get("authors", [])
                attributed += 1
        # the note is about the claim's relationships (one per network edge) and its subject
        rel_ids = {r["id"] for r in rels if r["x_supplytrace_claim_id"] == c.id}
        assert len(rel_ids) == sum(1 for e in data.edges if e.claim_id == c.id)
        assert rel_ids <= set(note["object_refs"])
        subject_ids = {sid(kind, str(c.subject_id)) for kind in ("identity", "location", MATERIEL)}
        assert subject_ids & set(note["object_refs"])
    assert attributed, "no evidence in the seeds is attributed to anyone"


def test_confidence_follows_corroboration(bundle: stix2.Bundle, data: ExportData) -> None:
    rels = by_type(bundle)["relationship"]
    claims = {c.id: c for c in data.claims}
    for r in rels:
        c = claims[r["x_supplytrace_claim_id"]]
        assert r["confidence"] == confidence(c)
        assert r.get("x_supplytrace_origins", []) == c.origins
    assert any(r["confidence"] > 40 for r in rels), "no claim in the seeds has two independent origins"


def test_ids_are_stable_across_exports(seed_store: Store, data: ExportData, tmp_path: Path,
                                       exports: dict[str, Path]) -> None:
    export(seed_store, "stix", tmp_path / "again.stix.json", data=data)
    first = {o["id"] for o in json.loads(exports["stix"].read_text(encoding="utf-8"))["objects"]}
    again = {o["id"] for o in json.loads((tmp_path / "again.stix.json").read_text(encoding="utf-8"))["objects"]}
    assert first == again
