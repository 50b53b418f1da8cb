"""Scale: worker processes give the store of one worker; the near-duplicate index in the store gives
datasketch's in-memory answers; the data files load the same through libyaml; one writer at a time."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
import yaml
from datasketch import MinHash, MinHashLSH

from marsad.data import yamlfile
from marsad.ingest.run import ingest
from marsad.pipeline import Pipeline
from marsad.store.db import Store, WriterBusy
from marsad.store.dedup import BANDS_META, NUM_PERM, NearDuplicates, shingles

SAMPLE = Path(str(resources.files("marsad.data.sample").joinpath("corpus.jsonl")))
MARSAD = [sys.executable, "-m", "marsad"]
VOLATILE = {"ingested_at", "updated_at", "mtime", "path"}
TABLES = ("documents", "sentences", "mentions", "events", "candidates", "files", "clusters", "dyad_month", "dyads",
          "near_dup_bands")


def articles() -> list[dict]:
    return [json.loads(x) for x in SAMPLE.read_text(encoding="utf-8").splitlines()]


def edited(text: str, i: int) -> str:
    """The same story lightly re-edited, as outlets re-publish agency copy."""
    words = text.split()
    words[len(words) // 2] = "أيضا"
    return " ".join(words) + f"\nالمصدر: وكالات ({i})"


def write_corpus(folder: Path) -> list[Path]:
    """The sample corpus, then a second file: re-edited copies of every third article, new mixes of two
    articles, and a broken line."""
    arts = articles()
    folder.mkdir(parents=True, exist_ok=True)
    first = folder / "a.jsonl"
    first.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    lines = []
    for i, a in enumerate(arts):
        if i % 3 == 0:
            lines.append(json.dumps({**a, "id": f"e{i}", "text": edited(a["text"], i)}, ensure_ascii=False))
        if i % 4 == 1:
            b = arts[(i * 7) % len(arts)]
            lines.append(json.dumps({**a, "id": f"m{i}", "text": a["text"] + "\n" + b["text"]}, ensure_ascii=False))
    lines.insert(5, '{"text": "نص بلا نهاية')
    second = folder / "b.jsonl"
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [first, second]


def contents(store: Store) -> dict[str, list]:
    out = {}
    for t in TABLES:
        rows = store.rows(f"SELECT * FROM {t}")
        out[t] = sorted((tuple((k, bytes(v) if isinstance(v, memoryview) else v) for k, v in sorted(r.items())
                               if k not in VOLATILE) for r in rows), key=repr)
    return out


def test_two_workers_store_the_same_as_one(tmp_path):
    files = write_corpus(tmp_path / "in")
    pipeline = Pipeline.default()
    reports, stores = [], []
    for workers in (1, 2):
        with Store.open(str(tmp_path / f"w{workers}.db")) as store:
            reports.append(ingest(files, store, pipeline, workers=workers).to_dict())
            stores.append(contents(store))
    assert reports[0] == reports[1]
    assert reports[0]["added"] > 70 and reports[0]["near_duplicates"] >= 15 and len(reports[0]["errors"]) == 1
    for t in TABLES:
        assert stores[0][t] == stores[1][t], t
    assert len(stores[0]["clusters"]) > 20 and len(stores[0]["events"]) > 100


def reference_duplicates(texts: list[tuple[str, str]]) -> dict[str, str | None]:
    """datasketch's own MinHashLSH, documents in store order: id -> earliest original it nearly duplicates."""
    lsh = MinHashLSH(threshold=0.8, num_perm=NUM_PERM)
    sigs, order, out = {}, {}, {}
    for doc_id, text in texts:
        mh = MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32")
        mh.update_batch(list(shingles(text)))
        found = [c for c in lsh.query(mh) if mh.jaccard(sigs[c]) >= 0.8]
        out[doc_id] = min(found, key=order.get) if found else None
        if not found:
            lsh.insert(doc_id, mh)
            sigs[doc_id], order[doc_id] = mh, len(order)
    return out


def test_near_duplicates_are_those_of_datasketch_lsh(tmp_path):
    files = write_corpus(tmp_path / "in")
    with Store.open(str(tmp_path / "m.db")) as store:
        ingest(files, store, Pipeline.default("text"))
        docs = store.rows("SELECT id, text, dup_of FROM documents ORDER BY seq")
        originals = sum(1 for d in docs if d["dup_of"] is None)
        assert store.scalar("SELECT COUNT(*) FROM near_dup_bands") == 5 * originals  # b = 5 bands at 0.8, 64 perms
    want = reference_duplicates([(d["id"], d["text"]) for d in docs])
    got = {d["id"]: d["dup_of"] for d in docs}
    assert got == want
    assert sum(v is not None for v in got.values()) >= 15


