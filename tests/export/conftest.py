"""Export fixtures: the five seed articles ingested once per session (annotations backend), the
analyze API's view of them, and every format written once through the Python API and once through
the CLI; plus a tiny constructed store with article URLs and hostile text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from supplytrace.analyze import api
from supplytrace.cli.main import app
from supplytrace.export import FORMATS, ExportData, collect, export, formats
from supplytrace.model import Claim, DocEntity, Document, Extraction
from supplytrace.resolve import resolve_documents
from supplytrace.store import Store
from supplytrace.vocab import EntityType, Modality, Predicate


@pytest.fixture(scope="session")
def data(seed_store: Store) -> ExportData:
    return collect(seed_store)


def out_path(folder: Path, fmt: str) -> Path:
    return folder / f"map{formats()[fmt].suffix}" if formats()[fmt].suffix else folder / "map-csv"


@pytest.fixture(scope="session")
def api_exports(seed_store: Store, data: ExportData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format written through the Python API."""
    folder = tmp_path_factory.mktemp("export-api")
    out = {}
    for fmt in FORMATS:
        result = export(seed_store, fmt, out_path(folder, fmt), data=data)
        assert result["format"] == fmt and Path(result["path"]) == out_path(folder, fmt)
        out[fmt] = out_path(folder, fmt)
    return out


def run_cli(db: Path, *args: str):  # noqa: ANN201 - typer's Result
    return CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False, env={"COLUMNS": "200"})


@pytest.fixture(scope="session")
def cli_exports(seed_store: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format written by `supplytrace --db DB export --format F --out PATH` (on a copy of the store)."""
    folder = tmp_path_factory.mktemp("export-cli")
    db = folder / "copy.db"
    shutil.copy(seed_store.path, db)
    out = {}
    for fmt in FORMATS:
        r = run_cli(db, "export", "--format", fmt, "--out", str(out_path(folder, fmt)))
        assert r.exit_code == 0, r.output
        assert f"wrote {fmt} export" in r.output
        out[fmt] = out_path(folder, fmt)
    return out


@pytest.fixture(params=["api", "cli"])
def exports(request: pytest.FixtureRequest) -> dict[str, Path]:
    """The same checks run on what the Python API and the CLI wrote."""
    return request.getfixturevalue(f"{request.param}_exports")


def seed_entity(seed_store: Store, name: str) -> api.EntityRecord:
    rec = api.find_entity(seed_store, name)
    assert rec is not None, name
    return rec


# -- a constructed store: article URLs, outlets, dates, hostile characters --------------------------
URL_A = "https://example.org/news/2025/plant-a"
URL_B = "https://news.example.net/b?id=7&lang=en"
CONTROL = "\x0b\x0c\x01"  # characters XML 1.0 forbids (they turn up in text from PDFs)


def add_doc(store: Store, text: str, url: str, outlet: str, published: str,
            ents: list[tuple[str, str, EntityType, list[str]]], claims: list[Claim]) -> str:
    doc = Document(text=text, url=url, outlet=outlet, published=published, title=f"Report by {outlet}",
                   source=f"{outlet}.txt")
    ex = Extraction(document_id=doc.id, extractor="test")
    for key, name, typ, aliases in ents:
        ex.entities.append(DocEntity(key=key, name=name, type=typ, aliases=aliases))
    ex.claims = claims
    store.add_document(doc, ex)
    resolve_documents(store, [doc.id])
    return doc.id


def build_url_store(path: Path) -> Store:
    """Two invented articles (text written for this test) about an invented plant, with URLs."""
    s = Store(path)
    ents = [("plant", "Zorvex Optics Plant", EntityType.ORGANIZATION, ["Zorvex", "ОАО «Зорвекс»"]),
            ("sight", "Glint-7 sight", EntityType.PRODUCT, []),
            ("tank", "T-99 <Prototype> & Co", EntityType.WEAPON_SYSTEM, []),
            ("city", "Vetka", EntityType.PLACE, [])]
    text_a = ("The Zorvex Optics Plant in Vetka makes the Glint-7 sight" + CONTROL
              + ", which is fitted to the T-99 <Prototype> & Co, analysts said.")
    add_doc(s, text_a, URL_A, "Example Wire", "2025-03-06", ents, [
        Claim(subject="plant", predicate=Predicate.PRODUCES, object_text="Glint-7 sight",
              date_from="2024-05", date_to="2026", evidence=text_a, evidence_start=0, evidence_end=len(text_a)),
        Claim(subject="sight", predicate=Predicate.USED_IN, object="tank", evidence=text_a,
              evidence_start=0, evidence_end=len(text_a)),
        Claim(subject="plant", predicate=Predicate.LOCATED_IN, object="city", evidence=text_a,
              evidence_start=0, evidence_end=len(text_a)),
    ])
    text_b = "Zorvex plans to make 5,000 sights a year by 2027, its director said."
    add_doc(s, text_b, URL_B, "Example Net", "2025-04", ents[:1], [
        Claim(subject="plant", predicate=Predicate.CAPACITY, value=5000, unit="sights", period="year",
              date="2027", modality=Modality.PLANNED, evidence=text_b, evidence_start=0, evidence_end=len(text_b)),
    ])
    s.conn.execute("PRAGMA wal_checkpoint(FULL)")
    return s


@pytest.fixture(scope="session")
def url_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = build_url_store(tmp_path_factory.mktemp("export-urls") / "urls.db")
    yield s
    s.close()
