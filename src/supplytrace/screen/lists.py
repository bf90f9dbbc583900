"""Read sanctions data in FollowTheMoney JSON-lines form (OpenSanctions' `entities.ftm.json`).

A list is a file, or a folder of files (`*.json`, `*.jsonl`, `*.ftm.json`, each optionally `.gz`),
one FtM entity per line. Lines that are not JSON or not a valid FtM entity are reported, skipped,
and do not stop the load.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from followthemoney import EntityProxy, model

SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz")


class ListError(Exception):
    """A sanctions list path that cannot be read at all."""


@dataclass
class LoadProblem:
    """One line skipped while reading a list file."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class LoadStats:
    files: list[str] = field(default_factory=list)
    entities: int = 0
    problems: list[LoadProblem] = field(default_factory=list)


def list_files(path: str | Path) -> list[Path]:
    """The FtM files a --lists PATH names: the file itself, or the JSON(-lines) files under a folder."""
    p = Path(path)
    if not p.exists():
        raise ListError(f"{p}: no such file or folder")
    if p.is_file():
        return [p]
    files = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(SUFFIXES)
                   and not f.name.startswith("."))
    if not files:
        raise ListError(f"{p}: no FtM JSON-lines files (*.json, *.jsonl, *.ftm.json, .gz) in this folder")
    return files


def _open(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def iter_raw(path: str | Path, stats: LoadStats | None = None) -> Iterator[dict[str, Any]]:
    """Yield each entity as a raw dict (keeps `datasets`, `first_seen`... that proxies drop)."""
    stats = stats if stats is not None else LoadStats()
    for f in list_files(path):
        stats.files.append(str(f))
        try:
            handle = _open(f)
        except OSError as exc:
            raise ListError(f"{f}: cannot open ({exc})") from exc
        with handle:
            try:
                for number, line in enumerate(handle, 1):
                    line = line.strip()
                    if not line:
                        continue
                    try:
                        data = json.loads(line)
                    except json.JSONDecodeError as exc:
                        stats.problems.append(LoadProblem(str(f), number, f"not JSON ({exc.msg})"))
                        continue
                    if not isinstance(data, dict) or not data.get("schema") or not data.get("id"):
                        stats.problems.append(LoadProblem(str(f), number, "not an FtM entity (needs id and schema)"))
                        continue
                    if model.get(data["schema"]) is None:
                        stats.problems.append(LoadProblem(str(f), number, f"unknown FtM schema {data['schema']!r}"))
                        continue
                    stats.entities += 1
                    yield data
            except (UnicodeDecodeError, OSError, EOFError) as exc:
                stats.problems.append(LoadProblem(str(f), 0, f"unreadable ({exc}); rest of file skipped"))


def to_proxy(data: dict[str, Any]) -> EntityProxy:
    """A followthemoney proxy from an FtM dict (values cleaned by the FtM type system)."""
    return model.get_proxy(data, cleaned=False)


def iter_entities(path: str | Path, stats: LoadStats | None = None) -> Iterator[EntityProxy]:
    for data in iter_raw(path, stats):
        yield to_proxy(data)
