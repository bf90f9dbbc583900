"""Response models of the HTTP API: pydantic mirrors of the analyze dataclasses (for OpenAPI)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EntityOut(_Out):
    id: int
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    documents: int = 0
    claims: int = 0
    origins: int = 0


class AliasOut(_Out):
    name: str
    rule: str
    score: float | None = None
    detail: str | None = None


class EvidenceOut(_Out):
    doc_id: str
    text: str
    start: int | None = None
    end: int | None = None
    doc_title: str | None = None
    doc_url: str | None = None
    outlet: str | None = None
    published: str | None = None
    modality: str = "reported"
    attributed_to: list[str] = Field(default_factory=list)
    origin: str = ""
    date: str | None = Field(None, description="the date this article gives for the fact")
    value: float | list[float] | None = Field(None, description="the figure this article gives")
    unit: str | None = None
    goods: str | None = Field(None, description="the goods as this article words them")


class ClaimOut(_Out):
    id: str
    predicate: str
    subject_id: int | None = None
    subject_name: str
    object_id: int | None = None
    object_name: str | None = None
    object_text: str | None = None
    value: float | list[float] | None = None
    unit: str | None = None
    period: str | None = None
    date: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    event: str | None = None
    modality: str = "reported"
    evidence: list[EvidenceOut] = Field(default_factory=list)
    origins: list[str] = Field(default_factory=list)
    articles: int = 0
    n_origins: int = Field(0, description="number of independent origins (corroboration)")
    product_id: int | None = Field(None, description="the product entity `object_text` names, when resolved")
    product_name: str | None = None


class TimelineEventOut(_Out):
    date: str | None = None
    event: str
    status: str = Field(description='"planned" or "done"')
    entity_name: str
    claim: ClaimOut | None = None


class EntityDetailOut(_Out):
    entity: EntityOut
    names: list[AliasOut] = Field(default_factory=list)
    claims: list[ClaimOut] = Field(default_factory=list)
    timeline: list[TimelineEventOut] = Field(default_factory=list)


class ConflictOut(_Out):
    subject_name: str
    measure: str
    kind: str = Field(description='"contradiction", "related" or "agree"')
    claims: list[ClaimOut] = Field(default_factory=list)
    note: str = ""


class GraphEdgeOut(_Out):
    source_id: int
    target_id: int
    predicate: str
    claim_id: str
    label: str = ""


class GraphOut(BaseModel):
    nodes: list[EntityOut]
    edges: list[GraphEdgeOut]


class PathStepOut(BaseModel):
    entity: EntityOut
    edge: GraphEdgeOut | None = None


class DocumentSummaryOut(_Out):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source: str | None = None


class MentionOut(BaseModel):
    key: str
    text: str
    start: int
    end: int
    type: str
    entity_id: int | None = None


class DocClaimOut(BaseModel):
    predicate: str
    subject: str | None = None
    object: str | None = None
    object_text: str | None = None
    modality: str
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None


class DocumentOut(DocumentSummaryOut):
    text: str
    mentions: list[MentionOut] = Field(default_factory=list)
    claims: list[DocClaimOut] = Field(default_factory=list)


class DocumentPage(BaseModel):
    total: int
    items: list[DocumentSummaryOut]


class SearchHitOut(_Out):
    doc_id: str
    title: str | None = None
    source: str | None = None
    snippet: str = Field(description="matched terms wrapped in [[ ]]")
    rank: float


class SearchOut(BaseModel):
    query: str
    entities: list[EntityOut]
    documents: list[SearchHitOut]


class VocabOut(BaseModel):
    entity_types: list[str]
    predicates: list[str]
    modalities: list[str]
    events: list[str]


class StatusOut(BaseModel):
    documents: int
    writable: bool
    analysis: bool
    screening: bool
    export_formats: list[str]
    graph_library: bool


class IngestOut(BaseModel):
    ingested: list[str]
    present: list[str]
    failed: list[str]


class MergeIn(BaseModel):
    a: str = Field(min_length=1, max_length=500, description="entity id or name")
    b: str = Field(min_length=1, max_length=500, description="entity id or name")


class OverrideOut(BaseModel):
    action: str
    a: str
    b: str
    entity_id: int | None = Field(None, description="the surviving (merge) or new (split) entity")


class ScreenHitOut(BaseModel):
    list_id: str
    caption: str
    schema_: str = Field(alias="schema", serialization_alias="schema")
    score: float
    query_name: str | None = None
    matched_name: str | None = None
    where: str = ""
    countries: list[str] = Field(default_factory=list)
    programs: list[str] = Field(default_factory=list)
    authorities: list[str] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    explanation: str = ""

    model_config = ConfigDict(populate_by_name=True)


class ScreenResultOut(BaseModel):
    entity: EntityOut
    status: str = Field(description='"listed", "possible" or "unlisted"')
    score: float
    hits: list[ScreenHitOut] = Field(default_factory=list)


class ScreenReportOut(BaseModel):
    source: str
    threshold: float
    list_entities: int
    results: list[ScreenResultOut]
    notes: list[str] = Field(default_factory=list)
