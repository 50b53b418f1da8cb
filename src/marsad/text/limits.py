"""Caps on text the Arabic layer accepts. Unicode normalisation (NFC) reorders each run of combining marks
with a quadratic sort, so a letter carrying hundreds of thousands of marks would stall a run for minutes.
Real text stacks at most a handful (Arabic: shadda + vowel + a Quranic sign); we refuse far more than that."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_MARKS = 32  # combining marks on one letter


class TextLimitError(ValueError):
    """Text over a limit of the text layer; the message names the limit and where it was passed."""


@lru_cache(maxsize=1)
def _mark_ranges() -> tuple[tuple[int, int], ...]:
    """Every combining mark (category M, or a non-zero combining class) below U+20000, as ranges."""
    ranges: list[list[int]] = []
    for cp in range(0x20000):
        ch = chr(cp)
        if unicodedata.category(ch)[0] == "M" or unicodedata.combining(ch):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return tuple((a, b) for a, b in ranges)


@lru_cache(maxsize=1)
def _mark_runs() -> re.Pattern:
    cls = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in _mark_ranges())
    return re.compile(f"[{cls}]{{{MAX_MARKS + 1},}}")


# A run of marks is a run of characters that are neither word characters nor spaces (no combining mark is
# one: ``_marks_outside_words`` checks it for this Python's Unicode tables), and that wider class is about
# ten times faster to scan for: the exact pattern runs only where a long such run exists.
_NOT_WORD_RUN = re.compile(rf"[^\w\s]{{{MAX_MARKS + 1},}}")


@lru_cache(maxsize=1)
def _marks_outside_words() -> bool:
    return not re.search(r"[\w\s]", "".join(chr(c) for a, b in _mark_ranges() for c in range(a, b + 1)))


def check_marks(text: str) -> None:
    """Raises TextLimitError when one letter carries more than ``MAX_MARKS`` combining marks."""
    if text.isascii() or (_marks_outside_words() and not _NOT_WORD_RUN.search(text)):
        return
    m = _mark_runs().search(text)
    if m:
        raise TextLimitError(f"{m.end() - m.start()} combining marks in a row at offset {m.start()} "
                             f"(at most {MAX_MARKS} on one letter)")
