"""Per-document results of a measure of the text (framing terms, say), computed once and kept in the store.

A read that needs the measure over every original document (``/api/sources``) then reads one small row per
document instead of re-running the measure over every text on each request. Rows carry the ``version`` of
what computed them (a hash of the measure's data and code); rows of another version are recomputed on the
next read, and documents added since are computed then, so the cache never answers with stale results.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .db import Store

CHUNK = 500


def version_of(*parts: bytes | str | Path) -> str:
    """A version from data and code: file paths are hashed by content."""
    h = hashlib.sha1()
    for p in parts:
        h.update(p.read_bytes() if isinstance(p, Path) else p.encode() if isinstance(p, str) else p)
    return h.hexdigest()[:16]


def per_document(store: Store, kind: str, version: str, measure: Callable[[str], Any]
                 ) -> Iterator[tuple[str, str, Any]]:
    """(document id, outlet, measure(text)) for every original document (not a near-duplicate), in store
    order; missing or outdated results are computed and stored first."""
    _fill(store, kind, version, measure)
    cur = store.execute(
        """SELECT d.id, COALESCE(NULLIF(d.source, ''), '(unknown)'), c.value
           FROM documents d JOIN doc_cache c ON c.doc_id = d.id AND c.kind = ?
           WHERE d.dup_of IS NULL ORDER BY d.seq""", (kind,))
    while chunk := cur.fetchmany(5000):
        for doc_id, src, value in chunk:
            yield doc_id, src, json.loads(value)


def _fill(store: Store, kind: str, version: str, measure: Callable[[str], Any]) -> None:
    todo = [r[0] for r in store.execute(
        """SELECT d.id FROM documents d LEFT JOIN doc_cache c ON c.doc_id = d.id AND c.kind = ?
           WHERE d.dup_of IS NULL AND (c.version IS NULL OR c.version <> ?) ORDER BY d.seq""",
        (kind, version)).fetchall()]
    for i in range(0, len(todo), CHUNK):
        ids = todo[i:i + CHUNK]
        texts = store.execute(f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)
        rows = [(doc_id, kind, version, json.dumps(measure(text or ""), ensure_ascii=False))
                for doc_id, text in texts.fetchall()]
        with store.transaction():
            store.executemany(
                """INSERT INTO doc_cache (doc_id, kind, version, value) VALUES (?, ?, ?, ?)
                   ON CONFLICT (kind, doc_id) DO UPDATE SET version = excluded.version, value = excluded.value""",
                rows)
