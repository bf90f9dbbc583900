"""Timelines per entity: milestones in date order, planned vs reported as done, with sources.

An entity's timeline includes the milestones of the sites that are part of it (a new workshop of
an enterprise), labelled with the site's name.
"""

from __future__ import annotations

from supplytrace.analyze.measures import sort_key
from supplytrace.analyze.types import ClaimRecord, TimelineEvent

PLANNED_EVENTS = {"scheduled_launch", "planned"}


def status(r: ClaimRecord) -> str:
    return "planned" if r.modality == "planned" or r.event in PLANNED_EVENTS else "done"


def timeline_for(entity_id: int, records: list[ClaimRecord]) -> list[TimelineEvent]:
    parts = {r.subject_id for r in records
             if r.predicate == "part_of" and r.object_id == entity_id and r.subject_id is not None}
    out = []
    for r in records:
        if r.predicate != "milestone" or (r.subject_id != entity_id and r.subject_id not in parts):
            continue
        date = r.date or (f">{r.date_from}" if r.date_from else None)
        out.append(TimelineEvent(date=date, event=r.event or "milestone", status=status(r),
                                 entity_name=r.subject_name, claim=r))
    out.sort(key=lambda e: (sort_key((e.claim.date or e.claim.date_from) if e.claim else e.date),
                            e.status == "planned", e.event))
    return out
