"""A linear model over hashed features, stored as a compressed .npz and scored with numpy (no scikit-learn at
run time). Binary models hold one weight column (sigmoid); multi-class ones one per class (softmax); the
margins are multiplied by a temperature fitted on out-of-fold scores so that ``p`` is a probability.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import N_FEATURES, N_TEXT


def probabilities(z: np.ndarray) -> np.ndarray:
    """Label probabilities from scores: a sigmoid for one binary column ([no, yes]), else a softmax."""
    if len(z) == 1:
        p1 = 1.0 / (1.0 + np.exp(-float(z[0])))
        return np.array([1.0 - p1, p1])
    z = np.exp(z - z.max())
    return z / z.sum()


class ModelError(ValueError):
    """A model file that cannot be used; the message names the file and the problem."""


def row_values(idx: list[int], marsad_weight: float) -> tuple[np.ndarray, np.ndarray]:
    """Feature indices and their values: counts divided by the square root of the block's total count, for
    each block (text, marsad) on its own. (Not an exact L2 norm when a feature repeats, but additive over
    words, so the stage can sum cached per-word weight vectors: see stage.QuadStage.)"""
    u, c = np.unique(np.asarray(idx, dtype=np.int64), return_counts=True)
    v = c.astype(np.float32)
    text = u < N_TEXT
    n_text, n_m = int(c[text].sum()), int(c[~text].sum())
    if n_text:
        v[text] /= np.sqrt(n_text)
    if n_m:
        v[~text] *= marsad_weight / np.sqrt(n_m)
    return u, v


@dataclass
class LinearModel:
    labels: list[str]
    weights: np.ndarray  # (N_FEATURES, k), k = 1 for binary
    bias: np.ndarray  # (k,)
    groups: tuple[str, ...]
    marsad_weight: float
    scale: float = 1.0  # temperature for the margins of a linear SVM, fitted on out-of-fold scores

    def scores(self, idx: list[int]) -> np.ndarray:
        return self.scores_row(*row_values(idx, self.marsad_weight))

    def scores_row(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return v @ self.weights[u].astype(np.float32) + self.bias

    def proba(self, idx: list[int]) -> np.ndarray:
        """Probability of each label (in ``labels`` order) for one featurised sentence."""
        return self.proba_row(*row_values(idx, self.marsad_weight))

    def proba_row(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return self.proba_margins(v @ self.weights[u].astype(np.float32))

    def proba_margins(self, raw: np.ndarray) -> np.ndarray:
        """Probabilities from the weighted sum before the bias (``v @ weights[u]``)."""
        return probabilities((raw + self.bias) * self.scale)

    def save(self, path: Path) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            np.savez_compressed(f, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                                labels=np.array(self.labels), groups=np.array(self.groups),
                                marsad_weight=np.float32(self.marsad_weight), scale=np.float32(self.scale))
        return sha256(path)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        try:
            with np.load(path, allow_pickle=False) as z:
                m = cls(labels=[str(x) for x in z["labels"]], weights=z["weights"], bias=z["bias"],
                        groups=tuple(str(x) for x in z["groups"]), marsad_weight=float(z["marsad_weight"]),
                        scale=float(z["scale"]))
        except (OSError, KeyError, ValueError) as e:
            raise ModelError(f"{path}: not a Marsad model file ({e})") from e
        if m.weights.ndim != 2 or m.weights.shape[0] != N_FEATURES:
            raise ModelError(f"{path}: weights have shape {m.weights.shape}, expected ({N_FEATURES}, k)")
        if m.weights.shape[1] != len(m.bias) or len(m.labels) < 2:
            raise ModelError(f"{path}: {len(m.labels)} labels for {m.weights.shape[1]} weight columns")
        return m


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
