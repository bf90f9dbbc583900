"""Request dependencies: one store connection per worker thread, and the bearer-token check."""

from __future__ import annotations

import contextlib
import secrets
import threading
from pathlib import Path

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from supplytrace.store import Store
from supplytrace.web.config import Settings


class StorePool:
    """SQLite connections are not shared across threads: each request thread gets its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._generation = 0  # bumped by close(): connections of an earlier generation are not reused

    def get(self) -> Store:
        held = getattr(self._local, "held", None)
        if held is None or held[0] != self._generation:
            store = Store(self.path)
            with self._lock:
                self._all.append(store)
                held = self._local.held = (self._generation, store)
        return held[1]

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            for s in self._all:
                with contextlib.suppress(Exception):  # closing from another thread may fail at exit
                    s.close()
            self._all.clear()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.stores.get()


_bearer = HTTPBearer(auto_error=False, description="Writing endpoints need the server's API token.")


def require_token(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
) -> None:
    """Allow the request only with `Authorization: Bearer <token>` matching the configured token."""
    settings: Settings = request.app.state.settings
    if credentials is None:
        raise HTTPException(401, "this endpoint needs an API token", headers={"WWW-Authenticate": "Bearer"})
    if not settings.token:
        raise HTTPException(403, "this server is read-only (start it with an API token to enable writing)")
    given = credentials.credentials
    if credentials.scheme.lower() != "bearer" or not secrets.compare_digest(
        given.encode("utf-8"), settings.token.encode("utf-8")
    ):
        raise HTTPException(401, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"})
