"""Typed mentions: the model's entities mapped to our types, plus patterns that generalise.

Three layers, each resolved for overlaps separately (a product mention may contain a weapon name):
- "name": organizations, people, places, named facilities and weapon systems;
- "product": kinds of goods ("dual-use microchips", "152mm artillery shells");
- "desc": unnamed facilities described by what they make ("a drone factory in Belarus").
All vocabularies come from extract/data/*.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from supplytrace.extract.gazetteer import is_city, is_country
from supplytrace.extract.pipeline import chemical_name_pattern, vocab_data, word_set
from supplytrace.extract.places import is_territory_name
from supplytrace.extract.syntax import coordinated_modifier, goods_read_as_verb, plain_verb_form, tokens
from supplytrace.extract.wording import (
    ACQUIRE_VERBS,
    ENTERPRISE_REF,
    not_goods,
    parent_noun,
    person_jobs,
    rv,
    trade_verb_read_as_noun,
)
from supplytrace.vocab import EntityType

E = EntityType
MODEL_TYPES = {"PERSON": E.PERSON, "ORG": E.ORGANIZATION, "GPE": E.PLACE, "LOC": E.PLACE, "FAC": E.FACILITY}
QUOTES = "\"'«»“”„‘’`"
CAPITALISED_CUE = re.compile(r"[A-Z]")


@dataclass
class Cand:
    """A candidate mention before grouping into entities."""

    start: int
    end: int
    type: EntityType
    layer: str  # name | product | desc
    priority: int
    text: str  # the display form (may drop a leading "the" or a cue noun)
    source: str
    aliases: list[str] = field(default_factory=list)  # longer surface forms around it ("Integral plant")
    sig: frozenset[str] = frozenset()  # desc: product words that identify an unnamed facility
    place: str | None = None  # desc: where it is said to be
    sent: int = -1  # sentence index

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True)
class Vocab:
    legal_forms: frozenset[str]
    org_prefix_cues: frozenset[str]
    org_final_cues: frozenset[str]
    org_cues: frozenset[str]
    facility_cues: frozenset[str]
    facility_heads: frozenset[str]
    brand_cues: frozenset[str]
    weapon_cues: frozenset[str]
    weapon_cue_needs_mod: frozenset[str]
    weapon_mods: frozenset[str]
    vehicle_mods: frozenset[str]
    small_arms_mods: frozenset[str]
    designator_stop: frozenset[str]
    component_nouns: frozenset[str]
    not_names: frozenset[str]
    titles: frozenset[str]
    product_heads: frozenset[str]
    product_heads_mod: frozenset[str]
    material_heads: frozenset[str]
    complement_heads: frozenset[str]
    drop_mods: frozenset[str]
    synonyms: dict
    appositive_cues: frozenset[str]
    norp_org_nouns: frozenset[str]
    org_name_words: frozenset[str]
    org_name_suffixes: tuple[str, ...]
    facility_name_words: frozenset[str]
    vague_mods: frozenset[str]
    group_ignore: frozenset[str]
    org_predicate_nouns: frozenset[str]
    org_subject_verbs: frozenset[str]
    site_place_preps: frozenset[str]
    place_nouns: frozenset[str]
    name_inner_words: frozenset[str]
    document_nouns: frozenset[str]
    instrument_words: frozenset[str]
    facility_final_cues: frozenset[str]
    public_body_cues: frozenset[str]
    org_word_endings: tuple[str, ...]
    designator: re.Pattern[str]
    legal: re.Pattern[str]
    legal_after: re.Pattern[str]
    quoted: re.Pattern[str]
    chemical: re.Pattern[str]


@cache
def vocab() -> Vocab:
    n = vocab_data("names")
    p = vocab_data("products")
    legal = sorted(n["legal_forms"], key=len, reverse=True)
    legal_re = re.compile(
        r"(?<![\w])(?:" + "|".join(map(re.escape, legal)) + r")\s+[«\"“'‘]?"
        r"([A-ZА-ЯЁ][\w\-]*(?:[ \-][A-ZА-ЯЁ0-9][\w\-]*){0,4})[»\"”'’]?")
    designator = re.compile(
        r"(?<![\w\-])(?:[A-ZА-Я][A-Za-zА-Яа-я]{0,7}-\d{1,4}[A-Za-z]{0,3}\d{0,2}[A-Za-z]{0,2}(?:-\d{1,3}[A-Za-z]{0,2})?"
        r"|\d{1,2}[A-Z]{1,2}\d{1,4}[A-Z]?\d?"
        r"|[A-ZА-Я][A-Za-zА-Яа-я]{1,9}-[A-ZА-Я]{1,2}\d{1,3}[A-ZА-Я]{0,2}"
        r"|[A-Z]{1,4}\d{1,2}-\d{1,4}[A-Za-z]{0,2})(?![\w\-])")  # "AL-41F1S", "TV3-117"
    # a legal form after the name: "Elbwerk GmbH", "Orion Tech Co., Ltd."; the shortest name before a form is
    # tried first, so "Co." is read as part of the form "Co., Ltd." and not of the name
    after = sorted(n["legal_forms_after"], key=len, reverse=True)
    cap = r"[A-ZА-ЯЁÀ-ÖØ-ÞİŞĞČŠŽ]"
    legal_after_re = re.compile(
        rf"(?<![\w'’.\-])({cap}[\w&\-]*(?:\s(?:{cap}[\w&\-]*|[0-9][\w\-]*|&|of|de)){{0,5}}?),?\s"
        r"(" + "|".join(map(re.escape, after)) + r")(?![\w])")
    quoted = re.compile(r"[«“\"]([A-ZА-ЯЁ][\w\-\.]*(?:[ \-][A-ZА-ЯЁ0-9][\w\-\.]*){0,3})[»”\"]")
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return Vocab(
        legal_forms=frozenset(n["legal_forms"]), org_prefix_cues=frozenset(n["org_prefix_cues"]),
        org_final_cues=frozenset(n["org_name_final_cues"]),
        org_cues=low(n["org_cue_nouns"]), facility_cues=low(n["facility_cue_nouns"]),
        facility_heads=low(n["facility_heads"]), brand_cues=low(n["brand_cue_nouns"]),
        weapon_cues=low(n["weapon_cue_nouns"]), weapon_cue_needs_mod=low(n["weapon_cue_needs_modifier"]),
        weapon_mods=low(n["weapon_modifiers"]), vehicle_mods=low(n["vehicle_modifiers"]),
        small_arms_mods=low(n["small_arms_modifiers"]),
        designator_stop=frozenset(n["designator_stop"]),
        component_nouns=low(n["component_nouns"]),
        not_names=frozenset(n["not_names"]), titles=frozenset(n["person_titles"]),
        product_heads=low(p["heads"]) | low(p["material_heads"]), material_heads=low(p["material_heads"]),
        product_heads_mod=low(p["heads_need_modifier"]),
        complement_heads=low(p["complement_heads"]), drop_mods=low(p["drop_modifiers"]), synonyms=p["synonyms"],
        appositive_cues=low(n["appositive_org_cues"]), norp_org_nouns=low(n["norp_org_nouns"]),
        org_name_words=low(n["org_name_words"]), org_name_suffixes=tuple(n["org_name_suffixes"]),
        facility_name_words=low(n["facility_name_words"]),
        vague_mods=low(p["vague_modifiers"]), group_ignore=low(p["group_ignore"]),
        org_predicate_nouns=low(n["org_predicate_nouns"]), org_subject_verbs=low(n["org_subject_verbs"]),
        site_place_preps=low(n["site_place_preps"]), place_nouns=low(n["place_nouns"]),
        name_inner_words=frozenset(n["name_inner_words"]), document_nouns=low(n["document_nouns"]),
        instrument_words=frozenset(n["instrument_final_words"]),
        facility_final_cues=frozenset(n["facility_name_final_cues"]), public_body_cues=low(n["public_body_cues"]),
        org_word_endings=tuple(w.lower() for w in n["org_word_endings"]),
        designator=designator, legal=legal_re, legal_after=legal_after_re, quoted=quoted,
        chemical=re.compile(chemical_name_pattern()),
    )


# ---------------------------------------------------------------------------------------------
# token helpers

def is_cap(tok: Token) -> bool:
    t = tok.text
    if not t or not any(c.isalpha() for c in t):
        return False
    return t[0].isupper() or (t[0].isdigit() and any(c.isupper() for c in t))


def is_name_token(tok: Token, v: Vocab) -> bool:
    """A capitalised token that can be part of a proper name (not a nationality, not a month)."""
    if not is_cap(tok) or tok.text in v.not_names or tok.text in v.titles:
        return False
    if tok.ent_type_ == "NORP" and not DEMONYM.search(tok.text):
        return True
    if tok.ent_type_ in ("QUANTITY", "CARDINAL") and tok.tag_ == "NNP" and tok.is_alpha and tok.i > 0 and \
            tok.ent_iob_ != "B" and tok.lower_ not in MONTH_WORDS:
        return True  # "122 mm Grad rockets": a model's name the tagger swept into the calibre
    if tok.ent_type_ in ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return bool(v.designator.fullmatch(tok.text))
    opens = tok.is_sent_start or tok.i > 0 and tok.doc[tok.i - 1].text in QUOTES and tok.doc[tok.i - 1].is_sent_start
    if opens and tok.is_stop:  # (also right after a quotation mark opening the sentence: '"The X works ...')
        return False
    return not (tok.is_sent_start and tok.pos_ not in ("PROPN", "NOUN", "X") and not tok.ent_type_)


CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|an|i|ch)$|^Soviet$")


NUMBERED = re.compile(r"\d{2,}(?:st|nd|rd|th)")


def cap_run_left(doc: Doc, end: int, v: Vocab, allow_place: bool = False, brand: bool = False) -> int:
    """Start index of the run of name tokens ending just before `end` (end itself excluded); end if none."""
    i = end - 1
    start = end
    while i >= 0:
        tok = doc[i]
        if tok.text in QUOTES and not tok.whitespace_ and i + 1 < end:
            i -= 1
            continue
        if tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_ and start <= i + 1 < end:
            i -= 1
            continue
        ok = is_name_token(tok, v) or brand and tok.ent_type_ == "NORP" and is_cap(tok) and not DEMONYM.search(tok.text)
        if not ok and tok.text in v.name_inner_words and start < end and i > 0 and is_name_token(doc[i - 1], v):
            ok = not doc[i - 1].is_sent_start or doc[i - 1].pos_ == "PROPN"  # "Ryazan State ... Plant"
        if ok and (allow_place or tok.ent_type_ not in ("GPE", "LOC")):
            start = i
            i -= 1
            continue
        break
    if start < end and start > 0 and NUMBERED.fullmatch(doc[start - 1].text):
        start -= 1  # "the 140th Repair Plant", "the 558th Aircraft Repair Plant": numbered military plants
    return start


def strip_quotes(s: str) -> str:
    return s.strip(QUOTES + " ").strip()


def clean_ent_span(span: Span) -> Span | None:
    """Drop a leading determiner, a trailing possessive and punctuation; refuse spans across lines."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct and doc[s].text not in "«“\""
                     or doc[s].pos_ in ("ADP", "ADV", "SCONJ", "PRON", "CCONJ", "VERB", "AUX") and not doc[s].is_title
                     or doc[s].is_sent_start and doc[s].pos_ in ("ADP", "ADV", "SCONJ", "DET", "CCONJ")
                     or doc[s].text in "«“\"" and not any(doc[k].text in "»”\"" for k in range(s + 1, e))):
        s += 1  # (an opening quote is the name's only if it closes inside: '"The X works ...," said' is not)
    for k in range(e - 1, s, -1):  # "Latvia's Constitution Protection Bureau": the part after the possessive
        if doc[k].text in ("'s", "’s") and k + 1 < e and doc[k - 1].lower_ not in OFFICE_HOLDER_WORDS:
            s = k + 1
            break
    while e > s and (doc[e - 1].text in ("'s", "’s", "'", "’")
                     or doc[e - 1].is_punct and doc[e - 1].text not in ")»”\""
                     or doc[e - 1].pos_ in ("ADP", "CCONJ", "DET") and doc[e - 1].is_lower):
        e -= 1  # (and a word a name never ends in: "Uralredmet-Trade of" before the town)
    opened = [k for k in range(s, e) if doc[k].text == "("]
    if opened and not any(doc[k].text == ")" for k in range(opened[-1], e)):
        e = opened[-1]  # "Office of Foreign Assets Control (OFAC": the bracket is the acronym's, not the name's
        while e > s and doc[e - 1].is_punct:
            e -= 1
    colon = next((k for k in range(s + 1, e) if doc[k].text == ":"), None)
    if colon is not None:
        e = colon  # "Vitebsk Regional Council of Deputies: Report on ...": a title after the name
    if s >= e:
        return None
    out = doc[s:e]
    if "\n" in out.text or all(t.is_punct or t.lower_ in MONTH_WORDS for t in out):
        return None  # (nor "January-September", a span of months)
    return out


