"""The ingest's writer process alone: CPU of reading, near-duplicate decisions, SQLite writes and the final
refresh, without the pipeline, for this tree and (optionally) a baseline tree, on the same worker results.

    .venv/bin/python bench/bench_writer.py --docs 100000 --baseline /tmp/base/src --runs 2

First a real two-worker ingest of the generated documents (bench_ingest.make_corpus) records every result
the workers hand back, in order (a pickle stream in the temporary folder, about 6 KB a document). Then each
tree runs the real ``ingest()`` in its own process with its worker pool replaced by that recording, so the
writer gets exactly what workers would give it; runs alternate between the trees. Printed per run: the
writer's CPU (then user and system time of the whole process, imports included), wall time, peak memory,
the refresh's CPU, the CPU per document of the writing loop for each fifth of the input (how it grows with
the store), and whether the store's tables and indexes are those of the recording run
(bench/store_digest.py). Wall times on a shared machine mean little. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_ingest import make_corpus  # noqa: E402
from store_digest import digest  # noqa: E402

# Run inside the tree measured (PYTHONPATH): records, or replays, the worker results of an ingest.
CHILD = r'''
import json, pickle, resource, sys, time
import marsad.ingest.run as run
from marsad.records import Document
from marsad.store.db import Store
from marsad.ingest.workers import Done, Failed

mode, corpus, db, rec, steps = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
marks = []

class Recording(run.Runner):
    def ordered(self, items):
        with open(rec, "wb") as fh:
            for x in super().ordered(items):
                pickle.dump(x, fh, protocol=5)
                yield x

class Replay:
    def __init__(self, pipeline, workers=1):
        pass
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        pass
    def ordered(self, items):
        t0, n = time.process_time(), 0
        with open(rec, "rb") as fh:
            def result():
                while True:
                    x = pickle.load(fh)
                    if isinstance(x, (Done, Failed)):
                        return x
            for it in items:
                if not isinstance(it, Document):
                    yield it
                    continue
                r = result()
                if r.doc.id != it.id:
                    raise SystemExit(f"{rec}: recorded {r.doc.id}, read {it.id}")
                r.doc, n = it, n + 1
                if n % steps == 0:
                    marks.append((n, time.process_time() - t0))
                yield r

run.Runner = Recording if mode == "record" else Replay
import marsad.analysis.aggregate as agg
fresh, spent = agg.ensure_fresh, []
def timed(store):
    t = time.process_time()
    out = fresh(store)
    spent.append(time.process_time() - t)
    return out
agg.ensure_fresh = timed
t, w = time.process_time(), time.perf_counter()
with Store.open(db) as store:
    rep = run.ingest([corpus], store, workers=2)
ru = resource.getrusage(resource.RUSAGE_SELF)
# peak of this process's own memory: ru_maxrss keeps the parent's at fork (the bench's digests are large)
hwm = [int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM:")]
print(json.dumps({"cpu": time.process_time() - t, "user": ru.ru_utime, "sys": ru.ru_stime,
                  "wall": time.perf_counter() - w, "rss_mb": (hwm[0] if hwm else ru.ru_maxrss) / 1024,
                  "refresh": sum(spent),
                  "added": rep.added, "marks": marks}))
'''


def child(mode: str, corpus: Path, db: Path, rec: Path, src: str | None, steps: int) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")  # one seed for every run: their stores are compared
    if src:
        env["PYTHONPATH"] = src
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(corpus), str(db), str(rec), str(steps)],
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{mode} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--baseline", help="src folder of an older tree, run alternately with this one")
    ap.add_argument("--runs", type=int, default=1, help="runs of each tree")
    args = ap.parse_args()
    steps = max(1, args.docs // 5)
    with tempfile.TemporaryDirectory(prefix="marsad-writer-") as tmp:
        corpus, rec = Path(tmp) / "docs.jsonl", Path(tmp) / "results.pickle"
        make_corpus(corpus, args.docs)
        child("record", corpus, Path(tmp) / "recorded.db", rec, None, steps)
        first = digest(str(Path(tmp) / "recorded.db"))
        print(f"{'tree':<10} {'docs':>7} {'CPU s':>7} {'user':>6} {'sys':>6} {'wall s':>7} {'peak MB':>8} "
              f"{'refresh':>8}  loop CPU ms/doc by fifth   tables")
        trees = [("baseline", args.baseline)] * bool(args.baseline) + [("this tree", None)]
        for _ in range(args.runs):
            for name, src in trees:
                db = Path(tmp) / "replay.db"
                r = child("replay", corpus, db, rec, src, steps)
                prev, loop = (0, 0.0), []
                for n, c in r["marks"]:
                    loop.append(f"{1000 * (c - prev[1]) / (n - prev[0]):.2f}")
                    prev = (n, c)
                same = digest(str(db)) == first
                print(f"{name:<10} {r['added']:>7} {r['cpu']:>7.1f} {r['user']:>6.1f} {r['sys']:>6.1f} "
                      f"{r['wall']:>7.1f} {r['rss_mb']:>8.0f} {r['refresh']:>8.1f}  {' '.join(loop):<27}"
                      f"{'same' if same else 'DIFFERENT'}", flush=True)
                for p in db.parent.glob(db.name + "*"):
                    p.unlink()


if __name__ == "__main__":
    main()
