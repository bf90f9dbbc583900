"""CLI: ingest, documents, search, demo.

Article text, titles and file names are untrusted: they are always shown as plain `Text`, never
parsed as Rich markup, so a "[bold]" or "[/]" inside an article cannot restyle or break output.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from supplytrace.cli.common import console, err_console, fail, open_store, print_json
from supplytrace.model import Document
from supplytrace.pipeline import IngestReport, ingest
from supplytrace.sources import count_items
from supplytrace.sources.base import LoadError
from supplytrace.store import Store

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "corpus"

NEXT_STEPS = [
    ("supplytrace entities", "every enterprise, person, place and weapon named, merged across articles"),
    ("supplytrace entity Integral", "one entity: its names, claims and the sentences behind them"),
    ("supplytrace search Integral", "full-text search with highlighted snippets"),
    ("supplytrace conflicts", "figures and dates that disagree between reports"),
    ("supplytrace serve", "the web UI on http://127.0.0.1:8000: entity pages, network view, timelines"),
]
LINK_PREDICATES = ("produces", "supplies", "used_in")


def best_corroborated(store: Store, limit: int = 6) -> list:
    """The supply links backed by the most independent origins: what the demo shows first."""
    from supplytrace.analyze import api

    links = [c for c in api.claims(store) if c.predicate in LINK_PREDICATES]
    links.sort(key=lambda c: (-c.n_origins, -c.articles, c.subject_name, c.predicate))
    return links[:limit]


def load_extractor(name: str | None, annotations: Path | None, extract: bool) -> object | None:
    """The extractor to run, or None to store documents only.

    An extractor the user named must work (a typo is a user error); the default one may be
    missing while it is being built, in which case documents are stored with a one-line note.
    """
    if not extract:
        return None
    from supplytrace.extract.registry import DEFAULT_EXTRACTOR

    chosen = name or ("annotations" if annotations else DEFAULT_EXTRACTOR)
    options: dict[str, object] = {}
    if chosen == "annotations":
        if annotations is None:
            fail("--extractor annotations needs --annotations DIR (a folder of gold-format JSON files)")
        options["directory"] = annotations
    elif annotations is not None:
        fail(escape(f"--annotations only applies to --extractor annotations, not {chosen!r}"))
    try:
        from supplytrace.extract import get_extractor

        return get_extractor(chosen, **options)
    except Exception as exc:  # noqa: BLE001 - any backend failure is reported the same way
        if name is None and annotations is None:
            err_console.print(Text(f"note: extractor {chosen!r} unavailable ({exc}); storing documents only",
                                   style="yellow"), soft_wrap=True)
            return None
        fail(escape(f"extractor {chosen!r} unavailable: {exc}"))


def check_paths(paths: list[Path]) -> None:
    """A path that does not exist is a typo: stop before touching the store."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(escape("no such file or directory: " + ", ".join(str(p) for p in missing)))


def run_ingest(store: Store, paths: list[Path], extractor: object | None) -> IngestReport:
    """Ingest with a progress bar on stderr (failures are listed once, in the final report)."""
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingesting", total=count_items(paths))

        def progress(status: str, item: Document | LoadError) -> None:
            bar.advance(task)

        return ingest(paths, store, extractor=extractor, progress=progress)  # type: ignore[arg-type]


def print_report(report: IngestReport, label: str = "ingested") -> None:
    """The final count, then every failure with its reason (one line each)."""
    line = Text.assemble(
        (f"{label} {len(report.ingested)}", "bold green"), ", ",
        (f"already present {len(report.present)}", "cyan"), ", ",
        (f"failed {len(report.failed)}", "bold red" if report.failed else ""),
    )
    console.print(line)
    for err in report.failed:
        console.print(Text.assemble(("  failed ", "red"), str(err)), highlight=False, soft_wrap=True)


def snippet_text(snippet: str) -> Text:
    """An FTS snippet with [[ ]] around matches -> styled Text; the article text stays plain."""
    out, pos = Text(), 0
    for m in re.finditer(r"\[\[(.*?)\]\]", snippet, flags=re.DOTALL):
        out.append(snippet[pos:m.start()])
        out.append(m.group(1), style="bold yellow")
        pos = m.end()
    out.append(snippet[pos:])
    return out


