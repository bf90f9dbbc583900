"""Strip page junk from plain article text with general line and block heuristics.

Text copied from a web page (or saved by a reader view) carries the page around the article:
ad labels, reading-time badges, author boxes, donation appeals, reader comments and teaser
lists of unrelated headlines. HTML gets trafilatura; plain text has no markup left, so these
rules look at the shape of lines and blocks instead. Patterns live in `boilerplate.yml`.
Every rule removes whole lines, and what it removed is kept in `Stripped.removed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import yaml

from supplytrace.sources.common import normalise_date

PATTERNS_FILE = Path(__file__).with_name("boilerplate.yml")

BULLET = "•·▪◦●‣∙"  # not "-" or "*": those start ordinary Markdown lists
_BARE_BULLET = re.compile(rf"^\s*[{re.escape(BULLET)}]\s*$")
_BULLET_ITEM = re.compile(rf"^\s*[{re.escape(BULLET)}]\s+(\S.*)$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’»…)]\s*$")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# a date with its day ("March 9, 2026", "20th January 2026", "12-18 October 2026", "2026-03-09", "09.03.2026",
# "11/23/2026"), or a month and a year alone ("November 2026"), as a byline or date line gives it
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|{_MONTH}\s+\d{{4}})\b",
    re.IGNORECASE,
)
_SPECIAL_TO = re.compile(r"\bspecial to\s+(.+?)\s*(?:[-–—|,]|$)", re.IGNORECASE)
_COPYRIGHT_OUTLET = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?\s+(?P<outlet>.+?)"
    r"(?:,?\s+(?:LLC|Inc|Ltd|GmbH|plc|Corp|S\.A|AG)\b.*|\.\s.*|\.?\s*all rights reserved.*|\.?$)",
    re.IGNORECASE,
)
HEADER_LINES = 6  # title, dateline and reader-view furniture sit in the first few lines


@dataclass
class Patterns:
    line: list[re.Pattern[str]]
    tail: list[re.Pattern[str]]
    appeal: list[re.Pattern[str]]
    appeal_weak: list[re.Pattern[str]]
    list_header: list[re.Pattern[str]]
    header_kinds: frozenset[str]


@cache
def patterns(path: Path = PATTERNS_FILE) -> Patterns:
    """The boilerplate patterns, compiled once (kept as data so they can grow without code)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def each(ps: list[str]) -> list[re.Pattern[str]]:
        return [re.compile(rf"(?:{p})", re.IGNORECASE) for p in ps]

    def one(ps: list[str]) -> list[re.Pattern[str]]:  # one alternation: a single pass per line
        return [re.compile("|".join(f"(?:{p})" for p in ps), re.IGNORECASE)]

    return Patterns(one(raw["line"]), one(raw["tail"]), each(raw["appeal"]), each(raw["appeal_weak"]),
                    one(raw["list_header"]), frozenset(w.lower() for w in raw["header_kinds"]))


@dataclass
class Stripped:
    """Clean text plus the junk blocks taken out and any metadata the text itself stated."""

    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


def words(line: str) -> int:
    return len(line.split())


def is_heading(line: str, max_words: int = 12) -> bool:
    """A short line without sentence punctuation at the end: a heading, label or teaser title."""
    s = line.strip()
    return bool(s) and words(s) <= max_words and not _SENTENCE_END.search(s)


