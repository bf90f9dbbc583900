"""The default extractor backend, "spacy": statistical model + our domain components.

Document -> nlp.pipe (batched) -> typed mentions -> within-article coreference -> entities
-> claims (quantities, dates, modality, attribution) -> Extraction.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from supplytrace.extract.coref import group, norm, unique_slug
from supplytrace.extract.gazetteer import is_city
from supplytrace.extract.mentions import Cand, credit_spans, find_mentions, headline_lines, nationality_words, vocab
from supplytrace.extract.name_types import correct_types
from supplytrace.extract.pipeline import clean_for_nlp, load_nlp
from supplytrace.extract.registry import extractors
from supplytrace.extract.syntax import tokens
from supplytrace.model import Claim, DocEntity, Document, Extraction, Mention
from supplytrace.vocab import EntityType

E = EntityType



def build_entities(doc: Doc, text: str, cands: list[Cand]) -> tuple[list[DocEntity], dict[int, str]]:
    """Group mentions into document entities; returns the entities and candidate-id -> entity key."""
    heads = headline_lines(text) + credit_spans(text)
    entities: list[DocEntity] = []
    owner: dict[int, str] = {}
    used_keys: set[str] = set()
    groups = group(cands, text)
    for g in groups:
        ms: list[Cand] = sorted(g["mentions"], key=lambda c: c.start)
        body = [m for m in ms if not any(s <= m.start < e for s, e in heads)]
        if not body:
            continue  # only in headlines / page furniture
        etype = g["type"]
        forms: list[str] = []
        for m in ms:
            if m.layer == "desc" and g["layer"] == "name":
                continue  # a description joined to a name is a mention, not a name
            for f in [m.text, *m.aliases]:
                f = f.strip()
                if f and f not in forms:
                    forms.append(f)
        # the name is one the text uses for it; forms with descriptive words added ("KAMAZ engine plant" for
        # KAMAZ) stay aliases
        said_norms = {norm(m.text) for m in ms}
        said = [f for f in forms if norm(f) in said_norms]  # "Elbwerk GmbH" for "Elbwerk" is the same name
        name = _pick_name(said if etype is E.ORGANIZATION and said else forms, etype, g["layer"])
        seen = {norm(name)}
        aliases = []
        for f in forms:
            nf = norm(f)
            if nf and nf not in seen:
                seen.add(nf)
                aliases.append(f)
        key = unique_slug(name, used_keys)
        ent = DocEntity(key=key, name=name, type=etype, aliases=aliases)
        for m in ms:
            ent.mentions.append(Mention(key, text[m.start:m.end], m.start, m.end, etype))
            owner[id(m)] = key
        entities.append(ent)
    return entities, owner


def _attach_mention(ent: DocEntity, start: int, end: int, text: str, source: str, sent_starts: list[int],
                    owner: dict[int, str]) -> Cand:
    """A further mention of a known entity, found after grouping: a candidate owned by it and a Mention on it."""
    c = Cand(start, end, ent.type, "name", 1, text, source, sent=bisect.bisect_right(sent_starts, start) - 1)
    owner[id(c)] = ent.key
    ent.mentions.append(Mention(ent.key, text, start, end, ent.type))
    return c


def propagate_mentions(text: str, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str],
                       sent_starts: list[int]) -> list[Cand]:
    """Other places where an entity's name is written but the model did not tag it ("Belarus supplied ...").

    Exact, case-sensitive, whole-word occurrences of names of three characters or more that no candidate covers
    become mentions of that entity. Returns the new candidates (also recorded in `owner` and on the entities).
    """
    forms: dict[str, DocEntity] = {}
    for e in entities:
        if e.type is E.PRODUCT or any(m.start < 0 for m in e.mentions):
            continue
        for nm in e.names:
            nm = nm.strip()
            if len(nm) >= 3 and any(c.isupper() for c in nm) and "\n" not in nm:
                forms.setdefault(nm, e)
    if not forms:
        return []
    pat = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                     + r")(?![\w\-])")
    spans = sorted((c.start, c.end) for c in cands)
    starts = [sp[0] for sp in spans]
    out = []
    for m in pat.finditer(text):
        s0, e0 = m.start(), m.end()
        k = bisect.bisect_left(starts, e0)
        if any(a < e0 and s0 < b for a, b in spans[max(0, k - 8):k]):
            continue
        out.append(_attach_mention(forms[m.group(0)], s0, e0, m.group(0), "propagated", sent_starts, owner))
    for e in entities:
        e.mentions.sort(key=lambda mm: mm.start)
    return out


def short_form_subjects(doc: Doc, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> list[Cand]:
    """"The Votkinsk Plant ... Votkinsk manufactures ...", "Harwick Sensor Trading Inc. ... Harwick bought ...": an
    enterprise named without its cue word, or by the first word of its name, as the subject of a verb, is the same
    enterprise. Only subjects: "in Votkinsk" is the town."""
    v = vocab()
    forms: dict[str, DocEntity] = {}
    for e in entities:
        words = e.name.split()
        if e.type is E.ORGANIZATION and len(words) >= 2 and words[-1].lower() in v.org_cues and \
                all(w[:1].isupper() for w in words[:-1]):
            forms.setdefault(" ".join(words[:-1]), e)
    forms.update(_first_word_forms(doc, entities))
    if not forms:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    sent_starts = [s.start_char for s in doc.sents]
    out = []
    for tok in tokens(doc):
        if tok.dep_ != "nsubj" or tok.idx in taken or tok.pos_ != "PROPN":
            continue
        span = doc[tok.left_edge.i:tok.i + 1]
        if span[0].lower_ == "the":
            span = span[1:]
        ent = forms.get(span.text)
        if ent is None:
            continue
        out.append(_attach_mention(ent, span.start_char, span.end_char, span.text, "short-form", sent_starts, owner))
    return out


def goods_by_last_word(doc: Doc, cands: list[Cand], entities: list[DocEntity], owner: dict[int, str]) -> list[Cand]:
    """"X makes wiring harnesses. The harnesses go into ...": the last word of goods named in several words, written
    later with "the", "these" or "those" and no modifier of its own, is those goods (when no other goods the article
    names end in that word)."""
    heads: dict[str, list[DocEntity]] = {}
    for e in entities:
        words = e.name.lower().split()
        if e.type is E.PRODUCT and len(words) >= 2 and words[-1].isalpha() and words[-1].endswith("s"):
            heads.setdefault(words[-1], []).append(e)
    forms = {w: es[0] for w, es in heads.items() if len(es) == 1}
    if not forms:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    sent_starts = [s.start_char for s in doc.sents]
    out = []
    for tok in tokens(doc):
        ent = forms.get(tok.lower_) if tok.pos_ == "NOUN" and tok.idx not in taken else None
        if ent is None or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children) or \
                any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children) or \
                not any(m.start < tok.idx for m in ent.mentions):
            continue
        out.append(_attach_mention(ent, tok.idx, tok.idx + len(tok.text), tok.text, "goods-head", sent_starts, owner))
    return out


def _first_word_forms(doc: Doc, entities: list[DocEntity]) -> dict[str, DocEntity]:
    """The first word of a company's name of several words, when it can stand for no other thing: a made-up
    name ("Harwick", "Northbridge"), not a place, a nationality, a word the text also writes in lower case, or the
    first word of another entity's name."""
    lower = {t.lower_ for t in tokens(doc) if t.text.islower()}
    firsts: dict[str, list[DocEntity]] = {}
    for e in entities:
        words = e.name.split()
        # (the word after a city the name opens with: "Lumisense" of "Chengdu Lumisense Optoelectronics")
        firsts.setdefault(words[1] if len(words) >= 3 and is_city(words[0]) else words[0], []).append(e)
    taken = {norm(n) for e in entities for n in e.names if len(n.split()) == 1}
    out = {}
    for word, ents in firsts.items():
        e = ents[0]
        if len(ents) > 1 or e.type is not E.ORGANIZATION or len(e.name.split()) < 2 or not word.isalpha() or \
                not word[:1].isupper() or word.isupper() or len(word) < 4 or word.lower() in lower or \
                norm(word) in taken or is_city(word) or word.lower() in nationality_words():
            continue
        out[word] = e
    return out


