"""Decoding article files: UTF-8 first, then the two legacy Arabic code pages still found in old archives.

Windows-1256 and ISO-8859-6 put Arabic letters on different bytes, and both decode most byte strings without
error, so each reading is scored by how much of its non-ASCII text is Arabic letters; a wrong reading yields
Latin accented letters (cp1256 read as 8859-6 fails outright on ف ق ك غ; 8859-6 read as cp1256 gives é ç è).
"""

from __future__ import annotations

import re

LEGACY = ("windows-1256", "iso-8859-6")
MIN_ARABIC_SHARE = 0.6  # of all letters, in the chosen reading


def arabic_share(text: str) -> float:
    """Share of the letters (ASCII ones included) that are Arabic letters (U+0621..U+064A, without tatweel):
    a French text read as ISO-8859-6 turns é into ى but stays mostly Latin."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0621" <= c <= "\u064a" and c != "\u0640") / len(letters)


UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")  # the two-byte UTF-8 form of U+0600..U+06FF


def looks_like_utf8_arabic(data: bytes) -> bool:
    """UTF-8 Arabic with a few broken bytes, not a legacy code page: most high bytes pair up as UTF-8 Arabic
    (in Windows-1256 or ISO-8859-6 text a letter ط ظ ع غ followed by a byte 0x80-0xBF is rare)."""
    high = sum(1 for b in data if b > 0x7F)
    return high > 0 and 2 * len(UTF8_ARABIC.findall(data)) >= 0.6 * high


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name); ValueError naming the offending byte when no reading is Arabic text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    scored = []
    for enc in LEGACY if not looks_like_utf8_arabic(data) else ():
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((arabic_share(text), enc, text))
    if scored:
        share, enc, text = max(scored)
        if share >= MIN_ARABIC_SHARE:
            return text, enc
    raise ValueError(f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and not Arabic in "
                     f"{' or '.join(LEGACY)}; re-save the file as UTF-8")
