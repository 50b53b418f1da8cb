"""The writer lock of a SQLite store: an exclusive ``flock`` on a file beside it.

Two ingests on one store would otherwise interleave, and each would decide near-duplicates without seeing
the other's documents. The kernel drops the lock when its process ends, even by kill -9, so a crash never
leaves a store locked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .errors import WriterBusy

try:
    import fcntl
except ImportError:  # not POSIX: no lock (a single writer is then the user's business)
    fcntl = None  # type: ignore[assignment]


@contextmanager
def file_lock(path: str | None, what: str, on_wait: Callable[[str], None] | None = None,
              wait: bool = True) -> Iterator[None]:
    if path is None or fcntl is None:
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise WriterBusy(f"{what}: another writer is running") from None
            if on_wait:
                on_wait(f"{what}: another writer is running; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
