"""Precomputation for fast queries: event clusters and the dyad x month table (schema v3).

``refresh(store)`` runs at the end of every ingest. It clusters the reports that are new (cluster_id IS
NULL) together with the stored reports of the same pair and type, then rebuilds the monthly rows of the
dyads those clusters touch. When the scoring parameters or the ties files change (fingerprint in meta), or
when asked, it rebuilds everything in one streaming pass.

dyad_month holds, per unordered pair (a < b) and month with at least one counted happening: the month's
positive and negative weight, and the running state at the middle of that month (decayed positive and
negative weight, undecayed volume, happenings so far). A query for any date reads the last row at or
before it: one index seek per pair.

Happenings between a state and an organisation also count, at a reduced share, for the state and each
member of the organisation on that day (alignment.ORG_SPREAD).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator

from ..store.answers import bump
from ..store.db import Store, WriterBusy
from . import alignment as al
from .agency import counts_for_actor, non_state_actors
from .clustering import EV_COLUMNS, WINDOW_DAYS, Cluster, Ev, cluster_group, group_key, pair_key
from .coverage import update_counts
from .regions import touched
from .ties import ORG_ALIASES, Ties, bundled_ties, data_dir

FINGERPRINT_KEY = "analysis_fingerprint"
# "1" from the transaction that stores new documents until the refresh that reflects them commits; a killed
# refresh leaves it set, and the next ingest, server start or analysis command finishes the job.
PENDING_KEY = "refresh_pending"
BATCH = 20000


def fingerprint() -> str:
    h = hashlib.sha1()
    params = [al.HALF_LIFE_DAYS, al.QUAD_FACTOR, al.MODALITY_FACTOR, al.ORG_SPREAD, al.ORG_SPREAD_REFERENCE,
              WINDOW_DAYS, 5, sorted(al.NON_STATE_AGENTS), sorted(non_state_actors())]
    h.update(json.dumps(params, sort_keys=True).encode())
    for name in ("organisations.yaml", "treaties.yaml"):
        p = data_dir() / name
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()[:16]


# -- cluster weights ---------------------------------------------------------------------------------

def report_weight(e: Ev) -> float:
    if not counts_for_actor(e.actor, e.actor_agent):  # a protest or a company is not the state's behaviour
        return 0.0
    return al.event_weight(e.intensity, e.quad, e.modality, bool(e.negated), e.confidence, bool(e.dup), e.precision)


def cluster_row(c: Cluster) -> tuple:
    """(id, a, b, directed, event, quad, mclass, date, month, weight, reports, sources, best_event).
    The weight is the strongest single report's (one happening, however often reported); reports from
    near-duplicate articles never add weight."""
    best, bw = None, 0.0
    for e in c.members:
        w = report_weight(e)
        if best is None or abs(w) > abs(bw) or (abs(w) == abs(bw) and best.dup and not e.dup):
            best, bw = e, w
    sources = len({e.source for e in c.members if e.source})
    return (c.id, c.a, c.b, c.directed, c.event, best.quad, c.mclass, c.date, c.date[:7] if c.date else None,
            round(bw, 6), len(c.members), sources, best.id)


# -- spreading over organisations ------------------------------------------------------------------------

class Spreader:
    """Which dyads a happening counts for, with what share; member lists cached per (organisation, day)."""

    def __init__(self, ties: Ties):
        self.ties = ties
        self.cache: dict[tuple[str, str], list[str]] = {}

    def members(self, org: str, date: str) -> list[str]:
        key = (org, date)
        if key not in self.cache:
            o = self.ties.org(org)
            self.cache[key] = sorted({m.code for m in o.members_on(date)}) if o else []
        return self.cache[key]

    def targets(self, a: str, b: str, date: str | None, quad: str | None = None) -> list[tuple[str, str, float]]:
        """[(x, y, share)] with x < y: the pair itself, and for state<->organisation the state with each member,
        only for acts that bind the organisation (material ones: joining, freezing, aid, sanctions), not for words
        (an accusation against NATO is not an accusation against each member). quad None: every possible target."""
        if not a or not b or a == b:
            return []
        x, y = (a, b) if a < b else (b, a)
        out = [(x, y, 1.0)]
        oa, ob = self.ties.is_org(a), self.ties.is_org(b)
        if date and oa != ob and (quad is None or quad.startswith("material")):
            org, other = (a, b) if oa else (b, a)
            ms = self.members(org, date)
            if ms:
                share = al.ORG_SPREAD * min(1.0, al.ORG_SPREAD_REFERENCE / len(ms))
                out += [((m, other, share) if m < other else (other, m, share)) for m in ms if m != other]
        return out


# -- dyad rows --------------------------------------------------------------------------------------

def dyad_rows(a: str, b: str, months: dict[str, list], start: tuple | None = None) -> list[tuple]:
    """Monthly sums {month: [pos, neg, n, top_pos, top_pos_w, top_neg, top_neg_w]} of one dyad -> rows."""
    ordered = [(m, v[0], v[1], v[2]) for m, v in sorted(months.items())]
    return [(a, b, *r, *months[r[0]][3:]) for r in al.roll_states(ordered, start=start)]


def one_per_day(rows: list[tuple]) -> list[tuple]:
    """(a, b, date, weight, id, quad) of one pair's happenings -> the strongest per (a, b, day, sign): several
    codings of one ceremony (an initialling coded AGREE and SUPPORT) are one happening in the aggregates."""
    best: dict[tuple, tuple] = {}
    for r in rows:
        k = (r[0], r[1], (r[2] or "")[:10], r[3] > 0)
        if k not in best or (abs(r[3]), r[4]) > (abs(best[k][3]), best[k][4]):
            best[k] = r
    return [r for r in rows if best[(r[0], r[1], (r[2] or "")[:10], r[3] > 0)] is r]


def _add(acc: dict, x: str, y: str, month: str, w: float, share: float, cid: str) -> None:
    """Add one happening's weight to a dyad's month, keeping the strongest positive and negative one (the
    evidence a query shows without scanning clusters)."""
    months = acc.setdefault((x, y), {})
    v = months.get(month)
    if v is None:
        v = months[month] = [0.0, 0.0, 0, None, 0.0, None, 0.0]
    ws = w * share
    if ws > 0:
        v[0] += ws
        if ws > v[4] or (ws == v[4] and cid < v[3]):  # ties: the smaller id, whatever the order of arrival
            v[3], v[4] = cid, ws
    else:
        v[1] -= ws
        if ws < v[6] or (ws == v[6] and cid < v[5]):
            v[5], v[6] = cid, ws
    v[2] += 1


DM_INSERT = ("INSERT INTO dyad_month (a, b, month, pos, neg, clusters, pos_d, neg_d, volume, clusters_total, "
             "top_pos, top_pos_w, top_neg, top_neg_w) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
CL_INSERT = ("INSERT INTO clusters (id, a, b, directed, event, quad, mclass, date, month, weight, reports, sources, "
             "best_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
DY_INSERT = ("INSERT INTO dyads (a, b, first_month, last_month, clusters) VALUES (?, ?, ?, ?, ?) "
             "ON CONFLICT (a, b) DO UPDATE SET first_month = excluded.first_month, last_month = excluded.last_month, "
             "clusters = excluded.clusters")


def _write_dyads(store: Store, acc: dict) -> int:
    rows: list[tuple] = []
    dys: list[tuple] = []
    for (x, y), months in acc.items():
        if not months:
            continue
        rs = dyad_rows(x, y, months)
        rows.extend(rs)
        dys.append((x, y, rs[0][2], rs[-1][2], rs[-1][9]))
        if len(rows) >= BATCH:
            store.executemany(DM_INSERT, rows)
            rows = []
    if rows:
        store.executemany(DM_INSERT, rows)
    for i in range(0, len(dys), BATCH):
        store.executemany(DY_INSERT, dys[i:i + BATCH])
    return len(dys)


# -- full rebuild -----------------------------------------------------------------------------------

def _ordered_events(store: Store) -> Iterator[Ev]:
    undirected = "(symmetric = 1 OR event = 'CONSULT')"
    # a missing actor is '' as in pair_key (NULL would compare as unknown and split one pair in two groups)
    a, b = "COALESCE(actor_code, '')", "COALESCE(recipient_code, '')"
    sql = (f"SELECT {EV_COLUMNS}, "
           f"CASE WHEN {undirected} AND {a} > {b} THEN {b} ELSE {a} END AS k1, "
           f"CASE WHEN {undirected} AND {a} > {b} THEN {a} ELSE {b} END AS k2, "
           f"CASE WHEN {undirected} THEN 0 ELSE 1 END AS k3 "
           "FROM events ORDER BY k1, k2, event, k3")
    cur = store.execute(sql)
    while True:
        chunk = cur.fetchmany(BATCH)
        if not chunk:
            break
        for r in chunk:
            yield Ev(*r[:16])


def _groups(events: Iterable[Ev]) -> Iterator[list[Ev]]:
    cur: list[Ev] = []
    key = None
    for e in events:
        k = group_key(e)
        if k != key and cur:
            yield cur
            cur = []
        key = k
        cur.append(e)
    if cur:
        yield cur


def rebuild(store: Store, ties: Ties | None = None) -> dict:
    """Recluster every event and rebuild every aggregate (one transaction)."""
    ties = ties or bundled_ties()
    spread = Spreader(ties)
    acc: dict = {}
    n_events = n_clusters = 0
    with store.transaction():
        for t in ("clusters", "dyad_month", "dyads"):
            store.execute(f"DELETE FROM {t}")
        store.execute("DROP TABLE IF EXISTS cluster_map")
        store.execute("CREATE TEMP TABLE cluster_map (event_id TEXT PRIMARY KEY, cluster_id TEXT)")
        crow: list[tuple] = []
        cmap: list[tuple] = []
        pending: list[tuple] = []  # counted happenings of the current pair, merged per day before adding

        def flush() -> None:
            for a, b, date, w, cid, quad in one_per_day(pending):
                for x, y, share in spread.targets(a, b, date, quad or ""):
                    _add(acc, x, y, date[:7], w, share, cid)
            pending.clear()

        for group in _groups(_ordered_events(store)):
            n_events += len(group)
            for c in cluster_group(group):
                row = cluster_row(c)
                crow.append(row)
                cmap.extend((e.id, c.id) for e in c.members)
                if pending and pending[0][:2] != (c.a, c.b):
                    flush()
                if row[9] and row[8]:  # an undated happening cannot be placed on the timeline
                    pending.append((c.a, c.b, c.date, row[9], c.id, row[5]))
            if len(cmap) >= BATCH:
                store.executemany(CL_INSERT, crow)
                store.executemany("INSERT INTO cluster_map (event_id, cluster_id) VALUES (?, ?)", cmap)
                n_clusters += len(crow)
                crow, cmap = [], []
        flush()
        if crow:
            store.executemany(CL_INSERT, crow)
            store.executemany("INSERT INTO cluster_map (event_id, cluster_id) VALUES (?, ?)", cmap)
            n_clusters += len(crow)
        store.execute("UPDATE events SET cluster_id = (SELECT m.cluster_id FROM cluster_map m WHERE m.event_id = events.id)")
        store.execute("DROP TABLE cluster_map")
        n_dyads = _write_dyads(store, acc)
        store._set_meta(FINGERPRINT_KEY, fingerprint())
        store._set_meta(PENDING_KEY, "0")
        bump(store)  # events' cluster ids changed: kept answers are stale (store/answers.py)
    return {"mode": "full", "events": n_events, "clusters": n_clusters, "dyads": n_dyads}


# -- incremental ------------------------------------------------------------------------------------

def _where_code(col: str, code: str) -> tuple[str, list]:
    return (f"{col} IS NULL", []) if not code else (f"{col} = ?", [code])


def _key_where(a: str, b: str) -> tuple[str, list]:
    wa, pa = _where_code("actor_code", a)
    wb, pb = _where_code("recipient_code", b)
    return f"{wa} AND {wb}", pa + pb


def _group_events(store: Store, a: str, b: str, directed: int, typ: str, since: str | None) -> tuple[list[Ev], set[str]]:
    """Reports of one (pair, type) group dated from ``since`` (all when None), plus undated ones and the other
    members of any cluster they belong to, so that no cluster is cut in two; and those clusters' ids."""
    out: dict[str, Ev] = {}
    orients = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    clusters: set[str] = set()
    for x, y in orients:
        where, params = _key_where(x, y)
        when = "" if since is None else " AND (date >= ? OR date IS NULL OR cluster_id IS NULL)"
        args = (*params, typ) + (() if since is None else (since,))
        for r in store.execute(f"SELECT {EV_COLUMNS}, cluster_id FROM events WHERE {where} AND event = ?{when}",
                               args).fetchall():
            e = Ev(*r[:16])
            if pair_key(e) == (a, b, directed):
                out[e.id] = e
                if r[16]:
                    clusters.add(r[16])
    if since is not None and clusters:
        ids = sorted(clusters)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in store.execute(f"SELECT {EV_COLUMNS} FROM events WHERE cluster_id IN ({marks}) AND date < ?",
                                   (*chunk, since)).fetchall():
                out.setdefault(r[0], Ev(*r))
    return list(out.values()), clusters


