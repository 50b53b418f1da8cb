"""Sentence splitting and boilerplate marking for Arabic news, with offsets into the original text.

Lines are hard boundaries (headlines and captions rarely end with a full stop). Inside a line we split
after . ! ? ؟ … when followed by space, unless inside the first 80 characters of a «…» or “…” quote (a quoted
title or short phrase stays whole; a long quote is split into its sentences) or after a one-letter
abbreviation (د. أ. م.). Boilerplate ("اقرأ أيضًا", subscription lines) and repeated caption lines are
kept as sentences but marked, so offsets stay whole and later stages skip them.
"""

from __future__ import annotations

import re

from ..records import Sentence
from .normalize import normalize, normalize_space

_END = set(".!?؟…")
_OPEN = {"«": "»", "“": "”", "(": ")"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_TRAILING = set("\"'»”)]")
_LINE = re.compile(r"[^\n]+")

# Normalised line starts of common Arabic news footers and widgets.
_BOILER = re.compile(
    r"^(?:[-•*|>\s]*)(?:اقر\s?ا ايضا|اقر\s?ا كذلك|اقر\s?ا المزيد|ربما يعجبك|قد يعجبك|قد يهمك|شاهد ايضا|شاهد كذلك|"
    r"مواضيع ذات صله|اخبار ذات صله|مقالات ذات صله|للاشتراك|تابعونا|تابعنا|تابعوا|انضم الي قناتنا|"
    r"حمل تطبيق|جميع الحقوق محفوظه|حقوق النشر|الصوره:|المصدر:|مصدر الصوره)",
    re.IGNORECASE,
)
# Widget words that also begin news sentences ("شارك باشينيان في القمة", "إعلان روسيا التعبئة"): boilerplate
# only as a short line of their own.
_BOILER_SHORT = re.compile(r"^(?:[-•*|>\s]*)(?:اعلان|advertisement|share|شارك|اشترك)\b", re.IGNORECASE)
SHORT_LINE = 40
MAX_QUOTE = 600  # an unbalanced quote stops protecting after this many characters
LONG_QUOTE = 80  # a quote of several sentences is split too: each of its sentences is coded on its own


# A keyword-tag line ("سمات" = tags, then bare keywords): short, with no sentence punctuation.
TAG_LINE = 100


def is_tag_line(text: str) -> bool:
    norm = normalize(text).strip()
    return norm.startswith("سمات ") and len(norm) <= TAG_LINE and not any(c in norm for c in ".،,:؛!?؟")


def is_boilerplate(line: str) -> bool:
    norm = normalize(line).strip()
    return bool(_BOILER.match(norm)) or (len(norm) <= SHORT_LINE and bool(_BOILER_SHORT.match(norm))) \
        or is_tag_line(line)


_SPECIAL = re.compile(r'[.!?؟…«»“”()"]')


def _split_line(line: str, base: int) -> list[tuple[int, int]]:
    """Sentence spans of one line. Only quote and terminator characters are visited (fast on long lines)."""
    spans = []
    start = 0
    depth: list[tuple[str, int]] = []
    straight_open = -1
    n = len(line)
    skip_to = 0
    for m in _SPECIAL.finditer(line):
        i = m.start()
        if i < skip_to:
            continue
        ch = line[i]
        if depth and i - depth[-1][1] > MAX_QUOTE:
            depth.clear()
        if straight_open >= 0 and i - straight_open > MAX_QUOTE:
            straight_open = -1
        if ch in _OPEN:
            depth.append((ch, i))
        elif ch in _CLOSE and depth and depth[-1][0] == _CLOSE[ch]:
            depth.pop()
        elif ch == '"':
            straight_open = -1 if straight_open >= 0 else i
        elif ch in _END and (not depth or i - depth[-1][1] > LONG_QUOTE) and \
                (straight_open < 0 or i - straight_open > LONG_QUOTE):
            j = i + 1
            while j < n and (line[j] in _END or line[j] in _TRAILING):
                j += 1
            boundary = j >= n or line[j].isspace()
            if ch == "." and boundary and i >= 1 and (i < 2 or not line[i - 2].isalnum()) and line[i - 1].isalpha():
                boundary = False  # one-letter abbreviation: د. أ.
            if boundary:
                spans.append((start, j))
                start = j
                skip_to = j
    if start < n:
        spans.append((start, n))
    out = []
    for s, e in spans:
        seg = line[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((base + s + ls, base + s + rs))
    return out


def split_sentences(text: str, doc_id: str = "", title: str = "") -> list[Sentence]:
    """Sentences of ``text`` with kinds: title, body, boilerplate, duplicate."""
    out: list[Sentence] = []
    seen: set[str] = set()
    norm_title = normalize_space(title) if title else ""
    first = True
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        boiler = is_boilerplate(line)
        in_title = first and bool(norm_title) and normalize_space(line) == norm_title
        first = False
        spans = _split_line(line, m.start())
        for s, e in spans:
            seg = text[s:e]
            key = normalize_space(seg)
            if not any(c.isalnum() for c in key):
                continue
            # the tags are often glued to the article's last line when the source flattened its lines
            if boiler or (s == spans[-1][0] and is_tag_line(seg)):
                kind = "boilerplate"
            elif in_title:
                kind = "title"
            elif key in seen:
                kind = "duplicate"
            else:
                kind = "body"
            seen.add(key)
            out.append(Sentence(doc_id, len(out), s, e, seg, kind, key))  # key kept: the store and features reuse it
    return out
