"""Sentence relevance on the real-news gold: ``python -m marsad.learn.news [GOLD] [--corpus DIR]``.

A gold row is relevant when it has a (non-optional) gold event; the layer calls it relevant when a sentence
overlapping the row gets a quad other than irrelevant; the rules when the coder codes an event there. Prints
P/R/F1 per split. The gold (tests/gold/real_news.jsonl, made by the coder-on-real-news work) points into
../shared/corpora/saudinewsnet by file, article index and offsets; the text is read from there.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from ..ingest.newsjson import corpus_articles
from ..ingest.readers import make_document
from ..pipeline import Pipeline


def prf(m: Counter) -> tuple[float, float, float]:
    tp, fp, fn = m[(True, True)], m[(False, True)], m[(True, False)]
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def score(gold: Path, corpus: Path) -> dict[str, dict[str, Counter]]:
    rows = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    arts = {}
    for f in sorted({r["file"] for r in rows}):
        if not (corpus / f).is_file():
            raise FileNotFoundError(f"{corpus / f}: the gold points into the development corpus; give --corpus")
        arts[f] = corpus_articles(corpus / f)
    pipe = Pipeline.default(learned=False)  # rule events; the sentence quads come before the event scorers
    out: dict[str, dict[str, Counter]] = {}
    for r in rows:
        obj = arts[r["file"]][r["index"]]
        p = pipe(make_document(obj["content"], "x", str(obj.get("title") or "")))
        sids = {s.idx for s in p.sentences if s.start < r["end"] and r["start"] < s.end}
        gold_rel = any(not e.get("optional") for e in r["events"])
        c = out.setdefault(r["split"], {"layer": Counter(), "rules": Counter(), "quads": Counter()})
        c["layer"][(gold_rel, any(p.quads.get(i, ("irrelevant",))[0] != "irrelevant" for i in sids))] += 1
        c["rules"][(gold_rel, any(e.sentence_idx in sids for e in p.events))] += 1
        c["quads"].update(p.quads[i][0] for i in sids if i in p.quads)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, nargs="?", default=Path("tests/gold/real_news.jsonl"))
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpora/saudinewsnet"))
    args = ap.parse_args(argv)
    for split, c in sorted(score(args.gold, args.corpus).items()):
        for k in ("rules", "layer"):
            p, r, f = prf(c[k])
            print(f"{split:<5} {k:<6} relevance P {p:.3f} R {r:.3f} F1 {f:.3f}  ({sum(c[k].values())} rows)")
        print(f"{split:<5} layer quads: " + ", ".join(f"{q} {n}" for q, n in c["quads"].most_common()))


if __name__ == "__main__":
    main()