def test_band_index_is_rebuilt_for_older_stores(tmp_path):
    files = write_corpus(tmp_path / "in")
    with Store.open(str(tmp_path / "m.db")) as store:
        ingest(files[:1], store, Pipeline.default("text"))
        before = sorted(store.execute("SELECT key, seq FROM near_dup_bands").fetchall())
        with store.transaction():  # as a store written before schema v5 would be
            store.execute("DELETE FROM near_dup_bands")
            store.execute("DELETE FROM meta WHERE key = ?", (BANDS_META,))
        NearDuplicates(store)
        assert sorted(store.execute("SELECT key, seq FROM near_dup_bands").fetchall()) == before
        rep = ingest(files[1:], store, Pipeline.default("text"))
        assert rep.near_duplicates >= 15  # found against the rebuilt index


def test_signatures_and_bands_are_datasketch_s():
    from marsad.store.dedup import RANGES_08, signature

    for a in articles()[:10] + [{"text": "كلمتان فقط"}]:
        fresh = MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32")
        fresh.update_batch(list(shingles(a["text"])))
        assert np.array_equal(signature(a["text"]), fresh.hashvalues)
    assert RANGES_08 == MinHashLSH(threshold=0.8, num_perm=NUM_PERM).hashranges


def test_data_files_load_the_same_with_libyaml():
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    assert yamlfile.LOADER is yaml.CSafeLoader
    root = Path(str(resources.files("marsad.data")))
    files = sorted(root.rglob("*.yaml"))
    assert len(files) >= 5
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert yamlfile.safe_load(text) == yaml.safe_load(text), f.name


def test_second_writer_waits_for_the_first(tmp_path):
    files = write_corpus(tmp_path / "in")
    db = str(tmp_path / "m.db")
    first, second = Store.open(db), Store.open(db)
    told: list[str] = []
    waiting = threading.Event()
    result = {}

    def run():
        result["report"] = ingest(files[:1], second, Pipeline.default("text"), on_wait=lambda m: (told.append(m),
                                                                                                    waiting.set()))

    with first.writer_lock():
        with pytest.raises(WriterBusy), second.writer_lock(wait=False):
            pass
        t = threading.Thread(target=run)
        t.start()
        assert waiting.wait(60)
        assert first.scalar("SELECT COUNT(*) FROM documents") == 0  # nothing written while the lock is held
    t.join(120)
    assert not t.is_alive() and result["report"].added == 60
    assert "another writer" in told[0] and db in told[0]
    first.close()
    second.close()


def test_two_ingests_at_once_give_the_serial_near_duplicates(tmp_path):
    """Two processes on one store: they serialise, and near-duplicates are those of running them one after
    the other in the order they took the lock."""
    files = write_corpus(tmp_path / "in")
    db = str(tmp_path / "both.db")
    procs = [subprocess.Popen([*MARSAD, "ingest", str(f), "--db", db, "--upto", "text", "--workers", "1", "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 1], outs  # b.jsonl has a broken line
    reports = [json.loads(o) for o, _ in outs]
    assert [len(r["errors"]) for r in reports] == [0, 1] and reports[0]["added"] == 60 and reports[1]["added"] > 30
    with Store.open(db) as store:
        first = store.scalar("SELECT path FROM documents ORDER BY seq LIMIT 1")
        both = store.rows("SELECT id, dup_of, dup_score, seq FROM documents ORDER BY seq")
    order = files if first.startswith(str(files[0])) else files[::-1]
    with Store.open(str(tmp_path / "serial.db")) as store:
        for f in order:
            ingest([f], store, Pipeline.default("text"))
        serial = store.rows("SELECT id, dup_of, dup_score, seq FROM documents ORDER BY seq")
    assert both == serial
    assert sum(r["dup_of"] is not None for r in both) >= 15


def test_framing_is_measured_once_per_document(tmp_path):
    """/api/sources reads framing from the store's per-document cache: the same answer as measuring every
    text, and documents added later are measured on the next read."""
    from marsad.analysis.sources import sources

    files = write_corpus(tmp_path / "in")
    with Store.open(str(tmp_path / "m.db")) as store:
        ingest(files[:1], store, Pipeline.default("text"))
        first = sources(store)
        assert any(s["framing"] for s in first)
        n = store.scalar("SELECT COUNT(*) FROM doc_cache WHERE kind = 'framing'")
        assert n == store.scalar("SELECT COUNT(*) FROM documents WHERE dup_of IS NULL") == 60
        assert sources(store) == first
        ingest(files[1:], store, Pipeline.default("text"))
        cached = sources(store)
        assert store.scalar("SELECT COUNT(*) FROM doc_cache") == store.scalar(
            "SELECT COUNT(*) FROM documents WHERE dup_of IS NULL") > 60
        with store.transaction():
            store.execute("DELETE FROM doc_cache")
        assert sources(store) == cached
        with store.transaction():  # a result of another version of the measure is not used
            store.execute("UPDATE doc_cache SET version = 'old', value = '{\"words\": 0, \"hits\": {}}'")
        assert sources(store) == cached
