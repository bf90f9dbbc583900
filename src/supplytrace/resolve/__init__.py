"""resolve stage: document entities -> canonical entities across articles."""

from __future__ import annotations


def resolve_documents(store, doc_ids: list[str]) -> None:  # noqa: ANN001 - placeholder until resolve lands
    """Attach the entities of newly ingested documents to canonical entities (incremental)."""
    return None
