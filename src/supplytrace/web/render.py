"""Turning untrusted article text into template pieces without ever building raw HTML.

Highlighting works by slicing the text at character offsets into `Piece`s; templates (with
autoescape on) render each piece's text escaped inside a <mark> or a plain text node. Nothing in
this module returns markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from supplytrace.vocab import Predicate


@dataclass
class Piece:
    text: str
    mark: bool = False
    kind: str = ""  # css modifier, e.g. the entity type
    href: str | None = None  # internal link only
    title: str | None = None


@dataclass
class Span:
    start: int
    end: int
    kind: str = ""
    href: str | None = None
    title: str | None = None


def pieces(text: str, spans: Iterable[Span]) -> list[Piece]:
    """Cut `text` at the spans (clamped, overlaps dropped) into plain and marked pieces."""
    out: list[Piece] = []
    pos = 0
    n = len(text)
    for sp in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        start, end = max(0, sp.start), min(n, sp.end)
        if end <= start or start < pos:
            continue
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(Piece(text[start:end], True, sp.kind, sp.href, sp.title))
        pos = end
    if pos < n:
        out.append(Piece(text[pos:]))
    return out


_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]?\s+|\n\s*\n|\n")


@dataclass
class Context:
    before_cut: bool
    pieces: list[Piece]
    after_cut: bool
    located: bool  # the span was found in the document


def context(text: str | None, start: int | None, end: int | None, quote: str = "",
            radius: int = 280) -> Context:
    """The evidence span with its surrounding sentence(s), the span marked."""
    if text and (start is None or end is None) and quote:
        i = text.find(quote)
        if i >= 0:
            start, end = i, i + len(quote)
    if not text or start is None or end is None or not (0 <= start < end <= len(text)):
        return Context(False, [Piece(quote, True)] if quote else [], False, False)
    lo = max(0, start - radius)
    hi = min(len(text), end + radius)
    # widen to sentence boundaries inside the window
    left = text[lo:start]
    cuts = list(_SENTENCE_END.finditer(left))
    before_cut = after_cut = False
    if cuts:
        lo = lo + cuts[-1].end()
    elif lo > 0:
        sp = left.find(" ")
        lo = lo + sp + 1 if sp >= 0 else lo
        before_cut = True
    right = text[end:hi]
    m = _SENTENCE_END.search(right)
    if m:
        hi = end + m.start() + 1
    elif hi < len(text):
        sp = right.rfind(" ")
        hi = end + sp if sp > 0 else hi
        after_cut = True
    window = text[lo:hi]
    stripped = window.lstrip()
    shift = len(window) - len(stripped)
    window = stripped.rstrip()
    lo += shift
    return Context(before_cut, pieces(window, [Span(start - lo, end - lo)]), after_cut, True)


def snippet_pieces(snippet: str) -> list[Piece]:
    """FTS snippets mark matches with [[ ]]; turn those into marked pieces."""
    out: list[Piece] = []
    for i, part in enumerate(re.split(r"\[\[|\]\]", snippet)):
        if part:
            out.append(Piece(part, mark=i % 2 == 1))
    return out


def safe_url(url: str | None) -> str | None:
    """An article's URL if it is plain http(s); anything else (javascript:, data:…) is not linked."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\n\r\t\"'<> "):
        return url
    return None


def date_sort_key(date: str | None) -> tuple[bool, str]:
    """Sort key for partial dates ("2025", "2025-03", ">2022-02"): undated last."""
    m = re.search(r"\d{4}(?:-\d{2})?(?:-\d{2})?", date or "")
    return (m is None, m.group(0) if m else "")


def year_of(date: str | None) -> str:
    m = re.search(r"\d{4}", date or "")
    return m.group(0) if m else "undated"


def predicate_label(predicate: str) -> str:
    try:
        return str(Predicate(predicate)).replace("_", " ")
    except ValueError:
        return predicate.replace("_", " ")


def fmt_number(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_value(value: float | list[float] | None, unit: str | None = None, period: str | None = None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, list | tuple):
        text = "–".join(fmt_number(v) for v in value)
    else:
        text = fmt_number(value)
    if unit:
        text = f"{text} {unit}".strip()
    if period:
        text = f"{text} / {period}"
    return text


def claim_object(claim: object) -> str:
    """What a claim is about on its object side, as plain text."""
    name = getattr(claim, "object_name", None)
    text = getattr(claim, "object_text", None)
    if name and text and text.lower() != name.lower():
        return f"{name} ({text})"
    return name or text or ""


def claim_when(claim: object) -> str:
    date = getattr(claim, "date", None)
    if date:
        # a planned figure is a target: "450,000 shells / year by 2028", not "in 2028"
        planned = getattr(claim, "modality", None) == "planned" and getattr(claim, "value", None) is not None
        return f"by {date}" if planned else date
    a, b = getattr(claim, "date_from", None), getattr(claim, "date_to", None)
    if a or b:
        return f"{a or '…'} – {b or '…'}"
    return ""


def doc_name(title: str | None, text: str | None = None) -> str:
    """What to call an article in a list or heading: its title, else its first words — never a file
    path or a document id, which mean nothing to a reader."""
    t = " ".join((title or "").split())
    if t:
        return t
    words = " ".join((text or "")[:200].split())
    if not words:
        return "Untitled article"
    if len(words) > 80:
        words = words[:80].rsplit(" ", 1)[0].rstrip(" ,;:-–—") + "…"
    return f"Untitled article: “{words}”"


_EVENT_LABELS = {"planned": "plan announced", "full_capacity": "full capacity reached",
                 "operations_started": "operations started", "construction_started": "construction started",
                 "scheduled_launch": "launch scheduled"}


def event_label(event: str | None) -> str:
    """A milestone as a reader says it ('plan announced', not 'planned')."""
    e = str(event or "")
    return _EVENT_LABELS.get(e, e.replace("_", " "))


def date_passed(date: str | None, today: str | None = None) -> bool:
    """True when a (possibly partial) date such as '2025-12' is entirely in the past."""
    import datetime as _dt

    d = (date or "").strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
        return False
    now = today or _dt.date.today().isoformat()
    return d < now[:len(d)]


def adds_to_value(object_text: str | None, unit: str | None) -> bool:
    """Whether a figure's object text says more than its unit ('artillery shells' after '480,000 shells'
    does; 'tons' after '130,000 tons' does not)."""
    o = " ".join((object_text or "").lower().split())
    u = " ".join((unit or "").lower().split())
    return bool(o) and o != u and o.rstrip("s") != u.rstrip("s")
