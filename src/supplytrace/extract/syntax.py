"""Small readings of the dependency parse that every relation module needs: a child by its relation, the
objects of a verb, the noun after a preposition. Kept in one place so that the modules read alike."""

from __future__ import annotations

from spacy.tokens import Token


def child(tok: Token, *deps: str) -> Token | None:
    """The first child of `tok` attached with one of `deps` ("nsubj", "dobj", "poss", ...)."""
    return next((c for c in tok.children if c.dep_ in deps), None)


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
