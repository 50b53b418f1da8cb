"""Short names read alone while in office: the `unambiguous` field of a person entry (issue 11).

The press names a head of state, a foreign minister or a party leader by the surname alone (لحود، السنيورة، رايس)
while in office. A person entry may list such one-word names (or a kunya / compound: أبو الغيط) under `unambiguous`;
the actor stage reads them with no full name or title before them, on dates when the person holds one of the
entry's roles. Which names get the mark is decided by a stated rule (tools/actors_short_names.py): the person holds
a ranking office (`RANK`), and the name is no given name, protected word (the tokenizer's list), other kind of name
or another dictionary person's name word in overlapping years, nor a common Arabic word (measured on the
development press corpus).
`problems` checks the parts of that rule that need no corpus, for `marsad dict check`.
"""

from __future__ import annotations

from collections.abc import Iterable

from .dictionary import ActorDictionary, Entry, Role, key

# offices whose holders the press names by surname alone
RANK = frozenset({"president", "prime_minister", "king", "emir", "supreme_leader", "head_of_state",
                  "secretary_general", "foreign_minister", "speaker", "vice_president", "crown_prince",
                  "defence_minister", "leader", "party_leader"})
COMPOUND_HEADS = frozenset({"عبد", "ابو", "ابي", "ام", "بن", "ابن"})
MIN_LETTERS = 4  # three-letter words (بري "land", عون "help") are too often plain words


def in_office(e: Entry, date: str | None) -> bool:
    """The dates on which an entry's `unambiguous` names are read alone: while one of its roles is active."""
    return any(r.active(date) for r in e.roles)


def overlap(a: Role, b: Role) -> bool:
    """Two roles share some days (a term ending the day another begins does not count)."""
    return (a.start or "0000") < (b.end or "9999") and (b.start or "0000") < (a.end or "9999")


def short_forms(d: ActorDictionary) -> dict[str, set[tuple[str, ...]]]:
    """Each person's one-word names (listed or derived surnames) and compounds (أبو الغيط): the names that may be
    marked."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for n in d.names:
        if n.kind == "person" and (len(n.keys) == 1 or (len(n.keys) == 2 and n.keys[0] in COMPOUND_HEADS)):
            out.setdefault(n.entry, set()).add(n.keys)
    return out


def name_words(d: ActorDictionary) -> dict[str, set[str]]:
    """Every word of every person name -> the person entries using it."""
    out: dict[str, set[str]] = {}
    for n in d.names:
        if n.kind == "person":
            for w in n.keys:
                out.setdefault(w, set()).add(n.entry)
    return out


def first_words(d: ActorDictionary) -> set[str]:
    """First words of the dictionary's longer person names: given names (ماهر، حسان، جون), besides the listed ones."""
    return {n.keys[0] for n in d.names if n.kind == "person" and len(n.keys) > 1 and n.keys[0] not in COMPOUND_HEADS}


def clashes(d: ActorDictionary, entry: str, k: tuple[str, ...], words: dict[str, set[str]]) -> list[str]:
    """Other people with this word in one of their names and a role in years overlapping the entry's roles."""
    e = d.entries[entry]
    return sorted(o for o in words.get(k[-1], ()) if o != entry
                  and any(overlap(a, b) for a in e.roles for b in d.entries[o].roles))


def rule_problems(d: ActorDictionary, entry: str, k: tuple[str, ...], given: set[str], function_words: set[str],
                  words: dict[str, set[str]], forms: dict[str, set[tuple[str, ...]]]) -> list[str]:
    """Why a short name may not be marked unambiguous (empty: it may), by the parts of the rule that need no corpus.
    ``words``: `name_words(d)`; ``forms``: `short_forms(d)`."""
    e = d.entries[entry]
    word = "".join(k)
    out = []
    if k not in forms.get(entry, ()):
        out.append("not one of its one-word names or compounds")
    if not any(r.title in RANK for r in e.roles):
        out.append("holds no ranking office (" + ", ".join(sorted(RANK)) + ")")
    if len(word) < MIN_LETTERS:
        out.append(f"shorter than {MIN_LETTERS} letters")
    if k[0] in given or word in given or word.startswith("عبد"):
        out.append("a given name")
    if word in function_words:
        out.append("a protected word (text/protected.txt)")
    if any(n.kind != "person" and n.keys == (word,) for n in d.names):
        out.append("also the name of a state, place, group or office")
    c = clashes(d, entry, k, words)
    if c:
        out.append("a name word of " + ", ".join(c[:5]) + " in the same years")
    return out


def problems(d: ActorDictionary, given: Iterable[str], function_words: Iterable[str]) -> list[str]:
    """`marsad dict check`: every `unambiguous` name of every person entry against the rule."""
    given = {key(g) for g in given} | first_words(d)
    function_words = set(function_words)
    words, forms = name_words(d), short_forms(d)
    out = []
    for e in d.entries.values():
        joined = {(a + b,) for a, b in (k for k in e.unambiguous if len(k) == 2)} | \
            {(a + "ال" + b,) for a, b in (k for k in e.unambiguous if len(k) == 2)}  # (as the stage reads أبو الغيط)
        for k in sorted(e.unambiguous - joined):
            for why in rule_problems(d, e.id, k, given, function_words, words, forms):
                out.append(f"{e.file} ({e.id}): unambiguous name '{' '.join(k)}': {why}")
    return out
