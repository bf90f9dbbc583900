"""A STIX 2.1 bundle (for OpenCTI, MISP and other threat-intelligence platforms), built and
validated with the `stix2` library.

- organization / person -> identity (identity_class organization / individual);
- place, facility -> location (country when known; a facility is a site; `x_supplytrace_type`
  keeps which);
- weapon_system / product -> custom SDO `x-supplytrace-materiel` (STIX has no product object);
- the network's edges (analyze API `graph`: a claim's object entity, and the product entity a
  produces/supplies claim names) and any other claim between two entities -> relationship
  (`relationship_type` = the predicate, hyphenated: produces, supplies, used-in, part-of,
  located-at, delivered...), with `confidence` from
  corroboration (see export.common.confidence), `description` = the claim, `start_time` when dated;
- every claim -> a note carrying its evidence sentences, sources and attribution (`authors` = who
  the report says said it), `object_refs` = the relationship or, for claims without an object,
  the subject;
- every article -> a report (`published` = its date, `object_refs` = what it evidences,
  `external_references` = its URL).
IDs are UUIDv5 of stable keys, so re-exporting the same store gives the same ids.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import stix2
from stix2 import Bundle, ExternalReference, Identity, Location, Note, Relationship, Report

from supplytrace.analyze.types import EntityRecord
from supplytrace.export.common import ExportData, claim_text, confidence, evidence_line
from supplytrace.vocab import EntityType, Predicate

NAMESPACE = uuid.UUID("6b1f3c52-2f0e-4a7e-9d4c-5f3a1f0c7e21")
MATERIEL = "x-supplytrace-materiel"


@stix2.CustomObject(MATERIEL, [
    ("name", stix2.properties.StringProperty(required=True)),
    ("description", stix2.properties.StringProperty()),
    ("materiel_type", stix2.properties.StringProperty()),
    ("aliases", stix2.properties.ListProperty(stix2.properties.StringProperty)),
    ("x_supplytrace_id", stix2.properties.IntegerProperty()),
])
class Materiel:
    """A weapon system or product (STIX 2.1 has no object for materiel)."""


def sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


RELATIONSHIP = {Predicate.LOCATED_IN: "located-at"}


def relationship_type(predicate: str) -> str:
    return RELATIONSHIP.get(predicate, predicate.replace("_", "-"))  # type: ignore[call-overload]


def _date(value: str | None) -> datetime | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date (optionally with a time after it) as UTC midnight; None if
    it is none of these."""
    if value:
        for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
            try:
                return datetime.strptime(value.strip()[:size], fmt).replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


def _published(value: str | None, fallback: datetime) -> datetime:
    return _date(value) or fallback


def _sdo(e: EntityRecord, created: datetime, author: str) -> Any:
    common = {"created": created, "modified": created, "created_by_ref": author}
    custom = {"x_supplytrace_id": e.id, "x_supplytrace_type": e.type, "x_supplytrace_claims": e.claims,
              "x_supplytrace_origins": e.origins, "x_supplytrace_documents": e.documents}
    aliases = [a for a in e.aliases if a != e.name]
    if e.type in (EntityType.ORGANIZATION, EntityType.PERSON):
        return Identity(id=sid("identity", str(e.id)), name=e.name,
                        identity_class="individual" if e.type == EntityType.PERSON else "organization",
                        description=("Also named: " + "; ".join(aliases)) if aliases else None,
                        allow_custom=True, **common, **custom)
    if e.type in (EntityType.PLACE, EntityType.FACILITY):
        where = {"country": e.country} if e.country else {"region": "unknown"}
        return Location(id=sid("location", str(e.id)), name=e.name,
                        description=("Also named: " + "; ".join(aliases)) if aliases else None,
                        allow_custom=True, **where, **common, **custom)
    return Materiel(id=sid(MATERIEL, str(e.id)), name=e.name, materiel_type=e.type, aliases=aliases or None,
                    x_supplytrace_id=e.id, created=created, modified=created, created_by_ref=author,
                    allow_custom=True)


