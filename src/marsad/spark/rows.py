"""What one input file becomes on an executor: one row per document (or per failed record), with the store's
rows for its sentences, mentions and events as JSON, built by the store's own row functions. Plain Python:
no Spark here, so it is tested and reused without a cluster."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..ingest.readers import ReadError, read_path
from ..pipeline import Pipeline
from ..store.db import event_row, mention_rows, sentence_rows
from ..store.dedup import THRESHOLD, band_keys, band_ranges, signature, to_bytes

FIELDS = ["file_rank", "rec", "id", "source", "url", "path", "title", "published", "language", "text", "origin",
          "month", "minhash", "bands", "sentences", "mentions", "events", "candidates", "error"]


def month_of(published: str | None) -> str:
    return published[:7] if published and len(published) >= 7 else "unknown"


def walk_key(path: str) -> tuple:
    """The order of ``marsad ingest``'s folder walk (os.walk, sorted): at every level a folder's files before
    its sub-folders, each sorted by name."""
    parts = path.split("/")
    return tuple((1, p) for p in parts[:-1]) + ((0, parts[-1]),)


def file_rows(pipeline: Pipeline, path: str, content: bytes, rank: int) -> list[dict]:
    """Read one file's bytes with marsad's readers (by its name) and process every record."""
    name = os.path.basename(path)
    ranges = band_ranges(THRESHOLD)
    out = []
    with tempfile.TemporaryDirectory(prefix="marsad-spark-") as tmp:
        local = Path(tmp) / name
        local.write_bytes(content)
        for rec, item in enumerate(read_path(local)):
            row = dict.fromkeys(FIELDS)
            row.update(file_rank=rank, rec=rec)
            if isinstance(item, ReadError):
                row["error"] = f"{path}{item.path[len(str(local)):]}: {item.message}"
                out.append(row)
                continue
            item.path = path + item.path[len(str(local)):]  # the path as given, not the executor's copy
            try:
                p = pipeline(item)
                sig = to_bytes(signature(item.text))
            except Exception as e:  # noqa: BLE001 - one bad record must not stop the partition
                row["error"] = f"{item.path}: pipeline failed: {type(e).__name__}: {e}"
                out.append(row)
                continue
            d = p.doc
            row.update(id=d.id, source=d.source, url=d.url, path=d.path, title=d.title, published=d.published,
                       language=d.language, text=d.text, origin=json.dumps(d.origin, ensure_ascii=False),
                       month=month_of(d.published), minhash=sig, bands=band_keys(sig, ranges),
                       sentences=json.dumps(sentence_rows(d, p.sentences, p.quads), ensure_ascii=False),
                       mentions=json.dumps(mention_rows(d, p.mentions), ensure_ascii=False),
                       events=json.dumps([event_row(e, d) for e in p.events], ensure_ascii=False),
                       candidates=json.dumps([[c.name, c.title, c.guess_code, c.guess_agent, c.example[:400]]
                                              for c in p.candidates], ensure_ascii=False))
            out.append(row)
    return out
