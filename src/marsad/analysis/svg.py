"""Small inline-SVG charts for the HTML report: diverging bars, sparklines, a star network, a timeline.
Every function returns an <svg> string with escaped text and no external reference."""

from __future__ import annotations

import math
from html import escape

POS, NEG, MUTED, GRID, INK = "#1b7f4b", "#b3261e", "#8a8f98", "#e3e6ea", "#1f2328"
FONT = "font-family='DejaVu Sans, Arial, sans-serif'"


def _color(v: float) -> str:
    return POS if v >= 0 else NEG


def bars(rows: list[tuple[str, float]], width: int = 640, row_h: int = 22) -> str:
    """Diverging horizontal bars in [-1, 1]; rows are (label, value)."""
    label_w, pad = 170, 40
    mid = label_w + (width - label_w - pad) / 2
    half = (width - label_w - pad) / 2
    h = row_h * len(rows) + 30
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{h}' viewBox='0 0 {width} {h}' {FONT} "
           f"font-size='12' role='img'>"]
    for x in (-1, -0.5, 0, 0.5, 1):
        gx = mid + x * half
        out.append(f"<line x1='{gx:.1f}' y1='4' x2='{gx:.1f}' y2='{h - 20}' stroke='{GRID if x else MUTED}'/>")
        out.append(f"<text x='{gx:.1f}' y='{h - 6}' text-anchor='middle' fill='{MUTED}'>{x:+.1f}</text>")
    for i, (label, v) in enumerate(rows):
        y = 6 + i * row_h
        w = abs(v) * half
        x = mid if v >= 0 else mid - w
        out.append(f"<text x='{label_w - 6}' y='{y + row_h * 0.62:.1f}' text-anchor='end' fill='{INK}'>{escape(label)}</text>")
        out.append(f"<rect x='{x:.1f}' y='{y + 3}' width='{max(w, 1):.1f}' height='{row_h - 8}' fill='{_color(v)}' rx='2'/>")
        tx = mid + w + 4 if v >= 0 else mid - w - 4
        out.append(f"<text x='{tx:.1f}' y='{y + row_h * 0.62:.1f}' text-anchor='{'start' if v >= 0 else 'end'}' "
                   f"fill='{MUTED}'>{v:+.2f}</text>")
    out.append("</svg>")
    return "".join(out)


def sparkline(points: list[float], labels: tuple[str, str] = ("", ""), width: int = 220, height: int = 60) -> str:
    """A line over [-1, 1] with the zero line, first/last labels and the last value."""
    pad = 6
    n = max(1, len(points) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return pad + i * (width - 2 * pad) / n, pad + (1 - (v + 1) / 2) * (height - 2 * pad - 12)

    zero = xy(0, 0)[1]
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
           f"{FONT} font-size='10' role='img'>",
           f"<line x1='{pad}' y1='{zero:.1f}' x2='{width - pad}' y2='{zero:.1f}' stroke='{GRID}'/>"]
    if points:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(xy(i, v) for i, v in enumerate(points)))
        last = points[-1]
        out.append(f"<path d='{path}' fill='none' stroke='{_color(last)}' stroke-width='2'/>")
        lx, ly = xy(len(points) - 1, last)
        out.append(f"<circle cx='{lx:.1f}' cy='{ly:.1f}' r='2.5' fill='{_color(last)}'/>")
        out.append(f"<text x='{width - pad}' y='{height - 2}' text-anchor='end' fill='{INK}'>{last:+.2f}</text>")
    out.append(f"<text x='{pad}' y='{height - 2}' fill='{MUTED}'>{escape(labels[0])}</text>")
    out.append("</svg>")
    return "".join(out)


