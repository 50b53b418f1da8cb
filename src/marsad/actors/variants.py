"""Spelling variants of names that normalisation does not cover.

- Foreign "g" is written غ, ج or (Egypt) ج / (Gulf) ق: بيونغ يانغ / بيونج يانج. For words that contain
  غ or ج next to a typical transliteration context we add the other letter.
- Two-word transliterated names are also written joined: بيونغ يانغ / بيونغيانغ.
- Nisba adjectives get their inflected forms: روسي -> روسية روسيان روسيتان روسيون روسيين …
"""

from __future__ import annotations

from ..text.normalize import normalize

# روسي روسية روسيان روسيتان روسيين روسيون روسيتين; accusative روسيا (مواطنا روسيا), feminine plural روسيات
NISBA_SUFFIXES = ("", "ه", "ان", "تان", "ين", "ون", "تين", "ا", "ات")


def _g_swaps(word: str) -> set[str]:
    out = {word}
    if "غ" in word:
        out.add(word.replace("غ", "ج"))
    if "ج" in word and ("نج" in word or word.endswith("ج") or "جي" in word):
        out.add(word.replace("ج", "غ"))
    return out


def name_variants(name: str) -> set[str]:
    norm = normalize(name).replace("-", " ").strip()
    words = norm.split()
    if not words:
        return set()
    out = {" ".join(words)}
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
