"""Clitic-aware Arabic tokenising with offsets into the original text.

A token keeps its original characters and offsets; segmentation is a reading of it, not an edit.
Proclitics are split by the grammar [و|ف]? [ب|ل|ك|س]? [ال]? (plus لل = ل+ال). Because a word such as
بيونغ or وقع may merely *begin* with a proclitic letter, ``Token.base`` is the most likely split but
``forms(token)`` gives every reading; matchers look all of them up, longest match first.
Words in ``protected`` (names, function words) are never split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ..records import Token
from .normalize import normalize

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_NUMBER = r"\d+(?:[.,\u066b\u066c/:]\d+)*%?"  # numbers, dates 2025/01/02, 16,000, 3.5
_WORDLIKE = rf"[^\W\d_][\w{_MARKS}]*"  # words (Arabic letters with their diacritics, Latin)
TOKEN_RE = re.compile(
    rf"{_NUMBER}|{_WORDLIKE}"
    rf"|[{_MARKS}]+"  # stray marks
    rf"|\S",  # any other single character (punctuation)
    re.UNICODE,
)
# TOKEN_RE's tokens that begin with a letter or a digit, found without the others (near-duplicate shingles)
WORD_TOKEN_RE = re.compile(rf"{_NUMBER}|{_WORDLIKE}", re.UNICODE)

WORDS_RE = re.compile(r"\w+|[^\w\s]")  # on normalised text (no marks left inside words)

# Proclitic readings, longest first: (surface prefix in normalised text, prefix reported, adds ال).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك", "س")
_PREFIXES: list[str] = []
for c in ("",) + _CONJ:
    for p in ("",) + _PREP:
        for a in ("", "ال"):
            if c or p or a:
                _PREFIXES.append(c + p + a)
    _PREFIXES.append(c + "لل")  # ل + ال with the alef dropped
_PREFIXES = sorted(set(_PREFIXES), key=len, reverse=True)
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    text = resources.files("marsad.data.text").joinpath("protected.txt").read_text(encoding="utf-8")
    return frozenset(normalize(w) for w in text.split() if not w.startswith("#"))


def _min_rest(prefix: str) -> int:
    # A bare single-letter preposition or conjunction needs a longer remainder to be believed.
    return 2 if prefix.endswith("ال") or prefix.endswith("لل") else 3


def split_proclitics(norm: str, protected: frozenset[str] | set[str] = frozenset()) -> tuple[str, str]:
    """Most likely (prefix, base) reading of a normalised word."""
    if norm in protected or len(norm) < 3:
        return "", norm
    for pre, rest in all_readings(norm)[1:]:
        if rest in protected and not ("س" in pre and not _imperfect(rest)) and not (
                pre in ("ب", "ك") and len(rest) == 2 and rest not in function_words()):
            # وبيونغيانغ = و + بيونغيانغ, not وب + يونغيانغ; but سكان is not س + كان, and a two-letter piece of a
            # name (دا، قي) after ب is no reading: بدأ "began" is not ب + دا, بقي not ب + قي (وشي = و + شي is)
            return pre, rest
    for pre in _PREFIXES:
        if norm.startswith(pre) and len(norm) - len(pre) >= _min_rest(pre):
            if "س" in pre and not _imperfect(norm[len(pre):]):
                continue  # سيادة، سياسة are nouns, not س + imperfect verb
            if pre.endswith("لل"):  # للاتحاد = ل + ال + اتحاد, the alef of ال dropped
                return pre[:-2] + "لال", norm[len(pre):]
            return pre, norm[len(pre):]
    return "", norm


def _imperfect(rest: str) -> bool:
    """Could follow the future س: an imperfect verb (يـ تـ نـ), which never ends in ة. The first person
    singular (سأزور) is rare in news, and allowing it would read ساعدت as س + اعدت."""
    return rest[:1] in ("ي", "ت", "ن") and not rest.endswith(("ه", "ات", "يين"))  # سيارات، سياسيين are nouns


def all_readings(norm: str) -> list[tuple[str, str]]:
    """Every (prefix, base) reading allowed by the proclitic grammar, the unsplit one first."""
    out = [("", norm)]
    for pre in _PREFIXES:
        if norm.startswith(pre) and len(norm) - len(pre) >= 2:
            rest = norm[len(pre):]
            if pre.endswith("لل"):
                out.append((pre[:-2] + "ل", rest))
                out.append((pre[:-2] + "لال", "ال" + rest))
            else:
                out.append((pre, rest))
    return out


def strip_enclitic(base: str) -> tuple[str, str]:
    for suf in ENCLITICS:
        if base.endswith(suf) and len(base) - len(suf) >= 3:
            return base[: -len(suf)], suf
    return base, ""


class Tokenizer:
    """Callable stage: text -> tokens. ``protected`` words are never split (e.g. بيونغ, بوتين)."""

    CACHE_MAX = 200_000

    def __init__(self, protected: Iterable[str] = ()):
        self.protected = frozenset(function_words() | {normalize(w) for w in protected})
        self._cache: dict[str, tuple[str, str, str, str, str]] = {}  # surface -> analysis (words repeat a lot)

    def analyse(self, s: str) -> tuple[str, str, str, str, str]:
        """(norm, prefix, base, suffix, stem) of one surface token."""
        got = self._cache.get(s)
        if got is not None:
            return got
        norm = normalize(s)
        if norm and norm[0].isalpha():
            prefix, base = split_proclitics(norm, self.protected)
            stem, suffix = strip_enclitic(base) if base not in self.protected else (base, "")
        else:
            prefix, base, stem, suffix = "", norm, norm, ""
        got = (norm, prefix, base, suffix, stem)
        if len(self._cache) < self.CACHE_MAX:
            self._cache[s] = got
        return got

    def __call__(self, text: str, offset: int = 0) -> list[Token]:
        analyse, cache = self.analyse, self._cache  # the cache looked up here: one call less per known word
        out = []
        for m in TOKEN_RE.finditer(text):
            s = m.group()
            norm, prefix, base, suffix, stem = cache.get(s) or analyse(s)
            start = m.start() + offset
            out.append(Token(s, start, start + len(s), norm, prefix, base, suffix, stem))
        return out

    def words(self, text: str) -> list[str]:
        """Fast path: normalised word and punctuation forms, no offsets (for indexing, shingles, benchmarks)."""
        return WORDS_RE.findall(normalize(text))


def forms(tok: Token) -> frozenset[str]:
    """All normalised forms a token may stand for (used by lexicon and dictionary lookups).
    A protected word is only itself (وزارة is not و + زارة "visited her")."""
    fw = function_words()
    if not tok.prefix and tok.norm in fw:
        rest = tok.norm[1:] if tok.norm[:1] in ("و", "ف") else ""
        return frozenset((tok.norm, rest)) if rest in fw else frozenset((tok.norm,))  # ولم = و + لم
    # a word written with ta marbuta ends in no pronoun: أسرة "family" is not أسر + ه "captured him"
    return _forms(tok.norm, tok.base, tok.stem, tok.text.endswith("ة"))


FORM_ENCLITICS = ENCLITICS + ("ه", "ك")


@lru_cache(maxsize=200_000)
def _forms(norm: str, base: str, stem: str, marbuta: bool = False) -> frozenset[str]:
    out = {norm, base, stem}
    for _, rest in all_readings(norm):
        out.add(rest)
        if rest.startswith("ال") and len(rest) > 3:
            out.add(rest[2:])
        for suf in FORM_ENCLITICS:  # سفيرها -> سفير ; مشاركتها -> مشاركت -> مشاركه ; زيارته -> زياره
            if marbuta and suf == "ه":
                continue
            if rest.endswith(suf) and len(rest) - len(suf) >= 3:
                core = rest[: -len(suf)]
                if core.endswith("وا"):
                    continue  # a plural verb drops its alif before an enclitic (وعدونا): وعدوانا is عدوان + ا
                out.add(core)
                if core.endswith("ت"):
                    out.add(core[:-1] + "ه")
                elif core.endswith(("اي", "او")):  # final hamza moves seat before a suffix: لقائه، لقاؤهما -> لقاء
                    out.add(core[:-1] + "ء")
    return frozenset(out)


@lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    return Tokenizer()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return default_tokenizer()(text, offset)
