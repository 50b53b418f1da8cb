"""Spark against one machine, in the same run: `marsad ingest --workers 1|2` and `marsad spark ingest`
with local[1] and local[2] on the same generated corpus, then projections for 1 million and 100 million
articles from the measured per-core rate.

    .venv/bin/python bench/bench_spark.py --docs 100000        # the issue's size (hours on a shared 2-core box)
    .venv/bin/python bench/bench_spark.py --docs 2000          # a modest run

The corpus is bench_ingest's (sample articles recombined with variation), split into --files JSONL files
so that Spark has partitions to spread. CPU seconds cover each command and every process it started that
ended before it; peak MB is the largest single process. For Spark only wall time is measured: the JVM and
its Python workers are not children that the command waits for, so their usage is not reported to us. Not part of the tests; needs the spark extra and Java.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import WRAPPER, make_corpus  # noqa: E402


def measured(cmd: list[str]) -> dict:
    t0 = time.perf_counter()
    out = json.loads(subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True,
                                    check=True).stdout)
    out["wall"] = time.perf_counter() - t0
    if out["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({out['rc']}): {out['err']}")
    return out


def split(corpus: Path, folder: Path, files: int) -> None:
    folder.mkdir()
    lines = corpus.read_text(encoding="utf-8").splitlines()
    per = -(-len(lines) // files)
    for i in range(files):
        chunk = lines[i * per:(i + 1) * per]
        if chunk:
            (folder / f"part-{i:03d}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--files", type=int, default=16)
    args = ap.parse_args()
    marsad = [sys.executable, "-m", "marsad"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-spark-") as tmp:
        t = Path(tmp)
        make_corpus(t / "all.jsonl", args.docs)
        split(t / "all.jsonl", t / "in", args.files)
        for w in (1, 2):
            r = measured([*marsad, "ingest", str(t / "in"), "--db", str(t / f"w{w}.db"), "--workers", str(w),
                          "--json"])
            rep = json.loads(r["out"])
            rows.append((f"marsad ingest --workers {w}", r, rep["added"], rep["sentences"]))
        sentences = rows[0][3]
        for m in ("local[1]", "local[2]"):
            r = measured([*marsad, "spark", "ingest", str(t / "in"), str(t / f"out-{m[6]}"), "--master", m, "--json"])
            rep = json.loads(r["out"])
            rows.append((f"marsad spark ingest {m}", r, rep["added"], sentences))
    print(f"{args.docs} documents in {args.files} files; shared machine: figures are indicative")
    print(f"{'run':<32} {'wall s':>8} {'docs/s':>8} {'sent/s':>8} {'CPU s':>8} {'CPU ms/doc':>10} {'peak MB':>8}")
    for name, r, docs, sents in rows:
        if "spark" in name:  # the JVM and its Python workers are not waited for by our child: no usage figures
            cpu = f"{'n/a':>8} {'n/a':>10} {'n/a':>8}"
        else:
            cpu = f"{r['cpu']:>8.1f} {1000 * r['cpu'] / docs:>10.2f} {r['rss_mb']:>8.0f}"
        print(f"{name:<32} {r['wall']:>8.1f} {docs / r['wall']:>8.1f} {sents / r['wall']:>8.0f} {cpu}")
    base = rows[0]
    per_doc = base[1]["cpu"] / base[2]  # CPU seconds per document on one core, start-up included
    for one, two in ((0, 1), (2, 3)):
        print(f"speed-up {rows[two][0]}: {rows[one][1]['wall'] / rows[two][1]['wall']:.2f}x over {rows[one][0]}")
    for n in (1_000_000, 100_000_000):
        core_h = n * per_doc / 3600
        print(f"{n:>11,} articles: {core_h:,.1f} core-hours at {1000 * per_doc:.2f} ms/doc; "
              f"on 2 cores {core_h / 2:,.1f} h; 1 h needs {max(1, round(core_h))} cores "
              f"(e.g. {max(1, -(-round(core_h) // 16))} executors of 16 cores)")


if __name__ == "__main__":
    main()
