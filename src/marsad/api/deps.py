"""Shared request parameters and dependencies of the API routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Path, Query, Request

from ..store.db import Store

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE = r"^[A-Za-z0-9_.-]{1,40}$"

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip (stable order).")]
Since = Annotated[str | None, Query(pattern=DATE, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, Query(pattern=DATE, description="Up to this date, inclusive.")]
AsOf = Annotated[str | None, Query(pattern=DATE, description="Evaluate on this date (default: the latest data).")]
CodeQ = Annotated[str | None, Query(pattern=CODE, description="Actor code (RUS, CSTO, …).")]
CodePath = Annotated[str, Path(pattern=CODE, description="Actor code (RUS, CSTO, …).")]
Text = Annotated[str | None, Query(max_length=200)]


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.pool.store() as store:
        yield store


def page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"items": items, "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}
