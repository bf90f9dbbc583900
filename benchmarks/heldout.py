#!/usr/bin/env python3
"""Held-out evaluation: how well the extractor does on articles it was not developed on.

    python benchmarks/heldout.py [--set DIR] [--extractor spacy] [--pred DIR] [--json] [--verbose] [--reference]

Runs `supplytrace annotate` over benchmarks/heldout/articles (the CLI, in a subprocess, so the
run is exactly what a user gets), then scores the output against benchmarks/heldout/gold with
the project's scorer (`supplytrace.extract.evaluate`, the same rules as the reference scorer in
shared/tools/score.py). Prints entity P/R/F1 (untyped and typed, per type), claim P/R/F1
(overall and per predicate), and modality / attribution accuracy over matched claims.

`--pred DIR` keeps the predicted files there (default: a temporary folder, removed afterwards).
`--reference` also runs shared/tools/score.py on the same folders, when it can be found, so the
two scorers can be compared.
`--set DIR` evaluates another set laid out the same way (DIR/articles, DIR/gold), e.g.
benchmarks/blind; default benchmarks/heldout.

The held-out articles must not be used to tune the extractor: see benchmarks/heldout/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "benchmarks" / "heldout"
ARTICLES = HELDOUT / "articles"
GOLD = HELDOUT / "gold"
REFERENCE_SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def supplytrace_command() -> list[str]:
    """The CLI of the environment running this script (the project venv when run from it)."""
    exe = Path(sys.executable).with_name("supplytrace")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("supplytrace")
    if found:
        return [found]
    return [sys.executable, "-m", "supplytrace.cli"]


def annotate(pred_dir: Path, extractor: str | None, articles: Path = ARTICLES) -> None:
    cmd = [*supplytrace_command(), "annotate", str(articles), "--out", str(pred_dir)]
    if extractor:
        cmd += ["--extractor", extractor]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"annotate failed (exit {proc.returncode}): {' '.join(cmd)}")


def fmt(row: dict) -> str:
    return (f"P {row['p']:.3f}  R {row['r']:.3f}  F1 {row['f1']:.3f}"
            f"  ({row['tp']} of {row['gold']} gold, {row['pred']} predicted)")


def report(figures: dict, verbose: bool) -> None:
    print(f"held-out documents scored: {figures['documents_predicted']}/{figures['documents']}")
    print(f"entities (untyped)  {fmt(figures['entities'])}")
    print(f"entities (typed)    {fmt(figures['entities_typed'])}")
    print(f"claims              {fmt(figures['claims'])}")
    print(f"modality accuracy     {figures['modality_accuracy']}")
    print(f"attribution accuracy  {figures['attribution_accuracy']}")
    print(f"left unattributed     {figures.get('unattributed_accuracy')}  (of matched claims the gold attributes "
          "to no one; not in the reference scorer)")
    print("per entity type:")
    for name, row in figures["per_type"].items():
        print(f"  {name:14} {fmt(row)}")
    print("per predicate:")
    for name, row in figures["per_predicate"].items():
        print(f"  {name:14} {fmt(row)}")
    if verbose:
        for key in ("entity_missed", "entity_false_positive", "claim_missed", "claim_false_positive"):
            rows = figures.get(key, [])
            print(f"{key.replace('_', ' ')} ({len(rows)}):")
            for row in rows:
                note = f"  [{row['note']}]" if row.get("note") else ""
                print(f"  {row['document']}: ({row['type']}) {row['text']}{note}")
    for warning in figures.get("warnings", []):
        print(f"warning: {warning}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractor", "-e", default=None, help="extractor backend (default: the project default)")
    parser.add_argument("--pred", type=Path, default=None, help="keep predicted files in this folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives")
    parser.add_argument("--reference", action="store_true", help="also run shared/tools/score.py")
    parser.add_argument("--set", dest="set_dir", type=Path, default=HELDOUT,
                        help="evaluation set folder with articles/ and gold/ (default: benchmarks/heldout)")
    args = parser.parse_args()
    articles, gold = args.set_dir / "articles", args.set_dir / "gold"
    if not articles.is_dir() or not gold.is_dir():
        parser.error(f"{args.set_dir} has no articles/ and gold/ folders")

    from supplytrace.extract.evaluate import evaluate

    with tempfile.TemporaryDirectory(prefix="heldout-pred-") as tmp:
        pred_dir = args.pred or Path(tmp)
        pred_dir.mkdir(parents=True, exist_ok=True)
        annotate(pred_dir, args.extractor, articles)
        figures = evaluate(gold, pred_dir).as_dict(verbose=args.verbose)
        if args.json:
            print(json.dumps(figures, indent=1, ensure_ascii=False))
        else:
            report(figures, args.verbose)
        if args.reference:
            if REFERENCE_SCORER.is_file():
                print(f"\nreference scorer ({REFERENCE_SCORER}):", flush=True)
                subprocess.run([sys.executable, str(REFERENCE_SCORER), str(gold), str(pred_dir)], check=False)
            else:
                print(f"reference scorer not found at {REFERENCE_SCORER}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