STREET_WORDS = word_set("mentions", "street_words")
OFFICE_HOLDER_WORDS = word_set("mentions", "office_holder_words")
COMPANY_ONLY_NOUNS = word_set("mentions", "company_only_nouns")
MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"})


# ---------------------------------------------------------------------------------------------
# the finders

def _whole_town_name(span: Span) -> Span:
    """"Naberezhnye" tagged without "Chelny": a place the model cut short of a town's two-word name."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and not nxt.ent_type_ and is_city(f"{span.text} {nxt.text}"):
        return doc[span.start:span.end + 1]
    return span


def _named_beside_a_job(ent: Span, v: Vocab) -> Span | None:
    """A name of plain words set beside a person's job ("the group's coordinator, Taras Melnychuk,"): the person's
    whole name, with any given name the model left out of it."""
    root = ent.root
    if root.dep_ != "appos" or root.head.lemma_.lower() not in person_jobs() or \
            any(not t.text[:1].isupper() or is_company_word(t.lower_, v) or t.lower_ in v.org_cues for t in ent):
        return None
    given = [c.i for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < ent.start]
    return Span(ent.doc, min([ent.start, *given]), ent.end, label="PERSON")


def not_nationality(ent: Span) -> bool:
    """A span the model tags NORP whose words are neither nationality words nor shaped like one ("-ian",
    "-ese", ...): a company's name ("Rostec", "Junghans Microtec")."""
    nationalities = nationality_words()
    if ent.root.dep_ in ("compound", "amod") and ent.root.head.i > ent.root.i:
        return False  # "the Nizhny Novgorod plant": a modifier may be the plant's town as well as its owner
    # (a modifier hung on a noun before it is the parser's slip: "the state corporation Rostec")
    return all(t.pos_ in ("PROPN", "ADJ", "NOUN") and t.text[:1].isupper() and not DEMONYM.search(t.text) and
               t.lower_ not in nationalities for t in ent)


@cache
def nationality_words() -> frozenset[str]:
    """Nationality adjectives, lower-cased: the demonyms and the extra nationality words of names.json."""
    words = set(vocab_data("demonyms")["demonyms"]) | set(vocab_data("names")["nationality_words"])
    return frozenset(w.lower() for w in words)


@cache
def _demonym_countries() -> dict[str, str]:
    return {d.lower(): c.lower() for d, c in vocab_data("demonyms")["demonyms"].items()}


def demonym_country(word: str) -> str | None:
    """The country a nationality adjective names, lower-cased ("Kazakh" -> "kazakhstan"), from demonyms.json."""
    return _demonym_countries().get(word.lower())


SPLITTING_PREPS = frozenset({"to", "from", "via", "into", "through"})


def split_at_outer_preps(ent: Span) -> list[Span]:
    """"issued by Steppe Instrument to Avionika-Servis", tagged as one name: the model's span split where a
    preposition inside it belongs to a word outside it (a name's own "of" or "to" hangs on a word of the name)."""
    cuts = [t.i for t in ent[1:-1] if t.lower_ in SPLITTING_PREPS and t.pos_ == "ADP" and
            not ent.start <= t.head.i < ent.end]
    if not cuts:
        return [ent]
    bounds = [ent.start, *cuts, ent.end]
    return [Span(ent.doc, a + (a in cuts), b, label=ent.label_) for a, b in zip(bounds, bounds[1:], strict=False)
            if b > a + (a in cuts)]


def model_entities(doc: Doc, v: Vocab) -> list[Cand]:
    out = []
    for ent in (part for e in _names_joined_at_and(doc) for part in split_at_outer_preps(e)):
        etype = MODEL_TYPES.get(ent.label_)
        if ent.label_ == "NORP" and not DEMONYM.search(ent.text) and is_city(ent.text):
            etype = E.PLACE  # "in Barysau" tagged as a nationality
        elif ent.label_ == "NORP" and not_nationality(ent):
            etype = E.ORGANIZATION  # "the state corporation Rostec" tagged as a nationality
        if etype is E.ORGANIZATION and (person := _named_beside_a_job(ent, v)) is not None:
            ent, etype = person, E.PERSON  # "the group's coordinator, Taras Kovalchuk," tagged as a company
        if ent.label_ == "PRODUCT" and v.designator.search(ent.text):
            etype = E.WEAPON_SYSTEM
        if etype is None:
            continue
        span = clean_ent_span(ent)
        if span is None:
            continue
        if etype is E.PLACE:
            span = _whole_town_name(span)
        text = span.text
        if text in v.not_names or not any(c.isupper() for c in text) or len(text) < 2 or text in currency_codes() or \
                span[-1].text in STREET_WORDS:  # ("Traktorostroiteley Avenue": an address, not a site)
            continue
        if len(span) == 1 and _qualifies_a_named_town(span[0]):
            continue  # "the Volga town of Engels", "the Urals city of Zlatoust": the town is what is named
        if len(span) > 1 and span[-1].lower_ in TOWN_NOUNS and \
                all(t.lower_ in nationality_words() for t in span[:-1]):
            continue  # "in the Kazakh city of Taraz" tagged as a place: a nationality and a town noun name none
        if len(span) == 1 and (span[0].is_sent_start or span[0].text.isupper()) and span[0].lower_ in v.product_heads:
            continue  # "Microchips bought through Hong Kong ...": a kind of goods capitalised to start a sentence
            # (or written in capitals, as explosives are: "TNT", "RDX")
        if etype is not E.PERSON and len(span) > 1 and span[-1].text in v.instrument_words:
            continue  # "the Export Control Reform Act", "a Temporary Denial Order": a law or an order, no body
        if etype is E.PERSON and span.root.dep_ == "appos" and span.root.head.lemma_.lower() in \
                v.org_cues | COMPANY_ONLY_NOUNS:
            etype = E.ORGANIZATION  # "the investigative group Belarusian Hajun": named after what it is
        if etype is E.PERSON and any(t.text in v.not_names for t in span):
            continue  # "Cheap Russian (energy)": a nationality word is not part of a person's name
        if etype is E.PERSON and len(span) > 1 and is_company_word(span[-1].lower_, v):
            etype = E.ORGANIZATION  # "Corvant Microsystems", "Ekinci Elektronik": no person's surname
        if not span[0].text[:1].isupper() and not span[0].text[:1].isdigit() and span[0].text[:1] not in "«“\"":
            continue
        if etype is not E.PERSON and len(span) > 1:
            words = {t.lower_ for t in span}
            if span[-1].lower_ in v.facility_name_words and span[-1].text[:1].isupper() or \
                    span[-1].lower_ in ("building", "hall", "workshop", "hangar") and span[-1].text[:1].isupper():
                etype = E.FACILITY  # (also "Printed Circuit Board Production Building")
            elif words & v.org_name_words:
                etype = E.ORGANIZATION
        typed = role_type(span, etype, v)
        # (a name typed by a role only an organisation plays is not read as a place again later)
        source = "model-role" if typed is E.ORGANIZATION and etype is not E.ORGANIZATION and len(span) == 1 and \
            org_role(span.root, owning=etype is E.PLACE) else "model"
        etype = typed
        out.append(Cand(span.start_char, span.end_char, etype, "name", 3, strip_quotes(text), source))
        if span.start > ent.start + 1 and doc[span.start - 1].text in ("'s", "’s"):
            owner = doc[ent.start:span.start - 1]
            if owner and owner[0].text[:1].isupper() and all(t.ent_type_ in ("GPE", "LOC", "ORG", "") for t in owner):
                out.append(Cand(owner.start_char, owner.end_char, E.PLACE, "name", 3, owner.text, "model"))
                out[-2].aliases.append(text[owner.start_char:span.end_char])
    return out


TOWN_NOUNS = word_set("mentions", "town_nouns")


def _names_joined_at_and(doc: Doc) -> list[Span]:
    """The model's entities, with a body's name that the model cut at its "and" made whole again ("the Estonian
    Tax | and | Customs Board"): the words before "and" hang on the last word of the name after it, where two
    names joined by "and" ("Rostec and Almaz-Antey") are each whole."""
    ents, out = list(doc.ents), []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == e.label_ == "ORG" and e.start == prev.end + 1 and \
                doc[prev.end].lower_ in ("and", "&") and e.start <= prev[-1].head.i < e.end and \
                all(t.text[:1].isupper() for t in e):
            out[-1] = Span(doc, prev.start, e.end, label="ORG")
        else:
            out.append(e)
    return out


def _qualifies_a_named_town(tok: Token) -> bool:
    """A one-word name on "town of X" / "city of X" says where X is ("the Volga town of Engels"); X is the place."""
    head = tok.head
    return tok.dep_ in ("compound", "amod", "nmod") and head.i == tok.i + 1 and head.lower_ in TOWN_NOUNS and \
        any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children) for c in head.children)


@cache
def currency_codes() -> frozenset[str]:
    """"52 million Belarusian roubles (BYN)": a currency's code is no name of anything the article is about."""
    return frozenset(k for k in vocab_data("quantities")["currencies"] if re.fullmatch(r"[A-Z]{3}", k))


def _clause_verb(span: Span) -> Token | None:
    """The verb a name is the active subject of; also a name glued to the verb right after it when the parse
    breaks ("X supplied engines" read as an adjective phrase)."""
    h = span.root
    if h.dep_ == "nsubj" and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP", "VBN") and h.dep_ not in ("pobj", "dobj") and \
            (span[0].is_sent_start or prev is not None and prev.is_sent_start and prev.pos_ == "DET"):
        return nxt
    return None


