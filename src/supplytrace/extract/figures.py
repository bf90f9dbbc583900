"""Figures in a sentence: statistics, capacities and amounts delivered, and whom each is about.

`numbers` reads every quantity of a sentence (see quantities.py) and decides what it is: an amount delivered
("shipped 300 tonnes of fibre to X"), a capacity ("can make 40 drones a month"), or a plain figure (a
statistic: a share, a workforce, a count) with the entity it is about. The subject of a figure is the hard
part: never a person, nor whoever the figure is attributed to (unless a party speaks of itself), nor a
newspaper it was told to; a place that only qualifies what is counted yields to the verb's subject.

The functions take the claims `Extractor` (claims.py), whose lookups (mentions, references back, sources)
they use, as supply_verbs.py does.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from supplytrace.extract import relations
from supplytrace.extract.dates import DateMention
from supplytrace.extract.mentions import BUSINESS_NOUNS, vocab
from supplytrace.extract.pipeline import vocab_data, word_set
from supplytrace.extract.quantities import Quantity
from supplytrace.extract.supply_verbs import (
    DEAL_NOUNS,
    exporter,
    is_goods_word,
    latest_maker_of,
    noun_roles,
    reporting_country,
)
from supplytrace.extract.syntax import child, clause_of_its_own, definite, hung_pobj, pobj, pobjs, sent_tokens
from supplytrace.extract.wording import BLOCKING, COUNTING_VERBS, ENTERPRISE_REF, GENERIC_REF, cv
from supplytrace.model import Claim
from supplytrace.vocab import EntityType, Modality, Predicate

if TYPE_CHECKING:
    from supplytrace.extract.claims import Extractor

E = EntityType
P = Predicate
ORG_LIKE = (E.ORGANIZATION, E.FACILITY)
MEASURES = word_set("figures", "measures")  # units that measure, not count
WEIGHED_UNITS = MEASURES - {"percent", "times"}  # amounts of goods by weight or length
OWNERS = (E.ORGANIZATION, E.FACILITY, E.WEAPON_SYSTEM, E.PRODUCT)  # what can have a price, an output, a range
ABILITY = (Modality.PLANNED, Modality.POSSIBLE, Modality.CLAIMED)  # what a party can, will or says it does
# delivering verbs with other senses: they deliver only the goods that are their own object
DIRECT_OBJECT_ONLY = word_set("figures", "direct_object_only")
WORKFORCE_NOUNS = word_set("figures", "workforce_nouns")
RATE_WORDS = word_set("figures", "rate_words")
TRACING_VERBS = word_set("figures", "tracing_verbs")
OBSERVING_VERBS = word_set("figures", "observing_verbs")
GROWTH_VERBS = word_set("figures", "growth_verbs")  # "exports rose 38 percent"
FALL_VERBS = word_set("figures", "fall_verbs")  # "shipments fell 85 percent"
GOODS_REFERENCES = word_set("figures", "goods_references")  # general words that refer back to goods just named
WORKFORCE_VERBS = word_set("figures", "workforce_verbs")
VALUING_VERBS = word_set("figures", "valuing_verbs")


def numbers(x: Extractor, sent: Span, sent_i: int, sources: list[str]) -> None:
    """Add a claim for every quantity of the sentence: delivered, capacity or statistic."""
    c = cv()
    for q in x.quantities:
        if not (sent.start_char <= q.start < sent.end_char) or q.head is None:
            continue
        head = x.doc[q.head]
        if relations.is_designator_number(x.doc, q.start, q.unit_end, q.end) or \
                relations.is_incidental_number(x, q):
            continue
        lem_sent = {t.lemma_.lower() for t in sent_tokens(sent)}
        # what governs the number
        gov = head
        trig = None
        # "blocked 120 shipments": goods stopped, not delivered
        blocked = head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in BLOCKING
        if not blocked and head.pos_ == "NOUN" and head.dep_ == "dobj" and head.lemma_.lower() in c.supplies_nouns:
            trig = gov = head  # "made 46 shipments of ... to X"
        # a figure that counts the suppliers, the recipients or kinds of goods is a statistic, not an amount
        counted = blocked or head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in c.count_nouns or
                                                                 head.lower_ in c.count_nouns)
        for _ in range(5 if trig is None and not blocked else 0):
            if gov.head.i == gov.i:
                break
            if gov.dep_ == "nsubjpass" and gov.head.lemma_.lower() in c.delivered_verbs:
                trig = gov.head  # "About 90 chassis were handed over by the plant to the army": goods moved
                break
            # (not the level an amount of goods rose to: "exports to Russia rose to 310 tonnes")
            if gov.dep_ in ("nsubj", "nsubjpass") or gov.dep_ == "pobj" and gov.head.lower_ == "to" and not (
                    gov.head.head.lemma_.lower() in GROWTH_VERBS | FALL_VERBS and q.unit in WEIGHED_UNITS) or \
                    gov.dep_ == "dative":
                counted = True
            if clause_of_its_own(gov):
                break  # (a clause of its own: "can turn out 400 valves a month, and its staff has risen to 210")
            below, gov = gov, gov.head
            lem = gov.lemma_.lower()
            if lem in DIRECT_OBJECT_ONLY and not (below.i == head.i and (head.dep_ == "dobj" or head.dep_ == "conj"
                                                                          and head.head.dep_ == "dobj")
                                                  and _goods_word(x, head)):
                continue  # "returned 18 helicopters to Russia", not "returned an indictment" or "300 votes"
            if gov.pos_ in ("VERB", "NOUN", "ADJ") and (lem in c.delivered_verbs or lem in c.supplies_nouns or
                                                        lem in c.capacity_cues or lem in c.produces_verbs):
                trig = gov
                break
        unit_text = x.text[q.end:q.unit_end].strip() if q.unit_end and q.unit_end > q.end else None
        if unit_text:  # "30 of these engines": the goods, not the partitive's words
            unit_text = re.sub(r"^of\s+(?:these|those|the|its|their|them)\s+", "", unit_text) or None
        moved = goods_sent_between(x, head, sent_i) if trig is None and not blocked and q.unit != "percent" else None
        if moved is not None:  # "the group counted 118 wagons sent from A to B": an amount A delivered to B
            add_delivery(x, moved[0], moved[1], head, q, sent, sources, unit_text)
            continue
        if trig is None and not counted and q.unit != "percent":
            trig = relations.supply_noun_over(head)  # "Chinese exports ... reached 1,300 tonnes"
        hedge = q.hedge
        if q.unit == "times":
            trig, counted = None, True  # "twice as many as in 2024": a comparison, a figure of its own
        recv = relations.receive_roles(head, x, sent_i) if trig is None and not counted and \
            q.unit != "percent" else None
        if recv and recv[0]:  # "Y received 2,000 drones from X": delivered by X to Y
            # (an amount "about" delivered is reported as such: only a figure's hedge makes it an estimate)
            add_delivery(x, recv[0], recv[1], head, q, sent, sources, unit_text)
            continue
        if trig is not None and (trig.lemma_.lower() in c.delivered_verbs or trig.lemma_.lower() in
                                 c.supplies_nouns) and q.unit != "percent" and not counted and \
                not (q.period is not None and x.modality(trig, sent) in ABILITY):
            # ("can deliver 40 seekers a month", "will be able to return 60 a year": a rate it is capable of)
            subject, rec = delivery_roles(x, trig, sent, sent_i)
            subject = exporter(x, subject, trig, sent, sources)  # (not the agency whose figures these are)
            told = shipment_referred_back(x, head, q) if rec is None else None
            if told is not None and subject in (None, told.subject):  # "The consignments came to 900 lenses"
                subject, rec = told.subject, told.object
            add_delivery(x, subject, rec, trig, q, sent, sources, unit_text, told=told is not None)
            continue
        rate = q.period is not None
        cap_cue = trig is not None or bool(lem_sent & RATE_WORDS)
        if (rate and cap_cue or cap_cue and trig is not None and x.modality(trig, sent) in
                (Modality.PLANNED, Modality.POSSIBLE, Modality.CLAIMED)) and q.unit != "percent" and \
                not relations.is_area(unit_text) and not is_workforce(x, head):  # ("to hire 200 more workers")
            # (a hall or line named before is the subject of its own rate: "The line can cast 30 tonnes a day")
            subject = capacity_of(x, head) or (
                (x.unit_subject(trig) or x._subject_for_trigger(trig, sent, sent_i)) if trig is not None else
                verb_subject_enterprise(x, head, sent_i))  # "the company intends to lift output to ..."
            if subject is None:  # "output of the kits could rise to ...": the kits' maker, told before
                subject = output_maker(x, sent)
            if subject is None:  # the first enterprise named, not whoever the figure is attributed to
                descs = [m for m in x.ments_in(sent.start_char, sent.end_char, (E.FACILITY, E.ORGANIZATION))
                         if m.key not in sources and not x._public_body(m.key)]  # (not who was told of it)
                subject = descs[0].key if descs else norp_subject(x, sent) or x.salient(sent_i)
            if subject is None:
                subject = norp_subject(x, sent)
            if subject is None:
                continue
            add_capacity(x, subject, trig, head, q, sent, sources, unit_text)
            continue
        prior = capacity_continued(x, q, unit_text, sent, sent_i) if not staff_size(head) else None
        if prior is not None:  # "... 30 drones a day, and hopes to lift that number to 45 by 2028"
            add_capacity(x, prior.subject, trig, head, q, sent, sources, unit_text, like=prior)
            continue
        told = shipment_referred_back(x, head, q)
        if told is not None:  # "... shipped lenses to Y. The shipments were worth $1.2 million"
            add_delivery(x, told.subject, told.object, head, q, sent, sources, unit_text, told=True)
            continue
        if story_count(head, q) and each_unit(x, head) is None:  # (not "each missile carries two inserts")
            continue
        earlier = figure_compared(x, q, sent)
        if earlier is not None:  # "a third of its orders in 2025, against a tenth in 2021": the same figure
            x.add(earlier.subject, P.STATISTIC, sent, sources, earlier.modality, object_text=earlier.object_text,
                  value=q.value, unit=q.unit, hedge=hedge, **figure_date(x, q, sent))
            continue
        # a plain figure: what it counts, about whom
        rate_of_goods = goods_rate(x, head, q, unit_text)
        subject = figure_subject(x, head, sent, sent_i, sources, q, guess=rate_of_goods)
        if subject is None:
            continue
        if rate_of_goods and x.entities[subject].type in (E.ORGANIZATION, E.FACILITY) \
                and subject in x.industrial:
            # "the workshop should add some 4,000 tonnes of powder a year": an enterprise's rate of goods
            add_capacity(x, subject, trig, head, q, sent, sources, unit_text)
            continue
        subject = enterprise_of_measure(x, head, subject)
        mod = x.modality(head, sent, hedge)
        kw = figure_date(x, q, sent)
        x.add(subject, P.STATISTIC, sent, sources, mod, object_text=figure_description(x, head, q, subject, kw),
              value=q.value, unit=q.unit, hedge=hedge, **kw)
        if q.unit == "percent":
            share_of_sales(x, head, q, sent, sent_i, sources, mod)


# one, two or three of something ("two men", "three emails", "two shops worked shifts") tell the story; they are no
# figure an analyst records (a staff of two still is one)
STORY_COUNT_MAX = 3


COMPARED_WITH = re.compile(r"(?:,|\s)\s*(?:against|versus|compared\s+(?:with|to)|up\s+from|down\s+from)\s+$", re.I)


def figure_compared(x: Extractor, q: Quantity, sent: Span) -> Claim | None:
    """The plain figure of this sentence that a figure in the same unit is set against ("64 percent ..., against
    17 percent in 2020", "$40 million, up from $25 million"): the same measure at another time or place."""
    if not COMPARED_WITH.search(x.text[sent.start_char:q.start]):
        return None
    return next((c for c in reversed(x.claims) if c.predicate is P.STATISTIC and c.evidence_start is not None and
                 sent.start_char <= c.evidence_start < sent.end_char and c.unit == q.unit and c.value != q.value),
                None)


def story_count(head: Token, q: Quantity) -> bool:
    """A count of at most three plain things, with no rate: not a statistic."""
    if not isinstance(q.value, (int, float)) or q.value > STORY_COUNT_MAX or q.period is not None or \
            q.unit in MEASURES or is_money(q.unit):
        return False
    return head.lemma_.lower() not in WORKFORCE_NOUNS


def figure_description(x: Extractor, head: Token, q: Quantity, subject: str, kw: dict) -> str:
    """What a plain figure counts, read out of context: its clause, labelled with its kind where the words say it
    ("workforce: ...", "share: ..." for "N percent of ..."), and with whose and when it is where the clause says so
    only by reference ("the company's revenue last year" -> "(Mianyang Huarui Power Sources, 2024)")."""
    lo, hi = clause_range(head)
    text = x.text[lo:hi].strip()
    if is_workforce(x, head) or staffed_enterprise(x, head) is not None:
        text = f"workforce: {text}"
    elif q.unit == "percent" and _share_of(head):
        text = f"share: {text}"
    elif (kind := figure_kind(x, head, q)) is not None:
        text = f"{kind}: {text}"
    owner = x.entities[subject]
    context = [] if any(n.lower() in text.lower() for n in owner.names) else [owner.name]
    year = str(kw.get("date") or kw.get("date_from") or "")[:4]
    if year and year not in text:
        context.append(year)
    return f"{text} ({', '.join(context)})" if context else text


# a sum of money for one of something: "$760 per board", "about $24,000 an engine", "9 dollars apiece"
PER_UNIT = re.compile(r"\s*(?:(?:a|an|per)\s+(?!year\b|month\b|week\b|day\b|quarter\b)[a-z][a-z\-]*\b|each\b|apiece\b)")


def figure_kind(x: Extractor, head: Token, q: Quantity) -> str | None:
    """The kind of figure its words say, for its description: a price ("$760 per board"), a growth or a fall
    ("exports rose 38 percent", "shipments fell by half"), a value ("the goods were worth $2 million")."""
    verb = clause_verb(head).lemma_.lower()
    if is_money(q.unit) and q.period is None and PER_UNIT.match(x.text, q.unit_end or q.end):
        return "price"
    if q.unit in ("percent", "times") and verb in GROWTH_VERBS:
        return "growth"
    if q.unit in ("percent", "times") and verb in FALL_VERBS:
        return "fall"
    if is_money(q.unit) and (verb in VALUING_VERBS or "worth" in {t.lower_ for t in head.sent}):
        return "value"
    return None


def _share_of(head: Token) -> bool:
    """"41 percent of revenue", "a third of the machines": the figure is a share of something."""
    return pobj(figure_noun(head), "of") is not None


def figure_noun(head: Token) -> Token:
    """"30" of "30 percent", "about" of "about a quarter": the noun the figure's words make up."""
    fig = head
    while fig.dep_ in ("nummod", "quantmod", "advmod") and fig.head.i > fig.i and fig.head.pos_ in ("NOUN", "NUM"):
        fig = fig.head
    return fig


SHARE_TAKING_VERBS = word_set("figures", "share_taking_verbs")
SOLD_MEASURE_NOUNS = word_set("figures", "sold_measure_nouns")


def share_of_sales(x: Extractor, head: Token, q: Quantity, sent: Span, sent_i: int, sources: list[str],
                   mod: Modality) -> None:
    """"Russia took 61 percent of the plant's sales", "customers in Russia accounted for 41 percent of its
    revenue": the buyer that takes a share of what a seller sells is supplied by it."""
    measured, verb = measured_noun(head, q)
    if measured is None or measured.lemma_.lower() not in SOLD_MEASURE_NOUNS and \
            measured.lower_ not in SOLD_MEASURE_NOUNS or verb.lemma_.lower() not in SHARE_TAKING_VERBS:
        return
    taker = child(verb, "nsubj")
    buyer = x.entity_in_phrase(taker, (E.PLACE, E.ORGANIZATION)) if taker is not None else None
    seller = measured_owner(x, measured, verb, sent_i)
    if buyer is not None and seller is not None and buyer != seller and \
            x.entities[seller].type in (E.ORGANIZATION, E.FACILITY, E.PLACE):
        x.add(seller, P.SUPPLIES, sent, sources, mod, object=buyer)


def output_maker(x: Extractor, sent: Span) -> str | None:
    """"Output of the kits could rise to 5,000 a month": an output of goods with no owner written is that of the
    latest maker of those goods."""
    for t in sent_tokens(sent):
        goods = pobj(t, "of") if t.lemma_.lower() in RATE_WORDS and t.pos_ == "NOUN" else None
        if goods is not None and child(t, "poss") is None and goods.pos_ == "NOUN":
            return latest_maker_of(x, goods, sent.start_char)
    return None


def capacity_of(x: Extractor, head: Token) -> str | None:
    """The enterprise or unit that the capacity in the figure's clause is "of": "to raise the yearly capacity of the
    workshop to a million" is the workshop's, whoever plans it."""
    verb = clause_verb(head)
    nouns = [t for t in verb.subtree if t.pos_ == "NOUN" and t.lemma_.lower() in ("capacity", "output") and
             clause_verb(t).i == verb.i]
    for g in (g for n in nouns for g in pobjs(n, ("of",))):
        if (m := x.ment_at(g, ORG_LIKE, ("name", "desc"))) is not None:
            return m.key
        if g.lower_ in relations.UNIT_HEADS and x.is_anaphor(g):  # "of the workshop", named further back
            return x.by_noun(g, x.sent_index(g))
    for n in nouns:  # "Its output is estimated at 30,000 casings a year", "X's capacity ..."
        poss = child(n, "poss")
        if poss is not None and poss.lower_ in ("its", "their"):
            k = relations.whose_own(x, n, x.sent_index(n), measure=True) or x._org_before_word(poss)
            # (not a public body the plan was told to: "informed the regional government that ... its capacity")
            return k if k is not None and x.entities[k].type in ORG_LIKE and not x._public_body(k) and \
                k not in relations.told_parties(x, n.sent) else None
        if poss is not None and (m := x.ment_at(poss, ORG_LIKE, ("name",))) is not None:
            return m.key
    return None


def delivery_roles(x: Extractor, trig: Token, sent: Span, sent_i: int) -> tuple[str | None, str | None]:
    """(sender, recipient) of an amount delivered by a verb or a noun of moving goods: those the noun names
    ("X's shipments to Y"), the agent of a passive ("handed over by X"), the supply the text was just reporting
    when the goods refer back to it ("around 100 of them had been delivered"), else the verb's own roles."""
    if trig.pos_ == "NOUN" and trig.dep_ == "dobj" and relations.takes_delivery(trig.head):
        recv = relations.receive_roles(trig, x, sent_i)  # "Y took delivery of 24 systems from X"
        if recv is not None and recv[0] is not None:
            return recv
    roles = noun_roles(x, trig) if trig.pos_ == "NOUN" else (None, None)
    agent = passive_agent(x, trig)
    goods = child(trig, "nsubjpass") if trig.tag_ == "VBN" else None
    last = relations.recent_supply(x, sent.start_char) if agent is None and goods is not None else None
    if last is not None and not _goods_referred_back(goods, last):
        last = None  # ("5,000 letters were delivered to residents": no goods of the supply before)
    to = _party_to(x, trig, sent_i) if last is not None else None
    if last is not None and to is not None:
        # "X imported 37 lathes. At least 21 of the machines were later delivered to Z": the goods went on, from
        # the one who had received them (or from their supplier, if Z was that recipient)
        return (last.object if last.object != to else last.subject), to
    subject = roles[0] or agent or (last.subject if last else None) or x._subject_for_trigger(trig, sent, sent_i)
    to = _party_to(x, trig, sent_i) if trig.pos_ == "VERB" else None  # (also "to" hung on goods misread as a verb)
    return subject, roles[1] or (to if to != subject else None) or x._recipient(trig, sent, subject) or \
        (last.object if last else None)


def goods_sent_between(x: Extractor, head: Token, sent_i: int) -> tuple[str | None, str | None] | None:
    """"118 wagons sent from A to B", "four loads sent by X to Minsk": goods a participle of moving describes, with
    the sender after "from" or "by" and the recipient after "to" (both named, or no delivery is read)."""
    of = pobj(head, "of")  # ("41 wagons of fibre sent from ...": the participle hung on the goods)
    verb = next((c for n in (head, of) if n is not None for c in n.children if c.dep_ == "acl" and
                 c.tag_ == "VBN" and c.lemma_.lower() in cv().delivered_verbs), None)
    if verb is None and head.dep_ == "dobj" and head.head.lemma_.lower() in TRACING_VERBS:
        verb = head.head  # "the group traced 23,000 tonnes of solvent from A to B"
    if verb is None:
        return None
    origin = pobj(verb, "from")
    sender = x.entity_in_phrase(origin, (E.ORGANIZATION, E.FACILITY, E.PLACE)) if origin is not None else None
    sender = sender or passive_agent(x, verb)
    recipient = _party_to(x, verb, sent_i)
    if sender is None or recipient is None:  # "X buys wire from Y, says Z, which counted 62 wagons of wire
        told = relations.recent_supply(x, head.idx)  # delivered": the supply this sentence has just told
        if told is not None and told.evidence_start is not None and told.evidence_start >= head.sent.start_char and \
                sender in (None, told.subject) and recipient in (None, told.object):
            sender, recipient = told.subject, told.object
    return (sender, recipient) if sender is not None and recipient is not None and sender != recipient else None


def _party_to(x: Extractor, trig: Token, sent_i: int) -> str | None:
    """The organisation or place after "to" on a verb (also when the parser hung "to" elsewhere)."""
    g = hung_pobj(trig, "to")
    return x.entity_in_phrase(g, (E.ORGANIZATION, E.FACILITY, E.PLACE)) if g is not None else None


def add_delivery(x: Extractor, sender: str | None, recipient: str | None, cue: Token, q: Quantity, sent: Span,
                 sources: list[str], unit_text: str | None, told: bool = False) -> None:
    """A delivered claim for the amount, with what it is of, its date and the modality of its cue word; and the
    supply it is part of, when no rule has stated it for this sentence (nor, for shipments `told` before, an
    earlier one)."""
    if recipient is None and q.period is not None and sender is not None and sender in x.industrial:
        # "sends 25 million cells a year" to no one named: the rate of its output, a capacity
        add_capacity(x, sender, cue, x.doc[q.head], q, sent, sources, unit_text)
        return
    supplier = same_sentence_supplier(x, recipient, sent)
    if supplier is not None and (sender is None or sender not in
                                 {m.key for m in x.ments_in(sent.start_char, sent.end_char)}):
        sender = supplier  # "The ministry said re-exports of W to Russia reached $19 million": who supplies them
    goods = relations.measured_goods(x, q, sent) or unit_text
    x.add(sender, P.DELIVERED, sent, sources, x.modality(cue, sent), object=recipient, object_text=goods,
          value=q.value, unit=q.unit, period=q.period, hedge=q.hedge, **figure_date(x, q, sent))
    if sender is not None and recipient is not None and sender != recipient and not told and not any(
            c.predicate is P.SUPPLIES and c.subject == sender and c.object == recipient and
            c.evidence_start == sent.start_char for c in x.claims):
        x.add(sender, P.SUPPLIES, sent, sources, x.modality(cue, sent), object=recipient, object_text=goods)


def same_sentence_supplier(x: Extractor, recipient: str | None, sent: Span) -> str | None:
    """Who the sentence says supplies the recipient, by a rule already applied to it, when the amount's own
    phrase names no sender."""
    if recipient is None:
        return None
    return next((c.subject for c in x.claims if c.predicate is P.SUPPLIES and c.object == recipient and
                 c.evidence_start == sent.start_char and c.subject != recipient), None)


def figure_date(x: Extractor, q: Quantity, sent: Span) -> dict:
    """The date of a figure: the one written right after it ("$18 million in 2022", "25 percent in 2021"), else
    the sentence's first."""
    dates = x._dates_in(sent)
    end = max(q.end, q.unit_end or q.end)
    after = [d for d in dates if 0 <= d.start - end <= 25 and re.fullmatch(r"[\s,]*(?:[a-z\-]+\s+){0,3}",
                                                                            x.text[end:d.start])]
    if not dates:
        return {}
    d = (after or dates)[0]
    if d.prep == "since" and d.value:  # "has sold 800 chassis since 2014": counted from then on
        return {"date_from": d.value}
    return date_kw(d)


def _goods_word(x: Extractor, noun: Token) -> bool:
    """Goods or weapons: what supply_verbs counts as goods, or a weapon noun ("returned 18 helicopters")."""
    return is_goods_word(x, noun) or noun.lower_ in vocab().weapon_cues


def _goods_referred_back(noun: Token, last: Claim) -> bool:
    """The goods of a passive delivery are those of the supply before: referred to ("them", "100 of them", "the
    two types") or named with the same head noun."""
    words = {t.lower_ for t in noun.subtree}
    if noun.like_num and (of := pobj(noun, "of")) is not None:
        noun = of  # "21 of the machines"
    said = (last.object_text or "").lower().split()
    head = noun.lemma_.lower()
    return bool(words & {"them", "these", "those", "type", "types", "kind", "kinds"}) or \
        bool(said) and (said[-1] == noun.lower_ or said[-1].rstrip("s") == head.rstrip("s")) or \
        definite(noun) and head in GOODS_REFERENCES  # ("the machines" after "37 CNC lathes")


def passive_agent(x: Extractor, verb: Token) -> str | None:
    """Who a passive verb names as doing it: "were handed over by the plant" -> the plant."""
    agent = hung_pobj(verb, "by") if verb.tag_ == "VBN" else None
    return x.entity_in_phrase(agent, (*ORG_LIKE, E.PLACE)) if agent is not None else None


def verb_subject_enterprise(x: Extractor, head: Token, sent_i: int) -> str | None:
    """The enterprise that is the subject of the verb a figure hangs on, if it is one."""
    verb = clause_verb(head)
    k = x.subject_of(verb, sent_i) if verb.pos_ in ("VERB", "AUX") else None
    return k if k is not None and x.entities[k].type in (E.ORGANIZATION, E.FACILITY) and \
        k not in getattr(x, "sources", []) else None


def capacity_continued(x: Extractor, q: Quantity, unit_text: str | None, sent: Span, sent_i: int) -> Claim | None:
    """A bare number that goes on with a rate just given ("... 25 missiles a month; it plans to raise that figure
    to 40", "up from about 2,000 today", "we think 25 is closer to the truth"): that rate's capacity claim, when one
    stands in this sentence or the two before it in the paragraph and the numbers are of one order."""
    if q.unit is not None or unit_text or q.value is None:
        return None
    start = max(x._sent_span(max(0, sent_i - 2))[0], x.paras[x.para_of(sent.start_char)])
    prior = next((c for c in reversed(x.claims) if c.predicate is P.CAPACITY and c.evidence_start is not None and
                  start <= c.evidence_start <= sent.start_char and c.value is not None), None)
    if prior is None:
        return None
    now = q.value[0] if isinstance(q.value, list) else q.value
    then = prior.value[0] if isinstance(prior.value, list) else prior.value
    return prior if now > 0 and then > 0 and max(now, then) / min(now, then) <= CONTINUED_RATIO else None


CONTINUED_RATIO = 20  # a number this many times larger or smaller than the rate before measures something else


def add_capacity(x: Extractor, subject: str, trig: Token | None, head: Token, q: Quantity, sent: Span,
                  sources: list[str], unit_text: str | None, like: Claim | None = None) -> None:
    """A capacity claim for the figure: its modality, the date it is to be reached by, what it counts (or, `like` a
    rate it goes on with, that rate's goods, unit and period)."""
    # (from the figure up, through the verbs it hangs on: "... and plans to reach 500 a month", not only the
    # making verb those hang on)
    mod = x.modality(head if trig is None or trig in head.ancestors else trig, sent, None)
    if mod in (Modality.POSSIBLE, Modality.REPORTED) and \
            {t.lemma_.lower() for t in sent_tokens(sent)} & {"estimate", "assess", "reckon", "reckoning"}:
        mod = Modality.ESTIMATED  # "X estimates that the plants could assemble 100 a month", "by our estimate"
    elif mod is Modality.POSSIBLE:  # "can make up to 500 a month": the party's own claim, else a plan
        mod = Modality.CLAIMED if x.own_account(subject, sources) else Modality.PLANNED
    dates = [d for d in x._dates_in(sent) if d.prep == "by"]  # "by 2027", also fronted
    lo, hi = clause_range(head)  # (not another clause's: "makes 200 a month and plans 500 by 2027")
    dates = [d for d in dates if lo <= d.start < hi] or [d for d in dates if not clause_has_verb_between(x, q, d)]
    dates = [d for d in dates if d.start > q.start] or dates
    if NOW_AFTER.match(x.text, q.end):
        dates = []  # "up from about 2,000 today": the rate now, not the one planned for a date
    kw = {"date": dates[0].value} if dates else {}
    if like is not None:
        x.add(subject, P.CAPACITY, sent, sources, mod, object_text=like.object_text, value=q.value, unit=like.unit,
              period=q.period or like.period, hedge=q.hedge, **kw)
        return
    what = relations.measured_goods(x, q, sent) or model_counted(x, head, q, unit_text, sent) or unit_text \
        or relations.counted_thing(x, head, trig)
    made = _goods_made_before(x, subject, sent)
    if what is None or what.lower() in GOODS_BLIND_UNITS:
        what = made[-1] if made else what
    elif " " not in what.strip():  # "350,000 shells a year" after "it makes 155 mm shells": as they were named
        what = next((m for m in reversed(made) if relations.kind_words(what) < relations.kind_words(m)), None) or \
            goods_named_before(x, what, sent) or what
    x.add(subject, P.CAPACITY, sent, sources, mod, object_text=what, value=q.value,
             unit=q.unit, period=q.period, hedge=q.hedge, **kw)


GOODS_BLIND_UNITS = word_set("figures", "goods_blind_units")


def goods_named_before(x: Extractor, word: str, sent: Span) -> str | None:
    """The goods the article last named in full with this word as their kind ("9,000 modules a month" after
    "collimator optical modules"), in this sentence or the two before it; None when it named none there (a kind
    named further back may be another's: "drones" is not every drone a reconnaissance drone)."""
    kind = relations.kind_words(word)
    first = x.start_of_sentence_before(sent[0], 2)
    named = x.ments_in(first, sent.end_char, (E.PRODUCT,), ("name", "product"))
    return next((m.text for m in reversed(named) if kind < relations.kind_words(m.text) and
                 relations.kind_words(m.text.split()[-1]) == kind), None)


def _goods_made_before(x: Extractor, subject: str, sent: Span) -> list[str]:
    """"X is the largest maker of tantalum capacitors; it claims a capacity of 120 million pieces": the goods the
    enterprise was said to make or sell, in this sentence or before it, the latest last."""
    return [c.object_text for c in x.claims if c.predicate in (P.PRODUCES, P.SUPPLIES) and c.subject == subject and
            c.object_text and c.evidence_start is not None and c.evidence_start <= sent.start_char]


NOW_AFTER = re.compile(r"\s+(?:" + "|".join(map(re.escape, vocab_data("dates")["now_words"])) + r")\b", re.I)


def clause_has_verb_between(x: Extractor, q: Quantity, d: DateMention) -> bool:
    """Another verb stands between a figure and a date after it ("200 a month and plans to reach 500 by 2027")."""
    lo, hi = (q.end, d.start) if d.start > q.end else (d.end, q.start)
    span = x.doc.char_span(lo, hi, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" for t in span)


def model_counted(x: Extractor, head: Token, q: Quantity, unit_text: str | None, sent: Span) -> str | None:
    """"three hulls of minesweepers a year" -> "hulls of minesweepers"; "40 vehicles a month" after "the BMP-3"
    -> "BMP-3 vehicles": a bare class noun counts the goods after "of", else the model named last before it
    (in its sentence or the two before)."""
    if not unit_text or unit_text.lower() not in model_class_nouns():
        return None
    noun = head if head.lower_ == unit_text.split()[-1].lower() else None
    of = next((g for c in (noun.children if noun is not None else ()) if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"), None)
    if of is not None:
        return x.text[noun.idx:of.idx + len(of.text)]
    first = x.start_of_sentence_before(sent[0], 2)
    models = x.ments_in(first, q.start, (E.WEAPON_SYSTEM,), ("name",))
    return f"{x.entities[models[-1].key].name} {unit_text}" if models else None


def goods_rate(x: Extractor, head: Token, q: Quantity, unit_text: str | None) -> bool:
    """A figure per month or year of goods ("4,000 tonnes of powder a year", "40 machines monthly"), not of
    money, people, a share or an area."""
    if q.period is None or q.unit == "percent" or q.unit in money_units() or relations.is_area(unit_text):
        return False
    return not is_workforce(x, head) and head.lemma_.lower() not in cv().count_nouns


def figure_subject(x: Extractor, head: Token, sent: Span, sent_i: int, sources: list[str], q: Quantity,
                   guess: bool = False) -> str | None:
    """What a plain figure is about; never a person nor whoever the claim is attributed to. With `guess`, the
    subject of the figure before it or the entity in focus when the sentence names none."""
    para = x.para_of(sent.start_char)
    other_subject = cache(lambda: figure_has_other_subject(x, head))
    measured, measured_verb = measured_noun(head, q)  # (read once: the "itself" test below uses it too)
    finders = (lambda: owner_of_multiplied(x, head, q, sent_i),
               lambda: each_unit(x, head),
               # ("Kazakhstan's imports of bar from Germany rose sevenfold": the owner written on what is measured)
               lambda: measured_owner(x, measured, measured_verb, sent_i)
               if measured is not None and child(measured, "poss") is not None else None,
               lambda: seller_of_share(x, measured, measured_verb, q, sent_i),
               # "customers in Russia took 41 percent of revenue": the revenue is the enterprise's in focus
               lambda: x.salient(sent_i, org_only=True) if measured is not None and
               measured.dep_ not in ("nsubj", "nsubjpass") and _owners_measure(measured) else None,
               lambda: seller_in_focus(x, measured, sent_i),
               lambda: relations.clause_subject(x, head, sent_i, sources)
               if q.unit in ("percent", "times") or relations.made_or_sent(head) else None,
               lambda: employer(x, head, sent_i),
               lambda: staffed_enterprise(x, head),
               lambda: speakers_employer(x, head, sent_i),
               lambda: relations.described_thing(x, head),
               lambda: measured_owner(x, measured, measured_verb, sent_i),
               lambda: deal_party(x, head, q),
               lambda: deal_referred_back(x, head),
               lambda: phrase_entity(x, head, sent_i),
               lambda: named_clause_subject(x, head),
               lambda: norp_subject(x, sent, head),
               lambda: x.subject_of(relations.content_root(sent), sent_i),
               lambda: norp_subject(x, sent, clause_of=head),
               lambda: x.salient(sent_i, org_only=True) if (subj := child(clause_verb(head), "nsubj")) is not None
               and _owners_measure(subj) else None,  # "Revenue rose 28 percent": an enterprise's, not its hall's
               # a guess from what came before, made only for a rate of goods, which is some enterprise's output:
               # a plain figure with no owner in its sentence is more often someone else's than the last one's
               lambda: None if not guess or other_subject() else
               (x.last_stat[0] if x.last_stat and x.last_stat[1] == para else None),
               lambda: None if not guess or other_subject() else x.salient(sent_i))
    speakers = voices(x) | relations.told_parties(x, sent)
    verb = clause_verb(head)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "conj":  # (a subject shared with the verb before: "it made 900 and employs 60")
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # a source speaking of itself: "KBP told a trade show that it will double output", "KAMAZ delivered twice as
    # many, its chief executive said"
    if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        itself = x.subject_of(verb, sent_i)  # "KAMAZ said. The company, which employs about 36,000 people, ..."
    elif subj is not None and subj.pos_ == "PRON":
        itself = relations.reporter_of(subj, x)
    elif subj is not None and x.is_anaphor(subj) and not relations.attribution_verb(verb) and \
            verb.lemma_.lower() not in COUNTING_VERBS:  # (not "the institute counted 52 components")
        itself = x.subject_of(verb, sent_i)  # "The firm employs 46 people, according to its website"
    else:
        named = x.ment_at(subj, (E.ORGANIZATION, E.FACILITY), ("name",)) \
            if subj is not None and not relations.attribution_verb(verb) else None
        itself = named.key if named is not None else None
    if itself is None and measured is not None and (poss := child(measured, "poss")) is not None and \
            poss.lower_ in ("its", "their"):
        itself = relations.whose_own(x, measured, sent_i, measure=True)  # "X said 70 percent of its orders ..."
    exports = next((n for n in (measured, subj) if n is not None and n.lemma_.lower() == "export"), None)
    if exports is not None and not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in exports.children):
        # "Chinese customs data show exports of A to Russia rose to 3,800 tonnes": the reporting country's exports
        k = reporting_country(x, sent, sources)
        if k is not None:
            x.last_stat = (k, para)
            return k
    for find in finders:
        k = find()
        # (a country may be both: "Russia's trade with X reached ..., according to Russia's customs service")
        if k is not None and (k not in sources and k not in speakers or k == itself or
                              x.entities[k].type is E.PLACE and k in sources) and \
                x.entities[k].type is not E.PERSON:
            x.last_stat = (k, para)
            return k
    return None


def owner_of_multiplied(x: Extractor, head: Token, q: Quantity, sent_i: int) -> str | None:
    """"The shop could double the plant's output", "a second line, expected to double its output": what a verb
    of multiplying doubles is its object's owner's; a new line or shop that does it stands for its enterprise."""
    obj = child(head, "dobj") if q.unit == "times" and head.pos_ == "VERB" else None
    poss = child(obj, "poss") if obj is not None else None
    if poss is None:
        return None
    if poss.lower_ in ("its", "their"):
        k = x.subject_of(head, sent_i)  # (the verb's own subject; none for "a step she says will double its output")
    elif x.is_anaphor(poss):
        k = x.by_noun(poss, sent_i)  # "the plant's output"
    else:
        m = x.ment_at(poss, OWNERS, ("name",))
        k = m.key if m is not None else None
    if k is not None and x.entities[k].type is E.FACILITY:
        k = x.owner_org(k) or k
    return k if k is not None and x.entities[k].type in OWNERS else None


def seller_of_share(x: Extractor, measured: Token | None, verb: Token, q: Quantity, sent_i: int) -> str | None:
    """"army contracts were half of the works' output", "Asian buyers take 5 percent of its sales": a share of an
    enterprise's sales or output is that enterprise's figure, whoever takes the share."""
    if q.unit != "percent" or measured is None or child(measured, "poss") is None or \
            measured.lemma_.lower() not in SOLD_MEASURE_NOUNS and measured.lower_ not in SOLD_MEASURE_NOUNS:
        return None
    k = measured_owner(x, measured, verb, sent_i)
    return k if k is not None and x.entities[k].type in (E.ORGANIZATION, E.FACILITY) else None


def measured_noun(head: Token, q: Quantity) -> tuple[Token | None, Token]:
    """What a figure measures, and the verb of its clause: "60 percent of Volna's sales" -> sales; "the price of
    one Ravon-3 is 600,000 dollars" -> price (the clause's subject, when the figure is a measure and counts nothing
    of its own: not "99 firms supply parts to 255 manufacturers")."""
    fig = figure_noun(head)
    verb = clause_verb(fig)
    measured = pobj(fig, "of")
    if measured is None and fig.dep_ == "pobj" and fig.head.lower_ == "at" and fig.head.head.i == verb.i and \
            verb.lemma_.lower() in VALUING_VERBS:
        measured = child(verb, "dobj")  # "analysts put the cost of the hall at 11.2 billion roubles": the cost
    if measured is None and fig.lemma_.lower() in BUSINESS_NOUNS and child(fig, "poss") is not None:
        measured = fig  # "the company's 2.9 billion yuan revenue": the figure is its owner's
    subj = child(verb, "nsubj", "nsubjpass") if verb.pos_ in ("VERB", "AUX") else None
    level = verb.lemma_.lower() in level_verbs() and (fig.dep_ in ("dobj", "attr") or fig.dep_ == "pobj" and
                                                         fig.head.head.i == verb.i and fig.head.lower_ in ("at", "to"))
    if measured is None and subj is not None and subj.i != fig.i and fig not in subj.subtree and \
            (level or head.like_num or q.unit in MEASURES or is_money(q.unit)):
        measured = subj
    return measured, verb


def measured_owner(x: Extractor, measured: Token | None, verb: Token, sent_i: int) -> str | None:
    """Whose the measured thing is, when an enterprise or a model has it: "60 percent of Volna's sales", "a
    quarter of the needs of X", "the price of one Ravon-3 is ...", "output of sights at X peaked at 700", "At X,
    wages rose by 30 percent"; or the model that is the clause's subject ("Kestrel sights were seen on 450
    tanks"). A place that has it is left to the other readings ("70% of Russia's imports"). `measured` and `verb`
    are what measured_noun read."""
    if measured is None:
        return None
    poss = child(measured, "poss")
    if poss is not None and poss.lower_ in ("its", "their"):
        k = relations.whose_own(x, measured, sent_i, measure=True)
        return k if k is not None and x.entities[k].type in OWNERS else None
    if poss is not None and measured.dep_ in ("nsubj", "nsubjpass") and \
            (m := x.ment_at(poss, (E.PLACE,), ("name",))) is not None:
        return m.key  # "Kazakhstan's exports of microchips to Russia rose fivefold": what rose is Kazakhstan's
    of = pobjs(measured, ("of",))
    # "output of sights at X": the enterprise after "at" or "by", also when it hangs on the goods
    for g in ([poss] if poss is not None else []) + [g for n in (measured, *of) for g in pobjs(n, ("at", "by"))]:
        if (m := x.ment_at(g, ORG_LIKE, ("name", "desc"))) is not None:
            return m.key
        if x.is_anaphor(g) and (k := x.referred_site(g, sent_i)):
            return k  # "the plant's output"
    for g in of:
        if (m := x.ment_at(g, OWNERS, ("name",)) or x.ment_at(g, ORG_LIKE, ("desc",))) is not None:
            return m.key  # (also a unit referred back to: "the cost of the hall")
    phrase = {t.i for t in measured.subtree}  # (its own words: not a description in apposition or a clause on it)
    own_words = [t for t in measured.subtree if not any(a.dep_ in ("appos", "relcl", "acl") and a.i != measured.i
                                                         for a in [t, *t.ancestors] if a.i in phrase)]
    if measured.dep_ in ("nsubj", "nsubjpass") and (m := next((m for t in own_words if (m := x.ment_at(t, ORG_LIKE,
                                                                                                   ("name",)))), None)):
        return m.key  # "The X plant, the main producer of TOS-1A systems, has tripled ...": the plant's own
    if measured.dep_ in ("nsubj", "nsubjpass") and \
            (m := next((m for t in own_words if (m := x.ment_at(t, (E.WEAPON_SYSTEM, E.PRODUCT)))), None)):
        return m.key
    if measured.pos_ == "NOUN":  # "At X, wages rose by 30 percent"
        at = next((m for g in pobjs(verb, ("at",)) if (m := x.ment_at(g, ORG_LIKE, ("name",)))), None)
        return at.key if at is not None else None
    return None


def deal_party(x: Extractor, head: Token, q: Quantity) -> str | None:
    """The party a price is paid to, named in the clause: "The winner was X, at 182,000 roubles", "the tender was
    won by X for ...", "the contract went to X for 96,000 dollars"."""
    if not is_money(q.unit) or head.dep_ != "pobj" or \
            head.head.lower_ not in ("for", "at"):
        return None
    verb = clause_verb(head.head)
    for g in [child(verb, "attr"), pobj(verb, "by"), pobj(verb, "to")]:
        if g is not None and (m := x.ment_at(g, ORG_LIKE, ("name",))) is not None:
            return m.key
    return None


def shipment_referred_back(x: Extractor, head: Token, q: Quantity) -> Claim | None:
    """"X sent lenses to Y. The consignments came to 900 lenses", "The goods were worth $2 million": an amount of
    the shipments or goods just told (the clause's subject, written with "the" or "these") is delivered along the
    supply the text was just talking about."""
    if q.unit in ("percent", "times") or q.unit in MEASURES and q.unit != "tons" or q.period is not None:
        return None
    verb = clause_verb(head)
    subj = child(verb, "nsubj", "nsubjpass") or (child(verb.head, "nsubj", "nsubjpass") if verb.dep_ == "conj"
                                                  else None)  # ("came to 900 lenses and were valued at ...")
    if subj is None or subj.i == head.i or head in subj.subtree or \
            not definite(subj) or \
            subj.lemma_.lower() not in SHIPMENT_WORDS and x.ment_at(subj, (E.PRODUCT,), ("product", "name")) is None:
        return None
    if PRICE_EACH.match(x.text, q.unit_end or q.end):
        return None  # "roughly $9 a piece": a price, not the shipments' worth
    last = relations.recent_supply(x, head.sent.start_char)  # (told before this sentence)
    return last if last is not None and last.subject != last.object else None


PRICE_EACH = re.compile(r"\s*(?:(?:a|per)\s+(?:piece|unit|item)\b|each\b|apiece\b)")


# nouns that refer back to goods on the move: "the shipments", "the goods", "the consignments"
SHIPMENT_WORDS = word_set("figures", "shipment_words")


def deal_referred_back(x: Extractor, head: Token) -> str | None:
    """"X builds chassis for Y. The contract is worth $45 million": a deal the clause refers back to is the one the
    text was just talking about, and its figure the supplier's."""
    subj = child(clause_verb(head), "nsubj", "nsubjpass")
    if subj is None or subj.lemma_.lower() not in DEAL_NOUNS or \
            not any(c.lower_ in ("the", "this", "that") for c in subj.children):
        return None
    last = relations.recent_supply(x, head.idx)
    return last.subject if last is not None else None


def phrase_entity(x: Extractor, head: Token, sent_i: int) -> str | None:
    """The entity the figure's own phrase names ("Kh-101 output", "Russia's imports"); a place it names only
    after a preposition ("3,300 individuals in Russia") yields to a name that is the verb's subject ("Canada
    has sanctioned ...") or to the enterprise a subject like "the Brest plant" refers to."""
    types = (E.PLACE, E.ORGANIZATION, E.FACILITY, E.WEAPON_SYSTEM)
    currency = head.text in currency_words() or head.lower_ in currency_words()
    if currency and not any(x.ment_at(t, types) for t in head.subtree if t.ent_type_ != "NORP"):
        return None  # "182,000 Belarusian roubles": the currency's nationality is nobody's figure
    k = x.entity_in_phrase(head, types)
    if k is not None and x.entities[k].type is E.WEAPON_SYSTEM:
        return user_of_counted_model(x, head, sent_i) or k
    if k is None or x.entities[k].type is not E.PLACE:
        return k
    preps = [t for t in head.subtree if t.dep_ == "prep" and t.head.i == head.i]
    if not any(x.ment_at(t, (E.PLACE,)) for p in preps for t in p.subtree):
        return k
    verb = clause_verb(head)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return k
    towns = [m.key for c in subj.children if c.dep_ == "compound" and (m := x.ment_at(c, (E.PLACE,)))]
    if subj.lower_ in GENERIC_REF and towns and x.ment_at(subj, (E.PLACE,)) is None:
        return x.enterprise_in(towns[0]) or x.by_noun(subj, sent_i) or k  # "the Brest plant"
    return x.entity_in_phrase(subj, (E.PLACE, E.ORGANIZATION, E.FACILITY)) or k


def user_of_counted_model(x: Extractor, head: Token, sent_i: int) -> str | None:
    """"Russia launched about 900 Geran-3s", "the plant turned out 40 Forpost-R airframes": a count of a weapon
    model that the verb's subject acts on is that subject's figure, when the subject is a country, an organisation
    or a plant; not when the subject only counted or saw them ("the group counted 14 Krasukha-4 stations")."""
    verb = clause_verb(head)
    if head.dep_ != "dobj" or head.head.i != verb.i or verb.pos_ != "VERB" or \
            verb.lemma_.lower() in TRACING_VERBS | OBSERVING_VERBS:
        return None
    subj = child(verb, "nsubj")
    if subj is None:
        return None
    if x.is_anaphor(subj):
        return x.by_noun(subj, sent_i)  # "the plant"
    return x.entity_in_phrase(subj, (E.PLACE, E.ORGANIZATION, E.FACILITY))


def voices(x: Extractor) -> set[str]:
    """Who speaks in the article but is no subject of its facts: the outlet, an interviewee's institute ("We
    put it at 1,500 a year"), and whoever has only been cited so far — figures are not about them."""
    # (where a source is based or whose it is says nothing of what the article's figures are about)
    subjects = x.subjects(skip=(P.LOCATED_IN, P.PART_OF))
    cited = x.cited_only(subjects)
    return cited | {k for k in (x.outlet, x.interviewee_org) if k and k not in subjects}


def employer(x: Extractor, head: Token, sent_i: int) -> str | None:
    """"The company, which employs about 36,000 people in X", "we hired 700 people": a workforce figure is about
    whoever employs or hires, not the town where they work."""
    if not is_workforce(x, head):
        return None
    verb = clause_verb(head)
    if verb.lemma_.lower() == "work":  # "at the plant today work about 1,600 people": where they work
        at = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "for")
                   for g in c.children if g.dep_ == "pobj"), None)
        if at is None:
            return None
        k = x.referred_site(at, sent_i) if x.is_anaphor(at) else \
            x.entity_in_phrase(at, (E.ORGANIZATION, E.FACILITY))
    else:
        k = x.subject_of(verb, sent_i)
    return k if k is not None and x.entities[k].type in (E.ORGANIZATION, E.FACILITY) else None


