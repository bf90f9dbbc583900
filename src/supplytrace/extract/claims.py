"""Claims from the dependency parse and trigger vocabularies (extract/data/claims.json).

Per sentence: attribution (who says so), then claims whose triggers govern typed mentions:
produces / supplies (a product reached from a trigger verb or noun), used_in (a weapon named
with a supplier's product), located_in / part_of (short connecting phrases between mentions),
capacity / delivered / statistic (quantities), milestone (event words next to dates).
Each claim carries modality, attribution and the sentence as evidence with offsets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from supplytrace.extract import figures, production, relations
from supplytrace.extract.coref import norm as norm_name
from supplytrace.extract.dates import DateMention, date_by_tense, find_dates
from supplytrace.extract.figures import date_kw
from supplytrace.extract.gazetteer import country_of_capital, is_city, is_country
from supplytrace.extract.mentions import Cand, demonym_country, headline_lines, nationality_words, vocab
from supplytrace.extract.pipeline import dateline, vocab_data, word_set
from supplytrace.extract.quantities import Quantity, find_quantities
from supplytrace.extract.supply_verbs import RELYING_VERBS, deal_of, exporter, noun_roles
from supplytrace.extract.syntax import (
    aside_participle,
    child,
    clause_of_its_own,
    definite,
    goods_read_as_verb,
    pobj,
    pobjs,
    sent_tokens,
    span_text,
    tokens,
)
from supplytrace.extract.wording import (  # noqa: F401 (re-exported)
    COUNTING_VERBS,
    CV,
    ENTERPRISE_REF,
    FOUND_IN_VERBS,
    GENERIC_REF,
    ORG_REF,
    SALVAGE_VERBS,
    cv,
    found_goods,
    particle_missing,
    person_jobs,
    surfacing,
    trade_verb_read_as_noun,
)
from supplytrace.model import Claim, DocEntity
from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate

E = EntityType
P = Predicate
ANAPHORA = {"it", "its", "there", "they", "this", "which", "that"}
CARRY_PARAGRAPHS = 1  # paragraphs after a sourced one that inherit its source
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
NAME_TYPES = (E.ORGANIZATION, E.FACILITY, E.PLACE, E.PERSON, E.WEAPON_SYSTEM)


# between a firm and its place: "in", "near", "at", after an acronym or spelling in brackets ("(TPZ) in"), with
# "the town of", "the Dagestani town of" before the place
# what comes between "in" and a place's name: "the neighbouring", "the city of", "the western Belarusian city of"
PLACE_LEAD = (r"(?:(?:the\s+)?(?:neighbou?ring\s+|occupied\s+)?(?:[A-Z][a-z]+\s+)?"
              r"(?:(?:city|town|village|port|region|province)\s+of\s+)?"
              # "in the western Belarusian city of Brest", "in the Black Sea port town of Poti"
              r"|(?:the\s+)?(?:[A-Za-z\-]+\s+){1,4}(?:city|town|village|port|region|province|settlement)\s+of\s+)")
SITE_GAP = re.compile(r"[’'\"»”]?\s*(?:\([^()\n]{1,60}\)\s*)?,?\s*(?:[a-z\-]+\s+){0,2}(?:in|near|outside|at)\s+"
                      + PLACE_LEAD)
# "X (XY), a small firm set up in 2021 in the lakeside town of Y"
FOUNDED_GAP = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?,\s*(?:a|an)\s+(?:[a-z\-]+\s+){1,2}"
                         r"(?:founded|established|set\s+up|registered|incorporated)\s+"
                         r"(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?in\s+" + PLACE_LEAD)
OF_GAP = re.compile(r"\s+of\s+")  # "Steppe Instrument LLP of Almaty", "UEC-Klimov of St Petersburg"
# "X, a distributor incorporated in Y", "X, with a warehouse in Y"
# (a cue noun may follow the name: "the Ural plant, based in Miass")
SEAT_GAP = re.compile(r"(?:\s+[a-z]+)?,?\s*(?:(?:a|an)\s+(?:[a-z\-]+\s+){1,2})?"
                      r"(?:(?:incorporated|registered|headquartered|based|located|domiciled)\s+in|(?:working|operating)\s+(?:from|out\s+of)|based\s+out\s+of)\s+"
                      r"(?:the\s+)?"
                      r"|,?\s*with\s+(?:a|an|its)\s+(?:[a-z\-]+\s+){0,2}(?:warehouse|office|plant|factory|site|"
                      r"branch|depot|headquarters)\s+in\s+(?:the\s+)?")
# "X, a mid-sized producer in the ...", "X, which is based in the ..."
APPOS_IN_GAP = re.compile(r",\s+(?:a|an)\s+(?:[a-z\-]+\s+){1,3}(?:in|at|inside)\s+(?:the\s+)?|"
                          r",?\s+which\s+is\s+(?:based|located|registered)\s+in\s+(?:the\s+)?")
SITE_NOUNS = word_set("name_types", "site_nouns_after_place")
APPOS_GAP = re.compile(r",\s+(?:a|an)\s+(?:[a-z\-]+\s+)?")  # "X, an Istanbul wholesaler" / "a small Minsk firm"
WHERE_GAP = re.compile(r",?\s+where\s+[^.;]{0,60}?")  # "Baku, where a freight forwarder, X, ..."
# units of an enterprise that a milestone can be about on their own ("the new hall opened")
UNIT_WORDS = word_set("claims", "unit_words")
PLANT_NAME_ENDS = word_set("claims", "plant_name_ends")
# a speaker label opening a paragraph of a transcript: "Q:", "A:", "KSR:", "SOLHEIM:", "Dr Solheim:"
SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,2})[:.][ \t]")
SPEAKER_LINE = re.compile(r"\s*(?:\[[\d:.]+\]\s*)?([^:\n.?!]{3,90}):\s")  # a label up to a colon, no sentence in it
DASH_TURN = re.compile(r"(?m)^[ \t]*[—–-][ \t]+(?=\S)")  # "— How has the plant changed?": a turn without a label
GOES_INTO = word_set("claims", "goes_into")  # goods into weapons
INSIDE_WORDS = word_set("claims", "inside_words")  # "found in / inside / a component of"
REFERRING_GOODS = frozenset({"they", "them", "these", "those"})
ARMING_VERBS = word_set("claims", "arming_verbs")  # "<component> arms / powers <weapon>"
RIDES_ON = word_set("claims", "rides_on")  # "<weapon> flies on <engine>", "sits on <chassis>"
ARRIVAL_VERBS = frozenset(vocab_data("claims")["arrival_verbs"])  # "the W's engine comes from X"
CONTAINING_VERBS = word_set("claims", "containing_verbs")  # "its guidance unit contained a gyroscope"
BLANK_GAP = re.compile(r"\s*")
# predicates of background facts, stated in the outlet's voice unless the sentence itself names a source
BACKGROUND = (Predicate.LOCATED_IN, Predicate.PART_OF)
ACRONYM_GAP = re.compile(r"\s*(?:\([^()]{1,12}\))?\)?\s*")  # "Joint Chiefs of Staff (JCS) said"
COMMA_GAP = re.compile(r",\s*")  # "a Volna manager, Pavel Ivanou, wrote"
JOB_GAP = re.compile(r",\s+[^,;:.\"“”()]{2,70},\s*")  # "Ivan Petrov, Volna's director, said"
MODEL_NAME = re.compile(r"\b[A-ZА-Я][A-Za-zА-Яа-я]*-?\d")  # "MD550", "NK-32"


@dataclass
class Ment:
    start: int
    end: int
    key: str
    type: EntityType
    layer: str
    text: str


@dataclass
class State:
    last_subject: str | None = None
    last_subject_sent: int = -99
    last_source: list[str] = field(default_factory=list)
    lead_source: list[str] = field(default_factory=list)
    lead_active: bool = False
    para_source: list[str] = field(default_factory=list)
    para: int = -1
    list_source: list[str] = field(default_factory=list)
    last_person: str | None = None
    carry: list[str] = field(default_factory=list)  # the source of the last paragraph that named one
    carry_left: int = 0  # how many more paragraphs without a source of their own it covers
    label_speaker: str | None = None  # the person a speaker label opening this paragraph names
    own_document: tuple[str, str, int] | None = None  # (noun, enterprise, sentence) of "its annual report", last


class Extractor:
    def __init__(self, doc: Doc, text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str],
                 published: str | None, outlet: str | None = None) -> None:
        self.doc, self.text, self.published = doc, text, published
        self.outlet = outlet  # the publishing outlet's entity key: a source for the sentence that names it only
        self.unnamed_source = False  # set by explicit_source: the sentence cites someone it does not name
        self.own_voice: list[str] = []  # set by explicit_source: enterprises speaking of themselves ("the company
        # says"), kept apart from the sentence's sources
        self.stated_sources: list[str] = []  # the sources the current sentence names itself
        self.named_sources: set[str] = set()  # every source a sentence so far has named
        described = relations.retype(doc, text, cands, entities, owner)
        self.entities = {e.key: e for e in entities}
        self.ments: list[Ment] = []
        for c in cands:
            key = owner.get(id(c))
            if key is not None:
                self.ments.append(Ment(c.start, c.end, key, self.entities[key].type, c.layer, c.text))
        self.ments.sort(key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.ments]
        self.dates = find_dates(text, published)
        date_by_tense(self.dates, doc, published)
        self.quantities = relations.merge_ranges(find_quantities(doc, text, [(d.start, d.end) for d in self.dates]),
                                                 text)
        self.claims: list[Claim] = []
        self.state = State()
        self.places = {e.key: e for e in entities if e.type is E.PLACE}
        self.paras = [m.start() for m in re.finditer(r"(?:^|\n)\s*\S", text)]
        self._sent_words: dict[tuple[int, int], frozenset[str]] = {}  # see _sentence_words
        self.answer_label = "A"
        self.dash_answers: set[int] = set()  # where the answers of an interview in dashed turns start
        self.interviewee, self.interviewee_org = self._interview_voice(text)
        self.section_breaks = [(s, e) for s, e in headline_lines(text) if len(text[s:e].split()) >= 3]
        self.furniture = headline_lines(text)
        # the headline: the first furniture line that is more than a section label, among the first four lines
        self.top = top = sum(len(line) + 1 for line in text.split("\n")[:4])  # where the first four lines end
        self.headline = next(([(s0, e0)] for s0, e0 in self.furniture if s0 < top and
                              len(re.findall(r"[A-Za-z][\w’'\-]*", text[s0:e0])) > 3 and
                              not text[s0:e0].strip().isupper()), [])
        strong = {"legal", "org-cue", "org-final", "quoted", "org-prefix", "apposition", "camel", "brand-cue",
                  "description", "facility-cue"}
        self.industrial = {owner[id(c)] for c in cands if id(c) in owner and c.source in strong}
        cue_words = (vocab().org_cues - vocab().public_body_cues) | vocab().facility_heads
        # enterprises by the words of their own name ("Works", "Plant"), whatever a description calls them
        self.named_industrial = {e.key for e in entities if e.type in (E.ORGANIZATION, E.FACILITY) and
                                 any(w.lower() in cue_words for nm in e.names for w in nm.split()[1:])}
        for e in entities:
            if e.type is E.FACILITY or e.key in self.named_industrial:
                self.industrial.add(e.key)
        self.named_industrial -= {k for k in self.named_industrial if self._public_body(k)}
        self.industrial |= described  # "X, a distributor ...", "X, the plant in ..."
        self.industrial -= {k for k in self.industrial if self._public_body(k)}
        self.last_facility: tuple[str, int] | None = None
        self.carried_over = False  # the sentence's sources come from before it (set by sources_for)
        self.last_stat: tuple[str, int] | None = None  # subject of the last figure, and its paragraph
        self.last_place: tuple[str, int] | None = None

    def _public_body(self, key: str) -> bool:
        """A state or military body by its name ("Airborne Forces", "Ministry of Defence"), not an enterprise."""
        return bool({w.lower() for w in self.entities[key].name.split()} & vocab().public_body_cues)

    # ------------------------------------------------------------------ lookups
    def _interview_voice(self, text: str) -> tuple[str | None, str | None]:
        """In an interview transcript, who answers and for whom. Paragraphs open with a speaker label ("Q:"/"A:",
        or names: "KSR:" / "SOLHEIM:"); the label whose paragraphs end in questions is the interviewer's, the other
        one the interviewee's. The interviewee is the person the label names (else the first person named before
        the first question), their organisation the first one named there (what "we" stands for)."""
        labels = [(m.start(), m.group(1)) for m in SPEAKER_LABEL.finditer(text)]
        counts: dict[str, list[int]] = {}
        for pos, lab in labels:
            counts.setdefault(lab, []).append(pos)
        counts = {lab: ps for lab, ps in counts.items() if len(ps) >= 2}
        if len(counts) != 2:
            return self._dashed_interview(text)
        asks = {lab: sum(self._para_text(p).rstrip().endswith("?") for p in ps) / len(ps) for lab, ps in counts.items()}
        question, answer = sorted(counts, key=lambda lab: -asks[lab])
        if asks[question] < 0.5 or asks[answer] >= 0.5:
            return None, None
        self.answer_label = answer
        first_q = min(counts[question])
        intro = [m for m in self.ments if m.end <= first_q and m.layer == "name"]
        named = next((m.key for m in self.ments if m.layer == "name" and len(self.entities[m.key].name.split()) > 1
                      and answer.lower() in {w.lower() for w in self.entities[m.key].name.split()}), None)
        if named is not None and self.entities[named].type is not E.PERSON:
            self.retype(named, E.PERSON)  # a speaker label names a person ("SOLHEIM:" for Ingvar Solheim)
        person = named or next((m.key for m in intro if m.type is E.PERSON), None)
        org = next((m.key for m in intro if m.type is E.ORGANIZATION and m.key != person), None)
        return person, org

    def _dashed_interview(self, text: str) -> tuple[str | None, str | None]:
        """An interview whose turns open with a dash and no label ("— How has the plant changed?" / "— We used to
        ..."): at least two questions and two answers. The interviewee is the first person named before the first
        question, their organisation the first one named there."""
        turns = [m.end() for m in DASH_TURN.finditer(text)]
        questions = [p for p in turns if self._para_text(p).rstrip().endswith("?")]
        answers = [p for p in turns if p not in questions]
        if len(questions) < 2 or len(answers) < 2:
            return None, None
        intro = [m for m in self.ments if m.end <= min(questions) and m.layer == "name"]
        person = next((m.key for m in intro if m.type is E.PERSON), None)
        org = next((m.key for m in intro if m.type is E.ORGANIZATION), None)
        if person or org:
            self.dash_answers = set(answers)
        return person, org

    def retype(self, key: str, etype: EntityType) -> None:
        """Change an entity's type everywhere it is recorded (the entity, its mentions, the lookup table)."""
        ent = self.entities[key]
        ent.type = etype
        for m in ent.mentions:
            m.type = etype
        for m in self.ments:
            if m.key == key:
                m.type = etype

    def _para_text(self, pos: int) -> str:
        end = self.text.find("\n", pos + 1)
        return self.text[pos:end if end >= 0 else len(self.text)]

    def in_answer(self, pos: int) -> bool:
        """Whether a position lies in an interview answer (a paragraph opening with the interviewee's label)."""
        if not self.interviewee and not self.interviewee_org:
            return False
        start = self.paras[self.para_of(pos)]
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        if self.dash_answers:
            turn = DASH_TURN.match(self.text, start)
            return turn is not None and turn.end() in self.dash_answers
        m = SPEAKER_LABEL.match(self.text, start)
        return bool(m) and m.group(1) == self.answer_label

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paras, pos) - 1)

    def ments_in(self, start: int, end: int, types=NAME_TYPES, layers=("name", "desc")) -> list[Ment]:
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [m for m in self.ments[lo:hi] if m.end <= end and m.type in types and m.layer in layers]

    def ment_at(self, tok: Token, types=NAME_TYPES, layers=("name", "desc")) -> Ment | None:
        pos = tok.idx
        hi = bisect.bisect_right(self.starts, pos)
        for m in self.ments[max(0, hi - 12):hi]:
            if m.start <= pos < m.end and m.type in types and m.layer in layers:
                return m
        return None

    def norp_place(self, tok: Token) -> str | None:
        """"Belarusian" -> the article's entity "Belarus"."""
        if tok.ent_type_ not in ("NORP", "GPE") and not tok.text.endswith(("ian", "ese", "ish")) and \
                tok.lower_ not in nationality_words():  # (also inside a name: "the Kazakh Bureau of ...")
            return None
        t = tok.text.lower()
        country = demonym_country(t)  # "Kazakh" -> "Kazakhstan", which no prefix test finds
        if country is not None:
            named = next((key for key, e in self.places.items() if country in {n.lower() for n in e.names}), None)
            if named is not None:
                return named
        best = None
        for key, e in self.places.items():
            for nm in e.names:
                n = nm.lower()
                k = 0
                while k < min(len(n), len(t)) and n[k] == t[k]:
                    k += 1
                if k >= 4 and k >= len(n) - 2 and len(t) - len(n) <= 5 and (best is None or k > best[0]):
                    best = (k, key)
        return best[1] if best else None

    def entity_in_phrase(self, tok: Token, types=(E.ORGANIZATION, E.FACILITY, E.PLACE, E.PERSON)) -> str | None:
        """The entity a noun phrase names: a mention inside it, else a nationality adjective in it."""
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        # the phrase's own head first; a description yields to the name in apposition to it
        # ("a second plant, the Bobruisk Machine-Building Plant, ...")
        m = self.ment_at(tok, types)
        if m and m.layer == "desc":
            named = [a for ch in tok.children if ch.dep_ == "appos" and ch.i > tok.i
                     for a in [self.ment_at(ch, types, ("name",))] if a]
            if named:
                return named[0].key
        if m:
            return m.key
        # do not look into relative clauses or long complements
        # not inside relative clauses or descriptions in apposition ("The plant, one of Russia's largest ...");
        # a name in apposition is the same thing's name ("The head of X, Andrei Vorobyov, said")
        for ch in tok.children:
            named = self.ment_at(ch, types, ("name",)) if ch.dep_ == "appos" and ch.pos_ == "PROPN" else None
            if named:
                return named.key
            if ch.dep_ == "acl" and ch.lemma_.lower() in ("call", "name"):  # "a Moscow importer called X"
                named = next((m for g in ch.children if g.dep_ in ("oprd", "attr", "dobj", "xcomp") and
                              (m := self.ment_at(g, types, ("name",)))), None)
                if named:
                    return named.key
        inner = [t for t in sub if not any((a.dep_ in ("relcl", "acl", "advcl") or a.dep_ == "appos")
                                           and a.i != tok.i and a.i in {x.i for x in sub} for a in [t, *t.ancestors])]
        # the phrase's own name before an owner's: "Serbia's Krusik factory" is Krusik's factory
        # and an organisation's name before a place that only qualifies it ("Turkish firm Baykar")
        owners = {d.i for t in inner if t.dep_ == "poss" and t.head.i == tok.i for d in t.subtree}
        found = [m for t in sorted(inner, key=lambda t: t.i in owners) if (m := self.ment_at(t, types))
                 and m.start >= lo and m.end <= hi]
        k = (self._national_anaphor(tok) or self._town_enterprise(tok)) if all(m.type is E.PLACE for m in found) \
            else None
        if k is not None:
            return k
        if found:
            return next((m.key for m in found if m.type is not E.PLACE), found[0].key)
        for t in inner:
            if t.dep_ in ("amod", "compound", "poss", "nmod"):
                k = self.norp_place(t)
                if k:
                    return k
        return None

    def _town_enterprise(self, tok: Token) -> str | None:
        """"the Wuhan company", "this Minsk firm": an enterprise noun named by its town refers to the enterprise the
        article placed there or named after it, not to the town."""
        if tok.lower_ not in ORG_REF or not any(c.lower_ in ("the", "this") for c in tok.children):
            return None  # (not "the Dongguan plant": a site of its own)
        town = next((m.key for c in tok.children if c.dep_ == "compound" and
                     (m := self.ment_at(c, (E.PLACE,), ("name",))) is not None), None)
        if town is None:
            return None
        first = self.entities[town].name.split()[0].lower()  # (or the one company named after the town)
        named = [k for k in self.industrial if self.entities[k].type is E.ORGANIZATION and
                 len(self.entities[k].name.split()) > 1 and self.entities[k].name.split()[0].lower() == first]
        return self.enterprise_in(town) or (named[0] if len(named) == 1 else None)

    def _national_anaphor(self, tok: Token) -> str | None:
        """"The Belarusian company, which also makes ...", "sold the parts to the Belarusian plant": the enterprise the
        noun refers back to, not its country (unless that enterprise is placed in another country)."""
        if tok.pos_ == "ADP":  # (the phrase "to the Belarusian plant")
            tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
        country = self._nationality_of(tok)
        if country is None or not self.is_anaphor(tok):
            return None
        k = self.by_noun(tok, self.sent_index(tok))
        if k is None or self.entities[k].type not in (E.ORGANIZATION, E.FACILITY):
            return None
        elsewhere = any(c.predicate is P.LOCATED_IN and c.subject == k and c.object != country and
                        is_country(self.entities[c.object].name) for c in self.claims if c.object in self.entities)
        return None if elsewhere else k

    def _nationality_of(self, noun: Token) -> str | None:
        """The country a nationality before the noun names ("the Belarusian plant", "the Kazakh firm")."""
        return next((k for t in noun.children if (t.dep_ == "amod" or _demonym_compound(t)) and
                     (k := self.norp_place(t))), None)

    def _placed_in_before(self, noun: Token, window: int = 600) -> str | None:
        """"sold them to X, a trader in Kostanay, Kazakhstan. The Kazakh firm then ...": the enterprise named last
        in the text just before that the article has placed in the country the noun's nationality names."""
        country = self._nationality_of(noun)
        if country is None:
            return None
        placed = {c.subject for c in self.claims if c.predicate is P.LOCATED_IN and c.object == country}
        pos = noun.idx
        return next((m.key for m in reversed(self.ments_in(max(0, pos - window), pos, (E.ORGANIZATION, E.FACILITY)))
                     if m.key in placed), None)

    def is_anaphor(self, tok: Token) -> bool:
        if tok.lower_ in ANAPHORA or self.described_before(tok) is not None:
            return True
        if tok.lower_ in GENERIC_REF and any(c.lower_ in ("the", "this", "that") for c in tok.children):
            # not "the Kama plant", nor "the new workshop at X" (a description that names its enterprise); but "this
            # Minsk radar firm" is one named before, in its town
            this = any(c.lower_ in ("this", "that") for c in tok.children)
            return not any(c.dep_ in ("compound", "amod", "appos", "nmod") and c.pos_ == "PROPN" and
                           c.text[:1].isupper() and not (this and self.ment_at(c, (E.PLACE,))) and
                           not _demonym_compound(c)  # ("the Kazakh firm", the tagger's proper noun)
                           for c in tok.children) and \
                not any(self.ment_at(g, (E.ORGANIZATION, E.FACILITY), ("name",)) for g in pobjs(tok, ("at", "of")))
        return False

    def topic_org(self, sent_i: int) -> str | None:
        """"X, a Hong Kong distributor. Since 2023 it has sold ...": an organisation that opens one of the two
        sentences before, when no later subject was followed, is what "it" refers to."""
        for k in (sent_i - 1, sent_i - 2):
            if k < 0 or self.state.last_subject_sent >= k and self.state.last_subject:
                break
            start, early, end = self._sent_span(k)
            first = [m for m in self.ments_in(start, end, (E.ORGANIZATION,), ("name",)) if m.start <= early]
            if first and first[0].key not in getattr(self, "sources", []):
                return first[0].key
        return None

    def _sent_span(self, sent_i: int) -> tuple[int, int, int]:
        """Sentence `sent_i` as (start, start of its fourth token, end) in characters; computed once per document."""
        return self._sentence_spans()[sent_i]

    def _sentence_spans(self) -> list[tuple[int, int, int]]:
        if not hasattr(self, "_sent_spans"):
            self._sent_spans = [(sp.start_char, sp[min(3, len(sp) - 1)].idx, sp.end_char) for sp in self.doc.sents]
            self._sent_starts = [start for start, _, _ in self._sent_spans]
        return self._sent_spans

    def named_antecedent(self, tok: Token) -> str | None:
        """"the plant" after "the Kazan Gunpowder Plant": the latest enterprise named with that noun as the last
        word of its name, in the last 600 characters."""
        if tok.lower_ not in GENERIC_REF:
            return None
        noun = tok.lemma_.lower()
        before = [m for m in self.ments if tok.idx - 1500 < m.start < tok.idx and m.layer == "name"
                  and m.type in (E.ORGANIZATION, E.FACILITY)]
        said = {noun, noun + "s", tok.lower_}
        named = [m for m in reversed(before) if _name_heads(self.entities[m.key].names) & said]
        if named and named[0].start > tok.idx - 600:
            # (not a parent named in passing, "the holding of the Minsk Automobile Plant", when the plant the text
            # is about has that noun too: "the Borisov Plant of Automotive Aggregates")
            subjects = self.subjects()
            about = [m for m in named if m.key in subjects]
            return (about[0] if about and named[0].key not in subjects and self._named_after_of(named[0])
                    else named[0]).key
        described = self._described_with(noun, [m for m in before if m.start > tok.idx - 600]) \
            if noun in HOLDING_NOUNS else None
        if described is not None:
            return described  # "the state holding Belarusian Optics ... the holding" (a parent, named as such)
        site = self._site_described(tok, said)
        if site is not None:
            return site  # "a new site in Chuvashia ... if the new site opens"
        speaker = self._enterprise_speaking(tok) if noun in ORG_REF and noun != "group" else None
        if speaker is not None:
            return speaker  # "KAMAZ said the company would build ...": the company speaks of itself
        if noun in ORG_REF:
            # "the company", "the group": the latest organisation facts were stated about
            # (a maker, a seller or an owner; not an army or ministry that only uses or receives goods)
            subjects = self.subjects(skip=(Predicate.USED_IN, Predicate.LOCATED_IN)) | self.industrial
            # (a source that facts are also stated about is an enterprise speaking of itself, not an outsider)
            # (a source carried over from the sentence before that facts are about is no outsider: "..., KAMAZ
            # said. The company, which employs ...")
            stated = self.subjects()
            cited = self.cited_only(subjects) | \
                set(getattr(self, "stated_sources", [])) | relations.told_parties(self, tok.sent) | {self.outlet} | \
                {k for k in getattr(self, "sources", []) if k not in stated}
            found = [m for m in before if m.type is E.ORGANIZATION and m.key in subjects and m.key not in cited]
            found = self._without_parents(found)
            if found:  # the latest one, or the subject of the sentence it was named in ("X ships sights to the Y
                last = found[-1]  # tank plant. The company ...": X)
                same = [m for m in found if self._is_clause_subject(m) and self._ment_sent(m) == self._ment_sent(last)]
                m = same[0] if same else last
                return self._owner_named_in_passing(m) or m.key
        return None

    def enterprise_in(self, town: str) -> str | None:
        """The enterprise the article has placed in `town` ("the Brest plant", "shipped from Minsk"): the only one,
        or the one it names most often."""
        found = {c.subject for c in self.claims if c.predicate is P.LOCATED_IN and c.object == town and
                 self.entities[c.subject].type in (E.ORGANIZATION, E.FACILITY)}
        ranked = sorted(found, key=lambda k: -len(self.entities[k].mentions))
        if len(ranked) > 1 and len(self.entities[ranked[0]].mentions) == len(self.entities[ranked[1]].mentions):
            return None
        return ranked[0] if ranked else None

    def _site_described(self, tok: Token, said: set[str]) -> str | None:
        """The latest unnamed site described with the noun in the last 600 characters, when the noun carries one
        of the description's own adjectives ("a new site in Chuvashia ... the new site")."""
        adjs = {c.lower_ for c in tok.children if c.dep_ == "amod"}
        if not adjs:
            return None
        for m in reversed(self.ments_in(max(0, tok.idx - 600), tok.idx, (E.FACILITY,), ("desc",))):
            words = {w.lower() for w in re.findall(r"[\w\-]+", m.text)}
            if words & said and adjs <= words:
                return m.key
        return None

    def _described_with(self, noun: str, before: list[Ment]) -> str | None:
        """The latest name written with the noun just before it or in apposition after it: "the state holding
        Belarusian Optics", "Belarusian Optics, a state-owned holding,"."""
        for m in reversed(before):
            lead = self.text[max(0, m.start - 40):m.start]
            trail = self.text[m.end:m.end + 60]
            if re.search(rf"\b{noun}s?\s+(?:company\s+)?$", lead, re.I) or \
                    re.match(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{noun}\b", trail, re.I):
                return m.key
        return None

    def _enterprise_speaking(self, tok: Token) -> str | None:
        """The one organisation the sentence names as its source ("KAMAZ said", "the Minsk Automobile Plant's
        press office said") when "the company" / "the holding" stands in what it says, and the organisation is
        no public body, monitor or research group (who would speak of another company)."""
        stated = [k for k in getattr(self, "stated_sources", []) if self.entities[k].type is E.ORGANIZATION]
        if len(stated) != 1 or self._public_body(stated[0]):
            return None
        if self.is_watcher(stated[0]):
            return None  # ("Rail Watch Group said the company ...": an outsider)
        saying = relations.saying_verb_above(tok)
        if saying is not None and saying.lemma_.lower() == "report" and stated[0] not in self.named_industrial:
            return None  # ("Reuters reported that the company had bought ...": a reporter of another company)
        return stated[0] if saying is not None and tok.i > saying.i else None

    def is_watcher(self, key: str) -> bool:
        """An organisation that watches, studies or reports on industry rather than being part of it, by the words
        of its name ("Rail Watch Group", "Kestrel Analytics", "Baltic Industrial Analysis", "Defence Trade
        Digest"): its "the company" is some other company."""
        words = {w.lower().strip(".,") for nm in self.entities[key].names for w in nm.split()}
        return bool(words & WATCHER_WORDS)

    def _span_of(self, m: Ment) -> Span | None:
        """The tokens of a mention (None, or empty, if its offsets fit no tokens)."""
        return self.doc.char_span(m.start, m.end, alignment_mode="expand")

    def _named_after_of(self, m: Ment) -> bool:
        """The mention is the noun after "of" ("the holding of the Minsk Automobile Plant")."""
        span = self._span_of(m)
        return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "of"

    def _ment_sent(self, m: Ment) -> int:
        """The index of the sentence a mention is in (-1 if its offsets fit no tokens)."""
        span = self._span_of(m)
        return self.sent_index(span[0]) if span is not None and len(span) else -1

    def _is_clause_subject(self, m: Ment) -> bool:
        """The mention is the subject of its clause (its head token is one)."""
        span = self._span_of(m)
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def subjects(self, skip: tuple[Predicate, ...] = ()) -> set[str]:
        """Whom the claims so far are about (leaving out the predicates in `skip`)."""
        return {c.subject for c in self.claims if c.predicate not in skip}

    def cited_only(self, subjects: set[str]) -> set[str]:
        """The sources of the claims so far that are none of `subjects`: parties only cited, whom no fact is about
        ("the company", "the plant" and figures do not refer to them)."""
        return {k for c in self.claims for k in c.attributed_to} - subjects

    def _owner_named_in_passing(self, m: Ment) -> str | None:
        """"X, a subsidiary of Y, is best known for A. The company also makes B": Y, named after "of" in a
        description of X, is not what "the company" goes on about; X, the subject of that sentence, is."""
        tok = self._span_of(m)
        if tok is None or tok.root.dep_ != "pobj" or tok.root.head.lower_ != "of":
            return None
        last = self.state.last_subject
        sent = tok.root.sent
        if last and last != m.key and self.entities[last].type is E.ORGANIZATION and \
                any(x.key == last for x in self.ments_in(sent.start_char, m.start)):
            return last
        return None

    def referred_site(self, tok: Token, sent_i: int) -> str | None:
        """What "the plant" / "the workshop" refers to: the enterprise last named with that noun, else the site or
        enterprise in focus."""
        return self._unit_as_enterprise(tok, self.named_antecedent(tok) or self.salient(sent_i, facility=True))

    def _unit_as_enterprise(self, tok: Token, k: str | None) -> str | None:
        """"the plant" found to be a hall, shop or line: the enterprise that has it (None if unknown)."""
        if k is not None and tok.lower_ in ENTERPRISE_REF and self.entities[k].type is E.FACILITY and \
                relations.unit_head(self.entities[k].name):
            return self.owner_org(k)  # "the plant" after its new shop was spoken of: the plant that has the shop
        return k

    def by_noun(self, tok: Token, sent_i: int) -> str | None:
        """What "the plant" / "the company" / "the shop" refers to: the enterprise last named with that noun, else
        the salient one ("the company" only ever an organisation, "the shop" maybe a facility)."""
        k = self.described_before(tok) or self._placed_in_before(tok) or self.named_antecedent(tok) or \
            self.salient(sent_i, facility=tok.lower_ in GENERIC_REF, org_only=tok.lower_ in ORG_REF)
        k = self._unit_as_enterprise(tok, k)
        if k is not None and tok.lower_ in GENERIC_REF and self._public_body(k):
            k = None  # "the enterprise", "the plant": never the ministry that ordered from it
        if k is not None and tok.lower_ in relations.rv().site_employer_nouns and not self._site_named(k):
            # "the plant" after a trader was last spoken of: the works the article is about, if it has a works' name
            # (the most named enterprise if it has a works' name, else the one the article opened on if that has
            # one: not a trading company named more often since)
            k = next((t for t in (self.topic_enterprise(tok.idx), self._lead_works(tok.idx, any_name=True))
                      if t is not None and self._site_named(t)), k)
        return k or (self.topic_enterprise(tok.idx) or self._only_enterprise_before(tok)
                     if tok.lower_ in GENERIC_REF else None)

    def _site_named(self, key: str) -> bool:
        """The entity has a works' name ("... Shipbuilding Plant", "... Arsenal", "...zavod")."""
        words = {w.lower() for nm in self.entities[key].names for w in nm.split()}
        return bool(words & relations.rv().site_name_words) or \
            any(w.endswith(("zavod", "kombinat")) for w in words)

    def _lead_works(self, pos: int, any_name: bool = False) -> str | None:
        """The first enterprise with a works' name in the article before `pos` (the one a report opens on), not
        one only cited as a source; with `any_name`, the first enterprise whatever its name."""
        cited = self.cited_only(self.subjects())
        return next((m.key for m in self.ments_in(0, pos, (E.ORGANIZATION, E.FACILITY), ("name",))
                     if m.key in self.industrial and m.key not in cited and (any_name or self._site_named(m.key))),
                    None)

    def topic_enterprise(self, pos: int) -> str | None:
        """The enterprise an article is about, for "the plant" long after it was last named: the one named most
        often before `pos` (at least twice, and more often than any other), not one only cited as a source."""
        cited = self.cited_only(self.subjects())
        counts = {k: sum(1 for m in self.entities[k].mentions if m.start < pos) for k in self.industrial
                  if k not in cited and self.entities[k].type in (E.ORGANIZATION, E.FACILITY)}
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]

    def _only_enterprise_before(self, tok: Token) -> str | None:
        """"X, who ran the Kama Works for 20 years, died ... Under his leadership the plant began ...": the one
        enterprise the article has named so far, when it has named exactly one. For "the company" it must be no
        source; for "the plant" / "the factory" / "the works" it must have a plant's name, and may be the source
        (a plant speaking of itself)."""
        site_noun = tok.lower_ in relations.rv().site_employer_nouns - {"enterprise"}
        # (a plant may speak of itself: "according to the Kama Works' annual report, the plant supplies ...")
        cited = {k for c in self.claims for k in c.attributed_to} | set(getattr(self, "sources", []))
        last = self.state.last_source  # (but an enterprise that spoke last may be "the company" after it: "X said it
        if len(last) == 1 and last[0] in self.named_industrial:  # never sold ... The firm employs 46 people")
            cited.discard(last[0])
        named = {m.key for m in self.ments_in(0, tok.idx, (E.ORGANIZATION, E.FACILITY), ("name",))
                 if m.key in self.industrial and (site_noun or m.key not in cited)}
        if len(named) != 1:
            return None
        k = next(iter(named))
        if site_noun and self.entities[k].name.split()[-1].lower() not in relations.rv().site_name_words:
            return None
        return k if tok.lower_ in ORG_REF or site_noun else None

    def owner_org(self, key: str) -> str | None:
        """The company a site or unit has been said to be part of, if any."""
        return next((c.object for c in self.claims if c.predicate is Predicate.PART_OF and c.subject == key
                     and c.object and self.entities[c.object].type is E.ORGANIZATION), None)

    def salient(self, sent_i: int, facility: bool = False, org_only: bool = False) -> str | None:
        if org_only:  # a facility in focus stands for the company that has it ("its new hall ... the company")
            k = self.salient(sent_i, facility=True)
            if k and self.entities[k].type is E.FACILITY:
                k = self.owner_org(k)
            # a company, not an army or a ministry last spoken of
            if not (k and self.entities[k].type is E.ORGANIZATION and k in self.industrial):
                k = self._org_named_before(sent_i)
            return k
        srcs = getattr(self, "sources", [])
        if facility and self.last_facility and sent_i - self.last_facility[1] <= 4 and \
                not (self.state.last_subject and self.state.last_subject_sent > self.last_facility[1]) and \
                self.last_facility[0] not in srcs:
            return self.last_facility[0]
        if self.state.last_subject and sent_i - self.state.last_subject_sent <= 4 and \
                self.state.last_subject not in srcs:
            if facility and self.entities[self.state.last_subject].type is E.PLACE:
                return None  # "the yard" / "the plant" does not stand for a country named before
            return self.state.last_subject
        return None

    def _not_a_clause_mate(self, k: str | None, verb: Token, subj: Token, sent_i: int) -> str | None:
        """"it resells the parts to X": a pronoun subject is never an entity its own clause names in another role;
        then the enterprise named last before the sentence that the clause does not name."""
        if k is None:
            return k
        # (not the words naming the source: "according to the X works' report, the plant supplies ...")
        own = {t.i for t in subj.subtree} | relations.source_tokens(verb.sent)
        # (nor a name the clause gives its subject: "Known by its initials MZKT, the company builds ...")
        own |= {t.i for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in ("know", "call")
                for t in c.subtree}
        mates = {m.key for t in verb.subtree if t.i not in own and (m := self.ment_at(t))}
        if k not in mates:
            return k
        return self._org_named_before(sent_i, exclude=mates)

    def _org_named_before(self, sent_i: int, window: int = 800, exclude: set[str] | frozenset[str] = frozenset()
                          ) -> str | None:
        """The enterprise named last before this sentence (not one cited as a source), within `window` chars; a
        holding named as the parent of another enterprise named there stands aside for it ("The plant is part of
        the USC. ... the enterprise" is the plant)."""
        start = self._sent_span(sent_i)[0]
        # (nor one that has only ever been cited, with or without a claim: "..., the Associated Press reported")
        srcs = set(getattr(self, "sources", [])) | (self.named_sources | self.cited_only(set())) - self.subjects()
        before = [m for m in self.ments_in(max(0, start - window), start, (E.ORGANIZATION,), ("name",))
                  if m.key not in srcs and m.key not in exclude and m.key in self.industrial and
                  m.key != self.outlet]  # (nor the outlet named over the story)
        found = self._without_parents(before)
        return found[-1].key if found else None

    def _without_parents(self, ments: list[Ment]) -> list[Ment]:
        """Of enterprises named, leave out a holding also named as the parent of another of them: "The plant is part
        of the USC. The enterprise ..." is the plant, not the holding named last (all of them if that leaves none)."""
        keys = {m.key for m in ments} - {k for c in self.claims for k in c.attributed_to}  # (no source's "part")
        parents = {c.object for c in self.claims if c.predicate is P.PART_OF and c.subject in keys}
        return [m for m in ments if m.key not in parents] or ments

    def salient_place(self, sent_i: int) -> str | None:
        if self.last_place and sent_i - self.last_place[1] <= 3:
            return self.last_place[0]
        return None

    def place_anaphor(self, tok: Token) -> str | None:
        """"the country", "the nation": the country named last before it (a name or a nationality adjective)."""
        if tok.lower_ not in cv().place_anaphora or not any(c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        for t in reversed(list(tok.sent)[:tok.i - tok.sent.start]):
            m = self.ment_at(t, (E.PLACE,))
            k = m.key if m else (self.norp_place(t) if t.ent_type_ == "NORP" else None)
            if k:
                return k
        before = [m for m in self.ments[:bisect.bisect_left(self.starts, tok.idx)] if m.type is E.PLACE]
        return before[-1].key if before and tok.idx - before[-1].end < 600 else None

    def _described_by_copula(self, noun: Token, sent_i: int) -> str | None:
        """"X is a Moscow-based distributor that resells ...": the subject of the copula a role noun is the
        attribute of, rather than the town inside its description."""
        if noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.lemma_ != "be" or \
                noun.lemma_.lower() not in relations.rv().role_nouns:
            return None
        return self.subject_of(noun.head, sent_i)

    def _role_owner_above(self, noun: Token) -> str | None:
        """"Stankoimport, a state-owned importer of machine tools that belongs to X": a relative clause the parser
        hung on the goods after "of" describes the role noun above them, and so its name."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ != "NOUN":
            return None
        role = noun.head.head
        if role.lemma_.lower() not in relations.rv().role_nouns:
            return None
        return relations.appos_owner(role, self)

    def _unit_before(self, pron: Token) -> str | None:
        """"a second site, in Huizhou, will lift output once it opens": a new production unit named earlier in
        the same sentence, with no other name between, is what "it" stands for."""
        sent = pron.sent
        before = [m for m in self.ments_in(sent.start_char, pron.idx) if m.layer in ("name", "desc")]
        before = [m for m in before if not any(o is not m and o.start <= m.start and m.end <= o.end for o in before)]
        if before and before[-1].type is E.FACILITY and before[-1].layer == "desc" and \
                relations.is_new_facility(self, before[-1].key):
            return before[-1].key
        return None

    def name_just_before(self, pos: int, types: tuple[EntityType, ...], window: int, gap: re.Pattern[str],
                         floor: int = 0) -> str | None:
        """The name of one of these types that ends right before `pos`, with only `gap` between (when the parser
        hung a phrase on the wrong word, the name written next to it is the one meant)."""
        before = self.ments_in(max(floor, pos - window), pos, types, ("name",))
        return before[-1].key if before and gap.fullmatch(self.text[before[-1].end:pos]) else None

    def _enterprise_before_place(self, tok: Token) -> str | None:
        """"Plant No. 9 in Yekaterinburg, which makes the 2A46M gun": the relative clause the parser hangs on the
        town is about the enterprise the town locates."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "near", "outside") or \
                self.ment_at(tok, (E.PLACE,)) is None:
            return None
        owner = self.ment_at(tok.head.head, (E.ORGANIZATION, E.FACILITY), ("name",))
        if owner is not None:
            return owner.key
        # "in" hung on the verb: the name written right before it
        return self.name_just_before(tok.head.idx, (E.ORGANIZATION, E.FACILITY), 80, BLANK_GAP)

    def subject_of(self, verb: Token, sent_i: int) -> str | None:
        v = verb
        punished = self._object_punished_for(verb) or self._accused_of(verb)
        if punished is not None:
            return punished
        for _ in range(4):
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                # a broken parse can give two subjects ("Turkish firm Baykar"): the named one; but "X, which the EU
                # says sold ...": the relative pronoun is the subject of what is said
                rel = next((c for c in subj if c.lower_ in ("which", "that", "who")), None) \
                    if len(subj) > 1 and v.i != verb.i and relations.attribution_verb(v) else None
                s = rel or next((c for c in subj if self.ment_at(c, (E.ORGANIZATION, E.FACILITY, E.PERSON))), subj[0])
                if s.lower_ == "we" and self.interviewee_org and self.in_answer(s.idx):
                    return self.interviewee_org  # "We are a subsidiary of ..." in an interview answer
                if s.lower_ == "we" and (firm := self.quoted_speaker_firm(s.idx)):
                    return firm  # '"We make sights," said X's director'
                k = self.place_anaphor(s)
                if k:
                    return k
                if self.is_anaphor(s) and s.lower_ not in ("which", "that"):
                    k = self._first_conjunct_subject(v, s) or \
                        (self._unit_before(s) if s.lower_ == "it" else None) or relations.reporter_of(s, self) or \
                        (self.topic_org(sent_i) if s.lower_ == "it" else None) or self.by_noun(s, sent_i)
                    return self._not_a_clause_mate(k, v, s, sent_i)
                if s.lower_ in ("which", "that") and v.dep_ == "relcl":
                    k = self._enterprise_before_place(v.head) or relations.appos_owner(v.head, self) or \
                        self._site_owner(v.head) or self._described_by_copula(v.head, sent_i) or \
                        relations.enterprise_placed(self, v.head) or self.entity_in_phrase(v.head) or \
                        self._role_owner_above(v.head)
                    if k:
                        return k
                    v = v.head
                    continue
                k = self._possessor_of_site(s, v, sent_i) or self.entity_in_phrase(s)
                if k and self.entities[k].type is E.PLACE and s.lower_ in ORG_REF and \
                        any(c.lower_ in ("a", "an") for c in s.children) and \
                        any(self.ment_at(t, (E.PLACE,)) for p in s.children if p.dep_ == "prep" for t in p.subtree):
                    # "A trading company in Almaty has shipped ...": some company there, not the city; unless its
                    # name follows, hung on the town ("a company in Vitebsk, Stanko-Trade, imported ...")
                    return next((m.key for t in s.subtree if t.dep_ == "appos" and t.head.dep_ == "pobj"
                                 for m in [self.ment_at(t, (E.ORGANIZATION,), ("name",))] if m), None)
                if k:
                    return k
                # "Companies like JSC Integral", "Firms with experience ..."
                return None
            if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
                if self.is_anaphor(v.head):
                    return self.by_noun(v.head, sent_i)
                k = relations.appos_owner(v.head, self) or self.entity_in_phrase(v.head)
                if k:
                    return k
                if v.head.lemma_.lower() in GENERIC_REF and any(c.lower_ in ("a", "an") for c in v.head.children):
                    return None  # "(it struck) an enterprise producing power units": some enterprise, unnamed
                v = v.head
                continue
            if v.pos_ in ("NOUN", "PROPN") and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp", "auxpass", "aux", "acomp") and v.head.i != v.i:
                v = v.head
                continue
            break
        return self._name_right_before(v)

    def _first_conjunct_subject(self, verb: Token, pron: Token) -> str | None:
        """"Russia makes some ferrochrome itself, but it has long relied on Kazakhstan": "it" in a clause joined to
        another is that clause's named subject."""
        if pron.lower_ not in ("it", "they") or verb.dep_ != "conj":
            return None
        first = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < pron.i), None)
        return self.entity_in_phrase(first, (E.ORGANIZATION, E.FACILITY, E.PLACE)) if first is not None and \
            not self.is_anaphor(first) else None

    def _accused_of(self, verb: Token) -> str | None:
        """"three Chinese firms accused of supplying it": who does what a gerund after "accused of" / "suspected
        of" says is the noun the participle is on (its nationality, if it names no one)."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
            return None
        part = verb.head.head
        if part.dep_ != "acl" or part.tag_ != "VBN" or part.head.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.entity_in_phrase(part.head, (E.ORGANIZATION, E.PLACE))

    def _object_punished_for(self, verb: Token) -> str | None:
        """"The ministry fined X for exporting actuators", "sanctioned X for supplying ...": who did what a gerund
        after "for" says is the object of the verb it hangs on."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "for":
            return None
        gov = verb.head.head
        # (or the last object of a verb before it, when the parser broke the clause: "fined X Sdn Bhd 2.4 million
        # ringgit for exporting", with "ringgit" taken for a root)
        back = verb.doc[max(0, verb.head.i - 30):verb.head.i]
        stop = max((t.i for t in back if t.text in (".", "!", "?")), default=back.start - 1)
        ob = child(gov, "dobj") if gov.pos_ == "VERB" else \
            next((t for t in reversed(back) if t.i > stop and t.dep_ == "dobj" and t.head.pos_ == "VERB"), None)
        m = self.ment_at(ob, (E.ORGANIZATION, E.PERSON)) if ob is not None else None
        return m.key if m is not None else None

    def _possessor_of_site(self, noun: Token, verb: Token, sent_i: int) -> str | None:
        """"its Orsha plant makes ...", "Volna's Orsha works can make ...": a works noun with an owner and only a
        town before it is the owner's (not the town's); "its" is the one who says so or the clause's subject."""
        if noun.lower_ not in relations.rv().site_employer_nouns or \
                not any(self.ment_at(c, (E.PLACE,)) for c in noun.children if c.dep_ in ("compound", "nmod", "amod")):
            return None
        poss = child(noun, "poss")
        if poss is None:
            return None
        if poss.lower_ in ("its", "their"):
            sayer = relations.saying_verb_above(verb)
            subj = child(sayer, "nsubj") if sayer is not None else None
            return self.entity_in_phrase(subj, (E.ORGANIZATION,)) if subj is not None else None
        m = self.ment_at(poss, (E.ORGANIZATION,), ("name",))
        return m.key if m is not None else None

    def _name_right_before(self, v: Token) -> str | None:
        """A broken parse ("between May and June Northbridge bought ...", the name taken for a date's conjunct):
        a verb with no subject and an organisation's name written right before it."""
        if v.pos_ != "VERB" or v.i == 0 or v.tag_ in ("VBG", "VBN") or \
                any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
            return None
        m = self.ment_at(self.doc[v.i - 1], (E.ORGANIZATION, E.FACILITY), ("name",))
        return m.key if m is not None and m.end <= v.idx else None

    # ------------------------------------------------------------------ modality & attribution
    def _sentence_words(self, sent: Span) -> frozenset[str]:
        """The sentence's words, lower-cased, and its verbs' lemmas (read once per sentence)."""
        key = (sent.start, sent.end)
        if key not in self._sent_words:
            self._sent_words[key] = frozenset({x.lower_ for x in sent_tokens(sent)} | {x.lemma_.lower() for x in sent
                                                                          if x.pos_ == "VERB"})
        return self._sent_words[key]

    def modality(self, tok: Token, sent: Span, hedge: str | None = None) -> Modality:
        c = cv()
        words: set[str] = set()
        cued: set[str] = set()  # modalities set by a phrase right before an infinitive ("is set to open")
        t = tok
        for _ in range(8):  # up to the clause's verb, through nested phrases ("used in the units of the X")
            if t is tok or self.ment_at(t, (E.PRODUCT,), ("product",)) is None:  # (not "targeting" of "targeting
                words.add(t.lower_)  # pods": the goods' own words say nothing of a plan)
                words.add(t.lemma_.lower())
            # (a passive infinitive too: "is to be commissioned", "is due to be completed")
            inf = t if t.tag_ == "VB" else next((c for c in t.children if c.dep_ == "auxpass" and c.tag_ == "VB"), None)
            if inf is not None:
                before = self.text[max(sent.start_char, inf.idx - 40):inf.idx].lower()
                cued |= {mod for mod, pat in _infinitive_cues().items() if pat.search(before)}
            for ch in t.children:
                if ch.dep_ in ("aux", "auxpass", "advmod", "neg", "prt", "mark") or \
                        ch.dep_ == "acomp" and t.lemma_ == "be":  # "it is possible / likely that ..."
                    words.add(ch.lower_)
            if t.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acomp", "oprd", "dobj", "pobj", "prep", "pcomp",
                          "auxpass", "nsubjpass", "attr", "appos", "amod", "compound", "nummod", "quantmod") \
                    and t.head.i != t.i:
                if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubjpass",):
                    break
                if clause_of_its_own(t):
                    break  # (a clause with a subject of its own: "can make 300 a month, and its staff has grown")
                t = t.head
                continue
            break
        sent_words = self._sentence_words(sent)
        if words & c.modality["claimed"] or sent_words & {"claimed", "boasted", "boast", "claim"}:
            return Modality.CLAIMED
        if words & c.modality["possible"] - {"would"} or "reportedly" in sent_words or "allegedly" in sent_words \
                or "possible" in cued:
            return Modality.POSSIBLE
        plan_words = {"plans", "planned", "proposal", "proposed", "scheduled", "intended"} & sent_words
        # (a plan elsewhere in the sentence, not over a verb of the past or of now: "now produces 200 a month and
        # plans to reach 500")
        if "planned" in cued or words & c.modality["planned"] or plan_words & words or \
                plan_words and tok.tag_ not in ("VBD", "VBZ", "VBP"):
            return Modality.PLANNED
        if words & {"would"}:
            return Modality.PLANNED
        if sent_words & {"estimated", "estimates", "estimate", "assesses", "assessed", "assess"} or \
                hedge in ("about", "roughly", "around", "approximately", "some", "an estimated", "closer to",
                          "estimated", "perhaps"):
            return Modality.ESTIMATED
        return Modality.REPORTED

    def _place_word(self, tok: Token) -> str | None:
        """The place a modifier names: "Belarusian" (nationality) or "Kazakhstan's" (a place mention)."""
        m = self.ment_at(tok, (E.PLACE,))
        return m.key if m else self.norp_place(tok)

    def enterprise_source(self, tok: Token, sent_i: int) -> str | None:
        """An enterprise speaking of itself through a common noun: "the company says", "according to the plant",
        "the company's annual report" / "its annual report says" — the organisation that noun refers to."""
        if tok.lemma_.lower() in cv().attribution_nouns:
            poss = [ch for ch in tok.children if ch.dep_ == "poss"]
            if not poss and tok.lemma_.lower() in _own_documents() and any(c.lower_ == "the" for c in tok.children):
                k = self.salient(sent_i, org_only=True)  # "the brochure says": the enterprise in view
                return k if k and self.entities[k].type is E.ORGANIZATION else None
            if not poss:
                return self._own_document_again(tok, sent_i)
            noun, tok = tok, poss[0]
            if tok.lower_ == "its":
                k = self._subject_named_before(tok) or self.salient(sent_i)
                if k and self.entities[k].type is E.ORGANIZATION:
                    self.state.own_document = (noun.lemma_.lower(), k, sent_i)
                    return k
                return None
        if tok.lower_ not in ENTERPRISE_REF and (k := self.described_before(tok)) is not None:
            return k  # "X, a broker in Dubai, ... The broker said"
        if tok.lower_ not in ENTERPRISE_REF or not any(c.lower_ in ("the", "this") for c in tok.children):
            return None
        root = relations.content_root(tok.sent)
        own = [self.entity_in_phrase(c, (E.ORGANIZATION, E.FACILITY)) for c in root.children
               if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]  # "X employs 900, according to the plant"
        # "X said it would build a plant. The plant will open in 2025, the company said": the enterprise that spoke
        # last goes on speaking
        last = self.state.last_source
        spoke = last[0] if len(last) == 1 and last[0] in self.named_industrial and \
            self.entities[last[0]].type is E.ORGANIZATION else None
        # ("the plant said" names a site, which may be another than the company: the company only when no site is
        # in view)
        k = (spoke if tok.lower_ in ORG_REF else None) or self.named_antecedent(tok) or \
            next((x for x in own if x), None) or self.salient(sent_i, org_only=tok.lower_ in ORG_REF) or spoke or \
            self._one_org_before(tok)
        if k and self.entities[k].type is E.FACILITY:  # "the plant said" of a company's new line: the company
            k = self.owner_org(k) or k
        return k if k and self.entities[k].type in (E.ORGANIZATION, E.FACILITY) else None

    def _own_document_again(self, noun: Token, sent_i: int) -> str | None:
        """"Its annual report describes it as ... The same report says ...": "the (same) report" in the next three
        sentences is the enterprise's own document again."""
        told = self.state.own_document
        if told is None or told[0] != noun.lemma_.lower() or not 0 < sent_i - told[2] <= 3 or \
                not any(c.lower_ in ("the", "this", "that") for c in noun.children):
            return None
        return told[1]

    def described_before(self, tok: Token) -> str | None:
        """"Kestrel Trading, a broker in Dubai, ... The broker said": "the" and a singular noun (not one of the
        words every enterprise is called by, "the company", "the plant") that an earlier apposition set beside an
        organisation's name refer to that organisation (the latest so described, in the last 1,500 characters)."""
        if tok.tag_ != "NN" or tok.lower_ in GENERIC_REF or tok.lower_ in ENTERPRISE_REF or \
                not any(c.lower_ in ("the", "this") and c.dep_ == "det" for c in tok.children):
            return None
        before = [(pos, k) for pos, k in self._described_orgs().get(tok.lemma_.lower(), ())
                  if tok.idx - 1500 < pos < tok.sent.start_char]
        return before[-1][1] if before else None

    def _described_orgs(self) -> dict[str, list[tuple[int, str]]]:
        """Nouns set beside an organisation's name with "a" ("X, a broker in Dubai"), by lemma: (offset, key),
        in text order; computed once per document."""
        if not hasattr(self, "_descriptions"):
            self._descriptions: dict[str, list[tuple[int, str]]] = {}
            for t in tokens(self.doc):
                if t.dep_ == "appos" and t.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in t.children) and \
                        (m := self.ment_at(t.head, (E.ORGANIZATION,), ("name",))) is not None:
                    self._descriptions.setdefault(t.lemma_.lower(), []).append((t.idx, m.key))
        return self._descriptions

    def _subject_named_before(self, tok: Token) -> str | None:
        """"X is the largest maker of capacitors; its website claims ...": the organisation named as a subject
        earlier in the same sentence is what "its" points to, before whatever the text was about."""
        sent = tok.sent
        for m in reversed(self.ments_in(sent.start_char, tok.idx, (E.ORGANIZATION,), ("name",))):
            span = self._span_of(m)
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return m.key
        return None

    def _speaker_above(self, verb: Token, types: tuple) -> str | None:
        """The name a verb of saying with a clause of its own hangs on, when the parser read the verb as describing
        it ("X, a research group that tracks Russian industry, estimated that ...")."""
        if verb.dep_ != "acl" or not any(c.dep_ == "ccomp" for c in verb.children):
            return None
        m = self.ment_at(verb.head, types, ("name",))
        return m.key if m is not None else None

    def _possessor_at(self, m: Ment) -> bool:
        """The name owns a noun after it ("the X plant's engines"): the subject's owner, not a source."""
        span = self._span_of(m)
        if span is None:
            return False
        root = span.root
        return root.dep_ == "poss" or root.dep_ == "compound" and root.head.dep_ == "poss"

    def _one_org_before(self, tok: Token) -> str | None:
        """"Russia ordered 500 trucks from X, the manufacturer said": the one organisation named in the sentence
        before the noun."""
        orgs = set(self._orgs_named_before(tok, 0))
        return orgs.pop() if len(orgs) == 1 else None

    def start_of_sentence_before(self, tok: Token, back: int) -> int:
        """Where the sentence `back` sentences before the token's begins (its own with 0), in characters."""
        return self._sent_span(max(0, self.sent_index(tok) - back))[0]

    def _orgs_named_before(self, tok: Token, sentences_back: int) -> list[str]:
        """The organisations named before the word, from the start of its sentence or of one `sentences_back`."""
        start = self.start_of_sentence_before(tok, sentences_back)
        return [m.key for m in self.ments_in(start, tok.idx, (E.ORGANIZATION,), ("name",))]

    def _making_participle(self, pos: int) -> bool:
        """The source phrase at `pos` opens with a verb of making ("assembled by")."""
        tok = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return tok is not None and tok.root.lemma_.lower() in cv().produces_verbs

    def _document_issuer(self, doc_noun: Token) -> str | None:
        """Who drew up, issued or filed a document a source phrase names ("the indictment, drawn up by X")."""
        while doc_noun.dep_ == "compound" and doc_noun.head.i > doc_noun.i:
            doc_noun = doc_noun.head  # ("the charge sheet")
        return next((m.key for acl in doc_noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                     for g in (g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
                     if (m := self.ment_at(g, (E.ORGANIZATION, E.PERSON), ("name",))) is not None), None)

    def explicit_source(self, sent: Span, sent_i: int) -> list[str]:
        c = cv()
        st = self.state
        out: list[str] = []
        low = span_text(sent).lower()
        src_types = (E.ORGANIZATION, E.PERSON)
        countries: list[str] = []  # sources read from a nationality word only ("Belarusian officials said")
        for m in _source_phrase_pattern().finditer(low):
            if (m.group(0).startswith(("come", "came")) or self._making_participle(sent.start_char + m.start())) \
                    and not _information_before(low[:m.start()]):
                continue  # "armour plate comes from X", "the launcher is assembled by X": a supply or a maker, where
                # "the evidence comes from X", "a database assembled by X" are sources
            pos = sent.start_char + m.end()
            # the source right after the phrase, or after a short description of it with no clause break
            # ("according to the Belarusian investigative group Hajun Project")
            # ("according to its director, Ivan Petrov"), but not the subject of the clause after a comma
            # ("according to the indictment, X bought ...")
            # (a long name may end past the window it starts in: "... by the Institute for Science and ...")
            after = [x for x in self.ments_in(pos, min(sent.end_char, pos + 160), src_types, ("name",))
                     if (x.start - pos < 30 or x.start - pos < 60 and not re.search(r"[,;.]", self.text[pos:x.start]))
                     and not (re.search(r"[,;]", self.text[pos:x.start]) and
                              (self._clause_subject_at(x.start) or self._possessor_at(x) or x.type is not E.PERSON))
                     and not self._verb_between(pos, x.start)]  # "records from the portal show X bought ..."
            first = next((t for t in sent_tokens(sent) if t.idx >= pos and t.pos_ in ("NOUN", "PRON")), None)
            itself = self.enterprise_source(first, sent_i) if first is not None and first.idx - pos < 12 else None
            own_doc = re.match(r"(?:its|their)\s+(?:own\s+)?(?:website|site|statement|brochure|catalogue|catalog|"
                               r"report|annual report|filings?|press release|prospectus|page|accounts)\b",
                               low[m.end():].lstrip())
            issuer = self._document_issuer(first) if first is not None and first.idx - pos < 12 else None
            holder = self.person_by_job(first.lemma_.lower()) if first is not None and first.idx - pos < 12 and \
                low[m.end():].lstrip().startswith("the ") else None
            if after:
                out.append(after[0].key)
            elif issuer is not None:
                out.append(issuer)  # "according to the indictment, drawn up by X, ...": the document's issuer
            elif holder is not None:
                out.append(holder)  # "according to the minister": the minister named before
            elif itself:
                self.own_voice.append(itself)  # "according to the plant"
            elif own_doc and (whose := self._clause_subject_org(sent, sent_i)) is not None:
                out.append(whose)  # "X sells goggles to Y, according to its own website": X's own claim
            elif any(low[m.end():].startswith(a) for a in c.source_anaphora + ("the group", "him", "her")):
                noun = re.match(r"(?:the\s+)?(\w+)", low[m.end():])
                # ("according to the ministry": the ministry named before, rather than whoever spoke last)
                out += self._named_with(pos, noun.group(1) if noun else "") or st.last_source or \
                    self._cited_org_before(pos, noun.group(1) if noun else "")
            elif low[m.end():].startswith(("mr", "ms", "the report", "a report")):
                out += st.last_source or st.lead_source
        out += self._possessive_sources(sent)
        out += self._counters(sent)
        for tok in sent_tokens(sent):
            if not _saying_verb(tok) or tok.lemma_.lower() not in c.attribution_verbs or _reports_results(tok) or \
                    relations.negated(tok) or tok.lemma_.lower() in _clause_only_saying() and not _says_something(tok):
                continue  # (not "X did not reply to questions", "the mayor mentioned the plant": no source of anything)
            subj = [ch for ch in tok.children if ch.dep_ in ("nsubj",)]
            agent = [g for ch in tok.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"]
            if subj:
                unlinked = False
            elif tok.dep_ == "conj":
                ccs = [ch for ch in tok.head.children if ch.dep_ == "cc"]
                if any(tok.head.i < ch.i < tok.i for ch in ccs):
                    # "X reported revenue of ... and says exports made up ...", "the plant's report gives a
                    # workforce of 4,300 and says ...": the doer of the first verb speaks, often of itself, so it
                    # stays free to be the subject of what is said
                    shared = [ch for ch in tok.head.children if ch.dep_ == "nsubj"]
                    self.own_voice += [k for s in shared for k in [self.entity_in_phrase(s, src_types) or
                                                                  self.enterprise_source(s, sent_i)] if k]
                unlinked = not ccs  # a saying verb joined to the fact without "and": the parse lost its subject
            else:
                unlinked = not agent
            if unlinked:
                # "..., the Joint Staff of South Korea (JCS) said on Monday": the name right before the verb;
                # "X, a research group that tracks Y, estimated that ...": the name the parser hung the verb on
                named = self._speaker_above(tok, src_types) or \
                    self.name_just_before(tok.idx, src_types, 90, ACRONYM_GAP, floor=sent.start_char) or \
                    self.name_just_before(tok.idx, (E.PERSON,), 150, JOB_GAP, floor=sent.start_char) or \
                    self.name_just_before(tok.idx, (E.PERSON,), 40, COMMA_GAP, floor=sent.start_char)
                # ("a Volna manager, Pavel Ivanou, wrote:": the name the parse hung on the description)
                if named:
                    out.append(named)
                    continue
            for s in subj + agent:
                phrase = " ".join(x.lower_ for x in s.subtree)
                k = self.entity_in_phrase(s, src_types)
                if k is None or self.entities[k].type is not E.PERSON:
                    # "X delivered ..., its chief executive said": X's chief executive, named before
                    its = any(c.lower_ in ("its", "their") for c in s.children)
                    org = self.subject_of(relations.content_root(sent), sent_i) if its else \
                        self.enterprise_source(s, sent_i)
                    k = self.person_in_role(s, org) or k
                if k and self.entities[k].type is E.PLACE and s.lower_ in ENTERPRISE_REF:
                    k = None  # "the Belarusian manufacturer said": the enterprise, not its country
                itself = None if k else self.enterprise_source(s, sent_i)
                if k and self.entities[k].type in src_types:
                    out.append(k)
                elif itself:
                    self.own_voice.append(itself)  # "the company says", "the plant's annual report says"
                # "he" / "she": the person named last, in this or the two sentences before, else the one quoted last
                elif s.lower_ in ("he", "she") and (person := self._person_named_before(s.idx, sent_i) or
                                                    st.last_person):
                    out.append(person)
                elif s.lower_ in ("it", "they") and st.last_source:
                    out += st.last_source
                elif s.lower_ == "i" and (writer := self.writer_speaking(s)) is not None:
                    out.append(writer)  # "I estimate that ..." in a column: its writer, named on the byline
                elif any(phrase.startswith(a) or phrase == a.replace("the ", "") for a in c.source_anaphora):
                    # ("The centre also found that ...": the centre named before, not whoever spoke last)
                    named = self._named_with(s.idx, s.lemma_.lower(), start=0)
                    out += named or st.last_source or st.lead_source or \
                        self._cited_org_before(s.idx, s.lemma_.lower())
                elif s.pos_ in ("NOUN", "PROPN"):
                    # "Belarusian officials said": the country; "state media reported": someone unnamed
                    country = next((k for a in s.subtree if a.i < s.i and a.dep_ in ("amod", "compound", "poss")
                                    for k in [self._place_word(a)] if k), None)
                    if country:
                        out.append(country)
                        countries.append(country)
                    elif not any(d.lower_ in DEFINITE for d in s.children):  # "the institute": a source named before
                        self.unnamed_source = True
        if any(k not in countries for k in out):
            # ("Mongolian customs statistics, as summarised by the lab, show ...": the lab, not the country)
            out = [k for k in out if k not in countries]
        seen = []
        for k in out:
            if k not in seen:
                seen.append(k)
        return seen

    def _counters(self, sent: Span) -> list[str]:
        """"The X Monitor counted 40 wagons of radars that Y sent to Russia": whoever counted a number of things is
        the source of what the count shows (not "X counts Y among its customers", nor the outlet's "we count")."""
        out = []
        for verb in sent_tokens(sent):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in COUNTING_VERBS or \
                    any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children):
                continue
            counted = [o for o in verb.children if o.dep_ == "dobj" and any(
                c.dep_ in ("nummod", "quantmod") or c.like_num for c in o.subtree)]
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            k = self.entity_in_phrase(subj, (E.ORGANIZATION, E.PERSON)) if subj is not None and counted else None
            if k is not None and self.entities[k].type in (E.ORGANIZATION, E.PERSON) and k != self.outlet:
                out.append(k)
        return out

    def _clause_subject_org(self, sent: Span, sent_i: int) -> str | None:
        """The organisation the sentence's main clause is about (its subject)."""
        root = relations.content_root(sent)
        subj = child(root, "nsubj", "nsubjpass")
        k = self.entity_in_phrase(subj, (E.ORGANIZATION,)) if subj is not None else None
        return k if k is not None and self.entities[k].type is E.ORGANIZATION else None

    def _possessive_sources(self, sent: Span) -> list[str]:
        """"In Kestrel's view, ...", "by the ministry's count": the organisation or person named before "'s"."""
        out = []
        for m in _possessive_source_pattern().finditer(span_text(sent)):
            end = sent.start_char + m.start()
            named = [x for x in self.ments_in(max(sent.start_char, end - 80), end, (E.ORGANIZATION, E.PERSON),
                                              ("name",)) if x.end == end]
            lead = self.text[max(0, named[-1].start - 8):named[-1].start] if named else ""
            if named and re.search(r"\b(?:in|by)\s+(?:the\s+)?$", lead, re.I):
                out.append(named[-1].key)
        return out

    def _person_named_before(self, pos: int, sent_i: int) -> str | None:
        """"X, an analyst at Y, has studied the plant for years. She says ...": the person last named in this or the
        two sentences before, when no person has been quoted yet."""
        start = self._sent_span(max(0, sent_i - 2))[0]
        people = [m for m in self.ments_in(start, pos, (E.PERSON,), ("name",))
                  if not OWN_STAFF.search(self.text[max(0, m.start - 30):m.start])]
        return people[-1].key if people else None

    def _named_with(self, pos: int, noun: str, start: int | None = None) -> list[str]:
        """The organisation named last before `pos` (from `start`, by default the paragraph before) whose name has
        that noun ("the ministry" after "Malaysia's Ministry of Investment, Trade and Industry")."""
        if noun not in SOURCE_BODY_NOUNS:
            return []
        if start is None:
            start = self.paras[max(0, self.para_of(pos) - 1)]
        # ("the think tank" after "the Institute for Science ...": a noun a body of that kind is named with)
        words = {noun, *vocab_data("claims")["source_noun_name_words"].get(noun, [])}
        named = next(([m.key] for m in reversed(self.ments_in(start, pos, (E.ORGANIZATION,), ("name",)))
                      if words & {w.lower() for nm in self.entities[m.key].names for w in nm.split()} or
                      self._introduced_as(m, noun)), [])
        # (one introduced with the noun further back: "the investigative group X" three paragraphs before)
        return named or next(([m.key] for m in reversed(self.ments_in(0, start, (E.ORGANIZATION,), ("name",)))
                              if self._introduced_as(m, noun)), [])

    def _introduced_as(self, m: Ment, noun: str) -> bool:
        """The name is set beside that noun: "the investigative group X", "X, a monitoring group"."""
        span = self._span_of(m)
        if span is None:
            return False
        root = span.root
        return root.dep_ == "appos" and root.head.lemma_.lower() == noun or \
            any(c.dep_ == "appos" and c.lemma_.lower() == noun for c in root.children)

    def _cited_org_before(self, pos: int, noun: str) -> list[str]:
        """"The group says ..." with no source quoted before: the organisation last named whose name has that noun,
        else the last one named in the two paragraphs before that no fact is about (as its subject or its object)."""
        if noun not in SOURCE_BODY_NOUNS:
            return []  # "the documents show": not an organisation
        named = self._named_with(pos, noun, max(0, pos - 1500))
        if named:
            return named
        before = [m for m in self.ments_in(max(0, pos - 1500), pos, (E.ORGANIZATION,), ("name",))]
        subjects = self.subjects() | {cl.object for cl in self.claims if cl.object}
        spans = self._sentence_spans()
        sent_start = spans[bisect.bisect_right(self._sent_starts, pos) - 1][0]
        for m in reversed(before):  # named in an earlier sentence of this or the paragraph before
            if m.key not in subjects and self.paras[max(0, self.para_of(pos) - 1)] <= m.start < sent_start:
                return [m.key]
        return []

    def _speaks_for(self, sources: list[str], subject: str) -> bool:
        """Whether the claim's source is its subject itself, stated in the sentence, or someone the article names
        with a job at it ("X's director said", "X ..., its chief executive said")."""
        if subject in sources and subject in self.stated_sources + self.own_voice:
            return True
        return any(subject == org and people & set(sources) for (_job, org), people in self._jobs().items())

    def _jobs(self) -> dict[tuple[str, str], set[str]]:
        """(job, enterprise key or "") -> the people the article names with that job there ("KAMAZ chief executive
        Sergei Ignatov", "Ignatov, KAMAZ's chief executive", "the director of X, Ivan Petrov"); built once."""
        if hasattr(self, "_people_by_job"):
            return self._people_by_job
        self._people_by_job: dict[tuple[str, str], set[str]] = {}
        for m in self.ments:
            if m.type is not E.PERSON or m.layer != "name":
                continue
            span = self._span_of(m)
            if span is None:
                continue
            root = span.root
            jobs = [t for t in root.children if t.dep_ in ("compound", "appos") and
                    t.lemma_.lower() in person_jobs() and not span.start <= t.i < span.end]
            if root.dep_ == "appos" and root.head.lemma_.lower() in person_jobs():
                jobs.append(root.head)
            for j in jobs:  # the enterprise the job is at: named in the job's phrase or right before the name
                around = [t for t in (*j.children, *root.children) if t.dep_ in ("poss", "compound") and
                          not span.start <= t.i < span.end] + \
                    [g for c in j.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for g in c.children
                     if g.dep_ == "pobj"]  # "the chief executive of X"
                ats = {at.key for t in around if (at := self.ment_at(t, (E.ORGANIZATION,)))} or \
                    {at for t in around if (t.lower_ == "its" or t.dep_ == "poss" and t.lower_ in ENTERPRISE_REF and
                                            self.is_anaphor(t)) and (at := self._org_before_word(t))} or {""}
                # ("the company's general director, X": the company named last, as for "its director")
                for at in ats:  # "" for a job at no enterprise named ("chief executive Sergei Ignatov")
                    self._people_by_job.setdefault((j.lemma_.lower(), at), set()).add(m.key)
        return self._people_by_job

    def _org_before_word(self, tok: Token) -> str | None:
        """"X supplies gearboxes. Its director, Y, ...": the organisation named last before the word, in its sentence
        or the one before."""
        before = self._orgs_named_before(tok, 1)
        return before[-1] if before else None

    def quoted_at(self, pos: int) -> bool:
        """Whether a position lies inside a quotation opened earlier in its paragraph."""
        return _inside_quotes(self.text[self.paras[self.para_of(pos)]:pos])

    def quoted_speaker_firm(self, pos: int) -> str | None:
        """Inside a quotation, "we" is the enterprise of the person the sentence quotes, when the article names
        that person with a job at exactly one."""
        if not self.quoted_at(pos):
            return None
        for k in getattr(self, "sources", []):
            if self.entities[k].type is E.PERSON:
                firm = self.employer_of(k)
                if firm:
                    return firm
        return None

    def employer_of(self, person: str) -> str | None:
        """The one enterprise the article names a person with a job at."""
        orgs = {org for (_job, org), people in self._jobs().items() if org and person in people}
        return next(iter(orgs)) if len(orgs) == 1 else None

    def person_by_job(self, job: str) -> str | None:
        """"according to the minister", "the prosecutor said": the one person the article has named with that job
        ("Trade minister Sanne Dijkhuizen"), at whatever enterprise or none."""
        if job not in person_jobs():
            return None
        people = set().union(*(p for (j, _at), p in self._jobs().items() if j == job))
        return next(iter(people)) if len(people) == 1 else None

    def person_in_role(self, noun: Token, org: str | None) -> str | None:
        """"its chief executive said": the one person the article has named with that job at that enterprise
        ("KAMAZ chief executive Sergei Ignatov", "Ignatov, KAMAZ's chief executive")."""
        if org is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in person_jobs():
            return None
        jobs = self._jobs()
        job = noun.lemma_.lower()
        people = jobs.get((job, org), set())
        if not people and not any(j == job and at for j, at in jobs):
            people = jobs.get((job, ""), set())  # the only such job-holder, at no firm named
        return next(iter(people)) if len(people) == 1 else None

    def _outlet_speaking(self, sent: Span) -> list[str]:
        """"We count 57 consignments", "by our estimate": the publishing organisation speaks in the first person,
        outside quotations and interview answers; what it counts or estimates is its own finding."""
        if not self.outlet or self.in_answer(sent.start_char):
            return []
        finding = cv().finding_words
        for t in sent_tokens(sent):
            ours = t.lower_ == "we" and t.dep_ == "nsubj" and t.head.lemma_.lower() in finding or \
                t.lower_ == "our" and t.dep_ == "poss" and t.head.lemma_.lower() in finding
            if ours and not self.quoted_at(t.idx):
                return [self.outlet]
        return []

    def _verb_between(self, start: int, end: int) -> bool:
        """A clause's verb (one with a subject of its own) stands between two offsets: what follows it is another
        clause, not the source's name ("records from the portal show X bought ..."; not "a report released in
        March by X")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any((t.pos_ == "VERB" or t.dep_ == "ROOT") and
                                        any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in span)

    def _clause_subject_at(self, pos: int) -> bool:
        """The name at `pos` is the subject of a clause (its head word is a verb's subject)."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        while tok.dep_ in ("compound", "amod", "flat") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass")

    def sources_for(self, sent: Span, sent_i: int) -> list[str]:
        st = self.state
        para = self.para_of(sent.start_char)
        new_para = para != st.para
        if new_para:
            prev_text = self.text[:sent.start_char].rstrip()
            st.list_source = st.para_source if prev_text.endswith(":") or (st.list_source and
                                                                           _is_bullet(self.text, sent.start_char)) \
                else []
            # a source named in one paragraph covers the next paragraphs that name none, up to a section heading
            prev_start = self.paras[st.para] if st.para >= 0 else 0
            if self._opens_with_dateline(self.paras[para]):  # a wire roundup's next item: a story of its own
                st.carry, st.carry_left, st.lead_active = [], 0, False
            elif any(prev_start <= s0 < sent.start_char for s0, _ in self.section_breaks):
                st.carry, st.carry_left = [], 0
            elif st.para_source and any(self.entities[k].type is not E.PLACE for k in st.para_source):
                # (a country read from "Chinese customs data show" speaks for its own paragraph only)
                st.carry = [k for k in st.para_source if self.entities[k].type is not E.PLACE]
                st.carry_left = CARRY_PARAGRAPHS
            elif not any(s0 <= sent.start_char < e0 for s0, e0 in self.furniture):
                st.carry_left -= 1
                if st.carry_left <= 0:
                    st.carry = []
            st.para_source = []
            st.para = para
            st.label_speaker = self._label_speaker(self.paras[para])
        self.unnamed_source = False
        self.own_voice = []
        self.carried_over = False
        explicit = self.explicit_source(sent, sent_i)
        self.stated_sources = explicit
        self.named_sources.update(explicit)
        if not explicit and self._outlet_speaking(sent):
            self.stated_sources = [self.outlet]
            return [self.outlet]  # the publisher's own finding, for this sentence only
        if not explicit and self.interviewee and self.in_answer(sent.start_char):
            return [self.interviewee]  # an interview answer speaks in the interviewee's voice
        if not explicit and st.label_speaker:
            return [st.label_speaker]  # "SOUNDBITE, ULADZIMIR KASPEROVICH, GENERAL DIRECTOR: Our partners ..."
        if not explicit and (self.unnamed_source or self.own_voice):
            st.para_source = []
            # the sentence names its own source, unnamed or an enterprise speaking of itself ("the brochure says",
            # "according to the plant"): no carried-over one
            return []
        if explicit:
            for k in explicit:
                if self.entities[k].type is E.PERSON:
                    st.last_person = k
            if st.lead_active and set(explicit) - set(st.lead_source):
                st.lead_active = False
            lead = [k for k in explicit if k != self.outlet]  # the outlet's own findings lead nothing after them
            if not st.lead_source and para <= 4 and any(self.entities[k].type is E.ORGANIZATION for k in lead):
                st.lead_source = lead
                st.lead_active = True
            st.last_source = explicit
            st.para_source = explicit
            return explicit
        if st.para_source:
            return st.para_source
        if st.list_source:
            return st.list_source
        self.carried_over = True  # from a paragraph before, or from the report the article opened on
        if st.carry:
            return st.carry
        if st.lead_active:
            return st.lead_source
        return []

    def writer_speaking(self, pron: Token) -> str | None:
        """The writer of a column speaking in the first person outside quotations and interview answers: the one
        person named in the article's first four lines (its byline)."""
        if self.quoted_at(pron.idx) or self.in_answer(pron.idx):
            return None
        named = {m.key for m in self.ments_in(0, self.top, (E.PERSON,), ("name",))}
        return named.pop() if len(named) == 1 else None

    def _label_speaker(self, para_start: int) -> str | None:
        """A transcript's or a record's speaker label opening a paragraph ("[00:31] SOUNDBITE, ULADZIMIR
        KASPEROVICH, GENERAL DIRECTOR:", "Answer (Ivan Petrov, minister):"): the person it names, found by a mention
        in it or by a person's surname written in capitals, whose words the paragraph is."""
        m = SPEAKER_LINE.match(self.text, para_start)
        if m is None:
            return None
        lo, hi = m.start(1), m.end(1)
        named = self.ments_in(lo, hi, (E.PERSON,), ("name",))
        if named:
            return named[0].key
        words = {w.lower() for w in re.findall(r"[A-Za-z][\w’'\-]+", m.group(1)) if w.isupper()}
        people = [e.key for e in self.entities.values() if e.type is E.PERSON and
                  any(nm.split()[-1].lower() in words for nm in e.names if nm.split())]
        return people[0] if len(people) == 1 else None

    def _opens_with_dateline(self, para_start: int) -> bool:
        """The paragraph starts with a wire dateline ("GEORGE TOWN, March 12 --")."""
        while para_start < len(self.text) and self.text[para_start].isspace():
            para_start += 1
        span = self.doc.char_span(para_start, min(len(self.text), para_start + 1), alignment_mode="expand")
        return span is not None and len(span) > 0 and dateline(self.doc, span[0].i) is not None

    # ------------------------------------------------------------------ claims
    def add(self, subject: str | None, pred: Predicate, sent: Span, sources: list[str], modality: Modality, **kw):
        if subject is None:
            return None
        if pred in (P.SUPPLIES, P.DELIVERED):  # "Tehran had sent 400 drones", "sent to Moscow": the countries
            subject = self.country_for_capital(subject)
            if kw.get("object"):
                kw["object"] = self.country_for_capital(kw["object"])
        if kw.get("object") == subject:
            return None
        ev_start, ev_end = sent.start_char, sent.end_char
        evidence = self.text[ev_start:ev_end].strip()
        ev_start = self.text.find(evidence, ev_start) if evidence else ev_start
        # a subject is its own source only when the sentence itself says so ("X said it would ..."), not when a
        # source is carried over from earlier sentences; an enterprise speaking of itself ("the company says")
        # is kept out of `sources`, which the rules skip as subjects, and is the source of what the sentence states
        attributed = self.attribution_for(subject, sources)
        if pred in BACKGROUND and (self.carried_over or self._describes_source(subject, sources, sent)):
            # where a firm is and whose it is: background, not what a source from before says, nor what a source
            # says in describing itself ("said X, an analyst at the Tallinn-based Y")
            attributed = []
        if modality is Modality.REPORTED and pred not in (P.LOCATED_IN, P.PART_OF) and \
                self.entities[subject].type is not E.PLACE and self.own_account(subject, sources):
            # a party's own account of itself ("the company said it sold only ..."); a country's own figures
            # ("Chinese customs data show its exports ...") are its report
            modality = Modality.CLAIMED
        claim = Claim(subject=subject, predicate=pred, modality=modality, attributed_to=attributed,
                      evidence=evidence, evidence_start=ev_start, evidence_end=ev_start + len(evidence), **kw)
        self.claims.append(claim)
        return claim

    def _describes_source(self, subject: str, sources: list[str], sent: Span) -> bool:
        """The subject is one of the sentence's sources, or the employer of one named in it ("X, an analyst at Y in
        Z, said"; not "We are a subsidiary of Z" in the answer of an interviewee named before)."""
        return subject in sources or any(
            self.entities[k].type is E.PERSON and self.employer_of(k) == subject and
            any(m.key == k for m in self.ments_in(sent.start_char, sent.end_char, (E.PERSON,))) for k in sources)

    def attribution_for(self, subject: str, sources: list[str]) -> list[str]:
        """The sources a claim about `subject` is attributed to: the sentence's, or the enterprise speaking of
        itself."""
        return [s for s in sources if s != subject or s in self.stated_sources] or list(dict.fromkeys(self.own_voice))

    def own_account(self, subject: str, sources: list[str]) -> bool:
        """Whether what the sentence says of `subject` is that party's own account of itself, or of its own site
        ("the company says the site can make up to ...")."""
        attributed = self.attribution_for(subject, sources)
        owner = self.owner_org(subject)
        return self._speaks_for(attributed, subject) or bool(owner) and owner != subject and \
            owner in attributed and owner in self.stated_sources + self.own_voice

    def set_subject(self, key: str | None, sent_i: int) -> None:
        if key and self.entities[key].type is E.PLACE:
            self.last_place = (key, sent_i)
        name = self.entities[key].name if key else ""
        # (or one word with a designator's shape, "Aviastar-SP", "UEC-Klimov": no town's or person's name)
        if key and self.entities[key].type is E.ORGANIZATION and (
                len(name.split()) > 1 or re.fullmatch(r"\w+-[A-Z]\w*", name)) and not self._public_body(key):
            # an organisation said to make or send things is an enterprise (a lone word the model calls an
            # organisation is too often a town or a person to be followed as one; "Airborne Forces" is no firm)
            self.industrial.add(key)
        if key and key in self.industrial:
            self.state.last_subject = key
            self.state.last_subject_sent = sent_i

    def run(self) -> list[Claim]:
        for sent_i, sent in enumerate(self.doc.sents):
            sources = self.sources_for(sent, sent_i)
            self.sources = sources
            if any(s0 <= sent.start_char < e0 for s0, e0 in self.headline):
                continue  # the headline says in brief what the body states with its sources
            if _refuted(sent):
                continue  # "X denied that it supplies Y", "an earlier version incorrectly said ...": no fact
            before = len(self.claims)
            facs = self.ments_in(sent.start_char, sent.end_char, (E.FACILITY,))
            self.produces_supplies(sent, sent_i, sources)
            self.located_part(sent, sent_i, sources)
            relations.sentence_relations(self, sent, sent_i, sources)
            figures.numbers(self, sent, sent_i, sources)
            self.milestones(sent, sent_i, sources)
            self.used_in(sent, sent_i, sources)
            # the sentence subject becomes salient for "it", "the plant"
            root = relations.content_root(sent)
            subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if facs:
                self.last_facility = (facs[-1].key, sent_i)
            if subj and not self.is_anaphor(subj[0]):
                k = self.entity_in_phrase(subj[0], (E.ORGANIZATION, E.FACILITY, E.PLACE))
                if k is None and subj[0].dep_ == "nsubjpass" and root.lemma_.lower() in \
                        cv().produces_verbs | cv().supplies_verbs:  # "The boards are made by X. It ships ...": X
                    k = next((self.entity_in_phrase(g, (E.ORGANIZATION, E.FACILITY)) for a in root.children
                              if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                self.set_subject(k, sent_i)
            elif subj and self.state.last_subject:
                self.state.last_subject_sent = sent_i
            elif not subj and (held := self._put_forward(root)) is not None:
                self.set_subject(held, sent_i)  # "Take the X plant, in the town of Y. Its annual report ..."
            self.maker_in_designation(sent, sources)
            self.sourced_from(sent, sent_i, sources)
            self.wider_places(sent, sources)
            if _question(sent):  # a question states no fact, but what it asks about is what the answer speaks of
                del self.claims[before:]
        self.places_in_names()
        return _dedupe(self.claims)

    def _put_forward(self, root: Token) -> str | None:
        """The enterprise an imperative opening a sentence puts forward ("Take the X plant", "Consider X"), which
        the sentences after it speak of."""
        if root.tag_ not in ("VB", "VBP") or root.i != root.sent.start or root.lemma_.lower() not in PUTTING_FORWARD:
            return None
        obj = child(root, "dobj")
        k = self.entity_in_phrase(obj, (E.ORGANIZATION, E.FACILITY)) if obj is not None else None
        return k if k is not None and self.entities[k].type in (E.ORGANIZATION, E.FACILITY) else None

    def wider_places(self, sent: Span, sources: list[str]) -> None:
        """"in Zhlobin, in the Homiel region", "of Novi Sad, Serbia": what is in the town is in the region or
        country written right after it too."""
        places = self.ments_in(sent.start_char, sent.end_char, (E.PLACE,))
        here = []
        for c in reversed(self.claims):  # (this sentence's claims are the last ones added)
            if c.evidence_start is not None and c.evidence_start < sent.start_char:
                break
            if c.predicate is P.LOCATED_IN and c.evidence_start == sent.start_char:
                here.append(c)
        for c in reversed(here):
            town = next((m for m in places if m.key == c.object), None)
            wider = next((m for m in places if town is not None and m.start > town.end and
                          re.fullmatch(r",\s*(?:in\s+(?:the\s+)?)?", self.text[town.end:m.start])), None)
            wider = self._place_qualified(wider, places) if wider is not None else None
            if wider is not None and wider.key != c.subject:
                self.add(c.subject, P.LOCATED_IN, sent, sources, c.modality, object=wider.key)

    def places_in_names(self) -> None:
        """"the Murom Instrument-Making Plant", "Polyot Ivanovo Parachute Plant": an enterprise named after the
        town it stands in (a place the article names) is located there. Evidence: the enterprise's first mention."""
        places = [p for p in self.places.values() if p.type is E.PLACE]
        located = {c.subject for c in self.claims if c.predicate is P.LOCATED_IN}
        for e in self.entities.values():
            if e.type not in (E.ORGANIZATION, E.FACILITY) or e.key not in self.industrial or not e.mentions or \
                    e.key in located:
                continue
            words = re.sub(r"[-–]", " ", e.name).split()
            if len(words) < 2 or words[-1].lower() not in PLANT_NAME_ENDS:
                continue
            for p in places:
                pw = p.name.split()
                if any(words[i:i + len(pw)] == pw for i in range(len(words) - len(pw))):
                    first = min(e.mentions, key=lambda m: m.start)
                    sent = self.doc.char_span(first.start, first.end, alignment_mode="expand").sent
                    self.add(e.key, P.LOCATED_IN, sent, [], Modality.REPORTED, object=p.key)
                    break  # one town from the name

    def _sourcing_prep(self, noun: Token) -> Token | None:
        """The verb when `noun` is what something is got from: "uses X from <noun>", "relies on <noun>"."""
        c = cv()
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("from", "on", "upon"):
            return None
        v = noun.head.head
        if v.lemma_.lower() in c.sourcing_verbs or v.dep_ == "dobj" and v.head.lemma_.lower() in c.sourcing_verbs:
            return v if v.pos_ in ("VERB", "AUX") else v.head
        return None

    def sourced_from(self, sent: Span, sent_i: int, sources: list[str]) -> None:
        """"Y uses engines from Chinese and Iranian firms", "Y relies on Chinese suppliers for X": each
        country of the suppliers supplies Y."""
        c = cv()
        for tok in sent_tokens(sent):
            # "relies on Chinese engines and cameras": the goods themselves carry the nationality
            product = tok.pos_ == "NOUN" and self.ment_at(tok, (E.PRODUCT,), ("product",)) is not None
            if tok.pos_ != "NOUN" or not (product or tok.lemma_.lower() in c.count_nouns or tok.lemma_.lower() in
                                          c.supplies_nouns or tok.lower_ in c.supplies_nouns):
                continue
            verb = self._sourcing_prep(tok)
            if verb is None:
                continue
            mods = [a for a in tok.children if a.dep_ == "amod"]
            mods += [cj for a in mods for cj in a.conjuncts]
            countries = [k for k in (self.norp_place(a) for a in mods) if k]
            if not countries or any(c.dep_ == "appos" and self.ment_at(c, (E.ORGANIZATION,), ("name",))
                                    for c in tok.children):
                continue  # ("a Turkish supplier, Anka Hidrolik": the supplier is named)
            recipient = self.subject_of(verb, sent_i)
            goods = [tok, *tok.conjuncts] if product else [t for t in verb.children if t.dep_ == "dobj"] or \
                [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                 if g.dep_ == "pobj"]
            goods += [cj for g in list(goods) for cj in g.conjuncts]
            texts = []
            for g in goods:
                m = self.ment_at(g, (E.PRODUCT,), ("product",))
                if m and m.text not in texts:
                    texts.append(m.text)
            mod = self.modality(verb, sent)
            for k in countries:
                if k == recipient:
                    continue
                for t in texts or [None]:
                    self.add(k, P.SUPPLIES, sent, sources, mod, object=recipient, object_text=t)

    def maker_in_designation(self, sent: Span, sources: list[str]) -> None:
        """A model designation that begins with its maker's name ("<MAKER>-5316" next to "<MAKER>"): the maker
        produces it, when both are named in the same sentence."""
        ms = self.ments_in(sent.start_char, sent.end_char, (E.ORGANIZATION, E.WEAPON_SYSTEM))
        makers = {norm_name(self.entities[m.key].name): m.key for m in ms if m.type is E.ORGANIZATION}
        for m in ms:
            if m.type is not E.WEAPON_SYSTEM:
                continue
            pm = re.match(r"([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{1,9})-\d", self.entities[m.key].name)
            maker = makers.get(pm.group(1).lower()) if pm else None
            if not maker:
                continue
            # its maker's own model is not "used in" it
            self.claims = [c for c in self.claims if not (c.predicate is P.USED_IN and c.subject == maker
                                                          and c.object == m.key)]
            if not any(c.predicate is P.PRODUCES and c.subject == maker and c.object == m.key for c in self.claims):
                self.add(maker, P.PRODUCES, sent, sources, Modality.REPORTED, object=m.key)

    def _trigger_above(self, tok: Token, sent: Span) -> tuple[Token, str] | None:
        c = cv()
        t = tok
        for ch in tok.children:  # "the microchips produced there"
            if ch.dep_ == "acl" and ch.lemma_.lower() in c.produces_verbs:
                # ("circuits made by American firms", "lathes made in Taiwan": made by those or there, whoever
                # ships them; see _passive_maker)
                return None if child(ch, "agent") is not None or pobj(ch, "in") is not None else (ch, "produces")
        if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in c.supplies_verbs:
            return tok.head, "supplies"  # "components were shipped from X to Y"
        verb = tok.head.head if tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and tok.head.pos_ == "NOUN" \
            else None  # (a noun taken for the head of a clause)
        if verb is not None and verb.i < tok.i and child(verb, "dobj") is None and verb.pos_ == "VERB":
            # "X makes the engines that power Y drones" parsed with "engines" the subject of a clause: the object
            lem = verb.lemma_.lower()
            if lem in c.produces_verbs and not particle_missing(verb) or lem in c.supplies_verbs:
                return verb, "produces" if lem in c.produces_verbs else "supplies"
        head = tok.head
        maker = child(head, "nsubj")
        if tok.dep_ == "ccomp" and tok.pos_ == "NOUN" and head.pos_ == "VERB" and head.i < tok.i and \
                child(head, "dobj") is None and maker is not None and \
                self.ment_at(maker, (E.ORGANIZATION, E.FACILITY)) is not None:
            # "X makes collimator modules", the goods read as a clause of the verb
            lem = head.lemma_.lower()
            if lem in c.produces_verbs and not particle_missing(head) or lem in c.supplies_verbs:
                return head, "produces" if lem in c.produces_verbs else "supplies"
        for _ in range(6):
            if t.dep_ == "ccomp" and _describing_past_form(t):
                t = t.head  # "builds tracked chassis" parsed as "builds" + a clause "tracked chassis"
                if t.lemma_.lower() in c.produces_verbs:
                    return t, "produces"
                continue
            if t.head.i == t.i or t.dep_ in ("nsubj", "nsubjpass", "relcl", "advcl", "ccomp", "csubj", "agent"):
                return None  # (nor the maker's words: "engines produced by the X Works, which ...")
            if t.dep_ == "pobj" and t.head.lower_ in ("inside", "aboard", "around"):
                return None  # "chips made by X inside a Kh-59": where the goods were found, not what was made;
                # "the drone is built around a camera": what goes into the made thing
            if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.pos_ == "NOUN" and \
                    t.head.head.dep_ == "dobj":  # "provided repair plants with parts": the verb, not the plants
                t = t.head.head
                continue
            if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.i != t.head.i:
                h = t.head.head
                if h.lemma_.lower() == "know" and h.tag_ == "VBN":
                    return h, "produces"  # "X is best known for its D-10 parachute"
                if _making_unit(h):
                    return h, "produces"  # "a second assembly hall for Garpiya drones"
                if h.lemma_.lower() not in c.produces_nouns and h.lower_ not in c.produces_nouns and \
                        h.lemma_.lower() not in c.supplies_nouns:
                    return None  # what a product is for ("sights for tanks") is not itself produced or supplied
            t = t.head
            lem = t.lemma_.lower()
            if t.pos_ in ("VERB", "AUX"):
                if lem in c.supplies_verbs:
                    return t, "supplies"
                if lem in c.produces_verbs and not particle_missing(t):
                    return t, "produces"
                if t.pos_ == "VERB" and lem in relations.rv().receive_verbs:
                    return t, "supplies"  # "Y imports X from Z": Z supplies Y (see relations.receive_roles)
                if t.pos_ == "VERB" and t.dep_ == "conj":
                    return None  # "builds X and modernises Y": Y belongs to its own verb, not to the first one
                if t.pos_ == "VERB" and t.dep_ == "xcomp" and t.head.dep_ in ("acl", "relcl"):
                    return None  # "jammers designed to blind airborne radars": what the goods act on
            elif t.pos_ in ("NOUN", "PROPN", "ADJ"):
                if lem in c.supplies_nouns or t.lower_ in c.supplies_nouns:
                    return t, "supplies"
                if lem in c.produces_nouns or t.lower_ in c.produces_nouns:
                    return t, "produces"
        return None

    def _subject_for_trigger(self, trig: Token, sent: Span, sent_i: int) -> str | None:
        m = self.ment_at(trig, (E.FACILITY, E.ORGANIZATION))
        if m:
            return m.key
        if trig.pos_ in ("VERB", "AUX"):
            k = self.subject_of(trig, sent_i)
            if k:
                return k
            if self._unnamed_subject(trig):
                return None  # "Local workshops supply ...": someone unnamed, not whoever was named before
        else:
            k = relations.maker_of_noun(self, trig)
            if k:
                return k
            t = trig
            for _ in range(4):
                if t.dep_ == "appos" or t.dep_ == "attr":  # "Legmash, once a producer of sewing machines"
                    k = self.entity_in_phrase(t.head) if t.dep_ == "appos" else self.subject_of(t.head, sent_i)
                    if k is None and t.dep_ == "appos" and self.is_anaphor(t.head):  # "The plant, one of ..."
                        k = self.referred_site(t.head, sent_i)
                    if k:
                        return k
                if t.dep_ in ("nsubj", "nsubjpass"):
                    break
                if t.head.i == t.i:
                    break
                t = t.head
                if t.pos_ in ("NOUN", "PROPN") and t.lower_ in GENERIC_REF:
                    m = self.ment_at(t, (E.FACILITY,))  # "a drone factory with a capacity of ...": the factory's
                    if m:
                        return m.key
                if t.pos_ in ("VERB", "AUX"):
                    # "building a drone factory ... with a capacity of ...": the site being built, not the builder
                    for o in (c for c in t.children if c.dep_ == "dobj"):
                        m = self.ment_at(o, (E.FACILITY,))
                        if m:
                            return m.key
                    k = self.subject_of(t, sent_i)
                    if k:
                        return k
                    break
        # fall back: an organisation or facility named in the sentence before the trigger, not in a clause on
        # another ("X, which designs modules at its Y workshop, sold ...": X)
        before = [m for m in self.ments_in(sent.start_char, trig.idx, (E.ORGANIZATION, E.FACILITY))
                  if m.key in self.industrial and m.key not in getattr(self, "sources", []) and
                  not self._in_clause_apart(m, trig)]
        if before:
            return before[-1].key
        return self.salient(sent_i) or self.salient_place(sent_i)

    def _in_clause_apart(self, m: Ment, trig: Token) -> bool:
        """The mention is inside a relative clause that does not hold the trigger."""
        span = self._span_of(m)
        if span is None or not len(span):
            return False
        t = span.root
        while t.head.i != t.i:
            if t.dep_ == "relcl" and not (t.left_edge.i <= trig.i <= t.right_edge.i):
                return True
            t = t.head
        return False

    def _site_owner(self, tok: Token) -> str | None:
        """For "the X Centre in St Petersburg, which builds ...": the organisation, not the town it is in."""
        if tok.dep_ == "appos" and tok.head.dep_ == "pobj":  # "based in Bangkok, Thailand, which ..."
            tok = tok.head
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "near", "at", "outside") or \
                not self.ment_at(tok, (E.PLACE,)):
            return None
        holder = tok.head.head
        if holder.pos_ == "VERB" and holder.dep_ in ("acl", "amod", "relcl"):  # "X, based in <town>, which"
            holder = holder.head
        m = self.ment_at(holder, (E.ORGANIZATION, E.FACILITY))
        if m:
            return m.key
        if holder.pos_ == "NOUN" and holder.lower_ in GENERIC_REF:  # "the Energiya plant in Yelets, which ..."
            k = self.entity_in_phrase(holder, (E.ORGANIZATION, E.FACILITY))
            if k is not None and self.entities[k].type in (E.ORGANIZATION, E.FACILITY):
                return k
        return relations.appos_owner(holder, self) if holder.pos_ == "NOUN" else None  # "a trading house in X"

    def _unnamed_subject(self, verb: Token) -> bool:
        """The verb's own subject is a common noun phrase naming no entity (subject_of found no antecedent)."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or verb.tag_ == "VBN" and subj[0].dep_ == "nsubjpass":
            return False
        s = subj[0]
        return s.pos_ in ("NOUN", "PROPN") and self.entity_in_phrase(s) is None

    def _recipient(self, trig: Token, sent: Span, subject: str | None) -> str | None:
        # (also "to" hung on a participle after the goods: "shipped 40 lathes made in Taiwan to Russian plants")
        heads = {trig.i} | {a.i for o in trig.children if o.dep_ == "dobj" for a in o.children
                            if a.dep_ == "acl" and a.tag_ == "VBN"} | \
            {a.i for a in trig.children if aside_participle(a)}
        # (or on an aside about the goods: "sent 22 consignments, weighing 9.4 tonnes, to Y")
        for ch in trig.subtree:
            if ch.dep_ == "prep" and (ch.lower_ == "to" and ch.head.i in heads or ch.lower_ == "for" and
                                      ch.head.i == trig.i) or ch.dep_ == "dative" and ch.head.i == trig.i:
                targets = [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else [ch]
                for g in targets:
                    k = self.entity_in_phrase(g, (E.ORGANIZATION, E.PLACE))
                    if k and k != subject:
                        return k
        for ch in trig.subtree:  # "delivered units worth $9 million to X": "to" hung on the amount
            if ch.dep_ == "prep" and ch.lower_ == "to" and ch.head.pos_ in ("NUM", "NOUN", "ADJ") and \
                    ch.head.i > trig.i:
                for g in (x for x in ch.children if x.dep_ == "pobj"):
                    k = self.entity_in_phrase(g, (E.ORGANIZATION, E.PLACE))
                    if k and k != subject:
                        return k
        for ch in trig.children:  # "provides Russia with ...", "provided Russian arms makers with ..."
            if ch.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "with" for g in (*trig.children,
                                                                                        *ch.children)):
                k = self.entity_in_phrase(ch, (E.PLACE, E.ORGANIZATION)) if ch.lower_ not in ("it", "them") else \
                    next((o for o in reversed(self._orgs_named_before(ch, 0)) if o != subject), None)
                # ("X and firms accused of supplying it with ...": X, the organisation named last before "it")
                if k and k != subject:
                    return k
            if ch.dep_ == "dobj":
                m = self.ment_at(ch, (E.PLACE, E.ORGANIZATION))
                if m and m.key != subject:
                    return m.key
        k = relations.recipient_near(self, trig, subject)
        if k:
            return k
        # a place named elsewhere in the sentence ("to meet Russia's demand"), not one naming the source or
        # describing the supplier ("Peleng, the Minsk optics maker, supplies ...")
        verb = trig  # (and the subject of the clause the noun is in: "The X plant in Belarus has become one of the
        for _ in range(4):  # main suppliers of sights for Russian tanks")
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        src_toks = relations.source_tokens(sent) | {w.i for v in {trig, verb} for c in v.children if c.dep_ == "nsubj"
                                                    for w in c.subtree}
        made_in = {t.i for a in sent_tokens(sent) if a.dep_ == "acl" and a.lemma_.lower() in cv().produces_verbs
                   for p in a.children if p.dep_ == "prep" and p.lower_ == "in" for t in p.subtree}
        for t in sent_tokens(sent):
            if t.i == trig.i or t.i in src_toks or t.i in made_in:  # (not where the goods were made)
                continue
            if t.dep_ in ("amod", "compound") and self._describes_subject(t.head, subject):
                continue  # ("commits the Belarusian plant to deliver ...": where the sender is)
            m = self.ment_at(t, (E.PLACE,))
            k = m.key if m else (self.norp_place(t) if t.ent_type_ == "NORP" else None)
            if k and k != subject:
                return k
        return None

    def _describes_subject(self, noun: Token, subject: str | None) -> bool:
        """The noun names the subject ("commits the Belarusian plant to deliver ..."), so a nationality on it says
        where the sender is, not where the goods go."""
        if subject is None or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        m = self.ment_at(noun, (E.ORGANIZATION, E.FACILITY))
        if m is not None:
            return m.key == subject
        return self.is_anaphor(noun) and self.by_noun(noun, self.sent_index(noun)) == subject

    def produces_supplies(self, sent: Span, sent_i: int, sources: list[str]) -> None:
        prods = [m for m in self.ments_in(sent.start_char, sent.end_char, (E.PRODUCT, E.WEAPON_SYSTEM),
                                          ("name", "product"))]
        for pm in prods:
            span = self.doc.char_span(pm.start, pm.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            # "NK-32 engines, which are produced by X", "the VK-2500, which X has been making"; "fuzes are
            # assembled in workshop No. 12", "the payload is built by X"
            maker = self._relative_maker(root, sent_i) or self._passive_maker(root, sent_i)
            if maker is not None and root.lemma_.lower() in relations.GENERAL_GOODS and definite(root) and \
                    (relations.goods_named_before(self, root) or relations.goods_counted_before(self, root)):
                continue  # "The devices were made by X": the goods named before them (relations reads that)
            if maker is not None:
                key, verb = maker
                if key != pm.key:
                    kw = {"object": pm.key} if pm.type is E.WEAPON_SYSTEM else \
                        {"object_text": pm.text, "object_detail": next(iter(relations.goods_details(span)), None)}
                    for k in (key, *self._other_agents(verb, key)):
                        self.add(k, P.PRODUCES, sent, sources, self.modality(verb, sent), **kw)
                    buyer = self._made_for(root, verb, key)  # "..., which the plant makes for the Navy"
                    if buyer is not None:
                        self.add(key, P.SUPPLIES, sent, sources, self.modality(verb, sent), object=buyer,
                                 object_text=pm.text)
                continue
            found = self._trigger_above(root, sent)
            if not found:
                self._surface_produces(pm, span, sent, sources)
                continue
            trig, kind = found
            if relations.negated(trig):
                continue  # "it does not supply weapons"
            if pm.type is E.WEAPON_SYSTEM and _goods_for(root, trig):
                continue  # "supplies sights for the T-90": the weapon the goods are for (see used_in)
            if kind == "produces" and trig.pos_ == "NOUN" and trig.dep_ == "pobj" and \
                    trig.head.lower_ in ("in", "for") and trig.head.head.lemma_.lower() in cv().used_verbs:
                continue  # "components used in the production of W": goods that go into W (see used_in)
            if kind == "supplies" and self._sourcing_prep(trig) is not None:
                continue  # "relies on Chinese suppliers for X": the suppliers' countries supply (see sourced_from)
            if kind == "supplies" and trig.pos_ == "VERB" and deal_of(trig) is not None:
                continue  # "the tender to supply A was won by X": the parties of the deal (see supply_verbs)
            if kind == "produces" and _goods_noun(root).dep_ == "dobj" and _goods_noun(root).head.i == trig.i and \
                    any(c.dep_ == "prep" and c.lower_ == "into" for c in trig.children):
                continue  # "forges the billets into shell bodies": the billets are the material
            if kind == "produces" and _goods_noun(root).dep_ == "pobj" and _goods_noun(root).head.lower_ == "with" \
                    and _goods_noun(root).head.head.i == trig.i:
                continue  # "where they are filled with explosives": what goes into the goods, not what is made
            if kind == "produces" and trig.dep_ == "acl" and trig.head.i == root.i:
                subject = self.salient(sent_i) if any(c.lower_ in ANAPHORA for c in trig.children) else \
                    self._subject_for_trigger(trig, sent, sent_i)
            elif kind == "produces" and _making_unit(trig):
                subject = self._unit_owner(trig, sent_i) or self._subject_for_trigger(trig, sent, sent_i)
            else:
                subject = self._subject_for_trigger(trig, sent, sent_i)
            if kind == "supplies" and trig.pos_ == "NOUN" and trig.lemma_.lower() not in WANTING_NOUNS:
                subject = noun_roles(self, trig)[0] or subject  # "found 40 shipments of W from X": X
                subject = exporter(self, subject, trig, sent, sources)  # "TurkStat data show exports of W"
            recv = relations.receive_roles(trig, self, sent_i) if kind == "supplies" else None
            if recv is None and kind == "supplies":
                recv = relations.passive_supply_roles(trig, self)
            if recv is not None and recv[0] is None:  # the goods' nationality: "India buys Russian S-400s"
                recv = (relations.maker_country(self, root), recv[1])
            if recv and recv[0]:  # "Y received shipments of W from X": X supplies Y
                subject = recv[0]
            elif recv is not None:
                continue  # a receiving or passive verb without a named supplier: the subject is not one
            if subject is None or subject == pm.key:
                continue
            mod = self.modality(trig, sent)
            details = relations.goods_details(span) or [None]
            # "X and Y both make Z": every coordinated subject
            for subj in [subject, *self.coordinated_subjects(trig, subject)]:
                if subj == pm.key or self.entities[subj].type not in (E.ORGANIZATION, E.FACILITY, E.PLACE):
                    continue
                if kind == "produces":
                    if pm.type is E.WEAPON_SYSTEM:
                        self.add(subj, P.PRODUCES, sent, sources, mod, object=pm.key)
                    else:
                        for detail in details:
                            self.add(subj, P.PRODUCES, sent, sources, mod, object_text=pm.text, object_detail=detail)
                    buyer = self._made_for(root, trig, subj)
                    if buyer is not None:  # "builds patrol boats for the Navy": made for a customer, supplied to it
                        self.add(subj, P.SUPPLIES, sent, sources, mod, object=buyer, object_text=pm.text)
                else:
                    rec = recv[1] if recv and recv[0] else self._recipient(trig, sent, subj)
                    if rec is None and recv and recv[0] and trig.dep_ == "ROOT" and relations.is_passive(trig):
                        # "Gearboxes are supplied by a Chinese manufacturer, X": to the enterprise the text is about
                        rec = self.salient(sent_i, org_only=True)
                        rec = None if rec == subj else rec
                    for detail in details:
                        self.add(subj, P.SUPPLIES, sent, sources, mod, object=rec, object_text=pm.text,
                                 object_detail=detail)
                self.set_subject(subj, sent_i)

    def _made_for(self, root: Token, trig: Token, maker: str) -> str | None:
        """The customer goods are made for: "patrol boats for the Navy", "which it is producing for the Ministry of
        Defence" (an organisation or a country after "for", not a weapon the goods go into)."""
        noun = _goods_noun(root)
        for head in (noun, trig):
            for g in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                      if g.dep_ == "pobj"):
                if any(self.ment_at(t, (E.WEAPON_SYSTEM, E.PRODUCT)) for t in g.subtree) or \
                        g.lemma_.lower() in vocab().weapon_cues or g.lower_ in vocab().weapon_cues or \
                        g.lower_ in vocab().product_heads:
                    continue  # what the goods go into ("control units for Russia's Satan missiles"), not a buyer
                k = self.entity_in_phrase(g, (E.ORGANIZATION, E.PLACE))
                if k is not None and k != maker and self.entities[k].type in (E.ORGANIZATION, E.PLACE):
                    return k
        return None

    def _relative_maker(self, root: Token, sent_i: int) -> tuple[str, Token] | None:
        """The maker a relative clause on the goods names: its agent ("which are produced by X") or its subject
        ("which X has been producing")."""
        noun = _goods_noun(root)
        for rel in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in cv().produces_verbs):
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in rel.children):
                agent = next((g for c in rel.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                             None)
                k = self.entity_in_phrase(agent, (E.ORGANIZATION, E.FACILITY)) if agent is not None else None
            else:
                subj = next((c for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in ("which", "that")),
                            None)
                k = self.subject_of(rel, sent_i) if subj is not None else None
            if k is not None and self.entities[k].type in (E.ORGANIZATION, E.FACILITY):
                return k, rel
        return None

    def _passive_maker(self, root: Token, sent_i: int) -> tuple[str, Token] | None:
        """Who or where makes goods that are the subject of a passive making verb: its agent ("is built by X"), the
        site after "in"/"at" ("are made in workshop No. 4"), or the site a "where" clause is on ("workshop No. 12,
        where fuzes are assembled")."""
        noun = _goods_noun(root)
        # "the TY-180 is a flat twin built by X": the making verb hangs on the copula's attribute
        attr_verb = next((v for a in noun.head.children if a.dep_ == "attr" for v in a.children
                          if v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_.lower() in cv().produces_verbs), None) \
            if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" else None
        if attr_verb is None:  # "the Tolou-10, a turbojet developed by X": on a description in apposition
            attr_verb = self._described_as_made(noun)
        if attr_verb is None and (noun.dep_ != "nsubjpass" or noun.head.lemma_.lower() not in cv().produces_verbs):
            return None
        verb = attr_verb or noun.head
        for ch in verb.children:
            if ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "in", "at"):
                g = next((g for g in ch.children if g.dep_ == "pobj"), None)
                k = self.entity_in_phrase(g, (E.ORGANIZATION, E.FACILITY)) if g is not None else None
                if k is not None and self.entities[k].type in (E.ORGANIZATION, E.FACILITY):
                    return k, verb
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            m = self.ment_at(verb.head, (E.ORGANIZATION, E.FACILITY), ("name", "desc"))
            if m is not None:
                return m.key, verb
        return None

    def _described_as_made(self, noun: Token) -> Token | None:
        """The making participle of a description set off by a comma right after the goods ("the Tolou-10, a
        turbojet developed by X"), wherever the parser hung the description."""
        doc = noun.doc
        if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
            return None
        desc = next((t for t in doc[noun.i + 2:min(len(doc), noun.i + 6)] if t.dep_ == "appos"), None)
        if desc is None or any(t.is_punct for t in doc[noun.i + 2:desc.i]):
            return None
        return next((v for v in desc.rights if v.dep_ == "acl" and v.tag_ == "VBN" and
                     v.lemma_.lower() in cv().produces_verbs and any(c.dep_ == "agent" for c in v.children)), None)

    def _other_agents(self, verb: Token, first: str) -> list[str]:
        """The makers coordinated with the first: "made by X and Y", "made by X and by Y"."""
        agents = [g for ch in verb.children if ch.dep_ == "agent" for b in (ch, *ch.conjuncts)
                  for g in b.children if g.dep_ == "pobj"]
        out = []
        for g in (c for a in agents for c in (a, *a.conjuncts)):
            k = self.entity_in_phrase(g, (E.ORGANIZATION, E.FACILITY))
            if k is not None and k != first and k not in out and self.entities[k].type is not E.PLACE:
                out.append(k)
        return out

    def _surface_produces(self, pm: Ment, span: Span, sent: Span, sources: list[str]) -> None:
        """"Aviastar-SP assembles the Il-76MD-90A ...", "the X plant supplies cameras to Y", when the parser takes
        the verb for a noun: a making or supplying verb written right after a named organisation, with only the
        goods' own words between it and the goods."""
        for i in range(span.start - 1, max(sent.start, span.start - 6) - 1, -1):
            tok = self.doc[i]
            if tok.is_punct and tok.text != "-" or tok.pos_ in ("ADP", "CCONJ", "SCONJ") or \
                    tok.pos_ in ("VERB", "AUX") and tok.lower_ not in ("is", "are"):
                return  # a real verb or a clause break: the normal rules had their chance
            verb = trade_verb_read_as_noun(tok)
            if verb is None:
                continue
            before = self.doc[i - 1] if i > sent.start else None  # the name, or its cue noun ("the X plant")
            org = self.entity_in_phrase(before, (E.ORGANIZATION, E.FACILITY)) \
                if before is not None and before.pos_ in ("NOUN", "PROPN") else None
            if org is None or org == pm.key:
                return
            mod = self.modality(tok, sent)
            if verb == "produces":
                goods = {"object": pm.key} if pm.type is E.WEAPON_SYSTEM else {"object_text": pm.text}
                self.add(org, P.PRODUCES, sent, sources, mod, **goods)
            else:
                self.add(org, P.SUPPLIES, sent, sources, mod, object=self._surface_recipient(span, sent, org),
                         object_text=pm.text)
            return

    def _surface_recipient(self, goods: Span, sent: Span, supplier: str) -> str | None:
        """The organisation or place right after "to" following the goods, before the clause ends."""
        for t in sent[goods.end - sent.start:]:
            if t.is_punct:
                return None
            if t.lower_ == "to" and t.i + 1 < sent.end:
                for u in sent[t.i + 1 - sent.start:]:
                    if u.is_punct:
                        return None
                    m = self.ment_at(u, (E.ORGANIZATION, E.PLACE)) or \
                        (self.norp_place(u) if u.ent_type_ == "NORP" else None)
                    k = m.key if isinstance(m, Ment) else m
                    if k and k != supplier:
                        return k
                return None
        return None

    def coordinated_subjects(self, trig: Token, subject: str) -> list[str]:
        """Other subjects coordinated with the one found for a trigger verb ("X and Y both make Z")."""
        if trig.pos_ not in ("VERB", "AUX"):
            return []
        out = []
        for s in (c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")):
            if self.entity_in_phrase(s) != subject:
                continue
            for conj in s.conjuncts:
                m = self.ment_at(conj, (E.ORGANIZATION, E.FACILITY, E.PLACE))
                if m and m.key != subject and m.key not in out:
                    out.append(m.key)
        return out

    def _nationality_word(self, m: Ment) -> bool:
        """The place mention is a nationality adjective ("used in the Russian Orlan-10"), not the place's name."""
        span = self._span_of(m)
        return span is not None and len(span) == 1 and span[0].ent_type_ == "NORP" and span[0].pos_ == "ADJ"

    def located_part(self, sent: Span, sent_i: int, sources: list[str]) -> None:
        names = self.ments_in(sent.start_char, sent.end_char)
        text = self.text
        for a in names:
            if a.type not in (E.ORGANIZATION, E.FACILITY):
                continue
            for b in names:
                if b.start <= a.end or b.start - a.end > 90:  # (the gaps' patterns bound them further)
                    continue
                gap = text[a.end:b.start]
                if "\n" in gap:
                    continue
                b = self._place_qualified(b, names)
                if b.type is E.PLACE and not self._nationality_word(b) and (SITE_GAP.fullmatch(gap) or \
                        a.layer == "name" and (
                        OF_GAP.fullmatch(gap) or SEAT_GAP.fullmatch(gap) or FOUNDED_GAP.fullmatch(gap) or
                        _town_set_off(gap, text[b.end:b.end + 12], b.text) or self._from_town(a, gap) or
                        self._town_role_after(gap, b))):
                    mod = Modality.PLANNED if a.layer == "desc" and re.search(
                        r"\b(?:plan|propos|would|will)", span_text(sent), re.I) else Modality.REPORTED
                    self.add(a.key, P.LOCATED_IN, sent, sources, mod, object=b.key)
                    # "of Novi Sad, Serbia", "in Zhlobin, in the Homiel region": the country or region after the town
                    nxt = [c for c in names if c.type is E.PLACE and c.start > b.end and
                           re.fullmatch(r",\s*(?:in\s+(?:the\s+)?)?", text[b.end:c.start])]
                    if nxt:
                        self.add(a.key, P.LOCATED_IN, sent, sources, mod,
                                 object=self._place_qualified(nxt[0], names).key)
                elif a.type is E.ORGANIZATION and b.type is E.FACILITY and _names_a_site(b.text) and \
                        (SITE_GAP.fullmatch(gap) or SEAT_GAP.fullmatch(gap) or APPOS_IN_GAP.fullmatch(gap)):
                    # "X, a resin maker in the Vapi industrial estate of Gujarat": X is part of the estate, and in the
                    # place written right after it
                    self.add(a.key, P.PART_OF, sent, sources, Modality.REPORTED, object=b.key)
                    nxt = [c for c in names if c.type is E.PLACE and c.start > b.end and
                           re.fullmatch(r",?\s*(?:in|of)\s+(?:the\s+)?", text[b.end:c.start])]
                    if nxt:
                        self.add(a.key, P.LOCATED_IN, sent, sources, Modality.REPORTED,
                                 object=self._place_qualified(nxt[0], names).key)
                # (not the owner of the parent: "part of Rostec's X holding" is X's)
                elif b.type in (E.ORGANIZATION, E.FACILITY) and not text.startswith(("'s", "’s"), b.end) and \
                        re.fullmatch(
                        r",?\s*(?:now\s+)?(?:a\s+|an\s+)?(?:part|subsidiary|unit|division|branch|member|affiliate|"
                        r"(?:daughter|subsidiary)\s+(?:company|enterprise))\s+of\s+"
                        r"(?:the\s+)?(?:[A-Z][\w\-]*\s+)?", gap) or \
                        a.layer == "desc" and b.type is E.ORGANIZATION and re.fullmatch(
                        r".{0,40}?\b(?:launched|built|established|set up|created|opened|located|housed)\s+(?:at|on the "
                        r"basis of|based on|within|inside|on the premises of)\s+(?:the\s+)?", gap):
                    self.add(a.key, P.PART_OF, sent, sources, Modality.REPORTED, object=b.key)
                break_pair = False
                if break_pair:
                    break
            # "a Warsaw-based monitoring organization"
        self._seat_before(names, sent, sources)
        self._home_to(names, sent, sources)
        for m in re.finditer(r"\b([A-Z][\w\-]+)-(?:based|registered|headquartered)\b", span_text(sent)):
            pos = sent.start_char + m.start(1)
            place = [x for x in self.ments if x.start == pos and x.type is E.PLACE]
            # "X, a Cyprus-registered company" (the name before), "the Aarhus-based Kattegat Institute" (after)
            end = sent.start_char + m.end()
            after = [x for x in names if x.type is E.ORGANIZATION and 0 <= x.start - end <= 25 and
                     not re.search(r"[,;]", self.text[end:x.start])]
            orgs = after[:1] or [x for x in names if x.type is E.ORGANIZATION and x.end <= pos][-1:]
            if place and orgs:
                self.add(orgs[0].key, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=place[0].key)
        # unnamed facilities with their own place ("a drone manufacturing facility in Belarus")
        for a in names:
            if a.layer != "desc":
                continue
            m = re.search(r"\b(?:in|near)\s+(?:neighbou?ring\s+)?([A-Z][\w\-]+)$", a.text)
            if m:
                pl = [x for x in self.places.values() if m.group(1) in x.names]
                if pl:
                    mod = Modality.PLANNED if re.search(r"\b(?:plan|propos|would|will)", span_text(sent), re.I) \
                        else Modality.REPORTED
                    self.add(a.key, P.LOCATED_IN, sent, sources, mod, object=pl[0].key)

    def _place_qualified(self, m: Ment, names: list[Ment]) -> Ment:
        """"in Russia's Vologda region": the place a possessive country qualifies, not the country (but "Kaluga's
        Rosva park" is in Kaluga)."""
        if m.type is not E.PLACE or self.text[m.end:m.end + 3] not in ("'s ", "’s ") or not is_country(m.text):
            return m
        return next((n for n in names if n.start == m.end + 3 and n.type is E.PLACE), m)

    def _town_role_after(self, gap: str, town: Ment) -> bool:
        """"Ekinci Elektronik, an Istanbul wholesaler, ...": a description set off after the name whose town
        modifies a role noun (a firm, a maker, a wholesaler)."""
        if not APPOS_GAP.fullmatch(gap):
            return False
        m = re.match(r"(?:\s+[a-z\-]+){1,2}?(?=[\s,;.)]|$)", self.text[town.end:town.end + 40])
        last = m.group(0).split()[-1] if m else ""
        return last.rstrip("s") in relations.rv().role_nouns or last in relations.rv().role_nouns or \
            last.endswith(("maker", "builder", "saler", "seller"))

    def _from_town(self, a: Ment, gap: str) -> bool:
        """"Aerobel Systems from Hrodna showed ...": "from" hung on the name itself (not "bought parts from X from
        Minsk", where it belongs to the verb)."""
        if gap != " from ":
            return False
        tok = self.doc.char_span(a.end + 1, a.end + 5, alignment_mode="expand")
        return tok is not None and tok[0].lower_ == "from" and a.start <= tok[0].head.idx < a.end

    def _home_to(self, names: list[Ment], sent: Span, sources: list[str]) -> None:
        """"Izhevsk is (also) home to the Kupol plant": the enterprise is in the place."""
        for m in re.finditer(r"\b(?:is|was|remains)\s+(?:also\s+)?home\s+to\s+", span_text(sent)):
            pos, end = sent.start_char + m.start(), sent.start_char + m.end()
            place = [p for p in names if p.type is E.PLACE and p.end <= pos and pos - p.end <= 2]
            org = [o for o in names if o.type in (E.ORGANIZATION, E.FACILITY) and 0 <= o.start - end <= 40 and
                   not re.search(r"[,;]", self.text[end:o.start])]
            if place and org:
                self.add(org[0].key, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=place[-1].key)

    def _seat_before(self, names: list[Ment], sent: Span, sources: list[str]) -> None:
        """A place written before an enterprise: "Baku, where a forwarder, X, books ..." and "the U.S. firm X",
        "Turkish company X" (a place word, a company noun, the name)."""
        text = self.text
        for a in names:
            if a.type is not E.ORGANIZATION or a.layer != "name":
                continue
            before = [p for p in names if p.type is E.PLACE and p.end <= a.start and a.start - p.end <= 80]
            if before and WHERE_GAP.fullmatch(text[before[-1].end:a.start]):
                self.add(a.key, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=before[-1].key)
                continue
            tok = self.doc.char_span(a.start, a.end, alignment_mode="expand")
            if tok is None or tok.start < 2:
                continue
            cue = self.doc[tok.start - 1]
            if cue.lower_ in ("called", "named") and cue.i > 1:
                cue = self.doc[cue.i - 1]  # "a Moscow importer called X"
            elif cue.text == "," and cue.i > 1 and tok.root.dep_ == "appos":
                cue = self.doc[cue.i - 1]  # "from a Graz stockist, X, ..."
            if cue.lower_ == "tank" and self.doc[cue.i - 1].lower_ == "think":
                cue = self.doc[cue.i - 1]  # "the Tallinn think tank X"
            # (an enterprise's seat; a broadcaster's or an agency's country is not what the article is about)
            role = cue.lemma_.lower() in relations.rv().role_nouns or cue.lower_.endswith(("maker", "builder")) or \
                cue.lower_ == "think"  # "chipmaker", "shipbuilder"
            if not role or not cue.text.islower():
                continue
            for t in self.doc[max(0, cue.i - 3):cue.i]:
                k = self._place_word(t)
                if k and k != a.key:
                    self.add(a.key, P.LOCATED_IN, sent, sources, Modality.REPORTED, object=k)
                    break

    def country_for_capital(self, key: str) -> str:
        """A capital named as a party to a supply stands for its country, when the article names the country."""
        e = self.entities[key]
        country = country_of_capital(e.name) if e.type is E.PLACE else None
        if country is None:
            return key
        n = norm_name(country)
        return next((k for k, p in self.places.items() if p.type is E.PLACE and n in {norm_name(x) for x in p.names}),
                    key)

    def _dates_in(self, sent: Span, days: bool = False) -> list[DateMention]:
        """The dates written in the sentence; else the date heading its line ("March 2019: X acquires Y"). A day of
        the week ("on Monday") only with `days`: it dates an event, while a figure in its sentence is most often
        older ("prosecutors told the court on Monday that X shipped 900 ...")."""
        return [d for d in self.dates if sent.start_char <= d.start < sent.end_char and (days or not d.weekday)] or \
            self._heading_dates(sent)

    def _heading_dates(self, sent: Span) -> list[DateMention]:
        """A timeline's date that starts the line and that the parser cut off as a sentence of its own ("March 2019:",
        "2022 —"): it dates the sentence after it on the same line."""
        i = self.sent_index(sent[0])
        if i == 0:
            return []
        start, _, end = self._sent_span(i - 1)
        end = start + len(self.text[start:end].rstrip())  # (a sentence's span takes the line break after it)
        if "\n" in self.text[end:sent.start_char] or start > 0 and self.text[start - 1] != "\n":
            return []
        dates = [d for d in self.dates if start <= d.start < end]
        rest = self.text[start:end]
        for d in dates:
            rest = rest.replace(d.text, " ")
        return dates if dates and not re.search(r"\w", rest) else []

    def milestones(self, sent: Span, sent_i: int, sources: list[str]) -> None:
        low = self.text[sent.start_char:sent.end_char].lower()
        dates = [d for d in self._dates_in(sent, days=True) if d.value or d.date_from]
        events = []  # (pos, end, event, phrase)
        for ev, pat in _milestone_patterns():
            for m in pat.finditer(low):
                pos = sent.start_char + m.start()
                if any(p <= pos < p2 for p, p2, _, _ in events):
                    continue
                events.append((pos, sent.start_char + m.end(), ev, m.group(0)))
        # a unit that "is due to start" starts work; one that "is planned for 2027" is planned; a plant that
        # "started a second line" put it to work
        for t in sent_tokens(sent):
            ev = "operations_started" if t.lemma_.lower() in ("start", "begin") else \
                "planned" if t.lower_ == "planned" and t.tag_ == "VBN" and child(t, "xcomp") is None else None
            subj = child(t, "nsubj", "nsubjpass") if t.pos_ == "VERB" and ev else None
            if ev == "operations_started" and t.pos_ == "VERB" and t.tag_ != "VBN" and \
                    (started := child(t, "dobj")) is not None and self.ment_at(started, (E.FACILITY,), ("desc",)):
                subj = started
            if subj is not None and self.ment_at(subj, (E.FACILITY,), ("name", "desc")) is not None and \
                    not any(p <= t.idx < p2 for p, p2, _, _ in events):
                events.append((t.idx, t.idx + len(t.text), ev, t.lower_))
        if not events:
            return
        events.sort()
        used_dates: set[int] = set()
        for pos, end, ev, _phrase in events:
            tok = self.doc.char_span(pos, end, alignment_mode="expand")
            if tok is None:
                continue
            trig = tok.root
            # the date of this event: the nearest date after it within the clause, else before it
            # (not across another event or a verb of its own: "revived after X, was rebuilt by 2023")
            cand = [d for d in dates if d.start >= end and d.start - end < 60 and
                    not re.search(r"[;]|\band\b(?! (?:a|one) half)", self.text[end:d.start]) and
                    not any(end <= p2 < d.start for p2, _, _, _ in events) and
                    not re.search(r",\s+(?:was|were|is|are|has|had|have)\s", self.text[end:d.start])]
            if not cand:
                cand = [d for d in dates if d.end <= pos and (pos - d.end < 40 or d.end <= sent.start_char) and
                        not re.search(r"[;]|\band\b", self.text[d.end:pos]) and
                        not any(d.end <= p2 < pos for p2, _, _, _ in events)]
                cand = cand[-1:]
            date = cand[0] if cand else None
            if date is None and (ev not in ("suspended", "revived", "planned", "construction_started")
                                 or trig.pos_ not in ("VERB", "ADJ") and _phrase != "under construction"):
                continue
            if date is not None and id(date) in used_dates:
                continue
            obj = child(trig, "dobj") if trig.pos_ == "VERB" and trig.tag_ != "VBN" else None
            if obj is not None and trig.lemma_.lower() in ("build", "rebuild", "equip") and \
                    obj.lemma_.lower() not in vocab().facility_heads | GENERIC_REF and \
                    self.ment_at(obj, (E.FACILITY,), ("name", "desc")) is None:
                continue  # "is scheduled to build 200 chassis this year": goods, not a site, being built
            progressive = bool(_progressive_pattern().fullmatch(_phrase))
            if progressive:  # "was building a new plant": only a facility being built is a construction milestone
                heads = vocab().facility_heads | vocab().facility_name_words  # or an enterprise named "X Plant"
                built = [m for m in self.ments_in(end, sent.end_char, (E.FACILITY, E.ORGANIZATION))
                         if m.start - end < 40][:1]
                built = [m for m in built if self.entities[m.key].type is E.FACILITY
                         or self.text[m.start:m.end].split()[-1].lower() in heads]
                if not built or built[0].key in sources:
                    continue
            # (the verb a phrase ends on carries its modality: "construction is to begin")
            mod = self.modality(tok[-1] if tok[-1].pos_ == "VERB" else trig, sent)
            event = ev
            if ev == "operations_started" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in
                                                  ("work", "construction", "earthwork") for c in trig.children):
                event = ev = "construction_started"  # "work on the building was launched"
            if ev in ("operations_started", "completed") and mod is Modality.PLANNED:
                event = "scheduled_launch" if ev == "operations_started" else ev
            if ev == "planned":
                mod = Modality.REPORTED
            subject = None
            inside = self.ments_in(pos, end, (E.FACILITY,), ("name", "desc")) or \
                self.ments_in(pos, end, (E.ORGANIZATION,), ("name",))
            if progressive:
                subject = built[0].key
            elif inside and len(_phrase.split()) > 3:  # "work on a new hall at X began": the hall
                subject = inside[0].key
            elif ev in ("planned", "construction_started"):
                after = [m for m in self.ments_in(end, sent.end_char, (E.FACILITY,)) if m.start - end < 60]
                if after:
                    subject = after[0].key
            if subject is None:  # "a new hall, where ground was broken in 2024": the noun the clause is on
                # (or the site a place it hangs on belongs to: "the new plant at X in Y, where ...")
                rel = next((t for t in [trig, *trig.ancestors][:3] if t.dep_ == "relcl"), None)
                noun = rel.head if rel is not None else None
                m = None
                for _ in range(5 if noun is not None else 0):
                    m = self.ment_at(noun, (E.FACILITY,), ("name", "desc"))
                    if m is not None or noun.dep_ not in ("pobj", "prep", "appos", "compound") or \
                            noun.head.i == noun.i:
                        break
                    noun = noun.head
                subject = m.key if m else None
            if subject is None:
                subject = relations.facility_object(self, trig)
            if subject is None:
                subject = self.unit_subject(trig)
            if subject is None:
                subject = self.subject_of(trig, sent_i) if trig.pos_ in ("VERB", "AUX", "ADJ") else None
                if subject is None:
                    t = trig
                    for _ in range(4):
                        if t.head.i == t.i:
                            break
                        t = t.head
                        if t.pos_ in ("VERB", "AUX"):
                            subject = self.subject_of(t, sent_i)
                            break
            if subject is None:
                descs = self.ments_in(sent.start_char, sent.end_char, (E.FACILITY, E.ORGANIZATION))
                subject = descs[0].key if descs else self._new_unit_in_focus(sent_i, ev) or self.salient(sent_i)
            if subject is None or subject not in self.industrial or subject in sources:
                continue
            kw = date_kw(date) if date else {}
            if date is not None:
                used_dates.add(id(date))
            if date is not None and date.prep == "after" and "date" in kw:
                kw = {"date_from": kw["date"]}
            self.add(subject, P.MILESTONE, sent, sources, mod, event=MilestoneEvent(event), **kw)
            self.set_subject(subject, sent_i)

    def _new_unit_in_focus(self, sent_i: int, event: str) -> str | None:
        """"X opened a new workshop. Building work began in 2025": the building, opening or completion a sentence
        names no subject for is the new unit last spoken of, not its enterprise."""
        if event not in ("construction_started", "operations_started", "completed", "planned"):
            return None
        k = self.salient(sent_i, facility=True)
        return k if k is not None and self.entities[k].type is E.FACILITY and (
            relations.is_new_facility(self, k) or self.entities[k].name.split()[-1].lower() in UNIT_WORDS) else None

    def _unit_owner(self, unit: Token, sent_i: int) -> str | None:
        """The enterprise that makes what a new hall or line is for: the one that opens or builds it, or the one
        it is at or of ("a new line at the X plant", "X's new hall")."""
        verb = unit.head if unit.dep_ == "dobj" else None
        if unit.dep_ == "pobj" and unit.head.lower_ == "for":  # "sought equipment for a new nitration unit"
            verb = unit.head.head if unit.head.head.pos_ == "VERB" else \
                unit.head.head.head if unit.head.head.dep_ == "dobj" else None
        parties = [self.subject_of(verb, sent_i)] if verb is not None and verb.pos_ == "VERB" else []
        parties += [m.key for g in unit.children if g.dep_ == "poss" or g.dep_ == "prep" and g.lower_ in ("at", "of")
                    for w in ([g] if g.dep_ == "poss" else [c for c in g.children if c.dep_ == "pobj"])
                    if (m := self.ment_at(w, (E.ORGANIZATION,), ("name",)))]
        return next((k for k in parties if k is not None and self.entities[k].type is E.ORGANIZATION), None)

    def unit_subject(self, trig: Token) -> str | None:
        """"The new assembly hall opened in 2025", "the hall at X was completed": a hall, shop or line that is the
        event's subject is the one named with that word before (in the last 1,500 characters), not the enterprise
        it belongs to."""
        v = trig if trig.pos_ in ("VERB", "AUX") else next((a for a in trig.ancestors if a.pos_ in ("VERB", "AUX")),
                                                           None)
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None) if v is not None else None
        if subj is None or subj.pos_ != "NOUN" or subj.lower_ not in UNIT_WORDS:
            return None
        here = self.ment_at(subj, (E.FACILITY,), ("name", "desc"))
        if here is not None:
            return here.key
        before = [m for m in self.ments_in(max(0, subj.idx - 1500), subj.idx, (E.FACILITY,), ("name", "desc"))
                  if m.text.lower().split()[-1:] == [subj.lower_]]
        return before[-1].key if before else None

    def _roots_in(self, part: str, sent: Span) -> list[Token]:
        """The head words of the part's mentions in the sentence."""
        spans = (self._span_of(m) for m in self.ments_in(sent.start_char, sent.end_char, (E.PRODUCT,),
                                                         ("name", "product")) if m.key == part)
        return [sp.root for sp in spans if sp is not None]

    def _goods_fitted_to(self, part: str, sent: Span) -> list[str]:
        """Goods the sentence fits to the part: "the plant's fuzes go on the 120 mm bombs that the 2B11 fires" puts
        the fuzes, like the bombs, into the mortar."""
        out: list[str] = []
        for r in self._roots_in(part, sent):
            if r.dep_ != "pobj" or r.head.lower_ not in ("to", "into", "in", "on", "onto") or \
                    r.head.head.lemma_.lower() not in cv().used_verbs | GOES_INTO:
                continue
            subj = child(r.head.head, "nsubjpass", "nsubj")
            goods = self.ment_at(subj, (E.PRODUCT,), ("name", "product")) if subj is not None else None
            if goods is not None and goods.key != part and goods.key not in out:
                out.append(goods.key)
        return out

    def _goods_made_for(self, part: str, sent: Span) -> list[tuple[str | None, str]]:
        """Goods made or sold for the part in the two sentences before, with who makes or sells them: "X machines
        turbine discs for small turbofan engines. The engines power the Kh-50": X goes into the missile, and so do
        the discs where the article names them as goods."""
        head = _last_word_stem(self.entities[part].name)
        first = self.start_of_sentence_before(sent[0], 2)
        out: list[tuple[str | None, str]] = []
        for c in self.claims:
            if c.predicate not in (P.PRODUCES, P.SUPPLIES) or not c.object_text or c.evidence_start is None or \
                    not first <= c.evidence_start < sent.start_char:
                continue
            at = self.text.find(c.object_text, c.evidence_start, c.evidence_end)
            span = self.doc.char_span(at, at + len(c.object_text), alignment_mode="expand") if at >= 0 else None
            purpose = pobj(span[-1], "for") if span is not None else None
            if purpose is not None and _last_word_stem(purpose.text) == head:
                goods = self.ment_at(span[-1], (E.PRODUCT,), ("name", "product"))
                out.append((goods.key if goods is not None and goods.key != part else None, c.subject))
        return out

    def _makers_of(self, part: str) -> list[str]:
        """Who the article has said makes a named component model, so far."""
        if self.entities[part].type is not E.PRODUCT:
            return []
        return list(dict.fromkeys(c.subject for c in self.claims if c.predicate is P.PRODUCES and c.object == part))

    def _goods_on_path(self, weapon: Token) -> bool:
        """Goods are what the clause above the weapon is about: a product on the way up, or the subject or object
        of a verb there ("the periscopes go into the T-90M", "found its periscopes inside a T-90M", "they are a
        component of ...")."""
        for a in list(weapon.ancestors)[:6]:
            if self.ment_at(a, (E.PRODUCT,), ("name", "product")):
                return True
            if a.pos_ in ("VERB", "AUX"):
                return any(ch.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    ch.lower_ in REFERRING_GOODS or self.ment_at(ch, (E.PRODUCT,), ("name", "product")))
                    for ch in a.children)
        return False

    def _weapons_referred_back(self, sent: Span) -> list[Ment]:
        """"... 2,000 Garpiya drones. Engines for the drones come from X": "the drones" (the noun written after a
        model named in the paragraph) stands for that model."""
        para = self.paras[self.para_of(sent.start_char)]
        named = self.ments_in(max(0, para - 600, sent.start_char - 900), sent.start_char, (E.WEAPON_SYSTEM,),
                              ("name",))
        nouns: dict[str, str] = {}
        for m in named:  # the class noun each model was written with, the latest model winning
            after = re.match(r"\s+([a-z]+)\b", self.text[m.end:m.end + 30])
            if after is not None:
                nouns[after.group(1)] = m.key
        out = []
        for t in sent_tokens(sent):
            if t.lower_ in nouns and t.pos_ == "NOUN" and t.dep_ != "compound" and definite(t):
                out.append(Ment(t.idx, t.idx + len(t.text), nouns[t.lower_], E.WEAPON_SYSTEM, "name", t.text))
        return out + self._both_weapons(sent)

    def _both_weapons(self, sent: Span) -> list[Ment]:
        """"The bearings go into both vehicles", "the boards are fitted in both": the two models named last before
        the sentence."""
        out = []
        for t in sent_tokens(sent):
            if t.tag_ == "NNS" and t.lower_ in BOTH_WEAPONS_NOUNS and any(c.lower_ == "both" for c in t.children) or \
                    t.lower_ == "both" and t.dep_ == "pobj" and t.head.lower_ in ("in", "into", "on", "onto", "for"):
                out += [Ment(t.idx, t.idx + len(t.text), k, E.WEAPON_SYSTEM, "name", t.text)
                        for k in self._last_two_weapons(sent.start_char)]
        return out

    def _last_two_weapons(self, before: int) -> list[str]:
        """The two weapon models named last before `before` (within the last 1,500 characters), for "both"."""
        keys: list[str] = []
        for m in reversed(self.ments_in(max(0, before - 1500), before, (E.WEAPON_SYSTEM,), ("name",))):
            if m.key not in keys and self.entities[m.key].type is E.WEAPON_SYSTEM:
                keys.append(m.key)
        return keys[:2] if len(keys) >= 2 else []

    def _maker_of_goods_for(self, weapon: Token, sent_i: int) -> str | None:
        """Whose goods a weapon's phrase is about: "Nammo's shells go into the K9", "the fuzes of X go into ...",
        "the braking parachutes [X sews] that are installed on the Su-34"."""
        weapon = _name_stands_for(weapon)
        found = found_goods(weapon)  # "components from X were found in the wreckage of Orlan-10 drones"
        goods = found[0] if found else None
        if goods is None:  # "the Geran-2's warhead is produced by X", "X builds the chassis of the Iskander"
            goods = _weapon_goods(weapon)
            while goods is not None and goods.dep_ == "pobj" and goods.head.lower_ == "for" and \
                    goods.head.head.pos_ == "NOUN":
                goods = goods.head.head  # "X machines inserts for the motors of W": the inserts are X's
        for a in list(weapon.ancestors)[:5] if goods is None else []:
            lem = a.lemma_.lower()
            if a.pos_ == "VERB" and lem in RIDES_ON and pobj(a, "on") is not None and \
                    self.ment_at(pobj(a, "on"), (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product")) is not None and \
                    any(c.dep_ == "nsubj" and weapon.i in {t.i for t in c.subtree} for c in a.children):
                goods = pobj(a, "on")  # "the Tor-M2 sits on a tracked chassis from X"
                break
            if a.pos_ in ("VERB", "AUX") and (lem in cv().used_verbs or lem in GOES_INTO or lem in ARMING_VERBS):
                subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
                if a.dep_ in ("relcl", "acl") and a.head.pos_ == "NOUN":
                    goods = a.head  # "parachutes that are installed on ..."
                elif subj is not None and weapon.i in {t.i for t in subj.subtree}:
                    goods = child(a, "dobj")  # "the Geran-2 drones carried engines made by X": what they carry
                else:
                    goods = subj
                break
            if a.lemma_.lower() == "build" and pobj(a, "around") is not None:
                goods = pobj(a, "around")  # "the Lancet is built around a camera supplied by X"
                break
            if a.lemma_.lower() in RELYING_VERBS and pobj(a, "on", "upon") is not None:
                goods = pobj(a, "on", "upon")  # "the Kh-69 relies on a receiver from X"
                break
            if a.pos_ == "NOUN" and a.i < weapon.i and self.ment_at(a, (E.WEAPON_SYSTEM,), ("name",)) is None and \
                    any(p.lower_ == "for" for p in a.children if p.dep_ == "prep"):
                goods = a  # "fuzes for the Msta-S"
                break
        if goods is None or _site_noun(goods):
            return None  # "a second assembly hall for Garpiya drones": a place the weapon is made or kept
        poss = next((ch for ch in goods.children if ch.dep_ == "poss" and ch.i != weapon.i), None)
        if poss is not None:
            m = self.ment_at(poss, (E.ORGANIZATION, E.FACILITY), ("name",))
            return m.key if m else None
        brand = self._maker_named_on(goods, weapon)
        if brand is not None:
            return brand
        of = next((g for ch in goods.children if ch.dep_ == "prep" and ch.lower_ in ("of", "from")
                   for g in ch.children if g.dep_ == "pobj" and g.i != weapon.i), None)  # ("sights from the X plant")
        if of is not None:
            return self.entity_in_phrase(of, (E.ORGANIZATION, E.FACILITY))
        came = pobj(goods.head, "from") if goods.dep_ == "nsubj" and goods.head.lemma_.lower() in ARRIVAL_VERBS \
            else None
        if came is None and goods.dep_ in ("pobj", "dobj"):  # "relies on cameras from X", "from" on the verb
            verb = goods.head.head if goods.dep_ == "pobj" else goods.head
            came = pobj(verb, "from") if verb.pos_ == "VERB" and weapon.i not in {t.i for t in verb.subtree
                                                                                   if t.dep_ == "pobj"} else None
        if came is not None:  # "the Shahed-136's engine comes from X"
            return self.entity_in_phrase(came, (E.ORGANIZATION, E.FACILITY))
        made = next((a for a in goods.children if a.dep_ == "acl" and
                     a.lemma_.lower() in cv().produces_verbs | cv().supplies_verbs), None)  # (or "supplied by X")
        if made is None and goods.dep_ == "nsubjpass" and \
                goods.head.lemma_.lower() in cv().produces_verbs | cv().supplies_verbs:
            made = goods.head  # "the warhead is produced by X"
        agent = (pobj(made, "by") or next((g for c in made.children if c.dep_ == "agent" for g in c.children
                                           if g.dep_ == "pobj"), None)) if made is not None else None
        if agent is not None:  # "engines made by the X plant"
            return self.entity_in_phrase(agent, (E.ORGANIZATION, E.FACILITY))
        # (the object, or a noun the parser hung on the verb as a clause: "makes the Vikhr-3's warhead")
        made_thing = (goods.dep_ == "dobj" or goods.dep_ == "ccomp" and goods.pos_ == "NOUN") and \
            goods.head.lemma_.lower() not in FOUND_IN_VERBS | SALVAGE_VERBS  # (who finds goods did not make them)
        subj = child(goods.head, "nsubj") if made_thing else None
        if made_thing and goods.head.pos_ == "VERB" and \
                (subj is None or weapon.i not in {t.i for t in subj.subtree}):
            # "The company sews the parachutes that ..."
            k = self.subject_of(goods.head, sent_i)
            return k if k is not None and self.entities[k].type in (E.ORGANIZATION, E.FACILITY) else None
        return None

    def _maker_named_on(self, goods: Token, weapon: Token) -> str | None:
        """"Micron memory chips were found in the Orlan-10": a company's name written before the goods noun, as
        their maker's brand, not a town or a country."""
        for ch in goods.children:
            if ch.dep_ in ("compound", "nmod") and ch.i < goods.i and ch.i != weapon.i:
                m = self.ment_at(ch, (E.ORGANIZATION,), ("name",))
                if m is not None:
                    return m.key
        return None

    def _component_for(self, weapon: Ment) -> str | None:
        """A named component model ("MD550 engine", "NK-32") the weapon's phrase hangs on, through "for"/"in"/"on" or
        a use verb."""
        c = cv()
        linked = False
        span = self.doc.char_span(weapon.start, weapon.end, alignment_mode="expand")
        for a in list(span.root.ancestors)[:4] if span is not None else []:
            if a.pos_ == "ADP" and a.lower_ in ("for", "in", "on", "into") or a.lemma_.lower() in c.used_verbs:
                linked = True
                continue
            if a.pos_ not in ("NOUN", "PROPN") or not linked:
                continue
            for t in (a, *(ch for ch in a.children if ch.dep_ in ("compound", "nummod", "nmod", "appos"))):
                m = self.ment_at(t, (E.PRODUCT,), ("name", "product"))
                if m is None or m.key == weapon.key:
                    continue
                if MODEL_NAME.search(self.text[m.start:max(m.start, a.idx + len(a.text))]):  # a model, not "chips"
                    return m.key
            return None
        return None

    def _conjoined_goods(self, part: str, sent: Span) -> list[str]:
        """Other goods joined to the part by "and"/"or" in the sentence: "barrels and breech blocks for the Msta-S"
        puts both into the weapon; not goods with a weapon of their own ("seeker heads for W1 and the turrets of
        W2")."""
        out: list[str] = []
        for root in self._roots_in(part, sent):
            for c in root.conjuncts:
                if any(p.dep_ == "prep" and p.lower_ in ("for", "of") and
                       any(self.ment_at(t, (E.WEAPON_SYSTEM,)) for t in p.subtree) for p in c.children):
                    continue
                other = self.ment_at(c, (E.PRODUCT,), ("name", "product"))
                if other is not None and other.key != part and other.key not in out:
                    out.append(other.key)
        return out

    def _goods_for(self, weapon: Ment) -> str | None:
        """The goods (a product the article names, generic or a model) that go into the weapon, when the sentence
        is about them: "gearboxes for the BMP-3 come from X", "the BMP-3's gearboxes", "batteries meant for the
        Tor-M1", "sights installed on the T-90M", "the T-90M is fitted with the Sokol-M sight"."""
        span = self.doc.char_span(weapon.start, weapon.end, alignment_mode="expand")
        if span is None:
            return None
        r = span.root
        while True:
            kind = _kind_named(r)
            if kind is not None:
                r = kind  # "the motors of two missiles, the 9M113 Konkurs": where the missiles stand
            elif r.dep_ in ("conj", "compound", "amod", "nmod", "nummod") and r.head.i != r.i and \
                    r.head.pos_ in ("NOUN", "PROPN", "X"):  # (a foreign word: "the S-70 Okhotnik drone")
                r = r.head  # "the T-90M tank", "the T-72B3 and the T-90M", "the 9A331 combat vehicle"
            else:
                break
        if r.dep_ == "pobj" and r.head.lower_ == "of" and not made_goods_of(r) and \
                r.head.head.pos_ == "NOUN" and r.head.head.lemma_.lower() in vocab().product_heads:
            r = r.head.head  # "fuzes for the rounds of the 2B11": what goes into its rounds goes into it
        nouns: list[Token] = []
        prep = r.head
        while prep.dep_ == "conj" and prep.pos_ == "ADP" and prep.head.pos_ == "ADP":
            prep = prep.head  # "installed in the Orion-7 and in the Sova": the second "in" is the first's
        if r.dep_ == "poss":
            outer = r.head.head if r.head.dep_ == "pobj" and r.head.head.lower_ == "for" else None
            if outer is not None and outer.head.pos_ == "NOUN":
                nouns.append(outer.head)  # "oil coolers for the BTR-80's engine": the coolers go into the vehicle
            nouns.append(r.head)  # "the BMP-3's gearboxes"
        elif r.dep_ == "pobj" and prep.lower_ in ("for", "in", "on", "into", "inside") and \
                prep.head.pos_ in ("NOUN", "PROPN") and prep.head.dep_ in ("nsubj", "nsubjpass", "ROOT", "dobj"):
            # "Gearboxes for the BMP-3 come from X", and the goods a maker makes for it ("X makes gearboxes for the
            # BMP-3": the gearboxes go into the weapon, and so does their maker, see below)
            nouns.append(prep.head)
        elif r.dep_ == "pobj" and prep.lower_ == "of" and made_goods_of(r):
            nouns.append(prep.head)  # "X assembles the turret of the Derivatsiya-PVO": the turret goes into it
        elif r.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "VERB" and \
                prep.head.lemma_.lower() in cv().produces_verbs | cv().supplies_verbs:
            # "X supplies gearboxes for the T-90M", the "for" hung on the verb: its object goes into the weapon
            nouns += [g for o in prep.head.children if o.dep_ == "dobj" for g in (o, *o.conjuncts)]
        verb = prep.head if r.dep_ == "pobj" else r.head
        if verb.pos_ in ("ADJ",) and verb.dep_ in ("acomp", "oprd", "amod"):
            verb = verb.head  # "became standard on", "meant for"
        use = verb.lemma_.lower() in cv().used_verbs | GOES_INTO | RIDES_ON | {"carry", "mean", "intend", "need",
                                                                                "become"} or \
            verb.lemma_.lower() == "build" and (r.dep_ == "pobj" and prep.lower_ == "into" or  # "built into the cab"
                                                r.dep_ == "nsubjpass" and pobj(verb, "around") is not None)
        if r.dep_ == "nsubj" and verb.lemma_.lower() in ARMING_VERBS:
            return None  # "the Tolou-10 powers the Shahed-238": the subject is the part (see _arms)
        if use and verb.pos_ in ("VERB", "AUX"):
            if r.dep_ in ("nsubj", "nsubjpass"):  # "the T-90M is fitted with / carries the sight", "is built around"
                nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "around")
                          for g in c.children if g.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
            elif _carried(r):
                pass  # the model named is what goes into the subject, not the other way round
            else:  # "the sights are installed on the T-90M", "the Irbis-E radar carried by the Su-35S"
                nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + \
                    ([verb.head] if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and
                     verb.lemma_.lower() not in RIDES_ON else [])  # (also "the sights that equip the T-90M")
                if r.dep_ == "pobj" and prep.lower_ in ("to", "on", "onto", "into") and prep.head.i == verb.i:
                    nouns += [c for c in verb.children if c.dep_ == "dobj"]  # "fits the motors to its Skat-9 boat"
        elif r.dep_ == "nsubj" and verb.lemma_.lower() in RELYING_VERBS and pobj(verb, "on", "upon") is not None:
            nouns.append(pobj(verb, "on", "upon"))  # "the Kh-69 relies on a receiver from X"
        # (a component may be a named system of its own, "the Irbis-E radar is carried by W", when the weapon and
        # the component are the two ends of a verb of fitting, not subjects side by side: "the Mi-8 and Mi-24 fly")
        types = (E.PRODUCT, E.WEAPON_SYSTEM) if r.dep_ in ("pobj", "nsubj", "nsubjpass") and \
            verb.lemma_.lower() not in RIDES_ON else (E.PRODUCT,)
        for n in nouns:
            for t in (n, *(ch for ch in n.children if ch.dep_ in ("compound", "nmod", "amod"))):
                m = self.ment_at(t, types, ("name", "product"))
                if m is not None and m.key != weapon.key:
                    return m.key
        return None

    def _used_to_make(self, weapon: Ment) -> tuple[str, Token] | None:
        """"X makes pyroxylin and uses it to fill the KAB-500S bomb", "uses the cloth to make parachutes for W": what
        is used to fill, make or arm the weapon goes into it (a pronoun stands for the goods named before it)."""
        span = self.doc.char_span(weapon.start, weapon.end, alignment_mode="expand")
        r = span.root if span is not None else None
        while r is not None and r.dep_ in ("compound", "nmod", "amod", "nummod") and r.head.i > r.i and \
                r.head.pos_ in ("NOUN", "PROPN"):
            r = r.head  # ("the OFAB-250-270 bomb")
        if r is None or r.dep_ != "dobj" or r.head.dep_ not in ("xcomp", "advcl") or \
                r.head.head.lemma_.lower() != "use":
            return None
        use = r.head.head
        used = child(use, "dobj")
        if used is None:
            return None
        if used.pos_ == "PRON":  # "uses it": the goods named last before it in the sentence
            before = [m for m in self.ments_in(used.sent.start_char, used.idx, (E.PRODUCT,), ("name", "product"))]
            return (before[-1].key, use) if before else None
        m = self.ment_at(used, (E.PRODUCT,), ("name", "product"))
        return (m.key, use) if m is not None else None

    def _found_in(self, weapon: Ment) -> str | None:
        """"Investigators found US-made chips in the Kh-101", "TY-180 engines were found in the wreckage of Gerbera
        drones", "discovered servo motors inside downed Shahed-136s": goods found in a weapon go into it."""
        span = self.doc.char_span(weapon.start, weapon.end, alignment_mode="expand")
        if span is None:
            return None
        for g in (g for c in found_goods(span.root) for g in (c, *c.conjuncts)):
            if any(ch.dep_ == "poss" for ch in g.children):
                continue  # "its computers have been found in ...": the owner's goods, as the owner (see below)
            for t in (g, *(ch for ch in g.children if ch.dep_ in ("compound", "nmod", "amod"))):
                m = self.ment_at(t, (E.PRODUCT,), ("name", "product"))
                if m is not None and m.key != weapon.key:
                    return m.key
        return None

    def _rides_on(self, weapon: Ment) -> str | None:
        """"The Mi-8 and the Mi-24 fly on TV3-117 engines", "the launchers ride on a KAMAZ-6350 chassis": the named
        model the weapon runs on (retyped a component if a designator made it a weapon)."""
        span = self.doc.char_span(weapon.start, weapon.end, alignment_mode="expand")
        if span is None:
            return None
        subj = span.root  # up to the subject: "the Mi-8 and the Mi-24", "vehicles of the S-400 complex"
        for _ in range(5):
            if subj.dep_ in ("nsubj", "nsubjpass") or subj.dep_ == "compound" and subj.head.pos_ == "VERB":
                break
            if subj.dep_ not in ("conj", "compound", "pobj", "prep") or subj.head.i == subj.i:
                return None
            subj = subj.head
        verb = subj.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RIDES_ON:
            return None
        for g in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                  if g.dep_ == "pobj"):
            for t in (g, *(ch for ch in g.children if ch.dep_ in ("compound", "nmod", "amod"))):
                m = self.ment_at(t, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product"))
                # a model ("TV3-117 engines") or plain goods ("an eight-wheel chassis")
                if m is not None and m.key != weapon.key and (MODEL_NAME.search(m.text) or m.layer == "product"):
                    if m.type is E.WEAPON_SYSTEM:
                        self.retype(m.key, E.PRODUCT)
                    return m.key
        return None

    def _arms(self, weapon: Ment) -> str | None:
        """"The MD550 engine powers the Shahed-136", "the gun arms both the T-90M and the T-72B3M" (after "the 2A46M
        gun"): the named model that is the subject of a verb of arming or driving the weapon."""
        span = self.doc.char_span(weapon.start, weapon.end, alignment_mode="expand")
        obj = span.root if span is not None else None
        while obj is not None and (obj.dep_ == "conj" or obj.dep_ in ("compound", "nmod") and obj.head.pos_ == "NOUN"
                                   and obj.head.i > obj.i):
            obj = obj.head  # ("the T-72B3 and the T-90M", "the Shahed-191 drone")
        if obj is None or obj.dep_ not in ("dobj", "nsubjpass") or obj.head.lemma_.lower() not in ARMING_VERBS:
            return None
        verb = obj.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if obj.dep_ == "dobj" else \
            pobj(verb, "by")  # "the Il-114 is powered by the TV7-117 engine"
        words = list(subj.subtree) if subj is not None else []
        if subj is None and obj.dep_ == "dobj" and verb.i > 0 and self.doc[verb.i - 1].pos_ == "NOUN":
            subj = self.doc[verb.i - 1]  # "The gun arms ...", the noun taken for a compound of "arms"
            left = subj.i  # (and the words before it, which the parse hung on the verb: "The TV7-117 engine")
            while left > verb.sent.start and self.doc[left - 1].pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PUNCT") \
                    and not self.doc[left - 1].is_sent_start and self.doc[left - 1].text not in (",", ";", ":"):
                left -= 1
            words = list(self.doc[left:subj.i + 1])
        if subj is None:
            return None
        named = [m for t in words if (m := self.ment_at(t, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product")))
                 and m.key != weapon.key and (MODEL_NAME.search(m.text) or vocab().designator.search(m.text))]
        if named:
            if named[0].type is E.WEAPON_SYSTEM:  # "the Tolou-10 powers the Shahed-238": an engine, a component
                self.retype(named[0].key, E.PRODUCT)
            return named[0].key
        definite = any(c.lower_ in ("the", "this", "that") for c in subj.children) or \
            subj.i > 0 and self.doc[subj.i - 1].lower_ in ("the", "this", "that")
        if subj.pos_ != "NOUN" or not definite:
            return None
        # "the gun": the model last named with that noun, in this sentence or the two before
        first = self.start_of_sentence_before(subj, 2)
        for m in reversed(self.ments_in(first, subj.idx, (E.PRODUCT, E.WEAPON_SYSTEM), ("name", "product"))):
            words = re.findall(r"[\w\-]+", self.text[m.end:m.end + 40].lower())[:3]  # "2A46M smoothbore gun"
            if m.key != weapon.key and (MODEL_NAME.search(m.text) or vocab().designator.search(m.text)) and \
                    subj.lower_ in words:
                return m.key
        return None

    def sent_index(self, tok: Token) -> int:
        """The index of the sentence a token is in."""
        self._sentence_spans()
        return bisect.bisect_right(self._sent_starts, tok.idx) - 1

    def _weapon_of_possessive(self, poss: Token) -> str | None:
        """The weapon a possessive names: "the Kh-59's", or "its" / "the missile's" when the last name written
        before it is a weapon's ("examined a downed Kh-59. Its guidance unit ...")."""
        m = next((m for t in (poss, *(c for c in poss.children if c.dep_ == "compound"))
                  if (m := self.ment_at(t, (E.WEAPON_SYSTEM,), ("name",))) is not None), None)
        if m is not None:  # (also "each Kh-101 missile's")
            return m.key
        if poss.lower_ != "its" and not (poss.pos_ == "NOUN" and poss.lower_ in vocab().weapon_cues and
                                         any(c.lower_ == "the" for c in poss.children)):
            return None
        before = self.ments_in(max(0, poss.idx - 400), poss.idx, (E.WEAPON_SYSTEM, E.ORGANIZATION, E.FACILITY),
                               ("name",))
        last = before[-1] if before else None
        return last.key if last is not None and last.type is E.WEAPON_SYSTEM else None

    def contained_parts(self, sent: Span, sent_i: int, sources: list[str]) -> None:
        """"Its guidance unit contained a gyroscope made by X", "each Kh-101's navigation unit held a receiver from
        X", "the missile's computer was built around a processor from X": what a weapon's part holds goes into the
        weapon, and so does its maker."""
        for poss in sent_tokens(sent):
            if poss.dep_ != "poss" or poss.head.pos_ != "NOUN":
                continue
            part, verb = poss.head, poss.head.head
            v = vocab()
            if part.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or \
                    part.lemma_.lower() not in v.product_heads | v.product_heads_mod | v.component_nouns:
                continue  # (a part of a weapon, not "its factory")
            weapon = self._weapon_of_possessive(poss)
            if weapon is None:
                continue
            if verb.lemma_.lower() in CONTAINING_VERBS:
                held = [g for o in verb.children if o.dep_ == "dobj" for g in (o, *o.conjuncts)]
            elif verb.lemma_.lower() == "build" and pobj(verb, "around") is not None:
                held = [pobj(verb, "around")]
            else:
                continue
            mod = self.modality(verb, sent)
            whole = self.ment_at(part, (E.PRODUCT,), ("name", "product"))
            if whole is not None and whole.key != weapon:  # ("its guidance unit" itself)
                self.add(whole.key, P.USED_IN, sent, sources, mod, object=weapon)
            for g in held:
                goods = next((m for t in (g, *(c for c in g.children if c.dep_ in ("compound", "amod")))
                              if (m := self.ment_at(t, (E.PRODUCT,), ("name", "product")))), None)
                if goods is not None and goods.key != weapon:
                    self.add(goods.key, P.USED_IN, sent, sources, mod, object=weapon)
                maker = self._maker_named_on(g, poss) or \
                    next((self.entity_in_phrase(a, (E.ORGANIZATION, E.FACILITY)) for a in
                          [pobj(g, "from"), *(pobj(acl, "by") for acl in g.children if acl.dep_ == "acl")]
                          if a is not None), None)
                if maker is not None and maker != weapon:
                    self.add(maker, P.USED_IN, sent, sources, mod, object=weapon)

    def used_in(self, sent: Span, sent_i: int, sources: list[str]) -> None:
        self.contained_parts(sent, sent_i, sources)
        c = cv()
        weapons = [m for m in self.ments_in(sent.start_char, sent.end_char, (E.WEAPON_SYSTEM,))]
        weapons = weapons + self._both_weapons(sent) if weapons else self._weapons_referred_back(sent)
        if not weapons:
            return
        lem = {t.lemma_.lower() for t in sent_tokens(sent)} | {t.lower_ for t in sent_tokens(sent)}
        goods_here = bool(self.ments_in(sent.start_char, sent.end_char, (E.PRODUCT,), ("name", "product"))) or \
            bool(lem & REFERRING_GOODS)
        owned = goods_here and any((t.dep_ == "poss" or _weapon_goods(t) is not None) and
                                   self.ment_at(t, (E.WEAPON_SYSTEM,)) for t in sent_tokens(sent))
        if not (lem & c.used_verbs or lem & c.used_adjs or lem & GOES_INTO or lem & RIDES_ON or lem & ARMING_VERBS or
                lem & FOUND_IN_VERBS or lem & SALVAGE_VERBS or {"build", "around"} <= lem or lem & RELYING_VERBS or
                any(t.pos_ == "VERB" and surfacing(t) for t in sent_tokens(sent)) or
                re.search(r"\bfor\b", span_text(sent)) or goods_here and lem & INSIDE_WORDS or owned):
            return  # ("the BMP-3's gearboxes come from X": goods a weapon has)
        seen = set()
        orgs_here = self.ments_in(sent.start_char, sent.end_char, (E.ORGANIZATION,))
        quoting = relations.source_tokens(sent)
        told = [m for m in orgs_here if (sp := self._span_of(m)) is not None and sp.root.i in quoting]
        linked: list[tuple[Token, str]] = []  # weapons linked to a part in this sentence, with the part
        parts: dict[str, str] = {}
        goods_makers: dict[int, str] = {}  # whose goods go into a weapon (by its token), where the phrase says
        for w in weapons:  # "the MD550 engine that powers the Shahed-136", "NK-32 engines for the Tu-160M"
            if self.entities[w.key].type is not E.WEAPON_SYSTEM:
                continue  # (found to be a component of another weapon here)
            root = self.doc.char_span(w.start, w.end, alignment_mode="expand").root
            # "motors for the Kh-38 and, we believe, for the Kornet-D": the second weapon takes the first one's part,
            # whatever the parser hung its preposition on
            first = next((w0 for w0, _ in linked if _preposition_repeated(w0, root)), None)
            filled = self._used_to_make(w) if first is None else None
            if filled is not None:  # (not made by the user: "uses it to fill the KAB-500S" says what goes into it)
                self.claims = [c for c in self.claims if not (c.predicate is P.PRODUCES and c.object == w.key and
                                                              c.evidence_start == sent.start_char)]
                user = self.subject_of(filled[1], sent_i)
                if user is not None and self.entities[user].type in (E.ORGANIZATION, E.FACILITY):
                    goods_makers[root.i] = user
                    self.add(user, P.USED_IN, sent, sources, self.modality(root, sent), object=w.key)
                    seen.add(w.key)
            part = None if first is not None else (filled[0] if filled else None) or self._component_for(w) or \
                self._rides_on(w) or self._arms(w) or self._goods_for(w) or self._found_in(w)
            if part is None and first is None:  # "fired by D-30 howitzers and by the BM-21": the first conjunct's
                first = next((w0 for w0, _ in linked if _coordinated(w0, root)), None)
            if first is not None:
                part = next(p for w0, p in linked if w0 is first)
            if part is not None:
                linked.append((root, part))
                parts[w.key] = part
                # ("barrels and breech blocks for W", "fuzes that go on the rounds W fires")
                for goods in (part, *self._conjoined_goods(part, sent), *self._goods_fitted_to(part, sent)):
                    self.add(goods, P.USED_IN, sent, sources, self.modality(root, sent), object=w.key)
                    for maker in self._makers_of(goods):  # "X builds the Tolou-10. The Tolou-10 powers W": X too
                        if maker != w.key:
                            self.add(maker, P.USED_IN, sent, sources, self.modality(root, sent), object=w.key)
                            seen.add(w.key)
                for inner, maker in self._goods_made_for(part, sent):
                    for k in (inner, maker):
                        if k is not None and k != w.key:
                            self.add(k, P.USED_IN, sent, sources, self.modality(root, sent), object=w.key)
                            seen.add(w.key)
            maker = self._maker_of_goods_for(root, sent_i)  # "Nammo's shells go into the K9"
            maker = maker if maker is not None or first is None else goods_makers.get(first.i)
            if maker is not None and maker != w.key:
                goods_makers[root.i] = maker
                self.add(maker, P.USED_IN, sent, sources, self.modality(root, sent), object=w.key)
                seen.add(w.key)
        made = {cl.object for cl in self.claims if cl.predicate is P.PRODUCES and cl.evidence_start == sent.start_char}
        said = next((cl for cl in reversed(self.claims) if cl.predicate in (P.PRODUCES, P.SUPPLIES) and
                     cl.evidence_start is not None and
                     cl.evidence_start >= self.paras[self.para_of(sent.start_char)] - 400), None)
        subj = said.subject if said is not None else None
        if said is not None and (said.evidence_start or 0) < sent.start_char:
            # "the Yegoryevsk firm turns the cloth into parachutes for the Merlin-VR": an enterprise this sentence is
            # about, rather than the one whose supply was told before
            own = self.subject_of(relations.content_root(sent), sent_i)
            if own is not None and own in self.industrial and own not in sources and own != subj and \
                    self.entities[own].type is E.ORGANIZATION:  # (not a shop, hangar or port of the sentence)
                subj = own
        if len(told) == len(orgs_here):  # (none but those quoted or told: "officers told the BBC")
            # "The shells are fired by the D-30" after a firm that sells blanks: the shells' use, not the firm's
            # ("The periscopes go into the T-90M" after their maker: the maker's too)
            seen |= {k for k, part in parts.items() if said is None or said.evidence_start < sent.start_char and
                     not _same_goods(self.entities[part].name, said)}
        if subj is None:  # (not whoever the sentence quotes: "the General Staff said it struck a plant making ...")
            named = [m.key for m in orgs_here if m.key not in sources]
            subj = named[0] if named else None if orgs_here else self.salient(sent_i)
        if subj is None or self.entities[subj].type not in (E.ORGANIZATION, E.FACILITY):
            return
        for w in weapons:
            if w.key in made or w.key in seen or self.entities[w.key].type is not E.WEAPON_SYSTEM:
                continue  # (nor a model found to be a component here: "mounted on an MZKT-7930 chassis")
            # the weapon must be linked to a product or a use word, not merely mentioned
            span = self.doc.char_span(w.start, w.end, alignment_mode="expand")
            if span is None or _weapon_used(span.root) or _site_for(span.root) or _carried(_goods_noun(span.root)):
                continue
            path = {a.lemma_.lower() for a in span.root.ancestors} | {a.lower_ for a in span.root.ancestors}
            if not (path & c.used_verbs or path & c.used_adjs or path & {"for", "include", "including", "in"} or
                    (path & GOES_INTO or path & INSIDE_WORDS) and self._goods_on_path(span.root) or
                    made_goods_of(span.root)):
                # ("makes the chassis of the Tor-M2")
                continue
            seen.add(w.key)
            self.add(subj, P.USED_IN, sent, sources, self.modality(span.root, sent), object=w.key)


# plural nouns that "both" makes the two weapons just named: "both vehicles", "both systems", "both models"
BOTH_WEAPONS_NOUNS = word_set("claims", "both_weapons_nouns")


def _names_a_site(name: str) -> bool:
    """An estate, zone, park or crossing named after its place ("the Vapi industrial estate"), where firms sit."""
    low = name.lower()
    return any(low.endswith(" " + n) for n in SITE_NOUNS)


def _demonym_compound(tok: Token) -> bool:
    """"the Kazakh firm" with "Kazakh" tagged a proper noun: a nationality all the same, not a name."""
    return tok.dep_ == "compound" and demonym_country(tok.text) is not None


def made_goods_of(weapon: Token) -> bool:
    """"makes the chassis of the Tor-M2", "the turret of the X comes from Y": goods of the weapon are what a verb
    of making or supplying is about (not "spin the propellers of both models")."""
    goods = _weapon_goods(weapon)
    while goods is not None and goods.dep_ == "conj" and goods.head.pos_ in ("NOUN", "PROPN"):
        goods = goods.head  # ("makes seeker heads for W1 and the turrets of W2")
    return goods is not None and goods.dep_ in ("dobj", "nsubj", "nsubjpass") and \
        goods.head.lemma_.lower() in cv().produces_verbs | cv().supplies_verbs | production.ORIGIN_VERBS


def _weapon_goods(tok: Token) -> Token | None:
    """"the Geran-2's warhead", "the chassis of the Iskander": the goods noun whose weapon the word names (also the
    second of two names: "the turrets of the Korsar and Altius drones")."""
    tok = _first_of_joined_names(tok)
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        tok = tok.head  # ("the chassis of the Tor-M2 launcher")
    if tok.dep_ == "poss":
        goods = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" and tok.head.head.i < tok.i:
        goods = tok.head.head
    else:
        return None
    return goods if goods.lemma_.lower() in vocab().product_heads else None


FIELDING_VERBS = word_set("claims", "fielding_verbs")
HOLDING_NOUNS = word_set("claims", "holding_nouns")  # what a parent is described as: "the state holding X"


def _weapon_used(tok: Token) -> bool:
    """"Russian forces have used Groza jammers", "the Orlan is fielded by ...": the weapon is what is put to use,
    not what goods go into."""
    while tok.dep_ == "compound":
        tok = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in FIELDING_VERBS


def _carried(noun: Token) -> bool:
    """The noun is what its clause's subject carries or sits on ("the rockets carry PTM-3 mines", "each launcher
    sits on a KAMAZ-6560 truck"): a model named there goes into the subject, it is not what goods go into."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() == "carry" or \
        noun.dep_ == "pobj" and noun.head.lower_ == "on" and verb.lemma_.lower() in RIDES_ON - {"mount"}
    # (not "mounted on": sights are mounted on the tank they go into)


def _site_for(tok: Token) -> bool:
    """"a hangar for Su-34 bombers", "an assembly hall for Garpiya drones": the weapon is what a site is for (made
    or kept there), not what goods go into."""
    a = next((a for a in tok.ancestors if a.lower_ == "for"), None)
    if a is None:
        return False
    site = a.head if a.head.pos_ == "NOUN" else next((c for c in a.head.children if c.dep_ == "dobj"), None) \
        if a.head.pos_ == "VERB" else None  # ("built a hangar for ...", the "for" hung on the verb)
    return site is not None and _site_noun(site)


def _site_noun(tok: Token) -> bool:
    """A noun for a site or one of its units ("hangar", "hall", "plant"), not for goods."""
    return tok.lemma_.lower() in relations.UNIT_HEADS or tok.lower_ in GENERIC_REF


def _goods_noun(root: Token) -> Token:
    """The noun a product mention stands for: "NK-32" in "NK-32 engines" is the engines."""
    return root.head if root.dep_ in ("compound", "nummod", "nmod", "amod") and root.head.i > root.i else root


@cache
def _infinitive_cues() -> dict[str, re.Pattern[str]]:
    """Per modality, the phrases that end right before an infinitive: "is set to", "on track to", "is said to"."""
    return {mod: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(ps, key=len, reverse=True))
                            + r")\s+(?:\w+ly\s+)?$")
            for mod, ps in vocab_data("claims")["modality_before_infinitive"].items()}


RESULT_NOUNS = word_set("claims", "result_nouns")


# nouns by which a source organisation is referred back to ("the group says")
WATCHER_WORDS = word_set("claims", "watcher_words")
SOURCE_BODY_NOUNS = word_set("claims", "source_body_nouns")


def _town_set_off(gap: str, after: str, place: str) -> bool:
    """"The Kama Works (Kazan) makes ...", "The Kama Works, Kazan, makes ...": a town in brackets or between commas
    right after a name, before the sentence goes on (not a list of towns)."""
    if re.fullmatch(r"\s*\(\s*", gap):
        return after.lstrip().startswith(")")
    return re.fullmatch(r",\s*", gap) is not None and is_city(place) and \
        re.match(r",\s+(?!and\b|or\b)[a-z]", after) is not None


DENIAL_VERBS = word_set("claims", "denial_verbs")
REPORT_NOUNS = word_set("claims", "report_nouns")
FALSE_ADVERBS = word_set("claims", "false_adverbs")
NOT_SO = re.compile(r"\b(?:(?:is|was|it's)\s+(?:not|un)\s*true|no\s+evidence|untrue)\s+that\b", re.I)


def _same_goods(name: str, claim: Claim) -> bool:
    """Whether goods named `name` are those of a produces or supplies claim (the same last word, singular or
    plural: "periscopes" and "thermal periscopes")."""
    said = claim.object_text or ""
    return bool(said) and _last_word_stem(name) == _last_word_stem(said)


def _last_word_stem(words: str) -> str:
    """The last word of a name of goods, lower-case, singular or plural alike ("thermal periscopes" -> periscope)."""
    return words.lower().split()[-1].rstrip("s") if words.split() else ""


def _name_heads(names: list[str]) -> set[str]:
    """The nouns that head an enterprise's names: the last word ("Kazan Gunpowder Plant"), or the word before
    "of" or "named after" ("Borisov Plant of Automotive Aggregates", "Kazan Aviation Plant named after ...")."""
    heads = set()
    for nm in names:
        words = nm.lower().split()
        if words:
            heads.add(words[-1])
        for i, w in enumerate(words[1:], 1):
            if w in ("of", "named"):
                heads.add(words[i - 1])
                break
    return heads


def _coordinated(a: Token, b: Token) -> bool:
    """Whether two names stand in one coordination: their phrases are conjuncts ("A and B"), or the prepositions
    they follow are ("by A and by B")."""
    a, b = _phrase_head(a), _phrase_head(b)
    return b in a.conjuncts or a.dep_ == "pobj" and b.dep_ == "pobj" and b.head in a.head.conjuncts


def _preposition_repeated(a: Token, b: Token) -> bool:
    """"motors for the Kh-31 and, we believe, for the Hermes": the same preposition again after "and", where an aside
    between commas led the parser to hang the second one elsewhere."""
    a, b = _phrase_head(a), _phrase_head(b)
    if a.dep_ != "pobj" or b.dep_ != "pobj" or a.head.lower_ != b.head.lower_ or b.i < a.i:
        return False
    j = b.head.i - 1
    if j > a.i and b.doc[j].text == ",":  # (the aside: ", we believe,")
        j -= 1
        while j > a.i and b.doc[j].text != ",":
            j -= 1
        j -= 1
    return j > a.i and b.doc[j].lower_ in ("and", "or")


def _phrase_head(t: Token) -> Token:
    while t.dep_ in ("compound", "nummod", "amod", "nmod") and t.head.i != t.i:
        t = t.head
    return t


def _question(sent: Span) -> bool:
    """A sentence that asks ("How many units do you make?", an interviewer's turn) states no fact."""
    last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote or t.is_bracket)), None)
    return last is not None and last.text == "?"


def _refuted(sent: Span) -> bool:
    """What the sentence says is denied or marked false: its main verb denies a clause ("X denied that it supplies
    Y", "X denies supplying Y", "X rejected reports that ..."), a verb of saying is marked false ("an earlier version
    incorrectly said ...", "posts falsely claimed ..."), or "it is not true that", "there is no evidence that"."""
    root = relations.content_root(sent)
    if root.lemma_.lower() in DENIAL_VERBS and any(
            c.dep_ in ("ccomp", "xcomp", "pcomp") or c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS and
            any(g.dep_ in ("acl", "ccomp") for g in c.children)  # "rejected reports that ...", not "the trucks that"
            for c in root.children):
        return True
    if any(t.lower_ in FALSE_ADVERBS and t.head.pos_ == "VERB" and t.head.lemma_.lower() in cv().attribution_verbs
           for t in sent_tokens(sent)):
        return True
    # a fact-check's "Claim: ..." line states what is being checked, not a fact
    # (written with its label, or after it on the same line when the label was cut off as a sentence of its own)
    return bool(NOT_SO.search(span_text(sent))) or bool(re.match(r"\s*(?:Claim|Rumou?r|Allegation)\s*:",
                                                           _line_before(sent) + span_text(sent)))


def _line_before(sent: Span) -> str:
    """The words of the sentence's line before it (a few tokens at most: a label cut off as a sentence)."""
    doc, words = sent.doc, []
    for j in range(sent.start - 1, max(-1, sent.start - 12), -1):
        if "\n" in doc[j].text_with_ws:
            break
        words.append(doc[j].text_with_ws)
    return "".join(reversed(words))


def _kind_named(tok: Token) -> Token | None:
    """The kind of weapon a name is set beside ("the motors of two missiles, the 9M113 Konkurs, ..."), which the
    name stands for: the noun it is in apposition to, or, where the parse lost that, the weapon noun written just
    before the comma that opens the name."""
    cues = vocab().weapon_cues
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in cues:
        return tok.head
    first = min((c.i for c in tok.children if c.dep_ in ("det", "compound", "amod") and c.i < tok.i), default=tok.i)
    doc = tok.doc
    if tok.pos_ == "PROPN" and first >= 2 and doc[first - 1].text == "," and doc[first - 2].pos_ == "NOUN" and \
            doc[first - 2].lemma_.lower() in cues:
        return doc[first - 2]
    return None


def _name_stands_for(tok: Token) -> Token:
    """Where a weapon's name stands in the sentence: the kind noun it is set beside, also for a second name joined
    to the first ("the motors of two missiles, the W1 and the W2": "missiles")."""
    while True:
        kind = _kind_named(tok)
        if kind is not None:
            tok = kind
        elif (first := _first_of_joined_names(tok)).i != tok.i:
            tok = first
        else:
            return tok


def _first_of_joined_names(tok: Token) -> Token:
    """The first of names joined by "and" ("the Korsar and Altius drones": "Korsar" for "Altius")."""
    while tok.dep_ == "conj" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _goods_for(weapon: Token, trig: Token) -> bool:
    """The weapon is what other goods are for: "sights for the T-90", "makes casings for Grad rockets" (not "is
    best known for the D-10"), or whose goods they are: "builds the chassis of the Iskander", "the Geran-2's warhead
    is produced by X"."""
    weapon = _name_stands_for(weapon)
    goods = _weapon_goods(weapon)
    if goods is not None and goods.i != trig.i:
        return True
    for a in weapon.ancestors:
        if a.i <= trig.i:
            return False
        if a.pos_ == "VERB" and a.lemma_.lower() in cv().used_verbs | GOES_INTO:
            return True  # "supplies gyroscopes used in the Kalibr", "chips that go into the Iskander"
        if a.lower_ == "for" and (a.head.pos_ == "NOUN" and a.head.i != trig.i or a.head.i == trig.i and any(
                c.dep_ == "dobj" and c.i < a.i for c in trig.children)):
            return True
    return False


# the outlet's own people, who write the article rather than speak in it ("Our correspondent X", "By X")
OWN_STAFF = re.compile(r"(?:\b[Oo]ur\s+(?:own\s+)?(?:correspondent|reporter|editor|staff\s+writer)|\b[Bb]y)\s+$")
# supply nouns whose possessor receives rather than supplies ("Russia's demand for components")
WANTING_NOUNS = word_set("claims", "wanting_nouns")


def _reports_results(verb: Token) -> bool:
    """"X reported a net loss", "X is adding a new hall": results or an action, not a statement that sources what
    follows."""
    if verb.lemma_.lower() == "add" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children):
        return True
    return any(c.dep_ == "dobj" and c.lower_ in RESULT_NOUNS for c in verb.children)


