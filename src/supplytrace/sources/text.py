"""Plain text and Markdown articles, with optional YAML front matter.

Front matter (title, url, outlet, published, language) wins over anything guessed from the
text. Markdown syntax that would end up inside sentences (heading marks, link targets,
emphasis) is reduced to its words, so later stages see the prose and point into it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from supplytrace.model import Document
from supplytrace.sources.common import SourceError, make_document, read_text
from supplytrace.sources.junk import strip_junk

SUFFIXES = {".txt", ".text", ".md", ".markdown"}
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_KEYS = {"title", "url", "outlet", "published", "language"}
_ALIASES = {"date": "published", "source": "outlet", "site": "outlet", "sitename": "outlet", "link": "url",
            "lang": "language", "headline": "title"}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, body). Malformed front matter is an error, not silently part of the article."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"bad YAML front matter: {str(exc).splitlines()[0]}") from exc
    if not isinstance(meta, dict):
        raise SourceError("front matter is not a mapping of fields")
    fields: dict[str, Any] = {}
    for key, value in meta.items():
        name = _ALIASES.get(str(key).lower(), str(key).lower())
        if name in _META_KEYS and name not in fields:
            fields[name] = value
    return fields, text[m.end():]


def markdown_to_text(body: str) -> str:
    """Keep the words of Markdown, drop the syntax that would sit inside sentences."""
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)  # images
    body = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)  # links -> their text
    body = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", r"\1", body, flags=re.MULTILINE)  # headings
    body = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", body)  # bold
    body = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", body)  # italics
    body = re.sub(r"^[ \t]{0,3}>[ \t]?", "", body, flags=re.MULTILINE)  # block quotes
    body = re.sub(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", "", body, flags=re.MULTILINE)  # rules
    return unwrap(body)


def unwrap(body: str) -> str:
    """Join hard-wrapped paragraph lines with spaces (a Markdown soft break is a space), so each
    paragraph is one line; list items and table rows keep their own lines."""
    out: list[str] = []
    for line in body.split("\n"):
        starts_block = re.match(r"[ \t]*([-*+•]|\d+[.)]|\|)[ \t]", line) is not None
        if out and out[-1].strip() and line.strip() and not starts_block and not out[-1].rstrip().endswith("  "):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def parse_text(raw: str, source: str, markdown: bool = False) -> Document:
    """One article from text: front matter, Markdown reduction, junk stripping, metadata."""
    meta, body = split_front_matter(raw)
    if markdown:
        body = markdown_to_text(body)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    stripped = strip_junk(body)
    if not stripped.text.strip():
        raise SourceError("no article text left after removing page junk")
    return make_document(
        stripped.text, source=source, removed=stripped.removed,
        title=meta.get("title") or stripped.title, url=meta.get("url"),
        outlet=meta.get("outlet") or stripped.outlet, published=meta.get("published") or stripped.published,
        language=meta.get("language"),
    )


def load_text(path: Path) -> Document:
    """A .txt or .md file as one Document (raises SourceError with the reason)."""
    return parse_text(read_text(path), str(path), markdown=path.suffix.lower() in {".md", ".markdown"})
