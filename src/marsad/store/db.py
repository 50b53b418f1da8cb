"""The store: SQLite (embedded default, WAL) or PostgreSQL (``postgresql://`` URL), one schema, one API.

SQL is written once with ``?`` placeholders; the PostgreSQL connection rewrites them to ``%s``.
Writes of one document (its sentences, mentions, events) happen in one transaction, so a killed
ingest never leaves half a document behind, and re-running skips what is already stored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..records import Document, Event, Mention, Sentence
from .migrations import LATEST, statements

DEFAULT_DB = "marsad.db"
# An ingest's connection (Store.bulk_writes): a 64 MiB page cache cut the writer's CPU by a quarter on a
# 6,000-document store, memory staying far below the 1 GB a process may take; a checkpoint every 10,000 pages
# (40 MB of WAL) instead of 1,000 cut it by a further 7 %.
BULK_CACHE_MIB = 64
BULK_CHECKPOINT_PAGES = 10_000


from .errors import StoreError, WriterBusy  # noqa: E402,F401  (re-exported: the store's errors)


def _wal(conn: sqlite3.Connection, seconds: float = 60) -> None:
    """Switch to WAL. Two processes creating one new store at once can find it locked (the switch does not
    always wait on SQLite's busy handler): retry for a while instead of calling it "not a store"."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def resolve_url(db: str | None) -> str:
    return db or os.environ.get("MARSAD_DB") or DEFAULT_DB



class Store:
    """Open with ``Store.open(path_or_url)``. Use as a context manager to close it."""

    dialect = "sqlite"
    schemes: tuple[str, ...] = ()  # URL prefixes a server back-end answers to

    def __init__(self, conn, url: str):
        self.conn = conn
        self.url = url
        self.writer_depth = 0  # > 0 while this Store holds the writer lock

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, db: str | None = None, migrate: bool = True) -> Store:
        url = resolve_url(db)
        # server back-ends are subclasses that name their URL schemes (the package imports them), so this
        # module need not import them back
        backend = next((c for c in Store.__subclasses__() if url.startswith(c.schemes)), None)
        if backend is not None:
            store: Store = backend.connect(url)
        else:
            path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
            if path != ":memory:":
                parent = os.path.dirname(os.path.abspath(path))
                if not os.path.isdir(parent):
                    raise StoreError(f"{path}: folder {parent} does not exist")
            try:
                conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
                _wal(conn)
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
            except sqlite3.DatabaseError as e:
                raise StoreError(f"{path}: not a Marsad SQLite store ({e})") from None
            store = cls(conn, path)
        if migrate:
            store.migrate()
            from .bulk import restore_if_free

            restore_if_free(store)  # indexes a killed large ingest left aside (store/bulk.py)
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- low level -------------------------------------------------------------------------------
    def q(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()):
        return self.conn.execute(self.q(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(self.q(sql), list(rows))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def writer_lock(self, on_wait: Callable[[str], None] | None = None, wait: bool = True) -> Iterator[None]:
        """Held by every ingest and refresh: one writer at a time, the next one waits (``on_wait`` is told
        why) or, with ``wait=False``, gets ``WriterBusy``. Re-entrant within this Store (an ingest's refresh
        runs under the ingest's lock)."""
        if self.writer_depth:
            self.writer_depth += 1
            try:
                yield
            finally:
                self.writer_depth -= 1
            return
        with self._writer_lock(on_wait, wait):
            self.writer_depth = 1
            try:
                yield
            finally:
                self.writer_depth = 0

    def _writer_lock(self, on_wait: Callable[[str], None] | None, wait: bool):
        """SQLite: an exclusive flock on ``<store>.lock``, released by the system if the process dies."""
        from .lock import file_lock

        return file_lock(None if self.url == ":memory:" else self.url + ".lock", self.url, on_wait, wait)

    @contextmanager
    def bulk_writes(self, cache_mib: int = BULK_CACHE_MIB, checkpoint_pages: int = BULK_CHECKPOINT_PAGES
                    ) -> Iterator[None]:
        """Settings for a long run of writes (an ingest), SQLite only, restored at the end: a larger page cache,
        so that the index pages a new document's rows go into (random keys: event and document ids are hashes)
        stay in memory instead of being read back for every document once the store outgrows the default 2 MB;
        and fewer WAL checkpoints (each copies every page written since the last one into the store and
        syncs it, while the writer waits)."""
        if self.dialect != "sqlite":
            yield
            return
        cache, pages = self.scalar("PRAGMA cache_size"), self.scalar("PRAGMA wal_autocheckpoint")
        self.conn.execute(f"PRAGMA cache_size = {-int(cache_mib) * 1024}")  # negative: KiB, not pages
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint_pages)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(cache)}")
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")

    # -- schema ----------------------------------------------------------------------------------
    def version(self) -> int:
        try:
            return int(self.scalar("SELECT value FROM meta WHERE key = 'schema_version'") or 0)
        except Exception:
            self.rollback_quietly()
            return 0

    def rollback_quietly(self) -> None:
        pass

    def migrate(self) -> list[str]:
        """Apply pending migrations; returns their names. Under the writer lock when there are any, so that
        two processes opening a new store do not both create it."""
        current = self.version()
        if current < LATEST and not self.writer_depth:
            with self.writer_lock():
                return self.migrate()
        if current > LATEST:
            raise StoreError(f"{self.url}: store schema v{current} is newer than this Marsad (v{LATEST}); upgrade Marsad")
        applied = []
        if current == 0:
            with self.transaction():
                self.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        for v, name, sqls in statements(self.dialect, current):
            with self.transaction():
                for s in sqls:
                    self.execute(s)
                self._set_meta("schema_version", str(v))
            applied.append(f"v{v}: {name}")
        return applied

    def _set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_meta(self, key: str) -> str | None:
        return self.scalar("SELECT value FROM meta WHERE key = ?", (key,))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._set_meta(key, value)

    # -- writes ----------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def add_document(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention] = (),
        events: Sequence[Event] = (),
        dup_of: str | None = None,
        dup_score: float | None = None,
        minhash: bytes | None = None,
        quads: dict[int, tuple[str, float]] | None = None,
        bands: Sequence[int] = (),
    ) -> bool:
        """Insert one document with everything derived from it. Call inside ``transaction()``.
        ``bands``: the near-duplicate index keys of an original (see store.dedup).
        Returns False (and writes nothing) when the document is already stored."""
        return self.add_document_rows(doc, DocumentRows.of(doc, sentences, mentions, events, quads), dup_of,
                                      dup_score, minhash, bands)

    def add_document_rows(self, doc: Document, rows: DocumentRows, dup_of: str | None = None,
                          dup_score: float | None = None, minhash: bytes | None = None,
                          bands: Sequence[int] = ()) -> bool:
        """``add_document`` with the rows already built (by an ingest worker)."""
        seq = (self.scalar("SELECT MAX(seq) FROM documents") or 0) + 1  # one index seek (documents_seq)
        cur = self.execute(
            """INSERT INTO documents (id, source, url, path, title, published, language, text, origin,
                   ingested_at, dup_of, dup_score, minhash, seq)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
            (doc.id, doc.source, doc.url, doc.path, doc.title, doc.published, doc.language, doc.text,
             json.dumps(doc.origin, ensure_ascii=False), datetime.now(UTC).isoformat(timespec="seconds"),
             dup_of, dup_score, minhash, seq),
        )
        if cur.rowcount == 0:
            return False
        self.executemany(SENTENCE_INSERT, rows.sentences)
        if rows.mentions:
            self.executemany(MENTION_INSERT, rows.mentions)
        if rows.events:
            dup = int(dup_of is not None)  # the last column of an event row
            self.executemany(EVENT_INSERT, [r[:-1] + (dup,) for r in rows.events] if dup else rows.events)
        if bands:
            self.executemany("INSERT INTO near_dup_bands (key, seq) VALUES (?, ?)", [(k, seq) for k in bands])
        return True

    def add_candidates(self, candidates, doc_id: str) -> None:
        """Unknown names seen after titles; counts accumulate across documents."""
        for c in candidates:
            self.execute(
                """INSERT INTO candidates (name, title, guess_code, guess_agent, count, example, doc_id, status)
                   VALUES (?, ?, ?, ?, 1, ?, ?, 'new')
                   ON CONFLICT (name) DO UPDATE SET count = candidates.count + 1""",
                (c.name, c.title, c.guess_code, c.guess_agent, c.example[:400], doc_id))

    def record_file(self, path: str, size: int, mtime: float, status: str, documents: int, errors: int,
                    message: str = "") -> None:
        self.execute(
            """INSERT INTO files (path, size, mtime, status, documents, errors, message, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
                 status = excluded.status, documents = excluded.documents, errors = excluded.errors,
                 message = excluded.message, updated_at = excluded.updated_at""",
            (path, size, mtime, status, documents, errors, message, datetime.now(UTC).isoformat(timespec="seconds")),
        )

    def file_done(self, path: str, size: int, mtime: float) -> bool:
        row = self.rows("SELECT size, mtime, status FROM files WHERE path = ?", (path,))
        return bool(row) and row[0]["status"] == "done" and row[0]["size"] == size and abs(row[0]["mtime"] - mtime) < 1e-3

    # -- reads -----------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        out = {
            "documents": self.scalar("SELECT COUNT(*) FROM documents"),
            "sentences": self.scalar("SELECT COUNT(*) FROM sentences"),
            "duplicates": self.scalar("SELECT COUNT(*) FROM documents WHERE dup_of IS NOT NULL"),
            "mentions": self.scalar("SELECT COUNT(*) FROM mentions"),
            "events": self.scalar("SELECT COUNT(*) FROM events"),
            "schema_version": self.version(),
        }
        out["by_source"] = self.rows(
            """SELECT COALESCE(NULLIF(d.source, ''), '(unknown)') AS source, COUNT(DISTINCT d.id) AS documents,
                      COUNT(s.doc_id) AS sentences
               FROM documents d LEFT JOIN sentences s ON s.doc_id = d.id
               GROUP BY COALESCE(NULLIF(d.source, ''), '(unknown)') ORDER BY 2 DESC, 1""")
        return out

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT * FROM documents WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2",
                         (doc_id, doc_id + "%"))
        if not rows:
            return None
        if len(rows) > 1 and rows[0]["id"] != doc_id:
            raise StoreError(f"document id prefix '{doc_id}' is ambiguous")
        d = rows[0]
        d.pop("minhash", None)
        d["origin"] = json.loads(d["origin"] or "{}")
        d["sentences"] = self.rows(
            "SELECT idx, start_off AS start, end_off AS end, text, kind FROM sentences WHERE doc_id = ? ORDER BY idx",
            (d["id"],))
        d["mentions"] = self.rows(
            """SELECT sentence_idx, start_off AS start, end_off AS end, text, code, agent, kind, person
               FROM mentions WHERE doc_id = ? ORDER BY start_off""", (d["id"],))
        d["events"] = [event_from_row(r) for r in self.rows(
            "SELECT * FROM events WHERE doc_id = ? ORDER BY evidence_start, trigger_start", (d["id"],))]
        return d

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.rows(
            """SELECT id, source, url, title, published, dup_of,
                      (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences
               FROM documents d ORDER BY seq LIMIT ? OFFSET ?""", (limit, offset))


@dataclass
class DocumentRows:
    """The rows of a document's sentences, mentions and events (events as if not a near-duplicate)."""

    sentences: list[tuple]
    mentions: list[tuple]
    events: list[tuple]

    @classmethod
    def of(cls, doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention] = (),
           events: Sequence[Event] = (), quads: dict[int, tuple[str, float]] | None = None) -> DocumentRows:
        return cls(sentence_rows(doc, sentences, quads), mention_rows(doc, mentions),
                   [event_row(e, doc) for e in events])


SENTENCE_INSERT = ("INSERT INTO sentences (doc_id, idx, start_off, end_off, text, norm, kind, quad, quad_p) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
MENTION_INSERT = ("INSERT INTO mentions (doc_id, sentence_idx, start_off, end_off, text, code, agent, kind, person, "
                  "entry, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")


def sentence_rows(doc: Document, sentences: Sequence[Sentence],
                  quads: dict[int, tuple[str, float]] | None = None) -> list[tuple]:
    from ..text.normalize import normalize_space

    return [(doc.id, s.idx, s.start, s.end, s.text, s.norm or normalize_space(s.text), s.kind,
             *(quads or {}).get(s.idx, (None, None))) for s in sentences]


def mention_rows(doc: Document, mentions: Sequence[Mention]) -> list[tuple]:
    return [(doc.id, m.sentence_idx, m.start, m.end, m.text, m.code, m.agent, m.kind, m.person, m.entry,
             doc.published) for m in mentions]


EVENT_COLUMNS = [
    "id", "doc_id", "sentence_idx", "event", "mode", "context", "intensity", "quad", "cameo",
    "actor_code", "actor_agent", "actor_name", "actor_text", "actor_start", "actor_end",
    "recipient_code", "recipient_agent", "recipient_name", "recipient_text", "recipient_start", "recipient_end",
    "negated", "modality", "attribution", "attribution_code", "date", "date_precision", "date_end", "event_text",
    "trigger_start", "trigger_end", "evidence_start", "evidence_end", "sentence", "confidence", "pattern",
    "symmetric", "location", "cluster_id", "source", "dup",
]
EVENT_INSERT = (f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))}) "
                "ON CONFLICT (id) DO NOTHING")


