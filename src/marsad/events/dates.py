"""Arabic date expressions in a sentence, resolved against the article's publication date.

Month names come from CLDR via babel (Egyptian/Gulf يناير…, Levantine/Iraqi كانون الثاني…, Maghreb جانفي…),
plus spellings CLDR lacks (يونيه، يوليه، اغسطس). Handles "19 يونيو/حزيران 2024", "يونيو/حزيران 2022",
"مع نهاية عام ٢٠٢٤", "15 أغسطس", "الأربعاء الماضي", "أمس", "الشهر الماضي", "للفترة 2025-2026", "19/6/2024".
dateparser was tried first and left out of the hot path: it misses حزيران, "يونيو/حزيران 2022", final ى and
weekday-relative forms, reads "66%" as a date, and costs milliseconds a call.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Token
from ..text.normalize import normalize

PRECISIONS = ("day", "month", "year", "range", "document", "unknown")


@dataclass(slots=True)
class DateExpr:
    start: int  # token indices
    end: int
    date: str
    precision: str  # day | month | year | range
    date_end: str | None = None


@lru_cache(maxsize=1)
def month_names() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    from babel.dates import get_month_names

    single: dict[str, int] = {}
    double: dict[tuple[str, str], int] = {}
    for loc in ("ar", "ar_EG", "ar_SY", "ar_IQ", "ar_DZ", "ar_TN", "ar_MA"):
        for num, name in get_month_names("wide", locale=loc).items():
            words = tuple(_key(w) for w in normalize(name).split())
            if len(words) == 1:
                single[words[0]] = num
            else:
                double[words[:2]] = num
    for name, num in {"يونيه": 6, "يوليه": 7, "اغسطس": 8, "ابريل": 4, "افريل": 4, "فبراير": 2, "اكتوبر": 10,
                      "نوفمبر": 11, "ديسمبر": 12, "سبتمبر": 9, "اوت": 8}.items():
        single[name] = num
    return single, double


@lru_cache(maxsize=1)
def weekday_names() -> dict[str, int]:
    from babel.dates import get_day_names

    return {_key(normalize(n)): d for d, n in get_day_names("wide", locale="ar").items()}  # Monday = 0


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Keys a date expression can start with, besides digits and the relative days."""
    single, double = month_names()
    return frozenset(single) | {a for a, _ in double} | frozenset(weekday_names()) | {"شهر", "اسبوع", "عام", "سنه"}


