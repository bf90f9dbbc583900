"""Ingest benchmark: 2,000 generated articles, documents only (like `ingest --no-extract`), or end to end.

Prints articles/second and peak memory. The articles are synthetic (random enterprises,
products and figures in a few sentence templates, with page junk around them), written to a
temporary folder as a mix of .txt, .md, .html and .jsonl so every loader is exercised.

    .venv/bin/python benchmarks/ingest.py [--articles 2000] [--seed 7] [--extract [NAME]]

`--extract` runs the default extractor (or NAME) and resolution too, as `supplytrace ingest` does;
the extractor's model load time is reported separately from the ingest rate.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from supplytrace.pipeline import ingest
from supplytrace.store import Store

PLANTS = ["Northern Optics Works", "Minsk Gear Plant", "Volga Casting Co", "Riverside Electronics",
          "Eastern Chassis Plant", "Lakeside Composites", "Steppe Motor Works", "Delta Microsystems"]
PRODUCTS = ["microchips", "wheeled chassis", "optical sights", "shell casings", "drone airframes",
            "control units", "rocket motors", "radio modules"]
SYSTEMS = ["Kh-101", "Iskander", "S-400", "Grad", "Geran-2", "Tornado-S", "Su-34", "Orlan-10"]
SOURCES = ["a Ukrainian intelligence report", "a Latvian security review", "a monitoring group",
           "leaked procurement files", "satellite imagery analysts"]
JUNK_TOP = ["Advertisement", "3 min read", "Share this article"]
JUNK_TAIL = ["Copyright © 2025 Example News Network. All rights reserved.", "4 Comments", "Reader1",
             "Nice article.", "Reader2", "I disagree."]


def article(rng: random.Random, i: int) -> tuple[str, str]:
    """(title, body) of one synthetic article, unique by construction."""
    plant, product, system = rng.choice(PLANTS), rng.choice(PRODUCTS), rng.choice(SYSTEMS)
    n, year = rng.randint(1, 90) * 1000, rng.randint(2022, 2026)
    title = f"{plant} expands {product} output (report {i})"
    paragraphs = [
        f"{plant} produces {product} for the {system} system, according to {rng.choice(SOURCES)}.",
        f"The plant made about {n:,} units in {year} and plans to reach {n * 2:,} units a year by {year + 2}.",
        f"Workers at the site said a new line opened in {rng.choice(['March', 'June', 'October'])} {year}.",
        f"Officials declined to comment on item {i} of the series.",
    ]
    rng.shuffle(paragraphs[1:])
    return title, "\n\n".join(paragraphs)


def write_corpus(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    jsonl_lines = []
    for i in range(count):
        title, body = article(rng, i)
        kind = i % 4
        if kind == 0:
            text = "\n\n".join([rng.choice(JUNK_TOP), title, body, *JUNK_TAIL])
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        elif kind == 1:
            (folder / f"a{i:05d}.md").write_text(
                f"---\ntitle: {title}\npublished: {2024 + i % 2}-0{1 + i % 9}-1{i % 9}\n---\n\n# {title}\n\n{body}\n",
                encoding="utf-8")
        elif kind == 2:
            paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
            (folder / f"a{i:05d}.html").write_text(
                f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
                f"<article><h1>{title}</h1>{paras}</article><aside><h3>Most read</h3><ul><li>Other story</li>"
                f"</ul></aside><footer>© 2025 Example</footer></body></html>", encoding="utf-8")
        else:
            jsonl_lines.append(json.dumps({"title": title, "text": body, "published": "2025-05-01"}))
    (folder / "dump.jsonl").write_text("\n".join(jsonl_lines) + "\n", encoding="utf-8")


def peak_rss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--extract", nargs="?", const="spacy", default=None, metavar="NAME",
                        help="also extract (default backend: spacy) and resolve, as `supplytrace ingest` does")
    args = parser.parse_args()
    extractor = None
    if args.extract:
        from supplytrace.extract import get_extractor

        start = time.perf_counter()
        extractor = get_extractor(args.extract)
        print(f"extractor {args.extract!r} loaded in {time.perf_counter() - start:.2f} s")
    with tempfile.TemporaryDirectory(prefix="supplytrace-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_corpus(folder, args.articles, args.seed)
        with Store(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            report = ingest([folder], store, extractor=extractor)
            elapsed = time.perf_counter() - start
            stored = store.count_documents()
    total = report.total
    print(f"articles: {total} (ingested {len(report.ingested)}, present {len(report.present)}, "
          f"failed {len(report.failed)}), stored {stored}")
    print(f"time: {elapsed:.2f} s  ->  {total / elapsed:.1f} articles/second")
    print(f"peak RSS: {peak_rss_mb():.1f} MB")
    for err in report.failed[:5]:
        print(f"  failed: {err}")
    return 0 if not report.failed and stored == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
