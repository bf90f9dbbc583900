"""Country and territory names, from rigour's territory data rather than a list of our own.

The statistical model often tags a country as an organisation when it acts ("Belarus shipped
trucks to Russia"); a name that is exactly a territory's name is a place whatever the model says.
"""

from __future__ import annotations

import re
from functools import cache

from rigour.territories import get_territories


@cache
def territory_names() -> frozenset[str]:
    """Lower-cased short and full names of every territory rigour knows (countries, regions)."""
    names: set[str] = set()
    for terr in get_territories():
        for name in (terr.name, terr.full_name):
            if name:
                names.add(name.casefold())
    return frozenset(names)


def is_territory_name(text: str) -> bool:
    """True when the text, give or take a leading "the", is a territory's name."""
    t = text.strip().casefold()
    if t.startswith("the "):
        t = t[4:]
    return t in territory_names()


@cache
def country_pattern() -> re.Pattern[str]:
    """Current countries' short names as whole words, longest first ("North Korea" before "Korea")."""
    names = {t.name for t in get_territories() if t.is_country and not t.is_historical and t.name}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
