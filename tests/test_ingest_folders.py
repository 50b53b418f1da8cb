"""Ingest of real folders: files that are not articles are skipped and counted; legacy Arabic encodings are read
and reported (issue 15)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.encodings import decode_text

# written for these tests
ARTICLE = "وزير الخارجية الأرميني يزور باريس\nزار وزير الخارجية الأرميني باريس أمس وبحث مع نظيره الفرنسي التعاون.\n"
OTHER = "الرئيس المصري يستقبل نظيره التونسي\nاستقبل الرئيس المصري في القاهرة نظيره التونسي وبحثا العلاقات الثنائية.\n"


@pytest.mark.parametrize("encoding", ["windows-1256", "iso-8859-6"])
def test_legacy_arabic_encodings_are_recognised(encoding):
    text, found = decode_text(ARTICLE.encode(encoding))
    assert found == encoding and text == ARTICLE


def test_utf8_with_bom_stays_utf8():
    assert decode_text(b"\xef\xbb\xbf" + OTHER.encode("utf-8")) == (OTHER, "utf-8")


def test_non_arabic_legacy_text_is_refused_with_the_byte():
    with pytest.raises(ValueError, match=r"not valid UTF-8 \(byte 0xe9 at offset 6\).*re-save the file as UTF-8"):
        decode_text("Le café est fermé, la ville dort.".encode("latin-1"))


def test_folder_with_readme_image_and_binary_ingests_cleanly(tmp_path):
    news = tmp_path / "news"
    (news / "old").mkdir(parents=True)
    (news / "a.txt").write_text(OTHER, encoding="utf-8")
    (news / "old" / "b.txt").write_bytes(ARTICLE.encode("windows-1256"))
    (news / "README.md").write_text("# news folder\n", encoding="utf-8")
    (news / "README.txt").write_text("articles from 2025\n", encoding="utf-8")
    (news / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (news / "dump.txt").write_bytes(b"\x00\x01\x02garbage")
    db = tmp_path / "s.db"
    r = CliRunner().invoke(app, ["ingest", str(news), "--db", str(db), "--json"])
    assert r.exit_code == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["added"] == 2 and rep["errors"] == [] and rep["not_articles"] == 4
    assert rep["encodings"] == {"windows-1256": 1}
    assert sorted(x.split(":")[0].rsplit("/", 1)[-1] for x in rep["not_article_files"]) == [
        "README.md", "README.txt", "dump.txt", "photo.jpg"]
    docs = json.loads(CliRunner().invoke(app, ["documents", "--db", str(db), "--json"]).stdout)
    assert sorted(d["title"] for d in docs) == sorted([ARTICLE.splitlines()[0], OTHER.splitlines()[0]])
    # a file named on purpose is still read, and a format we cannot read is an error there
    r = CliRunner().invoke(app, ["ingest", str(news / "photo.jpg"), "--db", str(db)])
    assert r.exit_code == 1 and "unsupported format '.jpg'" in r.stderr


def test_broken_utf8_arabic_is_not_taken_for_a_legacy_encoding():
    data = ARTICLE.encode("utf-8")
    broken = data[:40] + b"\xff" + data[40:]
    with pytest.raises(ValueError, match=r"not valid UTF-8 \(byte 0xff at offset 40\)"):
        decode_text(broken)
