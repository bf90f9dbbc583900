"""Server configuration: which store, who may write, how big an upload may be, optional extras."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024  # 5 MiB: a long article as HTML is well under 1 MiB
TOKEN_ENV = "SUPPLYTRACE_API_TOKEN"
NODE_MODULES_ENV = "SUPPLYTRACE_WEB_NODE_MODULES"
SANCTIONS_ENV = "SUPPLYTRACE_SANCTIONS"


@dataclass
class Settings:
    db_path: Path
    token: str | None = None  # None: read-only server, every writing endpoint answers 403
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    extractor: Any = None  # an extractor name or object used for uploaded articles (None: the default)
    sanctions: Path | None = None  # FtM JSON(L) file or folder to screen against
    node_modules: Path | None = None  # where `npm ci` put the browser libraries

    @property
    def writable(self) -> bool:
        return bool(self.token)


def read_token(token_file: Path | None = None) -> str | None:
    """The API token from a file (first line, stripped) or the SUPPLYTRACE_API_TOKEN variable."""
    if token_file is not None:
        text = Path(token_file).read_text(encoding="utf-8").strip()
        return text.splitlines()[0].strip() if text else None
    value = os.environ.get(TOKEN_ENV, "").strip()
    return value or None


def find_node_modules() -> Path | None:
    """The web assets' node_modules: $SUPPLYTRACE_WEB_NODE_MODULES, else <repo>/web/node_modules."""
    candidates = []
    if os.environ.get(NODE_MODULES_ENV):
        candidates.append(Path(os.environ[NODE_MODULES_ENV]))
    here = Path(__file__).resolve()
    candidates.append(here.parents[3] / "web" / "node_modules")  # source checkout: src/supplytrace/web
    candidates.append(Path.cwd() / "web" / "node_modules")
    for c in candidates:
        if c.is_dir():
            return c
    return None
