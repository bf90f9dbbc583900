"""Read every stored claim back with its canonical entities: the input of all analyses."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from supplytrace.model import Claim
from supplytrace.resolve.normalise import name_form
from supplytrace.store.sqlite import row_to_claim


@dataclass
class DocInfo:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    source: str | None
    order: int

    lead: str | None = None  # the first words of the text, for an article with no title

    @property
    def site(self) -> str | None:
        """The website the article came from (its URL's domain), when it has a web URL."""
        return site_of(self.url)

    @property
    def label(self) -> str:
        """How a reader recognises the article's source: its outlet, else its website, else its title."""
        return self.outlet or self.site or self.title_label

    @property
    def reference(self) -> str:
        """The article itself, for a sentence ('named in …'): its title, else its outlet and date."""
        src = self.outlet or self.site
        if not (self.title or "").strip() and src:
            the = "" if src.casefold().startswith("the ") else "the "
            return f"{the}{src} article" + (f" of {self.published}" if self.published else "")
        return self.title_label

    @property
    def title_label(self) -> str:
        """The article's title (shortened), else its first words; never a bare document id."""
        text = " ".join((self.title or "").split())
        if text:
            return f"“{_shorten(text)}”"
        lead = " ".join((self.lead or "").split())
        if lead:
            return f"untitled article “{_shorten(lead, 50)}”"
        return "untitled article" + (f" of {self.published}" if self.published else "")


# Sites where many independent outlets publish: the channel/account is the outlet, not the host.
_PLATFORMS = {"t.me", "telegram.me", "x.com", "twitter.com", "facebook.com", "instagram.com", "youtube.com",
              "vk.com", "tiktok.com", "medium.com", "linkedin.com", "threads.net"}


def site_of(url: str | None) -> str | None:
    """'https://www.example.com/a/b' -> 'example.com'; 'https://t.me/hajun_by/123' -> 't.me/hajun_by'; None for
    local files and anything else that is not a web address."""
    u = (url or "").strip()
    if not re.match(r"(?i)https?://", u):
        if not re.match(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)", u):
            return None
        u = "http://" + u
    try:
        parts = urlsplit(u)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if "." not in host:
        return None
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    if host in _PLATFORMS:
        first = next((p for p in parts.path.split("/") if p and p not in ("s", "c", "channel", "user")), "")
        return f"{host}/{first.lstrip('@')}" if first.lstrip("@") else host
    return host


def _shorten(text: str, limit: int = 70) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


@dataclass
class Fact:
    """One claim of one article, with doc keys resolved to canonical entity ids."""

    doc: DocInfo
    idx: int
    claim: Claim
    subject_id: int | None
    object_id: int | None
    product_id: int | None  # the object_text resolved to a product entity of the same article
    subject_product_id: int | None  # subject_text resolved likewise (used_in with a product subject)
    attributed_ids: list[int] = field(default_factory=list)

    @property
    def ref(self) -> tuple[int, int]:
        return self.doc.order, self.idx


@dataclass
class World:
    """Everything the analyses need, loaded once per store state."""

    docs: dict[str, DocInfo]
    facts: list[Fact]
    names: dict[int, str]  # entity id -> canonical name
    types: dict[int, str]
    countries: dict[int, str | None]
    doc_counts: dict[int, int]  # entity id -> number of articles naming it
    works_for: dict[int, int]  # person id -> organization id, where an extraction links them


def _product_lookup(rows: list) -> dict[str, dict[str, int]]:
    """doc id -> normalised product name -> entity id."""
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["type"] != "product" or r["entity_id"] is None:
            continue
        table = out.setdefault(r["doc_id"], {})
        for n in [r["name"], *json.loads(r["aliases"] or "[]")]:
            table.setdefault(name_form(n, "product").full, r["entity_id"])
    return out


def resolve_text(table: dict[str, int], text: str | None) -> int | None:
    """A product entity named by `text`: the same name, or exactly one product named inside it."""
    if not text or not table:
        return None
    n = name_form(text, "product").full
    if n in table:
        return table[n]
    inside = {eid for name, eid in table.items() if len(name) >= 4 and f" {name} " in f" {n} "}
    return inside.pop() if len(inside) == 1 else None


def load_world(conn) -> World:  # noqa: ANN001 - sqlite3.Connection
    docs = {}
    for i, r in enumerate(conn.execute(
            "SELECT id, title, url, outlet, published, source, CASE WHEN coalesce(trim(title), '') = ''"
            " THEN substr(text, 1, 200) END AS lead FROM documents ORDER BY rowid")):
        docs[r["id"]] = DocInfo(r["id"], r["title"], r["url"], r["outlet"], r["published"], r["source"], i,
                                r["lead"])
    de_rows = conn.execute("SELECT doc_id, key, name, type, aliases, entity_id FROM doc_entities").fetchall()
    keymap = {(r["doc_id"], r["key"]): r["entity_id"] for r in de_rows}
    products = _product_lookup(de_rows)
    names, types, countries = {}, {}, {}
    for r in conn.execute("SELECT id, name, type, country FROM entities"):
        names[r["id"]], types[r["id"]], countries[r["id"]] = r["name"], r["type"], r["country"]
    doc_counts = {r[0]: r[1] for r in conn.execute(
        "SELECT entity_id, count(DISTINCT doc_id) FROM doc_entities WHERE entity_id IS NOT NULL GROUP BY entity_id")}
    facts = []
    for r in conn.execute("SELECT * FROM claims ORDER BY doc_id, idx"):
        doc = docs.get(r["doc_id"])
        if doc is None:
            continue
        c = row_to_claim(r)
        table = products.get(r["doc_id"], {})
        facts.append(Fact(
            doc=doc, idx=r["idx"], claim=c,
            subject_id=keymap.get((r["doc_id"], c.subject)) if c.subject else None,
            object_id=keymap.get((r["doc_id"], c.object)) if c.object else None,
            product_id=resolve_text(table, c.object_text),
            subject_product_id=resolve_text(table, c.subject_text),
            attributed_ids=[e for k in c.attributed_to if (e := keymap.get((r["doc_id"], k))) is not None],
        ))
    facts.sort(key=lambda f: f.ref)
    works_for: dict[int, int] = {}
    for f in facts:  # a person the extraction links to an organization (part_of person -> org)
        if (f.claim.predicate == "part_of" and f.subject_id is not None and f.object_id is not None
                and types.get(f.subject_id) == "person" and types.get(f.object_id) == "organization"):
            works_for.setdefault(f.subject_id, f.object_id)
    return World(docs, facts, names, types, countries, doc_counts, works_for)