def _key(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_YEAR_WIDE = re.compile(r"^(1[89]\d\d|20[0-9]\d)$")  # with عام/سنة before or م after: any modern year
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
RELATIVE_DAYS = {"امس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "الغد": 1}
PAST = {"ماضي", "منصرم", "فائت", "سابق"}
NEXT = {"مقبل", "قادم", "تالي"}
YEAR_WORDS = {"عام", "سنه", "العام", "السنه", "عامي"}


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(d: dt.date, k: int) -> tuple[int, int]:
    m = d.month - 1 + k
    return d.year + m // 12, m % 12 + 1


def find_dates(tokens: list[Token], published: str | None) -> list[DateExpr]:
    single, double = month_names()
    days = weekday_names()
    ref = dt.date.fromisoformat(published) if published else None
    out: list[DateExpr] = []
    n = len(tokens)
    keys = [_key(t.base if t.base else t.norm) for t in tokens]
    norms = [t.norm for t in tokens]
    starts = _starters()
    if not any(k in starts or w[:1].isdigit() or w in RELATIVE_DAYS for k, w in zip(keys, norms, strict=True)) \
            and not any(t.base == "امس" for t in tokens):
        return out  # no word a date can start with (most sentences): the scan below would find nothing

    def month_at(i: int) -> tuple[int, int] | None:
        """(month, tokens used) at i, with an optional '/other name' after it."""
        if i >= n:
            return None
        m, used = None, 0
        if i + 1 < n and (keys[i], _key(norms[i + 1])) in double:
            m, used = double[(keys[i], _key(norms[i + 1]))], 2
        elif keys[i] in single:
            m, used = single[keys[i]], 1
        if m is None:
            return None
        j = i + used
        if j + 1 < n and norms[j] in ("/", "-", "(") and month_at_simple(j + 1):
            used += 1 + month_at_simple(j + 1)[1]
            if i + used < n and norms[i + used] == ")":
                used += 1
        return m, used

    def month_at_simple(i: int) -> tuple[int, int] | None:
        if i + 1 < n and (keys[i], _key(norms[i + 1])) in double:
            return double[(keys[i], _key(norms[i + 1]))], 2
        if i < n and keys[i] in single:
            return single[keys[i]], 1
        return None

    def year_at(i: int) -> int | None:
        return int(norms[i]) if i < n and _YEAR.match(norms[i]) else None

    i = 0
    while i < n:
        t = norms[i]
        # 19/6/2024
        m = _DMY.match(t)
        if m:
            d = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                out.append(DateExpr(i, i + 1, d.isoformat(), "day"))
                i += 1
                continue
        # DAY MONTH [YEAR]
        if t.isdigit() and 1 <= int(t) <= 31:
            mm = month_at(i + 1)
            if mm:
                month, used = mm
                j = i + 1 + used
                y = year_at(j)
                if y is None and ref:
                    y = ref.year
                    cand = _safe(y, month, int(t))
                    if cand and cand > ref + dt.timedelta(days=7):
                        y -= 1
                elif y is not None:
                    j += 1
                if y is not None:
                    d = _safe(y, month, int(t))
                    if d:
                        out.append(DateExpr(i, j, d.isoformat(), "day"))
                        i = j
                        continue
        # MONTH YEAR / MONTH (this or last year)
        mm = month_at(i)
        if mm and (i == 0 or not norms[i - 1].isdigit()):
            month, used = mm
            j = i + used
            y = year_at(j)
            if y is None and j < n and norms[j] in YEAR_WORDS:
                y = year_at(j + 1)
                j += 1 if y else 0
            if y is not None:
                out.append(DateExpr(i, j + 1, f"{y:04d}-{month:02d}-01", "month"))
                i = j + 1
                continue
            if ref and (i > 0 and norms[i - 1] in ("في", "منذ", "خلال", "منتصف", "اواخر", "اوائل", "مطلع", "نهايه", "بدايه", "شهر")):
                y = ref.year if month <= ref.month else ref.year - 1
                out.append(DateExpr(i, j, f"{y:04d}-{month:02d}-01", "month"))
                i = j
                continue
        # YEAR - YEAR ranges and "عام YEAR"
        y = year_at(i)
        if y is None and _YEAR_WIDE.match(t) and ((i and norms[i - 1] in YEAR_WORDS) or (i + 1 < n and norms[i + 1] == "م")):
            y = int(t)  # "عام 1932"، "سنة 1926م"
        if y is not None:
            if i + 2 < n and norms[i + 1] in ("-", "/", "و", "الي", "حتي") and year_at(i + 2):
                y2 = year_at(i + 2)
                if y2 and y2 > y:
                    out.append(DateExpr(i, i + 3, f"{y:04d}-01-01", "range", f"{y2:04d}-12-31"))
                    i += 3
                    continue
            prev = norms[i - 1] if i else ""
            prev2 = norms[i - 2] if i > 1 else ""
            if prev in YEAR_WORDS or prev in ("في", "منذ", "حتي", "خلال") or keys[i - 1 if i else 0] in YEAR_WORDS \
                    or (i + 1 < n and norms[i + 1] == "م"):
                if prev2 in ("نهايه", "اواخر", "ختام"):
                    out.append(DateExpr(i - 2, i + 1, f"{y:04d}-12-01", "month"))
                elif i > 2 and norms[i - 3] in ("نهايه", "اواخر"):
                    out.append(DateExpr(i - 3, i + 1, f"{y:04d}-12-01", "month"))
                elif prev2 in ("بدايه", "مطلع", "اوائل"):
                    out.append(DateExpr(i - 2, i + 1, f"{y:04d}-01-01", "month"))
                else:
                    out.append(DateExpr(i, i + 1, f"{y:04d}-01-01", "year"))
                i += 1
                continue
        if ref:
            # أمس، اليوم، غدا
            if t in RELATIVE_DAYS or tokens[i].base in ("امس",):
                k = RELATIVE_DAYS.get(t, -1)
                out.append(DateExpr(i, i + 1, (ref + dt.timedelta(days=k)).isoformat(), "day"))
                i += 1
                continue
            # (يوم) الأربعاء (الماضي|المقبل)
            if keys[i] in days:
                wd = days[keys[i]]
                nxt = _key(norms[i + 1]) if i + 1 < n else ""
                if nxt in NEXT:
                    delta = (wd - ref.weekday()) % 7 or 7
                    d = ref + dt.timedelta(days=delta)
                    used = 2
                else:
                    delta = (ref.weekday() - wd) % 7
                    if nxt in PAST and delta == 0:
                        delta = 7
                    d = ref - dt.timedelta(days=delta)
                    used = 2 if nxt in PAST else 1
                out.append(DateExpr(i, i + used, d.isoformat(), "day"))
                i += used
                continue
            # الشهر/الأسبوع/العام الماضي|المقبل
            if keys[i] in ("شهر", "اسبوع", "عام", "سنه") and i + 1 < n and _key(norms[i + 1]) in PAST | NEXT:
                k = -1 if _key(norms[i + 1]) in PAST else 1
                if keys[i] == "شهر":
                    y, m = _shift_month(ref, k)
                    out.append(DateExpr(i, i + 2, f"{y:04d}-{m:02d}-01", "month"))
                elif keys[i] == "اسبوع":
                    s = ref + dt.timedelta(days=7 * k - ref.weekday())
                    out.append(DateExpr(i, i + 2, s.isoformat(), "range", (s + dt.timedelta(days=6)).isoformat()))
                else:
                    out.append(DateExpr(i, i + 2, f"{ref.year + k:04d}-01-01", "year"))
                i += 2
                continue
        i += 1
    return out


def nearest(dates: list[DateExpr], trigger: int) -> DateExpr | None:
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - trigger), abs(d.end - 1 - trigger)))