def staffed_enterprise(x: Extractor, head: Token) -> str | None:
    """"X, a Bratislava company with six employees", "X, a firm of about 140 people": the staff of the enterprise
    the noun before "with" (or "of", after a word for a company) describes or names."""
    if head.lemma_.lower() not in WORKFORCE_NOUNS or head.dep_ != "pobj" or head.head.lower_ not in ("with", "of"):
        return None
    noun = head.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or head.head.lower_ == "of" and noun.lemma_.lower() not in ENTERPRISE_REF:
        return None
    m = x.ment_at(noun, (E.ORGANIZATION, E.FACILITY))
    return m.key if m is not None else relations.appos_owner(noun, x)


def speakers_employer(x: Extractor, head: Token, sent_i: int) -> str | None:
    """"Its director, Ivan Petrov, said that exports had doubled": a figure in what a person with a job at one
    enterprise says, with no organisation named in its clause, is about that enterprise."""
    verb = clause_verb(head)
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or not relations.attribution_verb(verb.head):
        return None
    lo, hi = clause_range(head)
    if x.ments_in(lo, hi, (E.ORGANIZATION, E.FACILITY)) or any(
            lo <= t.idx < hi and t.pos_ in ("NOUN", "PRON") and (x.is_anaphor(t) or t.lower_ in ("it", "its", "they",
                                                                                             "their"))
            for t in verb.subtree):
        return None  # (an enterprise of its own: "said the plant would double its output")
    speaker = next((x.entity_in_phrase(c, (E.PERSON,)) for c in verb.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or x.entities[speaker].type is not E.PERSON:
        return None
    return x.employer_of(speaker)


def is_workforce(x: Extractor, head: Token) -> bool:
    """"employs 1,700 people", "hired 240 workers": a count of an enterprise's staff."""
    return head.lemma_.lower() in WORKFORCE_NOUNS and clause_verb(head).lemma_.lower() in WORKFORCE_VERBS or \
        staff_size(head)


STAFF_TOTALS = word_set("figures", "staff_totals")


def staff_size(head: Token) -> bool:
    """"its staff has grown from 85 to 320", "the workforce stands at 900", "a staff of 1,150": a bare number that
    gives the size of a whole staff."""
    if head.pos_ != "NUM":
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in STAFF_TOTALS:
        return True
    verb = clause_verb(head)
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.lemma_.lower() in STAFF_TOTALS
                                                for c in verb.children)


def clause_verb(head: Token) -> Token:
    """The verb a figure's noun hangs on (up to five steps up), else the highest word reached."""
    v = head
    for _ in range(5):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    return v


def named_clause_subject(x: Extractor, head: Token) -> str | None:
    """The organisation named as the subject of the figure's own verb ("X handled 37 consignments")."""
    v = clause_verb(head)
    if v.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None and v.i > 0:  # a broken parse: the name written right before the verb
        subj = x.doc[v.i - 1]
    m = x.ment_at(subj, (E.ORGANIZATION, E.FACILITY), ("name",)) if subj is not None else None
    return m.key if m else None


def figure_has_other_subject(x: Extractor, head: Token) -> bool:
    """The figure's clause has a subject of its own that names no entity ("air defences shot down 12
    drones"): the figure is about that, not about whoever was discussed before; but a business's own measure
    with no owner named ("Revenue rose 28 percent") is the enterprise's in focus."""
    v = clause_verb(head)
    subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and subj[0].i != head.i and subj[0].pos_ in ("NOUN", "PROPN") and \
        not x.is_anaphor(subj[0]) and x.entity_in_phrase(subj[0]) is None and not _owners_measure(subj[0])


ENTERPRISE_MEASURES = word_set("figures", "enterprise_measures")


def enterprise_of_measure(x: Extractor, head: Token, subject: str) -> str:
    """"A casting line, which would lift output by a third", "pay in the paint shop went up by half": a line or shop
    found as the subject of a figure of output, sales, wages or staff stands for the enterprise it is part of,
    whose measure that is."""
    if x.entities[subject].type is not E.FACILITY:
        return subject
    doer = child(clause_verb(head), "nsubj")
    if doer is not None and doer.pos_ == "NOUN" and (x.ment_at(doer, (E.FACILITY,)) is not None or
                                                     doer.lemma_.lower() in vocab().facility_cues):
        return subject  # (the shop's own staff: "the new workshop has created 350 jobs", "the shop employs 120")
    lo, hi = clause_range(head)
    words = {t.lemma_.lower() for t in head.doc.char_span(lo, hi, alignment_mode="expand") or ()}
    owner = x.owner_org(subject)
    return owner if owner is not None and (words & ENTERPRISE_MEASURES or is_workforce(x, head)) else subject


def each_unit(x: Extractor, head: Token) -> str | None:
    """"Each Ovod drone carries 12 cells", "every vehicle takes 96 tiles": a count of goods in each unit of a
    weapon or product is that weapon's figure (a weapon noun alone stands for the weapon named last before it)."""
    verb = clause_verb(head)
    subj = child(verb, "nsubj")
    if subj is None or head in subj.subtree or \
            not any(c.dep_ == "det" and c.lower_ in ("each", "every") for c in subj.children):
        return None
    k = x.entity_in_phrase(subj, (E.WEAPON_SYSTEM, E.PRODUCT))
    if k is None and subj.lemma_.lower() in vocab().weapon_cues:
        named = x.ments_in(max(0, subj.idx - 600), subj.idx, (E.WEAPON_SYSTEM,), ("name",))
        k = named[-1].key if named else None
    return k


def seller_in_focus(x: Extractor, measured: Token | None, sent_i: int) -> str | None:
    """"Orders from Russia grew by 40 percent", "sales to Russia doubled": orders or sales with the party after
    "from" or "to" and no owner written on them are the enterprise's in focus, not that party's."""
    if measured is None or measured.lemma_.lower() not in ("order", "sale"):
        return None
    owned = any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.ent_type_ != "DATE" for c in measured.children)
    if owned or not any(c.dep_ == "prep" and c.lower_ in ("from", "to") for c in measured.children):
        return None  # ("this year orders": a date is no owner)
    return x.salient(sent_i, org_only=True)


