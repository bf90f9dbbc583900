"""The HTML pages: server-rendered Jinja2 (autoescape on), data for scripts via JSON endpoints."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from supplytrace.analyze.facts import site_of
from supplytrace.analyze.types import ClaimRecord, EntityRecord
from supplytrace.model import Document
from supplytrace.store import Store
from supplytrace.vocab import EntityType, Predicate
from supplytrace.web import render
from supplytrace.web.deps import get_store
from supplytrace.web.services import all_timeline, call, doc_entity_ids, entity_ref

HERE = Path(__file__).resolve().parent
# autoescape always on, for every template: every string from an article is untrusted
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                          undefined=jinja2.Undefined)
templates = Jinja2Templates(env=_env)
templates.env.filters["fmt_value"] = render.fmt_value
templates.env.filters["predicate_label"] = render.predicate_label
templates.env.filters["safe_url"] = render.safe_url
templates.env.filters["site"] = site_of
templates.env.globals["claim_object"] = render.claim_object
templates.env.globals["claim_when"] = render.claim_when
templates.env.globals["doc_name"] = render.doc_name
templates.env.globals["adds_to_value"] = render.adds_to_value
templates.env.globals["date_passed"] = render.date_passed
templates.env.filters["event_label"] = render.event_label
templates.env.globals["entity_types"] = [str(t) for t in EntityType]
templates.env.globals["predicates"] = [str(p) for p in Predicate]
templates.env.filters["type_label"] = lambda t: str(t).replace("_", " ")

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]


def page(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)


# -- home and search -----------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    ents: list[EntityRecord] = call("entities", store)
    top = sorted(ents, key=lambda e: (-e.claims, -e.documents, e.name))[:12]
    counts: dict[str, int] = defaultdict(int)
    for e in ents:
        counts[e.type] += 1
    rows = store.conn.execute("SELECT id, title, outlet, published, source, url, substr(text, 1, 200) AS lead"
                              " FROM documents ORDER BY published IS NULL, published DESC, rowid LIMIT 6").fetchall()
    return page(request, "home.html", top=top, n_entities=len(ents), counts=dict(counts),
                n_documents=store.count_documents(), recent=[dict(r) for r in rows], section="home")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    q = q.strip()
    if not q:
        return RedirectResponse("/", status_code=303)
    ents = call("entities", store, query=q)[:50]
    hits = store.search(q, limit=30)
    docs = [(h, render.snippet_pieces(h.snippet)) for h in hits]
    if len(ents) == 1 and not docs and request.query_params.get("go") == "1":
        return RedirectResponse(f"/entity/{ents[0].id}", status_code=303)
    return page(request, "search.html", q=q, entities=ents, docs=docs, section="search")


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, store: StoreDep, type: Annotated[str, Query(max_length=40)] = "",
             q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    t = type if type in {str(x) for x in EntityType} else ""
    ents = call("entities", store, type=t or None, query=q.strip() or None)
    ents = sorted(ents, key=lambda e: (-e.claims, -e.documents, e.name.lower()))
    return page(request, "entities.html", entities=ents[:1000], total=len(ents), type=t, q=q, section="entities")


# -- entity --------------------------------------------------------------------------------------
@dataclass
class EvidenceView:
    ev: Any
    ctx: render.Context
    url: str | None
    doc_link: str


@dataclass
class ClaimView:
    claim: ClaimRecord
    evidence: list[EvidenceView]
    direction: str  # "out" (entity is the subject) or "in"


@dataclass
class SummaryItem:
    label: str
    entity_id: int | None
    count: int = 1


@dataclass
class Summary:
    predicate: str
    direction: str
    items: list[SummaryItem] = field(default_factory=list)

    @property
    def heading(self) -> str:
        p = render.predicate_label(self.predicate)
        if self.direction == "out":
            return p
        inverse = {"produces": "produced by", "supplies": "supplied by", "used in": "uses", "part of": "includes",
                   "located in": "location of", "delivered": "received from"}
        return inverse.get(p, f"{p} (as object)")


class DocCache:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.docs: dict[str, Document | None] = {}

    def get(self, doc_id: str) -> Document | None:
        if doc_id not in self.docs:
            self.docs[doc_id] = self.store.document(doc_id)
        return self.docs[doc_id]


EVIDENCE_SHOWN = 5  # evidence sentences shown open under a claim; more fold away
EVIDENCE_MAX = 20  # at most this many rendered per claim (a hub's claim can have hundreds of reports)


def evidence_order(claim: ClaimRecord) -> list[Any]:
    """One sentence per origin first (so every independent origin is visible), then the relays."""
    first: dict[str, Any] = {}
    rest = []
    for ev in claim.evidence:
        if ev.origin not in first:
            first[ev.origin] = ev
        else:
            rest.append(ev)
    return [*first.values(), *rest]


def evidence_views(claim: ClaimRecord, docs: DocCache, limit: int | None = None) -> list[EvidenceView]:
    out = []
    for ev in evidence_order(claim)[:limit]:
        doc = docs.get(ev.doc_id)
        ctx = render.context(doc.text if doc else None, ev.start, ev.end, ev.text)
        q = {"start": ev.start, "end": ev.end} if ev.start is not None and ev.end is not None else {}
        link = f"/document/{ev.doc_id}" + (f"?{urlencode(q)}#focus" if q else "")
        out.append(EvidenceView(ev, ctx, render.safe_url(ev.doc_url), link))
    return out


PAGE_CLAIMS = 50  # claims shown at once on an entity page (best corroborated first)


@router.get("/entity/{ref}", response_class=HTMLResponse)
def entity(request: Request, ref: str, store: StoreDep,
           predicate: Annotated[str, Query(max_length=40)] = "",
           show: Annotated[int, Query(ge=1, le=100_000)] = PAGE_CLAIMS) -> HTMLResponse:
    detail = call("entity_detail", store, entity_ref(ref), links=False)
    if detail is None:
        raise HTTPException(404, "No such entity.")
    me = detail.entity.id
    docs = DocCache(store)
    claims = sorted(detail.claims, key=lambda c: (-c.n_origins, -c.articles, c.predicate, c.id))
    by_predicate: dict[str, int] = defaultdict(int)
    for c in claims:
        by_predicate[c.predicate] += 1
    pred = predicate if predicate in by_predicate else ""
    listed = [c for c in claims if not pred or c.predicate == pred]
    shown = listed[:show]
    views = [ClaimView(c, evidence_views(c, docs, EVIDENCE_MAX), "in" if c.subject_id != me and c.object_id == me
                       else "out") for c in shown]
    # the summary covers every claim, not just the page shown
    all_views = views if len(shown) == len(claims) else [
        ClaimView(c, [], "in" if c.subject_id != me and c.object_id == me else "out") for c in claims]
    summaries: dict[tuple[str, str], Summary] = {}
    for v in all_views:
        c = v.claim
        if c.predicate in ("capacity", "statistic", "milestone", "delivered") and v.direction == "out":
            label, target = render.claim_object(c) or render.fmt_value(c.value, c.unit, c.period), None
            if c.predicate != "milestone":
                extra = c.object_text if render.adds_to_value(c.object_text, c.unit) else ""
                label = f"{render.fmt_value(c.value, c.unit, c.period)} {extra}".strip()
            else:
                label = f"{(c.event or '').replace('_', ' ')} {render.claim_when(c)}".strip()
        elif v.direction == "out":
            label, target = render.claim_object(c), c.object_id if c.object_id is not None else c.product_id
        else:
            label, target = c.subject_name, c.subject_id
        if not label:
            continue
        s = summaries.setdefault((c.predicate, v.direction), Summary(c.predicate, v.direction))
        same = next((i for i in s.items if i.label == label), None)
        if same:
            same.count += 1
        else:
            s.items.append(SummaryItem(label, target))
    order = {str(p): i for i, p in enumerate(Predicate)}
    summary = sorted(summaries.values(), key=lambda s: (s.direction != "out", order.get(s.predicate, 99)))
    n_docs = len({ev.doc_id for c in claims for ev in c.evidence})
    order_p = {str(p): i for i, p in enumerate(Predicate)}
    kinds = sorted(by_predicate.items(), key=lambda kv: order_p.get(kv[0], 99))
    return page(request, "entity.html", d=detail, e=detail.entity, claims=views, summary=summary,
                n_docs=n_docs, kinds=kinds, predicate=pred, n_listed=len(listed), show=show,
                n_total=len(claims), shown_open=EVIDENCE_SHOWN, section="entities")


# -- views over the whole store --------------------------------------------------------------------
@router.get("/network", response_class=HTMLResponse)
def network(request: Request, store: StoreDep, entity: Annotated[str, Query(max_length=500)] = "",
            depth: Annotated[int, Query(ge=1, le=3)] = 2) -> HTMLResponse:
    focus = call("find_entity", store, entity_ref(entity)) if entity.strip() else None
    url = f"/api/entities/{focus.id}/network?depth={depth}" if focus else "/api/graph"
    return page(request, "network.html", graph_url=url, focus=focus, depth=depth,
                has_library=request.app.state.graph_library is not None, section="network")


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, store: StoreDep) -> HTMLResponse:
    events = all_timeline(store)
    by_year: dict[str, list[Any]] = defaultdict(list)
    for ev in events:
        by_year[render.year_of(ev.date)].append(ev)
    return page(request, "timeline.html", years=list(by_year.items()), n=len(events),
                n_planned=sum(1 for e in events if e.status == "planned"), section="timeline")


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, store: StoreDep, kind: Annotated[str, Query(max_length=40)] = "") -> HTMLResponse:
    docs = DocCache(store)
    items = call("conflicts", store)
    kinds = sorted({c.kind for c in items})
    shown = [c for c in items if not kind or c.kind == kind]
    order = {"contradiction": 0, "related": 1, "agree": 2}
    shown.sort(key=lambda c: (order.get(c.kind, 9), c.subject_name.lower(), c.measure))
    views = [(c, [(cl, evidence_views(cl, docs, EVIDENCE_MAX)) for cl in c.claims]) for c in shown]
    return page(request, "conflicts.html", conflicts=views, kinds=kinds, kind=kind, section="conflicts",
                shown_open=EVIDENCE_SHOWN)


# -- documents -----------------------------------------------------------------------------------
@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: StoreDep, page_no: Annotated[int, Query(alias="page", ge=1, le=100000)] = 1
              ) -> HTMLResponse:
    size = 50
    rows = store.conn.execute("SELECT id, title, outlet, published, source, url, substr(text, 1, 200) AS lead"
                              " FROM documents ORDER BY published IS NULL, published DESC, rowid LIMIT ? OFFSET ?",
                              (size, (page_no - 1) * size)).fetchall()
    total = store.count_documents()
    return page(request, "documents.html", docs=[dict(r) for r in rows], total=total, page_no=page_no,
                pages=max(1, (total + size - 1) // size), section="documents")


@dataclass
class Region:
    focus: bool
    pieces: list[render.Piece]


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, store: StoreDep,
             start: Annotated[int | None, Query(ge=0)] = None,
             end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, "No such document.")
    ex = store.extraction(doc.id)
    ids = doc_entity_ids(store, doc.id)
    spans: list[render.Span] = []
    ents_by_type: dict[str, list[tuple[str, int | None, int]]] = defaultdict(list)
    for e in ex.entities:
        eid = ids.get(e.key)
        ents_by_type[str(e.type)].append((e.name, eid, len(e.mentions)))
        for m in e.mentions:
            spans.append(render.Span(m.start, m.end, str(m.type), f"/entity/{eid}" if eid is not None else None,
                                     f"{e.name} · {str(e.type).replace('_', ' ')}"))
    text = doc.text
    n = len(text)
    if start is not None and end is not None and 0 <= start < end <= n:
        bounds = [(0, start, False), (start, end, True), (end, n, False)]
    else:
        bounds = [(0, n, False)]
    regions = []
    for lo, hi, focus in bounds:
        sub = [render.Span(s.start - lo, s.end - lo, s.kind, s.href, s.title) for s in spans
               if s.start >= lo and s.end <= hi]
        regions.append(Region(focus, render.pieces(text[lo:hi], sub)))
    for v in ents_by_type.values():
        v.sort(key=lambda t: (-t[2], t[0].lower()))
    return page(request, "document.html", doc=doc, regions=regions, url=render.safe_url(doc.url),
                ents_by_type=sorted(ents_by_type.items()), n_claims=len(ex.claims), section="documents")


# -- browser library from node_modules --------------------------------------------------------------
@router.get("/vendor/cytoscape.min.js")
def cytoscape(request: Request) -> Response:
    path = request.app.state.graph_library
    if path is None:
        return Response("/* graph library not installed: run `npm ci --prefix web` */",
                        media_type="text/javascript", status_code=404)
    return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})
