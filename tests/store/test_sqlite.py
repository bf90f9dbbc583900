from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from supplytrace.model import Claim, DocEntity, Document, Extraction, Mention
from supplytrace.store import Store, StoreError
from supplytrace.store.schema import SCHEMA_VERSION
from supplytrace.vocab import EntityType, Predicate


def _sample() -> tuple[Document, Extraction]:
    doc = Document(text="Integral makes microchips in Minsk.", title="chips")
    ent = DocEntity("integral", "Integral", EntityType.ORGANIZATION,
                    mentions=[Mention("integral", "Integral", 0, 8, EntityType.ORGANIZATION)])
    claim = Claim("integral", Predicate.PRODUCES, object_text="microchips", evidence="Integral makes microchips",
                  evidence_start=0, evidence_end=25)
    return doc, Extraction(doc.id, [ent], [claim], extractor="test")


def test_add_is_idempotent(store: Store) -> None:
    doc, ex = _sample()
    assert store.add_document(doc, ex) is True
    assert store.add_document(doc, ex) is False
    assert store.count_documents() == 1
    back = store.extraction(doc.id)
    assert back.entities[0].mentions[0].start == 0
    assert back.claims[0].object_text == "microchips"


def test_whitespace_variants_share_an_id() -> None:
    assert Document(text="A  b\n c").id == Document(text="A b c").id


def test_failed_write_leaves_nothing(store: Store) -> None:
    doc, ex = _sample()
    ex.entities.append(ex.entities[0])  # duplicate key violates the primary key mid-write
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(doc, ex)
    assert store.count_documents() == 0
    assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_search_treats_query_as_words(store: Store) -> None:
    doc, ex = _sample()
    store.add_document(doc, ex)
    assert store.search("microchips")[0].snippet.count("[[microchips]]") == 1
    assert store.search('"unbalanced AND (') == []


def test_schema_version_recorded(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)
