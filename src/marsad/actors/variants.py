"""Spelling variants of names that normalisation does not cover.

- Foreign "g" is written غ, ج or (Egypt) ج / (Gulf) ق: بيونغ يانغ / بيونج يانج. For words that contain
  غ or ج next to a typical transliteration context we add the other letter.
- Two-word transliterated names are also written joined: بيونغ يانغ / بيونغيانغ.
- عبد compounds joined and split (عبد الله / عبدالله); for transliterated names (capitals, cities, foreign
  people) inner long vowels written or not (بروكسيل / بروكسل) and a prosthetic alef (استوكهولم / ستوكهولم).
- Nisba adjectives get their inflected forms: روسي -> روسية روسيان روسيتان روسيون روسيين …
"""

from __future__ import annotations

from ..text.normalize import normalize

# روسي روسية روسيان روسيتان روسيين روسيون روسيتين; accusative روسيا (مواطنا روسيا), feminine plural روسيات
NISBA_SUFFIXES = ("", "ه", "ان", "تان", "ين", "ون", "تين", "ا", "ات")


# common words a letter swap would turn a name into: غاني (Ghanaian) -> جاني "perpetrator", الجاني "the culprit";
# إيغاد (IGAD) -> إيجاد "finding" (إيجاد حل سياسي)
SWAP_NOT_NAMES = ("جاني", "ايجاد", "الايجاد")


def _g_swaps(word: str) -> set[str]:
    out = {word}
    if "غ" in word and not word.replace("غ", "ج").startswith(SWAP_NOT_NAMES):
        out.add(word.replace("غ", "ج"))
    if "ج" in word and ("نج" in word or word.endswith("ج") or "جي" in word):
        out.add(word.replace("ج", "غ"))
    return out


VOWELS = "يو"


def _abd(words: list[str]) -> set[str]:
    """عبد الله / عبدالله: compounds with عبد written joined or split."""
    out = set()
    for i, w in enumerate(words):
        if w == "عبد" and i + 1 < len(words) and words[i + 1].startswith("ال"):
            out.add(" ".join(words[:i] + [w + words[i + 1]] + words[i + 2:]))
        elif w.startswith("عبدال") and len(w) > 6:
            out.add(" ".join(words[:i] + ["عبد", w[3:]] + words[i + 1:]))
    return out


def _long_vowels(word: str) -> set[str]:
    """A transliterated word with an inner long vowel written or not (بروكسيل/بروكسل، هيلسينكي/هلسنكي)."""
    if len(word) < 5 or word.startswith("ال"):
        return set()
    spots = [i for i in range(1, len(word) - 1)
             if word[i] in VOWELS and word[i - 1] not in VOWELS + "ا" and word[i + 1] not in VOWELS + "ا"][:3]
    out = set()
    for mask in range(1, 1 << len(spots)):  # every subset of at most three spots
        drop = {spots[j] for j in range(len(spots)) if mask >> j & 1}
        out.add("".join(ch for i, ch in enumerate(word) if i not in drop))
    return out


def _prosthetic(word: str) -> set[str]:
    """A foreign initial consonant cluster with or without a supporting alef (ستوكهولم/استوكهولم)."""
    if len(word) >= 5 and word[0] == "س" and word[1] in "تبكلمن":
        return {"ا" + word}
    if len(word) >= 6 and word.startswith("اس") and word[2] in "تبكلمن" and word[3] not in VOWELS + "ا":
        return {word[1:]}
    return set()


def foreign_variants(name: str) -> set[str]:
    """Spellings of a transliterated name: long vowels dropped one at a time and a prosthetic alef added or
    dropped, for each word (one change per variant, so the set stays small)."""
    words = normalize(name).replace("-", " ").split()
    out = set()
    for i, w in enumerate(words):
        for v in _long_vowels(w) | _prosthetic(w):
            out.add(" ".join(words[:i] + [v] + words[i + 1:]))
    return out


def name_variants(name: str, foreign: bool = False) -> set[str]:
    norm = normalize(name).replace("-", " ").strip()
    words = norm.split()
    if not words:
        return set()
    out = {" ".join(words)} | _abd(words)
    if foreign:
        out |= foreign_variants(norm)
    # g-letter variants only for transliterated names (they contain غ/ج in foreign clusters)
    if any(("غ" in w or "نج" in w) for w in words) and len(words) <= 4:
        variants = [""]
        for w in words:
            variants = [(v + " " + s).strip() for v in variants for s in _g_swaps(w)]
        out.update(variants)
    if len(words) == 2 and all(len(w) <= 5 for w in words):
        out.update(v.replace(" ", "") for v in list(out))  # بيونغ يانغ -> بيونغيانغ
    return out


def nisba_forms(base: str) -> list[str]:
    """Inflected forms of a nisba adjective (given without ال), for one- or multi-word nisbas."""
    words = normalize(base).split()
    if not words:
        return []
    return sorted({" ".join(w + suf for w in words) for suf in NISBA_SUFFIXES})
