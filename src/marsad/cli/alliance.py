"""Commands of the alliance analysis (allies, dyad, drift, blocs, whatif, sources, report, refresh, exports,
dict suggest-ties), registered on the one Typer app and its groups when this module is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .common import (
    DbOpt,
    ExcelOpt,
    JsonOpt,
    actor_code,
    app,
    check_export,
    console,
    dict_app,
    emit_json,
    err,
    export_app,
    open_store,
    say_empty,
    wants_bom,
    whatif_app,
)
from .termsafe import esc

AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: the last event date in the store).")]


def _store(db: str | None):
    """Open the store and bring the alliance aggregates up to date if needed."""
    from ..analysis.aggregate import ensure_fresh
    from ..analysis.coverage import undated_note

    store = open_store(db)
    info = ensure_fresh(store)
    if info:
        err.print(f"[dim]alliance aggregates refreshed ({info['mode']}, {info['seconds']} s)[/dim]")
    note = undated_note(store)
    if note:
        err.print(f"[yellow]warning:[/yellow] {note}", highlight=False)
    return store


def _date(value: str | None, what: str = "--as-of") -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        err.print(f"[red]error:[/red] {what} '{esc(value)}' is not a YYYY-MM-DD date")
        raise typer.Exit(2) from None


def _signed(v: float | None) -> str:
    if v is None:
        return ""
    colour = "green" if v > 0 else "red" if v < 0 else "dim"
    return f"[{colour}]{v:+.2f}[/{colour}]"


def _ties_text(ties: list[dict]) -> str:
    out = []
    for t in ties[:4]:
        obs = "/".join(sorted({o["type"] for o in t["obligations"]}))
        out.append(f"{t['id']}{' (' + t['status'] + ')' if t['status'] else ''}{': ' + obs if obs else ''}")
    return "; ".join(out)


@app.command()
def refresh(db: DbOpt = None, full: Annotated[bool, typer.Option(help="Recluster everything.")] = False,
            json_out: JsonOpt = False) -> None:
    """Rebuild event clusters and the dyad x month aggregates (ingest does this itself)."""
    from ..analysis import refresh as run

    with open_store(db) as store:
        info = run(store, full=True if full else None)
    if json_out:
        emit_json(info)
    else:
        console.print(f"{info['mode']} refresh: {info['events']} events, {info['clusters']} clusters, "
                      f"{info['dyads']} dyads in {info['seconds']} s")


@app.command()
def allies(
    code: Annotated[str, typer.Argument(help="Actor code or name, e.g. RUS, Russia, روسيا.")],
    as_of: AsOfOpt = None,
    limit: Annotated[int, typer.Option(help="Partners to show (default: 25 in the table, all in JSON).")] = 0,
    orgs: Annotated[bool, typer.Option("--orgs", help="Also organisations as partners.")] = False,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Partners of CODE best first: alignment index, trend, formal ties and the evidence behind it."""
    from ..analysis.api import allies as run
    from ..analysis.reader import default_as_of

    code = actor_code(code)
    with _store(db) as store:
        as_of = _date(as_of) or default_as_of(store)  # the title shows the date used
        rows = run(store, code, as_of, limit=limit or None, include_orgs=orgs)
        if not rows:
            say_empty(why_no_partners(store, code))
    if json_out:
        emit_json(rows)
        return
    if not rows:
        return
    top = limit or 25
    shown = rows[:top] + [r for r in rows[top:] if r["score"] < 0][-5:]
    t = Table("partner", "index", "formal", "behav.", "6 m", "12 m", "24 m", "n", "formal ties",
              title=f"Allies of {code.upper()}{' as of ' + as_of if as_of else ''}")
    for r in shown:
        ties = ", ".join(f"{x['id']}{'(' + x['status'] + ')' if x['status'] else ''}" for x in r["formal_ties"][:3])
        mark = {"formal_only": " (formal only)", "insufficient": " ±"}.get(r["evidence_state"], "")
        t.add_row(f"{r['code']} {r['name_en'][:14]}", _signed(r["score"]) + mark, f"{r['formal']:.2f}", _signed(r["behaviour"]),
                  _signed(r["trend_6m"]), _signed(r["trend_12m"]),
                  _signed(r["trend_24m"]) + {"rising": "▲", "falling": "▼"}.get(r["trend"], ""),
                  str(r["clusters"]), ties)
    console.print(t)
    console.print("[dim](formal only): no happening between the pair, behaviour unknown; ±: fewer than 3 "
                  "independent happenings (see 'interval' in --json)[/dim]")
    for r in shown[:5]:
        for e in r["evidence"][:2]:
            console.print(f"  {r['code']} {e['date']} {e['event']} {e['actor']}→{e['recipient']} "
                          f"{_signed(e['contribution'])} {e['doc_id']}: {esc(e['sentence'])}", highlight=False)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor (code or name).")],
    b: Annotated[str, typer.Argument(help="Second actor (code or name).")],
    as_of: AsOfOpt = None,
    since: Annotated[str | None, typer.Option(help="First month of the timeline (YYYY-MM-DD).")] = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Monthly timeline of one pair's alignment with its formal ties and happenings."""
    from ..analysis.api import dyad as run

    a, b = actor_code(a), actor_code(b)
    with _store(db) as store:
        d = run(store, a, b, _date(as_of), _date(since, "--since"))
    if not d["events"]:
        say_empty(f"no happenings between {a} and {b} in this store{' since ' + since if since else ''}; "
                  "the index rests on formal ties only")
    if json_out:
        emit_json(d)
        return
    console.print(f"[bold]{d['a']} – {d['b']}[/bold] as of {d['as_of']}: index {_signed(d['score'])} "
                  f"(formal {d['formal']:.2f}, behaviour {_signed(d['behaviour'])}, confidence {d['confidence']:.2f}, "
                  f"6 m {_signed(d['trend_6m'])}, 12 m {_signed(d['trend_12m'])})")
    console.print("formal ties: " + (_ties_text(d["formal_ties"]) or "none"))
    t = Table("month", "index", "formal", "behaviour", "happenings")
    for m in d["timeline"] if since else d["timeline"][-24:]:  # --since shows every month from it
        t.add_row(m["month"], _signed(m["score"]), f"{m['formal']:.2f}", _signed(m["behaviour"]), str(m["clusters"]))
    console.print(t)
    t = Table("date", "event", "who → whom", "weight now", "doc", "sentence", title="Happenings (latest first)")
    for e in d["events"][:30]:
        t.add_row(e["date"] or "", f"{e['event']}{'.' + e['mode'] if e['mode'] else ''}",
                  f"{e['actor']}→{e['recipient']}{' via ' + e['via'] if e['via'] else ''}", _signed(e["contribution"]),
                  e["doc_id"] or "", esc((e["sentence"] or "")[:90]))
    console.print(t)


