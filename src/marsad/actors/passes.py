"""One pass over a sentence's tokens that notes where the parts of the actor stage have work (issue 11, speed).

Several parts of the stage look at every word of every sentence for a few words of their own: the titled-person cues
(a title, honorific, verb of saying or given name: ``titled``), المملكة and البلاد (the stage's ``references``), the
first words of historic names (``historic``). Each answer depends on the word alone (its normalised form and its base),
so one comprehension per sentence skips the words known to be for none of them, and the few others are read once for
all.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Token
from ..text.tokens import _PREFIXES

LIMIT = 500_000  # distinct forms kept in each table; past that a word is read afresh every time (same answers)
CUE, REFERENCE, PAST, OFFICE = 1, 2, 4, 8
REFERENCE_WORDS = ("مملكه", "بلاد")  # (as ``references`` looks for them: inside a word with its clitics)


# the proclitic readings that may begin a word, by its first two letters (وب: وبال، وب، و), else its first letter
_BY_ONE = {p: (p,) for p in _PREFIXES if len(p) == 1}
_LONGEST = max(len(p) for p in _PREFIXES)
_BY_LENGTH = tuple(frozenset(p for p in _PREFIXES if len(p) == n) for n in (1, 2, 3, 4))  # (``prepare``)
_BY_TWO = {p[:2]: tuple(q for q in _PREFIXES if q[0] == p[0] and (len(q) == 1 or q[:2] == p[:2]))
           for p in _PREFIXES if len(p) > 1}


def base_forms(words: frozenset[str]) -> frozenset[str]:
    """Every form a token may have whose base (``Tokenizer.analyse``) or form is one of ``words``: the word itself,
    the word after one of the proclitic readings (``_PREFIXES``), and, after a reading ending in لل, the word less its
    ال (للمنتخب: base المنتخب when that word is protected). An article none of whose forms is here has none of the
    words in any sentence, whatever the bases (one set test instead of a pass over every token)."""
    out = set(words)
    for w in words:
        out.update(p + w for p in _PREFIXES)
        if w.startswith("ال"):
            out.update(p + w[2:] for p in _PREFIXES if p.endswith("لل"))
    return frozenset(out)


@dataclass(slots=True)
class Marks:
    """What one sentence holds for the parts of the stage."""

    cues: list[int]  # positions of words that may open or close a titled person's name (``TitledPersons.__call__``)
    references: list[int]  # positions of words with المملكة or البلاد in them
    past: list[int]  # positions of words that may start a historic name
    offices: list[int]  # positions of words that may begin an office after a name (``TitledPersons.appositions``)


def bare(t: Token) -> str:
    """As ``titled.bare``: the word without proclitics and article."""
    w = t.base or t.norm
    return w[2:] if len(w) > 3 and w.startswith("ال") else w


class Passes:
    """Callable: a sentence's tokens -> ``Marks``. Built from the word lists of the parts it serves.

    Every test is on a word's normalised form or on its base (the form without proclitics, or the form itself when
    there is none), so two tables made once give a word's flags: ``on_form`` and ``on_base`` (every string whose
    ``bare`` form is a cue is in ``on_base``). A form is ``quiet`` when it has no flag with any base the tokenizer
    may give it (itself, or itself less one of its proclitic readings, ``text.tokens._PREFIXES``): one comprehension
    per sentence skips the quiet words, kept per form once seen (most words of a text)."""

    def __init__(self, cues: frozenset[str], honorifics: frozenset[str], past_words: frozenset[str],
                 offices: frozenset[str] = frozenset()):
        self.on_form: dict[str, int] = {}
        self.on_base: dict[str, int] = {}
        for words, flag, on in ((honorifics, CUE, self.on_form), (past_words, PAST, self.on_form),
                                (past_words, PAST, self.on_base)):
            for w in words:
                on[w] = on.get(w, 0) | flag
        for bares, flag in ((cues, CUE), (offices, OFFICE)):  # (``bare``: a leading ال off words of four letters or more)
            for c in bares:
                for w in ((c,) if not (len(c) > 3 and c.startswith("ال")) else ()) + (("ال" + c,) if len(c) >= 2 else ()):
                    self.on_base[w] = self.on_base.get(w, 0) | flag
        self.quiet: set[str] = set()  # forms with no flag whatever their base

    def flags(self, t: Token) -> int:
        """What a word is for the parts: CUE, REFERENCE, PAST, OFFICE."""
        norm = t.norm
        return self.on_form.get(norm, 0) | self.on_base.get(t.base or norm, 0) \
            | (REFERENCE if REFERENCE_WORDS[0] in norm or REFERENCE_WORDS[1] in norm else 0)

    def is_quiet(self, norm: str) -> bool:
        """No flag for the form with any base the tokenizer may give it."""
        on_base = self.on_base
        if norm in self.on_form or norm in on_base or REFERENCE_WORDS[0] in norm or REFERENCE_WORDS[1] in norm:
            return False
        for p in _BY_TWO.get(norm[:2]) or _BY_ONE.get(norm[:1], ()):
            if norm.startswith(p) and norm[len(p):] in on_base:
                return False
        return True

    def prepare(self, words: set[str]) -> None:
        """The quiet ones of an article's words (``words``: its distinct forms), found at once before its sentences
        are read (``is_quiet`` over all of them, written as one comprehension). The answers are the same with or
        without this call: it only saves each sentence's pass the first sight of its words."""
        if _LONGEST > 4:
            return  # (``is_quiet`` as it is reads every proclitic reading)
        on_form, on_base, quiet = self.on_form, self.on_base, self.quiet
        f1, f2, f3, f4 = _BY_LENGTH
        kingdom, country = REFERENCE_WORDS
        new = [w for w in words - quiet if w not in on_form and w not in on_base and kingdom not in w
               and country not in w and not ((w[:1] in f1 and w[1:] in on_base) or (w[:2] in f2 and w[2:] in on_base)
                                             or (w[:3] in f3 and w[3:] in on_base) or (w[:4] in f4 and w[4:] in on_base))]
        if len(quiet) + len(new) < LIMIT:
            quiet.update(new)
            return
        for w in new:
            if len(quiet) < LIMIT:
                quiet.add(w)

    def __call__(self, tokens: list[Token]) -> Marks:
        cues: list[int] = []
        references: list[int] = []
        past: list[int] = []
        offices: list[int] = []
        quiet, on_form, on_base = self.quiet, self.on_form, self.on_base
        reference, kingdom = REFERENCE_WORDS
        for i in [i for i, t in enumerate(tokens) if t.norm not in quiet]:
            t = tokens[i]
            norm = t.norm
            flags = on_form.get(norm, 0) | on_base.get(t.base or norm, 0)  # (``flags`` inlined: every new word)
            if reference in norm or kingdom in norm:
                flags |= REFERENCE
            if not flags:  # (first sight of a quiet word, or a word quiet with this base only)
                if len(quiet) < LIMIT and self.is_quiet(norm):
                    quiet.add(norm)
                continue
            if flags & CUE:
                cues.append(i)
            if flags & REFERENCE:
                references.append(i)
            if flags & PAST:
                past.append(i)
            if flags & OFFICE:
                offices.append(i)
        return Marks(cues, references, past, offices)
