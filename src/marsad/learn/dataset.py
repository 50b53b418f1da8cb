"""Featurised Keep it Local sentences: for each unique sentence its hashed indices per feature group, so
training and ablations featurise once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from ..ingest.readers import make_document
from ..pipeline import Pipeline
from .features import N_FEATURES, Featurizer
from .kil import fold, read
from .model import row_values
from .stage import SentenceFeatures


@dataclass
class Featurised:
    groups: dict[str, list[list[int]]]  # group -> one index list per sentence
    texts_fold: list[int]
    index: dict[str, int]  # sentence text -> row

    def matrix(self, rows: list[int], groups: tuple[str, ...], marsad_weight: float) -> csr_matrix:
        data, cols, ptr = [], [], [0]
        for r in rows:
            u, v = row_values([i for g in groups for i in self.groups[g][r]], marsad_weight)
            cols.append(u)
            data.append(v)
            ptr.append(ptr[-1] + len(u))
        return csr_matrix((np.concatenate(data), np.concatenate(cols), np.array(ptr)), shape=(len(rows), N_FEATURES))


def rules_pipeline() -> Pipeline:
    """The rule layers only (text, actors, events): the learned layer's features come from their output."""
    pipe = Pipeline.default("events", learned=False)
    pipe.stages = [s for s in pipe.stages if getattr(s, "name", "") != "learn"]
    return pipe


def featurise(texts: list[str]) -> Featurised:
    pipe = rules_pipeline()
    sf = SentenceFeatures(pipe.stages[-1].coder)
    words, chars = Featurizer(groups=("words",)), Featurizer(groups=("chars",))
    groups: dict[str, list[list[int]]] = {"words": [], "chars": [], "marsad": []}
    for text in texts:
        p = pipe(make_document(text, "kil", ""))
        idxs = [s.idx for s in p.content_sentences()]
        groups["words"].append(words.text(text))
        groups["chars"].append(chars.text(text))
        groups["marsad"].append(sf.featurizer.marsad(sf.names(p, idxs)))
    return Featurised(groups, [fold(t) for t in texts], {t: i for i, t in enumerate(texts)})


def load_kil(kil_dir: Path | None = None, limit: int | None = None) -> tuple[Featurised, dict[str, tuple]]:
    """Featurise both files; returns the features and, per task, (rows, labels, folds)."""
    data = {task: read(task, kil_dir)[:limit] for task in ("quad", "relevance")}
    texts = list(dict.fromkeys(t for rows in data.values() for t, _ in rows))
    f = featurise(texts)
    tasks = {}
    for task, rows in data.items():
        r = [f.index[t] for t, _ in rows]
        tasks[task] = (r, np.array([y for _, y in rows]), np.array([f.texts_fold[i] for i in r]))
    return f, tasks