def _owners_measure(noun: Token) -> bool:
    """"Revenue", "Turnover", "Profit" with no owner written: what only an enterprise has."""
    return noun.lemma_.lower() in BUSINESS_NOUNS and not any(c.dep_ in ("poss", "prep") for c in noun.children)


def norp_subject(x: Extractor, sent: Span, near: Token | None = None, clause_of: Token | None = None) -> str | None:
    """The place a nationality in the figure's phrase (or sentence, or the clause of the figure `clause_of`) names:
    "500 Belarusian companies"; not the nationality of a currency ("182,000 Belarusian roubles")."""
    toks = list(near.subtree) if near is not None else list(sent)
    if clause_of is not None:
        verb = clause_verb(clause_of)
        toks = [t for t in toks if in_own_clause(t, verb)]
    for t in toks:
        k = x.norp_place(t) if t.ent_type_ == "NORP" and t.head.text not in currency_words() and \
            t.head.lower_ not in currency_words() else None
        if k:
            return k
    return None


def in_own_clause(tok: Token, verb: Token) -> bool:
    """Whether `tok` belongs to the clause of `verb` itself, not to a clause set inside it or beside it: not "as
    rates hit Russian firms", "goods that end up in Russian weapons", "what Chinese makers charge", nor "X, spelled
    so in the Russian edition, said that ..."; a participle on the clause's subject is still its own ("cargo passing
    through Azerbaijani ports grew by 40 per cent")."""
    t = tok
    while t.i != verb.i:
        if t.head.i == t.i:
            return False  # (the root reached without passing the verb: the word is above or beside its clause)
        if t.dep_ in NESTED_CLAUSES and not (t.dep_ == "acl" and t.head.dep_ in ("nsubj", "nsubjpass") and
                                             t.head.head.i == verb.i):
            return False
        t = t.head
    return True


# the dependencies that open a clause of its own inside another
NESTED_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "pcomp", "acl", "appos", "parataxis"})


def clause_range(tok: Token) -> tuple[int, int]:
    """Character range of the clause a counted noun sits in (what the figure is about)."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    sub = list(t.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def date_kw(d: DateMention) -> dict:
    """A claim's date fields from a date mention: its value, else the span it gives."""
    if d.value:
        return {"date": d.value}
    out = {}
    if d.date_from:
        out["date_from"] = d.date_from
    if d.date_to:
        out["date_to"] = d.date_to
    return out


@cache
def model_class_nouns() -> frozenset[str]:
    return frozenset(vocab_data("products")["model_class_nouns"])


@cache
def level_verbs() -> frozenset[str]:
    return frozenset(vocab_data("claims")["level_verbs"])


@cache
def currency_words() -> frozenset[str]:
    return frozenset(vocab_data("quantities")["currencies"])


@cache
def money_units() -> frozenset[str]:
    return frozenset(vocab_data("quantities")["currencies"].values())


def is_money(unit: str | None) -> bool:
    """A currency, by its code ("USD") or as written ("$", "roubles")."""
    return unit in money_units() or unit in currency_words()
