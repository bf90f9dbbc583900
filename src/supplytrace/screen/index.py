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

Storage: one SQLite file (records as compact pickled tuples, postings as int32 blobs keyed by name
key), read per query, so memory stays small however long the list is. Cache: that file under the
cache folder, named from the absolute paths, sizes and modification
times of the list files plus the index format version: a changed list rebuilds, an unchanged
one loads in a fraction of the build time. Folder: `cache_dir` argument, else
$SUPPLYTRACE_CACHE, else $XDG_CACHE_HOME/supplytrace/screen (~/.cache/...). If the folder is not
writable the index is built in memory and not cached.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import json
import math
import os
import pickle
import sqlite3
import tempfile
import threading
import time
import urllib.parse
import weakref
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, overload

from followthemoney import EntityProxy, model
from rigour.names import remove_org_types, tokenize_name
from rigour.text import ascii_text, metaphone

from supplytrace.screen.lists import LoadStats, iter_raw, list_files

INDEX_VERSION = 6
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


class RecordStore(Sequence[ListedEntity]):
    """The parties of an index, read from its SQLite file one at a time (a few thousand kept decoded)."""

    KEEP = 4096

    def __init__(self, db: _Db, size: int) -> None:
        self._db = db
        self._size = size
        self._decoded: dict[int, ListedEntity] = {}

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, number: int) -> ListedEntity: ...

    @overload
    def __getitem__(self, number: slice) -> list[ListedEntity]: ...

    def __getitem__(self, number: int | slice) -> ListedEntity | list[ListedEntity]:
        if isinstance(number, slice):
            return [self[i] for i in range(*number.indices(self._size))]
        if number < 0:
            number += self._size
        if not 0 <= number < self._size:
            raise IndexError(number)
        rec = self._decoded.get(number)
        if rec is None:
            row = self._db.one("SELECT data FROM records WHERE n = ?", (number,))
            if row is None:
                raise IndexError(number)
            rec = _unpack(row[0])
            if len(self._decoded) >= self.KEEP:
                self._decoded.clear()
            self._decoded[number] = rec
        return rec

    def many(self, numbers: Sequence[int]) -> list[ListedEntity]:
        """The records with these numbers, in that order (one query for those not already decoded)."""
        missing = sorted({n for n in numbers if n not in self._decoded})
        if missing:
            if len(self._decoded) + len(missing) > self.KEEP:
                self._decoded.clear()
            sql = f"SELECT n, data FROM records WHERE n IN ({','.join('?' * len(missing))})"
            for n, data in self._db.all(sql, missing):
                self._decoded[n] = _unpack(data)
        return [self._decoded[n] if n in self._decoded else self[n] for n in numbers]

    def __iter__(self) -> Iterator[ListedEntity]:
        for (data,) in self._db.all("SELECT data FROM records ORDER BY n"):
            yield _unpack(data)


class Postings(Mapping[str, array]):
    """Name key -> record numbers (array of int32), read from the index's SQLite file."""

    def __init__(self, db: _Db, size: int) -> None:
        self._db = db
        self._size = size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, key: str) -> array:
        row = self._db.one("SELECT recs FROM postings WHERE key = ?", (key,))
        if row is None:
            raise KeyError(key)
        return _ints(row[0])

    def __iter__(self) -> Iterator[str]:
        for (key,) in self._db.all("SELECT key FROM postings"):
            yield key

    def fetch(self, keys: Iterable[str]) -> dict[str, array]:
        """The postings of those of `keys` that are in the index, in one query."""
        keys = list(keys)
        out: dict[str, array] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            sql = f"SELECT key, recs FROM postings WHERE key IN ({','.join('?' * len(chunk))})"
            for key, recs in self._db.all(sql, chunk):
                out[key] = _ints(recs)
        return out


def _ints(data: bytes) -> array:
    a = array("i")
    a.frombytes(data)
    return a


class _Db:
    """One SQLite connection shared by the index's readers (threads take turns)."""

    def __init__(self, path: str | Path, cleanup: bool = False) -> None:
        self.path = str(path)
        uri = f"file:{urllib.parse.quote(os.path.abspath(self.path))}?mode=ro"
        self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.lock = threading.Lock()
        if cleanup:  # a private file: gone from the folder now, freed when the connection closes
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self._finalizer = weakref.finalize(self, self.conn.close)

    def one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        with self.lock:
            return self.conn.execute(sql, args).fetchone()

    def all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self.lock:
            return self.conn.execute(sql, args).fetchall()

    def close(self) -> None:
        self._finalizer()


