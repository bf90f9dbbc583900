"""Quantities with unit, rate and hedge: "up to 100,000 drones per year", "over $130 million",
"more than 80%", "12 to 18 months", "one to one and a half years", "130,000 tons"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from supplytrace.extract.pipeline import vocab_data


@dataclass
class Quantity:
    start: int
    end: int  # end of the number (and scale / percent / currency word)
    text: str
    value: float | list[float]
    unit: str | None = None
    unit_end: int | None = None  # end of the counted noun phrase ("artillery and rocket shells")
    period: str | None = None
    hedge: str | None = None
    head: int | None = None  # token index of the counted noun (or of the number)


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    q = vocab_data("quantities")
    hedges = "|".join(sorted((re.escape(h) for h in q["hedges"]), key=len, reverse=True))
    scales = "|".join(sorted((re.escape(s) for s in q["scales"]), key=len, reverse=True))
    signs = sorted((re.escape(c) for c in q["currencies"] if not c.isalpha()), key=len, reverse=True)
    codes = sorted(c for c in q["currencies"] if c.isalpha() and c.isupper())  # "CNY 486 million", "EUR 40m"
    cur = "|".join(signs + [rf"(?-i:\b(?:{'|'.join(codes)})(?=\s?\d))"])
    words = "|".join(sorted((re.escape(w) for w in q["number_words"]), key=len, reverse=True))
    pct = r"(?:\s?%|\s+percent\b|\s+per\s+cent\b)"
    counts = "|".join(sorted((re.escape(w) for w in q["count_words"]), key=len, reverse=True))
    fracs = "|".join(sorted((re.escape(w) for w in q["fractions"]), key=len, reverse=True))
    mults = "|".join(sorted((re.escape(w) for w in q["multipliers"]), key=len, reverse=True))
    return {
        # "doubled", "twice as many", "threefold", "three times as many", "a 5-fold rise"
        # (also "three times what X paid", "twelvefold", and after a verb of growth "grown five times since 2023")
        "multiple": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?\b(?:(?P<m>{mults})|(?P<n>{words}|\d+(?:\.\d+)?)"
                               rf"(?:[\s\-]?fold|\s+times\s+(?=as\b|more\b|higher\b|larger\b|the\b|what\b)|"
                               rf"\s+times\s+(?P<since>(?=since\b|over\b))))\b", re.I),
        # "one in five helicopters": a share
        "one_in": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?\bone\s+(?:[a-z]\w*\s+){{0,2}}in\s+"
                             rf"(?P<n>{words}|\d{{1,2}})\b", re.I),
        "count": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?\b(?P<w>{counts})\b(?![\-–])", re.I),
        "fraction": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?\b(?P<w>{fracs})\s+(?=of\b|the\b|its\b|their\b|all\b)",
                               re.I),
        # "raise output by a quarter", "fell to perhaps a third": a share after "by" / "to"
        "fraction_by": re.compile(rf"\b(?:by|to)\s+(?:(?P<hedge>{hedges})\s+)?\b(?P<w>{fracs})\b(?!\s+of\b)", re.I),
        # "ten to twelve aircraft", "two to three shifts": a range in number words before a lower-case word
        "word_range": re.compile(rf"(?<!\bfrom )(?:(?P<hedge>{hedges})\s+)?\b(?P<a>{words})\s+to\s+(?P<b>{words})\b"
                                 rf"(?=\s+(?-i:[a-z]))", re.I),
        "words": re.compile(rf"\b(?P<w>{words})[\s\-]+(?P<scale>{scales})\b", re.I),
        "before_words": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?(?P<cur>{cur})?\s?$", re.I),
        "range": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?(?P<a>{_NUM}|{words})\s*(?:to|–|—|-)\s*(?P<b>{_NUM}|{words})"
                            rf"(?P<pct>{pct})?(?=\s+(?:months?|years?|weeks?|days?|percent|%))", re.I),
        "num": re.compile(rf"(?:(?P<hedge>{hedges})\s+)?(?P<cur>{cur})?\s?(?P<n>{_NUM})(?:\s?(?P<scale>{scales})\b)?"
                          rf"(?P<pct>{pct})?", re.I),
    }


def number_value(s: str) -> float | None:
    """A number written in digits ("1,200") or as a word ("three")."""
    q = vocab_data("quantities")
    s = s.strip().lower()
    if s in q["number_words"]:
        return float(q["number_words"][s])
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _after_word(text: str, pos: int, words: list[str]) -> bool:
    """Whether the text just before `pos` ends with one of `words` ("the two plants", "the first half")."""
    before = text[max(0, pos - 20):pos].lower()
    return any(re.search(rf"(?:^|\W){re.escape(w)}\s+$", before) for w in words)


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def find_quantities(doc: Doc, text: str, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers that count or measure something; `skip` holds spans already read as dates."""
    q = vocab_data("quantities")
    pats = _patterns()
    out: list[Quantity] = []
    taken = list(skip)

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for m in [*pats["range"].finditer(text), *pats["word_range"].finditer(text)]:
        if not free(m.start(), m.end()):
            continue
        a, b = number_value(m.group("a")), number_value(m.group("b"))
        if a is None or b is None or a >= b:
            continue
        tail = text[m.end():m.end() + 20]
        um = re.match(r"\s+(\w+)", tail)
        unit = um.group(1).lower() if um else None
        unit = q["time_units"].get(unit, unit)
        if m.groupdict().get("pct"):
            unit = "percent"
        taken.append((m.start(), m.end()))
        out.append(Quantity(m.start(), m.end(), m.group(0), [a, b], unit, m.end() + (um.end() if um else 0),
                            hedge=(m.group("hedge") or "").lower() or None))
    for m in pats["words"].finditer(text):  # "two thousand rockets", "a dozen trucks" are left alone
        if not free(m.start(), m.end()):
            continue
        n = number_value(m.group("w"))
        if n is None or len(m.group("scale")) < 4:
            continue
        value = n * q["scales"][m.group("scale").lower()]
        lo = max(0, m.start() - 30)
        b = pats["before_words"].search(text, lo, m.start())  # a hedge or a currency sign just before
        start = lo + b.start() if b and (b.group("hedge") or b.group("cur")) else m.start()
        start = start if free(start, m.end()) else m.start()
        cur = b.group("cur") if b and start < m.start() else None
        hedge = (b.group("hedge") or "").lower() or None if b and start < m.start() else None
        taken.append((start, m.end()))
        out.append(Quantity(start, m.end(), text[start:m.end()], value, q["currencies"][cur] if cur else None,
                            hedge=hedge))
    for m in [*pats["fraction"].finditer(text), *pats["fraction_by"].finditer(text)]:
        # "about half of the parts", "a third of its output", "by a quarter": a share
        if not free(m.start(), m.end()) or _after_word(text, m.start("w"), q["fraction_not_after"]):
            continue
        hedge = (m.group("hedge") or "").lower() or None
        start = m.start("hedge") if hedge else m.start("w")
        taken.append((start, m.end("w")))
        out.append(Quantity(start, m.end("w"), text[start:m.end("w")], float(q["fractions"][m.group("w").lower()]),
                            "percent", hedge=hedge))
    out += _multiples(doc, text, pats, q, free, taken)
    for m in pats["count"].finditer(text):  # "seven ships": a number word that counts the noun after it
        if not free(m.start(), m.end()) or _after_word(text, m.start("w"), q["count_not_after"]):
            continue
        tok = _token_at(doc, m.end("w") - 1)
        if tok is None or tok.dep_ not in ("nummod", "quantmod") or tok.head.i <= tok.i \
                or tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.lower_ in q["time_units"] \
                or tok.head.lower_ in q["count_not_nouns"]:
            continue  # "for three years" is a duration, "two kinds of" a classification, not a count
        if tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.lemma_.lower() in \
                vocab_data("claims")["attribution_verbs"]:
            continue  # "two officials said": who is speaking, not a figure
        n = number_value(m.group("w"))
        if n is None:
            continue
        hedge = (m.group("hedge") or "").lower() or None
        start = m.start("hedge") if hedge else m.start("w")
        taken.append((start, m.end("w")))
        out.append(Quantity(start, m.end("w"), text[start:m.end("w")], n, hedge=hedge))
    for m in pats["num"].finditer(text):
        if not free(m.start("n"), m.end("n")):
            continue
        n = number_value(m.group("n"))
        if n is None:
            continue
        nstart = m.start("n")
        # not part of a designator, a calibre, a date or an ordinal
        before = text[max(0, nstart - 1):nstart]
        after = text[m.end():m.end() + 12]
        if before in "-–" and before or re.match(r"[A-Za-z]", before or " "):
            continue
        if re.fullmatch(r"\d:", text[max(0, nstart - 2):nstart]) or re.match(r":\d", text[m.end("n"):m.end("n") + 2]):
            continue  # a clock time or a ratio ("02:40", "3:1")
        if re.match(r"\s?(?:mm|millimet|-millimet|st\b|nd\b|rd\b|th\b|-year|-month)", after, re.I):
            continue
        if re.match(r"[\-–]?[A-Za-z]", text[m.end("n"):m.end("n") + 1] or " ") and not m.group("scale") \
                and not m.group("pct"):
            continue
        if not m.group("cur") and not m.group("scale") and not m.group("pct") and 1900 <= n <= 2100 \
                and "," not in m.group("n"):
            continue  # a year
        value = n * q["scales"].get((m.group("scale") or "").lower(), 1)
        unit = None
        if m.group("pct"):
            unit = "percent"
        elif m.group("cur"):
            unit = q["currencies"][m.group("cur")]
        start = m.start("hedge") if m.group("hedge") else (m.start("cur") if m.group("cur") else nstart)
        taken.append((start, m.end()))
        out.append(Quantity(start, m.end(), text[start:m.end()], value, unit,
                            hedge=(m.group("hedge") or "").lower() or None))
    out.sort(key=lambda x: x.start)
    _attach_units(doc, text, out)
    return out


