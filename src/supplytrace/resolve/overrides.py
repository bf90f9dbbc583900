"""Analyst overrides: `merge A B` and `split NAME ALIAS`, stored and re-applied after every run."""

from __future__ import annotations

import json
import sqlite3

from supplytrace.resolve.normalise import name_form


class OverrideError(ValueError):
    """An override names an entity that does not exist."""


def lookup(conn: sqlite3.Connection, name: str | int) -> int | None:
    """An entity id by id, canonical name, alias, or normalised alias (most-documented first)."""
    if isinstance(name, int) or (isinstance(name, str) and name.isdigit()):
        row = conn.execute("SELECT id FROM entities WHERE id = ?", (int(name),)).fetchone()
        if row:
            return row[0]
    name = str(name).strip()
    rank = ("(SELECT count(DISTINCT doc_id) FROM doc_entities d WHERE d.entity_id = e.id) DESC, e.id")
    row = conn.execute(f"SELECT e.id FROM entities e WHERE e.name = ? COLLATE NOCASE ORDER BY {rank} LIMIT 1",
                       (name,)).fetchone()
    if row:
        return row[0]
    row = conn.execute("SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id"
                       f" WHERE a.name = ? COLLATE NOCASE ORDER BY {rank} LIMIT 1", (name,)).fetchone()
    if row:
        return row[0]
    norms = {name_form(name, t).full for t in ("organization", "person", "place")}
    for n in norms:
        if not n:
            continue
        row = conn.execute("SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id"
                           f" WHERE a.norm = ? ORDER BY {rank} LIMIT 1", (n,)).fetchone()
        if row:
            return row[0]
    return None


def merge(conn: sqlite3.Connection, a: str, b: str) -> int | None:
    """Fold B's entity into A's. Returns A's id, or None if either is unknown or they are one already."""
    ea, eb = lookup(conn, a), lookup(conn, b)
    if ea is None or eb is None or ea == eb:
        return None
    ta = conn.execute("SELECT type FROM entities WHERE id = ?", (ea,)).fetchone()[0]
    conn.execute("UPDATE doc_entities SET entity_id = ? WHERE entity_id = ?", (ea, eb))
    for row in conn.execute("SELECT * FROM aliases WHERE entity_id = ?", (eb,)).fetchall():
        conn.execute("INSERT OR IGNORE INTO aliases (entity_id, name, norm, rule, score, detail)"
                     " VALUES (?, ?, ?, 'override-merge', NULL, ?)",
                     (ea, row["name"], name_form(row["name"], ta).full,
                      f"analyst override: merge {a!r} {b!r} (before: {row['rule']})"))
    conn.execute("UPDATE entity_links SET entity_id = ?, rule = 'override-merge', score = NULL,"
                 " detail = ? WHERE entity_id = ?", (ea, f"analyst override: merge {a!r} {b!r}", eb))
    conn.execute("DELETE FROM entities WHERE id = ?", (eb,))
    return ea


def split(conn: sqlite3.Connection, name: str, alias: str) -> int | None:
    """Move the articles' entities that go by ALIAS out of NAME's entity into their own entity."""
    from supplytrace.resolve.persist import refresh_entities

    eid = lookup(conn, name)
    if eid is None:
        return None
    etype = conn.execute("SELECT type FROM entities WHERE id = ?", (eid,)).fetchone()[0]
    target = name_form(alias, etype).full
    members = conn.execute("SELECT * FROM doc_entities WHERE entity_id = ?", (eid,)).fetchall()
    moving = [m for m in members if name_form(m["name"], etype).full == target]
    if not moving:
        moving = [m for m in members
                  if target in {name_form(x, etype).full for x in json.loads(m["aliases"] or "[]")}]
    if len(moving) == len(members):
        # every article uses that name: split off the alias name only
        moving = []
    cur = conn.execute("INSERT INTO entities (name, type, country) VALUES (?, ?, NULL)", (alias, etype))
    new_id = cur.lastrowid
    for m in moving:
        conn.execute("UPDATE doc_entities SET entity_id = ? WHERE doc_id = ? AND key = ?",
                     (new_id, m["doc_id"], m["key"]))
        conn.execute("UPDATE entity_links SET entity_id = ?, rule = 'override-split', score = NULL, detail = ?"
                     " WHERE doc_id = ? AND key = ?",
                     (new_id, f"analyst override: split {name!r} {alias!r}", m["doc_id"], m["key"]))
    remaining = {name_form(m["name"], etype).full for m in members if m not in moving}
    for m in members:
        if m not in moving:
            remaining |= {name_form(x, etype).full for x in json.loads(m["aliases"] or "[]")}
    moved_names = {alias}
    for m in moving:
        moved_names |= {m["name"], *json.loads(m["aliases"] or "[]")}
    for n in moved_names:
        nf = name_form(n, etype).full
        if n != alias and nf in remaining:
            continue
        conn.execute("DELETE FROM aliases WHERE entity_id = ? AND name = ?", (eid, n))
        conn.execute("INSERT OR IGNORE INTO aliases (entity_id, name, norm, rule, score, detail)"
                     " VALUES (?, ?, ?, 'override-split', NULL, ?)",
                     (new_id, n, nf, f"analyst override: split {name!r} {alias!r}"))
    refresh_entities(conn, [eid, new_id])
    if not moving:
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", (alias, new_id))
    return new_id


def apply_overrides(conn: sqlite3.Connection) -> list[tuple[str, str, str, int | None]]:
    """Re-apply every stored override in the order it was made (idempotent)."""
    out = []
    for row in conn.execute("SELECT action, a, b FROM overrides ORDER BY id").fetchall():
        if row["action"] == "merge":
            out.append(("merge", row["a"], row["b"], merge(conn, row["a"], row["b"])))
        else:
            eid = lookup(conn, row["a"])
            # already split: ALIAS names its own entity, distinct from NAME's
            other = lookup(conn, row["b"])
            if eid is not None and other is not None and other != eid:
                out.append(("split", row["a"], row["b"], other))
                continue
            out.append(("split", row["a"], row["b"], split(conn, row["a"], row["b"])))
    return out


def add_override(store, action: str, a: str, b: str) -> int | None:  # noqa: ANN001 - Store
    """Record an override and apply it now. Raises OverrideError for unknown names."""
    if action not in ("merge", "split"):
        raise ValueError(f"unknown override action {action!r}")
    conn = store.conn
    with store.transaction():
        for n in ((a, b) if action == "merge" else (a,)):
            if lookup(conn, n) is None:
                raise OverrideError(f"no entity named {n!r}")
        if action == "split":
            eid = lookup(conn, a)
            names = {r[0] for r in conn.execute("SELECT name FROM aliases WHERE entity_id = ?", (eid,))}
            tnorm = name_form(b, "organization").full
            if b not in names and tnorm not in {name_form(n, "organization").full for n in names}:
                raise OverrideError(f"{a!r} has no alias {b!r}")
        conn.execute("INSERT INTO overrides (action, a, b) VALUES (?, ?, ?)", (action, a, b))
        result = merge(conn, a, b) if action == "merge" else split(conn, a, b)
    return result
