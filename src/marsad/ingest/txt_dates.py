"""Publication dates for plain-text files, which carry no metadata: from a leading date in the file name
(``2024-06-19-armenia.txt``, ``20240619_x.txt``) or from a header line among the first lines of the text
(``Date: 2024-06-19``, ``التاريخ: 2024-06-19``, also with Arabic-Indic digits). The header wins over the name."""

from __future__ import annotations

import datetime as dt
import re

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NAME = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[-_ .]|$)")
_HEADER = re.compile(r"^\s*(?:date|published|التاريخ|تاريخ النشر)\s*[:：]\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$",
                     re.IGNORECASE)
HEADER_LINES = 5  # a date header is looked for among the first non-empty lines only


def _valid(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def header_date(text: str) -> tuple[str | None, int | None]:
    """(date, index of the header line among the text's lines) or (None, None)."""
    seen = 0
    for i, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        m = _HEADER.match(line.translate(_DIGITS))
        if m:
            return _valid(*m.groups()), i
        seen += 1
        if seen >= HEADER_LINES:
            break
    return None, None


def name_date(name: str) -> str | None:
    m = _NAME.match(name)
    return _valid(*m.groups()) if m else None


def txt_date(name: str, text: str) -> tuple[str | None, str | None]:
    """(date, where it came from: "header" | "file name") or (None, None)."""
    d, _ = header_date(text)
    if d:
        return d, "header"
    d = name_date(name)
    return (d, "file name") if d else (None, None)
