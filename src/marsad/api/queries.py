"""Read queries behind the API that the CLI's ``marsad.query`` does not have (more filters, totals, charts).

Orderings are total (ties broken by id) and treat a missing date as '' on both stores, so pages are stable
and SQLite and PostgreSQL return the same rows in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..store.db import Store, event_from_row
from . import search
from .paths import public_path

ORDER = {"asc": "COALESCE(e.date, '') ASC, e.id ASC", "desc": "COALESCE(e.date, '') DESC, e.id DESC"}


@dataclass
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    party: str | None = None  # either side
    pair: tuple[str, str] | None = None  # both, in either direction
    event: str | None = None  # one type or several, comma-separated
    mode: str | None = None
    quad: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    negated: bool | None = None
    modality: str | None = None
    q: str | None = None
    doc_id: str | None = None
    include_duplicates: bool = False

    def as_params(self) -> dict:
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v not in (None, False, ""):
                out[f.name] = ",".join(v) if isinstance(v, tuple) else v
        return out


def _where(store: Store, f: EventFilter) -> tuple[str, list]:
    where: list[str] = []
    params: list = []
    for col, val in (("e.actor_code", f.actor), ("e.recipient_code", f.recipient), ("e.mode", f.mode),
                     ("e.quad", f.quad), ("e.modality", f.modality), ("e.source", f.source), ("e.doc_id", f.doc_id)):
        if val:
            where.append(f"{col} = ?")
            params.append(val.upper() if col in ("e.actor_code", "e.recipient_code") else val)
    if f.party:
        where.append("(e.actor_code = ? OR e.recipient_code = ?)")
        params += [f.party.upper()] * 2
    if f.pair:
        a, b = f.pair[0].upper(), f.pair[1].upper()
        where.append("((e.actor_code = ? AND e.recipient_code = ?) OR (e.actor_code = ? AND e.recipient_code = ?))")
        params += [a, b, b, a]
    if f.event:
        types = [t.strip().upper() for t in f.event.split(",") if t.strip()]
        if types:
            where.append(f"e.event IN ({', '.join('?' * len(types))})")
            params += types
    if f.since:
        where.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        where.append("e.date <= ?")
        params.append(f.until + "\uffff" if len(f.until) < 10 else f.until)  # a month or year includes its days
    if f.negated is not None:
        where.append("e.negated = ?")
        params.append(int(f.negated))
    if not f.include_duplicates:
        where.append("e.dup = 0")
    if f.q:
        cond, p = search.condition(store, f.q)
        where.append(f"EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = e.doc_id AND s.idx = e.sentence_idx "
                     f"AND {cond})")
        params += p
    return ("WHERE " + " AND ".join(where)) if where else "", params


def list_events(store: Store, f: EventFilter, limit: int, offset: int, order: str = "asc") -> tuple[list[dict], int]:
    where, params = _where(store, f)
    total = store.scalar(f"SELECT COUNT(*) FROM events e {where}", params)
    # the page's ids first (sorted from indexes), then their rows: sorting whole rows cost 0.7 s at 400,000 events
    ids = [r[0] for r in store.execute(f"SELECT e.id FROM events e {where} ORDER BY {ORDER[order]} LIMIT ? OFFSET ?",
                                       (*params, limit, offset)).fetchall()]
    rows = []
    for i in range(0, len(ids), 500):  # the CSV export asks for up to 100,000: parameters per statement are limited
        chunk = ids[i:i + 500]
        rows += store.rows(f"""SELECT e.*, d.url AS doc_url, d.path AS doc_path, d.title AS doc_title
                               FROM events e LEFT JOIN documents d ON d.id = e.doc_id
                               WHERE e.id IN ({', '.join('?' * len(chunk))})""", chunk)
    place = {i: n for n, i in enumerate(ids)}
    out = []
    for r in sorted(rows, key=lambda r: place[r["id"]]):
        ev = event_from_row(r)
        ev["cite_info"].update(url=r["doc_url"], path=public_path(r["doc_path"]), title=r["doc_title"])
        out.append(ev)
    return out, int(total or 0)


def _r3(x) -> float:
    """Three decimals, the same on SQLite and PostgreSQL: their float sums and means differ in the last bits,
    so round to six places first (a mean like 0.2335 must not round up on one store and down on the other)."""
    return round(round(float(x or 0), 6), 3)


# What happened, as opposed to what was denied, promised or imagined: the only events the dashboard's
# aggregates (timeline, partners, network) count.
COUNTED = "COALESCE(e.negated, 0) = 0 AND COALESCE(e.modality, 'asserted') NOT IN ('future', 'hypothetical')"


def timeline(store: Store, code: str, partner: str | None = None) -> list[dict]:
    """Events of an actor (or of a pair) per month and quad class."""
    f = EventFilter(party=code) if partner is None else EventFilter(pair=(code, partner))
    where, params = _where(store, f)
    rows = store.rows(
        f"""SELECT SUBSTR(e.date, 1, 7) AS month, e.quad AS quad, COUNT(*) AS events,
                   SUM(e.intensity) AS intensity
            FROM events e {where} {'AND' if where else 'WHERE'} e.date IS NOT NULL AND {COUNTED}
            GROUP BY SUBSTR(e.date, 1, 7), e.quad ORDER BY 1, 2""", params)
    return [{**r, "intensity": _r3(r["intensity"])} for r in rows]


def partners(store: Store, code: str, limit: int = 30) -> list[dict]:
    """Who an actor has events with, most events first, with the mean intensity (cooperation > 0)."""
    code = code.upper()
    return [{**r, "intensity": _r3(r["intensity"])} for r in store.rows(
        f"""SELECT partner, COUNT(*) AS events, AVG(intensity) AS intensity,
                  SUM(CASE WHEN intensity > 0 THEN 1 ELSE 0 END) AS cooperation,
                  SUM(CASE WHEN intensity < 0 THEN 1 ELSE 0 END) AS conflict, MAX(date) AS last
           FROM (SELECT CASE WHEN actor_code = ? THEN recipient_code ELSE actor_code END AS partner,
                        intensity, date
                 FROM events e WHERE (actor_code = ? OR recipient_code = ?) AND dup = 0 AND {COUNTED}) t
           WHERE partner IS NOT NULL AND partner <> ?
           GROUP BY partner ORDER BY 2 DESC, 1 LIMIT ?""", (code, code, code, code, limit))]


def network(store: Store, since: str | None, until: str | None, min_events: int, limit: int) -> dict:
    """Undirected actor graph from events: weight = events, tone = mean intensity."""
    where, params = _where(store, EventFilter(since=since, until=until))
    rows = store.rows(
        f"""SELECT e.actor_code AS a, e.recipient_code AS b, COUNT(*) AS n, SUM(e.intensity) AS s
            FROM events e {where} {'AND' if where else 'WHERE'} e.actor_code IS NOT NULL
                 AND e.recipient_code IS NOT NULL AND e.actor_code <> e.recipient_code AND {COUNTED}
            GROUP BY e.actor_code, e.recipient_code""", params)
    edges: dict[tuple[str, str], list[float]] = {}
    # sums of float intensities differ in the last bits between SQLite and PostgreSQL: add them in one order,
    # rounded, so both stores give the same answer
    for r in sorted(rows, key=lambda r: (r["a"], r["b"])):
        key = tuple(sorted((r["a"], r["b"])))
        acc = edges.setdefault(key, [0, 0.0])
        acc[0] += r["n"]
        acc[1] = round(acc[1] + float(r["s"] or 0), 6)
    kept = sorted(((k, v) for k, v in edges.items() if v[0] >= min_events), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    degree: dict[str, int] = {}
    for (a, b), (n, _) in kept:
        degree[a] = degree.get(a, 0) + n
        degree[b] = degree.get(b, 0) + n
    return {
        "nodes": [{"code": c, "events": n} for c, n in sorted(degree.items())],
        "edges": [{"a": a, "b": b, "events": n, "tone": _r3(s / n)} for (a, b), (n, s) in kept],
    }


def mention_counts(store: Store) -> dict[str, int]:
    return {r["code"]: r["n"] for r in store.rows("SELECT code, COUNT(*) AS n FROM mentions GROUP BY code")}


def event_types() -> list[dict]:
    from ..events.ontology import load_ontology

    onto = load_ontology()
    return [{"event": t.name, "quad": t.quad, "intensity": t.intensity, "modes": sorted(t.modes)}
            for t in onto.types.values()]
