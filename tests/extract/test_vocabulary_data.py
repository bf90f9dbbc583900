"""The vocabulary data files: each key written once (a second one silently replaces the first)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "supplytrace" / "extract" / "data"


def _duplicate_keys(path: Path) -> list[str]:
    found: list[str] = []

    def hook(pairs):
        counts = Counter(k for k, _ in pairs)
        found.extend(k for k, n in counts.items() if n > 1)
        return dict(pairs)

    json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=hook)
    return found


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.name)
def test_no_key_is_written_twice(path):
    assert _duplicate_keys(path) == []
