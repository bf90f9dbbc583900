"""Online entity resolution with blocking: each document entity joins the best matching cluster or
starts a new one. Pure in-memory; `supplytrace.resolve.store` persists it.

Blocking keys (per type): normalised full name, cue-free core, acronym/initials, metaphone of the
name, metaphone of a person's surname, first-4-letters+length bucket. Only clusters sharing a key
with the new record are compared, so adding a record costs O(candidates), not O(clusters).
Cannot-link constraints: two entities the extractor kept apart in one article are never merged;
countries, when both are known, must agree (products excepted).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rigour.text import metaphone

from supplytrace.resolve.compare import Match, compare, surname_key
from supplytrace.resolve.normalise import NameForm, name_form

MAX_BLOCK = 400  # fuzzy-only blocks bigger than this are too unspecific to use


@dataclass
class Record:
    """A document entity to resolve."""

    doc_id: str
    key: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None

    @property
    def names(self) -> list[str]:
        seen, out = set(), []
        for n in [self.name, *self.aliases]:
            if n and n not in seen:
                seen.add(n)
                out.append(n)
        return out


@dataclass
class Cluster:
    id: int
    type: str
    forms: dict[str, NameForm] = field(default_factory=dict)  # raw name -> form
    fulls: dict[str, NameForm] = field(default_factory=dict)  # normalised name -> first form with it
    primaries: set[str] = field(default_factory=set)  # norms used as a primary name by some member
    countries: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    doc_keys: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class Decision:
    """Where a record went and why."""

    cluster_id: int
    new: bool
    match: Match | None = None
    matched_name: str | None = None  # the record's name that matched
    via_name: str | None = None  # the cluster's name it matched


def block_keys(f: NameForm, type: str) -> list[tuple[str, str]]:
    """(kind, key) pairs: exact kinds are always used; fuzzy kinds are skipped when the block is huge."""
    keys = [("full", f.full), ("sq", f.squashed)]
    if f.core and f.core != f.full:
        keys.append(("core", f.core))
    if type in ("organization", "facility"):
        keys.append(("core", f.core))
    if f.acronym:
        keys.append(("abbr", f.acronym))
    if f.initials:
        keys.append(("abbr", f.initials))
    if type == "person" and f.tokens:
        sur = surname_key(f.tokens[-1])
        keys.append(("~sur", metaphone(sur) or sur))
        if len(sur) >= 6:
            keys.append(("~spre", sur[:4]))
            keys.append(("~ssuf", sur[-4:]))
    else:
        keys.append(("~ph", f.phonetic))
        sq = f.squashed
        if len(sq) >= 6:
            keys.append(("~pre", f"{sq[:4]}:{len(sq) // 3}"))
            keys.append(("~suf", f"{sq[-4:]}:{len(sq) // 3}"))
    return keys


class Resolver:
    """Clusters document entities into canonical entities, one record at a time."""

    def __init__(self) -> None:
        self.clusters: dict[int, Cluster] = {}
        self.index: dict[tuple[str, str, str], set[int]] = defaultdict(set)  # (type, kind, key) -> ids
        self._next = 1

    # -- building -------------------------------------------------------------------------
    def add_cluster(self, cluster_id: int, type: str) -> Cluster:
        c = self.clusters.get(cluster_id)
        if c is None:
            c = self.clusters[cluster_id] = Cluster(cluster_id, type)
            self._next = max(self._next, cluster_id + 1)
        return c

    def add_name(self, cluster: Cluster, raw: str, primary: bool = False) -> None:
        if raw in cluster.forms:
            if primary:
                cluster.primaries.add(cluster.forms[raw].full)
            return
        f = name_form(raw, cluster.type)
        cluster.forms[raw] = f
        cluster.fulls.setdefault(f.full, f)
        if primary:
            cluster.primaries.add(f.full)
        for kind, key in block_keys(f, cluster.type):
            if key:
                self.index[(cluster.type, kind, key)].add(cluster.id)

    def attach(self, cluster: Cluster, rec: Record) -> None:
        for i, n in enumerate(rec.names):
            self.add_name(cluster, n, primary=(i == 0))
        if rec.country:
            cluster.countries[rec.country] += 1
        cluster.docs.add(rec.doc_id)
        cluster.doc_keys.add((rec.doc_id, rec.key))

    def new_cluster(self, type: str, cluster_id: int | None = None) -> Cluster:
        cid = cluster_id if cluster_id is not None else self._next
        return self.add_cluster(cid, type)

    # -- matching -------------------------------------------------------------------------
    def candidates(self, rec: Record) -> set[int]:
        out: set[int] = set()
        for n in rec.names:
            f = name_form(n, rec.type)
            for kind, key in block_keys(f, rec.type):
                ids = self.index.get((rec.type, kind, key))
                if not ids:
                    continue
                if kind.startswith("~") and len(ids) > MAX_BLOCK:
                    continue
                out |= ids
        return out

    def _allowed(self, rec: Record, cluster: Cluster) -> bool:
        if rec.doc_id in cluster.docs:
            return False  # the extractor kept them apart inside this article
        return not (rec.type != "product" and rec.country and cluster.countries
                    and rec.country not in cluster.countries)

    def best_match(self, rec: Record, cluster: Cluster) -> tuple[Match, str, str] | None:
        if not self._allowed(rec, cluster):
            return None
        best: tuple[Match, str, str] | None = None
        for i, n in enumerate(rec.names):
            f = name_form(n, rec.type)
            candidates = [(n, cluster.forms[n])] if n in cluster.forms else [(g.raw, g) for g in cluster.fulls.values()]
            for raw, g in candidates:
                m = compare(f, g, rec.type)
                if m is None:
                    continue
                # a purely descriptive name ("Ukrainian intelligence") only links primary to primary
                if (f.generic or g.generic) and not (i == 0 and g.full in cluster.primaries):
                    continue
                if best is None or m.rank > best[0].rank:
                    best = (m, n, raw)
        return best

    def _exact(self, rec: Record) -> tuple[Match, str, str, int] | None:
        """Fast path: a cluster holding one of the record's names after normalisation."""
        best: tuple[Match, str, str, int] | None = None
        for n in rec.names:
            f = name_form(n, rec.type)
            for cid in sorted(self.index.get((rec.type, "full", f.full), ())):
                cluster = self.clusters[cid]
                found = self.best_match(rec, cluster)
                if found and found[0].rank[0] >= 8 and (best is None or found[0].rank > best[0].rank):
                    best = (*found, cid)
        return best

    def resolve(self, rec: Record) -> Decision:
        best = self._exact(rec)
        if best is None:
            for cid in sorted(self.candidates(rec)):
                cluster = self.clusters[cid]
                found = self.best_match(rec, cluster)
                if found and (best is None or found[0].rank > best[0].rank):
                    best = (*found, cid)
        if best is None:
            c = self.new_cluster(rec.type)
            self.attach(c, rec)
            return Decision(c.id, True)
        m, mine, theirs, cid = best
        self.attach(self.clusters[cid], rec)
        return Decision(cid, False, m, mine, theirs)

    def resolve_all(self, records: Iterable[Record]) -> list[Decision]:
        return [self.resolve(r) for r in records]
