"""Dates normalised against the publication date, keeping their precision (YYYY, YYYY-MM, YYYY-MM-DD).

"in February 2025" -> 2025-02; "March 6, 2025" -> 2025-03-06; "by the end of 2024" -> 2024-12;
"by the end of the year" -> <publication year>-12; "last year" -> <publication year> - 1;
"in December" -> the year in context (the last
year written before it in the same passage, else the publication year); "early 2025", "mid-2024",
"by late 2024" -> the year only; "2022–2023" -> a span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc

from supplytrace.extract.pipeline import vocab_data


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    prep: str | None = None  # by / in / since / after ...
    date_from: str | None = None
    date_to: str | None = None
    needs_year: bool = False  # month written without a year
    month: int | None = None  # the month of a date written without its year (12 for "the end of the year")
    year_guessed: bool = False  # its year is the publication's, for want of one written before it
    weekday: bool = False  # a day of the week ("on Monday"), dated within the week of publication


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    d = vocab_data("dates")
    months = "|".join(sorted(d["months"], key=len, reverse=True))
    mon = rf"(?P<mon>{months})\.?"
    year = r"(?P<year>(?:19|20)\d\d)"
    preps = "|".join(sorted((re.escape(p) for p in d["prepositions"]), key=len, reverse=True))
    pre = rf"(?:(?P<prep>{preps})\s+(?:the\s+)?)?"
    yearend = "|".join(re.escape(x) for x in sorted(d["year_end"], key=len, reverse=True))
    rel = "|".join(re.escape(x) for x in sorted(d["relative_year"], key=len, reverse=True))
    seasons = "|".join(d["seasons"])
    return {
        "mdy": re.compile(rf"\b{pre}{mon}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}\b", re.I),
        "dmy": re.compile(rf"\b{pre}(?P<day>\d{{1,2}})\s+{mon},?\s+{year}\b", re.I),
        "iso": re.compile(rf"\b{pre}(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b"),
        "span": re.compile(rf"\b{pre}(?P<y1>(?:19|20)\d\d)\s*(?:–|—|-|to|and)\s*(?P<y2>(?:19|20)\d\d)\b", re.I),
        "between": re.compile(rf"\bbetween\s+{mon}\s+{year}\s+and\s+(?P<mon2>{months})\s+(?P<year2>(?:19|20)\d\d)\b",
                              re.I),
        # "between January and June", "from March to May 2025", "in January to September", "January-June 2025"
        "month_span": re.compile(rf"\b(?P<opener>between|from|in)\s+{mon}\s+(?P<joiner>and|to|through|until)\s+"
                                 rf"(?P<mon2>{months})(?:,?\s+(?:of\s+)?{year})?\b", re.I),
        "month_dash": re.compile(rf"\b{mon}\s*[–—-]\s*(?P<mon2>{months}),?\s+{year}\b", re.I),
        "my": re.compile(rf"\b{pre}{mon},?\s+(?:of\s+)?{year}\b", re.I),
        "month_rel": re.compile(rf"\b{pre}{mon},?\s+(?:of\s+)?(?P<rel>{rel})\b", re.I),
        # "last April", "next March": the nearest such month before / after publication
        "rel_month": re.compile(rf"\b{pre}(?P<dir>last|next|this|past|coming)\s+{mon}\b", re.I),
        # "on 19 October", "October 19" without a year
        "dm": re.compile(rf"\b{pre}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{mon}\b(?!,?\s+(?:19|20)\d\d)", re.I),
        "md": re.compile(rf"\b{pre}{mon}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d|\d)", re.I),
        # "this spring", "next autumn", "in the spring of 2025", "in spring 2024"
        "season_year": re.compile(rf"\b{pre}(?:the\s+)?(?P<season>{seasons})\s+(?:of\s+)?{year}\b", re.I),
        # "in the spring of last year", "the autumn of this year"
        "season_rel": re.compile(rf"\b{pre}(?:the\s+)?(?P<season>{seasons})\s+of\s+(?P<rel>{rel})\b", re.I),
        # "this morning", "yesterday": a day of the news itself
        "day_rel": re.compile(r"\b(?P<rel>this\s+morning|this\s+afternoon|this\s+evening|yesterday|last\s+night)\b",
                              re.I),
        # "on Monday": the last such day by publication (the next, where the verb is in the future)
        "weekday": re.compile(r"\b(?P<prep>on)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                              re.I),
        "rel_season": re.compile(rf"\b{pre}(?P<dir>this|last|next|coming|past)\s+(?P<season>{seasons})\b", re.I),
        # "last month", "next month": the month before or after the publication's
        "rel_month_only": re.compile(rf"\b{pre}(?P<dir>this|last|next|coming)\s+month\b", re.I),
        "season": re.compile(rf"\b{pre}the\s+(?P<season>{seasons})\b(?!\s+(?:of\s+)?(?:19|20)\d\d)", re.I),
        # "in the second quarter", "in the first half": a part of the year in context, dated to the year
        "quarter": re.compile(rf"\b{pre}the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half)\b"
                              rf"(?!\s+(?:of\s+(?!the\s+year)|(?:19|20)\d\d))", re.I),
        "end_of_year": re.compile(rf"\b{pre}(?:the\s+)?end\s+of\s+{year}\b", re.I),
        "part_year": re.compile(rf"\b{pre}(?P<part>early|mid|late|the\s+beginning\s+of|the\s+middle\s+of|"
                                rf"the\s+first\s+half\s+of|the\s+second\s+half\s+of|"
                                rf"the\s+(?:first|second|third|fourth|final|last)\s+quarter\s+of)[\s\-]+{year}\b",
                                re.I),
        # "in the last quarter of next year", "during the first half of this year"
        "quarter_rel": re.compile(rf"\b{pre}the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half)\s+of\s+"
                                  rf"(?P<rel>{rel})\b", re.I),
        "year_end": re.compile(rf"\b{pre}(?:{yearend})\b", re.I),
        "relative": re.compile(rf"\b{pre}(?P<end>(?:the\s+)?end\s+of\s+)?(?P<rel>{rel})\b", re.I),
        "month": re.compile(rf"\b{pre}(?P<mon>january|february|march|april|may|june|july|august|september|october|"
                            rf"november|december)\b(?!\s+\d)", re.I),
        "year": re.compile(rf"\b{pre}{year}\b(?![\-–]\d)", re.I),
    }


def _month(name: str) -> int:
    return vocab_data("dates")["months"][name.lower().rstrip(".")]


def _modal_may(g: dict) -> bool:
    """"may" without a preposition or a capital is the verb, not the month."""
    return g["mon"].lower() == "may" and (not g.get("prep") or not g["mon"][0].isupper())


# "this year" sets the year in context as a written year does ("began in February this year ... in the autumn");
# "last year" does not ("began in August last year. ... on 19 October" is this October)
DAY = re.compile(r"\d{4}-\d\d-\d\d")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
YEAR_NAMED = re.compile(r"\bthis\s+year\b", re.I)


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """All date expressions in `text`, normalised; overlapping matches resolved longest-first."""
    pats = _patterns()
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], dm: DateMention) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken) or "\n\n" in m.group():
            return  # (no date runs across a paragraph break: "... 2026-05-01\n\nMarch 2019" is two)
        taken.append((m.start(), m.end()))
        found.append(dm)

    def prep(m: re.Match[str]) -> str | None:
        p = m.groupdict().get("prep")
        return p.lower() if p else None

    relative = vocab_data("dates")["relative_year"]
    keys = ("between", "mdy", "dmy", "iso", "span", "month_span", "month_dash", "end_of_year", "part_year", "my",
            "month_rel", "rel_month", "season_year", "season_rel", "quarter_rel", "day_rel", "weekday",
            "rel_month_only", "rel_season", "dm", "md", "year_end", "relative", "season",
            "quarter", "month", "year")
    pub_month = int(published[5:7]) if published and len(published) >= 7 and published[5:7].isdigit() else None
    steps = vocab_data("dates")["relative_season"]
    for key in keys:
        for m in pats[key].finditer(text):
            g = m.groupdict()
            val = dfrom = dto = None
            needs_year = False
            month = None
            if key == "between":
                dfrom = f"{g['year']}-{_month(g['mon']):02d}"
                dto = f"{g['year2']}-{_month(g['mon2']):02d}"
            elif key in ("month_span", "month_dash"):
                if key == "month_span" and (g["joiner"].lower() == "and") != (g["opener"].lower() == "between"):
                    continue  # "in January and June": two months; "between January to June" is no span either
                m1, m2 = _month(g["mon"]), _month(g["mon2"])
                if m2 <= m1 or _modal_may(g) or not g["year"] and pub_year is None:
                    continue
                # without a year: the year in context, else the latest such span ending by publication
                y = g["year"] or str(pub_year - 1 if pub_month is not None and m2 > pub_month else pub_year)
                dfrom, dto = f"{y}-{m1:02d}", f"{y}-{m2:02d}"
                needs_year, month = not g["year"], m1
            elif key in ("mdy", "dmy"):
                val = f"{g['year']}-{_month(g['mon']):02d}-{int(g['day']):02d}"
            elif key == "iso":
                val = f"{g['year']}-{g['m']}-{g['day']}"
            elif key == "span":
                dfrom, dto = g["y1"], g["y2"]
            elif key == "end_of_year":
                val = f"{g['year']}-12"
            elif key == "part_year":
                val = g["year"]
            elif key == "my":
                val = f"{g['year']}-{_month(g['mon']):02d}"
            elif key == "month_rel":  # "in July of this year", "March last year"
                if pub_year is None or _modal_may(g):
                    continue
                y = pub_year + relative[re.sub(r"\s+", " ", g["rel"].lower())]
                val = f"{y}-{_month(g['mon']):02d}"
            elif key == "rel_month":  # "last April": the last April before publication
                if pub_year is None or pub_month is None or _modal_may(g):
                    continue
                mo = _month(g["mon"])
                step = g["dir"].lower()
                y = pub_year
                if step in ("last", "past"):
                    y = pub_year if mo < pub_month else pub_year - 1
                elif step in ("next", "coming"):
                    y = pub_year if mo > pub_month else pub_year + 1
                val = f"{y}-{mo:02d}"
            elif key in ("dm", "md"):  # "on 19 October": the year from context, as for a bare month
                if _modal_may(g) or not 1 <= int(g["day"]) <= 31:
                    continue
                mo = _month(g["mon"])
                val = f"{pub_year}-{mo:02d}-{int(g['day']):02d}" if pub_year else None
                needs_year, month = True, mo
            elif key == "season_year":
                val = g["year"]
            elif key in ("season_rel", "quarter_rel"):  # "in the spring of last year", "the first half of next year"
                if pub_year is None:
                    continue
                val = str(pub_year + relative[re.sub(r"\s+", " ", g["rel"].lower())])
            elif key == "day_rel":  # "this morning", "yesterday": the publication day, or the day before
                if not published or not DAY.fullmatch(published):
                    continue
                day = date.fromisoformat(published) - timedelta(days=g["rel"].lower() in ("yesterday", "last night"))
                val = day.isoformat()
            elif key == "weekday":
                if not published or not DAY.fullmatch(published):
                    continue
                pub = date.fromisoformat(published)
                wd = WEEKDAYS.index(g["wd"].lower())
                val = (pub - timedelta(days=(pub.weekday() - wd) % 7)).isoformat()
            elif key == "rel_month_only":  # "last month": the month before the publication's
                if pub_year is None or pub_month is None:
                    continue
                step = {"last": -1, "next": 1, "coming": 1}.get(g["dir"].lower(), 0)
                y, mo = divmod(pub_year * 12 + pub_month - 1 + step, 12)
                val = f"{y}-{mo + 1:02d}"
            elif key == "rel_season":  # "this spring", "next autumn": the year, as precise as a season allows
                if pub_year is None:
                    continue
                val = str(pub_year + steps[g["dir"].lower()])
            elif key in ("season", "quarter"):  # "in the spring": this year's, or the year in context
                val = str(pub_year) if pub_year else None
                needs_year, month = True, 0
            elif key == "year_end":
                val = f"{pub_year}-12" if pub_year else None
                needs_year, month = pub_year is None, 12
            elif key == "relative":
                if pub_year:
                    y = pub_year + relative[re.sub(r"\s+", " ", g["rel"].lower())]
                    val = f"{y}-12" if g.get("end") else str(y)
            elif key == "month":
                if _modal_may(g):
                    continue
                val = f"{pub_year}-{_month(g['mon']):02d}" if pub_year else None
                needs_year, month = True, _month(g["mon"])
            elif key == "year":
                val = g["year"]
            add(m, DateMention(m.start(), m.end(), m.group(0), val, prep(m), dfrom, dto, needs_year, month,
                               weekday=key == "weekday"))
    found.sort(key=lambda d: d.start)
    # a month without a year takes the year last written before it in the same paragraph; without a
    # publication date, the year last written before it anywhere in the article
    for i, d in enumerate(found):
        if not d.needs_year or d.month is None:  # (month 0: a season, dated to the year)
            continue
        para_start = text.rfind("\n", 0, d.start)
        d.year_guessed = pub_year is not None and bool(d.value) and d.date_from is None
        for prev in reversed(found[:i]):
            if prev.start < para_start and pub_year is not None:
                break
            if prev.prep == "by":
                continue  # a deadline ("plans to double output by 2028") is no year the story is told in
            y = (prev.value or prev.date_to or "")[:4]
            # a year written out, or "this year"
            if y.isdigit() and not prev.needs_year and (re.search(r"\d{4}", prev.text) or YEAR_NAMED.search(prev.text)):
                pm = (prev.value or "")[5:7]
                # "completed in December 2025 ... began in February": the story goes on into the next year,
                # as long as that is not after the article was written
                if pm.isdigit() and 0 < d.month < int(pm) and pub_year is not None and \
                        (int(y) + 1, d.month) <= (pub_year, pub_month or 12):
                    y = str(int(y) + 1)
                if d.date_from and d.date_to:  # "between January and June", in a paragraph about 2025
                    d.date_from, d.date_to = y + d.date_from[4:], y + d.date_to[4:]
                    break
                day = d.value[7:] if d.value and len(d.value) == 10 else ""  # keep a day: "on 19 October"
                d.value = y if d.month == 0 else f"{y}-{d.month:02d}{day}"
                d.year_guessed = False
                break
    return found


PAST_AUX = frozenset({"was", "were", "has", "have", "had"})
def _season_month(text: str) -> int:
    """The month a season's tense is weighed by (data/dates.json), 0 for no season."""
    months = vocab_data("dates")["season_months"]
    return next((m for w, m in months.items() if re.search(rf"\b{w}\b", text, re.I)), 0)

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})


