"""Lookups on an Extraction for the extractor behaviour tests."""

from __future__ import annotations

from supplytrace.extract.coref import norm
from supplytrace.model import Claim, DocEntity, Extraction


def entity(ex: Extraction, name: str) -> DocEntity | None:
    """The entity one of whose names equals `name` once normalised (case, quotes, legal forms)."""
    low = norm(name)
    for e in ex.entities:
        if any(norm(n) == low for n in e.names):
            return e
    return None


def key_of(ex: Extraction, name: str) -> str:
    e = entity(ex, name)
    assert e is not None, f"no entity named {name!r}; got {[x.names for x in ex.entities]}"
    return e.key


def claims(ex: Extraction, predicate: str, subject: str | None = None) -> list[Claim]:
    """Claims with this predicate (and subject, given by any of the subject entity's names)."""
    out = [c for c in ex.claims if c.predicate.value == predicate]
    if subject is not None:
        e = entity(ex, subject)
        out = [c for c in out if e is not None and c.subject == e.key]
    return out


def objects(ex: Extraction, predicate: str, subject: str) -> set[str | None]:
    """Object keys of the claims with this predicate about this subject."""
    return {c.object for c in claims(ex, predicate, subject)}


def describe(ex: Extraction) -> str:
    ents = [(e.name, e.type.value) for e in ex.entities]
    cls = [(c.subject, c.predicate.value, c.object, c.object_text, c.value, c.date, c.modality.value, c.attributed_to)
           for c in ex.claims]
    return f"entities={ents}\nclaims={cls}"
