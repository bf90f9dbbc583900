"""HTML pages: trafilatura finds the article and its metadata, the page around it is dropped.

Navigation, ads, reader comments and related-story teasers are left out by trafilatura's main
text extraction (precision mode); the plain-text junk rules then catch labels it keeps inline.
What was dropped is listed in `Document.removed` so a reader can check nothing real was lost.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from supplytrace.model import Document
from supplytrace.sources.common import SourceError, make_document, normalise_date, read_text
from supplytrace.sources.junk import strip_junk

SUFFIXES = {".html", ".htm", ".xhtml"}
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "dt", "dd", "td")
MAX_REMOVED = 200


def is_truncated(html: str) -> bool:
    """A page that opens <html>/<body> but never closes it was cut off in transfer or saving."""
    tail = html[-4096:].lower()
    head = html[:4096].lower()
    opened = "<html" in head or "<body" in head
    return opened and "</html>" not in tail and "</body>" not in tail


def _dropped_blocks(html: str, kept: str) -> list[str]:
    """Text blocks of the page that are not part of the extracted article (for `removed`)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - listing what was dropped is best effort
        return []
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    flat = " ".join(kept.split())
    out: list[str] = []
    for el in root.iter(*_BLOCK_TAGS):
        if any(child.tag in _BLOCK_TAGS for child in el.iterdescendants()):
            continue
        block = " ".join(el.text_content().split())
        if block and block not in flat and block not in out:
            out.append(block)
            if len(out) >= MAX_REMOVED:
                break
    return out


def _metadata(result: Any) -> dict[str, Any]:
    """Title, outlet, date, url and language from trafilatura's result (a dict or Document)."""
    get = result.get if isinstance(result, dict) else (lambda k: getattr(result, k, None))
    return {"title": get("title"), "outlet": get("sitename"), "published": normalise_date(get("date")),
            "url": get("url"), "language": get("language"), "text": get("text") or ""}


def parse_html(html: str, source: str, url: str | None = None) -> Document:
    """One article from an HTML page (raises SourceError when there is no article in it)."""
    import trafilatura

    if is_truncated(html):
        raise SourceError("HTML page is truncated (no closing </body> or </html>)")
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, favor_precision=True,
        deduplicate=False,  # its dedup cache spans documents: a re-read page would lose paragraphs
    )
    meta = _metadata(result) if result else {"text": ""}
    text = meta.pop("text")
    if not text.strip():
        raise SourceError("no article text found in the HTML page")
    stripped = strip_junk(text)
    removed = _dropped_blocks(html, stripped.text) + stripped.removed
    if meta.get("outlet") and re.fullmatch(r"[\w.-]+\.\w{2,}", meta["outlet"]) and stripped.outlet:
        meta["outlet"] = stripped.outlet  # a bare domain is a worse outlet name than the page's own
    return make_document(
        stripped.text, source=source, removed=removed, title=meta.get("title") or stripped.title,
        url=meta.get("url") or url, outlet=meta.get("outlet") or stripped.outlet,
        published=meta.get("published") or stripped.published, language=meta.get("language"),
    )


def load_html(path: Path) -> Document:
    """An .html file as one Document."""
    return parse_html(read_text(path), str(path))