class _Lines:
    """The text as lines with a drop flag each; rules mark lines, nothing is deleted in place."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.drop = [False] * len(self.lines)
        offsets, pos = [], 0
        for line in self.lines:
            offsets.append(pos)
            pos += len(line) + 1
        self.offsets, self.size = offsets, max(pos, 1)

    def position(self, i: int) -> float:
        """Where line i starts, as a fraction of the whole text."""
        return self.offsets[i] / self.size

    def kept(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if not self.drop[i] and line.strip()]

    def standalone(self, i: int) -> bool:
        """Line i is a paragraph of its own (blank lines or text edges on both sides)."""
        before = i == 0 or not self.lines[i - 1].strip()
        after = i + 1 >= len(self.lines) or not self.lines[i + 1].strip()
        return before and after

    def cut_from(self, i: int) -> None:
        for j in range(i, len(self.lines)):
            self.drop[j] = True

    def blocks_removed(self) -> list[str]:
        """Consecutive dropped lines (blank lines inside a run included) as one block each."""
        blocks, current = [], []
        for line, dropped in zip(self.lines, self.drop, strict=True):
            if dropped:
                if line.strip():
                    current.append(line.strip())
            elif line.strip() and current:
                blocks.append("\n".join(current))
                current = []
        if current:
            blocks.append("\n".join(current))
        return blocks

    def text(self) -> str:
        return "\n".join(line for line, d in zip(self.lines, self.drop, strict=True) if not d)


def _match(ps: list[re.Pattern[str]], line: str) -> bool:
    """Whole-line match, also with decoration around the label ("- Advertisement -", "[Ad]")."""
    s = line.strip()
    bare = s.strip(" -–—|[]()*_=~#>•·")
    return any(p.fullmatch(s) or (bare != s and bare and p.fullmatch(bare)) for p in ps)


def cut_comments(doc: _Lines, pats: Patterns) -> None:
    """A comments header ("5 Comments", "Leave a reply") past the opening: drop it and all after."""
    for i, line in enumerate(doc.lines):
        if doc.position(i) >= 0.3 and _match(pats.tail, line):
            doc.cut_from(i)
            return


_REPORTED_SPEECH = re.compile(r"[“”«»\"].*\b(said|says|told|added|wrote|according to)\b|"
                              r"\b(said|says|told|added|wrote)\b.*[“”«»\"]", re.IGNORECASE)


def is_appeal(text: str, pats: Patterns) -> bool:
    """A paragraph asking the reader for support: one direct phrase, or two weak signals, or a
    weak one addressed to "you". Quoted speech ("help us", the mayor said) is article text."""
    if _REPORTED_SPEECH.search(text):
        return False
    if any(p.search(text) for p in pats.appeal):
        return True
    weak = sum(1 for p in pats.appeal_weak if p.search(text))
    return weak >= 2 or (weak == 1 and re.search(r"\b(you|your)\b", text, re.IGNORECASE) is not None)


def article_continues(doc: _Lines, after: int, pats: Patterns) -> bool:
    """Whether real article prose follows line `after`: three or more long, sentence-ended
    paragraphs and no page-tail markers (bullet separators, story-list or comment headers)."""
    long_paragraphs = 0
    for line in doc.lines[after + 1:]:
        s = line.strip()
        if not s:
            continue
        if _BARE_BULLET.match(s) or _match(pats.list_header, s) or _match(pats.tail, s):
            return False
        if words(s) >= 20 and re.search(r"[.!?\"”»]$", s):
            long_paragraphs += 1
    return long_paragraphs >= 3


def cut_appeal(doc: _Lines, pats: Patterns) -> None:
    """A support/donation appeal addressed to the reader. In the second half of the text it and
    everything after it go (what follows such boxes is page furniture) unless the article plainly
    goes on after it; earlier in the text, only the appeal itself."""
    for i, line in enumerate(doc.lines):
        s = line.strip()
        if doc.drop[i] or not s or not is_appeal(s, pats):
            continue
        start = i
        for j in range(i - 1, max(i - 6, -1), -1):  # headings that introduce the appeal box
            if not doc.lines[j].strip():
                continue
            if is_heading(doc.lines[j], 8) and not _SENTENCE_END.search(doc.lines[j]):
                start = j
            else:
                break
        if doc.position(i) < 0.5 or article_continues(doc, i, pats):
            for j in range(start, i + 1):
                doc.drop[j] = True
            continue
        doc.cut_from(start)
        return


def _teaser_groups(doc: _Lines, seps: list[int]) -> bool:
    """Most groups between bullet separators look like teasers (a headline, then at most three short
    lines: standfirst, credit, caption), not article sections split by a dinkus."""
    bounds = [*seps, len(doc.lines)]
    groups = [[s for s in (x.strip() for x in doc.lines[a + 1:b]) if s] for a, b in pairwise(bounds)]
    groups = [g for g in groups if g]
    teaser = [g for g in groups if len(g) <= 4 and is_heading(g[0], 20)]
    return bool(groups) and len(teaser) * 2 > len(groups)


def cut_teasers(doc: _Lines) -> None:
    """Teaser lists: groups of short blocks separated by bare bullet lines, or runs of short bulleted
    headlines. Near the end they run to the end of the page; elsewhere only the list goes."""
    seps = [i for i, line in enumerate(doc.lines) if _BARE_BULLET.match(line) and not doc.drop[i]]
    if len(seps) >= 2 and _teaser_groups(doc, seps):
        first, last = seps[0], seps[-1]
        if doc.position(first) >= 0.4:
            doc.cut_from(first)
        else:
            group = max(b - a for a, b in pairwise(seps))
            for j in range(first, min(last + group, len(doc.lines))):
                doc.drop[j] = True
    run: list[int] = []
    for i, line in enumerate(doc.lines + [""]):
        if not line.strip() and i < len(doc.lines):
            continue
        m = _BULLET_ITEM.match(line)
        if m and words(m.group(1)) >= 4 and is_heading(m.group(1), 15) and doc.position(i) >= 0.5:
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                doc.drop[j] = True
        run = []


def drop_story_lists(doc: _Lines, pats: Patterns) -> None:
    """"Related stories" / "Most read" and, in the second half of the text, the headline-like lines
    right after it. Near the top such a label ("Latest news") sits above the article's own title."""
    for i, line in enumerate(doc.lines):
        if doc.drop[i] or not line.strip() or not _match(pats.list_header, line):
            continue
        doc.drop[i] = True
        if doc.position(i) < 0.5:
            continue
        for j in range(i + 1, len(doc.lines)):
            s = doc.lines[j].strip().lstrip(BULLET + "-* ")
            if s and not is_heading(s, 20):
                break
            doc.drop[j] = True


