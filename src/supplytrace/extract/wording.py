"""The trigger wording of claims and relations (extract/data/claims.json and relations.json), read once.

Every rule module reads its verbs, nouns and phrases from here, so that none of them has to import the
module that runs the rules (claims.py) or the one that holds the relation rules (relations.py) for their words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from supplytrace.extract.pipeline import vocab_data, word_set
from supplytrace.extract.syntax import plain_verb_form

GENERIC_REF = word_set("wording", "generic_ref")
# the nouns an enterprise is referred to by when it speaks of itself ("the company says")
ENTERPRISE_REF = word_set("wording", "enterprise_ref")
# verbs that stop goods: what they govern was not delivered ("blocked 120 shipments", "sales ... were banned")
BLOCKING = word_set("wording", "blocking")
# verbs of buying a company ("Y acquired X", "X was taken over by Y"; "take" only with "over")
ACQUIRE_VERBS = word_set("wording", "acquire_verbs")
# goods found in a weapon go into it: "found US-made chips in the Kh-101", "in the wreckage of a Gerbera"
FOUND_IN_VERBS = word_set("wording", "found_in_verbs")
WRECK_NOUNS = word_set("wording", "wreck_nouns")
WEAPON_PART_NOUNS = word_set("wording", "weapon_part_nouns")
SALVAGE_VERBS = word_set("wording", "salvage_verbs")  # "pulled from the wreckage of X"
SURFACING_VERBS = word_set("wording", "surfacing_verbs")
# verbs of counting things: whoever counts is the source of the count, not what it is about
COUNTING_VERBS = word_set("wording", "counting_verbs")
# the nouns that refer back to a company as a whole, never to one of its halls, shops or lines
ORG_REF = word_set("wording", "org_ref")

@dataclass(frozen=True)
class CV:
    produces_verbs: frozenset[str]
    produces_nouns: frozenset[str]
    supplies_verbs: frozenset[str]
    supplies_nouns: frozenset[str]
    delivered_verbs: frozenset[str]
    count_nouns: frozenset[str]
    sourcing_verbs: frozenset[str]
    used_verbs: frozenset[str]
    used_adjs: frozenset[str]
    capacity_cues: frozenset[str]
    milestones: dict
    modality: dict
    attribution_verbs: frozenset[str]
    source_anaphora: tuple[str, ...]
    place_anaphora: frozenset[str]
    attribution_nouns: frozenset[str]
    finding_words: frozenset[str]


@cache
def cv() -> CV:
    c = vocab_data("claims")
    return CV(frozenset(c["produces_verbs"]), frozenset(c["produces_nouns"]), frozenset(c["supplies_verbs"]),
              frozenset(c["supplies_nouns"]), frozenset(c["delivered_verbs"]), frozenset(c["count_nouns"]),
              frozenset(c["sourcing_verbs"]), frozenset(c["used_in_verbs"]),
              frozenset(c["used_in_adjectives"]), frozenset(c["capacity_cues"]), c["milestones"],
              {k: frozenset(v) for k, v in c["modality"].items()}, frozenset(c["attribution_verbs"]),
              tuple(sorted(c["source_anaphora"], key=len, reverse=True)), frozenset(c["place_anaphora"]),
              frozenset(c["attribution_nouns"]), frozenset(c["first_person_finding_words"]))


@dataclass(frozen=True)
class RV:
    role_nouns: frozenset[str]
    maker_nouns: frozenset[str]
    located_verbs: frozenset[str]
    located_nouns: frozenset[str]
    located_preps: frozenset[str]
    area_parts: frozenset[str]
    part_of_verbs: frozenset[str]
    owned_verbs: frozenset[str]
    part_nouns: frozenset[str]
    child_nouns: frozenset[str]
    design_verbs: frozenset[str]
    receive_verbs: frozenset[str]
    facility_build_verbs: frozenset[str]
    area_units: frozenset[str]
    pronoun_subjects: frozenset[str]
    employer_nouns: frozenset[str]
    site_employer_nouns: frozenset[str]
    site_name_words: frozenset[str]
    planned_facility_heads: frozenset[str]
    line_modifiers: frozenset[str]
    not_site_modifiers: frozenset[str]
    new_modifiers: frozenset[str]
    group_nouns: frozenset[str]
    grouping_verbs: frozenset[str]
    group_preps: frozenset[str]
    switch_verbs: frozenset[str]
    switched_nouns: frozenset[str]
    owner_verb_preps: frozenset[str]
    stake_nouns: frozenset[str]
    stake_majority_words: frozenset[str]
    stake_verbs: frozenset[str]
    parent_nouns: frozenset[str]
    joining_verbs: frozenset[str]
    equipping_verbs: frozenset[str]
    trade_agent_words: frozenset[str]


@cache
def rv() -> RV:
    d = vocab_data("relations")
    return RV(**{k: frozenset(v) for k, v in d.items() if not k.startswith("_")})


@cache
def not_goods() -> frozenset[str]:
    """Nouns that are never goods, though a supply verb may take them: figures, views, people (products.json
    not_goods and claims.json not_supplied_nouns)."""
    return frozenset(vocab_data("products")["not_goods"]) | frozenset(vocab_data("claims")["not_supplied_nouns"])


# owners that hold a company only in part, or held it once: no parent of it
PARTIAL_OWNER_WORDS = word_set("wording", "partial_owner_words")
SHARE_OWNER_WORDS = word_set("wording", "share_owner_words")


def parent_noun(noun: Token) -> bool:
    """A noun for the company that owns another: "parent" ("the parent company"), an "owner" or "proprietor"
    that is not a part or former one, a "shareholder" that is the sole, majority or controlling one."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nummod", "advmod")}
    words = {noun.lower_, noun.lemma_.lower()} | mods
    if "parent" in words:
        return True
    if not words & rv().parent_nouns or mods & PARTIAL_OWNER_WORDS or noun.dep_ == "pobj" and \
            noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        return False  # "a minority shareholder", "the former owner", "one of the owners"
    return noun.lemma_.lower() != "shareholder" or bool(mods & SHARE_OWNER_WORDS)


