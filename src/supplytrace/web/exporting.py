"""Export downloads for the API, when the export stage is installed."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import Response

from supplytrace.store import Store
from supplytrace.web.services import export_formats, optional_module

MEDIA_TYPES = {
    "csv": "application/zip", "jsonl": "application/x-ndjson", "ftm": "application/x-ndjson",
    "stix": "application/json", "graphml": "application/xml", "gexf": "application/xml",
}


def download(store: Store, fmt: str) -> Response:
    formats = export_formats()
    if fmt not in formats:
        raise HTTPException(404, f"unknown export format; offered: {', '.join(formats) or 'none'}")
    mod = optional_module("supplytrace.export")
    fn = getattr(mod, "export", None) if mod else None
    if not callable(fn):
        raise HTTPException(404, "export is not available in this build")
    suffix = f".{fmt}"
    registry = getattr(mod, "formats", None)
    if callable(registry):
        with contextlib.suppress(Exception):
            suffix = registry()[fmt].suffix
    with tempfile.TemporaryDirectory(prefix="supplytrace-export-") as tmp:
        out = Path(tmp) / f"supplytrace{suffix}"
        try:
            fn(store, fmt, out)
        except NotImplementedError as exc:
            raise HTTPException(503, "export is not available in this build") from exc
        except Exception as exc:
            raise HTTPException(500, f"export failed: {exc}") from exc
        if out.is_dir():  # formats that write a folder (CSV tables) come as a zip
            archive = shutil.make_archive(str(Path(tmp) / "supplytrace-export"), "zip", out)
            data, name = Path(archive).read_bytes(), f"supplytrace-{fmt}.zip"
        else:
            data, name = out.read_bytes(), out.name
    return Response(data, media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
