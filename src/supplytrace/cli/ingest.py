"""CLI: ingest, documents, search, demo."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from supplytrace.cli.common import console, err_console, fail, open_store, print_json
from supplytrace.pipeline import IngestReport, ingest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "corpus"


def _run_ingest(ctx: typer.Context, paths: list[Path], extract: bool) -> IngestReport:
    store = open_store(ctx)
    extractor = None
    if extract:
        from supplytrace.extract.registry import get_extractor

        try:
            extractor = get_extractor()
        except Exception as exc:  # no backend installed yet: store documents only
            err_console.print(f"[yellow]note:[/] extraction unavailable ({exc}); storing documents only")
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(status: str, item: object) -> None:
            bar.advance(task)
            if status == "failed":
                err_console.print(f"[red]skipped[/] {item}", highlight=False)

        report = ingest(paths, store, extractor=extractor, progress=progress)
    store.close()
    return report


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        ctx: typer.Context,
        paths: list[Path] = typer.Argument(..., help="Files or folders of articles (.txt .md .html .jsonl)."),
        no_extract: bool = typer.Option(False, "--no-extract", help="Store documents without extraction."),
    ) -> None:
        """Read articles into the store (idempotent: the same article twice changes nothing)."""
        report = _run_ingest(ctx, paths, extract=not no_extract)
        console.print(f"ingested {len(report.ingested)}, already present {len(report.present)}, "
                      f"failed {len(report.failed)}")
        if report.failed and not report.ingested and not report.present:
            raise typer.Exit(1)

    @app.command("documents")
    def documents_cmd(ctx: typer.Context, json_out: bool = typer.Option(False, "--json")) -> None:
        """List stored documents."""
        store = open_store(ctx)
        docs = store.documents()
        if json_out:
            print_json([{k: v for k, v in d.__dict__.items() if k != "text"} for d in docs])
            return
        table = Table("id", "published", "outlet", "title", "source")
        for d in docs:
            table.add_row(d.id[:10], d.published or "", d.outlet or "", (d.title or "")[:60], d.source or "")
        console.print(table)

    @app.command("search")
    def search_cmd(ctx: typer.Context, query: str, limit: int = typer.Option(20, "--limit"),
                   json_out: bool = typer.Option(False, "--json")) -> None:
        """Full-text search over stored documents."""
        hits = open_store(ctx).search(query, limit=limit)
        if json_out:
            print_json(hits)
            return
        if not hits:
            console.print("no matches")
        for h in hits:
            snippet = h.snippet.replace("[", "\\[").replace("\\[\\[", "[bold yellow]").replace("]]", "[/]")
            console.print(f"[cyan]{h.doc_id[:10]}[/] {h.title or h.source or ''}")
            console.print(f"   {snippet}", highlight=False)

    @app.command("demo")
    def demo_cmd(ctx: typer.Context) -> None:
        """Ingest the bundled sample corpus into the store and show what to try next."""
        if not EXAMPLES.is_dir():
            fail(f"sample corpus not found at {EXAMPLES}")
        report = _run_ingest(ctx, [EXAMPLES], extract=True)
        console.print(f"demo: ingested {len(report.ingested)}, already present {len(report.present)}, "
                      f"failed {len(report.failed)}")
