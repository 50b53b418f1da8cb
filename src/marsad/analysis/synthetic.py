"""Writing events straight into a store (tests, benchmarks): documents and events from plain dicts, with
every column the coder would fill given a default."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from ..store.db import EVENT_COLUMNS, Store

QUADS = {"AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
         "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
         "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
         "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
         "SANCTION": "material_conflict", "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
         "ASSAULT": "material_conflict"}
INTENSITY = {"AGREE": 4.2, "CONSULT": 2.1, "SUPPORT": 4.6, "CONCEDE": 5.0, "COOPERATE": 6.8, "AID": 7.4,
             "RETREAT": 7.6, "REQUEST": -1.0, "ACCUSE": -2.0, "REJECT": -4.2, "THREATEN": -5.1, "PROTEST": -6.6,
             "SANCTION": -5.2, "MOBILIZE": -5.3, "COERCE": -7.2, "ASSAULT": -9.3}


def event_values(e: dict) -> tuple:
    """One events row from a dict with at least event, actor_code, recipient_code, date, doc_id."""
    typ = e["event"]
    row = {
        "id": e.get("id") or hashlib.sha1(json.dumps(e, sort_keys=True, default=str).encode()).hexdigest()[:16],
        "sentence_idx": 0, "mode": None, "context": "[]", "intensity": INTENSITY.get(typ, 0.0),
        "quad": QUADS.get(typ, ""), "cameo": "", "actor_agent": None, "actor_name": None, "actor_text": None,
        "actor_start": 0, "actor_end": 0, "recipient_agent": None, "recipient_name": None, "recipient_text": None,
        "recipient_start": 0, "recipient_end": 0, "negated": 0, "modality": "asserted", "attribution": None,
        "attribution_code": None, "date_precision": "day", "date_end": None, "event_text": "", "trigger_start": 0,
        "trigger_end": 0, "evidence_start": 0, "evidence_end": 0, "sentence": "", "confidence": 0.9, "pattern": "",
        "symmetric": 0, "location": None, "cluster_id": None, "source": None, "dup": 0,
    }
    row.update(e)
    return tuple(row[c] for c in EVENT_COLUMNS)


EVENT_SQL = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
DOC_SQL = ("INSERT INTO documents (id, source, url, title, published, language, text, dup_of, seq) "
           "VALUES (?, ?, ?, ?, ?, 'ar', ?, ?, ?) ON CONFLICT (id) DO NOTHING")


def insert(store: Store, events: Iterable[dict], documents: Iterable[dict] = ()) -> int:
    """Insert documents ({id, source, published, text, title?, dup_of?}) and events; returns events written."""
    docs = [(d["id"], d.get("source"), d.get("url"), d.get("title", ""), d.get("published"), d.get("text", ""),
             d.get("dup_of"), i + 1) for i, d in enumerate(documents)]
    rows = [event_values(e) for e in events]
    with store.transaction():
        if docs:
            store.executemany(DOC_SQL, docs)
        store.executemany(EVENT_SQL, rows)
    return len(rows)
