"""Screening the seed corpus (ingested with the annotations backend) against the shipped sample list."""

from __future__ import annotations

from pathlib import Path

import pytest

from supplytrace.screen import LISTED, UNLISTED, ScreenReport, ScreenResult, screen_store
from supplytrace.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sanctions" / "sample.ftm.jsonl"


@pytest.fixture(scope="module")
def report(seed_store: Store, tmp_path_factory: pytest.TempPathFactory) -> ScreenReport:
    return screen_store(seed_store, lists=str(SAMPLE), cache_dir=str(tmp_path_factory.mktemp("cache")))


def result_for(report: ScreenReport, name: str) -> ScreenResult:
    for r in report.results:
        if name == r.entity.name or name in r.entity.aliases:
            return r
    raise AssertionError(f"{name} not screened; have {[r.entity.name for r in report.results]}")


@pytest.mark.parametrize("name,list_id", [
    ("Integral", "st-by-integral"),  # listed in the file only as ОАО «ИНТЕГРАЛ» / INTEGRAL OJSC / Інтэграл
    ("MZKT", "st-by-mzkt"),  # Minsk Wheel Tractor Plant / МЗКТ
    ("BelAZ", "st-by-belaz"),
    ("MAZ", "st-by-maz"),  # Minsk Automobile Plant / ОАО «МАЗ»
    ("Legmash", "st-by-legmash"),  # ОАО «Легмаш»
    ("Lukashenka", "st-by-lukashenka"),  # Lukashenko / Lukashenka / Лукашэнка
    ("Vladimir Putin", "st-ru-putin"),
])
def test_listed_enterprises_and_people(report: ScreenReport, name: str, list_id: str) -> None:
    r = result_for(report, name)
    assert r.status == LISTED, (name, [(h.caption, h.score) for h in r.hits])
    assert r.best.list_id == list_id
    assert r.best.sanctions and r.best.authorities


def test_no_decoy_is_reported(report: ScreenReport) -> None:
    decoys = [(r.entity.name, h.caption, h.score) for r in report.results for h in r.hits
              if h.list_id.startswith("st-decoy-")]
    assert decoys == []


@pytest.mark.parametrize("name", ["Planar", "Zenit-BelOMO", "Amkodor", "Zavod SVT", "Kamaz"])
def test_named_in_reporting_but_not_on_the_sample_list(report: ScreenReport, name: str) -> None:
    assert result_for(report, name).status == UNLISTED


def test_only_organizations_and_people_are_screened(report: ScreenReport) -> None:
    assert {r.entity.type for r in report.results} == {"organization", "person"}
    assert report.list_entities == 14


def test_categories_sorted_by_implication(report: ScreenReport) -> None:
    for category in (report.listed, report.unlisted):
        keys = [(r.entity.origins, r.entity.claims) for r in category]
        assert keys == sorted(keys, reverse=True)
    # the most implicated unlisted enterprise comes before the ones only mentioned in passing
    unlisted = [r.entity.name for r in report.unlisted]
    assert unlisted.index(result_for(report, "Zenit-BelOMO").entity.name) < unlisted.index(
        result_for(report, "Ukrinform").entity.name)
