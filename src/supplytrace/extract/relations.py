"""Relations stated in descriptive wording, and entity types read from the role a name plays.

Called from claims.py (small hooks); every rule works on the dependency parse and the vocabularies in
extract/data/relations.json, never on particular names:
- types: a name described as a company ("X, a distributor based in ...", "its subsidiary X", "X Concern")
  is an organisation; a name after "headquartered in" / "the plant in" is a place; a name that modifies a
  weapon noun ("the X loitering munition") is a weapon system;
- located_in: a place modifying a role noun in apposition ("X, the <city> tank maker"), "based in",
  "headquartered in", "the plant in <place>", "whose main works are near <place>", "made in <place> by X";
- part_of: "belongs to", "reports to", "is part of", "X's <unit>" (organisation owning organisation),
  "its subsidiary X", a facility an organisation builds or opens;
- produces: passives ("is built by X", "was designed by X"), "the maker of W", "through its subsidiary X",
  a planned facility named after what it makes ("a drone plant");
- who a pronoun subject under a reporting verb is ("X said it would ..."), which places in a sentence
  only name a source ("U.S. officials said"), and the roles of "receive ... from".
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from supplytrace.extract.gazetteer import is_city, is_country
from supplytrace.extract.mentions import PATRONYMIC, Cand, cap_run_left, trade_agent, vocab
from supplytrace.extract.ownership import ownership_phrases
from supplytrace.extract.pipeline import vocab_data, word_set
from supplytrace.extract.production import production_phrases
from supplytrace.extract.quantities import number_value
from supplytrace.extract.supply_verbs import (  # noqa: F401 (maker_country re-exported)
    GENERIC_GOODS,
    SHARE_WORDS,
    customers,
    goods_from,
    import_shares,
    is_passive,
    maker_country,
    orders_fulfilled,
    reliance,
    suppliers,
    supplies_by_verb,
    supply_noun_roles,
)
from supplytrace.extract.syntax import definite, first_conjunct, pobjs, sent_tokens, tokens
from supplytrace.extract.syntax import negated as syntax_negated
from supplytrace.extract.wording import ORG_REF, RV, cv, determiner, rv  # noqa: F401 (rv re-exported)
from supplytrace.model import Claim, DocEntity, Mention
from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate

if TYPE_CHECKING:
    from supplytrace.extract.claims import Extractor

E = EntityType
P = Predicate
ORG_LIKE = (E.ORGANIZATION, E.FACILITY)
REGION_WORDS = word_set("relations", "region_words")
GOVERNMENT_WORDS = word_set("relations", "government_words")
TAKING_VERBS = word_set("relations", "taking_verbs")
GOODS_AGENT_NOUNS = word_set("relations", "goods_agent_nouns")


def np_head(tok: Token) -> Token:
    """The head of the noun phrase a name token sits in ("Elbtal Komponenten GmbH" -> GmbH)."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.pos_ == "PROPN":
            t = t.head
        else:
            break
    return t


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


# ------------------------------------------------------------------------------------------ types

def _span_root(doc: Doc, c: Cand) -> Token | None:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return span.root if span is not None else None


