"""Ingest: sources -> extract -> store -> resolve, one article at a time, each in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from supplytrace.extract.registry import Extractor
from supplytrace.model import Document
from supplytrace.sources import iter_documents
from supplytrace.sources.base import LoadError
from supplytrace.store import Store


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # document ids
    present: list[str] = field(default_factory=list)
    failed: list[LoadError] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.ingested) + len(self.present) + len(self.failed)


Progress = Callable[[str, Document | LoadError], None]


def ingest(paths: Iterable[str | Path], store: Store, extractor: Extractor | None = None,
           progress: Progress | None = None, resolve: bool = True) -> IngestReport:
    """Load every article under `paths`, extract, store; report what happened to each."""
    report = IngestReport()
    for item in iter_documents([Path(p) for p in paths]):
        if isinstance(item, LoadError):
            report.failed.append(item)
            if progress:
                progress("failed", item)
            continue
        if store.has_document(item.id):
            report.present.append(item.id)
            if progress:
                progress("present", item)
            continue
        try:
            extraction = extractor.extract(item) if extractor is not None else None
        except Exception as exc:  # one bad article must not stop the batch
            err = LoadError(item.source or item.id, f"extraction failed: {exc}")
            report.failed.append(err)
            if progress:
                progress("failed", err)
            continue
        if store.add_document(item, extraction):
            report.ingested.append(item.id)
            if progress:
                progress("ingested", item)
        else:
            report.present.append(item.id)
            if progress:
                progress("present", item)
    if resolve:
        # also pick up articles an interrupted earlier run stored but did not get to resolve
        pending = list(dict.fromkeys([*report.ingested, *store.unresolved_document_ids()]))
        if pending:
            from supplytrace.resolve import resolve_documents

            resolve_documents(store, pending)
    return report
