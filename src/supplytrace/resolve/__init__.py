"""resolve stage: document entities -> canonical entities across articles.

`resolve_documents(store, doc_ids)` is incremental (called by ingest); `resolve_all(store)` starts
over; overrides (merge/split) are re-applied after both.
"""

from __future__ import annotations

from supplytrace.resolve.compare import Match, compare
from supplytrace.resolve.normalise import NameForm, name_form, norm
from supplytrace.resolve.overrides import OverrideError, add_override, apply_overrides, lookup
from supplytrace.resolve.persist import resolve_all, resolve_documents
from supplytrace.resolve.resolver import Record, Resolver

__all__ = [
    "Match", "NameForm", "OverrideError", "Record", "Resolver", "add_override", "apply_overrides", "compare",
    "lookup", "name_form", "norm", "resolve_all", "resolve_documents",
]
