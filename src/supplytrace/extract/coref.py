"""Within-article coreference of names: mentions -> document entities with aliases.

Rules, all generic:
- the same normalised name (legal forms, quotes, "the", possessives, cue nouns dropped) is one entity;
- "Long Name (ACR)" / "ACR (Long Name)" makes the acronym an alias;
- "X — known in Russia as Y", "X, also known as Y", "X, known by its initials Y" makes Y an alias of X;
- a person's surname alone, or with a title ("Mr. Luhovskyi"), is that person;
- a shorter name that is a leading/trailing part of a longer organisation or facility name is that name;
- "Shaheds" is the plural of the weapon "Shahed-136";
- unnamed facilities described by the same product words, not placed in different places, are one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache, lru_cache
from itertools import pairwise

from supplytrace.extract.gazetteer import is_city, is_country
from supplytrace.extract.mentions import QUOTES, Cand, headline_lines, norm_word, vocab
from supplytrace.extract.pipeline import vocab_data, word_set
from supplytrace.vocab import EntityType

E = EntityType
TIE_RANK = {E.WEAPON_SYSTEM: 6, E.PLACE: 5, E.PERSON: 4, E.ORGANIZATION: 3, E.FACILITY: 2, E.PRODUCT: 1}
TYPE_RANK = {E.WEAPON_SYSTEM: 6, E.PERSON: 5, E.FACILITY: 4, E.ORGANIZATION: 3, E.PLACE: 2, E.PRODUCT: 1}


@cache
def _drop_words() -> tuple[frozenset[str], frozenset[str]]:
    v = vocab()
    return frozenset(x.lower() for x in v.legal_forms), frozenset(t.lower().rstrip(".") for t in v.titles)


@cache
def _suffix_forms() -> tuple[tuple[str, ...], ...]:
    """Legal forms written after a name, as lower-case word sequences ("Co., Ltd." -> ("co", "ltd"))."""
    forms = {tuple(re.sub(r"[^\w]+", " ", f).lower().split()) for f in vocab_data("names")["legal_forms_after"]}
    return tuple(sorted((f for f in forms if f), key=len, reverse=True))


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Lower-case, quotes and punctuation out, legal forms and leading 'the' out (kept per name: the grouping and
    matching rules ask for the same names many times)."""
    legal, titles = _drop_words()
    s = unicodedata.normalize("NFKC", name)
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(f"[{re.escape(QUOTES)}]", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    words = s.split()
    while words and (words[0].lower() in legal or words[0].lower() == "the" or words[0].lower() in titles):
        words = words[1:]
    low = [w.lower() for w in words]
    stripped = True
    while stripped:
        stripped = False
        for f in _suffix_forms():
            if len(low) > len(f) and tuple(low[-len(f):]) == f:
                words, low, stripped = words[:-len(f)], low[:-len(f)], True
                break
    while words and words[-1].lower() in legal:
        words = words[:-1]
    return " ".join(w.lower() for w in words)


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w]+", "-", s).strip("-")
    return s or "entity"


def unique_slug(name: str, taken: set[str]) -> str:
    """The entity key for `name`: its slug, numbered ("-2", "-3") past the keys already taken; recorded as taken."""
    key = base = slug(name)
    n = 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, a: int) -> int:
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


# works nouns that Russian and Belarusian acronyms write as Z, for "zavod": "MTZ" for the Minsk Tractor Works
ZAVOD_WORDS = word_set("coref", "zavod_words")


def _acronym_of(long: str, short: str) -> bool:
    """Whether `short` is the initials of `long`: its capitalised words', all its words', or with a works noun
    read as "zavod" ("MAZ", "Minsk Automobile Plant"; "BAZ", "Bryansk Automobile Plant")."""
    words = [w for w in re.split(r"[\s\-]+", long) if w and w[0].isalpha()]
    initials = "".join(w[0] for w in words if w[0].isupper())
    zavod = "".join("Z" if w.lower() in ZAVOD_WORDS else w[0] for w in words if w[0].isupper())
    return short.upper() in (initials.upper(), "".join(w[0] for w in words).upper(), zavod.upper())


PLACED_OR_DESCRIBED = re.compile(r"\s+in\s+[A-Z]|,\s+(?:the|a|an)\s+[a-z]")
KNOWN_BY_INITIALS = re.compile(r"\b[Kk]nown(?: [a-z]+ly)?(?: in [A-Z]\w+)? by (?:its|the)(?: [A-Z]?[a-z]+)? "
                               r"(?:initials|acronym|abbreviation)\s+([A-ZА-Я][A-ZА-Я0-9\-]{1,9})\b")
