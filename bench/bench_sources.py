"""/api/sources on a store of N documents: the per-document framing cache against measuring every text per
request (an older tree, in the same run).

    .venv/bin/python bench/bench_sources.py --docs 5000 --baseline /tmp/base/src

Builds the store with this tree (`marsad ingest`), then times `analysis.sources.sources(store)` in fresh
processes: the baseline tree (if given), this tree's first call (fills the cache) and its second call.
CPU seconds of the call itself (time.process_time) and wall seconds. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import make_corpus  # noqa: E402

CALL = """import json, sys, time
from marsad.store.db import Store
from marsad.analysis.sources import sources
store = Store.open(sys.argv[1], migrate=False)
c, w = time.process_time(), time.perf_counter()
out = sources(store)
print(json.dumps({"cpu": time.process_time() - c, "wall": time.perf_counter() - w, "outlets": len(out)}))"""


def call(db: Path, src: str | None) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    r = subprocess.run([sys.executable, "-c", CALL, str(db)], env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(r.stderr[-2000:])
    return json.loads(r.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--baseline", help="src folder of an older tree")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="marsad-bench-sources-") as tmp:
        corpus, db = Path(tmp) / "docs.jsonl", Path(tmp) / "m.db"
        make_corpus(corpus, args.docs)
        subprocess.run([sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(db)], check=True,
                       capture_output=True)
        runs = ([("baseline (every text per request)", call(db, args.baseline))] if args.baseline else [])
        runs.append(("this tree, first request (fills cache)", call(db, None)))
        runs.append(("this tree, next request", call(db, None)))
    print(f"sources() on a {args.docs}-document store")
    for name, r in runs:
        print(f"{name:<40} CPU {r['cpu']:7.2f} s   wall {r['wall']:7.2f} s   outlets {r['outlets']}")


if __name__ == "__main__":
    main()
