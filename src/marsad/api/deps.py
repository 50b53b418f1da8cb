"""Shared request parameters and dependencies of the API routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Path, Query, Request

from ..store.db import Store

DATE = r"^[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
NO_NUL = r"^[^\x00]*$"  # the Guard refuses NUL anywhere in a URL
CODE = r"^[A-Za-z0-9_.-]{1,40}$"

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip (stable order).")]
Since = Annotated[str | None, Query(pattern=DATE, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, Query(pattern=DATE, description="Up to this date, inclusive.")]
AsOf = Annotated[str | None, Query(pattern=DATE, description="Evaluate on this date (default: the latest data).")]
CodeQ = Annotated[str | None, Query(pattern=CODE, description="Actor code (RUS, CSTO, …).")]
CodePath = Annotated[str, Path(pattern=CODE, description="Actor code (RUS, CSTO, …).")]
Text = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]


def full_day(value: str | None, end: bool) -> str | None:
    """YYYY or YYYY-MM as a day: the first day of the period, or its last (``end``) for "as of" dates."""
    if value is None:
        return None
    import calendar
    from datetime import date

    from .errors import ApiError

    parts = [int(x) for x in value.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1)
    last = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (last if end else 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ApiError(422, f"'{value}' is not a calendar date") from None


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.pool.store() as store:
        yield store


def page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"items": items, "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}
