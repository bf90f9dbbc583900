"""What every export format reads: entities, consolidated claims, graph edges and article metadata,
all through the analyze API and the store's document API (no SQL here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from supplytrace.analyze import api
from supplytrace.analyze.types import ClaimRecord, EntityRecord, EvidenceRecord, GraphEdge
from supplytrace.model import Document
from supplytrace.store import Store
from supplytrace.vocab import Modality


@dataclass
class ExportData:
    entities: list[EntityRecord]
    claims: list[ClaimRecord]
    edges: list[GraphEdge]
    documents: list[Document]
    _entities: dict[int, EntityRecord] = field(default_factory=dict, repr=False)
    _claims: dict[str, ClaimRecord] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._entities = {e.id: e for e in self.entities}
        self._claims = {c.id: c for c in self.claims}

    def entity(self, entity_id: int | None) -> EntityRecord | None:
        return self._entities.get(entity_id) if entity_id is not None else None

    def claim(self, claim_id: str) -> ClaimRecord | None:
        return self._claims.get(claim_id)


def collect(store: Store) -> ExportData:
    """Everything an export needs, read once."""
    entities = api.entities(store)
    claims = api.claims(store)
    _, edges = api.graph(store)
    docs = store.documents()
    return ExportData(entities=entities, claims=claims, edges=edges, documents=docs)


def value_text(c: ClaimRecord) -> str:
    if c.value is None:
        return ""
    text = "–".join(_num(v) for v in c.value) if isinstance(c.value, list) else _num(c.value)
    return " ".join(p for p in (text, c.unit or "", f"per {c.period}" if c.period else "") if p)


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return f"{v:,}" if isinstance(v, int | float) else str(v)


def claim_text(c: ClaimRecord) -> str:
    """A claim as one readable line: 'Integral used_in Kh-101 (possible)'."""
    parts = [c.subject_name, c.predicate.replace("_", " ")]
    if c.event:
        parts.append(c.event.replace("_", " "))
    obj = c.object_name or c.object_text
    if obj:
        parts.append(obj)
    value = value_text(c)
    if value:
        parts.append(f": {value}")
    when = c.date or " to ".join(d for d in (c.date_from, c.date_to) if d)
    if when:
        parts.append(f"({when})")
    text = " ".join(parts).replace(" :", ":")
    if c.modality != Modality.REPORTED:
        text += f" [{c.modality}]"
    return text


def evidence_line(ev: EvidenceRecord) -> str:
    """One evidence sentence with its source and attribution."""
    where = ", ".join(p for p in (ev.outlet or ev.doc_title or ev.doc_id, ev.published, ev.doc_url) if p)
    line = f"“{ev.text.strip()}” — {where}"
    if ev.attributed_to:
        line += f"; attributed to {', '.join(ev.attributed_to)}"
    if ev.origin:
        line += f"; origin: {ev.origin}"
    if ev.modality and ev.modality != Modality.REPORTED:
        line += f"; {ev.modality}"
    return line


def evidence_text(c: ClaimRecord) -> str:
    return "\n".join(evidence_line(ev) for ev in c.evidence)


def confidence(c: ClaimRecord) -> int:
    """0–100 from corroboration: one independent origin 40, two 65, three or more 85; hedged
    modalities (planned, estimated, claimed, possible) 15 lower. A heuristic, stated as such."""
    n = c.n_origins
    base = 40 if n <= 1 else 65 if n == 2 else 85
    if c.modality != Modality.REPORTED:
        base -= 15
    return max(5, min(100, base))


def doc_urls(c: ClaimRecord) -> list[str]:
    return list(dict.fromkeys(ev.doc_url for ev in c.evidence if ev.doc_url))


def outlets(c: ClaimRecord) -> list[str]:
    return list(dict.fromkeys(ev.outlet for ev in c.evidence if ev.outlet))
