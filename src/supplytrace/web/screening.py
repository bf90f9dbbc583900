"""Screening results for the API, when the screen stage is installed and a list is configured."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from fastapi import HTTPException

from supplytrace.store import Store
from supplytrace.web import schemas as S
from supplytrace.web.config import Settings
from supplytrace.web.services import optional_module

_FUNCTIONS = ("screen_store", "screen")


def _function() -> Any | None:
    mod = optional_module("supplytrace.screen")
    for name in _FUNCTIONS:
        fn = getattr(mod, name, None) if mod else None
        if callable(fn):
            return fn
    return None


def available(settings: Settings) -> bool:
    return bool(settings.sanctions) and _function() is not None


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for n in names:
        if isinstance(obj, dict) and n in obj:
            return obj[n]
        if hasattr(obj, n):
            return getattr(obj, n)
    return default


def _plain(obj: Any) -> dict[str, Any]:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, dict):
        return dict(obj)
    return {"value": str(obj)}


def results(store: Store, settings: Settings) -> list[S.ScreenResultOut]:
    fn = _function()
    if fn is None or not settings.sanctions:
        raise HTTPException(404, "screening is not configured on this server")
    cache = getattr(settings, "_screen_cache", None)
    key = (tuple(str(p) for p in settings.sanctions), store.count_documents())
    if cache and cache[0] == key:
        raw = cache[1]
    else:
        try:
            raw = fn(store, settings.sanctions if len(settings.sanctions) > 1 else settings.sanctions[0])
        except NotImplementedError as exc:
            raise HTTPException(503, "screening is not available in this build") from exc
        settings._screen_cache = (key, raw)  # type: ignore[attr-defined]
    out = []
    for r in raw or []:
        entity = _get(r, "entity")
        matches = _get(r, "matches", default=[]) or []
        out.append(S.ScreenResultOut(
            entity_id=_get(r, "entity_id", default=_get(entity, "id")),
            entity_name=str(_get(r, "entity_name", "name", default=_get(entity, "name", default="?"))),
            matches=[_plain(m) for m in matches],
            listed=bool(_get(r, "listed", default=bool(matches))),
        ))
    return out