GROWN_BEFORE = re.compile(r"\b(?:grown|grew|grow|grows|risen|rose|rise|rises|increased|expanded|climbed|jumped)"
                          r"(?:\s+by)?\s*$", re.I)


def _multiples(doc: Doc, text: str, pats: dict[str, re.Pattern[str]], q: dict, free, taken: list) -> list[Quantity]:
    """Growth as a multiple ("output doubled", "twice as many", "roughly threefold") in "times", and a share as
    "one in five" in percent."""
    out = []
    for m in pats["multiple"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        word = (m.group("m") or "").lower()
        if word in q["multiplier_verbs"]:
            tok = _token_at(doc, m.start("m"))
            if tok is None or tok.pos_ != "VERB":
                continue  # "double shifts", "a triple role"
        if word == "twice" and not re.match(r"\s+as\b", text[m.end():m.end() + 4]):
            continue  # "struck twice": how often, not how much
        if m.group("since") is not None and not GROWN_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "visited five times since 2023": how often; "exports had grown five times since 2023"
        n = q["multipliers"][word] if word else number_value(m.group("n"))
        if not n or n < 2 and word != "double":
            continue
        hedge = (m.group("hedge") or "").lower() or None
        start = m.start("hedge") if hedge else m.start("m" if word else "n")
        end = start + len(text[start:m.end()].rstrip())
        taken.append((start, end))
        out.append(Quantity(start, end, text[start:end], float(n), "times", hedge=hedge))
    for m in pats["one_in"].finditer(text):
        n = number_value(m.group("n"))
        if not free(m.start(), m.end()) or not n or n < 2:
            continue
        hedge = (m.group("hedge") or "").lower() or None
        start = m.start("hedge") if hedge else m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        taken.append((start, m.end()))
        out.append(Quantity(start, m.end(), text[start:m.end()], round(100 / n, 1), "percent", hedge=hedge))
    return out


RATE_BEFORE = re.compile(r"\b(annual|yearly|monthly|weekly|daily)\s+(?:production\s+)?(?:capacity|output|production)\b",
                         re.I)


NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr"})


def _currency_code(words: str, unit: str, next_word: str = "") -> str:
    """"US dollars" -> USD, "Belarusian roubles" -> BYN, "roubles" -> RUB; any other unit as it is ("2,000 pounds of
    explosives" is a weight, not money)."""
    q = vocab_data("quantities")
    words = words.lower().removeprefix("of ").strip()
    if words in q["currency_phrases"]:
        return q["currency_phrases"][words]
    last = words.split()[-1] if words.split() else ""
    if last == "pounds" and next_word.lower() == "of":
        return unit
    return q["currencies"][last] if last.isalpha() and last in q["currencies"] else unit


def _partitive_noun(num: Token) -> Token | None:
    """The goods a number counts out of: "30 of these engines", "five of the launchers"."""
    for prep in num.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == num.i + 1:
            for g in prep.children:
                if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.tag_ == "NNS" and \
                        any(d.dep_ in ("det", "poss") for d in g.children):
                    return g
    return None


def _attach_units(doc: Doc, text: str, qs: list[Quantity]) -> None:
    """The counted noun ("100,000 drones", "500 Belarusian companies", "130,000 tons of ammunition"), and a rate."""
    q = vocab_data("quantities")
    periods = vocab_data("claims")["rate_periods"]
    rate_re = re.compile(r"\b(" + "|".join(sorted(map(re.escape, periods), key=len, reverse=True)) + r")\b", re.I)
    for x in qs:
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        if span is None:
            continue
        num_tok = span[-1]
        while num_tok.i > span.start and not num_tok.like_num and num_tok.lower_ not in q["scales"] \
                and num_tok.text not in ("%",):
            num_tok = doc[num_tok.i - 1]
        head = num_tok
        if x.unit is None or x.unit in set(q["currencies"].values()):
            # the noun this number counts: head of a nummod, or the next noun
            h = num_tok
            for _ in range(3):
                if h.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and h.head.i > h.i:
                    h = h.head
                else:
                    break
            # the counted word, also when the tagger took it for a verb ("20,000 large-calibre rounds" as dobj)
            nominal = h.pos_ in ("NOUN", "PROPN") or h.pos_ == "VERB" and h.dep_ in NOMINAL_DEPS and \
                h.lower_.endswith("s")
            if nominal and h.i != num_tok.i:
                head = h
            elif num_tok.i + 1 < len(doc) and doc[num_tok.i + 1].pos_ in ("NOUN", "PROPN"):
                head = doc[num_tok.i + 1]
            elif x.unit is None and (part := _partitive_noun(num_tok)) is not None:
                head = part  # "about 30 of these engines a month"
            if head.lower_ in vocab_data("dates")["now_words"]:
                head = num_tok  # "up from about 2,000 today": when, not what it counts
            if head.i != num_tok.i and x.unit is None and doc[num_tok.i + 1].lower_ == "times":
                # "1.6 times the price paid": a multiple of what follows, not a count of it
                x.unit, head = "times", doc[num_tok.i + 1]
                x.unit_end = head.idx + len(head.text)
            elif head.i != num_tok.i and x.unit is None:
                first = num_tok.i + 1
                if doc[first].lower_ == "of":  # (the goods of a partitive, after its determiner)
                    first += 1
                while first < head.i and (doc[first].ent_type_ == "NORP" or doc[first].pos_ in ("DET", "ADJ")
                                          and doc[first].lower_ not in ("artillery",)):
                    first += 1
                if first - 1 > num_tok.i and doc[first].text == "-":
                    first -= 1  # "large-calibre rounds": the adjective belongs to the hyphenated word
                x.unit = doc[first:head.i + 1].text if first <= head.i else head.text
                x.unit = q["measure_units"].get(x.unit.lower(), x.unit)
                x.unit = _currency_code(doc[num_tok.i + 1:head.i + 1].text, x.unit,
                                        doc[head.i + 1].text if head.i + 1 < len(doc) else "")
                x.unit_end = head.idx + len(head.text)
        x.head = head.i
        sent = doc[num_tok.i].sent
        rest = text[x.end:sent.end_char]
        m = rate_re.search(rest[:80])
        # the rate of this figure, not of the next one ("ordered 39 ... a rate of 18 a year"), and not an
        # adjective of something else ("according to its annual report")
        between = re.sub(r"^\s*(?:-|–|to|and)\s*[\d.,]+", "", rest[:m.start()]) if m else ""  # "30-40 trucks"
        # another figure standing alone in between (not a designator's digits, "Orlan-10")
        other = re.search(r"(?<![\w\-])\d[\d.,]*(?![\w\-])", between)
        if m and not re.search(r"[;]|\.(?!\d)", between) and not other and m.group(1).lower() != "annual":
            x.period = periods[m.group(1).lower()]
        else:  # "annual capacity ... is estimated at 12,000 tonnes"
            m = RATE_BEFORE.search(text[sent.start_char:x.start])
            if m:
                x.period = periods[m.group(1).lower()]
        if x.unit == "times":
            x.period = None  # "twice as many as a year before": a comparison, not a rate
        if x.unit_end is None:
            x.unit_end = x.end