class ListIndex:
    """Parties of a sanctions list and a token index over their names, in one SQLite file: only the
    records and postings a query needs are read, so memory does not grow with the list."""

    def __init__(self, db: _Db, stats: IndexStats) -> None:
        self._db = db
        self.stats = stats
        self.records = RecordStore(db, stats.parties)
        self.postings = Postings(db, stats.keys)
        self._n = max(stats.parties, 1)
        # Keys that name a large part of the list (e.g. "zavod", "bank") block nothing; they are skipped
        # when a query has rarer keys.
        self.max_df = max(1000, int(0.02 * self._n))

    def __len__(self) -> int:
        return len(self.records)

    def close(self) -> None:
        self._db.close()

    def _idf(self, df: int) -> float:
        return math.log(1 + self._n / df) if df else 0.0

    def idf(self, key: str) -> float:
        posting = self.postings.get(key)
        return 0.0 if posting is None else self._idf(len(posting))

    def candidates(self, names: Iterable[str], limit: int = 12) -> list[tuple[int, float]]:
        """Record numbers sharing the rarest name keys with `names`, best first."""
        keys: set[str] = set()
        for n in names:
            keys |= name_keys(n)
        present = list(self.postings.fetch(sorted(keys)).items())
        if not present:
            return []
        rare = [(k, p) for k, p in present if len(p) <= self.max_df]
        use = rare or sorted(present, key=lambda kp: len(kp[1]))[:2]
        scores: dict[int, float] = defaultdict(float)
        for key, posting in use:
            weight = self._idf(len(posting)) * (0.5 if key.startswith("~") else 1.0)
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
        present = list(self.postings.fetch(sorted(grams)).values())
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
    def build(cls, path: str | Path, target: str | Path | None = None) -> ListIndex:
        """Index the list at `path` into the SQLite file `target` (default: a private temporary file)."""
        cleanup = target is None
        if target is None:
            fd, tmp = tempfile.mkstemp(prefix="supplytrace-index-", suffix=".sqlite")
            os.close(fd)
            target = tmp
        try:
            with quiet_gc():
                stats = _build(path, Path(target))
        except BaseException:
            if cleanup:
                with contextlib.suppress(OSError):
                    os.unlink(target)
            raise
        return cls(_Db(target, cleanup=cleanup), stats)

    @classmethod
    def open(cls, target: str | Path) -> ListIndex:
        """An index built before (raises if the file is not one of this version)."""
        db = _Db(target)
        try:
            (raw,) = db.one("SELECT value FROM meta WHERE key = 'stats'")
            (version,) = db.one("SELECT value FROM meta WHERE key = 'version'")
            if int(version) != INDEX_VERSION:
                raise ValueError(f"index format {version}, not {INDEX_VERSION}")
            stats = IndexStats(**json.loads(raw))
        except BaseException:
            db.close()
            raise
        return cls(db, stats)


_RECORD_FIELDS = ("id", "schema", "caption", "names", "countries", "topics", "datasets", "programs", "sanctions",
                  "first_seen", "last_seen", "created_at", "source_url", "properties", "translit")
_SANCTION_FIELDS = tuple(f.name for f in fields(SanctionInfo))


def _pack(rec: ListedEntity) -> bytes:
    values = [getattr(rec, f) for f in _RECORD_FIELDS]
    values[8] = [tuple(getattr(s, f) for f in _SANCTION_FIELDS) for s in rec.sanctions]
    return pickle.dumps(tuple(values), protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: bytes) -> ListedEntity:
    values = list(pickle.loads(data))
    values[8] = [SanctionInfo(*s) for s in values[8]]
    return ListedEntity(*values)


