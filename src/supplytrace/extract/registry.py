"""Pluggable extractors: a catalogue registry (the one spaCy uses), also open to entry points.

A backend registers a factory under a name; the rest of supplytrace asks for an extractor by
name and only sees `Extractor`. Third-party packages can register through the
`supplytrace_extractors` entry-point group.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

import catalogue

from supplytrace.model import Document, Extraction

extractors = catalogue.create("supplytrace", "extractors", entry_points=True)

DEFAULT_EXTRACTOR = "spacy"


class Extractor(Protocol):
    """Turns documents into extractions. Implementations must be offline-safe by default."""

    name: str

    def extract(self, doc: Document) -> Extraction: ...

    def extract_many(self, docs: Iterable[Document], n_process: int = 1) -> Iterator[Extraction]: ...


def get_extractor(name: str = DEFAULT_EXTRACTOR, **options: object) -> Extractor:
    """Build a registered extractor by name."""
    try:
        factory = extractors.get(name)
    except catalogue.RegistryError as exc:
        known = ", ".join(sorted(extractors.get_all())) or "none"
        raise ValueError(f"unknown extractor {name!r} (registered: {known})") from exc
    return factory(**options)
