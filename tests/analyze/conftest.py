"""Build small stores from extractions written by hand (no extractor, no gold)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from supplytrace.model import Claim, DocEntity, Document, Extraction
from supplytrace.resolve import resolve_documents
from supplytrace.store import Store
from supplytrace.vocab import EntityType, Predicate

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


__all__ = ["Claim", "Predicate"]


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
