"""Production written without a plain verb of making.

`Extractor.produces_supplies` starts from a product it recognises and climbs to a verb of making. Other
common shapes say what an enterprise makes:

- work on goods, which the gold format records as production with the work named: "repairs and rebuilds armoured
  personnel carriers" -> "repairs and rebuilding of armoured personnel carriers", "overhauls Mi-8 helicopters";
- a specialisation or a product line: "X specialises in periscopes", "X's main product is periscopes", "its
  product range includes periscopes and sights";
- workers at a site: "At X, workers assemble periscopes";
- goods that come or roll off the line at a site;
- an enterprise showing its own goods: "X displayed its new periscope", "X's stand featured the Orlan-30".
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from supplytrace.extract.mentions import vocab
from supplytrace.extract.pipeline import vocab_data, word_set
from supplytrace.extract.supply_verbs import verb_read_before_goods
from supplytrace.extract.syntax import goods_read_as_verb, objects, phrase_text, plain_verb_form, pobj, sent_tokens
from supplytrace.extract.wording import not_goods
from supplytrace.vocab import EntityType, Predicate

if TYPE_CHECKING:
    from supplytrace.extract.claims import Extractor

E = EntityType
MAKERS = (E.ORGANIZATION, E.FACILITY)


@cache
def _words() -> dict[str, Any]:
    c = vocab_data("claims")
    return {"work": c["service_work"], "line": frozenset(c["product_line_nouns"]),
            "line_verbs": frozenset(c["product_line_verbs"]),
            "specialise": frozenset(c["specialising_verbs"]), "exit": frozenset(c["line_exit_verbs"]),
            "workers": frozenset(c["worker_nouns"]), "make": frozenset(c["produces_verbs"]),
            "exhibit": frozenset(c["exhibiting_verbs"]), "display": frozenset(c["display_nouns"])}


def production_phrases(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """Add produces claims for the shapes above."""
    for t in sent_tokens(sent):
        if t.pos_ == "NOUN" and t.tag_ == "NNS" or t.dep_ == "compound" and t.tag_ == "VBZ" or goods_read_as_verb(t):
            _service_work_misread(x, t, sent, sources)
        if t.pos_ == "VERB":
            _service_work(x, t, sent, sent_i, sources)
            _specialisation(x, t, sent, sent_i, sources)
            _workers_at(x, t, sent, sources)
            _off_the_line(x, t, sent, sources)
            _exhibited(x, t, sent, sent_i, sources)
        elif t.pos_ == "NOUN" and t.lower_ in _words()["line"]:
            _product_line(x, t, sent, sent_i, sources)
        if t.pos_ == "NOUN":
            _goods_from_maker(x, t, sent, sources)


ORIGIN_VERBS = word_set("production", "origin_verbs")
TRADING_NOUNS = word_set("production", "trading_nouns")
TRADING_NAME_WORDS = word_set("production", "trading_name_words")


def _goods_from_maker(x: Extractor, noun: Token, sent: Span, sources: list[str]) -> None:
    """"Photodiodes from X", "the bearings come from X": named goods a company sends are of its own make, unless
    the text shows it only trades in them."""
    product = x.ment_at(noun, (E.PRODUCT,), ("product", "name"))
    if product is None:
        return
    verb = noun.head
    src = pobj(noun, "from")
    if src is None and noun.dep_ == "nsubj" and verb.lemma_.lower() in ORIGIN_VERBS:
        src = pobj(verb, "from")
    sender = x.ment_at(src, (E.ORGANIZATION,), ("name",)) if src is not None else None
    if sender is None or _trades_only(x, sender.key):
        return
    x.add(sender.key, Predicate.PRODUCES, sent, sources, x.modality(verb, sent), object_text=product.text)


def _trades_only(x: Extractor, key: str) -> bool:
    """The company's name or a description next to one of its mentions says it trades: "Irtysh Chem Trade", "X, a
    trader in Pavlodar", "the Istanbul exporter X"."""
    if any(w.lower() in TRADING_NAME_WORDS for name in x.entities[key].names for w in name.split()):
        return True
    for m in x.ments_in(0, len(x.text), (E.ORGANIZATION,), ("name",)):
        if m.key != key:
            continue
        after = re.match(r",\s+(?:an?|the)\s+((?:[\w-]+\s+){0,4}?[\w-]+)\b", x.text[m.end:m.end + 80])
        before = re.findall(r"[\w-]+", x.text[max(0, m.start - 40):m.start].lower())[-3:]
        said = (after.group(1).lower().split() if after else []) + before
        if any(w.rstrip("s") in TRADING_NOUNS or w in TRADING_NOUNS for w in said):
            return True
    return False


def goods_phrase(x: Extractor, noun: Token) -> str | None:
    """The goods a noun names with its left modifiers ("Mi-8MTV-5 transport helicopters"); None for a party or a
    pronoun."""
    if noun.pos_ not in ("NOUN", "PROPN") or x.ment_at(noun, (E.ORGANIZATION, E.PLACE, E.PERSON, E.FACILITY)) or \
            noun.lemma_.lower() in not_goods():
        return None  # a party, or "repair its ties with X"
    return phrase_text(noun, x.text)


