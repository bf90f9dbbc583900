"""Corrections to the types the statistical model gives names, from the sentence around them.

The small English model mistypes names in industrial reporting (a country acting as a shipper is
an "ORG", a company in apposition to "the largest shipyard" a "GPE", an outlet a "PERSON"). Each
correction here is a generic rule about English, not a list of names.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from supplytrace.extract.gazetteer import is_city, is_country
from supplytrace.extract.mentions import (
    ABSTRACT_ENDINGS,
    MONTH_WORDS,
    PATRONYMIC,
    Cand,
    demonym_country,
    is_company_word,
    names_a_works,
    names_used_as_places,
    nationality_words,
    trade_agent,
    vocab,
)
from supplytrace.extract.pipeline import dateline, vocab_data, word_set
from supplytrace.extract.places import country_pattern, is_territory_name
from supplytrace.extract.syntax import coordinated_modifier, doc_text, sent_tokens, tokens
from supplytrace.extract.wording import cv, found_goods, particle_missing, person_jobs, rv
from supplytrace.vocab import EntityType

E = EntityType
STRONG_SOURCES = frozenset({"legal", "quoted", "org-cue", "org-final", "org-prefix", "facility-cue", "designator",
                            "weapon-cue", "brand-cue"})


@cache
def _nationality_words() -> frozenset[str]:
    return frozenset(w.lower() for w in vocab_data("names")["nationality_words"])


@cache
def _demonym_pattern() -> re.Pattern[str]:
    demonyms = vocab_data("demonyms")["demonyms"]
    return re.compile(r"\b(" + "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True)) + r")\b")


def _covered(cands: list[Cand]) -> set[int]:
    """Character offsets some candidate already takes."""
    return {i for c in cands for i in range(c.start, c.end)}


def _sentence_of(doc: Doc, pos: int) -> int:
    """Index of the sentence a character offset falls in (sentence starts computed once per document)."""
    starts = doc.user_data.get("supplytrace_sent_starts")
    if starts is None:
        starts = doc.user_data["supplytrace_sent_starts"] = [s.start_char for s in doc.sents]
    return bisect.bisect_right(starts, pos) - 1


def _with(cands: list[Cand], added: list[Cand]) -> list[Cand]:
    """The candidates with new ones added, in text order."""
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: (c.start, -c.end))


def correct_types(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """All corrections, in order; returns the candidates kept."""
    cands = fronted_places(doc, dateline_places(doc, territories_as_places(cands)))
    cands = modifier_places(doc, company_word_endings(doc, places_elsewhere(doc, cands)))
    cands = people_in_role_apposition(doc, appositive_roles(doc, cands))
    cands = enterprise_words(doc, cands)
    cands = made_goods(doc, cands)
    cands = owner_names(doc, cands)
    cands = based_names(doc, cands)
    cands = patronymic_people(given_names_left_out(doc, bodies_named_for_a_subject(doc, cands)))
    cands = hyphenated_names(doc, unnamed_subjects(doc, cands))  # a subject's half may make a hyphenated name
    cands = named_after_weapon_noun(doc, cands)
    cands = named_before_weapon_noun(doc, cands)
    cands = places_the_model_missed(doc, countries_the_model_missed(doc, region_names(doc, cands)))
    cands = towns_the_model_missed(doc, cands)
    cands = portfolios_in_titles(doc, cands)
    cands = route_ends(doc, cands)
    cands = members_of_groups(doc, cands)
    cands = sites_named_after_places(doc, towns_before_countries(doc, cands))
    cands = company_words(common_noun_acronyms(doc, cands))
    cands = person_with_article(doc, cands)
    cands = acting_people(doc, cands)
    cands = speakers_the_model_missed(doc, cands)
    cands = companies_the_model_missed(doc, cands)
    cands = designators_that_answer(doc, cands)
    cands = collective_sources(doc, cands)
    return nationality_places(doc, cands)


COLLECTIVE_SOURCES = word_set("name_types", "collective_sources")


def collective_sources(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Indian customs", "Russian state media", "Ukrainian investigators", "Russia's armed forces" reporting what
    the story says (the subject of a verb of saying, or after "according to", or owning the data that show it) are
    an organisation the claim is attributed to, not the country their nationality names."""
    # (a nationality word the model took for a name of its own does not block the body: "Kazakh state media")
    # (nor a country's possessive: "Indonesia's trade ministry said")
    demonym = [c for c in cands if c.layer == "name" and (doc_text(doc)[c.start:c.end].lower() in nationality_words() or
                                                          c.type is E.PLACE and _owns_a_body(doc, c))]
    covered = _covered([c for c in cands if c.layer == "name" and c not in demonym])
    added = []
    for t in tokens(doc):
        if t.pos_ not in ("NOUN", "PROPN") or t.lower_ not in COLLECTIVE_SOURCES or t.idx in covered or \
                t.lower_ == "forces" and not any(c.lower_ == "armed" for c in t.lefts) or not _reports(t):
            continue
        left = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < t.i]
        first = min((c.left_edge for c in left), key=lambda c: c.i, default=None)  # ("Kazakh" on "state")
        if first is None or not (first.lower_ in nationality_words() or first.ent_type_ in ("NORP", "GPE")) or \
                any(i in covered for i in range(first.idx, t.idx)):
            continue
        if _names_a_body_before(cands, first, t):
            continue  # "Ukrainian intelligence" after "the Foreign Intelligence Service of Ukraine": that body
        start, end = first.idx, t.idx + len(t.text)
        added.append(Cand(start, end, E.ORGANIZATION, "name", 3, doc_text(doc)[start:end], "collective-source",
                          sent=_sentence_of(doc, start)))
    if not added:
        return cands
    inside = {id(c) for c in demonym if any(a.start <= c.start < a.end for a in added)}
    return sorted([c for c in cands if id(c) not in inside] + added, key=lambda c: (c.start, -c.end))


def _owns_a_body(doc: Doc, c: Cand) -> bool:
    """The place is written as the possessor of a collective body noun: "Indonesia's trade ministry"."""
    span = doc.char_span(c.start, c.end)
    if span is None or span.root.dep_ != "poss":
        return False
    return span.root.head.lower_ in COLLECTIVE_SOURCES


def _names_a_body_before(cands: list[Cand], nationality: Token, noun: Token) -> bool:
    """An organisation named earlier whose name has the noun, and the nationality or its country in or just before
    it ("Ukraine's Foreign Intelligence Service")."""
    country = demonym_country(nationality.text) or nationality.lower_
    text = doc_text(nationality.doc).lower()
    return any(c.type is E.ORGANIZATION and c.layer == "name" and c.start < nationality.idx and
               noun.lower_ in c.text.lower() and
               (country in text[max(0, c.start - 15):c.end] or nationality.lower_ in text[max(0, c.start - 15):c.end])
               for c in cands)


def _reports(t: Token) -> bool:
    """The body says or shows something: the subject of a verb of saying, after "according to", or the owner
    of the data that show it ("Indian customs data show")."""
    head = t.head
    if t.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in cv().attribution_verbs | {"show", "find"}:
        return True
    if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    return t.dep_ in ("compound", "poss") and head.lemma_.lower() in cv().attribution_nouns


