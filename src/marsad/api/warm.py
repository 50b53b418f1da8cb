"""Load the read-only data the read endpoints share before the server takes requests.

These tables (ties, actor names, framing terms, the ontology) are built on first use and cached per process.
Built lazily inside a request, a cold server under load builds them once per worker thread at the same time
(a cache does not stop concurrent first calls): 40 threads each loading the ties file kept 50 readers waiting
25-30 s. Built here, once, requests only ever read them.
"""

from __future__ import annotations

import logging

log = logging.getLogger("marsad.api")


def warm_caches() -> list[str]:
    """Build every shared table the read endpoints use; returns the names built. A table whose module is
    missing from this build is skipped (its endpoint answers 501 anyway)."""
    from ..events.ontology import load_ontology
    from .actors import formal_ties

    built = []
    load_ontology()
    formal_ties("RUS")  # parses organisations.yaml and treaties.yaml once
    built += ["ontology", "formal ties"]
    try:
        from ..analysis.api import allies  # noqa: F401  (imports the query modules once, not under load)
        from ..analysis.framing_terms import load_framing
        from ..analysis.reader import actor_index
        from ..analysis.ties import bundled_ties
    except ImportError as e:
        log.warning("alliance analysis not warmed (%s)", e)
        return built
    bundled_ties()
    actor_index()
    load_framing(None)  # the key the endpoints use (lru_cache tells f() from f(None))
    return built + ["ties", "actor names", "framing terms"]
