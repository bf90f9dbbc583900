"""The SQLite store: one file, versioned schema, one transaction per article.

Ingest is idempotent (a document id already present is reported, not rewritten) and atomic
(an article's document row, mentions and claims land together or not at all).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from supplytrace.model import Claim, DocEntity, Document, Extraction, Mention
from supplytrace.store.schema import MIGRATIONS, SCHEMA_VERSION
from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate

DEFAULT_DB = "supplytrace.db"


def default_db_path() -> Path:
    """`SUPPLYTRACE_DB` if set, else ./supplytrace.db."""
    return Path(os.environ.get("SUPPLYTRACE_DB") or DEFAULT_DB)


class StoreError(Exception):
    """The store file cannot be opened or is from a newer supplytrace."""


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    source: str | None
    snippet: str  # with [[ ]] around matched terms
    rank: float


class Store:
    """A supplytrace database file."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a supplytrace database ({exc})") from exc

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a supplytrace database ({exc})") from exc
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this supplytrace "
                             f"({SCHEMA_VERSION}); upgrade supplytrace")
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (Ctrl-C included)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- documents -----------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(self, doc: Document, extraction: Extraction | None = None) -> bool:
        """Store a document and its extraction atomically. False if it was already present."""
        with self.transaction():
            if self.has_document(doc.id):
                return False
            self.conn.execute(
                "INSERT INTO documents (id, source, url, title, outlet, published, language, text, removed,"
                " extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.source, doc.url, doc.title, doc.outlet, doc.published, doc.language, doc.text,
                 json.dumps(doc.removed, ensure_ascii=False), extraction.extractor if extraction else None),
            )
            if extraction is not None:
                self._write_extraction(doc.id, extraction)
        return True

    def replace_extraction(self, doc_id: str, extraction: Extraction) -> None:
        """Swap a document's extraction for a new one (re-running a better extractor)."""
        with self.transaction():
            self.conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
            self.conn.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
            self.conn.execute("DELETE FROM doc_entities WHERE doc_id = ?", (doc_id,))
            self.conn.execute("UPDATE documents SET extractor = ? WHERE id = ?", (extraction.extractor, doc_id))
            self._write_extraction(doc_id, extraction)

    def _write_extraction(self, doc_id: str, ex: Extraction) -> None:
        self.conn.executemany(
            "INSERT INTO doc_entities (doc_id, key, name, type, aliases, country) VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, e.key, e.name, str(e.type), json.dumps(e.aliases, ensure_ascii=False), e.country)
             for e in ex.entities],
        )
        self.conn.executemany(
            'INSERT INTO mentions (doc_id, key, text, start, "end", type) VALUES (?, ?, ?, ?, ?, ?)',
            [(doc_id, m.key, m.text, m.start, m.end, str(m.type)) for e in ex.entities for m in e.mentions],
        )
        self.conn.executemany(
            "INSERT INTO claims (doc_id, idx, subject_key, predicate, object_key, object_text, object_detail,"
            " subject_text, value, unit, period, date, date_from, date_to, event, modality, attributed_to, hedge,"
            " evidence, evidence_start, evidence_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, c.subject, str(c.predicate), c.object, c.object_text, c.object_detail, c.subject_text,
              json.dumps(c.value) if c.value is not None else None, c.unit, c.period, c.date, c.date_from,
              c.date_to, str(c.event) if c.event else None, str(c.modality),
              json.dumps(c.attributed_to, ensure_ascii=False), c.hedge, c.evidence, c.evidence_start,
              c.evidence_end) for i, c in enumerate(ex.claims)],
        )

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _row_to_document(row) if row else None

    def find_document(self, ref: str) -> Document | None:
        """A document by id, id prefix or source path."""
        row = self.conn.execute(
            "SELECT * FROM documents WHERE id = ? OR source = ? OR id LIKE ? ORDER BY id LIMIT 1",
            (ref, ref, ref + "%"),
        ).fetchone()
        return _row_to_document(row) if row else None

    def documents(self) -> list[Document]:
        rows = self.conn.execute("SELECT * FROM documents ORDER BY published, source, id").fetchall()
        return [_row_to_document(r) for r in rows]

    def count_documents(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search; the query is treated as words, not FTS syntax, so any input is safe."""
        terms = [t for t in _fts_terms(query)]
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.source, snippet(documents_fts, 1, '[[', ']]', ' … ', 16) AS snip,"
            " bm25(documents_fts) AS rank FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [SearchHit(r["id"], r["title"], r["source"], r["snip"], r["rank"]) for r in rows]

    # -- extraction read-back --------------------------------------------------------------
    def extraction(self, doc_id: str) -> Extraction:
        """Rebuild a document's Extraction from the tables."""
        row = self.conn.execute("SELECT extractor FROM documents WHERE id = ?", (doc_id,)).fetchone()
        ex = Extraction(document_id=doc_id, extractor=(row["extractor"] if row else "") or "")
        by_key: dict[str, DocEntity] = {}
        for r in self.conn.execute("SELECT * FROM doc_entities WHERE doc_id = ? ORDER BY rowid", (doc_id,)):
            ent = DocEntity(key=r["key"], name=r["name"], type=EntityType(r["type"]),
                            aliases=json.loads(r["aliases"]), country=r["country"])
            by_key[ent.key] = ent
            ex.entities.append(ent)
        for r in self.conn.execute('SELECT * FROM mentions WHERE doc_id = ? ORDER BY start', (doc_id,)):
            if r["key"] in by_key:
                by_key[r["key"]].mentions.append(
                    Mention(key=r["key"], text=r["text"], start=r["start"], end=r["end"], type=EntityType(r["type"])))
        for r in self.conn.execute("SELECT * FROM claims WHERE doc_id = ? ORDER BY idx", (doc_id,)):
            ex.claims.append(row_to_claim(r))
        return ex

    def data_version(self) -> tuple[str, int]:
        """(which database, its change counter): the counter moves on every write to the analysed
        tables, by any connection, so readers can cache what they derive until it moves."""
        row = self.conn.execute("SELECT n, uid FROM data_version WHERE id = 1").fetchone()
        where = str(self.path.resolve()) if str(self.path) not in ("", ":memory:") else f"memory:{id(self.conn)}"
        return f"{where}:{row['uid']}", row["n"]

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]

    def unresolved_document_ids(self) -> list[str]:
        """Documents with entities not yet joined to canonical ones (e.g. an ingest interrupted before resolving)."""
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT doc_id FROM doc_entities WHERE entity_id IS NULL ORDER BY doc_id")]


