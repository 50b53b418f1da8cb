"""``marsad check``: are the derived tables (clusters, dyad-month aggregates, events' cluster ids) what the
stored events give? Verified by rebuilding them from the events under the writer lock and comparing with
what was there before; the rebuild is also the repair. Floats are compared at 6 decimals (an incremental
refresh adds the same weights in another order)."""

from __future__ import annotations

from ..store.db import Store
from .aggregate import PENDING_KEY, rebuild

TABLES = {
    "clusters": "SELECT id, a, b, directed, event, quad, mclass, date, month, weight, reports, sources, best_event "
                "FROM clusters",
    "dyad_month": "SELECT a, b, month, pos, neg, clusters, pos_d, neg_d, volume, clusters_total, top_pos, top_pos_w, "
                  "top_neg, top_neg_w FROM dyad_month",
    "dyads": "SELECT a, b, first_month, last_month, clusters FROM dyads",
    "event clusters": "SELECT id, cluster_id FROM events",
}


def _row(r) -> tuple:
    return tuple(round(v, 6) if isinstance(v, float) else v for v in r)


def snapshot(store: Store) -> dict[str, set[tuple]]:
    return {name: {_row(r) for r in store.execute(sql).fetchall()} for name, sql in TABLES.items()}


def check(store: Store) -> dict:
    """{"ok": bool, "pending": was a refresh pending, "differences": {table: rows wrong or missing}}; the store
    is repaired on return."""
    with store.writer_lock():
        pending = store.get_meta(PENDING_KEY) == "1"
        before = snapshot(store)
        rebuild(store)
        after = snapshot(store)
    diff = {name: len(before[name] ^ after[name]) for name in TABLES if before[name] != after[name]}
    return {"ok": not diff and not pending, "pending": pending, "differences": diff}
