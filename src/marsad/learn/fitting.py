"""Fitting one linear model of the learned layer, shared by training (``train``) and cross-validation
(``evaluate``), so that neither imports the other."""

from __future__ import annotations

import numpy as np

from .dataset import Featurised
from .features import GROUPS
from .kil import QUAD_LABELS, RELEVANCE_LABELS
from .model import LinearModel

C = {"quad": 0.3, "relevance": 0.5}  # chosen by 5-fold CV (python -m marsad.learn.evaluate)
MARSAD_WEIGHT = 1.0
SEED = 0


def fit(f: Featurised, rows: list[int], y: np.ndarray, task: str, groups=GROUPS,
        marsad_weight: float = MARSAD_WEIGHT) -> LinearModel:
    from sklearn.svm import LinearSVC

    clf = LinearSVC(C=C[task], class_weight="balanced" if task == "quad" else None, random_state=SEED)
    clf.fit(f.matrix(rows, groups, marsad_weight), y)
    labels = QUAD_LABELS if task == "quad" else RELEVANCE_LABELS
    if len(clf.classes_) != len(labels):
        raise ValueError(f"{task}: training data has {len(clf.classes_)} of {len(labels)} labels")
    return LinearModel(labels, clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32), tuple(groups),
                       marsad_weight)



def fit_scale(margins: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising the log loss of out-of-fold margins (sigmoid for 1-D, softmax for 2-D)."""
    best, best_loss = 1.0, float("inf")
    for t in np.geomspace(0.1, 20, 60):
        z = margins * t
        if z.ndim == 1:
            p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
            loss = -np.mean(np.log(np.where(y == 1, p, 1 - p) + 1e-12))
        else:
            z = z - z.max(axis=1, keepdims=True)
            loss = -np.mean(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1)))
        if loss < best_loss:
            best, best_loss = float(t), float(loss)
    return best
