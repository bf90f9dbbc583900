"""Small readings of the dependency parse that every relation module needs: a child by its relation, the
objects of a verb, the noun after a preposition. Kept in one place so that the modules read alike."""

from __future__ import annotations

from spacy.tokens import Token


def child(tok: Token, *deps: str) -> Token | None:
    """The first child of `tok` attached with one of `deps` ("nsubj", "dobj", "poss", ...)."""
    return next((c for c in tok.children if c.dep_ in deps), None)


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
    modifiers)."""
    head = word.head
    return word.dep_ == "nsubj" and head.dep_ == "ROOT" and head.tag_ in ("VBZ", "NNS") and head.i > word.i and \
        head.lower_.endswith("s") and all(t.dep_ in ("compound", "amod") for t in word.doc[word.i + 1:head.i])


def hung_pobj(verb: Token, *preps: str) -> Token | None:
    """The noun after one of `preps` that belongs to `verb`, also when the parser hung the preposition on the
    verb's object or on the noun after another of its prepositions ("delivered to the Y plant by X": "by" on
    "plant"; "ships the bodies by rail to Y": "to" on "rail")."""
    found = pobj(verb, *preps)
    if found is not None:
        return found
    nouns = [*objects(verb), *pobjs(verb, ("to", "for", "at", "in", "from", "with", "by", "via"), ("prep", "dative"))]
    return next((f for n in nouns if (f := pobj(n, *preps)) is not None and f.i > n.i), None)


# what does not belong to a noun's own words: determiners, owners, numbers, clauses, coordinations
NOT_MODIFIERS = frozenset({"det", "poss", "nummod", "case", "predet", "punct", "cc", "conj", "prep", "relcl", "acl",
                           "appos", "advmod"})


def modified_from(noun: Token) -> Token:
    """The first word of a noun's own phrase: its leftmost modifier that hangs on it through modifiers only ("Mi-8MTV-5
    transport helicopters", not "its" or "40"), else the noun."""
    left = [t for t in noun.subtree if t.i < noun.i and t.dep_ not in NOT_MODIFIERS and not t.like_num and
            _modifies(t, noun)]
    return min(left, key=lambda t: t.i, default=noun)


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
