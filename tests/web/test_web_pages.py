"""HTML pages over the seed store, and escaping of untrusted article text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import add_evil

from supplytrace.web import render
from supplytrace.web.app import create_app


@pytest.mark.parametrize("url", ["/", "/entities", "/entities?type=weapon_system", "/network", "/timeline",
                                 "/conflicts", "/documents", "/search?q=Integral", "/network?entity=Integral"])
def test_pages_render(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text  # scripts only as <script src=...>


def test_entity_page_shows_names_claims_and_highlighted_evidence(client: TestClient) -> None:
    ent = next(e for e in client.get("/api/entities", params={"q": "Integral"}).json() if e["name"] == "Integral")
    html = client.get(f"/entity/{ent['id']}").text
    assert "JSC Integral" in html and "Kh-101" in html
    assert '<mark class="hl">' in html and "origin" in html
    assert 'href="/document/' in html


def test_document_page_highlights_mentions(client: TestClient) -> None:
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    html = client.get(f"/document/{doc_id}").text
    assert 'class="m m-organization"' in html or 'class="m m-place"' in html
    focused = client.get(f"/document/{doc_id}", params={"start": 10, "end": 40}).text
    assert 'id="focus"' in focused


def test_missing_pages_are_friendly_404s(client: TestClient) -> None:
    for url in ("/entity/999999", "/document/nope", "/nowhere"):
        r = client.get(url)
        assert r.status_code == 404 and "Not found" in r.text


def test_search_empty_redirects_home(client: TestClient) -> None:
    r = client.get("/search", params={"q": "  "}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_hostile_article_is_escaped_everywhere(db_copy: Path, tmp_path: Path) -> None:
    doc_id = add_evil(db_copy, tmp_path)
    with TestClient(create_app(db_copy)) as c:
        evil = next(e for e in c.get("/api/entities", params={"q": "Evil Works"}).json())
        pages = [f"/document/{doc_id}", f"/entity/{evil['id']}", "/search?q=Evil", "/", "/documents",
                 "/conflicts", "/timeline", "/entities"]
        for url in pages:
            html = c.get(url).text
            assert "<script>window" not in html, url
            assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), url
            assert 'href="javascript:' not in html, url
            assert "<iframe" not in html and "<svg onload" not in html and "<img src=x" not in html, url
        doc_html = c.get(f"/document/{doc_id}").text
        assert "&lt;script&gt;window.__pwned" in doc_html
        ent_html = c.get(f"/entity/{evil['id']}").text
        assert "&lt;img src=x onerror=" in ent_html  # evidence shown, escaped
        assert "window.__pwned=&#39;goods&#39;" in ent_html  # the goods' wording too


def test_pieces_slice_and_escape_nothing() -> None:
    text = "ab<script>cd</script>ef"
    ps = render.pieces(text, [render.Span(2, 10), render.Span(5, 8), render.Span(-5, 1), render.Span(20, 99)])
    assert "".join(p.text for p in ps) == text
    assert [p.text for p in ps if p.mark] == ["a", "<script>", ">ef"]  # clamped; the overlap dropped
    ctx = render.context("First sentence. The quick fox jumps. Last one.", 20, 29)
    assert "".join(p.text for p in ctx.pieces) == "The quick fox jumps."
    assert [p.text for p in ctx.pieces if p.mark] == ["quick fox"]


def test_safe_url() -> None:
    assert render.safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil", "http://",
                'https://x.org/"onmouseover=1', "vbscript:x", None, ""):
        assert render.safe_url(bad) is None


def test_network_without_graph_library(seed_db: Path, tmp_path: Path) -> None:
    with TestClient(create_app(seed_db, node_modules=tmp_path / "missing")) as c:
        html = c.get("/network").text
        assert "Graph library not installed" in html and "npm ci --prefix web" in html
        assert "/vendor/cytoscape.min.js" not in html
        assert c.get("/vendor/cytoscape.min.js").status_code == 404
        assert c.get("/api/status").json()["graph_library"] is False


def test_origins_are_named_never_document_ids(client: TestClient) -> None:
    """Seed articles without an outlet trace to their title (or website), not to '004_5294…'."""
    import re

    docs = client.get("/api/documents", params={"limit": 100}).json()["items"]
    ids = [d["id"] for d in docs]
    stems = [Path(d.get("source") or "").stem for d in docs if d.get("source")]
    ent = next(e for e in client.get("/api/entities", params={"q": "Integral"}).json() if e["name"] == "Integral")
    html = client.get(f"/entity/{ent['id']}").text
    origins = re.findall(r'<span class="origin"[^>]*>(.*?)</span>', html)
    assert origins
    for o in origins:
        assert "outlet not named" not in o
        assert not any(i[:10] in o for i in ids) and not any(s and s in o for s in stems), o
    claims = client.get("/api/claims", params={"entity": ent["id"]}).json()
    for c in claims:
        for label in c["origins"]:
            assert not any(i[:10] in label for i in ids) and not any(s and s in label for s in stems), label


def test_readable_helpers() -> None:
    assert render.event_label("planned") == "plan announced"
    assert render.event_label("operations_started") == "operations started"
    assert render.date_passed("2025-12", "2026-11-23") and not render.date_passed("2026", "2026-11-23")
    assert not render.date_passed(None) and not render.date_passed(">2022-02", "2026-01-01")
    assert not render.adds_to_value("tons", "tons") and render.adds_to_value("artillery shells", "shells")
    assert render.doc_name("A title", "text") == "A title"
    assert render.doc_name(None, "KYIV, Ukraine — Almost a year ago").startswith("Untitled article: “KYIV")
    assert render.doc_name(None, None) == "Untitled article"


def test_untitled_articles_are_named_by_their_first_words(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 100}).json()["items"]
    html = client.get("/").text + client.get("/documents").text
    for d in docs:
        if d.get("source"):
            assert f">{d['source']}<" not in html
    assert "/work/shared/seeds" not in html


def test_conflicts_page_explains_its_kinds(client: TestClient) -> None:
    html = client.get("/conflicts").text
    assert "cannot all be right" in html and "do not add them up" in html
    assert "_" not in "".join(re.findall(r'<span class="measure">(.*?)</span>', html))


def test_busy_entity_page_is_paged_and_folds_relays(tmp_path: Path) -> None:
    """An enterprise named in hundreds of reports: 50 claims at a time, five sentences open per claim."""
    from supplytrace.model import Claim, DocEntity, Document, Extraction
    from supplytrace.resolve import resolve_documents
    from supplytrace.store import Store
    from supplytrace.vocab import EntityType, Predicate

    db = tmp_path / "busy.db"
    with Store(db) as store:
        ids = []
        for i in range(70):
            text = f"Report {i}: Borisov Optics Works makes part-{i}. It also makes tank sights."
            doc = Document(text=text, outlet=f"Outlet {i}", title=f"Report {i}")
            ex = Extraction(doc.id, [DocEntity("p", "Borisov Optics Works", EntityType.ORGANIZATION)], [
                Claim("p", Predicate.PRODUCES, object_text=f"part-{i}", evidence=text[:40]),
                Claim("p", Predicate.PRODUCES, object_text="tank sights", evidence="It also makes tank sights.")],
                extractor="test")
            store.add_document(doc, ex)
            ids.append(doc.id)
        resolve_documents(store, ids)
    with TestClient(create_app(db)) as c:
        eid = c.get("/api/entities", params={"q": "Borisov"}).json()[0]["id"]
        html = c.get(f"/entity/{eid}").text
        assert "Showing the 50 best-corroborated of 71 claims" in html
        assert html.count('<article class="claim card"') == 50
        assert "65 more reports of this claim" in html  # tank sights: 70 reports, 5 open
        assert html.count('class="evidence"') <= 50 + 20
        everything = c.get(f"/entity/{eid}", params={"show": 1000}).text
        assert everything.count('<article class="claim card"') == 71
        assert c.get(f"/entity/{eid}", params={"predicate": "capacity"}).status_code == 200


def test_empty_store_says_how_to_start(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "empty.db")) as c:
        home = c.get("/").text
        assert "This store is empty" in home and "supplytrace ingest" in home
        assert "No articles yet" in home and "All articles" not in home
        assert "No figures or dates that disagree" in c.get("/conflicts").text
        assert c.get("/network").status_code == 200 and c.get("/timeline").status_code == 200


def test_planned_figures_read_as_targets() -> None:
    from types import SimpleNamespace as NS

    assert render.claim_when(NS(date="2028", modality="planned", value=450000)) == "by 2028"
    assert render.claim_when(NS(date="2025-12", modality="planned", value=None)) == "2025-12"
    assert render.claim_when(NS(date="2025", modality="reported", value=480000)) == "2025"
