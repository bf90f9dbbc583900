"""Screen fixtures: the shipped sample list, its index, and the seed corpus ingested once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from supplytrace.screen import ListIndex, load_index

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sanctions" / "sample.ftm.jsonl"


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> ListIndex:
    return load_index(SAMPLE, cache_dir=tmp_path_factory.mktemp("screen-cache"))
