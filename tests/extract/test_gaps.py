"""General phenomena: legal forms after a name, numbers and shares written as words, two-word modality cues
before an infinitive, construction worded in the progressive. Invented companies and sentences."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of

from supplytrace.extract.coref import norm
from supplytrace.extract.pipeline import load_nlp
from supplytrace.extract.quantities import find_quantities

# ---------------------------------------------------------------- legal forms after the name


@pytest.mark.parametrize("sentence, full, bare", [
    ("Elbwerk GmbH supplies machine tools to Russia.", "Elbwerk GmbH", "Elbwerk"),
    ("Turkish exporter Korkmaz Makina A.S. shipped lathes to Russia.", "Korkmaz Makina A.S.", "Korkmaz Makina"),
    ("Sinotrade Ltd sold microchips to the Kalashnikov Concern.", "Sinotrade Ltd", "Sinotrade"),
    ("Polaris Components LLC supplied navigation modules to Iran.", "Polaris Components LLC", "Polaris Components"),
    ("Vostok Trade FZE delivered drone engines to Russia.", "Vostok Trade FZE", "Vostok Trade"),
    ("Orion Tech Co., Ltd. sold optical sights to Russia.", "Orion Tech Co., Ltd.", "Orion Tech"),
    ("The trader bought 300 quad bikes from Foshan Lianyi All-Terrain Vehicle Co. last spring.",
     "Foshan Lianyi All-Terrain Vehicle Co.", "Foshan Lianyi All-Terrain Vehicle"),
])
def test_legal_form_after_name_is_an_organisation(run, sentence, full, bare):
    ex = run(sentence)
    e = entity(ex, bare)
    assert e is not None and e.type.value == "organization", describe(ex)
    assert full in e.names, describe(ex)
    # the form alone is not a second company, and the claim's subject is the company
    assert entity(ex, full.split()[-1]) is None or entity(ex, full.split()[-1]).key == e.key, describe(ex)
    assert claims(ex, "supplies", bare), describe(ex)


def test_name_without_form_is_the_same_company(run):
    ex = run("Elbwerk GmbH supplies machine tools to Russia. Customs records show Elbwerk also ships bearings.")
    assert len([e for e in ex.entities if norm(e.name) == "elbwerk"]) == 1, describe(ex)


def test_norm_drops_forms_after_the_name():
    assert norm("Orion Tech Co., Ltd.") == "orion tech"
    assert norm("Korkmaz Makina A.S.") == "korkmaz makina"
    assert norm("Vostok Trade FZE") == "vostok trade"


def test_nationality_word_before_name_is_not_part_of_it(run):
    ex = run("The German Elbwerk GmbH shipped spindles to Russia.")
    e = entity(ex, "Elbwerk")
    assert e is not None and not any(n.startswith(("German", "The")) for n in e.names), describe(ex)


# ---------------------------------------------------------------- numbers and shares as words


@pytest.fixture(scope="module")
def quantities():
    nlp = load_nlp()

    def _q(text: str):
        return [(q.value, q.unit, q.hedge) for q in find_quantities(nlp(text), text, [])]

    return _q


@pytest.mark.parametrize("text, expected", [
    ("The navy received seven ships last year.", (7, "ships", None)),
    ("The brigade got two dozen launchers.", (24, "launchers", None)),
    ("The yard delivered about twelve patrol boats.", (12, "patrol boats", "about")),
    ("About half of the components come from China.", (50, "percent", "about")),
    ("A third of its output goes to the army.", (33.3, "percent", None)),
    ("Three quarters of the chips were imported.", (75, "percent", None)),
    ("Nearly two-thirds of the parts are foreign.", (66.7, "percent", "nearly")),
])
def test_numbers_in_words(quantities, text, expected):
    assert quantities(text) == [expected]


@pytest.mark.parametrize("text", [
    "The two companies signed a deal.",
    "It is one of the largest plants in the region.",
    "In the first half of the year sales fell.",
    "Both firms were sanctioned.",
    "Two freight forwarders told reporters that the lathes went to Russia.",
    "The plant makes two kinds of fuzes.",
    "Output has grown over the past three years.",
])
def test_words_that_are_not_counts(quantities, text):
    assert quantities(text) == []


def test_count_in_words_rate(quantities):
    nlp = load_nlp()
    text = "The workshop assembles twelve drones per month."
    (q,) = find_quantities(nlp(text), text, [])
    assert (q.value, q.unit, q.period) == (12, "drones", "month")


def test_word_share_is_a_statistic(run):
    ex = run("Roughly a third of Zarya Plant's output goes to the army.")
    assert [(c.value, c.unit) for c in claims(ex, "statistic", "Zarya Plant")] == [(33.3, "percent")], describe(ex)


# ---------------------------------------------------------------- modality cues before an infinitive


@pytest.mark.parametrize("sentence", [
    "Zarya Plant is set to produce drones next year.",
    "Zarya Plant is due to produce artillery shells from 2026.",
    "Zarya Plant is expected to produce 5,000 drones per year.",
    "Zarya Plant is slated to supply shells to the Russian army.",
    "Zarya Plant is poised to supply shells to the Russian army.",
    "Zarya Plant is on track to produce 5,000 drones a year.",
])
def test_planned_cues(run, sentence):
    ex = run(sentence)
    # (a rate is said with a capacity claim alone)
    cl = claims(ex, "produces", "Zarya Plant") + claims(ex, "supplies", "Zarya Plant") + \
        claims(ex, "capacity", "Zarya Plant")
    assert cl and all(c.modality.value == "planned" for c in cl), describe(ex)


@pytest.mark.parametrize("sentence", [
    "Zarya Plant reportedly supplies shells to the Russian army.",
    "Zarya Plant allegedly supplied shells to the Russian army.",
    "Zarya Plant is said to supply shells to the Russian army.",
])
def test_possible_cues(run, sentence):
    ex = run(sentence)
    cl = claims(ex, "supplies", "Zarya Plant")
    assert cl and all(c.modality.value == "possible" for c in cl), describe(ex)


def test_due_to_as_a_cause_is_not_a_plan(run):
    ex = run("Zarya Plant supplied shells to the Russian army due to rising demand.")
    cl = claims(ex, "supplies", "Zarya Plant")
    assert cl and all(c.modality.value == "reported" for c in cl), describe(ex)


# ---------------------------------------------------------------- construction in the progressive


def _milestones(ex, name):
    key = key_of(ex, name)
    return [c for c in claims(ex, "milestone") if c.subject == key]


def test_past_progressive_construction(run):
    ex = run("In 2024 the Tarvel company was building the Nordvik Drone Plant near Kazan.")
    ms = _milestones(ex, "Nordvik Drone Plant")
    assert [(c.event.value, c.date) for c in ms] == [("construction_started", "2024")], describe(ex)


def test_present_progressive_construction(run):
    ex = run("Elbwerk GmbH is constructing a new assembly plant near Dresden.")
    ms = [c for c in claims(ex, "milestone") if c.event.value == "construction_started"]
    assert ms and entity(ex, "Elbwerk") is not None and all(c.subject != key_of(ex, "Elbwerk") for c in ms), \
        describe(ex)


def test_progressive_expansion_of_a_site(run):
    ex = run("The two firms are expanding the Vostok Industrial Zone.")
    ms = _milestones(ex, "Vostok Industrial Zone")
    assert [c.event.value for c in ms] == ["construction_started"], describe(ex)


def test_progressive_building_of_products_is_not_a_milestone(run):
    ex = run("Zarya Plant was building 300 drones a month in 2024.")
    assert not claims(ex, "milestone"), describe(ex)
    assert claims(ex, "produces", "Zarya Plant"), describe(ex)
