"""`marsad report CODE`: one self-contained HTML page (inline CSS and SVG, no script, no external file):
alignment ranking, trend lines per partner, the network of allies and adversaries, the treaty timeline and
the evidence behind each score."""

from __future__ import annotations

from html import escape

from ..store.db import Store
from . import alignment as al
from . import svg
from .api import allies, network, series
from .coverage import undated_note
from .reader import default_as_of, name_of
from .ties import Ties, bundled_ties, ties_of

CSS = """
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#1f2328;background:#fff;max-width:1200px}
h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:2px solid #e3e6ea;padding-bottom:4px}
.sub{color:#57606a}.grid{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #e3e6ea;border-radius:6px;padding:6px 8px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f6f8fa}.ar{direction:rtl;text-align:right;font-size:14px}
.pos{color:#1b7f4b}.neg{color:#b3261e}.muted{color:#8a8f98}.tag{display:inline-block;background:#eef2f6;
border-radius:3px;padding:0 4px;margin:1px;font-size:11px}.off{text-decoration:line-through;color:#b3261e}
"""


def _num(v: float | None, signed: bool = True) -> str:
    if v is None:
        return ""
    cls = "pos" if v > 0 else "neg" if v < 0 else "muted"
    return f"<span class='{cls}'>{v:+.2f}</span>" if signed else f"{v:.2f}"


def _arrow(r: dict) -> str:
    return {"rising": "▲", "falling": "▼"}.get(r["trend"], "▬")


def _ties_cell(ties_list: list[dict]) -> str:
    out = []
    for t in ties_list[:6]:
        obs = ", ".join(f"{o['type']}{' ' + o['article'] if o['article'] else ''}" for o in t["obligations"][:2])
        cls = "tag off" if t["state"] == "off" else "tag"
        note = f" ({t['status']} {t['status_since'] or ''})" if t["status"] else ""
        out.append(f"<span class='{cls}' title='{escape(t['en'])}'>{escape(t['id'])}{escape(note)}"
                   f"{': ' + escape(obs) if obs else ''}</span>")
    return " ".join(out)


