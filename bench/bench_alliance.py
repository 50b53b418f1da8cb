"""Alliance-graph benchmark: a synthetic store of millions of events, then refresh and the 2-second queries.

    .venv/bin/python bench/bench_alliance.py                      # 5 million events, 200 actors, 20 years
    .venv/bin/python bench/bench_alliance.py --events 200000      # a quick run

Events are drawn between 200 real state codes (so that the real treaty data applies) with Zipf-like activity
(a few actors dominate the news, as in real corpora), a latent alignment per pair that drifts over the years
(deciding cooperative versus conflictual types), 3 % of events aimed at organisations (CSTO, NATO, EU, SCO)
and 5 % of reports from near-duplicate articles. Prints the time of each step and the store size. Not part of
the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marsad.analysis import refresh  # noqa: E402
from marsad.analysis.api import allies, blocs, drift, dyad  # noqa: E402
from marsad.analysis.reader import actor_index  # noqa: E402
from marsad.analysis.synthetic import INTENSITY, QUADS  # noqa: E402
from marsad.store.db import EVENT_COLUMNS, Store  # noqa: E402
from marsad.store.migrations import MIGRATIONS  # noqa: E402

COOP = ["CONSULT", "CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID", "CONCEDE"]
CONFLICT = ["ACCUSE", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "MOBILIZE", "ASSAULT", "REQUEST"]
ORGS = ["CSTO", "NATO", "EU", "SCO"]
FIRST = ["RUS", "PRK", "BLR", "ARM", "KAZ", "CHN", "USA", "UKR", "IRN", "TUR", "FRA", "DEU", "GBR", "ISR", "SYR"]


def actors(n: int) -> list[str]:
    states = sorted(c for c, (_, _, kind) in actor_index().items() if kind == "state" and len(c) == 3)
    rest = [c for c in states if c not in FIRST]
    return (FIRST + rest)[:n]


def event_indexes() -> list[str]:
    """The events indexes the migrations leave in place (a later migration may drop an earlier one)."""
    live: dict[str, str] = {}
    for _, _, sqls in MIGRATIONS:
        for s in sqls:
            if s.startswith("CREATE INDEX events_"):
                live[s.split()[2]] = s
            elif s.startswith("DROP INDEX"):
                live.pop(s.split()[-1], None)
    return list(live.values())


def generate(n_events: int, codes: list[str], years: int, seed: int):
    rng = random.Random(seed)
    weights = [1 / (i + 1) ** 0.9 for i in range(len(codes))]
    start = dt.date(2025, 12, 31) - dt.timedelta(days=365 * years)
    days = 365 * years
    align: dict[tuple[str, str], float] = {}
    cols = {c: i for i, c in enumerate(EVENT_COLUMNS)}
    base = [None] * len(EVENT_COLUMNS)
    for name, value in (("sentence_idx", 0), ("context", "[]"), ("cameo", ""), ("negated", 0), ("modality", "asserted"),
                        ("date_precision", "day"), ("confidence", 0.9), ("symmetric", 0), ("dup", 0)):
        base[cols[name]] = value
    for i in range(n_events):
        a, b = rng.choices(codes, weights, k=2)
        while b == a:
            b = rng.choices(codes, weights)[0]
        day = rng.randrange(days)
        date = (start + dt.timedelta(days=day)).isoformat()
        key = (a, b) if a < b else (b, a)
        lean = align.get(key)
        if lean is None:
            lean = align[key] = rng.uniform(-0.8, 0.8)
        drifted = max(-1.0, min(1.0, lean + 0.6 * (day / days - 0.5) * (1 if hash(key) % 2 else -1)))
        if rng.random() < 0.03:
            b = rng.choice(ORGS)
        typ = rng.choice(COOP if rng.random() < (1 + drifted) / 2 else CONFLICT)
        row = list(base)
        row[cols["id"]] = f"e{i:08d}"
        row[cols["doc_id"]] = f"d{i // 10:07d}"
        row[cols["event"]] = typ
        row[cols["intensity"]] = INTENSITY[typ]
        row[cols["quad"]] = QUADS[typ]
        row[cols["actor_code"]], row[cols["recipient_code"]] = a, b
        row[cols["date"]] = date
        row[cols["symmetric"]] = 1 if typ in ("COOPERATE", "AGREE") and rng.random() < 0.5 else 0
        row[cols["modality"]] = "future" if rng.random() < 0.05 else "asserted"
        row[cols["negated"]] = 1 if rng.random() < 0.03 else 0
        row[cols["dup"]] = 1 if rng.random() < 0.05 else 0
        row[cols["source"]] = f"outlet-{rng.randrange(12)}"
        row[cols["sentence"]] = f"جملة اصطناعية رقم {i} عن {a} و{b}."
        yield tuple(row)


def build(path: str, n_events: int, n_actors: int, years: int, seed: int) -> Store:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    store = Store.open(path)
    store.conn.execute("PRAGMA synchronous=OFF")
    store.conn.execute("PRAGMA cache_size=-1000000")
    store.conn.execute("PRAGMA temp_store=MEMORY")
    for sql in event_indexes():  # bulk load without indexes, then build them once
        store.execute(f"DROP INDEX {sql.split()[2]}")
    codes = actors(n_actors)
    sql = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
    batch: list[tuple] = []
    with store.transaction():
        for row in generate(n_events, codes, years, seed):
            batch.append(row)
            if len(batch) >= 100000:
                store.executemany(sql, batch)
                batch = []
        if batch:
            store.executemany(sql, batch)
        store.executemany("INSERT INTO documents (id, source, published, text, seq) VALUES (?, ?, ?, ?, ?)",
                          ((f"d{i:07d}", f"outlet-{i % 12}", None, "نص اصطناعي", i) for i in range((n_events + 9) // 10)))
    with store.transaction():
        for s in event_indexes():
            store.execute(s)
    store.conn.execute("PRAGMA synchronous=NORMAL")
    return store


def timed(label: str, fn, results: list):
    t = time.perf_counter()
    out = fn()
    s = time.perf_counter() - t
    results.append((label, s))
    print(f"{label:<46} {s:8.2f} s", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=5_000_000)
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--db", default="bench-alliance.db")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="Reuse an existing store (skip building and refresh).")
    args = ap.parse_args()
    res: list = []
    print(f"alliance benchmark: {args.events:,} events, {args.actors} actors, {args.years} years, store {args.db}")
    timed("load actor names (once per process)", actor_index, res)
    if args.keep and os.path.exists(args.db):
        store = Store.open(args.db)
    else:
        store = timed("build synthetic store (bulk insert + indexes)",
                      lambda: build(args.db, args.events, args.actors, args.years, args.seed), res)
        info = timed("refresh (full: clusters + dyad x month)", lambda: refresh(store, full=True), res)
        print(f"  {info}")
    size = sum(os.path.getsize(args.db + s) for s in ("", "-wal") if os.path.exists(args.db + s))
    counts = {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("events", "clusters", "dyad_month", "dyads")}
    print(f"store size {size / 2**30:.2f} GiB; rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    as_of = "2025-12-31"
    for code in ("RUS", "PRK", "ARM"):
        rows = timed(f"allies {code} (evidence, trends)", lambda c=code: allies(store, c, as_of), res)
        print(f"  {len(rows)} partners; best {rows[0]['code']} {rows[0]['score']:+.3f}; "
              f"{sum(len(r['evidence']) for r in rows)} evidence sentences")
    timed("allies RUS again (warm cache)", lambda: allies(store, "RUS", as_of), res)
    b = timed("blocs (all dyads, signed Louvain)", lambda: blocs(store, as_of), res)
    print(f"  {b['nodes']} actors, {b['edges']} edges, {len(b['blocs'])} blocs, modularity {b['modularity']}")
    timed("blocs again", lambda: blocs(store, as_of), res)
    timed("dyad RUS PRK (timeline since 2006)", lambda: dyad(store, "RUS", "PRK", as_of, since="2006-01-01"), res)
    timed("drift since 2024-12-31", lambda: drift(store, "2024-12-31", as_of), res)
    store.close()
    print("\n| step | seconds |\n|---|---|")
    for label, s in res:
        print(f"| {label} | {s:.2f} |")


if __name__ == "__main__":
    main()
