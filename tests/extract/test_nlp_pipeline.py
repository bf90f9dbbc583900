"""The spaCy pipeline we build around the statistical model (extract/pipeline.py)."""

from __future__ import annotations

from supplytrace.extract.pipeline import load_nlp


def test_lemmas_the_model_gets_wrong_are_corrected():
    doc = load_nlp()("The firm routed the parts through Armenia and resold them.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["routed"] == "route"
    assert lemmas["resold"] == "resell"


def test_other_lemmas_are_left_to_the_model():
    doc = load_nlp()("The plant makes shells.")
    assert [t.lemma_ for t in doc][:3] == ["the", "plant", "make"]
