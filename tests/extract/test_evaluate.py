"""`extract.evaluate`: the matching rules, and agreement with the reference scorer.

The agreement tests run `shared/tools/score.py --json --verbose` in a subprocess on the same
folders and compare every figure it reports: gold against itself, gold against predictions we
damage on purpose in many ways, the annotations backend's output, and the spaCy backend's
output when that backend is registered.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from supplytrace.extract.evaluate import (
    Article,
    claim_matches,
    content_words,
    evaluate,
    load_annotations,
    names_match,
    normalise_name,
    object_text_match,
    pair_entities,
    values_match,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCORE = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold"
SEEDS = SHARED / "seeds"
TYPES = ["organization", "person", "place", "facility", "weapon_system", "product"]
PREDICATES = ["produces", "supplies", "used_in", "part_of", "located_in", "capacity", "delivered", "statistic",
              "milestone"]
MODALITIES = ["reported", "planned", "estimated", "claimed", "possible"]


# -- helpers ---------------------------------------------------------------------------------

def reference(gold_dir: Path, pred_dir: Path) -> dict:
    if not SCORE.is_file():
        pytest.skip("reference scorer shared/tools/score.py not present")
    proc = subprocess.run([sys.executable, str(SCORE), str(gold_dir), str(pred_dir), "--json", "--verbose"],
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(proc.stdout)


def assert_agrees(gold_dir: Path, pred_dir: Path) -> dict:
    """Our figures equal the reference scorer's, key for key; returns the reference's."""
    ref = reference(gold_dir, pred_dir)
    ours = evaluate(gold_dir, pred_dir).as_dict(verbose=True)
    for key, value in ref.items():
        assert ours[key] == value, f"{key}: ours {ours[key]!r} != reference {value!r}"
    return ref


def write_dir(path: Path, files: dict[str, object]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def gold_files() -> dict[str, dict]:
    if not GOLD.is_dir():
        pytest.skip("shared/gold not present")
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


# Latin -> Cyrillic, so that a name comes back to its Latin form through the romanisation
# (Integral -> Интеграл); letters with no counterpart stay Latin.
_TO_CYRILLIC = [("shch", "щ"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("yu", "ю"),
                ("ya", "я"), *zip("abvgdezikl mnoprstufy", "абвгдезикл мнопрстуфы", strict=True)]


def cyrillic(name: str) -> str:
    out, s, i = [], name.lower(), 0
    while i < len(s):
        for latin, cyr in _TO_CYRILLIC:
            if s.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def perturb(gold: dict, rng: random.Random, keep_document: bool = True) -> dict:
    """A plausible but imperfect prediction for one gold file."""
    ents = []
    for e in copy.deepcopy(gold["entities"]):
        roll = rng.random()
        if roll < 0.12:
            continue  # missed
        if roll < 0.22:
            e["type"] = rng.choice([t for t in TYPES if t != e["type"]])
        elif roll < 0.32:
            e["name"], e["aliases"] = f"OJSC «{cyrillic(e['name'])}»", []
        elif roll < 0.40:
            e["name"], e["aliases"] = f"JSC {e['name'].upper()} plant", []
        elif roll < 0.46:
            e["name"], e["aliases"] = e["name"].split()[0], []  # a short form: containment or nothing
        elif roll < 0.50:
            e["name"], e["aliases"] = e["name"][:-1], []  # a broken name
        ents.append(e)
    keys = [e["key"] for e in ents] or ["nothing"]
    ents += [{"key": f"fp-{i}", "name": name, "type": rng.choice(TYPES), "aliases": []}
             for i, name in enumerate(rng.sample(["Grodno Azot", "Peleng", "Minsk", "Iskander-M", "optics",
                                                  "BelOMO", "Ministry of Industry", "Orsha"], 3))]
    rng.shuffle(ents)

    claims = []
    for c in copy.deepcopy(gold["claims"]):
        roll = rng.random()
        if roll < 0.10:
            continue
        if roll < 0.18:
            c["modality"] = rng.choice(MODALITIES)
        elif roll < 0.26:
            c["attributed_to"] = rng.choice([[], [rng.choice(keys)], ["somebody-else"]])
        elif roll < 0.34 and c.get("value") is not None:
            v = c["value"]
            if isinstance(v, list):
                c["value"] = rng.choice([(v[0] + v[1]) / 2, [v[0], v[1] * 1.2], v[1] + 1, [v[0], v[1]]])
            else:
                c["value"] = rng.choice([v * 1.005, v * 1.05, [v, v * 1.1], str(v), None])
        elif roll < 0.42 and c.get("date"):
            d = c["date"]
            c["date"] = rng.choice([d[:4], d + "-15" if len(d) == 7 else d, "2019", None])
        elif roll < 0.48 and c.get("event"):
            c["event"] = rng.choice(["suspended", "revived", "completed", "planned"])
        elif roll < 0.54 and c.get("object_text"):
            words = c["object_text"].split()
            c["object_text"] = rng.choice([" ".join(words[: max(1, len(words) // 2)]), "something else entirely",
                                           c["object_text"].upper() + "s"])
        elif roll < 0.60:
            c["predicate"] = rng.choice([p for p in PREDICATES if p != c.get("predicate")])
        elif roll < 0.66 and c.get("subject"):
            ent = next((e for e in gold["entities"] if e["key"] == c["subject"]), None)
            if ent:
                c["subject_text"], c["subject"] = ent["name"], None
        elif roll < 0.72 and c.get("object"):
            c["object"] = rng.choice(keys)
        claims.append(c)
    claims += [{"subject": rng.choice(keys), "predicate": rng.choice(PREDICATES), "object_text": "drones",
                "value": 10, "modality": "reported", "attributed_to": []} for _ in range(2)]
    rng.shuffle(claims)
    out = {"published": gold.get("published"), "entities": ents, "claims": claims}
    if keep_document:
        out = {"document": gold["document"], **out}
    return out


# -- agreement with the reference scorer -----------------------------------------------------

def test_gold_against_itself_agrees_and_is_perfect(gold_files: dict[str, dict]) -> None:
    ref = assert_agrees(GOLD, GOLD)
    assert ref["entities_typed"]["f1"] == 1.0 and ref["claims"]["f1"] == 1.0


@pytest.mark.parametrize("seed", range(8))
def test_perturbed_predictions_agree(tmp_path: Path, gold_files: dict[str, dict], seed: int) -> None:
    rng = random.Random(seed)
    files = {name: perturb(data, rng, keep_document=rng.random() < 0.7) for name, data in gold_files.items()}
    names = sorted(files)
    if seed % 2:
        files[names[-1]] = "{ this is not json"  # a broken file scores as an empty prediction
        files["unrelated_article.json"] = {"document": "unrelated_article.txt", "entities": [], "claims": []}
    if seed % 3 == 0:
        del files[names[0]]  # an article with no prediction at all
    pred = write_dir(tmp_path / "pred", files)
    ref = assert_agrees(GOLD, pred)
    assert 0 < ref["entities"]["f1"] < 1 and 0 < ref["claims"]["f1"] < 1


def test_targeted_perturbations_agree(tmp_path: Path) -> None:
    """Hand-made cases for each rule, scored by both implementations."""
    gold = {
        "document": "a.txt", "published": "2025-03",
        "entities": [
            {"key": "integral", "name": "Integral", "type": "organization", "aliases": ["JSC Integral"]},
            {"key": "lukashenko", "name": "Alexander Lukashenko", "type": "person", "aliases": ["Lukashenka"]},
            {"key": "szru", "name": "SZRU", "type": "organization", "aliases": []},
            {"key": "kh-101", "name": "Kh-101", "type": "weapon_system", "aliases": []},
            {"key": "plant", "name": "composite UAV parts plant", "type": "facility", "aliases": []},
            {"key": "belarus", "name": "Belarus", "type": "place", "aliases": []},
            {"key": "chips", "name": "microchips", "type": "product", "aliases": []},
        ],
        "claims": [
            {"subject": "integral", "predicate": "produces", "object_text": "dual-use microchips",
             "modality": "reported", "attributed_to": ["szru"]},
            {"subject": "integral", "predicate": "used_in", "object": "kh-101", "modality": "possible",
             "attributed_to": ["szru"]},
            {"subject": "plant", "predicate": "capacity", "value": 100000, "unit": "drones", "period": "year",
             "object_text": "drones", "modality": "planned", "attributed_to": ["lukashenko"]},
            {"subject": "plant", "predicate": "milestone", "event": "operations_started", "date": "2025-02",
             "attributed_to": ["szru"]},
            {"subject": "plant", "predicate": "milestone", "event": "suspended"},
            {"subject": "belarus", "predicate": "delivered", "value": [12, 18], "unit": "months"},
            {"subject_text": "microchips", "predicate": "used_in", "object": "kh-101"},
        ],
    }
    pred = {
        "document": "a.txt", "published": "2025-03",
        "entities": [
            {"key": "e1", "name": "OJSC Интеграл", "type": "organization"},
            {"key": "e2", "name": "Лукашенко", "type": "person"},
            {"key": "e3", "name": "Ukrainian intelligence (SZRU)", "type": "organization"},
            {"key": "e4", "name": "Х-101 cruise missile", "type": "product"},
            {"key": "e5", "name": "plant", "type": "facility"},
            {"key": "e6", "name": "Republic of Belarus", "type": "place"},
            {"key": "e7", "name": "Minsk", "type": "place"},
        ],
        "claims": [
            {"subject": "e1", "predicate": "produces", "object_text": "microchips", "attributed_to": ["e3"]},
            {"subject": "e1", "predicate": "produces", "object_text": "dual use chips", "modality": "claimed",
             "attributed_to": ["e3"]},
            {"subject": "e1", "predicate": "used_in", "object": "e4", "modality": "possible", "attributed_to": []},
            {"subject_text": "composite UAV parts plant", "predicate": "capacity", "value": 100500,
             "object_text": "drones", "modality": "planned", "attributed_to": ["e2"]},
            {"subject_text": "composite UAV parts plant", "predicate": "milestone", "date": "2025",
             "event": "operations_started"},
            {"subject_text": "composite UAV parts plant", "predicate": "milestone", "date": "2025-02-20",
             "event": "completed", "attributed_to": ["SZRU"]},
            {"subject_text": "composite UAV parts plant", "predicate": "milestone", "event": "suspended"},
            {"subject": "e6", "predicate": "delivered", "value": 15, "unit": "months"},
            {"subject_text": "Microchips", "predicate": "used_in", "object": "e4"},
        ],
    }
    g = write_dir(tmp_path / "gold", {"a.json": gold})
    p = write_dir(tmp_path / "pred", {"a.json": pred})
    ref = assert_agrees(g, p)
    assert ref["claims"]["tp"] == 7
    assert ref["entities"]["tp"] == 6 and ref["entities_typed"]["tp"] == 5


def test_annotations_backend_output_agrees_and_is_perfect(tmp_path: Path, gold_files: dict[str, dict]) -> None:
    from supplytrace.extract import get_extractor
    from supplytrace.model import Document

    if not SEEDS.is_dir():
        pytest.skip("shared/seeds not present")
    extractor = get_extractor("annotations", directory=GOLD)
    out = tmp_path / "pred"
    out.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Document(text=path.read_text(encoding="utf-8"), source=str(path))
        ex = extractor.extract(doc)
        gold = gold_files[f"{path.stem}.json"]
        data = ex.to_gold(path.name, gold.get("published"))
        (out / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ref = assert_agrees(GOLD, out)
    assert ref["entities_typed"]["f1"] >= 0.99 and ref["claims"]["f1"] >= 0.99
    assert ref["modality_accuracy"] == 1.0 and ref["attribution_accuracy"] == 1.0


@pytest.mark.slow
def test_spacy_backend_output_agrees(tmp_path: Path, gold_files: dict[str, dict]) -> None:
    from typer.testing import CliRunner

    from supplytrace.cli.main import app
    from supplytrace.extract import extractors

    if "spacy" not in extractors.get_all():
        pytest.skip("the spacy extractor backend is not registered yet")
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds not present")
    out = tmp_path / "pred"
    result = CliRunner().invoke(app, ["annotate", *map(str, sorted(SEEDS.glob("*.txt"))), "--out", str(out),
                                      "--extractor", "spacy"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.json"))) == len(gold_files)
    assert_agrees(GOLD, out)


# -- the rules, one by one -------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "normal"), [
    ("OJSC «Интеграл»", "integral"),
    ("JSC Integral", "integral"),
    ("Лукашенко", "lukashenko"),
    ("Х-101", "kh 101"),
    ("Zenit-BelOMO", "zenit belomo"),
    ("“Peleng” Company", "peleng"),
    ("Minsk Wheel Tractor Plant (MZKT)", "minsk wheel tractor plant mzkt"),
    ("Ukraine's Foreign Intelligence Service", "ukraines foreign intelligence service"),
    ("Škoda", "skoda"),
    ("ОАО «Щит»", "shchit"),
    ("", ""),
])
def test_normalise_name(raw: str, normal: str) -> None:
    assert normalise_name(raw) == normal


def test_content_words_drop_fillers_and_plural_s() -> None:
    assert content_words("the 152 mm shells for various Grad rockets") == {"152", "mm", "shell", "grad", "rocket"}
    assert content_words("gas") == {"gas"}  # too short to be a plural


@pytest.mark.parametrize(("a", "b", "match"), [
    ({"integral"}, {"integral plant"}, True),  # whole-word containment
    ({"integral plant"}, {"integral"}, True),
    ({"svt"}, {"svt channel"}, False),  # under 4 characters: exact only
    ({"svt"}, {"svt"}, True),
    ({"integra"}, {"integral plant"}, False),  # not a whole word
    ({"minsk tractor"}, {"minsk wheel tractor plant"}, False),  # not contiguous
    ({"wheel tractor"}, {"minsk wheel tractor plant"}, True),
    (set(), {"anything"}, False),
])
def test_names_match(a: set[str], b: set[str], match: bool) -> None:
    assert names_match(a, b) is match


def test_entity_pairs_are_one_to_one_and_exact_first() -> None:
    gold = [{"name": "Minsk Wheel Tractor Plant", "type": "organization"}, {"name": "Minsk", "type": "place"}]
    assert pair_entities(gold, [{"name": "Minsk", "type": "place"}], typed=False) == {1: 0}
    twice = [{"name": "Integral", "type": "organization"}, {"name": "JSC Integral", "type": "organization"}]
    assert pair_entities([{"name": "Integral", "type": "organization"}], twice, typed=False) == {0: 0}


def test_typed_pairs_need_the_same_type() -> None:
    gold = [{"name": "Iskander", "type": "weapon_system"}]
    pred = [{"name": "Iskander", "type": "organization"}]
    assert pair_entities(gold, pred, typed=False) == {0: 0}
    assert pair_entities(gold, pred, typed=True) == {}


def test_aliases_count_as_names() -> None:
    gold = [{"name": "Minsk Wheel Tractor Plant", "aliases": ["MZKT"], "type": "organization"}]
    assert pair_entities(gold, [{"name": "MZKT", "type": "organization"}], typed=True) == {0: 0}


@pytest.mark.parametrize(("gold", "pred", "match"), [
    (100000, 100900, True),
    (100000, 101100, False),
    (100000, "100000", True),
    (80, None, False),
    ([12, 18], 15, True),
    ([12, 18], 12, True),
    ([12, 18], 19, False),
    ([12, 18], [12, 18], True),
    ([12, 18], [12, 20], False),
    (15, [12, 18], False),
    (0, 0, True),
])
def test_values_match(gold: object, pred: object, match: bool) -> None:
    assert values_match(gold, pred) is match


def test_object_text_needs_half_the_content_words() -> None:
    assert object_text_match("dual-use microchips", ["dual-use chips"])  # 2 of 3
    assert not object_text_match("dual-use microchips", ["microchips"])  # 1 of 3
    assert object_text_match("152 mm shells", ["shell", "152 mm"])  # any candidate will do
    assert object_text_match("the", ["whatever"])  # nothing to compare
    assert object_text_match(None, [""])


def _claim(gold_claim: dict, pred_claim: dict, gold_ents: list | None = None, pred_ents: list | None = None) -> bool:
    ents = [{"key": "x", "name": "Legmash", "type": "organization"},
            {"key": "grad", "name": "9K51 Grad", "type": "weapon_system"}]
    return claim_matches(Article({"entities": gold_ents or ents}), gold_claim,
                         Article({"entities": pred_ents or ents}), pred_claim)


def test_claim_needs_same_predicate_and_subject() -> None:
    g = {"subject": "x", "predicate": "produces", "object": "grad"}
    assert _claim(g, dict(g))
    assert not _claim(g, {**g, "predicate": "supplies"})
    assert _claim(g, {"subject_text": "JSC Legmash", "predicate": "produces", "object": "grad"})
    assert not _claim(g, {"subject_text": "Peleng", "predicate": "produces", "object": "grad"})


def test_claim_object_entity_must_match() -> None:
    g = {"subject": "x", "predicate": "produces", "object": "grad"}
    other = [{"key": "x", "name": "Legmash", "type": "organization"},
             {"key": "y", "name": "Grad", "type": "weapon_system"}, {"key": "z", "name": "Tornado"}]
    assert _claim(g, {"subject": "x", "predicate": "produces", "object": "y"}, pred_ents=other)
    assert not _claim(g, {"subject": "x", "predicate": "produces", "object": "z"}, pred_ents=other)
    assert not _claim(g, {"subject": "x", "predicate": "produces", "object_text": "Grad rockets"})
    assert _claim(g, {"subject": "x", "predicate": "produces", "object_text": "Grad rockets", "object": "grad"})


def test_claim_object_text_may_be_matched_by_an_object_entity() -> None:
    g = {"subject": "x", "predicate": "produces", "object_text": "Grad rocket casings"}
    assert _claim(g, {"subject": "x", "predicate": "produces", "object_text": "casings for Grad rockets"})
    assert not _claim(g, {"subject": "x", "predicate": "produces", "object": "grad"})  # 1 of 3 words
    assert _claim({**g, "object_text": "Grad rockets"}, {"subject": "x", "predicate": "produces", "object": "grad"})


def test_numeric_claims_need_the_value() -> None:
    g = {"subject": "x", "predicate": "capacity", "value": 480000, "object_text": "shells"}
    assert _claim(g, {**g, "value": 482000})
    assert not _claim(g, {**g, "value": 500000})
    assert not _claim(g, {k: v for k, v in g.items() if k != "value"})
    assert _claim({**g, "value": None}, {**g, "value": 7})  # gold without a value: any value


def test_milestone_date_at_gold_precision_or_finer() -> None:
    g = {"subject": "x", "predicate": "milestone", "event": "operations_started", "date": "2025-02"}
    assert _claim(g, {**g, "date": "2025-02"})
    assert _claim(g, {**g, "date": "2025-02-14", "event": "completed"})  # the date decides
    assert not _claim(g, {**g, "date": "2025"})  # coarser
    assert not _claim(g, {**g, "date": "2025-03"})
    undated = {"subject": "x", "predicate": "milestone", "event": "suspended"}
    assert _claim(undated, {**undated, "date": "2022"})
    assert not _claim(undated, {**undated, "event": "revived"})


def _score(tmp_path: Path, gold: dict, pred: dict | str):
    g = write_dir(tmp_path / "g", {"a.json": gold})
    p = write_dir(tmp_path / "p", {"a.json": pred})
    return evaluate(g, p)


BASE = {
    "document": "a.txt",
    "entities": [{"key": "x", "name": "Legmash", "type": "organization"},
                 {"key": "sab", "name": "State Security Service", "aliases": ["SAB"], "type": "organization"}],
    "claims": [{"subject": "x", "predicate": "produces", "object_text": "shells", "modality": "reported",
                "attributed_to": ["sab"]}],
}


def test_modality_and_attribution_over_matched_claims(tmp_path: Path) -> None:
    pred = copy.deepcopy(BASE)
    pred["entities"][1] = {"key": "s", "name": "SAB", "type": "organization"}
    pred["claims"][0].update(modality=None, attributed_to=["s"])  # missing modality means reported
    res = _score(tmp_path, BASE, pred)
    assert (res.modality.correct, res.modality.total) == (1, 1)
    assert (res.attribution.correct, res.attribution.total) == (1, 1)
    pred["claims"][0].update(modality="possible", attributed_to=[])
    res = _score(tmp_path, BASE, pred)
    assert res.modality_accuracy == 0.0 and res.attribution_accuracy == 0.0
    pred["claims"][0]["predicate"] = "supplies"  # unmatched: accuracies have nothing to measure
    res = _score(tmp_path, BASE, pred)
    assert res.modality_accuracy is None and res.attribution_accuracy is None


def test_broken_prediction_file_is_a_warning(tmp_path: Path) -> None:
    res = _score(tmp_path, BASE, "{not json")
    assert res.documents == 1 and res.documents_predicted == 0
    assert res.entities.gold == 2 and res.entities.tp == 0 and res.claims.recall == 0.0
    assert any("a.json" in w for w in res.warnings)
    assert "warnings" in res.as_dict()


def test_non_object_json_is_a_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    write_dir(tmp_path / "p", {"a.json": [1, 2], "b.json": {"entities": [], "claims": []}})
    loaded = load_annotations(tmp_path / "p", warnings)
    assert list(loaded) == ["b"] and "expected a JSON object" in warnings[0]


def test_findings_list_misses_and_false_positives(tmp_path: Path) -> None:
    pred = copy.deepcopy(BASE)
    pred["entities"] = [{"key": "x", "name": "Legmash", "type": "facility"},
                        {"key": "p", "name": "Peleng", "type": "organization"}]
    pred["claims"] = [{"subject": "x", "predicate": "supplies", "object_text": "shells"}]
    res = _score(tmp_path, BASE, pred)
    missed = {f.text: f for f in res.select("entity", "missed")}
    assert set(missed) == {"Legmash", "State Security Service (aka SAB)"}
    assert missed["Legmash"].note == "found with type facility"
    assert {f.text for f in res.select("entity", "false_positive")} == {"Legmash", "Peleng"}
    assert res.missed_claims == ["a: x produces shells"]
    assert [f.text for f in res.select("claim", "false_positive")] == ["x supplies shells"]
    data = res.as_dict(verbose=True)
    assert data["claim_false_positive"][0]["type"] == "supplies"
    assert res.per_type["organization"].gold == 2 and res.per_type["facility"].pred == 1


def test_prediction_for_unknown_article_is_reported_not_scored(tmp_path: Path) -> None:
    g = write_dir(tmp_path / "g", {"a.json": BASE})
    p = write_dir(tmp_path / "p", {"a.json": BASE, "zzz.json": {"document": "zzz.txt", "entities": BASE["entities"]}})
    res = evaluate(g, p)
    assert res.entities.pred == 2 and res.entities.f1 == 1.0
    assert any("zzz" in w for w in res.warnings)


def test_a_source_added_where_gold_has_none_is_counted(tmp_path: Path) -> None:
    """Attribution accuracy only looks at claims the gold attributes; this extra figure looks at the others."""
    ents = [{"key": "a", "name": "Alpha Works", "type": "organization"},
            {"key": "b", "name": "Beta Monitor", "type": "organization"},
            {"key": "m", "name": "Minsk", "type": "place"}]
    gold = {"document": "d.txt", "entities": ents, "claims": [
        {"subject": "a", "predicate": "located_in", "object": "m", "modality": "reported", "attributed_to": []}]}
    pred = copy.deepcopy(gold)
    pred["claims"][0]["attributed_to"] = ["b"]
    result = evaluate(write_dir(tmp_path / "g", {"d.json": gold}), write_dir(tmp_path / "p", {"d.json": pred}))
    assert result.unattributed.total == 1 and result.unattributed.correct == 0
    assert result.attribution.total == 0  # invisible to the reference figure
    same = evaluate(tmp_path / "g", tmp_path / "g")
    assert same.unattributed.value == 1.0
