"""Reading the precomputed aggregates: monthly states of dyads, clusters near an actor, evidence sentences."""

from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache

from ..store.db import Store
from . import alignment as al
from .aggregate import Spreader
from .ties import ORG_ALIASES, Ties

State = tuple  # (month, pos_d, neg_d, volume, clusters_total)
EVIDENCE_HALF_LIVES = 4  # evidence is looked for this many half-lives back
MAX_SPREAD_MEMBERS = int(al.ORG_SPREAD_REFERENCE * al.ORG_SPREAD / 0.1)  # spread share >= 0.1


@lru_cache(maxsize=1)
def actor_index() -> dict[str, tuple[str, str, str]]:
    """code -> (Arabic name, English name, kind), read from the actor files' top-level entries only (the
    full dictionary, with its name variants, takes a second to build and is not needed for display)."""
    import yaml

    from ..actors.dictionary import data_files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out: dict[str, tuple[str, str, str]] = {}
    for path in data_files():
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        except (OSError, yaml.YAMLError):
            continue
        for e in data if isinstance(data, list) else []:
            if isinstance(e, dict) and e.get("code") and "roles" not in e and e.get("kind") != "person":
                out.setdefault(str(e["code"]), (str(e.get("ar") or ""), str(e.get("en") or ""), str(e.get("kind") or "")))
    return out


def name_of(code: str) -> dict:
    ar, en, kind = actor_index().get(code, (code, code, "unknown"))
    return {"name": ar or code, "name_en": en or code, "kind": kind}


def is_org_code(code: str, ties: Ties) -> bool:
    return ties.is_org(code) or actor_index().get(code, ("", "", ""))[2] == "igo"


def today() -> str:
    return dt.date.today().isoformat()


def default_as_of(store: Store | None) -> str:
    """The date a query without --as-of is about: the last day with a counted happening in the store (a store
    of 2024 news read in 2026 is about 2024, and its drift and trends are not empty), else today."""
    if store is None:
        return today()
    row = store.execute(
        "SELECT MAX(c.date) FROM dyads d JOIN clusters c ON c.a = d.a AND c.b = d.b AND c.date >= d.last_month "
        "WHERE d.last_month = (SELECT MAX(last_month) FROM dyads) AND c.weight <> 0").fetchone()
    day = row[0] if row else None
    return str(day)[:10] if day else today()


def latest(states: list[State], month: str) -> State | None:
    """The last state at or before the month (states sorted by month)."""
    i = bisect.bisect_right(states, (month, float("inf")))
    return states[i - 1] if i else None


def partner_rows(store: Store, code: str) -> tuple[dict[str, list[State]], dict[str, list[tuple]]]:
    """Every monthly row of the dyads of ``code``: (states per partner, evidence candidates per partner:
    (month, strongest positive cluster, its weight, strongest negative cluster, its weight))."""
    states: dict[str, list[State]] = {}
    tops: dict[str, list[tuple]] = {}
    cols = "month, pos_d, neg_d, volume, clusters_total, top_pos, top_pos_w, top_neg, top_neg_w"
    for sql in (f"SELECT b, {cols} FROM dyad_month WHERE a = ?", f"SELECT a, {cols} FROM dyad_month WHERE b = ?"):
        for r in store.execute(sql, (code,)).fetchall():
            states.setdefault(r[0], []).append(tuple(r[1:6]))
            tops.setdefault(r[0], []).append((r[1], *r[6:]))
    for v in states.values():
        v.sort()
    return states, tops


def partner_states(store: Store, code: str) -> dict[str, list[State]]:
    return partner_rows(store, code)[0]


def pair_states(store: Store, a: str, b: str) -> list[State]:
    x, y = (a, b) if a < b else (b, a)
    return [tuple(r) for r in store.execute(
        "SELECT month, pos_d, neg_d, volume, clusters_total FROM dyad_month WHERE a = ? AND b = ? ORDER BY month",
        (x, y)).fetchall()]


def states_at(store: Store, month: str) -> dict[tuple[str, str], State]:
    """The latest state at or before the month of every dyad: one index seek per dyad."""
    rows = store.execute(
        """SELECT d.a, d.b, d.month, d.pos_d, d.neg_d, d.volume, d.clusters_total
           FROM dyads p JOIN dyad_month d ON d.a = p.a AND d.b = p.b
            AND d.month = (SELECT MAX(m.month) FROM dyad_month m WHERE m.a = p.a AND m.b = p.b AND m.month <= ?)
           WHERE p.first_month <= ?""", (month, month)).fetchall()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


# -- clusters and evidence ----------------------------------------------------------------------------

CLUSTER_COLS = "id, a, b, directed, event, quad, mclass, date, weight, reports, sources, best_event"


def _cluster_dict(r) -> dict:
    return dict(zip(("id", "a", "b", "directed", "event", "quad", "mclass", "date", "weight", "reports", "sources",
                     "best_event"), r, strict=True))


def _codes_with_aliases(codes: set[str]) -> set[str]:
    return codes | {k for k, v in ORG_ALIASES.items() if v in codes}


