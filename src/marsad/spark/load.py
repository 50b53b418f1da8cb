"""``marsad spark load OUTPUT --db ...``: put a Spark ingest's Parquet output into a store (SQLite or
PostgreSQL), then refresh clusters and dyad-month aggregates there, so that ``marsad serve`` and every
analysis command work on it. Needs pyarrow only. Documents already in the store are skipped, as by
``marsad ingest``; a killed load is finished by running it again."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..store.db import EVENT_INSERT, MENTION_INSERT, SENTENCE_INSERT, Store
from ..store.dedup import BANDS_META, index_layout

BATCH = 2000
DOC_COLUMNS = ["id", "source", "url", "path", "title", "published", "language", "text", "origin", "dup_of",
               "dup_score", "minhash", "seq"]


def _table(folder: Path, name: str, columns: list[str] | None = None, sort: list[str] | None = None):
    import pyarrow.dataset as ds

    path = folder / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: missing; is {folder} the OUTPUT of 'marsad spark ingest'?")
    t = ds.dataset(str(path), format="parquet", partitioning="hive").to_table(columns=columns)
    return t.sort_by([(c, "ascending") for c in sort]) if sort else t


def _rows(table, columns: list[str]) -> Iterator[tuple]:
    for batch in table.select(columns).to_batches(BATCH):
        yield from zip(*(batch.column(c).to_pylist() for c in columns), strict=True)


def load(output: str | Path, store: Store, log: Callable[[str], None] = lambda m: None) -> dict:
    folder = Path(output)
    docs = _table(folder, "documents", DOC_COLUMNS, sort=["seq"])
    with store.writer_lock():
        base = store.scalar("SELECT MAX(seq) FROM documents") or 0
        now = datetime.now(UTC).isoformat(timespec="seconds")
        have = {r[0] for r in store.execute("SELECT id FROM documents").fetchall()}
        new_ids: set[str] = set()
        batch: list[tuple] = []
        seq_of: dict[int, int] = {}

        def flush() -> None:
            with store.transaction():
                store.executemany(
                    """INSERT INTO documents (id, source, url, path, title, published, language, text, origin,
                           ingested_at, dup_of, dup_score, minhash, seq)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""", batch)
            batch.clear()

        for r in _rows(docs, DOC_COLUMNS):
            if r[0] in have:
                continue
            seq = base + len(new_ids) + 1
            new_ids.add(r[0])
            seq_of[r[12]] = seq
            batch.append((*r[:9], now, r[9], r[10], r[11], seq))
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
        log(f"documents: {len(new_ids)} new")
        for name, sql in (("sentences", SENTENCE_INSERT), ("mentions", MENTION_INSERT), ("events", EVENT_INSERT)):
            t = _table(folder, name)
            cols = [c for c in t.column_names if c != "month"]
            n = 0
            for chunk in _chunks((r for r in _rows(t, cols) if r[cols.index("doc_id")] in new_ids), BATCH):
                with store.transaction():
                    store.executemany(sql, chunk)
                n += len(chunk)
            log(f"{name}: {n}")
        cands = _table(folder, "candidates", sort=["seq", "pos"])
        with store.transaction():
            for name, title, code, agent, example, doc_id in _rows(
                    cands, ["name", "title", "guess_code", "guess_agent", "example", "doc_id"]):
                if doc_id in new_ids:
                    store.execute(
                        """INSERT INTO candidates (name, title, guess_code, guess_agent, count, example, doc_id, status)
                           VALUES (?, ?, ?, ?, 1, ?, ?, 'new')
                           ON CONFLICT (name) DO UPDATE SET count = candidates.count + 1""",
                        (name, title, code, agent, example, doc_id))
        bands = _table(folder, "near_dup_bands")
        for chunk in _chunks(((k, seq_of[s]) for k, s in _rows(bands, ["key", "seq"]) if s in seq_of), BATCH):
            with store.transaction():
                store.executemany("INSERT INTO near_dup_bands (key, seq) VALUES (?, ?)", chunk)
        from ..analysis.aggregate import ensure_fresh, mark_pending

        with store.transaction():
            mark_pending(store)
            if base == 0:  # the band table is complete: no rebuild from signatures needed
                store._set_meta(BANDS_META, index_layout())
        refreshed = ensure_fresh(store)
    summary = {"documents": len(new_ids), "refresh": refreshed}
    marker = folder / "_marsad.json"
    if marker.exists():
        summary["job"] = json.loads(marker.read_text(encoding="utf-8"))
    return summary


def _chunks(it, n: int) -> Iterator[list]:
    buf: list = []
    for x in it:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf
