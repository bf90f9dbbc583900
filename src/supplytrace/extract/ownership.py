"""Which organisation belongs to which, from descriptions and acquisitions.

relations.py reads ownership stated by a verb ("belongs to", "owns", "falls under") or a "part of" /
"a subsidiary of" phrase. Here, two other common shapes:

- a role noun carrying the parent as a modifier: "UAC, the Rostec subsidiary that ...", "the Rostec
  electronics holding KRET", "Rostec's helicopter unit Russian Helicopters";
- an acquisition: "a subsidiary that was bought by KAMAZ", "KAMAZ acquired Remdiesel in 2019";
- an owner after a verb's preposition ("falls under X", "was merged into X"), a holding joined ("joined the X
  holding"), a controlling stake ("X holds a 51% stake in Y"), a hyphenated owner ("the Rostec-owned Y"), a parent
  or daughter company ("X is the parent company of Y", "one of the enterprises of X").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from supplytrace.extract.gazetteer import is_city
from supplytrace.extract.pipeline import word_set
from supplytrace.extract.places import is_territory_name
from supplytrace.extract.syntax import child, first_conjunct, pobjs, sent_tokens, span_text
from supplytrace.extract.wording import ACQUIRE_VERBS, parent_noun, rv
from supplytrace.vocab import EntityType, Modality, Predicate

if TYPE_CHECKING:
    from supplytrace.extract.claims import Extractor

E = EntityType
ORG_LIKE = (E.ORGANIZATION, E.FACILITY)
GENERIC_CHILD_NOUNS = word_set("ownership", "generic_child_nouns")  # "an Almaz-Antey company"


_UNDER = r"(?:(?:is|are|was|were|remains?|now|also|\s)+under\s+the\s+(?:control|umbrella|management|wing)\s+of)"
_STRUCTURE = (r"(?:(?:enters?|entered|entering|is|was|became|become)\s+(?:a\s+)?(?:part\s+of\s+)?(?:into\s+)?"
              r"the\s+structure\s+of)")
_RUN_BY = r"(?:(?:is|are|was|were)\s+(?:now\s+)?(?:controlled|run|managed)\s+by)"
CONTROL_PHRASE = re.compile(rf"\b(?:{_UNDER}|{_STRUCTURE}|{_RUN_BY})\s+(?:the\s+)?(?:state\s+)?"
                            r"(?:corporation\s+|holding\s+|concern\s+)?", re.I)


def ownership_phrases(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """Add part_of claims for parents named as modifiers of a role noun, for acquisitions, and for control
    phrases ("under the control of", "enters into the structure of", "is run by")."""
    _control_phrases(x, sent, sent_i, sources)
    child_nouns, group_nouns = _role_nouns()
    for t in sent_tokens(sent):
        word = t.lower_ if t.lower_ in child_nouns or t.lower_ in group_nouns else t.lower_.rstrip("s")
        if (word in child_nouns or word in group_nouns) and t.pos_ != "PROPN":  # (not "Plant" of a name)
            parent = _modifier_org(x, t)
            if parent and word in GENERIC_CHILD_NOUNS and parent not in x.industrial and \
                    (is_city(x.entities[parent].name) or is_territory_name(x.entities[parent].name)):
                parent = None  # "the Saratov enterprise": a town the model took for a company says where, not whose
            child = _described(x, t, after_only=word in group_nouns and t.dep_ != "appos")
            if parent and child and parent != child:
                x.add(child, Predicate.PART_OF, sent, sources, Modality.REPORTED, object=parent)
        elif t.pos_ == "VERB" and t.lemma_.lower() in ACQUIRE_VERBS and not _is_buying_goods(t):
            pair = _acquisition(x, t, sent_i)
            if pair:
                x.add(pair[0], Predicate.PART_OF, sent, sources, x.modality(t, sent), object=pair[1])
        for pair, verb in (_owner_after_verb(x, t, sent_i), _joined(x, t, sent_i), _controlling_stake(x, t, sent_i),
                           _owner_compound(x, t, sent_i), _parent_of(x, t, sent_i)):
            if pair:
                x.add(pair[0], Predicate.PART_OF, sent, sources, x.modality(verb, sent) if verb is not None else
                      Modality.REPORTED, object=pair[1])


def _role_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(child nouns, group nouns) from the relation vocabulary: "subsidiary", "unit" ...; "holding", "group" ..."""
    return rv().child_nouns, rv().group_nouns


