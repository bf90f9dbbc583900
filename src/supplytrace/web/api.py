"""The JSON API under /api: read endpoints open, writing endpoints behind the API token."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response

from supplytrace.store import Store
from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate
from supplytrace.web import exporting, screening
from supplytrace.web import schemas as S
from supplytrace.web.config import Settings
from supplytrace.web.deps import get_settings, get_store, require_token
from supplytrace.web.services import (
    all_timeline,
    call,
    doc_entity_ids,
    entity_ref,
    export_formats,
    filtered_graph,
)

router = APIRouter(prefix="/api")

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
NOT_FOUND = {404: {"description": "not found"}}
TypeFilter = Annotated[EntityType | None, Query(description="entity type")]
PredicateFilter = Annotated[Predicate | None, Query(description="claim predicate")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str, Query(max_length=500)]


@router.get("/status", response_model=S.StatusOut, tags=["meta"])
def status(store: StoreDep, settings: SettingsDep, request: Request) -> S.StatusOut:
    """What this server offers: store size, whether writing, screening and export are enabled."""
    try:
        call("entities", store, type=None, query="__probe__")
        analysis = True
    except Exception:
        analysis = False
    return S.StatusOut(documents=store.count_documents(), writable=settings.writable, analysis=analysis,
                       screening=screening.available(settings), export_formats=export_formats(),
                       graph_library=request.app.state.graph_library is not None)


@router.get("/vocab", response_model=S.VocabOut, tags=["meta"])
def vocab() -> S.VocabOut:
    """The domain vocabulary (for filters): entity types, predicates, modalities, milestone events."""
    return S.VocabOut(entity_types=[str(t) for t in EntityType], predicates=[str(p) for p in Predicate],
                      modalities=[str(m) for m in Modality], events=[str(e) for e in MilestoneEvent])


# -- documents ---------------------------------------------------------------------------------
@router.get("/documents", response_model=S.DocumentPage, tags=["documents"])
def documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> S.DocumentPage:
    """Articles in the store (newest publication first)."""
    total = store.count_documents()
    rows = store.conn.execute(
        "SELECT id, title, url, outlet, published, language, source FROM documents"
        " ORDER BY published IS NULL, published DESC, rowid LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return S.DocumentPage(total=total, items=[S.DocumentSummaryOut(**dict(r)) for r in rows])


@router.get("/documents/{doc_id}", response_model=S.DocumentOut, responses=NOT_FOUND, tags=["documents"])
def document(doc_id: str, store: StoreDep) -> S.DocumentOut:
    """One article: its text and the extracted mentions and claims with character offsets."""
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    ex = store.extraction(doc.id)
    ids = doc_entity_ids(store, doc.id)
    mentions = [S.MentionOut(key=m.key, text=m.text, start=m.start, end=m.end, type=str(m.type),
                             entity_id=ids.get(m.key))
                for e in ex.entities for m in e.mentions]
    mentions.sort(key=lambda m: m.start)
    names = {e.key: e.name for e in ex.entities}
    claims = [S.DocClaimOut(predicate=str(c.predicate), subject=names.get(c.subject or "", c.subject_text),
                            object=names.get(c.object or "") if c.object else None, object_text=c.object_text,
                            modality=str(c.modality), evidence=c.evidence, evidence_start=c.evidence_start,
                            evidence_end=c.evidence_end) for c in ex.claims]
    return S.DocumentOut(id=doc.id, title=doc.title, url=doc.url, outlet=doc.outlet, published=doc.published,
                         language=doc.language, source=doc.source, text=doc.text, mentions=mentions, claims=claims)


@router.get("/search", response_model=S.SearchOut, tags=["documents"])
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> S.SearchOut:
    """Search entities (by any of their names) and articles (full text) at once."""
    ents = call("entities", store, type=None, query=q)[:limit]
    hits = store.search(q, limit=limit)
    return S.SearchOut(query=q, entities=[S.EntityOut.model_validate(e) for e in ents],
                       documents=[S.SearchHitOut.model_validate(h) for h in hits])


# -- entities and claims -------------------------------------------------------------------------
@router.get("/entities", response_model=list[S.EntityOut], tags=["entities"])
def entities(store: StoreDep, type: TypeFilter = None, q: Text | None = None, limit: Limit = 200,
             offset: Offset = 0) -> list[S.EntityOut]:
    """Canonical entities, optionally of one type and/or matching a name."""
    recs = call("entities", store, type=str(type) if type else None, query=q or None)
    return [S.EntityOut.model_validate(e) for e in recs[offset:offset + limit]]


@router.get("/entities/{ref}", response_model=S.EntityDetailOut, responses=NOT_FOUND, tags=["entities"])
def entity(ref: str, store: StoreDep) -> Response:
    """An entity by id or name: all its names (with why), its claims with corroboration and evidence."""
    detail = call("entity_detail", store, entity_ref(ref), links=False)
    if detail is None:
        raise HTTPException(404, "no such entity")
    # serialised here, once, by pydantic's JSON encoder: a hub entity's page is a megabyte, and the
    # generic path (model -> Python objects -> json.dumps) costs three times as much
    body = S.EntityDetailOut.model_validate(detail).model_dump_json()
    return Response(body, media_type="application/json")


@router.get("/entities/{ref}/timeline", response_model=list[S.TimelineEventOut], responses=NOT_FOUND,
            tags=["entities"])
def entity_timeline(ref: str, store: StoreDep) -> list[S.TimelineEventOut]:
    """An entity's milestones, planned and done."""
    if call("find_entity", store, entity_ref(ref)) is None:
        raise HTTPException(404, "no such entity")
    return [S.TimelineEventOut.model_validate(e) for e in call("timeline", store, entity_ref(ref))]


