"""sources stage: files, HTML, JSONL, directories -> Document.

`iter_documents` is the one entry point: it never raises for bad input. Each unreadable file
(or JSONL line) becomes a LoadError naming it and the reason, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from supplytrace.model import Document
from supplytrace.sources import html, jsonl, text
from supplytrace.sources.base import LoadError
from supplytrace.sources.common import MAX_BYTES, SourceError

Loader = Callable[[Path], Document]

LOADERS: dict[str, Loader] = {
    **{s: text.load_text for s in text.SUFFIXES},
    **{s: html.load_html for s in html.SUFFIXES},
}
SUFFIXES = frozenset(LOADERS) | jsonl.SUFFIXES


def iter_files(directory: Path) -> Iterator[Path]:
    """Article files under a folder, recursively, in a stable order; hidden files skipped."""
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory).parts
        if any(part.startswith(".") for part in rel):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES and path.name.lower() != "readme.md":
            yield path


def load_file(path: Path) -> Iterator[Document | LoadError]:
    """Every article in one file (JSONL holds many); errors as LoadError, never raised."""
    suffix = path.suffix.lower()
    if suffix in jsonl.SUFFIXES:
        yield from jsonl.iter_jsonl(path)
        return
    loader = LOADERS.get(suffix, text.load_text)  # unknown suffix given by name: try it as text
    try:
        yield loader(path)
    except SourceError as exc:
        yield LoadError(str(path), str(exc))
    except OSError as exc:
        yield LoadError(str(path), f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a loader bug on one file must not stop the batch
        yield LoadError(str(path), f"could not be loaded ({type(exc).__name__}: {exc})")


def count_items(paths: Iterable[Path | str]) -> int:
    """How many items `iter_documents` will yield, cheaply (JSONL lines counted, not parsed);
    for progress bars."""
    total = 0
    for path in map(Path, paths):
        files = list(iter_files(path)) if path.is_dir() else [path]
        for file in files:
            total += _count_lines(file) if file.suffix.lower() in jsonl.SUFFIXES else 1
        total += 0 if files else 1  # an empty folder is reported as one failure
    return total


def _count_lines(path: Path) -> int:
    """Newlines counted in 1 MB chunks (a huge single line is never held whole)."""
    try:
        with path.open("rb") as fh:
            return max(1, sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")))
    except OSError:
        return 1


def iter_documents(paths: Iterable[Path | str]) -> Iterator[Document | LoadError]:
    """Yield a Document for every article under `paths`, or a LoadError naming what failed."""
    for path in map(Path, paths):
        if path.is_dir():
            found = False
            for file in iter_files(path):
                found = True
                yield from load_file(file)
            if not found:
                kinds = " ".join(sorted(SUFFIXES))
                yield LoadError(str(path), f"no article files in this folder (looked for {kinds})")
        elif path.is_file():
            yield from load_file(path)
        elif path.exists():
            yield LoadError(str(path), "not a regular file or folder")
        else:
            yield LoadError(str(path), "no such file or directory")


__all__ = ["MAX_BYTES", "SUFFIXES", "LoadError", "count_items", "iter_documents", "iter_files", "load_file"]