INFORMATION_WORDS = word_set("claims", "information_words")


def _information_before(before: str) -> bool:
    """Words just before "comes from" name information ("the evidence", "the latest figures", "this account")."""
    words = re.findall(r"[a-z]+", before.lower())[-4:]
    return any(w in INFORMATION_WORDS for w in words)


@cache
def _possessive_source_pattern() -> re.Pattern[str]:
    """"'s view", "' count" after a name: see Extractor._possessive_sources."""
    nouns = sorted(vocab_data("claims")["possessive_source_nouns"], key=len, reverse=True)
    return re.compile(r"['’]s?\s+(?:own\s+)?(?:" + "|".join(nouns) + r")\b", re.I)


def _describing_past_form(t: Token) -> bool:
    """A past form right after the verb it hangs on, with no subject of its own and its object right after it: an
    adjective of the goods the parser read as a clause ("builds tracked chassis")."""
    return t.tag_ in ("VBD", "VBN") and t.head.i == t.i - 1 and t.head.pos_ == "VERB" and \
        not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in t.children) and \
        any(ch.dep_ == "dobj" and ch.i == t.i + 1 for ch in t.children)


def _saying_verb(tok: Token) -> bool:
    """A verb, or a verb the tagger read as a noun at the root of its sentence with a subject of its own ("X's data
    show that ..."); not a past form describing goods whose verb was read as its subject ("X builds tracked ...")."""
    if tok.pos_ == "VERB":
        return tok.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" and goods_read_as_verb(c)
                                                          for c in tok.children)
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and \
        any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ in ("ccomp", "mark") for c in tok.subtree)