SPELT_AS = re.compile(r",?\s+(?:which |who |whose name )?(?:is |are )?(?:also |sometimes |often |usually )?(?:"
                      r"(?:written|spelt|spelled|transliterated|rendered)(?: in [A-Z][a-z]+)?(?: as)?|"
                      r"appears? (?:in (?:[A-Za-z]+ ){0,2}[a-z]+ )?as)\s+")
SPELLING = re.compile(r"[A-ZА-Я][\w\-]+(?: [a-zа-я][\w\-]+){0,4}(?=[,;:)]|\.(?:\s|$)|\s+in\s)")
# "the Russian spelling of his name, Y", "(Belarusian: Y)": another spelling of a name said before
SPELLING_OF = re.compile(r"\b(?:spelling|transliteration|rendering|form) of (?:his|her|its|their|the) name,?\s+"
                         r"|\((?:in )?(?:Russian|Belarusian|Ukrainian|Kazakh|Uzbek|Tajik)[:,]\s+")
SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
# "X, a Samara importer whose papers call it Y", "X, which calls itself Y", "X, trading as Y": Y names X too
CALLS_ITSELF = re.compile(r"(?:,|\s+\()[^.;:()\n]{0,60}?\b(?:(?:which|who|whose(?:\s+[\w\-]+){1,3})\s+"
                          r"(?:now\s+|also\s+|sometimes\s+)?calls?\s+(?:it|itself)|trading|trades|doing business)"
                          r"\s+(?:as\s+)?(?=[A-ZА-Я])")
CAPITALISED_RUN = re.compile(r"[A-ZА-Я][\w&\-]*(?:\s+[A-ZА-Я][\w&\-]*){1,5}")
AS_IT_IS_CALLED = re.compile(r",\s+as\s+(?:the\s+(\w+)|it)\s+is\s+(?:\w+ly\s+)?(?:called|known)\b")


