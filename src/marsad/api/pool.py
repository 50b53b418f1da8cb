"""Store connections for request handlers: one per request, reused afterwards.

A connection is never shared by two requests at once (a SQLite connection inside another request's write
transaction would see uncommitted rows). Handlers never wait for a connection: when none is idle a new one is
opened, and at most ``size`` idle ones are kept.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..store.db import Store


class StorePool:
    def __init__(self, url: str, size: int = 8):
        self.url = url
        self.size = size
        self._idle: list[Store] = []
        self._lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = Store.open(self.url, migrate=False)
        healthy = False
        try:
            yield store
            healthy = True
        except Exception as e:
            # expected request errors (404, bad input) leave the connection usable; database errors may not
            healthy = getattr(e, "keeps_connection", False)
            raise
        finally:
            with self._lock:
                keep = healthy and len(self._idle) < self.size
                if keep:
                    self._idle.append(store)
            if not keep:
                store.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for s in idle:
            s.close()
