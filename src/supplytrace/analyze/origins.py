"""Where a piece of evidence originally comes from, and how many independent origins a claim has.

- A claim attributed to someone traces to the first party the article names (the speaker; later
  names are the relay chain: "Oreshkin, via BelTA" -> Oreshkin).
- A person counts as their organization only when an extraction links them (a part_of claim
  person -> organization); otherwise the person is the origin.
- A claim in the article's own voice traces to the outlet. With no outlet named, the website the
  article came from (its URL's domain; the channel on platforms such as t.me) stands for the outlet;
  with neither, the article itself is the origin, labelled by its title (never by a document id).
- An announced plan has one origin, the party announcing it: for claims that are only planned or
  claimed, third parties restating a person's announcement relay it and add no origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from supplytrace.analyze.facts import Fact, World


@dataclass(frozen=True)
class Origin:
    id: str  # "entity:12" or "outlet:NAME" or "site:DOMAIN" or "doc:ID"
    label: str
    person: bool = False


def origin_of(fact: Fact, world: World) -> Origin:
    if fact.attributed_ids:
        eid = fact.attributed_ids[0]
        eid = world.works_for.get(eid, eid)
        return Origin(f"entity:{eid}", world.names.get(eid, str(eid)), world.types.get(eid) == "person")
    if fact.doc.outlet:
        return Origin(f"outlet:{fact.doc.outlet.casefold()}", fact.doc.outlet)
    if site := fact.doc.site:
        return Origin(f"site:{site}", site)
    return Origin(f"doc:{fact.doc.id}", fact.doc.title_label)


def independent_origins(facts: list[Fact], world: World) -> list[Origin]:
    """Distinct origins of a consolidated claim, relays of an announcement folded into it."""
    seen: dict[str, Origin] = {}
    for f in facts:
        o = origin_of(f, world)
        seen.setdefault(o.id, o)
    origins = list(seen.values())
    if all(str(f.claim.modality) in ("planned", "claimed") for f in facts):
        announcers = [o for o in origins if o.person]
        if announcers:
            return announcers
    return origins
