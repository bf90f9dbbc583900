"""Score extractions against gold annotations (shared/spec/gold-format.md).

Both sides are folders of gold-format JSON files, one per article. The rules are the ones the
spec states under "How predictions are scored", so `supplytrace eval` gives the same figures as
the reference scorer on the same folders:

- names are compared after normalisation: Unicode compatibility form, lower case, a fixed
  Russian/Belarusian romanisation of Cyrillic, accents dropped, quote marks deleted, any other
  non-word characters turned into spaces, legal forms (JSC, OJSC, ОАО, ZAO...) and a few filler
  words ("the", "company") dropped;
- two entities match when they share a normalised name or alias or, failing that, when one
  name contains the other as whole words (both at least 4 characters); pairing is one-to-one
  and greedy in gold order, exact pairs first; "typed" also needs the same type;
- a claim matches a gold claim when the predicate is equal, the subjects match as names, the
  object matches (entity names, or half the gold object's content words), numbers agree within
  1% (a number inside a gold range counts), and a dated milestone's date starts with the gold
  date (an undated one needs the same event);
- modality and attribution accuracy are measured over matched claims only.

Why the normalisation is spelled out here rather than taken from normality/rigour: their
transliteration (ICU) and legal-form tables are richer than the scoring rule (e.g. "й" -> "j",
"х" -> "h", many more company types), and any difference would change which names match and so
the figures. The scoring rule is deliberately small and fixed; the resolve stage, which is not
bound to a reference, uses the libraries.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supplytrace.vocab import NUMERIC_PREDICATES, Predicate

# -- normalisation ---------------------------------------------------------------------------

# Cyrillic (lower case) -> Latin. One letter each, then the letters that need several.
_CYRILLIC_SINGLE = dict(zip("абвгдеёзийклмнопрстуфыэіў", "abvgdeeziiklmnoprstufyeiu", strict=True))
_CYRILLIC_MULTI = {"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
                   "ъ": "", "ь": ""}
_ROMANISE = str.maketrans({**_CYRILLIC_SINGLE, **_CYRILLIC_MULTI})

# Words dropped from names: legal forms (already romanised: ОАО -> oao) and a few fillers.
LEGAL_FORMS = frozenset({
    "jsc", "ojsc", "cjsc", "pjsc", "ojs", "oao", "zao", "pao", "ooo", "ao", "llc", "ltd", "inc", "plc",
    "ue", "rup", "co", "company", "the",
})
# Words that carry no content when comparing free-text objects ("the microchips for drones").
FILLER_WORDS = frozenset({
    "a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "by", "from", "as", "at",
    "its", "their", "such", "various", "new", "type", "types", "up",
})
_QUOTES = re.compile("[«»\"“”„'’`]")
_NON_WORD = re.compile(r"\W+")


def normalise_name(name: object) -> str:
    """The comparison form of a name: 'OJSC «Интеграл»' -> 'integral'."""
    text = unicodedata.normalize("NFKC", str(name)).lower().translate(_ROMANISE)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", _QUOTES.sub("", text))
    return " ".join(w for w in text.split() if w not in LEGAL_FORMS)


def content_words(text: object) -> set[str]:
    """Normalised words that carry meaning, with a plain plural 's' dropped (shells -> shell)."""
    words = set()
    for word in normalise_name(text).split():
        if word in FILLER_WORDS:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return words


def _contains_words(outer: str, inner: str) -> bool:
    """Whether `inner`'s words occur in `outer` as a contiguous run of whole words."""
    big, small = outer.split(), inner.split()
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def names_match(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two sets of normalised names match: a shared name, or whole-word containment (>= 4 chars)."""
    a, b = set(a), set(b)
    if a & b:
        return True
    return any(
        min(len(x), len(y)) >= 4 and (_contains_words(y, x) or _contains_words(x, y))
        for x in a for y in b
    )


# -- reading annotation files ----------------------------------------------------------------

def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


class Article:
    """One article's annotations (gold or predicted), with name lookups."""

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        data = data or {}
        self.entities: list[dict] = [e for e in _as_list(data.get("entities")) if isinstance(e, dict)]
        self.claims: list[dict] = [c for c in _as_list(data.get("claims")) if isinstance(c, dict)]

    @staticmethod
    def entity_names(entity: Mapping[str, Any]) -> set[str]:
        aliases = entity.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        raw = [entity.get("name", ""), *aliases]
        return {n for n in map(normalise_name, raw) if n}

    def entity(self, key: Any) -> dict | None:
        return next((e for e in self.entities if e.get("key") == key or e.get("id") == key), None)

    def names_of_key(self, key: Any) -> set[str]:
        """Names of the entity a claim refers to by key (the key itself if no such entity)."""
        ent = self.entity(key)
        return self.entity_names(ent) if ent else {n for n in [normalise_name(key)] if n}

    def side(self, claim: Mapping[str, Any], role: str) -> set[str]:
        """Names for a claim's subject or object: its entity's names and/or its free text."""
        out: set[str] = set()
        if claim.get(role) is not None:
            out |= self.names_of_key(claim[role])
        if claim.get(f"{role}_text"):
            out.add(normalise_name(claim[f"{role}_text"]))
        return {n for n in out if n}

    def attribution(self, claim: Mapping[str, Any]) -> set[str]:
        out: set[str] = set()
        for key in _as_list(claim.get("attributed_to")):
            out |= self.names_of_key(key)
        return out


def load_annotations(directory: Path, warnings: list[str] | None = None) -> dict[str, Article]:
    """Read every *.json in a folder, keyed by the article's file stem.

    A file that is not valid JSON (or not a JSON object) is skipped with a warning: a broken
    prediction file scores as an empty one, it does not stop the evaluation.
    """
    out: dict[str, Article] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            if warnings is not None:
                warnings.append(f"{path}: {exc}")
            continue
        if not isinstance(data, dict):
            if warnings is not None:
                warnings.append(f"{path}: expected a JSON object, found {type(data).__name__}")
            continue
        name = data.get("document") or path.stem
        out[Path(str(name)).stem] = Article(data)
    return out


# -- matching --------------------------------------------------------------------------------

def pair_entities(gold: list[dict], pred: list[dict], typed: bool) -> dict[int, int]:
    """One-to-one pairs gold index -> predicted index: exact name pairs first, then containment."""
    gnames = [Article.entity_names(e) for e in gold]
    pnames = [Article.entity_names(e) for e in pred]
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for exact_only in (True, False):
        for gi in range(len(gold)):
            if gi in pairs:
                continue
            for pi in range(len(pred)):
                if pi in taken or (typed and gold[gi].get("type") != pred[pi].get("type")):
                    continue
                if (gnames[gi] & pnames[pi]) if exact_only else names_match(gnames[gi], pnames[pi]):
                    pairs[gi] = pi
                    taken.add(pi)
                    break
    return pairs


def _number(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _within_one_percent(gold: Any, pred: Any) -> bool:
    g, p = _number(gold), _number(pred)
    if g is None or p is None:
        return False
    return abs(g - p) <= 0.01 * max(abs(g), 1e-9)


def values_match(gold: Any, pred: Any) -> bool:
    """A number within 1% of gold; a gold [low, high] range matches the same range or a number in it."""
    if isinstance(gold, list):
        if isinstance(pred, list):
            return (len(gold) == 2 and len(pred) == 2
                    and _within_one_percent(gold[0], pred[0]) and _within_one_percent(gold[1], pred[1]))
        if not gold:
            return False
        low, value = _number(gold[0]), _number(pred)
        if low is None or value is None or not low <= value:
            return False
        high = _number(gold[1]) if len(gold) > 1 else None
        return high is not None and value <= high
    if isinstance(pred, list):
        return False
    return _within_one_percent(gold, pred)


def object_text_match(gold_text: Any, candidates: Iterable[Any]) -> bool:
    """At least half of the gold text's content words occur in one of the candidate texts."""
    if not gold_text:
        return True
    wanted = content_words(gold_text)
    if not wanted:
        return True
    return any(c and 2 * len(wanted & content_words(c)) >= len(wanted) for c in candidates)


def claim_matches(gdoc: Article, g: Mapping[str, Any], pdoc: Article, p: Mapping[str, Any]) -> bool:
    """Whether predicted claim `p` counts as finding gold claim `g` (see module docstring)."""
    if g.get("predicate") != p.get("predicate"):
        return False
    gsub, psub = gdoc.side(g, "subject"), pdoc.side(p, "subject")
    if not gsub or not psub or not names_match(gsub, psub):
        return False
    if g.get("object") is not None:
        pobj = pdoc.side(p, "object")
        if not pobj or not names_match(gdoc.side(g, "object"), pobj):
            return False
    elif g.get("object_text"):
        candidates: list[Any] = [p.get("object_text") or ""]
        if p.get("object") is not None:
            ent = pdoc.entity(p["object"])
            candidates.extend(Article.entity_names(ent) if ent else [str(p["object"])])
        if not object_text_match(g["object_text"], candidates):
            return False
    numeric = g.get("predicate") in NUMERIC_PREDICATES and g.get("value") is not None
    if numeric and not values_match(g["value"], p.get("value")):
        return False
    if g.get("predicate") == Predicate.MILESTONE:
        if g.get("date"):  # the date carries the meaning; the event word may differ
            return str(p.get("date") or "").startswith(str(g["date"]))
        if g.get("event") and g.get("event") != p.get("event"):
            return False
    return True


# -- results ---------------------------------------------------------------------------------

@dataclass
class PRF:
    """Counts and precision / recall / F1 (rounded to 3 places, as reported)."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return round(self.tp / self.pred, 3) if self.pred else 0.0

    @property
    def recall(self) -> float:
        return round(self.tp / self.gold, 3) if self.gold else 0.0

    @property
    def f1(self) -> float:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"p": self.precision, "r": self.recall, "f1": self.f1,
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return round(self.correct / self.total, 3) if self.total else None


@dataclass
class Finding:
    """One miss or false positive, for `eval --verbose`."""

    document: str
    kind: str  # "entity" or "claim"
    status: str  # "missed" or "false_positive"
    text: str
    type: str | None = None  # entity type or claim predicate
    note: str | None = None  # e.g. "found with type place"


@dataclass
class EvalResult:
    documents: int = 0
    documents_predicted: int = 0
    entities: PRF = field(default_factory=PRF)
    entities_typed: PRF = field(default_factory=PRF)
    claims: PRF = field(default_factory=PRF)
    modality: Accuracy = field(default_factory=Accuracy)
    attribution: Accuracy = field(default_factory=Accuracy)
    # not in the reference scorer: of matched claims the gold leaves to the outlet's own voice, how many the
    # prediction also leaves unattributed (attribution accuracy alone never sees a source added wrongly)
    unattributed: Accuracy = field(default_factory=Accuracy)
    per_type: dict[str, PRF] = field(default_factory=dict)
    per_predicate: dict[str, PRF] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def modality_accuracy(self) -> float | None:
        return self.modality.value

    @property
    def attribution_accuracy(self) -> float | None:
        return self.attribution.value

    def select(self, kind: str, status: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind and f.status == status]

    @property
    def missed_claims(self) -> list[str]:
        """Missed gold claims as one-line strings ('doc: subject predicate object')."""
        return [f"{f.document}: {f.text}" for f in self.select("claim", "missed")]

    def as_dict(self, verbose: bool = False) -> dict[str, Any]:
        """Plain data: the reference scorer's JSON keys, plus findings when verbose."""
        out: dict[str, Any] = {
            "documents": self.documents,
            "documents_predicted": self.documents_predicted,
            "entities": self.entities.as_dict(),
            "entities_typed": self.entities_typed.as_dict(),
            "claims": self.claims.as_dict(),
            "modality_accuracy": self.modality_accuracy,
            "attribution_accuracy": self.attribution_accuracy,
            "unattributed_accuracy": self.unattributed.value,
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items(), key=lambda kv: str(kv[0]))},
            "per_predicate": {k: v.as_dict()
                              for k, v in sorted(self.per_predicate.items(), key=lambda kv: str(kv[0]))},
        }
        if verbose:
            out["missed_claims"] = self.missed_claims
            for kind in ("entity", "claim"):
                for status in ("missed", "false_positive"):
                    out[f"{kind}_{status}"] = [
                        {"document": f.document, "text": f.text, "type": f.type, "note": f.note}
                        for f in self.select(kind, status)
                    ]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