def event_row(e: Event, doc: Document, dup: bool = False) -> tuple:
    a, r = e.actor, e.recipient
    return (
        e.id, doc.id, e.sentence_idx, e.event, e.mode, json.dumps(e.context), e.intensity, e.quad, e.cameo,
        a.code, a.agent, a.name, a.text, a.start, a.end,
        r.code, r.agent, r.name, r.text, r.start, r.end,
        int(e.negated), e.modality, e.attribution, e.attribution_code, e.date, e.date_precision, e.date_end,
        e.event_text, e.trigger_start, e.trigger_end, e.evidence_start, e.evidence_end, e.sentence, e.confidence,
        e.pattern, int(e.symmetric), e.location, None, doc.source, int(dup),
    )


def event_from_row(r: dict[str, Any]) -> dict[str, Any]:
    """A stored event as a PLOVER-interchange-style dict (see export)."""
    return {
        "id": r["id"],
        "event": r["event"],
        "mode": r["mode"],
        "context": json.loads(r["context"] or "[]"),
        "intensity": r["intensity"],
        "quad": r["quad"],
        "cameo": r["cameo"],
        "actor": {"code": r["actor_code"], "agent": r["actor_agent"], "name": r["actor_name"],
                  "text": r["actor_text"], "start": r["actor_start"], "end": r["actor_end"]},
        "recipient": {"code": r["recipient_code"], "agent": r["recipient_agent"], "name": r["recipient_name"],
                      "text": r["recipient_text"], "start": r["recipient_start"], "end": r["recipient_end"]},
        "negated": bool(r["negated"]),
        "modality": r["modality"],
        "attribution": r["attribution"],
        "attribution_code": r["attribution_code"],
        "date": r["date"],
        "date_precision": r["date_precision"],
        "date_end": r["date_end"],
        "event_text": r["event_text"],
        "text_info": {"sentence": r["sentence"], "start": r["evidence_start"], "end": r["evidence_end"],
                      "trigger_start": r["trigger_start"], "trigger_end": r["trigger_end"]},
        "cite_info": {"doc_id": r["doc_id"], "sentence_idx": r["sentence_idx"], "source": r.get("source")},
        "confidence": r["confidence"],
        "pattern": r["pattern"],
        "symmetric": bool(r["symmetric"]),
        "location": r["location"],
        "cluster_id": r.get("cluster_id"),
        "duplicate_report": bool(r.get("dup")),
    }
