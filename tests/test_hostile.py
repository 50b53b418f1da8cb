"""Hostile input: one bad record is a named error and the run goes on; bombs and deep nesting are refused with a
clear error in bounded memory (peak RSS measured in a fresh subprocess); symlinks and truncated archives."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest.readers import Document, ReadError, read_path
from marsad.ingest.run import ingest
from marsad.pipeline import Pipeline
from marsad.store.db import Store
from pg import pg_server  # noqa: F401  (fixture)

MAX_RSS_MB = 500
GOOD = "وقّعت روسيا وبيلاروسيا اتفاقية ضمانات أمنية في مينسك يوم الجمعة بحضور وزيري الدفاع."
OTHER = "استقبل الرئيس المصري في القاهرة وزير الخارجية الأردني لبحث التعاون بين البلدين."


def split(items):
    return [x for x in items if isinstance(x, Document)], [x for x in items if isinstance(x, ReadError)]


def jl(**obj) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


@pytest.fixture(scope="module")
def text_pipeline():
    return Pipeline.default("text")


# -- one bad record, named, and the run goes on ------------------------------------------------------

def test_bad_jsonl_records_are_named_and_the_rest_is_read(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        jl(text=GOOD, published="2024-13-45")           # 1: impossible date
        + '{"text": "\\ud800 ' + OTHER + '"}\n'          # 2: lone surrogate (valid JSON, not valid Unicode)
        + "[" * 50_000 + "]" * 50_000 + "\n"             # 3: nested deeper than the JSON parser's recursion
        + jl(text=OTHER + "\u0000")                       # 4: NUL (PostgreSQL refuses it)
        + json.dumps({"text": GOOD, "title": "عنوان\ud83d"}) + "\n"  # 5: a surrogate in the title, \u-escaped
        + jl(text=OTHER, published="2024-02-29"),         # 6: fine (leap day)
        encoding="utf-8")
    docs, errs = split(list(read_path(p)))
    assert [d.path for d in docs] == [f"{p}:6"] and docs[0].published == "2024-02-29"
    where = {e.path: e.message for e in errs}
    assert set(where) == {f"{p}:{i}" for i in (1, 2, 3, 4, 5)}
    assert "not a calendar date" in where[f"{p}:1"]
    assert "lone surrogate" in where[f"{p}:2"] and "text" in where[f"{p}:2"]
    assert "nested too deeply" in where[f"{p}:3"]
    assert "NUL" in where[f"{p}:4"]
    assert "title" in where[f"{p}:5"]


def test_impossible_html_date_is_dropped_not_fatal(tmp_path):
    p = tmp_path / "a.html"
    p.write_text('<html><head><meta property="article:published_time" content="2024-02-30T10:00">'
                 f'</head><body><article><p>{GOOD}</p></article></body></html>', encoding="utf-8")
    docs, errs = split(list(read_path(p)))
    assert not errs and docs[0].published is None and "مينسك" in docs[0].text


def test_ingest_goes_on_after_bad_records_and_files(tmp_path, text_pipeline):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.jsonl").write_text(jl(text=GOOD, published="2024-13-45") + jl(text=GOOD), encoding="utf-8")
    (news / "b.html").write_text('<meta property="article:published_time" content="2024-02-30">'
                                     f"<article><p>{OTHER}</p></article>", encoding="utf-8")
    (news / "c.jsonl").write_text('{"text": "\\udfff"}\n' + jl(text=OTHER + " وأضاف أن الزيارة مهمة."),
                                      encoding="utf-8")
    with Store.open(str(tmp_path / "s.db")) as store:
        report = ingest([news], store, text_pipeline)
        assert report.added == 3 and store.scalar("SELECT COUNT(*) FROM documents") == 3
    assert sorted(e.path for e in report.errors) == [f"{news / 'a.jsonl'}:1", f"{news / 'c.jsonl'}:1"]


class Exploding:
    """A stage that fails on documents mentioning a word: stands for any bug a stage may have on odd text."""

    name = "exploding"

    def __call__(self, p):
        if "القاهرة" in p.doc.text:
            raise IndexError("list index out of range")
        return p


def test_a_stage_failure_names_the_document_and_the_run_goes_on(tmp_path, text_pipeline):
    news = tmp_path / "news"
    news.mkdir()
    (news / "n.jsonl").write_text(jl(text=OTHER) + jl(text=GOOD), encoding="utf-8")
    pipe = Pipeline([*text_pipeline.stages, Exploding()])
    with Store.open(str(tmp_path / "s.db")) as store:
        report = ingest([news], store, pipe)
        assert report.added == 1 and store.scalar("SELECT COUNT(*) FROM documents") == 1
    (e,) = report.errors
    assert e.path == f"{news / 'n.jsonl'}:1" and "exploding stage" in e.message and "IndexError" in e.message


def test_cli_ingest_names_bad_record_and_exits_1(tmp_path):
    (tmp_path / "x.jsonl").write_text(jl(text=GOOD, date="2023-04-31") + jl(text=OTHER), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "marsad", "ingest", "--db", str(tmp_path / "s.db"), "--upto", "text",
                        str(tmp_path / "x.jsonl")], capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr
    assert f"{tmp_path / 'x.jsonl'}:1" in r.stderr.replace("\n", "") and "added 1" in r.stdout


# -- resource limits, each measured in a fresh process ---------------------------------------------------

# peak RSS from /proc (VmHWM belongs to this process's own memory; getrusage's maxrss may carry the parent's
# size over fork and exec)
PROBE = """
import json, sys, time
from pathlib import Path
from marsad.ingest.readers import Document, read_path
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
t = time.time()
items = list(read_path(Path(sys.argv[1])))
print(json.dumps({"docs": sum(isinstance(x, Document) for x in items),
                  "errors": [str(x) for x in items if not isinstance(x, Document)],
                  "seconds": time.time() - t,
                  "rss_mb": peak_mb()}))
