"""Ingest: read files, run the pipeline, store each document atomically. Idempotent and resumable.

- A document already in the store (same content hash) is skipped, so re-running adds nothing.
- Documents are committed in small batches; a killed run loses at most the batch in flight and a
  re-run finishes the job, ending with the same store as an uninterrupted run.
- Files that were fully ingested before (same size and mtime) are skipped without re-reading.
- Bad files or records are reported (file and reason) and the run goes on.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import Pipeline
from ..store.bulk import defer_indexes, restore_indexes, worth_deferring
from ..store.db import Store
from ..store.dedup import NearDuplicates
from .filters import not_article
from .readers import ReadError, iter_files, read_path
from .txt_dates import inferred_date
from .workers import Done, Failed, Runner

BATCH = 200  # documents a transaction: a commit writes every index page it touched again (50: ~12 % more writer CPU)


@dataclass
class IngestReport:
    files: int = 0
    documents_read: int = 0
    added: int = 0
    skipped: int = 0  # already stored
    near_duplicates: int = 0
    sentences: int = 0
    mentions: int = 0
    events: int = 0
    undated: int = 0  # events with no date: kept, but left out of the alliance index
    errors: list[ReadError] = field(default_factory=list)
    not_articles: int = 0  # files met in folders that are not articles (README, images …): skipped
    not_article_files: list[str] = field(default_factory=list)  # "path: why"
    encodings: dict[str, int] = field(default_factory=dict)  # documents read from legacy encodings
    refresh: dict | None = None  # the alliance refresh at the end (mode, events read, clusters written); None: none due

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "errors"}
        d["errors"] = [{"path": e.path, "message": e.message} for e in self.errors]
        return d


@dataclass
class FileStart:
    """Marker at the start of a file's items; the writer counts its failures here."""

    path: str
    size: int
    mtime: float
    skip: bool = False  # ingested before, unchanged
    documents: int = 0
    errors: int = 0
    first_error: str = ""


@dataclass
class FileEnd:
    file: FileStart


def ingest(
    paths: list[str | os.PathLike],
    store: Store,
    pipeline: Pipeline | None = None,
    progress: Callable[[str, int], None] | None = None,
    force: bool = False,
    workers: int = 1,
    on_wait: Callable[[str], None] | None = None,
    default_date: str | None = None,
    follow_links: bool = False,
) -> IngestReport:
    """``workers`` > 1 runs the pipeline in that many processes; this one reads, decides near-duplicates and
    writes, in input order, so the store is the same as with one worker. ``on_wait`` is told when another
    writer holds the store and this ingest waits for it. ``default_date``: publication date of the documents
    that bring none of their own (``--date``); ``follow_links``: follow symlinks out of the given folders."""
    pipeline = pipeline or Pipeline.default()
    report = IngestReport()
    with store.writer_lock(on_wait), store.bulk_writes(), Runner(pipeline, workers) as runner:
        restore_indexes(store)  # left aside by a killed large ingest
        try:
            _ingest(paths, store, runner, report, progress, force, default_date, follow_links)
        finally:
            restore_indexes(store)  # before the refresh reads them (a kill here leaves the next open to it)
        from ..analysis.aggregate import ensure_fresh  # clusters and dyad-month aggregates the alliance reads

        done = ensure_fresh(store)  # also finishes a refresh that an earlier, killed run left pending
        report.refresh = {k: v for k, v in done.items() if k != "seconds"} if done else None  # no timings: same runs, same report
        if done:
            from ..analysis.answers import remake

            remake(store)  # answers asked for before (/api/sources) made again now, not by the next request
    return report


def _ingest(paths, store: Store, runner: Runner, report: IngestReport, progress, force: bool,
            default_date: str | None = None, follow_links: bool = False) -> None:
    from ..analysis.aggregate import mark_pending

    dups = NearDuplicates(store)
    stored_before = store.scalar("SELECT MAX(seq) FROM documents") or 0  # one index seek
    written, aside = 0, False
    sent: set[str] = set()  # ids handed to the pipeline and not yet written
    pending: list[tuple[Done, str | None, float | None, list[int]]] = []

    named = {Path(p) for p in paths}  # a file named on purpose is read even if it looks like no article

    def items():
        for f in iter_files(paths, follow_links):
            if isinstance(f, ReadError):
                yield f
                continue
            why = None if f in named else not_article(f)
            if why:
                report.not_articles += 1
                report.not_article_files.append(f"{f}: {why}")
                continue
            report.files += 1
            st = f.stat()
            fs = FileStart(str(f), st.st_size, st.st_mtime)
            if not force and store.file_done(fs.path, fs.size, fs.mtime):
                fs.skip = True
                yield FileEnd(fs)
                continue
            yield fs
            for item in read_path(f):
                if isinstance(item, ReadError):
                    yield item
                    continue
                fs.documents += 1
                report.documents_read += 1
                if "encoding" in item.origin:
                    report.encodings[item.origin["encoding"]] = report.encodings.get(item.origin["encoding"], 0) + 1
                if item.id in sent or store.has_document(item.id):
                    report.skipped += 1
                    continue
                sent.add(item.id)
                if default_date and not item.published:
                    item = dataclasses.replace(item, published=default_date,
                                               origin={**item.origin, "published": "--date"})
                elif not item.published and (guess := inferred_date(item.text)):  # html, jsonl, feeds as .txt
                    item = dataclasses.replace(item, published=guess, origin={**item.origin, "published": "inferred"})
                yield item
            yield FileEnd(fs)

    def flush() -> None:
        nonlocal written, aside
        if not pending:
            return
        with store.transaction():
            for done, dup_of, score, keys in pending:
                if store.add_document_rows(done.doc, done.rows, dup_of=dup_of, dup_score=score,
                                           minhash=done.minhash, bands=() if dup_of else keys):
                    store.add_candidates(done.candidates, done.doc.id)
            mark_pending(store)
        dups.written()
        sent.difference_update(d.doc.id for d, *_ in pending)
        written += len(pending)
        pending.clear()
        if not aside and worth_deferring(written, stored_before):  # a large load: indexes built after, in one pass
            aside = True
            defer_indexes(store)

    current: FileStart | None = None
    for out in runner.ordered(items()):
        if isinstance(out, Done):
            dup_of, score, keys = dups.find(out.minhash)
            if dup_of:
                report.near_duplicates += 1
            else:
                dups.add(out.doc.id, out.minhash, keys)
            report.added += 1
            report.sentences += len(out.rows.sentences)
            report.mentions += len(out.rows.mentions)
            report.events += len(out.rows.events)
            report.undated += out.undated
            pending.append((out, dup_of, score, keys))
            if len(pending) >= BATCH:
                flush()
        elif isinstance(out, (ReadError, Failed)):
            e = out if isinstance(out, ReadError) else ReadError(out.doc.path or (current.path if current else ""),
                                                                  out.reason)
            report.errors.append(e)
            if current is not None:  # a record of the file being read (not a path that could not be walked)
                current.errors += 1
                current.first_error = current.first_error or e.message
        elif isinstance(out, FileStart):
            current = out
        elif isinstance(out, FileEnd):
            fs = out.file
            if not fs.skip:
                flush()
                status = "done" if fs.errors == 0 else ("partial" if fs.documents else "failed")
                with store.transaction():
                    store.record_file(fs.path, fs.size, fs.mtime, status, fs.documents, fs.errors, fs.first_error)
            current = None
            if progress:
                progress(fs.path, fs.size)
    flush()


def total_bytes(paths: list[str | os.PathLike]) -> int:
    return sum(p.stat().st_size for p in iter_files(paths) if isinstance(p, Path))
