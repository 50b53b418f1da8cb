"""Make again, after an ingest, the kept answers that were asked for before (store/answers.py), so that the
first request after new documents does not pay for them."""

from __future__ import annotations

import logging

from ..store.answers import asked, stats
from ..store.db import Store
from .sources import sources

log = logging.getLogger("marsad.analysis")
KEPT = {
    "sources": sources,
    "stats": stats,
}


def remake(store: Store) -> list[str]:
    """Names of the answers made again (each only if the store changed since it was kept)."""
    done = []
    for name, params in asked(store):
        if name not in KEPT:
            continue
        try:
            KEPT[name](store, **params)
        except Exception as e:  # the documents are stored: a kept answer that fails is made by the next request
            store.rollback_quietly()
            log.warning("%s: kept answer %s not made again (%s)", store.url, name, e)
            continue
        done.append(name)
    return done
