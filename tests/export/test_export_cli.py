"""`supplytrace export` as a user runs it, and the errors a user can cause: unknown format,
an --out path that cannot be written, a failed write, an empty store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import stix2
from typer.testing import CliRunner

from supplytrace.cli.main import app
from supplytrace.export import FORMATS, ExportError, export, formats
from supplytrace.store import Store

BIN = Path(sys.executable).parent / "supplytrace"


def run_cli(db: Path, *args: str):  # noqa: ANN201 - typer's Result
    return CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False, env={"COLUMNS": "200"})


def out_path(folder: Path, fmt: str) -> Path:
    suffix = formats()[fmt].suffix
    return folder / f"map{suffix}" if suffix else folder / "map-csv"


def output(r) -> str:  # noqa: ANN001 - click's Result; stderr is separate in click >= 8.2
    try:
        return r.output + (r.stderr or "")
    except (ValueError, AttributeError):
        return r.output


@pytest.fixture(scope="module")
def db(seed_store: Store) -> Path:
    return seed_store.path


def test_unknown_format_api(seed_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"unknown format 'pdf'; choose one of: ftm, stix, graphml"):
        export(seed_store, "pdf", tmp_path / "map.pdf")
    assert not list(tmp_path.iterdir())


def test_unknown_format_cli(db: Path, tmp_path: Path) -> None:
    r = run_cli(db, "export", "--format", "pdf", "--out", str(tmp_path / "map.pdf"))
    assert r.exit_code != 0
    assert "unknown format 'pdf'" in output(r) and "stix" in output(r)
    assert not list(tmp_path.iterdir())


def test_unknown_format_real_process(db: Path, tmp_path: Path) -> None:
    """The installed console script exits non-zero with a one-line error, no traceback."""
    if not BIN.exists():
        pytest.skip("supplytrace console script not installed next to this Python")
    p = subprocess.run([str(BIN), "--db", str(db), "export", "--format", "xlsx", "--out", str(tmp_path / "m")],
                       capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert p.returncode != 0
    assert "unknown format 'xlsx'" in p.stderr and "Traceback" not in p.stderr + p.stdout


def test_format_is_case_insensitive_and_json_output(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.stix.json"
    r = run_cli(db, "export", "--format", "STIX", "--out", str(out), "--json")
    assert r.exit_code == 0, output(r)
    result = json.loads(r.stdout)
    assert result["format"] == "stix" and result["path"] == str(out)
    bundle = stix2.parse(out.read_text(encoding="utf-8"), allow_custom=True)
    assert result["objects"] == len(bundle.objects)


@pytest.mark.parametrize("fmt", FORMATS)
def test_out_under_a_regular_file(seed_store: Store, db: Path, tmp_path: Path, fmt: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = blocker / "map.out"
    with pytest.raises(ExportError, match="cannot write"):
        export(seed_store, fmt, out)
    r = run_cli(db, "export", "--format", fmt, "--out", str(out))
    assert r.exit_code != 0
    assert "error" in output(r) and "cannot write" in output(r) and "Traceback" not in output(r)
    assert blocker.read_text() == "x"


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_out_is_a_folder(seed_store: Store, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        export(seed_store, fmt, tmp_path)


def test_csv_out_is_a_file(seed_store: Store, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.csv"
    out.write_text("old")
    r = run_cli(db, "export", "--format", "csv", "--out", str(out))
    assert r.exit_code != 0 and "writes a folder" in output(r)
    assert out.read_text() == "old"


def test_failed_write_leaves_the_previous_export(seed_store: Store, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "map.jsonl"
    export(seed_store, "jsonl", out)
    before = out.read_text(encoding="utf-8")

    def broken(data, path):  # noqa: ANN001, ANN202 - a writer that dies half way (disk full)
        path.write_text('{"kind": "document"', encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("supplytrace.export.jsonl.write", broken)
    with pytest.raises(ExportError, match="No space left on device"):
        export(seed_store, "jsonl", out)
    assert out.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.jsonl"]  # no temporary file left behind


def test_empty_store_exports_parse(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        for fmt in FORMATS:
            export(store, fmt, out_path(tmp_path, fmt))
    assert (tmp_path / "map.ftm.jsonl").read_text(encoding="utf-8") == ""
    bundle = stix2.parse((tmp_path / "map.stix.json").read_text(encoding="utf-8"), allow_custom=True)
    assert [o["type"] for o in bundle.objects] == ["identity"]
    assert nx.read_graphml(tmp_path / "map.graphml").number_of_nodes() == 0
    assert nx.read_gexf(tmp_path / "map.gexf").number_of_nodes() == 0
    assert (tmp_path / "map-csv" / "entities.csv").read_text(encoding="utf-8").startswith("id,name,type")
    assert (tmp_path / "map.jsonl").read_text(encoding="utf-8") == ""
