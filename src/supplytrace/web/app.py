"""The FastAPI application: JSON API under /api, HTML pages, static files, security middleware."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from supplytrace import __version__
from supplytrace.web import api, pages
from supplytrace.web.config import DEFAULT_MAX_UPLOAD, Settings, find_node_modules
from supplytrace.web.deps import StorePool
from supplytrace.web.security import BodySizeLimit, SecurityHeaders
from supplytrace.web.services import AnalysisUnavailable

HERE = Path(__file__).resolve().parent
GRAPH_LIBRARY = Path("cytoscape") / "dist" / "cytoscape.min.js"

DESCRIPTION = """\
A sourced, queryable map of military supply networks built from open reporting.

Every claim carries its evidence (document id and character offsets) and its independent origins.
Read endpoints are open; writing endpoints (`POST`) need `Authorization: Bearer <token>` with the
token the server was started with, and are refused when it was started without one.
"""


def create_app(db_path: str | Path, token: str | None = None, *, max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
               extractor: Any = None, sanctions: str | Path | None = None,
               node_modules: str | Path | None = None) -> FastAPI:
    """Build the app over the store at `db_path`. `token` enables writing endpoints (None: read-only)."""
    settings = Settings(db_path=Path(db_path), token=(token or None), max_upload_bytes=max_upload_bytes,
                        extractor=extractor, sanctions=Path(sanctions) if sanctions else None,
                        node_modules=Path(node_modules) if node_modules else find_node_modules())
    stores = StorePool(settings.db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="supplytrace", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # Swagger UI needs a CDN and inline scripts; CSP forbids both
    app.state.settings = settings
    app.state.stores = stores
    lib = settings.node_modules / GRAPH_LIBRARY if settings.node_modules else None
    app.state.graph_library = lib if lib is not None and lib.is_file() else None

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(AnalysisUnavailable)
    async def _analysis_unavailable(request: Request, exc: AnalysisUnavailable) -> Response:
        message = "The analysis stage is not available in this build."
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=503)
        return pages.page(request, "error.html", status_code=503, title="Analysis unavailable", message=message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        title = {404: "Not found", 405: "Not allowed"}.get(exc.status_code, "Error")
        message = exc.detail if isinstance(exc.detail, str) else "The request could not be served."
        return pages.page(request, "error.html", status_code=exc.status_code, title=title, message=message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
            return JSONResponse({"detail": errors}, status_code=422)
        return pages.page(request, "error.html", status_code=422, title="Bad request",
                          message="Some parameters of this page are not valid.")

    app.add_middleware(BodySizeLimit, max_bytes=max_upload_bytes + 64 * 1024)  # room for multipart framing
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"
