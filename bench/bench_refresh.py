"""Incremental alliance refresh benchmark: events re-read and CPU of the refresh when documents are added to a
stored corpus, for this tree and (optionally) a baseline tree, on copies of one store in the same run.

    .venv/bin/python bench/bench_refresh.py --docs 5000 --add 1000 --baseline /tmp/base/src

The store is built once (``marsad ingest`` of generated documents, see bench_ingest.py) and copied for each
tree. Three batches are added to each copy in turn: ``scattered`` (publication dates drawn over the corpus's
whole span, as bench_ingest makes them), ``recent`` (the same kind of documents dated in the month after the
stored ones; their sentences still carry dates of earlier years, so their events fall all over the history)
and ``latest`` (documents of the month after, made of sentences with no digits, so that their events are
dated near publication, as most news is). Each batch is ingested by ``marsad.ingest.run.ingest`` in a child process
that records what ``analysis.aggregate.refresh`` returned and its CPU time, then verifies the result against a
full rebuild (``marsad check``: clusters, dyad-month rows, dyads and every event's cluster id). Not part of
the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import make_corpus  # noqa: E402

CHILD = """import json, sys, time
from marsad.analysis import aggregate
from marsad.analysis.check import check
from marsad.ingest.run import ingest
from marsad.store.db import Store
seen = []
inner = aggregate.refresh
def refresh(*a, **k):
    t0 = time.process_time()
    out = inner(*a, **k)
    seen.append({**out, "cpu": time.process_time() - t0})
    return out
aggregate.refresh = refresh
with Store.open(sys.argv[1]) as store:
    t0 = time.process_time()
    ingest([sys.argv[2]], store)
    cpu = time.process_time() - t0
    events = store.scalar("SELECT COUNT(*) FROM events")
    result = check(store)
print(json.dumps({"refresh": seen, "ingest_cpu": cpu, "events": events, "check": result}))
"""


def dated(src: Path, dst: Path, first: str, days: int) -> None:
    """The same documents with publication dates spread over ``days`` days from ``first``."""
    import datetime as dt

    start = dt.date.fromisoformat(first).toordinal()
    lines = src.read_text(encoding="utf-8").splitlines()
    with open(dst, "w", encoding="utf-8") as fh:
        for i, line in enumerate(lines):
            rec = json.loads(line)
            rec["id"] = f"{rec['id']}-r"
            rec["text"] = rec["text"].replace("تقرير رقم", "نشرة رقم")  # not a copy of a stored document
            rec["published"] = dt.date.fromordinal(start + i * days // max(1, len(lines))).isoformat()
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(db: Path, corpus: Path, src: str | None) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    r = subprocess.run([sys.executable, "-c", CHILD, str(db), str(corpus)], env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"child failed: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000, help="documents in the stored corpus")
    ap.add_argument("--add", type=int, default=1000, help="documents added per batch")
    ap.add_argument("--baseline", help="src folder of an older tree, run on its own copy in the same session")
    ap.add_argument("--keep", help="folder to keep the base store in (reused when present)")
    args = ap.parse_args()
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="marsad-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    base = tmp / f"base-{args.docs}.db"
    if not base.exists():
        corpus = tmp / f"docs-{args.docs}.jsonl"
        make_corpus(corpus, args.docs)
        t0 = time.perf_counter()
        env = dict(os.environ, **({"PYTHONPATH": args.baseline} if args.baseline else {}))  # the older schema
        subprocess.run([sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(base), "--workers", "1",
                        "--json"], check=True, capture_output=True, env=env)
        print(f"base store: {args.docs} documents in {time.perf_counter() - t0:.0f} s")
    scattered = tmp / f"add-{args.add}.jsonl"
    make_corpus(scattered, args.add, seed=12)
    text = scattered.read_text(encoding="utf-8").replace('"id": "b', '"id": "a')  # ids apart from the stored ones
    scattered.write_text(text, encoding="utf-8")
    fresh = tmp / f"fresh-{args.add}.jsonl"
    make_corpus(fresh, args.add, seed=13)
    recent = tmp / f"recent-{args.add}.jsonl"
    dated(fresh, recent, "2026-01-01", 30)
    news = tmp / f"news-{args.add}.jsonl"  # sentences with no digits: their events take the publication date
    make_corpus(news, args.add, seed=14, keep=lambda s: not re.search(r"[0-9\u0660-\u0669]", s))
    latest = tmp / f"latest-{args.add}.jsonl"
    dated(news, latest, "2026-02-01", 30)
    trees = ([("baseline", args.baseline)] if args.baseline else []) + [("this tree", None)]
    print(f"{'tree':<10} {'batch':<10} {'events after':>12} {'new':>6} {'read':>7} {'stored re-read':>15} "
          f"{'refresh CPU s':>14} {'ingest CPU s':>13} {'equals full rebuild':>20}")
    for name, src in trees:
        db = tmp / f"copy-{abs(hash(name))}.db"
        shutil.copy(base, db)
        con = sqlite3.connect(db)
        before = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        con.close()
        for batch, corpus in (("scattered", scattered), ("recent", recent), ("latest", latest)):
            r = run(db, corpus, src)
            ref = r["refresh"][-1] if r["refresh"] else {"events": 0, "cpu": 0.0, "mode": "-"}
            ok = "yes" if r["check"]["ok"] else f"no: {r['check']['differences']}"
            new = r["events"] - before
            before = r["events"]
            old = ref["events"] - new  # the baseline counts new reports among those read too
            share = f"{old:,} ({old / (r['events'] - new):.1%})"
            print(f"{name:<10} {batch:<10} {r['events']:>12,} {new:>6,} {ref['events']:>7,} {share:>15} "
                  f"{ref['cpu']:>14.2f} {r['ingest_cpu']:>13.1f} {ok:>20}", flush=True)
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
    if not args.keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
