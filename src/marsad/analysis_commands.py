"""Commands of the alliance analysis (allies, dyad, drift, blocs, whatif, sources, report, refresh, exports,
dict suggest-ties), registered on the main Typer app and its sub-apps when this module is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .cli import DbOpt, JsonOpt, app, check_export, console, emit_json, err, open_store
from .commands import dict_app, export_app
from .termsafe import esc

AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: today).")]
whatif_app = typer.Typer(help="What-if questions on the formal ties and the alignment network.")
app.add_typer(whatif_app, name="whatif")


def _store(db: str | None):
    """Open the store and bring the alliance aggregates up to date if needed."""
    from .analysis.aggregate import ensure_fresh

    store = open_store(db)
    info = ensure_fresh(store)
    if info:
        err.print(f"[dim]alliance aggregates refreshed ({info['mode']}, {info['seconds']} s)[/dim]")
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
    from .analysis import refresh as run

    with open_store(db) as store:
        info = run(store, full=True if full else None)
    if json_out:
        emit_json(info)
    else:
        console.print(f"{info['mode']} refresh: {info['events']} events, {info['clusters']} clusters, "
                      f"{info['dyads']} dyads in {info['seconds']} s")


@app.command()
def allies(
    code: Annotated[str, typer.Argument(help="Actor code, e.g. RUS.")],
    as_of: AsOfOpt = None,
    limit: Annotated[int, typer.Option(help="Partners to show (default: 25 in the table, all in JSON).")] = 0,
    orgs: Annotated[bool, typer.Option("--orgs", help="Also organisations as partners.")] = False,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Partners of CODE best first: alignment index, trend, formal ties and the evidence behind it."""
    from .analysis.api import allies as run

    with _store(db) as store:
        rows = run(store, code, _date(as_of), limit=limit or None, include_orgs=orgs)
    if json_out:
        emit_json(rows)
        return
    top = limit or 25
    shown = rows[:top] + [r for r in rows[top:] if r["score"] < 0][-5:]
    t = Table("partner", "index", "formal", "behav.", "6 m", "12 m", "24 m", "n", "formal ties",
              title=f"Allies of {code.upper()}{' as of ' + as_of if as_of else ''}")
    for r in shown:
        ties = ", ".join(f"{x['id']}{'(' + x['status'] + ')' if x['status'] else ''}" for x in r["formal_ties"][:3])
        t.add_row(f"{r['code']} {r['name_en'][:14]}", _signed(r["score"]), f"{r['formal']:.2f}", _signed(r["behaviour"]),
                  _signed(r["trend_6m"]), _signed(r["trend_12m"]),
                  _signed(r["trend_24m"]) + {"rising": "▲", "falling": "▼"}.get(r["trend"], ""),
                  str(r["clusters"]), ties)
    console.print(t)
    for r in shown[:5]:
        for e in r["evidence"][:2]:
            console.print(f"  {r['code']} {e['date']} {e['event']} {e['actor']}→{e['recipient']} "
                          f"{_signed(e['contribution'])} {e['doc_id']}: {esc(e['sentence'])}", highlight=False)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor code.")],
    b: Annotated[str, typer.Argument(help="Second actor code.")],
    as_of: AsOfOpt = None,
    since: Annotated[str | None, typer.Option(help="First month of the timeline (YYYY-MM-DD).")] = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Monthly timeline of one pair's alignment with its formal ties and happenings."""
    from .analysis.api import dyad as run

    with _store(db) as store:
        d = run(store, a, b, _date(as_of), _date(since, "--since"))
    if json_out:
        emit_json(d)
        return
    console.print(f"[bold]{d['a']} – {d['b']}[/bold] as of {d['as_of']}: index {_signed(d['score'])} "
                  f"(formal {d['formal']:.2f}, behaviour {_signed(d['behaviour'])}, confidence {d['confidence']:.2f}, "
                  f"6 m {_signed(d['trend_6m'])}, 12 m {_signed(d['trend_12m'])})")
    console.print("formal ties: " + (_ties_text(d["formal_ties"]) or "none"))
    t = Table("month", "index", "formal", "behaviour", "happenings")
    for m in d["timeline"][-24:]:
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
    from .analysis.api import drift as run

    with _store(db) as store:
        rows = run(store, _date(since, "--since"), _date(as_of), limit=limit)
    if json_out:
        emit_json(rows)
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
    from .analysis.api import blocs as run

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
    code: Annotated[str, typer.Argument(help="The actor attacked.")],
    as_of: AsOfOpt = None,
    depth: Annotated[int, typer.Option(help="Levels of chained defence obligations to follow.")] = 3,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Who is obliged to help CODE if it is attacked (treaty articles, chains), and who is merely aligned."""
    from .analysis.api import whatif_attack as run

    with _store(db) as store:
        w = run(store, code, _date(as_of), depth=depth)
    if json_out:
        emit_json(w)
        return
    console.print(f"[bold]If {w['target']} ({w['name_en']}) is attacked on {w['as_of']}[/bold]")
    for key, title in (("obliged_to_assist", "obliged to assist"), ("obliged_to_consult", "obliged to consult"),
                       ("bound_to_neutrality", "bound to neutrality / non-aggression"),
                       ("partnership_only", "partnership only")):
        for d in w[key]:
            obs = "; ".join(f"{o['tie']} {o['article'] or ''} ({o['type']}, {o['certainty']})" for o in d["obligations"][:3])
            console.print(f"  {title}: {d['code']} {d['name_en']} — {obs} · index {_signed(d.get('score'))}",
                          highlight=False)
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
def sources(db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Per outlet: volume, actors covered, event mix and framing (data/lexicon/framing.yaml), with examples."""
    from .analysis.sources import sources as run

    with _store(db) as store:
        rows = run(store)
    if json_out:
        emit_json(rows)
        return
    t = Table("outlet", "documents", "events", "happenings", "mean intensity", "top actors", "framing lean")
    for r in rows:
        lean = "; ".join(f"{c}: {v['lean']} ({v['total']})" for c, v in r["conflicts"].items())
        t.add_row(esc(r["source"]), str(r["documents"]), str(r["events"]), str(r["happenings"]),
                  "" if r["mean_intensity"] is None else f"{r['mean_intensity']:+.2f}",
                  ", ".join(a["code"] for a in r["actors"][:6]), lean)
    console.print(t)


