"""Large loads set the big tables' secondary indexes aside and build them after (store/bulk.py): the same
rows and the same schema as an ingest that kept them, and a kill in between leaves no index missing for good."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from marsad.ingest.run import ingest
from marsad.pipeline import Pipeline
from marsad.store import bulk
from marsad.store.bulk import DEFERRED_KEY, defer_indexes, deferred, worth_deferring
from marsad.store.db import Store, StoreError

SAMPLE = Path(str(resources.files("marsad.data.sample").joinpath("corpus.jsonl")))
MARSAD = [sys.executable, "-m", "marsad"]
VOLATILE = {"ingested_at", "updated_at", "mtime"}


def write_corpus(path: Path, n: int, seed: int = 3) -> None:
    """n documents, each a few sentences of different sample articles and a closing line of its own."""
    pool = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        pool += [s.strip() + "." for s in re.split(r"[.؟!]\s+", json.loads(line)["text"]) if len(s.strip()) > 30]
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(rng.sample(pool, rng.randint(2, 5))) + f"\nنشر هذا الخبر برقم {i} في نشرة المساء."
            fh.write(json.dumps({"id": f"d{i}", "text": text, "source": f"وكالة {i % 5}",
                                 "published": f"202{rng.randint(0, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
                                ensure_ascii=False) + "\n")


def indexes(db: str) -> list[tuple[str, str]]:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return sorted(c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        c.close()


def contents(db: str) -> dict[str, list]:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
            cols = [r[1] for r in c.execute(f'PRAGMA table_info("{t}")') if r[1] not in VOLATILE]
            out[t] = sorted(map(repr, c.execute(f'SELECT {", ".join(cols)} FROM "{t}"')))
        return out
    finally:
        c.close()


def test_a_load_larger_than_the_store_defers_and_a_small_one_does_not():
    assert not worth_deferring(1999, 0)
    assert worth_deferring(2000, 0)
    assert not worth_deferring(3000, 5000)  # a small addition to a large store keeps its indexes
    assert worth_deferring(5000, 5000)
    assert worth_deferring(40, 10, min_documents=30) and not worth_deferring(20, 10, min_documents=30)


def test_deferred_load_gives_the_same_rows_and_indexes(tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 450)
    kept, aside = str(tmp_path / "kept.db"), str(tmp_path / "aside.db")
    pipeline = Pipeline.default()
    with Store.open(kept) as store:
        ingest([corpus], store, pipeline)
    monkeypatch.setattr(bulk, "MIN_DOCUMENTS", 150)  # so that 450 documents count as a large load
    statements: list[str] = []
    with Store.open(aside) as store:
        store.conn.set_trace_callback(statements.append)
        rep = ingest([corpus], store, pipeline)
        store.conn.set_trace_callback(None)
        assert rep.added == 450 and rep.events > 0
        assert deferred(store) == []
    drops = [s for s in statements if s.startswith("DROP INDEX")]
    builds = [s for s in statements if s.startswith("CREATE INDEX IF NOT EXISTS")]
    # everything but the unique keys and the one the writer reads went aside, after the first batch of 200
    assert {re.search(r'"(\w+)"', s).group(1) for s in drops} == {
        "documents_published", "documents_source", "sentences_quad", "mentions_code", "events_actor",
        "events_recipient", "events_doc", "events_type", "events_cluster", "events_pair_date",
        "events_actor_cover", "events_recipient_cover"}
    assert len(builds) == len(drops)
    assert statements.index(drops[0]) < statements.index(builds[0])
    assert indexes(aside) == indexes(kept)
    assert contents(aside) == contents(kept)


def test_reads_while_aside_answer_the_same_and_open_builds_them_when_no_writer_works(tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 120)
    db = str(tmp_path / "m.db")
    with Store.open(db) as store:
        ingest([corpus], store, Pipeline.default())
    before = indexes(db)
    question = """SELECT id, date FROM events WHERE actor_code = (SELECT actor_code FROM events WHERE actor_code
                  IS NOT NULL GROUP BY actor_code ORDER BY COUNT(*) DESC, actor_code LIMIT 1) ORDER BY date, id"""
    with Store.open(db) as store:
        answer = store.rows(question)
        assert answer
        with store.writer_lock():
            assert defer_indexes(store) == 12
            assert len(indexes(db)) == len(before) - 12
            with Store.open(db) as reader:  # a writer is at work: the reader leaves them aside, answers the same
                assert len(deferred(reader)) == 12
                assert reader.rows(question) == answer
    with Store.open(db) as store:  # no writer now: built again on opening
        assert deferred(store) == [] and store.get_meta(DEFERRED_KEY) is None
    assert indexes(db) == before


def test_a_damaged_record_of_deferred_indexes_is_named(tmp_path):
    db = str(tmp_path / "m.db")
    with Store.open(db) as store:
        store.set_meta(DEFERRED_KEY, json.dumps(["DROP TABLE events"]))
    with pytest.raises(StoreError, match=re.escape(db) + ".*deferred_indexes.*CREATE INDEX"):
        Store.open(db)


def test_killed_while_indexes_are_aside_resumes_to_the_same_store(tmp_path):
    """SIGKILL after the indexes went aside (2,000 documents written into an empty store); the next open
    builds them, and the resumed ingest ends with the rows and indexes of an uninterrupted one."""
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 9000)
    killed, clean = str(tmp_path / "killed.db"), str(tmp_path / "clean.db")
    cmd = MARSAD + ["ingest", str(corpus), "--upto", "text", "--workers", "1", "--json", "--db"]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen(cmd + [killed], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = False
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None and not seen:
        time.sleep(0.02)
        try:
            c = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=1)
            seen = c.execute("SELECT 1 FROM meta WHERE key = ?", (DEFERRED_KEY,)).fetchone() is not None
            c.close()
        except sqlite3.Error:
            continue
    assert seen and proc.poll() is None, "the ingest ended before its indexes were seen aside"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd + [clean], env=env, check=True, stdout=subprocess.DEVNULL)
    assert len(indexes(killed)) == len(indexes(clean)) - 12
    with Store.open(killed) as store:
        stored = store.scalar("SELECT COUNT(*) FROM documents")
        assert 2000 <= stored < 9000
        assert deferred(store) == []
    assert indexes(killed) == indexes(clean)
    subprocess.run(cmd + [killed], env=env, check=True, stdout=subprocess.DEVNULL)
    assert indexes(killed) == indexes(clean)
    a, b = contents(killed), contents(clean)
    assert a.pop("meta") and b.pop("meta")  # (the number of refreshes shows there)
    assert a == b
