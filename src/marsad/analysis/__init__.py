"""The alliance knowledge graph: formal ties, clustered events, alignment scores and their explanations.

``refresh(store)`` keeps the precomputed clusters and dyad x month aggregates up to date (call it after
every ingest); the query functions live in ``marsad.analysis.api``.
"""

from __future__ import annotations

from .aggregate import refresh

__all__ = ["refresh", "allies", "dyad", "drift", "blocs", "whatif_attack", "sources", "suggest_ties"]


def __getattr__(name: str):
    # The query functions load lazily so that ``refresh`` at the end of an ingest stays cheap to import.
    if name in ("allies", "dyad", "drift", "blocs", "whatif_attack", "network"):
        from . import api

        return getattr(api, name)
    if name == "sources":
        from .sources import sources

        return sources
    if name == "suggest_ties":
        from .suggest import suggest_ties

        return suggest_ties
    raise AttributeError(name)
