"""`supplytrace annotate` and `supplytrace eval`, run as a user would (through the Typer app)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from supplytrace.cli.main import app

runner = CliRunner()


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def seed_files(seeds: Path) -> list[Path]:
    return sorted(seeds.glob("*.txt"))


@pytest.fixture
def annotated(tmp_path: Path, seed_files: list[Path], gold: Path) -> Path:
    out = tmp_path / "pred"
    result = invoke("annotate", *seed_files, "--out", out, "--extractor", "annotations", "--annotations", gold)
    assert result.exit_code == 0, result.output
    return out


def test_annotate_writes_one_gold_format_file_per_article(annotated: Path, seed_files: list[Path]) -> None:
    files = sorted(annotated.glob("*.json"))
    assert [f.stem for f in files] == [p.stem for p in seed_files]
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["document"] == seed_files[0].name
    assert "published" in data
    assert data["entities"] and {"key", "name", "type", "aliases"} <= set(data["entities"][0])
    claim = data["claims"][0]
    assert {"subject", "predicate", "modality", "attributed_to"} <= set(claim)
    assert all(isinstance(m, list) and len(m) == 2 for e in data["entities"] for m in e["mentions"])


def test_annotate_then_eval_is_perfect(annotated: Path, gold: Path) -> None:
    result = invoke("eval", "--gold", gold, "--pred", annotated)
    assert result.exit_code == 0, result.output
    for label in ("entities", "entities (typed)", "claims", "modality accuracy", "attribution accuracy",
                  "weapon_system", "milestone"):
        assert label in result.output

    result = invoke("eval", "--gold", gold, "--pred", annotated, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entities_typed"]["f1"] == 1.0 and data["claims"]["f1"] == 1.0
    assert data["modality_accuracy"] == 1.0 and data["attribution_accuracy"] == 1.0
    assert set(data["per_predicate"]) >= {"produces", "capacity", "milestone"}


def test_eval_verbose_lists_misses_and_false_positives(annotated: Path, gold: Path) -> None:
    path = sorted(annotated.glob("*.json"))[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    dropped_entity = data["entities"].pop(0)
    dropped_claim = data["claims"].pop(0)
    data["entities"].append({"key": "bogus", "name": "Nonexistent Works", "type": "organization", "aliases": []})
    data["claims"].append({"subject": "bogus", "predicate": "supplies", "object_text": "nothing at all",
                           "modality": "reported", "attributed_to": []})
    path.write_text(json.dumps(data), encoding="utf-8")

    result = invoke("eval", "--gold", gold, "--pred", annotated, "--verbose")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    for heading in ("Missed entities (1)", "False-positive entities (1)", "Missed claims (1)",
                    "False-positive claims (1)"):
        assert heading in out
    assert dropped_entity["name"].split()[0] in out
    assert "Nonexistent" in out

    data = json.loads(invoke("eval", "--gold", gold, "--pred", annotated, "--json", "--verbose").stdout)
    assert len(data["missed_claims"]) == 1 and data["missed_claims"][0].startswith(path.stem)
    assert dropped_claim["predicate"] in data["missed_claims"][0]
    assert data["entity_false_positive"][0]["text"] == "Nonexistent Works"


def test_eval_warns_about_a_broken_prediction_file(annotated: Path, gold: Path) -> None:
    broken = sorted(annotated.glob("*.json"))[-1]
    broken.write_text("{ truncated", encoding="utf-8")
    result = invoke("eval", "--gold", gold, "--pred", annotated)
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr and broken.name in result.stderr.replace("\n", "")
    assert "documents predicted: 4 of 5" in result.stdout


@pytest.mark.parametrize("which", ["--gold", "--pred"])
def test_eval_missing_folder_is_a_clear_error(tmp_path: Path, gold: Path, which: str) -> None:
    dirs = {"--gold": gold, "--pred": gold}
    dirs[which] = tmp_path / "nowhere"
    result = invoke("eval", "--gold", dirs["--gold"], "--pred", dirs["--pred"])
    assert result.exit_code == 2
    assert f"{which} folder not found" in result.stderr
    assert "Traceback" not in result.output


def test_eval_empty_gold_folder_is_an_error(tmp_path: Path, gold: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("eval", "--gold", tmp_path / "empty", "--pred", gold)
    assert result.exit_code == 2 and "no gold files" in result.stderr


def test_annotate_skips_unreadable_inputs_and_goes_on(tmp_path: Path, seed_files: list[Path], gold: Path) -> None:
    out = tmp_path / "pred"
    missing = tmp_path / "no-such-article.txt"
    result = invoke("annotate", missing, seed_files[0], "--out", out, "--extractor", "annotations",
                    "--annotations", gold)
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and "no-such-article.txt" in result.stderr.replace("\n", "")
    assert [p.stem for p in out.glob("*.json")] == [seed_files[0].stem]
    assert "annotated 1 article(s)" in result.stdout and "skipped 1" in result.stdout


def test_annotate_with_nothing_readable_fails(tmp_path: Path, gold: Path) -> None:
    result = invoke("annotate", tmp_path / "nope.txt", "--out", tmp_path / "pred", "--extractor", "annotations",
                    "--annotations", gold)
    assert result.exit_code == 1


def test_annotate_article_without_annotation_gives_empty_file(tmp_path: Path, gold: Path) -> None:
    article = tmp_path / "fresh_article.txt"
    article.write_text("A plant in a town makes parts for tractors.\n", encoding="utf-8")
    result = invoke("annotate", article, "--out", tmp_path / "pred", "--extractor", "annotations",
                    "--annotations", gold)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "pred" / "fresh_article.json").read_text(encoding="utf-8"))
    assert data["document"] == "fresh_article.txt" and data["entities"] == [] and data["claims"] == []


def test_annotate_unknown_extractor_is_a_clear_error(tmp_path: Path, seed_files: list[Path]) -> None:
    result = invoke("annotate", seed_files[0], "--out", tmp_path / "pred", "--extractor", "no-such-backend")
    assert result.exit_code == 2
    assert "no-such-backend" in result.stderr and "registered" in result.stderr
    assert not (tmp_path / "pred").exists()


def test_annotate_annotations_backend_needs_its_folder(tmp_path: Path, seed_files: list[Path]) -> None:
    result = invoke("annotate", seed_files[0], "--out", tmp_path / "pred", "--extractor", "annotations")
    assert result.exit_code == 2 and "--annotations" in result.stderr
    result = invoke("annotate", seed_files[0], "--out", tmp_path / "pred", "--extractor", "annotations",
                    "--annotations", tmp_path / "missing")
    assert result.exit_code == 2 and "annotation folder not found" in result.stderr