def drop_furniture(doc: _Lines, pats: Patterns) -> None:
    """Single lines that are page furniture (ad labels, badges, bylines-only, credits)."""
    for i, line in enumerate(doc.lines):
        if line.strip() and _match(pats.line, line):
            doc.drop[i] = True


def drop_duplicates(doc: _Lines) -> None:
    """A line of four or more words repeated verbatim (a title shown twice, a pull quote)."""
    seen: set[str] = set()
    for i in doc.kept():
        key = " ".join(doc.lines[i].split()).lower()
        if words(key) < 4:
            continue
        if key in seen:
            doc.drop[i] = True
        seen.add(key)


_DATE_LABEL = re.compile(r"(?:By\s|Published\b|Updated\b|Posted\b|Date\b)", re.IGNORECASE)


def header_block(doc: _Lines) -> list[int]:
    """The kept lines at the top that are all short, unpunctuated lines (headline, outlet, kind, byline, date),
    up to the first sentence of text."""
    out = []
    kept = doc.kept()[:HEADER_LINES]
    for n, i in enumerate(kept):
        s = doc.lines[i].strip()
        # the headline may end in a quote or "et al."; the lines under it are short and unpunctuated, but for a
        # standfirst of a sentence or two right under the headline when a short header line follows it
        if words(s) > 30 or n and re.search(r"[.!?;:]$", _without_clock_time(s)) and not (
                n == 1 and n + 1 < len(kept) and _short_header_line(doc.lines[kept[n + 1]].strip())):
            break
        out.append(i)
    return out


def _short_header_line(s: str) -> bool:
    """A line of at most twelve words with no sentence's end: an outlet, a byline or a date line."""
    return 0 < words(s) <= 12 and not re.search(r"[.!?;:]$", _without_clock_time(s))