def star_network(center: str, nodes: list[tuple[str, float]], links: list[tuple[str, str, float]],
                 size: int = 560) -> str:
    """The actor in the middle, partners on a circle (allies green, adversaries red, thicker = stronger),
    and the alignments among partners as thin lines."""
    c = size / 2
    r = size / 2 - 60
    pos = {center: (c, c)}
    for i, (code, _) in enumerate(nodes):
        a = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        pos[code] = (c + r * math.cos(a), c + r * math.sin(a))
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' viewBox='0 0 {size} {size}' "
           f"{FONT} font-size='12' role='img'>"]
    for a, b, v in links:
        if a in pos and b in pos and center not in (a, b):
            (x1, y1), (x2, y2) = pos[a], pos[b]
            out.append(f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{_color(v)}' "
                       f"stroke-opacity='0.25' stroke-width='{0.5 + 2 * abs(v):.1f}'/>")
    for code, v in nodes:
        x, y = pos[code]
        out.append(f"<line x1='{c}' y1='{c}' x2='{x:.1f}' y2='{y:.1f}' stroke='{_color(v)}' "
                   f"stroke-width='{1 + 6 * abs(v):.1f}' stroke-opacity='0.8'/>")
    for code, v in nodes:
        x, y = pos[code]
        out.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='16' fill='white' stroke='{_color(v)}' stroke-width='2'/>")
        out.append(f"<text x='{x:.1f}' y='{y + 4:.1f}' text-anchor='middle' fill='{INK}'>{escape(code)}</text>")
        out.append(f"<text x='{x:.1f}' y='{y + 30:.1f}' text-anchor='middle' fill='{MUTED}' font-size='10'>{v:+.2f}</text>")
    out.append(f"<circle cx='{c}' cy='{c}' r='24' fill='{INK}'/>")
    out.append(f"<text x='{c}' y='{c + 5}' text-anchor='middle' fill='white' font-weight='bold'>{escape(center)}</text>")
    out.append("</svg>")
    return "".join(out)


def timeline(rows: list[dict], start: str, end: str, width: int = 900, row_h: int = 18) -> str:
    """Gantt rows {label, start, end, kind, statuses: [{status, from, to}]}; dates ISO."""
    label_w, pad = 300, 10
    y0, y1 = int(start[:4]), int(end[:4]) + 1
    span = max(1, y1 - y0)

    def x(date: str | None) -> float:
        d = date or end
        f = int(d[:4]) + (int(d[5:7]) - 1) / 12 + (int(d[8:10]) - 1) / 365
        return label_w + (min(max(f, y0), y1) - y0) / span * (width - label_w - pad)

    h = row_h * len(rows) + 30
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{h}' viewBox='0 0 {width} {h}' {FONT} "
           f"font-size='11' role='img'>"]
    step = max(1, span // 10)
    for yr in range(y0, y1 + 1, step):
        gx = x(f"{yr}-01-01")
        out.append(f"<line x1='{gx:.1f}' y1='0' x2='{gx:.1f}' y2='{h - 18}' stroke='{GRID}'/>")
        out.append(f"<text x='{gx:.1f}' y='{h - 5}' text-anchor='middle' fill='{MUTED}'>{yr}</text>")
    colors = {"defence": "#1b5e9b", "offence": "#6a3d9a", "consultation": "#3f8fc5", "partnership": "#7fb8dd",
              "nonaggression": "#a7c7a0", "neutrality": "#c9d6a3", "membership": "#c5c9cf"}
    for i, r in enumerate(rows):
        y = 4 + i * row_h
        xs, xe = x(r["start"]), x(r["end"])
        out.append(f"<text x='{label_w - 6}' y='{y + row_h * 0.7:.1f}' text-anchor='end' fill='{INK}'>"
                   f"{escape(r['label'][:44])}</text>")
        col = colors.get(r.get("kind") or "", "#9aa4ad")
        out.append(f"<rect x='{xs:.1f}' y='{y + 3}' width='{max(xe - xs, 2):.1f}' height='{row_h - 6}' fill='{col}' rx='2'>"
                   f"<title>{escape(r['label'])}: {escape(str(r['start']))} – {escape(str(r['end'] or 'open'))}</title></rect>")
        for s in r.get("statuses", []):
            sx, se = x(s["from"]), x(s["to"])
            out.append(f"<rect x='{sx:.1f}' y='{y + 3}' width='{max(se - sx, 2):.1f}' height='{row_h - 6}' "
                       f"fill='{NEG}' fill-opacity='0.55'><title>{escape(s['status'])} {escape(str(s['from']))}"
                       f"</title></rect>")
    out.append("</svg>")
    return "".join(out)