def _describe_entity(e: Mapping[str, Any]) -> str:
    aliases = [str(a) for a in _as_list(e.get("aliases")) if a]
    extra = f" (aka {', '.join(aliases[:3])}{'…' if len(aliases) > 3 else ''})" if aliases else ""
    return f"{e.get('name', '')}{extra}"


def _describe_claim(c: Mapping[str, Any]) -> str:
    """'subject predicate object', the object being the first of object/text/value/event given."""
    obj = c.get("object") or c.get("object_text") or c.get("value") or c.get("event")
    return f"{c.get('subject')} {c.get('predicate')} {obj}"


def _describe_claim_long(doc: Article, c: Mapping[str, Any]) -> str:
    def label(role: str) -> str:
        key = c.get(role)
        ent = doc.entity(key) if key is not None else None
        name = ent.get("name") if ent else key
        return str(name if name is not None else c.get(f"{role}_text") or "?")

    parts = [label("subject"), str(c.get("predicate"))]
    if c.get("object") is not None:
        parts.append(label("object"))
    if c.get("object_text") and c.get("object") is None:
        parts.append(repr(c["object_text"]))
    if c.get("value") is not None:
        parts.append(f"= {c['value']}{' ' + str(c['unit']) if c.get('unit') else ''}"
                     f"{'/' + str(c['period']) if c.get('period') else ''}")
    for k in ("event", "date"):
        if c.get(k):
            parts.append(f"{k}={c[k]}")
    return " ".join(parts)