def take_dateline(doc: _Lines, out: Stripped) -> None:
    """A header line that is little more than a full date (maybe with the outlet or byline): metadata."""
    block = header_block(doc)
    for i in doc.kept()[:HEADER_LINES]:
        s = doc.lines[i].strip()
        m = _FULL_DATE.search(s)
        # a byline ("By A and B, The Outlet — March 9, 2026") or a "Published ..." line may run longer, and a
        # "Published" line or a date in a block of header lines may sit right under the title
        labelled = bool(_DATE_LABEL.match(s))
        if not m or not (doc.standalone(i) or labelled or i in block[1:]) or \
                re.search(r"[.,;:]$", _without_clock_time(s)):
            continue
        if words(s.replace(m.group(0), " ")) > (14 if labelled or i in block else 8):
            continue
        out.published = out.published or normalise_date(m.group(0))
        if o := _SPECIAL_TO.search(s):
            out.outlet = out.outlet or o.group(1).strip(" -–—")
        beside = outlet_in_header_line(s)
        if beside is not None and re.fullmatch(_WRITER, beside):
            # a name shaped like a writer's beside the date, under a short line naming an outlet, is the writer's
            # ("Fjord Ledger - Comment" over "4 March, 2026 | Sigrid Haugen")
            beside = next((name for j in block[1:] if j < i and words(doc.lines[j]) <= 6 and
                           (name := outlet_in_header_line(doc.lines[j].strip()))), beside)
        out.outlet = out.outlet or beside
        # a date line on its own or labelled is taken out; one in a block of header lines stays with them
        doc.drop[i] = doc.standalone(i) or labelled
        return


def _without_clock_time(line: str) -> str:
    """The line without a time that ends it in "a.m." or "p.m." ("Friday, March 13, 2026, 7:30 p.m."), whose
    full stop ends no sentence."""
    return re.sub(r"[,\s]*\d{1,2}[:.]\d{2}\s*[ap]\.m\.$", "", line, flags=re.IGNORECASE)


_HEADER_FIELD_SEP = re.compile(r"\s+[|—–]\s+|\s+-\s+|\s*\|\s*")
_BYLINE = re.compile(r"^(?:by|interview by|photos? by|text by|reporting by)\s+", re.IGNORECASE)


def outlet_in_header_line(line: str) -> str | None:
    """The outlet's name in a header line ("Outlet | Analysis | 2 May 2026", "By A. Writer, The Outlet — May 2,
    2026", "The Outlet (translated from Russian), 2 May 2026", "The Outlet daily digest"): the first field that
    is a short capitalised name once dates, bylines, parentheses and kind words ("interview", "press release")
    are taken out."""
    kinds = patterns().header_kinds
    s = _FULL_DATE.sub(" ", line)
    s = re.sub(r"\([^()]*\)|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", " ", s, flags=re.IGNORECASE)
    for piece in _HEADER_FIELD_SEP.split(s):
        parts = [p.strip() for p in piece.split(",") if p.strip()]
        if parts and _BYLINE.match(parts[0]):
            if len(parts) == 1:  # "By Outlet staff" names the outlet; "By A. Writer" a person
                m = re.fullmatch(r"by\s+(.+?)\s+(?:staff|reporters|newsroom|desk)", parts[0], re.IGNORECASE)
                parts = [m.group(1)] if m else []
            else:
                parts = parts[1:]
        parts = [p for p in parts if not _BYLINE.match(p) and p.lower() not in ("published", "updated")]
        if not parts:
            continue
        if len(parts) >= 2 and re.fullmatch(r"[a-z]+(?: [a-z]+){0,3}", parts[1]):
            continue  # "Marta Kowalczyk, senior fellow": a writer and her role, not the outlet
        # "Skagerrak Centre, Oslo": the name before the town; "Foreign, Commonwealth and Development Office": one
        name = parts[0] if len(parts[0].split()) >= 2 else ", ".join(parts)
        name = re.sub(r"^(?:published|updated)\s+", "", name, flags=re.IGNORECASE)
        ws = name.split()
        if len(ws) > 8:
            continue
        while len(ws) > 2 and ws[-1][:1].islower():  # "Frontline Monitor daily digest"
            ws.pop()
        if _looks_like_outlet(ws, kinds):
            return " ".join(ws)
    return None


def _looks_like_outlet(ws: list[str], kinds: frozenset[str]) -> bool:
    small = {"of", "the", "and", "for", "on", "in", "&", "de", "la", "le"}
    if not ws or len(ws) > 7 or not ws[0][:1].isupper() or any(ch.isdigit() for w in ws for ch in w):
        return False
    if all(w.lower() in kinds or w.lower() in small for w in ws) or len(ws) > 1 and " ".join(ws).isupper():
        return False  # "Research Brief", "PRESS RELEASE", "Weekend Feature", "FOR IMMEDIATE RELEASE"
    if _TWO_WRITERS.fullmatch(" ".join(ws)):
        return False  # "Aino Rebane and Tom Wren, May 2026": the writers of a commentary
    return all(w[:1].isupper() or w.lower() in small for w in ws)