def _dyad_clusters(store: Store, x: str, y: str, since: str) -> list[tuple]:
    """(a, b, date, weight, id, quad) of counted clusters between x and y, either direction, dated from ``since``."""
    sql = "SELECT a, b, date, weight, id, quad FROM clusters WHERE a = ? AND b = ? AND date >= ? AND weight <> 0"
    return [tuple(r) for p, q in ((x, y), (y, x)) for r in store.execute(sql, (p, q, since)).fetchall()]


def rebuild_dyad(store: Store, x: str, y: str, spread: Spreader, since_month: str = "0000-00") -> bool:
    """Recompute the monthly rows of one dyad (x < y) from ``since_month`` on, continuing the state of the
    last month before it."""
    ties = spread.ties
    since = since_month + "-01"
    acc: dict = {}
    for _a, _b, date, w, cid, _q in one_per_day(_dyad_clusters(store, x, y, since)):
        _add(acc, x, y, date[:7], w, 1.0, cid)
    if ties.is_org(x) == ties.is_org(y):  # state-state: happenings with organisations of either
        for member, other in ((x, y), (y, x)):
            for org in ties.orgs_of.get(member, []):
                for code in {org} | {k for k, v in ORG_ALIASES.items() if v == org}:
                    for a, b, date, w, cid, quad in one_per_day(_dyad_clusters(store, code, other, since)):
                        for tx, ty, share in spread.targets(a, b, date, quad or ""):
                            if (tx, ty) == (x, y):
                                _add(acc, x, y, date[:7], w, share, cid)
    prev = [tuple(r) for r in store.execute(
        "SELECT month, pos_d, neg_d, volume, clusters_total FROM dyad_month WHERE a = ? AND b = ? AND month < ? "
        "ORDER BY month DESC LIMIT 1", (x, y, since_month)).fetchall()]
    store.execute("DELETE FROM dyad_month WHERE a = ? AND b = ? AND month >= ?", (x, y, since_month))
    rows = dyad_rows(x, y, acc.get((x, y), {}), start=prev[0] if prev else None)
    if rows:
        store.executemany(DM_INSERT, rows)
    if not rows and not prev:
        store.execute("DELETE FROM dyads WHERE a = ? AND b = ?", (x, y))
        return False
    first = store.scalar("SELECT MIN(month) FROM dyad_month WHERE a = ? AND b = ?", (x, y))
    last = rows[-1] if rows else None
    store.execute(DY_INSERT, (x, y, first, last[2] if last else prev[0][0], last[9] if last else prev[0][4]))
    return True