_DOMAIN = re.compile(r"[\w.-]+\.[a-z]{2,}", re.IGNORECASE)


def add_outlet(outlet: str | None, entities: list[DocEntity]) -> str | None:
    """The outlet that published the article is one of its organisations (gold lists it; it is the source of what
    the article says in its own voice): an entity of that name becomes an organisation, or one is added.
    Its mentions in the text are found with the other names' by propagate_mentions. Returns its key."""
    if not outlet or _DOMAIN.fullmatch(outlet.strip()):
        return None
    n = norm(outlet)
    if not n:
        return None
    ent = next((e for e in entities if n in {norm(x) for x in e.names}), None)
    if ent is not None:
        ent.type = E.ORGANIZATION
        for m in ent.mentions:
            m.type = E.ORGANIZATION
        return ent.key
    key = unique_slug(outlet, {e.key for e in entities})
    entities.append(DocEntity(key=key, name=outlet.strip(), type=E.ORGANIZATION))
    return key


def goods_that_matter(entities: list[DocEntity], claims: list[Claim]) -> list[DocEntity]:
    """Goods the article says something about (made, sent, used in, counted) or names as a model; the plain
    goods words of passing mentions ("older tanks", "consumer electronics") are left out, as analysts do."""
    keys = {k for c in claims for k in (c.subject, c.object) if k}
    said = {norm(t) for c in claims for t in (c.object_text, c.object_detail) if t}
    return [e for e in entities if e.type is not E.PRODUCT or e.key in keys or any(ch.isdigit() for ch in e.name)
            or any(norm(n) in said for n in e.names)]


