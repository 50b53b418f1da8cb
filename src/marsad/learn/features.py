"""Sentence features for the learned layer, hashed into a fixed-size space (no vocabulary is stored).

Two blocks, each L2-normalised on its own so the few Marsad features are not drowned by hundreds of n-grams:
- text: word unigrams and bigrams and character 2–5-grams inside words (" كلمة "), of the normalised text;
- marsad: what the rules saw in the sentence: trigger entries (by first word) and their PLOVER type, the
  coder's events (type, quad, modality, negation), actor mention kinds and agents, head nouns, modality cue words.
Hashing uses crc32 (stable across processes, unlike hash()). Per-word n-gram lists are cached in the
featurizer instance because news vocabulary repeats: the cache makes featurising a sentence a few dict lookups.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.normalize import normalize

TEXT_BITS = 18
MARSAD_BITS = 12
N_TEXT = 1 << TEXT_BITS
N_FEATURES = N_TEXT + (1 << MARSAD_BITS)
GROUPS = ("words", "chars", "marsad")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_CACHE_MAX = 200_000
_TEXT_MASK = N_TEXT - 1


def _h(s: str, bits: int) -> int:
    return zlib.crc32(s.encode("utf-8")) & ((1 << bits) - 1)


@dataclass
class Featurizer:
    """``text(s)`` and ``marsad(items)`` give hashed indices; ``groups`` chooses what is used (for ablation)."""

    groups: tuple[str, ...] = GROUPS
    char_min: int = 2
    char_max: int = 5
    _cache: dict[str, tuple[int, tuple[int, ...]]] = field(default_factory=dict, repr=False)
    _names: dict[str, int] = field(default_factory=dict, repr=False)

    def _word(self, w: str) -> tuple[int, tuple[int, ...]]:
        """(hash of the word, its hashed features), cached."""
        got = self._cache.get(w)
        if got is not None:
            return got
        out: list[int] = []
        wh = _h("w:" + w, TEXT_BITS)
        if "words" in self.groups:
            out.append(wh)
        if "chars" in self.groups:
            s = f" {w} "
            for n in range(self.char_min, self.char_max + 1):
                out.extend(_h(f"c:{s[i:i + n]}", TEXT_BITS) for i in range(len(s) - n + 1))
        got = (wh, tuple(out))
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()  # bounded: a long run over new vocabulary does not grow without end
        self._cache[w] = got
        return got

    def parts(self, text: str) -> tuple[list[str], list[int]]:
        """The normalised words (see ``word_features``) and the hashed bigrams of a text."""
        words = _WORD.findall(normalize(text))
        if "words" not in self.groups:
            return words, []
        hs = [self._word(w)[0] for w in words]
        # a bigram's bucket from its words' hashes: no string is built
        return words, [(a * 1_000_003 + b + 1) & _TEXT_MASK for a, b in zip(hs, hs[1:], strict=False)]

    def word_features(self, w: str) -> tuple[int, ...]:
        return self._word(w)[1]

    def text(self, text: str) -> list[int]:
        words, out = self.parts(text)
        for w in words:
            out.extend(self._word(w)[1])
        return out

    def marsad(self, names: Iterable[str]) -> list[int]:
        if "marsad" not in self.groups:
            return []
        cache = self._names
        out = []
        for n in names:
            i = cache.get(n)
            if i is None:
                i = cache[n] = N_TEXT + _h(n, MARSAD_BITS)  # a few thousand names at most (entries, codes)
            out.append(i)
        return out


def layer_names(mentions, agents, events) -> list[str]:
    """The names of a sentence's rule events, mentions and head nouns (the middle of ``marsad_names``)."""
    out: list[str] = []
    for e in events:
        out += ["ev:" + e.event, "evquad:" + e.quad, "evmod:" + e.modality, f"evneg:{e.negated}",
                f"evparties:{e.actor.code is not None}{e.recipient.code is not None}"]
    codes = set()
    for x in mentions:
        out.append("mkind:" + x.kind)
        if x.agent:
            out.append("magent:" + x.agent)
        codes.add(x.code)
    out.append(f"ncodes:{min(len(codes), 3)}")
    for x in agents:
        out.append("head:" + (x.agent or "-"))
    return out


def marsad_names(tokens, mentions, agents, events, entries, cues) -> list[str]:
    """Named features of one sentence (or a few) from the rule layers' output; see the module doc.
    ``entries`` are trigger lexicon patterns (events.lexicon.Pattern) whose first word occurs."""
    out: list[str] = []
    for pat in entries:
        out.append("trig:" + pat.id)
        out.append("trigtype:" + pat.event)
    out += layer_names(mentions, agents, events)
    for t in tokens:
        for name, words in cues:
            if t.norm in words or t.base in words:
                out.append("cue:" + name)
        if t.prefix in ("س", "وس", "فس"):  # the tokenizer splits future س only before an imperfect verb
            out.append("cue:future_s")
    if not out:
        out.append("none")
    return out
