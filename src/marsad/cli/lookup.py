"""What a person types for an actor (a code, an Arabic or English name, a capital, a leader) -> its code.

Codes and the names of states and organisations come from the actor files' top-level entries (quick to read);
other names (capitals, people, spellings) from the full dictionary, loaded only when those do not answer.
"""

from __future__ import annotations

from ..analysis.reader import actor_index
from ..analysis.ties import bundled_ties
from ..text.normalize import normalize_space


class UnknownActor(ValueError):
    def __init__(self, text: str, suggestions: list[str]):
        super().__init__(text)
        self.text = text
        self.suggestions = suggestions


def _arabic_key(text: str) -> str:
    """Normalised, with a leading ال on each word dropped (الصين = صين), as the dictionary matches names."""
    words = normalize_space(text).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


def known_codes() -> dict[str, tuple[str, str, str]]:
    """code -> (Arabic name, English name, kind) for states, organisations and groups."""
    codes = dict(actor_index())
    for org in bundled_ties().organisations.values():
        codes.setdefault(org.code, (org.ar, org.en, "igo"))
    return codes


def resolve_actor(text: str) -> tuple[str, str]:
    """(code, how it was found: code | Arabic name | English name | dictionary name); UnknownActor otherwise."""
    q = text.strip()
    codes = known_codes()
    if q.upper() in codes:
        return q.upper(), "code"
    lower, akey = q.lower(), _arabic_key(q)
    for code, (ar, en, _kind) in codes.items():
        if en and en.lower() == lower:
            return code, "English name"
        if ar and _arabic_key(ar) == akey:
            return code, "Arabic name"
    from ..actors.stage import (
        bundled_dictionary,  # every spelling, capital and person (about a second to load)
    )

    d = bundled_dictionary()
    entries = {n.entry for n in d.names if " ".join(n.keys) == akey}
    entries |= {e.id for e in d.entries.values() if e.en and e.en.lower() == lower}
    found = {code for code in (_code_of(d.entries.get(e)) for e in entries) if code}
    if len(found) == 1:
        return found.pop(), "dictionary name"
    raise UnknownActor(q, suggest(q, codes))


def _code_of(entry) -> str | None:
    """A state's or organisation's own code; a person's, that of their latest role."""
    if entry is None:
        return None
    if entry.code or not entry.roles:
        return entry.code
    return max(entry.roles, key=lambda r: (r.end is None, r.start or "")).code


def suggest(text: str, codes: dict[str, tuple[str, str, str]], limit: int = 5) -> list[str]:
    """The closest codes by code or name (rapidfuzz), shown as 'CODE (English name)'."""
    from rapidfuzz import fuzz, process

    choices = {}
    for code, (ar, en, _kind) in codes.items():
        for label in (code, en, ar):
            if label:
                choices[f"{label}\t{code}"] = label.lower() if label.isascii() else _arabic_key(label)
    query = text.lower() if text.isascii() else _arabic_key(text)
    out: list[str] = []
    for _label, score, key in process.extract(query, choices, scorer=fuzz.WRatio, limit=limit * 6):
        code = key.split("\t")[1]
        label = f"{code} ({codes[code][1] or codes[code][0]})"
        if score >= 60 and label not in out:
            out.append(label)
        if len(out) == limit:
            break
    return out
