"""What every loader returns: Documents, or LoadErrors that name the file, line and reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LoadError:
    """An input that could not be read; reported, skipped, and nothing else is lost."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"
