"""How much of the store the alliance index can use: events without a date cannot be placed on a timeline and
are left out of every score, trend and drift. Counts kept in ``meta`` by ``refresh`` (so that queries on a
store of millions of events do not count them again), read by the commands to warn."""

from __future__ import annotations

from ..store.db import Store

UNDATED_KEY, EVENTS_KEY = "undated_events", "events_total"
HOW_TO_DATE = ("give a date with `marsad ingest --date YYYY-MM-DD`, name .txt files 2024-06-19-*.txt, "
               "or start them with a line 'Date: 2024-06-19'")


def update_counts(store: Store, full: bool) -> None:
    """Before a refresh: recount everything (full) or add the events not yet clustered (incremental)."""
    new = "" if full else " WHERE cluster_id IS NULL"
    undated = store.scalar(f"SELECT COUNT(*) FROM events{new}{' AND' if new else ' WHERE'} date IS NULL") or 0
    total = store.scalar(f"SELECT COUNT(*) FROM events{new}") or 0
    if not full:
        undated += int(store.get_meta(UNDATED_KEY) or 0)
        total += int(store.get_meta(EVENTS_KEY) or 0)
    store.set_meta(UNDATED_KEY, str(undated))
    store.set_meta(EVENTS_KEY, str(total))


def undated(store: Store) -> tuple[int, int]:
    """(undated events, all events) as of the last refresh."""
    return int(store.get_meta(UNDATED_KEY) or 0), int(store.get_meta(EVENTS_KEY) or 0)


def undated_note(store: Store) -> str | None:
    n, total = undated(store)
    if not n:
        return None
    return (f"{n} of {total} events have no date and are excluded from alliance scores, trends and drift; "
            + HOW_TO_DATE)
