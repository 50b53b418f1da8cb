"""Dates for every input (issue 13): a .txt file's date from its name or a 'Date:' line, `ingest --date`,
undated events counted and reported, "as of" from the store's last event."""

from __future__ import annotations

import subprocess
import sys

from marsad.analysis.coverage import undated
from marsad.analysis.reader import default_as_of
from marsad.ingest.readers import read_txt
from marsad.ingest.txt_dates import txt_date
from marsad.store.db import Store

MARSAD = [sys.executable, "-m", "marsad"]
ARTICLE = ("وقع الرئيس الروسي ونظيره البيلاروسي اليوم في مينسك معاهدة للضمانات الأمنية.\n"
           "وقال الكرملين إن المعاهدة تنص على مساعدة عسكرية فورية في حال تعرض أي من البلدين لعدوان.\n")


def test_dates_from_name_and_header(tmp_path):
    assert txt_date("2024-06-19-pyongyang.txt", "نص") == ("2024-06-19", "file name")
    assert txt_date("20240619_x.txt", "نص") == ("2024-06-19", "file name")
    assert txt_date("notes.txt", "عنوان\nDate: 2024-12-06\nنص") == ("2024-12-06", "header")
    assert txt_date("x.txt", "التاريخ: ٢٠٢٥/٠٣/١٣\nنص") == ("2025-03-13", "header")
    assert txt_date("2024-02-30-x.txt", "نص") == (None, None)  # no such day
    assert txt_date("x.txt", "عنوان\nالنص يذكر Date: 2024-01-01 في وسطه") == (None, None)
    p = tmp_path / "minsk.txt"
    p.write_text("Date: 2024-12-06\nمعاهدة الضمانات الأمنية\n" + ARTICLE, encoding="utf-8")
    doc = next(read_txt(p))
    assert doc.published == "2024-12-06" and doc.title == "معاهدة الضمانات الأمنية"
    assert doc.origin["published"] == "header"


def test_ingest_reports_undated_events_and_date_option_fixes_them(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    (src / "minsk.txt").write_text("معاهدة الضمانات\n" + ARTICLE, encoding="utf-8")
    db = str(tmp_path / "a.db")
    r = subprocess.run(MARSAD + ["ingest", str(src), "--db", db], capture_output=True, text=True)
    assert r.returncode == 0 and "have no date" in r.stderr and "--date" in r.stderr
    with Store.open(db) as s:
        n, total = undated(s)
        assert total > 0 and n == total
    r = subprocess.run(MARSAD + ["allies", "RUS", "--db", db], capture_output=True, text=True)
    assert "have no date" in r.stderr
    html = tmp_path / "r.html"
    subprocess.run(MARSAD + ["report", "RUS", "-o", str(html), "--db", db], capture_output=True, text=True, check=True)
    assert "events have no date" in html.read_text(encoding="utf-8")
    db2 = str(tmp_path / "b.db")
    r = subprocess.run(MARSAD + ["ingest", str(src), "--date", "2024-12-06", "--db", db2], capture_output=True,
                       text=True)
    assert r.returncode == 0 and "have no date" not in r.stderr
    with Store.open(db2) as s:
        assert undated(s)[0] == 0
        assert default_as_of(s) == "2024-12-06"
    r = subprocess.run(MARSAD + ["allies", "RUS", "--db", db2], capture_output=True, text=True)
    assert "as of 2024-12-06" in r.stdout
    bad = subprocess.run(MARSAD + ["ingest", str(src), "--date", "2024-13-01", "--db", db2], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "--date" in bad.stderr


def test_the_latest_date_the_text_names_is_the_inferred_publication_date(tmp_path):
    from marsad.ingest.txt_dates import inferred_date

    assert inferred_date("وقع الطرفان في 19 يونيو 2024 اتفاقا، ثم التقيا في ٥/١٢/٢٠٢٤ وفي 2024-11-02.") == "2024-12-05"
    assert inferred_date("وصل الوفد في 12 حزيران/يونيو 2024 إلى العاصمة.") == "2024-06-12"
    assert inferred_date("وقعت الدول الست الاتفاق مع إيران في 14 يوليو 2015.") == "2015-07-14"  # before a full stop
    assert inferred_date("تعود العلاقات إلى عام 1997.") is None
    assert inferred_date("القمة مقررة في 2031-01-01.", today="2026-01-01") is None  # not after today
    p = tmp_path / "visit.txt"
    p.write_text("زيارة إلى مينسك\nوصل الرئيس الروسي إلى مينسك في 6 ديسمبر 2024 والتقى الرئيس البيلاروسي.\n"
                 "وأعلنت روسيا إرسال مساعدات عسكرية إلى بيلاروسيا.\n", encoding="utf-8")
    doc = next(read_txt(p))
    assert doc.published == "2024-12-06" and doc.origin["published"] == "inferred"
    db = str(tmp_path / "c.db")
    subprocess.run(MARSAD + ["ingest", str(p), "--db", db], capture_output=True, text=True, check=True)
    with Store.open(db) as s:
        precisions = {r["date_precision"] for r in s.rows("SELECT date_precision FROM events")}
    assert "inferred" in precisions and "document" not in precisions and "unknown" not in precisions


def test_an_undated_record_of_any_format_takes_the_date_its_text_names(tmp_path):
    """Issue 13, item 5: the text's own reference dates are the fallback for every input, not only .txt."""
    import json

    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "x1", "source": "wire", "text":
                             "استقبل السلطان قابوس وزير الخارجية الإيراني في مسقط. وجاءت الزيارة بعد توقيع "
                             "الاتفاق النووي في 14 يوليو 2015."}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "x2", "source": "wire", "text": "استقبل أمير قطر وزير الخارجية التركي في الدوحة."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "f.db")
    subprocess.run(MARSAD + ["ingest", str(p), "--db", db], capture_output=True, text=True, check=True)
    with Store.open(db) as s:
        docs = {r["published"] for r in s.rows("SELECT published FROM documents")}
        precisions = {r["date_precision"] for r in s.rows("SELECT date_precision FROM events")}
    assert docs == {"2015-07-14", None}  # the second record names no date and stays undated
    assert "inferred" in precisions
