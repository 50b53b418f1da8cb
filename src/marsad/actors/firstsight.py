"""A word's first sight in the matcher, decided by a few set lookups for most words (issue 11, speed).

``Matcher._learn`` reads a new word fully: its proclitic readings, whether one begins a name, head noun or place, a
state's name in other vowels (skeleton), a foreign person's first word in another spelling (skeleton). Most words of
a text begin none of these. A reading is the word less a *front*: nothing, a proclitic, ال, or a proclitic and ال
(``FRONTS``). What a skeleton keeps of a reading is known in advance, so the sets below, made once from the
dictionaries, rule out most words with one lookup each before any reading or skeleton is made:

- ``ends``: every first word of a name, head noun or place, with and without ال; a word that is none of them, with
  or without one of its proclitic readings (``text.tokens._PREFIXES``), begins nothing;
- ``fuzzy``: a front without ي و, then a state skeleton without ي و (the state skeleton drops only those, inside
  the reading): a word that is none of them without its ي و is no state's name in other vowels;
- ``spelled``: a front and a foreign first word's skeleton, both without ا ي و ت (what that skeleton may drop:
  ا ي و inside, ت of تش), then the skeleton's last letter (which every skeleton keeps: the word's last); and
  ``short``: a front then a skeleton of three letters or fewer as it is (a short reading is its own skeleton).

A word ruled out by all is *silent*: ``_learn`` would find nothing for it. A word not ruled out is read in full, as
before, so the answers are the same (``tests/test_actors_speed_firstsight.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.tokens import _PREFIXES

FRONTS = frozenset({"", "ال"} | set(_PREFIXES) | {p + "ال" for p in _PREFIXES})  # what comes before a reading
FOUR = max(len(p) for p in _PREFIXES) <= 4  # (``silent`` tests proclitics of up to four letters; else it decides none)


def no_wy(word: str) -> str:
    return word.replace("ي", "").replace("و", "")


def no_awyt(word: str) -> str:
    return word.replace("ا", "").replace("ي", "").replace("و", "").replace("ت", "")


class FirstSight:
    """``silent(words)``: those of the words no reading of which can begin a name, head noun or place, nor a state's
    name or a foreign person's first word by skeleton (``Matcher._learn`` would find nothing for them). A word left
    out may still begin nothing: it is read in full."""

    def __init__(self, first_words: Iterable[str], state_skeletons: Iterable[str], spelled_skeletons: Iterable[str],
                 never: Iterable[str] = ()):
        words = set(first_words)
        self.ends = frozenset(words | {"ال" + w for w in words})
        fronts_wy = {no_wy(f) for f in FRONTS}
        self.fuzzy = frozenset(f + no_wy(s) for s in state_skeletons for f in fronts_wy)
        spelled = set(spelled_skeletons)
        self.short = frozenset(f + s for s in spelled if len(s) <= 3 for f in FRONTS)
        fronts_awyt = {no_awyt(f) for f in FRONTS}
        self.spelled = frozenset(f + no_awyt(s) + s[-1] for s in spelled if len(s) >= 3 for f in fronts_awyt)
        # read in full: function words (read only unsplit) and words that are a front and a short skeleton as is
        self.full = self.short | frozenset(never)
        self.by_length = tuple(frozenset(p for p in _PREFIXES if len(p) == n) for n in (1, 2, 3, 4))

    def silent(self, words: list[str]) -> list[str]:
        """The silent ones of ``words`` (distinct words not seen before), in their order. The letters the skeletons
        drop are dropped from all the words at once (one string), not word by word."""
        ends, full = self.ends, self.full
        f1, f2, f3, f4 = self.by_length
        lines = "\n".join(words)  # (the letters the skeletons drop, dropped from all the words at once)
        wy = lines.replace("ي", "").replace("و", "").split("\n")
        awyt = lines.replace("ا", "").replace("ي", "").replace("و", "").replace("ت", "").split("\n")
        if not FOUR or len(wy) != len(words):
            return []  # (a word with a line break in it: all read in full)
        fuzzy, spelled = self.fuzzy, self.spelled
        # a reading is the word less a proclitic of up to four letters (then ال): most words have no tail among the
        # first words at all; for the others, the tail must follow a proclitic the word begins with
        return [w for w, a, b in zip(words, wy, awyt, strict=True)
                if w and b + w[-1] not in spelled and w not in full and not (len(w) >= 5 and a in fuzzy)
                and (ends.isdisjoint((w, w[1:], w[2:], w[3:], w[4:])) or not (
                    w in ends or (w[:2] in f2 and w[2:] in ends) or (w[:1] in f1 and w[1:] in ends)
                    or (w[:3] in f3 and w[3:] in ends) or (w[:4] in f4 and w[4:] in ends)))
                and "جمهوريت" not in w]
