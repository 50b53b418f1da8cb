"""5-fold cross-validation on the Keep it Local train part: ``python -m marsad.learn.evaluate``.

Prints QuadClass macro-F1 and relevance F1 (positive class) for the rules alone (the coder's events mapped to
their quad; no event = irrelevant) and for the learned layer with each feature group left out in turn.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from .dataset import Featurised, load_kil
from .features import GROUPS, Featurizer
from .fitting import fit
from .kil import FOLDS, QUAD_LABELS
from .stage import combine


def f1_scores(y: np.ndarray, p: np.ndarray, k: int) -> list[float]:
    out = []
    for c in range(k):
        tp = int(((p == c) & (y == c)).sum())
        fp, fn = int(((p == c) & (y != c)).sum()), int(((p != c) & (y == c)).sum())
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out


def rules_only(f: Featurised, rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Quad and relevance predicted from the coder's events alone (evquad:* features, first one wins)."""
    fz = Featurizer()
    code = {fz.marsad(["evquad:" + q])[0]: k for k, q in enumerate(QUAD_LABELS) if k}
    quad = np.array([next((code[i] for i in f.groups["marsad"][r] if i in code), 0) for r in rows])
    return quad, (quad > 0).astype(int)


def cross_validate(f: Featurised, tasks: dict, groups=GROUPS, marsad_weight: float = 1.0) -> dict:
    """Out-of-fold predictions of both models; the quad label combines them as the pipeline stage does."""
    q_rows, q_y, q_fold = tasks["quad"]
    r_rows, r_y, r_fold = tasks["relevance"]
    q_alone, q_comb, r_pred = np.zeros_like(q_y), np.zeros_like(q_y), np.zeros_like(r_y)
    q_marg, r_marg = np.zeros((len(q_y), len(QUAD_LABELS))), np.zeros(len(r_y))
    both = Featurizer().marsad(["evparties:TrueTrue"])[0] if "marsad" in groups else -1
    for k in range(FOLDS):
        tr_q, tr_r = q_fold != k, r_fold != k
        mq = fit(f, [r for r, t in zip(q_rows, tr_q, strict=True) if t], q_y[tr_q], "quad", groups, marsad_weight)
        mr = fit(f, [r for r, t in zip(r_rows, tr_r, strict=True) if t], r_y[tr_r], "relevance", groups,
                 marsad_weight)
        for j in np.flatnonzero(~tr_r):
            r_marg[j] = mr.scores(_idx(f, r_rows[j], groups))[0]
        for j in np.flatnonzero(~tr_q):
            idx = _idx(f, q_rows[j], groups)
            q_marg[j] = mq.scores(idx)
            q_alone[j] = int(q_marg[j].argmax())
            q_comb[j] = QUAD_LABELS.index(combine(float(mr.proba(idx)[1]), mq.proba(idx), both in idx)[0])
    r_pred = np.array([int(m >= 0 or both in f.groups["marsad"][r]) for m, r in zip(r_marg, r_rows, strict=True)])
    return {"quad_macro_f1": float(np.mean(f1_scores(q_y, q_comb, 5))),
            "quad_alone_macro_f1": float(np.mean(f1_scores(q_y, q_alone, 5))),
            "relevance_f1": f1_scores(r_y, r_pred, 2)[1],
            "quad_per_class": dict(zip(QUAD_LABELS, f1_scores(q_y, q_comb, 5), strict=True)),
            "margins": {"quad": (q_marg, q_y), "relevance": (r_marg, r_y)}}


def _idx(f: Featurised, r: int, groups) -> list[int]:
    return [i for g in groups for i in f.groups[g][r]]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kil", type=Path, help="folder of the Keep it Local files (default ../shared/eval/kil)")
    ap.add_argument("--limit", type=int, help="only the first N rows of each file")
    ap.add_argument("--no-ablation", action="store_true", help="only the full layer (faster)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    f, tasks = load_kil(args.kil, args.limit)
    print(f"featurised {len(f.texts_fold)} sentences in {time.perf_counter() - t0:.1f}s "
          f"(quad {len(tasks['quad'][0])}, relevance {len(tasks['relevance'][0])}); 5-fold CV by sentence hash")
    rq, _ = rules_only(f, tasks["quad"][0])
    _, rr = rules_only(f, tasks["relevance"][0])
    print(f"{'setup':<34} {'quad macro-F1':>13} {'quad model alone':>16} {'relevance F1':>12}")
    print(f"{'rules only (coder events)':<34} {np.mean(f1_scores(tasks['quad'][1], rq, 5)):>13.3f} {'':>16} "
          f"{f1_scores(tasks['relevance'][1], rr, 2)[1]:>12.3f}")
    setups = [("learned: words+chars+marsad", GROUPS)]
    if not args.no_ablation:
        setups += [(f"learned: without {g}", tuple(x for x in GROUPS if x != g)) for g in GROUPS]
    full = None
    for name, groups in setups:
        r = cross_validate(f, tasks, groups)
        full = full or r
        print(f"{name:<34} {r['quad_macro_f1']:>13.3f} {r['quad_alone_macro_f1']:>16.3f} {r['relevance_f1']:>12.3f}",
              flush=True)
    print("per class (full layer): " + ", ".join(f"{k} {v:.3f}" for k, v in full["quad_per_class"].items()))
    print("peers (authors' test split, GPU): ConfliBERT-Arabic 0.63 / 0.91, AraBERT 0.51 / 0.90")


if __name__ == "__main__":
    main()
