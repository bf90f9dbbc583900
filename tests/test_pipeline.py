"""Ingest as a whole: an interrupted batch keeps finished articles whole and the next run completes the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from supplytrace.model import DocEntity, Document, Extraction, Mention
from supplytrace.pipeline import ingest
from supplytrace.store import Store
from supplytrace.vocab import EntityType

ARTICLES = {
    "a.txt": "The Orsha Casing Works makes casings for rockets. It sits in the town of Orsha in Belarus.",
    "b.txt": "The Orsha Casing Works hired more staff this spring to make more rocket casings for export.",
    "c.txt": "A second workshop of the Orsha Casing Works opened in the autumn, local papers reported.",
}


class NameExtractor:
    """Finds one organization by its name; interrupts (like Ctrl-C) when told to."""

    name = "test-names"

    def __init__(self, interrupt_on: str | None = None) -> None:
        self.interrupt_on = interrupt_on

    def extract(self, doc: Document) -> Extraction:
        if self.interrupt_on and self.interrupt_on in (doc.source or ""):
            raise KeyboardInterrupt
        needle = "Orsha Casing Works"
        start = doc.text.index(needle)
        mention = Mention(key="e1", text=needle, start=start, end=start + len(needle), type=EntityType.ORGANIZATION)
        entity = DocEntity(key="e1", name=needle, type=EntityType.ORGANIZATION, mentions=[mention])
        return Extraction(document_id=doc.id, entities=[entity], extractor=self.name)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_interrupted_ingest_keeps_finished_articles_and_next_run_resolves_them(folder: Path, store: Store) -> None:
    with pytest.raises(KeyboardInterrupt):
        ingest([folder / "a.txt", folder / "b.txt", folder / "c.txt"], store, NameExtractor(interrupt_on="b.txt"))
    assert store.count_documents() == 1  # a.txt whole, b.txt not half-written
    assert store.unresolved_document_ids()  # stored before the interrupt, not yet resolved

    report = ingest([folder], store, NameExtractor())
    assert len(report.present) == 1 and len(report.ingested) == 2
    assert store.unresolved_document_ids() == []
    rows = store.conn.execute("SELECT DISTINCT entity_id FROM doc_entities").fetchall()
    assert len(rows) == 1  # one canonical entity across all three articles
