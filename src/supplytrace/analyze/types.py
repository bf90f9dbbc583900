"""Result types of the analyze stage: what the CLI, web, screen and export layers consume.

Plain dataclasses (pandas-friendly via `to_frame`). The resolve/analyze implementation may add
fields; consumers should not rely on anything not declared here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from supplytrace.model import Value


@dataclass
class EntityRecord:
    """A canonical entity across all articles."""

    id: int
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    documents: int = 0  # articles that name it
    claims: int = 0  # consolidated claims it is the subject or object of
    origins: int = 0  # independent origins across those claims
    sourced: int = 0  # consolidated claims whose evidence is attributed to it (an agency, an official)


@dataclass
class AliasExplanation:
    """Why an alias belongs to an entity: the rule or score that joined it."""

    name: str
    rule: str
    score: float | None = None
    detail: str | None = None


@dataclass
class LinkExplanation:
    """Why one article's entity belongs to a canonical entity: the rule that joined it."""

    doc_id: str
    key: str  # the entity's key inside the article
    name: str  # the name the article uses
    rule: str  # "new" for the article that started the entity, else the matching rule
    score: float | None = None
    matched: str | None = None  # the article's name that matched
    via: str | None = None  # the existing name it matched
    detail: str | None = None
    doc_label: str | None = None


@dataclass
class EvidenceRecord:
    """One sentence in one article supporting a claim."""

    doc_id: str
    text: str  # the evidence sentence / quote
    start: int | None  # offsets into the document text
    end: int | None
    doc_title: str | None = None
    doc_url: str | None = None
    outlet: str | None = None
    published: str | None = None
    modality: str = "reported"
    attributed_to: list[str] = field(default_factory=list)  # canonical names of who said it
    origin: str = ""  # the original source this evidence traces to (e.g. "SZRU", or the outlet)
    date: str | None = None  # the date this article gives for the fact (milestones, figures)
    value: Value = None  # the figure this article gives
    unit: str | None = None
    goods: str | None = None  # the goods as this article words them ("chassis for the Pantsir-S1")


@dataclass
class ClaimRecord:
    """A consolidated claim: the same fact from several articles, with all its evidence."""

    id: str  # stable across runs
    predicate: str
    subject_id: int | None
    subject_name: str
    object_id: int | None = None
    object_name: str | None = None
    object_text: str | None = None
    value: Value = None
    unit: str | None = None
    period: str | None = None
    date: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    event: str | None = None
    modality: str = "reported"
    evidence: list[EvidenceRecord] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # independent origins
    articles: int = 0
    product_id: int | None = None  # the product entity `object_text` names, when resolved
    product_name: str | None = None

    @property
    def n_origins(self) -> int:
        return len(self.origins)


@dataclass
class Conflict:
    """Claims about the same subject and measure whose figures or dates disagree (or are related)."""

    subject_name: str
    measure: str  # e.g. "capacity: artillery shells" or "milestone: operations_started"
    kind: str  # "contradiction" | "related" | "agree"
    claims: list[ClaimRecord] = field(default_factory=list)
    note: str = ""


@dataclass
class TimelineEvent:
    date: str | None
    event: str
    status: str  # "planned" | "done"
    entity_name: str
    claim: ClaimRecord | None = None


@dataclass
class EntityDetail:
    entity: EntityRecord
    names: list[AliasExplanation] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    links: list[LinkExplanation] = field(default_factory=list)  # how each article's entity joined


@dataclass
class GraphEdge:
    source_id: int
    target_id: int
    predicate: str
    claim_id: str
    label: str = ""


def to_frame(records: list[Any]) -> Any:
    """A pandas DataFrame of any list of these records (for notebooks)."""
    import pandas as pd

    return pd.DataFrame([asdict(r) for r in records])