CL_COLUMNS = "id, a, b, directed, event, quad, mclass, date, month, weight, reports, sources, best_event"


def _by_ids(store: Store, sql: str, ids: list[str]) -> list[tuple]:
    out: list[tuple] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out += [tuple(r) for r in store.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()]
    return out


def _replaced(store: Store, key: tuple, new: list[Ev]) -> tuple[list[Ev], dict[str, tuple], dict[str, str], int]:
    """(reports to recluster, stored rows of the clusters they leave, their stored cluster ids, reports read) for
    one group: the regions new reports can change (regions.py), or the whole group when those cannot be drawn
    safely."""
    t = touched(store, key, new)
    if t is not None:
        old = {r[0]: r for r in _by_ids(store, f"SELECT {CL_COLUMNS} FROM clusters WHERE id IN ({{marks}})",
                                        sorted(t.clusters))}
        if len(old) == len(t.clusters) and all(old[c][10] == n for c, n in t.clusters.items()):
            return t.events, old, t.stored, t.read
    a, b, d, typ = key
    evs, cur = _group_events(store, a, b, d, typ, None)
    old = {r[0]: tuple(r) for r in store.execute(
        f"SELECT {CL_COLUMNS} FROM clusters WHERE a = ? AND b = ? AND directed = ? AND event = ?", key).fetchall()}
    old.update((r[0], r) for r in _by_ids(store, f"SELECT {CL_COLUMNS} FROM clusters WHERE id IN ({{marks}})",
                                          sorted(cur - set(old))))
    stored = {r[0]: r[1] for r in _by_ids(store, "SELECT id, cluster_id FROM events WHERE id IN ({marks})",
                                          [e.id for e in evs]) if r[1]}
    return evs, old, stored, len(evs)


