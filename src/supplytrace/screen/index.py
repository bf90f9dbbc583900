"""A blocking index over a sanctions list, built once and cached.

What is indexed: every matchable FtM party (Person, Organization, Company, LegalEntity,
PublicBody, ...) with its names, countries and a few matching properties, plus what the list
says about its listing: the `Sanction` entities that point at it (`entity` property), with
program, authority, dates, and the party's `topics` / `datasets`.

Blocking keys (so screening N entities does not compare against every list entry): each name is
transliterated to ASCII (rigour: Интеграл -> integral), casefolded, stripped of legal forms
(rigour's org-types database: OJSC, ОАО, GmbH, Ltd...) and split into name tokens; the keys are
the tokens plus a Metaphone code for tokens of 4+ letters (Lukashenko / Lukashenka share LKXNK).
Candidates for a query are ranked by the summed inverse document frequency of the keys they
share with it; only the best few go on to the (expensive) matcher. Letter trigrams of the tokens
("3:" keys) add a few fuzzy candidates: names sharing most of the query's distinctive trigrams,
which the exact keys miss when the one rare word has a typo or another transliteration.

Cache: a pickle under the cache folder, named from the absolute paths, sizes and modification
times of the list files plus the index format version: a changed list rebuilds, an unchanged
one loads in a fraction of the build time. Folder: `cache_dir` argument, else
$SUPPLYTRACE_CACHE, else $XDG_CACHE_HOME/supplytrace/screen (~/.cache/...). If the folder is not
writable the index is built in memory and not cached.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import os
import pickle
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy, model
from rigour.names import remove_org_types, tokenize_name
from rigour.text import ascii_text, metaphone

from supplytrace.screen.lists import LoadStats, iter_raw, list_files

INDEX_VERSION = 5
NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry")
MATCH_PROPS = NAME_PROPS + COUNTRY_PROPS + (
    "birthDate", "deathDate", "gender", "incorporationDate", "registrationNumber", "idNumber", "taxNumber",
    "innCode", "ogrnCode", "leiCode", "swiftBic", "imoNumber",
    "firstName", "lastName", "middleName", "fatherName",
)
INFO_PROPS = ("topics", "program", "sourceUrl", "createdAt", "modifiedAt", "notes", "position")
SANCTION_PROPS = ("authority", "program", "programId", "country", "startDate", "endDate", "listingDate", "date",
                  "reason", "sourceUrl", "status", "provisions", "authorityId", "summary")
PARTY_SCHEMA = model["LegalEntity"]
FUZZY_GRAMS = 8  # a query's rarest letter trigrams that fuzzy blocking counts


@dataclass
class SanctionInfo:
    """One designation of a listed party, as the FtM `Sanction` entity states it."""

    id: str | None = None
    authority: list[str] = field(default_factory=list)
    program: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    start_date: list[str] = field(default_factory=list)
    end_date: list[str] = field(default_factory=list)
    listing_date: list[str] = field(default_factory=list)
    reason: list[str] = field(default_factory=list)
    source_url: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)

    @classmethod
    def from_ftm(cls, data: dict[str, Any]) -> SanctionInfo:
        props = data.get("properties") or {}

        def vals(name: str) -> list[str]:
            return [str(v) for v in props.get(name) or [] if isinstance(v, str | int | float)]

        return cls(id=data.get("id"), authority=vals("authority"), program=vals("program") or vals("programId"),
                   country=vals("country"), start_date=vals("startDate") or vals("date"), end_date=vals("endDate"),
                   listing_date=vals("listingDate"), reason=vals("reason"), source_url=vals("sourceUrl"),
                   status=vals("status"), datasets=list(data.get("datasets") or []))

    def label(self) -> str:
        """One line: authority — program (since date)."""
        who = ", ".join(self.authority) or ", ".join(self.country).upper() or "unknown authority"
        what = "; ".join(self.program)
        since = (self.listing_date or self.start_date or [None])[0]
        text = who + (f" — {what}" if what else "")
        return text + (f" (since {since})" if since else "")


@dataclass
class ListedEntity:
    """A party in the sanctions data, as the index keeps it."""

    id: str
    schema: str
    caption: str
    names: list[str]
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)  # `program` on the party itself
    sanctions: list[SanctionInfo] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    created_at: list[str] = field(default_factory=list)
    source_url: list[str] = field(default_factory=list)
    properties: dict[str, list[str]] = field(default_factory=dict)  # matching properties only
    translit: dict[str, str] = field(default_factory=dict)  # ASCII form added for matching -> original name

    def proxy(self) -> EntityProxy:
        # nomenklatura memoises name analysis by entity id, so the id carries a digest of the properties
        # (two lists may use one id for different content).
        digest = hashlib.sha1(repr(sorted(self.properties.items())).encode("utf-8")).hexdigest()[:12]
        return model.get_proxy({"id": f"{self.id}#{digest}", "schema": self.schema, "properties": self.properties},
                               cleaned=True)

    @property
    def authorities(self) -> list[str]:
        return _unique(a for s in self.sanctions for a in s.authority)

    @property
    def all_programs(self) -> list[str]:
        return _unique([*(p for s in self.sanctions for p in s.program), *self.programs])

    @property
    def dates(self) -> list[str]:
        return sorted(_unique(d for s in self.sanctions for d in [*s.listing_date, *s.start_date]))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


@lru_cache(maxsize=200_000)
def _ascii_word(word: str) -> str:
    return ascii_text(word)


def to_ascii(text: str) -> str:
    """rigour's `ascii_text`, word by word and memoised, whitespace collapsed.

    rigour's transliteration costs about 0.1 ms per character of non-Latin text, and a list repeats
    its words (legal forms, "завод", given names) many times; per word, the result is the same as for
    the whole string (rigour picks the spelling from the word's own letters: Інтэграл -> Intehral).
    """
    if text.isascii():
        return " ".join(text.split())
    return " ".join(w if w.isascii() else _ascii_word(w) for w in text.split())


_QUOTES = str.maketrans({c: " " for c in "«»“”„‟\"'‹›「」"})


def transliterate(name: str) -> str | None:
    """The ASCII form of a name in another script (rigour): «Интеграл» -> Integral; None if already ASCII.

    logic-v2 compares names across scripts only where they share known name symbols, so a list entry
    known only as ОАО «Легмаш» would never meet our "Legmash". Both sides therefore also carry the
    transliterated form (an extra alias used for matching; hits report the original name).
    """
    if name.isascii():
        return None
    text = to_ascii(name.translate(_QUOTES))
    return text if text and text != name else None


def with_transliterations(names: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """The names plus ASCII forms of non-Latin ones, and a map from each added form to its original."""
    names = list(names)
    seen = set(names)
    added: dict[str, str] = {}
    for n in names:
        t = transliterate(n)
        if t and t not in seen:
            seen.add(t)
            added[t] = n
    return [*names, *added], added


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """ASCII, casefolded, legal forms removed, tokenised (rigour)."""
    text = to_ascii(name.translate(_QUOTES)).casefold()
    stripped = remove_org_types(text)
    tokens = [t for t in tokenize_name(stripped) if len(t) >= 2]
    if not tokens:  # a name that is only a legal form (rare): keep its tokens rather than nothing
        tokens = [t for t in tokenize_name(text) if len(t) >= 2]
    return tuple(tokens)


def name_keys(name: str) -> set[str]:
    keys: set[str] = set()
    for token in name_tokens(name):
        keys.add(token)
        if len(token) >= 4 and token.isalpha():
            code = metaphone(token)
            if code:
                keys.add("~" + code)
    return keys


def gram_keys(name: str) -> set[str]:
    """Letter trigrams of the name's tokens (4+ letters), with word boundaries: the fuzzy keys that
    still meet a name with a typo or another transliteration (Khutiuk / Hutiuk) in the token the
    exact keys would have blocked on."""
    keys: set[str] = set()
    for token in name_tokens(name):
        if len(token) >= 4:
            padded = f"^{token}$"
            keys.update("3:" + padded[i:i + 3] for i in range(len(padded) - 2))
    return keys


@dataclass
class IndexStats:
    files: list[str]
    entities_read: int
    parties: int
    sanctions: int
    keys: int
    problems: list[str]
    build_seconds: float
    loaded_from_cache: bool = False
    cache_path: str | None = None


class ListIndex:
    """Parties of a sanctions list and a token index over their names."""

    def __init__(self, records: list[ListedEntity], postings: dict[str, array], stats: IndexStats) -> None:
        self.records = records
        self.postings = postings
        self.stats = stats
        self._n = max(len(records), 1)
        # Keys that name a large part of the list (e.g. "zavod", "bank") block nothing; they are skipped
        # when a query has rarer keys.
        self.max_df = max(1000, int(0.02 * self._n))

    def __len__(self) -> int:
        return len(self.records)

    def idf(self, key: str) -> float:
        posting = self.postings.get(key)
        if posting is None:
            return 0.0
        return math.log(1 + self._n / len(posting))

    def candidates(self, names: Iterable[str], limit: int = 12) -> list[tuple[int, float]]:
        """Record numbers sharing the rarest name keys with `names`, best first."""
        keys: set[str] = set()
        for n in names:
            keys |= name_keys(n)
        present = [(k, self.postings[k]) for k in keys if k in self.postings]
        if not present:
            return []
        rare = [(k, p) for k, p in present if len(p) <= self.max_df]
        use = rare or sorted(present, key=lambda kp: len(kp[1]))[:2]
        scores: dict[int, float] = defaultdict(float)
        for key, posting in use:
            weight = self.idf(key) * (0.5 if key.startswith("~") else 1.0)
            for rec in posting:
                scores[rec] += weight
        best = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
        return best

    def fuzzy_candidates(self, names: Iterable[str], limit: int = 4, min_share: float = 0.5) -> list[int]:
        """Record numbers sharing at least `min_share` of the query's distinctive letter trigrams, most
        shared first (catches what `candidates` misses: a typo in the one rare word of a name)."""
        grams: set[str] = set()
        for n in names:
            grams |= gram_keys(n)
        present = [self.postings[g] for g in grams if g in self.postings]
        # the rarest few only: they decide, and common trigrams (long postings) cost the most to count
        rare = [p for p in sorted(present, key=len)[:FUZZY_GRAMS] if len(p) <= self.max_df]
        if not rare:
            return []
        counts: Counter[int] = Counter()
        for posting in rare:
            counts.update(posting)  # counted in C
        need = max(2, math.ceil(min_share * len(rare)))
        return [rec for rec, n in counts.most_common(limit) if n >= need]

    # -- building -----------------------------------------------------------------------
    @classmethod
    def build(cls, path: str | Path) -> ListIndex:
        with quiet_gc():
            return cls._build(path)

    @classmethod
    def _build(cls, path: str | Path) -> ListIndex:
        started = time.perf_counter()
        load = LoadStats()
        parties: dict[str, ListedEntity] = {}
        sanctions_by_party: dict[str, list[SanctionInfo]] = defaultdict(list)
        n_sanctions = 0
        for data in iter_raw(path, load):
            schema = model.get(data["schema"])
            if schema is None:
                continue
            props = data.get("properties") or {}
            if schema.is_a("Sanction"):
                info = SanctionInfo.from_ftm(data)
                n_sanctions += 1
                for target in props.get("entity") or []:
                    target_id = target.get("id") if isinstance(target, dict) else target
                    if target_id:
                        sanctions_by_party[str(target_id)].append(info)
                continue
            if not schema.is_a(PARTY_SCHEMA) or not schema.matchable:
                continue
            record = _record(data, schema.name)
            if record is None:
                continue
            # Nested sanctions (yente / OpenSanctions nested JSON): properties.sanctions = [entity dicts]
            for nested in props.get("sanctions") or []:
                if isinstance(nested, dict):
                    sanctions_by_party[record.id].append(SanctionInfo.from_ftm(nested))
                    n_sanctions += 1
            if record.id in parties:  # the same id twice (several files): merge names and facts
                old = parties[record.id]
                old.names = _unique([*old.names, *record.names])
                for k, v in record.properties.items():
                    old.properties[k] = _unique([*old.properties.get(k, []), *v])
                old.countries = _unique([*old.countries, *record.countries])
                old.topics = _unique([*old.topics, *record.topics])
                old.datasets = _unique([*old.datasets, *record.datasets])
            else:
                parties[record.id] = record
        records = list(parties.values())
        postings_lists: dict[str, list[int]] = defaultdict(list)
        for number, rec in enumerate(records):
            rec.sanctions = sanctions_by_party.get(rec.id, [])
            keys: set[str] = set()
            for n in rec.names:
                keys |= name_keys(n)
                keys |= gram_keys(n)
            for key in keys:
                postings_lists[key].append(number)
        postings = {k: array("i", v) for k, v in postings_lists.items()}
        name_tokens.cache_clear()
        stats = IndexStats(files=load.files, entities_read=load.entities, parties=len(records), sanctions=n_sanctions,
                           keys=len(postings), problems=[str(p) for p in load.problems],
                           build_seconds=time.perf_counter() - started)
        return cls(records, postings, stats)


def _record(data: dict[str, Any], schema: str) -> ListedEntity | None:
    props = data.get("properties") or {}

    def vals(name: str) -> list[str]:
        return [str(v) for v in props.get(name) or [] if isinstance(v, str | int | float)]

    names = _unique(v for p in NAME_PROPS for v in vals(p))
    if not names and data.get("caption"):
        names = [str(data["caption"])]
    if not names:
        return None
    match_props: dict[str, list[str]] = {}
    for p in MATCH_PROPS:
        v = vals(p)
        if v:
            match_props[p] = v
    _, translit = with_transliterations(names)
    if translit:
        match_props["alias"] = [*match_props.get("alias", []), *translit]
    # Clean through the FtM type system once, at build time (countries -> ISO codes, dates...).
    proxy = model.get_proxy({"id": str(data["id"]), "schema": schema, "properties": match_props}, cleaned=False)
    cleaned = {p: list(v) for p, v in proxy.properties.items()}
    caption = str(data.get("caption") or proxy.caption or names[0])
    return ListedEntity(
        id=str(data["id"]), schema=schema, caption=caption, names=names,
        countries=_unique(proxy.countries), topics=vals("topics"), datasets=list(data.get("datasets") or []),
        programs=vals("program"), first_seen=data.get("first_seen"), last_seen=data.get("last_seen"),
        created_at=vals("createdAt") or vals("listingDate"), source_url=vals("sourceUrl"), properties=cleaned,
        translit=translit,
    )


@contextlib.contextmanager
def quiet_gc() -> Any:
    """No cyclic garbage collection while a large index is built or unpickled, and the index kept out
    of later collections (gc.freeze): it holds millions of small containers that the collector would
    otherwise walk again and again (a 200,000-party list unpickles about 4 times faster)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


# -- cache ----------------------------------------------------------------------------------
def default_cache_dir() -> Path:
    env = os.environ.get("SUPPLYTRACE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "supplytrace" / "screen"


def cache_key(path: str | Path) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for f in list_files(path):
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def load_index(path: str | Path, cache_dir: str | Path | None = None, use_cache: bool = True) -> ListIndex:
    """The index of the list at `path`: from the cache if the files are unchanged, else built (and cached)."""
    files = list_files(path)  # raises ListError with a clear message
    del files
    if not use_cache:
        return ListIndex.build(path)
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = folder / f"index-{cache_key(path)}.pickle"
    if target.is_file():
        started = time.perf_counter()
        try:
            with target.open("rb") as fh, quiet_gc():
                index = pickle.load(fh)
            if isinstance(index, ListIndex):
                index.stats.loaded_from_cache = True
                index.stats.cache_path = str(target)
                index.stats.build_seconds = time.perf_counter() - started
                return index
        except Exception:  # corrupt or from an incompatible version: rebuild
            pass
    index = ListIndex.build(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(target)
        index.stats.cache_path = str(target)
    except OSError:
        index.stats.cache_path = None
    return index