def pair_clusters(store: Store, x: str, y: str, since: str | None, until: str, ties: Ties) -> list[tuple[float, dict]]:
    """[(share, cluster)] of the counted clusters that count for the pair between the dates: the pair's own
    and, at their share, those of either side with an organisation the other belonged to that day."""
    spread = Spreader(ties)
    since = since or "0000"
    lo, hi = (x, y) if x < y else (y, x)
    pairs = [(x, y)]
    for member, other in ((x, y), (y, x)):
        for org in ties.orgs_of.get(member, []):
            if ties.member_count(org, until) <= MAX_SPREAD_MEMBERS:
                pairs += [(code, other) for code in _codes_with_aliases({org})]
    out = []
    for p, q in pairs + [(q, p) for p, q in pairs]:
        rows = store.execute(f"SELECT {CLUSTER_COLS} FROM clusters WHERE a = ? AND b = ? AND date >= ? AND date <= ? "
                             "AND weight <> 0", (p, q, since, until)).fetchall()
        for r in rows:
            c = _cluster_dict(r)
            for tx, ty, share in spread.targets(c["a"], c["b"], c["date"]):
                if (tx, ty) == (lo, hi):
                    out.append((share, c))
    return out


def clusters_by_id(store: Store, ids: list[str]) -> dict[str, dict]:
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.execute(f"SELECT {CLUSTER_COLS} FROM clusters WHERE id IN ({marks})", chunk).fetchall():
            out[r[0]] = _cluster_dict(r)
    return out


def month_evidence(store: Store, code: str, tops: dict[str, list[tuple]], partners: list[str], as_of: str,
                   k: int) -> dict[str, list[dict]]:
    """Per partner, the k happenings that move its score most on ``as_of``, chosen among the strongest
    positive and negative happening of each month (kept by refresh), so no cluster scan is needed."""
    since = al.month_of(evidence_since(as_of))
    month = al.month_of(as_of)
    chosen: dict[str, list[tuple[str, float]]] = {}
    for p in partners:
        cands = []
        for m, pos_id, pos_w, neg_id, neg_w in tops.get(p, []):
            if since <= m <= month:
                f = al.decay(al.days_between(al.month_mid(m), as_of))
                if pos_id:
                    cands.append((pos_id, pos_w, pos_w * f))
                if neg_id:
                    cands.append((neg_id, neg_w, neg_w * f))
        cands.sort(key=lambda c: -abs(c[2]))
        chosen[p] = [(cid, w) for cid, w, _ in cands[:k]]
    clusters = clusters_by_id(store, [cid for v in chosen.values() for cid, _ in v])
    out: dict[str, list[dict]] = {}
    for p, lst in chosen.items():
        items = []
        for cid, w in lst:
            c = clusters.get(cid)
            if c is None or not c["weight"]:
                continue
            it = dict(c)
            share = w / c["weight"]
            it["contribution"] = w * al.decay(al.days_between(c["date"], as_of))
            it["via"] = None if abs(share - 1.0) < 1e-9 else ({c["a"], c["b"]} - {code, p} or {None}).pop()
            items.append(it)
        out[p] = items
    return out


def contribution(c: dict, share: float, as_of: str) -> float:
    return c["weight"] * share * al.decay(al.days_between(c["date"], as_of))


def attach_evidence(store: Store, items: list[dict]) -> list[dict]:
    """Fill each item (a cluster dict with best_event) with its evidence sentence, document and the other
    documents reporting the same happening."""
    ids = [it["best_event"] for it in items]
    ev: dict[str, dict] = {}
    docs: dict[str, list[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.rows(f"""SELECT id, doc_id, sentence_idx, sentence, event, mode, actor_code, recipient_code,
                                      source, modality, negated, date, date_precision, event_text, intensity, cluster_id
                               FROM events WHERE id IN ({marks})""", chunk):
            ev[r["id"]] = r
        cids = [it["id"] for it in items[i:i + 500]]
        marks = ",".join("?" * len(cids))
        for r in store.execute(f"SELECT cluster_id, doc_id FROM events WHERE cluster_id IN ({marks})", cids).fetchall():
            lst = docs.setdefault(r[0], [])
            if r[1] not in lst:
                lst.append(r[1])
    out = []
    for it in items:
        e = ev.get(it["best_event"], {})
        out.append({
            "cluster": it["id"], "date": it["date"], "event": it["event"], "mode": e.get("mode"),
            "actor": e.get("actor_code"), "recipient": e.get("recipient_code"),
            "modality": e.get("modality"), "weight": round(it["weight"], 4),
            "contribution": round(it.get("contribution", it["weight"]), 4), "via": it.get("via"),
            "reports": it["reports"], "sources": it["sources"], "sentence": e.get("sentence"),
            "event_text": e.get("event_text"), "doc_id": e.get("doc_id"), "source": e.get("source"),
            "documents": docs.get(it["id"], []),
        })
    return out


def top_evidence(entries: list[tuple[float, dict]], as_of: str, k: int, pair: tuple[str, str]) -> list[dict]:
    """The k clusters of a pair that move its score most at as_of (largest decayed |weight x share|)."""
    items = []
    for share, c in entries:
        it = dict(c)
        it["contribution"] = contribution(c, share, as_of)
        it["via"] = None if share == 1.0 else ({c["a"], c["b"]} - set(pair) or {None}).pop()
        items.append(it)
    return sorted(items, key=lambda x: -abs(x["contribution"]))[:k]


def evidence_since(as_of: str) -> str:
    return (dt.date.fromisoformat(as_of) - dt.timedelta(days=int(EVIDENCE_HALF_LIVES * al.HALF_LIFE_DAYS))).isoformat()
