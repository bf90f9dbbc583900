"""Shared CLI plumbing: the store from --db, one console, and clean user-facing errors."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from typing import Any, NoReturn

import typer
from rich.console import Console

from supplytrace.store import Store, StoreError

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error to stderr and exit non-zero."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def open_store(ctx: typer.Context) -> Store:
    """The store named by --db / SUPPLYTRACE_DB (created if missing)."""
    path = (ctx.obj or {}).get("db")
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
