"""Helpers for behaviour tests of the spaCy extractor on short, purpose-written sentences.

The extractor (and its spaCy model) is loaded once per test module.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from supplytrace.model import Document, Extraction

PUBLISHED = "2025-06-15"


@pytest.fixture(scope="module")
def extractor():
    from supplytrace.extract import get_extractor

    return get_extractor("spacy")


@pytest.fixture(scope="module")
def run(extractor) -> Callable[..., Extraction]:
    def _run(text: str, published: str | None = PUBLISHED) -> Extraction:
        return extractor.extract(Document(text=text, published=published))

    return _run