Owned = tuple[tuple[str, str] | None, Token | None]  # ((member, owner) or None, the verb giving the modality)


def _pair(x: Extractor, member: str | None, owner: str | None, only_a_company: bool = True) -> tuple[str, str] | None:
    """(member, owner) when the member is an organisation or a facility and the owner a different organisation.
    Where only a company can be the member ("falls under X", "a 51% stake in X"), a name the model took for a
    person's is a company's."""
    if not member or not owner or member == owner or x.entities[owner].type is not E.ORGANIZATION:
        return None
    if x.entities[member].type is E.PERSON and only_a_company:
        x.retype(member, E.ORGANIZATION)
    if x.entities[member].type not in ORG_LIKE:
        return None
    return member, owner


def _owner_after_verb(x: Extractor, v: Token, sent_i: int) -> Owned:
    """"X falls under Y", "X was merged into Y", "X was transferred to Y": with no object of its own, the subject
    becomes part of the organisation after the preposition."""
    if v.pos_ != "VERB" or any(c.dep_ == "dobj" for c in v.children):
        return None, None
    verb_preps = rv().owner_verb_preps
    for c in v.children:
        if c.dep_ == "prep" and f"{v.lemma_.lower()} {c.lower_}" in verb_preps:
            owner = next((k for g in pobjs(v, (c.lower_,)) if (k := x.entity_in_phrase(g, (E.ORGANIZATION,)))), None)
            pair = _pair(x, x.subject_of(v, sent_i), owner)
            if pair:
                return pair, v
    return None, None


def _joined(x: Extractor, v: Token, sent_i: int) -> Owned:
    """"X joined the Y holding in 2020": X is part of Y."""
    if v.pos_ != "VERB" or v.lemma_.lower() not in rv().joining_verbs:
        return None, None
    owner = next((k for c in v.children if c.dep_ == "dobj" and (k := x.entity_in_phrase(c, (E.ORGANIZATION,)))), None)
    return _pair(x, x.subject_of(v, sent_i), owner, only_a_company=False), v  # people join companies too


def _controlling_stake(x: Extractor, noun: Token, sent_i: int) -> Owned:
    """"Y holds a majority stake in X", "X, in which Y owns a 51% stake": X is part of Y. A stake that is not said
    to be a controlling one is not ownership."""
    r = rv()
    verb = noun.head
    if noun.lemma_.lower() not in r.stake_nouns or noun.dep_ != "dobj" or verb.lemma_.lower() not in r.stake_verbs:
        return None, None
    if not _controlling(noun):
        return None, None
    member = None
    for g in pobjs(noun, ("in",)) + pobjs(verb, ("in",)):
        if g.lower_ == "which" and verb.dep_ == "relcl":  # "X, in which Y holds ..."
            member = x.entity_in_phrase(verb.head, ORG_LIKE)
        else:
            member = x.entity_in_phrase(g, ORG_LIKE)
        if member:
            break
    return _pair(x, member, x.subject_of(verb, sent_i)), verb


def _controlling(noun: Token) -> bool:
    """A stake said to be a majority, controlling or full one, or more than half ("a 51% stake")."""
    words = rv().stake_majority_words
    for w in noun.subtree:
        if w.i >= noun.i:
            break
        if w.lower_ in words:
            return True
        if w.like_num:
            try:
                return float(w.text.replace(",", "")) > 50
            except ValueError:
                continue
    return False


