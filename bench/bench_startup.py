"""Start-up benchmark: CPU and wall time of short commands up to their first output, for this tree (with an
empty and a filled data-file cache) and optionally a baseline tree, in the same run.

    .venv/bin/python bench/bench_startup.py --baseline /tmp/base/src --runs 5

Commands: ``marsad --help``, ``marsad extract`` of a one-sentence file (loads every dictionary, codes one
sentence) and ``marsad dict check``. Each run is its own process; the figure is the median over ``--runs`` of
user + system CPU (steadier than wall time on a shared machine) and of wall time. Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "فرضت الولايات المتحدة عقوبات جديدة على إيران بسبب برنامجها الصاروخي."


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {r.returncode}: {r.stderr[-1500:]}")
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", help="src folder of an older tree")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="marsad-startup-") as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(SENTENCE + "\n", encoding="utf-8")
        commands = {"--help": ["--help"], "extract 1 sentence": ["extract", str(one)], "dict check": ["dict", "check"]}
        cache = Path(tmp) / "cache"
        trees = ([("baseline", args.baseline, False)] if args.baseline else []) + [
            ("this tree, no cache", None, False), ("this tree, cache", None, True)]
        print(f"{'tree':<22} {'command':<20} {'CPU s':>7} {'wall s':>7}")
        for name, src, warm in trees:
            env = dict(os.environ, MARSAD_CACHE_DIR=str(cache))
            if src:
                env["PYTHONPATH"] = src
            for label, argv in commands.items():
                cmd = [sys.executable, "-m", "marsad", *argv]
                if warm:
                    run(cmd, env)  # fills the cache
                figures = []
                for _ in range(args.runs):
                    if not warm and cache.exists():
                        for p in cache.iterdir():
                            p.unlink()
                    figures.append(run(cmd, env))
                print(f"{name:<22} {label:<20} {statistics.median(c for c, _ in figures):>7.2f} "
                      f"{statistics.median(w for _, w in figures):>7.2f}", flush=True)


if __name__ == "__main__":
    main()
