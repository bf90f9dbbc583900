"""Export downloads for the API, when the export stage is installed."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import Response

from supplytrace.store import Store
from supplytrace.web.services import export_formats, optional_module

MEDIA_TYPES = {
    "csv": "text/csv", "jsonl": "application/x-ndjson", "ftm": "application/x-ndjson",
    "stix": "application/json", "graphml": "application/xml", "gexf": "application/xml",
}
SUFFIXES = {"ftm": "ftm.json", "stix": "stix.json"}


def download(store: Store, fmt: str) -> Response:
    formats = export_formats()
    if fmt not in formats:
        raise HTTPException(404, f"unknown export format {fmt[:40]!r}; offered: {', '.join(formats) or 'none'}")
    mod = optional_module("supplytrace.export")
    fn = getattr(mod, "export", None) if mod else None
    if not callable(fn):
        raise HTTPException(404, "export is not available in this build")
    suffix = SUFFIXES.get(fmt, fmt)
    with tempfile.TemporaryDirectory(prefix="supplytrace-export-") as tmp:
        out = Path(tmp) / f"supplytrace.{suffix}"
        try:
            fn(store, fmt, out)
        except NotImplementedError as exc:
            raise HTTPException(503, "export is not available in this build") from exc
        if out.is_dir():  # formats that write several files (e.g. CSV tables) come as a zip
            import shutil

            archive = shutil.make_archive(str(Path(tmp) / "supplytrace-export"), "zip", out)
            data, name, media = Path(archive).read_bytes(), f"supplytrace-{fmt}.zip", "application/zip"
        else:
            data, name, media = out.read_bytes(), out.name, MEDIA_TYPES.get(fmt, "application/octet-stream")
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