def designators_that_answer(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"The Peleng-2 plant ... Peleng-2 declined to comment": a name shaped like a model's
    designator that says, answers or declines something is a company (weapons do not answer); so are its other
    mentions."""
    answering = cv().attribution_verbs | ANSWERING_VERBS
    speaking = set()
    for c in cands:
        if c.type is not E.WEAPON_SYSTEM or c.layer != "name" or c.source != "designator":
            continue
        span = doc.char_span(c.start, c.end)
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in answering:
            speaking.add(c.text)
    for c in cands:
        if c.text in speaking and c.layer == "name" and c.type is E.WEAPON_SYSTEM:
            c.type = E.ORGANIZATION
    return cands


# verbs of answering or declining to: what a company or a person does, never a weapon
ANSWERING_VERBS = word_set("name_types", "answering_verbs")


def speakers_the_model_missed(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Oleg Brel tells us that ...", "Oleg Brel, a former engineer, says ...": two or three capitalised words the
    model left untagged, the subject of a verb of saying, with no word of a company's or a place's, are a person."""
    v = vocab()
    company = v.org_name_words | v.org_cues | v.facility_heads | v.weapon_cues | v.product_heads
    covered = _covered(cands)
    saying = cv().attribution_verbs
    added = []
    for tok in tokens(doc):
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.head.lemma_.lower() not in saying or tok.idx in covered:
            continue
        span = doc[tok.left_edge.i:tok.i + 1]
        if span[0].dep_ == "det" or span[0].lower_ in ("the", "a", "an", "this"):
            continue  # "The Amber Lantern says": a name with an article is no person's
        if not 2 <= len(span) <= 3 or any(not (t.is_alpha and t.text[:1].isupper() and t.text[1:].islower())
                                          for t in span):
            continue  # (not "the", an acronym or a hyphenated model)
        if any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in span) or \
                any(i in covered for i in range(span.start_char, span.end_char)):
            continue
        # ("Corvant Microsystems says": a company word ends the name of an organisation that speaks)
        kind = E.ORGANIZATION if is_company_word(span[-1].lower_, v) else E.PERSON
        if kind is E.PERSON and {t.lower_ for t in span} & company:
            continue
        added.append(Cand(span.start_char, span.end_char, kind, "name", 3, span.text, "speaker",
                          sent=_sentence_of(doc, span.start_char)))
    return _with(cands, added)


