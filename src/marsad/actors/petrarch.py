"""Import PETRARCH / UniversalPetrarch actor dictionaries (TABARI format), so users' dictionaries keep working.

Format read here:
    VLADIMIR_PUTIN_  [RUSGOV 000507-080507] [RUSGOV >120507]   # name line, words joined by _
    +PUTIN_                                                   # synonyms
    [RUSGOV <000506]                                          # codes may also stand on their own lines
Dates are YYMMDD (years < 50 are 20xx) or YYYYMMDD; `<D` = until D, `>D` = from D, `D1-D2` = interval.
A code such as RUSGOV is read as country RUS + agent GOV; a bare code (RUS, NATO) as is.
Each entry becomes a dictionary person-style entry whose dated codes are its roles.
"""

from __future__ import annotations

import re
from pathlib import Path

from .dictionary import AGENTS, DictionaryBuilder, Entry, Role

_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")


def parse_date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy < 50 else 1900 + yy
        return f"{year:04d}-{s[2:4]}-{s[4:6]}"
    if len(s) == 8:
        return f"{s[:4]}-{s[4:6]}-{s[6:8]}"
    raise ValueError(f"bad date '{s}' (want YYMMDD or YYYYMMDD)")


def split_code(code: str) -> tuple[str, str | None]:
    if len(code) >= 6 and code[3:6] in AGENTS:
        return code[:3], code[3:6]
    return code, None


def parse_codes(text: str, where: str) -> list[Role]:
    roles = []
    for m in _CODE.finditer(text):
        code, span = m.group(1), (m.group(2) or "").strip()
        start = end = None
        if span.startswith("<"):
            end = parse_date(span[1:])
        elif span.startswith(">"):
            start = parse_date(span[1:])
        elif "-" in span:
            a, b = span.split("-", 1)
            start = parse_date(a) if a.strip() else None
            end = parse_date(b) if b.strip() else None
        elif span:
            raise ValueError(f"{where}: cannot read date '{span}'")
        country, agent = split_code(code)
        roles.append(Role(country, agent, "petrarch", start, end))
    return roles


def _name(token: str) -> str:
    return token.strip().strip("+").replace("_", " ").strip()


def load_petrarch(path: Path, b: DictionaryBuilder) -> int:
    """Add the entries of a PETRARCH actor file to the builder; returns how many entries were read."""
    current: Entry | None = None
    count = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        b.d.problems.append(f"{path}: cannot read PETRARCH file ({e})")
        return 0
    for lineno, raw in enumerate(lines, 1):
        where = f"{path.name}:{lineno}"
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        try:
            roles = parse_codes(line, where)
        except ValueError as e:
            b.d.problems.append(str(e))
            continue
        head = _CODE.sub("", line).strip()
        if head.startswith("+"):
            if current is None:
                b.d.problems.append(f"{where}: synonym before any entry")
                continue
            b.add_name(_name(head), current.id, None, None, "person")
        elif head:
            count += 1
            slug = re.sub(r"[^a-z0-9]+", "-", head.lower()).strip("-")
            pid = f"petrarch-{slug}" if slug else f"petrarch-{re.sub(r'[^a-z0-9]+', '-', path.stem.lower())}-{lineno}"
            current = Entry(pid, "person", en=_name(head), ar=_name(head), file=path.name, source="petrarch")
            if pid in b.d.entries:
                current = b.d.entries[pid]
            else:
                b.d.entries[pid] = current
            b.add_name(_name(head), pid, None, None, "person")
        if roles:
            if current is None:
                b.d.problems.append(f"{where}: code before any entry")
                continue
            current.roles.extend(roles)
    for e in b.d.entries.values():
        if e.source == "petrarch" and not e.roles:
            b.d.problems.append(f"{path.name}: entry {e.en} has no code")
    return count