def date_by_tense(dates: list[DateMention], doc: Doc, published: str | None) -> None:
    """A month written without a year, and with no year before it in its paragraph, is in the publication's year
    unless its verb says otherwise: "was commissioned in September" in an article of February is last September,
    "will open in March" in one of May is next March. A day of the week looks ahead the same way ("will open on
    Friday" is the next Friday, not the last one)."""
    pub_month = int(published[5:7]) if published and len(published) >= 7 and published[5:7].isdigit() else None
    for d in dates:
        month = d.month or _season_month(d.text)
        if not d.weekday and (not d.year_guessed or not month or pub_month is None or month == pub_month):
            continue
        tense = _tense_of(d, doc)
        if d.weekday:
            if tense == "future" and d.value:
                d.value = (date.fromisoformat(d.value) + timedelta(days=7)).isoformat()
            continue
        shift = -1 if tense == "past" and month > pub_month else 1 if tense == "future" and month < pub_month else 0
        if shift and d.value and d.value[:4].isdigit():
            d.value = f"{int(d.value[:4]) + shift}{d.value[4:]}"


def _tense_of(d: DateMention, doc: Doc) -> str | None:
    """"past", "future" or None: the tense of the verb the date is written on."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None else None
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "future"
    return "past" if verb.tag_ == "VBD" or verb.tag_ == "VBN" and bool(aux & PAST_AUX) else None
