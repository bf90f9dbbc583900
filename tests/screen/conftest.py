"""Screen fixtures: the shipped sample list, its index, and the seed corpus ingested once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from supplytrace.screen import ListIndex, load_index
from supplytrace.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sanctions" / "sample.ftm.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> ListIndex:
    return load_index(SAMPLE, cache_dir=tmp_path_factory.mktemp("screen-cache"))


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold").is_dir():
        pytest.skip("../shared/seeds or ../shared/gold not present")
    from supplytrace.extract import get_extractor
    from supplytrace.pipeline import ingest

    store = Store(tmp_path_factory.mktemp("seed") / "seed.db")
    ingest([SHARED / "seeds"], store, extractor=get_extractor("annotations", directory=SHARED / "gold"))
    yield store
    store.close()
