"""web stage: the HTTP JSON API and the web UI, served by one FastAPI app (`supplytrace serve`).

A thin layer over `supplytrace.analyze.api` and the store: no analysis logic lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """See `supplytrace.web.app.create_app` (imported lazily so the CLI starts fast)."""
    from supplytrace.web.app import create_app as _create_app

    return _create_app(*args, **kwargs)


__all__ = ["create_app"]
