"""JSON Lines news dumps: one article per line, `text` or `html` plus metadata fields.

The file is streamed line by line, so a large dump never sits in memory whole. A bad line
becomes a LoadError with its line number and the rest of the file still loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from supplytrace.model import Document
from supplytrace.sources.base import LoadError
from supplytrace.sources.common import (
    MAX_BYTES,
    SourceError,
    decode,
    language_code,
    looks_binary,
    make_document,
    normalise_date,
    optional_str,
)
from supplytrace.sources.html import parse_html
from supplytrace.sources.junk import strip_junk

SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_FIELDS = {
    "text": ("text", "content", "body", "article"),
    "html": ("html", "raw_html", "content_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "sitename", "site", "source", "publisher"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate"),
    "language": ("language", "lang"),
}


def field(item: dict[str, Any], name: str) -> Any:
    """The first non-empty value among a field's usual spellings in news dumps."""
    for key in _FIELDS[name]:
        value = item.get(key)
        if value not in (None, ""):
            return value
    return None


def parse_item(item: Any, source: str) -> Document:
    """One JSON object -> Document; explicit metadata wins over what the text or page says."""
    if not isinstance(item, dict):
        raise SourceError(f"expected a JSON object, got {type(item).__name__}")
    text, html = field(item, "text"), field(item, "html")
    meta = {k: field(item, k) for k in ("title", "url", "outlet", "published", "language")}
    if isinstance(text, str) and text.strip():
        stripped = strip_junk(text.replace("\r\n", "\n"))
        if not stripped.text.strip():
            raise SourceError("no article text left after removing page junk")
        return make_document(
            stripped.text, source=source, removed=stripped.removed, title=meta["title"] or stripped.title,
            url=meta["url"], outlet=meta["outlet"] or stripped.outlet,
            published=meta["published"] or stripped.published, language=meta["language"],
        )
    if isinstance(html, str) and html.strip():
        doc = parse_html(html, source, url=optional_str(meta["url"]))
        doc.title = optional_str(meta["title"]) or doc.title
        doc.outlet = optional_str(meta["outlet"]) or doc.outlet
        doc.published = normalise_date(meta["published"]) or doc.published
        doc.language = language_code(meta["language"]) or doc.language
        return doc
    raise SourceError("no 'text' or 'html' field with content")


def iter_jsonl(path: Path, line_limit: int = MAX_BYTES) -> Iterator[Document | LoadError]:
    """Every item of a JSONL file, or a LoadError per bad line (with its line number).

    Dumps can be far larger than one article, so the size limit applies per line, not per
    file: the file is streamed and an oversized line is skipped without being held in memory.
    """
    try:
        with path.open("rb") as fh:
            if looks_binary(fh.read(8192)):
                yield LoadError(str(path), "binary file, not text")
                return
            fh.seek(0)
            seen = False
            for number, raw in _lines(fh, line_limit):
                if raw is None:
                    seen = True
                    yield LoadError(str(path), f"line is over the {line_limit / 1_048_576:.0f} MB limit",
                                    line=number)
                elif raw.strip():
                    seen = True
                    yield _load_line(path, number, raw)
            if not seen:
                yield LoadError(str(path), "file is empty")
    except OSError as exc:
        yield LoadError(str(path), f"cannot read file: {exc.strerror or exc}")


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None instead of the bytes for a line longer than `limit`,
    which is skipped in bounded chunks."""
    number = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def _load_line(path: Path, number: int, raw: bytes) -> Document | LoadError:
    try:
        item = json.loads(decode(raw))
    except json.JSONDecodeError as exc:
        return LoadError(str(path), f"not valid JSON ({exc.msg} at column {exc.colno})", line=number)
    except SourceError as exc:
        return LoadError(str(path), str(exc), line=number)
    try:
        return parse_item(item, f"{path}:{number}")
    except SourceError as exc:
        return LoadError(str(path), str(exc), line=number)
