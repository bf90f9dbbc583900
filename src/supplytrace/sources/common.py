"""Shared loader plumbing: safe reading and decoding, language, dates, building Documents.

Every loader reads files through `read_text` so the same rules apply everywhere: a size limit
checked before reading, binary files refused, and non-UTF-8 text (cp1251 Russian is common in
this field) decoded by detection instead of failing.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

from supplytrace.model import Document

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused before being read
MIN_WORDS = 5  # less than this is a menu or a stub, not an article
_SNIFF = 8192


class SourceError(Exception):
    """A file cannot be turned into text; the message is the user-facing reason."""


def check_size(path: Path, limit: int = MAX_BYTES) -> None:
    """Refuse oversized files from their stat alone, so they are never read into memory."""
    size = path.stat().st_size
    if size > limit:
        raise SourceError(f"file is {size / 1_048_576:.1f} MB, over the {limit / 1_048_576:.0f} MB limit")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block: not a text file."""
    head = data[:_SNIFF]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """UTF-8 if it is valid UTF-8 (with or without BOM); else the encoding charset-normalizer finds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError("not UTF-8 and no text encoding could be detected")
    return str(best)


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """A file's text after the size, binary and encoding checks; raises SourceError with the reason."""
    check_size(path, limit)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise SourceError("file is empty")
    if looks_binary(data):
        raise SourceError("binary file, not text (articles are read from .txt .md .html .jsonl)")
    return decode(data)


def clean_text(text: str) -> str:
    """NFC, unified newlines, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from py3langid, or None for text too short to tell."""
    sample = text[:5000]
    if len(re.findall(r"\w+", sample)) < 3:
        return None
    import py3langid

    lang, _ = py3langid.classify(sample)
    return lang


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def normalise_date(value: object) -> str | None:
    """Any common date form -> YYYY, YYYY-MM or YYYY-MM-DD (keeping only the precision given)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 2999:
        return str(value)
    s = str(value).strip()
    if m := re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?", s):
        return _ymd(m.group(1), m.group(2), m.group(3))
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s):  # dotted dates are day-first
        return _ymd(m.group(3), m.group(2), m.group(1))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s):  # slashes: day or month first?
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12:
            return _ymd(m.group(3), m.group(2), m.group(1))
        if second > 12:
            return _ymd(m.group(3), m.group(1), m.group(2))
        return m.group(3)  # ambiguous (03/06/2025): keep only what is certain
    words = re.sub(r"[,.]", " ", s.lower()).split()
    year = next((w for w in words if re.fullmatch(r"\d{4}", w)), None)
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    day = next((w for w in words if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", w)), None)
    if year:
        return _ymd(year, str(month) if month else None, re.sub(r"\D", "", day) if (day and month) else None)
    return None


def _ymd(year: str, month: str | None, day: str | None) -> str | None:
    """Validated YYYY[-MM[-DD]]; None for impossible dates."""
    try:
        if day and month:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            return date(int(year), int(month), 1).isoformat()[:7]
        return f"{int(year):04d}"
    except ValueError:
        return None


def language_code(value: object) -> str | None:
    """"en-US", "EN", "ru_RU" -> "en", "ru": the ISO 639-1 part that language detection also gives."""
    s = optional_str(value)
    return re.split(r"[-_]", s)[0].lower() if s else None


def optional_str(value: object) -> str | None:
    """Metadata value as trimmed text, None when missing or blank."""
    if value is None:
        return None
    return str(value).strip() or None


def make_document(text: str, *, source: str, removed: list[str] | None = None, title: object = None,
                  url: object = None, outlet: object = None, published: object = None,
                  language: object = None) -> Document:
    """A Document with normalised metadata; language detected when not given."""
    opt = optional_str
    text = clean_text(text)
    if len(text.split()) < MIN_WORDS:
        raise SourceError(f"no article text found (only {len(text.split())} words left after cleaning)")
    return Document(
        text=text, title=opt(title), url=opt(url), outlet=opt(outlet), published=normalise_date(published),
        language=language_code(language) or detect_language(text), source=source, removed=list(removed or []),
    )
