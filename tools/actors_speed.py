"""CPU seconds of the text and actor stages on the first MB of SaudiNewsNet, cold (each word seen for the first time
in this process, as a fresh corpus is), in three ways:

    python tools/actors_speed.py [MB] [--mode batch|collect|interleaved]

- batch: the text stage over all articles, then the actor stage over all (as actors3 measured it); the actor stage
  also pays for the garbage collections that the text stage's objects set off;
- collect: as batch, with a full garbage collection before each stage (each stage pays for its own objects);
- interleaved: text then actors article by article, nothing kept (as the pipeline runs).
Run it with PYTHONPATH=<other tree>/src for a baseline, alternating runs in the same shell (the machine is shared).
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from marsad.ingest.newsjson import read_news_zip
from marsad.pipeline import Pipeline
from marsad.records import Processed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mb", type=float, nargs="?", default=2.0)
    ap.add_argument("--mode", choices=("batch", "collect", "interleaved"), default="batch")
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    a = ap.parse_args()
    text_stage, actor_stage = Pipeline.default("actors").stages
    docs, size = [], 0
    for f in sorted(Path(a.corpus).glob("*.zip")):
        for d in read_news_zip(f):
            if hasattr(d, "origin"):
                docs.append(d)
                size += len(d.text.encode())
            if size > a.mb * 1e6:
                break
        if size > a.mb * 1e6:
            break
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
    print(f"{len(docs)} articles, {size:,} bytes, mode {a.mode}: text {text:.2f}s actors {actors:.2f}s "
          f"actors/text {actors / text:.2f}")


if __name__ == "__main__":
    main()
