"""Screen against a running yente service (OpenSanctions' matching API) instead of a local file.

`POST {url}/match/{dataset}` with our entities as FtM example entities, in batches; yente scores
them (logic-v2 by default) and returns results with `score`, `match`, `properties`, `datasets`,
`first_seen`... When a result does not carry its `Sanction` entities nested under
`properties.sanctions`, they are fetched with `GET {url}/entities/{id}?nested=true` (only for
results above the cutoff). An API key (hosted yente at api.opensanctions.org) is read from
$SUPPLYTRACE_YENTE_API_KEY.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import httpx

from supplytrace.analyze.types import EntityRecord
from supplytrace.screen.index import SanctionInfo
from supplytrace.screen.match import Hit, query_proxy

BATCH = 20
API_KEY_ENV = "SUPPLYTRACE_YENTE_API_KEY"  # sent as `Authorization: ApiKey ...` (api.opensanctions.org)


class YenteError(Exception):
    """The yente service could not be reached or answered with an error."""


def _strings(values: Any) -> list[str]:
    return [str(v) for v in values or [] if isinstance(v, str | int | float)]


class YenteMatcher:
    def __init__(self, url: str, dataset: str = "default", threshold: float = 0.7, algorithm: str | None = None,
                 client: httpx.Client | None = None, timeout: float = 30.0, api_key: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.dataset = dataset
        self.threshold = threshold
        self.algorithm = algorithm
        self.source = f"{self.url}/match/{dataset}"
        api_key = api_key or os.environ.get(API_KEY_ENV) or None
        headers = {"Authorization": f"ApiKey {api_key}"} if api_key else {}
        self._own = client is None
        self.client = client or httpx.Client(timeout=timeout, headers=headers)

    def __enter__(self) -> YenteMatcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own:
            self.client.close()

    def _post(self, queries: dict[str, Any], cutoff: float) -> dict[str, Any]:
        params: dict[str, Any] = {"threshold": self.threshold, "cutoff": cutoff}
        if self.algorithm:
            params["algorithm"] = self.algorithm
        try:
            resp = self.client.post(f"{self.url}/match/{self.dataset}", params=params, json={"queries": queries})
        except httpx.HTTPError as exc:
            raise YenteError(f"{self.url}: cannot reach yente ({exc})") from exc
        if resp.status_code != 200:
            hint = ""
            if resp.status_code in (401, 403):
                hint = f" (the service wants an API key: set {API_KEY_ENV})"
            elif resp.status_code == 404:
                hint = f" (is {self.url} a yente service, and does it have the dataset {self.dataset!r}?)"
            raise YenteError(f"{self.source}: HTTP {resp.status_code}{hint}: {' '.join(resp.text[:200].split())}")
        try:
            return resp.json()
        except ValueError as exc:
            raise YenteError(f"{self.source}: answer is not JSON") from exc

    def _sanctions(self, result: dict[str, Any]) -> list[SanctionInfo]:
        nested = (result.get("properties") or {}).get("sanctions") or []
        infos = [SanctionInfo.from_ftm(n) for n in nested if isinstance(n, dict)]
        if infos or "sanction" not in " ".join(_strings((result.get("properties") or {}).get("topics"))):
            return infos
        try:
            resp = self.client.get(f"{self.url}/entities/{result['id']}", params={"nested": "true"})
            if resp.status_code == 200:
                nested = (resp.json().get("properties") or {}).get("sanctions") or []
                infos = [SanctionInfo.from_ftm(n) for n in nested if isinstance(n, dict)]
        except (httpx.HTTPError, ValueError, KeyError):
            pass
        return infos

    def _hit(self, result: dict[str, Any], cutoff: float) -> Hit | None:
        score = float(result.get("score") or 0.0)
        if score < cutoff:
            return None
        props = result.get("properties") or {}
        names = list(dict.fromkeys(_strings(props.get("name")) + _strings(props.get("alias"))))
        sanctions = self._sanctions(result)
        expl = result.get("explanations") or result.get("features") or {}
        detail, qn, cn = [], None, None
        for key, value in expl.items():
            if isinstance(value, dict):
                if key == "name_match":
                    qn, cn = value.get("query"), value.get("candidate")
                if value.get("score"):
                    detail.append(f"{key}={float(value['score']):.2f}"
                                  + (f" ({value['detail']})" if value.get("detail") else ""))
            elif isinstance(value, int | float) and value:
                detail.append(f"{key}={float(value):.2f}")
        countries = list(dict.fromkeys(
            _strings(props.get("country")) + _strings(props.get("jurisdiction")) + _strings(props.get("nationality"))))
        programs = list(dict.fromkeys([p for s in sanctions for p in s.program] + _strings(props.get("program"))))
        return Hit(
            list_id=str(result.get("id")), caption=str(result.get("caption") or (names[0] if names else "")),
            schema=str(result.get("schema") or ""), score=score, query_name=qn, matched_name=cn, names=names,
            countries=countries, topics=_strings(props.get("topics")), datasets=_strings(result.get("datasets")),
            programs=programs, authorities=list(dict.fromkeys(a for s in sanctions for a in s.authority)),
            dates=sorted({d for s in sanctions for d in [*s.listing_date, *s.start_date]})
            or _strings([result.get("first_seen")] if result.get("first_seen") else []),
            sanctions=sanctions, explanation="; ".join(detail), source=self.source,
        )

    def match(self, queries: Sequence[EntityRecord], cutoff: float) -> dict[int, list[Hit]]:
        out: dict[int, list[Hit]] = {q.id: [] for q in queries}
        for start in range(0, len(queries), BATCH):
            batch = queries[start:start + BATCH]
            body = {}
            for q in batch:
                proxy = query_proxy(q)
                body[str(q.id)] = {"schema": proxy.schema.name, "properties": proxy.properties}
            data = self._post(body, cutoff)
            responses = data.get("responses") or {}
            for key, answer in responses.items():
                try:
                    qid = int(key)
                except ValueError:
                    continue
                if qid not in out or not isinstance(answer, dict):
                    continue
                for result in answer.get("results") or []:
                    hit = self._hit(result, cutoff)
                    if hit is not None:
                        out[qid].append(hit)
                out[qid].sort(key=lambda h: -h.score)
        return out
