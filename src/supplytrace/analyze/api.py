"""The analyze API: every function takes a Store and returns plain records (see types.py).

Stub signatures: the resolve/analyze work fills these in. Other layers import from here.
"""

from __future__ import annotations

from supplytrace.analyze.types import (
    ClaimRecord,
    Conflict,
    EntityDetail,
    EntityRecord,
    GraphEdge,
    TimelineEvent,
)
from supplytrace.store import Store


def entities(store: Store, type: str | None = None, query: str | None = None) -> list[EntityRecord]:
    raise NotImplementedError


def find_entity(store: Store, name_or_id: str | int) -> EntityRecord | None:
    raise NotImplementedError


def entity_detail(store: Store, name_or_id: str | int) -> EntityDetail | None:
    raise NotImplementedError


def claims(store: Store, predicate: str | None = None, min_origins: int = 0,
           entity_id: int | None = None) -> list[ClaimRecord]:
    raise NotImplementedError


def conflicts(store: Store) -> list[Conflict]:
    raise NotImplementedError


def timeline(store: Store, name_or_id: str | int) -> list[TimelineEvent]:
    raise NotImplementedError


def neighbourhood(store: Store, entity_id: int, depth: int = 1) -> tuple[list[EntityRecord], list[GraphEdge]]:
    raise NotImplementedError


def graph(store: Store) -> tuple[list[EntityRecord], list[GraphEdge]]:
    raise NotImplementedError


def path(store: Store, a: str | int, b: str | int) -> list[tuple[EntityRecord, GraphEdge | None]]:
    raise NotImplementedError