def found_goods(weapon: Token) -> list[Token]:
    """The goods said to be found in a weapon (a word of its name): the object of "found" ("found chips in the
    Kh-101", "found chips inside downed Shaheds") or its passive subject ("chips were found in the wreckage of a
    Kh-101")."""
    while weapon.head.i != weapon.i and (weapon.dep_ in ("compound", "conj", "nmod", "amod") or
                                         weapon.dep_ == "punct" and weapon.head.i > weapon.i):
        weapon = weapon.head  # (a designator the tagger read as a bracket: "downed Shahed-136 drones")
    of = weapon.doc[weapon.left_edge.i - 1] if weapon.left_edge.i > 0 else None
    if of is not None and of.lower_ == "of" and not any(c.dep_ == "pobj" for c in of.children) and \
            weapon.dep_ == "nsubj" and of.head.lemma_.lower() in WRECK_NOUNS:
        weapon = of.head  # "the wreckage of Orlan-10 drones shot down ...", parsed as a clause of its own
    elif weapon.dep_ == "pobj" and weapon.head.lower_ == "of" and \
            weapon.head.head.lemma_.lower() in WRECK_NOUNS | WEAPON_PART_NOUNS:
        weapon = weapon.head.head  # (also a part of it: "discovered in the tail section of a Geran-3")
    prep = weapon.head if weapon.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "from" and weapon.lemma_.lower() in WRECK_NOUNS and \
            prep.head.lemma_.lower() in SALVAGE_VERBS:  # "chips were pulled from the wreckage of a Kh-101"
        return [c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if prep is None or prep.lower_ not in ("in", "inside", "aboard", "among"):
        return []
    verb = prep.head
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj":  # "found chips made by X inside a Kh-59", the place hung
        verb = verb.head  # on the goods' maker
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "found chips in the Kh-101", the place hung on the goods
        return [verb] if verb.head.lemma_.lower() in FOUND_IN_VERBS else []
    if verb.pos_ == "VERB" and surfacing(verb):  # "parts made by X have turned up in Ka-52 helicopters"
        return [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in FOUND_IN_VERBS:
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


@cache
def person_jobs() -> frozenset[str]:
    """The trades and offices people hold (names data): "an engineer", "the director"."""
    return frozenset(vocab_data("names")["person_role_nouns"])


def particle_missing(verb: Token) -> bool:
    """A production verb that makes goods only with its particle, used without it: "chips turned up in the
    wreckage", "turned to Chinese suppliers" (not "turns out 200 a month")."""
    need = vocab_data("claims")["produces_particles"].get(verb.lemma_.lower())
    return need is not None and not any(ch.dep_ == "prt" and ch.lower_ in need for ch in verb.children)


def surfacing(verb: Token) -> bool:
    """"turned up", "showed up", "surfaced": a verb (with its particle) of goods coming to light somewhere."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" in SURFACING_VERBS if particle else lemma in SURFACING_VERBS


def trade_verb_read_as_noun(tok: Token) -> str | None:
    """"The X plant supplies cameras", "Aviastar-SP assembles the Il-76": a making or supplying verb's
    third-person form the tagger took for a plural noun; which kind it is ("produces" / "supplies")."""
    if tok.pos_ != "NOUN" or not tok.lower_.endswith("s"):
        return None
    plain = plain_verb_form(tok.lower_)
    if plain == tok.lower_:
        return None
    if plain in cv().produces_verbs:
        return "produces"
    return "supplies" if plain in cv().supplies_verbs else None


def determiner(tok: Token) -> bool:
    """A word that picks out goods rather than saying what they are: "the", "this", "all", and "such" (which the
    model tags an adjective)."""
    return tok.dep_ in ("det", "predet") or tok.lower_ == "such"