def objects(data: ExportData) -> list[Any]:
    now = datetime.now(UTC).replace(microsecond=0)
    tool = Identity(id=sid("identity", "supplytrace-tool"), name="supplytrace", identity_class="system",
                    description="Objects extracted by supplytrace from open reporting; each note carries the "
                                "source sentences and attribution.", created=now, modified=now)
    author = tool.id
    sdos: dict[int, Any] = {e.id: _sdo(e, now, author) for e in data.entities}
    out: list[Any] = [tool, *sdos.values()]
    per_doc: dict[str, list[str]] = {d.id: [] for d in data.documents}
    # relationships: the network edges of the analyze API (a claim's object, and the product entity
    # a produces/supplies claim names), then any other claim between two entities
    targets: dict[str, list[tuple[int, str]]] = {}
    for edge in data.edges:
        if edge.source_id in sdos and edge.target_id in sdos and data.claim(edge.claim_id) is not None:
            targets.setdefault(edge.claim_id, []).append((edge.target_id, edge.predicate))
    for c in data.claims:
        subject = sdos.get(c.subject_id) if c.subject_id is not None else None
        if subject is None:
            continue
        claim_targets = list(targets.get(c.id, []))
        if not claim_targets and c.object_id is not None and c.object_id in sdos:
            claim_targets = [(c.object_id, c.predicate)]
        refs: list[str] = []
        start = _date(c.date or c.date_from)  # not "now" when a date cannot be read
        stop = _date(c.date_to) if not c.date else None
        if start is not None and stop is not None and stop <= start:
            stop = None
        for target_id, predicate in claim_targets:
            target = sdos[target_id]
            key = c.id if target_id == c.object_id or c.object_id is None else f"{c.id}->{target_id}"
            rel = Relationship(
                id=sid("relationship", key), relationship_type=relationship_type(predicate),
                source_ref=subject.id, target_ref=target.id, description=claim_text(c),
                confidence=confidence(c), created=now, modified=now, created_by_ref=author,
                start_time=start, stop_time=stop, allow_custom=True,
                x_supplytrace_claim_id=c.id, x_supplytrace_modality=c.modality,
                x_supplytrace_origins=c.origins or None, x_supplytrace_articles=c.articles,
            )
            out.append(rel)
            refs.extend([rel.id, target.id])
        refs = list(dict.fromkeys([*refs, subject.id]))
        if not refs:
            continue
        authors = list(dict.fromkeys([*(a for ev in c.evidence for a in ev.attributed_to),
                                      *(ev.outlet for ev in c.evidence if ev.outlet)]))
        content = claim_text(c) + "\n\nEvidence:\n" + "\n".join(f"- {evidence_line(ev)}" for ev in c.evidence)
        ext = [ExternalReference(source_name=ev.outlet or ev.doc_title or "article", url=ev.doc_url,
                                 description=ev.text[:1000]) for ev in c.evidence if ev.doc_url]
        note = Note(id=sid("note", c.id), abstract=claim_text(c)[:250], content=content, object_refs=refs,
                    authors=authors or None, confidence=confidence(c), created=now, modified=now,
                    created_by_ref=author, external_references=ext or None, allow_custom=True,
                    x_supplytrace_claim_id=c.id, x_supplytrace_origins=c.origins or None)
        out.append(note)
        for ev in c.evidence:
            if ev.doc_id in per_doc:
                per_doc[ev.doc_id].extend([*refs, note.id])
    for d in data.documents:
        refs = list(dict.fromkeys(per_doc.get(d.id) or []))
        if not refs:
            refs = [author]  # a report must reference something; an article with no claims cites the tool
        ext = [ExternalReference(source_name=d.outlet or "article", url=d.url)] if d.url else None
        out.append(Report(
            id=sid("report", d.id), name=d.title or d.source or d.id, published=_published(d.published, now),
            report_types=["threat-report"], object_refs=refs, description=f"Article from {d.outlet}" if d.outlet
            else None, external_references=ext, created=now, modified=now, created_by_ref=author,
            allow_custom=True, x_supplytrace_doc_id=d.id, x_supplytrace_outlet=d.outlet,
            x_supplytrace_published=d.published, x_supplytrace_source=d.source,
        ))
    return out


def write(data: ExportData, out: Path) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    items = objects(data)
    bundle = Bundle(objects=items, allow_custom=True)
    # stix2's own pretty printer re-sorts every property of every object against the whole bundle
    # (minutes for a few hundred objects); its compact form is fast, and json re-indents it.
    text = json.dumps(json.loads(bundle.serialize(ensure_ascii=False)), indent=2, ensure_ascii=False)
    out.write_text(text + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for o in items:
        counts[o.type] = counts.get(o.type, 0) + 1
    return {"path": str(out), "objects": len(items), "types": counts}