def role_type(span: Span, etype: EntityType, v: Vocab) -> EntityType:
    """Correct the model's label from the role a name plays in its clause (generic cues, no names):
    - a "person" said to be a company ("X is a major manufacturer of ..."), the active subject of an industrial
      verb with a goods or weapon noun as object ("X supplies engines to ...") or the agent of one in the
      passive ("the motors are cast by X") is an organisation;
    - a one- or two-word "person" or "organisation" after a plant or factory and "in" / "near"
      ("the Y Plant in X") is a place."""
    doc = span.doc
    h = span.root
    if etype in (E.PERSON, E.ORGANIZATION) and len(span) <= 2 and h.dep_ == "pobj" and \
            h.head.lower_ in v.site_place_preps and not {t.lower_ for t in span} & v.org_name_words:
        gov = h.head.head
        if gov.i < span.start and gov.pos_ in ("NOUN", "PROPN") and (
                gov.lower_ in v.facility_heads or gov.text.capitalize() in v.org_final_cues):
            return E.PLACE
    if etype is E.PLACE and len(span) == 1 and not is_city(span.text) and not is_country(span.text) and \
            h.dep_ != "poss" and org_role(h):
        return E.ORGANIZATION  # a word the model took for a place, in a role only a company plays ("X is based in")
    if etype is not E.PERSON:
        return etype
    if span.start > 0 and (doc[span.start - 1].text in v.titles or doc[span.start - 1].ent_type_ == "PERSON"):
        return etype
    if len(span) == 1 and org_role(h, owning=False):
        # "X employs 2,000 people", "X is based in Minsk", "a spokesman for X": a one-word name (a full personal
        # name stays a person's; and people own companies and stakes too)
        return E.ORGANIZATION
    if h.dep_ == "pobj" and h.head.dep_ == "agent" and h.head.head.lemma_.lower() in v.org_subject_verbs and \
            any(c.dep_ == "nsubjpass" for c in h.head.head.children):
        return E.ORGANIZATION  # "the motors are cast by X", "the chassis is built by X"
    if h.dep_ == "pobj" and h.head.dep_ == "agent" and h.head.head.lemma_.lower() in v.org_subject_verbs and \
            h.head.head.dep_ == "acl" and h.head.head.head.lemma_.lower() in v.product_heads:
        return E.ORGANIZATION  # "servo motors made by X"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.dep_ == "compound" and nxt.tag_ in ("NNS", "VBZ") and \
            plain_verb_form(nxt.lower_) != nxt.lower_ and plain_verb_form(nxt.lower_) in v.org_subject_verbs:
        return E.ORGANIZATION  # "X assembles drones" with the verb read as a noun of the goods' phrase
    verb = _clause_verb(span)
    if verb is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return etype
    if verb.lemma_ == "be":
        attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        return E.ORGANIZATION if any(a.lemma_.lower() in v.org_predicate_nouns for a in attrs) else etype
    if verb.lemma_.lower() not in v.org_subject_verbs:  # "X stopped supplying engines", "X began making ..."
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in v.org_subject_verbs), None)
        if verb is None:
            return etype
    goods = v.product_heads | v.product_heads_mod | v.weapon_cues
    for t in doc[verb.i + 1:min(verb.i + 7, len(doc))]:
        if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX", "SCONJ"):
            break
        if t.pos_ == "NOUN" and t.lower_ in goods and t.lower_ not in v.weapon_cue_needs_mod or \
                v.designator.fullmatch(t.text):  # "X is building the Il-78M-90A tanker"
            return E.ORGANIZATION
    return etype


# words for a part of a group ("subsidiary", "division"), after which "a <Name>" names the group
PART_NOUNS = frozenset(vocab_data("relations")["part_nouns"]) - {"part", "member"}
# a Russian or Belarusian patronymic ("Viktorovich", "Olegovna"), in Latin or Cyrillic letters
PATRONYMIC = re.compile(r"\b[A-ZА-Я][a-zа-я]+(?:ovich|evich|ovna|evna|ichna|ович|евич|овна|евна)\b")
SHORT_DESIGNATOR = re.compile(r"(?<![\w\-])[A-Z]{1,3}\d{1,3}[A-Z]?(?![\w\-])")
LETTER_DESIGNATOR = re.compile(r"(?<![\w\-])[A-ZА-Я][a-zа-я]{2,9}-[A-ZА-Я]{1,2}(?![\w\-])")


def designated_type(doc: Doc, span: Span, v: Vocab) -> EntityType:
    """A designator names a component model when a component noun stands next to it ("the V-84 engine", "GTD-1250
    turbines", "engines KAMAZ-740" in translated reporting), a weapon system otherwise."""
    after, before = span.end, span.start - 1
    if after < len(doc) and doc[after].lower_ in v.component_nouns and not doc[after].is_sent_start and \
            doc[after - 1].text[-1:].isalnum():
        return E.PRODUCT
    if before >= 0 and doc[before].lower_ in v.component_nouns and not span[0].is_sent_start and \
            doc[before].whitespace_:
        return E.PRODUCT
    return E.WEAPON_SYSTEM


VARIANT_SUFFIX = re.compile(r"-[A-Z][A-Z0-9]{0,2}\b(?!-)")


def _system_name_after(doc: Doc, span: Span, v: Vocab) -> bool:
    """One capitalised word that the designator modifies is the system's name: "S-350 Vityaz"; or that modifies the
    same noun beside it: "the 2S3 Akatsiya self-propelled howitzer"."""
    j = span.end
    if j >= len(doc):
        return False
    t = doc[j]
    # (the variant letters may carry the name's place in the parse: "the 2S9 Nona-S self-propelled mortar")
    h = t.head if j + 2 < len(doc) and doc[j + 1].text == "-" and t.head.i == j + 2 else t
    sibling = any(n.dep_ in ("compound", "nmod") and n.head.i == span[-1].head.i and n.head.i > n.i for n in {t, h})
    if not (span[-1].head.i == j and span[-1].dep_ in ("compound", "nummod") or sibling):  # ("2S4" read as a number)
        return False
    if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.text.isupper() or t.ent_type_ == "NORP":
        return False
    if t.ent_type_ in ("GPE", "LOC") and (is_city(t.text, sure=True) or is_country(t.text)):
        return False  # ("the Su-34 Voronezh" may be the town; "the 2S4 Tyulpan" the model took for one is no town)
    if t.lower_ in v.org_cues or t.text in v.org_final_cues or t.lower_ in v.weapon_cues or t.text in v.not_names:
        return False
    return not (j + 1 < len(doc) and is_cap(doc[j + 1]) and not doc[j + 1].is_sent_start)


def designators(doc: Doc, text: str, v: Vocab) -> list[Cand]:
    out = []
    for m in v.designator.finditer(text):
        d = m.group(0)
        if d in v.designator_stop:
            continue
        digits = re.search(r"\d+", d).group(0)
        alpha = re.match(r"[A-Za-zА-Яа-я]*", d).group(0)
        if len(alpha) > 3 and is_country(alpha):
            continue  # "Belarus-1", "Russia-1": a channel named after its country, no weapon
        if len(digits) == 4 and 1900 <= int(digits) <= 2100 and len(alpha) > 3:
            continue  # "Post-2020"
        start, end = m.start(), m.end()
        # "BMP-3s", "Tu-160Ms": the model's name is the singular (the mention keeps what is written)
        plural = len(d) > 2 and d.endswith("s") and (d[-2].isdigit() or d[-2].isupper())
        span = doc.char_span(start, end - plural, alignment_mode="expand")
        if span is None:
            continue
        if span.start > 0 and doc[span.start - 1].lower_ in v.document_nouns:
            continue  # "Invoice NB-2291", "contract No. ...": a document's number
        # a model name to the left ("Zala F-16", "Bayraktar TB-2"), not a capitalised first word ("Engines KAMAZ-740")
        left = cap_run_left(doc, span.start, v)
        while left < span.start and (doc[left].is_sent_start and doc[left].pos_ == "NOUN" or doc[left].is_stop):
            left += 1  # not "Engines" opening a sentence, nor "Every" or "The"
        if left < span.start and span.start - left <= 2 and doc[left].ent_type_ not in ("NORP", "GPE"):
            start = doc[left].idx
        # a quoted or capitalised name right after ("9K51 'Grad'")
        j = span.end
        if j + 2 < len(doc) and doc[j].text in QUOTES and is_cap(doc[j + 1]) and doc[j + 2].text in QUOTES:
            end = doc[j + 2].idx + len(doc[j + 2].text)
        elif _system_name_after(doc, span, v):  # "the S-350 Vityaz", "Buk-M3 Viking"
            end = doc[j].idx + len(doc[j].text)
            suffix = VARIANT_SUFFIX.match(text, end)  # "the 2S35 Koalitsiya-SV": the variant letters are the name's
            end = suffix.end() if suffix else end
        out.append(Cand(start, end, designated_type(doc, span, v), "name", 6,
                        strip_quotes(text[start:end - plural] if end == m.end() else text[start:end]), "designator"))
    # letter-suffix designators ("Typhoon-K trucks", "Tornado-G launchers", "Msta-S howitzers"): only before a
    # weapon or goods noun, since "Name-X" alone is too often something else
    nouns = v.weapon_cues | v.product_heads

    def goods(t: Token) -> bool:
        return t.lower_ in nouns or t.lemma_.lower() in nouns or t.lower_ in ("vehicles", "cars", "carriers")

    for m in LETTER_DESIGNATOR.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        nxt = doc[span.end] if span.end < len(doc) else doc[span.end - 1]
        prev = doc[span.start - 1] if span.start > 0 else None
        # "Typhoon-K trucks", "Tigr-M armoured cars": the noun right after, or after one modifier; "the
        # self-propelled howitzers Msta-S": the noun right before (the order of translated Russian reporting)
        # (or after up to three descriptive words: "the Sosna-U multichannel gunner's sight")
        ahead = []
        for t in doc[span.end:span.end + 4]:
            if goods(t) or not (t.is_lower and t.pos_ in ("ADJ", "NOUN") or t.text in ("'s", "’s")):
                ahead.append(t)
                break
            ahead.append(t)
        described = len(ahead) > 1 and goods(ahead[-1])
        # "fires the Iskander-M.", "including the Tornado-S, which": a model named with "the" and nothing after it
        the_model = prev is not None and prev.lower_ == "the" and span.end < len(doc) and \
            (nxt.is_punct or nxt.lower_ in ("and", "or") or nxt.pos_ in ("AUX", "VERB"))
        if goods(nxt) or nxt.is_alpha and nxt.is_lower and nxt.i + 1 < len(doc) and goods(doc[nxt.i + 1]) or \
                described or prev is not None and prev.lower_ in v.weapon_cues or the_model:
            etype = E.PRODUCT if described and ahead[-1].lower_ in v.component_nouns else \
                designated_type(doc, span, v)
            out.append(Cand(m.start(), m.end(), etype, "name", 6, m.group(0), "designator"))
    # short designators without a hyphen ("TB3") only next to a name or a weapon noun, or with a weapon noun in
    # apposition ("the E95M, a jet target drone", where the tokenizer may split off the last letter)
    for m in SHORT_DESIGNATOR.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or m.group(0) in v.designator_stop:
            continue
        first, last = span[0], span[-1]
        before = doc[first.i - 1] if first.i > 0 else None
        prev_ok = before is not None and is_name_token(before, v) and before.ent_type_ not in ("NORP", "GPE")
        next_ok = last.i + 1 < len(doc) and doc[last.i + 1].lower_ in v.weapon_cues
        appos_ok = any(ch.dep_ == "appos" and ch.lower_ in v.weapon_cues for t in span for ch in t.children)
        if prev_ok or next_ok or appos_ok:
            s = before.idx if prev_ok and before is not None else m.start()
            out.append(Cand(s, m.end(), E.WEAPON_SYSTEM, "name", 6, text[s:m.end()], "designator"))
    # a model once called an engine or a turbine is that component wherever else it is named ("the VK-2500 family")
    components = {c.text for c in out if c.type is E.PRODUCT}
    for c in out:
        if c.text in components:
            c.type = E.PRODUCT
    return out


def is_company_word(word: str, v: Vocab) -> bool:
    """A word of a company's name, or a compound ending in one ("Microsystems")."""
    return word in v.org_name_words or word.endswith(_long_company_words(v.org_name_words))


