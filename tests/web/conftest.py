"""Fixtures for the web tests: a store built once from the seed articles (gold annotations as the
extractor), an app over it, and private copies for tests that write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import GOLD, SEEDS, TOKEN, build_seed_store

from supplytrace.extract import get_extractor
from supplytrace.store import Store
from supplytrace.web.app import create_app


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir() or not GOLD.is_dir():
        pytest.skip("../shared/seeds or ../shared/gold not present")
    return build_seed_store(tmp_path_factory.mktemp("seed") / "seed.db")


@pytest.fixture()
def db_copy(seed_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seed store for tests that write."""
    target = tmp_path / "copy.db"
    src = Store(seed_db)
    try:
        src.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        src.close()
    shutil.copy(seed_db, target)
    return target


@pytest.fixture(scope="session")
def client(seed_db: Path) -> TestClient:
    with TestClient(create_app(seed_db)) as c:
        yield c


@pytest.fixture()
def write_client(db_copy: Path) -> TestClient:
    with TestClient(create_app(db_copy, token=TOKEN, extractor=get_extractor("annotations", directory=GOLD),
                               max_upload_bytes=200_000)) as c:
        yield c