def _pick_name(forms: list[str], etype: EntityType, layer: str) -> str:
    if layer == "product":
        return min(forms, key=lambda f: (len(f.split()), len(f)))
    if etype is E.PERSON:
        return max(forms, key=lambda f: (0 if re.match(r"(Mr|Ms|Mrs|Dr|President)\b", f) else len(f.split()), len(f)))
    return max(forms, key=len)


class SpacyExtractor:
    """Offline, CPU extractor built on a spaCy English model and data-file vocabularies."""

    name = "spacy"

    def __init__(self, model: str | None = None, batch_size: int = 16, claims: bool = True) -> None:
        self.nlp = load_nlp(model)
        self.batch_size = batch_size
        self.with_claims = claims

    def _analyse(self, document: Document, doc: Doc) -> Extraction:
        text = document.text
        cands = correct_types(doc, find_mentions(doc, text))
        entities, owner = build_entities(doc, text, cands)
        outlet = add_outlet(document.outlet, entities)
        extra = propagate_mentions(text, cands, entities, owner, [s.start_char for s in doc.sents])
        extra += short_form_subjects(doc, cands + extra, entities, owner)
        extra += goods_by_last_word(doc, cands + extra, entities, owner)
        if extra:
            cands = sorted(cands + extra, key=lambda c: (c.start, -c.end))
        ex = Extraction(document_id=document.id, entities=entities, extractor=self.name)
        if self.with_claims:
            from supplytrace.extract.claims import extract_claims

            ex.claims = extract_claims(doc, text, cands, entities, owner, document.published, outlet)
            ex.entities = goods_that_matter(ex.entities, ex.claims)
        return ex

    def extract(self, doc: Document) -> Extraction:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[Document], n_process: int = 1) -> Iterator[Extraction]:
        docs = list(docs) if not isinstance(docs, list) else docs
        texts = (clean_for_nlp(d.text) for d in docs)
        for document, parsed in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size, n_process=n_process),
                                    strict=True):
            yield self._analyse(document, parsed)


@extractors.register("spacy")
def make_spacy_extractor(**options: object) -> SpacyExtractor:
    return SpacyExtractor(**options)  # type: ignore[arg-type]