@router.get("/entities/{ref}/network", response_model=S.GraphOut, responses=NOT_FOUND, tags=["network"])
def entity_network(ref: str, store: StoreDep, depth: Annotated[int, Query(ge=1, le=3)] = 1,
                   type: Annotated[list[EntityType] | None, Query()] = None,
                   predicate: Annotated[list[Predicate] | None, Query()] = None) -> S.GraphOut:
    """The entity's neighbourhood in the network, `depth` hops out."""
    rec = call("find_entity", store, entity_ref(ref))
    if rec is None:
        raise HTTPException(404, "no such entity")
    nodes, edges = filtered_graph(store, [str(t) for t in type or []], [str(p) for p in predicate or []],
                                  entity_id=rec.id, depth=depth)
    return _graph_out(nodes, edges)


@router.get("/claims", response_model=list[S.ClaimOut], tags=["claims"])
def claims(store: StoreDep, predicate: PredicateFilter = None,
           min_origins: Annotated[int, Query(ge=0, le=1000)] = 0,
           entity: Annotated[str | None, Query(max_length=500, description="entity id or name")] = None,
           limit: Limit = 500, offset: Offset = 0) -> list[S.ClaimOut]:
    """Consolidated claims with their evidence and independent origins."""
    entity_id = None
    if entity:
        rec = call("find_entity", store, entity_ref(entity))
        if rec is None:
            return []
        entity_id = rec.id
    recs = call("claims", store, predicate=str(predicate) if predicate else None, min_origins=min_origins,
                entity_id=entity_id)
    return [S.ClaimOut.model_validate(c) for c in recs[offset:offset + limit]]


@router.get("/conflicts", response_model=list[S.ConflictOut], tags=["claims"])
def conflicts(store: StoreDep) -> list[S.ConflictOut]:
    """Figures and dates that disagree between reports, side by side."""
    return [S.ConflictOut.model_validate(c) for c in call("conflicts", store)]


@router.get("/timeline", response_model=list[S.TimelineEventOut], tags=["claims"])
def timeline(store: StoreDep,
             entity: Annotated[str | None, Query(max_length=500, description="entity id or name")] = None,
             ) -> list[S.TimelineEventOut]:
    """Milestones (planned vs done), of one entity or of all."""
    if entity:
        if call("find_entity", store, entity_ref(entity)) is None:
            return []
        events = call("timeline", store, entity_ref(entity))
    else:
        events = all_timeline(store)
    return [S.TimelineEventOut.model_validate(e) for e in events]


# -- network ---------------------------------------------------------------------------------------
def _graph_out(nodes: list, edges: list) -> S.GraphOut:
    return S.GraphOut(nodes=[S.EntityOut.model_validate(n) for n in nodes],
                      edges=[S.GraphEdgeOut.model_validate(e) for e in edges])


@router.get("/graph", response_model=S.GraphOut, tags=["network"])
def graph(store: StoreDep, type: Annotated[list[EntityType] | None, Query()] = None,
          predicate: Annotated[list[Predicate] | None, Query()] = None) -> S.GraphOut:
    """The whole network, optionally only some entity types and predicates."""
    nodes, edges = filtered_graph(store, [str(t) for t in type or []], [str(p) for p in predicate or []])
    return _graph_out(nodes, edges)