def incremental(store: Store, ties: Ties | None = None) -> dict:
    """Recluster the regions of the (pair, type) groups that new reports can change (regions.py), write the
    clusters that differ from the stored ones, then roll the dyads they count for forward from the earliest month
    that changed."""
    ties = ties or bundled_ties()
    spread = Spreader(ties)
    by_key: dict[tuple, list[Ev]] = {}
    for r in store.execute(f"SELECT {EV_COLUMNS} FROM events WHERE cluster_id IS NULL").fetchall():
        e = Ev(*r)
        by_key.setdefault(group_key(e), []).append(e)
    dyads: dict[tuple[str, str], str] = {}
    n_events = n_clusters = n_new = 0
    with store.transaction():
        for key, new in sorted(by_key.items()):
            evs, old, was, read = _replaced(store, key, new)
            n_events += read
            n_new += len(new)
            clusters = cluster_group(evs) if evs else []
            rows = {c.id: cluster_row(c) for c in clusters}
            gone = sorted(cid for cid, r in old.items() if rows.get(cid) != r)
            for i in range(0, len(gone), 500):
                chunk = gone[i:i + 500]
                store.execute(f"DELETE FROM clusters WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            fresh = [r for cid, r in rows.items() if old.get(cid) != r]
            store.executemany(CL_INSERT, fresh)
            store.executemany("UPDATE events SET cluster_id = ? WHERE id = ?",
                              [(c.id, e.id) for c in clusters for e in c.members if was.get(e.id) != c.id])
            n_clusters += len(fresh)
            for date in {old[cid][7] for cid in gone} | {r[7] for r in fresh}:
                if not date:
                    continue
                for x, y, _ in spread.targets(key[0], key[1], date):
                    dyads[(x, y)] = min(dyads.get((x, y), date[:7]), date[:7])
        for (x, y), month in sorted(dyads.items()):
            rebuild_dyad(store, x, y, spread, month)
        store._set_meta(PENDING_KEY, "0")
        bump(store)  # events' cluster ids changed: kept answers are stale (store/answers.py)
    # events: reports read (new ones included), new: of which new; clusters: written
    return {"mode": "incremental", "events": n_events, "new": n_new, "clusters": n_clusters, "dyads": len(dyads)}


def refresh(store: Store, full: bool | None = None, ties: Ties | None = None) -> dict:
    """Bring clusters and dyad aggregates up to date; called at the end of every ingest.

    ``full=None`` decides itself: a full rebuild when the scoring parameters or ties files changed since
    the last refresh, else an incremental one over the new events."""
    t0 = time.perf_counter()
    with store.writer_lock():
        if full is None:
            full = store.get_meta(FINGERPRINT_KEY) != fingerprint()
        update_counts(store, full)  # undated events, reported by the commands
        out = rebuild(store, ties) if full else incremental(store, ties)
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


def mark_pending(store: Store) -> None:
    """Inside the transaction that stores documents: their events are not yet in clusters and aggregates."""
    store._set_meta(PENDING_KEY, "1")


def is_pending(store: Store) -> bool:
    return (store.get_meta(PENDING_KEY) == "1" or store.get_meta(FINGERPRINT_KEY) != fingerprint()
            or store.scalar("SELECT 1 FROM events WHERE cluster_id IS NULL LIMIT 1") is not None)


def ensure_fresh(store: Store) -> dict | None:
    """Finish a pending refresh: new documents not yet reflected (a killed ingest or refresh), parameters or
    ties changed, or events written by other tools; None when already fresh."""
    if not is_pending(store):
        return None
    try:
        with store.writer_lock(wait=False):
            return refresh(store, full=True if store.get_meta(FINGERPRINT_KEY) != fingerprint() else None)
    except WriterBusy:
        return None  # a running ingest refreshes when it ends; readers do not wait for it
