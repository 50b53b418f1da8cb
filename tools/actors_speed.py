"""CPU seconds of the text and actor stages on the first MB of SaudiNewsNet, cold (each word seen for the first time
in this process, as a fresh corpus is), in three ways:

    python tools/actors_speed.py [MB] [--mode batch|collect|interleaved] [--bench] [--parts]
    python tools/actors_speed.py [MB] --against <other tree>/src --pairs 5    # alternating runs, medians

- batch: the text stage over all articles, then the actor stage over all (as actors3 measured it); the actor stage
  also pays for the garbage collections that the text stage's objects set off;
- collect: as batch, with a full garbage collection before each stage (each stage pays for its own objects);
- interleaved: text then actors article by article, nothing kept (as the pipeline runs).
``--bench``: the corpus of `marsad bench` instead (seeds and the bundled sample, replicated: every word seen before
after the first copy, and three times as many names per MB as the press corpus). ``--parts``: the actor stage's CPU
by part (matcher, guards, resolver …; the timing wrappers add a little to "rest").
The article's first sight at once (``Matcher.prepare``, ``Passes.prepare``, where the tree has them) is "first sight".
``--gc-freeze``: ``gc.freeze()`` after loading (the dictionaries' objects leave the collector's view, as
``ingest.workers`` does before forking). ``--gc-off``: no garbage collection while the stages run (their own work only: which stage a collection lands in
depends on the objects alive, not on the stage). ``--against SRC --pairs N``: runs this command N times for SRC (PYTHONPATH=SRC) and for this tree, alternating (the
machine is shared: only runs next to each other compare), and prints the medians.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from marsad.ingest.newsjson import read_news_zip
from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline
from marsad.quality.bench import corpus_texts, replicate
from marsad.records import Processed

LINE = re.compile(r"text ([\d.]+)s actors ([\d.]+)s actors/text ([\d.]+)")
PARTS = ("matcher", "guards", "resolver", "short_names", "provisional", "titled", "references", "_own_state",
         "_agents_and_places", "historic", "passes")  # (the parts a tree has: ``passes`` is new in the ninth round)


def press(corpus: str, mb: float) -> list:
    """As `marsad bench --press` reads it (written here too: ``--against`` runs this file on older trees)."""
    docs, size = [], 0
    for f in sorted(Path(corpus).glob("*.zip")):
        for d in read_news_zip(f):
            if hasattr(d, "origin"):
                docs.append(d)
                size += len(d.text.encode())
            if size > mb * 1e6:
                return docs
    return docs


class Timed:
    """A stage part (callable object or bound method) whose CPU seconds add up in ``spent[name]``."""

    def __init__(self, inner, name: str, spent: dict[str, float]):
        self.inner, self.name, self.spent = inner, name, spent

    def __call__(self, *args, **kwargs):
        t = time.process_time()
        try:
            return self.inner(*args, **kwargs)
        finally:
            self.spent[self.name] += time.process_time() - t

    def __getattr__(self, attr):  # (the stage reads the matcher's and resolver's other attributes)
        return getattr(self.inner, attr)


def timed_parts(stage) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)
    for name in PARTS:
        if hasattr(stage, name):
            setattr(stage, name, Timed(getattr(stage, name), name, spent))
    stage.resolver.candidates = Timed(stage.resolver.candidates, "candidates", spent)
    for part in (stage.matcher, getattr(stage, "passes", None)):  # an article's first sight at once (tenth round)
        if isinstance(part, Timed) and hasattr(part.inner, "prepare"):
            part.prepare = Timed(part.inner.prepare, "first sight", spent)
    return spent


def against(a: argparse.Namespace) -> None:
    """Alternate runs of this command for the other tree and this one; print every run and the medians."""
    args = [sys.executable, __file__, str(a.mb), "--mode", a.mode] + (["--bench"] if a.bench else []) + \
        (["--gc-off"] if a.gc_off else []) + (["--gc-freeze"] if a.gc_freeze else [])
    rows: dict[str, list[tuple[float, ...]]] = {"base": [], "new": []}
    here = os.environ.get("PYTHONPATH", "")
    for _ in range(a.pairs):
        for label, path in (("base", a.against), ("new", here)):
            env = dict(os.environ, PYTHONPATH=path)
            out = subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout.strip()
            print(f"{label} {out}", flush=True)
            m = LINE.search(out)
            if m:
                rows[label].append(tuple(float(x) for x in m.groups()))
    for label, got in rows.items():
        med = [statistics.median(r[i] for r in got) for i in range(3)]
        print(f"{label} median of {len(got)}: text {med[0]:.2f}s actors {med[1]:.2f}s actors/text {med[2]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mb", type=float, nargs="?", default=2.0)
    ap.add_argument("--mode", choices=("batch", "collect", "interleaved"), default="batch")
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    ap.add_argument("--bench", action="store_true", help="the corpus of `marsad bench` (replicated seeds and sample)")
    ap.add_argument("--parts", action="store_true", help="the actor stage's CPU by part")
    ap.add_argument("--gc-off", action="store_true", help="no garbage collection while the stages run")
    ap.add_argument("--gc-freeze", action="store_true",
                    help="gc.freeze() once the stages are built and the articles read (collections skip those objects)")
    ap.add_argument("--against", help="another tree's src folder: alternate runs with it, print medians")
    ap.add_argument("--pairs", type=int, default=3)
    a = ap.parse_args()
    if a.against:
        against(a)
        return
    text_stage, actor_stage = Pipeline.default("actors").stages
    spent = timed_parts(actor_stage) if a.parts else {}
    if a.bench:
        docs = [make_document(t, f"bench#{i}", published="2025-06-01")
                for i, t in enumerate(replicate(corpus_texts(None), a.mb))]
    else:
        docs = press(a.corpus, a.mb)
    size = sum(len(d.text.encode()) for d in docs)
    if a.gc_freeze:
        gc.collect()
        gc.freeze()
    if a.gc_off:
        gc.collect()
        gc.disable()
    text = actors = 0.0
    if a.mode == "interleaved":
        for d in docs:
            t = time.process_time()
            p = text_stage(Processed(doc=d))
            text += time.process_time() - t
            t = time.process_time()
            actor_stage(p)
            actors += time.process_time() - t
    else:
        if a.mode == "collect":
            gc.collect()
        t = time.process_time()
        done = [text_stage(Processed(doc=d)) for d in docs]
        text = time.process_time() - t
        if a.mode == "collect":
            gc.collect()
        t = time.process_time()
        for p in done:
            actor_stage(p)
        actors = time.process_time() - t
    print(f"{len(docs)} {'documents' if a.bench else 'articles'}, {size:,} bytes, mode {a.mode}"
          f"{', gc off' if a.gc_off else ''}{', gc frozen' if a.gc_freeze else ''}: text {text:.2f}s "
          f"actors {actors:.2f}s actors/text {actors / text:.2f}")
    if spent:
        rest = actors - sum(spent.values())
        print("actor stage by part: " + ", ".join(f"{k.strip('_')} {v:.2f}s" for k, v in
                                                  sorted(spent.items(), key=lambda x: -x[1])) + f", rest {rest:.2f}s")


if __name__ == "__main__":
    main()