@app.command()
def report(
    code: Annotated[str, typer.Argument(help="Actor code.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="HTML file (default CODE-report.html).")] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """A self-contained HTML report: ranking, trend lines, network, treaty timeline, evidence (inline SVG)."""
    from .analysis.report import render_report

    with _store(db) as store:
        html = render_report(store, code, _date(as_of))
    out = output or Path(f"{code.upper()}-report.html")
    out.write_text(html, encoding="utf-8")
    err.print(f"report written to {out} ({len(html.encode()) // 1024} KiB)")


@export_app.command("graph")
def export_graph(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="graphml | gexf")] = "graphml",
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """The signed alignment network on a date (nodes with names and blocs, edges with index and parts)."""
    from .analysis.exports import export_graph as run

    check_export(fmt, ("graphml", "gexf"), output)
    with _store(db) as store:
        n, m = run(store, fmt, output, _date(as_of))
    err.print(f"{n} nodes, {m} edges written to {output}")


@export_app.command("dyads")
def export_dyads(
    fmt: Annotated[str, typer.Option("--format", help="csv | parquet")] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default stdout; parquet needs -o).")] = None,
    as_of: AsOfOpt = None,
    db: DbOpt = None,
) -> None:
    """Dyad x month alignment scores (months with happenings) as CSV or Parquet."""
    from .analysis.exports import export_dyads as run

    check_export(fmt, ("csv", "parquet"), output)
    with _store(db) as store:
        n = run(store, fmt, output, as_of=_date(as_of))
    err.print(f"{n} dyad-months written{' to ' + str(output) if output else ''}")


@dict_app.command("suggest-ties")
def dict_suggest_ties(
    db: DbOpt = None,
    json_out: JsonOpt = False,
    include_known: Annotated[bool, typer.Option("--all", help="Also changes the ties files already hold.")] = False,
) -> None:
    """Events that change formal ties (joining, leaving, freezing, signing, ratifying) as proposed edits."""
    from .analysis.suggest import suggest_ties as run

    with _store(db) as store:
        rows = run(store, include_known=include_known)
    if json_out:
        emit_json(rows)
        return
    if not rows:
        console.print("no proposed changes")
    for p in rows:
        target = p.get("organisation") or p.get("treaty") or ""
        console.print(f"[bold]{p['date']} {p['change']}[/bold] {p['code']}{' – ' + p['partner'] if p.get('partner') else ''}"
                      f" {target}{' (known)' if p['known'] else ''} · {p['happenings']} happening(s)", highlight=False)
        console.print(f"  proposed: {p['yaml']}", highlight=False)
        for e in p["evidence"][:3]:
            console.print(f"  {e['doc_id']} {esc(e['source'])}: {esc(e['sentence'])}", highlight=False)