def _owner_compound(x: Extractor, t: Token, sent_i: int) -> Owned:
    """"the Rostec-owned X", "a KAMAZ-controlled plant": the name before the hyphen owns the noun's organisation."""
    doc = t.doc
    if t.tag_ != "VBN" or t.lemma_.lower() not in rv().owned_verbs or t.i < 2 or doc[t.i - 1].text != "-":
        return None, None
    owner = _org(x, doc[t.i - 2])
    head = t.head
    member = x.entity_in_phrase(head, ORG_LIKE) if head.pos_ in ("NOUN", "PROPN") else None
    return _pair(x, member, owner), None


def _parent_of(x: Extractor, noun: Token, sent_i: int) -> Owned:
    """"X is the parent company of Y" (Y part of X); "X is a daughter company of Y", "X is one of the enterprises
    of Y" (X part of Y)."""
    from supplytrace.extract.relations import _owner_of_noun  # relations imports this module

    if noun.pos_ != "NOUN":
        return None, None
    r = rv()
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    reverse = parent_noun(noun)
    one_of = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one"
    # (an owner's "of" names the company itself, not a building of it: "the owner of the Y building")
    other = next((k for g in pobjs(noun, ("of",)) if (not reverse or x.ment_at(g, ORG_LIKE) is not None) and
                  (k := x.entity_in_phrase(g, ORG_LIKE))), None)
    # "a state enterprise of the Defence Ministry", "a unit of X": a member noun with its organisation after "of"
    among = noun.dep_ == "pobj" and noun.head.lower_ == "among"  # "X is among the enterprises of Y"
    described = first_conjunct(noun).dep_ in ("appos", "attr")  # (also "X is a foundry and a unit of Y")
    of_org = other is not None and x.entities[other].type is E.ORGANIZATION and (described or among) \
        and not is_city(x.entities[other].name) and not is_territory_name(x.entities[other].name)
    member_noun = (bool(mods & r.part_nouns) or one_of or of_org) and noun.lemma_.lower() in r.child_nouns
    if not (reverse or member_noun):
        return None, None
    if reverse and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "Y's parent company is X", "the sole shareholder of Y is X": the parent is the copula's attribute
        owner = next((k for a in noun.head.children if a.dep_ in ("attr", "acomp") and
                      (k := x.entity_in_phrase(a, ORG_LIKE))), None)
        member = other or _org(x, child(noun, "poss"))
        return _pair(x, member, owner), None
    this = _owner_of_noun(x, noun.head.head if one_of else noun, sent_i)
    return (_pair(x, other, this) if reverse else _pair(x, this, other)), None


def _org(x: Extractor, tok: Token | None) -> str | None:
    if tok is None:
        return None
    m = x.ment_at(tok, ORG_LIKE, ("name",))
    return m.key if m is not None and x.entities[m.key].type is E.ORGANIZATION else None


def _modifier_org(x: Extractor, noun: Token) -> str | None:
    """"the Rostec subsidiary", "Rostec's unit", "the Rostec electronics holding": an organisation written at most
    three words before the role noun, with nothing but descriptive words between (read from the text, since the
    small model often tags such a name as an adjective)."""
    doc = noun.doc
    for i in range(noun.i - 1, max(noun.sent.start, noun.i - 4) - 1, -1):
        tok = doc[i]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ") or tok.lower_ in ("the", "a", "an"):
            return None
        k = _org(x, tok)
        if k is not None:
            return k
    return None