def _build(path: str | Path, target: Path) -> IndexStats:
    """Stream the list into `target`: parties and sanctions go to scratch tables as they are read (only
    an id -> number map stays in memory), then each party is joined with its sanctions, keyed, and
    written; the postings are held as int32 arrays until they are written at the end."""
    started = time.perf_counter()
    load = LoadStats()
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    conn = sqlite3.connect(str(target))
    try:
        conn.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
            ATTACH DATABASE '' AS scratch;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE records (n INTEGER PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE postings (key TEXT PRIMARY KEY, recs BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE scratch.parties (n INTEGER PRIMARY KEY, id TEXT NOT NULL, data BLOB NOT NULL);
            CREATE TABLE scratch.sanctions (party TEXT NOT NULL, data BLOB NOT NULL);
        """)
        parties: dict[str, int] = {}
        n_sanctions = 0

        new_parties: list[tuple[int, str, bytes]] = []  # written in batches
        new_sanctions: list[tuple[str, bytes]] = []

        def flush() -> None:
            conn.executemany("INSERT INTO scratch.parties VALUES (?, ?, ?)", new_parties)
            conn.executemany("INSERT INTO scratch.sanctions VALUES (?, ?)", new_sanctions)
            new_parties.clear()
            new_sanctions.clear()

        def add_sanction(party: str, info: SanctionInfo) -> None:
            new_sanctions.append((party, pickle.dumps(tuple(getattr(info, f) for f in _SANCTION_FIELDS))))

        for data in iter_raw(path, load):
            schema = model.get(data["schema"])
            if schema is None:
                continue
            props = data.get("properties") or {}
            if schema.is_a("Sanction"):
                info = SanctionInfo.from_ftm(data)
                n_sanctions += 1
                for target_ref in props.get("entity") or []:
                    target_id = target_ref.get("id") if isinstance(target_ref, dict) else target_ref
                    if target_id:
                        add_sanction(str(target_id), info)
                continue
            if not schema.is_a(PARTY_SCHEMA) or not schema.matchable:
                continue
            record = _record(data, schema.name)
            if record is None:
                continue
            # Nested sanctions (yente / OpenSanctions nested JSON): properties.sanctions = [entity dicts]
            for nested in props.get("sanctions") or []:
                if isinstance(nested, dict):
                    add_sanction(record.id, SanctionInfo.from_ftm(nested))
                    n_sanctions += 1
            number = parties.get(record.id)
            if number is not None:  # the same id twice (several files): merge names and facts
                flush()
                (blob,) = conn.execute("SELECT data FROM scratch.parties WHERE n = ?", (number,)).fetchone()
                old = _unpack(blob)
                old.names = _unique([*old.names, *record.names])
                for k, v in record.properties.items():
                    old.properties[k] = _unique([*old.properties.get(k, []), *v])
                old.countries = _unique([*old.countries, *record.countries])
                old.topics = _unique([*old.topics, *record.topics])
                old.datasets = _unique([*old.datasets, *record.datasets])
                conn.execute("UPDATE scratch.parties SET data = ? WHERE n = ?", (_pack(old), number))
            else:
                number = parties[record.id] = len(parties)
                new_parties.append((number, record.id, _pack(record)))
            if len(new_parties) + len(new_sanctions) >= 5000:
                flush()
        flush()
        del parties
        conn.execute("CREATE INDEX scratch.sanctions_party ON sanctions (party)")
        postings: dict[str, array] = {}
        # each party with its sanctions (in list order), joined inside SQLite
        rows = conn.execute("SELECT p.n, p.data, s.data FROM scratch.parties AS p LEFT JOIN scratch.sanctions AS s"
                            " ON s.party = p.id ORDER BY p.n, s.rowid")
        batch: list[tuple[int, bytes]] = []
        lookup = conn.cursor()
        for number, group in itertools.groupby(rows, key=itemgetter(0)):
            joined = list(group)
            rec = _unpack(joined[0][1])
            rec.sanctions = [SanctionInfo(*pickle.loads(row[2])) for row in joined if row[2] is not None]
            keys: set[str] = set()
            for n in rec.names:
                keys |= name_keys(n)
                keys |= gram_keys(n)
            for key in keys:
                posting = postings.get(key)
                if posting is None:
                    posting = postings[key] = array("i")
                posting.append(number)
            batch.append((number, _pack(rec)))
            if len(batch) >= 5000:
                lookup.executemany("INSERT INTO records VALUES (?, ?)", batch)
                batch.clear()
        lookup.executemany("INSERT INTO records VALUES (?, ?)", batch)
        n_parties = conn.execute("SELECT count(*) FROM scratch.parties").fetchone()[0]
        conn.execute("DROP TABLE scratch.parties")
        conn.execute("DROP TABLE scratch.sanctions")
        name_tokens.cache_clear()
        conn.executemany("INSERT INTO postings VALUES (?, ?)",
                         ((k, postings.pop(k).tobytes()) for k in sorted(postings)))
        stats = IndexStats(files=load.files, entities_read=load.entities, parties=n_parties, sanctions=n_sanctions,
                           keys=conn.execute("SELECT count(*) FROM postings").fetchone()[0],
                           problems=[str(p) for p in load.problems], build_seconds=time.perf_counter() - started)
        conn.executemany("INSERT INTO meta VALUES (?, ?)",
                         [("version", str(INDEX_VERSION)), ("stats", json.dumps(asdict(stats)))])
        conn.commit()
    finally:
        conn.close()
    return stats


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
    target = folder / f"index-{cache_key(path)}.sqlite"
    if target.is_file():
        started = time.perf_counter()
        try:
            index = ListIndex.open(target)
            index.stats.loaded_from_cache = True
            index.stats.cache_path = str(target)
            index.stats.build_seconds = time.perf_counter() - started
            return index
        except Exception:  # corrupt or from an incompatible version: rebuild
            pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.touch()
    except OSError:
        return ListIndex.build(path)
    try:
        built = ListIndex.build(path, tmp)
        built.close()
        stats = built.stats
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    index = ListIndex.open(target)
    index.stats = stats
    index.stats.cache_path = str(target)
    return index
