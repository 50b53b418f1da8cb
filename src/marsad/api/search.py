"""Full-text search over normalised sentences (``sentences.norm``), with the same meaning on both stores:
every word of the query (normalised like the text, so spelling variants meet) must occur in the sentence,
as a substring, case-insensitively.

SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers (words shorter than three
characters fall back to LIKE). PostgreSQL: ILIKE served by a pg_trgm GIN index. Both indexes are created by
``ensure_index`` (the server calls it at start; it also indexes what the CLI stored before).
"""

from __future__ import annotations

import logging

from ..store.db import Store
from ..text.normalize import normalize_space

log = logging.getLogger("marsad.api")

SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(norm, content='sentences', content_rowid='rowid', "
    "tokenize='trigram')",
    "CREATE TRIGGER sentences_fts_ai AFTER INSERT ON sentences BEGIN "
    "INSERT INTO sentences_fts (rowid, norm) VALUES (new.rowid, new.norm); END",
    "CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences BEGIN "
    "INSERT INTO sentences_fts (sentences_fts, rowid, norm) VALUES ('delete', old.rowid, old.norm); END",
    "CREATE TRIGGER sentences_fts_au AFTER UPDATE ON sentences BEGIN "
    "INSERT INTO sentences_fts (sentences_fts, rowid, norm) VALUES ('delete', old.rowid, old.norm); "
    "INSERT INTO sentences_fts (rowid, norm) VALUES (new.rowid, new.norm); END",
    "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')",
]


def has_fts(store: Store) -> bool:
    return store.dialect == "sqlite" and bool(
        store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sentences_fts'"))


def ensure_index(store: Store) -> None:
    if store.dialect == "sqlite":
        if has_fts(store):
            return
        try:
            with store.transaction():
                for sql in SQLITE_INDEX:
                    store.execute(sql)
        except Exception as e:  # an SQLite built without FTS5: search still works, by scanning
            log.warning("full-text index not created (%s); search will scan sentences", e)
        return
    try:
        with store.transaction():
            store.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            store.execute("CREATE INDEX IF NOT EXISTS sentences_norm_trgm ON sentences USING gin (norm gin_trgm_ops)")
    except Exception as e:  # no right to create the extension: search works without the index
        log.warning("pg_trgm index not created (%s); search will scan sentences", e)


def terms(query: str) -> list[str]:
    return normalize_space(query).split()[:10]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def condition(store: Store, query: str, alias: str = "s", fts: bool | None = None) -> tuple[str, list]:
    """SQL condition on sentence alias ``alias`` (and its parameters) true when the sentence matches."""
    words = terms(query)
    if not words:
        return "1 = 1", []
    fts = has_fts(store) if fts is None else fts
    parts: list[str] = []
    params: list = []
    long = [w for w in words if len(w) >= 3] if fts else []
    if long:
        parts.append(f"{alias}.rowid IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)")
        params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long))
    op = "ILIKE" if store.dialect == "postgresql" else "LIKE"
    for w in words:
        if w not in long:
            parts.append(f"{alias}.norm {op} ? ESCAPE '\\'")
            params.append(_like(w))
    return " AND ".join(parts), params


def search_sentences(store: Store, query: str, limit: int, offset: int) -> tuple[list[dict], int]:
    cond, params = condition(store, query)
    total = store.scalar(f"SELECT COUNT(*) FROM sentences s WHERE {cond}", params)
    rows = store.rows(
        f"""SELECT s.doc_id, s.idx, s.start_off AS start, s.end_off AS end, s.text, s.kind,
                   d.title, d.published, d.source
            FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE {cond}
            ORDER BY COALESCE(d.published, ''), s.doc_id, s.idx LIMIT ? OFFSET ?""",
        (*params, limit, offset))
    return rows, int(total or 0)
