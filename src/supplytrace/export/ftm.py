"""FollowTheMoney JSON lines (for Aleph, `ftm` tooling, OpenSanctions' nomenklatura).

Mapping:
- organization -> Organization, person -> Person, place -> Address, facility -> RealEstate (a
  physical site), weapon_system / product -> Asset (FtM has no product schema; the supplytrace
  type is kept in `keywords`). Names in `name` / `alias`, country in `country`, the articles
  naming an entity in `sourceUrl` / `publisher` / `proof`.
- each article -> Article (title, sourceUrl, publisher, publishedAt, language).
- the network's edges (analyze API `graph`: a claim's object entity, and the product entity a
  produces/supplies claim names) become links, with the claim line in `summary`, every evidence
  sentence (source, attribution, origin) in `description`, sources in `sourceUrl`/`publisher`,
  the articles in `proof`, the claim id in `recordId`, dates in `date`/`startDate`/`endDate`:
  - part_of: a LegalEntity that is part of an Organization -> Membership (role "part of");
    a facility that is part of a LegalEntity -> Ownership (owner = the whole, asset = the part);
  - located_in: UnknownLink (role "located in"), and the subject's `addressEntity` / `country`;
  - produces, supplies, used_in, delivered, anything else with an object -> UnknownLink with the
    predicate as `role`;
  a link's id is `supplytrace-claim-<claim id>`; a claim with both an object and a product entity
  (Integral supplies Russia with microchips) gives a second link,
  `supplytrace-claim-<claim id>-<product entity id>`.
- claims with neither (capacity, statistic, milestone...) -> Note on the subject.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy, model

from supplytrace.analyze.types import ClaimRecord, EntityRecord
from supplytrace.export.common import ExportData, claim_text, doc_urls, evidence_text, outlets
from supplytrace.vocab import EntityType, Predicate

SCHEMA = {
    EntityType.ORGANIZATION: "Organization",
    EntityType.PERSON: "Person",
    EntityType.PLACE: "Address",
    EntityType.FACILITY: "RealEstate",
    EntityType.WEAPON_SYSTEM: "Asset",
    EntityType.PRODUCT: "Asset",
}
PREFIX = "supplytrace"


def schema_for(entity_type: str) -> str:
    return SCHEMA.get(entity_type, "LegalEntity")  # type: ignore[call-overload]


def entity_id(entity_id: int) -> str:
    return f"{PREFIX}-entity-{entity_id}"


def claim_entity_id(claim_id: str) -> str:
    return f"{PREFIX}-claim-{claim_id}"


def doc_entity_id(doc_id: str) -> str:
    return f"{PREFIX}-article-{doc_id}"


def _entity(e: EntityRecord) -> EntityProxy:
    schema = schema_for(e.type)
    proxy = model.make_entity(schema)
    proxy.id = entity_id(e.id)
    if schema == "Address":
        proxy.add("full", e.name)
    proxy.add("name", e.name)
    proxy.add("alias", [a for a in e.aliases if a != e.name], quiet=True)
    if e.country:
        proxy.add("country", e.country, quiet=True)
    proxy.add("keywords", e.type)
    proxy.add("summary", f"{e.type.replace('_', ' ')} named in {e.documents} article(s); "
                         f"{e.claims} claim(s) from {e.origins} independent origin(s) (supplytrace)")
    return proxy


def _link_schema(predicate: str, subject: EntityRecord, obj: EntityRecord) -> tuple[str, str, str]:
    """(schema, subject property, object property) for a claim between two entities."""
    subject_schema = model[schema_for(subject.type)]
    object_schema = model[schema_for(obj.type)]
    if predicate == Predicate.PART_OF:
        if subject_schema.is_a("LegalEntity") and object_schema.is_a("Organization"):
            return "Membership", "member", "organization"
        if subject_schema.is_a("Asset") and object_schema.is_a("LegalEntity"):
            return "Ownership", "asset", "owner"
    return "UnknownLink", "subject", "object"


def _annotate(proxy: EntityProxy, c: ClaimRecord, docs: dict[str, str]) -> None:
    proxy.add("summary", claim_text(c))
    proxy.add("description", evidence_text(c) or None, quiet=True)
    proxy.add("sourceUrl", doc_urls(c), quiet=True)
    proxy.add("publisher", outlets(c), quiet=True)
    proxy.add("proof", [docs[ev.doc_id] for ev in c.evidence if ev.doc_id in docs], quiet=True)
    if proxy.schema.is_a("Interval"):
        proxy.add("recordId", c.id)
        proxy.add("date", c.date, quiet=True)
        proxy.add("startDate", c.date_from, quiet=True)
        proxy.add("endDate", c.date_to, quiet=True)
    else:
        proxy.add("notes", f"supplytrace claim {c.id}; independent origins: {', '.join(c.origins) or 'none'}")


def entities(data: ExportData) -> list[EntityProxy]:
    """All FtM entities for the export, links after the things they link."""
    out: list[EntityProxy] = []
    docs: dict[str, str] = {}
    for d in data.documents:
        art = model.make_entity("Article")
        art.id = doc_entity_id(d.id)
        art.add("title", d.title or d.source or d.id)
        art.add("name", d.title or d.source or d.id)
        art.add("sourceUrl", d.url, quiet=True)
        art.add("publisher", d.outlet, quiet=True)
        art.add("publishedAt", d.published, quiet=True)
        art.add("language", d.language, quiet=True)
        art.add("fileName", d.source, quiet=True)
        docs[d.id] = art.id
        out.append(art)
    proxies: dict[int, EntityProxy] = {e.id: _entity(e) for e in data.entities}
    # sources of each entity: the articles its claims come from
    for c in data.claims:
        for eid in (c.subject_id, c.object_id):
            if eid in proxies:
                p = proxies[eid]
                p.add("sourceUrl", doc_urls(c), quiet=True)
                p.add("publisher", outlets(c), quiet=True)
                p.add("proof", [docs[ev.doc_id] for ev in c.evidence if ev.doc_id in docs], quiet=True)
    links: list[EntityProxy] = []
    linked: set[str] = set()

    def add_link(c: ClaimRecord, subject: EntityRecord, obj: EntityRecord, predicate: str, link_id: str) -> None:
        schema, sprop, oprop = _link_schema(predicate, subject, obj)
        link = model.make_entity(schema)
        link.id = link_id
        link.add(sprop, proxies[subject.id].id)
        link.add(oprop, proxies[obj.id].id)
        link.add("role", "part of" if predicate == Predicate.PART_OF else predicate.replace("_", " "))
        _annotate(link, c, docs)
        links.append(link)
        linked.add(c.id)
        if predicate == Predicate.LOCATED_IN and obj.type == EntityType.PLACE:
            proxies[subject.id].add("addressEntity", proxies[obj.id].id)
            proxies[subject.id].add("address", obj.name)
            if obj.country and not proxies[subject.id].get("country"):
                proxies[subject.id].add("country", obj.country, quiet=True)

    # the network edges of the analyze API: a claim's object, and the product it names (Integral
    # produces microelectronics) when that product is an entity of its own
    for edge in data.edges:
        c, subject, obj = data.claim(edge.claim_id), data.entity(edge.source_id), data.entity(edge.target_id)
        if c is None or subject is None or obj is None or subject.id not in proxies or obj.id not in proxies:
            continue
        main = edge.target_id == c.object_id or c.object_id is None  # else the product of a claim with an object
        link_id = claim_entity_id(c.id if main else f"{c.id}-{edge.target_id}")
        add_link(c, subject, obj, edge.predicate, link_id)
    for c in data.claims:
        if c.id in linked:
            continue
        subject = data.entity(c.subject_id)
        obj = data.entity(c.object_id)
        if subject is not None and obj is not None and subject.id in proxies and obj.id in proxies:
            add_link(c, subject, obj, c.predicate, claim_entity_id(c.id))
        else:
            note = model.make_entity("Note")
            note.id = claim_entity_id(c.id)
            note.add("name", claim_text(c))
            if subject is not None and subject.id in proxies:
                note.add("entity", proxies[subject.id].id)
            _annotate(note, c, docs)
            links.append(note)
    out.extend(proxies.values())
    out.extend(links)
    return out


def write(data: ExportData, out: Path) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    items = entities(data)
    with out.open("w", encoding="utf-8") as fh:
        for proxy in items:
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    counts: dict[str, int] = {}
    for p in items:
        counts[p.schema.name] = counts.get(p.schema.name, 0) + 1
    return {"path": str(out), "entities": len(items), "schemata": counts}
