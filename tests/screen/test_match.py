"""Matching with nomenklatura's logic-v2 on hand-built entity records (no store needed)."""

from __future__ import annotations

import pytest

from supplytrace.analyze.types import EntityRecord
from supplytrace.screen import LISTED, POSSIBLE, UNLISTED, ListIndex, LocalMatcher, screen_records
from supplytrace.screen.match import sort_by_implication


def org(i: int, name: str, *aliases: str, country: str | None = "BY", claims: int = 0, origins: int = 0,
        type: str = "organization") -> EntityRecord:
    return EntityRecord(id=i, name=name, type=type, country=country, aliases=list(aliases), claims=claims,
                        origins=origins, documents=1)


def screen(index: ListIndex, *records: EntityRecord, **kw):
    return screen_records(list(records), LocalMatcher(index, source="sample"), **kw)


@pytest.mark.parametrize("name", ["INTEGRAL OJSC", "OJSC Integral", "JSC «Integral»", "ОАО Интеграл", "ОАО «ИНТЕГРАЛ»"])
def test_integral_under_any_spelling(sample_index: ListIndex, name: str) -> None:
    [result] = screen(sample_index, org(1, name)).results
    assert result.status == LISTED
    assert result.best is not None and result.best.list_id == "st-by-integral"


@pytest.mark.parametrize("name", ["Integral", "Интеграл"])
def test_bare_common_word_is_for_review(sample_index: ListIndex, name: str) -> None:
    # logic-v2 keeps only the list's longest name containing "INTEGRAL" (the holding's full name), so a
    # bare "Integral" with no legal form is a possible match for an analyst, not an automatic hit.
    [result] = screen(sample_index, org(1, name)).results
    assert result.status in (LISTED, POSSIBLE)
    assert result.best.list_id == "st-by-integral"


@pytest.mark.parametrize("name,expected", [
    ("МЗКТ", "st-by-mzkt"), ("MZKT", "st-by-mzkt"), ("Minsk Wheel Tractor Plant", "st-by-mzkt"),
    ("Легмаш", "st-by-legmash"), ("BELAZ", "st-by-belaz"), ("Minsk Automobile Plant", "st-by-maz"),
    ("Legmash", "st-by-legmash"),  # the list knows it only as ОАО «Легмаш»: transliteration
    ("MAZ", "st-by-maz"),  # listed as ОАО «МАЗ» and "OJSC Minsk Automobile Plant (MAZ)"
])
def test_enterprises_across_scripts(sample_index: ListIndex, name: str, expected: str) -> None:
    [result] = screen(sample_index, org(1, name)).results
    assert result.status == LISTED and result.best.list_id == expected


@pytest.mark.parametrize("name", ["Alyaksandr Lukashenka", "Lukashenko Alexander", "Александр Лукашенко"])
def test_person_transliteration_and_word_order(sample_index: ListIndex, name: str) -> None:
    [result] = screen(sample_index, org(1, name, type="person")).results
    assert result.status == LISTED and result.best.list_id == "st-by-lukashenka"
    assert "2020-11-06" in result.best.dates


@pytest.mark.parametrize("record", [
    org(1, "Planar", "OJSC Planar"),
    org(2, "Integral", "JSC Integral"),
    org(3, "MAZ", "OJSC MAZ"),
    org(4, "Legmash", "OJSC Legmash"),
    org(5, "Zenit-BelOMO", "OJSC Zenit-BelOMO"),
    org(6, "Aleksandr Lukashenko", type="person"),
])
def test_no_decoy_reaches_review(sample_index: ListIndex, record: EntityRecord) -> None:
    [result] = screen(sample_index, record).results
    assert not [h for h in result.hits if h.list_id.startswith("st-decoy-")], result.hits


def test_unrelated_and_unscreenable(sample_index: ListIndex) -> None:
    report = screen(sample_index, org(1, "Atlantic Council", country="US"),
                    org(2, "Iskander", type="weapon_system"), org(3, "Orsha", type="place"))
    assert [r.entity.name for r in report.results] == ["Atlantic Council"]
    assert report.results[0].status == UNLISTED


def test_thresholds_decide_the_category(sample_index: ListIndex) -> None:
    rec = org(1, "Integral", "JSC Integral")  # logic-v2 scores this ~0.78 against the Cyrillic entry
    assert screen(sample_index, rec).results[0].status == LISTED
    assert screen(sample_index, rec, threshold=0.95, cutoff=0.6).results[0].status == POSSIBLE
    assert screen(sample_index, rec, threshold=0.99, cutoff=0.98).results[0].status == UNLISTED


def test_hit_carries_where_and_explanation(sample_index: ListIndex) -> None:
    [result] = screen(sample_index, org(1, "Integral", "OJSC Integral", "Интеграл")).results
    hit = result.best
    assert hit.matched_name and hit.query_name
    assert "name_match" in hit.explanation
    assert hit.list_id == "st-by-integral"
    assert "OFAC" in hit.where and "Council of the European Union" in hit.where
    assert set(hit.dates) >= {"2022", "2025-02-24"}
    assert hit.source == "sample"


def test_sorted_by_how_much_reporting_implicates() -> None:
    from supplytrace.screen.match import ScreenResult

    rs = [ScreenResult(org(1, "A", claims=9, origins=1), UNLISTED), ScreenResult(org(2, "B", claims=1, origins=3),
          UNLISTED), ScreenResult(org(3, "C", claims=5, origins=1), UNLISTED)]
    assert [r.entity.name for r in sort_by_implication(rs)] == ["B", "A", "C"]


def test_report_to_dict_is_json_ready(sample_index: ListIndex) -> None:
    import json

    report = screen(sample_index, org(1, "MZKT", claims=3, origins=2), org(2, "Planar"))
    data = json.loads(json.dumps(report.to_dict(), default=str))
    assert [r["entity"]["name"] for r in data["listed"]] == ["MZKT"]
    assert data["listed"][0]["hits"][0]["sanctions"][0]["authority"] == ["Council of the European Union"]
    assert [r["entity"]["name"] for r in data["unlisted"]] == ["Planar"]
