"""Resolution against the store: incremental joins, explanations, from-scratch runs, analyst overrides."""

from __future__ import annotations

from supplytrace.analyze import api
from supplytrace.resolve import add_override, resolve_all

INTEGRAL_1 = [("integral", "JSC Integral", "organization", ["Integral"], "BY"),
              ("minsk", "Minsk", "place", [], "BY")]
INTEGRAL_2 = [("int", "«Интеграл»", "organization", [], "BY"),
              ("plant", "Integral plant", "organization", [])]
INTEGRAL_3 = [("i", "Integral facility", "organization", []),
              ("luk", "Alyaksandr Lukashenka", "person", ["President Lukashenka"])]


def test_incremental_join_keeps_existing_entities(store, build, eid) -> None:
    d1 = build(store, "JSC Integral in Minsk makes chips.", INTEGRAL_1)
    first = eid(store, d1, "integral")
    n_before = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    d2 = build(store, "«Интеграл» is a plant.", INTEGRAL_2[:1])
    assert eid(store, d2, "int") == first  # joined, the world was not re-resolved
    assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == n_before
    d3 = build(store, "The Integral facility.", INTEGRAL_3)
    assert eid(store, d3, "i") == first
    rule = store.conn.execute("SELECT rule FROM entity_links WHERE doc_id = ? AND key = 'i'", (d3,)).fetchone()[0]
    assert rule == "cue-word"


def test_every_alias_records_its_rule(store, build) -> None:
    build(store, "JSC Integral in Minsk makes chips.", INTEGRAL_1)
    build(store, "«Интеграл» is a plant.", INTEGRAL_2[:1])
    d = api.entity_detail(store, "Integral")
    rules = {n.name: n.rule for n in d.names}
    assert rules["JSC Integral"] == "first-seen"
    assert rules["Integral"] == "extractor-alias"
    assert rules["«Интеграл»"] == "transliteration"
    assert all(n.detail for n in d.names)
    assert {link.rule for link in d.links} == {"new", "transliteration"}


def test_lookup_by_any_form(store, build) -> None:
    build(store, "JSC Integral in Minsk makes chips.", INTEGRAL_1)
    for name in ("integral", "OJSC Integral", "Интеграл", "JSC  INTEGRAL"):
        assert api.find_entity(store, name) is not None, name
    assert api.find_entity(store, "Integrl") is None
    assert "Integral" in api.suggest(store, "Integrl")


def test_resolve_all_reproduces_the_incremental_partition(store, build, eid) -> None:
    docs = [build(store, t, e) for t, e in (("a", INTEGRAL_1), ("b", INTEGRAL_2), ("c", INTEGRAL_3))]

    def partition() -> set[frozenset]:
        groups: dict[int, set] = {}
        for r in store.conn.execute("SELECT doc_id, key, entity_id FROM doc_entities"):
            groups.setdefault(r[2], set()).add((r[0], r[1]))
        return {frozenset(g) for g in groups.values()}

    before = partition()
    resolve_all(store)
    assert partition() == before
    assert eid(store, docs[0], "integral") is not None


def test_merge_override_survives_re_resolution(store, build, eid) -> None:
    d1 = build(store, "Zavod SVT", [("svt", "Zavod SVT", "organization", [], "BY")])
    d2 = build(store, "Amkodor", [("amk", "Amkodor", "organization", ["Amkodor Holding"], "BY")])
    assert eid(store, d1, "svt") != eid(store, d2, "amk")
    add_override(store, "merge", "Amkodor", "Zavod SVT")
    assert eid(store, d1, "svt") == eid(store, d2, "amk")
    resolve_all(store)
    assert eid(store, d1, "svt") == eid(store, d2, "amk")
    rules = {n.name: n.rule for n in api.entity_detail(store, "Amkodor").names}
    assert rules["Zavod SVT"] == "override-merge"


def test_split_override_survives_re_resolution_and_new_articles(store, build, eid) -> None:
    d1 = build(store, "Integral", INTEGRAL_1)
    d2 = build(store, "Integral plant", INTEGRAL_2[1:])
    assert eid(store, d1, "integral") == eid(store, d2, "plant")
    add_override(store, "split", "Integral", "Integral plant")
    assert eid(store, d1, "integral") != eid(store, d2, "plant")
    resolve_all(store)
    assert eid(store, d1, "integral") != eid(store, d2, "plant")
    d3 = build(store, "another Integral plant story", [("p", "Integral plant", "organization", [])])
    assert eid(store, d3, "p") != eid(store, d1, "integral")


def test_unknown_names_in_overrides_are_errors(store, build) -> None:
    import pytest

    from supplytrace.resolve import OverrideError

    build(store, "Integral", INTEGRAL_1)
    with pytest.raises(OverrideError):
        add_override(store, "merge", "Integral", "Nonexistent Works")
    with pytest.raises(OverrideError):
        add_override(store, "split", "Integral", "Planar")
    assert store.conn.execute("SELECT count(*) FROM overrides").fetchone()[0] == 0


def test_same_document_twice_changes_nothing(store, build) -> None:
    build(store, "JSC Integral in Minsk makes chips.", INTEGRAL_1)
    n = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    from supplytrace.resolve import resolve_documents

    resolve_documents(store, store.document_ids())
    assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == n
