"""Sentence relevance on press articles (documents with a title): a small logistic model over the Keep it Local
relevance probability, the rules' events in the sentence and the page (marsad.learn.domain), trained on the
real-news gold's dev half (a row is relevant when it has a non-optional gold event) with its threshold chosen by
cross-validation there.

Why: Keep it Local's "political interaction" in UN prose is broader than "has a codable event"; on Saudi press the
KIL-trained model calls about half of all sentences relevant (precision 0.27 on dev). Sentences without a title
around them (``marsad extract`` records, Keep it Local itself) keep the KIL decision unchanged.
"""

from __future__ import annotations

import zlib

from ..records import Processed
from .named import NamedModel

NEWS_MODEL = "news_relevance.npz"


def _bucket10(x: float) -> str:
    return f"{min(int(x * 10), 9)}"


def news_names(p_rel: float, quad: str, events: list, page_names: list[str], sent_domains: list[str]) -> list[str]:
    """Features of one sentence: KIL relevance (tenths), its quad class, what the rules coded there, the page."""
    both = any(e.actor.code and e.recipient.code for e in events)
    ev = "both" if both else "some" if events else "none"
    out = [f"rel={_bucket10(p_rel)}", f"squad={quad}", f"ev={ev}", f"ev={ev}|rel>=0.5={p_rel >= 0.5}"]
    out += [f"ev.quad={e.quad}" for e in events]
    out += page_names + [f"sent.{d}" for d in sent_domains]
    top = next((f for f in page_names if f.startswith("doc.political=")), None)
    if top:
        out.append(f"{top}|ev={ev}")
    return out


def decide(q: float, threshold: float, p_quad, labels: list[str]) -> tuple[str, float]:
    """(label, p) from the press relevance probability ``q`` and the QuadClass distribution."""
    if q < threshold:
        return labels[0], 1.0 - q
    rel = p_quad[1:] / max(float(p_quad[1:].sum()), 1e-9)
    k = int(rel.argmax())
    return labels[k + 1], q * float(rel[k])


def is_press(p: Processed) -> bool:
    """Press articles carry a title; a bare sentence or record does not."""
    return bool(p.doc.title.strip())


FOLDS = 5
THRESHOLDS = [x / 20 for x in range(4, 17)]  # 0.2 … 0.8
C_NEWS = 0.3


def fold_of(row_id: str) -> int:
    return zlib.crc32(row_id.encode()) % FOLDS


def _f1(rows: list[tuple[str, list[str], int]], probs: list[float], t: float) -> float:
    tp = sum(1 for (_, _, y), q in zip(rows, probs, strict=True) if y and q >= t)
    fp = sum(1 for (_, _, y), q in zip(rows, probs, strict=True) if not y and q >= t)
    fn = sum(1 for (_, _, y), q in zip(rows, probs, strict=True) if y and q < t)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def train_news(rows: list[tuple[str, list[str], int]]) -> tuple[NamedModel, dict]:
    """Fits the model on (row id, features, relevant) rows; threshold by 5-fold CV (folds by row id) for the best
    relevance F1. Returns the model and the out-of-fold figures."""
    from .named import fit_named

    probs = [0.0] * len(rows)
    for k in range(FOLDS):
        train = [r for r in rows if fold_of(r[0]) != k]
        m = fit_named([f for _, f, _ in train], [y for _, _, y in train], ["no", "yes"], c=C_NEWS)
        for i, r in enumerate(rows):
            if fold_of(r[0]) == k:
                probs[i] = float(m.proba(r[1])[1])
    best = max(THRESHOLDS, key=lambda t: (round(_f1(rows, probs, t), 6), -abs(t - 0.5)))
    model = fit_named([f for _, f, _ in rows], [y for _, _, y in rows], ["no", "yes"], c=C_NEWS)
    model.threshold = best
    return model, {"n": len(rows), "pos": sum(y for _, _, y in rows), "threshold": best, "cv_f1": round(_f1(rows, probs, best), 3),
                   "cv_f1_at_0.5": round(_f1(rows, probs, 0.5), 3)}
