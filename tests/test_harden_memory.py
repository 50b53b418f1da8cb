"""One article's text is capped (MAX_TEXT_BYTES) because the pipeline holds a whole document at once: a 10 MB
record, under the old per-record cap, took 570-735 MB through `marsad ingest` (issue #14: at most 500 MB for any
single input). Texts over the cap are refused with a named error by every reader and the API; a text just under
it goes through the whole pipeline within the bound (measured in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.ingest.limits import MAX_TEXT_BYTES
from marsad.ingest.readers import Document, ReadError, read_path

MAX_RSS_MB = 500
ACTORS = ["روسيا", "الصين", "إيران", "تركيا", "مصر", "قطر", "الأردن", "فرنسا"]
TEMPLATES = [
    "استقبل وزير خارجية {a} نظيره من {b} في العاصمة لبحث التعاون الاقتصادي، وفق البيان رقم {n}.",
    "أدانت {a} الهجوم الذي استهدف سفارة {b} وطالبت بتحقيق عاجل، بحسب التقرير {n}.",
    "وقعت {a} و{b} اتفاقية لتبادل السلع الزراعية مدتها خمس سنوات في الجولة {n}.",
    "هددت {a} بفرض عقوبات على شركات من {b} إذا استمرت في تصدير المعدات، كما جاء في المذكرة {n}.",
]


def article(n_bytes: int) -> str:
    """Distinct news sentences (each numbered), so that every sentence is coded and none is a duplicate."""
    out, size, i = [], 0, 0
    while size < n_bytes:
        a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 3 + 1) % len(ACTORS)]
        s = TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b if b != a else "اليابان", n=i + 1)
        out.append(s)
        size += len(s.encode("utf-8")) + 1
        i += 1
    text = " ".join(out)
    while len(text.encode("utf-8")) > n_bytes:
        text = text[: -max(1, (len(text.encode("utf-8")) - n_bytes) // 2)]
    return text


def test_a_text_over_the_cap_is_a_named_error_and_the_next_record_is_read(tmp_path):
    p = tmp_path / "long.jsonl"
    big = article(MAX_TEXT_BYTES + 1000)
    p.write_text(json.dumps({"text": big, "published": "2024-03-01"}, ensure_ascii=False) + "\n"
                 + json.dumps({"text": TEMPLATES[0].format(a="مصر", b="قطر", n=1)}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    items = list(read_path(p))
    errors = [x for x in items if isinstance(x, ReadError)]
    docs = [x for x in items if isinstance(x, Document)]
    assert len(docs) == 1 and "مصر" in docs[0].text
    (e,) = errors
    assert e.path == f"{p}:1" and "over 3 MB for one article" in e.message and "split it" in e.message


def test_a_text_at_the_cap_is_still_read(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(article(MAX_TEXT_BYTES - 10), encoding="utf-8")
    (doc,) = list(read_path(p))
    assert isinstance(doc, Document) and len(doc.text.encode("utf-8")) <= MAX_TEXT_BYTES


def test_the_api_refuses_a_text_over_the_cap(tmp_path):
    from fastapi.testclient import TestClient

    from test_api_support import build_store, make_app, new_key

    db = str(tmp_path / "s.db")
    build_store(db, paths=())
    client = TestClient(make_app(db, tmp_path / "data", max_upload_bytes=20 * 1024 * 1024))
    r = client.post("/api/documents", json={"text": article(MAX_TEXT_BYTES + 100)},
                    headers={"X-API-Key": new_key(db)})
    assert r.status_code == 422 and "over 3 MB for one article" in r.json()["error"], r.text


INGEST_PROBE = """
import json, sys
from marsad.ingest.run import ingest
from marsad.pipeline import Pipeline
from marsad.store.db import Store
with Store.open(sys.argv[2]) as store:
    report = ingest([sys.argv[1]], store, Pipeline.default("events"))
    events = store.scalar("SELECT COUNT(*) FROM events")
peak = next(int(ln.split()[1]) / 1024 for ln in open("/proc/self/status") if ln.startswith("VmHWM:"))
print(json.dumps({"added": report.added, "errors": [e.message for e in report.errors], "events": events,
                  "rss_mb": peak}))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
def test_the_largest_accepted_article_goes_through_the_pipeline_in_bounded_memory(tmp_path):
    p = tmp_path / "largest.jsonl"
    p.write_text(json.dumps({"text": article(MAX_TEXT_BYTES - 10), "published": "2024-03-01"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", INGEST_PROBE, str(p), str(tmp_path / "s.db")], capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert out["added"] == 1 and not out["errors"], out
    assert out["events"] > 10_000, out  # the sentences were really coded, not skipped as duplicates
    assert out["rss_mb"] <= MAX_RSS_MB, out