@cache
def _long_company_words(words: frozenset[str]) -> tuple[str, ...]:
    """The company words long enough to end a compound ("systems" in "Microsystems"), as one tuple for endswith."""
    return tuple(sorted(w for w in words if len(w) >= 6))


def _weapon_modifiers_before(doc: Doc, tok: Token, v: Vocab) -> tuple[int, int]:
    """Walk left from a weapon noun over its weapon modifiers ("ballistic missile", "multiple launch rocket"):
    the index of the first word that is none, and how many there were."""
    j = tok.i - 1
    mods = 0
    while j >= 0 and tok.i - j <= 4:
        if j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ \
                and f"{doc[j - 2].lower_}-{doc[j].lower_}" in v.weapon_mods and doc[j - 2].text[:1].islower():
            mods += 1  # a hyphenated modifier split into three tokens ("anti - tank")
            j -= 3
            continue
        if not ((doc[j].lower_ in v.weapon_mods or doc[j].lower_ in v.small_arms_mods or doc[j].text == "-")
                and (doc[j].text[:1].islower() or doc[j].text.isupper() and len(doc[j].text) <= 5)):
            break
        mods += doc[j].text != "-" and doc[j].lower_ not in v.small_arms_mods
        j -= 1
    return j, mods


def _hangs_on(name: Token, noun: Token) -> bool:
    """The name modifies the noun, itself or through the name it is joined to ("the Spartak and Chekan armoured
    vehicles": "Chekan" hangs on "Spartak", which hangs on "vehicles")."""
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    return name.head.i == noun.i


def _used_alone(toks: list[Token], name: Token, v: Vocab, where: dict[str, list[int]]) -> bool:
    """Whether the text uses this one-word name anywhere without a weapon noun right after it (`where`: the
    positions of each word, filled once per document)."""
    if not where:
        for t in toks:
            where.setdefault(t.text, []).append(t.i)
    for i in where.get(name.text, []):
        if i != name.i:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt.lower_ not in v.weapon_cues and nxt.lower_ not in v.weapon_mods:
                return True
    return False


