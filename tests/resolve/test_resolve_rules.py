"""Name normalisation and pairwise rules: what must match, and the traps that must not."""

from __future__ import annotations

import pytest

from supplytrace.resolve import Record, Resolver, compare, name_form


def match(a: str, b: str, type: str = "organization"):
    return compare(name_form(a, type), name_form(b, type), type)


@pytest.mark.parametrize(("a", "b", "rule"), [
    ("Integral", "Интеграл", "transliteration"),
    ("JSC Integral", "Integral", "legal-form"),
    ("ОАО «Интеграл»", "OJSC Integral", "transliteration"),
    ("Legmash", "Легмаш", "transliteration"),
    ("Legmash LLC", "ZAO Legmash", "legal-form"),
    ("Integral plant", "Integral", "cue-word"),
    ("Integral facility", "JSC Integral", "cue-word"),
    ("Zenit-BelOMO", "Zenit BelOMO", "normalised"),
    ("CEPA", "Center for European Policy Analysis", "acronym"),
    ("Minsk Wheel Tractor Plant", "Minsk Wheeled Tractor Plant", "fuzzy"),
])
def test_same_organization(a: str, b: str, rule: str) -> None:
    m = match(a, b)
    assert m is not None and m.rule == rule, (a, b, m)


@pytest.mark.parametrize(("a", "b"), [
    ("Lukashenko", "Lukashenka"),
    ("Alexander Lukashenko", "Alyaksandr Lukashenka"),
    ("Mr. Lukashenko", "President Lukashenka"),
    ("Maxim Oreshkin", "Maksim Oreshkin"),
    ("Лукашэнка", "Lukashenka"),
])
def test_same_person(a: str, b: str) -> None:
    assert match(a, b, "person") is not None


def test_designators_transliterate() -> None:
    assert match("Kh-101", "Х-101", "weapon_system") is not None
    assert match("Shahed-136", "Shahed 136", "weapon_system") is not None


# -- traps ---------------------------------------------------------------------------------
def test_trap_alabuga_is_not_yelabuga() -> None:
    for t in ("place", "organization", "facility"):
        assert match("Alabuga", "Yelabuga", t) is None
        assert match("Alabuga", "Elabuga", t) is None


def test_trap_su30sm_is_not_su34() -> None:
    assert match("Su-30SM", "Su-34", "weapon_system") is None
    assert match("Su-30SM", "Su-30", "weapon_system") is None


def test_trap_designator_numbers_must_match() -> None:
    assert match("Kh-101", "Kh-555", "weapon_system") is None
    assert match("Kh-101", "Kh-102", "weapon_system") is None
    assert match("S-400", "S-300", "weapon_system") is None
    assert match("152mm shells", "122mm shells", "product") is None
    assert match("MAZ-5316", "MAZ-5340", "weapon_system") is None


def test_trap_maz_is_not_mzkt() -> None:
    assert match("MAZ", "MZKT") is None
    assert match("Minsk Automobile Plant", "Minsk Wheel Tractor Plant") is None
    assert match("OJSC MAZ", "OJSC MZKT") is None


def test_trap_svt_is_not_zavod_svt() -> None:
    assert match("SVT", "Zavod SVT") is None
    assert match("Sveriges Television", "Zavod SVT") is None


def test_trap_zki_is_not_legmash() -> None:
    assert match("ZKI Casing Products Plant", "Legmash", "facility") is None
    assert match("ZKI", "Legmash factory") is None


def test_generic_descriptions_are_flagged() -> None:
    assert name_form("Ukrainian intelligence").generic
    assert not name_form("Foreign Intelligence Service of Ukraine SZRU").generic


def test_types_must_agree_in_the_resolver() -> None:
    r = Resolver()
    a = r.resolve(Record("d1", "integral", "Integral", "organization", ["JSC Integral"], "BY"))
    b = r.resolve(Record("d2", "integral", "Integral", "place"))
    assert a.cluster_id != b.cluster_id


def test_same_article_entities_never_merge() -> None:
    """The extractor kept the Alabuga zone (facility) and plant apart in one article; so do we."""
    r = Resolver()
    a = r.resolve(Record("d1", "sez", "Alabuga Special Economic Zone", "organization", ["Alabuga"]))
    b = r.resolve(Record("d1", "plant", "Alabuga plant", "organization", []))
    assert a.cluster_id != b.cluster_id
    # in another article, "Alabuga plant" joins the first one it matches best, with a reason
    c = r.resolve(Record("d2", "x", "Alabuga plant", "organization", []))
    assert c.match is not None and c.match.rule in ("exact", "cue-word")


def test_countries_must_agree() -> None:
    r = Resolver()
    a = r.resolve(Record("d1", "svt", "SVT", "organization", ["Sveriges Television"], "SE"))
    b = r.resolve(Record("d2", "svt", "SVT", "organization", [], "BY"))
    assert a.cluster_id != b.cluster_id


def test_generic_alias_does_not_link_a_named_agency() -> None:
    """'Ukrainian intelligence' is an alias of the SZRU in one article and an unnamed service in another."""
    r = Resolver()
    szru = r.resolve(Record("d1", "szru", "Foreign Intelligence Service of Ukraine", "organization",
                            ["SZRU", "Ukrainian intelligence"], "UA"))
    other = r.resolve(Record("d3", "ui", "Ukrainian intelligence", "organization", [], "UA"))
    assert szru.cluster_id != other.cluster_id
    # ...but a second article's unnamed "Ukrainian intelligence" joins the first unnamed one
    again = r.resolve(Record("d4", "ui", "Ukrainian intelligence", "organization", [], "UA"))
    assert again.cluster_id == other.cluster_id


def test_acronym_recorded_by_the_extractor_links_articles() -> None:
    r = Resolver()
    a = r.resolve(Record("d1", "mzkt", "Minsk Wheel Tractor Plant", "organization", ["MZKT"]))
    b = r.resolve(Record("d2", "mzkt", "MZKT", "organization", []))
    c = r.resolve(Record("d3", "maz", "MAZ", "organization", ["Minsk Automobile Plant"]))
    assert a.cluster_id == b.cluster_id != c.cluster_id
