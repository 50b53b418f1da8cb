"""Every reader on real files, good and broken."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest.readers import Document, ReadError, document_id, read_all, read_path

DATA = Path(__file__).parent / "data"


def split(items):
    docs = [x for x in items if isinstance(x, Document)]
    errs = [x for x in items if isinstance(x, ReadError)]
    return docs, errs


def test_txt_seed_first_line_is_title(seeds_dir):
    p = seeds_dir / "003_1428729a5b6ad7d9.txt"
    docs, errs = split(list(read_path(p)))
    assert not errs and len(docs) == 1
    d = docs[0]
    assert d.title == "مرصد مراكز الأبحاث| تحالف أمني بين روسيا وكوريا الشمالية"
    assert d.text == p.read_text(encoding="utf-8")
    assert d.id == document_id(d.text) and len(d.id) == 20
    assert d.path == str(p)


def test_html_main_text_and_metadata():
    docs, errs = split(list(read_path(DATA / "article.html")))
    assert not errs
    d = docs[0]
    assert d.title == "أستانا تستضيف مناورات مشتركة مع لندن"
    assert d.published == "2025-03-14"
    assert d.source == "الرصد الإخباري"
    assert d.url == "https://example.org/news/astana-london"
    assert "بدأت القوات المسلحة الكازاخستانية" in d.text and "ولم تعلق موسكو" in d.text
    for junk in ("tracker", "الرئيسية", "ربما يعجبك", "جميع الحقوق", "اشترك"):
        assert junk not in d.text


def test_truncated_html_keeps_what_is_there(tmp_path):
    html = (DATA / "article.html").read_text(encoding="utf-8")
    cut = html[: html.index("وقال وزير الدفاع") + 30]
    p = tmp_path / "cut.html"
    p.write_text(cut, encoding="utf-8")
    docs, errs = split(list(read_path(p)))
    assert not errs and "بدأت القوات المسلحة" in docs[0].text
    p2 = tmp_path / "cut2.html"
    p2.write_text(html[:200], encoding="utf-8")  # cut inside <head>: nothing to read
    docs, errs = split(list(read_path(p2)))
    assert not docs and errs[0].path == str(p2) and "no article text" in errs[0].message


def test_jsonl_good_and_broken_lines():
    docs, errs = split(list(read_path(DATA / "articles.jsonl")))
    assert [d.published for d in docs] == ["2025-12-18", "2025-01-17", "2022-05-26"]
    assert docs[0].source == "test-wire" and docs[0].title == "مينسك تتسلم منظومة أوريشنيك"
    assert [e.path.rsplit(":", 1)[1] for e in errs] == ["3", "4"]
    assert "invalid JSON" in errs[0].message and '"text"' in errs[1].message


def test_rss_and_atom():
    docs, errs = split(list(read_path(DATA / "feed.rss")))
    assert not errs and len(docs) == 2
    assert docs[0].published == "2024-02-23" and docs[0].source == "نشرة القوقاز"
    assert docs[0].text.startswith("يريفان تجمد مشاركتها") and "وانتقدت موسكو القرار." in docs[0].text
    assert docs[1].url == "https://example.org/a2"
    docs, errs = split(list(read_path(DATA / "feed.atom")))
    assert not errs and docs[0].published == "2024-06-19" and "بيونغ يانغ" in docs[0].text


def test_broken_feed(tmp_path):
    p = tmp_path / "bad.rss"
    p.write_text("<rss><channel><title>x</title>", encoding="utf-8")
    docs, errs = split(list(read_path(p)))
    assert not docs and errs[0].path == str(p) and "feed" in errs[0].message


def make_warc(path: Path) -> None:
    html = (DATA / "article.html").read_bytes()
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warc_record("https://example.org/news/astana-london", "response",
                                            payload=io.BytesIO(html),
                                            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                                                          protocol="HTTP/1.1")))
        w.write_record(w.create_warc_record("https://example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
                                            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")],
                                                                          protocol="HTTP/1.1")))


def test_warc(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    make_warc(p)
    docs, errs = split(list(read_path(p)))
    assert not errs and len(docs) == 1
    assert docs[0].url == "https://example.org/news/astana-london" and "أستانا" in docs[0].text
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(p.read_bytes()[:150])
    docs, errs = split(list(read_path(broken)))
    assert not docs and errs and all(e.path.startswith(str(broken)) for e in errs)


def test_bad_files_named_with_reason(tmp_path):
    shutil.copy(DATA / "latin1.txt", tmp_path / "latin1.txt")
    shutil.copy(DATA / "empty.txt", tmp_path / "empty.txt")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_all([tmp_path, tmp_path / "missing.txt"]))
    docs, errs = split(items)
    assert not docs
    msgs = {Path(e.path).name: e.message for e in errs}
    assert "UTF-8" in msgs["latin1.txt"] and "offset" in msgs["latin1.txt"]
    assert msgs["empty.txt"] == "empty file"
    assert "unsupported format '.pdf'" in msgs["notes.pdf"]
    assert "no such file" in msgs["missing.txt"]


def test_50mb_files(tmp_path):
    line = json.dumps({"text": "وقعت روسيا وبيلاروسيا اتفاقية ضمانات أمنية في مينسك. " * 40}, ensure_ascii=False) + "\n"
    big = tmp_path / "big.jsonl"
    n = 50_000_000 // len(line.encode()) + 1
    with open(big, "w", encoding="utf-8") as fh:
        for _ in range(n):
            fh.write(line)
    assert big.stat().st_size >= 50_000_000
    count = sum(1 for x in read_path(big) if isinstance(x, Document))  # streamed, one line at a time
    assert count == n
    bigtxt = tmp_path / "big.txt"
    with open(bigtxt, "wb") as fh:
        fh.write(line.encode() * n)
    docs, errs = split(list(read_path(bigtxt)))
    assert not docs and "too large" in errs[0].message and "jsonl" in errs[0].message


def test_gzip_is_not_mistaken_for_warc(tmp_path):
    p = tmp_path / "x.txt.gz"
    p.write_bytes(gzip.compress("نص".encode()))
    docs, errs = split(list(read_path(p)))
    assert not docs and "unsupported format" in errs[0].message