@router.get("/path", response_model=list[S.PathStepOut], tags=["network"])
def path(store: StoreDep, a: Annotated[str, Query(min_length=1, max_length=500)],
         b: Annotated[str, Query(min_length=1, max_length=500)]) -> list[S.PathStepOut]:
    """A shortest chain of claims linking two entities (e.g. an enterprise to a weapon system)."""
    if call("find_entity", store, entity_ref(a)) is None or call("find_entity", store, entity_ref(b)) is None:
        return []
    steps = call("path", store, entity_ref(a), entity_ref(b))
    return [S.PathStepOut(entity=S.EntityOut.model_validate(e),
                          edge=S.GraphEdgeOut.model_validate(g) if g is not None else None) for e, g in steps]


# -- screening and export (optional stages) ---------------------------------------------------------
@router.get("/screening", response_model=S.ScreenReportOut, tags=["screening"],
            responses={404: {"description": "screening not configured"}}, response_model_by_alias=True)
def screening_results(store: StoreDep, settings: SettingsDep,
                      status: Annotated[Literal["listed", "possible", "unlisted"] | None, Query()] = None,
                      ) -> S.ScreenReportOut:
    """Organizations and persons screened against the configured sanctions list: listed, possible, unlisted."""
    if not screening.available(settings):
        raise HTTPException(404, "screening is not configured on this server")
    return screening.report(store, settings, status)


@router.get("/export/{format}", tags=["export"], response_class=Response,
            responses={200: {"content": {"application/octet-stream": {}}}, 404: {"description": "unknown format"}})
def export(format: str, store: StoreDep) -> Response:
    """Download the store in an export format (see /api/status for the formats offered)."""
    return exporting.download(store, format)


# -- writing ------------------------------------------------------------------------------------------
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@router.post("/documents", response_model=S.IngestOut, status_code=201, tags=["write"],
             dependencies=[Depends(require_token)],
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "read-only server"},
                        413: {"description": "upload too large"}, 422: {"description": "unreadable upload"}})
def upload(store: StoreDep, settings: SettingsDep, file: Annotated[UploadFile, File()],
           ) -> S.IngestOut:
    """Ingest one uploaded article file (text, HTML, JSONL …): extract, store, resolve."""
    from supplytrace.pipeline import ingest

    data = file.file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise HTTPException(413, f"upload too large (limit {settings.max_upload_bytes} bytes)")
    if not data.strip():
        raise HTTPException(422, "empty upload")
    name = _SAFE_NAME.sub("_", Path(file.filename or "upload.txt").name).strip("._") or "upload.txt"
    if "." not in name:
        name += ".txt"
    extractor = _extractor(settings)
    with tempfile.TemporaryDirectory(prefix="supplytrace-upload-") as tmp:
        target = Path(tmp) / name[-120:]
        target.write_bytes(data)
        report = ingest([target], store, extractor=extractor)
    if report.failed and not (report.ingested or report.present):
        raise HTTPException(422, "; ".join(f.reason for f in report.failed))
    return S.IngestOut(ingested=report.ingested, present=report.present,
                       failed=[f.reason for f in report.failed])


def _extractor(settings: Settings):  # noqa: ANN202
    from supplytrace.extract import get_extractor

    ex = settings.extractor
    if ex is None or isinstance(ex, str):
        try:
            return get_extractor(ex) if ex else get_extractor()
        except Exception as exc:
            raise HTTPException(503, f"no extractor available for uploads: {exc}") from exc
    return ex


@router.post("/entities/merge", response_model=S.OverrideOut, tags=["write"], dependencies=[Depends(require_token)],
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "read-only server"},
                        501: {"description": "not supported by this build"}})
def merge(body: S.MergeIn, store: StoreDep) -> S.OverrideOut:
    """Fold entity `b` into entity `a` (an analyst's decision, kept and re-applied as an override)."""
    return _override("merge", body, store)


@router.post("/entities/split", response_model=S.OverrideOut, tags=["write"], dependencies=[Depends(require_token)],
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "read-only server"},
                        501: {"description": "not supported by this build"}})
def split(body: S.MergeIn, store: StoreDep) -> S.OverrideOut:
    """Split the name `b` (an alias) off entity `a` into an entity of its own."""
    return _override("split", body, store)


def _override(action: str, body: S.MergeIn, store: Store) -> S.OverrideOut:
    from supplytrace.web.services import optional_module

    resolve = optional_module("supplytrace.resolve")
    add_override = getattr(resolve, "add_override", None) if resolve else None
    if not callable(add_override):
        raise HTTPException(501, f"{action} is not available in this build")
    try:
        result = add_override(store, action, body.a.strip(), body.b.strip())
    except (ValueError, LookupError) as exc:
        raise HTTPException(422, str(exc)) from exc
    return S.OverrideOut(action=action, a=body.a, b=body.b, entity_id=result if isinstance(result, int) else None)
