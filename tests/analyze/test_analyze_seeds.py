"""The five seed articles ingested together: every cross-article fact of shared/gold/CROSS-ARTICLE.md
sections (a)-(c), found through the analyze API (one test per fact)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from supplytrace.analyze import api
from supplytrace.store import Store


def keys_to_entities(store: Store) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for r in store.conn.execute("SELECT key, entity_id FROM doc_entities"):
        out[r[0]].add(r[1])
    return out


def entity(store: Store, key: str) -> int:
    ids = keys_to_entities(store)[key]
    assert len(ids) == 1, f"{key} split over {ids}"
    return next(iter(ids))


def one_claim(store: Store, subject: str, predicate: str, **where) -> api.ClaimRecord:
    def ok(c: api.ClaimRecord) -> bool:
        return all(getattr(c, k) == v or (k == "object_text" and v in (c.object_text or "")) for k, v in where.items())

    eid = entity(store, subject)
    found = [c for c in api.claims(store, predicate=predicate, entity_id=eid) if c.subject_id == eid and ok(c)]
    assert len(found) == 1, [(c.object_name, c.object_text, c.date, c.value) for c in found]
    return found[0]


# -- the entity table: no false merge, no missed merge -------------------------------------------
def test_entity_table_has_no_false_merge(seed_store: Store) -> None:
    rows = seed_store.conn.execute(
        "SELECT e.id, e.name, e.type, group_concat(DISTINCT d.key) AS keys, count(DISTINCT d.doc_id) AS docs"
        " FROM entities e JOIN doc_entities d ON d.entity_id = e.id GROUP BY e.id ORDER BY docs DESC, e.name"
    ).fetchall()
    print(f"\n{'id':>4}  {'type':<14} {'docs':>4}  name  [gold keys]")
    for r in rows:
        print(f"{r['id']:>4}  {r['type']:<14} {r['docs']:>4}  {r['name']}  [{r['keys']}]")
    merged_keys = {r["id"]: r["keys"].split(",") for r in rows}
    false_merges = {i: k for i, k in merged_keys.items() if len(k) > 1}
    assert not false_merges, false_merges
    missed = {k: ids for k, ids in keys_to_entities(seed_store).items() if len(ids) > 1}
    assert not missed, missed
    # the API lists the same entities
    assert len(api.entities(seed_store)) == len(rows)


# -- (a) one entity, several names -----------------------------------------------------------------
@pytest.mark.parametrize(("key", "names", "docs"), [
    ("lukashenko", ["Alexander Lukashenko", "Alexander Lukashenka", "Mr. Lukashenko", "President Lukashenka"], 5),
    ("szru", ["SZRU", "Ukraine's Foreign Intelligence Service", "Foreign Intelligence Service of Ukraine"], 3),
    ("national-drone-center", ["National Center for Multifunctional Drone Complexes",
                               "Multipurpose UAV Technology Center"], 2),
    ("composite-uav-plant", ["composite components factory for unmanned aerial vehicles",
                             "plant producing composite drone components"], 3),
    ("integral", ["Integral facility", "Integral plant", "JSC Integral", "Интеграл"], 3),
    ("zenit-belomo", ["Zenit-BelOMO enterprise", "Zenit-BelOMO plant"], 2),
    ("legmash", ["Legmash factory", "JSC Legmash"], 2),
    ("grad", ["Grad", "9K51 'Grad' MLRS"], 2),
    ("belarus-drone-plant", ["large-scale drone factory", "drone factory in Belarus",
                             "drone manufacturing facility in Belarus", "Belarusian drone factory"], 2),
    ("oreshkin", ["Maxim Oreshkin", "Oreshkin"], 2),
])
def test_one_entity_several_names(seed_store: Store, key: str, names: list[str], docs: int) -> None:
    eid = entity(seed_store, key)
    rec = api.find_entity(seed_store, eid)
    assert rec.documents == docs
    for n in names:
        found = api.find_entity(seed_store, n)
        assert found is not None and found.id == eid, n


def test_lukashenka_spelling_joins_by_rule(seed_store: Store) -> None:
    d = api.entity_detail(seed_store, "Lukashenka")
    assert d.entity.name == "Alexander Lukashenko" and d.entity.documents == 5
    assert {link.rule for link in d.links} <= {"new", "exact", "normalised", "person-name"}
    assert any(link.name == "Alexander Lukashenka" for link in d.links)


@pytest.mark.parametrize(("a", "b"), [
    ("Shahed-136", "Geran-2"), ("Constitution Protection Bureau", "SAB"), ("Minsk Wheel Tractor Plant", "MZKT"),
    ("Alabuga Special Economic Zone", "Alabuga SEZ"),
])
def test_name_variants_inside_one_article(seed_store: Store, a: str, b: str) -> None:
    assert api.find_entity(seed_store, a).id == api.find_entity(seed_store, b).id


@pytest.mark.parametrize(("a", "b"), [
    ("svt", "zavod-svt"), ("szru", "ukrainian-intelligence"), ("maz", "mzkt"), ("zki-plant", "legmash"),
    ("alabuga-sez", "alabuga-plant"), ("alabuga-sez", "yelabuga"), ("su-30sm", "su-34"),
    ("composite-uav-plant", "belarus-drone-plant"), ("integral", "integral-new-workshop"),
])
def test_look_alikes_stay_apart(seed_store: Store, a: str, b: str) -> None:
    assert entity(seed_store, a) != entity(seed_store, b)


def test_kremlin_is_one_office(seed_store: Store) -> None:
    assert api.find_entity(seed_store, "Kremlin").documents == 2


# -- (b) repeated claims and independent origins -------------------------------------------------
def test_b1_szru_relayed_by_two_outlets_is_one_origin(seed_store: Store) -> None:
    for key, event in (("zenit-belomo", "scheduled_launch"), ("zenit-belomo", "full_capacity"),
                       ("integral-new-workshop", "scheduled_launch"), ("integral-new-workshop", "full_capacity")):
        c = one_claim(seed_store, key, "milestone", event=event)
        assert c.articles == 2 and c.n_origins == 1, (key, event, c.origins)
        assert c.origins == ["Foreign Intelligence Service of Ukraine"]
    # 12-18 months (000) and 1-1.5 years (002): one figure, one origin
    c = one_claim(seed_store, "belarus", "statistic", unit="months")
    assert c.articles == 2 and c.n_origins == 1


def test_b2_composite_plant_two_origins_at_most(seed_store: Store) -> None:
    c = one_claim(seed_store, "composite-uav-plant", "produces")
    assert c.articles == 3 and c.n_origins == 2
    assert "Foreign Intelligence Service of Ukraine" in c.origins


def test_b3_integral_in_kh101_two_origins_not_three_articles(seed_store: Store) -> None:
    c = one_claim(seed_store, "integral", "used_in", object_id=entity(seed_store, "kh-101"))
    assert c.articles == 3
    assert c.n_origins == 2
    assert "Foreign Intelligence Service of Ukraine" in c.origins
    assert {e.modality for e in c.evidence} == {"possible", "reported"}
    # 004 adds the Su-30SM and Su-34, one origin each
    for w in ("su-30sm", "su-34"):
        assert one_claim(seed_store, "integral", "used_in", object_id=entity(seed_store, w)).n_origins == 1


def test_b4_drone_plant_100000_a_year_is_one_origin(seed_store: Store) -> None:
    c = one_claim(seed_store, "belarus-drone-plant", "capacity")
    assert c.value == 100000 and c.period == "year"
    assert len(c.evidence) == 3 and c.articles == 2  # Oreshkin and SAB in 001, Oreshkin via BelTA in 003
    assert c.origins == ["Maxim Oreshkin"]


def test_b5_about_500_firms_two_named_origins_maybe_three(seed_store: Store) -> None:
    c = one_claim(seed_store, "belarus", "statistic", value=500)
    assert {"Constitution Protection Bureau", "BelPol"} <= set(c.origins)
    assert 2 <= c.n_origins <= 3


def test_b6_legmash_grad_two_origins(seed_store: Store) -> None:
    c = one_claim(seed_store, "legmash", "used_in", object_id=entity(seed_store, "grad"))
    assert c.n_origins == 2 and "BelPol" in c.origins


def test_b7_repair_and_ammunition_separate_origins(seed_store: Store) -> None:
    c = one_claim(seed_store, "belarus", "supplies", object_text="repair")
    assert c.n_origins == 2 and "Oleh Luhovskyi" in c.origins
    ammo = [x for x in api.claims(seed_store, predicate="supplies", entity_id=entity(seed_store, "belarus"))
            if x.product_name == "ammunition" or (x.object_text or "").startswith("ammunition")]
    assert ammo and all(x.n_origins >= 1 for x in ammo)


def test_min_origins_filter(seed_store: Store) -> None:
    multi = api.claims(seed_store, min_origins=2)
    assert multi and all(c.n_origins >= 2 for c in multi)
    assert any(c.predicate == "used_in" and c.object_name == "Kh-101" for c in multi)


# -- (c) figures and dates that disagree or need normalising ------------------------------------
def conflicts_about(store: Store, key: str) -> list:
    name = api.find_entity(store, entity(store, key)).name
    return [c for c in api.conflicts(store) if c.subject_name == name]


def test_c_composite_plant_start_dates_side_by_side(seed_store: Store) -> None:
    found = [c for c in conflicts_about(seed_store, "composite-uav-plant")
             if c.measure == "milestone: operations_started"]
    assert len(found) == 1 and found[0].kind == "contradiction"
    assert sorted(c.date for c in found[0].claims) == ["2024", "2025-02"]


def test_c_full_capacity_march_2025_agrees_with_early_2025(seed_store: Store) -> None:
    c = one_claim(seed_store, "composite-uav-plant", "milestone", event="full_capacity")
    assert c.date == "2025-03" and c.articles == 2
    kinds = {x.kind for x in conflicts_about(seed_store, "composite-uav-plant") if x.measure.endswith("full_capacity")}
    assert kinds == {"agree"}


def test_c_halted_2020_and_mothballed_are_one_event(seed_store: Store) -> None:
    c = one_claim(seed_store, "composite-uav-plant", "milestone", event="suspended")
    assert c.date == "2020" and c.articles == 3


def test_c_integral_workshop_december_2025(seed_store: Store) -> None:
    c = one_claim(seed_store, "integral-new-workshop", "milestone", event="scheduled_launch")
    assert c.date == "2025-12" and c.modality == "planned"


def test_c_480000_vs_450000_shells_related_not_contradiction(seed_store: Store) -> None:
    found = [c for c in conflicts_about(seed_store, "belarus") if any(r.value == 480000 for r in c.claims)]
    assert len(found) == 1
    c = found[0]
    assert c.kind == "related"
    assert {r.value for r in c.claims} >= {480000, 450000}
    assert all(r.unit != "tons" for r in c.claims)  # stockpile tonnes are not rounds


def test_c_enterprise_counts_do_not_contradict(seed_store: Store) -> None:
    bad = [c for c in conflicts_about(seed_store, "belarus") if c.kind == "contradiction"]
    assert not bad, [(c.measure, c.note) for c in bad]


def test_c_integral_kh101_hedged_vs_stated(seed_store: Store) -> None:
    found = [c for c in conflicts_about(seed_store, "integral") if c.measure.startswith("certainty")]
    assert len(found) == 1 and found[0].kind == "related" and "Kh-101" in found[0].measure


def test_c_drone_plant_announcement_dates_agree(seed_store: Store) -> None:
    c = one_claim(seed_store, "belarus-drone-plant", "milestone", event="planned")
    assert c.date == "2025-03-06" and c.articles == 2
    assert not [x for x in conflicts_about(seed_store, "belarus-drone-plant") if x.kind == "contradiction"]


def test_c_drone_plant_capacity_no_conflict(seed_store: Store) -> None:
    assert not [x for x in conflicts_about(seed_store, "belarus-drone-plant") if x.measure.startswith("capacity")]


# -- timelines and network ----------------------------------------------------------------------
def test_composite_plant_timeline(seed_store: Store) -> None:
    tl = api.timeline(seed_store, "composite components factory for unmanned aerial vehicles")
    events = [(e.date, e.event) for e in tl]
    assert events[0] == ("2020", "suspended")
    assert ("2024", "operations_started") in events and ("2025-02", "operations_started") in events
    assert events.index(("2024-12", "completed")) < events.index(("2025-02", "operations_started"))
    assert all(e.status == "done" for e in tl)


def test_integral_timeline_includes_planned_workshop(seed_store: Store) -> None:
    tl = api.timeline(seed_store, "Integral")
    assert [(e.date, e.status) for e in tl] == [("2025-12", "planned"), ("2026", "planned")]
    assert all(e.entity_name == "Integral new workshop" for e in tl)


def test_paths_from_enterprises_to_weapons(seed_store: Store) -> None:
    p = api.path(seed_store, "Integral", "Kh-101")
    assert [e.name for e, _ in p] == ["Integral", "Kh-101"] and p[1][1].predicate == "used_in"
    p = api.path(seed_store, "Amkodor", "Satan")
    assert [e.name for e, _ in p] == ["Amkodor", "Zavod SVT", "Satan"]
    assert api.path(seed_store, "Legmash", "Grad")


def test_suppliers_customers_and_weapon_links(seed_store: Store) -> None:
    customers = {e.name for e, _ in api.customers(seed_store, "MZKT")}
    assert {"Iskander", "S-400", "Russia"} <= customers
    suppliers = {e.name for e, _ in api.suppliers(seed_store, "Russia")}
    assert {"Integral", "Belarus"} <= suppliers
    links = {(a.name, b.name) for a, b, _ in api.weapon_links(seed_store)}
    assert ("Integral", "Kh-101") in links and ("Legmash", "9K51 Grad") in links
    nodes, edges = api.neighbourhood(seed_store, entity(seed_store, "integral"))
    assert {n.name for n in nodes} >= {"Integral", "Kh-101", "Russia"}


def test_dataframes(seed_store: Store) -> None:
    from supplytrace.analyze import to_frame

    df = to_frame(api.entities(seed_store))
    assert {"name", "type", "documents", "origins"} <= set(df.columns)


def test_indexed_timelines_equal_a_full_scan(seed_store: Store) -> None:
    from supplytrace.analyze.timeline import timeline_for

    a = api.analysis(seed_store)
    for eid in a.entities:
        assert a.timeline(eid) == timeline_for(eid, a.claims), a.entities[eid].name