@cache
def _clause_only_saying() -> frozenset[str]:
    return frozenset(vocab_data("claims")["clause_only_attribution_verbs"])


def _says_something(verb: Token) -> bool:
    """The verb has what is said after it: a clause ("replied that ..."), a colon or a quote."""
    nxt = verb.nbor(1).text if verb.i + 1 < len(verb.doc) else ""
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or nxt in (":", '"', "“")


@cache
def _own_documents() -> frozenset[str]:
    return frozenset(vocab_data("claims")["own_document_nouns"])


@cache
def _source_phrase_pattern() -> re.Pattern[str]:
    """Phrases after which the source is named: "according to X", "evidence comes from X", "citing X"."""
    phrases = sorted(vocab_data("claims")["source_phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\s+")


@cache
def _milestone_patterns() -> list[tuple[str, re.Pattern[str]]]:
    order = ["full_capacity", "construction_started", "planned", "suspended", "revived", "operations_started",
             "completed"]
    ms = cv().milestones
    # inflected forms too: "suspend" also finds "suspended", "revive" finds "revived"
    spans = [(ev, re.compile(pat)) for ev, pats in vocab_data("claims")["milestone_spans"].items() for pat in pats]
    return [("construction_started", _progressive_pattern())] + spans + [
        (ev, re.compile(r"\b(?:" + "|".join(re.escape(p.lower()) for p in sorted(ms[ev], key=len, reverse=True))
                        + r")(?:s|es|d|ed)?\b")) for ev in order]


@cache
def _progressive_pattern() -> re.Pattern[str]:
    """Construction worded as ongoing: "was building", "are now constructing", "is expanding"."""
    pr = vocab_data("claims")["milestones_progressive"]
    alt = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
    return re.compile(rf"\b(?:{alt(pr['aux'])})\s+(?:{alt(pr['verbs'])})\b")


def _inside_quotes(before: str) -> bool:
    """Whether text ending here is inside a quotation opened earlier in its paragraph."""
    opened = before.count("“") - before.count("”") + before.count("«") - before.count("»")
    return opened > 0 or before.count('"') % 2 == 1


def _is_bullet(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(re.match(r"\s*[•·▪◦●‣∙\-\*–]\s", text[line_start:pos + 2]))


# imperatives a writer puts an example forward with ("Take the X plant", "Consider X")
PUTTING_FORWARD = word_set("claims", "putting_forward")


def _dedupe(claims: list[Claim]) -> list[Claim]:
    out, seen = [], set()
    for c in claims:
        key = relations.claim_identity(c)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _making_unit(noun: Token) -> bool:
    """A unit of a works that makes what it is "for": a workshop, or a hall or line named for production
    ("assembly hall", "production line"); not a hangar or a warehouse, which may only keep the goods."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in relations.UNIT_HEADS:
        return False
    return noun.lemma_.lower() in ("workshop", "shop") or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in cv().produces_nouns for c in noun.children)


def extract_claims(doc: Doc, text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str],
                   published: str | None, outlet: str | None = None) -> list[Claim]:
    """All claims of one parsed document (`outlet`: the key of the entity that published it, if known)."""
    vocab()
    x = Extractor(doc, text, cands, entities, owner, published, outlet)
    claims = relations.prefer_attributed(x.run())
    claims = relations.drop_production_told_as_capacity(claims, {e.key: e.name for e in entities})
    counted = [(q.start, told, False) for q in x.quantities if (told := relations.counted_goods(x, q))]
    goods = sorted([(c.start, c.text, True) for c in cands if c.layer == "product"] + counted)
    return relations.drop_repeated_goods(relations.goods_named_in_full(claims, goods))


__all__ = ["extract_claims", "Quantity"]
