"""Arabic normalisation for matching. The original text is never changed; callers keep offsets.

Rules (documented in the README): diacritics and tatweel dropped; أ إ آ ٱ → ا; ى → ي; ة → ه;
ؤ → و; ئ → ي; Persian letters to Arabic (ک ی ۀ); Arabic-Indic and Persian digits → ASCII;
Arabic punctuation (، ؛ ؟) and typographic quotes → ASCII equivalents.
"""

from __future__ import annotations

import re
import unicodedata

DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u06e1\u06ed"
TATWEEL = "\u0640"
# Zero-width and bidi controls that news sites leave inside words.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "–": "-", "—": "-", "−": "-",
}
for i in range(10):
    _MAP[chr(0x0660 + i)] = str(i)  # Arabic-Indic
    _MAP[chr(0x06F0 + i)] = str(i)  # Persian
_TABLE = str.maketrans({**_MAP, **{c: None for c in DIACRITICS + TATWEEL + INVISIBLE}})
# Same mapping but keeps every character in place (length-preserving): drops become a marker
# that callers can strip, used where a 1:1 character map is needed.
_SPACES = re.compile(r"\s+")


_DROP = re.compile("[" + re.escape(DIACRITICS + TATWEEL + INVISIBLE) + "]")
_PAIRS = list(_MAP.items())


def normalize(text: str) -> str:
    """Normalised form of ``text`` for matching (not for display)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if len(text) < 200:
        return text.translate(_TABLE)
    # Long texts: C-level replace passes are ~5x faster than str.translate with a dict.
    if _DROP.search(text):
        text = _DROP.sub("", text)
    for a, b in _PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def normalize_space(text: str) -> str:
    return _SPACES.sub(" ", normalize(text)).strip()


def fold_g(text: str) -> str:
    """Fold the letters Arabic uses for a foreign "g" (غ ج ق گ) to one, for fuzzy name lookup only."""
    return text.replace("ج", "غ").replace("ق", "غ").replace("گ", "غ")


def to_ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}})