def _unknown_place_word(tok: Token, places_named: set[str]) -> bool:
    """A capitalised word the model calls a place that no gazetteer knows and the text never uses as a place."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "LOC") and tok.text.isalpha() and \
        (before is None or not before.text[:1].isupper()) and tok.text not in places_named and \
        not is_city(tok.text) and not is_country(tok.text) and not is_territory_name(tok.text)


def names_used_as_places(doc: Doc, v: Vocab, moves: bool = True, tagged: bool = True) -> set[str]:
    """One-word names the article uses as places: tagged a place by the model (unless not `tagged`), or written
    after "in" / "near" / "outside" or "the city of" ("in Tula", whatever the model calls it), or (with `moves`)
    "to" / "from", so that "the Tula plant" later on is read as a plant in Tula, not a company named Tula."""
    out = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")} if tagged else set()
    for tok in tokens(doc):
        if tok.pos_ != "PROPN" or any(c.dep_ == "compound" for c in tok.children):
            continue
        head = tok.head
        if tok.dep_ == "pobj" and (head.lower_ in v.site_place_preps or moves and head.lower_ in ("to", "from") or
                                   head.lower_ == "of" and head.head.lemma_.lower() in v.place_nouns):
            out.add(tok.text)
        elif tok.dep_ in ("compound", "amod") and head.lemma_.lower() in v.appositive_cues and \
                any(d.lower_ in ("a", "an") for d in head.children):
            out.add(tok.text)  # "a Penza enterprise", "a Minsk optics company"
    return out


def _name_goes_on(doc: Doc, i: int, v: Vocab) -> int | None:
    """The last token of capitalised words (joined by "and" / "of") from token i: the rest of a name after "of" /
    "for" ("... Centre for Security Studies", "... Institute of Instrument Design"); None if none follows."""
    last = None
    while i < len(doc) and (is_name_token(doc[i], v) and doc[i].ent_type_ not in ("GPE", "LOC", "DATE") or
                            last is not None and doc[i].lower_ in ("and", "of") and i + 1 < len(doc) and
                            is_name_token(doc[i + 1], v)):
        if doc[i].is_sent_start:
            break
        last = i if doc[i].lower_ not in ("and", "of") else last
        i += 1
    return last


def _named_after_town(text: str, town: str, v: Vocab) -> str | None:
    """The one enterprise of the article whose name is the town's followed by capitalised words and a plant word
    ("Barnaul Cartridge Plant" for "the Barnaul plant"), or written with the town after "in" ("the 140th Repair
    Plant in Barysau" for "the Barysau plant"), if there is exactly one."""
    ends = "|".join(re.escape(w) for w in sorted(v.org_final_cues, key=len, reverse=True))
    names = set(re.findall(rf"\b{re.escape(town)}(?:[ \-][A-Z][\w\-]*){{0,4}}[ \-](?:{ends})\b", text))
    names |= set(re.findall(rf"\b((?:{NUMBERED.pattern} )?(?:[A-Z][\w\-]* ){{1,4}}(?:{ends}))\s+in\s+"
                            rf"{re.escape(town)}\b", text))
    return names.pop() if len(names) == 1 else None


ZONE_WORDS = word_set("mentions", "zone_words")


def names_a_works(weapon_noun: Token) -> bool:
    """"the Uralvagonzavod tank works", "the Kurgan missile plant": a weapon noun right before an enterprise noun
    says what a works makes, and the name before it is the works' (the parser may take "works" for a verb)."""
    doc = weapon_noun.doc
    return weapon_noun.i + 1 < len(doc) and doc[weapon_noun.i + 1].lower_ in ENTERPRISE_REF


def _zone_name(doc: Doc, zone: Token, v: Vocab) -> Cand | None:
    """"the Alabuga special economic zone", "the Tolyatti free economic zone": a town's name and the words of a kind
    of zone make one site's name, though the town alone is a place."""
    j = zone.i
    while j > 0 and zone.i - j < 3 and doc[j - 1].lower_ in ZONE_WORDS:
        j -= 1
    if j == zone.i:
        return None
    start = cap_run_left(doc, j, v, allow_place=True)
    if start >= j or start > 0 and doc[start - 1].lower_ in ("a", "an"):
        return None
    text = strip_quotes(doc[start:zone.i + 1].text)
    return Cand(doc[start].idx, zone.idx + len(zone.text), E.FACILITY, "name", 5, text, "facility-cue")


def cue_patterns(doc: Doc, text: str, v: Vocab) -> list[Cand]:
    """Names followed by a cue noun: weapon cues, org cues, facility cues, brand cues."""
    out = []
    n = len(doc)
    toks = list(doc)  # one Token object per position, shared by the passes below
    places_named = names_used_as_places(doc, v, tagged=False)
    where: dict[str, list[int]] = {}  # each word's positions, for _used_alone
    for tok in toks:
        low = tok.lower_
        is_lower = tok.text[:1].islower() or tok.text.isupper() and low in ("mlrs", "uav", "uavs")
        if not is_lower:
            continue
        j, mods = _weapon_modifiers_before(doc, tok, v) if low in v.weapon_cues else (tok.i - 1, 0)
        if low in v.brand_cues and not any(t.lower_ in v.vehicle_mods for t in doc[j + 1:tok.i]):
            mods = 0  # ("KAMAZ military vehicles": a maker's brand; "the X armoured vehicles": a model)
        if low in v.weapon_cues and not (low in v.weapon_cue_needs_mod and mods == 0 and low in v.brand_cues):
            if tok.i + 1 < n and is_cap(doc[tok.i + 1]) and not doc[tok.i + 1].is_sent_start:
                continue  # "UAV Technology Center": part of a longer name
            if names_a_works(tok):
                continue  # "the Uralvagonzavod tank works": a works named for what it makes
            if low in v.weapon_cue_needs_mod and mods == 0:
                continue
            end = j + 1
            runs = []
            while True:
                start = cap_run_left(doc, end, v)
                if start >= end and end == tok.i and end > 0 and doc[end - 1].ent_type_ == "GPE" and \
                        cap_run_left(doc, end, v, allow_place=True) == end - 1:
                    start = end - 1  # "Geran drones": checked below
                if start >= end:
                    break
                runs.append((start, end))
                if start >= 2 and doc[start - 1].lower_ in ("and", "or", ",") and is_name_token(doc[start - 2], v):
                    end = start - 1
                    continue
                break
            for s, e in runs:
                span = doc[s:e]
                if len(span) == 1 and span[0].is_sent_start and span[0].tag_ in ("NN", "JJ"):
                    continue  # "Interceptor missiles are ...": a common word opening the sentence
                # "Baykar drones" (a maker), "Kursk drones" (a place) or "Garpiya drones" (a model): a one-word name
                # the model calls a company or a place is a weapon only when the text never uses it without a
                # weapon noun right after it
                model_only = len(span) == 1 and _hangs_on(span[0], tok) and not _used_alone(toks, span[0], v, where)
                if any(t.ent_type_ in ("NORP", "GPE") and not model_only for t in span) and \
                        not v.designator.search(span.text):
                    continue
                if len(span) == 1 and span[0].ent_type_ == "ORG" and not any(c.isdigit() for c in span.text) and \
                        not model_only:
                    continue
                if span.text in v.not_names:
                    continue
                # the name alone ("Grad", not "Grad rockets"): the weapon noun says what it is, it is no part of it
                out.append(Cand(span.start_char, span.end_char, E.WEAPON_SYSTEM, "name", 5, strip_quotes(span.text),
                                "weapon-cue"))
        elif low == "zone" and (zone := _zone_name(doc, tok, v)) is not None:
            out.append(zone)  # "the Alabuga special economic zone": a site named after its town
        elif (low in v.org_cues or low in v.facility_cues or low in v.brand_cues) and tok.tag_ != "VBZ":
            # ("X works in Brest": a verb, not the "works" of a name)
            end_i = tok.i
            if low in v.brand_cues:  # "MAZ series military trucks"
                while end_i > 0 and tok.i - end_i < 3 and doc[end_i - 1].text[:1].islower() and \
                        doc[end_i - 1].pos_ in ("NOUN", "ADJ"):
                    end_i -= 1
            start = cap_run_left(doc, end_i, v, brand=low in v.brand_cues)
            if start >= end_i and end_i > 0 and low in v.org_cues and _unknown_place_word(doc[end_i - 1], places_named):
                start = cap_run_left(doc, end_i - 1, v)  # "the Bazalt plant": a name no gazetteer knows
            if start >= end_i and low not in v.brand_cues:
                # "the Zarya ammunition plant", "the Hajun monitoring group": one or two descriptive nouns between
                k = end_i  # (or three with an adjective: "the Gomselmash agricultural machinery plant")
                while k > 0 and end_i - k < 3 and doc[k - 1].pos_ in ("NOUN", "ADJ") and doc[k - 1].text.islower() \
                        and doc[k - 1].lower_ not in v.weapon_cues and doc[k - 1].lower_ not in v.drop_mods and \
                        (end_i - k < 2 or doc[k - 1].pos_ == "ADJ"):
                    k -= 1
                if k < end_i:
                    s2 = cap_run_left(doc, k, v)
                    if s2 < k and (not doc[s2].is_sent_start or doc[s2].ent_type_ in ("ORG", "PERSON")) and \
                            not any(t.ent_type_ in ("GPE", "LOC") or DEMONYM.search(t.text) for t in doc[s2:k]):
                        start, end_i = s2, k
            if start >= end_i and end_i > 1 and low not in v.brand_cues and doc[end_i - 1].ent_type_ in ("GPE", "LOC") \
                    and doc[end_i - 2].lower_ in ("the", "this", "that") and \
                    (full := _named_after_town(text, doc[end_i - 1].text, v)):
                # "the Tyumen plant" after "the Tyumen Special Chemistry Plant", the town tagged as a place
                out.append(Cand(doc[end_i - 1].idx, tok.idx + len(tok.text), E.ORGANIZATION, "name", 5, full,
                                "town-plant"))
                continue
            if start >= end_i:
                continue
            if start > 0 and doc[start - 1].lower_ in ("a", "an") and low not in v.brand_cues:
                continue  # "a Minsk optics company", "a Rostec plant": where or whose, not the name
            span = doc[start:end_i]
            # "Russian plant", "Minsk plant", "the Tula plant" (a town the model tags as a place elsewhere in the
            # article); not "Mayak plant" the model calls NORP
            # (a word the model calls a place but no gazetteer knows is a company's name: "the Bazalt plant")
            placeish = span.text in places_named or len(span) == 1 and is_city(span.text) or \
                all(t.ent_type_ in ("GPE", "LOC") or t.ent_type_ == "NORP" and DEMONYM.search(t.text) for t in span) \
                and not (len(span) == 1 and _unknown_place_word(span[0], places_named))
            if span.text in v.not_names:
                continue
            if low not in v.brand_cues and end_i == tok.i and placeish:
                # "the Barnaul plant" after "the Barnaul Cartridge Plant": that enterprise, under its full name
                full = _named_after_town(text, span.text, v) if len(span) == 1 else None
                if full:
                    out.append(Cand(span.start_char, tok.idx + len(tok.text), E.ORGANIZATION, "name", 5, full,
                                    "town-plant"))
                continue
            if low in v.brand_cues:
                # "MAZ series trucks", "Ural and Kamaz vehicles": makers
                runs = [(start, end_i)]
                if start >= 2 and doc[start - 1].lower_ in ("and", "or", ","):
                    s2 = cap_run_left(doc, start - 1, v, brand=True)
                    if s2 < start - 1:
                        runs.append((s2, start - 1))
                for s, e in runs:
                    sp = doc[s:e]
                    if any(t.ent_type_ == "NORP" and DEMONYM.search(t.text) for t in sp):
                        continue
                    out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 4, strip_quotes(sp.text),
                                    "brand-cue"))
                continue
            full = text[span.start_char:tok.idx + len(tok.text)]
            if low in v.facility_cues and low not in v.org_cues and low not in ("facility", "workshop", "complex"):
                out.append(Cand(span.start_char, tok.idx + len(tok.text), E.FACILITY, "name", 5, strip_quotes(full),
                                "facility-cue"))
            else:
                # "Almaz subsidiary": the cue names another company, so it is no form of this one's name
                aliases = [] if low == "subsidiary" else [strip_quotes(full)]
                out.append(Cand(span.start_char, span.end_char, E.ORGANIZATION, "name", 5, strip_quotes(span.text),
                                "org-cue", aliases=aliases))
    # appositive cues before a name: "Turkish firm Baykar", "companies like China's Metastar and Beijing MicroPilot"
    for tok in toks:
        if tok.lower_ not in v.appositive_cues or not tok.text[:1].islower():
            continue
        k = tok.i + 1
        if k < n and doc[k].lower_ in ("like", "including"):
            k += 1
        elif k + 1 < n and doc[k].lower_ == "such" and doc[k + 1].lower_ == "as":
            k += 2
        while True:
            if k + 1 < n and doc[k].ent_type_ in ("GPE", "LOC") and doc[k + 1].text in ("'s", "’s"):
                k += 2
            e = k
            while e < n and (is_name_token(doc[e], v) and doc[e].ent_type_ not in ("NORP", "DATE") or
                             doc[e].text == "-" and not doc[e].whitespace_ and e > k):
                e += 1
            if e <= k or doc[k].is_sent_start or doc[k].ent_type_ == "PERSON" and k > tok.i + 1 or \
                    PATRONYMIC.search(doc[k:e].text):
                break  # "the company X, Andrei Vorobyov, ...": the list of companies has ended
            sp = doc[k:e]
            out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 5, strip_quotes(sp.text), "apposition"))
            if e + 1 < n and doc[e].lower_ in ("and", "or", ","):
                k = e + 1
                continue
            break
    # "a Rostec subsidiary", "an Almaz-Antey unit": the name before a word for a part of a group names the group
    for tok in toks:
        if tok.lower_ not in PART_NOUNS or tok.i < 2 or doc[tok.i - 1].text[:1].islower():
            continue
        s = tok.i - 1
        while s > 1 and (doc[s - 1].text == "-" and not doc[s - 1].whitespace_ or
                         doc[s].text == "-" and doc[s - 1].text[:1].isupper()):
            s -= 1  # ("Almaz-Antey")
        sp = doc[s:tok.i]
        if doc[s - 1].lower_ not in ("a", "an") or sp[0].is_sent_start or DEMONYM.search(sp.text) or \
                is_country(sp.text) or is_city(sp.text) or any(t.ent_type_ in ("GPE", "LOC") for t in sp):
            continue
        out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 5, sp.text, "parent-cue"))
    # "Kovrov-based": the name before "-based" is a place
    for tok in toks:
        if tok.lower_ == "based" and tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
                and is_cap(doc[tok.i - 2]) and doc[tok.i - 2].ent_type_ != "NORP":
            start = cap_run_left(doc, tok.i - 1, v, allow_place=True)
            if start < tok.i - 1:
                sp = doc[start:tok.i - 1]
                out.append(Cand(sp.start_char, sp.end_char, E.PLACE, "name", 6, sp.text, "based-place"))
    # a name with an organisation described after it: "Peleng, a Minsk optics company, ..."
    role_nouns = v.appositive_cues | rv().role_nouns | v.org_predicate_nouns
    for tok in toks:
        if tok.dep_ != "appos" or tok.lemma_.lower() not in role_nouns or not tok.text[:1].islower() or \
                not any(c.lower_ in ("a", "an", "the", "this") or c.dep_ == "poss" for c in tok.children):
            continue
        h = tok.head
        # (a name the model calls a person's is an organisation's only after a noun no person can be: "X, a
        # boatyard in Yeysk", "X, this newspaper"; "X, a trader" may be a man)
        person_ok = h.ent_type_ == "PERSON" and tok.lemma_.lower() in v.org_predicate_nouns
        if h.i >= tok.i or h.pos_ != "PROPN" or h.ent_type_ in ("GPE", "LOC", "NORP", "PERSON", "DATE") and \
                not person_ok:
            continue
        if h.dep_ == "pobj" and (h.head.lower_ == "of" and h.head.head.lemma_.lower() in v.place_nouns or
                                 h.head.lower_ in v.site_place_preps and is_city(h.text)):
            continue  # "the X works in (the town of) Kurgan, a Tecmash unit": the description is the works'
        # (the run through the head itself, so that a hyphen before it joins: "Radiopribor-M, a state-owned ...")
        start = min(cap_run_left(doc, h.i, v), cap_run_left(doc, h.i + 1, v))
        sp = doc[start:h.i + 1]
        if sp.text in v.not_names or not all(is_name_token(t, v) or t.text == "-" for t in sp):
            continue
        out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 5, strip_quotes(sp.text), "apposition"))
    # nationality + body: "Ukrainian intelligence", "U.S. intelligence", "Russian armed forces"
    longest = max((len(b.split()) for b in v.norp_org_nouns), default=1)
    for tok in toks:
        if not tok.text[:1].islower() or tok.i == 0:
            continue
        prev = toks[tok.i - 1]
        if prev.ent_type_ not in ("NORP", "GPE") or not prev.text[:1].isupper():
            continue
        body = next((k for k in range(longest, 0, -1) if tok.i + k <= n and
                     doc[tok.i:tok.i + k].text.lower() in v.norp_org_nouns), 0)
        if body:
            s0 = prev.i
            while s0 > 0 and doc[s0 - 1].ent_type_ == prev.ent_type_ and doc[s0 - 1].text[:1].isupper():
                s0 -= 1
            sp = doc[s0:tok.i + body]
            out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 4, sp.text, "norp-body"))
    # camel-case names are names of organisations ("BelPol", "MicroPilot")
    for tok in toks:
        if CAMEL.fullmatch(tok.text) and tok.text not in v.not_names and not v.designator.search(tok.text):
            out.append(Cand(tok.idx, tok.idx + len(tok.text), E.ORGANIZATION, "name", 4, tok.text, "camel"))
    # a capitalised cue noun closing a name: "Kurgan Machine-Building Plant", "Ural Optical and Mechanical Works";
    # a site's: "Jebel Ali Free Zone", "Engels Air Base"
    for tok in toks:
        site = tok.text in v.facility_final_cues
        if tok.text not in v.org_final_cues and not site or tok.i == 0 or tok.is_sent_start:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < n else None
        last = tok.i
        if nxt is not None and nxt.lower_ in ("of", "for") and not site:
            last = _name_goes_on(doc, nxt.i + 1, v)  # "Skagerrak Centre for Security Studies"
            if last is None:
                continue
        elif nxt is not None and is_cap(nxt) and not nxt.is_sent_start:
            continue  # the name goes on in capitals: left to the model
        start = cap_run_left(doc, tok.i, v, allow_place=True)
        while start >= 2 and doc[start - 1].lower_ in ("and", "&") and is_name_token(doc[start - 2], v):
            s2 = cap_run_left(doc, start - 1, v, allow_place=True)
            if s2 >= start - 1:
                break
            start = s2
        # the model's organisation name ending here may start earlier, over a word we do not take alone
        # ("the Ryazan State Instrument-Making Plant")
        ent = tok.ent_type_ == "ORG" and next((e for e in doc.ents if e.start < start <= e.end - 1 == tok.i), None)
        if ent:
            start = ent.start + (ent[0].lower_ == "the")
        if start >= tok.i:
            continue
        sp = doc[start:last + 1]
        if "\n" in sp.text:
            continue
        if site:
            if tok.i - start >= 1 and not any(t.ent_type_ in ("GPE", "LOC") for t in sp[-2:-1]):
                out.append(Cand(sp.start_char, sp.end_char, E.FACILITY, "name", 5, strip_quotes(sp.text),
                                "facility-cue"))
            continue
        out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 5, strip_quotes(sp.text), "org-final"))
    # a name the model missed that opens with a word in capitals and goes on capitalised ("ZALA Aero",
    # "KRET Avionics"): a company's name (acronyms alone are left to the model)
    for tok in toks:
        if not (tok.is_alpha and tok.is_upper and len(tok.text) >= 3) or tok.ent_type_ or tok.pos_ != "PROPN" or \
                tok.text in v.not_names or (tok.i > 0 and is_cap(doc[tok.i - 1]) and not tok.is_sent_start):
            continue
        e = tok.i + 1
        while e < n and is_name_token(doc[e], v) and doc[e].pos_ == "PROPN" and not doc[e].ent_type_ and \
                not doc[e].is_upper and not doc[e].is_sent_start:
            e += 1
        if e - tok.i < 2 or e - tok.i > 3 or e < n and doc[e].lower_ in v.weapon_cues:
            continue
        sp = doc[tok.i:e]
        out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 3, sp.text, "caps-name"))
    # prefix cues: "Zavod SVT"
    for tok in toks:
        if tok.text in v.org_prefix_cues and tok.i + 1 < n and is_cap(doc[tok.i + 1]):
            e = tok.i + 1
            while e < n and (is_cap(doc[e]) or doc[e].text == "-" and not doc[e].whitespace_):
                e += 1
            sp = doc[tok.i:e]
            out.append(Cand(sp.start_char, sp.end_char, E.ORGANIZATION, "name", 5, sp.text, "org-prefix"))
    return out


