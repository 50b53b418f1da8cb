"""Large loads: the secondary indexes of the big tables set aside while an ingest writes far more documents
than the store held, then built again, each in one sorted pass, before anything of the ingest reads them.

Why: document and event ids are hashes, and most secondary indexes are led by values that arrive in no
order (document ids, actor codes with dates), so each new document's rows land on pages all over every
index, and each commit writes all of those pages again. On a 100,000-document load (1.1 GB store) that was
about 40 % of the writer process's CPU; building the same indexes after the load takes about 4 s.

Kept during the load: unique indexes and primary keys (they turn a stored document or event away), and the
indexes the ingest itself reads (the next ``seq``, the near-duplicate bands).

A kill leaves no wrong answer: the DROPs and the record of what was dropped (meta ``deferred_indexes``, the
CREATE statements as they were) commit in one transaction, and so do the CREATEs and the removal of that
record. Until they are built again, reads give the same answers, only slower; the next ingest builds them
first, and so does the next ``Store.open`` that finds no other writer at work.
"""

from __future__ import annotations

import json
import re

from .errors import StoreError, WriterBusy

DEFERRED_KEY = "deferred_indexes"
TABLES = ("documents", "sentences", "mentions", "events")
KEEP = frozenset({"documents_seq"})  # MAX(seq) for every new document (near_dup_bands is not in TABLES)
# Below this many documents written by one ingest, its index pages mostly stay in the page cache anyway.
MIN_DOCUMENTS = 2000
_CREATE = re.compile(r"\s*CREATE\s+INDEX\s+(?!IF\s)", re.IGNORECASE)


def worth_deferring(written: int, stored_before: int, min_documents: int | None = None) -> bool:
    """Once an ingest has written at least as many documents as the store held when it began: building the
    indexes again then costs at most about twice the sorting of this run's own rows, far less than writing
    the rest of a large load into them."""
    floor = MIN_DOCUMENTS if min_documents is None else min_documents
    return written >= max(floor, stored_before)


def deferrable(store) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes a large load sets aside, by name."""
    marks = ", ".join("?" * len(TABLES))
    rows = store.execute(f"""SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                             AND tbl_name IN ({marks}) ORDER BY name""", TABLES).fetchall()
    return [(name, sql) for name, sql in rows if name not in KEEP and _CREATE.match(sql)]


def defer_indexes(store) -> int:
    """Drop the deferrable indexes, recording them in the same transaction; the number dropped. SQLite only
    (a no-op elsewhere, and when indexes are already set aside). Call under the writer lock."""
    if store.dialect != "sqlite" or deferred(store):
        return 0
    indexes = deferrable(store)
    if not indexes:
        return 0
    with store.transaction():
        store._set_meta(DEFERRED_KEY, json.dumps([sql for _, sql in indexes]))
        for name, _ in indexes:
            store.execute(f'DROP INDEX "{name}"')
    return len(indexes)


def deferred(store) -> list[str]:
    """The CREATE statements of indexes set aside and not yet built again ([] when none)."""
    if store.dialect != "sqlite" or not store.version():
        return []
    raw = store.get_meta(DEFERRED_KEY)
    if not raw:
        return []
    try:
        sqls = json.loads(raw)
    except ValueError:
        sqls = None
    if not isinstance(sqls, list) or not all(isinstance(s, str) and _CREATE.match(s) for s in sqls):
        raise StoreError(f"{store.url}: meta '{DEFERRED_KEY}' is not a list of CREATE INDEX statements")
    return sqls


def restore_indexes(store) -> int:
    """Build again, in one transaction, the indexes a large load set aside (this one's or a killed one's);
    the number built. Call under the writer lock."""
    sqls = deferred(store)
    if not sqls:
        return 0
    with store.transaction():
        for sql in sqls:
            store.execute(_CREATE.sub("CREATE INDEX IF NOT EXISTS ", sql, count=1))
        store.execute("DELETE FROM meta WHERE key = ?", (DEFERRED_KEY,))
    return len(sqls)


def restore_if_free(store) -> int:
    """On opening a store: build the indexes a killed load left aside, unless a writer (that load's
    successor, which builds them itself) is at work."""
    if not deferred(store):
        return 0
    try:
        with store.writer_lock(wait=False):
            return restore_indexes(store)
    except WriterBusy:
        return 0
