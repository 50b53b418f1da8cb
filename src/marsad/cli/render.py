"""Terminal rendering of documents and demo summaries (Rich). Arabic is printed in logical order;
terminals that shape right-to-left text show it correctly, others show the letters unjoined."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .termsafe import esc

KIND_STYLE = {"title": "bold", "body": "", "boilerplate": "dim strike", "duplicate": "dim"}


def highlight(sentence: dict, mentions: list[dict], events: list[dict]) -> Text:
    base = sentence["start"]
    t = Text(sentence["text"], style=KIND_STYLE.get(sentence["kind"], ""))
    for m in mentions:
        if sentence["start"] <= m["start"] and m["end"] <= sentence["end"]:
            t.stylize("bold cyan", m["start"] - base, m["end"] - base)
    for e in events:
        ti = e["text_info"]
        if sentence["start"] <= ti["trigger_start"] and ti["trigger_end"] <= sentence["end"]:
            t.stylize("bold yellow underline", ti["trigger_start"] - base, ti["trigger_end"] - base)
    return t


def event_line(e: dict) -> str:
    a, r = e["actor"], e["recipient"]
    who = f"{a['code'] or '?'}{'/' + a['agent'] if a.get('agent') else ''}"
    whom = f"{r['code'] or '-'}{'/' + r['agent'] if r.get('agent') else ''}"
    flags = []
    if e["negated"]:
        flags.append("NEGATED")
    if e["modality"] != "asserted":
        flags.append(e["modality"].upper())
    if e.get("attribution"):
        flags.append(f"per {e['attribution']}")
    mode = f".{e['mode']}" if e.get("mode") else ""
    return (f"{e['date'] or '????'} {who} —{e['event']}{mode}→ {whom} [{e['event_text']}] "
            f"{' '.join(flags)}").strip()


def render_document(console: Console, d: dict) -> None:
    console.print(f"[bold]{esc(d['title'])}[/bold]")
    console.print(f"id {d['id']} · {esc(d['source']) or '(no outlet)'} · {d['published'] or 'no date'} · {esc(d['path'])}")
    if d.get("dup_of"):
        console.print(f"[yellow]near-duplicate of {d['dup_of']} (similarity {d['dup_score']:.2f})[/yellow]")
    for s in d["sentences"]:
        sent_events = [e for e in d["events"] if e["cite_info"]["sentence_idx"] == s["idx"]]
        console.print(Text(f"[{s['idx']}] ", style="dim") + highlight(s, d["mentions"], sent_events))
        for e in sent_events:
            console.print(f"     [green]{esc(event_line(e))}[/green]", highlight=False)
    if d["mentions"]:
        t = Table("mention", "code", "agent", "kind", title="Actor mentions")
        for m in d["mentions"]:
            t.add_row(esc(m["text"]), esc(m["code"]), esc(m["agent"]), m["kind"])
        console.print(t)


def demo_summary(console: Console, store) -> None:
    """What the later stages added: top actors and a few events with their evidence."""
    rows = store.rows("SELECT code, COUNT(*) AS n FROM mentions GROUP BY code ORDER BY n DESC, code LIMIT 12")
    if rows:
        console.print("Top actors: " + ", ".join(f"{r['code']} {r['n']}" for r in rows))
    from ..store.db import event_from_row

    evs = [event_from_row(r) for r in store.rows(
        "SELECT * FROM events WHERE dup = 0 ORDER BY confidence DESC, date LIMIT 12")]
    if evs:
        t = Table("event", "evidence", title="Some events (trigger in yellow)")
        for e in evs:
            ti = e["text_info"]
            s = ti["sentence"]
            off = ti["start"]
            txt = Text(s)
            txt.stylize("bold yellow", ti["trigger_start"] - off, ti["trigger_end"] - off)
            t.add_row(esc(event_line(e)), txt)
        console.print(t)


def demo_allies(console: Console, store, code: str = "RUS", as_of: str = "2025-12-31", n: int = 6) -> None:
    """The alliance layer on the demo: who is closest to ``code``, with trend and one piece of evidence."""
    from ..analysis.api import allies

    rows = allies(store, code, as_of, limit=n, evidence=1)
    if not rows:
        return
    t = Table("partner", "index", "formal", "behaviour", "trend (24 m)", "evidence", title=f"Allies of {code} as of {as_of}")
    for r in rows:
        ev = r["evidence"][0]["sentence"] if r["evidence"] else ""
        t.add_row(f"{r['code']} {r['name_en']}", f"{r['score']:+.2f}", f"{r['formal']:.2f}", f"{r['behaviour']:+.2f}",
                  f"{r['trend_24m']:+.2f} {r['trend']}", esc(ev[:90]))
    console.print(t)
