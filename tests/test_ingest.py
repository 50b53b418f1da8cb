"""Store and ingest: idempotent, resumable after a kill, near-duplicates linked, errors reported."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.ingest.run import ingest
from marsad.pipeline import Pipeline
from marsad.store.db import Store, StoreError
from marsad.store.migrations import LATEST

MARSAD = [sys.executable, "-m", "marsad"]
UPTO: list[str] = []  # the full pipeline (text, actors, events)


def snapshot(db: str) -> dict:
    c = sqlite3.connect(db)
    out = {
        "documents": sorted(c.execute("SELECT id, title, published, dup_of FROM documents")),
        "sentences": sorted(c.execute("SELECT doc_id, idx, start_off, end_off, kind FROM sentences")),
        "mentions": sorted(c.execute("SELECT doc_id, start_off, end_off, code, agent FROM mentions")),
        "events": sorted(c.execute("SELECT id, event, actor_code, recipient_code, negated, modality FROM events")),
    }
    c.close()
    return out


def test_seed_ingest_is_idempotent(seeds_dir, tmp_path):
    db = str(tmp_path / "m.db")
    with Store.open(db) as store:
        r1 = ingest([seeds_dir], store, Pipeline.default("text"))
        assert (r1.files, r1.added, r1.errors) == (5, 5, [])
        first = snapshot(db)
        assert len(first["documents"]) == 5 and len(first["sentences"]) > 150
        r2 = ingest([seeds_dir], store, Pipeline.default("text"))
        assert r2.added == 0
        r3 = ingest([seeds_dir], store, Pipeline.default("text"), force=True)  # re-read, still nothing new
        assert (r3.added, r3.skipped) == (0, 5)
        assert snapshot(db) == first
        assert store.version() == LATEST


def test_near_duplicate_is_linked_not_counted(seeds_dir, tmp_path):
    text = (seeds_dir / "003_1428729a5b6ad7d9.txt").read_text(encoding="utf-8")
    edited = text.replace("الأربعاء الماضي", "يوم الأربعاء").replace("صدى عالمي كبير", "صدى واسعا") + "\nالمصدر: وكالات\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(edited, encoding="utf-8")
    with Store.open(str(tmp_path / "m.db")) as store:
        rep = ingest([tmp_path / "in"], store, Pipeline.default("text"))
        assert (rep.added, rep.near_duplicates) == (2, 1)
        rows = store.rows("SELECT path, dup_of, dup_score FROM documents ORDER BY seq")
        assert rows[0]["dup_of"] is None and rows[1]["dup_of"] is not None and rows[1]["dup_score"] >= 0.8


def make_corpus(seeds_dir: Path, path: Path, n: int) -> None:
    paras = []
    for p in sorted(seeds_dir.glob("*.txt")):
        paras += [x for x in p.read_text(encoding="utf-8").split("\n") if len(x) > 80]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": f"{paras[i % len(paras)]}\nالنسخة رقم {i}.",
                                 "published": f"2024-{1 + i % 12:02d}-15", "source": f"outlet-{i % 3}"},
                                ensure_ascii=False) + "\n")


def test_killed_ingest_resumes_to_the_same_store(seeds_dir, tmp_path):
    src = tmp_path / "corpus.jsonl"
    make_corpus(seeds_dir, src, 3000)
    killed, clean = str(tmp_path / "killed.db"), str(tmp_path / "clean.db")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(MARSAD + ["ingest", str(src), "--db", killed, "--json"] + UPTO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            c = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=1)
            stored = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            c.close()
        except sqlite3.Error:
            continue
        if stored >= 100:
            break
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = snapshot(killed)
    assert 0 < len(partial["documents"]) < 3000
    # every stored document is whole: its sentences are all there
    assert {d for d, *_ in partial["sentences"]} == {d for d, *_ in partial["documents"]}
    subprocess.run(MARSAD + ["ingest", str(src), "--db", killed, "--json"] + UPTO, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(MARSAD + ["ingest", str(src), "--db", clean, "--json"] + UPTO, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    a, b = snapshot(killed), snapshot(clean)
    assert len(a["documents"]) == 3000
    assert a == b


def test_cli_reports_bad_files_and_goes_on(tmp_path, seeds_dir):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text((seeds_dir / "001_8a7be7528faee170.txt").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfebroken")
    (tmp_path / "in" / "x.docx").write_bytes(b"PK")
    db = str(tmp_path / "m.db")
    r = subprocess.run(MARSAD + ["ingest", str(tmp_path / "in"), "--db", db, "--json", "--upto", "text"],
                       capture_output=True, text=True)
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["added"] == 1
    assert {Path(e["path"]).name for e in report["errors"]} == {"bad.txt"}
    assert report["not_articles"] == 1  # x.docx, met in the folder: skipped and counted, not an error
    assert "bad.txt: not valid UTF-8" in r.stderr
    s = json.loads(subprocess.run(MARSAD + ["stats", "--db", db, "--json"], capture_output=True, text=True,
                                  check=True).stdout)
    assert s["documents"] == 1 and s["sentences"] > 10


def test_show_command(seeds_dir, tmp_path):
    db = str(tmp_path / "m.db")
    subprocess.run(MARSAD + ["ingest", str(seeds_dir / "003_1428729a5b6ad7d9.txt"), "--db", db, "--upto", "text"],
                   check=True, capture_output=True)
    with Store.open(db) as store:
        doc_id = store.scalar("SELECT id FROM documents")
    out = json.loads(subprocess.run(MARSAD + ["show", doc_id[:8], "--db", db, "--json"], capture_output=True, text=True,
                                    check=True).stdout)
    assert out["id"] == doc_id and out["title"].startswith("مرصد مراكز الأبحاث")
    assert out["sentences"][0]["kind"] == "title"
    r = subprocess.run(MARSAD + ["show", "nope", "--db", db], capture_output=True, text=True)
    assert r.returncode == 2 and "no document 'nope'" in r.stderr


def test_newer_schema_is_refused(tmp_path):
    db = str(tmp_path / "m.db")
    with Store.open(db) as store:
        store.set_meta("schema_version", str(LATEST + 1))
    with pytest.raises(StoreError, match="newer than this Marsad"):
        Store.open(db)


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store.open(str(p))
