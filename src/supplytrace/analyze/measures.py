"""Units, hedged figures and partial dates: what "the same measure" and "agree" mean.

- units are reduced to a class and a factor ("1-1.5 years" = "12-18 months"; "companies",
  "enterprises", "firms" count the same kind of thing; "units" counts anything);
- a figure is an interval given its hedge ("at least 99" = [99, inf), "about 500" = [425, 575],
  a range [12, 18] as given, an exact figure +-1%);
- a date is a prefix (YYYY, YYYY-MM, YYYY-MM-DD) and two dates agree when one is a prefix of the
  other ("2025-03" and "2025": the coarser date includes the finer).
"""

from __future__ import annotations

import functools
import math
import re

from supplytrace.model import Value

_TIME = {"day": 1 / 30, "days": 1 / 30, "week": 7 / 30, "weeks": 7 / 30, "month": 1.0, "months": 1.0,
         "year": 12.0, "years": 12.0}
_MASS = {"t": 1.0, "ton": 1.0, "tons": 1.0, "tonne": 1.0, "tonnes": 1.0, "kg": 0.001}
_MONEY = {"usd": 1.0, "$": 1.0, "dollars": 1.0, "us dollars": 1.0}
_PERCENT = {"percent": 1.0, "%": 1.0, "per cent": 1.0, "percentage": 1.0}
# count nouns that count the same kind of thing
_COUNT_CLASSES = {
    "organisations": {"company", "enterprise", "firm", "business", "manufacturer", "plant", "factory", "producer"},
    "munitions": {"shell", "round", "projectile", "rocket", "munition", "ammunition", "missile"},
    "drones": {"drone", "uav", "shahed", "unmanned"},
}
GENERIC_COUNT = {"unit", "units", "piece", "pieces", "item", "items", "pcs"}


def stem(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def content_words(text: str | None) -> set[str]:
    stop = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "with", "by", "from", "at", "as", "or",
            "its", "their", "e", "g", "such", "like", "about", "around", "roughly", "more", "than", "over",
            "least", "nearly", "up", "could", "exceed"}
    return {stem(w) for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", (text or "").lower())
            if w not in stop and not w.isdigit()}


def text_similarity(a: str | None, b: str | None) -> float:
    """Overlap of content words relative to the smaller set (so a short name inside a long phrase scores 1)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


@functools.lru_cache(maxsize=8192)
def unit_class(unit: str | None) -> tuple[str, float]:
    """(class, factor to the class's base unit)."""
    u = (unit or "").strip().lower()
    for table, cls in ((_TIME, "time:months"), (_MASS, "mass:t"), (_MONEY, "money:usd"), (_PERCENT, "percent")):
        if u in table:
            return cls, table[u]
    words = [stem(w) for w in re.findall(r"[a-z]+", u)]
    if not words or all(w in GENERIC_COUNT or stem(w) in {"unit", "piece", "item"} for w in words):
        return "count", 1.0
    for cls, nouns in _COUNT_CLASSES.items():
        if any(w in nouns for w in words):
            return f"count:{cls}", 1.0
    return f"count:{words[-1]}", 1.0


def units_compatible(a: str | None, b: str | None) -> bool:
    ca, cb = unit_class(a)[0], unit_class(b)[0]
    if ca == cb:
        return True
    return (ca == "count" and cb.startswith("count")) or (cb == "count" and ca.startswith("count"))


_LOWER = re.compile(r"\b(at least|more than|over|exceed\w*|in excess of|upwards of|no fewer than|minimum)\b", re.I)
_UPPER = re.compile(r"\b(up to|nearly|almost|less than|under|fewer than|as many as|maximum|at most)\b", re.I)
_ABOUT = re.compile(r"\b(about|around|roughly|approximately|some|circa|an estimated|close to|closer to)\b|~", re.I)


def interval(value: Value, unit: str | None, hedge: str | None = None, context: str = "") -> tuple[float, float] | None:
    """The interval a hedged figure allows, in the unit class's base unit."""
    if value is None:
        return None
    _, factor = unit_class(unit)
    if isinstance(value, list | tuple):
        lo, hi = float(value[0]) * factor, float(value[-1]) * factor
        return lo, hi
    v = float(value) * factor
    text = f"{hedge or ''} {context}"
    if _LOWER.search(text):
        return v, math.inf
    if _UPPER.search(text):
        return v * 0.8, v
    if _ABOUT.search(text):
        return v * 0.85, v * 1.15
    return v * 0.99, v * 1.01


def same_value(a: Value, ua: str | None, b: Value, ub: str | None) -> bool:
    """Equal figures within 1% after unit conversion (ranges: both ends)."""
    if a is None or b is None:
        return a is None and b is None
    _, fa = unit_class(ua)
    _, fb = unit_class(ub)
    la = [float(x) * fa for x in (a if isinstance(a, list | tuple) else [a])]
    lb = [float(x) * fb for x in (b if isinstance(b, list | tuple) else [b])]
    if len(la) != len(lb):
        return False
    return all(abs(x - y) <= 0.01 * max(abs(x), abs(y), 1e-9) for x, y in zip(la, lb, strict=True))


def overlaps(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def dates_agree(a: str | None, b: str | None) -> bool:
    """One date is a prefix of the other (or either is unknown)."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def finest(dates: list[str | None]) -> str | None:
    known = [d for d in dates if d]
    return max(known, key=len) if known else None


def sort_key(date: str | None) -> str:
    return date or "9999"
