"""CLI commands of the extract stage: `annotate` (articles -> gold-format JSON) and `eval`."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from supplytrace.cli.common import console, err_console, fail, print_json
from supplytrace.model import Document, Extraction

if TYPE_CHECKING:
    from supplytrace.extract.evaluate import EvalResult
    from supplytrace.extract.registry import Extractor


def output_name(doc: Document) -> tuple[str, str]:
    """(file stem for the JSON, `document` field) for an article.

    A file article is named after its file (`000_x.txt` -> `000_x.json`, document `000_x.txt`);
    an item of a JSONL file after the file and its line (`feed.jsonl:3` -> `feed-3`).
    """
    if not doc.source:
        return doc.id, doc.id
    source = doc.source
    m = re.fullmatch(r"(.+):(\d+)", source)
    if m and not Path(source).exists():
        stem = f"{Path(m.group(1)).stem}-{m.group(2)}"
        return stem, stem
    return Path(source).stem, Path(source).name


def _escape(text: object) -> str:
    return str(text).replace("[", "\\[")


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def register(app: typer.Typer) -> None:
    @app.command("annotate")
    def annotate_cmd(
        paths: list[Path] = typer.Argument(..., help="Article files or folders (.txt .md .html .jsonl)."),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for one gold-format JSON per article."),
        extractor_name: str = typer.Option(None, "--extractor", "-e",
                                           help="Extractor backend (default: the default extractor, 'spacy')."),
        annotations: Path = typer.Option(None, "--annotations",
                                         help="Folder of gold-format files, for --extractor annotations."),
        processes: int = typer.Option(1, "--processes", "-j", min=1, help="Worker processes for extraction."),
    ) -> None:
        """Extract entities and claims from articles and write them in the gold annotation format."""
        from supplytrace.extract import DEFAULT_EXTRACTOR, get_extractor
        from supplytrace.sources import LoadError, iter_documents

        name = extractor_name or DEFAULT_EXTRACTOR
        options: dict[str, object] = {}
        if annotations is not None:
            if not annotations.is_dir():
                fail(f"annotation folder not found: {annotations}")
            options["directory"] = annotations
        elif name == "annotations":
            fail("--extractor annotations needs --annotations DIR (the folder of gold-format files)")
        if out.exists() and not out.is_dir():
            fail(f"--out {out} exists and is not a folder")
        try:
            extractor = get_extractor(name, **options)
        except Exception as exc:  # unknown backend, missing model, bad options: one clear line
            fail(f"cannot start extractor {name!r}: {exc}")
        out.mkdir(parents=True, exist_ok=True)

        skipped: list[str] = []
        written: dict[str, str] = {}  # file stem -> source, to catch two articles with one name
        pending: deque[Document] = deque()

        def documents() -> Iterator[Document]:
            for item in iter_documents(paths):
                if isinstance(item, LoadError):
                    skipped.append(str(item))
                    err_console.print(f"[yellow]skipped[/] {_escape(item)}", highlight=False)
                    continue
                pending.append(item)
                yield item

        def write(doc: Document, extraction: Extraction) -> None:
            stem, document = output_name(doc)
            if stem in written and written[stem] != doc.source:
                err_console.print(f"[yellow]note:[/] {_escape(doc.source)} has the same name as "
                                  f"{_escape(written[stem])}; written as {stem}-{doc.id[:8]}.json", highlight=False)
                stem = f"{stem}-{doc.id[:8]}"
            written[stem] = doc.source or ""
            data = extraction.to_gold(document, doc.published)
            (out / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")

        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err_console, transient=True) as bar:
            task = bar.add_task("annotating", total=None)
            feed = documents()
            stream = extractor.extract_many(feed, n_process=processes)
            while True:
                try:
                    extraction = next(stream)
                except StopIteration:
                    break
                except Exception as exc:  # the batch broke: say so, go on one article at a time
                    err_console.print(f"[yellow]note:[/] batch extraction failed ({_escape(exc)}); "
                                      "continuing one article at a time", highlight=False)
                    _one_by_one(extractor, pending, feed, write, skipped, bar, task)
                    break
                write(_take(pending, extraction), extraction)
                bar.advance(task)

        console.print(f"annotated {len(written)} article(s) into {_escape(out)}"
                      + (f", skipped {len(skipped)}" if skipped else ""), highlight=False)
        if skipped and not written:
            raise typer.Exit(1)

    @app.command("eval")
    def eval_cmd(
        gold: Path = typer.Option(..., "--gold", help="Folder of gold annotation files."),
        pred: Path = typer.Option(..., "--pred", help="Folder of predicted annotation files (from `annotate`)."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and false positives."),
        json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    ) -> None:
        """Precision / recall / F1 of predicted annotations against gold (entities, claims, modality, attribution)."""
        from supplytrace.extract.evaluate import evaluate

        for label, folder in (("--gold", gold), ("--pred", pred)):
            if not folder.exists():
                fail(f"{label} folder not found: {folder}")
            if not folder.is_dir():
                fail(f"{label} is not a folder: {folder}")
        if not any(gold.glob("*.json")):
            fail(f"no gold files (*.json) in {gold}")
        result = evaluate(gold, pred)
        if json_out:
            print_json(result.as_dict(verbose=verbose))
            return
        for w in result.warnings:
            err_console.print(f"[yellow]warning:[/] {_escape(w)}", highlight=False)
        _print_result(result, verbose)


def _take(pending: deque[Document], extraction: Extraction) -> Document:
    """The queued document an extraction belongs to (extractors keep order; the id confirms it)."""
    if extraction.document_id and pending[0].id != extraction.document_id:
        for i, doc in enumerate(pending):
            if doc.id == extraction.document_id:
                del pending[i]
                return doc
    return pending.popleft()


def _one_by_one(extractor: Extractor, pending: deque[Document], feed: Iterator[Document],
                write: Callable[[Document, Extraction], None], skipped: list[str], bar: Progress,
                task: TaskID) -> None:
    """Extract the remaining articles singly, skipping (and naming) any that fail."""
    def rest() -> Iterator[Document]:
        while pending:
            yield pending.popleft()
        for doc in feed:
            pending.popleft()  # documents() queued it; we handle it here
            yield doc

    for doc in rest():
        try:
            extraction = extractor.extract(doc)
        except Exception as exc:
            skipped.append(f"{doc.source}: {exc}")
            err_console.print(f"[yellow]skipped[/] {_escape(doc.source)}: extraction failed: {_escape(exc)}",
                              highlight=False)
            continue
        write(doc, extraction)
        bar.advance(task)


def _prf_table(title: str, first: str, rows: dict) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for col in ("P", "R", "F1", "TP", "gold", "pred"):
        table.add_column(col, justify="right")
    for label, r in rows.items():
        table.add_row(str(label), f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}",
                      str(r.tp), str(r.gold), str(r.pred))
    return table


def _print_result(result: EvalResult, verbose: bool) -> None:
    console.print(f"documents predicted: {result.documents_predicted} of {result.documents}")
    console.print(_prf_table("Overall", "", {
        "entities": result.entities, "entities (typed)": result.entities_typed, "claims": result.claims,
    }))
    console.print(f"modality accuracy    {_fmt(result.modality_accuracy)}  "
                  f"({result.modality.correct} of {result.modality.total} matched claims)")
    console.print(f"attribution accuracy {_fmt(result.attribution_accuracy)}  "
                  f"({result.attribution.correct} of {result.attribution.total} matched attributed claims)")
    console.print(f"left unattributed   {_fmt(result.unattributed.value)}  ({result.unattributed.correct} of "
                  f"{result.unattributed.total} matched claims unsourced in gold)")
    console.print(_prf_table("Entities by type (typed match)", "type", dict(sorted(result.per_type.items()))))
    console.print(_prf_table("Claims by predicate", "predicate", dict(sorted(result.per_predicate.items()))))
    if not verbose:
        return
    for kind, status, title in (("entity", "missed", "Missed entities"),
                                ("entity", "false_positive", "False-positive entities"),
                                ("claim", "missed", "Missed claims"),
                                ("claim", "false_positive", "False-positive claims")):
        found = result.select(kind, status)
        table = Table("document", "type" if kind == "entity" else "predicate", "what", "note",
                      title=f"{title} ({len(found)})", title_justify="left")
        for f in found:
            what = f.text if kind == "entity" else (f.note or f.text)
            note = f.note if kind == "entity" else ""
            table.add_row(f.document, str(f.type or ""), _escape(what), _escape(note or ""))
        console.print(table)