def evaluate_articles(gold: Mapping[str, Article], pred: Mapping[str, Article],
                      warnings: list[str] | None = None) -> EvalResult:
    """Score predicted articles against gold articles (both keyed by article file stem)."""
    res = EvalResult(documents=len(gold), documents_predicted=sum(1 for d in gold if d in pred),
                     warnings=list(warnings or []))
    for name in pred:
        if name not in gold:
            res.warnings.append(f"prediction for {name} has no gold file; not scored")
    for name, gdoc in gold.items():
        pdoc = pred.get(name) or Article()
        _score_entities(res, name, gdoc, pdoc)
        _score_claims(res, name, gdoc, pdoc)
    return res


def _score_entities(res: EvalResult, name: str, gdoc: Article, pdoc: Article) -> None:
    gents, pents = gdoc.entities, pdoc.entities
    loose = pair_entities(gents, pents, typed=False)
    typed = pair_entities(gents, pents, typed=True)
    for prf, pairs in ((res.entities, loose), (res.entities_typed, typed)):
        prf.tp += len(pairs)
        prf.pred += len(pents)
        prf.gold += len(gents)
    for gi, e in enumerate(gents):
        row = res.per_type.setdefault(e.get("type", "?"), PRF())
        row.gold += 1
        if gi in typed:
            row.tp += 1
            continue
        note = None
        if gi in loose:
            note = f"found with type {pents[loose[gi]].get('type')}"
        res.findings.append(Finding(name, "entity", "missed", _describe_entity(e), e.get("type"), note))
    matched = set(typed.values())
    for pi, e in enumerate(pents):
        res.per_type.setdefault(e.get("type", "?"), PRF()).pred += 1
        if pi not in matched:
            res.findings.append(Finding(name, "entity", "false_positive", _describe_entity(e), e.get("type")))