QUOTED_UNIT_HEADS = word_set("mentions", "quoted_unit_heads")


def legal_and_quoted(doc: Doc, text: str, v: Vocab) -> list[Cand]:
    out = []
    for m in v.legal.finditer(text):
        end = m.end(1)
        # "OJSC Bobruisk Plant of Tractor Parts and Units": a works' name goes on after "of"
        span = doc.char_span(m.start(1), end, alignment_mode="expand")
        if span is not None and span.end + 1 < len(doc) and doc[span.end].lower_ in ("of", "for") and \
                span[-1].text in v.org_final_cues and (last := _name_goes_on(doc, span.end + 1, v)) is not None:
            end = doc[last].idx + len(doc[last].text)
        out.append(Cand(m.start(1), end, E.ORGANIZATION, "name", 7, text[m.start(1):end], "legal",
                        aliases=[text[m.start():end].strip()]))
    nationality = frozenset(w for x in vocab_data("names")["nationality_words"] for w in x.split())
    lead_drop = {"the", "a", "an", "in", "on", "at", "by", "from", "for", "and", "but", "with", "to", "of", "while"}
    for m in v.legal_after.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        # a leading article, preposition or nationality word is not part of the name ("German Elbwerk GmbH")
        i = span.start
        while i < span.end - 1 and (doc[i].lower_ in lead_drop or doc[i].text in nationality):
            i += 1
        # nor a date before it ("June 2025 Caspian Freight Line LLC")
        years = [k for k in range(i, span.end - 1) if doc[k].ent_type_ == "DATE" or re.fullmatch(r"(19|20)\d\d",
                                                                                                 doc[k].text)]
        if years:
            i = years[-1] + 1
        start = doc[i].idx
        name = text[start:m.end(1)]
        if name in v.not_names or name.lower() in ("the",):
            continue
        # the span takes in the form, so the parse's head ("GmbH" as subject) falls inside the mention
        out.append(Cand(start, m.end(), E.ORGANIZATION, "name", 7, name, "legal",
                        aliases=[text[start:m.end()].strip()]))
    for m in v.quoted.finditer(text):
        name = m.group(1)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        if after in v.weapon_cues or before in v.weapon_cues:
            etype = E.WEAPON_SYSTEM
        elif name.split() and name.split()[-1].lower() in QUOTED_UNIT_HEADS:
            etype = E.FACILITY  # "the 'Printed Circuit Board Production Building' project": a building's name
        elif {after, before} & (v.org_cues | v.facility_heads) or re.search(r"[А-Яа-яЁё]", name):
            etype = E.ORGANIZATION
        else:
            continue
        out.append(Cand(m.start(1), m.end(1), etype, "name", 7, name, "quoted"))
    return out


def norm_word(w: str, v: Vocab) -> str:
    w = w.lower()
    w = v.synonyms.get(w, w)
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ics", "sis")):
        w = w[:-1]
    return w


def product_words(tokens, v: Vocab) -> list[str]:
    return [norm_word(t.text, v) for t in tokens]


def _product_tokens(chunk: Span, root: Token, v: Vocab, names: list[tuple[int, int]]) -> list[Token]:
    """The tokens of a noun chunk that name the kind of product (modifiers kept, fluff dropped)."""
    keep: list[Token] = []
    toks = [t for t in chunk if t.i <= root.i]
    skip_until = -1
    for k, t in enumerate(toks):
        if t.i <= skip_until:
            continue
        if t.dep_ == "poss" or (k + 1 < len(toks) and toks[k + 1].text in ("'s", "’s")):
            # the owner and its "'s" ("Russia's"); a possessive pronoun ("its") has no "'s" to skip
            has_s = k + 1 < len(toks) and toks[k + 1].text in ("'s", "’s")
            skip_until = t.i + 1 if has_s else t.i
            continue
        if t.text in ("'s", "’s") or t.pos_ in ("DET", "PRON", "ADP", "CCONJ", "PUNCT", "ADV") and t.text != "-":
            continue
        if not t.whitespace_ and t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.i + 1 < root.i:
            keep.append(t)  # the first half of a hyphenated modifier: "two-stroke engines", "Soviet-era"
            continue
        if t.ent_type_ in ("NORP", "GPE", "CARDINAL", "MONEY", "PERCENT", "DATE", "ORDINAL", "PERSON") and \
                not (t.ent_type_ == "CARDINAL" and _is_calibre(t)):
            continue
        if t.lower_ in v.drop_mods:
            continue
        if t.like_num and not _is_calibre(t):
            continue
        if any(s <= t.idx < e for s, e in names) and t is not root and t.ent_type_ not in ("PRODUCT",):
            continue
        keep.append(t)
    for k in range(len(keep) - 2, -1, -1):
        if _ends_a_clause_part(keep[k], v):
            keep = keep[k + 1:]
            break
    # hyphens left alone at the edges
    while keep and keep[0].text == "-":
        keep.pop(0)
    return keep


def _ends_a_clause_part(tok: Token, v: Vocab) -> bool:
    """A word of a noun chunk after which nothing before belongs to the goods: a verb, a facility noun ("plant
    producing composite ..."), or a verb the tagger took for a noun right after the name that is its subject ("the
    X plant supplies cameras", "X ships sights to Y")."""
    if tok.pos_ == "VERB" or tok.lower_ in v.facility_heads or goods_read_as_verb(tok):
        return True
    i = tok.i - 1
    while i > 0 and tok.doc[i].pos_ == "ADV":
        i -= 1  # ("X now ships coolers")
    before = tok.doc[i] if i >= 0 and i < tok.i else None
    return trade_verb_read_as_noun(tok) is not None and before is not None and \
        (before.pos_ == "PROPN" or before.lower_ in v.facility_heads)


MM = ("mm", "millimeter", "millimetre")  # a calibre's unit


def _is_calibre(t: Token) -> bool:
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    nxt2 = t.nbor(2) if t.i + 2 < len(t.doc) else None
    if t.like_num and nxt is not None and (nxt.lower_ in MM or nxt.lower_ == "-"):
        return nxt.lower_ != "-" or (nxt2 is not None and nxt2.lower_ in MM)
    return t.lower_ in MM or bool(re.fullmatch(r"\d+mm", t.lower_))


def _is_left_descendant(tok: Token, root: Token) -> bool:
    """A word left of a noun that modifies it, also through coordinated modifiers ("radar and communications
    equipment")."""
    if coordinated_modifier(tok, root):
        return True
    h = tok
    for _ in range(6):
        if h.head.i == h.i:
            return False
        if h.dep_ in ("cc", "conj", "prep", "appos", "relcl", "acl", "advcl", "punct") and h.text != "-":
            return False
        h = h.head
        if h.i == root.i:
            return True
        if h.i > root.i or h.i < tok.i:
            return False
    return False


def chemical_name(word: str, v: Vocab) -> bool:
    """See chemical_name_pattern; the tagger, which has never seen most such words, may call them anything."""
    return v.chemical.match(word) is not None


def goods_head(word: str, v: Vocab) -> bool:
    """A noun that can head a kind of goods: a vocabulary head (alone or with a modifier) or a compound's name."""
    return word in v.product_heads or word in v.product_heads_mod or chemical_name(word, v)


def noun_phrases(doc: Doc, v: Vocab | None = None) -> list[tuple[Span, Token]]:
    """Nouns that can head a product or facility phrase, with their contiguous left modifiers
    (more robust than noun_chunks on misparses)."""
    v = v or vocab()
    heads = v.product_heads | v.product_heads_mod | v.facility_heads
    out = []
    for t in tokens(doc):
        # a head the tagger calls a verb but the parser uses as a noun ("mortar rounds" as an object) counts too
        nominal = t.pos_ in ("NOUN", "PROPN") or t.pos_ == "VERB" and t.dep_ in ("dobj", "pobj", "nsubjpass", "appos")
        if not nominal or t.is_space or t.lower_ not in heads and not chemical_name(t.lower_, v):
            continue
        left = t.i
        while left > 0 and not doc[left - 1].is_space and "\n" not in doc[left - 1].whitespace_ \
                and _is_left_descendant(doc[left - 1], t):
            left -= 1
        if left == t.i and t.lower_ not in heads and _compound_word_before(doc, t, v):
            left -= 1  # "lead azide", "ammonium perchlorate": the parse of an unknown compound name is no guide
        out.append((doc[left:t.i + 1], t))
    return out


def _compound_word_before(doc: Doc, t: Token, v: Vocab) -> bool:
    """The lower-case noun or adjective just before a compound's name is part of it ("lead azide", "acetic
    anhydride"), unless it is a word that only qualifies goods ("industrial", "new")."""
    if t.i == 0:
        return False
    w = doc[t.i - 1]
    return w.pos_ in ("NOUN", "ADJ") and w.is_alpha and w.is_lower and "\n" not in w.whitespace_ and \
        w.lower_ not in v.drop_mods and w.lower_ not in v.vague_mods


def products(doc: Doc, v: Vocab, names: list[tuple[int, int]], nps: list | None = None) -> list[Cand]:
    out = []
    text = doc.text
    for chunk, root in (nps if nps is not None else noun_phrases(doc)):
        rl = root.lower_
        if root.dep_ == "compound" and root.head.i == root.i + 1:
            continue
        if (rl in v.material_heads or chemical_name(rl, v)) and root.dep_ in ("compound", "amod", "nmod") and \
                root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN"):
            continue  # "graphite nozzle inserts", "polyethylene (UHMWPE) fibre": what the goods are made of
        if "\n" in chunk.text:
            continue
        if not goods_head(rl, v):
            continue
        keep = _product_tokens(chunk, root, v, names)
        # "155 mm and 105 mm artillery shells": the phrase's goods start at the last calibre (the first calibre is
        # a mention of its own, see _first_calibres)
        joins = [t.i for t in chunk if t.i < root.i and t.lower_ in ("and", "or", ",") and _calibre_at(doc, t.i + 1)]
        if joins:
            keep = [t for t in keep if t.i > joins[-1]]
        if not keep or keep[-1].i != root.i:
            continue
        if rl in v.product_heads_mod and (len(keep) < 2 or all(t.lower_ in v.vague_mods for t in keep[:-1])):
            continue
        # a chunk that is a named weapon ("Shahed-136 drones") is not a kind of product (a name before the words
        # cut off, "the X plant supplies cameras", is not the goods')
        cut = max((t.i for t in chunk if t.i < root.i and _ends_a_clause_part(t, v)), default=-1)
        if any(s <= t.idx < e for t in chunk if cut < t.i < root.i for s, e in names) and \
                not any(_is_calibre(t) for t in keep):
            continue
        start, end = keep[0].idx, root.idx + len(root.text)
        label = text[start:end]
        aliases = []
        # a complement that says what the part is for ("casings for 122-millimeter Grad rockets")
        if rl in v.complement_heads and root.i + 2 < len(doc) and doc[root.i + 1].lower_ in ("for", "of"):
            pobj = [c for c in doc[root.i + 1].children if c.dep_ == "pobj"]
            if pobj:
                sub = doc[pobj[0].left_edge.i: pobj[0].i + 1]
                if pobj[0].lower_ in v.product_heads or pobj[0].lower_ in v.product_heads_mod or \
                        pobj[0].lower_ in v.weapon_cues:
                    s2 = sub.start
                    while s2 < pobj[0].i and (doc[s2].pos_ in ("DET",) or doc[s2].dep_ == "poss"
                                              or doc[s2].text in ("'s", "’s")):
                        s2 += 1
                    end = pobj[0].idx + len(pobj[0].text)
                    aliases.append(label)
                    label = text[start:end]
        out.append(Cand(start, end, E.PRODUCT, "product", 2, label, "product", aliases=aliases))
    out += _conjoined_goods(doc, v, names, out)
    out += _first_calibres(doc, v)
    return out


