"""Keep it Local (../shared/eval/kil, MIT): Arabic UN sentences with PLOVER QuadClass or relevance labels.

The text is read from ../shared at training time and never stored in the repository or in model files
(features are hashed).
"""

from __future__ import annotations

import csv
import zlib
from pathlib import Path

# Label index -> PLOVER quad. ../shared/eval/kil/README.md lists 1 verbal conflict, 2 material conflict, 3 verbal
# cooperation, 4 material cooperation, but the sentences say otherwise. Share of each label's sentences with a
# word family (normalised text, train file): killing (قتل) 1: 6%, others <= 1%; attacks (هجوم) 1: 15%, 3: 7%;
# condemnation (يدين/أدان) 3: 9%, others 1%; concern (قلق) 3: 17%; welcoming (رحب) 4: 5%, others <= 1%;
# meetings (اجتماع) 4: 7%; aid (مساعدات) 2: 7%, 4: 6%; deployment (نشر) 2: 3%. So 1 is material conflict,
# 2 material cooperation, 3 verbal conflict, 4 verbal cooperation (macro-F1 does not depend on the names).
QUAD_LABELS = ["irrelevant", "material_conflict", "material_cooperation", "verbal_conflict", "verbal_cooperation"]
RELEVANCE_LABELS = ["irrelevant", "relevant"]
FILES = {"quad": ("ar_quadclass_train.tsv", QUAD_LABELS), "relevance": ("ar_binary_train.tsv", RELEVANCE_LABELS)}
FOLDS = 5


class KilError(ValueError):
    pass


def default_dir() -> Path:
    """../shared/eval/kil beside the repository (or the working directory)."""
    here = Path(__file__).resolve()
    for base in [Path.cwd(), *here.parents]:
        d = base.parent / "shared" / "eval" / "kil"
        if d.is_dir():
            return d
    return Path.cwd().parent / "shared" / "eval" / "kil"


def read(task: str, kil_dir: Path | None = None) -> list[tuple[str, int]]:
    """(sentence, label index) rows of one task's file; bad rows raise KilError naming file and line."""
    name, labels = FILES[task]
    path = (kil_dir or default_dir()) / name
    if not path.is_file():
        raise KilError(f"{path}: not found (the Keep it Local train part belongs in ../shared/eval/kil)")
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if not header or len(header) != 2:
            raise KilError(f"{path}: expected a header row 'ar<TAB>label'")
        for lineno, row in enumerate(reader, 2):
            if len(row) != 2 or not row[1].strip().isdigit() or int(row[1]) >= len(labels):
                raise KilError(f"{path}:{lineno}: expected a sentence, a tab and a label 0..{len(labels) - 1}")
            rows.append((row[0], int(row[1])))
    return rows


def fold(text: str) -> int:
    """Cross-validation fold by the sentence's hash: a sentence present twice, or in both files, stays in one
    fold, so the relevance model used beside the quad model never saw the quad test fold."""
    return zlib.crc32(text.strip().encode("utf-8")) % FOLDS
