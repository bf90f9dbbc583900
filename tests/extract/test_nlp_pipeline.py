"""The spaCy pipeline we build around the statistical model (extract/pipeline.py)."""

from __future__ import annotations

import pytest

from supplytrace.extract.pipeline import load_nlp


def test_lemmas_the_model_gets_wrong_are_corrected():
    doc = load_nlp()("The firm routed the parts through Armenia and resold them.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["routed"] == "route"
    assert lemmas["resold"] == "resell"


def test_other_lemmas_are_left_to_the_model():
    doc = load_nlp()("The plant makes shells.")
    assert [t.lemma_ for t in doc][:3] == ["the", "plant", "make"]


@pytest.mark.parametrize(("text", "first_after"), [
    ("Our note: Volna Optics is owned by the Tarsk Group.", "Volna"),
    ("Answer (the minister, 17 March 2026): The Government is aware of the reports.", "The"),
    ("Update: The plant reopened.", "The"),
])
def test_a_line_label_ending_in_a_colon_is_not_part_of_the_next_sentence(text, first_after):
    doc = load_nlp()(text)
    starts = [s[0].text for s in doc.sents]
    assert first_after in starts[1:], starts


def test_a_saying_clause_before_a_colon_stays_whole():
    doc = load_nlp()("He said: the plant reopened.")
    assert [s[0].text for s in doc.sents] == ["He"]


def test_a_glossary_line_name_colon_description_is_one_sentence():
    doc = load_nlp()("Kvarts: the Tomsk plant that supplies sights to Volna Optics.")
    assert [s[0].text for s in doc.sents] == ["Kvarts"]


def test_a_designators_letter_suffix_before_a_full_stop_ends_the_sentence():
    doc = load_nlp()("It makes wing panels for the Forpost-R. Sibaerotrade did not answer.")
    assert [s.text for s in doc.sents] == ["It makes wing panels for the Forpost-R.", "Sibaerotrade did not answer."]


def test_initials_keep_their_full_stops():
    doc = load_nlp()("The plant is named after S. P. Gorbunov.")
    assert [t.text for t in doc][-4:] == ["S.", "P.", "Gorbunov", "."]


def test_the_cached_token_list_and_span_text_read_as_the_doc_does():
    from supplytrace.extract.syntax import sent_tokens, span_text, tokens

    doc = load_nlp()("The Kestrel plant makes gyroscopes.  It ships them to Kazan.\n\nOutput doubled in 2025. ")
    assert tokens(doc) is tokens(doc) and [t.i for t in tokens(doc)] == [t.i for t in doc]
    for sent in doc.sents:
        assert span_text(sent) == sent.text
        assert [t.i for t in sent_tokens(sent)] == [t.i for t in sent]



@pytest.mark.parametrize("text, split", [
    ("The cables come from Harbin Silverway Wire Co. Silverway has not commented.", True),
    ("The cables come from Harbin Silverway Wire Co. Ltd in the north.", False),
    ("The cables come from Harbin Silverway Wire Co. (Silverway) in the north.", False),
])
def test_a_legal_form_with_a_full_stop_ends_the_sentence_before_a_new_capitalised_word(text, split):
    """The stop is split off "Co." so that "Co" closes the name and "." the sentence."""
    sents = list(load_nlp()(text).sents)
    assert len(sents) == (2 if split else 1)
    assert [t.text for t in sents[0][-2:]] == (["Co", "."] if split else ["north", "."])


@pytest.mark.parametrize("text", [
    "The lathes were built by Keller Werkzeugbau GmbH. Keller has not replied.",
    "The relays come from Pinecrest Parts LLC. Pinecrest has not replied.",
])
def test_a_legal_form_the_tokenizer_kept_with_the_sentence_stop_ends_the_sentence(text):
    """"GmbH." is one token to the tokenizer, though "GmbH" is written without a stop of its own."""
    sents = list(load_nlp()(text).sents)
    assert len(sents) == 2 and sents[0][-1].text == "." and sents[1][0].text in ("Keller", "Pinecrest")