def companies_the_model_missed(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Kestrel Trading bought lenses ...": two to four capitalised proper nouns the model left untagged, ending in a
    company word ("Trading", "Logistics", "Microsystems"), are an organisation; not with a place or a nationality
    among the words ("Chinese Electronics")."""
    v = vocab()
    covered = _covered(cands)
    added = []
    for tok in tokens(doc):
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or not is_company_word(tok.lower_, v) or \
                tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            continue
        first = tok
        while first.i > first.sent.start and (prev := first.doc[first.i - 1]).pos_ == "PROPN" and \
                prev.dep_ == "compound" and prev.is_alpha and prev.text[:1].isupper():
            first = prev
        span = doc[first.i:tok.i + 1]
        if not 2 <= len(span) <= 4 or any(i in covered for i in range(span.start_char, span.end_char)) or \
                any(t.ent_type_ in ("GPE", "LOC", "NORP") or t.lower_ in nationality_words() for t in span):
            continue
        added.append(Cand(span.start_char, span.end_char, E.ORGANIZATION, "name", 3, span.text, "company-word",
                          sent=_sentence_of(doc, span.start_char)))
    return _with(cands, added)


def common_noun_acronyms(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"computer numerical control (CNC)", "Software-defined radio (SDR) boards": an acronym spelling out lower-case
    words just before it (over hyphens, and with a capital for a hyphenated first word of a sentence; not "Минский
    завод колёсных тягачей (МЗКТ)", a name in sentence case) names a kind of thing, not an organisation, there and at
    its other mentions; nor is a name the model guessed at among those words."""
    spelled: list[tuple[int, int]] = []
    kinds: dict[str, int] = {}  # acronym -> offset where it is spelled out
    toks = tokens(doc)
    for t in toks:
        if not (2 <= len(t.text) <= 6 and t.text.isupper() and t.is_alpha and t.i >= 2 and toks[t.i - 1].text == "("):
            continue
        words = [w for w in toks[max(0, t.i - 1 - 2 * len(t.text)):t.i - 1] if w.is_alpha][-len(t.text):]
        if len(words) == len(t.text) and "".join(w.text[0] for w in words).upper() == t.text and \
                all(w.is_lower or w.i == w.sent.start and w.text.istitle() and toks[w.i + 1].text == "-"
                    for w in words) and \
                all(not w.is_punct or w.text == "-" for w in toks[words[0].i:t.i - 1]):
            spelled.append((words[0].idx, words[-1].idx + len(words[-1].text)))
            kinds[t.text] = t.idx
    if not kinds:
        return cands
    return [c for c in cands if not (c.layer == "name" and (
        kinds.get(c.text) == c.start or c.source == "model" and
        (c.text in kinds or any(a <= c.start and c.end <= b for a, b in spelled))))]


def enterprise_ending(word: str) -> bool:
    """A word of at least six letters ending like an enterprise's name ("Kurganmashzavod", "Steelworks"), and not the
    ending itself ("Works")."""
    low = word.lower()
    return len(word) >= 6 and low.endswith(vocab().org_name_suffixes) and low not in vocab().org_name_suffixes


def company_words(cands: list[Cand]) -> list[Cand]:
    """People's names do not end in "Tools", "Engineering" or "Systems", nor in a word like "Steelworks" or
    "Tulamashzavod": such a name is a company's."""
    words = vocab().org_name_words
    for c in cands:
        parts = c.text.split()
        if c.layer == "name" and c.type is E.PERSON and c.source == "model" and \
                (len(parts) >= 2 and parts[-1].lower() in words or parts and enterprise_ending(parts[-1])):
            c.type = E.ORGANIZATION
    return cands


def _common_noun(doc: Doc, word: str) -> bool:
    """A word of our goods vocabulary or one the article also writes in lower case ("engines"), unlike a
    company's name that the tagger reads as a noun at the start of a sentence ("Nammo makes ..."; a first
    word that modifies the next noun, "Customs data show", is a common noun either way)."""
    v = vocab()
    return word in v.product_heads or word in v.component_nouns or word in v.weapon_cues or \
        any(t.text == word for t in tokens(doc))


def person_with_article(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """People are not written with "the": a name the model calls a person but which the text writes as
    "the Steppe Ledger" is an organisation. A lone nationality word the model calls a person or an
    organisation ("Kazakh firms") is no entity at all."""
    nationality = _nationality_words()
    out = []
    for c in cands:
        if c.layer == "name" and c.source == "model" and c.type in (E.PERSON, E.ORGANIZATION) and \
                c.text.strip().lower() in nationality:
            continue
        if c.layer == "name" and c.source == "model" and re.match(r"(?:[A-Z]{3}|[$€£¥])\s?\d", c.text):
            continue  # "CNY 486 million": an amount, not a name
        span = doc.char_span(c.start, c.end) if c.layer == "name" and c.source == "model" else None
        if span is not None and len(span) == 1 and span[0].tag_ in ("NN", "NNS") and span[0].is_sent_start and \
                (span[0].dep_ == "compound" or _common_noun(doc, span[0].lower_)):
            continue  # a capitalised first word the model took for a name ("Engines KAMAZ-740 ...")
        if span is not None and len(span) == 1 and span[0].is_sent_start and span[0].lower_ in vocab().org_name_words:
            continue  # a company word alone opening a sentence ("Machinery made up a quarter of the cargo")
        if c.layer == "name" and c.type is E.PERSON and c.source == "model" and \
                re.search(r"\bthe\s+" + re.escape(c.text.strip()) + r"\b", doc_text(doc)):
            c.type = E.ORGANIZATION
        out.append(c)
    return out


def acting_people(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Motor Sich stopped supplying them", "kits from Limbach": a name the model calls a person that makes,
    supplies or is supplied from, and never speaks, is never titled and is no named person's surname, is a
    company."""
    data = vocab_data("names")
    verbs = {w.lower() for w in data["org_subject_verbs"]}
    titles = {w.lower().rstrip(".") for w in data["person_titles"]}
    c = cv()
    people = [x for x in cands if x.layer == "name" and x.type is E.PERSON]
    by_text: dict[str, list[Cand]] = {}
    for x in people:
        by_text.setdefault(x.text.strip(), []).append(x)
    for text, group in by_text.items():
        words = text.split()
        if not group or any(x.source != "model" for x in group) or len(words) > 2 or \
                any(len(o.text.split()) > len(words) and o.text.split()[-1] == words[-1] for o in people):
            continue
        acts = speaks = False
        for x in group:
            span = doc.char_span(x.start, x.end)
            if span is None:
                continue
            root = span.root
            before = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
            if before in titles or root.dep_ == "nsubj" and root.head.lemma_.lower() in c.attribution_verbs:
                speaks = True
            verb = root.head
            if root.dep_ == "nsubj" and (verb.lemma_.lower() in verbs or verb.lemma_.lower() in c.supplies_verbs or
                                         any(ch.dep_ == "xcomp" and ch.lemma_.lower() in c.supplies_verbs
                                             for ch in verb.children)):
                acts = True
            if root.dep_ == "pobj" and verb.lower_ == "from" and verb.head.pos_ in ("NOUN", "VERB") and len(words) == 1:
                acts = True  # "kits from Limbach", "bought from Limbach" (not "from Sergei Volkov")
        if acts and not speaks:
            for x in group:
                x.type = E.ORGANIZATION
    return cands


def dateline_places(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A wire dateline's capitals ("NABEREZHNYE CHELNY, Russia, Jan 21 (Agency) -") name the town the story is
    filed from: one place, written in capitals, whatever the model made of its words."""
    out = list(cands)
    for i in range(len(doc)):
        found = dateline(doc, i)
        if found is None:
            continue
        whole = doc[found[0]:found[1]]
        out = [c for c in out if c.end <= whole.start_char or c.start >= whole.end_char]
        start = found[0]
        for k in range(found[0], found[1] + 1):  # "NOVOSIBIRSK / BRUSSELS": two towns
            if k == found[1] or doc[k].text in ("/", "&"):
                span = doc[start:k]
                if len(span):
                    out.append(Cand(span.start_char, span.end_char, E.PLACE, "name", 6, span.text.title(), "dateline"))
                start = k + 1
    return sorted(out, key=lambda c: (c.start, -c.end))


def fronted_places(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"In Saratov, the maker ...": a proper name after a sentence-opening "In", before the comma, is a place
    (dates are not proper names; months are dropped)."""
    covered = _covered(cands)
    added = []
    for k, sent in enumerate(doc.sents):
        toks = [t for t in sent_tokens(sent) if not t.is_space]
        if len(toks) < 4 or toks[0].lower_ != "in":
            continue
        end = 1
        while end < len(toks) and toks[end].pos_ == "PROPN" and toks[end].ent_type_ not in ("DATE", "ORG", "PERSON"):
            end += 1
        if end == 1 or end >= len(toks) or toks[end].text != ",":
            continue
        start_c, end_c = toks[1].idx, toks[end - 1].idx + len(toks[end - 1].text)
        if any(i in covered for i in range(start_c, end_c)):
            continue
        added.append(Cand(start_c, end_c, E.PLACE, "name", 3, doc_text(doc)[start_c:end_c], "fronted-place", sent=k))
    return _with(cands, added)


def territories_as_places(cands: list[Cand]) -> list[Cand]:
    """A name the model typed as an organisation or person but which is a country's name is a place."""
    for c in cands:
        if c.layer == "name" and c.type in (E.ORGANIZATION, E.PERSON) and c.source not in STRONG_SOURCES and \
                is_territory_name(c.text):
            c.type = E.PLACE
    return cands


def company_word_endings(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Transmashholding", "Uralvagonzavod", "Okeanpribor": a one-word name with a company-word ending is an
    organisation whatever the model said, or where it saw no name (longer than the ending by three letters, so
    not "Import" or "Avtotech")."""
    ends = vocab().org_word_endings

    def company_word(word: str) -> bool:
        word = word.lower()
        return word.isalpha() and word.endswith(ends) and \
            len(word) >= max(len(e) for e in ends if word.endswith(e)) + 3
    for c in cands:
        if c.layer == "name" and c.type in (E.PLACE, E.PERSON) and c.source == "model" and " " not in c.text and \
                company_word(c.text):
            c.type = E.ORGANIZATION
    covered = _covered(cands)
    added = [Cand(t.idx, t.idx + len(t.text), E.ORGANIZATION, "name", 3, t.text, "word-ending",
                  sent=_sentence_of(doc, t.idx))
             for t in tokens(doc) if t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() and
             t.idx not in covered and company_word(t.text)]
    return _with(cands, added)


def places_elsewhere(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A one- or two-word name the model calls an organisation or a person in one sentence and a place in another
    (or writes after "the city of"), or the name of a large city, is the place throughout: the model's reading of
    a town's name wavers with its context ("a Chelyabinsk wholesaler", "Vilnius-based")."""
    v = vocab()
    places = names_used_as_places(doc, v, moves=False)  # (goods come "from" companies as well as towns)
    for c in cands:
        if c.layer == "name" and c.type in (E.ORGANIZATION, E.PERSON) and c.source == "model" and \
                (c.text in places or is_city(c.text, sure=True)) and len(c.text.split()) <= 2 and \
                not {w.lower() for w in c.text.split()} & (v.org_cues | v.org_name_words):
            c.type = E.PLACE
    return cands


def modifier_places(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A one-word name the model calls an organisation, modifying "a ... company" / "an ... plant", says where
    the company is: "Peleng, a Minsk optics company" (a company's own name does not follow "a")."""
    v = vocab()
    for c in cands:
        # a cue noun after the word made it an organisation's name ("Brest firm"), but "a ..." names none
        if c.layer != "name" or c.type not in (E.ORGANIZATION, E.PERSON) or c.source not in ("model", "org-cue"):
            continue
        span = doc.char_span(c.start, c.end)
        if span is None or len(span) != 1 or span[0].dep_ not in ("compound", "amod") or \
                span[0].lower_ in nationality_words():
            continue  # "Kazakh traders": a nationality, read by nationality_places
        head = span[0].head
        # "a Minsk optics company", "three Yerevan firms": where they are, not their name
        cue = head.lower_ in v.appositive_cues or head.lemma_.lower() in v.appositive_cues
        # (or a description set after a name, when the word is a town's: "Peleng, the Minsk optics maker", not
        # "Mil, the Rostec helicopter maker")
        # (also one set before the name it introduces: "the Vitebsk optics maker Sirin Photonics")
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        unnamed = head.tag_ == "NNS" or any(d.lower_ in ("a", "an") or d.dep_ == "nummod" for d in head.children) or \
            head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ == "PROPN" and is_city(span.text) or \
            nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and is_city(span.text) or \
            c.type is E.PERSON and is_city(span.text)  # (no person's name modifies "the ... steel mill")
        if cue and unnamed:
            c.type, c.text, c.aliases = E.PLACE, span.text, []
    # a bare one-word name the model calls a facility ("sits in Kaliningrad") is a town: sites carry a cue noun
    for c in cands:
        if c.layer == "name" and c.type is E.FACILITY and c.source == "model" and " " not in c.text.strip():
            if re.fullmatch(r"[A-ZА-Я][\w]*-[A-ZА-Я0-9]{1,4}\.?", c.text.strip()):  # "the Tornado-S."
                c.type, c.text = E.WEAPON_SYSTEM, c.text.strip().rstrip(".")
                c.end = c.start + len(c.text)
            else:
                c.type = E.PLACE
    return cands


def appositive_roles(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A name the model calls a place or person but described by an enterprise noun in apposition is an
    organisation: "Sevmash, Russia's largest shipyard, ...". Country names and large cities' names stay places
    ("a Babruysk, Belarus-based manufacturer": the parser sets the description after the town)."""
    roles = rv().role_nouns
    for c in cands:
        # (a goods name too: "Sibaerotrade, a freight agent in Novosibirsk", read by the model as a product)
        if c.layer != "name" or c.type not in (E.PLACE, E.PERSON, E.PRODUCT) or c.source != "model" or \
                is_territory_name(c.text) or is_city(c.text, sure=True):
            continue
        span = doc.char_span(c.start, c.end)
        if span is None:
            continue
        if any(ch.dep_ == "appos" and (ch.lemma_.lower() in roles or trade_agent(ch)) and ch.i > span.root.i
               for ch in span.root.children):
            c.type = E.ORGANIZATION
    # and the other way: "Naberezhnye Chelny, the Tatarstan city where ...": a name described as a town is a place
    towns = vocab().place_nouns
    for c in cands:
        if c.layer != "name" or c.type not in (E.ORGANIZATION, E.PERSON) or c.source != "model":
            continue
        span = doc.char_span(c.start, c.end)
        if span is not None and any(ch.dep_ == "appos" and ch.lemma_.lower() in towns and ch.i > span.root.i and
                                    any(d.lower_ in ("the", "a") for d in ch.children) for ch in span.root.children):
            c.type = E.PLACE
    return cands


def people_in_role_apposition(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A two- or three-word name the model calls an organisation or a place but set in apposition to a person's job
    ("its director, Pavel Orlov, ...", "Pavel Orlov, the plant's chief engineer", "a sales manager, Dzmitry
    Asipenka, said") is a person (a place only when no town or territory has that name)."""
    v = vocab()
    jobs = person_jobs()
    for c in cands:
        if c.layer != "name" or c.type not in (E.ORGANIZATION, E.PLACE) or c.source != "model" or \
                not 2 <= len(c.text.split()) <= 3 or {w.lower() for w in c.text.split()} & v.org_name_words:
            continue
        if c.type is E.PLACE and (is_territory_name(c.text) or is_city(c.text)):
            continue
        span = doc.char_span(c.start, c.end)
        if span is None or not all(t.pos_ == "PROPN" for t in span):
            continue
        root = span.root
        near = [root.head] if root.dep_ == "appos" else []
        near += [ch for ch in root.children if ch.dep_ == "appos"]
        if any(t.lemma_.lower() in jobs for t in near):
            c.type = E.PERSON
    return cands


def enterprise_words(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """One-word names with an enterprise ending ("Kurganmashzavod", "Rosoboronexport") are organisations: the
    model's person or place reading is corrected, and such words it did not tag at all are added."""
    def enterprise_like(word: str) -> bool:
        return word[:1].isupper() and word.isalpha() and enterprise_ending(word)

    covered = set()
    for c in cands:
        if c.layer == "name":
            covered.update(range(c.start, c.end))
            if c.type in (E.PERSON, E.PLACE) and c.source == "model" and enterprise_like(c.text.strip()):
                c.type = E.ORGANIZATION
    added = [Cand(t.idx, t.idx + len(t.text), E.ORGANIZATION, "name", 4, t.text, "org-suffix",
                  sent=_sentence_of(doc, t.idx))
             for t in tokens(doc)
             if t.idx not in covered and t.pos_ in ("PROPN", "NOUN", "ADJ") and enterprise_like(t.text)]
    return _with(cands, added)


def _named_before_place(noun: Token) -> Token:
    """"X Plants in Perm, which makes ...": the relative clause hangs on the town, the enterprise before it is
    meant."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at", "near") and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.head
    return noun


# verbs that make goods only with their particle ("turns out"), and the count words they may take instead of goods
PARTICLE_VERBS = frozenset(vocab_data("claims")["produces_particles"])
GOODS_BLIND_UNITS = word_set("figures", "goods_blind_units")


def made_goods(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """What an organisation is said to make is a kind of product, even a noun our product vocabulary lacks:
    "the Minsk Tractor Works built farm tractors" -> product "farm tractors"."""
    data = vocab_data("products")
    verbs, not_goods = frozenset(data["made_verbs"]), frozenset(data["not_goods"])
    measures = frozenset(data["measure_nouns"])
    maker_nouns = rv().maker_nouns
    makers = [c for c in cands if c.layer in ("name", "desc") and c.type in (E.ORGANIZATION, E.FACILITY)]
    covered = _covered(cands)
    models = {i for c in cands if c.type is E.PRODUCT and c.source == "designator" for i in range(c.start, c.end)}
    v = vocab()
    enterprise_nouns = v.org_cues | v.facility_cues

    def is_maker(subj) -> bool:
        """A named organisation or site, one in apposition, or an enterprise noun ("the plant")."""
        named = any(m.start <= subj.idx < m.end for m in makers)
        in_appos = any(ch.dep_ == "appos" and any(m.start <= ch.idx < m.end for m in makers) for ch in subj.children)
        # ("it" / "they" too: "The X works makes periscopes. It also makes rangefinders.")
        return named or in_appos or subj.lemma_.lower() in enterprise_nouns or subj.lower_ in ("it", "they")

    def named_maker(noun) -> bool:
        """A named organisation or site ("the X plant, which makes ..."), not any companies at all."""
        return any(m.start <= t.idx < m.end for m in makers for t in (noun, *noun.children) if t.dep_ != "relcl")

    def goods_phrase(noun) -> Cand | None:
        weighed = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"), None) if noun.lemma_.lower() in measures else None
        if weighed is not None:  # "6,500 tonnes of acetone": the goods the measure weighs, not the tonnes
            return goods_phrase(weighed)
        if noun.pos_ != "NOUN" or noun.idx in covered or noun.lemma_.lower() in not_goods or \
                noun.lemma_.lower() in cv().supplies_nouns or noun.lower_ in cv().supplies_nouns:
            return None  # (nor goods moving: "made 140 shipments to Russia")
        if noun.i > 0 and doc[noun.i - 1].idx in models:
            return None  # "VK-2500 engines": the model, already a product
        first = noun
        while first.i > 0 and (doc[first.i - 1].dep_ in ("compound", "amod", "nmod") and not doc[first.i - 1].is_punct
                               and doc[first.i - 1].head.i == noun.i and doc[first.i - 1].pos_ in ("NOUN", "ADJ") or
                               coordinated_modifier(doc[first.i - 1], noun)) and \
                doc[first.i - 1].ent_type_ in ("", "PRODUCT") and doc[first.i - 1].idx not in covered:
            first = doc[first.i - 1]
        while first.i > 1 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_ and \
                not doc[first.i - 2].whitespace_ and doc[first.i - 2].is_alpha and doc[first.i - 2].is_lower:
            first = doc[first.i - 2]  # (the whole hyphenated word: "fibre-optic spools", not "optic spools")
        start, end = first.idx, noun.idx + len(noun.text)
        if any(i in covered for i in range(start, end)):
            return None
        return Cand(start, end, E.PRODUCT, "product", 2, doc_text(doc)[start:end], "made-goods",
                    sent=_sentence_of(doc, start))

    def gerund_goods(ing) -> Cand | None:
        """"a maker of targeting pods", "makes targeting pods": the first word read as a verb ("-ing") that takes
        the goods, a plural noun right after it, as its object."""
        obj = next((o for o in ing.children if o.dep_ == "dobj" and o.i == ing.i + 1 and o.tag_ == "NNS"), None) \
            if ing.tag_ == "VBG" else None
        c = goods_phrase(obj) if obj is not None else None
        return Cand(ing.idx, c.end, E.PRODUCT, "product", 2, doc_text(doc)[ing.idx:c.end], "made-goods", sent=c.sent) \
            if c is not None and not any(i in covered for i in range(ing.idx, c.start)) else None

    added = []
    for maker in tokens(doc):  # "one of Russia's largest makers of rocket fuel"
        if maker.pos_ == "NOUN" and maker.lemma_.lower() in maker_nouns:
            for prep in (c for c in maker.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    added += [c for n in (obj, *obj.conjuncts) if (c := goods_phrase(n))]
                added += [c for ing in prep.children if ing.dep_ == "pcomp" and (c := gerund_goods(ing))]
    weapons = {c.start for c in cands if c.type is E.WEAPON_SYSTEM and c.layer == "name"}
    for w in (t for t in tokens(doc) if t.idx in weapons):  # "found US-made chips in the Kh-101": the chips are goods
        added += [c for g in found_goods(w) for n in (g, *g.conjuncts) if (c := goods_phrase(n))]
    for verb in tokens(doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or particle_missing(verb):
            continue  # (not "turned to Chinese suppliers")
        clause = verb  # "is due to begin producing X": the subject of the clause the infinitives hang on
        raised = False  # only through infinitives ("is believed to have started producing")
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i and \
                not any(c.dep_ == "nsubj" for c in clause.children):
            raised = clause.dep_ == "xcomp" and (raised or clause is verb)
            clause = clause.head
            if clause.pos_ == "ADJ" and clause.dep_ == "acomp":
                clause = clause.head
        # "springs are made in workshop No. 4", "the payload is built by X": the passive subject
        site = [g for ch in verb.children if ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "in", "at")
                for g in ch.children if g.dep_ == "pobj" and
                (is_maker(g) or any(t.lower_ in v.facility_heads for t in g.subtree))]
        if site:
            for subj in (c for c in verb.children if c.dep_ == "nsubjpass"):
                if any(t.idx in covered for t in doc[subj.left_edge.i:subj.i + 1]):
                    continue  # "Ka-52M attack helicopters are assembled by X": a named weapon, for the weapon rules
                    # (what follows the goods may be named: "the missiles for those launchers are made by X")
                added += [c for n in (subj, *subj.conjuncts) if (c := goods_phrase(n))]
            continue
        # ("X is believed to have started producing ...": the subject of the verb of believing the chain hangs on)
        subj_deps = ("nsubj", "nsubjpass") if raised else ("nsubj",)
        if not any(c.dep_ in subj_deps and (is_maker(c) or c.lower_ in ("which", "that") and clause.dep_ == "relcl"
                                            and named_maker(_named_before_place(clause.head)))
                   for c in clause.children):
            continue
        # "forges the billets into shell bodies": what comes out is made, what goes in is material
        made = [g for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "into" for g in ch.children
                if g.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "dobj"]
        if verb.lemma_.lower() in PARTICLE_VERBS:  # ("can turn out 90 million pieces a year": a count, not goods)
            made = [o for o in made if o.lower_ not in GOODS_BLIND_UNITS]
        for obj in made:
            added += [c for n in (obj, *obj.conjuncts) if (n.tag_ == "NNS" or _mass_noun(n)) and
                      (c := goods_phrase(n))]
        added += [c for ing in verb.children if ing.dep_ == "xcomp" and ing.i == verb.i + 1 and
                  (c := gerund_goods(ing))]
    return _with(cands, added)


def _mass_noun(noun: Token) -> bool:
    """A material made in bulk, named with no article and no number ("weaves ripstop nylon", "produces toluene");
    not an abstract noun ("builds capacity", "makes progress" are in not_goods or end like one)."""
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children) and \
        not noun.lower_.endswith(ABSTRACT_ENDINGS) and noun.is_lower


def _owner_prep(prep: Token) -> bool:
    """The preposition before an owner: "part of X", "a subsidiary of X", "one of the enterprises of X", "belongs to X",
    "owned by X", "falls under X", "was merged into X"."""
    r = rv()
    gov = prep.head
    lemma = gov.lemma_.lower()
    # "one of the enterprises of X", "a daughter company of X" (a company word with an ownership word before it)
    one_of = gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.lower_ == "one" or \
        any(c.dep_ in ("compound", "amod") and c.lower_ in r.part_nouns for c in gov.children)
    return prep.lower_ == "of" and (gov.lower_ in r.part_nouns or one_of and lemma in r.child_nouns) or \
        prep.lower_ == "to" and lemma in r.part_of_verbs or \
        prep.dep_ == "agent" and lemma in r.owned_verbs or \
        f"{lemma} {prep.lower_}" in r.owner_verb_preps and not any(c.dep_ == "dobj" for c in gov.children)


def owner_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A proper name the model missed after "part of", "a subsidiary of", "owned by", "belongs to" names an
    organisation: "itself part of Rostec"."""
    nationality = _nationality_words()
    covered = _covered(cands)
    added = []
    for prep in tokens(doc):
        if not _owner_prep(prep):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.pos_ not in ("PROPN", "ADJ", "NOUN") or not obj.text[:1].isupper() or obj.idx in covered or \
                    obj.ent_type_ in ("GPE", "LOC", "PERSON") or obj.lower_ in nationality:
                continue  # the small model reads an unknown name at a clause end as an adjective ("Rostec")
            first = obj
            while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].head.i == obj.i:
                first = doc[first.i - 1]
            start, end = first.idx, obj.idx + len(obj.text)
            if any(i in covered for i in range(start, end)):
                continue
            added.append(Cand(start, end, E.ORGANIZATION, "name", 4, doc_text(doc)[start:end], "owner-name",
                              sent=_sentence_of(doc, start)))
    return _with(cands, added)


def nationality_places(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Chinese suppliers", "Belarusian plants": the adjective names a country the article is about, so the
    country becomes a place of the article (named by its country name, mentioned at the adjective)."""
    demonyms = vocab_data("demonyms")["demonyms"]
    pattern = _demonym_pattern()
    covered = _covered(cands)
    v = vocab()
    generic = v.weapon_cues | v.org_name_words | v.product_heads
    added = []
    for m in pattern.finditer(doc_text(doc)):
        if any(i in covered for i in range(m.start(), m.end())):
            continue
        if re.search(r"\b(?:in|from|into|spelled|written|called)\s+$",
                     doc_text(doc)[max(0, m.start() - 12):m.start()]) \
                and not re.match(r"\s+[a-z]", doc_text(doc)[m.end():m.end() + 3]):
            continue  # "... in Russian --", "spelled Barysau in Belarusian": a language, not the country
        # "Russian Helicopters", "Turkish Aerospace": a company named by its country and a capitalised
        # common noun, not a place
        nxt = re.match(r" ([A-Z][a-z]+)\b", doc_text(doc)[m.end():m.end() + 30])
        if nxt and nxt.group(1).lower() in generic:
            end = m.end() + nxt.end()
            cands = [c for c in cands if c.end <= m.start() or c.start >= end]
            added.append(Cand(m.start(), end, E.ORGANIZATION, "name", 5, doc_text(doc)[m.start():end], "demonym-name",
                              sent=_sentence_of(doc, m.start())))
            continue
        added.append(Cand(m.start(), m.end(), E.PLACE, "name", 2, demonyms[m.group(1)], "demonym",
                          sent=_sentence_of(doc, m.start())))
    return _with(cands, added)


BASED = ("based", "headquartered", "located", "registered")


def _org_name_at(doc: Doc, head, source: str) -> Cand:
    """An organisation candidate for the proper name headed by `head`, with the proper nouns before it."""
    first = head
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].head.i == head.i:
        first = doc[first.i - 1]
    end = head.idx + len(head.text)
    return Cand(first.idx, end, E.ORGANIZATION, "name", 4, doc_text(doc)[first.idx:end], source,
                sent=_sentence_of(doc, first.idx))


def based_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Splav, based in Tula, builds ...": what is based somewhere is an organisation, and where it is based a
    place, whatever the model made of either word."""
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    added = []
    for verb in tokens(doc):
        if verb.lower_ not in BASED or verb.dep_ not in ("acl", "amod") or verb.head.pos_ != "PROPN":
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "near", "at")):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                c = covered.get(obj.idx)
                if c is not None and c.layer == "name" and c.source == "model" and c.type is not E.PLACE:
                    c.type = E.PLACE
        head = verb.head
        if head.idx not in covered and head.text[:1].isupper() and head.ent_type_ not in ("GPE", "LOC", "PERSON"):
            added.append(_org_name_at(doc, head, "based-name"))
    # "the Aarhus-based institute", "a Cyprus-registered company": the word before the hyphen is a place
    for m in BASED_PREFIX.finditer(doc_text(doc)):
        if m.group(1).lower() in nationality_words():
            continue  # "a Lithuanian-registered group": a nationality, not a place's name
        c = covered.get(m.start(1))
        if c is None:
            added.append(Cand(m.start(1), m.end(1), E.PLACE, "name", 3, m.group(1), "based-prefix",
                              sent=_sentence_of(doc, m.start(1))))
        elif c.layer == "name" and c.source == "model" and c.type is not E.PLACE and c.end <= m.end(1):
            c.type = E.PLACE
    return _with(cands, added)


BASED_PREFIX = re.compile(r"\b(?!(?:The|A|An) )([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)-(?:based|registered|headquartered)\b")


BODY_WORDS = word_set("name_types", "body_words")


def bodies_named_for_a_subject(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"the Centre for East European Policy Studies" tagged as a place "Centre" and an organisation "East European
    Policy Studies": a capitalised word for a body, then "for" / "of" / "on" and a name, is one organisation."""
    text = doc.text
    out = list(cands)
    for c in cands:
        if c.layer != "name" or c.source != "model" or c.type not in (E.ORGANIZATION, E.PLACE):
            continue
        lo = max(0, c.start - 60)
        m = re.search(r"\b((?:[A-Z][a-z]+\s+){0,2}([A-Z][a-z]+))\s+(?:for|of|on)\s+(?:the\s+)?$", text[lo:c.start])
        if m is None or m.group(2).lower() not in BODY_WORDS:
            continue
        start = lo + m.start(1)
        inside = [o for o in out if o is not c and start <= o.start and o.end <= c.end]
        if any(o.source != "model" for o in inside):
            continue  # (a name one of our own patterns found keeps its reading)
        out = [o for o in out if o not in inside]
        c.start, c.text, c.type = start, text[start:c.end], E.ORGANIZATION
    return out


def given_names_left_out(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Alexei Ryzhikov" tagged as "Ryzhikov" alone: a capitalised word right before a person's name that the parser
    joins to it, and that is no title, no place, no organisation and no other mention, is the given name."""
    titles = {t.lower().rstrip(".") for t in vocab().titles}  # ("Dr Ingvar Solheim": "Dr" without its stop)
    covered = _covered(cands)
    for c in cands:
        if c.layer != "name" or c.type is not E.PERSON or c.source != "model":
            continue
        span = doc.char_span(c.start, c.end)
        if span is None or span.start == 0:
            continue
        first = doc[span.start - 1]
        if first.tag_ == "NNP" and first.dep_ == "compound" and first.head.i in range(span.start, span.end) and \
                first.is_alpha and first.text[:1].isupper() and first.text[1:].islower() and \
                first.text.lower() not in titles and first.ent_type_ in ("", "PERSON") and \
                first.idx not in covered and not first.is_sent_start:
            c.start, c.text = first.idx, doc.text[first.idx:c.end]
    return cands


def patronymic_people(cands: list[Cand]) -> list[Cand]:
    """"Aleksei Viktorovich Zhuravlyov": a name with a patronymic is a person's."""
    for c in cands:
        if c.layer == "name" and c.type is not E.PERSON and c.source not in STRONG_SOURCES and \
                PATRONYMIC.search(c.text) and len(c.text.split()) >= 2:
            c.type = E.PERSON
    return cands


def named_after_weapon_noun(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"the armoured carrier Bumerang", "armoured vehicles Tigr": a one-word name right after a weapon noun is
    that weapon's name (the order of translated Russian reporting)."""
    v = vocab()
    for c in cands:
        if c.layer != "name" or c.type is E.WEAPON_SYSTEM or c.source not in ("model", "apposition"):
            continue
        span = doc.char_span(c.start, c.end)
        if span is None or len(span) != 1 or span.start == 0:
            continue
        before = doc[span.start - 1]
        if before.lower_ in v.weapon_cues or before.lemma_.lower() in v.weapon_cues or \
                before.lower_ in ("carrier", "carriers", "vehicles"):
            c.type = E.WEAPON_SYSTEM
    return cands


WEAPON_HEADS = word_set("name_types", "weapon_heads")
DEFENCE_SYSTEM = re.compile(r"\b(?:air|missile|rocket)[ -]defen[cs]e system"
                            r"|\b(?:missile|rocket|weapons?|protection) system")  # ("close-in weapon system")
WARFARE_SYSTEM = re.compile(r"(?:electronic[ -]warfare|counter[ -]drone|anti[ -]drone|jamming|air[ -]defen[cs]e)"
                            r" (?:system|complex|station)s?")


def named_before_weapon_noun(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"the Pantsir air defence system", "Iskander missiles": a short name the model guessed at that modifies a
    weapon noun is the weapon's name; so is one coordinated with it ("the Pantsir system and the Iskander")."""
    weapon_tokens: set[int] = set()
    guessed = [c for c in cands if c.layer == "name" and c.source == "model" and c.type is not E.WEAPON_SYSTEM
               and (c.type is not E.PERSON or doc_text(doc)[max(0, c.start - 4):c.start].lower() == "the " or
                    " " not in c.text)]  # (one word the model took for a surname: "Groza jammers")
    actors = {c.text for c in cands if c.layer == "name" and _acts(doc, c)}  # "Roketsan said ...": a maker
    guessed = [c for c in guessed if c.text not in actors]
    for c in guessed:
        span = doc.char_span(c.start, c.end)
        if span is None or len(span) > 2:
            continue
        head = span.root.head
        while head.dep_ in ("compound", "nmod") and head.head.i > head.i and span.root.dep_ == "nmod":
            head = head.head  # "the Skalpel loitering munitions", "loitering" read as the noun the name is on
        # (also a name the parser read as an adjective: "the Sirius reconnaissance-strike drone")
        if (span.root.dep_ in ("compound", "nmod", "amod") and head.i > span.root.i and
                _weapon_phrase(doc, span.end, head) or
                _weapon_noun_written_after(doc, span) and not is_city(c.text, sure=True)) \
                and not names_a_works(head):
            c.type = E.WEAPON_SYSTEM
            weapon_tokens.add(head.i)
            _outvote_the_model(c)
    # (and a model named by its designator: "the Busel-M and Berkut drones")
    weapon_tokens |= {t.i for c in cands if c.type is E.WEAPON_SYSTEM and c.layer == "name"
                      for t in (doc.char_span(c.start, c.end, alignment_mode="expand") or [])}
    for c in guessed:
        span = doc.char_span(c.start, c.end)
        if span is None or len(span) > 2 or c.type is E.WEAPON_SYSTEM or is_city(c.text, sure=True) or \
                is_country(c.text):
            continue
        if span.root.dep_ == "conj" and span.root.head.i in weapon_tokens or \
                any(t.dep_ == "conj" and t.i in weapon_tokens for t in span.root.children):
            c.type = E.WEAPON_SYSTEM  # (either way round: "the Skalpel and Italmas loitering munitions")
            _outvote_the_model(c)
    return cands


def _outvote_the_model(c: Cand) -> None:
    """A name the weapon noun it stands on shows to be a weapon's outweighs the model's guesses at its other
    mentions ("the Drel glide bomb", then "the Drel's maker" read as a place); a known town's never does."""
    if not is_city(c.text, sure=True) and not is_country(c.text):
        c.priority = max(c.priority, 4)


SITE_NOUNS_AFTER_PLACE = word_set("name_types", "site_nouns_after_place")
SITE_AFTER_PLACE = re.compile(
    r"\s+(" + "|".join(sorted(map(re.escape, SITE_NOUNS_AFTER_PLACE), key=len, reverse=True)) + r")\b")


def sites_named_after_places(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"the Upper Lars crossing", "the Batamindo industrial estate": a name the model calls a place, followed by a
    lower-case word for a site, is that site, a facility (a country's name is not: "the Russia crossing" is rare).
    So is any name the model guessed at before a site of two words: "the Guindy industrial area"."""
    text = doc_text(doc)
    for c in cands:
        if c.layer != "name" or c.type not in (E.PLACE, E.ORGANIZATION, E.PERSON) or c.source != "model" or \
                is_country(c.text):
            continue
        m = SITE_AFTER_PLACE.match(text, c.end)
        if m is not None and " " not in m.group(1) and re.match(r"\s+of\b", text[m.end():]):
            continue  # "the Black Sea port of Poti": the town is named after it (not "the X industrial area of Y")
        if m is not None and (c.type is E.PLACE or " " in m.group(1)):
            c.end, c.text, c.type = m.end(), text[c.start:m.end()], E.FACILITY
    return cands


def towns_before_countries(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"of Novi Sad, Serbia", "in Edison, New Jersey": a name after "of"/"in" and before a comma and a country or
    region is a town, whatever the model took it for."""
    text = doc_text(doc)
    for c in cands:
        if c.layer != "name" or c.source != "model" or c.type not in (E.PERSON, E.ORGANIZATION):
            continue
        m = re.match(r",\s+((?:[A-Z][\w\-]+\s?){1,3})", text[c.end:c.end + 40])
        if m is None or not is_territory_name(m.group(1).strip()):
            continue
        if re.search(r"\b(?:of|in|at|near|from)\s+$", text[max(0, c.start - 6):c.start]):
            c.type = E.PLACE  # "of Novi Sad, Serbia"; not "Ivan Petrov, Russia's envoy"
    return cands


def members_of_groups(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Stankoimport, which belongs to the Rostec conglomerate", "Spetsmash, a subsidiary of X": a name the
    model took for a place that belongs to a group, or is described as a subsidiary, is an organisation
    (unless it is a real territory: "Crimea, which belongs to ..."). So is one that owns: "a division of
    Almaz-Antey", "belongs to Almaz-Antey" (unless it is a territory or a town: "part of Belarus")."""
    rel = vocab_data("relations")
    verbs, child_nouns = frozenset(rel["part_of_verbs"]), frozenset(rel["child_nouns"])
    for c in cands:
        if c.layer != "name" or c.source != "model" or c.type is not E.PLACE or is_territory_name(c.text):
            continue
        span = doc.char_span(c.start, c.end)
        if span is None:
            continue
        root = span.root
        if root.dep_ == "pobj" and _owner_prep(root.head) and not is_city(c.text):
            c.type = E.ORGANIZATION
            continue
        if root.dep_ == "pobj" and (root.head.lower_ in ("in", "near", "at", "from", "outside") or
                                    root.head.lower_ == "of" and root.head.head.lemma_.lower() in vocab().place_nouns):
            continue  # "X in Perm, which belongs to Y", "X in the town of Kurgan, a Tecmash unit": it is X's
        member = any(ch.dep_ == "relcl" and ch.lemma_.lower() in verbs for ch in root.children) or any(
            ch.dep_ == "appos" and ch.lemma_.lower() in child_nouns for ch in root.children)
        if member:
            c.type = E.ORGANIZATION
    return cands


REGION_NAME = re.compile(r"(?<![\w-])((?:[A-Z][\w'’-]+ ){1,2}(?:Oblast|Krai|Kray|Okrug|Region|Province|Governorate)"
                         # "the Homiel region", "the Kolpino district", "Russia's Vologda region": a lower-case region
                         # word after "the" or a possessive
                         r"|(?:(?<=\b[Tt]he )|(?<='s )|(?<=’s ))[A-Z][\w'’-]+ (?:region|oblast|province|district))"
                         r"(?![\w-])")


def portfolios_in_titles(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Deputy Defence Minister X": the portfolio before "Minister" / "Secretary" is part of a title, not an
    organisation the model tagged."""
    words = frozenset(vocab_data("names")["portfolio_words"])
    kept = []
    for c in cands:
        span = doc.char_span(c.start, c.end) if c.layer == "name" and c.type is E.ORGANIZATION else None
        if span is not None and len(span) == 1 and span.text in words and span.end < len(doc) and \
                doc[span.end].text in ("Minister", "Secretary", "Ministers"):
            continue
        kept.append(c)
    return kept


def region_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Sverdlovsk Oblast", "Primorsky Krai", "the Moscow Oblast firm": a capitalised name and a word for a region
    are one place, whatever the model made of them (a town and an organisation "Oblast", a facility, nothing)."""
    added = []
    for m in REGION_NAME.finditer(doc_text(doc)):
        start, end = m.start(1), m.end(1)
        first = doc.char_span(start, start + len(doc_text(doc)[start:end].split()[0]))
        if first is None or first[0].pos_ != "PROPN" or first[0].is_stop:  # "Across Sverdlovsk Oblast", "The ..."
            start += len(doc_text(doc)[start:end].split()[0]) + 1
            if len(doc_text(doc)[start:end].split()) < 2:
                continue
        cands = [c for c in cands if not (c.layer == "name" and start <= c.start < end)]
        added.append(Cand(start, end, E.PLACE, "name", 4, doc_text(doc)[start:end], "region-name",
                          sent=_sentence_of(doc, start)))
    return _with(cands, added)


def route_ends(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"from Novorossiysk to Tartus": the two ends of a route hung on one verb are both places when the model calls
    one a place and the other, a town's name (GeoNames) with no word of a company's, an organisation or a person
    (a company at one end stays one: "from China to Kupol")."""
    v = vocab()
    by_start = {c.start: c for c in cands if c.layer == "name"}
    for verb in tokens(doc):
        ends = {}
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "to"):
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                span = obj and next((c for c in by_start.values() if c.start <= obj.idx < c.end), None)
                if span is not None:
                    ends[prep.lower_] = span
        if len(ends) < 2 or sum(c.type is E.PLACE for c in ends.values()) != 1:
            continue
        other = next(c for c in ends.values() if c.type is not E.PLACE)
        if other.source == "model" and other.type in (E.ORGANIZATION, E.PERSON) and is_city(other.text) and \
                not {w.lower() for w in other.text.split()} & (v.org_cues | v.org_name_words):
            other.type = E.PLACE
    return cands


def countries_the_model_missed(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """A country's name standing alone that the model left untagged ("Belarus exported sights to Russia", where
    the small model tags only "Russia") is a place. Not when it begins or ends a longer proper name ("Belarus
    Tractor Works")."""
    covered = _covered(cands)
    added = []
    for m in country_pattern().finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is None or any(i in covered for i in range(m.start(), m.end())):
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and before.pos_ == "PROPN" or after is not None and after.pos_ == "PROPN":
            continue
        added.append(Cand(m.start(), m.end(), E.PLACE, "name", 3, m.group(), "country-name",
                          sent=_sentence_of(doc, m.start())))
    return _with(cands, added)


def places_the_model_missed(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Where an enterprise is, written in positions that only a place fills, when the model tagged no name there
    or called it an organisation:
    - a proper noun after "in" / "near" / "outside" hanging on an organisation's or site's name ("the Barnaul
      Cartridge Plant in Altai Krai"), also when the model called it a person ("the bureau in Tula");
    - a one-word proper noun modifying "a ... company" ("Irtysh Metal Trade LLP, a Pavlodar company");
    - the name after "of" that follows a legal form ("Steppe Instrument LLP of Almaty");
    - the name after "the city of" / "the town of"."""
    v = vocab()
    after = vocab_data("names")["legal_forms_after"]
    legal = {f.lower() for f in v.legal_forms} | {f.lower().rstrip(".") for f in after}
    names = [c for c in cands if c.layer == "name"]
    enterprise = {i for c in names if c.type in (E.ORGANIZATION, E.FACILITY) for i in range(c.start, c.end)}
    covered = _covered(cands)
    added = []
    for tok in tokens(doc):
        if tok.pos_ != "PROPN" or tok.dep_ not in ("pobj", "compound") or tok.text in v.not_names:
            continue
        if tok.dep_ == "pobj":
            prep = tok.head
            anchored = prep.lower_ in v.site_place_preps and prep.head.idx in enterprise or \
                prep.lower_ == "of" and prep.head.lower_.rstrip(".") in legal and prep.head.idx in enterprise or \
                prep.lower_ == "of" and prep.head.lemma_.lower() in v.place_nouns and prep.head.pos_ == "NOUN"
        else:
            head = tok.head
            anchored = head.lemma_.lower() in v.appositive_cues and head.pos_ == "NOUN" and \
                any(d.lower_ in ("a", "an") for d in head.children) and tok.i == head.i - 1 and \
                not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")
        if not anchored:
            continue
        first = tok
        while tok.dep_ == "pobj" and first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and \
                doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == tok.i:
            first = doc[first.i - 1]
        start, end = first.idx, tok.idx + len(tok.text)
        known = [c for c in names if c.start == start and c.end == end]
        if known:
            for c in known:
                # the model's organisation or person ("the KBP bureau in Tula" read as a person's name)
                if c.type in (E.ORGANIZATION, E.PERSON) and c.source == "model" and tok.dep_ == "pobj":
                    c.type = E.PLACE
            continue
        if any(i in covered for i in range(start, end)) or not doc_text(doc)[start:start + 1].isupper():
            continue
        added.append(Cand(start, end, E.PLACE, "name", 3, doc_text(doc)[start:end], "site-place",
                          sent=_sentence_of(doc, start)))
    # "Volna Optics (Orsha) makes ...": a known town or country in brackets right after an enterprise's name
    text = doc_text(doc)
    for c in names:
        m = BRACKETED_PLACE.match(text, c.end) if c.type in (E.ORGANIZATION, E.FACILITY) else None
        if m and (is_city(m.group(1)) or is_country(m.group(1))) and \
                not any(i in covered for i in range(m.start(1), m.end(1))):
            added.append(Cand(m.start(1), m.end(1), E.PLACE, "name", 3, m.group(1), "bracketed-place",
                              sent=_sentence_of(doc, m.start(1))))
    return _with(cands, added)


BRACKETED_PLACE = re.compile(r"\s*\(\s*([A-Z][\w\-]+(?: [A-Z][\w\-]+)?)\s*\)")


def towns_the_model_missed(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Izhevsk is also home to ...", "near Kursk": a large city's name standing alone (one or two capitalised words
    with no other name word beside them) that the model left untagged is the city."""
    covered = _covered(cands)
    added = []
    toks = tokens(doc)
    # (also a capitalised word the tagger took for a common noun inside a sentence: "located in Taganrog on ...")
    name_word = [(t.pos_ == "PROPN" or t.pos_ == "NOUN" and not t.is_sent_start) and t.is_alpha and t.text.istitle()
                 for t in toks]
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and name_word[j]:
            j += 1
        if j == i:
            i += 1
            continue
        run = doc[i:j]
        # (not "its Lipetsk plant": a town modifying a noun describes a site, which is read elsewhere)
        modifies = run[-1].dep_ in ("compound", "amod", "nmod") and run[-1].head.i >= j or \
            j < len(toks) and toks[j].pos_ == "PROPN"  # (or is followed by another name word: "Izhevsk KBP")
        if len(run) <= 2 and not modifies and not any(k in covered for k in range(run.start_char, run.end_char)) and \
                is_city(run.text, sure=_where_a_thing_is(run) is None):
            added.append(Cand(run.start_char, run.end_char, E.PLACE, "name", 3, run.text, "gazetteer-town",
                              sent=_sentence_of(doc, run.start_char)))
        i = j
    return _with(cands, added)


def _where_a_thing_is(run: Span) -> Token | None:
    """"a boatyard in Yeysk", "a trader near Aksu": the noun a town's name says the place of, through "in" or
    "near" (a smaller town's name is read as one there, not after a verb: "invested in Sokol")."""
    prep = run.root.head if run.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "near", "outside") or prep.head.pos_ != "NOUN" or \
            prep.head.i > run.start or any(t.ent_type_ in ("DATE", "TIME") for t in run):
        return None  # (not "in March")
    return prep.head


def _acts(doc: Doc, c: Cand) -> bool:
    """The name is the subject of a verb here (weapons are fired and ordered; makers say and build)."""
    span = doc.char_span(c.start, c.end)
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.pos_ in ("VERB", "AUX") and \
        span.root.head.lemma_.lower() not in PROPERTY_VERBS | BATTLE_VERBS  # ("the Garpiya has a range of 1,500 km")


# verbs of what a thing is or has, which a weapon does as well as a maker ("has a range", "weighs 40 kg")
PROPERTY_VERBS = word_set("name_types", "property_verbs")
BATTLE_VERBS = word_set("name_types", "battle_verbs")  # what only a weapon does: "jams", "strikes"


def _weapon_noun_written_after(doc: Doc, span) -> bool:
    """"the Dzhigit twin launcher" where the tagger lost the phrase: the name is followed, within two nouns or
    adjectives, by a weapon's head noun that ends the phrase."""
    for end in range(span.end, min(len(doc), span.end + 3)):
        t = doc[end]
        if not (t.is_alpha and t.is_lower):
            return False
        if t.lower_ in WEAPON_HEADS and (end + 1 == len(doc) or not doc[end + 1].is_alpha or
                                         doc[end + 1].pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON")):
            return "think tank" not in doc[span.end:end + 1].text.lower()  # (no tank: "an Oslo think tank")
        if t.pos_ not in ("NOUN", "ADJ"):
            return False
    return False


def _weapon_phrase(doc: Doc, after: int, head) -> bool:
    """The words from the name up to its head noun form a weapon noun: "missiles", "air defence system"."""
    words = doc[after:head.i + 1]
    if WARFARE_SYSTEM.fullmatch(words.text.lower()):
        return True  # "the Palantin electronic warfare complex" (an adjective in it)
    # (the head noun itself may be mis-tagged: "the Dzhigit twin launcher" with "launcher" read as an adverb)
    # (words of the weapon's kind may come between: "the Hermes guided missile", "the Tyulpan self-propelled mortar")
    if not all(t.pos_ in ("NOUN", "PUNCT") or t.is_lower and (t.pos_ in ("ADJ", "VERB") or doc[t.i - 1].text == "-")
               for t in words[:-1]) or "think tank" in words.text.lower():  # (the "in" of "close-in")
        return False  # (a "think tank" is no tank: "the Tallinn think tank")
    return head.lower_ in WEAPON_HEADS or bool(DEFENCE_SYSTEM.search(words.text.lower()))


TOWN_JOIN = re.compile(r"\b[A-Z][a-z]+-(?:on|upon|na|am|an|sur|de|le)-[A-Z][a-z]+\b")  # Rostov-on-Don
TITLE_JOIN = re.compile(r"\b[A-Z][a-z]{2,}-[A-Z][a-z]{2,}\b")
ACRONYM_JOIN = re.compile(r"\b[A-Z]{2,5}-[A-Z][a-z]{2,}\b")  # UEC-Klimov, KRET-Avionika
NAME_ACRONYM = re.compile(r"\b[A-Z][a-z]{3,}-[A-Z]{2,4}\b(?!-)")  # Reductor-PM, Vostok-Dron's "Aero-KR"


def hyphenated_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Rostov-on-Don" is one town, and "UEC-Klimov" and "Reductor-PM" one company each (a holding's acronym
    joined to a plant's name, or a name with an acronym after it), whatever pieces the model made of them."""
    found = [(m, E.PLACE) for m in TOWN_JOIN.finditer(doc_text(doc))] + \
        [(m, E.ORGANIZATION) for m in ACRONYM_JOIN.finditer(doc_text(doc))] + \
        [(m, E.ORGANIZATION) for m in NAME_ACRONYM.finditer(doc_text(doc))
         if any(c.layer == "name" and c.type is E.ORGANIZATION and m.start() <= c.start < c.end <= m.end()
                for c in cands)]  # "Reductor-PM": a word and an acronym, one of which the model calls a company
    # "Titan-Barrikady", "Almaz-Antey": two capitalised halves, one of which the model calls an organisation
    for m in TITLE_JOIN.finditer(doc_text(doc)):
        halves = m.group(0).split("-")
        if any(is_territory_name(h) for h in halves) or all(h.lower() in MONTH_WORDS for h in halves):
            continue  # (nor "January-September", months)
        if any(c.layer == "name" and c.type is E.ORGANIZATION and m.start() <= c.start < m.end() and c.end <= m.end()
               and c.end - c.start < m.end() - m.start() for c in cands):
            found.append((m, E.ORGANIZATION))
        elif not any(c.start < m.end() and m.start() < c.end for c in cands) and \
                not any(e.label_ in ("GPE", "LOC", "PERSON") and e.start_char <= m.start() < e.end_char
                        for e in doc.ents):
            # a name the model did not see: a town after "in" / "from" ("from Ulan-Ude"), else a company ("an
            # Almaz-Antey company")
            before = doc_text(doc)[max(0, m.start() - 12):m.start()].lower().split()
            town = bool(before) and (before[-1] in vocab().site_place_preps or before[-1] in ("from", "to"))
            found.append((m, E.PLACE if town else E.ORGANIZATION))
    if not found:
        return cands
    out = list(cands)
    for m, etype in found:
        if any(c.start <= m.start() and m.end() <= c.end and c.layer == "name" and c.type is etype for c in out):
            continue
        out = [c for c in out if c.end <= m.start() or c.start >= m.end()]
        out.append(Cand(m.start(), m.end(), etype, "name", 6, m.group(0), "hyphen-name",
                        sent=_sentence_of(doc, m.start())))
    return sorted(out, key=lambda c: (c.start, -c.end))


def unnamed_subjects(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Rostvertol remains the sole maker of ...", "Izhmash builds rifles": a proper name the model missed, as the
    subject of being a maker or of making goods, is an organisation."""
    v = vocab()
    data = vocab_data("names")
    roles = {w.lower() for w in data["org_predicate_nouns"]}
    verbs = {w.lower() for w in data["org_subject_verbs"]}
    covered = _covered(cands)
    added = []
    for tok in tokens(doc):
        acronym = tok.pos_ == "NOUN" and tok.is_alpha and tok.text.isupper() and 2 <= len(tok.text) <= 6  # "MZKT"
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" and not acronym or tok.idx in covered or \
                not tok.text[:1].isupper() or \
                tok.ent_type_ in ("GPE", "LOC", "PERSON", "NORP", "DATE") or tok.text in v.not_names or \
                is_territory_name(tok.text):
            continue
        head = tok.head
        is_role = head.lemma_ in ("be", "remain", "become") and any(
            c.dep_ == "attr" and c.lemma_.lower() in roles for c in head.children)
        makes = head.lemma_.lower() in verbs and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in head.children)
        if not (is_role or makes):
            continue
        added.append(_org_name_at(doc, tok, "role-subject"))
    return _with(cands, added)
