"""Screen stored entities against a sanctions list.

Scoring is nomenklatura's `logic-v2` algorithm (the one yente uses by default): a name matcher
with cultural reference data for cross-script comparison (Интеграл / Integral), legal-form
handling (OJSC / ОАО / GmbH) and word-order-free name-part alignment, qualified by country,
date-of-birth and gender mismatches. We do not add scoring of our own: a hit's score is the
logic-v2 score, and its explanation is logic-v2's.

Categories for each stored organization or person:
- **listed**: best score >= `threshold` (default 0.7, yente's default match threshold);
- **possible**: best score >= `cutoff` (default 0.6) — for an analyst to review;
- **unlisted**: named in reporting, nothing on the list scores above the cutoff.
Each category is sorted by how much reporting implicates the entity: independent origins, then
claims, then articles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from followthemoney import EntityProxy, model
from nomenklatura.matching import LogicV2, ScoringConfig
from rigour.names import remove_org_types

from supplytrace.analyze.types import EntityRecord
from supplytrace.screen.index import ListedEntity, ListIndex, SanctionInfo, with_transliterations
from supplytrace.vocab import SCREENABLE_TYPES, EntityType

DEFAULT_THRESHOLD = 0.7
DEFAULT_CUTOFF = 0.6
CANDIDATES = 12  # list entries per stored entity that go to the matcher after blocking
FUZZY_CANDIDATES = 4  # and at most this many more that share most of its letter trigrams
VARIANT_FLOOR = 0.4  # a name variant (no legal form / cue word) is scored only for candidates above this

ALGORITHM = LogicV2
_CONFIG = ScoringConfig(weights={f.name: f.weight for f in ALGORITHM.features},
                        config={k: v.default for k, v in ALGORITHM.CONFIG.items()})

LISTED = "listed"
POSSIBLE = "possible"
UNLISTED = "unlisted"


@dataclass
class Hit:
    """One list entry that matches a stored entity."""

    list_id: str
    caption: str
    schema: str
    score: float
    query_name: str | None = None  # which of our names matched
    matched_name: str | None = None  # which of its names matched
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # listing / start dates
    sanctions: list[SanctionInfo] = field(default_factory=list)
    explanation: str = ""
    source: str = ""  # list file/folder or yente URL

    @property
    def where(self) -> str:
        """Where it is listed, in one line."""
        parts = [s.label() for s in self.sanctions]
        if not parts and self.programs:
            parts = self.programs
        if not parts and self.topics:
            parts = [f"topics: {', '.join(self.topics)}"]
        if not parts and self.datasets:
            parts = [f"datasets: {', '.join(self.datasets)}"]
        return "; ".join(dict.fromkeys(parts)) or "on the list (no designation details)"


@dataclass
class ScreenResult:
    entity: EntityRecord
    status: str  # listed | possible | unlisted
    hits: list[Hit] = field(default_factory=list)

    @property
    def score(self) -> float:
        return max((h.score for h in self.hits), default=0.0)

    @property
    def best(self) -> Hit | None:
        return max(self.hits, key=lambda h: h.score, default=None)


@dataclass
class ScreenReport:
    source: str
    threshold: float
    cutoff: float
    results: list[ScreenResult] = field(default_factory=list)
    list_entities: int = 0
    notes: list[str] = field(default_factory=list)

    def category(self, status: str) -> list[ScreenResult]:
        return sort_by_implication([r for r in self.results if r.status == status])

    @property
    def listed(self) -> list[ScreenResult]:
        return self.category(LISTED)

    @property
    def possible(self) -> list[ScreenResult]:
        return self.category(POSSIBLE)

    @property
    def unlisted(self) -> list[ScreenResult]:
        return self.category(UNLISTED)

    def to_dict(self) -> dict:
        def res(r: ScreenResult) -> dict:
            e = r.entity
            return {
                "entity": {"id": e.id, "name": e.name, "type": e.type, "country": e.country, "aliases": e.aliases,
                           "claims": e.claims, "origins": e.origins, "documents": e.documents},
                "status": r.status, "score": round(r.score, 4),
                "hits": [{
                    "list_id": h.list_id, "caption": h.caption, "schema": h.schema, "score": round(h.score, 4),
                    "query_name": h.query_name, "matched_name": h.matched_name, "names": h.names,
                    "countries": h.countries, "where": h.where, "programs": h.programs,
                    "authorities": h.authorities, "dates": h.dates, "topics": h.topics, "datasets": h.datasets,
                    "sanctions": [s.__dict__ for s in h.sanctions], "explanation": h.explanation,
                    "source": h.source,
                } for h in sorted(r.hits, key=lambda h: -h.score)],
            }
        return {"source": self.source, "threshold": self.threshold, "cutoff": self.cutoff,
                "list_entities": self.list_entities, "notes": self.notes,
                "listed": [res(r) for r in self.listed], "possible": [res(r) for r in self.possible],
                "unlisted": [res(r) for r in self.unlisted]}


def sort_by_implication(results: Iterable[ScreenResult]) -> list[ScreenResult]:
    """Most implicated first: independent origins, claims, articles, then best score, then name."""
    return sorted(results, key=lambda r: (-r.entity.origins, -r.entity.claims, -r.entity.documents, -r.score,
                                          r.entity.name.casefold()))


class Matcher(Protocol):
    source: str

    def match(self, queries: Sequence[EntityRecord], cutoff: float) -> dict[int, list[Hit]]: ...


# -- queries --------------------------------------------------------------------------------
def query_schema(record: EntityRecord) -> str:
    return "Person" if record.type == EntityType.PERSON else "Organization"


def query_names(record: EntityRecord) -> list[str]:
    return list(dict.fromkeys(n for n in [record.name, *record.aliases] if n and n.strip()))


# words reporting puts around an enterprise's name ("the Legmash plant") that a list does not
CUE_WORDS = {"plant", "factory", "works", "enterprise", "facility", "company", "firm", "mill", "site"}
_EDGE_PUNCT = " \t,.;:-–—\"'«»“”()"
_QUOTES = str.maketrans({c: " " for c in "«»“”„‟\"'‹›「」"})


def name_variants(names: list[str], entity_type: str) -> list[str]:
    """Extra spellings of an organization's names for matching: without the legal form (reporting
    writes JSC where the register says CJSC, and logic-v2 counts a different legal form against a
    match) and without a cue word ("Gazpi plant" -> "Gazpi"). Scores stay logic-v2's; the variants
    only give it the name the list is likely to use. Persons get none."""
    if entity_type == EntityType.PERSON:
        return []
    seen = {n.casefold() for n in names}
    out: list[str] = []
    for name in names:
        words = name.split()
        while len(words) > 1 and words[-1].casefold().strip(_EDGE_PUNCT) in CUE_WORDS:
            words = words[:-1]
        while len(words) > 1 and words[0].casefold().strip(_EDGE_PUNCT) in {"the"}:
            words = words[1:]
        cut = " ".join(words)
        variants = [cut]
        plain = " ".join(cut.translate(_QUOTES).split())
        bare = remove_org_types(plain.casefold())
        if bare.split() != plain.casefold().split():  # a legal form was taken out
            variants.append(" ".join(w for w in (x.strip(_EDGE_PUNCT) for x in bare.split()) if w))
        for v in variants:
            if v and v.casefold() not in seen and any(len(t) >= 3 for t in v.split()):
                seen.add(v.casefold())
                out.append(v)
    return out


def query_proxy(record: EntityRecord, names: list[str] | None = None) -> EntityProxy:
    """Our entity as an FtM example entity (what yente's /match takes, too)."""
    proxy = model.make_entity(query_schema(record))
    names, _ = with_transliterations(query_names(record) if names is None else names)
    # nomenklatura memoises name analysis by entity id: the id must change when the names do.
    proxy.id = f"supplytrace-{record.id}-{content_key(names, record.country, record.type)}"
    proxy.add("name", names, quiet=True)
    if record.country:
        proxy.add("country", record.country, quiet=True)
    return proxy


def query_proxies(record: EntityRecord) -> list[EntityProxy]:
    """The entity as logic-v2 queries: as reported, and, when it has any, by its name variants alone
    (logic-v2 keeps only the longest of names that contain one another, so "Gazpi" next to
    "Gazpi plant" would never be compared). A candidate's score is the best of the two."""
    names = query_names(record)
    variants = name_variants(names, record.type)
    return [query_proxy(record, names)] + ([query_proxy(record, variants)] if variants else [])


def content_key(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:12]


def screenable(records: Iterable[EntityRecord]) -> list[EntityRecord]:
    types = {str(t) for t in SCREENABLE_TYPES}
    return [r for r in records if str(r.type) in types]


# -- local matching -------------------------------------------------------------------------
def hit_from_listed(rec: ListedEntity, score: float, source: str, explanation: str = "",
                    query_name: str | None = None, matched_name: str | None = None) -> Hit:
    return Hit(list_id=rec.id, caption=rec.caption, schema=rec.schema, score=score, query_name=query_name,
               matched_name=matched_name, names=rec.names, countries=rec.countries, topics=rec.topics,
               datasets=rec.datasets, programs=rec.all_programs, authorities=rec.authorities,
               dates=rec.dates or list(rec.created_at), sanctions=rec.sanctions, explanation=explanation,
               source=source)


def explain(result: object) -> tuple[str, str | None, str | None]:
    """Human explanation of a nomenklatura MatchingResult, and the name pair that matched."""
    parts, qn, cn = [], None, None
    for name, feat in getattr(result, "explanations", {}).items():
        if feat.score <= 0 and not feat.detail:
            continue
        if name == "name_match":
            qn, cn = feat.query, feat.candidate
        if feat.score > 0:
            parts.append(f"{name}={feat.score:.2f}" + (f" ({feat.detail})" if feat.detail else ""))
    return "; ".join(parts), qn, cn


class LocalMatcher:
    """Matches against a ListIndex in this process."""

    def __init__(self, index: ListIndex, source: str = "", candidates: int = CANDIDATES,
                 fuzzy: int = FUZZY_CANDIDATES) -> None:
        self.index = index
        self.source = source
        self.candidates = candidates
        self.fuzzy = fuzzy
        self._proxies: dict[int, EntityProxy] = {}

    def _proxy(self, number: int) -> EntityProxy:
        proxy = self._proxies.get(number)
        if proxy is None:
            proxy = self.index.records[number].proxy()
            if len(self._proxies) > 5_000:
                self._proxies.clear()
            self._proxies[number] = proxy
        return proxy

    def match_one(self, record: EntityRecord, cutoff: float) -> list[Hit]:
        queries = query_proxies(record)
        query = queries[0]
        hits: list[Hit] = []
        names = query_names(record)
        numbers = [number for number, _ in self.index.candidates(names, limit=self.candidates)]
        if self.fuzzy:
            numbers += [n for n in self.index.fuzzy_candidates(names, limit=self.fuzzy) if n not in numbers]
        records = self.index.records
        found = records.many(numbers) if hasattr(records, "many") else [records[n] for n in numbers]
        for number, rec in zip(numbers, found, strict=True):
            cand_schema = model.get(rec.schema)
            if cand_schema is None or not query.schema.can_match(cand_schema):
                continue
            candidate = self._proxy(number)
            result = ALGORITHM.compare(query, candidate, _CONFIG)
            if result.score >= VARIANT_FLOOR:  # names that far apart do not meet by dropping a legal form
                for variant in queries[1:]:
                    other = ALGORITHM.compare(variant, candidate, _CONFIG)
                    if other.score > result.score:
                        result = other
            if result.score >= cutoff:
                text, qn, cn = explain(result)
                if cn in rec.translit:  # report the list's own spelling
                    cn = f"{rec.translit[cn]} ({cn})"
                hits.append(hit_from_listed(rec, float(result.score), self.source, text, qn, cn))
        hits.sort(key=lambda h: -h.score)
        return hits

    def match(self, queries: Sequence[EntityRecord], cutoff: float) -> dict[int, list[Hit]]:
        return {q.id: self.match_one(q, cutoff) for q in queries}


# -- the whole screen -----------------------------------------------------------------------
def screen_records(records: Iterable[EntityRecord], matcher: Matcher, threshold: float = DEFAULT_THRESHOLD,
                   cutoff: float | None = None, list_entities: int = 0) -> ScreenReport:
    """Screen the organizations and persons among `records`; other types are ignored."""
    cutoff = min(DEFAULT_CUTOFF, threshold) if cutoff is None else min(cutoff, threshold)
    queries = screenable(records)
    found = matcher.match(queries, cutoff)
    report = ScreenReport(source=matcher.source, threshold=threshold, cutoff=cutoff, list_entities=list_entities)
    for q in queries:
        hits = found.get(q.id, [])
        best = max((h.score for h in hits), default=0.0)
        status = LISTED if best >= threshold else POSSIBLE if best >= cutoff else UNLISTED
        report.results.append(ScreenResult(entity=q, status=status, hits=hits))
    return report


def screen_store(store: object, lists: str | None = None, yente: str | None = None, dataset: str = "default",
                 threshold: float = DEFAULT_THRESHOLD, cutoff: float | None = None,
                 cache_dir: str | None = None) -> ScreenReport:
    """Screen every stored organization and person (read through the analyze API)."""
    from supplytrace.analyze import api

    records = api.entities(store)  # type: ignore[arg-type]
    if yente:
        from supplytrace.screen.yente import YenteMatcher

        with YenteMatcher(yente, dataset=dataset, threshold=threshold) as matcher:
            return screen_records(records, matcher, threshold, cutoff)
    if not lists:
        raise ValueError("give a sanctions list (--lists PATH) or a yente URL (--yente URL)")
    from supplytrace.screen.index import load_index

    index = load_index(lists, cache_dir=cache_dir)
    report = screen_records(records, LocalMatcher(index, source=str(lists)), threshold, cutoff, len(index))
    report.notes.extend(f"skipped {p}" for p in index.stats.problems[:20])
    if len(index.stats.problems) > 20:
        report.notes.append(f"... and {len(index.stats.problems) - 20} more skipped lines")
    return report
