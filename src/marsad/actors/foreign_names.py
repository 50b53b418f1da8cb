"""Is one written word a transliterated foreign name (تريباثي، ايبرمان، كلارك) rather than an Arabic word (مسؤول،
مصدر، شهود)? A logistic model over the word's character n-grams (model card: data/models/foreign_names.md; trained
by ``python -m marsad.learn.foreignnames``). Foreign names are written with letter sequences Arabic roots and
patterns seldom make (long vowels between most consonants, تش، ف…ي…ن endings, no ة or ال), so a few thousand
names and words teach it; it is asked only about words already in a name's slot (after a verb of saying or a
title), never about every word.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path

import numpy as np

NGRAMS = (1, 2, 3, 4)
MODEL = "foreign_names.npz"


def ngrams(word: str) -> list[str]:
    """Character n-grams of a normalised word with its edges marked (^كلا، ارك$) and a length feature."""
    w = f"^{word}$"
    out = [w[i:i + n] for n in NGRAMS for i in range(len(w) - n + 1)]
    out.append(f"#len{min(len(word), 9)}")
    return out


class NameModelError(ValueError):
    """A foreign-name model file that cannot be used; the message names the file and the problem."""


@dataclass
class ForeignNames:
    weights: dict[str, float]
    bias: float
    threshold: float  # a word scoring at or above it is read as a foreign name

    def prob(self, word: str) -> float:
        """Probability that the normalised word (no proclitic, no ال) is a foreign name (about 40 look-ups)."""
        grams = ngrams(word)  # (``get`` mapped over the n-grams: the same sum, in the same order, without a generator)
        z = self.bias + sum(map(self.weights.get, grams, repeat(0.0, len(grams))))
        return 1.0 / (1.0 + math.exp(-z))

    def __call__(self, word: str) -> bool:
        return self.prob(word) >= self.threshold


def load_model(path: Path | None = None) -> ForeignNames:
    where = str(path) if path else f"marsad/data/models/{MODEL}"
    try:
        src = path.open("rb") if path else resources.files("marsad.data.models").joinpath(MODEL).open("rb")
        with src as f, np.load(f, allow_pickle=False) as z:
            grams, w = z["grams"], z["weights"]
            bias, threshold = float(z["bias"]), float(z["threshold"])
    except (OSError, KeyError, ValueError) as e:
        raise NameModelError(f"{where}: cannot read the foreign-name model ({e})") from e
    if grams.shape != w.shape or not 0.0 < threshold < 1.0:
        raise NameModelError(f"{where}: n-grams and weights differ in length or the threshold is not in (0, 1)")
    return ForeignNames(dict(zip(grams.tolist(), w.astype(float).tolist(), strict=True)), bias, threshold)


@lru_cache(maxsize=1)
def bundled_foreign_names() -> ForeignNames:
    return load_model()


def check(path: Path | None = None) -> tuple[str, list[str]]:
    """For ``marsad dict check``: the model loads and its card (foreign_names.md beside it) names its sha256."""
    problems: list[str] = []
    try:
        model = load_model(path)
    except NameModelError as e:
        return "", [str(e)]
    if path is None:
        data = resources.files("marsad.data.models").joinpath(MODEL).read_bytes()
        card = resources.files("marsad.data.models").joinpath(MODEL.replace(".npz", ".md"))
        where = f"marsad/data/models/{MODEL.replace('.npz', '.md')}"
    else:
        data, card, where = path.read_bytes(), path.with_suffix(".md"), str(path.with_suffix(".md"))
    if not card.is_file():
        problems.append(f"{where}: model card missing")
    elif hashlib.sha256(data).hexdigest() not in card.read_text(encoding="utf-8"):
        problems.append(f"{where}: sha256 does not match the model (rebuild with python -m marsad.learn.foreignnames)")
    return f"{len(model.weights)} n-grams, threshold {model.threshold:.2f}", problems