def group(cands: list[Cand], text: str) -> list[dict]:
    """Union mentions into entity groups; returns dicts with mentions, type, name, aliases."""
    n = len(cands)
    uf = _UF(n)
    norms = [norm(c.text) for c in cands]
    by_norm: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        if not norms[i]:
            continue
        key = norms[i] if c.layer != "product" else _product_key(c.text)
        by_norm[(c.layer, key)].append(i)
    names = [i for i, c in enumerate(cands) if c.layer == "name"]
    for idx in by_norm.values():
        # ("the Stolin plant" and the town "Stolin" share a word, not a referent: a name read with a works noun
        # joins the same word written as a place only through the enterprise's full name, when the article
        # writes one that opens with that word, and never where the word owns something: "Vyatka's director")
        cued = [i for i in idx if cands[i].source == "org-cue"]
        rest = [i for i in idx if cands[i].source != "org-cue"]
        apart = cued and any(cands[i].type is E.PLACE for i in rest) and \
            not any(text.startswith("'s", cands[i].end) for i in rest) and \
            any(_full_name_of_short_plant(cands, i, names) is not None for i in cued)
        for part in ([cued, rest] if apart else [idx]):
            for j in part[1:]:
                uf.union(part[0], j)
    # cue-noun aliases ("Integral plant") make their base names join
    alias_norm: dict[str, int] = {}
    for i in names:
        for a in cands[i].aliases:
            alias_norm.setdefault(norm(a), i)
    for i in names:
        j = alias_norm.get(norms[i])
        if j is not None and cands[j].type is not E.WEAPON_SYSTEM:
            uf.union(i, j)
    for i in names:
        j = _full_name_of_short_plant(cands, i, names)
        if j is not None:
            uf.union(i, j)
    # acronym definitions in parentheses
    for i in names:
        c = cands[i]
        m = re.match(r"\s*\(\s*([^()\n]{2,60}?)\s*\)", text[c.end:c.end + 70])
        if not m:
            continue
        inner = m.group(1).strip()
        if (both := re.fullmatch(r"([A-ZА-Я][A-ZА-Я0-9\-]{1,9}),\s+or\s+([A-ZА-Я][\w\- ]+)", inner)) is not None:
            inner = both.group(1)  # "(NKZ, or Novocherkasskiy kompozitnyi zavod)": initials and a transliteration
            c.aliases.append(both.group(2))
        inner_norm = norm(inner)
        # (also a mixed-case acronym: "BZTDiA", "KumAPP", "KamAZ")
        inner_is_acr = bool(re.fullmatch(r"[A-ZА-Я][A-ZА-Я0-9\-]{1,9}s?", inner) or
                            re.fullmatch(r"[A-ZА-Я]{2,}[a-zа-я]{1,2}[A-ZА-Я]{1,3}|[A-ZА-Я][a-zа-я]{1,3}[A-ZА-Я]{2,4}",
                                         inner))
        self_is_acr = bool(re.fullmatch(r"[A-ZА-Я][A-ZА-Я0-9\-]{1,9}", c.text))
        # "the State Authority for Military Industry (Goskomvoenprom)", "Viciebsk (Vitebsk)": one word in
        # parentheses after a name is another name of the same kind of thing
        short_name = bool(re.fullmatch(r"[A-ZА-Я][a-zа-я\-]{3,}", inner)) and (
            c.type is E.PLACE or c.type is E.ORGANIZATION and len(norms[i].split()) >= 2)
        if not (inner_is_acr or self_is_acr or short_name) or inner_norm == norms[i]:
            continue
        if c.type is E.PLACE and inner_is_acr and not _acronym_of(c.text, inner):
            continue  # "KHUJAND, Tajikistan (CWS) -": a wire service's initials after a dateline, no name of the place
        if short_name and c.type is E.ORGANIZATION and (is_city(inner) or is_country(inner)):
            continue  # "Volna Optics (Orsha)": where the company is, not another name of it
        if short_name and not inner_is_acr:
            same = [j for j in names if norms[j] == inner_norm and j != i and
                    (cands[j].type is E.PLACE) == (c.type is E.PLACE)]
            for j in same:
                uf.union(i, j)
                if c.type is E.ORGANIZATION and cands[j].type is E.PERSON and cands[j].source == "model":
                    cands[j].type = E.ORGANIZATION  # "Finnish Customs (Tulli)": a body's other name, no surname
            if not same and not any(norms[j] == inner_norm for j in names):
                c.aliases.append(inner)
            continue
        target = [j for j in names if norms[j] == inner_norm and j != i]
        for j in target:
            if cands[j].type is not E.PLACE or cands[i].type is E.PLACE:
                uf.union(i, j)
            elif inner_is_acr and cands[j].start == c.end + m.start(1) - 0 and cands[i].type is E.ORGANIZATION:
                cands[j].type = E.ORGANIZATION  # "Institute (MNIPI)": the acronym right after is the name's
                uf.union(i, j)
        if not target:
            c.aliases.append(inner)
    # "X — known in Russia as Y", "X, also known as Y", "X, better known as Y"; another spelling: "X, also written
    # Y in Belarusian", "X, sometimes spelt Y", "X, which also appears in Russian records as Y"
    for a_i, i in enumerate(names):
        c = cands[i]
        tail = text[c.end:c.end + 60]
        m = re.match(r"(?:\s+[a-z]+){0,2}[\s,—–\-(]*"
                     r"(?:also |now |formerly |widely |locally |better |best |commonly |usually )?"
                     r"(?:known|referred to|called|designated|dubbed)"
                     r"(?: in [A-Z][\w\-]*(?: [a-z][\w\-]*){0,2}| locally| widely)? as\s+", tail) \
            or SPELT_AS.match(tail)
        if not m:
            continue
        if c.type is E.PLACE and re.match(r"\s+[a-z]", tail):
            continue  # "an Istanbul trading company also known as Y": the place only modifies the noun
        pos = c.end + m.end()
        for j in names[a_i + 1:a_i + 4]:
            if cands[j].start == pos:
                uf.union(i, j)
                break
        spelling = SPELLING.match(text, pos) if m.re is SPELT_AS else None
        if spelling and not any(cands[j].start == pos and cands[j].end >= spelling.end() for j in names):
            c.aliases.append(spelling.group(0))  # (a transliteration in lower case: "Tulskiy zavod priborov")
    _join_other_spellings(cands, names, text, uf)
    for a_i, i in enumerate(names):
        m = CALLS_ITSELF.match(text, cands[i].end)
        if m is None or cands[i].type not in (E.ORGANIZATION, E.FACILITY):
            continue
        same = next((j for j in names[a_i + 1:a_i + 4] if cands[j].start == m.end()), None)
        if same is not None and cands[same].type in (E.ORGANIZATION, E.FACILITY):
            uf.union(i, same)
        elif same is None and (other := CAPITALISED_RUN.match(text, m.end())) is not None:
            cands[i].aliases.append(other.group(0))  # (a name the model left untagged)
    # "The Ufa Engine-Building Production Association, or UMPO, ...": an acronym after ", or" is another name of the
    # organisation (its initials in another language, so no test of the letters)
    for a_i, i in enumerate(names):
        c = cands[i]
        m = OR_ACRONYM.match(text, c.end)
        if not m or c.type not in (E.ORGANIZATION, E.FACILITY) or len(norms[i].split()) < 2:
            continue
        same = [j for j in names[a_i + 1:a_i + 3] if cands[j].start == m.start(1)]
        for j in same:
            uf.union(i, j)
            cands[j].type = c.type
        if not same:
            c.aliases.append(m.group(1))
    # "X, known by its initials Y", "Known by its Russian initials Y, the company ...": Y is another name of the
    # organisation named last before the phrase
    for m in KNOWN_BY_INITIALS.finditer(text):
        before = [i for i in names if cands[i].end <= m.start() and m.start() - cands[i].end < 400 and
                  cands[i].type is E.ORGANIZATION]
        if not before:
            continue
        i, acronym = before[-1], m.group(1)
        same = [j for j in names if norms[j] == norm(acronym)]
        for j in same:
            uf.union(i, j)
            cands[j].type = cands[i].type
        if not same:
            cands[i].aliases.append(acronym)
    # "BEMZ, as the plant is usually called": another name of the enterprise named before with that noun
    for a_i, i in enumerate(names):
        m = AS_IT_IS_CALLED.match(text, cands[i].end)
        if not m:
            continue
        noun = (m.group(1) or "").lower()
        before = [j for j in names[:a_i] if cands[j].type in (E.ORGANIZATION, E.FACILITY) and
                  cands[i].start - cands[j].end < 1500 and uf.find(j) != uf.find(i)]
        fits = [j for j in before if not noun or norms[j].split()[-1:] == [noun]] or \
            [j for j in before if noun in ("company", "enterprise", "firm") and cands[j].type is E.ORGANIZATION]
        if fits:
            uf.union(i, fits[-1])
            cands[i].type = cands[fits[-1]].type
    # "Alena Kavalchuk of X said ... Kavalchuk added": a two-word name the model called an organisation or a place,
    # with no word of a company's, is a person's when its last word is used alone as a person's name
    surnames = {norms[i] for i in names if cands[i].type is E.PERSON and len(norms[i].split()) == 1}
    company_words = vocab().org_name_words | vocab().org_cues | vocab().facility_heads
    for j in names:
        words = cands[j].text.split()
        if cands[j].type in (E.ORGANIZATION, E.PLACE) and cands[j].source == "model" and len(words) == 2 and \
                norms[j].split()[-1] in surnames and all(w[:1].isupper() and w.isalpha() for w in words) and \
                not {w.lower() for w in words} & company_words:
            cands[j].type = E.PERSON
    # persons: surnames and titled surnames
    persons = [i for i in names if cands[i].type is E.PERSON and len(norms[i].split()) >= 2]
    for i in names:
        words = norms[i].split()
        if len(words) != 1:
            continue
        for j in persons:
            if norms[j].split()[-1] == words[0] and cands[i].type in (E.PERSON, E.ORGANIZATION, E.PLACE):
                uf.union(i, j)
                cands[i].type = E.PERSON
                break
    # "Gennady Petrovich" after "Gennady Petrovich Lobanov": a first name and patronymic (or a name without the
    # surname) are the person named in full
    for i in persons:
        words = norms[i].split()
        longer = [j for j in persons if len(norms[j].split()) > len(words) and norms[j].split()[:len(words)] == words]
        if len(words) == 2 and len({norms[j] for j in longer}) == 1:
            uf.union(i, longer[0])
    # short forms that are a part of a longer organisation / facility name
    longs = [i for i in names if cands[i].type in (E.ORGANIZATION, E.FACILITY) and len(norms[i].split()) >= 2]
    # an acronym written without its name in brackets: the one enterprise whose initials it is ("MTZ" for the Minsk
    # Tractor Works named elsewhere in the article)
    for i in names:
        short = cands[i].text
        if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 6) or cands[i].type is E.PERSON:
            continue
        # (two letters only for a two-word name: "EU" for "European Union")
        # (a union of states too, which the model may call a place: "EU", "European Union"; "UAE")
        hits = {uf.find(j) for j in names if cands[j].type in (E.ORGANIZATION, E.PLACE) and
                len(norms[j].split()) >= 2 and _acronym_of(cands[j].text, short) and
                (len(short) > 2 or len(cands[j].text.split()) == 2)}
        if len(hits) == 1 and uf.find(i) not in hits:
            uf.union(i, hits.pop())
    # (not a name written elsewhere as a place: "Bryansk" is the town, whatever the model said of one mention)
    places = {uf.find(j) for j in names if cands[j].type is E.PLACE}
    for i in names:
        w = norms[i]
        after_city = any(_after_its_city(cands[j].text, w) for j in longs)
        # (the model may call that word a place too, when no gazetteer knows it as one: "Lightline did not reply")
        misread = after_city and cands[i].type is E.PLACE and not is_city(cands[i].text) and \
            not is_country(cands[i].text)
        if len(w) < 4 or cands[i].type in (E.PLACE, E.WEAPON_SYSTEM) and not misread or len(w.split()) > 2 or \
                uf.find(i) in places and not misread:
            continue
        # (a one-word "person" only as the name a company is called by after its city; a two-word one as the
        # first words of a longer company name: "Orchid Link" for "Orchid Link Electronics Pte Ltd")
        if cands[i].type is E.PERSON and not after_city and not (
                len(w.split()) == 2 and any(norms[j].startswith(w + " ") and len(norms[j].split()) >= 3 and
                                            cands[j].type is E.ORGANIZATION for j in longs)):
            continue
        fits = [j for j in longs if j != i and norms[j] != w
                and (norms[j].startswith(w + " ") or norms[j].endswith(" " + w) or _after_its_city(cands[j].text, w))
                and not _site_of(cands[j].text, w)]
        hits = {uf.find(j) for j in fits}
        cues = {norm(a).split()[-1] for a in cands[i].aliases if norm(a).startswith(w + " ")}
        if len(hits) > 1 and cues:  # "the Ural plant": of "Ural Automotive Plant" and "Ural Typhoon", the plant
            hits = {uf.find(j) for j in fits if norms[j].split()[-1] in cues}
        if len(hits) == 1:
            uf.union(i, hits.pop())
            if cands[i].type is E.PERSON:
                cands[i].type = E.ORGANIZATION  # (the model's guess at the short form yields to the company's)
    # weapon plurals and short forms: "Shaheds", "Shahed" -> "Shahed-136"
    weapons = [i for i in names if cands[i].type is E.WEAPON_SYSTEM]
    # ... but not a company's acronym ("BAZ" of the Bryansk Automobile Plant is no short form of "BAZ-6909")
    named_enterprises = {uf.find(j) for j in longs}
    # (nor a maker named where it is or what it is: "KAMAZ in Naberezhnye Chelny" is no short form of "KAMAZ-5350")
    placed = {norms[i] for i in names if cands[i].type is E.ORGANIZATION and
              PLACED_OR_DESCRIBED.match(text, cands[i].end)}
    for i in names:
        if cands[i].type is E.WEAPON_SYSTEM and "-" in cands[i].text:
            continue
        if cands[i].priority >= 4 and cands[i].type is not E.WEAPON_SYSTEM or uf.find(i) in named_enterprises or \
                norms[i] in placed:
            continue
        t = cands[i].text
        base = t[:-1] if t.endswith("s") else t
        for j in weapons:
            parts = re.split(r"[\s\-]", cands[j].text)
            prefix = parts[0]
            # ... or its name after the designator: "Vityaz" for "S-350 Vityaz"
            # (without its variant letters: "Koalitsiya" for "2S35 Koalitsiya-SV")
            last = re.sub(r"-[A-Z][A-Z0-9]{0,2}$", "", cands[j].text).split(" ")[-1]
            named = last if " " in cands[j].text and last.isalpha() and len(last) >= 4 else None
            if j != i and (len(prefix) >= 3 and prefix in (t, base) and prefix != cands[j].text or
                           named is not None and named in (t, base)):
                uf.union(i, j)
                cands[i].type = E.WEAPON_SYSTEM
                break
    # "the 2S19 Msta-S", "the 9K720 Iskander-M": an index written right before the system's name is that system;
    # and "T-14" alone is the "T-14 Armata" named elsewhere
    for i, j in pairwise(weapons):
        if cands[i].text[:1].isdigit() and text[cands[i].end:cands[j].start] == " ":
            uf.union(i, j)
    for i in weapons:
        longer = {uf.find(j) for j in weapons if cands[j].text.startswith(cands[i].text + " ")}
        if len(longer) == 1:
            uf.union(i, longer.pop())
        # ... and "Nona-S" alone is the "2S9 Nona-S" named elsewhere: its name after the index
        indexed = {uf.find(j) for j in weapons if cands[j].text.endswith(" " + cands[i].text) and
                   cands[j].text[:1].isdigit()}
        if len(indexed) == 1:
            uf.union(i, indexed.pop())
    # "Mi-8" and "Mi-8s" for the one variant the article names ("Mi-8MTV-5"): a designator that only a letter
    # suffix separates from a single longer one is that one
    for i in weapons:
        t = cands[i].text
        base = t[:-1] if t.endswith("s") and t[-2:-1].isdigit() else t
        if not re.search(r"\d$", base):
            continue
        variant = re.compile(re.escape(base) + r"[A-Z][\w\-]*")
        longer = {norms[j] for j in weapons if j != i and variant.fullmatch(cands[j].text)}
        if len(longer) == 1:
            j = next(j for j in weapons if norms[j] in longer)
            if not _named_together(cands, [k for k in weapons if norms[k] == norms[i]],
                                   [k for k in weapons if norms[k] in longer], text):
                uf.union(i, j)
    # unnamed facilities with the same product words (and no clash of place)
    descs = [i for i, c in enumerate(cands) if c.layer == "desc"]
    for a, i in enumerate(descs):
        for j in descs[a + 1:]:
            ci, cj = cands[i], cands[j]
            if ci.sig & cj.sig and not (ci.place and cj.place and ci.place != cj.place):
                uf.union(i, j)
    heads = headline_lines(text)
    for i in descs:
        if any(s <= cands[i].start < e for s, e in heads):
            continue  # (a headline's description is no lede's)
        j = _named_later(cands, i, names, text)
        if j is not None:
            uf.union(j, i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    out = []
    for members in groups.values():
        ms = [cands[i] for i in members]
        named = [m for m in ms if m.layer == "name"] or ms  # (a description joined to a name takes the name's)
        out.append({"mentions": ms, "type": _vote(named), "layer": named[0].layer})
    return out


def _join_other_spellings(cands: list[Cand], names: list[int], text: str, uf: _UF) -> None:
    """"Bahdanau, who goes by the Russian form of his name, Nikolai Bogdanov", "Ales Zhuk (Russian: Alexei Zhuk)":
    the name after the phrase is another spelling of the last name of the same kind before it, in the same
    sentence."""
    for m in SPELLING_OF.finditer(text):
        after = next((j for j in names if cands[j].start == m.end()), None)
        window = [i for i in names if cands[i].end <= m.start() and
                  not SENTENCE_END.search(text, cands[i].end, m.start())]
        if after is None:
            before = [i for i in window if cands[i].type is not E.PLACE]
            if before and (run := CAPITALISED_RUN.match(text, m.end())) is not None:
                cands[before[-1]].aliases.append(run.group(0))  # (a spelling the model did not tag as a name)
            continue
        same = [i for i in window if cands[i].type is cands[after].type]
        # (or a surname the model took for something else: "Bahdanau, 61, ... the Russian spelling of his name")
        surname = [i for i in window if cands[after].type is E.PERSON and " " not in cands[i].text.strip() and
                   cands[i].source != "demonym" and not is_country(cands[i].text)]
        if same or surname:
            uf.union((same or surname)[-1], after)


def _named_later(cands: list[Cand], i: int, names: list[int], text: str) -> int | None:
    """"A state-owned electronics plant in eastern Belarus has become a supplier ... the Shklov Electronics Plant
    delivered ...": a plant described with "a" and no name, before the one enterprise named with its head noun and
    one of its words, is that enterprise (a reporter's lede that names it later). Not a new or planned site."""
    d = cands[i]
    if d.source != "description" or not INDEFINITE_BEFORE.search(text, max(0, d.start - 4), d.start) or \
            NEW_SITE_WORDS & set(d.text.lower().split()):
        return None  # (not "a new plant", "a second plant", "a planned plant")
    heads = vocab().facility_heads
    head = next((w for w in re.findall(r"[a-z]+", d.text.lower()) if w in heads), None)
    if head is None or not d.sig:
        return None
    found = {}
    for j in names:
        c = cands[j]
        words = c.text.lower().split()
        if c.start > d.end and c.type in (E.ORGANIZATION, E.FACILITY) and len(words) > 1 and words[-1] == head and \
                d.sig & {norm_word(w, vocab()) for w in words[:-1]}:
            found.setdefault(norm(c.text), j)
    return next(iter(found.values())) if len(found) == 1 else None


# ", or UMPO," / ", or UMPO)" / ", or UMPO." / ", the HUR," after a name
OR_ACRONYM = re.compile(r",\s+(?:or|the)\s+([A-ZА-Я][A-ZА-Я0-9\-]{1,9})(?=[,;:)]|\.(?:\s|$))")
INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
NEW_SITE_WORDS = frozenset(vocab_data("relations")["new_modifiers"]) | {"proposed", "planned", "future", "another"}


def _after_its_city(long: str, short: str) -> bool:
    """"Feichi" for "Shenzhen Feichi Motor": a company named after its city is called by the word after it."""
    words = long.split()
    return len(words) >= 3 and norm(words[1]) == short and is_city(words[0])


def _full_name_of_short_plant(cands: list[Cand], i: int, names: list[int]) -> int | None:
    """"The Vyatka plant" after "the Vyatka Machine Plant": a one-word name with a cue noun is the one enterprise
    whose longer name opens with that word and ends with that noun."""
    c = cands[i]
    if c.source != "org-cue" or " " in c.text.strip() or not c.aliases:
        return None
    cue = c.aliases[0].split()[-1].lower()
    found = {}
    for j in names:
        words = cands[j].text.split()
        if len(words) > 2 and words[0] == c.text and words[-1].lower() == cue and \
                cands[j].type in (E.ORGANIZATION, E.FACILITY):
            found.setdefault(norm(cands[j].text), j)
    return next(iter(found.values())) if len(found) == 1 else None


def _named_together(cands: list[Cand], one: list[int], other: list[int], text: str) -> bool:
    """"It builds the Kosatka-10 ... and a night version called the Kosatka-10N": a writer who names both
    designators in one sentence means two models, not one model and its short form."""
    for i in one:
        for j in other:
            a, b = sorted((cands[i], cands[j]), key=lambda c: c.start)
            if not SENTENCE_BREAK.search(text, a.end, b.start + 1):
                return True
    return False


# the end of a sentence between two mentions
SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-ZА-ЯЁ])|\n")


