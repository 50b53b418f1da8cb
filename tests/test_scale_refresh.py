"""Crash-safe alliance refresh: a kill -9 during the refresh at the end of an ingest leaves the store marked
pending; the next ingest (or server start, or `marsad check`) finishes it, ending with the aggregates of an
uninterrupted run. SQLite and PostgreSQL (real server, tests/pg.py)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.analysis.aggregate import is_pending
from marsad.analysis.check import snapshot
from marsad.analysis.synthetic import QUADS, insert
from marsad.store.db import Store, WriterBusy
from pg import fresh_database, pg_server  # noqa: F401  (fixture)

MARSAD = [sys.executable, "-m", "marsad"]
CODES = ["RUS", "USA", "CHN", "IRN", "TUR", "FRA", "DEU", "GBR", "ISR", "SYR", "EGY", "SAU", "QAT", "IRQ", "JOR",
         "NATO", "EU"]


def seed_events(url: str, n: int) -> None:
    """A store whose many events are not yet clustered (as after documents written by a killed ingest), so
    that the refresh at the end of the next ingest takes seconds and a kill lands inside it."""
    rng = random.Random(5)
    types = sorted(QUADS)
    events = []
    for i in range(n):
        a, b = rng.sample(CODES, 2)
        events.append({"id": f"s{i:06d}", "doc_id": f"d{i % 400}", "event": rng.choice(types), "actor_code": a,
                       "recipient_code": b, "source": f"outlet-{i % 5}",
                       "date": f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"})
    docs = [{"id": f"d{j}", "source": f"outlet-{j % 5}", "published": "2020-01-01", "text": "نص"} for j in range(400)]
    with Store.open(url) as store:
        insert(store, events, docs)


def news(path: Path) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "k1", "published": "2024-03-02", "text": "استقبل الرئيس الروسي فلاديمير بوتين في موسكو الرئيس التركي رجب طيب أردوغان."},
        {"id": "k2", "published": "2024-03-05", "text": "فرضت الولايات المتحدة عقوبات جديدة على إيران بسبب برنامجها النووي."},
    ]) + "\n", encoding="utf-8")
    return path


def in_refresh(poll: Store, path: str) -> bool:
    """The ingest holds the writer lock and has recorded its only file: what is left is the refresh."""
    try:
        if poll.scalar("SELECT status FROM files WHERE path = ?", (path,)) != "done":
            return False
    except Exception:  # schema not there yet
        poll.rollback_quietly()
        return False
    try:
        with poll.writer_lock(wait=False):
            return False
    except WriterBusy:
        return True


def kill_in_refresh(url: str, src: Path, delay: float) -> int:
    """Start an ingest, wait until it is in its refresh, wait ``delay`` more and kill -9 it. Returns the exit
    status (-9 when killed)."""
    p = subprocess.Popen([*MARSAD, "ingest", str(src), "--db", url, "--workers", "1"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    with Store.open(url, migrate=False) as poll:
        deadline = time.monotonic() + 240
        while p.poll() is None and not in_refresh(poll, str(src)) and time.monotonic() < deadline:
            time.sleep(0.02)
    time.sleep(delay)
    try:
        os.kill(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return p.wait(60)


def run_kill_test(killed: str, clean: str, tmp_path: Path, kills: int) -> None:
    src = news(tmp_path / "news.jsonl")
    for url in (killed, clean):
        seed_events(url, 25000)
    rng = random.Random(1)
    for _ in range(kills):
        rc = kill_in_refresh(killed, src, rng.uniform(0.05, 0.8))
        assert rc == -signal.SIGKILL, "the refresh ended before the kill; the test proves nothing"
        with Store.open(killed) as store:
            assert is_pending(store)
            assert store.scalar("SELECT COUNT(*) FROM clusters") == 0  # the refresh's transaction was rolled back
            assert store.scalar("SELECT COUNT(*) FROM documents WHERE path LIKE ?", (str(src) + "%",)) == 2
    again = subprocess.run([*MARSAD, "ingest", str(src), "--db", killed, "--json"], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["added"] == 0  # nothing new to read, yet the pending refresh is finished
    once = subprocess.run([*MARSAD, "ingest", str(src), "--db", clean], capture_output=True, text=True)
    assert once.returncode == 0, once.stderr
    with Store.open(killed) as a, Store.open(clean) as b:
        assert not is_pending(a)
        got, want = snapshot(a), snapshot(b)
        assert len(want["clusters"]) > 1000 and len(want["dyad_month"]) > 500
        assert got == want
    checked = subprocess.run([*MARSAD, "check", "--db", killed], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_kill_during_refresh_sqlite(tmp_path):
    run_kill_test(str(tmp_path / "killed.db"), str(tmp_path / "clean.db"), tmp_path, kills=5)


def test_kill_during_refresh_postgres(pg_server, tmp_path):  # noqa: F811
    run_kill_test(fresh_database(pg_server), fresh_database(pg_server), tmp_path, kills=5)


def test_check_finds_and_repairs_wrong_aggregates(tmp_path, seeds_dir):
    db = str(tmp_path / "m.db")
    assert subprocess.run([*MARSAD, "ingest", str(seeds_dir), "--db", db], capture_output=True).returncode == 0
    ok = subprocess.run([*MARSAD, "check", "--db", db, "--json"], capture_output=True, text=True)
    assert ok.returncode == 0 and json.loads(ok.stdout)["ok"]
    with Store.open(db) as store:
        right = snapshot(store)
        assert right["dyad_month"] and right["clusters"]
        with store.transaction():
            store.execute("UPDATE dyad_month SET pos = pos + 1 WHERE month = (SELECT MIN(month) FROM dyad_month)")
            store.execute("DELETE FROM clusters WHERE id = (SELECT MIN(id) FROM clusters)")
    bad = subprocess.run([*MARSAD, "check", "--db", db], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "dyad_month" in bad.stderr and "clusters" in bad.stderr
    with Store.open(db) as store:
        assert snapshot(store) == right
    assert subprocess.run([*MARSAD, "check", "--db", db], capture_output=True).returncode == 0


def test_server_start_finishes_a_pending_refresh(tmp_path, monkeypatch):
    pytest.importorskip("fastapi")
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "uploads"))
    from marsad.api.app import create_app

    db = str(tmp_path / "m.db")
    seed_events(db, 300)
    with Store.open(db) as store:
        assert is_pending(store)
    create_app(db)
    with Store.open(db) as store:
        assert not is_pending(store)
        assert store.scalar("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL") == 0