def _descriptors(h: Token) -> list[Token]:
    """Common nouns in apposition to a name's head ("X, the plant in Y", "its subsidiary X")."""
    out = [c for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if h.dep_ == "appos" and h.head.pos_ == "NOUN":
        out.append(h.head)
    return out


def _org_evidence(doc: Doc, text: str, c: Cand, h: Token) -> bool:
    r = rv()
    if any(_lemma(d) in r.role_nouns or d.lower_ in r.role_nouns for d in _descriptors(h)):
        return True
    # "X was building a new production line": who builds production units is an enterprise
    if h.dep_ == "nsubj" and _lemma(h.head) in r.facility_build_verbs and any(
            ob.dep_ == "dobj" and ob.lower_ in r.planned_facility_heads and
            any(c.lower_ in r.new_modifiers or c.lower_ in r.line_modifiers for c in ob.lefts)
            for ob in h.head.children):
        return True
    # "a trading company also known as X"
    if h.dep_ == "pobj" and h.head.lower_ == "as" and _lemma(h.head.head) in ALIAS_VERBS and \
            h.head.head.dep_ == "acl" and _lemma(h.head.head.head) in r.role_nouns:
        return True
    # "X Concern", "X Group": a last word that names a kind of organisation
    last = c.text.split()[-1].lower() if c.text.split() else ""
    if len(c.text.split()) >= 2 and (last in vocab().org_cues or last in vocab().org_name_words):
        return True
    # "its subsidiary X", "the distributor X"
    before = text[max(0, c.start - 40):c.start]
    return bool(re.search(r"\b(?:its|their|the|a|an)\s+(?:[\w\-]+\s+)?(?:" + "|".join(sorted(r.child_nouns |
                                                                                             r.role_nouns)) +
                          r")\s+$", before))


def _place_evidence(h: Token) -> bool:
    r = rv()
    if h.dep_ != "pobj" or h.head.lower_ not in r.located_preps:
        return False
    gov = h.head.head
    return _lemma(gov) in r.located_verbs or gov.lower_ in r.located_verbs or \
        gov.pos_ == "NOUN" and (_lemma(gov) in r.role_nouns or gov.lower_ in vocab().facility_heads)


def _weapon_evidence(h: Token) -> bool:
    """"the X loitering munition": a name before a weapon noun with its own weapon modifier."""
    v = vocab()
    if not (h.dep_ == "compound" and h.head.i > h.i and h.head.pos_ == "NOUN" and h.head.lower_ in v.weapon_cues
            and h.head.lower_ not in v.weapon_cue_needs_mod):
        return False
    between = h.doc[h.i + 1:h.head.i]
    return len(between) >= 1 and all(t.lower_ in v.weapon_mods or t.text == "-" for t in between)


def _names_before_acronyms(doc: Doc, text: str, cands: list[Cand], entities: list[DocEntity],
                           owner: dict[int, str]) -> None:
    """"Uralvagonzavod (UVZ)": a capitalised run right before a parenthesised acronym that is a mention,
    not itself a mention, is another name of the acronym's entity (the model often misses one-word names)."""
    v = vocab()
    by_key = {e.key: e for e in entities}
    spans = [(c.start, c.end) for c in cands]
    new = []
    for c in cands:
        key = owner.get(id(c))
        if key is None or c.layer != "name" or not re.fullmatch(r"[A-Z][A-Z0-9\-]{1,7}", c.text) or \
                text[c.start - 1:c.start] != "(" or text[c.end:c.end + 1] != ")":
            continue
        par = doc.char_span(c.start - 1, c.start)
        if par is None:
            continue
        i = par.start
        start = cap_run_left(doc, i, v)
        if start >= i or i - start > 6:
            continue
        s0, e0 = doc[start].idx, doc[i - 1].idx + len(doc[i - 1].text)
        if any(a < e0 and s0 < b for a, b in spans) or "\n" in text[s0:e0]:
            continue
        ent = by_key[key]
        if ent.type not in (E.ORGANIZATION, E.FACILITY):
            continue
        name = text[s0:e0]
        cand = Cand(s0, e0, ent.type, "name", 3, name, "acronym-definition", sent=c.sent)
        owner[id(cand)] = key
        if name != ent.name and name not in ent.aliases:
            ent.aliases.append(name)
        ent.mentions.append(Mention(key, name, s0, e0, ent.type))
        ent.mentions.sort(key=lambda m: m.start)
        new.append(cand)
    if new:
        cands.extend(new)
        cands.sort(key=lambda c: (c.start, -c.end))


def _new_facilities(doc: Doc, text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> None:
    """Planned or new production units nobody has named yet: "a new assembly shop", "a second production line",
    "a new engine workshop in <place>". The head must be a facility word and say what is done there
    ("line" and "shop" need a production word), with "new" or an ordinal ("second") in front."""
    from supplytrace.extract.coref import unique_slug

    r = rv()
    v = vocab()
    covered = [(c.start, c.end) for c in cands if c.layer in ("name", "desc")]
    keys = {e.key for e in entities}
    made: dict[str, str] = {}
    new = []
    for t in tokens(doc):
        if t.pos_ not in ("NOUN", "PROPN") or t.lower_ not in r.planned_facility_heads or t.tag_ in ("NNS", "NNPS"):
            continue
        if t.pos_ == "PROPN" and _unit_number(doc, t) is None:
            continue  # a capitalised head only as "Workshop No. 5" opening a sentence
        left = [c for c in t.lefts]
        mods = [c for c in left if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
                and c.lower_ not in r.new_modifiers and c.lower_ not in v.drop_mods]
        number = _unit_number(doc, t)  # "workshop No. 7"
        # "its Raufoss site", "Rheinmetall's new shell plant": a unit its owner names with words of its own
        possessed = any(c.dep_ == "poss" for c in left) and bool(mods) and t.lower_ in UNIT_HEADS + ("plant",)
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in left)
        # "a new workshop", "a second line"; also "a final-assembly hall", "a rotor-blade test stand" (a unit named
        # by what is done in it), not "the new workshop" (that one was named before)
        introduced = (any(c.lower_ in r.new_modifiers for c in left) or indefinite and t.lower_ in UNIT_HEADS and
                      bool(mods)) and not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in left)
        # "the Vorona Plant's new workshop", "its second hall": an owner's new unit, told of for the first time
        owned_new = any(c.dep_ == "poss" for c in left) and any(c.lower_ in r.new_modifiers for c in left) and \
            t.lower_ in UNIT_HEADS
        if not (introduced or number is not None or possessed or owned_new):
            continue  # "a new workshop", not "the new workshop" (that one was named before)
        end = t if number is None else number
        # "... in <place>", "a second site, in Huizhou" (wherever the parser hangs the "in")
        nxt = [doc[k] for k in (t.i + 1, t.i + 2) if k < len(doc)]
        if nxt and nxt[0].text == ",":
            nxt = nxt[1:]
        ch = nxt[0] if nxt else None
        if ch is not None and ch.dep_ == "prep" and ch.lower_ in ("in", "near", "at"):
            pobj = [g for g in ch.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")]
            if pobj:
                end = pobj[0]
        if number is None and not _production_unit(t, mods, end is not t or possessed):
            continue
        if not mods and t.lower_ not in v.facility_heads and end is t and \
                not (t.lower_ in BARE_UNIT_HEADS and any(c.lower_ in r.new_modifiers for c in left)):
            continue  # (but "a new hall", "a second workshop" are units whatever is done there)
        first = min([c.left_edge for c in left if c.dep_ not in ("det", "poss", "case") and  # "final-assembly hall"
                     (c.lower_ not in v.drop_mods or c.lower_ in r.new_modifiers)] + [t], key=lambda x: x.i)
        s0, e0 = first.idx, end.idx + len(end.text)
        if "\n" in text[s0:e0] or any(a < e0 and s0 < b for a, b in covered if not (a >= t.idx + len(t.text))):
            continue
        name = text[s0:e0]
        key = made.get(name.lower())
        if key is None:
            key = unique_slug(name, keys)
            made[name.lower()] = key
            entities.append(DocEntity(key=key, name=name, type=E.FACILITY))
        ent = next(e for e in entities if e.key == key)
        sent_i = next((k for k, sn in enumerate(doc.sents) if sn.start <= t.i < sn.end), -1)
        cand = Cand(s0, e0, E.FACILITY, "desc", 1, name, "new-facility", sent=sent_i)
        owner[id(cand)] = key
        ent.mentions.append(Mention(key, name, s0, e0, E.FACILITY))
        covered.append((s0, e0))
        new.append(cand)
    described = [c for c in cands if c.layer == "desc" and c.type is E.FACILITY and c.source == "description"
                 and owner.get(id(c)) and unit_head(c.text)]
    new += _unit_back_references(doc, sorted(new + described, key=lambda c: c.start), entities, owner, covered)
    if new:
        cands.extend(new)
        cands.sort(key=lambda c: (c.start, -c.end))


UNIT_HEADS = ("workshop", "shop", "hall", "line", "room", "site", "hangar", "warehouse", "furnace", "stand")
BARE_UNIT_HEADS = ("workshop", "hall", "hangar", "warehouse")  # a unit even with no word for what is done there


def _unit_number(doc: Doc, head: Token) -> Token | None:
    """The number of a numbered unit: "workshop No. 7", "shop No 12", "line number 3"."""
    i = head.i + 1
    if i + 1 < len(doc) and doc[i].lower_ in ("no.", "no", "number", "#", "№"):
        j = i + 1
        if doc[j].text == "." and j + 1 < len(doc):
            j += 1
        if doc[j].like_num:
            return doc[j]
    return None


def unit_head(name: str) -> str | None:
    """The unit word of a described facility: "shop for solid rocket propellant" -> "shop"."""
    return next((w for w in name.lower().replace(",", " ").split() if w in UNIT_HEADS), None)


def _determiner_before(doc: Doc, t: Token) -> Token | None:
    """The "the" of "the hall", also over the words that tell a new unit from the old ones: "the new hall", "the
    second line"."""
    i = t.i - 1
    while i > t.i - 3 and i > 0 and doc[i].dep_ == "amod" and doc[i].head.i == t.i and \
            doc[i].lower_ in UNIT_ADJECTIVES:
        i -= 1
    return doc[i] if doc[i].lower_ == "the" else None


UNIT_ADJECTIVES = word_set("relations", "unit_adjectives")


def _unit_back_references(doc: Doc, units: list[Cand], entities: list[DocEntity], owner: dict[int, str],
                          covered: list[tuple[int, int]]) -> list[Cand]:
    """"the hall", "the line", "the workshop" a few sentences after a new unit was introduced: that unit (same head
    word, or the only new unit lately introduced)."""
    if not units:
        return []
    sents = list(doc.sents)
    by_key = {e.key: e for e in entities}
    out = []
    for t in tokens(doc):
        if t.lower_ not in UNIT_HEADS or t.pos_ != "NOUN" or t.i == 0 or _determiner_before(doc, t) is None:
            continue
        if any(a <= t.idx < b for a, b in covered):
            continue
        sent_i = next(k for k, sn in enumerate(sents) if sn.start <= t.i < sn.end)
        recent = [u for u in units if u.end <= t.idx and 0 <= sent_i - u.sent <= 3]
        same = [u for u in recent if unit_head(u.text) == t.lower_ or
                t.lower_ in ("workshop", "shop") and unit_head(u.text) in ("workshop", "shop")]
        keys = {owner[id(u)] for u in recent}
        described = _determiner_before(doc, t).i < t.i - 1  # ("the second hall" is no line named before)
        target = same[-1] if same else (recent[-1] if len(keys) == 1 and t.lower_ != "site" and not described
                                        else None)
        if target is None:
            continue
        key = owner[id(target)]
        s0, e0 = t.idx, t.idx + len(t.text)
        cand = Cand(s0, e0, E.FACILITY, "desc", 1, t.text, "unit-reference", sent=sent_i)
        owner[id(cand)] = key
        by_key[key].mentions.append(Mention(key, t.text, s0, e0, E.FACILITY))
        by_key[key].mentions.sort(key=lambda m: m.start)
        covered.append((s0, e0))
        out.append(cand)
    return out


PLANT_WORDS = word_set("relations", "plant_words")
NOT_MADE_WORDS = word_set("relations", "not_made_words")


def _goods_before_plant(x: Extractor, head: Token, sent: Span, sources: list[str]) -> None:
    """"<Name> <goods> plant": the words between a name and a plant word are what the plant makes."""
    doc = head.doc
    i = head.i - 1
    words = []
    while i >= sent.start and doc[i].pos_ == "NOUN" and doc[i].is_lower and len(words) < 3:
        words.insert(0, doc[i])
        i -= 1
    if not words or i < sent.start or any(w.lower_ in NOT_MADE_WORDS for w in words):
        return
    m = x.ment_at(doc[i], ORG_LIKE, ("name",))
    if m is None or m.end != doc[i].idx + len(doc[i].text) or x.ment_at(words[0], ORG_LIKE, ("name",)):
        return  # the goods words must follow the name and not be part of it
    goods = x.text[words[0].idx:words[-1].idx + len(words[-1].text)]
    x.add(m.key, P.PRODUCES, sent, sources, Modality.REPORTED, object_text=goods)


def _production_unit(head: Token, mods: list[Token], placed: bool) -> bool:
    """A line, shop, hall, room or site that is a unit of production: "a new welding hall", "a second clean
    room", "a second site, in Huizhou"; not "a new supply line" or "a second front line"."""
    r = rv()
    word = head.lower_
    if word == "unit":  # (a plant's "nitration unit" or "25,000-tonne unit", not an army's "air defence unit")
        return any(m.lower_.endswith(("tion", "ing")) or m.lower_ in ("tonne", "ton") for m in mods)
    if word not in ("line", "shop", "hall", "site", "complex", "room"):
        return True
    if any(m.lower_ in r.not_site_modifiers for m in mods):
        return False
    if word == "room":
        return any(m.lower_ == "clean" for m in mods)
    if word == "site" and placed:
        return True
    if word in BARE_UNIT_HEADS and not mods:
        return True  # "a new hall"
    # (or a process in "-ing", which the tagger may call an adjective: "a second bleaching line")
    return any(m.pos_ == "NOUN" or m.lower_ in r.line_modifiers or m.lower_.endswith("ing") for m in mods)


def _calibre_weapon(doc: Doc, c: Cand) -> bool:
    """"<Name> 170 mm self-propelled guns": a name with a calibre, then a weapon noun, is a weapon model."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    v = vocab()
    i = span.end
    if not re.search(r"\b\d+\s*mm$", c.text):
        if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].lower_ in ("mm", "millimetre", "millimeter"):
            i += 2
        else:
            return False
    j = i
    while i < len(doc) and i - j < 5 and (doc[i].lower_ in v.weapon_mods or doc[i].text == "-" or
                                          doc[i].lower_ == "self" and i + 1 < len(doc) and doc[i + 1].text == "-"):
        i += 1
    return i < len(doc) and doc[i].lower_ in v.weapon_cues


def retype(doc: Doc, text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> set[str]:
    """Correct entity types from the role their names play in the sentence (in place). Returns the keys of
    organisations described as companies (makers, distributors, ...), which count as industrial subjects."""
    _names_before_acronyms(doc, text, cands, entities, owner)
    _new_facilities(doc, text, cands, entities, owner)
    _sites_of(doc, text, cands, entities, owner)
    by_key = {e.key: e for e in entities}
    votes: dict[str, dict[E, int]] = {}
    described: set[str] = set()
    for c in cands:
        key = owner.get(id(c))
        if key is None or c.layer != "name" or c.source == "demonym":
            continue  # (a nationality word is its country whatever it describes: "the group Belarusian Hajun")
        ent = by_key[key]
        if ent.type not in (E.PERSON, E.PLACE, E.ORGANIZATION) or ent.type is E.PERSON and PATRONYMIC.search(c.text):
            continue  # "Aleksei Viktorovich Zhuravlyov" stays a person whatever noun he stands next to
        root = _span_root(doc, c)
        if root is None:
            continue
        h = np_head(root)
        vote = votes.setdefault(key, {})
        if ent.type is E.PLACE and (is_city(c.text, sure=True) or is_country(c.text)):
            continue  # a large city's or a country's name is the place ("a Babruysk, Belarus-based maker", parsed as
            # described; "a much larger buyer: Russia")
        if _org_evidence(doc, text, c, h):
            described.add(key)
            if ent.type is not E.ORGANIZATION:
                vote[E.ORGANIZATION] = vote.get(E.ORGANIZATION, 0) + 1
        elif ent.type is not E.PLACE and len(c.text.split()) <= 2 and not any(
                w.lower() in vocab().org_name_words for w in c.text.split()) and _place_evidence(h):
            vote[E.PLACE] = vote.get(E.PLACE, 0) + 1
        elif len(c.text.split()) == 1 and _weapon_evidence(h) or _calibre_weapon(doc, c):
            vote[E.WEAPON_SYSTEM] = vote.get(E.WEAPON_SYSTEM, 0) + 1
        # a one-word "person" in capitals is an acronym, not a person
        if ent.type is E.PERSON and re.fullmatch(r"[A-Z]{3,}", c.text):
            vote[E.ORGANIZATION] = vote.get(E.ORGANIZATION, 0) + 1
    for key, vote in votes.items():
        if not vote:
            continue
        new = max(vote, key=vote.get)
        ent = by_key[key]
        ent.type = new
        for m in ent.mentions:
            m.type = new
    _merge_short_forms(cands, entities, owner)
    _merge_described_aliases(doc, cands, entities, owner)
    _definite_descriptions(text, cands, entities, owner)
    keys = {e.key for e in entities}
    return {k for k in described if k in keys and by_key[k].type is E.ORGANIZATION}


def _merge_short_forms(cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> None:
    """A one-word name that starts a longer organisation name of the same article is that organisation
    ("Kalashnikov" -> "Kalashnikov Concern"), once the longer name is known to be an organisation."""
    from supplytrace.extract.coref import norm

    orgs = [e for e in entities if e.type is E.ORGANIZATION and len(norm(e.name).split()) >= 2]
    places = [e for e in entities if e.type is E.PLACE and len(norm(e.name).split()) >= 2]
    drop = []
    for e in entities:
        if e.type not in (E.PERSON, E.ORGANIZATION, E.PLACE) or len(e.names) != 1:
            continue
        n = norm(e.name)
        if len(n) < 3 or " " in n:
            continue
        # "the North" -> "North Korea": a one-word place that starts exactly one longer place name (but the town
        # of Bryansk is not the Bryansk region)
        pool = places if e.type is E.PLACE else orgs
        hits = [o for o in pool if o is not e and any(norm(x).startswith(n + " ") for x in o.names) and
                not (e.type is E.PLACE and norm(o.name).split()[-1] in REGION_WORDS)]
        if len(hits) != 1:
            continue
        _merge(e, hits[0], owner)
        drop.append(e)
    for e in drop:
        entities.remove(e)


def _merge(e: DocEntity, target: DocEntity, owner: dict[int, str]) -> None:
    """Move entity e's names and mentions onto target (the caller removes e from the entity list)."""
    for nm in e.names:
        if nm != target.name and nm not in target.aliases:
            target.aliases.append(nm)
    for m in e.mentions:
        m.key = target.key
        m.type = target.type
        target.mentions.append(m)
    target.mentions.sort(key=lambda m: m.start)
    for cid, k in list(owner.items()):
        if k == e.key:
            owner[cid] = target.key


def _merge_described_aliases(doc: Doc, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> None:
    """"X, a trading company also known as Y": X and Y are one organisation."""
    by_key = {e.key: e for e in entities}
    spans = {}
    for c in cands:
        k = owner.get(id(c))
        if k is not None and c.layer == "name":
            spans[(c.start, c.end)] = k
    for c in cands:
        k = owner.get(id(c))
        if k is None or c.layer != "name" or k not in by_key or by_key[k].type is not E.ORGANIZATION:
            continue
        root = _span_root(doc, c)
        if root is None:
            continue
        for d in _descriptors(np_head(root)):
            for ch in d.children:
                if ch.dep_ != "acl" or _lemma(ch) not in ALIAS_VERBS:
                    continue
                for p in ch.children:
                    for g in (p.children if p.dep_ == "prep" and p.lower_ == "as" else []):
                        if g.dep_ != "pobj":
                            continue
                        for (a, b), k2 in spans.items():
                            if a <= g.idx < b and k2 != k and k2 in by_key and \
                                    by_key[k2].type in (E.ORGANIZATION, E.PERSON, E.PLACE):
                                _merge(by_key[k2], by_key[k], owner)
                                entities.remove(by_key.pop(k2))
                                spans = {sp: (k if kk == k2 else kk) for sp, kk in spans.items()}
                                break


# ------------------------------------------------------------------------------------------ helpers used by claims

def attribution_verb(t: Token) -> bool:
    return t.pos_ == "VERB" and _lemma(t) in cv().attribution_verbs


def saying_verb_above(tok: Token) -> Token | None:
    """The nearest verb of saying `tok` stands under ("X says its plant makes ...": "says")."""
    return next((a for a in tok.ancestors if attribution_verb(a)), None)


def told_parties(x: Extractor, sent: Span) -> set[str]:
    """Whoever a verb of saying is addressed to ("told the regional newspaper X", "told Y's reporters"): the
    medium of a statement, which is neither its source nor what it is about."""
    out = set()
    for v in sent_tokens(sent):
        if not attribution_verb(v):
            continue
        for c in v.children:
            if c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "to" and _lemma(v) != "according":
                for t in c.subtree:
                    m = x.ment_at(t, (E.ORGANIZATION,))
                    if m is not None:
                        out.add(m.key)
    return out


def source_tokens(sent: Span) -> set[int]:
    """Token indices that only say who the source is: the subject of a reporting verb
    ("U.S. officials estimated ..."), "according to ...", "... officials said"."""
    out: set[int] = set()
    for t in sent_tokens(sent):
        if attribution_verb(t):
            for ch in t.children:
                if ch.dep_ in ("nsubj", "agent") or ch.dep_ in ("dobj", "dative") and t.lemma_.lower() == "tell":
                    out |= {x.i for x in ch.subtree}  # (and whom they told: "officers told the BBC")
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            out |= {x.i for x in t.subtree}
        if t.lower_ in ("officials", "official", "sources", "analysts", "authorities", "lawmakers") and \
                t.pos_ == "NOUN":
            out |= {x.i for x in t.subtree}
    return out


def content_root(sent: Span) -> Token:
    """The clause a sentence reports: "RUSI estimated that UVZ produced ..." -> produced; "X gave a similar
    picture, estimating that the plant repairs ..." -> repairs."""
    t = sent.root
    for _ in range(3):
        saying = t if attribution_verb(t) else next(
            (c for c in t.children if c.dep_ == "advcl" and c.tag_ == "VBG" and attribution_verb(c)), None)
        if saying is None:
            break
        comp = [c for c in saying.children if c.dep_ == "ccomp"]
        if not comp:
            break
        t = comp[0]
    return t


def reporter_of(tok: Token, x: Extractor) -> str | None:
    """For a pronoun subject ("it", "they") of a clause reported by a verb of saying: the sayer's entity
    ("UVZ said it planned ..." -> UVZ). "The company" is the sayer's employer when a person speaks for it ("X's
    director said the company sold ...")."""
    site_noun = tok.lower_ in rv().site_employer_nouns
    by_employee = tok.pos_ == "NOUN" and (tok.lower_ in rv().employer_nouns or site_noun) and \
        any(c.lower_ == "the" for c in tok.children)
    if tok.lower_ not in rv().pronoun_subjects and not by_employee:
        return None
    v = tok.head
    joined = False
    for _ in range(5):
        if attribution_verb(v) and v.i != tok.head.i:
            subj = [c for c in v.children if c.dep_ == "nsubj"]
            if subj and by_employee and (subj[0].pos_ != "NOUN" or x.ment_at(subj[0], (E.ORGANIZATION,))):
                # not a person speaking for an employer; an enterprise's "the company" is itself ("the company makes
                # engines, X said"), an agency's or a newspaper's is some other company
                own = x.ment_at(subj[0], (E.ORGANIZATION,), ("name",)) if tok.lower_ in ORG_REF else None
                return own.key if own is not None and own.key in x.named_industrial and not x.is_watcher(own.key) \
                    else None
            if subj:
                # ("X in Orsk, which has told local media it produces ...": X, as the relative clause's subject)
                k = x.subject_of(v, x.sent_index(v)) if subj[0].lower_ in ("which", "who", "that") and \
                    v.dep_ == "relcl" else x.entity_in_phrase(subj[0], (E.ORGANIZATION, E.PLACE))
                if k and by_employee and site_noun and \
                        x.entities[k].name.split()[-1].lower() not in rv().site_name_words:
                    return None  # "an analyst at Kestrel said the plant ...": some other plant
                if k and x.entities[k].type in (E.ORGANIZATION, E.PLACE):
                    return k
                if not by_employee and not joined and x.is_anaphor(subj[0]) and \
                        subj[0].lower_ not in rv().pronoun_subjects:
                    return x.by_noun(subj[0], x.sent_index(subj[0]))  # "the plant said it had doubled output"
            return None
        statement = _statement_over(v)
        if statement is not None:  # "X told the paper in a statement that it shipped ...": the teller's
            v = statement
            continue
        if v.head.i == v.i or v.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "aux"):
            return None
        v = v.head
        # "said the shop will ..., and that it should ...", "says the site can ... once it reaches ...": "it" is
        # the nearer subject, not the sayer
        joined = joined or any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                               for c in v.children) and not attribution_verb(v)
    return None


