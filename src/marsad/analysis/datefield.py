"""A date field of the ties data files: ``YYYY-MM-DD`` (YAML may already give a date), else a named problem."""

from __future__ import annotations

import datetime as dt
from typing import Any


def iso_date(v: Any, where: str, problems: list[str]) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    try:
        return dt.date.fromisoformat(str(v)).isoformat()
    except ValueError:
        problems.append(f"{where}: '{v}' is not a YYYY-MM-DD date")
        return None
