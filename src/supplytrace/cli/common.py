"""Shared CLI plumbing: the store from --db, one console, and clean user-facing errors."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from supplytrace.store import Store, StoreError, default_db_path

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error to stderr and exit non-zero."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def open_store(ctx: typer.Context, create: bool = False) -> Store:
    """The store named by --db / SUPPLYTRACE_DB.

    Only commands that write (ingest, demo) create a missing file: a mistyped --db for a query
    would otherwise answer from a new, empty map as if nothing were known.
    """
    path = (ctx.obj or {}).get("db")
    where = Path(path) if path else default_db_path()
    if not create and str(where) != ":memory:" and not where.exists():
        fail(escape(f"no store at {where}: ingest articles first (supplytrace --db {where} ingest PATH), "
                    "or point --db / SUPPLYTRACE_DB at an existing store"))
    try:
        return Store(path)
    except StoreError as exc:
        fail(str(exc))


def print_json(data: Any) -> None:
    """Machine output: plain JSON on stdout, dataclasses expanded."""
    def default(o: Any) -> Any:
        if is_dataclass(o):
            return asdict(o)  # type: ignore[arg-type]
        return str(o)

    sys.stdout.write(json.dumps(data, default=default, ensure_ascii=False, indent=2) + "\n")
