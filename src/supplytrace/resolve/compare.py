"""Pairwise name comparison: ordered rules, each naming itself so every merge can be explained.

Rules (strongest first): exact, normalised (case/punctuation), legal-form, transliteration,
cue-word ("Integral plant" ~ "Integral"), acronym (a name's own initials), person-name
(surname + compatible given names), fuzzy (edit distance on long names). Guards that veto a
match whatever the rule: model designators must be identical (Kh-101 vs Kh-555, Su-30SM vs Su-34),
short acronyms never match through cue-word stripping ("SVT" vs "Zavod SVT").
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA, JaroWinkler

from supplytrace.resolve.normalise import NameForm

# rule -> strength rank (higher wins when several candidates match)
RULES = {
    "exact": 9, "normalised": 8, "legal-form": 8, "transliteration": 8, "cue-word": 6, "acronym": 5,
    "person-name": 5, "fuzzy": 4,
}


@dataclass(frozen=True)
class Match:
    rule: str
    score: float
    detail: str

    @property
    def rank(self) -> tuple[int, float]:
        return RULES.get(self.rule, 0), self.score


def _how_equal(a: NameForm, b: NameForm) -> str:
    if a.raw == b.raw:
        return "exact"
    if a.translit or b.translit:
        return "transliteration"
    if a.legal or b.legal:
        return "legal-form"
    return "normalised"


def designators_agree(a: NameForm, b: NameForm) -> bool:
    """Model codes must be identical when both names carry any (Kh-101 vs Kh-555, Su-30SM vs Su-34)."""
    if a.designators or b.designators:
        return a.designators == b.designators
    return True


def _fuzzy_ok(x: str, y: str) -> tuple[bool, float]:
    """Edit-distance match for long names only: <=1 edit from 6 chars, <=2 from 12 chars, same first letter."""
    n = min(len(x), len(y))
    if n < 6 or x[0] != y[0]:
        return False, 0.0
    dist = OSA.distance(x, y)
    allowed = 2 if n >= 12 else 1
    return dist <= allowed, 1.0 - dist / max(len(x), len(y))


# East Slavic given names as Russian, Belarusian and Ukrainian reporting transliterates them
GIVEN_NAMES = [
    "alexander aleksandr alyaksandr oleksandr aliaksandr alexandr", "sergei sergey siarhei serhiy serhii sergiy",
    "dmitry dmitri dzmitry dmytro", "nikolai nikolay mikalai mykola", "oleg aleh oleh", "roman raman",
    "anna hanna", "olga volha olha", "tatiana tatsiana tetiana tatyana", "vladimir uladzimir volodymyr",
    "yuri yury yuriy yurii", "pavel paval pavlo", "andrei andrey andriy andrii", "viktor victor",
    "maxim maksim maksym", "aleksei alexei alyaksei oleksiy oleksii", "mikhail mikhas mykhailo",
    "ivan ivan", "yevgeny evgeny yauhen yevhen", "vitaly vitali vitaliy", "svetlana sviatlana",
    "natalia natallia nataliya", "elena alena olena yelena", "igor ihar ihor", "grigory ryhor hryhoriy",
]
_GIVEN = {n: i for i, group in enumerate(GIVEN_NAMES) for n in group.split()}
# surname endings that differ only by language (Lukashenko/Lukashenka, -ovich/-avich, -ov/-ou)
_ENDINGS = (("enka", "enko"), ("avich", "ovich"), ("ski", "sky"), ("skiy", "sky"), ("skii", "sky"), ("ou", "ov"),
            ("au", "ov"))


def surname_key(s: str) -> str:
    for old, new in _ENDINGS:
        if s.endswith(old) and len(s) > len(old) + 2:
            return s[: -len(old)] + new
    return s


def given_similarity(fa: str, fb: str) -> float:
    if len(fa) == 1 or len(fb) == 1:
        return float(fa[0] == fb[0])
    if fa in _GIVEN and _GIVEN.get(fb) == _GIVEN[fa]:
        return 1.0
    return JaroWinkler.similarity(fa, fb)


def _person(a: NameForm, b: NameForm) -> Match | None:
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return None
    sa, sb = surname_key(ta[-1]), surname_key(tb[-1])
    if len(sa) < 4 or len(sb) < 4:
        return None
    sur = JaroWinkler.similarity(sa, sb)
    if sur < 0.92 or OSA.distance(sa, sb) > (2 if min(len(sa), len(sb)) >= 8 else 1):
        return None
    ga, gb = ta[:-1], tb[:-1]
    if ga and gb:
        fa, fb = ga[0], gb[0]
        given = given_similarity(fa, fb)
        if given < 0.8:
            return None
        score = (sur + given) / 2
        return Match("person-name", round(score, 3),
                     f"surname {sa!r}~{sb!r} ({sur:.2f}), given name {fa!r}~{fb!r} ({given:.2f})")
    return Match("person-name", round(sur * 0.95, 3), f"surname {sa!r}~{sb!r} ({sur:.2f}); one side has no given name")


def compare(a: NameForm, b: NameForm, type: str) -> Match | None:
    """The strongest rule under which two names of the same type name the same thing, or None."""
    if not a.full or not b.full:
        return None
    if not designators_agree(a, b):
        return None
    if a.raw.casefold() == b.raw.casefold():
        return Match("exact", 1.0, f"{a.raw!r} = {b.raw!r}")
    if a.full == b.full or (a.squashed == b.squashed and len(a.squashed) >= 5):
        rule = _how_equal(a, b)
        return Match(rule, 1.0, f"{a.raw!r} ~ {b.raw!r} after {rule} normalisation -> {a.full!r}")
    if type == "person":
        return _person(a, b)
    if type in ("organization", "facility") and a.core == b.core and (a.core != a.full or b.core != b.full):
        core = a.core
        # the shared core must be a distinctive name, not a short code or a descriptive word
        if len(core.replace(" ", "")) >= 5 and not (a.acronym or b.acronym) and core not in _SHORT_CODES(a, b):
            return Match("cue-word", 0.95, f"{a.raw!r} ~ {b.raw!r}: same name {core!r} once cue words "
                                            f"(plant, factory, enterprise...) are removed")
    if type in ("organization", "facility", "weapon_system"):
        for x, y in ((a, b), (b, a)):
            if x.acronym and len(x.acronym) >= 3 and y.initials and x.acronym == y.initials:
                return Match("acronym", 0.9, f"{x.raw!r} is the initials of {y.raw!r}")
    if a.generic or b.generic:
        return None
    ok, score = _fuzzy_ok(a.squashed, b.squashed)
    if ok and a.full.split()[0][:1] == b.full.split()[0][:1]:
        return Match("fuzzy", round(score, 3), f"{a.raw!r} ~ {b.raw!r}: edit-distance similarity {score:.2f}")
    return None


def _SHORT_CODES(a: NameForm, b: NameForm) -> set[str]:  # noqa: N802 - reads as a constant set
    """Cores that are all-capital short codes in either raw name (SVT in "Zavod SVT")."""
    out = set()
    for f in (a, b):
        for w in f.raw.split():
            w2 = w.strip("\"'«»()")
            if w2.isupper() and len(w2) <= 5:
                out.add(w2.lower())
    return out
