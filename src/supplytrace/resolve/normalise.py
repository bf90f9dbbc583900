"""Name normalisation: transliteration, legal forms, honorifics, cue words, designators, keys.

Every name is turned into a `NameForm` once; comparison and blocking work on those forms only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from normality import ascii_text
from rigour.names import remove_org_types, remove_person_prefixes
from rigour.text import metaphone

# Russian / Belarusian / Ukrainian Cyrillic -> Latin, close to the BGN/PCGN usage of English-language
# reporting (Х -> kh, Ш -> sh, Ў -> w...). normality's generic table renders Х as "H" and Ш as "S",
# which loses "Kh-101" ~ "Х-101" and "Legmash" ~ "Легмаш".
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}



def _words(text: str) -> list[str]:
    return text.split()


LEGAL_FORMS = frozenset(_words("""
jsc ojsc cjsc pjsc ojsc oao zao ooo pao ao tov pat llc ltd limited inc incorporated corp corporation plc gmbh
ag sa sas srl spa bv nv co uab sia oy ab as kg ug llp lp pte pty fzco fze jv rup uue ue chup oaoo
"""))
HONORIFICS = frozenset(_words("""
mr mrs ms miss dr prof president gen general col colonel maj lt sir madam mister minister deputy chief
"""))
# Words that describe what kind of site an enterprise name refers to: "Integral plant" ~ "Integral".
CUE_WORDS = frozenset(_words("""
plant factory facility facilities enterprise enterprises works workshop company holding holdings group
concern zavod kombinat complex site mill the sez zone
"""))
STOPWORDS = frozenset(_words("the of and for in on at a an de du der la le"))
# Words that, alone, do not identify anything: a name made only of these is descriptive
# ("Ukrainian intelligence") and may not join entities through an alias.
GENERIC = frozenset(_words("""
ukrainian ukraine russian russia belarusian belarus latvian latvia lithuanian polish us u s american british
chinese iranian european western eastern state national federal foreign military defense defence
intelligence service services agency agencies government ministry army forces force air armed security
office administration police border guard special the of and in
"""))

_DESIGNATOR = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z0-9]+")


def translit(text: str) -> str:
    """Cyrillic to Latin (BGN-like), then normality's ASCII folding for anything else."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYR:
            rep = _CYR[low]
            out.append(rep.capitalize() if ch != low and rep else rep)
        else:
            out.append(ch)
    return ascii_text("".join(out)) or ""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\"'«»“”„‘’`]", "", text)
    text = re.sub(r"(\d)\s*-?\s*(?:millimet(?:er|re)s?|mm)\b", r"\1mm", text, flags=re.IGNORECASE)
    return text


def tokens_of(text: str) -> list[str]:
    """Lower-case ASCII tokens; designators keep their digits ("Kh-101" -> ["kh", "101"])."""
    return _TOKEN.findall(translit(_clean(text)).lower())


@dataclass(frozen=True)
class NameForm:
    """One name in every form the comparison needs."""

    raw: str
    tokens: tuple[str, ...]  # after translit, legal forms and honorifics removed
    full: str  # " ".join(tokens)
    core: str  # full without cue words
    designators: frozenset[str] = field(default_factory=frozenset)  # alphanumeric model codes
    acronym: str | None = None  # the name itself is an acronym ("MZKT")
    initials: str | None = None  # initials of a multi-word name ("CEPA" for Center for European Policy Analysis)
    generic: bool = False  # only descriptive words
    translit: bool = False  # the raw name was not Latin
    legal: bool = False  # a legal form was removed
    squashed: str = ""  # full without spaces: "zenit belomo" -> "zenitbelomo"

    @property
    def phonetic(self) -> str:
        return " ".join(metaphone(t) or t for t in self.tokens if not t.isdigit())


def _designators(text: str) -> frozenset[str]:
    """Model codes like Kh-101, Su-30SM, S-400, 9K51, MAZ-5316: letters+digits glued as one code."""
    t = translit(_clean(text)).lower()
    codes = set()
    for m in re.finditer(r"[a-z]*[\s\-]?\d+[a-z0-9]*(?:[\-]?[a-z0-9]+)*", t):
        code = re.sub(r"[\s\-]", "", m.group(0))
        if _DESIGNATOR.search(code):
            codes.add(code)
    return frozenset(codes)


@lru_cache(maxsize=200_000)
def name_form(raw: str, type: str = "organization") -> NameForm:
    cleaned = _clean(raw)
    is_latin = not re.search(r"[\u0400-\u04ff]", cleaned)
    latin = translit(cleaned)
    legal = False
    if type == "person":
        stripped = remove_person_prefixes(latin)
    elif type in ("organization", "facility"):
        stripped = remove_org_types(latin)
        legal = stripped.strip().lower() != latin.strip().lower()
    else:
        stripped = latin
    toks = _TOKEN.findall(stripped.lower())
    if type == "person":
        toks = [t for t in toks if t not in HONORIFICS]
    if type in ("organization", "facility"):
        kept = [t for t in toks if t not in LEGAL_FORMS]
        legal = legal or len(kept) != len(toks)
        toks = kept or toks
    if toks and toks[0] == "the":
        toks = toks[1:] or toks
    full = " ".join(toks)
    core_toks = [t for t in " ".join(toks).replace("special economic zone", "zone").split() if t not in CUE_WORDS]
    core = " ".join(core_toks) if core_toks else full
    words = [w for w in re.findall(r"[^\W\d_]+", latin) if w.lower() not in LEGAL_FORMS]
    acronym = None
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 7:
        acronym = words[0].lower()
    initials = None
    content = [t for t in toks if t not in STOPWORDS and t.isalpha()]
    if len(content) >= 3:
        initials = "".join(t[0] for t in content)
    generic = bool(toks) and all(t in GENERIC for t in toks)
    return NameForm(raw=raw, tokens=tuple(toks), full=full, core=core, designators=_designators(cleaned),
                    acronym=acronym, initials=initials, generic=generic, translit=not is_latin, legal=legal,
                    squashed=full.replace(" ", ""))


def norm(raw: str, type: str = "organization") -> str:
    """The normalised lookup form of a name (stored in aliases.norm)."""
    return name_form(raw, type).full
