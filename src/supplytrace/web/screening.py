"""Screening results for the API, when the screen stage is installed and a list is configured."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import HTTPException

from supplytrace.store import Store
from supplytrace.web import schemas as S
from supplytrace.web.config import Settings
from supplytrace.web.services import optional_module

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, Any]] = {}


def _screen_store() -> Any | None:
    mod = optional_module("supplytrace.screen")
    fn = getattr(mod, "screen_store", None) if mod else None
    return fn if callable(fn) else None


def available(settings: Settings) -> bool:
    return settings.sanctions is not None and _screen_store() is not None


def _state(store: Store) -> tuple:
    c = store.conn
    return (c.execute("SELECT count(*), coalesce(max(rowid), 0) FROM documents").fetchone()[:],
            c.execute("SELECT count(*), coalesce(max(id), 0) FROM entities").fetchone()[:],
            c.execute("SELECT count(*) FROM overrides").fetchone()[0])


_HIT_FIELDS = {*S.ScreenHitOut.model_fields, "schema"}


def report(store: Store, settings: Settings, status: str | None = None) -> S.ScreenReportOut:
    fn = _screen_store()
    if fn is None or settings.sanctions is None:
        raise HTTPException(404, "screening is not configured on this server")
    key = str(settings.sanctions)
    state = _state(store)
    with _lock:  # one screening run at a time; the result is reused until the store changes
        cached = _cache.get(key)
        if cached and cached[0] == state:
            rep = cached[1]
        else:
            try:
                rep = fn(store, lists=key)
            except NotImplementedError as exc:
                raise HTTPException(503, "screening is not available in this build") from exc
            except Exception as exc:
                raise HTTPException(503, f"screening failed: {exc}") from exc
            _cache[key] = (state, rep)
    d = rep.to_dict()
    results = []
    for st in ("listed", "possible", "unlisted"):
        if status and st != status:
            continue
        for r in d.get(st, []):
            results.append(S.ScreenResultOut(
                entity=S.EntityOut(**r["entity"]), status=r["status"], score=r["score"],
                hits=[S.ScreenHitOut(**{k: v for k, v in h.items() if k in _HIT_FIELDS}) for h in r["hits"]]))
    return S.ScreenReportOut(source=d["source"], threshold=d["threshold"], list_entities=d["list_entities"],
                             results=results, notes=d.get("notes", []))