def _conjoined_goods(doc: Doc, v: Vocab, names: list[tuple[int, int]], found: list[Cand]) -> list[Cand]:
    """Goods listed with goods: "drones, dual-use electronics and targeting systems", "wire and nails". A plain
    noun coordinated with a product the vocabulary knows is a product too, when nothing else claims it (not a
    name, a facility, a person or one of the nouns that are never goods)."""
    roots = {r.i: r for c in found if (sp := doc.char_span(c.start, c.end, alignment_mode="expand")) is not None
             for r in [sp.root]}
    out = []
    for root in list(roots.values()):
        for t in root.conjuncts:
            if t.i in roots or not _plain_goods_noun(t, v, names):
                continue
            left = t.i
            while left > 0 and "\n" not in doc[left - 1].whitespace_ and _is_left_descendant(doc[left - 1], t):
                left -= 1
            keep = _product_tokens(doc[left:t.i + 1], t, v, names)
            if not keep or keep[-1].i != t.i or t.lower_ in v.product_heads_mod and len(keep) < 2:
                continue
            roots[t.i] = t
            start, end = keep[0].idx, t.idx + len(t.text)
            out.append(Cand(start, end, E.PRODUCT, "product", 2, doc[keep[0].i:t.i + 1].text, "product-conjunct"))
    return out


# endings of nouns of action or quality ("expansion", "development", "readiness"), not of goods
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship")


def _plain_goods_noun(t: Token, v: Vocab, names: list[tuple[int, int]]) -> bool:
    """A common noun nothing else claims: not a name or part of one, a facility, a place word or a non-good."""
    return t.pos_ == "NOUN" and not t.ent_type_ and not t.like_num and not _is_calibre(t) and \
        not t.lemma_.lower().endswith(ABSTRACT_ENDINGS) and \
        t.lower_ not in v.facility_heads and t.lower_ not in v.place_nouns and t.lower_ not in v.org_cues and \
        t.lemma_.lower() not in not_goods() and not any(s <= t.idx < e for s, e in names)


def _calibre_at(doc: Doc, i: int) -> int:
    """The number of tokens of a calibre starting at token i ("152 mm" 2, "152mm" 1), else 0."""
    if re.fullmatch(r"\d+(?:\.\d+)?mm", doc[i].lower_):
        return 1
    return 2 if doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in MM else 0


def _first_calibres(doc: Doc, v: Vocab) -> list[Cand]:
    """"152 mm and 122 mm artillery shells", "152mm and 122mm shells": the first calibre has no noun of its own;
    it names the same goods in its calibre (a mention over the calibre alone, so the second keeps its own)."""
    out = []
    for tok in tokens(doc):
        n = _calibre_at(doc, tok.i)
        if not n or tok.i + n + 1 >= len(doc) or doc[tok.i + n].lower_ not in ("and", "or", ","):
            continue
        second = tok.i + n + 1
        m = _calibre_at(doc, second)
        if not m:
            continue
        for j in range(second + m, min(second + m + 4, len(doc))):  # the head noun the second calibre belongs to
            if doc[j].lower_ in v.product_heads and doc[j].pos_ == "NOUN" and doc[j].dep_ != "compound":
                head_words = " ".join(t.text for t in doc[second + m:j + 1])
                calibre = doc[tok.i:tok.i + n].text
                end = doc[tok.i + n - 1].idx + len(doc[tok.i + n - 1].text)
                out.append(Cand(tok.idx, end, E.PRODUCT, "product", 2, f"{calibre} {head_words}", "product-calibre"))
                last = doc[second:j + 1]  # and the second, which the parser may leave out of the goods' phrase
                out.append(Cand(last.start_char, last.end_char, E.PRODUCT, "product", 2, last.text, "product-calibre"))
                break
    return out


NEW_SITE_WORDS = word_set("mentions", "new_site_words")  # "a new workshop", "a second winding shop"


def descriptions(doc: Doc, v: Vocab, names: list[tuple[int, int]], places: dict[int, str],
                 nps: list | None = None) -> list[Cand]:
    """Unnamed facilities: "a composite components factory for UAVs", "a drone manufacturing facility in Belarus"."""
    out = []
    for chunk, root in (nps if nps is not None else noun_phrases(doc)):
        # ("a new casting line", "a second assembly line": a line being set up is a site of its own)
        new_line = root.lower_ == "line" and any(t.lower_ in ("new", "second", "third") for t in chunk) and \
            any(t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "VERB") for t in root.children)
        if (root.lower_ not in v.facility_heads and not new_line) or root.tag_ in ("NNS", "NNPS") or \
                "\n" in chunk.text:
            continue
        if root.i + 1 < len(doc) and doc[root.i + 1].lower_ in ("no.", "no", "number", "№"):
            continue  # "workshop No. 7": a numbered unit (relations._new_facilities names it)
        if root.dep_ == "appos" and any(s <= root.head.idx < e for s, e in names) and \
                root.head.ent_type_ not in ("GPE", "LOC", "NORP"):
            continue  # "Donmotor, an engine plant in Rostov": what the named enterprise is, not another site
        if any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC") for t in chunk if t.i < root.i):
            continue
        if any(s <= t.idx < e for t in chunk for s, e in names if t.ent_type_ not in ("GPE", "NORP", "LOC")):
            continue
        if any(t.ent_type_ == "NORP" and t.pos_ == "PROPN" and not DEMONYM.search(t.text) and not is_city(t.text)
               for t in chunk if t.i < root.i):
            continue  # a name the model took for a nationality: "the Uralvagonzavod tank plant"
        det = next((t.lower_ for t in chunk if not t.is_punct), "")
        mods = [t for t in chunk if t.i < root.i and t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB")
                and t.lower_ not in ("new",) and t.ent_type_ not in ("GPE", "NORP", "LOC")
                and t.lower_ not in v.drop_mods]
        words = {norm_word(t.text, v) for t in chunk if t.i < root.i and t.pos_ in ("NOUN", "PROPN")
                 and t.ent_type_ not in ("GPE", "NORP", "LOC")}
        end_tok = root.i
        # complements: "for composite UAV components", "producing composite drone components", "in Belarus"
        place = None
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in ("for",):
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj and (pobj[0].lower_ in v.product_heads or pobj[0].lower_ in v.product_heads_mod):
                    end_tok = max(end_tok, pobj[0].i)
                    words |= {norm_word(t.text, v) for t in pobj[0].subtree if t.pos_ in ("NOUN", "PROPN")}
            elif child.dep_ == "acl" and child.lemma_ in ("produce", "manufacture", "make", "assemble", "build"):
                objs = [c for c in child.children if c.dep_ == "dobj"]
                if objs:
                    end_tok = max(end_tok, objs[0].i)
                    words |= {norm_word(t.text, v) for t in objs[0].subtree if t.pos_ in ("NOUN",)}
            elif child.dep_ == "amod" and child.lower_ == "capable":
                for t in child.subtree:
                    if t.pos_ == "NOUN" and t.lower_ in v.product_heads:
                        words.add(norm_word(t.text, v))
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "near", "at"):
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj and pobj[0].ent_type_ in ("GPE", "LOC"):
                    place = pobj[0].text
                    if child.i == end_tok + 1 or (child.i == root.i + 1):
                        end_tok = max(end_tok, pobj[0].i)
                    break
        words = {w for w in words if w not in v.drop_mods and w not in ("production", "manufacturing", "manufacture")}
        indefinite = det in ("a", "an") or any(t.lower_ in ("new", "proposed", "planned", "future") for t in chunk)
        if not words and not (indefinite and any(t.lower_ in NEW_SITE_WORDS for t in chunk)):
            continue
        if not words and det not in ("a", "an"):
            continue
        s = chunk[0].i
        while s < root.i and (doc[s].pos_ in ("DET",) or doc[s].dep_ == "poss" or doc[s].text in ("'s", "’s")):
            s += 1
        span = doc[s:end_tok + 1]
        new_site = det in ("a", "an") and any(t.lower_ in NEW_SITE_WORDS for t in chunk)
        if not mods and not words and not new_site:
            continue  # "a factory": nothing says which; "a new workshop" is a site being set up
        out.append(Cand(span.start_char, span.end_char, E.FACILITY, "desc", 1, span.text, "description",
                        sig=frozenset(words), place=place))
    return out


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that look like headlines or page furniture (title case, no final stop)."""
    out = []
    pos = 0
    first = True
    for line in text.split("\n"):
        s = line.strip()
        words = re.findall(r"[A-Za-z][\w’'\-]*", s)
        label = len(words) <= 3 or s.isupper()  # a section label over the headline: "OBITUARIES", "X | Shipping"
        if s and not s.endswith((".", "!", "?", "”", "\"", ":")) and len(s) < 160:
            caps = sum(1 for w in words if w[0].isupper())
            # the article's first line with no final stop is its headline, in title or sentence case
            if first or not words or len(words) <= 3 or caps / len(words) >= 0.6:
                out.append((pos, pos + len(line)))
        if s and not label:
            first = False
        pos += len(line) + 1
    return out


# "Compiled by A and B", "-- Reporting by A in Vilnius; editing by C", "with notes by A": who wrote the piece
CREDIT = re.compile(r"\b(?:[Cc]ompiled|[Pp]repared|[Ww]ritten|[Rr]eporting|[Ee]diting|[Ee]dited|[Tt]ranslated|"
                    r"[Tt]ranscribed|[Nn]otes|[Pp]hotos?|[Gg]raphics|[Rr]esearch|[Tt]ext|[Ww]riting) by\s+")
CREDIT_NAME = re.compile(r"(?:[A-Z][\w’'\-]+\s){1,3}?[A-Z][\w’'\-]+(?:\s+in\s+[A-Z][\w\-]+)?"
                         r"(?:\s*(?:,|and|&)\s*)?")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the names credited with writing, editing or translating the piece ("Compiled by Tamsin
    Orley and Jakub Ressel", "-- Reporting by A in Vilnius; editing by B", "... with notes by C"): the article's
    authors, not people it reports on. The credit opens its line or a segment of it, not a clause ("a report
    prepared by X says")."""
    out = []
    for m in CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not CREDIT_OPENER.search(text[line_start:m.start()]):
            continue
        pos = m.end()
        while (n := CREDIT_NAME.match(text, pos)) is not None and n.end() > pos:
            out.append((pos, n.end()))
            pos = n.end()
    return out


CREDIT_OPENER = re.compile(r"(?:^[\s\-–—(]*|(?:[.;|)]|\bwith|\band)\s+)$")


# "the Sverdlovsk regional industry ministry", "the Cheboksary city administration", "the Vitebsk regional executive
# committee": a town's or region's public body, written in lower case after its place
LOCAL_AUTHORITY = re.compile(r"\b(?!(?:The|A|An|Its|Their) )((?:[A-Z][\w\-]+ ){1,2}"
                             r"(?:regional|city|district|oblast|municipal|provincial|local) "
                             r"(?:[a-z\-]+ ){0,2}(?:ministry|administration|government|committee|council|authorities|"
                             r"department|duma|assembly))\b")


