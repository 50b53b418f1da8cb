"""Fuzzing (hypothesis) over every reader and the text layer, bounded in time: random bytes in every format,
mutated real files, random JSON lines and random Unicode (surrogates, marks, controls). A reader may only
yield Documents or named ReadErrors; the text layer keeps its offsets into the original text.

An input that crashes is saved under tests/data/hostile/found/ and becomes a regression case (read by
test_hostile_corpus below) once committed."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest.readers import READERS, Document, ReadError, make_document, read_path
from marsad.pipeline import Pipeline

DATA = Path(__file__).parent / "data"
HOSTILE = DATA / "hostile"
FOUND = HOSTILE / "found"
FUZZ = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
SEEDS = {".html": DATA / "article.html", ".jsonl": DATA / "articles.jsonl", ".rss": DATA / "feed.rss",
         ".atom": DATA / "feed.atom"}


def keep_crasher(data: bytes, ext: str) -> Path:
    FOUND.mkdir(parents=True, exist_ok=True)
    path = FOUND / f"{hashlib.sha256(data).hexdigest()[:16]}{ext}"
    path.write_bytes(data)
    return path


def read_bytes_as(tmp: Path, data: bytes, ext: str) -> list:
    path = tmp / f"fuzz{ext}"
    path.write_bytes(data)
    try:
        items = list(read_path(path))
    except BaseException as e:  # noqa: BLE001 - any escape is a finding
        saved = keep_crasher(data, ext)
        raise AssertionError(f"{ext} reader raised {type(e).__name__}: {e} (input saved to {saved})") from e
    for x in items:
        assert isinstance(x, Document | ReadError), x
        if isinstance(x, ReadError):
            assert x.path.startswith(str(path)) and x.message
        else:
            assert x.text.strip() and "\x00" not in x.text
            x.text.encode("utf-8")  # storable
    return items


def mutate(seed: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(seed)
    for pos, cut, ins in edits:
        pos %= max(len(out), 1)
        out[pos:pos + cut] = ins
    return bytes(out)


@pytest.mark.parametrize("ext", sorted(READERS))
def test_random_bytes_in_every_format(ext, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")

    @FUZZ
    @given(st.binary(max_size=4096))
    def run(data):
        read_bytes_as(tmp, data, ext)

    run()


@pytest.mark.parametrize("ext", sorted(SEEDS))
def test_mutated_real_files(ext, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mut")
    seed = SEEDS[ext].read_bytes()
    edit = st.tuples(st.integers(0, 1 << 20), st.integers(0, 64),
                     st.sampled_from([b"", b"<", b">", b"\x00", b"\xff", b"<div>" * 50, b'"', b"\\ud800", b"]]>",
                                      b"&#0;", b"&#xd800;", b"\xd9\x8e" * 40, b"2024-13-45", b"\n", b"{", b"<![CDATA["]))

    @FUZZ
    @given(st.lists(edit, min_size=1, max_size=8))
    def run(edits):
        read_bytes_as(tmp, mutate(seed, edits), ext)

    run()


def test_mutated_warc(tmp_path_factory):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    tmp = tmp_path_factory.mktemp("warc")
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for i in range(3):
        body = f"<html><body><article><p>نص الخبر رقم {i} عن زيارة الوزير إلى موسكو ولقائه نظيره الروسي.</p>" \
               f"</article></body></html>".encode()
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(body),
                                            http_headers=hh))
    seed = buf.getvalue()
    edit = st.tuples(st.integers(0, 1 << 20), st.integers(0, 16), st.binary(max_size=16))

    @FUZZ
    @given(st.lists(edit, min_size=1, max_size=4), st.booleans())
    def run(edits, gz):
        data = mutate(seed, edits)
        read_bytes_as(tmp, data, ".warc.gz" if gz else ".warc")

    run()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(st.characters(), max_size=40),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12)
any_char = st.characters(codec=None, categories=None)  # includes lone surrogates and controls
arabic = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
special = st.sampled_from(list("\ud800\udfff\x00\u0651\u064e\u0670\u200f\u202e\ufeff\n\r\t[]<>&\\\"«»؟./"))


def chars(alphabet, max_size: int):
    # lists of characters joined: st.text() merges character strategies and may drop the lone surrogates
    return st.lists(alphabet, max_size=max_size).map("".join)


fuzz_text = chars(special | arabic | any_char, 80)
DATES = ["2024-13-45", "2024-02-30", "0000-00-00", "9999-99-99", "2023-02-29", "2024-02-29T25:61", "1-1-1"]
field_text = fuzz_text | st.sampled_from(DATES)


def test_random_jsonl_records(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("jsonl")
    record = st.fixed_dictionaries({"text": fuzz_text | json_values}, optional={
        "title": field_text | json_values, "published": field_text | json_values,
        "date": field_text, "url": field_text, "source": field_text | json_values, "id": json_values,
        "language": field_text})

    @FUZZ
    @given(st.lists(record | json_values, min_size=1, max_size=5))
    def run(objs):
        data = "".join(json.dumps(o, ensure_ascii=True) + "\n" for o in objs).encode()
        items = read_bytes_as(tmp, data, ".jsonl")
        assert len(items) <= len(objs)

    run()


@pytest.fixture(scope="module")
def text_pipeline():
    return Pipeline.default("text")


def test_text_layer_on_random_unicode(text_pipeline):
    mixed = chars(arabic | any_char | special | st.sampled_from(list(" \n.؟!«»\"()\u200c")), 300)

    @FUZZ
    @given(mixed, chars(any_char | special, 20))
    def run(text, title):
        try:
            doc = make_document(text, "fuzz", title)
        except UnicodeError:
            raise
        except ValueError as e:  # a named refusal (NUL, lone surrogate, mark flood)
            assert "NUL" in str(e) or "surrogate" in str(e) or "combining marks" in str(e), e
            return
        p = text_pipeline(doc)
        for s in p.sentences:
            assert doc.text[s.start:s.end] == s.text
            for t in p.tokens[s.idx]:
                assert doc.text[t.start:t.end] == t.text

    run()


@pytest.mark.slow
def test_random_jsonl_through_the_whole_pipeline_into_a_store(tmp_path_factory):
    """Records that read fine must also code and store: dates, odd Unicode and odd types reach every stage."""
    from marsad.ingest.run import ingest
    from marsad.store.db import Store

    tmp = tmp_path_factory.mktemp("ingest")
    pipeline = Pipeline.default("events")
    sentence = st.sampled_from(["أعلنت روسيا أنها ستدعم الحكومة السورية", "التقى الرئيس المصري نظيره الأردني",
                                "تظاهر آلاف في بغداد ضد الحكومة", "وقعت تركيا وقطر اتفاقية دفاعية"])
    record = st.fixed_dictionaries({"text": st.tuples(sentence, fuzz_text).map(" ".join)},
                                   optional={"published": st.sampled_from(DATES) | field_text | json_values, "title": field_text,
                                             "source": field_text, "url": field_text})
    store = Store.open(str(tmp / "s.db"))

    @settings(max_examples=25, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.lists(record, min_size=1, max_size=4))
    def run(objs):
        data = "".join(json.dumps(o, ensure_ascii=True) + "\n" for o in objs).encode()
        path = tmp / "in.jsonl"
        path.write_bytes(data)
        try:
            report = ingest([path], store, pipeline, force=True)
        except BaseException as e:  # noqa: BLE001
            saved = keep_crasher(data, ".jsonl")
            raise AssertionError(f"ingest raised {type(e).__name__}: {e} (input saved to {saved})") from e
        assert report.documents_read + len(report.errors) >= len(objs)
        assert all(e.path.startswith(str(path)) and e.message for e in report.errors)

    try:
        run()
    finally:
        store.close()


def test_hostile_corpus_regressions():
    """Every committed hostile input (and each crasher found and saved) reads without an exception."""
    files = sorted(p for p in HOSTILE.rglob("*") if p.is_file() and p.name != "README.md")
    assert len(files) >= 8
    expected = json.loads((HOSTILE / "README.md").read_text(encoding="utf-8").split("```json")[1].split("```")[0])
    for path in files:
        items = list(read_path(path))
        assert all(isinstance(x, Document | ReadError) for x in items), path
        want = expected.get(path.name)
        if want is not None:
            got = [x.message for x in items if isinstance(x, ReadError)]
            assert any(want in m for m in got), (path.name, got)
