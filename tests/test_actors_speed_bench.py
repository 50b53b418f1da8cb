"""`marsad bench` shows the actor stage's CPU against the text stage's (issue 11's speed criterion). Figures only: the
test checks that they are there and add up, never how fast anything is."""

from __future__ import annotations

from marsad.quality.bench import b_pipeline

DOCS = ["وقال الرئيس الأمريكي باراك أوباما إن واشنطن تدعم الحكومة العراقية في بغداد.",
        "التقى وزير الخارجية السعودي عادل الجبير نظيره الروسي سيرغي لافروف في موسكو."]


def test_bench_row_gives_each_stage_cpu_and_the_ratio():
    r = b_pipeline(DOCS * 10, "actors")
    assert set(r["stage_cpu"]) == {"text", "actors"}
    assert all(v >= 0 for v in r["stage_cpu"].values())
    assert "CPU text" in r["extra"] and "actors/text" in r["extra"]
    assert r["sentences"] == 20 and "mentions" in r["extra"]


ARTICLES = [  # SaudiNewsNet's layout: one day's articles as a JSON array in a .zip
    {"source": "spa", "url": "http://www.spa.gov.sa/1", "date_extracted": "2015-07-21 09:00:00", "title": "زيارة",
     "author": "", "content": "وصل وزير الخارجية الروسي سيرغي لافروف إلى الرياض في زيارة رسمية تستمر يومين."},
    {"source": "spa", "url": "http://www.spa.gov.sa/2", "date_extracted": "2015-07-21 10:00:00", "title": "اجتماع",
     "author": "", "content": "وعقد مجلس الوزراء اجتماعه الأسبوعي وناقش أسعار النفط في الأسواق العالمية."},
    {"source": "spa", "url": "http://www.spa.gov.sa/3", "date_extracted": "2015-07-22 10:00:00", "title": "قمة",
     "author": "", "content": "وتستضيف القاهرة قمة عربية الشهر المقبل بحضور قادة الدول الأعضاء."},
]


def news_folder(tmp_path):
    import json
    import zipfile

    for day, items in (("2015-07-21", ARTICLES[:2]), ("2015-07-22", ARTICLES[2:])):
        with zipfile.ZipFile(tmp_path / f"{day}.zip", "w") as z:
            z.writestr(f"{day}.json", json.dumps(items, ensure_ascii=False))
    return tmp_path


def test_press_documents_read_each_article_once_up_to_the_size_asked(tmp_path):
    from marsad.quality.bench import press_documents

    folder = news_folder(tmp_path)
    every = press_documents(folder, 1.0)
    assert [d.text for d in every] == [a["content"] for a in ARTICLES]
    one = len(ARTICLES[0]["content"].encode("utf-8"))
    # the articles until their size is over the MB asked: the first alone is over a little less than itself
    assert [d.text for d in press_documents(folder, (one - 0.5) / 1e6)] == [ARTICLES[0]["content"]]
    assert len(press_documents(folder, (one + 0.5) / 1e6)) == 2


def test_bench_row_on_real_news_keeps_each_articles_own_date(tmp_path):
    from marsad.quality.bench import b_pipeline, press_documents

    docs = press_documents(news_folder(tmp_path), 1.0)
    r = b_pipeline(docs, "actors")
    assert r["sentences"] == 3 and set(r["stage_cpu"]) == {"text", "actors"}
    # (لافروف is Russia's foreign minister on the article's own date, 2015, not on the bench texts' 2025-06-01)
    assert "mentions" in r["extra"] and docs[0].published.startswith("2015-07-21")


def test_bench_press_names_a_folder_without_archives(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    r = CliRunner().invoke(app, ["bench", "--mb", "0.01", "--stage", "actors", "--press", str(tmp_path)])
    assert r.exit_code == 2
    assert str(tmp_path) in r.output and "no .zip news archives" in r.output
