"""Small read helpers the API and the pages share, over the store and the analyze API.

Everything analytical comes from `supplytrace.analyze.api` (looked up at call time); screening
and export are optional modules used only when they are installed.
"""

from __future__ import annotations

import importlib
import sqlite3
from typing import Any

from supplytrace.analyze import api as analyze
from supplytrace.analyze.types import EntityRecord, GraphEdge, TimelineEvent
from supplytrace.store import Store
from supplytrace.web.render import date_sort_key


class AnalysisUnavailable(Exception):
    """The analyze stage is not implemented in this build."""


def call(fn_name: str, *args: Any, **kwargs: Any) -> Any:
    """Call an analyze API function; a missing implementation becomes AnalysisUnavailable."""
    fn = getattr(analyze, fn_name, None)
    if fn is None:
        raise AnalysisUnavailable(fn_name)
    try:
        return fn(*args, **kwargs)
    except NotImplementedError as exc:
        raise AnalysisUnavailable(fn_name) from exc


def entity_ref(value: str) -> str | int:
    """Path/query entity references: digits are ids, anything else a name."""
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 18 else value


def doc_entity_ids(store: Store, doc_id: str) -> dict[str, int]:
    """Document-local entity key -> canonical entity id (empty if not resolved yet)."""
    try:
        rows = store.conn.execute(
            "SELECT key, entity_id FROM doc_entities WHERE doc_id = ? AND entity_id IS NOT NULL", (doc_id,)
        ).fetchall()
    except sqlite3.Error:
        return {}
    return {r[0]: int(r[1]) for r in rows}


def filtered_graph(store: Store, types: list[str] | None = None, predicates: list[str] | None = None,
                   entity_id: int | None = None, depth: int = 1) -> tuple[list[EntityRecord], list[GraphEdge]]:
    if entity_id is not None:
        nodes, edges = call("neighbourhood", store, entity_id, depth=depth)
    else:
        nodes, edges = call("graph", store)
    if types:
        keep = set(types)
        nodes = [n for n in nodes if n.type in keep or n.id == entity_id]
    if predicates:
        keep_p = set(predicates)
        edges = [e for e in edges if e.predicate in keep_p]
    ids = {n.id for n in nodes}
    edges = [e for e in edges if e.source_id in ids and e.target_id in ids]
    return nodes, edges


def all_timeline(store: Store) -> list[TimelineEvent]:
    """Milestones of every entity that has any, in date order (undated last)."""
    subjects: dict[int, None] = {}
    for c in call("claims", store, predicate="milestone"):
        if c.subject_id is not None:
            subjects[c.subject_id] = None
    events: list[TimelineEvent] = []
    seen: set[tuple[Any, ...]] = set()
    for sid in subjects:
        for ev in call("timeline", store, sid):
            key = (ev.entity_name, ev.date, ev.event, ev.status, ev.claim.id if ev.claim else None)
            if key not in seen:
                seen.add(key)
                events.append(ev)
    events.sort(key=lambda e: (*date_sort_key(e.date), e.entity_name))
    return events


# -- optional stages --------------------------------------------------------------------------
def optional_module(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except Exception:
        return None


def export_formats() -> list[str]:
    """Export formats the export stage offers (empty when it is not installed)."""
    mod = optional_module("supplytrace.export")
    if mod is None:
        return []
    formats = getattr(mod, "FORMATS", None) or getattr(mod, "formats", None)
    if callable(formats):
        try:
            formats = formats()
        except Exception:
            return []
    if isinstance(formats, dict):
        return sorted(str(k) for k in formats)
    if isinstance(formats, list | tuple | set | frozenset):
        return sorted(str(f) for f in formats)
    return []
