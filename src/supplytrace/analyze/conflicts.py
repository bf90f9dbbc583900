"""Figures and dates that disagree between reports, shown side by side.

- contradiction: same subject and measure, same time scope, values or dates that do not overlap
  given the precision and hedges each report gives ("2024" vs "2025-02");
- related: same subject and measure but a different time scope (per year now vs planned by 2028,
  planned vs done), or the same fact hedged in one report and stated as fact in another;
- agree: the same fact given at different precision ("March 2025" and "2025"), normalised.

Figures stated side by side in one article are different measures, not a disagreement, and are
never compared with each other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import combinations

from supplytrace.analyze.measures import dates_agree, interval, overlaps, text_similarity, unit_class
from supplytrace.analyze.types import ClaimRecord, Conflict

FIGURES = {"capacity": "rate", "delivered": "rate", "statistic": "statistic"}
PLANNED_EVENTS = {"scheduled_launch", "planned"}


def _status(r: ClaimRecord) -> str:
    return "planned" if r.modality == "planned" or r.event in PLANNED_EVENTS else "done"


def _who(r: ClaimRecord) -> str:
    return ", ".join(r.origins) or "?"


def _ival(r: ClaimRecord) -> tuple[float, float] | None:
    ev = r.evidence[0] if r.evidence else None
    context = f"{r.object_text or ''} {ev.text if ev else ''}"
    return interval(r.value, r.unit, None, context)


def _same_scope(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Same status (planned/done), same period, and dates that agree where both give one."""
    if _status(a) != _status(b) or (a.period or "") != (b.period or ""):
        return False
    if not dates_agree(a.date, b.date):
        return False
    return all(not (x and y) or dates_agree(x, y) for x, y in ((a.date_from, b.date_from), (a.date_to, b.date_to)))


def _docs(r: ClaimRecord) -> set[str]:
    return {e.doc_id for e in r.evidence}


