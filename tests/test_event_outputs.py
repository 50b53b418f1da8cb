"""Event outputs a user touches: extract (stateless, streaming), export formats, show, demo, evaluation."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

MARSAD = [sys.executable, "-m", "marsad"]
GOLD = Path(__file__).parent / "gold"
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"


def run(args, **kw):
    return subprocess.run(MARSAD + args, capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("demo")
    r = run(["demo", "--db", str(d / "demo.db")], cwd=d)
    assert r.returncode == 0, r.stderr
    assert "Marsad demo" in r.stdout and "events" in r.stdout
    return str(d / "demo.db")


def test_extract_streams_in_order_with_workers(tmp_path):
    lines = [
        {"id": "a", "text": "وقعت روسيا وكوريا الشمالية معاهدة شراكة استراتيجية شاملة في 19 يونيو/حزيران 2024.", "date": "2024-06-20"},
        {"id": "b", "text": "هذا نص عن الطقس لا حدث فيه."},
        {"id": "c", "text": "لم تعترف كازاخستان بجمهوريتي دونيتسك ولوغانسك.", "date": "2022-06-18"},
    ] * 20
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    out1 = run(["extract", str(src)], check=True).stdout.splitlines()
    out2 = run(["extract", str(src), "--workers", "2"], check=True).stdout.splitlines()
    assert out1 == out2 and len(out1) == 60
    recs = [json.loads(x) for x in out1]
    assert [r["id"] for r in recs[:3]] == ["a", "b", "c"]
    a = recs[0]["events"][0]
    assert a["event"] == "SUPPORT" and a["date"] == "2024-06-19"
    assert {"actor", "recipient", "event", "mode", "context", "event_text", "text_info", "cite_info"} <= set(a)
    assert recs[1]["events"] == []
    assert all(e["negated"] for e in recs[2]["events"]) and recs[2]["events"]


def test_extract_plain_text_from_stdin():
    r = subprocess.run(MARSAD + ["extract"], input="استخدمت روسيا والصين حق النقض ضد مشروع القرار.\n",
                       capture_output=True, text=True, check=True)
    rec = json.loads(r.stdout)
    assert rec["id"] == "1" and sorted(e["actor"]["code"] for e in rec["events"]) == ["CHN", "RUS"]


def test_demo_store_has_events_and_exports(demo_db, tmp_path):
    s = json.loads(run(["stats", "--db", demo_db, "--json"], check=True).stdout)
    assert s["documents"] == 60 and s["events"] > 100 and s["mentions"] > 500
    jl = run(["export", "events", "--db", demo_db], check=True).stdout.splitlines()
    first = json.loads(jl[0])
    assert first["cite_info"]["doc_id"] and first["text_info"]["sentence"]
    t = first["text_info"]
    assert t["sentence"][t["trigger_start"] - t["start"]:t["trigger_end"] - t["start"]] == first["event_text"]
    run(["export", "events", "--db", demo_db, "--format", "csv", "-o", str(tmp_path / "e.csv")], check=True)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(jl) and rows[0]["actor_code"] is not None
    run(["export", "events", "--db", demo_db, "--format", "parquet", "-o", str(tmp_path / "e.parquet")], check=True)
    assert pq.read_table(tmp_path / "e.parquet").num_rows == len(jl)
    r = run(["export", "events", "--db", demo_db, "--format", "parquet"])
    assert r.returncode == 2 and "-o" in r.stderr


def test_show_highlights_events(demo_db):
    ids = run(["export", "events", "--db", demo_db], check=True).stdout.splitlines()
    doc = json.loads(ids[0])["cite_info"]["doc_id"]
    d = json.loads(run(["show", doc, "--db", demo_db, "--json"], check=True).stdout)
    assert d["events"] and d["mentions"]
    text = run(["show", doc, "--db", demo_db], check=True).stdout
    assert "—" in text and d["title"][:10] in text


def test_actors_command(demo_db):
    rows = json.loads(run(["actors", "--db", demo_db, "--json"], check=True).stdout)
    codes = [r["code"] for r in rows]
    assert codes[0] == "RUS" and {"PRK", "BLR", "ARM", "KAZ"} <= set(codes)
    assert {"code", "name", "mentions"} <= set(rows[0])
    only = json.loads(run(["actors", "--db", demo_db, "--json", "--code", "ARM", "--since", "2024-01-01"], check=True).stdout)
    assert [r["code"] for r in only] == ["ARM"] and only[0]["mentions"] < rows[codes.index("ARM")]["mentions"]


def test_eval_seed_events_modality(seeds_dir):
    from marsad.quality.evaluate import eval_events

    r = eval_events(GOLD / "seed_events.jsonl", seeds_dir)
    assert r["negated_or_future_coded_as_asserted"] == 0, r["modality_errors"]
    assert r["overall"]["tp"] > 40


def test_eval_own_sentences():
    from marsad.quality.evaluate import eval_events

    r = eval_events(GOLD / "own_events.jsonl")
    assert len(r["per_type"]) == 16  # every PLOVER type is in the gold and scored
    assert r["overall"]["f1"] >= 0.65 and r["actor_accuracy"] >= 0.85


def test_eval_third_party_protest_gold(eval_gold):
    r = run(["eval", "events", str(eval_gold), "--json"], check=True)
    rep = json.loads(r.stdout)
    assert rep["sentences"] == 272
    assert rep["protest_found_share"] >= 0.85
    assert rep["actor_country_n"] >= 40 and rep["recipient_country_n"] >= 100
