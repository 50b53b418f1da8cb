"""Train the foreign-name word model (``marsad.actors.foreign_names``): ``python -m marsad.learn.foreignnames
[--gold ../shared/eval/ner/newsfane_train.tsv] [--out src/marsad/data/models/foreign_names.npz]``.

Positives: the words of the bundled dictionary's names of persons of states whose names are not Arabic (not
``arabic_name_states``; no IGO roles), of those states' own names, capitals and cities, and the listed foreign
given names. Negatives: Arabic words of the project's own lists (function words, the trigger, framing and modality
lexicons, the word lists of titled.yaml and guards.yaml, agent head nouns) and the words labelled O in the
**dev half** of the NewsFANE file (the split of ``marsad eval actors``; the test half is never read). A word on
both sides is dropped; words with ال, links (بن، دي) and words under three letters are left out.

L2 logistic regression over character n-grams (``ngrams``), balanced classes. Five-fold cross-validation gives the
out-of-fold scores; the threshold is the lowest at which out-of-fold precision on names reaches PRECISION (names
are rare where the model is asked, so a false name costs more than a missed one). Prints the figures the model
card states.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
import yaml

from ..actors.dictionary import NOT_SURNAMES, key
from ..actors.foreign_names import ngrams
from ..actors.guards import load_guards
from ..actors.loader import load_dictionary
from ..actors.titled import LINKS, load_titled
from ..text.normalize import normalize
from ..text.tokens import function_words

PRECISION = 0.95
FOLDS = 5
C = 1.0
SEED = 11
ARABIC = re.compile(r"^[\u0621-\u064a]+$")
LEXICONS = ("lexicon/triggers.yaml", "lexicon/triggers_more.yaml", "lexicon/triggers_news.yaml",
            "lexicon/framing.yaml", "lexicon/modality.yaml", "actors/agents.yaml")


def _word(w: str) -> str | None:
    w = normalize(w).strip("\"'()«»،,.")
    if not ARABIC.match(w) or w.startswith("ال") or len(w) < 3 or w in LINKS or w in NOT_SURNAMES:
        return None
    return key(w)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def positives() -> set[str]:
    from importlib import resources

    arab = load_guards().arabic_name_states
    states = {c for c, e in load_dictionary().entries.items() if e.kind == "state"}
    out: set[str] = set()
    folder = resources.files("marsad.data.actors")
    for f in sorted(x.name for x in folder.iterdir() if x.name.endswith(".yaml")):
        for e in yaml.safe_load(folder.joinpath(f).read_text(encoding="utf-8")) or []:
            if not isinstance(e, dict):
                continue
            if f.startswith("people_"):
                codes = {r.get("code") for r in e.get("roles") or []}
                if not codes or not codes <= states or codes & arab:
                    continue  # (a person of an IGO may be of any state)
                texts = e.get("names") or []
            elif e.get("kind") == "state" and e.get("code") not in arab:
                texts = (e.get("names") or []) + (e.get("capitals") or []) + (e.get("cities") or [])
            else:
                continue
            out.update(w for t in texts if isinstance(t, str) for w in map(_word, t.replace("-", " ").split()) if w)
    out.update(w for w in map(_word, load_titled().foreign_given_names) if w)
    return out


def negatives(gold: Path | None) -> set[str]:
    from importlib import resources

    out = {w for w in map(_word, function_words()) if w}
    data = resources.files("marsad.data")
    for rel in LEXICONS:
        node = yaml.safe_load(data.joinpath(rel).read_text(encoding="utf-8"))
        out.update(w for s in _strings(node) for part in s.split() for w in [_word(part)] if w)
    titled = load_titled()
    for name in ("office_words", "apposition_words", "honorifics", "political_honorifics", "speech_verbs",
                 "name_stops", "military_ranks", "state_organs", "subject_cues", "business_words", "occupations",
                 "religious_words"):
        out.update(w for w in map(_word, getattr(titled, name)) if w)
    guards = load_guards()
    for name, words in vars(guards).items():
        if name in ("given_names", "arabic_name_states", "problems") or not isinstance(words, frozenset):
            continue
        out.update(x for x in (_word(w) for w in words if isinstance(w, str)) if x)
    if gold is not None:
        from ..quality.ner_eval import read_bio, split_halves

        dev, _test = split_halves(read_bio(gold))  # the dev half only
        for s in dev:
            out.update(w for t, lab in zip(s.tokens, s.labels, strict=True) if lab == "O" for w in [_word(t)] if w)
    return out


def dataset(gold: Path | None) -> tuple[list[str], np.ndarray]:
    pos, neg = positives(), negatives(gold)
    both = pos & neg
    pos, neg = sorted(pos - both), sorted(neg - both)
    return pos + neg, np.array([1] * len(pos) + [0] * len(neg))


def fit(words: list[str], y: np.ndarray):
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = CountVectorizer(analyzer=ngrams, binary=True)
    x = vec.fit_transform(words)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    clf.fit(x, y)
    return vec, clf


def oof_scores(words: list[str], y: np.ndarray) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    fold = rng.integers(0, FOLDS, len(words))
    out = np.zeros(len(words))
    for f in range(FOLDS):
        tr, te = fold != f, fold == f
        vec, clf = fit([w for w, k in zip(words, tr, strict=True) if k], y[tr])
        out[te] = clf.predict_proba(vec.transform([w for w, k in zip(words, te, strict=True) if k]))[:, 1]
    return out


def prf(y: np.ndarray, p: np.ndarray, t: float) -> tuple[float, float, float]:
    pred = p >= t
    tp = int((pred & (y == 1)).sum())
    prec = tp / max(int(pred.sum()), 1)
    rec = tp / max(int((y == 1).sum()), 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-9)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/eval/ner/newsfane_train.tsv"))
    ap.add_argument("--out", type=Path, default=Path("src/marsad/data/models/foreign_names.npz"))
    a = ap.parse_args(argv)
    gold = a.gold if a.gold.exists() else None
    words, y = dataset(gold)
    print(f"names {int(y.sum())}, Arabic words {int((y == 0).sum())} (NewsFANE dev O words: {'yes' if gold else 'no'})")
    p = oof_scores(words, y)
    ts = [t for t in np.arange(0.5, 0.99, 0.01) if prf(y, p, t)[0] >= PRECISION]
    threshold = float(round(ts[0], 2)) if ts else 0.9
    for t in (0.5, threshold):
        print("out-of-fold at %.2f: P %.3f R %.3f F1 %.3f" % ((t,) + prf(y, p, t)))
    vec, clf = fit(words, y)
    w = clf.coef_[0]
    keep = np.abs(w) > 1e-4
    grams = np.array(vec.get_feature_names_out())[keep]
    np.savez_compressed(a.out, grams=grams.astype(str), weights=w[keep].astype(np.float32),
                        bias=np.float32(clf.intercept_[0]), threshold=np.float32(threshold))
    print(f"wrote {a.out}: {int(keep.sum())} n-grams, threshold {threshold}")


if __name__ == "__main__":
    main()