def _num(x: float) -> str:
    """1400000 -> '1,400,000', 2.5 -> '2.5' (never '1.4e+06')."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _fmt_value(r: ClaimRecord) -> str:
    v = r.value
    if isinstance(v, list):
        text = f"{_num(v[0])}-{_num(v[-1])}"
    elif v is None:
        text = "?"
    else:
        text = _num(v)
    per = f"/{r.period}" if r.period else ""
    when = f" by {r.date}" if r.date and r.modality == "planned" else (f" ({r.date})" if r.date else "")
    return f"{text} {r.unit or ''}{per}{when} [{_who(r)}]"


def _milestone_conflicts(records: list[ClaimRecord]) -> list[Conflict]:
    out = []
    groups: dict[tuple, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        if r.predicate == "milestone":
            groups[(r.subject_id, r.subject_name, r.event)].append(r)
    for (_, subject, event), recs in groups.items():
        measure = f"milestone: {event}"
        if len(recs) > 1:
            statuses = {_status(r) for r in recs}
            kind = "contradiction" if len(statuses) == 1 else "related"
            dates = "; ".join(f"{r.date or ('after ' + r.date_from if r.date_from else 'undated')} [{_who(r)}]"
                              for r in sorted(recs, key=lambda r: r.date or ""))
            note = (f"dates disagree beyond the precision each gives: {dates}" if kind == "contradiction"
                    else f"planned vs reported: {dates}")
            out.append(Conflict(subject, measure, kind, sorted(recs, key=lambda r: r.date or ""), note))
        for r in recs:
            dates = {e_date for e_date in _evidence_dates(r)}
            if len(dates) > 1:
                parts = _split_by_date(r)
                note = "same date at different precision: " + "; ".join(
                    f"{p.date} [{_who(p)}]" for p in parts)
                out.append(Conflict(subject, measure, "agree", parts, note))
    return out


def _evidence_dates(r: ClaimRecord) -> list[str]:
    return [d for d in (e.date for e in r.evidence) if d]


def _split_by_date(r: ClaimRecord) -> list[ClaimRecord]:
    by: dict[str, list] = defaultdict(list)
    for e in r.evidence:
        by[e.date or ""].append(e)
    parts = []
    for d, evs in sorted(by.items()):
        origins = list(dict.fromkeys(e.origin for e in evs))
        parts.append(replace(r, date=d or None, evidence=evs, origins=origins,
                             articles=len({e.doc_id for e in evs})))
    return parts


def _figure_conflicts(records: list[ClaimRecord]) -> list[Conflict]:
    out = []
    groups: dict[tuple, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        fam = FIGURES.get(r.predicate)
        if fam and r.value is not None:
            groups[(r.subject_id, r.subject_name, fam, unit_class(r.unit)[0].split(":")[0])].append(r)
    for (_, subject, fam, _), recs in groups.items():
        # pairwise: which records talk about the same measure, and how do they compare
        edges: dict[tuple[int, int], str] = {}
        for i, j in combinations(range(len(recs)), 2):
            a, b = recs[i], recs[j]
            if _docs(a) == _docs(b) and len(_docs(a)) == 1:
                continue  # side by side in one article: different measures
            ca, cb = unit_class(a.unit)[0], unit_class(b.unit)[0]
            if ca != cb and "count" not in (ca, cb):
                continue
            what_a, what_b = a.object_text or a.unit, b.object_text or b.unit
            if a.product_id is None or a.product_id != b.product_id:
                threshold = 0.5 if fam == "statistic" else 0.3
                # a shared unit says nothing about a statistic ("40 percent of trade" vs "80 percent of
                # enterprises"): there the object text decides when both give one
                unit_says = not (fam == "statistic" and a.object_text and b.object_text)
                if text_similarity(what_a, what_b) < threshold and (
                        not unit_says or text_similarity(a.unit, b.unit) < 0.5):
                    continue
            if not _same_scope(a, b):
                edges[(i, j)] = "related"
            elif not overlaps(_ival(a), _ival(b)):
                edges[(i, j)] = "contradiction"
        comps = _components(len(recs), list(edges))
        for members in comps:
            if len(members) < 2:
                continue
            kinds = {k for (i, j), k in edges.items() if i in members and j in members}
            kind = "contradiction" if "contradiction" in kinds else "related"
            mrecs = [recs[i] for i in members]
            mrecs.sort(key=lambda r: (r.date or "", -(r.value if isinstance(r.value, int | float) else 0)))
            what = unit_class(mrecs[0].unit)[0].split(":")[-1]
            if what == "count":
                what = mrecs[0].object_text or mrecs[0].unit or ""
            measure = f"{'/'.join(sorted({r.predicate for r in mrecs}))}: {what}"
            why = ("figures disagree for the same time scope" if kind == "contradiction"
                   else "different time scopes or status (e.g. per year now vs planned by a date); compare, do not add")
            note = f"{why}: " + " vs ".join(_fmt_value(r) for r in mrecs)
            out.append(Conflict(subject, measure, kind, mrecs, note))
    return out


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components (union-find) of n items linked by pairs, singletons dropped."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[find(i)].append(i)
    return [m for m in comps.values() if len(m) > 1]


def _modality_conflicts(records: list[ClaimRecord]) -> list[Conflict]:
    out = []
    for r in records:
        mods = {e.modality for e in r.evidence}
        if "possible" in mods and mods & {"reported", "claimed"}:
            by = defaultdict(set)
            for e in r.evidence:
                by[e.modality].add(e.origin)
            note = "hedged in some reports, stated as fact in others: " + "; ".join(
                f"{m} [{', '.join(sorted(o))}]" for m, o in sorted(by.items()))
            target = r.object_name or r.object_text or ""
            out.append(Conflict(r.subject_name, f"certainty: {r.predicate} {target}".strip(), "related", [r], note))
    return out


def find_conflicts(records: list[ClaimRecord]) -> list[Conflict]:
    out = _milestone_conflicts(records) + _figure_conflicts(records) + _modality_conflicts(records)
    order = {"contradiction": 0, "related": 1, "agree": 2}
    out.sort(key=lambda c: (order.get(c.kind, 3), c.subject_name.casefold(), c.measure))
    return out
