"""Pieces shared by the benchmarks that generate names: syllables and a Latin -> Cyrillic spelling."""

from __future__ import annotations

import random

CONS = ["b", "v", "g", "d", "z", "k", "l", "m", "n", "p", "r", "s", "t", "f", "sh", "ch", "zh", "kh"]
VOWELS = ["a", "e", "i", "o", "u"]
TO_CYR = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ya": "я", "yu": "ю", "a": "а", "b": "б", "v": "в", "g": "г",
          "d": "д", "e": "е", "z": "з", "i": "и", "y": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
          "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф"}


def syllables(rng: random.Random, n: int) -> str:
    """n random consonant-vowel syllables, lower case."""
    return "".join(rng.choice(CONS) + rng.choice(VOWELS) for _ in range(n))


def to_cyrillic(name: str) -> str:
    """A Cyrillic spelling of a Latin name, keeping upper case where it was."""
    out, i = [], 0
    while i < len(name):
        ch = name[i]
        two = name[i:i + 2].lower()
        if two in TO_CYR:
            cyr = TO_CYR[two]
            i += 2
        elif ch.lower() in TO_CYR:
            cyr = TO_CYR[ch.lower()]
            i += 1
        else:
            out.append(ch)
            i += 1
            continue
        out.append(cyr.upper() if ch.isupper() else cyr)
    return "".join(out)
