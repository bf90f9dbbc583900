"""Data types passed between pipeline stages, declared once.

sources -> Document; extract -> Extraction (DocEntity, Mention, Claim); store keeps them;
resolve and analyze read them back. Every mention and claim carries character offsets into
`Document.text` so any fact can be traced to the sentence it came from.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate

Value = float | list[float] | None  # a number, or a [low, high] range


def normalise_for_id(text: str) -> str:
    """Text form used for the stable document id: NFC, whitespace collapsed, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """A stable id from the normalised text: the same article always gets the same id."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One article: clean text plus what is known about where it came from."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    language: str | None = None
    source: str | None = None  # file path (and ":line" for JSONL items)
    removed: list[str] = field(default_factory=list)  # junk blocks the loader stripped
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into a document's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Mention:
    """One occurrence of a name in a document, tied to a document-level entity key."""

    key: str
    text: str
    start: int
    end: int
    type: EntityType


@dataclass
class DocEntity:
    """An entity as one article names it: a key local to the article, its names and type."""

    key: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]


@dataclass
class Claim:
    """One fact an article states, with its modality, its source and its evidence span."""

    subject: str | None  # DocEntity key
    predicate: Predicate
    object: str | None = None  # DocEntity key
    object_text: str | None = None  # the goods by name ("chassis"): what analyses group by
    # the goods as the sentence words them ("chassis for the Pantsir-S1 air defence system"), when that says more
    object_detail: str | None = None
    subject_text: str | None = None
    value: Value = None
    unit: str | None = None
    period: str | None = None
    date: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    event: MilestoneEvent | None = None
    modality: Modality = Modality.REPORTED
    attributed_to: list[str] = field(default_factory=list)  # DocEntity keys
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    hedge: str | None = None  # "up to", "over", "about"...


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document_id: str
    entities: list[DocEntity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    extractor: str = ""

    def entity(self, key: str | None) -> DocEntity | None:
        return next((e for e in self.entities if e.key == key), None)

    def to_gold(self, document_name: str, published: str | None) -> dict[str, Any]:
        """Render in the gold annotation format (shared/spec/gold-format.md), offsets included."""
        entities = []
        for e in self.entities:
            entities.append({
                "key": e.key, "name": e.name, "type": str(e.type), "aliases": list(e.aliases),
                "country": e.country,
                "mentions": [[m.start, m.end] for m in e.mentions],
            })
        claims = []
        for c in self.claims:
            d = {k: v for k, v in asdict(c).items() if v is not None and v != [] and v != ""}
            d["predicate"] = str(c.predicate)
            d["modality"] = str(c.modality)
            d["attributed_to"] = list(c.attributed_to)
            if d.pop("object_detail", None):  # gold's object_text describes the goods; the bare name rides along
                d["object_name"], d["object_text"] = c.object_text, c.object_detail
            if c.event is not None:
                d["event"] = str(c.event)
            claims.append(d)
        return {"document": document_name, "published": published, "entities": entities, "claims": claims}

    @classmethod
    def from_gold(cls, data: dict[str, Any], document_id: str = "") -> Extraction:
        """Read a gold-format dict (used to load gold or annotated files back)."""
        ents = [
            DocEntity(key=e["key"], name=e["name"], type=EntityType(e["type"]),
                      aliases=list(e.get("aliases") or []), country=e.get("country"))
            for e in data.get("entities", [])
        ]
        claims = []
        fields = set(Claim.__dataclass_fields__)
        for c in data.get("claims", []):
            kw = {k: v for k, v in c.items() if k in fields}
            kw["predicate"] = Predicate(c["predicate"])
            kw["modality"] = Modality(c.get("modality") or "reported")
            if c.get("event"):
                kw["event"] = MilestoneEvent(c["event"])
            kw["attributed_to"] = list(c.get("attributed_to") or [])
            if c.get("object_name"):  # written by to_gold with a goods detail
                kw["object_text"], kw["object_detail"] = c["object_name"], c.get("object_text")
            claims.append(Claim(**kw))
        return cls(document_id=document_id, entities=ents, claims=claims)