def _described(x: Extractor, noun: Token, after_only: bool) -> str | None:
    """The organisation the role noun describes: the name right after it ("holding KRET"), or the name it stands
    in apposition to ("UAC, the Rostec subsidiary", "Technodinamika, the Rostec holding")."""
    doc = noun.doc
    after = _org(x, doc[noun.i + 1]) if noun.i + 1 < noun.sent.end else None
    if after:
        return after
    if after_only:
        return None
    if noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(c.lower_ in ("a", "an") for c in noun.children):
        # "X is / which has been an Almaz-Antey company"
        k = x.subject_of(noun.head, x.sent_index(noun))
        if k is not None and x.entities[k].type in ORG_LIKE:
            return k
    # "<Name>, the <Parent> subsidiary": the name right before the description's comma
    first = noun.i
    while first > noun.sent.start and not doc[first - 1].is_punct:
        first -= 1
    # (not a subject after an introductory phrase: "According to X, the Y plant makes ...")
    ends = noun.dep_ not in ("nsubj", "nsubjpass") or noun.i + 1 < noun.sent.end and doc[noun.i + 1].is_punct
    # (or "<Name>, <Parent>'s optics holding": the parent's possessive opening the description)
    opens = doc[first].lower_ in ("the", "a", "an") or any(t.tag_ == "POS" for t in doc[first:noun.i])
    if first - 1 > noun.sent.start and doc[first - 1].text == "," and opens and ends:
        return _org(x, doc[first - 2])
    return None


def _is_buying_goods(v: Token) -> bool:
    """"take" only counts as "take over"."""
    return v.lemma_.lower() == "take" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in v.children)


def _acquisition(x: Extractor, v: Token, sent_i: int) -> tuple[str, str] | None:
    """(acquired, acquirer) for "X was bought by Y" and "Y acquired X"."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or v.dep_ == "relcl" and v.tag_ == "VBN"
    if passive:
        agent = next((g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        buyer = _org(x, agent)
        bought = x.subject_of(v, sent_i) or _copula_subject(x, v, sent_i)
    else:
        buyer = x.subject_of(v, sent_i)
        bought = _org(x, next((c for c in v.children if c.dep_ == "dobj"), None))
    if not buyer or not bought or buyer == bought:
        return None
    if x.entities[buyer].type is not E.ORGANIZATION or x.entities[bought].type not in ORG_LIKE:
        return None
    return bought, buyer


def _copula_subject(x: Extractor, v: Token, sent_i: int) -> str | None:
    """"X is a subsidiary in the same city that was bought by Y": the subject of the sentence's "is a <child noun>"."""
    root = v.sent.root
    if root.lemma_ != "be" or not any(c.dep_ == "attr" and c.lemma_.lower() in _role_nouns()[0]
                                      for c in root.children):
        return None
    return x.subject_of(root, sent_i)


def _control_phrases(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"Fakel is also under the control of Almaz-Antey", "the plant enters into the structure of the Tecmash
    concern": the organisation named (or referred to) before the phrase belongs to the one right after it."""
    for m in CONTROL_PHRASE.finditer(span_text(sent)):
        start = sent.start_char + m.end()
        parent = next((p for p in x.ments_in(start, min(sent.end_char, start + 40), ORG_LIKE + (E.PLACE,), ("name",))
                       if p.start - start < 3), None)
        if parent is None or not _controller(x, parent.key):
            continue
        before = [c for c in x.ments_in(sent.start_char, sent.start_char + m.start(), ORG_LIKE, ("name", "desc"))]
        child = before[-1].key if before else None
        if child is None:  # "It is under the control of X"
            verb = x.doc.char_span(sent.start_char + m.start(), start, alignment_mode="expand")
            child = x.subject_of(verb.root, sent_i) if verb is not None else None
        if child and child != parent.key and x.entities[child].type in ORG_LIKE:
            x.add(child, Predicate.PART_OF, sent, sources, Modality.REPORTED, object=parent.key)


def _controller(x: Extractor, key: str) -> bool:
    """Whoever controls an organisation is one. A hyphenated name the model took for a place ("Almaz-Antey") is
    retyped; a country, a region or a bare town ("under the control of Moscow": its government) is not."""
    ent = x.entities[key]
    if ent.type is E.ORGANIZATION:
        return True
    if ent.type is E.PLACE and not is_territory_name(ent.name) and "-" in ent.name:
        x.retype(key, E.ORGANIZATION)
        return True
    return False
