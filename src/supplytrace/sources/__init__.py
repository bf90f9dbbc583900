"""sources stage: files, HTML, JSONL, directories -> Document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from supplytrace.model import Document
from supplytrace.sources.base import LoadError


def iter_documents(paths: Iterable[Path]) -> Iterator[Document | LoadError]:
    """Yield a Document for every article under `paths`, or a LoadError naming what failed."""
    for path in paths:
        if not path.exists():
            yield LoadError(str(path), "no such file or directory")
            continue
        text = path.read_text(encoding="utf-8")
        yield Document(text=text, source=str(path))


__all__ = ["LoadError", "iter_documents"]