def _score_claims(res: EvalResult, name: str, gdoc: Article, pdoc: Article) -> None:
    gclaims, pclaims = gdoc.claims, pdoc.claims
    for c in pclaims:
        res.per_predicate.setdefault(c.get("predicate", "?"), PRF()).pred += 1
    used: set[int] = set()
    for g in gclaims:
        row = res.per_predicate.setdefault(g.get("predicate", "?"), PRF())
        row.gold += 1
        hit = next((pi for pi, p in enumerate(pclaims) if pi not in used and claim_matches(gdoc, g, pdoc, p)), None)
        if hit is None:
            res.findings.append(Finding(name, "claim", "missed", _describe_claim(g), g.get("predicate"),
                                        _describe_claim_long(gdoc, g)))
            continue
        used.add(hit)
        row.tp += 1
        res.claims.tp += 1
        p = pclaims[hit]
        res.modality.total += 1
        res.modality.correct += (g.get("modality") or "reported") == (p.get("modality") or "reported")
        if _as_list(g.get("attributed_to")):
            res.attribution.total += 1
            pnames = pdoc.attribution(p)
            res.attribution.correct += bool(pnames) and names_match(gdoc.attribution(g), pnames)
        else:
            res.unattributed.total += 1
            res.unattributed.correct += not _as_list(p.get("attributed_to"))
    for pi, p in enumerate(pclaims):
        if pi not in used:
            res.findings.append(Finding(name, "claim", "false_positive", _describe_claim(p), p.get("predicate"),
                                        _describe_claim_long(pdoc, p)))
    res.claims.pred += len(pclaims)
    res.claims.gold += len(gclaims)


def evaluate(gold_dir: str | Path, pred_dir: str | Path) -> EvalResult:
    """Score a folder of predicted annotation files against a folder of gold ones."""
    warnings: list[str] = []
    gold = load_annotations(Path(gold_dir), warnings)
    pred = load_annotations(Path(pred_dir), warnings)
    return evaluate_articles(gold, pred, warnings)


__all__ = [
    "Article", "EvalResult", "Finding", "PRF", "claim_matches", "content_words", "evaluate", "evaluate_articles",
    "load_annotations", "names_match", "normalise_name", "object_text_match", "pair_entities", "values_match",
]
