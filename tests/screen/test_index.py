"""The blocking index: transliteration, legal forms, phonetic keys, sanctions attached, caching."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from supplytrace.screen.index import ListIndex, load_index, name_keys, name_tokens

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sanctions" / "sample.ftm.jsonl"


def test_names_are_transliterated_and_legal_forms_removed() -> None:
    assert name_tokens("ОАО «ИНТЕГРАЛ»") == ("integral",)
    assert name_tokens("INTEGRAL OJSC") == ("integral",)
    assert name_tokens("Open Joint-Stock Company Integral") == ("integral",)
    assert "mzkt" in name_tokens("ОАО «МЗКТ»")


def test_spelling_variants_share_a_phonetic_key() -> None:
    assert name_keys("Lukashenko") & name_keys("Лукашэнка")
    assert name_keys("Lukashenka") & name_keys("Lukashenko")


def test_sanctions_are_attached_to_parties(sample_index: ListIndex) -> None:
    rec = next(r for r in sample_index.records if r.id == "st-by-integral")
    assert len(rec.sanctions) == 3
    assert "Council of the European Union" in rec.authorities
    assert any("269/2014" in p for p in rec.all_programs)
    assert "2025-02-24" in rec.dates
    assert rec.countries == ["by"]
    assert sample_index.stats.parties == 14 and sample_index.stats.sanctions == 18


def test_candidates_are_blocked_by_name_tokens(sample_index: ListIndex) -> None:
    ids = [sample_index.records[n].id for n, _ in sample_index.candidates(["Интеграл"])]
    assert ids[0] in {"st-by-integral", "st-decoy-integral-systems"}
    assert "st-by-integral" in ids
    assert "st-ru-putin" not in ids
    assert sample_index.candidates(["Zzyzx Unrelated"]) == []


def test_index_is_cached_and_rebuilt_when_the_list_changes(tmp_path: Path) -> None:
    lists = tmp_path / "list.jsonl"
    shutil.copy(SAMPLE, lists)
    cache = tmp_path / "cache"
    first = load_index(lists, cache_dir=cache)
    assert not first.stats.loaded_from_cache and first.stats.cache_path
    second = load_index(lists, cache_dir=cache)
    assert second.stats.loaded_from_cache
    assert len(second) == len(first)
    # a changed list (size and mtime) is re-indexed
    lines = lists.read_text(encoding="utf-8").splitlines()
    lists.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    os.utime(lists, ns=(lists.stat().st_atime_ns, lists.stat().st_mtime_ns + 10_000_000))
    third = load_index(lists, cache_dir=cache)
    assert not third.stats.loaded_from_cache
    assert len(third) < len(first)


def test_unwritable_cache_still_screens(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    index = load_index(SAMPLE, cache_dir=blocker / "sub")  # cannot mkdir under a file
    assert len(index) == 14 and index.stats.cache_path is None
    assert isinstance(ListIndex.build(SAMPLE), ListIndex)


def test_cache_in_a_folder_with_unusual_characters(tmp_path: Path) -> None:
    cache = tmp_path / "a b#c?d%20"
    first = load_index(SAMPLE, cache_dir=cache)
    assert first.stats.cache_path and Path(first.stats.cache_path).parent == cache
    second = load_index(SAMPLE, cache_dir=cache)
    assert second.stats.loaded_from_cache
    assert [r.id for r in second.records] == [r.id for r in first.records]
    assert second.records[-1].id == first.records[len(first) - 1].id
    assert [r.id for r in second.records.many([3, 1, 3])] == [first.records[n].id for n in (3, 1, 3)]
