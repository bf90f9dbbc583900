"""Shared constants and helpers of the web tests (imported by conftest and the test modules)."""

from __future__ import annotations

import json
from pathlib import Path

from supplytrace.extract import get_extractor
from supplytrace.pipeline import ingest
from supplytrace.store import Store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

TOKEN = "st-test-token-8f2c1e0b"

EVIL_TEXT = """---
title: "<script>window.__pwned = 'title'</script>Evil Works <b>bold</b> report"
url: "javascript:window.__pwned='url'"
outlet: "<img src=x onerror=\\"window.__pwned='outlet'\\">"
published: 2025-05-01
---
Evil Works <script>window.__pwned = 'text'</script> is a Belarusian maker of fuses, investigators said on Monday.

According to the report, Evil Works supplies <img src=x onerror="window.__pwned='evidence'"> fuses to the Kh-999 missile programme run from Minsk.

Readers were told to <a href="javascript:window.__pwned='link'">click here</a> for the full dossier, and an iframe <iframe src="javascript:window.__pwned='iframe'"></iframe> was embedded in the page.

The plant, also called <svg onload="window.__pwned='svg'">Evil</svg> Plant, plans to make 5,000 fuses a year by 2026, the investigators added in their statement.

Another paragraph so that the article is long enough to be an article: the factory employs several hundred workers and has expanded twice since 2022, according to local records reviewed by reporters.
"""  # noqa: E501

EVIL_GOLD = {
    "document": "evil.txt",
    "published": "2025-05-01",
    "entities": [
        {"key": "evil", "name": "Evil Works", "type": "organization",
         "aliases": ["<svg onload=\"window.__pwned='svg'\">Evil</svg> Plant"], "country": "BY"},
        {"key": "kh999", "name": "Kh-999", "type": "weapon_system", "aliases": []},
        {"key": "minsk", "name": "Minsk", "type": "place", "aliases": [], "country": "BY"},
        {"key": "investigators", "name": "investigators", "type": "organization", "aliases": []},
    ],
    "claims": [
        {"subject": "evil", "predicate": "used_in", "object": "kh999", "modality": "reported",
         "attributed_to": ["investigators"],
         "evidence": "Evil Works supplies <img src=x onerror=\"window.__pwned='evidence'\"> fuses to the Kh-999"},
        {"subject": "evil", "predicate": "located_in", "object": "minsk", "modality": "reported",
         "attributed_to": [], "evidence": "run from Minsk"},
        {"subject": "evil", "predicate": "produces", "object_name": "fuses <script>window.__pwned='obj'</script>",
         "object_text": "fuses <script>window.__pwned='goods'</script> for the Kh-999",
         "modality": "reported", "attributed_to": ["investigators"],
         "evidence": "Evil Works <script>window.__pwned = 'text'</script> is a Belarusian maker of fuses"},
        {"subject": "evil", "predicate": "capacity", "value": 5000, "unit": "fuses", "period": "year",
         "object_text": "fuses", "date": "2026", "modality": "planned", "attributed_to": ["investigators"],
         "evidence": "plans to make 5,000 fuses a year by 2026"},
    ],
}


def build_seed_store(path: Path) -> Path:
    store = Store(path)
    try:
        ingest([SEEDS], store, extractor=get_extractor("annotations", directory=GOLD))
    finally:
        store.close()
    return path


def write_evil(directory: Path) -> tuple[Path, Path]:
    """The hostile article and its annotation file, written into `directory`."""
    articles, annotations = directory / "articles", directory / "annotations"
    articles.mkdir(parents=True, exist_ok=True)
    annotations.mkdir(parents=True, exist_ok=True)
    (articles / "evil.txt").write_text(EVIL_TEXT, encoding="utf-8")
    (annotations / "evil.json").write_text(json.dumps(EVIL_GOLD), encoding="utf-8")
    return articles / "evil.txt", annotations


def add_evil(db: Path, directory: Path) -> str:
    article, annotations = write_evil(directory)
    store = Store(db)
    try:
        report = ingest([article], store, extractor=get_extractor("annotations", directory=annotations))
        assert report.ingested, report.failed
        return report.ingested[0]
    finally:
        store.close()


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
