"""Screening against a yente service (`--yente URL`): a fake /match endpoint, in-process (httpx
MockTransport) and over real HTTP (a tiny server on a local port) for the CLI; results, batching,
nested sanctions, and errors (connection refused, HTTP 500, not JSON) with clear messages."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from typer.testing import CliRunner

from supplytrace.analyze.types import EntityRecord
from supplytrace.cli.main import app
from supplytrace.screen import LISTED, POSSIBLE, UNLISTED, screen_records, screen_store
from supplytrace.screen.yente import BATCH, YenteError, YenteMatcher
from supplytrace.store import Store

SANCTION = {"id": "eu-integral-2025", "schema": "Sanction", "datasets": ["eu_fsf"],
            "properties": {"authority": ["European Union"], "program": ["Reg. 269/2014"],
                           "startDate": ["2025-02-24"], "sourceUrl": ["https://eur-lex.europa.eu/x"]}}
INTEGRAL = {"id": "NK-integral", "schema": "Company", "caption": "OJSC INTEGRAL", "score": 0.93, "match": True,
            "datasets": ["eu_fsf", "us_ofac_sdn"], "first_seen": "2022-06-01T00:00:00",
            "properties": {"name": ["OJSC INTEGRAL"], "alias": ["ОАО «ИНТЕГРАЛ»"], "country": ["by"],
                           "topics": ["sanction"], "sanctions": [SANCTION]},
            "features": {"name_literal_match": 0.0, "name_match": 0.93, "country_mismatch": 0.0}}
# a listed party whose designations are not nested in the match answer: fetched from /entities/{id}
LEGMASH = {"id": "NK-legmash", "schema": "Company", "caption": "OAO Legmash", "score": 0.88,
           "properties": {"name": ["OAO Legmash"], "topics": ["sanction"]}}
LEGMASH_NESTED = {**LEGMASH, "properties": {**LEGMASH["properties"], "sanctions": [
    {"id": "eu-legmash", "schema": "Sanction", "properties": {"authority": ["European Union"],
                                                              "program": ["Belarus regime"],
                                                              "listingDate": ["2025-07-18"]}}]}}
NAMESAKE = {"id": "NK-integral-ltd", "schema": "Company", "caption": "Integral Ltd (Cyprus)", "score": 0.64,
            "properties": {"name": ["Integral Ltd"], "country": ["cy"], "topics": ["poi"]}}
NOISE = {"id": "NK-noise", "schema": "Company", "caption": "Noise", "score": 0.2, "properties": {"name": ["X"]}}


def answer(query: dict[str, Any]) -> list[dict[str, Any]]:
    """What the fake yente returns for one example entity: by the names it carries."""
    names = " ".join(query["properties"].get("name", [])).casefold()
    if "integral" in names:
        return [NAMESAKE, INTEGRAL, NOISE]
    if "legmash" in names:
        return [LEGMASH]
    return [NOISE]


def match_response(body: dict[str, Any]) -> dict[str, Any]:
    return {"responses": {key: {"status": 200, "results": answer(q), "total": {"value": 3}, "query": q}
                          for key, q in body["queries"].items()},
            "matcher": {"name": "logic-v2"}, "limit": 5}


class Fake:
    """A yente stand-in for httpx.MockTransport; records the requests it saw."""

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.mode == "500":
            return httpx.Response(500, text="Internal Server Error\n  index not ready")
        if self.mode == "notjson":
            return httpx.Response(200, text="<html>login</html>")
        if self.mode == "401":
            return httpx.Response(401, json={"detail": "Invalid API key"})
        if request.method == "GET" and request.url.path == "/entities/NK-legmash":
            return httpx.Response(200, json=LEGMASH_NESTED)
        if request.method == "POST" and request.url.path.startswith("/match/"):
            return httpx.Response(200, json=match_response(json.loads(request.content)))
        return httpx.Response(404, json={"detail": "Not found"})


def matcher(fake: Fake, **kw: Any) -> YenteMatcher:
    return YenteMatcher("http://yente.test/", client=httpx.Client(transport=httpx.MockTransport(fake)), **kw)


def rec(i: int, name: str, *aliases: str, type: str = "organization", country: str | None = "BY") -> EntityRecord:
    return EntityRecord(id=i, name=name, type=type, country=country, aliases=list(aliases), documents=1)


# -- the client ------------------------------------------------------------------------------------
def test_request_is_a_yente_match_query() -> None:
    fake = Fake()
    matcher(fake, dataset="sanctions", algorithm="logic-v2").match(
        [rec(7, "Integral", "JSC Integral", "Интеграл"), rec(8, "Alexander Lukashenko", type="person")], 0.6)
    [req] = fake.requests
    assert req.method == "POST" and req.url.path == "/match/sanctions"
    params = parse_qs(req.url.query.decode())
    assert params["algorithm"] == ["logic-v2"] and params["cutoff"] == ["0.6"] and params["threshold"] == ["0.7"]
    queries = json.loads(req.content)["queries"]
    assert set(queries) == {"7", "8"}
    assert queries["7"]["schema"] == "Organization" and queries["8"]["schema"] == "Person"
    names = queries["7"]["properties"]["name"]
    assert {"Integral", "JSC Integral", "Интеграл"} <= set(names)
    assert queries["7"]["properties"]["country"] == ["by"]


def test_results_become_hits_with_sanctions() -> None:
    fake = Fake()
    hits = matcher(fake).match([rec(1, "Integral", "OJSC Integral")], cutoff=0.6)[1]
    assert [h.list_id for h in hits] == ["NK-integral", "NK-integral-ltd"]  # best first; 0.2 dropped
    best = hits[0]
    assert best.score == pytest.approx(0.93) and best.caption == "OJSC INTEGRAL" and best.schema == "Company"
    assert best.names == ["OJSC INTEGRAL", "ОАО «ИНТЕГРАЛ»"] and best.countries == ["by"]
    assert best.authorities == ["European Union"] and best.programs == ["Reg. 269/2014"]
    assert best.dates == ["2025-02-24"] and best.datasets == ["eu_fsf", "us_ofac_sdn"]
    assert "European Union — Reg. 269/2014 (since 2025-02-24)" in best.where
    assert "name_match=0.93" in best.explanation
    assert best.source == "http://yente.test/match/default"
    assert not any(r.method == "GET" for r in fake.requests)  # sanctions were nested already


def test_missing_sanctions_are_fetched_nested() -> None:
    fake = Fake()
    [hit] = matcher(fake).match([rec(2, "Legmash")], cutoff=0.6)[2]
    assert hit.authorities == ["European Union"] and hit.dates == ["2025-07-18"]
    gets = [r for r in fake.requests if r.method == "GET"]
    assert [str(r.url) for r in gets] == ["http://yente.test/entities/NK-legmash?nested=true"]


def test_queries_go_in_batches() -> None:
    fake = Fake()
    n = BATCH * 2 + 3
    found = matcher(fake).match([rec(i, f"Integral {i}") for i in range(n)], cutoff=0.6)
    assert len(found) == n and all(found[i] for i in range(n))
    posts = [r for r in fake.requests if r.method == "POST"]
    assert [len(json.loads(r.content)["queries"]) for r in posts] == [BATCH, BATCH, 3]


def test_screen_records_categories() -> None:
    records = [rec(1, "Integral"), rec(2, "Legmash"), rec(3, "Nobody Plant"),
               rec(4, "Kh-101", type="weapon_system")]  # not screenable: not sent
    fake = Fake()
    report = screen_records(records, matcher(fake), threshold=0.9, cutoff=0.6)
    status = {r.entity.name: r.status for r in report.results}
    assert status == {"Integral": LISTED, "Legmash": POSSIBLE, "Nobody Plant": UNLISTED}
    sent = {k for r in fake.requests if r.method == "POST" for k in json.loads(r.content)["queries"]}
    assert sent == {"1", "2", "3"}


def test_api_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPLYTRACE_YENTE_API_KEY", "s3cret")
    with YenteMatcher("http://yente.test") as m:
        assert m.client.headers["Authorization"] == "ApiKey s3cret"


# -- errors ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_a_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with YenteMatcher(url, timeout=5) as m, pytest.raises(YenteError, match=r"cannot reach yente") as err:
        m.match([rec(1, "Integral")], 0.6)
    assert url in str(err.value)


@pytest.mark.parametrize(("mode", "message"), [
    ("500", r"http://yente.test/match/default: HTTP 500: Internal Server Error index not ready"),
    ("notjson", r"answer is not JSON"),
    ("401", r"HTTP 401 \(the service wants an API key: set SUPPLYTRACE_YENTE_API_KEY\)"),
])
def test_server_errors_are_clear(mode: str, message: str) -> None:
    with pytest.raises(YenteError, match=message):
        matcher(Fake(mode)).match([rec(1, "Integral")], 0.6)


def test_no_queries_no_request() -> None:
    fake = Fake()
    assert matcher(fake).match([], 0.6) == {}
    assert not fake.requests


# -- over HTTP, through screen_store and the CLI ------------------------------------------------------
@pytest.fixture
def yente_server() -> Iterator[Callable[[str], str]]:
    """Start a fake yente on a local port; returns a function setting its mode and giving its URL."""
    state = {"mode": "ok"}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def reply(self, code: int, body: Any) -> None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if state["mode"] == "500":
                self.reply(500, "Internal Server Error")
            elif urlparse(self.path).path.startswith("/match/"):
                self.reply(200, match_response(body))
            else:
                self.reply(404, {"detail": "Not found"})

        def do_GET(self) -> None:  # noqa: N802
            if urlparse(self.path).path == "/entities/NK-legmash":
                self.reply(200, LEGMASH_NESTED)
            else:
                self.reply(404, {"detail": "Not found"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def url(mode: str = "ok") -> str:
        state["mode"] = mode
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield url
    server.shutdown()
    server.server_close()


def test_screen_store_over_http(seed_store: Store, yente_server: Callable[[str], str]) -> None:
    report = screen_store(seed_store, yente=yente_server("ok"))
    listed = {r.entity.name for r in report.listed}
    assert "Integral" in listed
    integral = next(r for r in report.listed if r.entity.name == "Integral")
    assert integral.best is not None and integral.best.list_id == "NK-integral"
    assert report.source.endswith("/match/default")
    assert report.unlisted  # everyone else: nothing above the cutoff


def cli(db: Path, *args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, ["--db", str(db), "screen", *args], catch_exceptions=False,
                              env={"COLUMNS": "200"})


def output(r) -> str:  # noqa: ANN001
    try:
        return r.output + (r.stderr or "")
    except (ValueError, AttributeError):
        return r.output


def test_cli_yente(seed_store: Store, yente_server: Callable[[str], str]) -> None:
    seed_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    r = cli(seed_store.path, "--yente", yente_server("ok"), "--json")
    assert r.exit_code == 0, output(r)
    data = json.loads(r.stdout)
    listed = {e["entity"]["name"]: e for e in data["listed"]}
    assert listed["Integral"]["hits"][0]["list_id"] == "NK-integral"
    assert listed["Integral"]["hits"][0]["authorities"] == ["European Union"]
    r = cli(seed_store.path, "--yente", yente_server("ok"))
    assert r.exit_code == 0 and "Integral" in r.stdout and "European Union" in r.stdout


def test_cli_yente_errors(seed_store: Store, yente_server: Callable[[str], str]) -> None:
    r = cli(seed_store.path, "--yente", yente_server("500"))
    assert r.exit_code != 0
    assert "HTTP 500" in output(r) and "Traceback" not in output(r)
    url = f"http://127.0.0.1:{free_port()}"
    r = cli(seed_store.path, "--yente", url)
    assert r.exit_code != 0
    assert "cannot reach yente" in output(r) and url in output(r)
    r = cli(seed_store.path, "--yente", url, "--lists", "x.json")
    assert r.exit_code != 0 and "either --lists or --yente" in output(r)