def _statement_over(clause: Token) -> Token | None:
    """The verb a clause reaches through a noun of saying it completes: "(told the paper) in a statement that it
    shipped ...", "(said) in a report that ..." -> "told", "said"."""
    noun = clause.head
    if clause.dep_ != "acl" or noun.lemma_.lower() not in cv().attribution_nouns or \
            not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    up = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return up if up is not None and attribution_verb(up) else None


def appos_owner(tok: Token, x: Extractor) -> str | None:
    """The named organisation or facility a descriptive noun stands in apposition to
    ("Kurganmashzavod, the plant in Kurgan ..." -> Kurganmashzavod)."""
    if tok.dep_ == "appos":
        # the name may end in a word that is not part of the mention ("<Name> Dis Ticaret A.S.")
        for t in [tok.head] + [c for c in tok.head.lefts if c.dep_ in ("compound", "flat")]:
            m = x.ment_at(t, ORG_LIKE)
            if m:
                return m.key
        # "The plant, part of the X holding, ...": the enterprise "the plant" refers to
        if x.is_anaphor(tok.head) and (k := x.by_noun(tok.head, x.sent_index(tok.head))) is not None:
            return k
    for ch in tok.children:
        if ch.dep_ == "appos":
            m = x.ment_at(ch, ORG_LIKE)
            if m:
                return m.key
    return _known_as(tok, x) or _textual_appos(tok, x)


def _named_before_comma(x: Extractor, tok: Token) -> str | None:
    """"... from Yaroslavl Motor Works in Russia, part of the GAZ group": the enterprise named right before the comma
    (and its place) that a bare "part of" describes, however the parser hung "part"."""
    if tok.lower_ != "part" or any(c.dep_ == "det" for c in tok.children):
        return None
    prev = x.ments_in(max(0, tok.idx - 80), tok.idx, ORG_LIKE, ("name",))
    # (its cue noun may follow the name: "the Kupol plant in Izhevsk, part of ...")
    if prev and re.fullmatch(r"(?:\s+[a-z]+)?(?:\s+in\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})?\s*,\s*"
                             r"(?:now\s+|also\s+)?",
                             x.text[prev[-1].end:tok.idx]):
        return prev[-1].key
    return None


def _textual_appos(tok: Token, x: Extractor) -> str | None:
    """An apposition the parser missed: "<Name> (ACR), the <city> manufacturer of ..." written right after a
    name, between commas."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "pobj", "nsubj", "nsubjpass"):
        return None
    left = min(t.idx for t in tok.subtree if t.i <= tok.i)
    if not any(t.lower_ in ("the", "a", "an") and t.idx == left for t in tok.subtree):
        return None
    prev = [m for m in x.ments_in(max(0, left - 60), left, ORG_LIKE, ("name",)) if left - m.end < 30]
    if not prev:
        return None
    gap = x.text[prev[-1].end:left]
    if re.fullmatch(r"\)?\s*(?:\([^()]{1,20}\)\s*)?,\s*", gap):
        return prev[-1].key
    return None


ALIAS_VERBS = ("know", "call", "designate", "dub", "name", "rename")


def _known_as(tok: Token, x: Extractor) -> str | None:
    """"a trading company also known as X": the name the descriptive noun is given."""
    for ch in tok.children:
        if ch.dep_ == "acl" and _lemma(ch) in ALIAS_VERBS:
            k = _org_after_preps(x, ch, ("as",))
            if k:
                return k
    return None


def receive_roles(trig: Token, x: Extractor, sent_i: int) -> tuple[str | None, str | None] | None:
    """For "Y received X from Z" (trigger at or under a receive verb): (supplier Z, recipient Y)."""
    v = trig
    for _ in range(4):
        if v.pos_ == "VERB":
            break
        if v.head.i == v.i:
            return None
        v = v.head
    if v.pos_ != "VERB" or _lemma(v) not in rv().receive_verbs and not takes_delivery(v):
        return None
    supplier = None
    for t in v.subtree:
        if t.dep_ == "prep" and t.lower_ == "from":
            for g in t.children:
                if g.dep_ == "pobj":
                    supplier = x.entity_in_phrase(g, (E.ORGANIZATION, E.PLACE))
                    if supplier:
                        break
        if supplier:
            break
    recipient = x.subject_of(v, sent_i)
    return supplier, recipient


def takes_delivery(verb: Token) -> bool:
    """"The army took delivery of 24 systems from X", "accepted delivery of": a verb of receiving made of a noun."""
    return _lemma(verb) in TAKING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() == "delivery"
                                                      for c in verb.children)


def passive_supply_roles(verb: Token, x: Extractor) -> tuple[str | None, str | None] | None:
    """For a passive supply verb ("X were shipped from Z to Y", "sold by Z to Y"): (supplier Z, recipient Y)."""
    if not is_passive(verb):
        return None
    supplier = recipient = None
    for ch in verb.children:
        if ch.dep_ not in ("prep", "agent", "dative"):
            continue
        for g in ch.children:
            if g.dep_ != "pobj":
                continue
            k = x.entity_in_phrase(g, (E.ORGANIZATION, E.PLACE))
            if ch.lower_ in ("from", "by") and supplier is None:
                supplier = k
            elif ch.lower_ == "to" and recipient is None:
                recipient = k
    return supplier, recipient


def is_designator_number(doc: Doc, start: int, unit_end: int | None, end: int) -> bool:
    """A number that is part of a name ("Izdeliye 52", "Project 22350"), not a quantity."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if unit_end and unit_end > end:
        return False
    return prev.text[:1].isupper() and prev.pos_ == "PROPN" and not prev.is_sent_start and \
        prev.ent_type_ not in ("DATE", "GPE", "NORP", "LOC", "ORG", "PERSON")


_COMPASS = r"(?:north|south|east|west)"
DISTANCE = re.compile(rf"^\s*(?:km|kilomet(?:re|er)s?|miles?|m|met(?:re|er)s?)\s+"
                      rf"(?:{_COMPASS}(?:[\s\-]{_COMPASS})?(?:ern)?|from|away|"
                      r"outside|inland|off)\b", re.I)
LEGAL_TERM = re.compile(r"(?:sentence|prison|jail|imprisonment|term)\s+of\s+(?:up\s+to\s+)?$|\bvalid\s+for\s+$", re.I)


DURATION_UNITS = word_set("relations", "duration_units")


# a number that labels a place or a part ("hall 3", "pier 12", "building 4"), or describes a thing's kind
# ("a 12-volt type", "a 4-seat cabin"), or counts a family ("two daughters")
LABEL_BEFORE = re.compile(r"\b(?:[Hh]all|[Gg]ate|[Pp]ier|[Bb]erth|[Bb]uilding|[Bb]lock|[Hh]angar|[Pp]avilion|[Bb]ooth|"
                          r"[Ss]tand|[Pp]latform|[Tt]rack|[Qq]uay|[Dd]ock|[Ss]ection|[Ww]ard|[Rr]oom|[Ff]loor|"
                          r"[Cc]hart|[Tt]able|[Ff]igure|[Gg]raph|[Mm]ap|[Aa]nnex|[Aa]ppendix|[Ee]xhibit|[Pp]age|"
                          r"[Pp]aragraph|[Aa]rticle|[Cc]lause|[Qq]uestion|[Ii]tem)\s+$")
LABEL_AFTER = re.compile(r"(?:-|\s)(?:volt|volts|watt|watts|seat|seater|inch|storey|story)\b|"
                         r"\s+(?:daughters?|sons?|children|grandchildren|grandsons?|granddaughters?|brothers?|"
                         r"sisters?)\b")


def is_incidental_number(x: Extractor, q) -> bool:
    """A number that places or describes rather than counts: a distance with a direction ("170 km north of X"),
    a person's age ("Ivanov, 46, ..."), a legal term ("a maximum sentence of 20 years"), an indictment's counts."""
    text = x.text
    after = text[q.end:q.end + 40]
    before = text[max(0, q.start - 40):q.start]
    if DISTANCE.match(after) or LEGAL_TERM.search(before) or re.match(r"-count\b", after) or \
            re.search(r"(?:\bNo\.?|\b[Nn]umber|#|№|\b[Pp]roject|\b[Tt]ype)\s*$", before):
        return True  # "workshop No. 12" (not "no more than 12"), "project 12700", "type 052"
    if LABEL_BEFORE.search(before) or LABEL_AFTER.match(after):
        return True  # "outside hall 3", "at gate 4", "a 12-volt type", "two daughters and four grandchildren"
    line_start = text.rfind("\n", 0, q.start) + 1
    if not text[line_start:q.start].strip() and re.match(r"[.)]\s", text[q.end:q.end + 2]):
        return True  # "2. ..." a numbered point
    if (q.unit or "").lower() in DURATION_UNITS and (re.match(r"\s+of\b", text[q.unit_end or q.end:][:4]) or
                                                   re.search(r"\b(?:after|for|within|in)\s+$", before)):
        return True  # "after 14 months of construction": how long, not how many
    if re.search(r",\s*$", before) and re.match(r"\s*,", after) and isinstance(q.value, float | int) and \
            q.value < 110 and not q.unit:
        name = x.ments_in(max(0, q.start - 60), q.start, (E.PERSON,))
        return bool(name) and not text[name[-1].end:q.start].strip(" ,")
    return False


def is_area(unit_text: str | None) -> bool:
    return bool(unit_text) and any(w in rv().area_units for w in unit_text.lower().split())


# ------------------------------------------------------------------------------------------ sentence relations

def _mention_in(x: Extractor, tok: Token, types) -> str | None:
    """A mention of these types anywhere in the phrase headed by tok (head first)."""
    m = x.ment_at(tok, types)
    if m:
        return m.key
    sub = list(tok.subtree)
    for t in sub:
        m = x.ment_at(t, types)
        if m:
            return m.key
    return None


def _places_after_preps(x: Extractor, t: Token, preps: frozenset[str] | set[str]) -> list[str]:
    """Places named by the objects of `t`'s location prepositions ("based in X", "is near X"), or after a
    direction from them ("situated 20 km north of X")."""
    direction = [d for ch in t.children if ch.dep_ in ("advmod", "npadvmod") for d in (ch, *ch.children)
                 if d.lower_ in rv().area_parts]
    return [pk for ch in t.children if ch.dep_ == "prep" and (ch.lower_ in preps or ch.lower_ == "on")
            for g in ch.children if g.dep_ == "pobj" and (ch.lower_ != "on" or g.lower_ in rv().area_parts)
            for pk in _places_of(x, g)] + \
        [pk for d in direction for ch in d.children if ch.dep_ == "prep" and ch.lower_ == "of"
         for g in ch.children if g.dep_ == "pobj" for pk in _places_of(x, g)]


PLACE_NOUNS = vocab().place_nouns


def _places_of(x: Extractor, pobj: Token) -> list[str]:
    """A place object and the places in apposition or conjunction with it ("Hamburg, Germany"); "the western
    city of Brest" is Brest; "the Dagestani town of Kizlyar" is Kizlyar, in Dagestan."""
    out = []
    if pobj.lower_ in rv().area_parts:  # "on the outskirts of X", "the northern edge of the city of X"
        pobj = next((g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), pobj)
    if pobj.lower_ in PLACE_NOUNS and not x.ment_at(pobj, (E.PLACE,)):
        noun = pobj
        pobj = next((g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), pobj)
        if pobj is not noun:
            out += [k for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                    and (k := _nationality_place(x, c))]
    first = []
    for t in [pobj] + [c for c in pobj.children if c.dep_ in ("appos", "conj")]:
        m = x.ment_at(t, (E.PLACE,))
        if m and m.key not in first:
            first.append(m.key)
    return first + [k for k in out if k not in first]


