"""What the screening benchmark found missing: a typo in the one rare word of a name (fuzzy trigram
blocking), a different legal form or a cue word around the name (query name variants)."""

from __future__ import annotations

import json

import pytest

from supplytrace.analyze.types import EntityRecord
from supplytrace.screen import LISTED, UNLISTED, ListIndex, LocalMatcher, screen_records
from supplytrace.screen.index import gram_keys
from supplytrace.screen.match import name_variants

PARTIES = [
    ("p1", "Company", ["Polyuspicom Components OJSC"], "ru"),
    ("p2", "Company", ["Signalzavimash CJSC"], "kz"),
    ("p3", "Company", ["OJSC Gazpi", "ООО «Газпи»"], "am"),
    ("p4", "Person", ["Olga Khichuovich"], "by"),
]
FILLER = [f"Filler Components {i} Trading" for i in range(40)]  # common words, many entries


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ListIndex:
    path = tmp_path_factory.mktemp("variants") / "list.ftm.jsonl"
    lines = [{"id": pid, "schema": schema, "properties": {"name": names, "country": [c]}}
             for pid, schema, names, c in PARTIES]
    lines += [{"id": f"f{i}", "schema": "Company", "properties": {"name": [n]}} for i, n in enumerate(FILLER)]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return ListIndex.build(path)


def screen(index: ListIndex, name: str, type: str = "organization", country: str | None = None):
    rec = EntityRecord(id=1, name=name, type=type, country=country)
    [result] = screen_records([rec], LocalMatcher(index, source="t")).results
    return result


def test_name_variants() -> None:
    assert name_variants(["LLC Elektrokaprom"], "organization") == ["elektrokaprom"]
    assert name_variants(["Gazpi plant"], "organization") == ["Gazpi"]
    assert name_variants(["ПАО «Газфимутех»"], "organization") == ["газфимутех"]
    assert name_variants(["Integral", "JSC Integral"], "organization") == []  # the bare name is there already
    assert name_variants(["Plant"], "organization") == []
    assert name_variants(["Alexander Lukashenko"], "person") == []


def test_typo_in_the_rare_word_is_found(index: ListIndex) -> None:
    p1 = next(i for i, r in enumerate(index.records) if r.id == "p1")
    # no exact or phonetic key in common: only the letter trigrams still meet
    assert p1 not in [n for n, _ in index.candidates(["Poiyuspicom"])]
    assert p1 in index.fuzzy_candidates(["Poiyuspicom"])
    assert gram_keys("Poiyuspicom") & gram_keys("Polyuspicom")
    r = screen(index, "Poiyuspicom Components", country="ru")
    assert r.status == LISTED and r.best.list_id == "p1"


@pytest.mark.parametrize(("name", "list_id"), [
    ("LLC Signalzavimash", "p2"),  # another legal form
    ("Gazpi plant", "p3"),  # a cue word
    ("ПАО «Газпи»", "p3"),  # another Cyrillic legal form
])
def test_legal_form_and_cue_word(index: ListIndex, name: str, list_id: str) -> None:
    r = screen(index, name)
    assert r.status == LISTED and r.best.list_id == list_id, [(h.caption, h.score) for h in r.hits]


def test_person_spelled_from_cyrillic(index: ListIndex) -> None:
    r = screen(index, "Олга Хичуович", type="person", country="by")  # Khichuovich / Hichuovich
    assert r.status == LISTED and r.best.list_id == "p4"


def test_fuzzy_blocking_does_not_invent_matches(index: ListIndex) -> None:
    assert screen(index, "Zzyzx Holdings").status == UNLISTED
    assert index.fuzzy_candidates(["Zzyzx"]) == []
    assert screen(index, "Signalpromash").status == UNLISTED  # shares "signal", not the name
