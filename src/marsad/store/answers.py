"""Answers of costly reads (``/api/sources``, ``/api/stats``), kept in the store until the store changes.

Such a read aggregates every stored event, mention and document: seconds on a 100,000-document store, the
same answer on every request until something is added. An answer is kept in the ``answers`` table with the
*state* of the store it was computed from; it is returned only while the state is unchanged, so a kept
answer is never stale:

- rows added to documents, sentences, mentions or events raise the table's largest rowid (SQLite) or its
  count (PostgreSQL); both are read from an index or the table's header, not by reading rows;
- rows updated or deleted there bump ``meta.data_generation`` through triggers (migration 9), whatever code
  does it; the alliance refresh, which rewrites events' cluster ids only, bumps it once itself (``bump``);
- the schema version, and the caller's ``version`` (a hash of the code and data files that compute the
  answer), are part of the state too.

``marsad ingest`` computes again, at its end, the answers that were asked for before (``analysis/answers.py``),
so the first request after an ingest does not pay for it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .db import Store
from .doc_cache import version_of

log = logging.getLogger("marsad.store")
TABLES = ("documents", "sentences", "mentions", "events")


def state(store: Store) -> str:
    """What the kept answers depend on, as one string."""
    if store.dialect == "sqlite":
        sizes = [store.scalar(f"SELECT MAX(rowid) FROM {t}") or 0 for t in TABLES]
    else:
        sizes = [store.scalar(f"SELECT COUNT(*) FROM {t}") or 0 for t in TABLES]
    gen = store.get_meta("data_generation") or "0"
    return f"v{store.version()}:g{gen}:" + ",".join(str(n) for n in sizes)


def bump(store: Store) -> None:
    """Inside a transaction that changed stored rows without the triggers seeing it (the refresh)."""
    store.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'data_generation'")


def cached(store: Store, name: str, params: dict, version: str, compute: Callable[[], Any]) -> Any:
    """``compute()``'s answer (JSON-able), kept under (name, params) for the store's current state."""
    key = json.dumps(params, sort_keys=True, ensure_ascii=False)
    now = f"{version}:{state(store)}"
    row = store.rows("SELECT state, value FROM answers WHERE name = ? AND params = ?", (name, key))
    if row and row[0]["state"] == now:
        return json.loads(row[0]["value"])
    value = compute()
    text = json.dumps(value, ensure_ascii=False)
    try:
        with store.transaction():
            store.execute(
                """INSERT INTO answers (name, params, state, value, made_at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (name, params) DO UPDATE SET state = excluded.state, value = excluded.value,
                     made_at = excluded.made_at""",
                (name, key, now, text, datetime.now(UTC).isoformat(timespec="seconds")))
    except Exception as e:  # a read-only or busy store still answers; the answer is just not kept
        store.rollback_quietly()
        log.warning("%s: answer of %s not kept (%s)", store.url, name, e)
    return json.loads(text)  # the same types whether kept or not (tuples become lists)


def asked(store: Store) -> list[tuple[str, dict]]:
    """(name, params) of every kept answer, stale or not."""
    return [(r["name"], json.loads(r["params"])) for r in
            store.rows("SELECT name, params FROM answers ORDER BY name, params")]


def stats(store: Store) -> dict:
    """``store.stats()`` (counts; every sentence joined to its document), kept."""
    from . import db

    return cached(store, "stats", {}, version_of(Path(db.__file__)), store.stats)
