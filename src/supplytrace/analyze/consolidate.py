"""Consolidated claims: the same fact from several articles becomes one ClaimRecord with all its evidence.

Two article claims are the same fact when they have the same canonical subject and predicate and:
- relations (produces, supplies, used_in, part_of, located_in): the same object entity and the same
  product (object text resolved to a product entity) or similar object text;
- figures (capacity, delivered, statistic): the same value within 1% after unit conversion
  (12-18 months = 1-1.5 years), compatible units, the same period and, for capacity and
  deliveries, compatible dates (a statistic's date is when it was reported, not its scope);
- milestones: the same event and compatible dates ("2024-12" and "2024").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from supplytrace.analyze.facts import Fact, World
from supplytrace.analyze.measures import dates_agree, finest, same_value, text_similarity, unit_class, units_compatible
from supplytrace.analyze.origins import independent_origins, origin_of
from supplytrace.analyze.types import ClaimRecord, EvidenceRecord

RELATIONS = {"produces", "supplies", "used_in", "part_of", "located_in"}


def subject_key(f: Fact) -> Hashable:
    if f.subject_id is not None:
        return ("e", f.subject_id)
    if f.subject_product_id is not None:
        return ("e", f.subject_product_id)
    return ("t", (f.claim.subject_text or "").casefold().strip())


def _same_fact(a: Fact, b: Fact) -> bool:
    ca, cb = a.claim, b.claim
    pred = str(ca.predicate)
    if pred in RELATIONS:
        if a.product_id is not None or b.product_id is not None:
            if a.product_id == b.product_id:
                return True
            # one side resolved to a product, the other is free text naming the same thing
            if a.product_id is not None and b.product_id is not None:
                return False
        if not ca.object_text and not cb.object_text:
            return True
        if bool(ca.object_text) != bool(cb.object_text):
            return False
        return text_similarity(ca.object_text, cb.object_text) >= 0.6
    if pred == "milestone":
        return (ca.event == cb.event and dates_agree(ca.date, cb.date)
                and dates_agree(ca.date_from, cb.date_from))
    # figures
    if not same_value(ca.value, ca.unit, cb.value, cb.unit) or not units_compatible(ca.unit, cb.unit):
        return False
    if ca.period and cb.period and ca.period != cb.period:
        return False
    if pred != "statistic" and not (dates_agree(ca.date, cb.date) and dates_agree(ca.date_to, cb.date_to)):
        return False
    if unit_class(ca.unit)[0] == "count" and unit_class(cb.unit)[0] == "count":
        return text_similarity(ca.object_text, cb.object_text) >= 0.3
    return True


def _signature(f: Fact) -> Hashable:
    """Everything `_same_fact` reads of a fact (beyond the bucket key)."""
    c = f.claim
    value = tuple(c.value) if isinstance(c.value, list | tuple) else c.value
    return (f.product_id, c.object_text, str(c.event) if c.event else None, c.date, c.date_from, c.date_to,
            value, c.unit, c.period)


def group_facts(facts: list[Fact]) -> list[list[Fact]]:
    """First-fit grouping: a fact joins the first group all of whose members it matches.

    `_same_fact` is symmetric and depends only on the signature, so a fact with the signature of a
    fact already placed lands in that fact's group (every earlier group it fails, that fact failed
    on a member still there): such repeats skip the scan, which keeps hub entities with thousands
    of near-identical reports linear.
    """
    buckets: dict[Hashable, tuple[list[list[Fact]], dict[Hashable, list[Fact]]]] = {}
    for f in facts:
        key = (str(f.claim.predicate), subject_key(f), f.object_id)
        groups, placed = buckets.setdefault(key, ([], {}))
        sig = _signature(f)
        g = placed.get(sig)
        if g is None:
            g = next((g for g in groups if all(_same_fact(f, m) for m in g)), None)
            if g is None:
                g = []
                groups.append(g)
            placed[sig] = g
        g.append(f)
    return [g for groups, _ in buckets.values() for g in groups]


def evidence_record(f: Fact, world: World) -> EvidenceRecord:
    c = f.claim
    attributed = [world.names.get(e, str(e)) for e in f.attributed_ids]
    return EvidenceRecord(
        doc_id=f.doc.id, text=c.evidence, start=c.evidence_start, end=c.evidence_end, doc_title=f.doc.title,
        doc_url=f.doc.url, outlet=f.doc.outlet, published=f.doc.published, modality=str(c.modality),
        attributed_to=attributed, origin=origin_of(f, world).label, date=c.date, value=c.value, unit=c.unit,
        goods=c.object_detail,
    )


def claim_record(group: list[Fact], world: World) -> ClaimRecord:
    first = group[0]
    c = first.claim
    subject_id = first.subject_id if first.subject_id is not None else first.subject_product_id
    subject_name = world.names.get(subject_id) if subject_id is not None else (c.subject_text or "")
    modality = Counter(str(f.claim.modality) for f in group).most_common(1)[0][0]
    origins = independent_origins(group, world)
    return ClaimRecord(
        id=f"{first.doc.id[:10]}-{first.idx}",
        predicate=str(c.predicate),
        subject_id=subject_id,
        subject_name=subject_name or "",
        object_id=first.object_id,
        object_name=world.names.get(first.object_id) if first.object_id is not None else None,
        object_text=next((f.claim.object_text for f in group if f.claim.object_text), None),
        value=c.value, unit=c.unit, period=next((f.claim.period for f in group if f.claim.period), None),
        date=finest([f.claim.date for f in group]),
        date_from=finest([f.claim.date_from for f in group]),
        date_to=finest([f.claim.date_to for f in group]),
        event=str(c.event) if c.event else None,
        modality=modality,
        evidence=[evidence_record(f, world) for f in group],
        origins=[o.label for o in origins],
        articles=len({f.doc.id for f in group}),
        product_id=next((f.product_id for f in group if f.product_id is not None), None),
        product_name=next((world.names.get(f.product_id) for f in group if f.product_id is not None), None),
    )


def consolidate(world: World) -> list[ClaimRecord]:
    records = [claim_record(g, world) for g in group_facts(world.facts)]
    records.sort(key=lambda r: (r.subject_name.casefold(), r.predicate, -r.n_origins, r.id))
    return records
