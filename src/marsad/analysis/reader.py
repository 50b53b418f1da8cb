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


@lru_cache(maxsize=1)
def actor_index() -> dict[str, tuple[str, str, str]]:
    """code -> (Arabic name, English name, kind) from the bundled actor dictionary (loaded once)."""
    from ..actors.stage import bundled_dictionary

    d = bundled_dictionary()
    return {e.code: (e.ar, e.en, e.kind) for e in d.entries.values() if e.code}


def name_of(code: str) -> dict:
    ar, en, kind = actor_index().get(code, (code, code, "unknown"))
    return {"name": ar or code, "name_en": en or code, "kind": kind}


def is_org_code(code: str, ties: Ties) -> bool:
    return ties.is_org(code) or actor_index().get(code, ("", "", ""))[2] == "igo"


def today() -> str:
    return dt.date.today().isoformat()


def latest(states: list[State], month: str) -> State | None:
    """The last state at or before the month (states sorted by month)."""
    i = bisect.bisect_right(states, (month, float("inf")))
    return states[i - 1] if i else None


def partner_states(store: Store, code: str) -> dict[str, list[State]]:
    out: dict[str, list[State]] = {}
    for sql, other in (("SELECT b, month, pos_d, neg_d, volume, clusters_total FROM dyad_month WHERE a = ?", 0),
                       ("SELECT a, month, pos_d, neg_d, volume, clusters_total FROM dyad_month WHERE b = ?", 0)):
        for r in store.execute(sql, (code,)).fetchall():
            out.setdefault(r[other], []).append(tuple(r[1:]))
    for v in out.values():
        v.sort()
    return out


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


def clusters_around(store: Store, code: str, since: str | None, until: str, ties: Ties,
                    partner: str | None = None) -> list[tuple[str, float, dict]]:
    """[(partner, share, cluster)] of counted clusters that count for a dyad of ``code`` between the dates:
    direct ones and those with an organisation that spread to the dyad."""
    spread = Spreader(ties)
    anchors = _codes_with_aliases({code} | set(ties.orgs_of.get(code, [])))
    if partner:
        anchors |= _codes_with_aliases(set(ties.orgs_of.get(partner, [])))
    since = since or "0000"
    seen: dict[str, dict] = {}
    for col in ("a", "b"):
        marks = ",".join("?" * len(anchors))
        rows = store.execute(f"SELECT {CLUSTER_COLS} FROM clusters WHERE {col} IN ({marks}) AND date >= ? AND date <= ? "
                             "AND weight <> 0", (*sorted(anchors), since, until)).fetchall()
        for r in rows:
            seen.setdefault(r[0], _cluster_dict(r))
    out = []
    for c in seen.values():
        for x, y, share in spread.targets(c["a"], c["b"], c["date"]):
            if code in (x, y):
                other = y if x == code else x
                if partner is None or other == partner:
                    out.append((other, share, c))
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


def top_evidence(entries: list[tuple[str, float, dict]], as_of: str, k: int) -> dict[str, list[dict]]:
    """Per partner, the k clusters that move its score most at as_of (largest decayed |weight|)."""
    per: dict[str, list[dict]] = {}
    for other, share, c in entries:
        item = dict(c)
        item["contribution"] = contribution(c, share, as_of)
        item["via"] = None if share == 1.0 else (c["b"] if other == c["a"] else c["a"])
        per.setdefault(other, []).append(item)
    return {p: sorted(v, key=lambda x: -abs(x["contribution"]))[:k] for p, v in per.items()}


def evidence_since(as_of: str) -> str:
    return (dt.date.fromisoformat(as_of) - dt.timedelta(days=int(EVIDENCE_HALF_LIVES * al.HALF_LIFE_DAYS))).isoformat()
