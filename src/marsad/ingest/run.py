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

from ..pipeline import Pipeline, StageError
from ..store.db import Store
from ..store.dedup import NearDuplicates, signature, to_bytes
from .filters import not_article
from .readers import ReadError, iter_files, read_path

BATCH = 50


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

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "errors"}
        d["errors"] = [{"path": e.path, "message": e.message} for e in self.errors]
        return d


def ingest(
    paths: list[str | os.PathLike],
    store: Store,
    pipeline: Pipeline | None = None,
    progress: Callable[[str, int], None] | None = None,
    force: bool = False,
    default_date: str | None = None,
    follow_links: bool = False,
) -> IngestReport:
    """``default_date``: publication date of the documents that bring none of their own (``--date``)."""
    pipeline = pipeline or Pipeline.default()
    report = IngestReport()
    dups = NearDuplicates()
    dups.load(store.minhashes())
    pending: list = []

    def flush() -> None:
        if not pending:
            return
        with store.transaction():
            for item in pending:
                item()
        pending.clear()

    named = {Path(p) for p in paths}  # a file named on purpose is read even if it looks like no article
    for f in iter_files(paths, follow_links):
        if isinstance(f, ReadError):
            report.errors.append(f)
            continue
        why = None if f in named else not_article(f)
        if why:
            report.not_articles += 1
            report.not_article_files.append(f"{f}: {why}")
            continue
        report.files += 1
        st = f.stat()
        if not force and store.file_done(str(f), st.st_size, st.st_mtime):
            if progress:
                progress(str(f), st.st_size)
            continue
        n_docs = n_err = 0
        first_error = ""
        for item in read_path(f):
            if isinstance(item, ReadError):
                report.errors.append(item)
                n_err += 1
                first_error = first_error or item.message
                continue
            n_docs += 1
            report.documents_read += 1
            if "encoding" in item.origin:
                report.encodings[item.origin["encoding"]] = report.encodings.get(item.origin["encoding"], 0) + 1
            if store.has_document(item.id) or any(getattr(p, "doc_id", None) == item.id for p in pending):
                report.skipped += 1
                continue
            if default_date and not item.published:
                item = dataclasses.replace(item, published=default_date,
                                           origin={**item.origin, "published": "--date"})
            try:
                proc = pipeline(item)
            except StageError as e:
                report.errors.append(ReadError(item.path, str(e)))
                n_err += 1
                first_error = first_error or str(e)
                continue
            if item.origin.get("published") == "inferred":  # the publication day itself is a guess
                proc.events = [dataclasses.replace(ev, date_precision="inferred") if ev.date_precision == "document"
                               else ev for ev in proc.events]
            mh = signature(item.text)
            dup_of, score = dups.find(mh)
            if dup_of:
                report.near_duplicates += 1
            else:
                dups.add(item.id, mh)
            report.added += 1
            report.sentences += len(proc.sentences)
            report.mentions += len(proc.mentions)
            report.events += len(proc.events)
            report.undated += sum(1 for ev in proc.events if not ev.date)

            def write(proc=proc, dup_of=dup_of, score=score, mh=mh):
                if store.add_document(proc.doc, proc.sentences, proc.mentions, proc.events,
                                      dup_of=dup_of, dup_score=score, minhash=to_bytes(mh), quads=proc.quads):
                    store.add_candidates(proc.candidates, proc.doc.id)

            write.doc_id = item.id  # type: ignore[attr-defined]
            pending.append(write)
            if len(pending) >= BATCH:
                flush()
        flush()
        status = "done" if n_err == 0 else ("partial" if n_docs else "failed")
        with store.transaction():
            store.record_file(str(f), st.st_size, st.st_mtime, status, n_docs, n_err, first_error)
        if progress:
            progress(str(f), st.st_size)
    if report.added:
        from ..analysis import refresh  # event clusters and dyad-month aggregates the alliance queries read

        refresh(store)
    return report


def total_bytes(paths: list[str | os.PathLike]) -> int:
    return sum(p.stat().st_size for p in iter_files(paths) if isinstance(p, Path))
