"""Make again, after an ingest, the kept answers that were asked for before (store/answers.py), so that the
first request after new documents does not pay for them."""

from __future__ import annotations

from ..store.answers import asked
from ..store.db import Store
from .sources import sources

KEPT = {
    "sources": sources,
    "stats": lambda store: store.stats(),
}


def remake(store: Store) -> list[str]:
    """Names of the answers made again (each only if the store changed since it was kept)."""
    done = []
    for name, params in asked(store):
        if name in KEPT:
            KEPT[name](store, **params)
            done.append(name)
    return done
