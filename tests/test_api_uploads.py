"""Writes: JSON documents and file uploads through the CLI's readers and pipeline; limits; path safety."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_api_support import demo_copy, demo_db, make_app, new_key  # noqa: F401  (fixtures)

DATA = Path(__file__).parent / "data"
TEXT = "وقعت أرمينيا وفرنسا اتفاقية للتعاون الدفاعي في باريس، وقال الوزير إن بلاده ستتسلم رادارات جديدة."


@pytest.fixture
def api(demo_copy, tmp_path):  # noqa: F811
    db = str(demo_copy)
    key = new_key(db)
    data_dir = tmp_path / "data"
    with TestClient(make_app(db, data_dir, max_upload_bytes=200_000)) as c:
        c.headers["X-API-Key"] = key
        yield c, data_dir, tmp_path


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def assert_generated_names(data_dir: Path) -> None:
    for p in files_under(data_dir):
        rel = p.relative_to(data_dir)
        assert rel.parts[0] == "uploads" and len(rel.parts) == 3, rel
        stem = rel.name.split(".")[0]
        assert len(stem) == 32 and all(c in "0123456789abcdef" for c in stem), rel


def test_json_document_and_list(api):
    c, data_dir, _ = api
    r = c.post("/api/documents", json={"text": TEXT, "title": "اتفاق دفاعي", "source": "wire", "published": "2024-02-23"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and body["pipeline"][0] == "text"
    doc = body["files"][0]["documents"][0]
    assert doc["status"] == "added" and doc["published"] == "2024-02-23"
    stored = c.get(f"/api/documents/{doc['id']}").json()
    assert stored["source"] == "wire" and stored["sentences"]
    assert {m["code"] for m in stored["mentions"]} >= {"ARM", "FRA"}
    again = c.post("/api/documents", json=[{"text": TEXT}, {"text": TEXT + " وأضاف أن التعاون سيتوسع."}])
    assert again.status_code == 201
    statuses = [d["status"] for d in again.json()["files"][0]["documents"]]
    assert statuses == ["already stored", "added"]
    same = c.post("/api/documents", json={"text": TEXT})
    assert same.status_code == 200 and same.json()["added"] == 0
    assert_generated_names(data_dir)


@pytest.mark.parametrize("body, status", [
    (b"{not json", 400),
    (json.dumps({"title": "no text"}).encode(), 422),
    (json.dumps({"text": "   "}).encode(), 422),
    (json.dumps({"text": "abc", "extra": 1}).encode(), 422),
    (json.dumps({"text": "a\u0000b"}).encode(), 422),
    (b'{"text": "\\ud800 lone surrogate"}', 422),
    (json.dumps({"text": "x", "published": "last week"}).encode(), 422),
    (json.dumps([]).encode(), 422),
    (json.dumps(5).encode(), 422),
])
def test_bad_json_is_refused_with_a_message(api, body, status):
    c, data_dir, _ = api
    r = c.post("/api/documents", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status, r.text
    assert r.json()["status"] == status and r.json()["error"]
    assert files_under(data_dir) == []


def make_warc_gz() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    html = ("<html><head><title>خبر</title></head><body><article><h1>قمة في أستانا</h1>"
            "<p>التقى رئيس كازاخستان نظيره الروسي في أستانا وبحثا التعاون في مجال الطاقة والنقل.</p>"
            "</article></body></html>").encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("https://example.org/astana", "response",
                                                  payload=io.BytesIO(html), http_headers=headers))
    return buf.getvalue()


def test_file_uploads_of_every_format(api):
    c, data_dir, _ = api
    jsonl = "\n".join(json.dumps({"text": t, "source": "feed"}, ensure_ascii=False)
                      for t in (TEXT, "أعلنت روسيا وبيلاروسيا مناورات عسكرية مشتركة قرب الحدود البولندية."))
    files = [
        ("files", ("note.txt", ("عنوان\n" + TEXT).encode(), "text/plain")),
        ("files", ("batch.jsonl", jsonl.encode(), "application/octet-stream")),
        ("files", ("page.html", (DATA / "article.html").read_bytes(), "text/html")),
        ("files", ("feed.rss", (DATA / "feed.rss").read_bytes(), "application/rss+xml")),
        ("files", ("crawl.warc.gz", make_warc_gz(), "application/gzip")),
    ]
    r = c.post("/api/documents", files=files)
    assert r.status_code in (200, 201), r.text
    body = r.json()
    by_name = {f["name"]: f for f in body["files"]}
    assert set(by_name) == {"note.txt", "batch.jsonl", "page.html", "feed.rss", "crawl.warc.gz"}
    for name, f in by_name.items():
        assert f["documents"], (name, f)
        assert f["stored_as"].startswith("uploads/") and not os.path.isabs(f["stored_as"])
        for err in f["errors"]:
            assert str(data_dir) not in err["where"]
    assert by_name["crawl.warc.gz"]["stored_as"].endswith(".warc.gz")
    assert len(by_name["batch.jsonl"]["documents"]) == 2
    assert_generated_names(data_dir)


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "x.exe", "noext",
                                  "evil.txt.sh"])
def test_unsupported_types_are_refused_and_nothing_is_written(api, name):
    c, data_dir, _ = api
    r = c.post("/api/documents", files=[("files", (name, b"hello world, some text", "text/plain"))])
    assert r.status_code == 415 and "unsupported" in r.json()["error"]
    assert files_under(data_dir) == []


@pytest.mark.parametrize("name", ["../../../escaped.txt", "..%2F..%2Fescaped.txt", "/tmp/escaped.jsonl",
                                  "..\\..\\escaped.txt", "sub/dir/../../../../escaped.html"])
def test_traversal_names_only_choose_the_reader(api, name):
    c, data_dir, tmp = api
    body = TEXT.encode() if not name.endswith(".jsonl") else json.dumps({"text": TEXT}).encode()
    if name.endswith(".html"):
        body = f"<html><body><article><p>{TEXT}</p></article></body></html>".encode()
    before = set(files_under(tmp.parent))
    r = c.post("/api/documents", files=[("files", (name, body, "text/plain"))])
    assert r.status_code in (200, 201), r.text
    f = r.json()["files"][0]
    assert ".." not in f["stored_as"] and "/" not in f["name"] and "\\" not in f["name"]  # name: for display only
    new = {p for p in set(files_under(tmp.parent)) - before if not p.name.startswith("store.db")}
    assert new and all(p.is_relative_to(data_dir) for p in new)
    assert not (tmp / "escaped.txt").exists() and not Path("/tmp/escaped.jsonl").exists()
    assert_generated_names(data_dir)


def test_upload_size_limit(api):
    c, data_dir, _ = api
    big = ("خبر " * 60_000).encode()  # ~480 KB > 200 KB
    r = c.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))])
    assert r.status_code == 413 and "limit" in r.json()["error"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(60):
            yield b"x" * 10_000

    r = c.post("/api/documents", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert files_under(data_dir) == []


def test_other_content_types_are_refused(api):
    c, _, _ = api
    r = c.post("/api/documents", content=b"text=hello", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    r = c.post("/api/documents", files=[("other", ("a.txt", b"abc", "text/plain"))])
    assert r.status_code == 422 and "files" in r.json()["error"]


def test_gzip_named_txt_is_read_as_text_not_executed(api):
    c, _, _ = api
    payload = gzip.compress(TEXT.encode())
    r = c.post("/api/documents", files=[("files", ("looks.txt", payload, "text/plain"))])
    assert r.status_code == 200  # nothing added: the reader reports the bytes are not UTF-8 text
    f = r.json()["files"][0]
    assert f["documents"] == [] and f["errors"] and "UTF-8" in f["errors"][0]["message"]
