"""CLI: `supplytrace screen` — who in the map is on a sanctions list, who might be, who is not."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from supplytrace.cli.common import console, err_console, fail, open_store, print_json


def _names(values: list[str], limit: int = 3) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" (+{len(values) - limit})" if len(values) > limit else "")


def register(app: typer.Typer) -> None:
    @app.command("screen")
    def screen_cmd(
        ctx: typer.Context,
        lists: Path = typer.Option(None, "--lists", help="Sanctions data: an FtM JSON-lines file or a folder of them "
                                                         "(e.g. OpenSanctions entities.ftm.json)."),
        yente: str = typer.Option(None, "--yente", help="URL of a running yente service to query instead of a file."),
        dataset: str = typer.Option("default", "--dataset", help="yente dataset to match against."),
        threshold: float = typer.Option(0.7, "--threshold", min=0.0, max=1.0,
                                        help="Score at or above which an entity counts as listed."),
        cutoff: float = typer.Option(0.6, "--cutoff", min=0.0, max=1.0,
                                     help="Score at or above which a hit is shown as a possible match for review."),
        cache_dir: Path = typer.Option(None, "--cache-dir", envvar="SUPPLYTRACE_CACHE",
                                       help="Where the list index is cached (default ~/.cache/supplytrace/screen)."),
        json_out: bool = typer.Option(False, "--json", help="Machine-readable output."),
    ) -> None:
        """Screen stored organizations and persons against sanctions data (FtM file/folder or yente)."""
        from supplytrace.screen import ListError, screen_store
        from supplytrace.screen.yente import YenteError

        if not lists and not yente:
            fail("give sanctions data with --lists PATH (FtM JSON lines) or a yente service with --yente URL")
        if lists and yente:
            fail("give either --lists or --yente, not both")
        store = open_store(ctx)
        try:
            if not json_out and lists:
                err_console.print(f"indexing {escape(str(lists))} (cached after the first run)…", highlight=False)
            report = screen_store(store, lists=str(lists) if lists else None, yente=yente, dataset=dataset,
                                  threshold=threshold, cutoff=cutoff,
                                  cache_dir=str(cache_dir) if cache_dir else None)
        except (ListError, YenteError, ValueError) as exc:
            fail(str(exc))
        except NotImplementedError:
            fail("the analyze stage is not available in this build (entities cannot be read)")
        finally:
            store.close()
        for note in report.notes:
            err_console.print(f"[yellow]note:[/] {escape(note)}", highlight=False)
        if json_out:
            print_json(report.to_dict())
            return
        if not report.results:
            console.print("no organizations or persons in the store: ingest articles first "
                          "([bold]supplytrace ingest PATH[/])")
            return
        src = escape(report.source)
        listed = Table(title=f"Listed — score ≥ {report.threshold:g} against {src}", title_justify="left",
                       show_lines=True)
        # no minimum widths: Rich then wraps every column to fit an 80-column terminal
        for col, kw in [("entity", {}), ("origins", {"justify": "right"}),
                        ("claims", {"justify": "right"}), ("score", {"justify": "right"}),
                        ("matched name", {}), ("where listed (authority — program, since)", {"overflow": "fold"})]:
            listed.add_column(col, **kw)
        for r in report.listed:
            h = r.best
            assert h is not None
            where = "\n".join(dict.fromkeys(s.label() for s in h.sanctions)) or h.where
            listed.add_row(escape(r.entity.name), str(r.entity.origins), str(r.entity.claims),
                           f"{h.score:.2f}", escape(h.matched_name or h.caption), escape(where))
        possible = Table(title=f"Possible matches for review — {report.cutoff:g} ≤ score < {report.threshold:g}",
                         title_justify="left", show_lines=True)
        for col, kw in [("entity", {"min_width": 12}), ("origins", {"justify": "right"}),
                        ("claims", {"justify": "right"}), ("score", {"justify": "right"}),
                        ("list entry", {}), ("countries", {}), ("where", {"overflow": "fold"})]:
            possible.add_column(col, **kw)
        for r in report.possible:
            for h in r.hits:
                possible.add_row(escape(r.entity.name), str(r.entity.origins), str(r.entity.claims),
                                 f"{h.score:.2f}", escape(h.caption), escape(", ".join(h.countries)),
                                 escape(h.where))
        unlisted = Table(title="Named in reporting, not found on the list", title_justify="left")
        for col, kw in [("entity", {}), ("type", {}), ("country", {}), ("origins", {"justify": "right"}),
                        ("claims", {"justify": "right"}), ("articles", {"justify": "right"}), ("also named", {})]:
            unlisted.add_column(col, **kw)
        for r in report.unlisted:
            e = r.entity
            unlisted.add_row(escape(e.name), e.type, escape(e.country or "—"), str(e.origins), str(e.claims),
                             str(e.documents), escape(_names([a for a in e.aliases if a != e.name])))
        for table, rows in ((listed, report.listed), (possible, report.possible), (unlisted, report.unlisted)):
            if rows:
                console.print(table)
            else:
                console.print(f"[dim]{escape(str(table.title))}: none[/]")
        console.print(f"{len(report.listed)} listed, {len(report.possible)} possible, {len(report.unlisted)} unlisted "
                      f"({len(report.results)} organizations and persons screened"
                      + (f" against {report.list_entities} list entries)" if report.list_entities else ")"))
