"""Ingest benchmark: CPU per document as the store grows, for this tree and (optionally) a baseline tree.

    .venv/bin/python bench/bench_ingest.py --docs 1000 5000 20000            # this tree, one worker
    .venv/bin/python bench/bench_ingest.py --docs 1000 --workers 1 2          # worker scaling
    .venv/bin/python bench/bench_ingest.py --docs 1000 --baseline /tmp/base/src   # same run, an older tree
    .venv/bin/python bench/bench_ingest.py --docs 5000 --baseline /tmp/base/src --workers 1 2  # both, each count

Documents are made from the bundled sample corpus with variation (3-6 sentences drawn from different
articles, random dates and outlets, a serial line), so few are near-duplicates of each other. Each
ingest runs as its own ``python -m marsad ingest`` process; CPU seconds (user + system of the process and
its workers) are steadier than wall time on a shared machine, and both are printed, with the peak
resident memory of the largest process; "tables" says whether the run's tables hold the same rows as the first
run's (bench/store_digest.py). Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_digest import digest  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"
OUTLETS = [f"outlet-{i}" for i in range(8)]


def sentence_pool(keep=None) -> list[str]:
    pool = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        pool += [s.strip() + "." for s in re.split(r"[.؟!]\s+", text) if len(s.strip()) > 30]
    return [s for s in pool if keep is None or keep(s)]


def make_corpus(path: Path, n: int, seed: int = 11, keep=None) -> int:
    """n varied documents as JSONL (sentences for which ``keep`` holds); returns the number of characters written."""
    rng = random.Random(seed)
    pool = sentence_pool(keep)
    chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            k = rng.randint(3, 6)
            body = " ".join(rng.sample(pool, k))
            title = rng.choice(pool)[:80]
            day = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rec = {"id": f"b{i}", "title": title, "text": f"{body}\nتقرير رقم {i} من {rng.choice(OUTLETS)}.",
                   "published": day, "source": rng.choice(OUTLETS)}
            line = json.dumps(rec, ensure_ascii=False)
            chars += len(line)
            fh.write(line + "\n")
    return chars


# Runs one command and prints its own children's usage: CPU of the ingest and its workers, and the peak
# resident memory of the largest of them (RUSAGE_CHILDREN of this benchmark would mix all runs).
WRAPPER = """import json, resource, subprocess, sys
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": r.returncode, "out": r.stdout, "err": r.stderr[-2000:], "cpu": u.ru_utime + u.ru_stime,
                  "rss_mb": u.ru_maxrss / 1024}))"""


def run_ingest(corpus: Path, db: Path, src: str | None, workers: int | None) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")  # one seed for all runs: their stores are compared (store_digest)
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(db), "--json"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    out = json.loads(subprocess.run([sys.executable, "-c", WRAPPER, *cmd], env=env, capture_output=True,
                                    text=True, check=True).stdout)
    wall = time.perf_counter() - t0
    if out["rc"] not in (0, 1):
        raise SystemExit(f"ingest failed ({out['rc']}): {out['err']}")
    rep = json.loads(out["out"])
    return {"cpu": out["cpu"], "wall": wall, "rss_mb": out["rss_mb"], "sentences": rep["sentences"],
            "added": rep["added"], "near_duplicates": rep["near_duplicates"],
            "store_mb": sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1000])
    ap.add_argument("--workers", type=int, nargs="*", default=None,
                    help="worker counts to compare (this tree only); default: the command's default")
    ap.add_argument("--baseline", help="src folder of an older tree to run first, in the same session")
    args = ap.parse_args()
    trees = []
    for w in args.workers or [None]:
        label = "" if w is None else f" --workers {w}"
        trees += [(f"baseline{label}", args.baseline, w)] if args.baseline else []
        trees.append((f"this tree{label}", None, w))
    print(f"{'tree':<24} {'docs':>7} {'CPU s':>8} {'CPU ms/doc':>11} {'wall s':>8} {'sent/s wall':>12} "
          f"{'peak MB':>8} {'store MB':>9} {'near-dup':>8}  tables")
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        for n in args.docs:
            corpus = Path(tmp) / f"docs-{n}.jsonl"
            make_corpus(corpus, n)
            first = None  # the first run's table digests: every other run's tables are compared with them
            for name, src, workers in trees:
                db = Path(tmp) / f"{n}-{abs(hash(name))}.db"
                r = run_ingest(corpus, db, src, workers)
                tables = digest(str(db))
                first = first or tables
                print(f"{name:<24} {n:>7} {r['cpu']:>8.1f} {1000 * r['cpu'] / n:>11.2f} {r['wall']:>8.1f} "
                      f"{r['sentences'] / r['wall']:>12.0f} {r['rss_mb']:>8.0f} {r['store_mb']:>9.1f} "
                      f"{r['near_duplicates']:>8}  {'same' if tables == first else 'DIFFERENT'}", flush=True)
                for p in db.parent.glob(db.name + "*"):
                    p.unlink()


if __name__ == "__main__":
    main()
