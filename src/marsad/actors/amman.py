"""عمان: Oman or Amman. Without diacritics the two are one word; the dictionary reads it as Oman. It is Amman, the
capital of Jordan, when written with a shadda (عمّان), as a dateline (عمان - …), or in an article that names Jordan
and nothing else of Oman (السلطنة، العماني، مسقط)."""

from __future__ import annotations

from ..records import Mention, Token
from .dictionary import key

OMAN, JORDAN = "OMN", "JOR"
DASHES = {"-", "–", "—", ":", "(", "/"}


def is_bare_oman(tokens: list[Token], m: Mention) -> bool:
    return m.code == OMAN and m.kind == "name" and m.tok_end - m.tok_start == 1 and \
        key(tokens[m.tok_start].base or tokens[m.tok_start].norm) == "عمان"


def note(tokens: list[Token], mentions: list[Mention], named: set[str]) -> None:
    """The states an article names, bare عمان left out (it is the word in question)."""
    named.update([m.code for m in mentions if m.code and (m.code != OMAN or not is_bare_oman(tokens, m))])


def find(tokens: list[Token], mentions: list[Mention], s) -> list[Mention]:
    """A bare عمان the matcher left (it needs a cue before it) that is a dateline (عمان - …) or comes right after
    "the Jordanian capital" (العاصمة الأردنية عمان): Amman."""
    if "عمان" not in s.text and "عمّان" not in s.text:
        return []
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    jordan_adj = {m.tok_end for m in mentions if m.code == JORDAN and m.kind == "nisba"}
    out = []
    for i, t in enumerate(tokens):
        if i in covered or t.prefix not in ("", "و", "ب", "ل") or key(t.base or t.norm) != "عمان":
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        dateline = i == 0 and nxt is not None and nxt.text in DASHES
        if dateline or i in jordan_adj or "\u0651" in t.text:
            start = t.end - len(t.base or t.norm) if t.prefix else t.start
            out.append(Mention(start, t.end, s.text[start - s.start:t.end - s.start], JORDAN, "GOV", "capital", None,
                               JORDAN, i, i + 1, s.idx))
    return out


def resolve(tokens: list[Token], mentions: list[Mention], named: set[str]) -> None:
    """Turn a bare عمان that means Amman into Jordan's capital (kind ``capital``, JOR)."""
    bare = [m for m in mentions if m.code == OMAN and is_bare_oman(tokens, m)]
    if not bare:  # (most sentences)
        return
    here = named | {m.code for m in mentions if m.code and not is_bare_oman(tokens, m)}
    for m in bare:
        t = tokens[m.tok_start]
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        dateline = m.tok_start == 0 and nxt is not None and nxt.text in DASHES
        if "\u0651" in t.text or (OMAN not in here and (dateline or JORDAN in here)):
            m.code, m.kind, m.entry, m.agent = JORDAN, "capital", JORDAN, "GOV"
