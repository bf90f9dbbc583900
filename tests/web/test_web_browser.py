"""The UI in a real browser: Debian's Chromium, headless, driven by Playwright against uvicorn.

Screenshots go to test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, GOLD, SEEDS, add_evil, build_seed_store

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)
if not (SEEDS.is_dir() and GOLD.is_dir()):
    pytest.skip("../shared/seeds or ../shared/gold not present", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from supplytrace.web.app import create_app  # noqa: E402


class Server:
    def __init__(self, app) -> None:  # noqa: ANN001
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                                    lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def ui_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("ui")
    db = build_seed_store(tmp / "ui.db")
    evil_id = add_evil(db, tmp)
    return db, evil_id


@pytest.fixture(scope="module")
def base_url(ui_store: tuple[Path, str]) -> Iterator[str]:
    app = create_app(ui_store[0])
    if app.state.graph_library is None:
        pytest.skip("graph library not installed: run `npm ci --prefix web`")
    with Server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """Collects what must never happen on a page: script errors, CSP violations, dialogs."""

    def __init__(self, page) -> None:  # noqa: ANN001
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)

        def on_dialog(d) -> None:  # noqa: ANN001
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)


@pytest.fixture()
def page(browser) -> Iterator[object]:  # noqa: ANN001
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    ctx.close()


def shot(page, name: str, full_page: bool = True) -> Path:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_search_open_entity_see_evidence_then_network(page, base_url: str) -> None:  # noqa: ANN001
    watch = Watch(page)
    page.goto(base_url + "/")
    shot(page, "01-home")
    page.fill("#q", "Integral")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=Integral")
    shot(page, "02-search")
    page.locator("a.result-name", has_text="Integral").first.click()
    page.wait_for_url("**/entity/*")
    assert page.locator("h1").inner_text().strip() == "Integral"
    names = page.locator(".names").inner_text()
    assert "JSC Integral" in names
    marks = page.locator(".claims mark.hl")
    assert marks.count() > 0
    claim = page.locator("article.claim", has_text="Kh-101").first
    highlighted = claim.locator("mark.hl").first
    highlighted.scroll_into_view_if_needed()
    assert highlighted.is_visible()
    assert "Kh-101" in claim.locator(".quote").first.inner_text()
    bg = highlighted.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "03-entity-integral")

    # the evidence links to the article, where the span is focused
    claim.locator("a.doc-link").first.click()
    page.wait_for_url("**/document/**")
    assert page.locator("#focus").is_visible()
    assert page.locator(".doc-text .m").count() > 5
    shot(page, "04-document", full_page=False)

    page.go_back()
    page.click("text=Show in network")
    page.wait_for_selector("#network[data-ready=true]")
    n = page.evaluate("window.supplytraceGraph.nodes(':visible').length")
    assert n >= 2
    assert page.locator("#network canvas").count() > 0
    shot(page, "05-network-integral", full_page=False)

    page.goto(base_url + "/network")
    page.wait_for_selector("#network[data-ready=true]")
    total = page.evaluate("window.supplytraceGraph.nodes(':visible').length")
    assert total > 20
    shot(page, "06-network", full_page=False)
    # filters: hide weapon systems
    page.uncheck("input[data-type=weapon_system]")
    hidden = page.evaluate("window.supplytraceGraph.nodes('[type = \"weapon_system\"]:visible').length")
    assert hidden == 0
    page.check("input[data-type=weapon_system]")
    # clicking a node opens its page
    node_id = page.evaluate("window.supplytraceGraph.nodes('[label = \"Kh-101\"]').first().data('entityId')")
    # tap asynchronously: an evaluate() that navigates away would wait for its own page to come back
    page.evaluate("id => setTimeout(() => window.supplytraceGraph.$('#n' + id).emit('tap'), 0)", node_id)
    page.wait_for_url(f"**/entity/{node_id}")
    assert page.locator("h1").inner_text().strip() == "Kh-101"
    assert not watch.errors, watch.errors
    assert not watch.dialogs


def test_timeline_and_conflicts(page, base_url: str) -> None:  # noqa: ANN001
    watch = Watch(page)
    page.goto(base_url + "/timeline")
    assert page.locator(".event.status-planned").count() > 0 and page.locator(".event.status-done").count() > 0
    shot(page, "07-timeline")
    page.goto(base_url + "/conflicts")
    card = page.locator("article.conflict.kind-contradiction").first
    assert card.locator(".version").count() >= 2
    shot(page, "08-conflicts")
    assert not watch.errors, watch.errors


def test_hostile_article_never_executes(page, base_url: str, ui_store: tuple[Path, str]) -> None:  # noqa: ANN001
    watch = Watch(page)
    _, evil_id = ui_store
    page.goto(base_url + "/search?q=Evil")
    page.locator("a.result-name", has_text="Evil Works").first.click()
    page.wait_for_url("**/entity/*")
    entity_url = page.url
    urls = [f"{base_url}/document/{evil_id}", entity_url, f"{base_url}/search?q=pwned", f"{base_url}/",
            f"{base_url}/documents", f"{base_url}/timeline", f"{base_url}/conflicts", f"{base_url}/network"]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        if "/network" in url:
            page.wait_for_selector("#network[data-ready=true]")
        page.mouse.move(400, 400)  # hover handlers, if any got in, would fire
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("a[href^='javascript:' i]").count() == 0, url
        assert page.locator("main iframe, main img, main svg, main script").count() == 0, url
    page.goto(f"{base_url}/document/{evil_id}")
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in text  # shown as text, verbatim
    assert '<a href="javascript:window.__pwned=\'link\'">click here</a>' in text
    assert "<script>" in page.locator("h1").inner_text()  # the title, escaped
    shot(page, "09-hostile-document", full_page=False)
    page.goto(entity_url)
    assert "onerror=" in page.locator(".claims").inner_text()
    shot(page, "10-hostile-entity")
    # try to trigger anything that might have slipped through
    for link in page.locator("main a").all()[:40]:
        href = link.get_attribute("href") or ""
        assert not href.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")), href
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not watch.dialogs, watch.dialogs
    assert not [e for e in watch.errors if "pwned" in e], watch.errors