# vocabulary lookups by value (a dict is several times faster than calling the enum, which matters
# when the analysis reads every claim of a large store)
_PREDICATES = {str(p): p for p in Predicate}
_EVENTS = {str(e): e for e in MilestoneEvent}
_MODALITIES = {str(m): m for m in Modality}


def _json_list(text: str | None) -> list:
    return [] if not text or text == "[]" else json.loads(text)


def row_to_claim(r: sqlite3.Row) -> Claim:
    value = r["value"]
    return Claim(
        subject=r["subject_key"], predicate=_PREDICATES.get(r["predicate"]) or Predicate(r["predicate"]),
        object=r["object_key"], object_text=r["object_text"], object_detail=r["object_detail"],
        subject_text=r["subject_text"],
        value=json.loads(value) if value is not None else None, unit=r["unit"], period=r["period"],
        date=r["date"], date_from=r["date_from"], date_to=r["date_to"],
        event=(_EVENTS.get(r["event"]) or MilestoneEvent(r["event"])) if r["event"] else None,
        modality=_MODALITIES.get(r["modality"]) or Modality(r["modality"]),
        attributed_to=_json_list(r["attributed_to"]), hedge=r["hedge"], evidence=r["evidence"],
        evidence_start=r["evidence_start"], evidence_end=r["evidence_end"],
    )


def _row_to_document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
        published=row["published"], language=row["language"], source=row["source"],
        removed=json.loads(row["removed"] or "[]"),
    )


def _fts_terms(query: str) -> list[str]:
    import re

    return re.findall(r"\w+", query, flags=re.UNICODE)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements, buf, depth = [], [], 0
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.endswith(" BEGIN") or upper == "BEGIN":
            depth += 1
        if upper.startswith("END;"):
            depth -= 1
        if stripped.endswith(";") and depth == 0:
            statements.append("\n".join(buf))
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements
