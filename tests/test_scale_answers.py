"""Answers of costly reads kept in the store (store/answers.py): /api/sources and /api/stats answer from the
``answers`` table while the store is unchanged, are the same as computing them, and are never stale: new
documents, updated or deleted rows (whatever code does it) and the alliance refresh all change the state, and
``marsad ingest`` makes asked-for answers again at its end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.analysis import refresh
from marsad.analysis.framing_terms import load_framing
from marsad.analysis.sources import measure_sources, sources
from marsad.ingest.run import ingest
from marsad.store.answers import state, stats
from marsad.store.db import Store
from pg import fresh_database, pg_server  # noqa: F401  (fixture)

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"

# Written for this test: a new outlet's report of a meeting and a strike.
NEW = [{"id": "answers-new-1", "source": "sahil-daily", "published": "2024-03-11",
        "title": "لقاء في أنقرة",
        "text": "استقبل الرئيس التركي وزير الخارجية الروسي في أنقرة يوم الأحد لبحث الأزمة السورية. "
                "وقال الجيش الإسرائيلي إنه قصف مواقع في جنوب لبنان ردا على إطلاق صواريخ."}]


def fresh(store: Store) -> list[dict]:
    """What a request would get if nothing were kept (same JSON types as a kept answer)."""
    return json.loads(json.dumps(measure_sources(store, load_framing(None), None, 2, 10), ensure_ascii=False))


def kept_state(store: Store, name: str) -> str:
    return store.scalar("SELECT state FROM answers WHERE name = ?", (name,))


@pytest.fixture()
def store(tmp_path):
    s = Store.open(str(tmp_path / "a.db"))
    ingest([str(SAMPLE)], s)
    yield s
    s.close()


def test_kept_sources_are_the_same_as_computing_them(store):
    first = sources(store)
    assert len(first) >= 3 and any(o["stances"] for o in first) and any(o["framing"] for o in first)
    assert first == fresh(store)
    assert kept_state(store, "sources").endswith(state(store))
    assert sources(store) == first


def test_the_kept_row_is_what_is_read_until_the_store_changes(store):
    sources(store)
    planted = [{"source": "planted", "documents": 1}]
    with store.transaction():
        store.execute("UPDATE answers SET value = ? WHERE name = 'sources'", (json.dumps(planted),))
    assert sources(store) == planted  # unchanged store: the kept answer
    ev = store.scalar("SELECT id FROM events WHERE negated = 0 AND dup = 0 LIMIT 1")
    with store.transaction():
        store.execute("UPDATE events SET negated = 1 WHERE id = ?", (ev,))  # any code, no call to bump()
    again = sources(store)
    assert again != planted and again == fresh(store)


def test_updates_and_deletes_change_the_state_but_a_cluster_id_rewrite_alone_does_not(store):
    before = state(store)
    with store.transaction():
        store.execute("DELETE FROM mentions WHERE rowid = (SELECT MIN(rowid) FROM mentions)")
    after_delete = state(store)
    assert after_delete != before
    with store.transaction():
        store.execute("UPDATE documents SET source = 'renamed' WHERE seq = 1")
    assert state(store) != after_delete
    now = state(store)
    with store.transaction():  # the refresh's own column: it bumps once itself instead (aggregate.py)
        store.execute("UPDATE events SET cluster_id = NULL")
    assert state(store) == now
    refresh(store, full=True)
    assert state(store) != now


def test_ingest_makes_asked_answers_again_and_they_include_the_new_documents(store, tmp_path):
    old = sources(store)
    counts = stats(store)
    assert "sahil-daily" not in {o["source"] for o in old}
    path = tmp_path / "new.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in NEW), encoding="utf-8")
    rep = ingest([str(path)], store)
    assert rep.added == 1 and rep.events >= 1
    assert kept_state(store, "sources").endswith(state(store))  # made by the ingest, before any request
    assert kept_state(store, "stats").endswith(state(store))
    new = sources(store)
    assert "sahil-daily" in {o["source"] for o in new} and new == fresh(store)
    assert stats(store)["documents"] == counts["documents"] + 1


def test_kept_stats_are_the_same_as_counting(store):
    counted = json.loads(json.dumps(store.stats()))
    assert stats(store) == counted
    assert stats(store) == counted and kept_state(store, "stats").endswith(state(store))  # kept
    assert counted["documents"] == 60 and counted["by_source"]


def test_postgres_triggers_and_state(pg_server):  # noqa: F811
    s = Store.open(fresh_database(pg_server))
    try:
        ingest([str(SAMPLE)], s)
        first = sources(s)
        assert first == fresh(s) and sources(s) == first
        before = state(s)
        with s.transaction():
            s.execute("UPDATE events SET intensity = intensity + 1 WHERE id = (SELECT MIN(id) FROM events)")
        assert state(s) != before
        moved = state(s)
        with s.transaction():
            s.execute("UPDATE events SET cluster_id = NULL")
        assert state(s) == moved
        assert sources(s) == fresh(s)
    finally:
        s.close()


def test_the_answer_version_is_the_same_in_every_process():
    import subprocess
    import sys

    code = ("from marsad.analysis.sources import answer_version; "
            "from marsad.analysis.framing_terms import load_framing; print(answer_version(load_framing(None)))")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(seen) == 1 and len(seen.pop().strip()) == 16


def test_event_pages_read_in_two_steps_keep_the_order_of_one_query(tmp_path):
    """list_events sorts ids, then reads their rows in chunks: the same rows in the same order as sorting whole
    rows, also past one chunk (the CSV export asks for up to 100,000)."""
    import random

    from marsad.analysis.synthetic import QUADS, insert
    from marsad.api.queries import ORDER, EventFilter, list_events

    rng = random.Random(3)
    codes = ["RUS", "UKR", "TUR", "IRN", "QAT"]
    evs = []
    for i in range(1300):
        a, b = rng.sample(codes, 2)
        evs.append({"id": f"e{i:05d}", "doc_id": f"d{i % 50}", "event": rng.choice(sorted(QUADS)), "actor_code": a,
                    "recipient_code": b, "date": None if i % 97 == 0 else f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"})
    s = Store.open(str(tmp_path / "e.db"))
    insert(s, evs, [{"id": f"d{j}", "source": "x", "published": "2023-01-01", "text": "نص"} for j in range(50)])
    for order in ("asc", "desc"):
        for f, limit, offset in ((EventFilter(party="RUS"), 15, 0), (EventFilter(), 1200, 40), (EventFilter(until="2023-06"), 700, 3)):
            got, total = list_events(s, f, limit, offset, order)
            where, params = __import__("marsad.api.queries", fromlist=["_where"])._where(s, f)
            want = [r[0] for r in s.execute(f"SELECT e.id FROM events e {where} ORDER BY {ORDER[order]} LIMIT ? OFFSET ?",
                                            (*params, limit, offset)).fetchall()]
            assert [e["id"] for e in got] == want and len(want) == min(limit, total - offset)
            assert all(e["cite_info"]["doc_id"] and e["actor"]["code"] for e in got)
    s.close()
