"""Listing stored documents with filters (outlet, publication dates, an actor mentioned), newest first."""

from __future__ import annotations

from typing import Any

from .db import Store


def list_documents(store: Store, source: str | None = None, since: str | None = None, until: str | None = None,
                   actor: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    where, params = [], []
    if source:
        where.append("LOWER(d.source) = LOWER(?)")
        params.append(source)
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("d.published <= ?")
        params.append(until)
    if actor:
        where.append("d.id IN (SELECT doc_id FROM mentions WHERE code = ?)")
        params.append(actor)
    sql_where = ("WHERE " + " AND ".join(where)) if where else ""
    return store.rows(
        f"""SELECT d.id, d.source, d.published, d.title, d.path, d.dup_of,
                   (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events,
                   (SELECT COUNT(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions
            FROM documents d {sql_where}
            ORDER BY d.published IS NULL, d.published DESC, d.seq LIMIT ?""", (*params, limit))


def sources(store: Store) -> list[str]:
    return [r["source"] for r in store.rows("SELECT DISTINCT source FROM documents ORDER BY source")]
