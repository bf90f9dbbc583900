"""The ingest, documents, search and demo commands, as a user runs them (typer's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from supplytrace.cli.main import app
from supplytrace.store import Store

ARTICLE = ("The Legmash plant in Orsha makes casings for 122 mm Grad rockets, according to BelPol.\n\n"
           "Advertisement\n\n"
           "The plant used to build sewing machines before the war.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def run(runner: CliRunner, db: Path, *args: str):  # noqa: ANN201 - typer's Result
    return runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)


def test_ingest_reports_counts_and_is_idempotent(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    first = run(runner, db, "ingest", "--no-extract", str(tmp_path / "a.txt"))
    assert first.exit_code == 0, first.output
    assert "ingested 1, already present 0, failed 0" in first.output
    second = run(runner, db, "ingest", "--no-extract", str(tmp_path / "a.txt"))
    assert "ingested 0, already present 1, failed 0" in second.output
    with Store(db) as store:
        (doc,) = store.documents()
    assert "Advertisement" not in doc.text and doc.removed == ["Advertisement"]


def test_ingest_lists_failures_and_keeps_going(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "feed.jsonl").write_text("{broken\n" + json.dumps({"text": ARTICLE + " More."}) + "\n")
    result = run(runner, db, "ingest", "--no-extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "ingested 2, already present 0, failed 2" in result.output
    assert "empty.txt: file is empty" in result.output
    assert "feed.jsonl:1: not valid JSON" in result.output


def test_ingest_only_failures_exits_non_zero(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run(runner, db, "ingest", "--no-extract", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1


def test_missing_path_is_a_user_error(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    result = run(runner, db, "ingest", "--no-extract", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert not db.exists() or Store(db).count_documents() == 0


def test_unknown_extractor_is_a_user_error(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run(runner, db, "ingest", "--extractor", "no-such-backend", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "no-such-backend" in result.output


def test_annotations_backend_needs_folder(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run(runner, db, "ingest", "--extractor", "annotations", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "--annotations" in result.output


def test_ingest_seeds_with_gold_annotations(runner: CliRunner, db: Path, seeds: Path, gold: Path) -> None:
    result = run(runner, db, "ingest", "--extractor", "annotations", "--annotations", str(gold), str(seeds))
    assert result.exit_code == 0, result.output
    assert "ingested 5" in result.output
    with Store(db) as store:
        claims = store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        located = store.conn.execute("SELECT count(*) FROM claims WHERE evidence_start IS NOT NULL").fetchone()[0]
    assert claims > 20 and located == claims  # every gold quote is found in the cleaned text


def test_missing_default_extractor_falls_back_to_documents(runner: CliRunner, db: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import supplytrace.extract as extract

    def unavailable(name: str = "spacy", **_: object) -> None:
        raise ValueError(f"unknown extractor {name!r}")

    monkeypatch.setattr(extract, "get_extractor", unavailable)
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run(runner, db, "ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert "storing documents only" in result.output and "ingested 1" in result.output


def test_documents_lists_and_json(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Orsha [bold]casings[/bold]\noutlet: Example Weekly\n"
                                   "published: 2025-03\n---\n\n" + ARTICLE)
    run(runner, db, "ingest", "--no-extract", str(tmp_path / "a.md"))
    table = run(runner, db, "documents")
    assert table.exit_code == 0
    assert "[bold]casings[/bold]" in table.output  # shown literally, not as markup
    data = json.loads(run(runner, db, "documents", "--json").output)
    assert data[0]["title"] == "Orsha [bold]casings[/bold]" and data[0]["published"] == "2025-03"
    assert "text" not in data[0]


def test_search_highlights_and_escapes(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Legmash [red]rockets[/] and [link=x]shells[/link] for the Russian army.\n"
                                    "Made in Orsha, the report says.")
    run(runner, db, "ingest", "--no-extract", str(tmp_path / "a.txt"))
    result = run(runner, db, "search", "Legmash")
    assert result.exit_code == 0, result.output
    assert "Legmash" in result.output
    assert "[red]rockets[/]" in result.output and "[link=x]shells[/link]" in result.output
    assert "[[" not in result.output
    hits = json.loads(run(runner, db, "search", "Orsha", "--json").output)
    assert len(hits) == 1 and "[[Orsha]]" in hits[0]["snippet"]
    none = run(runner, db, "search", "zzzz")
    assert none.exit_code == 1 and "no matches" in none.output


def test_demo_ingests_sample_corpus(runner: CliRunner, db: Path) -> None:
    result = run(runner, db, "demo", "--no-extract")
    assert result.exit_code == 0, result.output
    assert "demo: ingested" in result.output and "failed 0" in result.output
    for step in ("entities", "entity Integral", "search Integral", "conflicts", "serve"):
        assert step in result.output
    with Store(db) as store:
        assert 8 <= store.count_documents() <= 12
    again = run(runner, db, "demo", "--no-extract")
    assert "demo: ingested 0" in again.output


def test_demo_adds_extra_paths_and_rejects_missing_ones(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "legmash.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(runner, db, "demo", "--no-extract", str(extra))
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert any(Path(d.source or "").name == "legmash.txt" for d in store.documents())
    missing = run(runner, db, "demo", "--no-extract", str(tmp_path / "nowhere"))
    assert missing.exit_code != 0 and "nowhere" in missing.output


def test_demo_with_extraction_shows_corroborated_links(runner: CliRunner, db: Path) -> None:
    result = run(runner, db, "demo")
    assert result.exit_code == 0, result.output
    assert "Best-corroborated facts" in result.output
    assert any(p in result.output for p in ("produces", "supplies", "used_in"))


def test_help_texts(runner: CliRunner) -> None:
    for command in ("ingest", "documents", "search", "demo"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.output
    assert "--annotations" in runner.invoke(app, ["ingest", "--help"]).output


@pytest.mark.parametrize("command", [["documents"], ["search", "Integral"], ["entities"], ["conflicts"]])
def test_query_on_missing_store_is_an_error_not_an_empty_map(runner: CliRunner, tmp_path: Path,
                                                             command: list[str]) -> None:
    typo = tmp_path / "demo-typo.db"
    result = run(runner, typo, *command)
    assert result.exit_code == 2
    assert "no store at" in result.output and "demo-typo.db" in result.output
    assert not typo.exists()
