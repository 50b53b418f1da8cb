"""Running the pipeline on several cores while one process writes, in input order.

Work items are documents; markers (a file's end, say) travel in the same ordered stream without going to a
worker, so the writer sees everything in exactly the order of one worker. Documents go to workers in small
batches with a bounded number of batches in flight, so memory does not grow with the input.

Workers are forked: each inherits the parent's loaded Pipeline (dictionaries, lexicon) instead of loading
or unpickling it again. Where fork is not available, processing stays in this process.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing as mp
import os
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..pipeline import Pipeline, StageError
from ..records import Document
from ..store.db import DocumentRows
from ..store.dedup import signature, to_bytes

BATCH_DOCS = 8  # documents per task: enough to hide the cost of passing them, small enough to balance


@dataclass
class Done:
    """A processed document as the store keeps it: its rows (built here, in the worker, so that the writer
    only writes), unknown-name candidates and MinHash signature."""

    doc: Document
    rows: DocumentRows
    candidates: list
    minhash: bytes
    undated: int = 0  # events with no date: kept, but left out of the alliance index


@dataclass
class Failed:
    doc: Document
    reason: str


def process(pipeline: Pipeline, doc: Document) -> Done | Failed:
    """One document, guarded: a failure names the document and the run goes on."""
    try:
        p = pipeline(doc)
        if doc.origin.get("published") == "inferred":  # the publication day itself is a guess
            p.events = [dataclasses.replace(ev, date_precision="inferred") if ev.date_precision == "document"
                        else ev for ev in p.events]
        return Done(p.doc, DocumentRows.of(p.doc, p.sentences, p.mentions, p.events, p.quads), p.candidates,
                    to_bytes(signature(doc.text)), sum(1 for ev in p.events if not ev.date))
    except StageError as e:  # names the stage that failed on this document
        return Failed(doc, str(e))
    except Exception as e:  # noqa: BLE001 - any bug on one record must not stop the others
        last = traceback.extract_tb(e.__traceback__)[-1]
        return Failed(doc, f"pipeline failed: {type(e).__name__}: {e} ({os.path.basename(last.filename)}:{last.lineno})")


# A forked worker's own pipeline: set once by the pool initializer, in the worker process only.
_worker_pipeline: Pipeline | None = None


def _init(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline


def _run(docs: list[Document]) -> list[Done | Failed]:
    """A batch in a worker. The results go back without their documents (a fifth of the bytes passed): the
    parent still holds the batch and puts each back (``_with_docs``); stages never replace ``p.doc``."""
    assert _worker_pipeline is not None
    out = [process(_worker_pipeline, d) for d in docs]
    for r in out:
        r.doc = None
    return out


def _with_docs(results: list[Done | Failed], docs: list[Document]) -> list[Done | Failed]:
    for r, d in zip(results, docs, strict=True):
        r.doc = d
    return results


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class Runner:
    """``Runner(pipeline, workers)`` as a context manager; ``ordered(items)`` maps every Document item to a
    ``Done``/``Failed`` and passes other items through, all in input order."""

    def __init__(self, pipeline: Pipeline, workers: int = 1):
        self.pipeline = pipeline
        self.workers = max(1, workers)
        if self.workers > 1 and "fork" not in mp.get_all_start_methods():
            self.workers = 1
        self.pool = None

    def __enter__(self) -> Runner:
        # Objects alive now (the loaded dictionaries) leave the collector's view: collections no longer walk them
        # (about 0.1 s per 2 MB in one process), and in workers they do not touch, and copy, every shared page.
        gc.freeze()
        if self.workers > 1:
            self.pool = mp.get_context("fork").Pool(self.workers, initializer=_init, initargs=(self.pipeline,))
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()  # nothing is left in flight once ordered() is exhausted; on error, stop now
            self.pool.join()
            self.pool = None
        gc.unfreeze()

    def ordered(self, items: Iterable[Any]) -> Iterator[Any]:
        if self.pool is None:
            for it in items:
                yield process(self.pipeline, it) if isinstance(it, Document) else it
            return
        window = 3 * self.workers
        queue: deque = deque()  # ("task", (AsyncResult, its documents)) | ("item", marker), in input order
        tasks = 0
        batch: list[Document] = []

        def submit() -> None:
            nonlocal batch, tasks
            if batch:
                queue.append(("task", (self.pool.apply_async(_run, (batch,)), batch)))
                tasks += 1
                batch = []

        def drain(keep: int) -> Iterator[Any]:
            nonlocal tasks
            while queue and (tasks > keep or queue[0][0] == "item"):
                kind, x = queue.popleft()
                if kind == "task":
                    tasks -= 1
                    yield from _with_docs(x[0].get(), x[1])
                else:
                    yield x

        for it in items:
            if isinstance(it, Document):
                batch.append(it)
                if len(batch) >= BATCH_DOCS:
                    submit()
            else:
                submit()
                queue.append(("item", it))
            yield from drain(window)
        submit()
        yield from drain(0)
