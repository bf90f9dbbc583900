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


def test_goods_detail_is_kept_beside_the_product_name(store: Store) -> None:
    doc, ex = _sample()
    ex.claims[0].object_detail = "microchips for guidance units"
    store.add_document(doc, ex)
    back = store.extraction(doc.id).claims[0]
    assert (back.object_text, back.object_detail) == ("microchips", "microchips for guidance units")


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


def test_data_version_moves_on_every_write_by_any_connection(tmp_path: Path) -> None:
    path = tmp_path / "dv.db"
    a, b = Store(path), Store(path)
    try:
        ident, v0 = a.data_version()
        doc, ex = _sample()
        b.add_document(doc, ex)  # another connection writes
        ident1, v1 = a.data_version()
        assert ident1 == ident and v1 > v0
        a.conn.execute("UPDATE doc_entities SET country = 'BY'")
        assert a.data_version()[1] > v1
        assert b.data_version() == a.data_version()
    finally:
        a.close()
        b.close()


def test_data_version_tells_files_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        assert one.data_version()[0] != two.data_version()[0]


def test_old_store_is_migrated_with_its_data(tmp_path: Path) -> None:
    """A file from schema version 2 gains the change counter and keeps its documents."""
    from supplytrace.store.schema import MIGRATIONS
    from supplytrace.store.sqlite import _split_sql

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        for statement in _split_sql(script):
            conn.execute(statement)
    conn.execute("INSERT INTO documents (id, text) VALUES ('d1', 'Integral makes chips.')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.count_documents() == 1 and s.data_version()[1] == 0
        doc, ex = _sample()
        s.add_document(doc, ex)
        assert s.data_version()[1] > 0
        assert s.extraction(doc.id).claims[0].object_detail is None  # the column added by a later migration
