"""CSV: a folder with entities.csv, claims.csv and evidence.csv (UTF-8, header row, one value per
cell; list values joined with "; "). claims.csv has one row per consolidated claim; evidence.csv
one row per supporting sentence, keyed by claim_id.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from supplytrace.analyze.types import ClaimRecord, EntityRecord, EvidenceRecord
from supplytrace.export.common import ExportData, claim_text, confidence


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    return value


ENTITY_FIELDS = [f.name for f in fields(EntityRecord)]
CLAIM_FIELDS = [f.name for f in fields(ClaimRecord) if f.name != "evidence"] + [
    "n_origins", "evidence_count", "confidence", "text"]
EVIDENCE_FIELDS = ["claim_id", *[f.name for f in fields(EvidenceRecord)]]


def write(data: ExportData, out: Path) -> dict[str, Any]:
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: the csv export writes a folder (entities.csv, claims.csv, evidence.csv), "
                         "and this path is a file")
    out.mkdir(parents=True, exist_ok=True)
    with (out / "entities.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=ENTITY_FIELDS)
        w.writeheader()
        for e in data.entities:
            w.writerow({k: _cell(v) for k, v in asdict(e).items() if k in ENTITY_FIELDS})
    n_evidence = 0
    with (out / "claims.csv").open("w", newline="", encoding="utf-8") as cf, \
            (out / "evidence.csv").open("w", newline="", encoding="utf-8") as ef:
        cw = csv.DictWriter(cf, fieldnames=CLAIM_FIELDS)
        ew = csv.DictWriter(ef, fieldnames=EVIDENCE_FIELDS)
        cw.writeheader()
        ew.writeheader()
        for c in data.claims:
            row = {k: _cell(v) for k, v in asdict(c).items() if k in CLAIM_FIELDS}
            row.update(n_origins=c.n_origins, evidence_count=len(c.evidence), confidence=confidence(c),
                       text=claim_text(c))
            cw.writerow(row)
            for ev in c.evidence:
                n_evidence += 1
                ew.writerow({"claim_id": c.id, **{k: _cell(v) for k, v in asdict(ev).items()
                                                   if k in EVIDENCE_FIELDS}})
    return {"path": str(out), "entities": len(data.entities), "claims": len(data.claims), "evidence": n_evidence,
            "files": ["entities.csv", "claims.csv", "evidence.csv"]}
