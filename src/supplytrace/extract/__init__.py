"""extract stage: Document -> Extraction (typed mentions, quantities, dates, claims)."""

from supplytrace.extract import annotations as _annotations  # noqa: F401  (registers the backend)
from supplytrace.extract import spacy_backend as _spacy_backend  # noqa: F401  (registers the default backend)
from supplytrace.extract.registry import DEFAULT_EXTRACTOR, Extractor, extractors, get_extractor

__all__ = ["DEFAULT_EXTRACTOR", "Extractor", "extractors", "get_extractor"]
