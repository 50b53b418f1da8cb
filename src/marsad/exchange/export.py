"""Exports. Event field names follow PLOVER's JSON interchange format (actor, recipient, event, mode, context,
event_text, text_info, cite_info) plus Marsad's extensions (negated, modality, attribution, date_precision …)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from ..records import Document, Event
from ..store.db import Store, event_from_row


def event_record(e: Event, doc: Document | None = None) -> dict:
    """An in-memory event in the export shape (same keys as a stored one)."""
    d = {
        "id": e.id, "event": e.event, "mode": e.mode, "context": e.context, "intensity": e.intensity,
        "quad": e.quad, "cameo": e.cameo,
        "actor": {"code": e.actor.code, "agent": e.actor.agent, "name": e.actor.name, "text": e.actor.text,
                  "start": e.actor.start, "end": e.actor.end},
        "recipient": {"code": e.recipient.code, "agent": e.recipient.agent, "name": e.recipient.name,
                      "text": e.recipient.text, "start": e.recipient.start, "end": e.recipient.end},
        "negated": e.negated, "modality": e.modality, "attribution": e.attribution,
        "attribution_code": e.attribution_code, "date": e.date, "date_precision": e.date_precision,
        "date_end": e.date_end, "event_text": e.event_text,
        "text_info": {"sentence": e.sentence, "start": e.evidence_start, "end": e.evidence_end,
                      "trigger_start": e.trigger_start, "trigger_end": e.trigger_end},
        "cite_info": {"doc_id": e.doc_id, "sentence_idx": e.sentence_idx,
                      "source": doc.source if doc else None, "url": doc.url if doc else None,
                      "path": doc.path if doc else None},
        "confidence": e.confidence, "pattern": e.pattern, "symmetric": e.symmetric,
    }
    return d


FLAT_COLUMNS = [
    "id", "date", "date_precision", "date_end", "event", "mode", "context", "quad", "cameo", "intensity",
    "actor_code", "actor_agent", "actor_name", "actor_text", "recipient_code", "recipient_agent", "recipient_name",
    "recipient_text", "negated", "modality", "attribution", "attribution_code", "event_text", "sentence",
    "evidence_start", "evidence_end", "trigger_start", "trigger_end", "doc_id", "source", "url", "path",
    "confidence", "pattern", "symmetric", "cluster_id", "duplicate_report",
]


def flat(e: dict) -> dict:
    a, r, t, c = e["actor"], e["recipient"], e["text_info"], e["cite_info"]
    return {
        "id": e["id"], "date": e["date"], "date_precision": e["date_precision"], "date_end": e["date_end"],
        "event": e["event"], "mode": e["mode"], "context": ";".join(e["context"] or []), "quad": e["quad"],
        "cameo": e["cameo"], "intensity": e["intensity"],
        "actor_code": a["code"], "actor_agent": a["agent"], "actor_name": a["name"], "actor_text": a["text"],
        "recipient_code": r["code"], "recipient_agent": r["agent"], "recipient_name": r["name"], "recipient_text": r["text"],
        "negated": e["negated"], "modality": e["modality"], "attribution": e["attribution"],
        "attribution_code": e["attribution_code"], "event_text": e["event_text"], "sentence": t["sentence"],
        "evidence_start": t["start"], "evidence_end": t["end"], "trigger_start": t["trigger_start"],
        "trigger_end": t["trigger_end"], "doc_id": c["doc_id"], "source": c.get("source"), "url": c.get("url"),
        "path": c.get("path"), "confidence": e["confidence"], "pattern": e["pattern"], "symmetric": e["symmetric"],
        "cluster_id": e.get("cluster_id"), "duplicate_report": e.get("duplicate_report", False),
    }


def stored_events(store: Store, include_duplicates: bool = False):
    where = "" if include_duplicates else "WHERE e.dup = 0"
    for r in store.rows(f"""SELECT e.*, d.url AS url, d.path AS path FROM events e JOIN documents d ON d.id = e.doc_id
                           {where} ORDER BY e.date, e.id"""):
        ev = event_from_row(r)
        ev["cite_info"]["url"] = r["url"]
        ev["cite_info"]["path"] = r["path"]
        yield ev


def export_events(store: Store, fmt: str, output: Path | None, include_duplicates: bool = False,
                  bom: bool = False) -> int:
    events = stored_events(store, include_duplicates)
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [flat(e) for e in events]
        table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in FLAT_COLUMNS})
        pq.write_table(table, str(output))
        return len(rows)
    fh = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            if bom:  # Excel reads a CSV as UTF-8 only after a byte-order mark
                fh.write("\ufeff")
            w = csv.DictWriter(fh, fieldnames=FLAT_COLUMNS)
            w.writeheader()
            for e in events:
                w.writerow(flat(e))
                n += 1
        else:
            for e in events:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if output:
            fh.close()
    return n
