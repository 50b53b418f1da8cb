"""Dashboard benchmark: the API calls of every dashboard page (as web/static/app.js makes them) on a large
store, for this tree and (optionally) a baseline tree, each on its own copy in the same run.

    .venv/bin/python bench/bench_pages.py --base store-5000.db --copies 20 --baseline /tmp/base/src --keep /tmp/k

The large store is the base store (``marsad ingest`` of bench_ingest.py's generated documents) copied
``--copies`` times inside itself with new ids, publication and event dates shifted by 13 days a copy (so
copies are other articles about the same kind of happenings), then fully refreshed by the baseline tree (or
this one): 20 copies of 5,000 documents make 100,000. Each call is made through FastAPI's TestClient in a child
process, once to warm up (the first ``/api/sources`` also fills what it caches) and then ``--repeat`` times;
the table gives per page the median wall time of the page's calls one after the other (a browser makes some at
once) and the slowest call. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = {
    "home": ["/api/stats", "/api/events?order=desc&limit=12&until=2026-12-01",
             "/api/events?order=asc&limit=5&since=2026-12-02", "/api/actors?limit=16", "/api/drift"],
    "actor": ["/api/actors/RUS", "/api/actors/RUS/allies", "/api/actors/RUS/timeline",
              "/api/events?party=RUS&order=desc&limit=15", "/api/actors/RUS/whatif", "/api/dyads/RUS/UKR/timeline"],
    "dyad": ["/api/dyads/RUS/UKR/events?limit=1000", "/api/dyads/RUS/UKR"],
    "network": ["/api/network?min_events=1"],
    "events": ["/api/event-types", "/api/stats", "/api/events?limit=50&offset=0"],
    "sources": ["/api/stats", "/api/sources"],
    "document": ["/api/documents/{doc}"],
    "actor search": ["/api/actors?q=%D8%B1%D9%88%D8%B3&limit=8", "/api/actors/names"],
}

CHILD = """import json, statistics, sys, time
from fastapi.testclient import TestClient
from marsad.api.app import create_app
db, pages, repeat = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
t0 = time.perf_counter()
client = TestClient(create_app(db))
start = time.perf_counter() - t0
doc = __import__("sqlite3").connect(db).execute("SELECT id FROM documents ORDER BY seq DESC LIMIT 1").fetchone()[0]
out = {"start": start, "first": {}, "pages": {}}
def call(path):
    t, c = time.perf_counter(), time.process_time()
    r = client.get(path.replace("{doc}", doc))
    if r.status_code != 200:
        raise SystemExit(f"{path}: {r.status_code} {r.text[:300]}")
    return time.perf_counter() - t, time.process_time() - c
for name, calls in pages.items():
    for p in calls:
        if p not in out["first"]:
            out["first"][p] = call(p)
for name, calls in pages.items():
    runs = [[call(p) for p in calls] for _ in range(repeat)]
    total = statistics.median(sum(w for w, _ in run) for run in runs)
    cpu = statistics.median(sum(c for _, c in run) for run in runs)
    slow = max(range(len(calls)), key=lambda i: statistics.median(run[i][0] for run in runs))
    out["pages"][name] = {"wall": total, "cpu": cpu, "slowest": calls[slow],
                          "slowest_wall": statistics.median(run[slow][0] for run in runs)}
print(json.dumps(out))
"""


def grow(base: Path, big: Path, copies: int) -> None:
    """Copies of every document (and its sentences, mentions, events) with new ids and shifted dates."""
    shutil.copy(base, big)
    con = sqlite3.connect(big)
    cols = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in
            ("documents", "sentences", "mentions", "events")}
    top = con.execute("SELECT MAX(seq) FROM documents").fetchone()[0] or 0
    shift = {"published": "date(published, '+{d} days')", "date": "date(date, '+{d} days')",
             "date_end": "date(date_end, '+{d} days')"}
    for k in range(1, copies):
        d = 13 * k
        sub = {"id": f"id || '-{k}'", "doc_id": f"doc_id || '-{k}'", "dup_of": f"dup_of || '-{k}'",
               "seq": f"seq + {top * k}", "cluster_id": "NULL", "path": "NULL",
               **{c: v.format(d=d) for c, v in shift.items()}}
        for t, cs in cols.items():
            key = "id" if t in ("documents", "events") else "doc_id"
            sel = ", ".join(sub.get(c, c) for c in cs)
            con.execute(f"INSERT INTO {t} ({', '.join(cs)}) SELECT {sel} FROM {t} WHERE {key} NOT LIKE '%-%'")
    con.execute("DELETE FROM doc_cache")
    con.commit()
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="a store made by marsad ingest (the baseline tree's schema)")
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--baseline", help="src folder of an older tree, run on its own copy in the same session")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="folder to keep the large store in (reused when present)")
    args = ap.parse_args()
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="marsad-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    big = tmp / f"pages-{Path(args.base).stem}-x{args.copies}.db"
    env_base = dict(os.environ, **({"PYTHONPATH": args.baseline} if args.baseline else {}))
    if not big.exists():
        t0 = time.perf_counter()
        grow(Path(args.base), big, args.copies)
        subprocess.run([sys.executable, "-c", "import sys; from marsad.store.db import Store; "
                        "from marsad.analysis import refresh; from marsad.api import search; "
                        "s = Store.open(sys.argv[1]); refresh(s, full=True); search.ensure_index(s)",
                        str(big)], check=True, env=env_base)  # the server's full-text index too
        print(f"large store made in {time.perf_counter() - t0:.0f} s")
    con = sqlite3.connect(big)
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "mentions")}
    con.close()
    print(f"store: {counts['documents']:,} documents, {counts['events']:,} events, {counts['mentions']:,} mentions, "
          f"{big.stat().st_size / 1e6:.0f} MB")
    trees = ([("baseline", args.baseline)] if args.baseline else []) + [("this tree", None)]
    results = {}
    for name, src in trees:
        db = tmp / f"pages-copy-{abs(hash(name))}.db"
        shutil.copy(big, db)
        env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
        r = subprocess.run([sys.executable, "-c", CHILD, str(db), json.dumps(PAGES), str(args.repeat)], env=env,
                           capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"{name}: {r.stderr[-3000:]}")
        results[name] = json.loads(r.stdout.strip().splitlines()[-1])
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
    print(f"{'page':<13}" + "".join(f" {name + ' wall s':>16} {'CPU s':>7} {'slowest call':<40}" for name in results))
    for page in PAGES:
        line = f"{page:<13}"
        for r in results.values():
            p = r["pages"][page]
            slow = f"{p['slowest'][:30]} {p['slowest_wall']:.2f}s"
            line += f" {p['wall']:>16.3f} {p['cpu']:>7.3f} {slow:<40}"
        print(line)
    for name, r in results.items():
        first = max(r["first"].items(), key=lambda kv: kv[1][0])
        print(f"{name}: server start {r['start']:.1f} s; slowest first call {first[0]} {first[1][0]:.1f} s")


if __name__ == "__main__":
    main()
