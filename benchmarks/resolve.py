"""Entity-resolution benchmark: generated mentions with known truth -> time, peak memory, pairwise P/R.

    .venv/bin/python benchmarks/resolve.py [--mentions 100000] [--seed 7] [--store] [--errors N]

The generator makes canonical entities of five types and writes each mention the way reporting
does: legal forms (JSC, OJSC, ОАО, LLC), case changes, cue words ("X plant"), Cyrillic spellings,
one-edit typos, acronyms alone or recorded next to the full name, Belarusian/Russian spellings of
people (Lukashenko/Lukashenka, Aleksandr/Alyaksandr), honorifics, surname-only mentions, model
designators written "Kh-101" / "KH 101" / "Х-101". It also makes near-miss decoys that are
*different* entities: a "Ye-" sibling of a place or plant (Alabuga/Yelabuga), weapons of the same
family with other numbers (Kh-101/Kh-102), namesakes with other given names, organizations sharing
words ("Minsk Automobile Plant" vs "Minsk Wheel Tractor Plant"), same name with another type.

Mentions are grouped 20 to an article (one mention per entity per article, as an extractor's
within-article coreference would give). Precision/recall are over pairs of mentions put together.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from namegen import syllables, to_cyrillic  # noqa: E402

from supplytrace.resolve.resolver import Record, Resolver  # noqa: E402

LEGAL = ["JSC", "OJSC", "ОАО", "ZAO", "LLC", "CJSC"]
CUE = ["plant", "factory", "enterprise", "works"]
GIVEN = [["Alexander", "Aleksandr", "Alyaksandr"], ["Maxim", "Maksim"], ["Sergei", "Sergey", "Siarhei"],
         ["Dmitry", "Dmitri", "Dzmitry"], ["Viktor", "Victor"], ["Yuri", "Yury", "Yuriy"], ["Andrei", "Andrey"],
         ["Pavel", "Paval"], ["Nikolai", "Nikolay", "Mikalai"], ["Oleg", "Aleh"], ["Ivan", "Ivan"],
         ["Roman", "Raman"], ["Anna", "Hanna"], ["Olga", "Volha"], ["Tatiana", "Tatsiana"]]
SURNAME_ENDINGS = [("enko", "enka"), ("ovich", "avich"), ("ov", "ou"), ("sky", "ski"), ("in", "in")]
WEAPON_PREFIX = ["Kh", "Su", "S", "T", "Tu", "Mi", "Ka", "BM", "Tor-M", "Pantsir-S", "Iskander-M", "Orlan"]
WORDS = ["Minsk", "Wheel", "Tractor", "Automobile", "Optical", "Mechanical", "Instrument", "Electronics", "Radio",
         "Precision", "Machine", "Building", "Engine", "Aviation", "Repair", "Chemical", "Metal", "Research"]


def syllable_name(rng: random.Random, n: int) -> str:
    return syllables(rng, n).capitalize()


def typo(rng: random.Random, s: str) -> str:
    """One transposition or substitution inside one word of 7+ letters (not the first two letters)."""
    words = s.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 7]
    if not long:
        return s
    k = rng.choice(long)
    w = words[k]
    i = rng.randrange(2, len(w) - 2)
    transpose = rng.random() < 0.5
    w = w[:i] + w[i + 1] + w[i] + w[i + 2:] if transpose else w[:i] + rng.choice("aeioukmnrst") + w[i + 1:]
    words[k] = w
    return " ".join(words)


@dataclass
class Truth:
    id: int
    type: str
    base: str
    extra: dict


def make_entities(rng: random.Random, n: int) -> list[Truth]:
    out: list[Truth] = []
    seen: set[tuple[str, str]] = set()

    def add(type: str, base: str, **extra: object) -> None:
        if (type, base.lower()) in seen:
            return
        seen.add((type, base.lower()))
        out.append(Truth(len(out), type, base, dict(extra)))

    while len(out) < n:
        r = rng.random()
        if r < 0.35:  # organization: a coined name or a descriptive multi-word name with its acronym
            if rng.random() < 0.6:
                name = syllable_name(rng, rng.choice([3, 4]))
                add("organization", name)
                if rng.random() < 0.05:
                    add("organization", "Ye" + name[1:].lower() if name[0] in "AEIOU" else "Ye" + name.lower())
                if rng.random() < 0.03:
                    add("place", name)  # same name, another type
            else:
                words = rng.sample(WORDS, 3) + ["Plant"]
                name = " ".join(words)
                add("organization", name, acronym="".join(w[0] for w in words).upper())
        elif r < 0.6:  # person
            given = rng.randrange(len(GIVEN))
            ending = rng.randrange(len(SURNAME_ENDINGS))
            stem = syllable_name(rng, rng.choice([2, 3]))
            add("person", f"{GIVEN[given][0]} {stem}{SURNAME_ENDINGS[ending][0]}", given=given, ending=ending,
                stem=stem)
            if rng.random() < 0.05:  # a namesake
                g2 = (given + 1 + rng.randrange(len(GIVEN) - 1)) % len(GIVEN)
                add("person", f"{GIVEN[g2][0]} {stem}{SURNAME_ENDINGS[ending][0]}", given=g2, ending=ending,
                    stem=stem)
        elif r < 0.8:  # weapon systems: families with different numbers are different systems
            prefix = rng.choice(WEAPON_PREFIX)
            for _ in range(rng.choice([1, 1, 2, 3])):
                add("weapon_system", f"{prefix}-{rng.randrange(10, 999)}", prefix=prefix)
        elif r < 0.9:  # facilities
            name = syllable_name(rng, 3)
            add("facility", f"{name} Special Economic Zone", core=name)
        else:  # places
            name = syllable_name(rng, rng.choice([2, 3, 4]))
            add("place", name)
            if name[0] in "AEIOU" and rng.random() < 0.3:
                add("place", "Ye" + name[1:].lower())
    return out


def variant(rng: random.Random, t: Truth) -> tuple[str, list[str]]:
    """One way an article writes this entity: (name, aliases recorded by the extractor)."""
    r = rng.random()
    if t.type == "organization":
        base = t.base
        acr = t.extra.get("acronym")
        if acr and r < 0.15:
            return acr, []  # the acronym alone
        if acr and r < 0.35:
            return base, [acr]
        if r < 0.5:
            return f"{rng.choice(LEGAL)} {base}" if rng.random() < 0.7 else f"{base} {rng.choice(LEGAL)}", []
        if r < 0.6 and not acr:
            return f"{base} {rng.choice(CUE)}", []
        if r < 0.7 and not acr:
            return to_cyrillic(base), []
        if r < 0.8:
            return typo(rng, base), []
        if r < 0.85:
            return base.upper(), []
        return base, []
    if t.type == "person":
        given, ending, stem = t.extra["given"], t.extra["ending"], t.extra["stem"]
        end = SURNAME_ENDINGS[ending][1 if rng.random() < 0.3 else 0]
        first = rng.choice(GIVEN[given])
        if r < 0.2:
            return f"{stem}{end}", []
        if r < 0.3:
            return f"{rng.choice(['Mr.', 'President', 'Minister'])} {stem}{end}", []
        if r < 0.4:
            return f"{first[0]}. {stem}{end}", []
        if r < 0.5:
            return typo(rng, f"{first} {stem}{end}"), []
        return f"{first} {stem}{end}", []
    if t.type == "weapon_system":
        prefix, num = t.base.rsplit("-", 1)
        if r < 0.2:
            return f"{prefix} {num}", []
        if r < 0.35:
            return f"{prefix.upper()}-{num}", []
        if r < 0.45 and prefix == "Kh":
            return f"Х-{num}", []
        return t.base, []
    if t.type == "facility":
        core = t.extra["core"]
        if r < 0.3:
            return core, [f"{core} SEZ"]
        if r < 0.5:
            return f"{core} Special Economic Zone", []
        if r < 0.6:
            return typo(rng, t.base), []
        return t.base, []
    # place
    if r < 0.15:
        return to_cyrillic(t.base), []
    if r < 0.25:
        return typo(rng, t.base), []
    return t.base, []


def generate(n_mentions: int, seed: int) -> tuple[list[Record], list[int]]:
    rng = random.Random(seed)
    ents = make_entities(rng, max(1000, n_mentions // 7))
    # Zipf-like popularity: a few entities appear in many articles
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(ents))]
    rng.shuffle(weights)
    records, truth = [], []
    doc = 0
    while len(records) < n_mentions:
        picked = set()
        for t in rng.choices(ents, weights=weights, k=24):
            if t.id in picked or len(picked) >= 20:
                continue
            picked.add(t.id)
            name, aliases = variant(rng, t)
            records.append(Record(f"doc{doc}", f"e{t.id}", name, t.type, aliases))
            truth.append(t.id)
        doc += 1
    return records[:n_mentions], truth[:n_mentions]


def pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def score(pred: list[int], truth: list[int]) -> tuple[float, float, int, int]:
    cells = Counter(zip(pred, truth, strict=True))
    tp = pairs(cells)
    p_pairs, t_pairs = pairs(Counter(pred)), pairs(Counter(truth))
    return (tp / p_pairs if p_pairs else 1.0), (tp / t_pairs if t_pairs else 1.0), len(set(pred)), len(set(truth))


def by_type(records: list[Record], pred: list[int], truth: list[int]) -> dict[str, tuple[float, float]]:
    idx: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        idx[r.type].append(i)
    return {t: score([pred[i] for i in ii], [truth[i] for i in ii])[:2] for t, ii in sorted(idx.items())}


def errors(records: list[Record], pred: list[int], truth: list[int], n: int) -> None:
    """The biggest false merges (one predicted entity, several true ones) and splits, with names."""
    names: dict[tuple[int, int], Counter] = defaultdict(Counter)
    for r, p, t in zip(records, pred, truth, strict=True):
        names[(p, t)][r.name] += 1
    by_pred: dict[int, Counter] = defaultdict(Counter)
    by_truth: dict[int, Counter] = defaultdict(Counter)
    for (p, t), c in names.items():
        by_pred[p][t] += sum(c.values())
        by_truth[t][p] += sum(c.values())

    def wrong_pairs(c: Counter) -> int:
        total = sum(c.values())
        return (total * total - sum(v * v for v in c.values())) // 2

    def show(kind: str, groups: dict[int, Counter], key: object) -> None:
        worst = sorted(((wrong_pairs(c), g) for g, c in groups.items() if len(c) > 1), reverse=True)[:n]
        print(f"{kind} (largest first):")
        for lost, g in worst:
            parts = []
            for other, k in groups[g].most_common(4):
                top = names[key(g, other)].most_common(2)
                parts.append(f"{k}× " + " / ".join(repr(x) for x, _ in top))
            print(f"  {lost:>7} pairs  " + "  |  ".join(parts))

    show("false merges: one predicted entity holding several true ones", by_pred, lambda g, o: (g, o))
    show("splits: one true entity spread over several predicted ones", by_truth, lambda g, o: (o, g))


def run_store(records: list[Record]) -> list[int]:
    """The same mentions through the SQLite store path (documents + one incremental resolve call)."""
    import tempfile

    from supplytrace.model import DocEntity, Document, Extraction
    from supplytrace.resolve import resolve_documents
    from supplytrace.store import Store
    from supplytrace.vocab import EntityType

    by_doc: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_doc[r.doc_id].append(r)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        ids = []
        for name, recs in by_doc.items():
            doc = Document(text=name, source=name)
            ex = Extraction(doc.id, [DocEntity(r.key, r.name, EntityType(r.type), r.aliases) for r in recs])
            store.add_document(doc, ex)
            ids.append(doc.id)
        resolve_documents(store, ids)
        doc_of = {d: name for d, name in zip(ids, by_doc, strict=True)}
        rows = store.conn.execute("SELECT doc_id, key, entity_id FROM doc_entities")
        got = {(doc_of[r[0]], r[1]): r[2] for r in rows}
        store.close()
    return [got[(r.doc_id, r.key)] for r in records]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", action="store_true", help="also run through the SQLite store path")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the N largest false merges and splits")
    args = ap.parse_args()

    t0 = time.perf_counter()
    records, truth = generate(args.mentions, args.seed)
    t_gen = time.perf_counter() - t0
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    resolver = Resolver()
    pred = [resolver.resolve(r).cluster_id for r in records]
    t_res, c_res = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    p, r, n_pred, n_truth = score(pred, truth)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"mentions            {len(records):,} in {len(set(x.doc_id for x in records)):,} articles "
          f"(generated in {t_gen:.1f}s)")
    print(f"entities            truth {n_truth:,}  predicted {n_pred:,}")
    print(f"resolve (in memory) {t_res:.1f}s wall, {c_res:.1f}s CPU  = {len(records) / t_res:,.0f} mentions/s "
          f"({len(records) / c_res:,.0f}/s per CPU second)")
    print(f"peak RSS            {rss / 1024:.0f} MiB (after generation: {rss0 / 1024:.0f} MiB)")
    print(f"pairwise            precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")
    for t, (tp, tr) in by_type(records, pred, truth).items():
        print(f"  {t:<15} precision {tp:.4f}  recall {tr:.4f}")
    if args.errors:
        errors(records, pred, truth, args.errors)
    if args.store:
        t0, c0 = time.perf_counter(), time.process_time()
        pred2 = run_store(records)
        t_store, c_store = time.perf_counter() - t0, time.process_time() - c0
        p2, r2, *_ = score(pred2, truth)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"store path          {t_store:.1f}s wall, {c_store:.1f}s CPU (write + resolve)  "
              f"precision {p2:.4f}  recall {r2:.4f}  peak RSS {rss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
