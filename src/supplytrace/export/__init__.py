"""export stage: the map in the formats the field uses. A registry of formats, one module each.

    from supplytrace.export import export
    export(store, "stix", "map.stix.json")
"""

from __future__ import annotations

import contextlib
import os
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
    """Write the store's map in format `fmt` to `out`; returns what was written (counts, path).

    A single-file format is written to a temporary file next to `out` and renamed when complete: a
    failed export leaves no half-written file and does not clobber an earlier export at that path.
    """
    registry = _registry()
    if fmt not in registry:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(registry)}")
    spec = registry[fmt]
    out = Path(out)
    if spec.suffix and out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name for the {fmt} export (e.g. map{spec.suffix})")
    data = data if data is not None else collect(store)
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}") if spec.suffix else None
    try:
        result = spec.writer(data, tmp or out)
        if tmp is not None:
            os.replace(tmp, out)
    except Exception as exc:  # OSError, ValueError, stix2 / networkx validation errors
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if not isinstance(exc, OSError | ValueError) and type(exc).__module__.split(".")[0] not in ("stix2",
                                                                                                  "networkx"):
            raise
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExportError(f"{out}: cannot write the {fmt} export ({reason})") from exc
    result["path"] = str(out)
    result["format"] = fmt
    return result


__all__ = ["FORMATS", "ExportData", "ExportError", "Format", "collect", "export", "formats"]
