"""Errors of the store, apart from ``db`` so that the lock helpers can raise them without importing it."""

from __future__ import annotations


class StoreError(RuntimeError):
    pass


class WriterBusy(StoreError):
    """Another process holds the store's writer lock (raised only when asked not to wait)."""
