"""JSON Lines news dumps: one article per line, `text` or `html` plus metadata fields.

The file is streamed line by line, so a large dump never sits in memory whole. A bad line
becomes a LoadError with its line number and the rest of the file still loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from supplytrace.model import Document
from supplytrace.sources.base import LoadError
from supplytrace.sources.common import (
    SourceError,
    check_size,
    decode,
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
        doc.language = optional_str(meta["language"]) or doc.language
        return doc
    raise SourceError("no 'text' or 'html' field with content")


def iter_jsonl(path: Path) -> Iterator[Document | LoadError]:
    """Every item of a JSONL file, or a LoadError per bad line (with its line number)."""
    try:
        check_size(path)
        with path.open("rb") as fh:
            head = fh.read(8192)
            if not head.strip():
                yield LoadError(str(path), "file is empty")
                return
            if looks_binary(head):
                yield LoadError(str(path), "binary file, not text")
                return
            fh.seek(0)
            for number, raw in enumerate(fh, start=1):
                if raw.strip():
                    yield _load_line(path, number, raw)
    except SourceError as exc:
        yield LoadError(str(path), str(exc))
    except OSError as exc:
        yield LoadError(str(path), f"cannot read file: {exc.strerror or exc}")


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
