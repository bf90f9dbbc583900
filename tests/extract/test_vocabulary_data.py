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


def _word_sets() -> list[tuple[str, str]]:
    data = json.loads((DATA / "words.json").read_text(encoding="utf-8"))
    return [(module, name) for module, sets in data.items() if not module.startswith("_")
            for name in sets if not name.startswith("_")]


@pytest.mark.parametrize(("module", "name"), _word_sets(), ids=lambda x: x)
def test_each_word_set_is_read_by_its_module(module, name):
    """A set in words.json that its module no longer reads is vocabulary nobody applies."""
    source = (DATA.parent / f"{module}.py").read_text(encoding="utf-8")
    assert f'word_set("{module}", "{name}")' in source


def test_word_sets_have_no_blank_or_repeated_words():
    from supplytrace.extract.pipeline import vocab_data

    for module, name in _word_sets():
        words = vocab_data("words")[module][name]
        assert len(words) == len(set(words)), (module, name)
        assert all(w == w.strip() and w for w in words), (module, name)
