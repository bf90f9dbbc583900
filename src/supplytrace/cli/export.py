"""CLI: `supplytrace export --format F --out PATH`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from supplytrace.cli.common import console, fail, open_store, print_json

FORMAT_HELP = "ftm, stix, graphml, gexf, csv (a folder) or jsonl."


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        ctx: typer.Context,
        fmt: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP, case_sensitive=False),
        out: Path = typer.Option(..., "--out", "-o", help="Output file (a folder for csv)."),
        json_out: bool = typer.Option(False, "--json", help="Print what was written as JSON."),
    ) -> None:
        """Export the map: FtM (Aleph/OpenSanctions), STIX 2.1 (OpenCTI/MISP), GraphML/GEXF (Gephi), CSV, JSONL."""
        from supplytrace.export import FORMATS, ExportError, export

        fmt = fmt.lower()
        if fmt not in FORMATS:
            fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        store = open_store(ctx)
        try:
            result = export(store, fmt, out)
        except ExportError as exc:
            fail(str(exc))
        except NotImplementedError:
            fail("the analyze stage is not available in this build (nothing to export)")
        finally:
            store.close()
        if json_out:
            print_json(result)
            return
        counts = {k: v for k, v in result.items() if isinstance(v, int)}
        detail = ", ".join(f"{v} {k}" for k, v in counts.items())
        console.print(f"wrote {escape(fmt)} export to {escape(str(out))}" + (f" ({detail})" if detail else ""),
                      highlight=False)
