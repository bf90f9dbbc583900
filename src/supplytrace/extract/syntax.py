"""Small readings of the dependency parse that every relation module needs: a child by its relation, the
objects of a verb, the noun after a preposition. Kept in one place so that the modules read alike."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def child(tok: Token, *deps: str) -> Token | None:
    """The first child of `tok` attached with one of `deps` ("nsubj", "dobj", "poss", ...)."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def definite(noun: Token) -> bool:
    """Written with "the", "these" or "those": a noun that refers to something the text has already told."""
    return any(c.lower_ in ("the", "these", "those") for c in noun.children)


def negated(verb: Token) -> bool:
    """"does not supply", "never produced", "sold nothing to Russia", "shipped no parts": the verb is denied."""
    return any(c.dep_ == "neg" or c.dep_ == "dobj" and (c.lower_ in ("nothing", "none") or
                                                         any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
               for c in verb.children)


def first_conjunct(tok: Token) -> Token:
    """The first of a coordination `tok` is in ("a foundry and a subsidiary of Y": "foundry"), whose relation
    to the rest of the sentence the later conjuncts share."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def objects(verb: Token) -> list[Token]:
    """The direct objects of a verb with their conjuncts ("repairs A and B" -> A, B)."""
    return [n for ob in verb.children if ob.dep_ == "dobj" for n in (ob, *ob.conjuncts)]


def pobjs(tok: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)) -> list[Token]:
    """The nouns after the prepositions `preps` that hang on `tok` ("output at X" -> X)."""
    return [g for c in tok.children if c.dep_ in deps and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def pobj(tok: Token, *preps: str) -> Token | None:
    """The first noun after one of `preps`, also when the parser calls the preposition an agent ("by X") or a
    dative ("to X")."""
    found = pobjs(tok, preps, ("prep", "agent", "dative"))
    return found[0] if found else None


def plain_verb_form(word: str) -> str:
    """A verb's plain form from its third-person one, as the words are written ("exports", "ships", "supplies"), for
    verbs the tagger read as nouns; a word that is no such form is returned as it is."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("shes", "ches", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def goods_read_as_verb(word: Token) -> bool:
    """"X ships sights to Y" parsed with "ships" as the subject of "sights", taken for the sentence's root: the word
    is a subject, and its head the root, a plural noun or a third-person verb, right after it (or after its
    modifiers); or "X builds tracked chassis" with "tracked" taken for the root, a past form right after it whose
    object follows at once."""
    head = word.head
    # (or the root of a clause after "that": "estimates that X ships around 20,000 fuzes a month to Y")
    clause = head.dep_ == "ROOT" or any(c.dep_ == "mark" and c.i < word.i for c in head.children)
    if word.dep_ != "nsubj" or not clause or head.i <= word.i:
        return False
    if head.tag_ in ("VBD", "VBN") and head.i == word.i + 1:
        # (a verb's third-person form right after a name, not "the analysts tracked trains")
        return word.text[:1].islower() and word.lower_.endswith("s") and word.i > 0 and \
            word.doc[word.i - 1].pos_ == "PROPN" and any(c.dep_ == "dobj" and c.i == head.i + 1 for c in head.children)
    return head.tag_ in ("VBZ", "NNS") and head.lower_.endswith("s") and \
        all(t.dep_ in ("compound", "amod", "nummod", "quantmod") for t in word.doc[word.i + 1:head.i])


def clause_of_its_own(tok: Token) -> bool:
    """A verb joined to another with a subject of its own ("can turn out 400 valves a month, and its staff has
    risen"): a clause apart, where what governs the first verb stops."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in tok.children)


def misread_goods(word: Token) -> Token:
    """The goods noun of a verb read as a subject (see goods_read_as_verb): the root it hangs on, or that root's
    object when the root is a past form that only describes it ("tracked chassis")."""
    head = word.head
    if head.tag_ in ("VBD", "VBN"):
        return next((c for c in head.children if c.dep_ == "dobj"), head)
    return head


def aside_participle(tok: Token) -> bool:
    """A participle set off by a comma after a verb's object, an aside about the goods ("sent 22 consignments,
    weighing 9.4 tonnes, to Y"): the parser may hang the verb's "to" on it."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def hung_pobj(verb: Token, *preps: str) -> Token | None:
    """The noun after one of `preps` that belongs to `verb`, also when the parser hung the preposition on the
    verb's object or on the noun after another of its prepositions ("delivered to the Y plant by X": "by" on
    "plant"; "ships the bodies by rail to Y": "to" on "rail")."""
    found = pobj(verb, *preps)
    if found is not None:
        return found
    nouns = [*objects(verb), *pobjs(verb, ("to", "for", "at", "in", "from", "with", "by", "via"), ("prep", "dative")),
             *(c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBG" and c.i > verb.i and
               not any(g.dep_ in ("nsubj", "dobj") for g in c.children))]  # ("sent fabric and webbing to Y")
    return next((f for n in nouns if (f := pobj(n, *preps)) is not None and f.i > n.i), None)


# what does not belong to a noun's own words: determiners, owners, numbers, clauses, coordinations
NOT_MODIFIERS = frozenset({"det", "poss", "nummod", "case", "predet", "punct", "cc", "conj", "prep", "relcl", "acl",
                           "appos", "advmod"})


def modified_from(noun: Token) -> Token:
    """The first word of a noun's own phrase: its leftmost modifier that hangs on it through modifiers only ("Mi-8MTV-5
    transport helicopters", not "its" or "40"), else the noun."""
    left = [t for t in noun.subtree if t.i < noun.i and not t.like_num and
            (t.dep_ not in NOT_MODIFIERS and _modifies(t, noun) or coordinated_modifier(t, noun))]
    return min(left, key=lambda t: t.i, default=noun)


def coordinated_modifier(tok: Token, noun: Token) -> bool:
    """"radar and communications equipment", "fuel and oil filters": a conjunct of a word that modifies the noun,
    or the "and" between them, belongs to the noun's phrase."""
    mod = tok.head
    return tok.dep_ in ("conj", "cc") and mod.i < tok.i < noun.i and mod.dep_ in ("compound", "nmod", "amod") and \
        mod.head.i == noun.i


def phrase_text(noun: Token, text: str) -> str:
    """The words of a noun's own phrase in the article's `text`, from its first modifier to the noun ("Mi-8MTV-5
    transport helicopters")."""
    return text[modified_from(noun).idx:noun.idx + len(noun.text)]


def _modifies(t: Token, noun: Token) -> bool:
    """The word hangs on the noun through modifiers only (not through a clause or a coordination)."""
    a = t
    while a.i != noun.i:
        if a.dep_ in NOT_MODIFIERS or a.head.i == a.i:
            return False
        a = a.head
    return True


def tokens(doc: Doc) -> list[Token]:
    """The document's tokens as one list, made once: iterating a Doc or a Span makes new Token objects each time,
    which the many rules that walk every sentence would otherwise pay for again and again."""
    toks = doc.user_data.get("supplytrace_tokens")
    if toks is None:
        toks = doc.user_data["supplytrace_tokens"] = list(doc)
    return toks


def sent_tokens(sent: Span) -> list[Token]:
    """The tokens of a sentence (or any span), from the document's list (see tokens)."""
    return tokens(sent.doc)[sent.start:sent.end]


def doc_text(doc: Doc) -> str:
    """The document's text, kept once (spaCy joins it again from the tokens on every `doc.text`)."""
    text = doc.user_data.get("supplytrace_text")
    if text is None:
        text = doc.user_data["supplytrace_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text, cut from the document's (the same string as span.text, without walking its tokens)."""
    return doc_text(span.doc)[span.start_char:span.end_char]

