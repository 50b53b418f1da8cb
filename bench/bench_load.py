"""Load benchmark (not a test): 50 concurrent clients read allies and events from `marsad serve` while an ingest
of >= 5,000 documents runs against the same store; then the store is checked for consistency.

    python bench/bench_load.py                      # SQLite in a temporary folder
    python bench/bench_load.py --postgres           # a throw-away local PostgreSQL cluster (Debian package)
    python bench/bench_load.py --db postgresql://…  # an existing database (it should be empty)

Everything runs on 127.0.0.1. Loops are bounded: clients stop when the ingest ends or after --max-seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"
READS = [  # (weight, path) — what an analyst's dashboard asks for most
    (3, "/api/actors/{code}/allies"),
    (3, "/api/events?party={code}&order=desc&limit=50"),
    (2, "/api/events?limit=50&offset={offset}"),
    (1, "/api/dyads/RUS/{code}/events?limit=50"),
    (1, "/api/events?q=الروسيه&limit=20"),
]
CODES = ["RUS", "PRK", "ARM", "BLR", "KAZ", "UKR", "CHN", "USA", "AZE", "IRN"]


def make_corpus(path: Path, n: int) -> int:
    """n distinct documents made from the sample corpus (sentences shuffled, a numbered closing line)."""
    base = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    rnd = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            src = base[i % len(base)]
            parts = [p.strip() for p in src["text"].split(".") if p.strip()]
            rnd.shuffle(parts)
            text = ". ".join(parts) + f". وهذا التقرير رقم {i + 1} في سلسلة المتابعة."
            year = 2019 + i % 7
            fh.write(json.dumps({"text": text, "title": src.get("title", ""), "source": src.get("source", ""),
                                 "published": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"}, ensure_ascii=False) + "\n")
    return n


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited during start")
        try:
            if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start")


async def client_loop(base: str, stop: asyncio.Event, latencies: list, errors: list, seed: int) -> None:
    import httpx

    rnd = random.Random(seed)
    paths = [p for w, p in READS for _ in range(w)]
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while not stop.is_set():
            path = rnd.choice(paths).format(code=rnd.choice(CODES), offset=rnd.randrange(0, 2000))
            t0 = time.perf_counter()
            try:
                r = await http.get(path)
                ok = r.status_code == 200
                detail = f"{r.status_code} {r.text[:120]}"
            except httpx.HTTPError as e:
                ok, detail = False, repr(e)
            latencies.append(time.perf_counter() - t0)
            if not ok:
                errors.append(f"{path}: {detail}")


async def run_clients(base: str, n: int, ingest: subprocess.Popen, max_seconds: float) -> tuple[list, list, float]:
    stop = asyncio.Event()
    latencies: list[float] = []
    errors: list[str] = []
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(client_loop(base, stop, latencies, errors, i)) for i in range(n)]
    while ingest.poll() is None and time.perf_counter() - t0 < max_seconds:
        await asyncio.sleep(0.5)
    stop.set()
    await asyncio.gather(*tasks)
    return latencies, errors, time.perf_counter() - t0


def consistency(db: str, expected_docs: int) -> dict:
    from marsad.store.db import Store

    with Store.open(db) as store:
        s = store.stats()
        orphans = sum(store.scalar(f"SELECT COUNT(*) FROM {t} x WHERE NOT EXISTS "
                                   f"(SELECT 1 FROM documents d WHERE d.id = x.doc_id)") or 0
                      for t in ("sentences", "mentions", "events"))
        empty = store.scalar("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                             "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)") or 0
    return {"documents": s["documents"], "expected_documents": expected_docs, "sentences": s["sentences"],
            "events": s["events"], "orphan_rows": orphans, "documents_without_sentences": empty,
            "ok": s["documents"] == expected_docs and orphans == 0 and empty == 0}


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def bench(db: str, docs: int, clients: int, max_seconds: float, workdir: Path) -> dict:
    from marsad.store.db import Store

    py = sys.executable
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # a store with the sample corpus, so the readers have something from the first second
    subprocess.run([py, "-m", "marsad", "ingest", str(SAMPLE), "--db", db, "--json"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    with Store.open(db) as store:
        base_docs = store.stats()["documents"]
    corpus = workdir / "load.jsonl"
    make_corpus(corpus, docs)
    port = 18000 + random.Random(os.getpid()).randrange(1000)
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([py, "-c", "import sys; from marsad.api.app import serve; "
                               "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]))", db, str(port)],
                              env={**env, "MARSAD_DATA_DIR": str(workdir / "data")}, stdout=subprocess.DEVNULL,
                              stderr=open(workdir / "server.log", "w"))
    try:
        wait_ready(url, server)
        t0 = time.perf_counter()
        ingest = subprocess.Popen([py, "-m", "marsad", "ingest", str(corpus), "--db", db, "--json"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        latencies, errors, seconds = asyncio.run(run_clients(url, clients, ingest, max_seconds))
        finished = ingest.poll() is not None
        if not finished:
            ingest.terminate()
        out, _ = ingest.communicate(timeout=60)
        ingest_seconds = time.perf_counter() - t0
        report = json.loads(out) if finished and out.strip() else {}
    finally:
        server.terminate()
        server.wait(timeout=30)
    check = consistency(db, base_docs + report.get("added", 0))
    return {
        "store": "postgresql" if db.startswith("postgres") else "sqlite",
        "clients": clients, "documents_ingested": report.get("added", 0), "ingest_finished": finished,
        "ingest_seconds": round(ingest_seconds, 1), "ingest_docs_per_s": round(report.get("added", 0) / ingest_seconds, 1),
        "ingest_errors": len(report.get("errors", [])), "requests": len(latencies),
        "requests_per_s": round(len(latencies) / seconds, 1), "p50_ms": round(pct(latencies, 50) * 1000, 1),
        "p99_ms": round(pct(latencies, 99) * 1000, 1), "errors": len(errors), "first_errors": errors[:5],
        "consistency": check,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="Store URL or SQLite path (default: a temporary SQLite file).")
    ap.add_argument("--postgres", action="store_true", help="Start a throw-away local PostgreSQL and use it.")
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--max-seconds", type=float, default=900, help="Stop the clients after this long at most.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="marsad-load-")))
        db = args.db or str(workdir / "load.db")
        if args.postgres:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg import temporary_cluster

            db = stack.enter_context(temporary_cluster())
        result = bench(db, args.docs, args.clients, args.max_seconds, workdir)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for k, v in result.items():
            print(f"{k:>20}: {v}")
    return 0 if result["errors"] == 0 and result["consistency"]["ok"] and result["ingest_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