def _site_of(long: str, short: str) -> bool:
    """"KAMAZ engine plant" after "KAMAZ": a site of the company described in common nouns, not a longer form
    of its name ("Kazan Helicopter Plant" is written in capitals, "Integral plant" adds only the cue noun)."""
    words = long.split()
    rest = words[len(short.split()):] if norm(" ".join(words[:len(short.split())])) == short else []
    return len(rest) >= 2 and any(w[:1].islower() for w in rest)


def _product_key(text: str) -> str:
    v = vocab()
    words = re.findall(r"[\w]+", text.lower())
    out = []
    text_l = text.lower()
    for phrase, rep in v.synonyms.items():
        if " " in phrase and phrase in text_l:
            text_l = text_l.replace(phrase, rep)
    words = re.findall(r"[\w\-]+", text_l)
    for w in words:
        if w in v.group_ignore:
            continue
        w = v.synonyms.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ics", "sis")):
            w = w[:-1]
        out.append(w)
    s = " ".join(out)
    s = re.sub(r"(\d+)\s*(mm|millimeter|millimetre)\b", r"\1mm", s)
    return s


def _vote(ms: list[Cand]) -> EntityType:
    if ms[0].layer == "product":
        return E.PRODUCT
    if ms[0].layer == "desc":
        return E.FACILITY
    best = max(m.priority for m in ms)
    if best == 3 and any(m.type is E.PLACE for m in ms) and len({m.text for m in ms}) == 1:
        return E.PLACE
    score: Counter = Counter()
    for m in ms:
        if m.priority == best:
            score[m.type] += 1
    if score[E.PERSON] and score[E.ORGANIZATION] and all(" " not in m.text.strip() for m in ms):
        return E.ORGANIZATION  # a one-word name the model or its role calls an organisation once: "Aviastar"
    return max(score, key=lambda t: (score[t], TIE_RANK[t]))
