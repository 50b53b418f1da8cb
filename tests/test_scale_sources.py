"""/api/sources' outlet stances read the framing-lexicon hits of each event's sentence from the store
(analysis/framing_cache.py) instead of running the lexicon over every stored sentence on each request: the
same answer as measuring, measured again when the framing groups change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.analysis.framing import outlet_stances
from marsad.analysis.framing_cache import KIND, event_hits
from marsad.analysis.framing_terms import frame_hits, load_framing
from marsad.ingest.run import ingest
from marsad.store.db import Store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store.open(str(tmp_path_factory.mktemp("sources") / "m.db"))
    ingest([str(SAMPLE)], s)
    yield s
    s.close()


def events(store):
    return store.rows("SELECT id, doc_id, sentence FROM events WHERE negated = 0 AND dup = 0")


def test_hits_from_the_store_equal_measuring_every_sentence(store):
    groups = load_framing()
    evs = events(store)
    want = {e["id"]: sorted(frame_hits(e["sentence"] or "", groups)) for e in evs}
    assert sum(1 for v in want.values() if v) >= 3  # the sample's sentences do use framing terms
    assert event_hits(store, evs, groups) == want  # measured and stored
    assert store.scalar("SELECT COUNT(*) FROM doc_cache WHERE kind = ?", (KIND,)) == len({e["doc_id"] for e in evs})
    assert event_hits(store, evs, groups) == want  # read back


def test_stances_are_the_same_cold_and_warm_and_the_store_is_what_is_read(store):
    with store.transaction():
        store.execute("DELETE FROM doc_cache WHERE kind = ?", (KIND,))
    cold = outlet_stances(store)
    assert any(r["framing_terms"] for rows in cold.values() for r in rows)
    assert outlet_stances(store) == cold
    # prove that the stored rows are read: empty every stored list of hits, and the terms are gone
    rows = store.rows("SELECT doc_id, value FROM doc_cache WHERE kind = ?", (KIND,))
    with store.transaction():
        for r in rows:
            emptied = {k: [] for k in json.loads(r["value"])}
            store.execute("UPDATE doc_cache SET value = ? WHERE kind = ? AND doc_id = ?",
                          (json.dumps(emptied), KIND, r["doc_id"]))
    assert not any(r["framing_terms"] for rows in outlet_stances(store).values() for r in rows)
    with store.transaction():
        store.execute("DELETE FROM doc_cache WHERE kind = ?", (KIND,))
    assert outlet_stances(store) == cold


def test_other_framing_groups_are_measured_again(store):
    groups = load_framing()
    evs = events(store)
    event_hits(store, evs, groups)
    fewer = groups[:1]
    got = event_hits(store, evs, fewer)
    assert got == {e["id"]: sorted(frame_hits(e["sentence"] or "", fewer)) for e in evs}
    assert event_hits(store, evs, groups) == {e["id"]: sorted(frame_hits(e["sentence"] or "", groups)) for e in evs}


def test_a_row_missing_an_event_is_measured_again(store):
    groups = load_framing()
    evs = events(store)
    event_hits(store, evs[:1], groups)  # the first document's row may now hold only its first event
    assert event_hits(store, evs, groups) == {e["id"]: sorted(frame_hits(e["sentence"] or "", groups)) for e in evs}
