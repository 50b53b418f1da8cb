"""Load benchmark (not a test): 50 concurrent readers against `marsad serve`, first with no ingest running (the
baseline), then while `marsad ingest` adds documents to the same store, then once more without (the store is
bigger by then). Each phase prints requests/s, p50 and p99 latency; the ingest phase is also given as a ratio to
the baseline measured in the same run. Afterwards the store is checked for consistency.

    python bench/bench_load.py                      # SQLite in a temporary folder
    python bench/bench_load.py --postgres           # a throw-away local PostgreSQL cluster (Debian package)
    python bench/bench_load.py --both               # SQLite, then PostgreSQL, one table
    python bench/bench_load.py --db postgresql://…  # an existing database (it should be empty)

The readers are closed-loop (each sends its next request when the last one is answered; --think-ms adds a
pause): their latency is then mostly waiting in the server's queue, p50 ~ readers / throughput (Little's law).
Everything runs on 127.0.0.1; server, ingest and readers share the machine's cores. Loops are bounded.
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
import threading
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


def make_corpus(path: Path, n: int, first: int = 0) -> int:
    """n distinct documents made from the sample corpus (sentences shuffled, a numbered closing line);
    ``first`` numbers them on from an earlier corpus, so the two never share a document."""
    base = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    rnd = random.Random(7 + first)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(first, first + n):
            src = base[i % len(base)]
            parts = [p.strip() for p in src["text"].split(".") if p.strip()]
            rnd.shuffle(parts)
            text = ". ".join(parts) + f". وهذا التقرير رقم {i + 1} في سلسلة المتابعة."
            year = 2019 + i % 7
            fh.write(json.dumps({"text": text, "title": src.get("title", ""), "source": src.get("source", ""),
                                 "published": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"}, ensure_ascii=False) + "\n")
    return n


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
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


async def client_loop(http, stop: asyncio.Event, out: list, errors: list, reconnects: list, seed: int,
                      think: float) -> None:
    import httpx

    rnd = random.Random(seed)
    paths = [p for w, p in READS for _ in range(w)]
    while not stop.is_set():
        kind = rnd.choice(paths)
        path = kind.format(code=rnd.choice(CODES), offset=rnd.randrange(0, 2000))
        t0 = time.perf_counter()
        for attempt in (1, 2):
            try:
                r = await http.get(path)
                ok = r.status_code == 200
                detail = f"{r.status_code} {r.text[:120]}"
            except (httpx.ReadError, httpx.RemoteProtocolError) as e:
                # a kept-alive connection the server closed as it was reused (uvicorn closes connections idle
                # for 5 s): browsers send the GET again on a new connection, and so does this reader, once
                ok, detail = False, repr(e)
                if attempt == 1:
                    reconnects.append(path)
                    continue
            except httpx.HTTPError as e:
                ok, detail = False, repr(e)
            break
        out.append((kind.split("?")[0], time.perf_counter() - t0))
        if not ok:
            errors.append(f"{path}: {detail}")
        if think:
            await asyncio.sleep(rnd.expovariate(1 / think))


async def run_phase(base: str, clients: int, think: float, until) -> tuple[list, list, list, float]:
    """Readers run until ``until()`` is true (checked twice a second); requests still open then are waited for
    and counted in this phase."""
    import httpx

    stop = asyncio.Event()
    out: list[tuple[str, float]] = []
    errors: list[str] = []
    reconnects: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        t0 = time.perf_counter()
        tasks = [asyncio.create_task(client_loop(http, stop, out, errors, reconnects, i, think)) for i in range(clients)]
        while not until(time.perf_counter() - t0):
            await asyncio.sleep(0.5)
        stop.set()
        await asyncio.gather(*tasks)
        return out, errors, reconnects, time.perf_counter() - t0


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def summary(out: list, errors: list, reconnects: list, seconds: float) -> dict:
    lat = [t for _, t in out]
    per_kind = {}
    for kind in sorted({k for k, _ in out}):
        ts = [t for k, t in out if k == kind]
        per_kind[kind] = {"requests": len(ts), "p50_ms": round(pct(ts, 50) * 1000, 1)}
    return {"seconds": round(seconds, 1), "requests": len(lat), "requests_per_s": round(len(lat) / seconds, 1),
            "p50_ms": round(pct(lat, 50) * 1000, 1), "p99_ms": round(pct(lat, 99) * 1000, 1),
            "errors": len(errors), "first_errors": errors[:3], "reconnects": len(reconnects),
            "per_endpoint": per_kind}


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


def ingest_cmd(corpus: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", db, "--json"]


class ApiIngest:
    """The same documents sent to ``POST /api/documents`` in batches, one request at a time: the server then
    runs the pipeline in its own process, beside the readers. Looks like a Popen to ``bench``."""

    def __init__(self, url: str, key: str, corpus: Path, batch: int = 200):
        self.result: dict = {"added": 0, "errors": []}
        self.stop = False
        self.thread = threading.Thread(target=self._send, args=(url, key, corpus, batch), daemon=True)
        self.thread.start()

    def _send(self, url: str, key: str, corpus: Path, batch: int) -> None:
        import httpx

        lines = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines() if x.strip()]
        with httpx.Client(base_url=url, timeout=600) as http:
            for i in range(0, len(lines), batch):
                if self.stop:
                    return
                r = http.post("/api/documents", json=lines[i:i + batch], headers={"X-API-Key": key})
                if r.status_code not in (200, 201):
                    self.result["errors"].append(f"{r.status_code} {r.text[:200]}")
                    continue
                body = r.json()
                self.result["added"] += body["added"]
                self.result["errors"] += [e for f in body["files"] for e in f["errors"]]

    def poll(self) -> int | None:
        return None if self.thread.is_alive() else 0

    def terminate(self) -> None:
        self.stop = True

    def communicate(self, timeout: float) -> tuple[str, str]:
        self.thread.join(timeout)
        return json.dumps(self.result), ""


def bench(db: str, args: argparse.Namespace, workdir: Path) -> dict:
    from marsad.store.db import Store

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # a store of --preload documents before the readers start, so that the baseline reads a realistic store
    preload = workdir / "preload.jsonl"
    make_corpus(preload, args.preload)
    for path in (SAMPLE, preload):
        subprocess.run(ingest_cmd(path, db), check=True, env=env, stdout=subprocess.DEVNULL)
    with Store.open(db) as store:
        base_docs = store.stats()["documents"]
    corpus = workdir / "load.jsonl"
    make_corpus(corpus, args.docs, first=args.preload)
    port = 18000 + random.Random(os.getpid()).randrange(1000)
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", "import sys; from marsad.api.app import serve; "
                               "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]))", db, str(port)],
                              env={**env, "MARSAD_DATA_DIR": str(workdir / "data")}, stdout=subprocess.DEVNULL,
                              stderr=open(workdir / "server.log", "w"))
    think = args.think_ms / 1000
    phases: dict[str, dict] = {}
    try:
        wait_ready(url, server)
        asyncio.run(run_phase(url, args.clients, think, lambda t: t >= args.warmup_seconds))  # not counted
        phases["baseline"] = summary(*asyncio.run(
            run_phase(url, args.clients, think, lambda t: t >= args.baseline_seconds)))
        t0 = time.perf_counter()
        if args.via_api:
            from marsad.api.auth import create_key

            with Store.open(db) as store:
                key = create_key(store, "load-bench", scopes=("write",))[0]
            ingest = ApiIngest(url, key, corpus)
        else:
            ingest = subprocess.Popen(ingest_cmd(corpus, db), env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, text=True)
        phases["during ingest"] = summary(*asyncio.run(
            run_phase(url, args.clients, think, lambda t: ingest.poll() is not None or t >= args.max_seconds)))
        finished = ingest.poll() is not None
        if not finished:
            ingest.terminate()
        out, _ = ingest.communicate(timeout=120)
        ingest_seconds = time.perf_counter() - t0
        report = json.loads(out) if finished and out.strip() else {}
        if args.after_seconds:
            phases["after ingest"] = summary(*asyncio.run(
                run_phase(url, args.clients, think, lambda t: t >= args.after_seconds)))
    finally:
        server.terminate()
        server.wait(timeout=30)
    base, busy = phases["baseline"], phases["during ingest"]
    return {
        "store": "postgresql" if db.startswith("postgres") else "sqlite",
        "ingest_by": "POST /api/documents" if args.via_api else "marsad ingest", "clients": args.clients, "think_ms": args.think_ms, "documents_before": base_docs,
        "documents_ingested": report.get("added", 0), "ingest_finished": finished,
        "ingest_seconds": round(ingest_seconds, 1),
        "ingest_docs_per_s": round(report.get("added", 0) / ingest_seconds, 1),
        "ingest_errors": len(report.get("errors", [])), "phases": phases,
        "ratio_during_ingest_to_baseline": {
            k: round(busy[k] / base[k], 2) if base[k] else None for k in ("p50_ms", "p99_ms", "requests_per_s")},
        "consistency": consistency(db, base_docs + report.get("added", 0)),
    }


def print_table(results: list[dict]) -> None:
    print("| store | phase | documents | seconds | requests | req/s | p50 ms | p99 ms | errors | reconnects |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        docs = {"baseline": f"{r['documents_before']:,}",
                "during ingest": f"+{r['documents_ingested']:,} ({r['ingest_docs_per_s']}/s)",
                "after ingest": f"{r['documents_before'] + r['documents_ingested']:,}"}
        for name, p in r["phases"].items():
            print(f"| {r['store']} | {name} | {docs[name]} | {p['seconds']} | {p['requests']:,} | "
                  f"{p['requests_per_s']} | {p['p50_ms']:,.0f} | {p['p99_ms']:,.0f} | {p['errors']} | {p['reconnects']} |")
    for r in results:
        q = r["ratio_during_ingest_to_baseline"]
        print(f"{r['store']}: during ingest / baseline: p50 x{q['p50_ms']}, p99 x{q['p99_ms']}, "
              f"req/s x{q['requests_per_s']}; ingest by {r['ingest_by']}; {r['clients']} readers, think {r['think_ms']} ms; "
              f"store consistent: {r['consistency']['ok']}; ingest errors: {r['ingest_errors']}")


def ok(r: dict) -> bool:
    return (all(p["errors"] == 0 for p in r["phases"].values()) and r["consistency"]["ok"]
            and r["ingest_errors"] == 0 and r["ingest_finished"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="Store URL or SQLite path (default: a temporary SQLite file).")
    ap.add_argument("--postgres", action="store_true", help="Start a throw-away local PostgreSQL and use it.")
    ap.add_argument("--both", action="store_true", help="SQLite, then a throw-away PostgreSQL.")
    ap.add_argument("--preload", type=int, default=2000, help="Documents stored before the readers start.")
    ap.add_argument("--docs", type=int, default=3000, help="Documents ingested while the readers run.")
    ap.add_argument("--via-api", action="store_true",
                    help="Send the documents to POST /api/documents (200 a request) instead of running marsad ingest.")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--think-ms", type=float, default=0, help="Mean pause of a reader between requests.")
    ap.add_argument("--warmup-seconds", type=float, default=3, help="Readers run this long first, not counted.")
    ap.add_argument("--baseline-seconds", type=float, default=20)
    ap.add_argument("--after-seconds", type=float, default=10, help="A second baseline after the ingest (0: none).")
    ap.add_argument("--max-seconds", type=float, default=900, help="Stop the ingest phase after this long at most.")
    ap.add_argument("--json", metavar="FILE", help="Also write every figure (per endpoint too) to FILE as JSON.")
    args = ap.parse_args()
    stores = ["sqlite", "postgres"] if args.both else ["postgres" if args.postgres else "sqlite"]
    results = []
    for kind in stores:
        with ExitStack() as stack:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="marsad-load-")))
            db = args.db if args.db and not args.both else str(workdir / "load.db")
            if kind == "postgres" and not (args.db and not args.both):
                sys.path.insert(0, str(ROOT / "tests"))
                from pg import temporary_cluster

                db = stack.enter_context(temporary_cluster())
            results.append(bench(db, args, workdir))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(results)
    return 0 if all(ok(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