def _both_named(x: Extractor, verb: Token, sent_i: int) -> list[str]:
    """"Both plants belong to Z", "the two companies are part of Z": the last two enterprises named before, in this
    sentence or the two before."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ != "NNS" or subj.lemma_.lower() not in ORG_REF | {"plant", "factory", "works"} or \
            not any(c.lower_ == "both" or c.lower_ == "two" and c.dep_ == "nummod" for c in subj.children):
        return []
    start = x._sent_span(max(0, sent_i - 2))[0]
    named = [m.key for m in x.ments_in(start, subj.idx, ORG_LIKE, ("name",)) if m.key in x.industrial]
    last_two = list(dict.fromkeys(reversed(named)))[:2]
    return last_two if len(last_two) == 2 else []


def _homed_firms(x: Extractor, home: Token) -> list[str]:
    """The firms a place is "home to": the named ones after "to" and, for a description ("home to a different
    enterprise, the Rechytsa Metiz plant"), the name set beside it."""
    out = []
    for g in (g for c in home.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
              if g.dep_ == "pobj"):
        for member in (g, *g.conjuncts):
            k = x.entity_in_phrase(member, ORG_LIKE)
            if k is None and home.dep_ == "attr":  # the name the parser hung on the verb as a second complement
                k = next((k for c in home.head.children if c.dep_ in ("attr", "appos") and c.i > member.i
                          for k in [x.entity_in_phrase(c, ORG_LIKE)] if k), None)
            if k and x.entities[k].type in ORG_LIKE:
                out.append(k)
    return out


def enterprise_placed(x: Extractor, n: Token) -> str | None:
    """"the X works in the town of Kurgan, a Tecmash unit": a description set after the place an enterprise is
    said to be in is the enterprise's."""
    if n.dep_ != "appos" or x.ment_at(n.head, (E.PLACE,)) is None:
        return None
    t = n.head
    for _ in range(4):
        if t.dep_ not in ("pobj", "prep") or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and (m := x.ment_at(t, ORG_LIKE, ("name", "desc"))) is not None:
            return m.key
    return None


def _owner_of_noun(x: Extractor, n: Token, sent_i: int) -> str | None:
    """The organisation or facility a common noun describes: a mention at it, the name it is in
    apposition to, the subject of a copula it is the attribute of."""
    m = x.ment_at(n, ORG_LIKE, ("name", "desc"))
    if m:
        return m.key
    n = first_conjunct(n)  # "X is a foundry and a subsidiary of Y"
    k = appos_owner(n, x)
    if k:
        return k
    if n.dep_ == "attr" and n.head.lemma_ in ("be", "become", "remain"):  # "X became part of Y"
        return x.subject_of(n.head, sent_i)
    if n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.lemma_ == "be":
        return x.subject_of(n.head.head, sent_i)  # "X is among the enterprises of Y"
    return None


def sentence_relations(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    _sentence_relations(x, sent, sent_i, sources)
    new_facility_owner(x, sent, sent_i, sources)
    site_locations(x, sent, sources)
    where_sited(x, sent, sources)
    fronted_place(x, sent, sent_i, sources)
    agentless_supply(x, sent, sent_i, sources)
    supply_with(x, sent, sent_i, sources)
    supplies_by_verb(x, sent, sent_i, sources)
    customers(x, sent, sent_i, sources)
    suppliers(x, sent, sent_i, sources)
    supply_noun_roles(x, sent, sent_i, sources)
    reliance(x, sent, sent_i, sources)
    orders_fulfilled(x, sent, sent_i, sources)
    goods_from(x, sent, sent_i, sources)
    import_shares(x, sent, sent_i, sources)
    ownership_phrases(x, sent, sent_i, sources)
    production_phrases(x, sent, sent_i, sources)


def _sentence_relations(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    r = rv()
    v = vocab()
    rep = Modality.REPORTED
    for t in sent_tokens(sent):
        lem = _lemma(t)
        # -------- apposed role nouns: "X, the Nizhny Tagil tank maker", "an Istanbul trading company"
        if t.pos_ == "NOUN" and (lem in r.role_nouns or t.lower_ in r.role_nouns or trade_agent(t) or
                                 lem in GOODS_AGENT_NOUNS and any(c.dep_ == "compound" for c in t.children)) and (
                t.dep_ == "appos" or _textual_appos(t, x)):
            owner = appos_owner(t, x)
            if owner and x.entities[owner].type in ORG_LIKE:
                for ch in t.subtree:
                    if ch.i < t.i and ch.dep_ in ("compound", "nmod", "amod"):
                        m = x.ment_at(ch, (E.PLACE,))
                        if m:
                            x.add(owner, P.LOCATED_IN, sent, sources, rep, object=m.key)
                for ch in t.children:
                    if ch.dep_ == "prep" and (ch.lower_ in r.located_preps or ch.lower_ == "from"):
                        for g in ch.children:  # "X, a drone maker in / from Kazan"
                            if g.dep_ == "pobj":
                                for pk in _places_of(x, g):
                                    x.add(owner, P.LOCATED_IN, sent, sources, rep, object=pk)
                    if lem in r.maker_nouns and ch.dep_ == "prep" and ch.lower_ == "of":
                        for g in ch.children:
                            if g.dep_ == "pobj":
                                _add_product(x, owner, g, sent, sources, rep)
                    if lem in r.maker_nouns and ch.dep_ == "compound" and ch.i < t.i:
                        m = x.ment_at(ch, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product"))
                        if m:
                            _add_product(x, owner, ch, sent, sources, rep)
        # -------- a role noun with a place, before the name or as its predicate: "the German maker Liebherr",
        # "Russian truck maker KAMAZ", "X is a Hong Kong distributor"
        if t.pos_ == "NOUN" and (lem in r.role_nouns or t.lower_ in r.role_nouns) and t.dep_ != "appos":
            owner = _named_by_role(x, t, sent_i)
            if owner and x.entities[owner].type in ORG_LIKE:
                for ch in t.children:
                    m = x.ment_at(ch, (E.PLACE,)) if ch.dep_ in ("compound", "nmod", "amod") and ch.i < t.i else None
                    if m and m.key != owner:
                        x.add(owner, P.LOCATED_IN, sent, sources, rep, object=m.key)
                if t.dep_ == "attr":  # "X is a periscope maker from / in Kazan"
                    for pk in _places_after_preps(x, t, frozenset({"in", "from"})):
                        if pk != owner:
                            x.add(owner, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "the Russian radio maker Sozvezdie", "X, a drone maker": what the maker's compound names
        if t.pos_ == "NOUN" and lem in r.maker_nouns:
            owner = appos_owner(t, x) if t.dep_ == "appos" or _textual_appos(t, x) else _named_by_role(x, t, sent_i)
            if owner and x.entities[owner].type in ORG_LIKE:
                for ch in t.children:
                    if ch.dep_ == "compound" and ch.i == t.i - 1 and ch.pos_ == "NOUN" and \
                            not x.ment_at(ch, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product")):
                        x.add(owner, P.PRODUCES, sent, sources, rep, object_text=_plural(ch.text))
        # -------- "X, long known for hunting cartridges": what an enterprise is known for, it makes
        if lem == "know" and t.tag_ == "VBN" and t.dep_ in ("acl", "relcl", "amod"):
            owner = _owner_of_noun(x, t.head, sent_i) if t.head.pos_ in ("NOUN", "PROPN") else None
            if owner and x.entities[owner].type in ORG_LIKE:
                for g in (g for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "for"
                          for g in ch.children if g.dep_ == "pobj"):
                    if any(x.ment_at(w, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product")) for w in g.subtree):
                        _add_product(x, owner, g, sent, sources, rep)
                    elif g.pos_ == "NOUN":  # "known for electronic warfare gear": goods our vocabulary lacks
                        first = min((w for w in g.lefts if w.dep_ in ("compound", "amod")), key=lambda w: w.i,
                                    default=g)
                        x.add(owner, P.PRODUCES, sent, sources, rep, object_text=x.doc[first.i:g.i + 1].text)
        # -------- "switched much of its output to X": the new goods are made there
        if t.pos_ == "VERB" and lem in r.switch_verbs and any(
                c.dep_ == "dobj" and any(w.lemma_.lower() in r.switched_nouns for w in c.subtree) for c in t.children):
            subj = x.subject_of(t, sent_i)
            if subj and x.entities[subj].type in ORG_LIKE:
                for g in (g for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "to"
                          for g in ch.children if g.dep_ == "pobj"):
                    _add_product(x, subj, g, sent, sources, x.modality(t, sent))
        # -------- "has been filling shells since February 2025": production that started then
        if t.pos_ == "VERB" and lem in x_produces():
            for since in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "since"):
                lo, hi = since.idx, since.right_edge.idx + len(since.right_edge.text)
                dates = [d for d in x._dates_in(sent) if lo <= d.start < hi and d.value]
                subj = x.subject_of(t, sent_i) if dates else None
                if subj and x.entities[subj].type in ORG_LIKE:
                    x.add(subj, P.MILESTONE, sent, sources, rep, event=MilestoneEvent("operations_started"),
                          date=dates[0].value)
        # -------- "Srem Tehnika d.o.o. of Novi Sad, Serbia": a place after an organisation's name
        if t.dep_ == "prep" and t.lower_ == "of" and t.head.pos_ == "PROPN":
            org = x.ment_at(t.head, (E.ORGANIZATION,), ("name",))
            # a company's "of <town>" ("Srem Tehnika d.o.o. of Novi Sad"), not a state body's ("Ministry of
            # Defence of the Russian Federation")
            if org and any(w.lower() in GOVERNMENT_WORDS for w in x.entities[org.key].name.split()):
                org = None
            if org:
                for g in (c for c in t.children if c.dep_ == "pobj"):
                    for pk in _places_of(x, g):
                        x.add(org.key, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "In Ulyanovsk, Aviastar-SP assembles ...": a fronted place is where the subject works
        if t.i == sent.start and t.lower_ == "in" and t.head.pos_ in ("VERB", "AUX"):
            places = [pk for g in t.children if g.dep_ == "pobj" for pk in _places_of(x, g)]
            subj = x.subject_of(t.head, sent_i) if places else None
            named_here = subj is not None and any(m.key == subj for m in x.ments_in(sent.start_char, sent.end_char,
                                                                                   ORG_LIKE, ("name",)))
            if named_here and x.entities[subj].type in ORG_LIKE:
                for pk in places:
                    x.add(subj, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "based in", "headquartered in", "located near"
        if lem in r.located_verbs or t.lower_ in r.located_verbs:
            subj = None
            if t.dep_ in ("acl", "amod", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
                subj = _owner_of_noun(x, t.head, sent_i) if t.dep_ != "relcl" else x.subject_of(t, sent_i)
            elif t.pos_ in ("VERB", "AUX"):
                subj = x.subject_of(t, sent_i)
            if subj and x.entities[subj].type in ORG_LIKE:
                for pk in _places_after_preps(x, t, r.located_preps):
                    x.add(subj, P.LOCATED_IN, sent, sources, rep, object=pk)
                for ch in t.children:  # "Kovrov-based X"
                    m = x.ment_at(ch, (E.PLACE,)) if ch.dep_ in ("npadvmod", "compound") and ch.i < t.i else None
                    if m:
                        x.add(subj, P.LOCATED_IN, sent, sources, rep, object=m.key)
        # -------- "Izhevsk is also home to the Kupol plant", "Kolomna, home to the KBM bureau, ...": a town's firms
        if t.lower_ == "home" and t.dep_ in ("acomp", "attr", "appos"):
            for firm in _homed_firms(x, t):
                for pk in _places_of(x, t.head if t.dep_ == "appos" else
                                     next((c for c in t.head.children if c.dep_ == "nsubj"), t)):
                    x.add(firm, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "This Minsk radar firm also builds ...": the firm referred back to is in that town
        if t.pos_ == "NOUN" and x.is_anaphor(t) and any(c.lower_ in ("this", "that") for c in t.children):
            towns = [m.key for c in t.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"
                     for m in [x.ment_at(c, (E.PLACE,))] if m]
            firm = x.by_noun(t, sent_i) if towns else None
            if firm and x.entities[firm].type in ORG_LIKE:
                for pk in towns:
                    x.add(firm, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "whose main works are near X", "its plant is in X"
        if lem == "be" and t.pos_ in ("AUX", "VERB"):
            ns = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in r.located_nouns]
            if ns:
                poss = [c for c in ns[0].children if c.dep_ == "poss"]
                owner = None
                if poss and poss[0].lower_ == "whose" and t.dep_ == "relcl":
                    owner = _owner_of_noun(x, t.head, sent_i) or x.entity_in_phrase(t.head, ORG_LIKE)
                elif poss:
                    m = x.ment_at(poss[0], ORG_LIKE)
                    # ("The company's main factory is in Minsk": the company referred back to)
                    owner = m.key if m else x.by_noun(poss[0], sent_i) if x.is_anaphor(poss[0]) else None
                elif x.is_anaphor(ns[0]) and not any(c.dep_ in ("amod", "nummod") for c in ns[0].children):
                    # "The plant is in Saransk": the enterprise referred back to (not "the third site is in X")
                    owner = x.subject_of(t, sent_i)
                if owner and x.entities[owner].type in ORG_LIKE:
                    for pk in _places_after_preps(x, t, r.located_preps):
                        x.add(owner, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "X operates / runs / has / opened a plant in Y", "X moved its production to Y": X works in Y
        if t.pos_ == "VERB" and lem in ("move", "relocate", "shift", "transfer") and any(
                c.dep_ == "dobj" and _lemma(c) in r.located_nouns for c in t.children):
            subj = x.subject_of(t, sent_i)
            if subj and x.entities[subj].type in ORG_LIKE:
                for pk in _places_after_preps(x, t, frozenset({"to"})):
                    x.add(subj, P.LOCATED_IN, sent, sources, x.modality(t, sent), object=pk)
        if t.pos_ == "VERB" and (lem in r.owned_verbs or lem in ("have", "open")):
            for ob in t.children:
                if ob.dep_ == "dobj" and (ob.lower_ in r.located_nouns or _lemma(ob) in r.located_nouns):
                    subj = x.subject_of(t, sent_i)
                    if subj and x.entities[subj].type in ORG_LIKE:  # ("in" on the plant, or on the verb)
                        for pk in dict.fromkeys(_places_after_preps(x, ob, r.located_preps) +
                                                _places_after_preps(x, t, frozenset({"in"}))):
                            x.add(subj, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "X owns / controls Y", "the X holding includes Y and Z": Y is part of X
        if t.pos_ == "VERB" and t.tag_ != "VBN" and (lem in r.owned_verbs or lem in r.grouping_verbs) and \
                not any(c.dep_ == "nsubj" and _trade_noun(c) for c in t.children):  # "X's clients include Y"
            owner = x.subject_of(t, sent_i)
            if owner and x.entities[owner].type is E.ORGANIZATION:
                for ob in (c for c in t.children if c.dep_ == "dobj"):
                    for member in (ob, *ob.conjuncts):
                        k = x.entity_in_phrase(member, ORG_LIKE)
                        if k and k != owner and x.entities[k].type in ORG_LIKE and \
                                not any(a.dep_ == "poss" for a in member.children):  # "runs X's industry"
                            x.add(k, P.PART_OF, sent, sources, x.modality(t, sent), object=owner)
        # -------- "falls under the X holding", "is now in the X group"
        if t.dep_ == "prep" and t.lower_ in r.group_preps and t.head.pos_ in ("VERB", "AUX"):
            for g in (c for c in t.children if c.dep_ == "pobj"):
                grp = x.entity_in_phrase(g, (E.ORGANIZATION,))
                if grp is None or not (any(w.lower_ in r.group_nouns for w in g.subtree) or
                                       x.entities[grp].name.split()[-1].lower() in r.group_nouns):
                    continue
                subj = x.subject_of(t.head, sent_i)
                if subj and subj != grp and x.entities[subj].type in ORG_LIKE:
                    x.add(subj, P.PART_OF, sent, sources, x.modality(t.head, sent), object=grp)
        # -------- "belongs to X", "reports to X"
        # (also the adjective: "X is subordinate to Y")
        adjective = t.pos_ == "ADJ" and t.dep_ == "acomp" and lem == "subordinate"
        if (t.pos_ == "VERB" or adjective) and lem in r.part_of_verbs and (lem != "report" or t.tag_ in ("VBZ", "VBP")):
            to = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"]
            if to:
                subj = x.subject_of(t.head if adjective else t, sent_i)
                for g in to[0].children:
                    if g.dep_ == "pobj":
                        k = _org_in_np(x, g)
                        # "X and Y both belong to Z"; "Both plants belong to Z": the two enterprises named last
                        members = _both_named(x, t.head if adjective else t, sent_i) or \
                            ([subj, *x.coordinated_subjects(t.head if adjective else t, subj)] if subj else [])
                        if not (members and k and x.entities[k].type is E.ORGANIZATION):
                            continue
                        for member in members:
                            if member != k and x.entities[member].type in ORG_LIKE:
                                x.add(member, P.PART_OF, sent, sources, x.modality(t, sent), object=k)
        # -------- "owned by X", "run by X"
        if t.pos_ == "VERB" and lem in r.owned_verbs and t.tag_ == "VBN" and \
                t.dep_ in ("acl", "relcl", "ROOT", "ccomp", "acomp"):  # ("is majority-owned by X": acomp)
            by = next((c for c in t.children if c.dep_ == "agent"), None)
            agent = [g for g in by.children if g.dep_ == "pobj"] if by is not None else []
            if agent:
                subj = _owner_of_noun(x, t.head, sent_i) if t.dep_ == "acl" else x.subject_of(t, sent_i)
                if t.dep_ == "acl" and t.head.lower_ in ("itself", "themselves"):
                    # "a unit of the Khimprom group, itself owned by Rostec": the organisation named just before
                    before = x.ments_in(sent.start_char, t.head.idx, ORG_LIKE)
                    subj = before[-1].key if before else None
                # (or a name further in: "by the state holding X", which the parser reads as "holding" X)
                k = _org_in_np(x, agent[0])
                if k is None or x.entities[k].type is not E.ORGANIZATION:
                    k = next((m.key for w in by.subtree if w.i > agent[0].i and
                              (m := x.ment_at(w, (E.ORGANIZATION,), ("name",)))), k)
                members = [subj, *x.coordinated_subjects(t, subj)] if subj and t.dep_ != "acl" else [subj]
                for member in members:  # "X and Y are owned by Z"
                    if member and k and x.entities[member].type in ORG_LIKE and x.entities[k].type is E.ORGANIZATION:
                        x.add(member, P.PART_OF, sent, sources, rep, object=k)
        # -------- "is (now) part of X", "a subsidiary of X", "the Tecmash concern of X", "Y, a holding of X"
        if t.pos_ == "NOUN" and (t.lower_ in r.part_nouns or t.lower_ in r.group_nouns and (
                first_conjunct(t).dep_ in ("appos", "attr") or
                any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children))):
            of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
            if not of and t.lower_ in r.part_nouns:  # "X, a Rostec subsidiary", "X is an Almaz-Antey unit"
                group = [m.key for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.i < t.i
                         and (m := x.ment_at(c, (E.ORGANIZATION,), ("name",)))]
                subj = (_owner_of_noun(x, t, sent_i) or enterprise_placed(x, t)) if group else None
                if subj and subj != group[0] and x.entities[subj].type in ORG_LIKE:
                    x.add(subj, P.PART_OF, sent, sources, rep, object=group[0])
            if of:
                named = [m.key for c in t.children if c.dep_ == "compound" and (m := x.ment_at(c, ORG_LIKE, ("name",)))]
                subj = _named_before_comma(x, t) or _owner_of_noun(x, t, sent_i) or (named[0] if named else None)
                for g in of[0].children:
                    if g.dep_ == "pobj":
                        k = _org_in_np(x, g)
                        if subj and k and x.entities[subj].type in ORG_LIKE and \
                                x.entities[k].type is E.ORGANIZATION:
                            x.add(subj, P.PART_OF, sent, sources, rep, object=k)
        # -------- passives: "is built by X", "was designed by X", "is made in Iran by X"
        if t.pos_ == "VERB" and t.tag_ == "VBN" and (lem in x_produces() or lem in r.design_verbs):
            agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            site = passive_site(x, t) if not agent and lem in x_produces() else None
            if site:
                obj = _passive_object(x, t, sent)
                if obj is not None:
                    _add_product(x, site, obj, sent, sources, x.modality(t, sent))
            if agent:
                maker = _org_in_np(x, agent[0])  # "produced by the UEC-Kuznetsov engine works"
                obj = _passive_object(x, t, sent)
                counted = goods_counted_before(x, obj) if maker and obj is not None else None
                if counted:  # goods told only in a figure before, referred to with a general word
                    x.add(maker, P.PRODUCES, sent, sources, x.modality(t, sent), object_text=counted)
                elif maker and obj is not None:
                    _add_product(x, maker, obj, sent, sources, x.modality(t, sent))
                if maker:
                    for ch in t.children:
                        if ch.dep_ == "prep" and ch.lower_ == "in":
                            for g in ch.children:
                                if g.dep_ == "pobj":
                                    for pk in _places_of(x, g):
                                        x.add(maker, P.LOCATED_IN, sent, sources, rep, object=pk)
        # -------- "Kazan's Kama Optics Works": an enterprise named as a town's
        if t.dep_ == "poss" and t.head.pos_ == "PROPN":
            town = x.ment_at(t, (E.PLACE,), ("name",))
            firm = x.ment_at(t.head, ORG_LIKE, ("name",)) if town else None
            if town and firm and is_city(x.entities[town.key].name) and not x._public_body(firm.key):
                x.add(firm.key, P.LOCATED_IN, sent, sources, rep, object=town.key)  # a town's, not a country's
        # -------- "X's thermal sights are fitted to tanks": goods an enterprise is named as having are its make
        if t.dep_ == "poss" and (maker := x.ment_at(t, ORG_LIKE, ("name",))) is not None and \
                maker.key in x.industrial and (goods := x.ment_at(t.head, (E.PRODUCT,), ("product",))) is not None \
                and t.head.lemma_.lower() not in r.child_nouns:  # (not "X's Ufa unit", a part of it)
            x.add(maker.key, P.PRODUCES, sent, sources, rep, object_text=goods.text)
        # -------- "X's <unit>": an organisation named as another's
        # (not "X's deliveries to Y", "X's customers such as Y": goods moving and trading partners)
        if t.dep_ == "poss" and not _trade_noun(t.head):
            a = x.ment_at(t, (E.ORGANIZATION,))
            b = _org_in_np(x, t.head) if a else None
            if a and b and a.key != b and x.entities[a.key].type is E.ORGANIZATION and \
                    x.entities[b].type is E.ORGANIZATION:
                x.add(b, P.PART_OF, sent, sources, rep, object=a.key)
        # -------- "(through) its subsidiary X"
        if t.pos_ == "NOUN" and t.lower_ in r.child_nouns:
            child = None
            for ch in t.children:
                if ch.dep_ in ("appos", "compound") or ch.dep_ == "npadvmod":
                    m = x.ment_at(ch, (E.ORGANIZATION,))
                    if m:
                        child = m.key
            np = t.head if t.dep_ in ("compound", "nmod") else t
            if child is None and np is not t:
                m = x.ment_at(np, (E.ORGANIZATION,))
                child = m.key if m else None
            if child is None:  # "Gorizont's Lipetsk plant": a site of its own
                m = x.ment_at(t, (E.FACILITY,), ("name", "desc"))
                child = m.key if m else None
            poss = [c for c in t.children if c.dep_ == "poss"] or [c for c in np.children if c.dep_ == "poss"]
            parent = None
            if poss and poss[0].lower_ in ("its", "their"):
                gov = np.head.head if np.dep_ == "pobj" else np.head
                parent = x.subject_of(gov, sent_i) if gov.pos_ in ("VERB", "AUX") else None
            elif poss:
                m = x.ment_at(poss[0], (E.ORGANIZATION,))
                parent = m.key if m else None
            if child and parent and child != parent and x.entities[parent].type is E.ORGANIZATION:
                x.add(child, P.PART_OF, sent, sources, rep, object=parent)
                # "produces W through its subsidiary X": X makes it too
                if np.dep_ == "pobj" and np.head.lower_ in ("through", "via") and _lemma(np.head.head) in x_produces():
                    for ob in np.head.head.children:
                        if ob.dep_ == "dobj":
                            _add_product(x, child, ob, sent, sources, x.modality(np.head.head, sent))
        # -------- "the Kremniy El microelectronics plant", "the Elektrodetal connector factory": what X's plant makes
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in PLANT_WORDS:
            _goods_before_plant(x, t, sent, sources)
        # -------- "a second line at the Perm Powder Plant", "workshop No. 3 of the X plant": a new unit's owner
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in r.planned_facility_heads:
            unit = x.ment_at(t, (E.FACILITY,), ("desc",))
            if unit is not None and is_new_facility(x, unit.key):
                for g in (g for ch in t.rights if ch.dep_ == "prep" and ch.lower_ in ("at", "of")
                          for g in ch.children if g.dep_ == "pobj"):
                    m = x.ment_at(g, ORG_LIKE, ("name",))
                    if m and m.key != unit.key:
                        x.add(unit.key, P.PART_OF, sent, sources, rep, object=m.key)
        # -------- an organisation builds / opens a facility: the facility is part of it
        if t.pos_ == "VERB" and lem in r.facility_build_verbs:
            for ob in t.children:
                if ob.dep_ != "dobj":
                    continue
                m = x.ment_at(ob, (E.FACILITY,), ("name", "desc"))
                if not m:
                    continue
                subj = x.subject_of(t, sent_i)
                if subj and subj != m.key and x.entities[subj].type is E.ORGANIZATION:
                    x.add(m.key, P.PART_OF, sent, sources, x.modality(t, sent), object=subj)
                for ch in (list(t.children) + list(ob.children)) if is_new_facility(x, m.key) else []:
                    if ch.dep_ == "prep" and ch.lower_ in ("in", "near") and ch.i > ob.i:  # "open a new shop in X"
                        for g in ch.children:
                            if g.dep_ == "pobj":
                                for pk in _places_of(x, g):
                                    x.add(m.key, P.LOCATED_IN, sent, sources, x.modality(t, sent), object=pk)
                if m.layer == "desc":
                    made = [w for w in ob.children if w.dep_ in ("compound", "amod") and w.i < ob.i and
                            (w.lower_ in v.product_heads or w.lower_ in v.weapon_cues)]
                    if made:
                        x.add(m.key, P.PRODUCES, sent, sources, x.modality(t, sent),
                              object_text=_plural(made[0].text))


def _org_after_preps(x: Extractor, tok: Token, preps: tuple[str, ...]) -> str | None:
    """An organisation or facility named after one of tok's prepositions ("at X", "by X")."""
    for ch in tok.children:
        if ch.dep_ in ("prep", "agent") and ch.lower_ in preps:
            for g in ch.children:
                if g.dep_ == "pobj":
                    m = x.ment_at(g, ORG_LIKE)
                    if m:
                        return m.key
    return None


def maker_of_noun(x: Extractor, noun: Token) -> str | None:
    """Who makes what a production noun is about: "output of W at X", "production of W by X",
    "production of W is handled by X" / "takes place at X"."""
    k = _org_after_preps(x, noun, ("at", "by")) or \
        next((k for g in pobjs(noun, ("of",)) if (k := _org_after_preps(x, g, ("at", "by")))), None)
    if k:  # (also when the parser hung "at X" on the goods: "output of sights at X")
        return k
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return _org_after_preps(x, noun.head, ("at", "by"))
    return None


def passive_site(x: Extractor, verb: Token) -> str | None:
    """A passive production verb without an agent names its maker by the site: "shells are filled at X"."""
    return _org_after_preps(x, verb, ("at",))


@cache
def x_produces() -> frozenset[str]:
    return cv().produces_verbs


def _plural(w: str) -> str:
    """The plural of a goods noun written as a modifier ("a battery maker" -> "batteries"); the regular English
    endings only, which is all a maker's noun takes in practice."""
    w = w.lower()
    if w.endswith("s"):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "es" if w.endswith(("x", "z", "ch", "sh")) else w + "s"


def _passive_object(x: Extractor, verb: Token, sent: Span) -> Token | None:
    """What a passive produces-verb is about: its passive subject, through conjunctions ("... and is made by")
    and relative clauses; "it" is the weapon or product last named before the sentence."""
    v = verb
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ in ("nsubjpass", "nsubj")]
        if subj:
            s = subj[0]
            if s.lower_ in ("which", "that") and v.dep_ == "relcl":
                return v.head
            if s.lower_ in SHARE_WORDS and (part_of := next(iter(pobjs(s, ("of",))), None)) is not None:
                s = part_of  # "Most of the material was made by X": the material
            if s.lemma_.lower() in GENERAL_GOODS and definite(s) and (told := goods_named_before(x, s)) is not None:
                return told  # "The devices were made by X" after "400 thermal imaging sights"
            if s.lower_ == "it":
                prev = [m for m in x.ments if m.end <= sent.start_char and m.type in (E.WEAPON_SYSTEM, E.PRODUCT)
                        and sent.start_char - m.end < 300]
                if prev:  # a named weapon before a product word ("The X-9 is an attack drone. It was ...")
                    prev = [m for m in prev if m.type is E.WEAPON_SYSTEM] or prev
                    span = x.doc.char_span(prev[-1].start, prev[-1].end, alignment_mode="expand")
                    return span.root if span is not None else None
                return None
            return s
        if v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        break
    return None


# general words for goods that, written with "the", refer back to goods the text has just named
GENERAL_GOODS = GENERIC_GOODS | word_set("figures", "goods_references")


def _sentence_before_start(x: Extractor, noun: Token) -> int:
    """Where the sentence before `noun`'s begins (its own, for the first): how far back goods it refers to are told."""
    sent = noun.sent
    return x.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char


def goods_named_before(x: Extractor, noun: Token) -> Token | None:
    """The goods last named in the sentence before `noun` or the one before it, by a more specific name than
    `noun`'s own general word."""
    named = [m for m in x.ments_in(_sentence_before_start(x, noun), noun.idx, (E.PRODUCT,), ("product",))
             if m.text.lower().split()[-1].rstrip("s") != noun.lemma_.lower()]
    span = x._span_of(named[-1]) if named else None
    return span.root if span is not None else None


def goods_counted_before(x: Extractor, noun: Token) -> str | None:
    """Goods named before `noun` only in a figure, in its sentence or the one before: "14 five-axis machining
    centres were sold ... The machines were built by X", "shipped 3,400 tonnes of acetic anhydride ... Most of the
    material was made by X"."""
    if noun.lemma_.lower() not in GENERAL_GOODS or not definite(noun):
        return None
    start = _sentence_before_start(x, noun)
    told = None
    for q in x.quantities:
        if start <= q.start < noun.idx:
            told = counted_goods(x, q) or told
    return told


def counted_goods(x: Extractor, q) -> str | None:
    """The goods a figure counts or weighs when it names them more fully than by one noun: "2,100 tonnes of
    nitrocellulose", "900 radio-frequency power amplifiers", "3,100 spools of Chinese optical fibre"."""
    q_sent = x.doc.char_span(q.start, q.end, alignment_mode="expand")
    goods = measured_goods(x, q, q_sent.sent) if q_sent is not None else None
    if goods is not None or not q.unit_end or q.unit_end <= q.end or not q.unit or q.unit.lower() in MEASURES or \
            q.unit in ("percent", "times"):
        return goods
    held = goods_after_of(x, q.unit_end, q_sent.sent) if q_sent is not None else None
    if held is not None:  # "spools of optical fibre": the spools and what they hold
        return f"{x.text[q.end:q.unit_end].strip()} of {held}"
    return x.text[q.end:q.unit_end].strip() if len(q.unit.split()) > 1 else None  # goods named with their kind


def _trade_noun(noun: Token) -> bool:
    """Goods moving or trading partners ("deliveries", "customers", "suppliers"): what an organisation has of these
    is not part of it."""
    lem = noun.lemma_.lower()
    return lem in cv().supplies_nouns or lem in cv().count_nouns - rv().child_nouns


def _org_in_np(x: Extractor, g: Token) -> str | None:
    """The organisation a noun phrase names, its own name before an owner's ("X's Y holding" -> Y)."""
    m = x.ment_at(g, (E.ORGANIZATION,))
    if m:
        return m.key
    # "Rostec's munitions holding Tecmash": the name right after the noun phrase (also where the parser read
    # "holding" as a verb: "belongs to the state holding X")
    for t in g.doc[g.i + 1:min(len(g.doc), g.i + 4)]:
        between = g.doc[g.i + 1:t.i]
        if t.pos_ == "PROPN" and len(between) <= 2 and all(
                w.pos_ == "NOUN" or w.lemma_ == "holding" or w.lower_ == "holding" for w in between):
            m = x.ment_at(t, (E.ORGANIZATION,))
            if m:
                return m.key
    for t in g.subtree:
        if t.i < g.i and t.dep_ in ("compound", "amod", "nmod") and t.head.i == g.i:
            m = x.ment_at(t, (E.ORGANIZATION,))
            if m:
                return m.key
    return x.entity_in_phrase(g, (E.ORGANIZATION,))


def _add_product(x: Extractor, maker: str, tok: Token, sent: Span, sources: list[str], mod: Modality) -> None:
    """maker produces the weapon or product named by the phrase headed by tok (its head and left modifiers,
    not what a relative clause or a complement mentions)."""
    for types, layers in (((E.WEAPON_SYSTEM,), ("name",)), ((E.PRODUCT,), ("product",))):
        m = x.ment_at(tok, types, layers)
        if m is None:  # (not an owner: "the Geran-2's warhead" is no Geran-2)
            owners = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
            left = [t for t in tok.subtree if t.i < tok.i and t.i not in owners]
            ms = [mm for t in left if (mm := x.ment_at(t, types, layers)) is not None]
            m = ms[0] if ms else None
        if m is None or m.key == maker:
            continue
        if m.type is E.WEAPON_SYSTEM:
            x.add(maker, P.PRODUCES, sent, sources, mod, object=m.key)
        else:
            span = x._span_of(m)
            for detail in (goods_details(span) if span is not None else []) or [None]:
                x.add(maker, P.PRODUCES, sent, sources, mod, object_text=m.text, object_detail=detail)
        return


# ------------------------------------------------------------------------------------------ numbers and roles

def measured_goods(x: Extractor, q, sent: Span) -> str | None:
    """What a measured amount is of: "2,000 tonnes of explosives" -> the product named after "of"."""
    if not q.unit or q.unit.lower() not in MEASURES:
        return None
    return goods_after_of(x, max(q.end, q.unit_end or q.end), sent)


def goods_after_of(x: Extractor, end: int, sent: Span) -> str | None:
    """The goods named after an "of" that follows `end`: a product, or else the noun phrase's head and the words
    before it ("of cotton pulp"), without its determiner ("of such bar")."""
    m = re.match(r"\s+of\s+", x.text[end:sent.end_char])
    if not m:
        return None
    start = end + m.end()
    prods = [mm for mm in x.ments_in(start, sent.end_char, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product"))
             if mm.start - start < 25]
    if prods:
        return prods[0].text
    span = x.doc.char_span(start, sent.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = span[0]
    while determiner(first) and first.i + 1 < span.end:
        first = x.doc[first.i + 1]
    head = first
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i and head.head.i < span.end:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    return x.doc[first.i:head.i + 1].text


MEASURES = word_set("relations", "measures")


def _named_by_role(x: Extractor, role: Token, sent_i: int) -> str | None:
    """The organisation a role noun (maker, firm, distributor) names when it is not in apposition: the name it
    modifies ("maker KAMAZ" read as a compound), a name right after it, or the subject it is predicated of."""
    if role.dep_ == "compound" and role.head.pos_ == "PROPN":
        m = x.ment_at(role.head, ORG_LIKE, ("name",))
        if m:
            return m.key
    for ch in role.children:
        if ch.dep_ in ("appos", "compound") and ch.i > role.i:
            m = x.ment_at(ch, ORG_LIKE, ("name",))
            if m:
                return m.key
    if role.dep_ == "attr" and role.head.lemma_ == "be":
        return x.subject_of(role.head, sent_i)
    return None


def described_thing(x: Extractor, head: Token) -> str | None:
    """The facility or organisation a figure describes through a participle ("a plant covering 35,000 square
    metres", "a factory employing 2,000 workers", "a trader registered in 2023 with start-up capital of 20,000
    roubles")."""
    t = head
    for _ in range(6):
        if t.head.i == t.i:
            return None
        if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
            n = t.head
            # "a plant in Taganrog covering ...": the participle hangs on the place, the plant is meant
            if n.dep_ == "pobj" and x.ment_at(n, (E.PLACE,)) and n.head.head.pos_ == "NOUN":
                n = n.head.head
            m = x.ment_at(n, ORG_LIKE, ("name", "desc"))
            return m.key if m else appos_owner(n, x)
        if t.dep_ == "advcl" and t.tag_ == "VBG":  # "build a plant ... covering ...": the object built
            for ob in t.head.children:
                if ob.dep_ == "dobj":
                    m = x.ment_at(ob, (E.FACILITY,), ("name", "desc"))
                    if m:
                        return m.key
            return None
        t = t.head
    return None


def counted_thing(x: Extractor, head: Token, trig: Token | None) -> str | None:
    """What a rate counts when the number has no unit ("lift Kh-101 output to 60 a month" -> "Kh-101 output"):
    the object of the verb that governs the figure, or the trigger noun, with a weapon or product in it."""
    cands = []
    t = head
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ == "VERB":
            cands += [c for c in t.children if c.dep_ == "dobj"]
            break
    if trig is not None and trig.pos_ == "NOUN":
        cands.append(trig)
    for n in cands:
        for tok in n.subtree:
            if tok.i > n.i:
                break
            m = x.ment_at(tok, (E.WEAPON_SYSTEM, E.PRODUCT), ("name", "product"))
            if m:
                return x.text[min(m.start, tok.idx):n.idx + len(n.text)] if m.end <= n.idx else m.text
    return None


def clause_subject(x: Extractor, head: Token, sent_i: int, sources: list[str]) -> str | None:
    """The named subject of the clause a share is stated in ("China accounted for about 70% of ...")."""
    t = head
    for _ in range(5):
        if t.head.i == t.i or t.dep_ == "pobj" and t.head.lower_ == "to":
            break  # (not a count of those the goods go to: "supply parts to 255 Russian manufacturers")
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].i < head.i:
                m = x.ment_at(subj[0], (E.PLACE, E.ORGANIZATION, E.FACILITY))
                # (a firm's name the model cut short: "Kremniy El accounts for ...")
                k = m.key if m else x.entity_in_phrase(subj[0], (E.ORGANIZATION, E.FACILITY))
                if k is not None and m is None and x.entities[k].type not in (E.ORGANIZATION, E.FACILITY):
                    k = None  # (not the town of "the Pinsk plant may meet ...")
                if k is None and made_or_sent(head):
                    # the country of a nationality before a common noun: "Belarusian enterprises have repaired ..."
                    # (not a share: "Russian buyers take 60 percent of X's sales" is X's)
                    k = next((x.norp_place(a) for a in subj[0].children if a.dep_ == "amod" and
                              a.ent_type_ == "NORP"), None)
                if k and k not in sources:
                    return k
            return None
    return None


def recipient_near(x: Extractor, trig: Token, subject: str | None) -> str | None:
    """The recipient of a supply noun that is the object of a light verb ("made 46 shipments ... to X")."""
    if trig.pos_ != "NOUN" or trig.dep_ != "dobj":
        return None
    for ch in trig.head.children:
        if ch.dep_ == "prep" and ch.lower_ == "to":
            for g in ch.children:
                if g.dep_ == "pobj":
                    k = x.entity_in_phrase(g, (E.ORGANIZATION, E.PLACE))
                    if k and k != subject:
                        return k
    return None


def claim_identity(c) -> tuple:
    """What makes two claims of one article the same fact (wording of the evidence aside)."""
    val = tuple(c.value) if isinstance(c.value, list) else c.value
    return (c.subject, c.predicate, c.object, (c.object_text or "").lower(), (c.object_detail or "").lower(), val,
            c.event, c.date)


def prefer_attributed(claims: list) -> list:
    """Of two identical claims, the one that says who states it (an earlier unattributed copy takes over
    the later copy's attribution and modality)."""
    seen: dict[tuple, object] = {}
    for c in claims:
        key = claim_identity(c)
        first = seen.get(key)
        if first is None:
            seen[key] = c
        elif not first.attributed_to and c.attributed_to:
            first.attributed_to = list(c.attributed_to)
            first.modality = c.modality
    return claims


def drop_repeated_goods(claims: list) -> list:
    """One sentence's supplies between the same two parties, one per kind of goods: "more than 180 Koksan guns" and
    "Koksan guns" are one supply, and "Koksan guns and 200 launchers" is the two others together. A claim goes when
    its goods' words are those of an earlier claim, or are all covered by other claims whose goods are part of its
    own ("artillery and rocket shells" stays beside "artillery" and "rocket": "shells" is in neither)."""
    groups: dict[tuple, list] = {}
    for c in claims:
        if c.predicate is P.SUPPLIES and c.object is not None and c.object_text and c.evidence_start is not None:
            groups.setdefault((c.subject, c.object, c.evidence_start), []).append(c)
    drop: set[int] = set()
    for group in groups.values():
        words = [_goods_words(c.object_text) for c in group]
        for i, c in enumerate(group):
            if not words[i]:
                continue
            same = any(words[j] == words[i] for j in range(i))
            parts = [words[j] for j in range(len(group)) if j != i and words[j] and words[j] < words[i]]
            if same or parts and set().union(*parts) >= words[i]:
                drop.add(id(c))
    return [c for c in claims if id(c) not in drop]


def drop_production_told_as_capacity(claims: list, names: dict[str, str]) -> list:
    """"X can turn out up to 150 armoured vehicles a month": a sentence that gives an enterprise's capacity for
    goods says so with the capacity claim; the production claim its verb also yields is left out (what an
    enterprise makes is still said by its other sentences). `names`: entity key -> name, for weapon objects."""
    capacities: dict[tuple, list[frozenset[str]]] = {}
    for c in claims:
        if c.predicate is P.CAPACITY and c.evidence_start is not None:
            capacities.setdefault((c.subject, c.evidence_start), []).append(
                kind_words(f"{c.object_text or ''} {c.unit or ''}"))

    def told(c) -> bool:
        goods = kind_words(names.get(c.object, "") if c.object else c.object_text or "")
        # (all its goods words: "makes encrypted radio links for drones and can assemble 900 link sets a month" says
        # what it makes as well as how many)
        return bool(goods) and any(goods <= cap for cap in capacities.get((c.subject, c.evidence_start), []))
    return [c for c in claims if not (c.predicate is P.PRODUCES and told(c))]


def goods_named_in_full(claims: list, goods: list[tuple[int, str, bool]], window: int = 2000) -> list:
    """"X makes optical-fibre spools. ... The spools are made by Y": goods referred back to by their bare noun
    ("the spools", "these engines") take the fuller name they were given last, in the text shortly before, so that
    what each maker makes reads on its own. `goods`: (offset, text, named) of the product mentions (named) and of
    the goods figures counted ("900 radio-frequency power amplifiers"), which describe the goods the bare noun
    still names."""
    for c in claims:
        word = (c.object_text or "").strip()
        if c.predicate not in (P.PRODUCES, P.SUPPLIES) or " " in word or not word or c.evidence_start is None or \
                not re.search(rf"\b(?:the|these|those)\s+{re.escape(word)}\b", c.evidence, re.I):
            continue
        kind = kind_words(word)
        fuller = [(t, named) for start, t, named in goods if c.evidence_start - window <= start < c.evidence_start
                  and kind and kind < kind_words(t)]
        if fuller and fuller[-1][1]:
            c.object_text = fuller[-1][0]
        elif fuller and not c.object_detail:
            c.object_detail = fuller[-1][0]
    return claims


def kind_words(text: str) -> frozenset[str]:
    """The words that say what kind of goods a text names, singular ("155 mm shells" and "shells" share "shell")."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _goods_words(text))


def _goods_words(text: str) -> frozenset[str]:
    """The words that say what goods are, without amounts and hedges ("more than 180 Koksan guns": koksan, guns)."""
    return frozenset(w for w in re.findall(r"[a-z][a-z\-]+", text.lower()) if w not in GOODS_FILLERS)


GOODS_FILLERS = word_set("relations", "goods_fillers")


def facility_object(x: Extractor, trig: Token) -> str | None:
    """The facility a milestone verb acts on ("plans to open a new assembly shop" -> the shop)."""
    if trig.pos_ != "VERB":
        return None
    for ob in trig.children:
        if ob.dep_ in ("dobj", "nsubjpass"):
            m = x.ment_at(ob, (E.FACILITY,), ("name", "desc"))
            if m:
                return m.key
    return None


def is_new_facility(x: Extractor, key: str) -> bool:
    """A facility described as new ("a new assembly shop", "a second engine plant")."""
    words = x.entities[key].name.lower().split()
    return bool(words) and words[0] in rv().new_modifiers


def is_unit(x: Extractor, key: str) -> bool:
    """A production unit named by description: new ("a new assembly shop"), numbered ("workshop No. 7") or
    possessed ("its Raufoss site")."""
    words = x.entities[key].name.lower().replace(",", " ").split()
    return is_new_facility(x, key) or any(w in UNIT_HEADS for w in words) or bool(words) and words[-1].isdigit()


def new_facility_owner(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """Whose a unit named by description is, when no other rule said: its possessor ("the plant's workshop
    No. 7", "its Raufoss site"), else the one enterprise named in its sentence, else (none named) the
    enterprise the text was just about."""
    for m in x.ments_in(sent.start_char, sent.end_char, (E.FACILITY,), ("desc", "name")):
        if not is_unit(x, m.key) or any(c.subject == m.key and c.predicate is P.PART_OF for c in x.claims):
            continue
        if m.layer == "name" and _unit_possessor(x, m, sent_i) is None:
            continue  # a named site is only given an owner its sentence writes ("its Raufoss site")
        owner = _unit_possessor(x, m, sent_i)
        if owner is None:
            named = {n.key for n in x.ments_in(sent.start_char, sent.end_char, ORG_LIKE, ("name",))} - {m.key}
            named -= set(sources) | told_parties(x, sent)  # whoever reports on the unit, or is told of it, is not
            # its owner ("told the newspaper X that a new line would be installed")
            if len(named) == 1 and (k := next(iter(named))) in x.industrial and not x.is_watcher(k):
                owner = k
            elif not named:  # the one that opens or builds it ("X said it had mastered a new line"), else the
                # enterprise in focus (a hall in focus stands for its owner)
                span = x._span_of(m)
                opener = x._unit_owner(span.root, sent_i) if span is not None else None
                owner = opener if opener in x.industrial else x.salient(sent_i, org_only=True)
        if owner and owner != m.key and x.entities[owner].type in ORG_LIKE:
            x.add(m.key, P.PART_OF, sent, sources, Modality.REPORTED, object=owner)


def _unit_possessor(x: Extractor, m, sent_i: int) -> str | None:
    span = x._span_of(m)
    if span is None:
        return None
    head = next((t for t in span if t.lower_ in UNIT_HEADS + ("plant", "factory")), span.root)
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ in ("its", "their"):
        return whose_own(x, head, sent_i, m.key)
    k = x.ment_at(poss, ORG_LIKE, ("name",))
    if k is not None:
        return k.key
    return x.referred_site(poss, sent_i) if x.is_anaphor(poss) else None


def whose_own(x: Extractor, noun: Token, sent_i: int, itself: str | None = None, measure: bool = False
              ) -> str | None:
    """Whose "its" / "their" noun is: "Nammo said its Raufoss site will ..." -> the one who speaks of it, else the
    subject of the verb the noun hangs on, else the enterprise the text is about. A `measure` ("its output
    reached 700") is not its own verb's subject's: that is the measure itself."""
    sayer = saying_verb_above(noun)
    who = x.subject_of(sayer, sent_i) if sayer is not None else None
    if who is not None and x.entities[who].type is E.PERSON:
        who = x.employer_of(who)  # "Lukin told reporters that 60 percent of its output ...": his enterprise's
    if who is not None and who != itself:
        return who
    if measure and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        verb = None
    else:  # the verb the noun hangs on, also through a figure ("made up 70 percent of its revenue")
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return (x.subject_of(verb, sent_i) if verb is not None else None) or x.salient(sent_i)


def _definite_descriptions(text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> None:
    """ "The state-owned plant supplies ...": an unnamed facility that says nothing of what it makes and is
    only ever introduced with "the" points back to the enterprise named just before it (whose name ends in a
    plant/factory word), not to a new facility."""
    v = vocab()
    by_key = {e.key: e for e in entities}
    names = sorted((c for c in cands if c.layer == "name" and owner.get(id(c)) in by_key and
                    by_key[owner[id(c)]].type in ORG_LIKE and c.text.split() and
                    c.text.split()[-1].lower() in v.facility_heads | {"works", "plant", "factory"}),
                   key=lambda c: c.start)
    for e in list(entities):
        descs = [c for c in cands if c.layer == "desc" and owner.get(id(c)) == e.key]
        if not descs or e.type is not E.FACILITY:
            continue
        words = re.findall(r"[\w\-]+", e.name.lower())
        if any(w in v.product_heads or w in v.weapon_cues or w.rstrip("s") in v.product_heads for w in words[:-1]):
            continue
        if not all(re.search(r"\bthe\s+$", text[max(0, c.start - 5):c.start], re.I) for c in descs):
            continue
        first = min(c.start for c in descs)
        before = [c for c in names if c.end <= first and first - c.end < 400]
        if not before:
            continue
        target = by_key[owner[id(before[-1])]]
        _merge(e, target, owner)
        entities.remove(e)
        by_key.pop(e.key, None)
        for c in descs:  # the description now names the enterprise
            c.layer = "name"
            c.type = target.type


def supply_noun_over(head: Token) -> Token | None:
    """ "Chinese exports of X to Russia reached 1,300 tonnes": the supply noun that is the subject of the verb
    a figure completes."""
    t = head
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            for s in t.children:
                if s.dep_ == "nsubj" and s.pos_ == "NOUN" and (_lemma(s) in cv().supplies_nouns or
                                                               s.lower_ in cv().supplies_nouns):
                    return s
            return None
    return None


SITE_NOUNS = ("port", "base", "airfield", "airbase", "depot", "terminal", "shipyard", "arsenal")


def _site_token(tok: Token) -> Token | None:
    """For the name in "the port of <Name>": the site noun ("port")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in SITE_NOUNS:
        return tok.head.head
    return None


def _sites_of(doc: Doc, text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> None:
    """ "the port of <Name>", "the air base of <Name>": a site, not the town it is named after. A name used
    only in such phrases becomes a facility; one not found at all becomes a new facility entity."""
    from supplytrace.extract.coref import unique_slug

    by_key = {e.key: e for e in entities}
    keys = set(by_key)
    name_cands = [c for c in cands if c.layer == "name" and owner.get(id(c)) in by_key]
    new = []
    for t in tokens(doc):
        if t.lower_ not in SITE_NOUNS or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ != "of":
            continue
        j = t.i + 2
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k == j:
            continue
        s0, e0 = doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text)
        site_name = text[t.idx:e0]
        hit = [c for c in name_cands if c.start < e0 and s0 < c.end]
        if hit:
            ent = by_key[owner[id(hit[0])]]
            uses = [c for c in name_cands if owner[id(c)] == ent.key]
            ctx = [c for c in uses if any(text[max(0, c.start - 12):c.start].lower().endswith(f"{n} of ")
                                          for n in SITE_NOUNS)]
            if ent.type in (E.PLACE, E.ORGANIZATION, E.PERSON) and len(ctx) == len(uses):
                ent.type = E.FACILITY
                for m in ent.mentions:
                    m.type = E.FACILITY
                for c in uses:
                    c.type = E.FACILITY
                if site_name not in ent.aliases:
                    ent.aliases.append(site_name)
            continue
        key = unique_slug(site_name, keys)
        ent = DocEntity(key=key, name=site_name, type=E.FACILITY, aliases=[text[s0:e0]],
                        mentions=[Mention(key, text[s0:e0], s0, e0, E.FACILITY)])
        entities.append(ent)
        cand = Cand(s0, e0, E.FACILITY, "name", 3, text[s0:e0], "site-of")
        owner[id(cand)] = key
        new.append(cand)
    if new:
        cands.extend(new)
        cands.sort(key=lambda c: (c.start, -c.end))


def fronted_place(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"In Ulyanovsk, Aviastar-SP assembles ...", "In Vitebsk, the components maker Monolit has ...": a sentence
    opened by "In <place>," sets the enterprise it is about in that place."""
    words = [t for t in sent_tokens(sent) if not t.is_space]
    if len(words) < 4 or words[0].lower_ != "in" or words[0].dep_ != "prep" or words[0].head.dep_ != "ROOT":
        return
    comma = next((t for t in words[1:8] if t.text == ","), None)
    if comma is None:
        return
    places = [k for g in words[0].children if g.dep_ == "pobj" and g.i < comma.i for k in _places_of(x, g)]
    subj = [c for c in words[0].head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > comma.i]
    if subj:
        k = x.entity_in_phrase(subj[0], ORG_LIKE) if places else None
    else:  # the parser lost the verb ("Aviastar-SP assembles" read as one noun): the name right after the comma
        after = x.ments_in(comma.idx, min(sent.end_char, comma.idx + 60), ORG_LIKE, ("name",))
        k = after[0].key if after and places and "," not in x.text[comma.idx + 1:after[0].start] else None
    if k and x.entities[k].type in ORG_LIKE and k not in sources:
        for pk in places[:1]:
            x.add(k, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=pk)


def site_locations(x: Extractor, sent: Span, sources: list[str]) -> None:
    """ "the North Korean port of Rajin", "the port of Dunai in Primorsky Krai": where the site is."""
    for t in sent_tokens(sent):
        site = _site_token(t)
        if site is None:
            continue
        m = x.ment_at(t, (E.FACILITY,), ("name",))
        if m is None:
            continue
        for ch in site.lefts:
            if ch.dep_ in ("amod", "compound", "nmod"):
                pm = x.ment_at(ch, (E.PLACE,))
                k = pm.key if pm else (_nationality_place(x, ch) if ch.ent_type_ in ("NORP", "GPE") else None)
                if k:
                    x.add(m.key, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=k)
        for ch in list(t.children) + list(site.children):
            if ch.dep_ == "prep" and ch.lower_ in ("in", "near") and ch.i > t.i:
                for g in ch.children:
                    if g.dep_ == "pobj":
                        for pk in _places_of(x, g):
                            x.add(m.key, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=pk)


def where_sited(x: Extractor, sent: Span, sources: list[str]) -> None:
    """"Naberezhnye Chelny, the Tatarstan city where KAMAZ has its main assembly plant": the enterprise (and the
    site it has there) is in that town, and in the region the town is qualified by."""
    for v in sent_tokens(sent):
        if v.dep_ != "relcl" or v.pos_ not in ("VERB", "AUX") or not any(c.lower_ == "where" for c in v.children):
            continue
        noun = v.head
        town = x.ment_at(noun, (E.PLACE,))
        if town is None and noun.dep_ == "appos" and noun.lower_ in vocab().place_nouns:
            town = x.ment_at(noun.head, (E.PLACE,))
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        firm = x.entity_in_phrase(subj, (E.ORGANIZATION, E.FACILITY)) if subj is not None else None
        if town is None or firm is None or x.entities[firm].type not in (E.ORGANIZATION, E.FACILITY):
            continue
        places = [town.key, *(pm.key for ch in noun.lefts if ch.dep_ in ("compound", "amod")
                               and (pm := x.ment_at(ch, (E.PLACE,))) and pm.key != town.key)]
        sites = [m.key for c in v.children if c.dep_ == "dobj" and (m := x.ment_at(c, (E.FACILITY,)))]
        for k in (firm, *sites):
            for pk in places:
                x.add(k, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=pk)


def recent_supply(x: Extractor, pos: int, window: int = 600) -> Claim | None:
    """The supply or delivery (with a recipient) the text was just talking about: the latest one written in the
    `window` characters before `pos`."""
    recent = [c for c in x.claims if c.predicate in (P.SUPPLIES, P.DELIVERED) and c.object and
              c.evidence_start is not None and c.evidence_start < pos and pos - c.evidence_start < window]
    return recent[-1] if recent else None


def agentless_supply(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """ "<Weapons> were also supplied." (a passive supply verb with no agent and no recipient): the supplier
    and recipient of the supply the text was just talking about (within three sentences)."""
    for t in sent_tokens(sent):
        if t.pos_ != "VERB" or t.tag_ != "VBN" or _lemma(t) not in cv().supplies_verbs:
            continue
        if any(c.dep_ in ("agent", "dative") or c.dep_ == "prep" and c.lower_ in ("to", "by", "from")
               for c in t.children):
            continue
        subj = [c for c in t.children if c.dep_ == "nsubjpass"]
        if not subj:
            continue
        markets = [mm.key for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                   if g.dep_ == "pobj" for w in (g, *g.conjuncts) if (mm := x.ment_at(w, (E.PLACE,), ("name",)))]
        if markets:  # "Its Volat trucks are still sold in Kazakhstan": the owner of the goods sells them there
            _sold_in(x, t, subj[0], markets, sent, sent_i, sources)
            continue
        m = None
        for tok in subj[0].subtree:
            m = x.ment_at(tok, (E.WEAPON_SYSTEM, E.PRODUCT), ("name", "product"))
            if m:
                break
        if m is None:
            continue
        last = recent_supply(x, sent.start_char)
        if last is None:
            continue
        text = x.text[subj[0].left_edge.idx:subj[0].idx + len(subj[0].text)]
        x.add(last.subject, P.SUPPLIES, sent, sources, x.modality(t, sent), object=last.object, object_text=text)


def _sold_in(x: Extractor, verb: Token, goods: Token, markets: list[str], sent: Span, sent_i: int,
             sources: list[str]) -> None:
    """"Its Volat trucks are still sold in Kazakhstan and Uzbekistan": the enterprise whose goods they are supplies
    each place named; goods of nobody named are left alone."""
    poss = next((c for c in goods.children if c.dep_ == "poss"), None)
    if poss is None:
        return
    seller = _previous_subject(x, sent_i) or whose_own(x, goods, sent_i) if poss.lower_ in ("its", "their") else \
        (m.key if (m := x.ment_at(poss, ORG_LIKE, ("name",))) else None)
    if seller is None or x.entities[seller].type not in ORG_LIKE:
        return
    text = x.text[goods.left_edge.idx:goods.idx + len(goods.text)]
    text = re.sub(r"^(?:its|their|\S+['’]s?)\s+", "", text, flags=re.I)  # the goods, without their owner
    for k in markets:
        x.add(seller, P.SUPPLIES, sent, sources, x.modality(verb, sent), object=k, object_text=text)


def _previous_subject(x: Extractor, sent_i: int) -> str | None:
    """The organisation the sentence before is about (the subject of its main verb): what "Its ..." opening the
    next sentence most often refers to ("It buys engines from X. Its trucks are sold in Y": not X)."""
    if sent_i < 1:
        return None
    lo, _, hi = x._sent_span(sent_i - 1)
    span = x.doc.char_span(lo, hi, alignment_mode="expand")
    k = x.subject_of(span.root, sent_i - 1) if span is not None else None
    return k if k is not None and x.entities[k].type in ORG_LIKE else None


_RANGE_GAP = re.compile(r"\s*(?:to|or|-|–|—)\s*$")
_OR_UNIT = re.compile(r"^(?:or|to)\s+([\w,.]+)\s+(\S.*)$")  # "two" + "or three airframes", "six" + "to nine jets"
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\w+\s+)?$", re.I)
_AND_UNIT = re.compile(r"^and\s+([\w,.]+)\s+(\S.*)$")  # "between six" + "and nine jets"
_RANGE_AND = re.compile(r"\s*and\s*$")
_DASH_UNIT = re.compile(r"^[-–]\s*(\d[\d,]*(?:\.\d+)?)\s+(\S.*)$")


def merge_ranges(quantities: list, text: str) -> list:
    """ "100 to 200 airframes", "between 30 and 40 tanks", "30-40 tanks": one figure with a [low, high] value."""
    from dataclasses import replace

    out = []
    skip = set()
    for i, q in enumerate(quantities):
        if i in skip:
            continue
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        between = _BETWEEN_BEFORE.search(text[max(0, q.start - 20):q.start])  # "between 30 and 40 tanks"
        if nxt is not None and isinstance(q.value, float | int) and isinstance(nxt.value, float | int) and \
                q.value < nxt.value:
            gap = text[q.end:nxt.start]
            # (not two figures in different units: "rose 46 percent to 118 million roubles")
            other_units = q.unit == "percent" and nxt.unit is not None and nxt.unit != "percent"
            if (_RANGE_GAP.fullmatch(gap) or between and _RANGE_AND.fullmatch(gap)) and not other_units:
                or_unit = _OR_UNIT.match(q.unit or "")
                out.append(replace(q, end=nxt.end, text=text[q.start:nxt.end], value=[q.value, nxt.value],
                                   unit=nxt.unit or (or_unit.group(2) if or_unit else q.unit),
                                   unit_end=nxt.unit_end or q.unit_end, period=nxt.period or q.period,
                                   head=nxt.head if nxt.head is not None else q.head))
                skip.add(i + 1)
                continue
        m = _OR_UNIT.match(q.unit or "") if isinstance(q.value, float | int) else None
        if m is None and isinstance(q.value, float | int) and between:
            m = _AND_UNIT.match(q.unit or "")
        hi = number_value(m.group(1)) if m else None
        if m and hi is not None and hi > q.value:  # "two or three airframes"
            pos = text.find(m.group(1), q.end)
            end = pos + len(m.group(1)) if 0 <= pos - q.end <= 5 else q.end
            out.append(replace(q, end=end, text=text[q.start:end], value=[q.value, hi], unit=m.group(2)))
            if nxt is not None and nxt.start >= q.start and nxt.value == hi and nxt.end <= q.end + len(q.unit or ""):
                skip.add(i + 1)
            continue
        m = _DASH_UNIT.match(q.unit or "") if isinstance(q.value, float | int) else None
        if m:
            hi = float(m.group(1).replace(",", ""))
            if hi > q.value:
                pos = text.find(m.group(1), q.end)
                end = pos + len(m.group(1)) if 0 <= pos - q.end <= 3 else q.end
                out.append(replace(q, end=end, text=text[q.start:end], value=[q.value, hi], unit=m.group(2)))
                continue
        out.append(q)
    return out


def made_or_sent(head: Token) -> bool:
    """Whether a figure is the object of a verb of making, sending or servicing ("UVZ produced about 90 tanks",
    "the plant has overhauled at least 40 helicopters")."""
    t = head
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ == "VERB":
            return _lemma(t) in cv().produces_verbs or _lemma(t) in cv().supplies_verbs or \
                _lemma(t) in vocab_data("claims")["service_work"]
    return False


def _nationality_place(x: Extractor, tok: Token) -> str | None:
    """The article's place a (possibly two-word) nationality names: "North Korean" -> North Korea."""
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if span is not None and len(span) > 1:
        t = span.text.lower()
        for key, e in x.places.items():
            for nm in e.names:
                n = nm.lower()
                if len(n.split()) == len(t.split()) and t.startswith(n[:-1]) and len(t) - len(n) <= 3:
                    return key
    return x.norp_place(tok)


def negated(trig: Token) -> bool:
    """A trigger verb under negation ("does not supply", "never produced", "sold nothing")."""
    return trig.pos_ in ("VERB", "AUX") and syntax_negated(trig)


def supply_with(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """ "X supplies Y with A, B and possibly C", "X equips Y with A": each thing after "with" is supplied by X to Y,
    named as a product or not ("oil", "food", "missile technology")."""
    verbs = cv().supplies_verbs | rv().equipping_verbs
    for t in sent_tokens(sent):
        if t.pos_ != "VERB" or _lemma(t) not in verbs or negated(t):
            continue
        rec, rec_tok = None, None
        for ch in t.children:
            if ch.dep_ in ("dobj", "dative"):
                m = x.ment_at(ch, (E.PLACE, E.ORGANIZATION))
                rec, rec_tok = (m.key, ch) if m else (None, None)
        # "with" on the verb, or hung on the recipient by the parser
        withs = [g for h in (t, rec_tok) if h is not None for ch in h.children
                 if ch.dep_ == "prep" and ch.lower_ == "with" for g in ch.children if g.dep_ == "pobj"]
        if rec is None or not withs:
            continue
        subj = x.subject_of(t, sent_i)
        if subj is None or subj == rec or x.entities[subj].type not in (E.PLACE, E.ORGANIZATION) or \
                not any(m.key == subj for m in x.ments_in(sent.start_char, t.idx)):
            continue  # the supplier must be named in the sentence, before the verb
        items = []
        todo = [withs[0]]
        while todo:
            n = todo.pop(0)
            items.append(n)
            todo += [c for c in n.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        have = {(c.object_text or "").lower() for c in x.claims if c.predicate is P.SUPPLIES and
                c.evidence_start == sent.start_char}
        for n in items:
            toks = [w for w in n.subtree if w.dep_ not in ("cc", "punct", "preconj") and
                    not (w.dep_ == "conj" and w.head.i == n.i) and
                    not any(a.dep_ == "conj" and a.head.i == n.i for a in w.ancestors)]
            toks = [w for w in toks if w.pos_ != "ADV"]
            if not toks:
                continue
            text = x.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
            if any(text.lower() in h or h in text.lower() for h in have if h):
                continue
            x.add(subj, P.SUPPLIES, sent, sources, x.modality(t, sent), object=rec, object_text=text)


GOODS_PREPS = frozenset({"for", "of"})
GOODS_PURPOSE_VERBS = word_set("relations", "goods_purpose_verbs")
GOODS_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
MAX_DETAIL_TOKENS = 14


def goods_details(span: Span) -> list[str]:
    """The goods as the sentence words them around a product mention: its modifiers ("VK-2500 engines",
    "carbon-fibre frames") and what they are for ("chassis for the Pantsir-S1 air defence system", "filters
    used in military radios"); one wording per purpose when several are coordinated ("chassis for X and for Y").
    Empty when that adds nothing to the mention, or runs too long to be a name."""
    mention, root = span.text, span.root
    if root.dep_ in ("compound", "nummod", "nmod", "amod") and root.head.i == span.end and root.head.pos_ == "NOUN":
        span = span.doc[span.start:span.end + 1]  # a model before its noun: "VK-2500" -> "VK-2500 engines"
        root = span.root
    start = span.start
    for ch in root.lefts:
        if ch.dep_ in GOODS_LEFT_DEPS and _describes_goods(ch):
            start = min(start, ch.left_edge.i)
    while start < span.start and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1  # a bullet or a quote before the words
    comp = _goods_complement(root)
    if comp is None and root.dep_ == "dobj":  # "makes chassis for X", the "for" hung on the verb
        comp = next((p for p in root.head.rights if p.dep_ == "prep" and p.lower_ == "for"
                     and p.i == root.right_edge.i + 1 and any(g.dep_ == "pobj" for g in p.children)), None)
    if comp is None:  # "launchers and support vehicles for X": the purpose given on the only other conjunct
        conjs = [c for c in root.children if c.dep_ == "conj"]
        tail = _goods_complement(conjs[0]) if len(conjs) == 1 else None
        if tail is not None and not any(c.dep_ in ("conj", "det") for c in conjs[0].children):
            return _detail_texts(span, mention, start, [(span.end, conjs[0].right_edge.i + 1)])
        return _detail_texts(span, mention, start, [(span.end, span.end)])
    preps = [comp, *(c for c in comp.children if c.dep_ == "conj" and c.pos_ == "ADP")]
    if len(preps) == 1:
        return _detail_texts(span, mention, start, [(span.end, comp.right_edge.i + 1)])
    # each coordinated purpose on its own: its own subtree, without the conjunction and the next purpose
    tails = []
    for p in preps:
        later = [q for q in preps if q.i > p.i]
        last = max((t.i for t in p.subtree if not any(t in q.subtree for q in later)), default=p.i)
        tails.append((p.i, last + 1))
    return _detail_texts(span, mention, start, tails)


def _detail_texts(span: Span, mention: str, start: int, tails: list[tuple[int, int]]) -> list[str]:
    """The mention from `start`, joined to each purpose phrase [t_start, t_end) that follows it."""
    doc, out = span.doc, []
    head = doc[start:span.end].text
    for t_start, t_end in tails:
        quotes = [t.i for t in doc[t_start:t_end] if t.is_quote]
        if len(quotes) % 2:  # a quotation closes inside: the goods' wording ends there
            t_end = quotes[-1]
        while t_end > t_start and (doc[t_end - 1].is_punct or doc[t_end - 1].dep_ in ("cc", "det")):
            t_end -= 1
        if t_end <= span.end:
            text = head
        elif t_start <= span.end:
            text = doc[start:t_end].text
        else:  # a later coordinated purpose: "chassis" + "for several rocket launchers"
            text = f"{head} {doc[t_start:t_end].text}"
        size = (span.end - start) + max(0, t_end - max(t_start, span.end))
        if text != mention and size <= MAX_DETAIL_TOKENS:
            out.append(text)
    return out


def _describes_goods(mod: Token) -> bool:
    """A modifier that says what kind of goods ("thermal", "carbon-fibre"), not how many or which ("new",
    "same", "as many", "an estimated 95 to 110")."""
    words = list(mod.subtree)
    return not any(w.like_num or w.lower_ in vocab().drop_mods or w.lower_ in GOODS_NOT_KIND for w in words)


GOODS_NOT_KIND = word_set("relations", "goods_not_kind")


def _goods_complement(noun: Token) -> Token | None:
    """A "for"/"of" phrase or a "used in" clause saying what goods are for (not who uses them: "used by")."""
    for ch in noun.rights:
        if ch.dep_ == "prep" and ch.lower_ in GOODS_PREPS and any(g.dep_ == "pobj" for g in ch.children):
            return ch
        if ch.dep_ == "acl" and ch.lemma_ in GOODS_PURPOSE_VERBS and not any(g.dep_ == "agent" for g in ch.children):
            return ch
    return None
