"""analyze stage: consolidated claims, corroboration by independent origins, conflicts, timelines, network.

The public functions below are the API the CLI, web, screen and export layers use.
"""

from __future__ import annotations

from supplytrace.analyze.types import (
    AliasExplanation,
    ClaimRecord,
    Conflict,
    EntityDetail,
    EntityRecord,
    EvidenceRecord,
    GraphEdge,
    LinkExplanation,
    TimelineEvent,
    to_frame,
)

__all__ = [
    "AliasExplanation", "ClaimRecord", "Conflict", "EntityDetail", "EntityRecord", "EvidenceRecord",
    "GraphEdge", "LinkExplanation", "TimelineEvent", "to_frame",
]
# Functions to be provided by supplytrace.analyze.api (resolve/analyze work):
#   entities(store, type=None, query=None) -> list[EntityRecord]
#   find_entity(store, name_or_id) -> EntityRecord | None
#   entity_detail(store, name_or_id) -> EntityDetail | None
#   claims(store, predicate=None, min_origins=0, entity_id=None) -> list[ClaimRecord]
#   conflicts(store) -> list[Conflict]
#   timeline(store, name_or_id) -> list[TimelineEvent]
#   neighbourhood(store, entity_id, depth=1) -> tuple[list[EntityRecord], list[GraphEdge]]
#   graph(store) -> tuple[list[EntityRecord], list[GraphEdge]]
#   path(store, a, b) -> list[tuple[EntityRecord, GraphEdge | None]]
