"""CLI commands of the resolve/analyze stages: entities, entity, claims, conflicts, timeline, path,
merge, split, resolve. Rich tables for people, --json for machines. Article text is always
rendered as plain Text, never parsed as Rich markup."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from supplytrace.cli.common import console, fail, open_store, print_json
from supplytrace.store import Store


def _t(value: object, style: str = "") -> Text:
    return Text("" if value is None else str(value), style=style)


def _value(r) -> str:  # noqa: ANN001 - ClaimRecord
    v = r.value
    if v is None:
        return ""
    text = f"{_num(v[0])}–{_num(v[-1])}" if isinstance(v, list) else _num(v)
    return f"{text} {r.unit or ''}{'/' + r.period if r.period else ''}".strip()


def _num(x: float) -> str:
    """1400000 -> '1,400,000' (never '1.4e+06')."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _what(r) -> str:  # noqa: ANN001 - ClaimRecord
    parts = []
    if r.object_name:
        parts.append(r.object_name)
    same_as_unit = r.value is not None and (r.object_text or "").casefold() == (r.unit or "").casefold()
    if r.object_text and r.object_text != r.object_name and not same_as_unit:
        parts.append(r.object_text)
    if r.event:
        parts.append(r.event)
    val = _value(r)
    if val:
        parts.append(val)
    if r.date:
        parts.append(f"({r.date})")
    elif r.date_from:
        parts.append(f"(after {r.date_from})")
    return " · ".join(parts)


def _resolve_name(store: Store, name: str):  # noqa: ANN202
    from supplytrace.analyze import api

    rec = api.find_entity(store, name)
    if rec is None:
        close = api.suggest(store, name)
        hint = f"; did you mean: {', '.join(repr(c) for c in close)}" if close else ""
        fail(escape(f"no entity named {name!r}{hint}"))
    return rec


def _claims_table(records: list, title: str | None = None, evidence: bool = False) -> Table:
    table = Table("claim", "subject", "predicate", "object / figure", "modality", "origins", "articles",
                  title=title, show_lines=evidence)
    table.columns[0].overflow = "fold"
    table.columns[3].ratio = 3
    for r in records:
        what = _t(_what(r))
        if evidence:
            for e in r.evidence:
                what.append("\n")
                what.append(f"“{e.text}”", style="italic dim")
                what.append(f" — {e.origin} [{e.doc_id[:10]}]", style="dim")
        table.add_row(_t(r.id, "dim"), _t(r.subject_name), _t(r.predicate), what, _t(r.modality),
                      _t(f"{r.n_origins}: {', '.join(r.origins)}"), _t(r.articles))
    return table


