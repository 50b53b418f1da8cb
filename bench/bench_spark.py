"""Spark against one machine, in the same run: `marsad ingest --workers 1|2` and `marsad spark ingest`
with local[1] and local[2] on the same generated corpus, then projections for 1 million and 100 million
articles from the measured per-core rate.

    .venv/bin/python bench/bench_spark.py --docs 100000        # the issue's size (hours on a shared 2-core box)
    .venv/bin/python bench/bench_spark.py --docs 2000          # a modest run

The corpus is bench_ingest's (sample articles recombined with variation), split into --files JSONL files
so that Spark has partitions to spread. CPU seconds are those of the command's whole process tree (the JVM
and Spark's Python workers included: they are not children the command waits for, so the system's usage of
children would miss them), read from /proc every 0.3 s and summed over every process seen (a process's last
0.3 s can be missed); peak MB is the largest resident size one process of the tree reached (VmHWM). Not part
of the tests; needs the spark extra and Java.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import make_corpus  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> dict[int, tuple[float, float]]:
    """pid -> (CPU s of the process itself, peak resident MB) for root and all its descendants now."""
    parent, cpu = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parent[int(d)] = int(fields[1])
        cpu[int(d)] = (int(fields[11]) + int(fields[12])) / TICK
    out = {}
    for pid in cpu:
        p = pid
        while p not in (root, 0, 1) and p in parent:
            p = parent[p]
        if p != root:
            continue
        try:  # the peak only for the tree's processes: reading every process's status costs a core's share
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
        out[pid] = (cpu[pid], hwm / 1024)
    return out


def measured(cmd: list[str]) -> dict:
    """Wall, CPU and peak memory of a command's whole process tree (see the module's docstring)."""
    t0 = time.perf_counter()
    seen: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryFile("w+") as out_f, tempfile.TemporaryFile("w+") as err_f:
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f, text=True)
        while proc.poll() is None:
            for pid, (cpu, mb) in _tree(proc.pid).items():
                old = seen.get(pid, (0.0, 0.0))
                seen[pid] = (max(old[0], cpu), max(old[1], mb))
            time.sleep(0.3)
        out_f.seek(0)
        err_f.seek(0)
        out = {"rc": proc.returncode, "out": out_f.read(), "err": err_f.read()[-2000:]}
    out["wall"] = time.perf_counter() - t0
    out["cpu"] = sum(c for c, _ in seen.values())
    out["rss_mb"] = max((m for _, m in seen.values()), default=0.0)
    out["processes"] = len(seen)
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


def show(name: str, r: dict, docs: int, sents: int) -> tuple:
    """Prints one run's line as soon as it is measured (long runs may be stopped before the end)."""
    cpu = f"{r['cpu']:>8.1f} {1000 * r['cpu'] / docs:>10.2f} {r['rss_mb']:>8.0f} {r['processes']:>6}"
    print(f"{name:<32} {r['wall']:>8.1f} {docs / r['wall']:>8.1f} {sents / r['wall']:>8.0f} {cpu}", flush=True)
    return name, r, docs, sents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--files", type=int, default=16)
    args = ap.parse_args()
    marsad = [sys.executable, "-m", "marsad"]
    load = Path("/proc/loadavg").read_text().split()[:3]  # other people's work on a shared machine
    rows = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-spark-") as tmp:
        t = Path(tmp)
        make_corpus(t / "all.jsonl", args.docs)
        split(t / "all.jsonl", t / "in", args.files)
        print(f"{args.docs} documents in {args.files} files; shared machine: figures are indicative")
        print(f"{'run':<32} {'wall s':>8} {'docs/s':>8} {'sent/s':>8} {'CPU s':>8} {'CPU ms/doc':>10} "
              f"{'peak MB':>8} {'procs':>6}", flush=True)
        for w in (1, 2):
            r = measured([*marsad, "ingest", str(t / "in"), "--db", str(t / f"w{w}.db"), "--workers", str(w),
                          "--json"])
            rep = json.loads(r["out"])
            rows.append(show(f"marsad ingest --workers {w}", r, rep["added"], rep["sentences"]))
        sentences = rows[0][3]
        for m in ("local[1]", "local[2]"):
            r = measured([*marsad, "spark", "ingest", str(t / "in"), str(t / f"out-{m[6]}"), "--master", m, "--json"])
            try:
                rep = json.loads(r["out"])
            except ValueError:  # the 100,000-document local[2] run once ended with no JSON report: show why
                print(f"{m}: rc {r['rc']} after {r['wall']:.0f} s, output not JSON:\n{r['out'][:1000]}\n"
                      f"{r['err'][-1500:]}", flush=True)
                continue
            rows.append(show(f"marsad spark ingest {m}", r, rep["added"], sentences))
    base = rows[0]
    per_doc = base[1]["cpu"] / base[2]  # CPU seconds per document on one core, start-up included
    for one, two in ((0, 1), (2, 3))[:len(rows) // 2]:
        print(f"speed-up {rows[two][0]}: {rows[one][1]['wall'] / rows[two][1]['wall']:.2f}x over {rows[one][0]}"
              f" (CPU s {rows[one][1]['cpu']:.1f} -> {rows[two][1]['cpu']:.1f})")
    print(f"load average before / after: {load} / {Path('/proc/loadavg').read_text().split()[:3]}")
    for n in (1_000_000, 100_000_000):
        core_h = n * per_doc / 3600
        print(f"{n:>11,} articles: {core_h:,.1f} core-hours at {1000 * per_doc:.2f} ms/doc; "
              f"on 2 cores {core_h / 2:,.1f} h; 1 h needs {max(1, round(core_h))} cores "
              f"(e.g. {max(1, -(-round(core_h) // 16))} executors of 16 cores)")


if __name__ == "__main__":
    main()
