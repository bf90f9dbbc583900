"""JSON Lines of everything: one object per line, `kind` first — `document` (metadata, without the
article text), `entity` (EntityRecord), `claim` (ClaimRecord with its evidence), `edge` (GraphEdge).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from supplytrace.export.common import ExportData, confidence

DOC_FIELDS = ("id", "title", "url", "outlet", "published", "language", "source")


def records(data: ExportData) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for d in data.documents:
        out.append({"kind": "document", **{k: getattr(d, k) for k in DOC_FIELDS}})
    for e in data.entities:
        out.append({"kind": "entity", **asdict(e)})
    for c in data.claims:
        out.append({"kind": "claim", **asdict(c), "n_origins": c.n_origins, "confidence": confidence(c)})
    for edge in data.edges:
        out.append({"kind": "edge", **asdict(edge)})
    return out


def write(data: ExportData, out: Path) -> dict[str, Any]:
    out.parent.mkdir(parents=True, exist_ok=True)
    items = records(data)
    with out.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
    counts: dict[str, int] = {}
    for item in items:
        counts[item["kind"]] = counts.get(item["kind"], 0) + 1
    return {"path": str(out), "lines": len(items), "kinds": counts}
