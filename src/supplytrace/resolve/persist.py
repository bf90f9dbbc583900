"""Resolution against the store: incremental (new documents join existing entities) or from scratch.

Canonical entities live in `entities`; `doc_entities.entity_id` points each article's entity at
one; `aliases` holds every name with the rule/score/detail that joined it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from supplytrace.resolve.normalise import name_form
from supplytrace.resolve.resolver import Decision, Record, Resolver


def _record(row: sqlite3.Row) -> Record:
    return Record(doc_id=row["doc_id"], key=row["key"], name=row["name"], type=row["type"],
                  aliases=json.loads(row["aliases"] or "[]"), country=row["country"])


def load_resolver(conn: sqlite3.Connection) -> Resolver:
    """Rebuild the in-memory index from the entities already resolved."""
    r = Resolver()
    rows = conn.execute("SELECT d.*, e.type AS etype FROM doc_entities d JOIN entities e ON e.id = d.entity_id"
                        " ORDER BY d.rowid").fetchall()
    for row in rows:
        c = r.add_cluster(row["entity_id"], row["etype"])
        r.attach(c, _record(row))
    for row in conn.execute("SELECT a.entity_id, a.name, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id"):
        c = r.add_cluster(row["entity_id"], row["type"])
        r.add_name(c, row["name"])
    top = conn.execute("SELECT max(id) FROM entities").fetchone()[0]
    r._next = max(r._next, (top or 0) + 1)
    return r


def _alias_rows(rec: Record, d: Decision) -> list[tuple]:
    rows = []
    doc = rec.doc_id[:12]
    names = rec.names
    if d.new:
        for i, n in enumerate(names):
            if i == 0:
                rows.append((n, "first-seen", None, f"first named {n!r} in document {doc}"))
            else:
                rows.append((n, "extractor-alias", None,
                             f"document {doc} names {names[0]!r} also as {n!r}"))
        return rows
    assert d.match is not None
    for n in names:
        if n == d.matched_name:
            rows.append((n, d.match.rule, d.match.score, f"{d.match.detail} [document {doc}]"))
        else:
            rows.append((n, "extractor-alias", None,
                         f"document {doc} names it also {d.matched_name!r}, joined by {d.match.rule}"))
    return rows


def _apply(conn: sqlite3.Connection, r: Resolver, rows: Iterable[sqlite3.Row]) -> set[int]:
    touched: set[int] = set()
    for row in rows:
        rec = _record(row)
        d = r.resolve(rec)
        if d.new:
            conn.execute("INSERT INTO entities (id, name, type, country) VALUES (?, ?, ?, ?)",
                         (d.cluster_id, rec.name, rec.type, rec.country))
        conn.execute("UPDATE doc_entities SET entity_id = ? WHERE doc_id = ? AND key = ?",
                     (d.cluster_id, rec.doc_id, rec.key))
        conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, name, norm, rule, score, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [(d.cluster_id, n, name_form(n, rec.type).full, rule, score, detail)
             for n, rule, score, detail in _alias_rows(rec, d)],
        )
        if d.new:
            link = (rec.doc_id, rec.key, d.cluster_id, "new", None, rec.name, None,
                    f"no existing entity matched {rec.name!r}: started a new one")
        else:
            assert d.match is not None
            link = (rec.doc_id, rec.key, d.cluster_id, d.match.rule, d.match.score, d.matched_name, d.via_name,
                    d.match.detail)
        conn.execute("INSERT OR REPLACE INTO entity_links (doc_id, key, entity_id, rule, score, matched, via, detail)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", link)
        touched.add(d.cluster_id)
    return touched


def refresh_entities(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> None:
    """Canonical name = the name articles use most as their primary name; country likewise."""
    if ids is None:
        ids = [r[0] for r in conn.execute("SELECT id FROM entities")]
    for eid in ids:
        rows = conn.execute("SELECT name, country FROM doc_entities WHERE entity_id = ? ORDER BY rowid",
                            (eid,)).fetchall()
        if not rows:
            continue
        names = Counter(r["name"] for r in rows)
        best = max(names.items(), key=lambda kv: (kv[1], -[r["name"] for r in rows].index(kv[0])))[0]
        countries = Counter(r["country"] for r in rows if r["country"])
        country = countries.most_common(1)[0][0] if countries else None
        conn.execute("UPDATE entities SET name = ?, country = ? WHERE id = ?", (best, country, eid))


def resolve_documents(store, doc_ids: list[str]) -> set[int]:  # noqa: ANN001 - Store (avoid import cycle)
    """Attach the entities of newly ingested documents to canonical entities (incremental)."""
    from supplytrace.resolve.overrides import apply_overrides

    conn = store.conn
    with store.transaction():
        r = load_resolver(conn)
        touched: set[int] = set()
        order = {d: i for i, d in enumerate(store.document_ids())}
        for doc_id in sorted(set(doc_ids), key=lambda d: order.get(d, 1 << 30)):
            rows = conn.execute("SELECT * FROM doc_entities WHERE doc_id = ? AND entity_id IS NULL ORDER BY rowid",
                                (doc_id,)).fetchall()
            touched |= _apply(conn, r, rows)
        refresh_entities(conn, touched)
        apply_overrides(conn)
    return touched


def resolve_all(store) -> int:  # noqa: ANN001
    """Forget every canonical entity and resolve all documents from scratch (overrides re-applied)."""
    with store.transaction():
        store.conn.execute("UPDATE doc_entities SET entity_id = NULL")
        store.conn.execute("DELETE FROM aliases")
        store.conn.execute("DELETE FROM entity_links")
        store.conn.execute("DELETE FROM entities")
    resolve_documents(store, store.document_ids())
    return store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
