"""Shared fixtures: where the seed articles and gold live, a fresh store per test, and stores built by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from supplytrace.model import Claim, DocEntity, Document, Extraction
from supplytrace.resolve import resolve_documents
from supplytrace.store import Store
from supplytrace.vocab import EntityType

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


Ent = tuple  # (key, name, type, aliases[, country])


def add_doc(store: Store, text: str, ents: list[Ent], claims: list[Claim] | None = None,
            outlet: str | None = None, resolve: bool = True, url: str | None = None,
            title: str | None = None) -> str:
    doc = Document(text=text, outlet=outlet, url=url, title=title, source=f"{abs(hash(text))}.txt")
    ex = Extraction(document_id=doc.id, extractor="test")
    for e in ents:
        key, name, typ, aliases = e[:4]
        ex.entities.append(DocEntity(key=key, name=name, type=EntityType(typ), aliases=list(aliases),
                                     country=e[4] if len(e) > 4 else None))
    ex.claims = list(claims or [])
    store.add_document(doc, ex)
    if resolve:
        resolve_documents(store, [doc.id])
    return doc.id


def entity_of(store: Store, doc_id: str, key: str) -> int | None:
    row = store.conn.execute("SELECT entity_id FROM doc_entities WHERE doc_id = ? AND key = ?",
                             (doc_id, key)).fetchone()
    return row[0] if row else None


@pytest.fixture
def build() -> Callable[..., str]:
    return add_doc


@pytest.fixture
def eid() -> Callable[[Store, str, str], int | None]:
    return entity_of


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The five seed articles ingested once, with their gold annotations as the extractor (read-only use)."""
    from supplytrace.extract import get_extractor
    from supplytrace.pipeline import ingest

    if not SEEDS.is_dir() or not GOLD.is_dir():
        pytest.skip("../shared/seeds or ../shared/gold not present")
    s = Store(tmp_path_factory.mktemp("seeds") / "seeds.db")
    ingest(sorted(SEEDS.glob("*.txt")), s, extractor=get_extractor("annotations", directory=GOLD))
    s.conn.execute("PRAGMA wal_checkpoint(FULL)")  # CLI tests open the file from another connection
    yield s
    s.close()
