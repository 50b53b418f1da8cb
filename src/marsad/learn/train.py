"""Rebuild the shipped models from ../shared with fixed settings: ``python -m marsad.learn.train``.

Writes src/marsad/data/models/{quad,relevance}.npz and a model card beside each (data and licence, date,
features, cross-validated metrics, sha256). Training needs scikit-learn; running the models does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .dataset import load_kil
from .features import MARSAD_BITS, TEXT_BITS
from .fitting import MARSAD_WEIGHT, SEED, C, fit
from .stage import MODEL_FILES, model_dir

CARD = """# Model card: {task} ({file})

- **Task**: {what}
- **Data**: Keep it Local train part, `../shared/eval/kil/{data}` ({n} sentences of Arabic UN documents;
  Osorio et al. 2024, javierosorio/keep_it_local commit 9adc00f, MIT licence). No sentence is stored here:
  features are hashed (crc32) into {bits} buckets.
- **Date built**: {date}
- **Features**: word unigrams and bigrams and character 2-5-grams inside words of the normalised text
  (2^{tb} hashed buckets, one L2-normalised block) plus Marsad's own features (trigger entries by first word and their
  PLOVER types, the coder's events with quad/modality/negation, actor mention kinds and agents, head nouns,
  modality cue words; 2^{mb} buckets, a second L2-normalised block, weight {mw}).
- **Model**: linear SVM (scikit-learn LinearSVC, C={c}, balanced class weights for quad, seed {seed}), margins turned into probabilities by a
  softmax/sigmoid with temperature {scale:.2f} fitted on out-of-fold margins; weights stored as float16.
- **Metrics**: 5-fold cross-validation on the train part (folds by sentence hash):
  {metrics}. Printed by `python -m marsad.learn.evaluate`.
- **sha256** of `{file}`: `{sha}`
- Rebuild: `python -m marsad.learn.train` (reads ../shared/eval/kil).
"""


def train(kil_dir: Path | None = None, out: Path | None = None, limit: int | None = None) -> dict[str, Path]:
    """Cross-validate (for the cards' metrics and the temperatures), then fit on everything and write."""
    from .evaluate import cross_validate
    from .fitting import fit_scale

    out = out or model_dir()
    f, tasks = load_kil(kil_dir, limit)
    cv = cross_validate(f, tasks)
    metrics = {"quad": f"macro-F1 {cv['quad_macro_f1']:.3f} (" + ", ".join(
                   f"{k} {v:.3f}" for k, v in cv["quad_per_class"].items()) + ")",
               "relevance": f"F1 of relevant {cv['relevance_f1']:.3f}"}
    written = {}
    for task, (rows, y, _) in tasks.items():
        model = fit(f, rows, y, task)
        model.scale = fit_scale(*cv["margins"][task])
        path = out / MODEL_FILES[task]
        sha = model.save(path)
        what = ("PLOVER QuadClass of a sentence (irrelevant, verbal/material x cooperation/conflict)" if task == "quad"
                else "relevance of a sentence: does it report a political interaction")
        (out / (path.stem + ".md")).write_text(CARD.format(
            task=task, file=path.name, what=what, data="ar_quadclass_train.tsv" if task == "quad"
            else "ar_binary_train.tsv", n=len(rows), bits=f"2^{TEXT_BITS} + 2^{MARSAD_BITS}",
            date=dt.date.today().isoformat(), tb=TEXT_BITS, mb=MARSAD_BITS, mw=MARSAD_WEIGHT, c=C[task], seed=SEED,
            scale=model.scale, metrics=metrics[task], sha=sha), encoding="utf-8")
        written[task] = path
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kil", type=Path, help="folder of the Keep it Local files (default ../shared/eval/kil)")
    ap.add_argument("--out", type=Path, help="where to write the models (default: inside the package)")
    ap.add_argument("--limit", type=int, help="only the first N rows of each file (tests)")
    args = ap.parse_args(argv)
    for task, path in train(args.kil, args.out, args.limit).items():
        print(f"{task}: {path}")


if __name__ == "__main__":
    main()
