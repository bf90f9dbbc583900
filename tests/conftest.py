"""Shared fixtures: where the seed articles and gold live, and a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from supplytrace.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


@pytest.fixture
def gold() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold not present")
    return GOLD