"""


def probe(path: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["rss_mb"] <= MAX_RSS_MB, out
    return out


def gzip_of_zeros(mb: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    return b"".join(c.compress(block) for _ in range(mb)) + c.flush()


needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")


@needs_proc
def test_warc_gzip_bomb_is_refused_in_bounded_memory(tmp_path):
    p = tmp_path / "bomb.warc.gz"
    p.write_bytes(gzip_of_zeros(1024))  # 1 MB on disk, 1 GB inflated
    out = probe(p)
    assert out["docs"] == 0 and "decompression bomb" in out["errors"][0] and out["errors"][0].startswith(str(p))


def warc_with(path: Path, bodies: list[bytes], gz: bool = True) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for i, body in enumerate(bodies):
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(body),
                                                http_headers=hh))


def page(text: str) -> bytes:
    return f"<html><body><article><p>{text}</p></article></body></html>".encode()


@needs_proc
def test_warc_record_bomb_between_good_records(tmp_path):
    p = tmp_path / "mixed.warc.gz"
    warc_with(p, [page(GOOD), b"<html>" + b" " * (300 << 20) + b"</html>", page(OTHER)])
    assert p.stat().st_size < 2 << 20
    out = probe(p)  # the bomb is named; the file stops there (what follows a bomb is not trusted)
    assert out["docs"] == 1 and "300 MB (over 10 MB); skipped" in out["errors"][0]
    assert "decompression bomb" in out["errors"][1]


@needs_proc
def test_oversized_warc_record_is_skipped_and_the_rest_read(tmp_path):
    import random

    rng = random.Random(7)
    words = (GOOD + " " + OTHER).split()
    big = " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(1_200_000)).encode()
    assert len(big) > 20 << 20  # compresses about 4x: a big page, not a bomb
    p = tmp_path / "big.warc.gz"
    warc_with(p, [page(GOOD), page(big.decode()), page(OTHER)])
    out = probe(p)
    assert out["docs"] == 2 and len(out["errors"]) == 1 and "skipped" in out["errors"][0]


def test_truncated_warc_is_an_error_not_a_quiet_end(tmp_path):
    for gz in (True, False):
        p = tmp_path / ("full.warc.gz" if gz else "full.warc")
        warc_with(p, [page(f"{GOOD} ({i})") for i in range(20)], gz=gz)
        cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        data = p.read_bytes()
        cut.write_bytes(data[: len(data) // 2 + 7])
        docs, errs = split(list(read_path(cut)))
        assert 5 <= len(docs) < 20 and len(errs) == 1 and "truncated" in errs[0].message, (gz, errs)
        assert len(split(list(read_path(p)))[0]) == 20


@needs_proc
def test_deeply_nested_html_is_refused_quickly(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{GOOD}</p>" + "</div>" * 100_000, encoding="utf-8")
    out = probe(p)
    assert out["docs"] == 0 and "nested deeper" in out["errors"][0] and out["seconds"] < 30


@needs_proc
def test_nested_blocks_cannot_blow_up_the_text(tmp_path):
    p = tmp_path / "quotes.html"
    depth = 900  # under the depth cap: each blockquote repeats all the text inside it
    p.write_text("<article>" + "<blockquote>" * depth + ("<span>" + GOOD + "</span>") * 2000
                 + "</blockquote>" * depth + "</article>", encoding="utf-8")
    out = probe(p)
    assert out["docs"] == 0 and "outgrow" in out["errors"][0]


def test_ordinary_nesting_still_reads(tmp_path):
    p = tmp_path / "nested.html"
    p.write_text("<html><body>" + "<div><section>" * 60 + f"<p>{GOOD}</p><ul><li>{OTHER}<ul><li>{GOOD}</ul></ul>"
                 + "</section></div>" * 60 + "<script>" + "<div>" * 5000 + "</script></body></html>", encoding="utf-8")
    docs, errs = split(list(read_path(p)))
    assert not errs and "مينسك" in docs[0].text


@needs_proc
def test_combining_mark_flood_is_refused(tmp_path):
    p = tmp_path / "marks.txt"
    # shadda and fatha alternate: NFC must reorder them (different combining classes), which is quadratic
    p.write_text("عنوان\n" + GOOD + " ب" + "\u0651\u064e" * 400_000 + "\n", encoding="utf-8")
    out = probe(p)
    assert out["docs"] == 0 and "800000 combining marks" in out["errors"][0] and out["seconds"] < 30
    ok = tmp_path / "vowelled.txt"  # fully vowelled Arabic (shadda + vowel) is ordinary text
    ok.write_text("عنوان\nوَقَّعَتْ رُوسْيَا اتِّفَاقِيَّةً أَمْنِيَّةً", encoding="utf-8")
    assert split(list(read_path(ok)))[0]


@needs_proc
def test_oversized_jsonl_record_is_skipped_not_held(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(jl(text=GOOD))
        fh.write('{"text": "' + "كلمة " * ((60 << 20) // 9) + '"}\n')  # about 60 MB on one line
        fh.write(jl(text=OTHER))
    out = probe(p)
    assert out["docs"] == 2 and out["errors"] == [f"{p}:2: record longer than 10 MB (one article a line); skipped"]


def test_oversized_feed_is_refused(tmp_path):
    p = tmp_path / "huge.rss"
    item = f"<item><title>خبر</title><description>{GOOD}</description></item>"
    p.write_text("<rss><channel><title>t</title>" + item * (21 * 1024 * 1024 // len(item.encode()) + 1)
                 + "</channel></rss>", encoding="utf-8")
    docs, errs = split(list(read_path(p)))
    assert not docs and "over 20 MB" in errs[0].message


# -- symlinks ----------------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlinks_out_of_the_folder_are_not_followed(tmp_path, text_pipeline):
    news, outside = tmp_path / "news", tmp_path / "outside"
    news.mkdir()
    outside.mkdir()
    (news / "a.txt").write_text("عنوان\n" + GOOD, encoding="utf-8")
    secret = outside / "secret.txt"
    secret.write_text("سر\n" + OTHER, encoding="utf-8")
    (news / "passwd.txt").symlink_to(secret)
    (news / "more").symlink_to(outside, target_is_directory=True)
    (news / "same.txt").symlink_to(news / "a.txt")  # inside the folder: fine
    (news / "loop").symlink_to(news, target_is_directory=True)
    (news / "gone.txt").symlink_to(news / "deleted.txt")  # broken: named, and the run goes on
    (news / os.fsdecode(b"bad-\xff.txt")).write_text("عنوان\n" + OTHER, encoding="utf-8")  # not UTF-8: named
    with Store.open(str(tmp_path / "s.db")) as store:
        report = ingest([news], store, text_pipeline)
        texts = [r["text"] for r in store.rows("SELECT text FROM documents")]
    assert len(texts) == 1 and "مينسك" in texts[0]
    assert sorted(Path(e.path).name for e in report.errors) == ["bad-\\xff.txt", "gone.txt", "more", "passwd.txt"]
    assert sum("--follow-links" in e.message for e in report.errors) == 2
    with Store.open(str(tmp_path / "t.db")) as store:
        report = ingest([news], store, text_pipeline, follow_links=True)
        assert store.scalar("SELECT COUNT(*) FROM documents") == 2
        assert sorted(Path(e.path).name for e in report.errors) == ["bad-\\xff.txt", "gone.txt"]


# -- PostgreSQL: what it refuses (NUL) is refused before the store, by name ----------------------------

@pytest.mark.slow
def test_hostile_corpus_on_postgres(pg_server, tmp_path):  # noqa: F811
    from pg import fresh_database

    url = fresh_database(pg_server)
    news = tmp_path / "news"
    news.mkdir()
    (news / "mixed.jsonl").write_text(jl(text=OTHER + "\u0000") + '{"text": "\\ud800"}\n' + jl(text=GOOD), encoding="utf-8")
    (news / "title.jsonl").write_text(json.dumps({"text": OTHER, "title": "a\u0000b", "source": "x\u0000"}) + "\n",
                                      encoding="utf-8")
    with Store.open(url) as store:
        report = ingest([news, Path(__file__).parent / "data" / "hostile"], store, Pipeline.default("events"))
        assert store.scalar("SELECT COUNT(*) FROM documents") == report.added >= 3
    named = {e.path for e in report.errors}
    assert {f"{news / 'mixed.jsonl'}:1", f"{news / 'mixed.jsonl'}:2", f"{news / 'title.jsonl'}:1"} <= named
