"""Article URLs, outlets and dates reach every format; text with characters XML forbids and names
with markup characters survive. On a constructed store (two invented articles with URLs), since the
seed files carry no URLs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
import stix2
from followthemoney import model

from supplytrace.analyze import api
from supplytrace.export import FORMATS, collect, export, formats
from supplytrace.export.ftm import doc_entity_id, entity_id
from supplytrace.store import Store

URLS = {"https://example.org/news/2025/plant-a", "https://news.example.net/b?id=7&lang=en"}


@pytest.fixture(scope="module")
def written(url_store: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export-sources")
    data = collect(url_store)
    out = {}
    for fmt in FORMATS:
        suffix = formats()[fmt].suffix
        out[fmt] = folder / (f"map{suffix}" if suffix else "map-csv")
        export(url_store, fmt, out[fmt], data=data)
    return out


def test_ftm_articles_and_links_carry_urls(written: dict[str, Path], url_store: Store) -> None:
    rows = {r["id"]: r for r in map(json.loads, written["ftm"].read_text(encoding="utf-8").splitlines())}
    for r in rows.values():
        model.get_proxy(r, cleaned=False)
    docs = url_store.documents()
    assert {u for d in docs for u in rows[doc_entity_id(d.id)]["properties"]["sourceUrl"]} == URLS
    for d in docs:
        props = rows[doc_entity_id(d.id)]["properties"]
        assert props["publisher"] == [d.outlet] and props["publishedAt"] == [d.published]
    plant = api.find_entity(url_store, "Zorvex Optics Plant")
    assert plant is not None
    props = rows[entity_id(plant.id)]["properties"]
    assert set(props["sourceUrl"]) == URLS and set(props["publisher"]) == {"Example Wire", "Example Net"}
    assert "ОАО «Зорвекс»" in props["alias"]
    links = [r for r in rows.values() if r["schema"] == "UnknownLink"]
    assert links and all(r["properties"]["sourceUrl"] for r in links)
    # located_in also gives the plant its address
    assert props["address"] == ["Vetka"]


def test_stix_reports_and_notes_carry_urls(written: dict[str, Path]) -> None:
    bundle = stix2.parse(written["stix"].read_text(encoding="utf-8"), allow_custom=True)
    reports = [o for o in bundle.objects if o["type"] == "report"]
    assert {ref["url"] for r in reports for ref in r["external_references"]} == URLS
    assert {r["published"].strftime("%Y-%m-%d") for r in reports} == {"2025-03-06", "2025-04-01"}
    notes = [o for o in bundle.objects if o["type"] == "note"]
    assert {ref["url"] for n in notes for ref in n.get("external_references", [])} == URLS
    assert any("Example Net" in n.get("authors", []) for n in notes)
    rels = {o["relationship_type"]: o for o in bundle.objects if o["type"] == "relationship"}
    assert set(rels) == {"produces", "used-in", "located-at"}
    produces = rels["produces"]
    assert produces["start_time"].strftime("%Y-%m-%d") == "2024-05-01"
    assert produces["stop_time"].strftime("%Y-%m-%d") == "2026-01-01"
    assert "start_time" not in rels["used-in"]  # undated: no invented date


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphs_read_back_despite_control_characters(written: dict[str, Path], fmt: str, url_store: Store) -> None:
    g = nx.read_graphml(written[fmt], force_multigraph=True) if fmt == "graphml" else nx.read_gexf(written[fmt])
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert "T-99 <Prototype> & Co" in labels
    _, edges = api.graph(url_store)
    assert g.number_of_edges() == len(edges) == 3
    for _, _, d in g.edges(data=True):
        assert d["sources"] == "https://example.org/news/2025/plant-a"
        assert "\x0b" not in d["evidence"] and "Glint-7 sight" in d["evidence"]


def test_csv_and_jsonl_carry_urls(written: dict[str, Path]) -> None:
    with (written["csv"] / "evidence.csv").open(newline="", encoding="utf-8") as fh:
        evidence = list(csv.DictReader(fh))
    assert {r["doc_url"] for r in evidence} == URLS
    assert {r["outlet"] for r in evidence} == {"Example Wire", "Example Net"}
    items = [json.loads(line) for line in written["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert {i["url"] for i in items if i["kind"] == "document"} == URLS
    capacity = next(i for i in items if i["kind"] == "claim" and i["predicate"] == "capacity")
    assert capacity["value"] == 5000 and capacity["modality"] == "planned"