_WRITER = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_TWO_WRITERS = re.compile(rf"{_WRITER}\s+and\s+{_WRITER}")


_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.'’/ -]+,[^()]{0,60}?\(([^()]{2,60})\)\s*[-–—]\s")


def take_wire_dateline(doc: _Lines, out: Stripped) -> None:
    """A wire story's opening "SEOUL, Jan 14, 2025 (Example Wire) - ...": the date and the agency (the line stays:
    it is the first sentence)."""
    block = header_block(doc)
    body = [i for i in doc.kept()[:HEADER_LINES + 2] if i not in block[:1]]
    for i in body[:3]:
        m = _WIRE_DATELINE.match(doc.lines[i].strip())
        if not m:
            continue
        if d := _FULL_DATE.search(m.group(0)):
            out.published = out.published or normalise_date(d.group(0))
        ws = m.group(1).split()
        if not out.outlet and _looks_like_outlet(ws, patterns().header_kinds):
            out.outlet = m.group(1)
        return


def take_outlet(doc: _Lines, out: Stripped) -> None:
    """The outlet named on a header line of its own, under the headline ("The Lowland Chronicle")."""
    if out.outlet:
        return
    for i in header_block(doc)[1:]:
        if not _short_header_line(doc.lines[i].strip()):
            continue  # (a standfirst names no outlet)
        name = outlet_in_header_line(doc.lines[i].strip())
        if name:
            out.outlet = name
            return


_SITE_NAME = re.compile(r"(?:[A-Z][a-z]+){2,}|[\w-]+\.(?:com|net|org|info|news|media|ua|by|ru|eu|bg)")


def drop_signature(doc: _Lines, out: Stripped) -> None:
    """A last line of at most three words with no punctuation after a body paragraph: a sign-off.
    When it is one CamelCase word or a domain ("ExampleNews", "example.com") it names the outlet."""
    kept = doc.kept()
    if len(kept) >= 3:
        last, before = kept[-1], kept[-2]
        if is_heading(doc.lines[last], 3) and words(doc.lines[before]) >= 20:
            doc.drop[last] = True
            s = doc.lines[last].strip()
            if _SITE_NAME.fullmatch(s):
                out.outlet = out.outlet or s


def outlet_from_copyright(blocks: list[str]) -> str | None:
    """"Copyright © 2026 The Example Times, LLC." -> "The Example Times" (a year is required)."""
    for block in blocks:
        for line in block.split("\n"):
            m = _COPYRIGHT_OUTLET.match(line.strip())
            if m and 1 <= words(m.group("outlet")) <= 8:
                return m.group("outlet").strip(" .,")
    return None


def find_title(doc: _Lines) -> str | None:
    """The first header line shaped like a headline (3-30 words, no closing period)."""
    kept = doc.kept()
    for i in kept[:3]:
        s = doc.lines[i].strip()
        if 3 <= words(s) <= 30 and is_heading(s, 30) and len(kept) > 1:
            return s
    return None


def strip_junk(text: str, pats: Patterns | None = None) -> Stripped:
    """Remove page junk from plain text; also report title/outlet/date the text reliably states."""
    pats = pats or patterns()
    doc = _Lines(text)
    cut_comments(doc, pats)
    cut_appeal(doc, pats)
    cut_teasers(doc)
    out = Stripped(text="")
    take_dateline(doc, out)
    copyright_lines = ["\n".join(doc.lines[i] for i in doc.kept())]  # only lines not inside cut regions
    drop_story_lists(doc, pats)
    drop_furniture(doc, pats)
    take_outlet(doc, out)
    take_wire_dateline(doc, out)
    drop_duplicates(doc)
    drop_signature(doc, out)
    out.outlet = out.outlet or outlet_from_copyright(copyright_lines)
    out.title = find_title(doc)
    out.text = doc.text()
    out.removed = doc.blocks_removed()
    return out
