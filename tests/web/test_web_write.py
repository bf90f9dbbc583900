"""Writing endpoints: token required, compared in constant time, uploads size-limited."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_support import SEEDS, TOKEN, auth

from supplytrace.web.app import create_app


def _upload(client: TestClient, name: str, data: bytes, headers: dict | None = None):  # noqa: ANN202
    return client.post("/api/documents", files={"file": (name, data, "text/plain")}, headers=headers or {})


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    r = _upload(client, "a.txt", b"hello", auth())
    assert r.status_code == 403
    assert client.post("/api/entities/merge", json={"a": "Integral", "b": "MZKT"}, headers=auth()).status_code == 403


def test_missing_or_wrong_token_is_401(write_client: TestClient) -> None:
    article = next(SEEDS.glob("*.txt")).read_bytes()
    assert _upload(write_client, "x.txt", article).status_code == 401
    r = _upload(write_client, "x.txt", article, auth("wrong"))
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert _upload(write_client, "x.txt", article, auth(TOKEN + "x")).status_code == 401
    assert _upload(write_client, "x.txt", article, {"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_upload_ingests_an_article(write_client: TestClient, tmp_path: Path) -> None:
    before = write_client.get("/api/status").json()["documents"]
    # a new article: a seed with an extra paragraph, named after its gold file so annotations apply
    seed = sorted(SEEDS.glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    first_paragraph_end = text.index("\n\n", 400)
    data = (text[:first_paragraph_end] + " An added sentence makes this a different article."
            + text[first_paragraph_end:]).encode("utf-8")
    r = _upload(write_client, seed.name, data, auth())
    assert r.status_code == 201, r.text
    body = r.json()
    assert len(body["ingested"]) == 1
    assert write_client.get("/api/status").json()["documents"] == before + 1
    doc = write_client.get(f"/api/documents/{body['ingested'][0]}").json()
    assert doc["mentions"]
    # the same upload again changes nothing
    again = _upload(write_client, seed.name, data, auth()).json()
    assert again["ingested"] == [] and again["present"] == body["ingested"]


def test_upload_size_limit(write_client: TestClient) -> None:
    big = b"word " * 100_000  # 500 kB > the 200 kB limit of this app
    r = _upload(write_client, "big.txt", big, auth())
    assert r.status_code == 413
    assert write_client.get("/api/status").json()["documents"] == 5


def test_upload_size_limit_without_content_length(db_copy: Path) -> None:
    app = create_app(db_copy, token=TOKEN, max_upload_bytes=1000)

    def chunks():  # noqa: ANN202 - streamed body, no Content-Length
        for _ in range(200):
            yield b"x" * 1000

    with TestClient(app) as c:
        r = c.post("/api/documents", content=chunks(),
                   headers={**auth(), "Content-Type": "multipart/form-data; boundary=zzz"})
        assert r.status_code == 413


def test_empty_or_bad_upload(write_client: TestClient) -> None:
    assert _upload(write_client, "empty.txt", b"   ", auth()).status_code == 422
    r = _upload(write_client, "../../etc/passwd", b"\xff\xfe\x00garbage", auth())
    assert r.status_code in (201, 422)


def test_merge_and_split(write_client: TestClient) -> None:
    r = write_client.post("/api/entities/merge", json={"a": "MZKT", "b": "MAZ"}, headers=auth())
    assert r.status_code == 200, r.text
    merged = write_client.get("/api/entities/MZKT").json()
    assert "MAZ" in {n["name"] for n in merged["names"]}
    r = write_client.post("/api/entities/split", json={"a": "MZKT", "b": "MAZ"}, headers=auth())
    assert r.status_code == 200, r.text
    assert write_client.get("/api/entities/MAZ").json()["entity"]["id"] != merged["entity"]["id"]
    r = write_client.post("/api/entities/merge", json={"a": "Nobody here", "b": "MAZ"}, headers=auth())
    assert r.status_code == 422
    assert write_client.post("/api/entities/merge", json={"a": "MZKT", "b": "MAZ"}).status_code == 401
