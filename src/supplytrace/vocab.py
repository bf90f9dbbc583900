"""The domain vocabulary, declared once.

Entity types, claim predicates, modalities and milestone events are defined here and nowhere
else: extraction labels, the store schema's check constraints, exports and UI filters all
derive from these enums.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityType(StrEnum):
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"
    FACILITY = "facility"
    WEAPON_SYSTEM = "weapon_system"
    PRODUCT = "product"


class Predicate(StrEnum):
    PRODUCES = "produces"
    SUPPLIES = "supplies"
    USED_IN = "used_in"
    PART_OF = "part_of"
    LOCATED_IN = "located_in"
    CAPACITY = "capacity"
    DELIVERED = "delivered"
    STATISTIC = "statistic"
    MILESTONE = "milestone"


class Modality(StrEnum):
    REPORTED = "reported"
    PLANNED = "planned"
    ESTIMATED = "estimated"
    CLAIMED = "claimed"
    POSSIBLE = "possible"


class MilestoneEvent(StrEnum):
    SUSPENDED = "suspended"
    REVIVED = "revived"
    CONSTRUCTION_STARTED = "construction_started"
    COMPLETED = "completed"
    OPERATIONS_STARTED = "operations_started"
    FULL_CAPACITY = "full_capacity"
    SCHEDULED_LAUNCH = "scheduled_launch"
    PLANNED = "planned"


@dataclass(frozen=True)
class PredicateSpec:
    """Which entity types a predicate links, and which extra fields it needs."""

    subject_types: frozenset[EntityType] | None  # None: any type
    object_types: frozenset[EntityType] | None
    numeric: bool = False
    needs: tuple[str, ...] = ()


_E = EntityType
PREDICATES: dict[Predicate, PredicateSpec] = {
    Predicate.PRODUCES: PredicateSpec(frozenset({_E.ORGANIZATION, _E.FACILITY, _E.PLACE}),
                                      frozenset({_E.WEAPON_SYSTEM})),
    Predicate.SUPPLIES: PredicateSpec(frozenset({_E.ORGANIZATION, _E.PLACE}),
                                      frozenset({_E.ORGANIZATION, _E.PLACE})),
    Predicate.USED_IN: PredicateSpec(frozenset({_E.ORGANIZATION, _E.PRODUCT}),
                                     frozenset({_E.WEAPON_SYSTEM}), needs=("object",)),
    Predicate.PART_OF: PredicateSpec(frozenset({_E.ORGANIZATION, _E.FACILITY}),
                                     frozenset({_E.ORGANIZATION, _E.PLACE, _E.FACILITY}), needs=("object",)),
    Predicate.LOCATED_IN: PredicateSpec(frozenset({_E.ORGANIZATION, _E.FACILITY}),
                                        frozenset({_E.PLACE}), needs=("object",)),
    Predicate.CAPACITY: PredicateSpec(frozenset({_E.ORGANIZATION, _E.FACILITY, _E.PLACE}), None, numeric=True,
                                      needs=("value", "unit", "period", "object_text")),
    Predicate.DELIVERED: PredicateSpec(frozenset({_E.ORGANIZATION, _E.PLACE}),
                                       frozenset({_E.ORGANIZATION, _E.PLACE}), numeric=True,
                                       needs=("value", "unit")),
    Predicate.STATISTIC: PredicateSpec(None, None, numeric=True, needs=("value", "unit", "object_text")),
    Predicate.MILESTONE: PredicateSpec(frozenset({_E.FACILITY, _E.ORGANIZATION}), None,
                                       needs=("event", "date")),
}

NUMERIC_PREDICATES = frozenset(p for p, s in PREDICATES.items() if s.numeric)

# Entity types that can be screened against sanctions lists.
SCREENABLE_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.PERSON})


def sql_in_list(enum: type[StrEnum]) -> str:
    """Render an enum as a SQL `IN (...)` list for CHECK constraints."""
    return "(" + ", ".join(f"'{m.value}'" for m in enum) + ")"
