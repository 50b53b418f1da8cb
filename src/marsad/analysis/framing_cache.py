"""Framing-lexicon hits of each event's evidence sentence, kept in the store (``doc_cache``, one row per
document: {event id: [framing group ids found]}), so that ``/api/sources`` does not run every group's regular
expressions over every stored sentence on every request. A row whose version (the framing groups and the
measuring code) differs, or that lacks one of the document's events asked for, is measured again."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..store.db import Store
from ..store.doc_cache import version_of
from .framing_terms import frame_hits

KIND = "framing-events"
CHUNK = 500


def event_hits(store: Store, events: list[dict], groups: tuple[dict, ...]) -> dict[str, list[str]]:
    """event id -> ids of the framing groups found in its ``sentence`` (events: dicts with id, doc_id, sentence)."""
    version = version_of(Path(__file__), Path(__file__).with_name("framing_terms.py"),
                         json.dumps([[g["id"], g["terms"]] for g in groups], ensure_ascii=False, sort_keys=True))
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_doc[e["doc_id"]].append(e)
    out: dict[str, list[str]] = {}
    cur = store.execute("SELECT doc_id, value FROM doc_cache WHERE kind = ? AND version = ?", (KIND, version))
    while chunk := cur.fetchmany(5000):
        for doc_id, value in chunk:
            evs = by_doc.get(doc_id)
            if evs:
                known = json.loads(value)
                if all(e["id"] in known for e in evs):
                    out.update((e["id"], known[e["id"]]) for e in evs)
    todo = [d for d, evs in by_doc.items() if evs[0]["id"] not in out]
    for i in range(0, len(todo), CHUNK):
        rows = []
        for doc_id in todo[i:i + CHUNK]:
            hits = {e["id"]: sorted(frame_hits(e["sentence"] or "", groups)) for e in by_doc[doc_id]}
            out.update(hits)
            rows.append((doc_id, KIND, version, json.dumps(hits, ensure_ascii=False)))
        with store.transaction():
            store.executemany(
                """INSERT INTO doc_cache (doc_id, kind, version, value) VALUES (?, ?, ?, ?)
                   ON CONFLICT (kind, doc_id) DO UPDATE SET version = excluded.version, value = excluded.value""",
                rows)
    return out
