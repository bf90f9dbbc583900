"""An extractor backend that imports hand annotations in the gold format.

Analysts who annotate articles by hand (or with another tool) can load those annotations
instead of running the statistical pipeline: `supplytrace ingest DIR --extractor annotations
--annotations ANNOT_DIR`. Each article's annotation file is found by the article's file stem.
Mention and evidence offsets are recovered by locating the names and quotes in the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from supplytrace.extract.registry import extractors
from supplytrace.model import Document, Extraction, Mention


def _flexible(text: str) -> re.Pattern[str]:
    """A pattern matching `text` with any run of whitespace (incl. no-break spaces) between words."""
    parts = [re.escape(p) for p in text.split()]
    return re.compile(r"[\s\u00a0]+".join(parts), re.IGNORECASE)


def locate_mentions(doc: Document, extraction: Extraction) -> None:
    """Find each entity's names in the text and record them as mentions (longest names first)."""
    taken: list[tuple[int, int]] = []
    names = sorted(((n, e) for e in extraction.entities for n in e.names if len(n) >= 2),
                   key=lambda ne: -len(ne[0]))
    for name, ent in names:
        for m in re.finditer(rf"(?<!\w){_flexible(name).pattern}(?!\w)", doc.text, re.IGNORECASE):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            ent.mentions.append(Mention(ent.key, m.group(0), m.start(), m.end(), ent.type))
    for ent in extraction.entities:
        ent.mentions.sort(key=lambda m: m.start)


def locate_evidence(doc: Document, extraction: Extraction) -> None:
    """Set evidence offsets where the quoted evidence occurs in the text."""
    for claim in extraction.claims:
        if claim.evidence and claim.evidence_start is None:
            m = _flexible(claim.evidence).search(doc.text)
            if m:
                claim.evidence_start, claim.evidence_end = m.start(), m.end()


class AnnotationExtractor:
    """Reads `<stem>.json` from a folder of gold-format annotation files."""

    name = "annotations"

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise ValueError(f"annotation folder not found: {self.directory}")

    def _file_for(self, doc: Document) -> Path | None:
        if not doc.source:
            return None
        stem = Path(doc.source.split(":")[0]).stem
        path = self.directory / f"{stem}.json"
        return path if path.is_file() else None

    def extract(self, doc: Document) -> Extraction:
        path = self._file_for(doc)
        if path is None:
            return Extraction(document_id=doc.id, extractor=self.name)
        data = json.loads(path.read_text(encoding="utf-8"))
        ex = Extraction.from_gold(data, document_id=doc.id)
        ex.extractor = self.name
        locate_mentions(doc, ex)
        locate_evidence(doc, ex)
        return ex

    def extract_many(self, docs: Iterable[Document], n_process: int = 1) -> Iterator[Extraction]:
        for doc in docs:
            yield self.extract(doc)


@extractors.register("annotations")
def make_annotation_extractor(directory: str | Path = ".") -> AnnotationExtractor:
    return AnnotationExtractor(directory)