def render_report(store: Store, code: str, as_of: str | None = None, ties: Ties | None = None,
                  partners: int = 20, months: int = 36) -> str:
    ties = ties or bundled_ties()
    code = code.upper()
    as_of = as_of or default_as_of(store)
    ranking = allies(store, code, as_of, ties=ties, evidence=3)
    shown = [r for r in ranking if r["clusters"]] or ranking
    top = shown[:partners]
    worst = [r for r in sorted(shown, key=lambda r: r["score"])[:5] if r not in top]
    chosen = top + worst
    nm = name_of(code)
    n_events = store.scalar("SELECT COUNT(*) FROM events WHERE actor_code = ? OR recipient_code = ?", (code, code))
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Marsad — {escape(code)}</title>"
             f"<style>{CSS}</style></head><body>",
             f"<h1>{escape(nm['name_en'])} <span class='ar'>{escape(nm['name'])}</span> ({escape(code)})</h1>",
             f"<p class='sub'>Alliance report as of {escape(as_of)} · {n_events} events naming {escape(code)} · "
             f"index = {al.ALPHA_FORMAL:.2f} × formal ties + {1 - al.ALPHA_FORMAL:.2f} × behaviour "
             f"(half-life {al.HALF_LIFE_DAYS:.0f} days); see docs/analysis.md</p>"]
    note = undated_note(store)
    if note:
        parts.append(f"<p class='sub'>Warning: {escape(note)}</p>")
    # ranking
    parts.append("<h2>Alignment ranking</h2>")
    parts.append(svg.bars([(f"{r['code']} {r['name_en']}"[:26], r["score"]) for r in chosen]))
    rows = ["<table><tr><th>#</th><th>partner</th><th>index</th><th>formal</th><th>behaviour</th><th>confidence</th>"
            "<th>6 m</th><th>12 m</th><th>happenings</th><th>formal ties</th></tr>"]
    for i, r in enumerate(chosen, 1):
        rows.append(f"<tr><td>{i}</td><td><b>{escape(r['code'])}</b> {escape(r['name_en'])} "
                    f"<span class='ar'>{escape(r['name'])}</span></td><td>{_num(r['score'])}</td>"
                    f"<td>{_num(r['formal'])}</td><td>{_num(r['behaviour'])}</td><td>{r['confidence']:.2f}</td>"
                    f"<td>{_num(r['trend_6m'])}</td><td>{_arrow(r)} {_num(r['trend_12m'])}</td><td>{r['clusters']}</td>"
                    f"<td>{_ties_cell(r['formal_ties'])}</td></tr>")
    rows.append("</table>")
    parts.append("".join(rows))
    # trends
    parts.append(f"<h2>Trend lines (last {months} months)</h2><div class='grid'>")
    ser = series(store, code, [r["code"] for r in chosen], as_of, months, ties)
    for r in chosen:
        pts = ser[r["code"]]
        parts.append(f"<div class='card'><b>{escape(r['code'])}</b> <span class='muted'>{escape(r['name_en'])}</span>"
                     f"<br>{svg.sparkline([v for _, v in pts], (pts[0][0] if pts else '', pts[-1][0] if pts else ''))}</div>")
    parts.append("</div>")
    # network
    parts.append("<h2>Network of allies and adversaries</h2>")
    net = network(store, as_of, ties)
    members = {r["code"] for r in chosen}
    links = [(a, b, s.score) for (a, b), s in net["edges"].items() if a in members and b in members]
    parts.append(svg.star_network(code, [(r["code"], r["score"]) for r in chosen], links))
    # treaties
    parts.append("<h2>Treaty and membership timeline</h2>")
    tl = [t for t in ties_of(code, ties) if t["start"]]
    tl.sort(key=lambda t: (t["strongest"] not in ("defence", "consultation"), t["start"]))
    tl = sorted(tl[:40], key=lambda t: t["start"])
    if tl:
        start = min(t["start"] for t in tl)
        start = max(start, f"{int(as_of[:4]) - 40}-01-01")
        trows = [{"label": f"{t['id']} — {t['en']}", "start": max(t["start"], start), "end": t["end"] or as_of,
                  "kind": t["strongest"], "statuses": [s for s in t["statuses"] if s["from"]]} for t in tl]
        parts.append(svg.timeline(trows, start, as_of))
        parts.append("<p class='muted'>Colour: strongest obligation (dark blue defence … grey membership only); "
                     "red overlay: frozen, suspended, dormant and similar periods.</p>")
    else:
        parts.append("<p class='muted'>No formal ties on file.</p>")
    # evidence
    parts.append("<h2>Evidence</h2>")
    for r in chosen:
        if not r["evidence"]:
            continue
        parts.append(f"<h3>{escape(code)} – {escape(r['code'])} {escape(r['name_en'])}: {_num(r['score'])}</h3>")
        ev = ["<table><tr><th>date</th><th>event</th><th>who → whom</th><th>weight now</th><th>reports</th>"
              "<th>sentence</th><th>documents</th></tr>"]
        for e in r["evidence"]:
            via = f" <span class='tag'>via {escape(e['via'])}</span>" if e["via"] else ""
            ev.append(f"<tr><td>{escape(e['date'] or '')}</td><td>{escape(e['event'])}"
                      f"{'.' + escape(e['mode']) if e['mode'] else ''}{via}</td>"
                      f"<td>{escape(e['actor'] or '?')} → {escape(e['recipient'] or '?')}</td>"
                      f"<td>{_num(e['contribution'])}</td><td>{e['reports']} ({e['sources']} outlets)</td>"
                      f"<td class='ar'>{escape(e['sentence'] or '')}</td>"
                      f"<td>{escape(', '.join(e['documents'][:4]))}<br><span class='muted'>{escape(e['source'] or '')}"
                      f"</span></td></tr>")
        ev.append("</table>")
        parts.append("".join(ev))
    parts.append("</body></html>")
    return "\n".join(parts)
