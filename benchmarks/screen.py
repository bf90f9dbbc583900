"""Sanctions-screening benchmark: a generated FtM list and generated query entities with known truth.

    .venv/bin/python benchmarks/screen.py [--listed 200000] [--queries 10000] [--seed 7] [--keep DIR]

The generator writes an FtM JSON-lines file the way OpenSanctions does: `Company`, `Organization`
and `Person` parties with their names in several spellings (legal forms JSC / OJSC / ОАО / LLC /
ООО, Cyrillic forms, Belarusian/Russian spellings of people, previous names), countries, dates of
birth and registration numbers, plus `Sanction` entities pointing at most of them (authority,
program, listing date). Query entities are what reporting gives: a share are planted — a listed
party written another way (other legal form, Cyrillic vs Latin, one-letter typo, other given-name
spelling, surname ending -enko/-enka, word order) — and the rest are new names built from the same
syllables and words, so they share blocking keys with list entries without being them.

Measured: list generation, index build (seconds, parties, keys, pickled size), cache load, screening
(queries/second through `screen_records` + `LocalMatcher`, i.e. blocking + nomenklatura logic-v2),
peak RSS (ru_maxrss), and hit counts: listed / possible / unlisted, split into planted (should be
found, and found as the right entry) and new (any hit is a false alarm or a namesake).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from namegen import syllables, to_cyrillic  # noqa: E402

from supplytrace.analyze.types import EntityRecord  # noqa: E402
from supplytrace.screen import LISTED, POSSIBLE, LocalMatcher, screen_records  # noqa: E402
from supplytrace.screen.index import load_index  # noqa: E402

LEGAL_LATIN = ["JSC", "OJSC", "CJSC", "LLC", "Ltd", "PJSC"]
LEGAL_CYR = ["ОАО", "ООО", "АО", "ЗАО", "ПАО"]
WORDS = ["Minsk", "Wheel", "Tractor", "Automobile", "Optical", "Mechanical", "Instrument", "Electronics", "Radio",
         "Precision", "Machine", "Building", "Engine", "Aviation", "Repair", "Chemical", "Metal", "Research",
         "Trading", "Logistics", "Systems", "Industrial", "Energy", "Technologies", "Components", "Plant"]
STEMS = ["Bel", "Prom", "Mash", "Tekh", "Avto", "Neft", "Stroy", "Energo", "Radio", "Opt", "Kom", "Spets", "Voen",
         "Agro", "Elektro", "Khim", "Met", "Pribor", "Gaz", "Trans", "Ural", "Sib", "Ros", "Nov", "Zvezda", "Almaz",
         "Granit", "Kristall", "Signal", "Impuls", "Vektor", "Orion", "Kvant", "Polyus", "Start", "Luch", "Raduga"]
GIVEN = [["Alexander", "Aleksandr", "Alyaksandr"], ["Maxim", "Maksim"], ["Sergei", "Sergey", "Siarhei"],
         ["Dmitry", "Dmitri", "Dzmitry"], ["Viktor", "Victor"], ["Yuri", "Yury", "Yuriy"], ["Andrei", "Andrey"],
         ["Pavel", "Paval"], ["Nikolai", "Nikolay", "Mikalai"], ["Oleg", "Aleh"], ["Ivan"], ["Roman", "Raman"],
         ["Anna", "Hanna"], ["Olga", "Volha"], ["Tatiana", "Tatsiana"], ["Vladimir", "Uladzimir"],
         ["Mikhail", "Mikhail", "Mikhas"], ["Igor", "Ihar"], ["Elena", "Alena"], ["Natalia", "Natallia"]]
PATRONYMIC = ["Alexandrovich", "Sergeevich", "Ivanovich", "Nikolaevich", "Viktorovich", "Petrovich", "Olegovich",
              "Vladimirovich", "Mikhailovich", "Andreevich"]
SURNAME_ENDINGS = [("enko", "enka"), ("ovich", "avich"), ("ov", "ou"), ("sky", "ski"), ("in", "in"), ("uk", "uk")]
COUNTRIES = ["by", "ru", "ru", "ru", "by", "cn", "ir", "kp", "ae", "tr", "kz", "am"]
AUTHORITIES = [("European Union", "EU Belarus regime (Reg. 765/2006)"),
               ("European Union", "EU Russia regime (Reg. 269/2014)"),
               ("US OFAC", "Russia-related sanctions (EO 14024)"), ("US OFAC", "Belarus-related sanctions"),
               ("UK OFSI", "Russia regime"), ("Swiss SECO", "Ukraine-related measures")]


# -- names --------------------------------------------------------------------------------------------
def typo(rng: random.Random, word: str) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(2, len(word) - 1)
    return word[:i] + rng.choice("aeiou" if word[i] not in "aeiou" else "bdklmnrst") + word[i + 1:]


def company_core(rng: random.Random) -> str:
    """A distinctive company name: a compound stem plus, often, descriptive words."""
    stem = (rng.choice(STEMS) + syllables(rng, rng.randint(1, 2)) + rng.choice(["", "tekh", "prom", "mash", "com"]))
    stem = stem.capitalize()
    words = rng.sample(WORDS, rng.choice([0, 0, 1, 2]))
    return " ".join([stem, *words])


def surname(rng: random.Random) -> tuple[str, str]:
    root = syllables(rng, rng.randint(1, 3)).capitalize()
    a, b = rng.choice(SURNAME_ENDINGS)
    return root + a, root + b


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seen: set[str] = set()

    def unique(self, make) -> tuple:  # type: ignore[no-untyped-def]
        while True:
            value = make()
            key = value[0].casefold()
            if key not in self.seen:
                self.seen.add(key)
                return value

    def company(self) -> tuple[str, dict]:
        rng = self.rng
        core = self.unique(lambda: (company_core(rng),))[0]
        form = rng.choice(LEGAL_LATIN)
        names = [f"{form} {core}" if rng.random() < 0.5 else f"{core} {form}"]
        aliases = []
        if rng.random() < 0.5:
            aliases.append(f"{rng.choice(LEGAL_CYR)} «{to_cyrillic(core)}»")
        if rng.random() < 0.2:
            aliases.append(core.upper())
        props = {"name": names, "alias": aliases, "country": [rng.choice(COUNTRIES)],
                 "registrationNumber": [str(rng.randrange(10**9, 10**10))]}
        if rng.random() < 0.15:
            props["previousName"] = [f"{rng.choice(LEGAL_LATIN)} {company_core(rng)}"]
        return core, props

    def person(self) -> tuple[str, dict]:
        rng = self.rng

        def make() -> tuple[str, list[str], str, str]:
            given = rng.choice(GIVEN)
            last_a, last_b = surname(rng)
            return f"{given[0]} {last_a}", given, last_a, last_b

        full, given, last_a, last_b = self.unique(make)
        patronymic = rng.choice(PATRONYMIC)
        aliases = [f"{rng.choice(given)} {last_b}"]
        if rng.random() < 0.6:
            aliases.append(to_cyrillic(f"{given[0]} {patronymic} {last_a}"))
        props = {"name": [full], "alias": aliases, "firstName": [given[0]], "lastName": [last_a],
                 "fatherName": [patronymic], "nationality": [rng.choice(COUNTRIES)],
                 "birthDate": [f"{rng.randint(1945, 1990)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]}
        return full, props


def write_list(path: Path, listed: int, gen: Generator) -> tuple[list[dict], Counter]:
    """Write the list; return the parties (id, schema, properties) for planting queries."""
    rng = gen.rng
    parties: list[dict] = []
    counts: Counter = Counter()
    with path.open("w", encoding="utf-8") as fh:
        for n in range(listed):
            roll = rng.random()
            if roll < 0.45:
                schema, (_, props) = "Company", gen.company()
            elif roll < 0.55:
                schema, (_, props) = "Organization", gen.company()
            else:
                schema, (_, props) = "Person", gen.person()
            pid = f"bench-{n}"
            props = {k: v for k, v in props.items() if v}
            topics = ["sanction"] if rng.random() < 0.8 else ["poi"]
            props["topics"] = topics
            fh.write(json.dumps({"id": pid, "schema": schema, "properties": props, "datasets": ["bench"]},
                                ensure_ascii=False) + "\n")
            counts[schema] += 1
            parties.append({"id": pid, "schema": schema, "properties": props})
            if topics == ["sanction"]:
                for k in range(rng.choice([1, 1, 1, 2])):
                    authority, program = rng.choice(AUTHORITIES)
                    sanction = {"id": f"{pid}-sanction-{k}", "schema": "Sanction", "datasets": ["bench"],
                                "properties": {"entity": [pid], "authority": [authority], "program": [program],
                                               "listingDate": [f"{rng.randint(2006, 2025)}-{rng.randint(1, 12):02d}"],
                                               "country": [rng.choice(["eu", "us", "gb", "ch"])]}}
                    fh.write(json.dumps(sanction, ensure_ascii=False) + "\n")
                    counts["Sanction"] += 1
    return parties, counts


def planted_query(rng: random.Random, party: dict, qid: int) -> tuple[EntityRecord, str]:
    """A listed party as reporting would name it, and which variation was used."""
    props = party["properties"]
    name = props["name"][0]
    country = (props.get("country") or props.get("nationality") or [None])[0]
    if party["schema"] == "Person":
        first, last = props["firstName"][0], props["lastName"][0]
        kind = rng.choice(["alias", "cyrillic", "order", "typo", "ending"])
        if kind == "alias":
            text = props["alias"][0]
        elif kind == "cyrillic":
            text = to_cyrillic(f"{first} {last}")
        elif kind == "order":
            text = f"{last}, {first}"
        elif kind == "typo":
            text = f"{first} {typo(rng, last)}"
        else:
            for a, b in SURNAME_ENDINGS:
                if last.endswith(a) and a != b:
                    last = last[: -len(a)] + b
                    break
            text = f"{first} {last}"
        return EntityRecord(id=qid, name=text, type="person", country=country), kind
    core = name
    for form in LEGAL_LATIN:
        core = core.removeprefix(form + " ").removesuffix(" " + form)
    kind = rng.choice(["form", "bare", "cyrillic", "typo", "cue"])
    if kind == "form":
        text = f"{rng.choice(LEGAL_LATIN)} {core}"
    elif kind == "bare":
        text = core
    elif kind == "cyrillic":
        text = f"{rng.choice(LEGAL_CYR)} «{to_cyrillic(core)}»"
    elif kind == "typo":
        words = core.split()
        words[0] = typo(rng, words[0])
        text = " ".join(words)
    else:
        text = f"{core} plant"
    return EntityRecord(id=qid, name=text, type="organization", country=country if rng.random() < 0.5 else None), kind


def new_query(gen: Generator, qid: int) -> EntityRecord:
    rng = gen.rng
    if rng.random() < 0.5:
        core, _ = gen.company()
        return EntityRecord(id=qid, name=f"{rng.choice(LEGAL_LATIN)} {core}", type="organization",
                            country=rng.choice(COUNTRIES))
    full, props = gen.person()
    return EntityRecord(id=qid, name=full, type="person", country=props["nationality"][0])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--listed", type=int, default=200_000, help="parties on the generated list")
    ap.add_argument("--queries", type=int, default=10_000, help="query entities to screen")
    ap.add_argument("--planted", type=float, default=0.3, help="share of queries that are listed parties")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="write the list and index here and keep them")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="supplytrace-screen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    list_path = work / "list.ftm.jsonl"
    gen = Generator(args.seed)
    try:
        t0 = time.perf_counter()
        parties, counts = write_list(list_path, args.listed, gen)
        t_gen = time.perf_counter() - t0
        size_mb = list_path.stat().st_size / 2**20
        print(f"list: {sum(counts.values()):,} FtM entities ({', '.join(f'{v:,} {k}' for k, v in counts.items())}),"
              f" {size_mb:.1f} MB, generated in {t_gen:.1f}s")

        rng = random.Random(args.seed + 1)
        n_planted = int(args.queries * args.planted)
        queries: list[EntityRecord] = []
        truth: dict[int, str] = {}
        kinds: dict[int, str] = {}
        for qid, party in enumerate(rng.sample(parties, n_planted), 1):
            q, kind = planted_query(rng, party, qid)
            queries.append(q)
            truth[qid] = party["id"]
            kinds[qid] = kind
        for qid in range(n_planted + 1, args.queries + 1):
            queries.append(new_query(gen, qid))
        del parties
        print(f"queries: {len(queries):,} made; peak RSS before indexing {peak_rss_mb():,.0f} MB "
              "(the generator's own data, and imports)")

        cache = work / "cache"
        t0 = time.perf_counter()
        index = load_index(list_path, cache_dir=cache)  # built, then pickled to the cache
        t_build = index.stats.build_seconds
        t_total = time.perf_counter() - t0
        pickled = Path(index.stats.cache_path or "")
        del index
        index = load_index(list_path, cache_dir=cache)  # unchanged list: from the cache
        assert index.stats.loaded_from_cache
        t_load = index.stats.build_seconds
        print(f"index: {len(index):,} parties, {index.stats.sanctions:,} sanctions, {len(index.postings):,} keys; "
              f"built in {t_build:.1f}s ({len(index) / t_build:,.0f} parties/s; "
              f"{t_total:.1f}s with writing the cache); "
              f"cached index {pickled.stat().st_size / 2**20:.1f} MB, loads in {t_load:.1f}s; "
              f"peak RSS so far {peak_rss_mb():,.0f} MB")

        matcher = LocalMatcher(index, source=str(list_path))
        t0 = time.perf_counter()
        report = screen_records(queries, matcher)
        t_screen = time.perf_counter() - t0
        print(f"screen: {len(queries):,} queries in {t_screen:.1f}s = {len(queries) / t_screen:,.1f} entities/s "
              f"(blocking + logic-v2 on up to {matcher.candidates} + {matcher.fuzzy} fuzzy candidates each)")

        status = Counter()
        planted_kinds: dict[str, Counter] = {}
        for r in report.results:
            qid = r.entity.id
            group = "planted" if qid in truth else "new"
            status[(group, r.status)] += 1
            if qid in truth:
                right = r.best is not None and r.best.list_id == truth[qid] and r.status == LISTED
                planted_kinds.setdefault(kinds[qid], Counter())["found" if right else "missed"] += 1
                if r.status == LISTED and not right:
                    status[("planted", "listed as another entry")] += 1
        n_new = len(queries) - n_planted
        print(f"hits: {sum(v for (g, s), v in status.items() if s == LISTED):,} listed, "
              f"{sum(v for (g, s), v in status.items() if s == POSSIBLE):,} possible, "
              f"{sum(v for (g, s), v in status.items() if s == 'unlisted'):,} unlisted")
        print(f"  planted ({n_planted:,}): {status[('planted', LISTED)]:,} listed "
              f"({status[('planted', 'listed as another entry')]:,} of them as another entry), "
              f"{status[('planted', POSSIBLE)]:,} possible, {status[('planted', 'unlisted')]:,} unlisted")
        for kind, c in sorted(planted_kinds.items()):
            total = c["found"] + c["missed"]
            print(f"    {kind:<9} {c['found']:>5,}/{total:<5,} found as the right entry ({c['found'] / total:.0%})")
        print(f"  new ({n_new:,}): {status[('new', LISTED)]:,} listed, {status[('new', POSSIBLE)]:,} possible, "
              f"{status[('new', 'unlisted')]:,} unlisted")
        print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
