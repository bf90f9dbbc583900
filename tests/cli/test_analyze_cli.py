"""The analyze commands as a user runs them: entities, entity --why, claims, conflicts, timeline, path,
merge, split, resolve — on the five seeds ingested with the annotations backend."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from supplytrace.cli.main import app
from supplytrace.store import Store

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from supplytrace import pipeline
    from supplytrace.extract import get_extractor

    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds not present")
    path = tmp_path_factory.mktemp("cli") / "seeds.db"
    with Store(path) as store:
        pipeline.ingest(sorted((SHARED / "seeds").glob("*.txt")), store,
                        extractor=get_extractor("annotations", directory=SHARED / "gold"))
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Path:
    """A private copy, so merge/split tests do not leak into others."""
    copy = tmp_path / "copy.db"
    with Store(seeded) as s:
        s.conn.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copy(seeded, copy)
    return copy


def run(db: Path, *args: str):  # noqa: ANN201 - typer's Result
    return CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False, env={"COLUMNS": "200"})


def test_entities_table_and_type_filter(db: Path) -> None:
    r = run(db, "entities", "--type", "organization")
    assert r.exit_code == 0, r.output
    assert "Integral" in r.output and "Legmash" in r.output and "Alexander Lukashenko" not in r.output
    data = json.loads(run(db, "entities", "--json").stdout)
    assert sum(1 for e in data if e["name"] == "Alexander Lukashenko") == 1
    assert run(db, "entities", "--type", "spaceship").exit_code != 0


def test_entity_shows_names_claims_timeline(db: Path) -> None:
    r = run(db, "entity", "Integral")
    assert r.exit_code == 0, r.output
    assert "Интеграл" in r.output and "Kh-101" in r.output and "2025-12" in r.output
    assert "Foreign Intelligence Service of Ukraine" in r.output


def test_entity_why_shows_rule_per_alias(db: Path) -> None:
    r = run(db, "entity", "Lukashenka", "--why")
    assert r.exit_code == 0, r.output
    assert "first-seen" in r.output and "extractor-alias" in r.output and "exact" in r.output
    d = json.loads(run(db, "entity", "JSC Integral", "--json").stdout)
    assert d["entity"]["name"] == "Integral" and all(n["rule"] for n in d["names"])


def test_unknown_name_suggests_close_matches(db: Path) -> None:
    r = run(db, "entity", "Integrl")
    assert r.exit_code == 2
    assert "no entity named 'Integrl'" in r.output and "Integral" in r.output


def test_claims_min_origins(db: Path) -> None:
    data = json.loads(run(db, "claims", "--predicate", "used_in", "--min-origins", "2", "--json").stdout)
    kh = [c for c in data if c["object_name"] == "Kh-101"]
    assert len(kh) == 1 and len(kh[0]["origins"]) == 2 and kh[0]["articles"] == 3
    assert all(len(c["origins"]) >= 2 for c in data)
    r = run(db, "claims", "--entity", "Legmash", "--evidence")
    assert r.exit_code == 0 and "BelPol" in r.output


def test_conflicts(db: Path) -> None:
    data = json.loads(run(db, "conflicts", "--json").stdout)
    kinds = {(c["subject_name"], c["measure"]): c["kind"] for c in data}
    assert kinds[("composite UAV components plant", "milestone: operations_started")] == "contradiction"
    shells = [c for c in data if any(x["value"] == 480000 for x in c["claims"])]
    assert shells and shells[0]["kind"] == "related"
    r = run(db, "conflicts")
    assert r.exit_code == 0 and "contradiction" in r.output and "480,000" in r.output
    assert "agree" in run(db, "conflicts", "--all").output


def test_timeline_and_path(db: Path) -> None:
    r = run(db, "timeline", "Zenit-BelOMO")
    assert r.exit_code == 0 and "2025-08" in r.output and "planned" in r.output
    r = run(db, "path", "Amkodor", "Satan")
    assert r.exit_code == 0 and "Zavod SVT" in r.output
    assert run(db, "path", "Integral", "Nowhere-at-all").exit_code == 2


def test_merge_split_resolve_round_trip(db: Path) -> None:
    r = run(db, "merge", "MAZ", "MZKT")
    assert r.exit_code == 0, r.output
    merged = json.loads(run(db, "entity", "MZKT", "--json").stdout)["entity"]
    assert merged["name"] in ("MAZ", "Minsk Wheel Tractor Plant")
    assert run(db, "resolve").exit_code == 0
    maz = json.loads(run(db, "entity", "MAZ", "--json").stdout)["entity"]["id"]
    assert json.loads(run(db, "entity", "MZKT", "--json").stdout)["entity"]["id"] == maz  # survived
    r = run(db, "split", "Alexander Lukashenko", "Alexander Lukashenka")
    assert r.exit_code == 0, r.output
    run(db, "resolve")
    a = json.loads(run(db, "entity", "Alexander Lukashenko", "--json").stdout)["entity"]
    b = json.loads(run(db, "entity", "Alexander Lukashenka", "--json").stdout)["entity"]
    assert a["id"] != b["id"] and a["documents"] == 4 and b["documents"] == 1
    assert run(db, "merge", "Integral", "No Such Plant").exit_code == 2


def test_article_text_is_never_markup(tmp_path: Path) -> None:
    from supplytrace.model import DocEntity, Document, Extraction
    from supplytrace.resolve import resolve_documents
    from supplytrace.vocab import EntityType

    db = tmp_path / "m.db"
    with Store(db) as s:
        doc = Document(text="[bold red]Evil[/] Corp [link=x]y[/link]", source="m.txt")
        ex = Extraction(doc.id, [DocEntity("e", "[bold red]Evil[/] Corp", EntityType.ORGANIZATION)])
        s.add_document(doc, ex)
        resolve_documents(s, [doc.id])
    r = run(db, "entities")
    assert "[bold red]Evil[/] Corp" in r.output
    r = run(db, "entity", "[bold red]Evil[/] Corp", "--why")
    assert r.exit_code == 0 and "[bold red]Evil[/] Corp" in r.output
    r = run(db, "entity", "[red]nobody[/]")
    assert "[red]nobody[/]" in r.output
