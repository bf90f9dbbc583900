"""The analyze API: every function takes a Store and returns plain records (see types.py).

Results are computed from the store's current state and cached on the Store object until the
data changes (documents, entities, overrides), so a web page calling several functions pays once.
"""

from __future__ import annotations

import gc
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from supplytrace.analyze.conflicts import find_conflicts
from supplytrace.analyze.consolidate import consolidate
from supplytrace.analyze.facts import DocInfo, World, load_world
from supplytrace.analyze.network import edges_of, find_path, neighbours
from supplytrace.analyze.timeline import timeline_for
from supplytrace.analyze.types import (
    AliasExplanation,
    ClaimRecord,
    Conflict,
    EntityDetail,
    EntityRecord,
    GraphEdge,
    LinkExplanation,
    TimelineEvent,
)
from supplytrace.resolve.overrides import lookup
from supplytrace.store import Store


@dataclass
class Analysis:
    world: World
    claims: list[ClaimRecord]
    entities: dict[int, EntityRecord]
    by_entity: dict[int, list[ClaimRecord]] = field(default_factory=dict)
    edges: list[GraphEdge] = field(default_factory=list)
    _conflicts: list[Conflict] | None = None
    _positions: dict[str, int] | None = None
    _prefixes: dict[str, DocInfo] | None = None

    def timeline(self, entity_id: int) -> list[TimelineEvent]:
        """The entity's milestones and those of its parts, from the claims that name it (not a full scan)."""
        mine = self.by_entity.get(entity_id, [])
        part_of = [r for r in mine if r.predicate == "part_of" and r.object_id == entity_id]
        seen: dict[str, ClaimRecord] = {r.id: r for r in part_of}  # timeline_for finds the parts in them
        for eid in [entity_id, *sorted({r.subject_id for r in part_of if r.subject_id is not None})]:
            for r in self.by_entity.get(eid, []):
                if r.predicate == "milestone":
                    seen.setdefault(r.id, r)
        order = self._order()
        return timeline_for(entity_id, sorted(seen.values(), key=lambda r: order[r.id]))

    def doc_prefixes(self) -> dict[str, DocInfo]:
        """Documents by the id prefixes resolve's explanations quote (12 characters)."""
        if self._prefixes is None:
            self._prefixes = {d.id[:12]: d for d in self.world.docs.values()}
        return self._prefixes

    def _order(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {r.id: i for i, r in enumerate(self.claims)}
        return self._positions

    @property
    def conflicts(self) -> list[Conflict]:
        if self._conflicts is None:
            self._conflicts = find_conflicts(self.claims)
        return self._conflicts


_CACHE: dict[str, tuple[int, Analysis]] = {}  # database file -> (change counter, analysis)
_CACHE_FILES = 8  # analyses kept for this many database files at once
_LOCKS: dict[str, threading.Lock] = defaultdict(threading.Lock)


def analysis(store: Store) -> Analysis:
    """The consolidated view of the store, cached per database file until its data changes.

    Every connection to the same file (the web server has one per worker thread) shares it, and
    only one thread computes it at a time.
    """
    ident, version = store.data_version()
    cached = _CACHE.get(ident)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _LOCKS[ident]:
        ident, version = store.data_version()
        cached = _CACHE.get(ident)
        if cached is not None and cached[0] == version:
            return cached[1]
        _CACHE.pop(ident, None)
        result = _compute(store)
        _CACHE[ident] = (version, result)
        while len(_CACHE) > _CACHE_FILES:  # the least recently computed goes first
            _CACHE.pop(next(iter(_CACHE)))
        # The analysis is millions of long-lived objects; left to the cyclic collector, every full
        # collection walks them all (half a second on 10,000 articles, in the middle of a request).
        # Frozen objects are still freed by reference counting when a newer analysis replaces them.
        gc.freeze()
        return result


def _compute(store: Store) -> Analysis:
    world = load_world(store.conn)
    records = consolidate(world)
    by_entity: dict[int, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        for eid in {r.subject_id, r.object_id, r.product_id} - {None}:
            by_entity[eid].append(r)
    aliases: dict[int, list[str]] = defaultdict(list)
    for row in store.conn.execute("SELECT entity_id, name FROM aliases ORDER BY entity_id, rowid"):
        aliases[row[0]].append(row[1])
    sourced: dict[int, int] = defaultdict(int)
    by_name = {n: i for i, n in world.names.items()}
    for r in records:
        for eid in {by_name[n] for e in r.evidence for n in e.attributed_to if n in by_name}:
            sourced[eid] += 1
    ents = {}
    for eid, name in world.names.items():
        recs = by_entity.get(eid, [])
        origins = {o for r in recs for o in r.origins}
        ents[eid] = EntityRecord(
            id=eid, name=name, type=world.types[eid], country=world.countries.get(eid),
            aliases=[a for a in aliases.get(eid, []) if a != name],
            documents=world.doc_counts.get(eid, 0), claims=len(recs), origins=len(origins),
            sourced=sourced.get(eid, 0),
        )
    return Analysis(world, records, ents, dict(by_entity), edges_of(records))


# -- entities --------------------------------------------------------------------------------
def entities(store: Store, type: str | None = None, query: str | None = None) -> list[EntityRecord]:
    """Canonical entities, most-documented first; `query` filters by name/alias substring."""
    a = analysis(store)
    out = [e for e in a.entities.values() if type is None or e.type == type]
    if query:
        q = query.casefold()
        out = [e for e in out if q in e.name.casefold() or any(q in x.casefold() for x in e.aliases)]
    out.sort(key=lambda e: (-e.documents, -e.claims, e.name.casefold()))
    return out


def find_entity(store: Store, name_or_id: str | int) -> EntityRecord | None:
    """An entity by id, name or any alias (normalised: case, legal forms, transliteration)."""
    eid = lookup(store.conn, name_or_id)
    if eid is None:
        return None
    return analysis(store).entities.get(eid)


def suggest(store: Store, name: str, limit: int = 5) -> list[str]:
    """Close matches for an unknown name (for 'did you mean')."""
    names = sorted({r[0] for r in store.conn.execute("SELECT name FROM entities UNION SELECT name FROM aliases")})
    found = process.extract(name, names, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [m[0] for m in found]


_DOC_REF = re.compile(r"\bdocument ([0-9a-f]{8,16})\b")


def _readable(detail: str | None, a: Analysis) -> str | None:
    """'first named X in document 427d71a30dc1' -> 'first named X in “Belarus Becomes …”' (an article
    a reader recognises; the stored detail keeps the id)."""
    if not detail or "document " not in detail:
        return detail
    docs = a.doc_prefixes()

    def name(m: re.Match[str]) -> str:
        doc = docs.get(m.group(1))
        return doc.reference if doc is not None else m.group(0)

    return _DOC_REF.sub(name, detail)


def explain(store: Store, entity_id: int) -> list[AliasExplanation]:
    """Every name of an entity with the rule/score that joined it."""
    rows = store.conn.execute("SELECT name, rule, score, detail FROM aliases WHERE entity_id = ? ORDER BY rowid",
                              (entity_id,)).fetchall()
    a = analysis(store)
    return [AliasExplanation(r["name"], r["rule"], r["score"], _readable(r["detail"], a)) for r in rows]


def explain_links(store: Store, entity_id: int) -> list[LinkExplanation]:
    """How each article's entity joined this canonical entity (rule, score, the names that matched)."""
    a = analysis(store)
    rows = store.conn.execute(
        "SELECT d.doc_id, d.key, d.name, l.rule, l.score, l.matched, l.via, l.detail FROM doc_entities d"
        " LEFT JOIN entity_links l ON l.doc_id = d.doc_id AND l.key = d.key WHERE d.entity_id = ? ORDER BY d.rowid",
        (entity_id,)).fetchall()
    out = []
    for r in rows:
        doc = a.world.docs.get(r["doc_id"])
        out.append(LinkExplanation(r["doc_id"], r["key"], r["name"], r["rule"] or "unknown", r["score"], r["matched"],
                                   r["via"], _readable(r["detail"], a), doc.reference if doc else None))
    return out


def entity_detail(store: Store, name_or_id: str | int, links: bool = True) -> EntityDetail | None:
    """Everything about one entity; `links=False` skips how each article's entity joined (one row per
    article naming it, which the entity page and the JSON API do not show)."""
    rec = find_entity(store, name_or_id)
    if rec is None:
        return None
    a = analysis(store)
    return EntityDetail(entity=rec, names=explain(store, rec.id), claims=list(a.by_entity.get(rec.id, [])),
                        timeline=a.timeline(rec.id), links=explain_links(store, rec.id) if links else [])


# -- claims, conflicts, timelines --------------------------------------------------------------
def claims(store: Store, predicate: str | None = None, min_origins: int = 0,
           entity_id: int | None = None) -> list[ClaimRecord]:
    a = analysis(store)
    recs = a.by_entity.get(entity_id, []) if entity_id is not None else a.claims
    return [r for r in recs if (predicate is None or r.predicate == predicate) and r.n_origins >= min_origins]


def conflicts(store: Store) -> list[Conflict]:
    """Contradictions first, then related figures (different scopes), then agreeing ones at other precision."""
    return list(analysis(store).conflicts)


def timeline(store: Store, name_or_id: str | int) -> list[TimelineEvent]:
    rec = find_entity(store, name_or_id)
    if rec is None:
        return []
    return analysis(store).timeline(rec.id)


# -- network ------------------------------------------------------------------------------------
def graph(store: Store) -> tuple[list[EntityRecord], list[GraphEdge]]:
    a = analysis(store)
    ids = {e.source_id for e in a.edges} | {e.target_id for e in a.edges}
    return [a.entities[i] for i in sorted(ids) if i in a.entities], list(a.edges)


def neighbourhood(store: Store, entity_id: int, depth: int = 1) -> tuple[list[EntityRecord], list[GraphEdge]]:
    a = analysis(store)
    nodes, edges = neighbours(a.edges, entity_id, depth)
    return [a.entities[i] for i in sorted(nodes) if i in a.entities], edges


def path(store: Store, a: str | int, b: str | int) -> list[tuple[EntityRecord, GraphEdge | None]]:
    """Shortest chain of claims from A to B (e.g. an enterprise to a weapon system); [] if none."""
    ea, eb = find_entity(store, a), find_entity(store, b)
    if ea is None or eb is None:
        return []
    an = analysis(store)
    return [(an.entities[n], e) for n, e in find_path(an.edges, ea.id, eb.id)]


def suppliers(store: Store, name_or_id: str | int) -> list[tuple[EntityRecord, ClaimRecord]]:
    """Who supplies, produces for, or feeds components into this entity."""
    rec = find_entity(store, name_or_id)
    if rec is None:
        return []
    a = analysis(store)
    return [(a.entities[r.subject_id], r) for r in a.by_entity.get(rec.id, [])
            if r.predicate in ("supplies", "delivered", "used_in", "produces") and r.subject_id != rec.id
            and r.subject_id in a.entities and rec.id in (r.object_id, r.product_id)]


def customers(store: Store, name_or_id: str | int) -> list[tuple[EntityRecord, ClaimRecord]]:
    """Who this entity supplies, and which weapon systems its output goes into."""
    rec = find_entity(store, name_or_id)
    if rec is None:
        return []
    a = analysis(store)
    return [(a.entities[r.object_id], r) for r in a.by_entity.get(rec.id, [])
            if r.predicate in ("supplies", "delivered", "used_in") and r.subject_id == rec.id
            and r.object_id in a.entities]


def weapon_links(store: Store) -> list[tuple[EntityRecord, EntityRecord, ClaimRecord]]:
    """(producer or product, weapon system, claim) for every used_in / produces-weapon claim."""
    a = analysis(store)
    out = []
    for r in a.claims:
        if (r.predicate in ("used_in", "produces") and r.object_id in a.entities and r.subject_id in a.entities
                and a.entities[r.object_id].type == "weapon_system"):
            out.append((a.entities[r.subject_id], a.entities[r.object_id], r))
    return out
