"""PostgreSQL store over psycopg 3: same schema, same SQL (``?`` placeholders rewritten), same results.

The connection runs in autocommit mode; ``transaction()`` opens an explicit transaction, so a document and
everything derived from it are still written atomically. Migrations take an advisory lock, so two servers
starting on one empty database do not both create the schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .db import Store, StoreError, WriterBusy

MIGRATION_LOCK = 0x6D61_7273  # arbitrary constant shared by every Marsad process ("mars")
WRITER_LOCK = 0x6D61_7277  # held by the one writer (ingest, refresh) of a database ("marw")
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[?%]|\b[A-Za-z_][A-Za-z0-9_]*\b")
# Column names of the portable schema that PostgreSQL reserves: quoted wherever they appear.
RESERVED = frozenset({"symmetric"})


def rewrite(sql: str, params: bool = True) -> str:
    """For psycopg: ``?`` -> ``%s`` and ``%`` -> ``%%`` (when there are parameters) and reserved column
    names quoted, all outside quoted literals and identifiers."""

    def sub(m: re.Match) -> str:
        tok = m.group(0)
        if tok == "?" and params:
            return "%s"
        if tok == "%" and params:
            return "%%"
        if tok.lower() in RESERVED:
            return f'"{tok.lower()}"'
        return tok

    return _TOKENS.sub(sub, sql)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore(Store):
    dialect = "postgresql"
    schemes = ("postgresql://", "postgres://")

    @classmethod
    def connect(cls, url: str) -> PostgresStore:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'marsad[server]'") from None
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=15)
        except psycopg.Error as e:
            raise StoreError(f"{redact(url)}: cannot connect ({str(e).strip()})") from None
        return cls(conn, url)

    # -- low level -------------------------------------------------------------------------------
    def q(self, sql: str) -> str:
        return rewrite(sql)

    def execute(self, sql: str, params: Sequence[Any] = ()):
        if not params:  # psycopg leaves % alone when there are no parameters
            return self.conn.execute(rewrite(sql, params=False))
        return self.conn.execute(self.q(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self.q(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # psycopg issues BEGIN / COMMIT, or ROLLBACK when the block raises
        with self.conn.transaction():
            yield

    @contextmanager
    def _writer_lock(self, on_wait: Callable[[str], None] | None, wait: bool) -> Iterator[None]:
        """A session advisory lock: the server releases it if this process dies."""
        if not self.scalar("SELECT pg_try_advisory_lock(?)", (WRITER_LOCK,)):
            if not wait:
                raise WriterBusy(f"{redact(self.url)}: another writer is running")
            if on_wait:
                on_wait(f"{redact(self.url)}: another writer is running; waiting for it to finish")
            self.execute("SELECT pg_advisory_lock(?)", (WRITER_LOCK,))
        try:
            yield
        finally:
            self.rollback_quietly()
            self.execute("SELECT pg_advisory_unlock(?)", (WRITER_LOCK,))

    # -- schema ----------------------------------------------------------------------------------
    def version(self) -> int:
        if self.scalar("SELECT to_regclass('meta')") is None:
            return 0
        return super().version()

    def rollback_quietly(self) -> None:
        from psycopg.pq import TransactionStatus

        if self.conn.info.transaction_status == TransactionStatus.INERROR:
            try:
                self.conn.execute("ROLLBACK")
            except Exception:  # the connection is gone; the caller's next statement reports it
                pass

    def migrate(self) -> list[str]:
        self.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
        try:
            return super().migrate()
        finally:
            self.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
