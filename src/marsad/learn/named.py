"""A small logistic model over named features (strings such as ``type=ASSAULT|a=none``), stored as a compressed
.npz of names, weights and bias (no pickle, no scikit-learn at run time). Used by the event and argument
scorers, whose features are few and worth reading: the model file says what it learned, name by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .model import ModelError, probabilities


@dataclass
class NamedModel:
    labels: list[str]
    names: list[str]
    weights: np.ndarray  # (len(names), k); k = 1 for a binary model (sigmoid), else one column per label
    bias: np.ndarray  # (k,)
    threshold: float = 0.5  # decision threshold, chosen by cross-validation
    override: float = 1.01  # a second threshold where a model has one (argument scorer); above 1: unused
    judged: list[str] = field(default_factory=list)  # event scorer: the event types it may drop (see eventtrain)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {n: i for i, n in enumerate(self.names)}

    def proba(self, feats: list[str]) -> np.ndarray:
        """Probability of each label for one item; unknown names are ignored."""
        index = self._index
        idx = [i for f in set(feats) if (i := index.get(f)) is not None]  # one lookup a name, same order
        return probabilities(self.weights[idx].sum(axis=0) + self.bias if idx else self.bias.copy())

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            np.savez_compressed(f, labels=np.array(self.labels), names=np.array(self.names, dtype=str),
                                weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
                                threshold=np.float32(self.threshold), override=np.float32(self.override),
                                judged=np.array(self.judged, dtype=str))

    @classmethod
    def load(cls, path: Path) -> NamedModel:
        try:
            with np.load(path, allow_pickle=False) as z:
                m = cls(labels=[str(x) for x in z["labels"]], names=[str(x) for x in z["names"]],
                        weights=z["weights"].astype(np.float64), bias=z["bias"].astype(np.float64),
                        threshold=float(z["threshold"]), override=float(z["override"]),
                        judged=[str(x) for x in z["judged"]])
        except (OSError, KeyError, ValueError) as e:
            raise ModelError(f"{path}: not a Marsad named-feature model file ({e})") from e
        if m.weights.ndim != 2 or m.weights.shape[0] != len(m.names) or m.weights.shape[1] != len(m.bias):
            raise ModelError(f"{path}: weights have shape {m.weights.shape} for {len(m.names)} names and "
                             f"{len(m.bias)} outputs")
        if len(m.labels) < 2 or (m.weights.shape[1] != 1 and m.weights.shape[1] != len(m.labels)):
            raise ModelError(f"{path}: {len(m.labels)} labels for {m.weights.shape[1]} weight columns")
        return m


def fit_named(rows: list[list[str]], y: list[int], labels: list[str], weights: list[float] | None = None,
              c: float = 1.0) -> NamedModel:
    """L2 logistic regression (scikit-learn, deterministic lbfgs) over the names seen in ``rows``."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    names = sorted({f for r in rows for f in r})
    index = {n: i for i, n in enumerate(names)}
    ind, ptr = [], [0]
    for r in rows:
        ind.extend(sorted({index[f] for f in r}))
        ptr.append(len(ind))
    x = csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(names)))
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, np.asarray(y), sample_weight=None if weights is None else np.asarray(weights))
    if len(clf.classes_) != len(labels):
        raise ValueError(f"training data has {len(clf.classes_)} of {len(labels)} labels")
    return NamedModel(labels, names, clf.coef_.T.astype(np.float64), clf.intercept_.astype(np.float64))
