"""The pipeline stage of the learned layer: every content sentence gets a quad label and its probability.

The label is ``irrelevant`` when the relevance model says so (p < 0.5); otherwise the QuadClass model's most
likely of the four relevant classes. ``p`` is the probability of the label given: 1 - p(relevant) for
irrelevant, p(relevant) x p(class | relevant) otherwise. Models load on the first sentence (lazily), from
files inside the package (offline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ..text.tokens import forms as token_forms
from .features import Featurizer, marsad_names
from .kil import QUAD_LABELS
from .model import LinearModel

MODEL_FILES = {"quad": "quad.npz", "relevance": "relevance.npz"}


def model_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models"))


def cue_sets(cues) -> list[tuple[str, frozenset[str]]]:
    return [("neg", cues.negation), ("deny", cues.suppress), ("fut", cues.future), ("hyp", cues.hypothetical),
            ("rep", frozenset(cues.reporting))]


def combine(p_rel: float, p_quad: np.ndarray) -> tuple[str, float]:
    """(label, p) from p(relevant) and the QuadClass model's distribution over QUAD_LABELS."""
    if p_rel < 0.5:
        return QUAD_LABELS[0], 1.0 - p_rel
    rel = p_quad[1:] / max(float(p_quad[1:].sum()), 1e-9)
    k = int(rel.argmax())
    return QUAD_LABELS[k + 1], p_rel * float(rel[k])


@dataclass
class SentenceFeatures:
    """Featurises content sentences of a ``Processed`` record, with the rules' own view of them."""

    coder: object  # events.coder.EventCoder: its lexicon and modality cues
    featurizer: Featurizer = field(default_factory=Featurizer)
    _cues: list | None = None

    def names(self, p, sentence_idxs: list[int]) -> list[str]:
        if self._cues is None:
            self._cues = cue_sets(self.coder.cues)
        want = set(sentence_idxs)
        toks = [t for i in sentence_idxs for t in p.tokens.get(i, [])]
        matches = [m for i in sentence_idxs for m in self.coder.lexicon.find([token_forms(t) for t in p.tokens.get(i, [])])]
        return marsad_names(toks, [m for m in p.mentions if m.sentence_idx in want],
                            [a for a in p.agents if a.sentence_idx in want],
                            [e for e in p.events if e.sentence_idx in want], matches, self._cues)

    def __call__(self, p, sentence_idxs: list[int], text: str) -> list[int]:
        return self.featurizer.text(text) + self.featurizer.marsad(self.names(p, sentence_idxs))


class QuadStage:
    """Sets ``p.quads[sentence idx] = (label, p)`` for every content sentence."""

    name = "learn"

    def __init__(self, coder, directory: Path | None = None):
        self.directory = directory or model_dir()
        self.coder = coder
        self._models: dict[str, LinearModel] | None = None
        self._features: SentenceFeatures | None = None

    def _load(self) -> None:
        self._models = {k: LinearModel.load(self.directory / f) for k, f in MODEL_FILES.items()}
        groups = self._models["quad"].groups
        self._features = SentenceFeatures(self.coder, Featurizer(groups=groups))

    def label(self, p, s) -> tuple[str, float]:
        if self._models is None:
            self._load()
        idx = self._features(p, [s.idx], s.text)
        p_rel = float(self._models["relevance"].proba(idx)[1])
        return combine(p_rel, self._models["quad"].proba(idx))

    def __call__(self, p):
        for s in p.content_sentences():
            p.quads[s.idx] = self.label(p, s)
        return p


def record_quad(p) -> dict:
    """The quad of a whole record for ``marsad extract``: its most probable relevant sentence's label, else
    irrelevant with the least certain sentence's p; records of several sentences also list each one."""
    quads = [(s, p.quads[s.idx]) for s in p.content_sentences() if s.idx in p.quads]
    if not quads:
        return {"label": QUAD_LABELS[0], "p": None}
    relevant = [q for _, q in quads if q[0] != QUAD_LABELS[0]]
    label, prob = max(relevant, key=lambda q: q[1]) if relevant else min((q for _, q in quads), key=lambda q: q[1])
    out = {"label": label, "p": round(prob, 3)}
    if len(quads) > 1:
        out["sentences"] = [{"idx": s.idx, "start": s.start, "end": s.end, "label": q[0], "p": round(q[1], 3)}
                            for s, q in quads]
    return out
