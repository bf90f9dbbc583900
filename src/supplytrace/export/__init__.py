"""export stage: the map in the formats the field uses. A registry of formats, one module each.

    from supplytrace.export import export
    export(store, "stix", "map.stix.json")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supplytrace.export.common import ExportData, collect
from supplytrace.store import Store

Writer = Callable[[ExportData, Path], dict[str, Any]]


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    writer: Writer
    suffix: str  # suggested file suffix ("" for a folder)


def _registry() -> dict[str, Format]:
    from supplytrace.export import ftm, graph, jsonl, stix, tables

    return {f.name: f for f in [
        Format("ftm", "FollowTheMoney JSON lines (Aleph, OpenSanctions tooling)", ftm.write, ".ftm.jsonl"),
        Format("stix", "STIX 2.1 bundle (OpenCTI, MISP)", stix.write, ".stix.json"),
        Format("graphml", "GraphML network (Gephi, yEd, Cytoscape)", graph.write_graphml, ".graphml"),
        Format("gexf", "GEXF network (Gephi)", graph.write_gexf, ".gexf"),
        Format("csv", "CSV folder: entities.csv, claims.csv, evidence.csv", tables.write, ""),
        Format("jsonl", "JSON lines of documents, entities, claims and edges", jsonl.write, ".jsonl"),
    ]}


FORMATS = ("ftm", "stix", "graphml", "gexf", "csv", "jsonl")


def formats() -> dict[str, Format]:
    return _registry()


class ExportError(Exception):
    """An export that cannot be written (unknown format, unwritable path)."""


def export(store: Store, fmt: str, out: str | Path, data: ExportData | None = None) -> dict[str, Any]:
    """Write the store's map in format `fmt` to `out`; returns what was written (counts, path)."""
    registry = _registry()
    if fmt not in registry:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(registry)}")
    data = data if data is not None else collect(store)
    try:
        result = registry[fmt].writer(data, Path(out))
    except (OSError, ValueError) as exc:
        raise ExportError(f"{out}: cannot write {fmt} export ({exc})") from exc
    result["format"] = fmt
    return result


__all__ = ["FORMATS", "ExportData", "ExportError", "Format", "collect", "export", "formats"]
