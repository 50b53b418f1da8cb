"""Spelling variants of transliterated person names, matched by a vowel-free key instead of generated one by one.

Arabic writes a foreign name's vowels as it pleases: بيرتس / بيريتس، كوندوليزا / كونداليزا، تشافيز / شافيز. Every such
spelling of a word shares its *skeleton*: the word with ch folded (تش -> ش) and its inner long vowels ا و ي dropped.
Names of office holders of states whose names are not Arabic are indexed by the skeletons of their words; a span of
the text whose words have the same skeletons, and that is no exact dictionary name, is that person.

Guards, because Arabic words are mostly consonants too (محمود/محمد، عمير/عمر):
- never for office holders of Arabic-, Persian- and Urdu-named states (``arabic_name_states``), whose names are
  Arabic words with fixed spellings;
- words under four letters keep their exact spelling; a skeleton must keep three letters (four for a name of one
  word, which must also be at least five letters long in the text and in the dictionary);
- a skeleton key shared by names of two entries, or equal to another entry's exact name, is dropped;
- an Arabic given name of the text (إبراهيم) matches only as written (not أبراهام), and a word with the article
  (البلوي) is no foreign name's word;
- every word of the text is at most two edits from the dictionary's spelling (one for a one-word name), so that a
  word whose vowels all differ (موتورولا / ماتاريلا) is another word;
- a one-word name read by its skeleton counts only after the person's full name or a title (``actors.stage``);
- a one-word name is read by its skeleton only without a proclitic other than و, and never when the word is itself a
  dictionary word or a function word, or ends like an Arabic plural or nisba (أوروبيون).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .dictionary import ActorDictionary, Name

SHORT = 4  # words shorter than this keep their exact spelling
# endings of Arabic plurals and nisbas (أوروبيون، فنانين): such a word is Arabic, not a foreign surname
ARABIC_ENDINGS = ("ون", "ين", "يه", "ات")
ONE_WORD = 5  # a one-word name read by skeleton: this long at least, in the text and in the dictionary


def skeleton_of(word: str) -> str:
    """بيريتس، بيرتس -> برتس; تشافيز -> شفز. Short words, and words whose skeleton would be under three letters, are
    returned as they are."""
    if len(word) < SHORT:
        return word
    w = word.replace("تش", "ش")
    sk = w[0] + w[1:-1].replace("ا", "").replace("ي", "").replace("و", "") + w[-1]  # (faster than str.translate)
    return sk if len(sk) >= 3 else word


# cached for the words read again and again (a name's next words); a word's first sight uses ``skeleton_of``
word_skeleton = lru_cache(maxsize=200_000)(skeleton_of)


def edits(a: str, b: str) -> int:
    """Levenshtein distance of two short words (only for the few spans whose skeletons already agree)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def name_skeleton(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word_skeleton(k) for k in keys)


class PersonSpellings:
    """Skeleton index of foreign person names: ``find(words)`` -> the Names a span's words spell, or None."""

    def __init__(self, dictionary: ActorDictionary, native: frozenset[str], protected: frozenset[str] | set[str],
                 given: frozenset[str] | set[str] = frozenset()):
        self.given = given  # Arabic given names: in the text, they match only as spelled (إبراهيم is not أبراهام)
        exact = {n.keys: n.entry for n in dictionary.names}
        self.words = {k for n in dictionary.names for k in n.keys}
        self.protected = protected
        index: dict[tuple[str, ...], list[Name]] = {}
        for n in dictionary.names:
            if n.kind != "person" or any(r.code in native for r in dictionary.entries[n.entry].roles):
                continue
            if len(n.keys) == 1 and (len(n.keys[0]) < ONE_WORD or len(word_skeleton(n.keys[0])) < ONE_WORD - 1):
                continue
            index.setdefault(name_skeleton(n.keys), []).append(n)
        # the skeleton of any other entry's exact name (a state, a group, an Arab minister) blocks the key
        blocked = {}
        for keys, entry in exact.items():
            blocked.setdefault(name_skeleton(keys), set()).add(entry)
        self.index = {}
        for sk, names in index.items():
            entries = {n.entry for n in names}
            if len(entries) == 1 and blocked.get(sk, set()) <= entries:
                self.index[sk] = names
        self.first = {sk[0] for sk in self.index}
        self.prefixes = {sk[:i] for sk in self.index for i in range(1, len(sk) + 1)}  # to stop a walk early
        seconds: dict[str, set[str]] = {}
        for sk in self.index:
            if len(sk) > 1:
                seconds.setdefault(sk[0], set()).add(sk[1])
        self.seconds = {k: frozenset(v) for k, v in seconds.items()}  # a first word's skeleton -> the next word's
        self.longest = max((len(sk) for sk in self.index), default=0)

    def starts(self, word: str) -> bool:
        return word_skeleton(word) in self.first

    def find(self, words: Iterable[str], single: bool = True) -> tuple[int, list[Name]] | None:
        """The longest name spelled by the first words of ``words`` (keys without ال): (word count, names); one word
        only when ``single``."""
        sk: list[str] = []
        seen: list[str] = []
        best = None
        for w in words:
            sk.append(word_skeleton(w))
            seen.append(w)
            if w in self.given:
                sk[-1] = w  # (a given name's skeleton is never looked up: its exact key may still be a name's)
            if tuple(sk) not in self.prefixes:
                break
            names = self.index.get(tuple(sk))
            if names is not None and (len(sk) > 1 or (single and self._loose(w))):
                most = 2 if len(sk) > 1 else 1  # موتورولا is no spelling of ماتاريلا (three vowels differ)
                near = [n for n in names if all(edits(a, b) <= most for a, b in zip(seen, n.keys, strict=True))]
                if near:
                    best = (len(sk), near)
        return best

    def _loose(self, word: str) -> bool:
        """A word that may be read by its skeleton alone: long, and neither a dictionary nor a function word."""
        return len(word) >= ONE_WORD and word not in self.words and word not in self.protected \
            and not word.endswith(ARABIC_ENDINGS)
