"""The five seed articles: page junk goes, every article sentence stays."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from supplytrace.model import Document
from supplytrace.pipeline import ingest
from supplytrace.sources import iter_documents
from supplytrace.store import Store

# Junk that must be gone from the stored text: ad labels, reader-view furniture, appeals,
# teaser headlines and their photo credits, reader comments, footers.
JUNK = {
    "000": ["Latest news", "2 min read", "Photo of Ivan", "News Writer", "See all",
            "Help Us Break Through", "pushes verified reporting", "Getty Images"],
    "001": ["Advertisement", "Click here for reprint", "comment policy", "Special to"],
    "002": ["Vue lecture", "You could close this page", "Become a patron", "Tamiya", "Manzhouli",
            "New York Times", "Reindustrialize", "•"],
    "003": ["Views: 11"],
    "004": ["5 Comments", "Mariposa", "Hypocrisy", "Allies are stepping up"],
}

# A few article fragments per seed that must survive (short, so nothing is copied here).
KEPT = {
    "000": ["Among the key developments cited:", "Kh-101 cruise missiles", "Osipovichi base in Belarus"],
    "001": ["KYIV, Ukraine", "From industrial cooperation to war production", "may well outlast the war itself."],
    "002": ["Moscow is hunting for missile", "Sights, auto parts, and microchips",
            "full-scale production is planned for 2026"],
    "003": ["On March 6, 2025,", "Bayraktar TB3", "shows no sign of abating."],
    "004": ["Key contributions include:", "JSC Legmash in Orsha", "unless attacked first."],
}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def seed_docs(seeds: Path) -> dict[str, Document]:
    docs = {}
    for item in iter_documents([seeds]):
        assert isinstance(item, Document), f"seed failed to load: {item}"
        docs[Path(item.source or "").name[:3]] = item
    assert sorted(docs) == sorted(JUNK)
    return docs


@pytest.mark.parametrize("seed", sorted(JUNK))
def test_junk_is_removed(seed_docs: dict[str, Document], seed: str) -> None:
    doc = seed_docs[seed]
    for junk in JUNK[seed]:
        assert junk not in doc.text, f"{seed}: {junk!r} still in the text"
    assert doc.removed, f"{seed}: nothing recorded as removed"


@pytest.mark.parametrize("seed", sorted(KEPT))
def test_chosen_article_fragments_are_kept(seed_docs: dict[str, Document], seed: str) -> None:
    text = flat(seed_docs[seed].text)
    for fragment in KEPT[seed]:
        assert fragment in text, f"{seed}: lost {fragment!r}"


def test_every_gold_evidence_quote_is_kept(seed_docs: dict[str, Document], gold: Path) -> None:
    """Gold evidence quotes are article sentences by definition: none may be stripped as junk."""
    checked = 0
    for path in sorted(gold.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = flat(seed_docs[path.name[:3]].text).replace("’", "'")
        for claim in data["claims"]:
            quote = flat(claim.get("evidence") or "").replace("’", "'")
            if quote:
                assert quote in text, f"{path.name}: evidence lost: {quote[:60]!r}"
                checked += 1
    assert checked > 20


def test_metadata_read_from_the_text(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["001"].outlet == "The Washington Times"
    assert seed_docs["001"].published == "2026-02-24"
    assert seed_docs["004"].title and seed_docs["004"].title.startswith("Belarus's Enduring Role")
    assert all(d.language == "en" for d in seed_docs.values())
    assert all(re.fullmatch(r"[0-9a-f]{16}", d.id) for d in seed_docs.values())


def test_ingest_seeds_twice_is_idempotent(seeds: Path, store: Store) -> None:
    first = ingest([seeds], store, resolve=False)
    assert len(first.ingested) == 5 and not first.failed
    second = ingest([seeds], store, resolve=False)
    assert second.ingested == [] and len(second.present) == 5
    assert store.count_documents() == 5
    stored = store.documents()
    assert all("Advertisement" not in d.text for d in stored)
    assert all(d.removed for d in stored)
