"""Loading FtM JSON lines: files, folders, gzip, and bad lines that are skipped, not fatal."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from supplytrace.screen.index import ListIndex, load_index
from supplytrace.screen.lists import ListError, LoadStats, iter_entities, iter_raw

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sanctions" / "sample.ftm.jsonl"


def test_sample_file_parses_with_followthemoney() -> None:
    stats = LoadStats()
    proxies = list(iter_entities(SAMPLE, stats))
    assert stats.problems == []
    assert {p.schema.name for p in proxies} == {"Person", "Company", "Sanction"}
    sanctions = [p for p in proxies if p.schema.name == "Sanction"]
    parties = {p.id for p in proxies if p.schema.name != "Sanction"}
    # every Sanction points at a party in the file
    assert all(set(s.get("entity")) <= parties for s in sanctions)


def test_folder_with_gzip_and_bad_lines(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.ftm.json").write_text("\n".join(lines[:10]) + "\nnot json\n{\"id\": 1}\n"
                                         '{"id": "x", "schema": "NoSuchSchema"}\n', encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines[10:]) + "\n")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    stats = LoadStats()
    raw = list(iter_raw(tmp_path, stats))
    assert len(raw) == len(lines)
    assert len(stats.files) == 2
    reasons = [p.reason for p in stats.problems]
    assert len(reasons) == 3 and any("not JSON" in r for r in reasons) and any("NoSuchSchema" in r for r in reasons)
    assert all(":" in str(p) for p in stats.problems)  # file:line: reason
    index = ListIndex.build(tmp_path)
    assert index.stats.parties == ListIndex.build(SAMPLE).stats.parties
    assert len(index.stats.problems) == 3


def test_missing_and_empty_paths_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ListError, match="no such file"):
        load_index(tmp_path / "nope.json", cache_dir=tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ListError, match="no FtM JSON-lines files"):
        load_index(tmp_path / "empty", cache_dir=tmp_path)


def test_nested_sanctions_are_read(tmp_path: Path) -> None:
    entity = {"id": "n1", "schema": "Company", "properties": {
        "name": ["Nested Works JSC"], "country": ["by"],
        "sanctions": [{"id": "s1", "schema": "Sanction", "properties": {
            "authority": ["Somebody"], "program": ["Some programme"], "startDate": ["2024-01-02"]}}]}}
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    index = ListIndex.build(path)
    [rec] = index.records
    assert [s.program for s in rec.sanctions] == [["Some programme"]]
    assert rec.dates == ["2024-01-02"]