def store_counts(store: Store) -> dict[str, int]:
    """Rows in the main tables, for the demo summary."""
    counts = {}
    for label, table in (("documents", "documents"), ("entities", "entities"), ("mentions", "mentions"),
                         ("claims", "claims")):
        counts[label] = store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    return counts


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        ctx: typer.Context,
        paths: list[Path] = typer.Argument(
            ..., help="Article files or folders. Folders are read recursively: .txt .md .html .htm .jsonl.",
            show_default=False),
        extractor: str = typer.Option(
            None, "--extractor", "-e", help="Extractor backend to run (default: 'spacy').", show_default=False),
        annotations: Path = typer.Option(
            None, "--annotations", help="Folder of gold-format JSON files, matched to articles by file stem "
            "(implies --extractor annotations).", show_default=False),
        no_extract: bool = typer.Option(False, "--no-extract", help="Store documents only, without extraction."),
    ) -> None:
        """Read articles into the store, extract entities and claims, and say what happened to each.

        Idempotent: an article already in the store (same text) is reported as "already present".
        A file that cannot be read is skipped with the reason; the rest of the batch still goes in.
        """
        check_paths(paths)
        chosen = load_extractor(extractor, annotations, extract=not no_extract)
        with open_store(ctx, create=True) as store:
            report = run_ingest(store, paths, chosen)
        print_report(report)
        if report.failed and not report.ingested and not report.present:
            raise typer.Exit(1)

    @app.command("documents")
    def documents_cmd(ctx: typer.Context,
                      json_out: bool = typer.Option(False, "--json", help="Print JSON instead of a table.")) -> None:
        """List the documents in the store: id, date, outlet, title, language, source file."""
        with open_store(ctx) as store:
            docs = store.documents()
        if json_out:
            print_json([{k: v for k, v in d.__dict__.items() if k != "text"} for d in docs])
            return
        if not docs:
            console.print("no documents yet: try [bold]supplytrace ingest PATH[/] or [bold]supplytrace demo[/]")
            return
        table = Table(title=f"{len(docs)} documents")
        for name in ("id", "published", "lang"):
            table.add_column(name, no_wrap=True)
        table.add_column("outlet", max_width=24)
        table.add_column("title", ratio=1)
        table.add_column("file", overflow="fold")
        for d in docs:
            table.add_row(*(Text(v) for v in (d.id[:10], d.published or "", d.language or "", d.outlet or "",
                                               d.title or "", Path(d.source or "").name)))
        console.print(table)

    @app.command("search")
    def search_cmd(
        ctx: typer.Context,
        query: str = typer.Argument(..., help="Words to look for (plain words; FTS syntax is not interpreted).",
                                    show_default=False),
        limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show at most this many documents."),
        json_out: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    ) -> None:
        """Full-text search over stored articles, best matches first, with highlighted snippets.

        Exits with status 1 when nothing matches (like grep).
        """
        with open_store(ctx) as store:
            hits = store.search(query, limit=limit)
        if json_out:
            print_json(hits)
            return
        if not hits:
            console.print(Text(f"no matches for {query!r}"))
            raise typer.Exit(1)
        for h in hits:
            console.print(Text.assemble((h.doc_id[:10], "cyan"), " ", h.title or h.source or ""), highlight=False)
            console.print(Text("   ") + snippet_text(h.snippet), highlight=False)

    @app.command("demo")
    def demo_cmd(
        ctx: typer.Context,
        extra: list[Path] = typer.Argument(None, help="More article files or folders to ingest with the sample.",
                                           show_default=False),
        no_extract: bool = typer.Option(False, "--no-extract", help="Store the sample documents only."),
    ) -> None:
        """Ingest the bundled sample corpus (examples/corpus), plus any PATHs given, and show what to try next."""
        if not EXAMPLES.is_dir():
            fail(escape(f"sample corpus not found at {EXAMPLES}"))
        for path in extra or []:
            if not path.exists():
                fail(escape(f"{path}: no such file or folder"))
        chosen = load_extractor(None, None, extract=not no_extract)
        with open_store(ctx, create=True) as store:
            report = run_ingest(store, [EXAMPLES, *(extra or [])], chosen)
            counts = store_counts(store)
            where = store.path
            top = best_corroborated(store) if chosen is not None else []
        print_report(report, label="demo: ingested")
        console.print(Text(f"store: {where}"), highlight=False, soft_wrap=True)
        summary = Table(show_header=False)
        for label, n in counts.items():
            summary.add_row(label, str(n))
        console.print(summary)
        if top:
            facts = Table(title="Best-corroborated facts", title_justify="left")
            for name in ("subject", "predicate", "object", "origins", "articles"):
                facts.add_column(name, overflow="fold")
            for c in top:
                what = c.object_name or ""
                item = c.product_name or c.object_text
                if item and item != what:
                    what = f"{what} ({item})" if what else item
                facts.add_row(Text(c.subject_name), c.predicate, Text(what), str(c.n_origins), str(c.articles))
            console.print(facts)
        console.print("[bold]What to try next[/] (after [bold]source .venv/bin/activate[/]):")
        db = (ctx.obj or {}).get("db")
        prefix = f"supplytrace --db {shlex.quote(str(db))}" if db else "supplytrace"
        for command, what in NEXT_STEPS:
            command = command.replace("supplytrace", prefix, 1)
            console.print(Text.assemble("  ", (command, "bold"), f"  # {what}"), highlight=False, soft_wrap=True)