@app.command()
def drift(
    since: Annotated[str | None, typer.Option(help="Compare with this date (default: a year before --as-of).")] = None,
    as_of: AsOfOpt = None,
    limit: int = 20,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Pairs whose alignment moved most since a date, and why."""
    from ..analysis.api import drift as run

    with _store(db) as store:
        rows = run(store, _date(since, "--since"), _date(as_of), limit=limit)
        if not rows:
            say_empty(why_no_drift(store, since, as_of))
    if json_out:
        emit_json(rows)
        return
    if not rows:
        return
    t = Table("pair", "then", "now", "change", "formal part", "behaviour part", "new happenings", "main evidence")
    for r in rows:
        ev = r["evidence"][0] if r["evidence"] else None
        t.add_row(f"{r['a']}–{r['b']}", _signed(r["then"]), _signed(r["now"]), _signed(r["change"]),
                  _signed(r["formal_change"]), _signed(r["behaviour_change"]), str(r["clusters_in_period"]),
                  f"{ev['date']} {ev['event']}: {(ev['sentence'] or '')[:70]}" if ev else "")
    console.print(t)


@app.command()
def blocs(as_of: AsOfOpt = None, db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Blocs: communities of the signed alignment network, with cohesion."""
    from ..analysis.api import blocs as run

    with _store(db) as store:
        b = run(store, _date(as_of))
    if json_out:
        emit_json(b)
        return
    console.print(f"{b['nodes']} actors, {b['edges']} alignments, signed modularity {b['modularity']:.3f}")
    for blk in b["blocs"]:
        members = ", ".join(f"{m['code']}({m['cohesion']:+.2f})" for m in blk["members"][:25])
        console.print(f"[bold]{blk['id']}[/bold] {blk['size']} members, cohesion {_signed(blk['cohesion'])}, "
                      f"density {blk['density']:.2f}, hostile pairs {blk['hostile_pairs']}: {members}", highlight=False)
    for r in b["between"]:
        console.print(f"  {r['a']} ↔ {r['b']}: mean {_signed(r['mean'])} over {r['pairs']} pairs")


@whatif_app.command("attack")
def whatif_attack(
    code: Annotated[str, typer.Argument(help="The actor attacked (code or name).")],
    as_of: AsOfOpt = None,
    depth: Annotated[int, typer.Option(help="Levels of chained defence obligations to follow.")] = 3,
    by: Annotated[str | None, typer.Option("--by", help="The attacker (applies clauses naming one).")] = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Who is obliged to help CODE if it is attacked (treaty articles, conditions, chains), and who is merely
    aligned."""
    from ..analysis.api import whatif_attack as run

    code = actor_code(code)
    with _store(db) as store:
        w = run(store, code, _date(as_of), depth=depth, by=by)
    if json_out:
        emit_json(w)
        return
    console.print(f"[bold]If {w['target']} ({w['name_en']}) is attacked{' by ' + w['attacker'] if w['attacker'] else ''}"
                  f" on {w['as_of']}[/bold]")
    for key, title in (("obliged_to_assist", "obliged to assist"), ("obliged_to_consult", "obliged to consult"),
                       ("bound_to_neutrality", "bound to neutrality / non-aggression"),
                       ("partnership_only", "partnership only")):
        for d in w[key]:
            obs = "; ".join(f"{o['tie']} {o['article'] or ''} ({o['type']}, {o['certainty']})" for o in d["obligations"][:3])
            console.print(f"  {title}: {d['code']} {d['name_en']} — {obs} · index {_signed(d.get('score'))}",
                          highlight=False)
    for d in w["conditional"]:
        console.print(f"  conditional: {d['code']} {d['name_en']} — " + "; ".join(
            f"{o['tie']} {o['article'] or ''}: {o['condition']}" for o in d["obligations"][:2]), highlight=False)
    for d in w["signed_not_in_force"]:
        console.print(f"  signed, not in force: {d['code']} — " + ", ".join(o["tie"] for o in d["obligations"]),
                      highlight=False)
    if w.get("allies_of_attacker"):
        console.print("  allies of the attacker: " + ", ".join(w["allies_of_attacker"]))
    for c in w["chain"]:
        console.print(f"  drawn in (level {c['level']}): {c['code']} via {' → '.join(c['path'])} "
                      f"({', '.join(o['tie'] for o in c['obligations'])})", highlight=False)
    if w.get("aligned_not_obliged"):
        console.print("  aligned without obligation: " + ", ".join(
            f"{d['code']}({d['score']:+.2f})" for d in w["aligned_not_obliged"]))
    if w.get("obliged_but_estranged"):
        console.print("  obliged but estranged: " + ", ".join(
            f"{d['code']}({d['behaviour']:+.2f})" for d in w["obliged_but_estranged"]))


@app.command()
def sources(db: DbOpt = None, json_out: JsonOpt = False,
            outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None) -> None:
    """Per outlet: volume, actors covered, event mix, and stance towards each major actor measured from the events
    it reports (tone as doer and as target, relative to other outlets, own voice, same-happening comparison)."""
    from ..analysis.framing import METHOD
    from ..analysis.sources import sources as run

    with _store(db) as store:
        rows = [r for r in run(store) if outlet is None or r["source"] == outlet]
    if not rows:
        say_empty(f"no outlet '{outlet}'" if outlet else "the store holds no documents")
    if json_out:
        emit_json(rows)
        return
    t = Table("outlet", "documents", "events", "happenings", "mean intensity", "top actors")
    for r in rows:
        t.add_row(esc(r["source"]), str(r["documents"]), str(r["events"]), str(r["happenings"]),
                  "" if r["mean_intensity"] is None else f"{r['mean_intensity']:+.2f}",
                  ", ".join(a["code"] for a in r["actors"][:6]))
    console.print(t)
    console.print(f"[dim]{METHOD}[/dim]", highlight=False)
    for r in rows:
        if not r["stances"]:
            continue
        t = Table("actor", "events", "tone as doer", "vs all outlets", "tone as target", "own voice",
                  "same happenings", "framing terms", "strongest evidence", title=f"{r['source']}: stance by actor")
        for st in r["stances"]:
            ev = st["evidence"][0] if st["evidence"] else None
            t.add_row(st["code"], str(st["events"]), _signed(st["tone_as_actor"]), _signed(st["relative_tone"]),
                      _signed(st["tone_as_target"]), f"{st['own_voice']:.0%}",
                      f"{_signed(st['shared'])} (n={st['shared_n']})" if st["shared_n"] else "",
                      ", ".join(f"{k} {v}" for k, v in st["framing_terms"].items()),
                      f"{ev['doc_id'][:12]} {ev['event_type']} {ev['intensity']:+.1f}: {(ev['sentence'] or '')[:60]}" if ev else "")
        console.print(t)


@app.command()
def report(
    code: Annotated[str, typer.Argument(help="Actor code or name, e.g. RUS, روسيا.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="HTML file (default CODE-report.html).")] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """A self-contained HTML report: ranking, trend lines, network, treaty timeline, evidence (inline SVG)."""
    from ..analysis.report import render_report

    code = actor_code(code)
    with _store(db) as store:
        if not store.scalar("SELECT COUNT(*) FROM events WHERE actor_code = ? OR recipient_code = ?", (code, code)):
            say_empty(why_no_partners(store, code) + "; the report shows formal ties only")
        html = render_report(store, code, _date(as_of))
    out = output or Path(f"{code.upper()}-report.html")
    out.write_text(html, encoding="utf-8")
    err.print(f"report written to {out} ({len(html.encode()) // 1024} KiB)")


@export_app.command("graph")
def export_graph(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="graphml | gexf")] = "graphml",
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """The signed alignment network on a date (nodes with names and blocs, edges with index and parts)."""
    from ..analysis.exports import export_graph as run

    check_export(fmt, ("graphml", "gexf"), output)
    with _store(db) as store:
        if output is None:  # XML text: stdout is fine, as for the other exports
            import sys

            import networkx as nx

            from ..analysis.exports import graph

            g = graph(store, _date(as_of))
            (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, sys.stdout.buffer)
            n, m = g.number_of_nodes(), g.number_of_edges()
        else:
            n, m = run(store, fmt, output, _date(as_of))
    err.print(f"{n} nodes, {m} edges written{' to ' + str(output) if output else ''}")


@export_app.command("dyads")
def export_dyads(
    fmt: Annotated[str, typer.Option("--format", help="csv | parquet")] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default stdout; parquet needs -o).")] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    excel: ExcelOpt = None,
) -> None:
    """Dyad x month alignment scores (months with happenings) as CSV or Parquet."""
    from ..analysis.exports import export_dyads as run

    check_export(fmt, ("csv", "parquet"), output)
    with _store(db) as store:
        n = run(store, fmt, output, as_of=_date(as_of), bom=wants_bom(excel, output))
    err.print(f"{n} dyad-months written{' to ' + str(output) if output else ''}")


@dict_app.command("suggest-ties")
def dict_suggest_ties(
    db: DbOpt = None,
    json_out: JsonOpt = False,
    include_known: Annotated[bool, typer.Option("--all", help="Also changes the ties files already hold.")] = False,
) -> None:
    """Events that change formal ties (joining, leaving, freezing, signing, ratifying) as proposed edits."""
    from ..analysis.suggest import suggest_ties as run

    with _store(db) as store:
        rows = run(store, include_known=include_known)
    if json_out:
        emit_json(rows)
        return
    if not rows:
        say_empty("no asserted joining, leaving, signing or ratifying between states or with organisations"
                  + ("" if include_known else " that the ties files do not already hold (--all shows those too)"))
    for p in rows:
        target = p.get("organisation") or p.get("treaty") or ""
        console.print(f"[bold]{p['date']} {p['change']}[/bold] {p['code']}{' – ' + p['partner'] if p.get('partner') else ''}"
                      f" {target}{' (known)' if p['known'] else ''} · {p['happenings']} happening(s)", highlight=False)
        console.print(f"  proposed: {p['yaml']}", highlight=False)
        for e in p["evidence"][:3]:
            console.print(f"  {e['doc_id']} {esc(e['source'] or '')}: {esc(e['sentence'])}", highlight=False)


@app.command()
def expectations(
    as_of: AsOfOpt = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    press: Annotated[bool, typer.Option("--press", help="The mid-2015 checklist for the development press corpus "
                                        "(data/ties/expectations_press.yaml) instead of the 2022-2025 one.")] = False,
) -> None:
    """Check the analyst expectations (data/ties/expectations.yaml) on the store; print how many pass.
    Exit 1 when any fails."""
    from ..analysis.checklist import run_checklist

    with _store(db) as store:
        rows = run_checklist(store, as_of=_date(as_of), checklist="press" if press else "current")
    passed = sum(r["passed"] for r in rows)
    if json_out:
        emit_json({"passed": passed, "total": len(rows), "results": rows})
    else:
        for r in rows:
            mark = "[green]pass[/green]" if r["passed"] else "[red]FAIL[/red]"
            console.print(f"{mark} {r['id']}: {r['measured']}", highlight=False)
            if not r["passed"]:
                console.print(f"     [dim]{r['reason']}[/dim]", highlight=False)
        console.print(f"[bold]{passed} of {len(rows)} expectations pass[/bold]")
    if passed < len(rows):
        raise typer.Exit(1)


def why_no_partners(store, code: str) -> str:
    n = store.scalar("SELECT COUNT(*) FROM events WHERE actor_code = ? OR recipient_code = ?", (code, code))
    total = store.scalar("SELECT COUNT(*) FROM events")
    if not n:
        return f"no events with {code} as a party among the store's {total} events, and no formal ties of {code}"
    return f"{code} is a party to {n} events, but no partner has an alignment index (try --orgs or another --as-of)"


def why_no_drift(store, since: str | None, as_of: str | None) -> str:
    first, last = (store.rows("SELECT MIN(date) AS a, MAX(date) AS b FROM events WHERE date IS NOT NULL")[0] or {}).values()
    window = f"between {since or 'a year before ' + (as_of or 'today')} and {as_of or 'today'}"
    if first is None:
        return "the store has no dated events"
    return (f"no pair's index moved {window}; the store's events are dated {first} to {last}: "
            f"try --since {first} --as-of {last}")
