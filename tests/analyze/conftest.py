"""The five seed articles ingested once with their gold annotations (hand-made stores: tests/conftest.py)."""

from __future__ import annotations

import pytest

from supplytrace.store import Store


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The five seed articles ingested together with the annotations backend."""
    from pathlib import Path

    from supplytrace import pipeline
    from supplytrace.extract import get_extractor

    shared = Path(__file__).resolve().parents[2].parent / "shared"
    seeds, gold = shared / "seeds", shared / "gold"
    if not seeds.is_dir() or not gold.is_dir():
        pytest.skip("../shared/seeds or gold not present")
    s = Store(tmp_path_factory.mktemp("seeds") / "seeds.db")
    ex = get_extractor("annotations", directory=gold)
    pipeline.ingest(sorted(seeds.glob("*.txt")), s, extractor=ex)
    yield s
    s.close()
