"""Supplies read from the verb, whatever the goods are called.

`Extractor.produces_supplies` starts from a product it recognises and climbs to a verb; goods our
vocabulary lacks ("armour steel", "gun steel billets", "the cartons") are missed that way. Here the
verb comes first and its roles name the supplier and the recipient:

- "X ships / sells / sends / resold them to Y", "Y was supplied by X" (supply verbs, active or passive);
- "A comes from X", "A is coming from X", "A reaches Kirov from X" (arrival verbs);
- "Y buys / imports A from X", "we have bought A in China" (receiving verbs);
- "X's biggest customer is Y", "Y is the main buyer of X", "X counts Y among its clients" (buyer nouns,
  `customers`);
- "X accounted for 70% of Y's imports of A" (`import_shares`).

A claim needs a named supplier and either a named recipient or the goods' wording.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from supplytrace.extract.gazetteer import is_city
from supplytrace.extract.pipeline import vocab_data, word_set
from supplytrace.extract.syntax import (
    aside_participle,
    child,
    definite,
    goods_read_as_verb,
    hung_pobj,
    misread_goods,
    negated,
    objects,
    phrase_text,
    plain_verb_form,
    pobj,
    sent_tokens,
    span_text,
)
from supplytrace.extract.wording import BLOCKING, cv, determiner, not_goods, person_jobs
from supplytrace.model import Claim
from supplytrace.vocab import EntityType, Predicate

if TYPE_CHECKING:
    from supplytrace.extract.claims import Extractor

E = EntityType
PARTIES = (E.ORGANIZATION, E.PLACE, E.FACILITY)
FIRST_PERSON = frozenset({"us", "we"})


def supplies_by_verb(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """Add a supplies claim for every supply, arrival or receiving verb whose roles are named."""
    words = _verbs()
    for v in sent_tokens(sent):
        # (a plain form that is no noun, or a third-person form: "X exports sights to Y" read as "exports sights")
        misread = v.dep_ == "compound" or verb_read_before_goods(v)
        if (v.lower_ in words["supply_forms"] or plain_verb_form(v.lower_) != v.lower_ and
                plain_verb_form(v.lower_) in words["supply"]) and misread:
            _supply_verb_misread(x, v, sent, sources)
            continue
        if plain_verb_form(v.lower_) != v.lower_ and plain_verb_form(v.lower_) in words["receive"] and misread:
            _supply_verb_misread(x, v, sent, sources, receiving=True)  # "Y purchases sights from X"
            continue
        if v.pos_ != "VERB" or negated(v):
            continue
        lem = v.lemma_.lower()
        if lem in words["supply"]:
            roles = _passive_supply(x, v, sent_i) if is_passive(v) else _active_supply(x, v, sent_i)
        elif lem in words["hand_on"]:
            roles = _passive_supply(x, v, sent_i) if is_passive(v) else _active_supply(x, v, sent_i)
            obj = counted_goods_of(child(v, "nsubjpass" if is_passive(v) else "dobj"), numbers=True)
            if roles is None or roles[1] is None or not (goods_referred_back(x, v, obj) or _goods_told(x, obj) or
                                                         obj is not None and obj.lower_ in GOODS_PRONOUNS or
                                                         _held_goods_word(obj)):
                continue  # "passed a law", "passed the test": nothing handed on to anyone
        elif lem in words["arrive"]:
            roles = _arrival(x, v, sent_i)
        elif lem in words["depart"]:
            roles = _departure(x, v, sent_i)
        elif lem in words["receive"]:
            roles = _receipt(x, v, sent_i)
        else:
            continue
        if roles is None:
            continue
        supplier, recipient, goods = roles
        named_goods = goods_referred_back(x, v, child(v, "nsubjpass" if is_passive(v) else "dobj")) or [goods]
        if recipient in sources:
            recipient = None  # "he notes that parts may be bought in China": not bought by the one who notes it
        obj = child(v, "dobj")
        recipients = [recipient]
        if goods is None and obj is not None and recipient is not None and recipient == _party(x, obj, sent_i):
            recipients += [k for c in obj.conjuncts if (k := _party(x, c, sent_i)) and k not in sources]  # "Y and Z"
        suppliers = [supplier, *(_conjunct_parties(x, v) if lem in words["receive"] else [])]
        for supplier in dict.fromkeys(_owner_of_site(x, k) for k in suppliers):
            if supplier is None or supplier == recipient or supplier in sources and not _speaks_of_itself(x, v) or \
                    x.entities[supplier].type not in PARTIES:
                continue
            for rec in dict.fromkeys(recipients):
                if rec is None and goods is None or rec == supplier or _already_said(x, sent, supplier, rec):
                    continue
                for what in named_goods:
                    x.add(supplier, Predicate.SUPPLIES, sent, sources, x.modality(v, sent), object=rec,
                          object_text=what)


def _add_supply(x: Extractor, sent: Span, sources: list[str], supplier: str | None, recipient: str | None,
                cue: Token, goods: str | None = None) -> None:
    """Add "supplier supplies recipient (goods)" from this sentence, with the modality of its cue word, unless the
    supplier is nobody, no party, one of the sentence's sources or the recipient itself, or the sentence has said
    so already. The readers below share this last step."""
    if supplier is None or supplier == recipient or supplier in sources or \
            x.entities[supplier].type not in PARTIES or _already_said(x, sent, supplier, recipient):
        return
    x.add(supplier, Predicate.SUPPLIES, sent, sources, x.modality(cue, sent), object=recipient, object_text=goods)


def _supply_verb_misread(x: Extractor, word: Token, sent: Span, sources: list[str], receiving: bool = False) -> None:
    """"Peleng and Integral supply optics to X", where the small model reads "supply" as a noun modifying the goods:
    a supply verb in its plain form written right after a name (or a list of names joined by "and" or commas) is
    read from the words: the names supply the noun it modifies, to the party after the first "to". A receiving verb
    read so ("Y purchases sights from X") is read the other way: the party after the first "from" supplies the
    names."""
    doc = word.doc
    first = x.ment_at(doc[word.i - 1], PARTIES, ("name",)) if word.i > sent.start else None
    if first is None or first.end != doc[word.i - 1].idx + len(doc[word.i - 1].text) or first.key in sources:
        return
    names = [first.key]
    before = [m for m in x.ments_in(sent.start_char, first.start, PARTIES, ("name",))]
    edge = first.start
    for m in reversed(before):  # "A, B and the C supply ...": each name joined to the next by "and" or a comma
        if not set(x.text[m.end:edge].replace(",", " ").split()) <= {"and", "the"} or m.key in sources:
            break
        names.insert(0, m.key)
        edge = m.start
    # (the goods are the words after the verb up to the noun it was read as modifying: the parse put the names
    # inside that noun's phrase)
    noun = word.head
    # (the goods may be the word the parse took for the sentence's verb: "X ships sights to Y")
    clause = any(c.dep_ == "mark" for c in noun.children)  # (a clause of its own: "estimates that X ships ...")
    if noun.dep_ in ("nsubj", "nsubjpass") or sent.root.pos_ in ("VERB", "AUX") and sent.root.i != noun.i and \
            not clause:
        return  # the sentence has a verb of its own: "X and Y supply chains to Z were disrupted"
    goods = doc[word.i + 1:noun.i + 1].text if noun.i > word.i and (noun.pos_ == "NOUN" or noun.i == sent.root.i) \
        and noun.lemma_.lower() not in not_goods() and all(t.pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT")
                                                           for t in doc[word.i + 1:noun.i]) else None
    prep = "from" if receiving else "to"
    to = next((t for t in doc[word.i + 1:sent.end] if t.lower_ == prep and t.dep_ in ("prep", "dative")), None)
    other = _party(x, next((g for g in to.children if g.dep_ == "pobj"), None)) if to is not None else None
    if receiving and (other is None or other in sources):
        return  # the names receive from the party after "from", which must be named
    if goods is None and other is None:
        return
    pairs = [(other, k) for k in names] if receiving else [(k, other) for k in names]
    for supplier, recipient in dict.fromkeys(pairs):
        if supplier != recipient and x.entities[supplier].type in PARTIES and \
                not _already_said(x, sent, supplier, recipient):
            x.add(supplier, Predicate.SUPPLIES, sent, sources, x.modality(word.head, sent), object=recipient,
                  object_text=goods)


# verbs whose object may be the one supplied rather than the goods ("X supplies / equips the Y plant")
SUPPLY_WHOM = word_set("supply_verbs", "supply_whom")
REFERRING_GOODS = frozenset({"them", "these", "those"})
GOODS_PRONOUNS = REFERRING_GOODS | {"they"}
GENERIC_GOODS = word_set("supply_verbs", "generic_goods")


def goods_referred_back(x: Extractor, v: Token, obj: Token | None) -> list[str]:
    """"... bought gyroscopes and IMUs and resold them to Y": the goods named last before the verb, in its own
    sentence or else the one before (a coordinated list of them), one by one as the list itself is read;
    "passed the goods to Y": the goods as the text calls them, with that list ("the goods (A, B)")."""
    if obj is not None and obj.lemma_.lower() in SHARE_WORDS:  # "re-exported most of them"
        obj = pobj(obj, "of")
    generic = obj is not None and obj.lemma_.lower() in GENERIC_GOODS and \
        any(c.lower_ in ("the", "these", "those", "such") for c in obj.children)
    if obj is None or not (obj.lower_ in REFERRING_GOODS or generic):
        return []
    sent = v.sent
    found = x.ments_in(sent.start_char, v.idx, (E.PRODUCT,), ("name", "product"))
    if not found and sent.start > 0:
        prev = x.doc[sent.start - 1].sent
        found = x.ments_in(prev.start_char, prev.end_char, (E.PRODUCT,), ("name", "product"))
    if not found:
        return []
    last = x.doc.char_span(found[-1].start, found[-1].end, alignment_mode="expand")
    if last is None:
        return []
    group = {last.root.i, *(t.i for t in last.root.conjuncts)}
    listed = [m.text for m in found if (sp := x._span_of(m)) is not None
              and sp.root.i in group]
    if generic:
        called = x.text[obj.left_edge.idx:obj.idx + len(obj.text)]
        return [f"{called} ({', '.join(listed)})"]
    return listed


def _goods_told(x: Extractor, obj: Token | None) -> bool:
    """"passed the transistors to Y": goods the article has named, written with "the" or "these"."""
    return obj is not None and definite(obj) and \
        x.ment_at(obj, (E.PRODUCT,), ("name", "product")) is not None


def _owner_of_site(x: Extractor, key: str | None) -> str | None:
    """A workshop or line the text has placed in a company sells nothing itself: the company supplies."""
    if key is None or x.entities[key].type is not E.FACILITY:
        return key
    return x.owner_org(key) or key


def _speaks_of_itself(x: Extractor, v: Token) -> bool:
    """"X's director said the company sold ...": the verb's subject refers back to the source, who speaks of
    itself; the supplier is not merely whoever is cited."""
    subj = child(v, "nsubj")
    return subj is not None and (x.is_anaphor(subj) or subj.lower_ in _verbs()["employer"])


def _conjunct_parties(x: Extractor, v: Token) -> list[str]:
    """The other sellers in "bought in China and Belarus"."""
    obj = child(v, "dobj")
    source = pobj(v, "from") or (pobj(obj, "from") if obj is not None else None) or pobj(v, "in")
    return [k for c in (source.conjuncts if source is not None else []) if (k := _party(x, c))]  # ("lathes from
    # Taiwan and Italy": "from" hung on the goods)


def import_shares(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"China accounted for about 70% of Russia's imports of machine tools and 90% of its imports of chips": the
    verb's subject supplies the importer with those goods."""
    importer = None
    for n in sent_tokens(sent):
        if n.pos_ != "NOUN" or n.lemma_.lower() != "import":
            continue
        owner = next((c for c in n.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ not in ("its", "their"):
            importer = _party(x, owner)
        elif owner is None:
            importer = None
        goods = _goods(x, pobj(n, "of"))
        verb = next((a for a in list(n.ancestors)[:5] if a.pos_ == "VERB"), None)
        supplier = _party(x, child(verb, "nsubj")) if verb is not None else None
        if importer is None or supplier is None or goods is None or supplier == importer or supplier in sources:
            continue
        x.add(supplier, Predicate.SUPPLIES, sent, sources, x.modality(verb, sent), object=importer, object_text=goods)


BUYER_NOUNS = word_set("supply_verbs", "buyer_nouns")
DESTINATION_NOUNS = word_set("supply_verbs", "destination_nouns")


def customers(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"Monolit's biggest customer is now Sozvezdie", "Y is the main customer of X", "Among the clients of X is Y",
    "X counts Y among its customers", "Y, a longtime client of X", "Its clients include Y and Z": the customer is
    supplied by whoever the buyer noun belongs to (the enterprise the text is about, for "their" or "those goods")."""
    for noun in sent_tokens(sent):
        if noun.lemma_.lower() not in BUYER_NOUNS | DESTINATION_NOUNS or noun.pos_ != "NOUN":
            continue
        found = _customer_of(noun, BUYER_NOUNS | DESTINATION_NOUNS)
        if found is None:
            continue
        named, verb = found
        counted_as = noun.dep_ == "pobj" and noun.head.lower_ == "as" and child(noun, "poss") is None
        # ("X counts Y as a client": the one who counts is the supplier)
        supplier = _party(x, child(verb, "nsubj"), sent_i) if counted_as else _buyer_noun_owner(x, noun, verb, sent_i)
        for tok in (named, *named.conjuncts):
            recipient = _party(x, tok)
            if recipient is not None and supplier is None and x.entities[recipient].type is E.PLACE:
                # a country's goods to a country: "Russia has become the main buyer of Belarusian optics" (a plant
                # among the "buyers of Belarusian periscopes" says nothing of who sold them)
                goods = pobj(noun, "of")
                supplier = next((k for c in goods.children if c.dep_ == "amod" and (k := x.norp_place(c))),
                                None) if goods is not None else None
            if recipient is not None:
                _add_supply(x, sent, sources, supplier, recipient, verb)


SUPPLIER_NOUNS = word_set("supply_verbs", "supplier_nouns")
# nouns for who supplies, not for goods moving: their possessor is supplied ("Russia's main supplier")
SUPPLYING_AGENTS = SUPPLIER_NOUNS | word_set("supply_verbs", "source_nouns")
# nouns of goods moving from one party to another: "shipments from X to Y", "X's deliveries to Y"
MOVING_NOUNS = word_set("supply_verbs", "moving_nouns")


RELYING_VERBS = word_set("supply_verbs", "relying_verbs")


def reliance(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"Y relies on X for sights", "Y depends on sights from X": X supplies Y."""
    if " on " not in span_text(sent) and " upon " not in span_text(sent):
        return
    for verb in sent_tokens(sent):
        if verb.lemma_.lower() not in RELYING_VERBS or negated(verb):
            continue
        on = pobj(verb, "on", "upon")
        if on is None:
            continue
        named = x.ment_at(on, PARTIES, ("name", "desc"))
        what = pobj(verb, "for")
        what = counted_goods_of(what)  # "for most of its alloy grades": the grades
        supplier = named.key if named is not None else None
        goods = _goods(x, what) if what is not None and what.lemma_.lower() not in _time_words() else None
        if what is not None and goods is None and what.lemma_.lower() not in _time_words():
            continue  # "relies on the ministry for funding": no goods
        if supplier is None and on.pos_ == "NOUN" and on.lemma_.lower() not in not_goods():
            # "depends on sights from X" (the goods' own words: the phrase also holds X)
            supplier, goods = _party(x, pobj(on, "from")), phrase_text(on, x.text)
        if goods is None:
            continue  # "relies on X Bank": no goods said
        recipient = x.subject_of(verb, sent_i)
        if recipient is not None and x.entities[recipient].type is E.FACILITY:
            recipient = x.owner_org(recipient) or recipient  # "the plant's engine shop relied on ...": the plant
        if recipient is not None and x.entities[recipient].type in PARTIES:
            _add_supply(x, sent, sources, supplier, recipient, verb, goods)


USING_VERBS = word_set("supply_verbs", "using_verbs")


def goods_from(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"Y fits its tanks with sights from X", "Y uses chips from X", "Y took 300 sights from X": goods from a named
    organisation that the subject of a verb of using or fitting uses are supplied by that organisation to it."""
    if " from " not in span_text(sent):
        return
    toks = sent_tokens(sent)
    pairs = [(noun, pobj(noun, "from")) for noun in toks if noun.pos_ == "NOUN"] + \
        [(obj, pobj(v, "from")) for v in toks if v.pos_ == "VERB" and (obj := child(v, "dobj")) is not None]
    for noun, src in pairs:  # "sights from X" on the goods, or "took sights from X" on the verb
        if src is None or noun.pos_ != "NOUN" or x.ment_at(noun, PARTIES) is not None or \
                noun.lemma_.lower() in not_goods() | UNITS and noun.lower_ not in goods_heads() or \
                not is_goods_word(x, noun):
            continue  # (goods, not "advice" or "images"; "parts", though not "part")
        supplier = _party(x, src, sent_i)
        goods = phrase_text(noun, x.text)
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if supplier is None or x.entities[supplier].type is not E.ORGANIZATION or \
                verb.lemma_.lower() not in USING_VERBS or negated(verb):
            continue
        recipient = x.subject_of(verb, sent_i)
        if recipient is not None and x.entities[recipient].type in PARTIES:
            _add_supply(x, sent, sources, supplier, recipient, verb, goods)


def is_goods_word(x: Extractor, noun: Token) -> bool:
    """A product or weapon the article names there, or a word of the goods vocabulary."""
    return x.ment_at(noun, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product")) is not None or \
        noun.lower_ in goods_heads() or noun.lemma_.lower() in goods_heads()


def verb_read_before_goods(word: Token) -> bool:
    """A verb the parser read as the subject of the goods after it ("X ships sights", "X builds tracked chassis"),
    the goods being a word of the goods vocabulary."""
    return goods_read_as_verb(word) and misread_goods(word).lower_ in goods_heads()


@cache
def goods_heads() -> frozenset[str]:
    """The head nouns of goods in the product vocabulary (products.json heads and heads_need_modifier)."""
    p = vocab_data("products")
    return frozenset(w.lower() for w in p["heads"]) | frozenset(w.lower() for w in p["heads_need_modifier"])


ORDER_VERBS = word_set("supply_verbs", "order_verbs")  # ("carry" only with "out")


def orders_fulfilled(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"X fulfils orders for Y", "X carries out orders from Y", "X fulfils Russian defence orders": X supplies
    whoever placed the orders."""
    if "order" not in span_text(sent).lower():
        return
    for verb in sent_tokens(sent):
        carried_out = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        lemma = verb.lemma_.lower()
        if lemma not in ORDER_VERBS or negated(verb) or lemma == "carry" and not carried_out:
            continue
        orders = child(verb, "dobj")
        if orders is None or orders.lemma_.lower() != "order":
            continue
        buyer = pobj(orders, "for", "from") or pobj(verb, "for", "from") or child(orders, "poss")
        recipient = _party(x, buyer, sent_i) if buyer is not None else \
            next((k for c in orders.children if c.dep_ in ("amod", "compound") and (k := x.norp_place(c))), None)
        if recipient is not None:
            _add_supply(x, sent, sources, x.subject_of(verb, sent_i), recipient, verb)


def noun_roles(x: Extractor, trig: Token) -> tuple[str | None, str | None]:
    """Supplier and recipient written on a supply noun: "Chinese exports ... to Russia", "X's shipments to Y"."""
    supplier = recipient = None
    goods = [g for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "of" for g in ch.children
             if g.dep_ == "pobj"]
    # "shipments of sights from X to Y": the parser may hang "from" / "to" on the goods
    hung = [ch for g in goods for ch in g.children if ch.dep_ == "prep" and ch.lower_ in ("from", "to", "by")]
    for ch in [*trig.children, *hung]:
        if ch.dep_ == "poss" and trig.lemma_.lower() in SUPPLYING_AGENTS:
            m = x.ment_at(ch, (E.PLACE, E.ORGANIZATION))  # "Russia's main supplier": Russia is supplied
            recipient = recipient or (m.key if m else None)
        elif ch.dep_ in ("amod", "compound", "poss", "nmod") and ch.i < trig.i:
            m = x.ment_at(ch, (E.PLACE, E.ORGANIZATION))
            supplier = supplier or (m.key if m else (x.norp_place(ch) if ch.ent_type_ == "NORP" else None))
        if ch.dep_ == "prep" and ch.lower_ == "to":
            for g in ch.children:
                if g.dep_ == "pobj":
                    recipient = recipient or x.entity_in_phrase(g, (E.PLACE, E.ORGANIZATION))
        if ch.dep_ == "prep" and ch.lower_ == "from":
            for g in ch.children:
                if g.dep_ == "pobj":
                    supplier = supplier or x.entity_in_phrase(g, (E.PLACE, E.ORGANIZATION))
        if ch.dep_ == "prep" and ch.lower_ == "by":  # "exports of A by X to Y": a named organisation, not "customs"
            named = next((m for g in ch.children if g.dep_ == "pobj" and
                          (m := x.ment_at(g, (E.ORGANIZATION,), ("name",)))), None)
            supplier = supplier or (named.key if named is not None else None)
    if supplier == recipient:
        recipient = None
    return supplier, recipient


def supply_noun_roles(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"Shipments from X to Y doubled", "X's deliveries to Y resumed": a noun of goods moving, with both the sender
    and the receiver written on it, is a supply whatever the sentence then says of it (the goods after "of")."""
    for noun in sent_tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in MOVING_NOUNS or negated(noun.head) or \
                noun.head.lemma_.lower() in BLOCKING:
            continue  # ("sales of trucks to Y were banned")
        poss = child(noun, "poss")
        if poss is not None and any(t.lemma_.lower() in cv().attribution_nouns or t.lower_ in cv().attribution_nouns
                                    for t in noun.doc[poss.i + 1:noun.i]):
            continue  # "X's data show shipments to Y", misread as X's shipments: X is a source
        supplier, recipient = noun_roles(x, noun)
        country = reporting_country(x, sent, sources) if supplier is None and noun.lemma_.lower() == "export" \
            else None
        if recipient is not None and country is not None and country != recipient and \
                not _already_said(x, sent, country, recipient):
            # "TurkStat data show exports of machine tools to Russia reached ...": the exports are the country's
            # whose statistics or customs service reports them (a source, and the supplier too)
            x.add(country, Predicate.SUPPLIES, sent, sources, x.modality(noun, sent), object=recipient,
                  object_text=_goods(x, pobj(noun, "of")))
        elif recipient is not None:
            _add_supply(x, sent, sources, supplier, recipient, noun, _goods(x, pobj(noun, "of")))


def exporter(x: Extractor, subject: str | None, trig: Token, sent: Span, sources: list[str]) -> str | None:
    """Who exports, when the only party found is the source of the figures: "TurkStat data show exports of W",
    "figures from Belarus's customs committee show exports ...": the reporting country, not the agency."""
    if subject in sources and trig.lemma_.lower() == "export":
        return reporting_country(x, sent, sources) or subject
    return subject


def reporting_country(x: Extractor, sent: Span, sources: list[str]) -> str | None:
    """The country whose own figures the sentence reports: a country that is the source ("Chinese customs data
    show"), the nationality a source's name opens with ("the Turkish Statistical Institute"), or the country whose
    the source is said to be ("Belarus's State Customs Committee")."""
    for key in sources:
        if x.entities[key].type is E.PLACE:
            return key
        for m in x.ments_in(sent.start_char, sent.end_char, (E.ORGANIZATION,)):
            span = x.doc.char_span(m.start, m.end, alignment_mode="expand")
            if m.key != key or span is None:
                continue
            first = next((t for t in span if t.pos_ != "DET"), None)
            if first is not None and (k := x.norp_place(first)) is not None:
                return k
            owner = next((c for c in span.root.children if c.dep_ == "poss"), None)
            if owner is not None and (place := x.ment_at(owner, (E.PLACE,))) is not None:
                return place.key
    return None


def suppliers(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"X is a key supplier to Y", "Y's main supplier of sights is X", "X, a longtime supplier of Y", "X is the sole
    supplier of sights for Y", "Y counts X among its suppliers": the customers' rule seen from the other side (the
    named phrase supplies; the supplier noun's owner, or whoever comes after "to" or "for", receives)."""
    low = span_text(sent).lower()
    if not any(n in low for n in SUPPLIER_NOUNS):
        return
    for noun in sent_tokens(sent):
        if noun.lemma_.lower() not in SUPPLIER_NOUNS or noun.pos_ != "NOUN":
            continue
        found = _customer_of(noun, SUPPLIER_NOUNS)
        if found is None:
            continue
        named, verb = found
        of = pobj(noun, "of")
        goods = _goods(x, of) if of is not None and _party(x, of) is None else None
        poss = child(noun, "poss")
        if poss is not None and poss.lower_ in ("its", "their"):
            recipient = _buyer_noun_owner(x, noun, verb, sent_i)
        else:
            owner = poss if poss is not None else pobj(noun, "to", "for") or (of if goods is None else None)
            recipient = _party(x, owner, sent_i) if owner is not None else None
        for tok in (named, *named.conjuncts):
            if recipient is not None or goods is not None:
                _add_supply(x, sent, sources, _party(x, tok), recipient, verb, goods)


def _customer_of(noun: Token, nouns: frozenset[str] = BUYER_NOUNS) -> tuple[Token, Token] | None:
    """(the phrase naming the customer, the verb giving the modality) for a buyer noun, or None: the other side of
    "be" or "include", the object of "counts Y among its customers", the name a buyer noun is in apposition to."""
    head = noun.head
    if noun.dep_ == "nsubj" and (head.lemma_ == "be" or head.lemma_.lower() in ("include", "comprise")):
        named = child(head, "attr") or child(head, "dobj")
    elif noun.dep_ == "attr" and head.lemma_ in ("be", "become", "remain"):  # ("Russia has become the main buyer")
        named = child(head, "nsubj")
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB" and child(head.head, "dobj"):
        named, head = child(head.head, "dobj"), head.head  # "X counts Y as a client"
    elif noun.dep_ == "dobj" and head.pos_ == "VERB" and pobj(head, "as") is not None:
        named = pobj(head, "as")  # "the records name the consignee as Y"
    elif noun.dep_ == "pobj" and head.lower_ == "among":
        gov = head.head
        if gov.lemma_ == "be":  # "Among the customers of X is Y"
            named = child(gov, "nsubj") or child(gov, "attr")
        elif gov.pos_ in ("NOUN", "PROPN"):  # "counts Y among its customers", with the phrase on the object
            named, head = gov, gov.head
        else:
            named = child(gov, "dobj")
        head = gov if gov.pos_ in ("VERB", "AUX") else head
    elif noun.dep_ == "appos" and head.pos_ in ("PROPN", "NOUN"):
        named = head  # (a description: the verb of the sentence, negated or not, says nothing of it)
        if named.lemma_.lower() in nouns:
            return None
        return named, head.head if head.head.i != head.i else head
    else:
        return None
    if named is None or named.lemma_.lower() in nouns or negated(head):
        return None
    return named, head


def _buyer_noun_owner(x: Extractor, noun: Token, verb: Token, sent_i: int) -> str | None:
    """Whose customer: the possessor or the "of" phrase of the buyer noun; for "its"/"their", the subject of the
    verb when it is not the customer ("X counts Y among its customers"), else the enterprise the text is about."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = pobj(noun, "of")
        named = owner is not None and (owner.pos_ == "PROPN" or x.ment_at(owner, PARTIES) is not None or
                                       x.is_anaphor(owner))
        if owner is not None and (not named or _party(x, owner, sent_i) is None):
            if any(c.lower_ in REFERRING_GOODS for c in owner.children):
                return x.salient(sent_i)  # "the main buyer of those goods": the goods of the enterprise in view
            maker = next((m for c in owner.children if c.dep_ in ("compound", "poss") and
                          (m := x.ment_at(c, (E.ORGANIZATION,), ("name",)))), None)
            if maker is not None:
                return maker.key  # "a major buyer of X sights", "the main buyer of X's sights": X's goods
            return None  # "buyers of Belarusian tractors": goods, not a supplier (but see customers)
    if owner is not None and owner.lower_ not in ("its", "their", "his", "her"):
        return _party(x, owner, sent_i)
    named_as = noun.dep_ == "dobj" and pobj(verb, "as") is not None  # ("the records name the consignee as Y")
    if (noun.dep_ == "nsubj" or named_as) and (owner is None and any(c.lower_ == "the" for c in noun.children) or
                                 owner is not None and owner.lower_ == "their" and
                                 noun.lemma_.lower() in DESTINATION_NOUNS):
        # "X bought the spools. The buyer in Russia was Y", "... Their destination was Y": X's goods
        held = chain_holder(x, noun.sent.start_char)
        if held is not None:
            return held[0]
    subj = child(verb, "nsubj") if owner is not None and verb.lemma_ != "be" and \
        verb.lemma_.lower() not in ("include", "comprise") else None
    if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        return x.subject_of(verb, sent_i)  # "X, a distributor that lists Y among its customers"
    return _party(x, subj) if subj is not None else x.salient(sent_i)


@cache
def _time_words() -> frozenset[str]:
    """"for decades", "for years": how long, not what."""
    return frozenset(w.rstrip("s") for w in vocab_data("quantities")["time_units"]) | {"decade", "while", "long"}


@cache
def _verbs() -> dict[str, frozenset[str]]:
    claims = vocab_data("claims")
    relations = vocab_data("relations")
    return {"supply": frozenset(claims["supplies_verbs"]), "arrive": frozenset(claims["arrival_verbs"]),
            # the plain present forms a tagger may take for a noun before the goods ("X and Y supply optics")
            "supply_forms": frozenset(claims["supplies_verbs"]) - frozenset(claims["supplies_nouns"]) | {"supply"},
            "receive": frozenset(relations["receive_verbs"]), "employer": frozenset(relations["employer_nouns"]),
            "hand_on": frozenset(claims["handing_on_verbs"]), "depart": frozenset(claims["departure_verbs"]),
            "means": frozenset(claims["transport_means"])}


def is_passive(v: Token) -> bool:
    """A past participle with a passive subject or auxiliary: "were shipped", "is sent to us by"."""
    # (also a participle on the goods with its agent: "sights supplied by X")
    if v.dep_ == "conj" and v.tag_ in ("VBN", "VBD") and v.head.i < v.i and child(v, "nsubj") is None and \
            is_passive(v.head):
        return True  # "were made by X and sold to Y": the second participle shares the passive subject
    return v.tag_ == "VBN" and (any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or
                                v.dep_ == "acl" and any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "from"
                                                        for c in v.children))  # (or "engines shipped from X")


def _party(x: Extractor, tok: Token | None, sent_i: int = -1) -> str | None:
    """The organisation, place or site a phrase names; "us"/"we" in an interview answer is the interviewee's;
    "the plant" the enterprise the text is about."""
    if tok is None:
        return None
    if tok.lower_ in FIRST_PERSON and x.interviewee_org and x.in_answer(tok.idx):
        return x.interviewee_org
    if sent_i >= 0 and x.is_anaphor(tok) and tok.lower_ not in ("which", "that", "it", "they", "them"):
        return x.referred_site(tok, sent_i)
    k = x.entity_in_phrase(tok, PARTIES)
    return k if k is not None and x.entities[k].type in PARTIES else None


def _goods_words(x: Extractor, noun: Token) -> str | None:
    """The goods' own words, up to their noun ("integrated circuits" of "integrated circuits made by ... to Y")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in not_goods() | UNITS:
        return None
    prev = x.doc[noun.i - 1] if noun.i > 0 else None
    first = prev if prev is not None and prev.head.i == noun.i and prev.dep_ in ("amod", "compound") else noun
    return x.doc[first.i:noun.i + 1].text


def _plain_goods(x: Extractor, noun: Token | None) -> str | None:
    """A plain noun for goods that names no party itself ("lenses" of "German-made lenses", whose phrase names a
    country)."""
    if noun is None or noun.pos_ != "NOUN" or x.ment_at(noun, PARTIES) is not None or \
            noun.lemma_.lower() in not_goods() | UNITS or noun.ent_type_:
        return None
    return noun.text


def _goods(x: Extractor, noun: Token | None) -> str | None:
    """The goods' wording: the noun phrase without determiners or quantities ("gun steel billets"; "400 tonnes of
    fibre" -> "fibre"); None for a pronoun, a party, or a word that names no goods ("a higher number", "troops")."""
    if noun is not None and noun.lemma_.lower() in not_goods() | UNITS:
        of = pobj(noun, "of")
        noun = of if of is not None and noun.lemma_.lower() in UNITS else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or _party(x, noun) is not None or len(noun.text) < 2:
        return None
    if noun.lemma_.lower() in not_goods():
        return None
    toks = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("poss", "nummod", "case")
            and not determiner(t) and not t.like_num and t.pos_ != "ADV"]
    toks = toks[next((i for i, t in enumerate(toks) if t.pos_ in ("NOUN", "PROPN", "ADJ")), 0):]
    return x.text[toks[0].idx:noun.idx + len(noun.text)] if toks else None


UNITS = word_set("supply_verbs", "units")


@cache
def _flow_nouns() -> frozenset[str]:
    """"exports", "shipments", "sales": words for a flow of goods rather than for the goods."""
    return frozenset(vocab_data("claims")["supplies_nouns"])


DEAL_NOUNS = word_set("supply_verbs", "deal_nouns")
SHARE_WORDS = word_set("supply_verbs", "share_words")
WON_VERBS = word_set("supply_verbs", "won_verbs")  # a deal that "went to" / "was awarded to" its winner


def _deal_with(x: Extractor, v: Token, sent_i: int) -> tuple[str | None, str | None]:
    """(supplier, recipient) when the supply verb hangs on a deal noun with a party after "with": "X signed an
    agreement with Y to supply A" -> (X, Y); a public body that signs buys ("the ministry signed a contract with X
    to supply ...") -> (X, the ministry, or whoever comes after "to"); else (None, None)."""
    deal = deal_of(v)
    if deal is None:
        return None, None
    obj = child(v, "dobj")
    to = _party(x, pobj(v, "to") or (pobj(obj, "to") if obj is not None else None), sent_i)
    winner = _deal_winner(x, deal)
    if winner is not None:  # "the tender to supply A to Y was won by X", "the contract ... went to X"
        return winner, to
    other = _party(x, pobj(deal, "with"), sent_i)
    signer = x.subject_of(deal.head, sent_i) if deal.dep_ == "dobj" else None
    if other is not None and (to is not None or signer is not None and x._public_body(signer)):
        # "the ministry signed an agreement with X to supply trucks (to the army)": X supplies the buyer
        return other, to or signer
    return signer, other


def deal_of(v: Token) -> Token | None:
    """The deal noun a supply verb says the content of: "a contract to supply A", "signed a contract with Y in 2024
    to deliver A" (the verb hung on the signing)."""
    if v.dep_ in ("acl", "relcl") and v.head.lemma_.lower() in DEAL_NOUNS:
        return v.head
    if v.dep_ == "advcl":
        return next((o for o in objects(v.head) if o.lemma_.lower() in DEAL_NOUNS), None)
    return None


def _deal_winner(x: Extractor, deal: Token) -> str | None:
    """Who a deal went to, when the deal is the subject: "the tender ... was won by X", "the contract ... went to X",
    "... was awarded to X"."""
    verb = deal.head if deal.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return None
    lem = verb.lemma_.lower()
    party = hung_pobj(verb, "by") if lem == "win" else hung_pobj(verb, "to") if lem in WON_VERBS else None
    return _party(x, party) if party is not None else None


def _active_supply(x: Extractor, v: Token, sent_i: int) -> tuple[str | None, str | None, str | None]:
    """"X ships A to Y", "X resold them to Y", "X sells Y A"."""
    subj = child(v, "nsubj")
    signer, counterpart = _deal_with(x, v, sent_i)
    if signer is not None and counterpart is not None:  # "X signed an agreement with Y to supply A"
        return signer, counterpart, _goods(x, child(v, "dobj"))
    supplier = x.subject_of(v, sent_i)
    named_here = any(m.key == supplier for m in x.ments_in(v.sent.start_char, v.sent.end_char))
    if supplier is None or not named_here and (subj is None or not x.is_anaphor(subj)):
        return None  # the supplier is named in the sentence or referred to by its subject
    obj = counted_goods_of(child(v, "dobj"), numbers=True)
    misread = obj is None and v.dep_ == "amod" and subj is not None and v.head.pos_ == "NOUN"
    if misread:  # "X shipped integrated circuits made by ... to Y" read as "shipped" modifying the goods
        obj = v.head
    if obj is not None and any(c.lower_ == "first" or c.dep_ == "nummod" and v.lemma_ in ("deliver", "hand")
                               for c in obj.children):
        return None  # "delivered six airlifters", "ship its first charges": deliveries and milestones
    recipient = _party(x, hung_pobj(v, "to", "into"), sent_i) or _party(x, child(v, "dative")) or \
        (_party(x, pobj(obj, "to"), sent_i) if obj is not None else None)  # "to" hung on the goods by the parser
    if recipient is None and obj is not None:  # (or on a participle after them: "lathes made in Taiwan to Y")
        recipient = next((k for t in obj.children if t.dep_ == "acl" for k in [_party(x, pobj(t, "to"), sent_i)]
                          if k), None)
    if recipient is None:
        recipient = _party(x, aside_pobj(v, obj), sent_i)
    if recipient is None and obj is not None and _party(x, obj) is not None and pobj(v, "with") is None:
        if v.lemma_.lower() in SUPPLY_WHOM:  # "X supplies the Y plant": Y is the recipient, the goods unsaid
            return supplier, _party(x, obj, sent_i), None
        return None  # "sells Y" with nothing said of what: left to the product-first rules
    return supplier, recipient, _goods(x, obj) or (_goods_words(x, obj) if misread else None)


def _passive_supply(x: Extractor, v: Token, sent_i: int) -> tuple[str | None, str | None, str | None]:
    """"A are sent to us by X", "A were delivered by X to Y"; with no agent ("the finished fuzes are sent to Y"),
    whoever the text said makes those goods."""
    shared = v.dep_ == "conj" and child(v, "nsubjpass") is None  # ("were made by X and sold to Y")
    subj = child(v.head, "nsubjpass") if shared else child(v, "nsubjpass")
    subj = counted_goods_of(subj)  # "most of the plant's output is sold to Y": the output
    goods = _goods(x, subj)
    to = pobj(v, "to") or hung_pobj(v, "to")  # ("shipped by rail to Y": "to" hung on "rail")
    # (the parser may hang "by X" on the recipient: "supplied to the Y plant by X")
    agent = pobj(v, "by", "from") or hung_pobj(v, "by") or (pobj(v.head, "by") if shared else None)
    if agent is not None and agent.lemma_.lower() in _verbs()["means"]:
        agent = pobj(v, "from")  # "shipped by rail": how, not by whom
    owner = child(subj, "poss") if subj is not None else None
    supplier = _party(x, agent) if agent is not None else \
        (_party(x, owner, sent_i) if owner is not None and owner.lower_ not in ("its", "their") else None) or \
        _maker_or_holder(x, subj, v.sent.start_char)  # "X's sights are supplied to Y"
    recipient = _party(x, to, sent_i)
    if recipient is None and goods is None and v.lemma_.lower() in SUPPLY_WHOM:
        recipient = _party(x, child(v, "nsubjpass"), sent_i)  # "the Y plant is supplied by X"
    if v.dep_ == "acl" and v.head.pos_ == "NOUN" and agent is not None:
        # "Y uses sights supplied by X": the goods the participle is on, received by the user of them
        if child(v, "agent") is None and not is_goods_word(x, v.head):
            return None, None, None  # "a licence bought from X": no goods
        goods = goods or _goods(x, v.head)
        recipient = recipient or _user_of(x, v.head, sent_i)
        supplier = _town_enterprise(x, supplier)
    return supplier, recipient, goods


def aside_pobj(v: Token, obj: Token | None) -> Token | None:
    """"sent 22 consignments, weighing 9.4 tonnes, to Y": the "to" the parser hung on an aside about the
    goods (a participle set off after them) belongs to the verb."""
    after = obj.i if obj is not None else v.i
    return next((t for a in v.children if aside_participle(a) and a.i > after and (t := pobj(a, "to")) is not None),
                None)


def _town_enterprise(x: Extractor, key: str | None) -> str | None:
    """"Optical blocks shipped from Minsk": a town goods come from stands for the enterprise the article placed
    there, if it placed one."""
    if key is None or x.entities[key].type is not E.PLACE or not is_city(x.entities[key].name):
        return key
    return x.enterprise_in(key) or key


def _user_of(x: Extractor, goods: Token, sent_i: int) -> str | None:
    """Who has the goods a participle is on: the subject of the verb they are the object of ("Y uses sights
    supplied by X", "Y depends on engines shipped from X"), or what they reach ("engines shipped from X reached
    Y")."""
    verb = goods.head.head if goods.dep_ == "pobj" and goods.head.dep_ == "prep" else goods.head
    if goods.dep_ == "nsubj" and verb.lemma_.lower() in _verbs()["arrive"]:
        return _party(x, child(verb, "dobj") or pobj(verb, "to", "at"), sent_i)
    if goods.dep_ == "dobj" or goods.dep_ == "pobj" and verb.lemma_.lower() in RELYING_VERBS | USING_VERBS:
        return x.subject_of(verb, sent_i)
    return None


def latest_maker_of(x: Extractor, noun: Token | None, before: int) -> str | None:
    """The subject of the latest produces claim, in the last 1,000 characters, about goods with this head noun (or
    about any goods, for "they" / "these": "X makes chassis. They are shipped by rail to Y")."""
    # (or "the parts", "the goods": any goods just made)
    pronoun = noun is not None and (noun.lower_ in GOODS_PRONOUNS or _held_goods_word(noun))
    if noun is None or noun.pos_ != "NOUN" and not pronoun:
        return None
    head = noun.lemma_.lower()
    for c in reversed(x.claims):
        if c.predicate is not Predicate.PRODUCES or c.evidence_start is None or \
                not 0 <= before - c.evidence_start <= 1000 or not c.object_text:
            continue
        words = c.object_text.lower().split()
        if words and (pronoun or words[-1] == noun.lower_ or words[-1].rstrip("s") == head.rstrip("s")):
            return c.subject
    return None


def chain_holder(x: Extractor, before: int, window: int = 600) -> tuple[str, Claim] | None:
    """Who holds the goods the text was just following along a chain, and the supply that says so: the enterprise
    the latest supply reached ("They were bought by Y. Their destination was Z": Y passes them on), or its
    supplier when it reached a country ("X shipped 14,000 tonnes to Russia. Most went to Z": X's goods); never
    a town ("a wholesaler from Kotka": the town is no holder)."""
    for c in reversed(x.claims):
        if c.predicate not in (Predicate.SUPPLIES, Predicate.DELIVERED) or c.evidence_start is None or \
                not 0 <= before - c.evidence_start < window:
            continue
        if c.object is not None and x.entities[c.object].type in (E.ORGANIZATION, E.FACILITY):
            return c.object, c
        town = c.subject is None or x.entities[c.subject].type is E.PLACE and is_city(x.entities[c.subject].name)
        return None if town else (c.subject, c)
    return None


def _maker_or_holder(x: Extractor, goods: Token | None, before: int) -> str | None:
    """Goods referred back with no sender named: whoever last had them, their maker or the enterprise a later
    supply passed them to ("X makes the spools. Y bought them. They were then delivered to Z": Y delivered)."""
    maker = latest_maker_of(x, goods, before)
    held = chain_holder(x, before)
    # (the goods as pronouns, with the supply's own noun, or with a general word: "the same batches were passed on")
    if held is None or goods is None or not (goods.lower_ in GOODS_PRONOUNS or _goods_of_claim(x, goods, held[1]) or
                                             _held_goods_word(goods)):
        return maker
    made = next((c.evidence_start for c in reversed(x.claims) if c.predicate is Predicate.PRODUCES and
                 c.subject == maker and c.evidence_start is not None), None) if maker is not None else None
    start = held[1].evidence_start or 0
    return held[0] if made is None or start >= made else maker


def counted_goods_of(obj: Token | None, numbers: bool = False) -> Token | None:
    """"most of them", "for most of its grades" (and with `numbers`, "passed 900 of the modules to Y"): the goods a
    share or a number is taken from, where the parser made it the object (and may hang the "to" on the goods)."""
    if obj is not None and (obj.lower_ in SHARE_WORDS or numbers and obj.pos_ == "NUM") and \
            pobj(obj, "of") is not None:
        return pobj(obj, "of")
    return obj


def _held_goods_word(goods: Token | None) -> bool:
    """"the same batches", "these consignments": a general word for goods, written as goods already told of."""
    return goods is not None and goods.lemma_.lower() in GENERIC_GOODS and definite(goods)


def _goods_of_claim(x: Extractor, goods: Token, claim: Claim) -> bool:
    """"The spools were then sent to Y": goods written with "the" or "these" whose noun the sentence of the
    supply just told also has."""
    if goods.pos_ != "NOUN" or not definite(goods):
        return False
    told = x.text[claim.evidence_start or 0:claim.evidence_end or 0].lower()
    return re.search(rf"\b{re.escape(goods.lemma_.lower())}", told) is not None


def _arrival(x: Extractor, v: Token, sent_i: int) -> tuple[str | None, str | None, str | None] | None:
    """"A comes from X", "A reach Kirov from X": X supplies whoever the goods belong to or reach; "German-made
    lenses reached the plant": their makers' country supplies the one they reach."""
    source = pobj(v, "from")
    subj = child(v, "nsubj") or (child(v.head, "nsubj") if v.dep_ == "xcomp" else None)  # ("appear to come")
    if subj is not None and subj.lemma_.lower() in VISITING_NOUNS | person_jobs():
        return None  # "a delegation came from Russia": people arriving, not goods
    if source is None:
        reached = _party(x, pobj(v, "to", "at"), sent_i) or _party(x, child(v, "dobj"), sent_i)
        goods = _goods(x, subj) or _plain_goods(x, subj)
        maker = maker_country(x, subj) if goods is not None else None
        return (maker, reached, goods) if maker is not None and reached is not None else None
    recipient = _party(x, pobj(v, "to", "at")) or _party(x, child(v, "dobj"))
    if recipient is None and subj is not None:
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is not None:
            recipient = x.salient(sent_i) if owner.lower_ in ("its", "their") else _party(x, owner, sent_i)
        else:  # "the armour steel is coming from X": to the enterprise the text is about; "receivers for the kits
            # come from X": to the kits' maker
            made_for = pobj(subj, "for")
            recipient = (latest_maker_of(x, made_for, v.sent.start_char) if made_for is not None else None) or \
                x.salient(sent_i)
    return _party(x, source), recipient, _goods(x, subj)


def maker_country(x: Extractor, goods: Token) -> str | None:
    """The country a nationality adjective on the goods names ("Russian S-400 systems" -> Russia)."""
    np = goods
    while np.dep_ in ("compound", "nmod") and np.head.i > np.i:
        np = np.head
    for ch in np.children:
        if ch.dep_ in ("amod", "compound", "nmod") and ch.i < np.i:
            k = x.norp_place(ch)
            if k:
                return k
            if ch.lemma_.lower() in MADE_WORDS:  # "German-made lenses"
                k = next((k for c in ch.children if c.i < ch.i and (k := x.norp_place(c))), None)
                if k:
                    return k
    return None


MADE_WORDS = word_set("supply_verbs", "made_words")
VISITING_NOUNS = word_set("supply_verbs", "visiting_nouns")



def _departure(x: Extractor, v: Token, sent_i: int) -> tuple[str | None, str | None, str | None] | None:
    """"X's sights go to Y", "most of its output goes to Y": goods (not a party) that go to a named recipient are
    supplied by their owner, by whoever they come "from", or else by the enterprise the text is about."""
    subj = child(v, "nsubj")
    if v.lemma_.lower() == "end" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children):
        return None  # ("end up at / in / with Y" only: "the contract ended in May")
    # ("travel by rail to Y": "to" hung on "rail"; "most of them end up at Y")
    recipient = _party(x, hung_pobj(v, "to") or (pobj(v, "at", "in", "with") if v.lemma_.lower() == "end" else None),
                       sent_i)
    told = subj is not None and (subj.like_num or subj.lower_ in _flow_nouns() and subj.tag_ == "NNS" and
                                 definite(subj) or
                                 subj.lemma_.lower() in SHARE_WORDS and subj.i == subj.sent.start)  # ("Most went")
    if told and pobj(subj, "of") is None and recipient is not None:
        # "X sent most of the lathes to Y. Six went to Z", "The shipments went to Z": (some of) the goods of the
        # supply just told, to Z
        last = next((c for c in reversed(x.claims) if c.predicate is Predicate.SUPPLIES and c.object_text and
                     c.evidence_start is not None and 0 <= v.idx - c.evidence_start < 600), None)
        return (last.subject, recipient, last.object_text) if last is not None else None
    if subj is not None and (subj.lemma_.lower() in SHARE_WORDS or subj.lower_ in ("%", "percent") or
                             subj.like_num):  # "most of its output", "40% of X's output"
        subj = pobj(subj, "of")
    if subj is not None and subj.lower_ in GOODS_PRONOUNS and recipient is not None:
        # "X makes thermal sights. Most of them go to Y": the goods just named, from their maker
        named = goods_referred_back(x, v, subj)
        maker = latest_maker_of(x, subj, v.sent.start_char)
        return (maker, recipient, named[0] if named else None) if maker is not None else None
    if subj is None or recipient is None or subj.pos_ != "NOUN" or x.ment_at(subj, PARTIES) is not None or \
            x.is_anaphor(subj):
        return None
    goods = None
    if subj.lemma_.lower() not in OUTPUT_NOUNS:
        if subj.lemma_.lower() in not_goods() or subj.lemma_.lower() in UNITS or subj.lower_ in _flow_nouns():
            return None  # "the money went to Y"; "70% of its exports go to Y" is a share, a statistic
        if subj.lemma_.lower() in PEOPLE_AND_HONOURS or subj.ent_type_ in ("PERSON", "NORP"):
            return None  # people who go somewhere are no goods ("journalists went to the plant")
        goods = phrase_text(subj, x.text)  # the goods' words, without their owner
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in ("its", "their"):
        supplier = _party(x, owner, sent_i)
    else:
        # "sights from X go to Y": "from" on the goods or on the verb
        supplier = _party(x, pobj(v, "from") or pobj(subj, "from"), sent_i) or x.salient(sent_i)
    return supplier, recipient, goods


OUTPUT_NOUNS = word_set("supply_verbs", "output_nouns")
# people and honours, whose going somewhere is no supply (goods the product vocabulary lacks still go: "its
# modules go to X")
PEOPLE_AND_HONOURS = word_set("supply_verbs", "people_and_honours")


def _receipt(x: Extractor, v: Token, sent_i: int) -> tuple[str | None, str | None, str | None] | None:
    """"Y buys A from X", "we have bought A in China": X supplies Y; "A for Y is bought in China": the goods' user
    is the buyer (or the enterprise the text is about)."""
    by = pobj(v, "by")
    # "Y imported bearings from X" read with "imported" as a modifier of "bearings" that keeps its own subject: the
    # goods are the noun it modifies, and "from X" hangs on them
    goods_head = v.head if v.dep_ == "amod" and child(v, "nsubj") is not None else None
    # (the parser may hang "from X" on the buyer: "bought by Y from X")
    obj = child(v, "dobj")
    source = pobj(v, "from") or (pobj(obj, "from") if obj is not None else None) or pobj(v, "in") or \
        (pobj(by, "from") if by is not None else None) or \
        (next((f for n in (goods_head, *goods_head.children) if (f := pobj(n, "from")) is not None), None)
         if goods_head is not None else None)  # ("bearings worth $3 million from X": "from" on "worth")
    supplier = _party(x, source)
    said = child(v, "nsubjpass")
    if source is None and by is not None and said is not None and said.lower_ in GOODS_PRONOUNS:
        # "X makes the spools. They were bought by Y": the goods just named, bought from their maker
        maker, buyer = latest_maker_of(x, said, v.sent.start_char), _party(x, by, sent_i)
        return (maker, buyer, None) if maker is not None and buyer is not None else None
    if supplier is None or source is None or source.head.lower_ == "in" and x.entities[supplier].type is not E.PLACE:
        return None
    if is_passive(v) and v.dep_ == "acl" and v.head.pos_ == "NOUN" and child(v, "nsubjpass") is None:
        # "Y relies on engines imported from X": the user of the goods the participle is on bought them
        if not is_goods_word(x, v.head):
            return None  # "a licence bought from X": no goods
        return _town_enterprise(x, supplier), _party(x, by, sent_i) if by is not None else \
            _user_of(x, v.head, sent_i), _goods(x, v.head)
    if is_passive(v):
        goods = child(v, "nsubjpass")
        user = pobj(goods, "for") if goods is not None else None
        buyer = _party(x, by, sent_i) if by is not None else \
            _party(x, user, sent_i) if user is not None else x.salient(sent_i)
        return supplier, buyer, _goods(x, goods)
    return supplier, x.subject_of(v, sent_i), _goods(x, child(v, "dobj") or goods_head)


def _said_before(x: Extractor, sent: Span, supplier: str, recipient: str | None) -> list[Claim]:
    """The supplies claims from this sentence with the same supplier (and recipient, if any)."""
    return [c for c in x.claims if c.predicate is Predicate.SUPPLIES and c.evidence_start == sent.start_char and
            c.subject == supplier and (recipient is None or c.object in (None, recipient))]


def _already_said(x: Extractor, sent: Span, supplier: str, recipient: str | None) -> bool:
    """Whether the sentence has said so already; a claim of it that named no recipient is first given this one
    ("X signed a contract with Y to deliver sights": the goods were read first, the party later)."""
    said = _said_before(x, sent, supplier, recipient)
    if recipient is not None:
        _fill_recipient(said, recipient)
    return bool(said)


def _fill_recipient(claims: list[Claim], recipient: str) -> None:
    """Give the claims that named no recipient this one."""
    for c in claims:
        if c.object is None:
            c.object = recipient