def _maker(x: Extractor, key: str | None) -> str | None:
    return key if key is not None and x.entities[key].type in MAKERS else None


def _service_work(x: Extractor, verb: Token, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"overhauls Mi-8MTV-5 transport helicopters and Mi-24P gunships": one claim per object; conjoined verbs of
    work on the same objects ("repairs and rebuilds") name the work together, on the first verb."""
    work = _words()["work"]
    lemma = verb.lemma_.lower()
    if lemma not in work or verb.dep_ == "conj" and verb.head.lemma_.lower() in work and not objects(verb.head):
        return  # (the second of "repairs and rebuilds X" is named with the first)
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].lower_ in ("and", "or") and doc[verb.i - 2].pos_ == "NOUN" and \
            doc[verb.i - 2].lemma_.lower() in work:
        return  # "X repairs and rebuilds ...", the first verb misread as a noun: read from the words
    verbs = [verb]
    if not objects(verb):  # "repairs and rebuilds X": work verbs sharing the objects of the last of them
        for v in verb.conjuncts:
            if v.lemma_.lower() in work and v.i > verb.i:
                verbs.append(v)
                if objects(v):
                    break
    worked_on = objects(verbs[-1])
    maker = _maker(x, x.subject_of(verb, sent_i))
    if maker is None:
        return
    nouns = " and ".join(dict.fromkeys(work[v.lemma_.lower()] for v in verbs))
    for ob in worked_on:
        goods = goods_phrase(x, ob) if _is_goods(x, ob) else None
        if goods:
            x.add(maker, Predicate.PRODUCES, sent, sources, x.modality(verb, sent), object_text=f"{nouns} of {goods}")


def _is_goods(x: Extractor, noun: Token) -> bool:
    """Goods or a weapon: a product or weapon named there, or a word of the product vocabulary (not "its
    finances", "the roads")."""
    return _weapon_at(x, noun) is not None or x.ment_at(noun, (E.PRODUCT,), ("product", "name")) is not None or \
        noun.lower_ in vocab().product_heads or noun.lemma_.lower() in vocab().product_heads or \
        noun.lemma_.lower() in vocab().weapon_cues


def _service_work_misread(x: Extractor, word: Token, sent: Span, sources: list[str]) -> None:
    """"The Gomel Aviation Repair Plant overhauls Ka-226 helicopters and Mi-35 gunships", where the small model
    reads "overhauls" as a plural noun after the name: a verb of work written right after an enterprise's name is
    read from the words, the goods running up to the first punctuation, preposition or verb. A verb of making read
    so ("X assembles sights in Y") names the goods alone."""
    work = _words()["work"]
    lemma = word.lemma_.lower()
    # (a sentence left without a verb, or with the goods read as its verb: "X manufactures sights for tanks")
    as_verb = verb_read_before_goods(word)
    making = plain_verb_form(word.lower_) in _words()["make"] and (word.dep_ == "compound" or as_verb) and \
        not any(t.pos_ in ("VERB", "AUX") and t.i not in (word.i, word.head.i) for t in sent_tokens(sent))
    if lemma not in work and not making or not word.lower_.endswith("s") or word.i == sent.start:
        return
    named = x.ment_at(word.doc[word.i - 1], MAKERS, ("name",))
    if named is None or named.end != word.doc[word.i - 1].idx + len(word.doc[word.i - 1].text):
        return
    nouns, i = [work.get(lemma, "")], word.i + 1
    if i + 1 < sent.end and word.doc[i].lower_ == "and" and word.doc[i + 1].lemma_.lower() in work:
        nouns.append(work[word.doc[i + 1].lemma_.lower()])
        i += 2
    phrases, current = [], []
    while i < sent.end:
        t = word.doc[i]
        if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX", "SCONJ") and not t.text[:1].isupper() and \
                not (as_verb and t.i == word.head.i):
            break
        if t.lower_ == "as" or t.lower_ == "well" and t.i + 1 < sent.end and t.nbor().lower_ == "as":
            phrases.append(current)  # "tracked chassis as well as railway cranes": a coordination
            current = []
            i += 1
            continue
        if t.lower_ in ("and", "or"):
            phrases.append(current)
            current = []
        elif t.pos_ != "DET":
            current.append(t)
        i += 1
    phrases.append(current)
    for toks in phrases:
        # (what a verb of making is said to make is goods, a plural noun too, as after a verb the parser read)
        if toks and toks[-1].lemma_.lower() not in not_goods() and \
                (_is_goods(x, toks[-1]) or lemma not in work and toks[-1].tag_ == "NNS"):
            goods = x.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
            x.add(named.key, Predicate.PRODUCES, sent, sources, x.modality(word, sent),
                  object_text=goods if lemma not in work else f"{' and '.join(dict.fromkeys(nouns))} of {goods}")


def _specialisation(x: Extractor, verb: Token, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"X specialises in periscopes and sights", "X focuses on drone engines"."""
    if verb.lemma_.lower() not in _words()["specialise"]:
        return
    maker = _maker(x, x.subject_of(verb, sent_i))
    if maker is None:
        return
    for g in (g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on") for g in c.children
              if g.dep_ == "pobj"):
        _produces_each(x, maker, g, sent, sources, verb)


def _product_line(x: Extractor, noun: Token, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"X's main product is periscopes", "its product range includes A and B": the goods on the other side of
    "be" / "include", made by the possessor ("its": the sentence's or the text's enterprise)."""
    head = noun.head
    if noun.dep_ == "compound":  # "product range", "product line-up"
        noun, head = head, head.head
    if noun.dep_ != "nsubj" or not (head.lemma_ == "be" or head.lemma_.lower() in _words()["line_verbs"]):
        return
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return
    if poss.lower_ in ("its", "their"):
        maker = _maker(x, x.salient(sent_i, org_only=True))
    else:
        m = x.ment_at(poss, MAKERS, ("name", "desc"))
        maker = m.key if m else None
    other = next((c for c in head.children if c.dep_ in ("attr", "dobj")), None)
    if maker is not None and other is not None:
        _produces_each(x, maker, other, sent, sources, head)


def _workers_at(x: Extractor, verb: Token, sent: Span, sources: list[str]) -> None:
    """"At X, workers assemble periscopes": workers making goods at a named site make them for it."""
    if verb.lemma_.lower() not in _words()["make"]:
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _words()["workers"] and subj.lower_ not in _words()["workers"]:
        return
    site = next((m.key for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in") for g in c.children
                 if g.dep_ == "pobj" and (m := x.ment_at(g, MAKERS))), None)
    if site is not None:
        for ob in objects(verb):
            _produces_each(x, site, ob, sent, sources, verb)


def _off_the_line(x: Extractor, verb: Token, sent: Span, sources: list[str]) -> None:
    """"The periscopes come off the line at X", "drones roll off X's assembly line"."""
    if verb.lemma_.lower() not in _words()["exit"]:
        return
    off = next((c for c in verb.children if c.lower_ == "off" and c.dep_ in ("prep", "prt")), None)
    if off is None:
        return
    places = [g for g in verb.subtree if g.dep_ == "pobj" and g.head.lower_ in ("at", "of", "off")] + \
        [c for c in verb.subtree if c.dep_ == "poss"]
    site = next((m.key for g in places if (m := x.ment_at(g, MAKERS))), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if site is not None and subj is not None:
        _produces_each(x, site, subj, sent, sources, verb)


def _exhibited(x: Extractor, verb: Token, sent: Span, sent_i: int, sources: list[str]) -> None:
    """"X displayed its new periscope at the fair", "X unveiled the Orlan-30", "X's stand featured the Orlan-30", "a
    brochure from X listed periscopes": an enterprise showing its own named goods makes them (not a state body
    showing what it captured, nor goods said to be someone else's)."""
    if verb.lemma_.lower() not in _words()["exhibit"]:
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return
    if subj.lemma_.lower() in _words()["display"]:  # "X's stand", "a brochure from X"
        owners = [c for c in subj.children if c.dep_ in ("poss", "compound")] + \
            [g for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children
             if g.dep_ == "pobj"]
        maker = next((m.key for o in owners if (m := x.ment_at(o, (E.ORGANIZATION,)))), None)
    else:
        maker = x.subject_of(verb, sent_i)
    if maker is None or x.entities[maker].type is not E.ORGANIZATION or x._public_body(maker):
        return
    for ob in objects(verb):
        poss = next((c for c in ob.children if c.dep_ == "poss"), None)
        owner = x.ment_at(poss, (E.ORGANIZATION,)) if poss is not None else None
        if poss is not None and poss.lower_ not in ("its", "their") and (owner is None or owner.key != maker):
            continue  # "showed Rostec's new drone": someone else's
        for n in (ob, *ob.conjuncts):
            if _weapon_at(x, n) or x.ment_at(n, (E.PRODUCT,), ("product", "name")):
                _produces_each(x, maker, n, sent, sources, verb)
                break


def _weapon_at(x: Extractor, n: Token):
    """The weapon a noun names, or the model its compound names ("the Orlan-30 drone")."""
    return x.ment_at(n, (E.WEAPON_SYSTEM,), ("name",)) or next(
        (m for c in n.children if c.dep_ == "compound" and (m := x.ment_at(c, (E.WEAPON_SYSTEM,), ("name",)))), None)


def _produces_each(x: Extractor, maker: str, noun: Token, sent: Span, sources: list[str], verb: Token) -> None:
    """A produces claim for each conjoined goods phrase: the weapon or product named there, else its words."""
    for n in (noun, *noun.conjuncts):
        weapon = _weapon_at(x, n)
        if weapon is not None:
            x.add(maker, Predicate.PRODUCES, sent, sources, x.modality(verb, sent), object=weapon.key)
            continue
        product = x.ment_at(n, (E.PRODUCT,), ("product", "name"))
        text = product.text if product is not None else goods_phrase(x, n)
        if text and n.lower_ not in ("it", "them", "they", "this", "that"):
            x.add(maker, Predicate.PRODUCES, sent, sources, x.modality(verb, sent), object_text=text)
