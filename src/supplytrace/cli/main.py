"""The `supplytrace` command: a thin layer over the Python API.

Each stage's commands live in their own module and register themselves on `app`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from supplytrace import __version__

app = typer.Typer(
    name="supplytrace",
    help="Turn open reporting on military supply networks into a sourced, queryable map.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"supplytrace {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Path = typer.Option(None, "--db", envvar="SUPPLYTRACE_DB",
                            help="SQLite database file (default: ./supplytrace.db)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    ctx.obj = {"db": db}


def _register() -> None:
    from supplytrace.cli import analyze, extract, ingest, screen, web
    from supplytrace.cli import export as export_cmd

    for module in (ingest, extract, analyze, screen, export_cmd, web):
        module.register(app)


_register()

if __name__ == "__main__":
    app()
