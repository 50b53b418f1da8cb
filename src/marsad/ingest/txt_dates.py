"""Publication dates for plain-text files, which carry no metadata: from a leading date in the file name
(``2024-06-19-armenia.txt``, ``20240619_x.txt``) or from a header line among the first lines of the text
(``Date: 2024-06-19``, ``التاريخ: 2024-06-19``, also with Arabic-Indic digits). The header wins over the name.
Failing both, ``inferred_date`` takes the latest full date the text itself names (2024-06-19, 19/6/2024,
19 يونيو 2024, 19 حزيران/يونيو 2024): news reports what happened up to its publication, so the latest date it
names is the best guess of that day; events dated from it get the precision ``inferred``."""

from __future__ import annotations

import datetime as dt
import re

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NAME = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[-_ .]|$)")
_HEADER = re.compile(r"^\s*(?:date|published|التاريخ|تاريخ النشر)\s*[:：]\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$",
                     re.IGNORECASE)
HEADER_LINES = 5  # a date header is looked for among the first non-empty lines only
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DMY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_PUNCT = ".,،؛;:!?؟()[]«»\"'-–"


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


def inferred_date(text: str, today: str | None = None) -> str | None:
    """The latest full date (day, month, year) named in the text, not after today; None when it names none."""
    from ..events.dates import month_names
    from ..text.normalize import normalize

    norm = normalize(text)
    found = [_valid(y, m, d) for y, m, d in _ISO.findall(norm)]
    found += [_valid(y, m, d) for d, m, y in _DMY.findall(norm)]
    single, _ = month_names()
    words = [w.strip(_PUNCT) for w in norm.split()]  # "14 يوليو 2015." ends a sentence
    for i in range(len(words) - 2):
        if not words[i].isdigit() or len(words[i]) > 2 or not (words[i + 2].isdigit() and len(words[i + 2]) == 4):
            continue
        names = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words[i + 1].split("/")]
        month = next((single[n] for n in names if n in single), None)
        if month:
            found.append(_valid(words[i + 2], str(month), words[i]))
    limit = today or dt.date.today().isoformat()
    dates = [d for d in found if d and "1950-01-01" <= d <= limit]
    return max(dates) if dates else None