def local_authorities(text: str) -> list[Cand]:
    """A town's or region's public body named with its place and lower-case words (see LOCAL_AUTHORITY): an
    organisation, when the place is a known town or country or ends in a region's suffix."""
    out = []
    for m in LOCAL_AUTHORITY.finditer(text):
        place = re.match(r"((?:[A-Z][\w\-]+ ?){1,2}) ", m.group(1)).group(1).strip()
        if is_city(place) or is_country(place) or place.endswith(("sk", "ia", "ya", "ovo", "evo", "ino")):
            # (the mention is the body's own words, so that the place stays a place of its own)
            start = m.start(1) + len(place) + 1
            out.append(Cand(start, m.end(1), E.ORGANIZATION, "name", 5, m.group(1), "local-authority"))
    return out


NUMBERED_ENTERPRISE = re.compile(r"\b(?:(?!The\b|A\b|An\b)[A-Z][\w\-]+\s+){0,3}(?:Plant|Factory|Works|Arsenal|"
                                 r"Shipyard|Zavod)\s+(?:No\.|№|Number)\s?\d{1,4}\b")


def numbered_enterprises(text: str) -> list[Cand]:
    """Enterprises known by a number, written as a name: "Plant No. 9", "Uralvagonzavod Plant No. 9", "Factory
    No. 174" (a lower-case "workshop No. 7" is a unit of an enterprise, read elsewhere)."""
    return [Cand(m.start(), m.end(), E.ORGANIZATION, "name", 4, m.group(0), "org-cue")
            for m in NUMBERED_ENTERPRISE.finditer(text)]


def find_mentions(doc: Doc, text: str) -> list[Cand]:
    """All candidate mentions of a parsed document, overlaps resolved within each layer."""
    v = vocab()
    cands = legal_and_quoted(doc, text, v) + designators(doc, text, v) + cue_patterns(doc, text, v) + \
        numbered_enterprises(text) + model_entities(doc, v) + local_authorities(text)
    names = _named_after(text, _resolve(cands))
    name_spans = [c.span for c in names]
    places = {c.start: c.text for c in names if c.type is E.PLACE}
    nps = noun_phrases(doc, v)
    prods = _component_nouns_to_models(text, names, _resolve(products(doc, v, name_spans, nps)))
    # "Orion Electronics" written as a name (every word capitalised, not at a sentence start) is a company
    named = [c for c in prods if _title_name(doc, c)]
    if named:
        prods = [c for c in prods if c not in named]
        for c in named:
            if not any(c.start < n.end and n.start < c.end for n in names):
                names.append(Cand(c.start, c.end, E.ORGANIZATION, "name", 4, c.text, "title-product"))
        names.sort(key=lambda c: c.start)
        name_spans = [c.span for c in names]
    owners = _untagged_role_orgs(doc, names)
    if owners:
        names = sorted(names + owners, key=lambda c: c.start)
        name_spans = [c.span for c in names]
    descs = _resolve(descriptions(doc, v, name_spans, places, nps))
    out = names + prods + descs
    sent_starts = [s.start_char for s in doc.sents]
    import bisect
    for c in out:
        c.sent = bisect.bisect_right(sent_starts, c.start) - 1
    out.sort(key=lambda c: (c.start, -c.end))
    return out


# verbs of owning a company or a stake in one: their subject is an organisation ("Shvabe owns 51 percent of X")
OWNING_VERBS = word_set("mentions", "owning_verbs")
STAKE_WORDS = word_set("mentions", "stake_words")


def _untagged_role_orgs(doc: Doc, names: list[Cand]) -> list[Cand]:
    """A one-word capitalised name the model left untagged in a role only an organisation plays (see org_role):
    an organisation ("Shvabe controls X", "Kvarts employs 2,000 people"); not a town or a country of GeoNames,
    nor an owner of a plant ("Udmurtia's new plant" may be a region's)."""
    out = []
    spans = [c.span for c in names]
    for t in tokens(doc):
        owns_business = t.dep_ == "poss" and t.head.lemma_.lower() in BUSINESS_NOUNS  # "X's revenue"
        if t.pos_ != "PROPN" or any(s <= t.idx < e for s, e in spans) or \
                t.dep_ in ("compound", "poss") and not owns_business or \
                not t.text[:1].isupper() or is_city(t.text) or is_country(t.text) or \
                any(c.dep_ == "compound" for c in t.children) or not org_role(t, names):
            continue
        out.append(Cand(t.idx, t.idx + len(t.text), E.ORGANIZATION, "name", 1, t.text, "role-name"))
    return out


# nouns of people who speak for an organisation ("a spokesman for X") and of what an organisation has
SPEAKER_NOUNS = word_set("mentions", "speaker_nouns")
WORKFORCE_WORDS = word_set("mentions", "workforce_words")
DEALS = word_set("mentions", "deals")
SITE_VERBS = word_set("mentions", "site_verbs")  # what a company does with its sites
UNIT_NOUNS = word_set("mentions", "unit_nouns")


# what only a business has: "X's revenue", "X's turnover" (not "exports" or "output", which countries have too)
BUSINESS_NOUNS = word_set("mentions", "business_nouns")
MEMBER_NOUNS = word_set("mentions", "member_nouns")
GROUP_NOUNS = word_set("mentions", "group_nouns")


def _member_of_group(noun: Token) -> bool:
    """"part of the Y holding", "a member of the Y concern": a member noun whose "of" names a group of companies."""
    if noun.lemma_.lower() not in MEMBER_NOUNS:
        return False
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    g = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return g is not None and (g.lower_ in GROUP_NOUNS or g.pos_ == "PROPN" and noun.lemma_.lower() != "member")


def trade_agent(noun: Token) -> bool:
    """An agent of trade ("a freight agent", "a purchasing agent"), which is a company; not "an FSB agent"."""
    return noun.lemma_.lower() == "agent" and any(ch.dep_ in ("compound", "amod") and
                                                  ch.lower_ in rv().trade_agent_words for ch in noun.children)


def org_role(t: Token, names: list[Cand] | None = None, owning: bool = True) -> bool:
    """Whether the name whose head is `t` plays a role only an organisation plays: employing people; being based
    or registered somewhere; having a plant ("X's new plant"); a spokesman "for" it; winning a tender or having a
    contract go "to" it; making goods. With `owning`, also owning a named company or a stake in one, or buying one
    ("taken over by"), or being a parent ("Y's parent company is X"), which people do too."""
    verb = t.head
    lem = verb.lemma_.lower()
    v = vocab()
    if t.dep_ == "pobj" and verb.dep_ == "agent":  # "X is majority-owned by / was taken over by / made by Shvabe"
        return verb.head.lemma_.lower() in (OWNING_VERBS | ACQUIRE_VERBS if owning else frozenset()) | \
            v.org_subject_verbs
    # "X is part of / a subsidiary of the Y holding", "X, a member of the Y concern, ...": only companies are parts of
    # companies (a person is a member of a board, not of a concern)
    described = [c for c in verb.children if c.dep_ == "attr"] if t.dep_ == "nsubj" and lem == "be" else \
        [c for c in t.children if c.dep_ == "appos"]
    if any(_member_of_group(d) for d in described):
        return True
    if t.dep_ != "nsubj" and any(trade_agent(d) for d in described):  # "X, a freight agent in Novosibirsk"
        return True
    if t.dep_ in ("nsubj", "attr", "acomp") and lem == "be":  # "Y's parent company is Shvabe", "Shvabe is the
        other = ("attr",) if t.dep_ == "nsubj" else ("nsubj",)  # parent of Y"
        return owning and any(c.dep_ in other and parent_noun(c) for c in verb.children)
    objs = [o for o in verb.children if o.dep_ == "dobj"] if t.dep_ == "nsubj" else []
    if lem in OWNING_VERBS and objs:
        if not owning:
            return False
        return any(o.lower_ in STAKE_WORDS or o.lemma_.lower() in STAKE_WORDS or names is not None and
                   any(n.start <= w.idx < n.end and n.type is not E.PLACE for w in o.subtree for n in names)
                   for o in objs)
    if lem == "employ" and any(o.lower_ in WORKFORCE_WORDS for o in objs):  # "X employs 2,000 people"
        return True
    if lem in v.org_subject_verbs and any(o.lower_ in v.product_heads or o.lemma_.lower() in v.product_heads
                                          for o in objs):  # "X builds chassis"
        return True
    if lem in SITE_VERBS and any(o.lower_ in v.facility_heads or o.lower_ in UNIT_NOUNS for o in objs):
        return True  # "X opened a new hall"
    if lem == "win" and any(o.lemma_.lower() in DEALS for o in objs):  # "X won the tender"
        return True
    if t.dep_ == "nsubjpass" and lem in ("base", "headquarter", "register"):  # "X is based in Minsk"
        return True
    if t.dep_ == "nsubjpass" and lem in OWNING_VERBS | ACQUIRE_VERBS and any(c.dep_ == "agent" for c in verb.children):
        return True  # "X is owned by the holding Y", "X was taken over by Y": only companies are owned
    if t.dep_ == "poss" and verb.lower_ in v.facility_heads:  # "X's new plant"
        return True
    if t.dep_ == "poss" and verb.lemma_.lower() in BUSINESS_NOUNS:  # "X's revenue rose by 35 percent"
        return True
    if t.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in SPEAKER_NOUNS:
        return True  # "a spokesman for X"
    # "the contract went to X", "the tender was awarded to X"
    return t.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in ("go", "award") and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in DEALS for c in verb.head.children)


# "named after S. I. Vavilov", "named after S.P. Gorbunov", "named after Lenin"
NAMED_AFTER = re.compile(r"\s+named\s+after\s+((?:[A-Z]\.\s?)*(?:[A-Z][\w'’\-]+\s)?[A-Z][\w'’\-]+)")


def _named_after(text: str, names: list[Cand]) -> list[Cand]:
    """"Minsk Mechanical Plant named after S. I. Vavilov": the person is part of the enterprise's full name, not a
    person of the article (the name without the dedication stays an alias)."""
    drop: set[int] = set()
    for c in names:
        if c.type not in (E.ORGANIZATION, E.FACILITY) or id(c) in drop:
            continue
        m = NAMED_AFTER.match(text, c.end)
        if not m:
            continue
        inside = [n for n in names if c.end <= n.start < m.end()]
        if any(n.type not in (E.PERSON, E.PLACE, E.ORGANIZATION) for n in inside):
            continue
        c.aliases = [*c.aliases, c.text]
        c.end, c.text = m.end(), text[c.start:m.end()]
        drop |= {id(n) for n in inside}
    return [c for c in names if id(c) not in drop]


def _component_nouns_to_models(text: str, names: list[Cand], prods: list[Cand]) -> list[Cand]:
    """"VK-2500 engines", "engines KAMAZ-740": the noun next to a component model's designator is that model, not
    a kind of product of its own."""
    models = [c for c in names if c.type is E.PRODUCT and c.source == "designator"]
    ends = {c.end + 1: c for c in models}  # "VK-2500 engines"
    starts = {c.start - 1: c for c in models}  # "engines KAMAZ-740"
    keep = []
    for p in prods:
        model = ends.get(p.start) if text[p.start - 1:p.start] == " " else None
        if model is None and text[p.end:p.end + 1] == " ":
            model = starts.get(p.end)
        if model is not None and " " not in p.text:
            continue
        keep.append(p)
    return keep


def _title_name(doc: Doc, c: Cand) -> bool:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    words = [t for t in span if t.is_alpha]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words) and any(t.pos_ == "PROPN" for t in span)


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Keep the best of overlapping candidates: higher priority, then longer."""
    cands = sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    taken: list[Cand] = []
    for c in cands:
        if c.end <= c.start:
            continue
        clash = [t for t in taken if c.start < t.end and t.start < c.end]
        if clash:
            # a lower-priority candidate may still add its type hint when it covers the same span
            continue
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)