def register(app: typer.Typer) -> None:  # noqa: C901 - one closure per command
    from supplytrace.analyze import api

    @app.command("entities")
    def entities_cmd(ctx: typer.Context,
                     type: str = typer.Option(None, "--type", "-t", help="organization, person, place, facility, "
                                              "weapon_system or product."),
                     query: str = typer.Option(None, "--query", "-q", help="Name/alias substring."),
                     json_out: bool = typer.Option(False, "--json")) -> None:
        """List canonical entities across all articles."""
        from supplytrace.vocab import EntityType

        if type and type not in {t.value for t in EntityType}:
            fail(escape(f"unknown type {type!r}; one of {', '.join(t.value for t in EntityType)}"))
        store = open_store(ctx)
        recs = api.entities(store, type=type, query=query)
        if json_out:
            print_json(recs)
            return
        table = Table("id", "name", "type", "country", "articles", "claims", "origins", "sourced", "aliases")
        for e in recs:
            names = "; ".join(e.aliases[:8]) + (" …" if len(e.aliases) > 8 else "")
            table.add_row(_t(e.id), _t(e.name, "bold"), _t(e.type), _t(e.country), _t(e.documents), _t(e.claims),
                          _t(e.origins), _t(e.sourced), _t(names))
        console.print(table)
        console.print(f"{len(recs)} entities")

    @app.command("entity")
    def entity_cmd(ctx: typer.Context, name: str = typer.Argument(..., help="Name, alias or id."),
                   why: bool = typer.Option(False, "--why", help="Show the rule/score that joined each alias."),
                   json_out: bool = typer.Option(False, "--json")) -> None:
        """One entity: all its names, its claims with corroboration and evidence, its timeline."""
        store = open_store(ctx)
        rec = _resolve_name(store, name)
        d = api.entity_detail(store, rec.id)
        if json_out:
            print_json(d)
            return
        e = d.entity
        console.print(Panel(Text.assemble((e.name, "bold"), f"  {e.type}", f"  {e.country or ''}",
                                          f"\nnamed in {e.documents} article(s); {e.claims} claim(s); "
                                          f"{e.origins} independent origin(s)"), expand=False))
        if why:
            table = Table("name", "rule", "score", "why", title="names")
            for n in d.names:
                table.add_row(_t(n.name), _t(n.rule), _t(f"{n.score:.2f}" if n.score is not None else ""),
                              _t(n.detail))
            console.print(table)
            links = Table("article", "as", "rule", "score", "why", title="articles")
            for link in d.links:
                links.add_row(_t(link.doc_label or link.doc_id[:12]), _t(link.name), _t(link.rule),
                              _t(f"{link.score:.2f}" if link.score is not None else ""), _t(link.detail))
            console.print(links)
        else:
            console.print(Text("names: " + "; ".join(n.name for n in d.names)))
        if d.claims:
            console.print(_claims_table(d.claims, title="claims", evidence=True))
        if d.timeline:
            console.print(_timeline_table(d.timeline))

    def _timeline_table(events: list) -> Table:
        table = Table("date", "event", "status", "entity", "sources", title="timeline")
        for ev in events:
            style = "yellow" if ev.status == "planned" else ""
            srcs = ", ".join(ev.claim.origins) if ev.claim else ""
            table.add_row(_t(ev.date or "undated"), _t(ev.event), _t(ev.status, style), _t(ev.entity_name),
                          _t(srcs))
        return table

    @app.command("claims")
    def claims_cmd(ctx: typer.Context,
                   predicate: str = typer.Option(None, "--predicate", "-p"),
                   min_origins: int = typer.Option(0, "--min-origins", help="Only claims with at least N "
                                                   "independent origins."),
                   entity: str = typer.Option(None, "--entity", "-e", help="Only claims about this entity."),
                   evidence: bool = typer.Option(False, "--evidence", help="Show evidence quotes."),
                   json_out: bool = typer.Option(False, "--json")) -> None:
        """Consolidated claims with corroboration counted by independent origins."""
        from supplytrace.vocab import Predicate

        if predicate and predicate not in {p.value for p in Predicate}:
            fail(escape(f"unknown predicate {predicate!r}; one of {', '.join(p.value for p in Predicate)}"))
        store = open_store(ctx)
        eid = _resolve_name(store, entity).id if entity else None
        recs = api.claims(store, predicate=predicate, min_origins=min_origins, entity_id=eid)
        if json_out:
            print_json(recs)
            return
        console.print(_claims_table(recs, evidence=evidence))
        console.print(f"{len(recs)} claims")

    @app.command("conflicts")
    def conflicts_cmd(ctx: typer.Context, json_out: bool = typer.Option(False, "--json"),
                      all_: bool = typer.Option(False, "--all", help="Also list agreeing dates given at "
                                                "different precision.")) -> None:
        """Figures and dates that disagree between reports, side by side."""
        store = open_store(ctx)
        found = [c for c in api.conflicts(store) if all_ or c.kind != "agree"]
        if json_out:
            print_json(found)
            return
        table = Table("kind", "subject", "measure", "side by side", show_lines=True)
        for c in found:
            style = {"contradiction": "bold red", "related": "yellow", "agree": "green"}.get(c.kind, "")
            sides = Text()
            for r in c.claims:
                if sides:
                    sides.append("\n")
                sides.append(_what(r))
                sides.append(f"  [{r.modality}] — {', '.join(r.origins)}", style="dim")
            sides.append(f"\n{c.note}", style="italic")
            table.add_row(_t(c.kind, style), _t(c.subject_name), _t(c.measure), sides)
        console.print(table)
        console.print(f"{len(found)} conflicts")

    @app.command("timeline")
    def timeline_cmd(ctx: typer.Context, name: str, json_out: bool = typer.Option(False, "--json")) -> None:
        """Milestones of an entity in date order, planned vs done, with sources."""
        store = open_store(ctx)
        rec = _resolve_name(store, name)
        events = api.timeline(store, rec.id)
        if json_out:
            print_json(events)
            return
        if not events:
            console.print(Text(f"no dated milestones for {rec.name}"))
            return
        console.print(_timeline_table(events))

    @app.command("path")
    def path_cmd(ctx: typer.Context, a: str, b: str, json_out: bool = typer.Option(False, "--json")) -> None:
        """The shortest chain of claims from A to B (e.g. an enterprise to a weapon system)."""
        store = open_store(ctx)
        ea, eb = _resolve_name(store, a), _resolve_name(store, b)
        steps = api.path(store, ea.id, eb.id)
        if json_out:
            print_json([{"entity": e, "edge": edge} for e, edge in steps])
            return
        if not steps:
            console.print(Text(f"no path from {ea.name} to {eb.name}"))
            raise typer.Exit(1)
        line = Text()
        for ent, edge in steps:
            if edge is not None:
                arrow = "→" if edge.target_id == ent.id else "←"
                label = f" ({edge.label})" if edge.label and edge.label != edge.predicate else ""
                line.append(f"  {arrow} {edge.predicate}{label} [{edge.claim_id}] {arrow}  ", style="dim")
            line.append(f"{ent.name}", style="bold")
        console.print(line)

    @app.command("merge")
    def merge_cmd(ctx: typer.Context, a: str, b: str) -> None:
        """Analyst override: B is the same entity as A (kept across re-resolution)."""
        from supplytrace.resolve import OverrideError, add_override

        store = open_store(ctx)
        try:
            eid = add_override(store, "merge", a, b)
        except OverrideError as exc:
            fail(escape(str(exc)))
        console.print(Text(f"merged {b!r} into {a!r} (entity {eid})" if eid else f"{a!r} and {b!r} are already "
                           "one entity; override recorded"))

    @app.command("split")
    def split_cmd(ctx: typer.Context, name: str, alias: str) -> None:
        """Analyst override: ALIAS is not NAME; the articles using it get their own entity."""
        from supplytrace.resolve import OverrideError, add_override

        store = open_store(ctx)
        try:
            eid = add_override(store, "split", name, alias)
        except OverrideError as exc:
            fail(escape(str(exc)))
        console.print(Text(f"split {alias!r} off {name!r} (new entity {eid})"))

    @app.command("resolve")
    def resolve_cmd(ctx: typer.Context) -> None:
        """Re-run entity resolution over all articles from scratch, then re-apply overrides."""
        from supplytrace.resolve import resolve_all

        store = open_store(ctx)
        n = resolve_all(store)
        overrides = store.conn.execute("SELECT count(*) FROM overrides").fetchone()[0]
        console.print(f"{n} entities from {store.count_documents()} documents; {overrides} override(s) applied")
