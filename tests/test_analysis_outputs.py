"""Alliance analysis outputs: the HTML report in a real browser, exports, sources and framing, proposed tie
changes and the commands."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.analysis import refresh
from marsad.analysis.api import allies
from marsad.analysis.exports import export_dyads, graph
from marsad.analysis.report import render_report
from marsad.analysis.sources import sources
from marsad.analysis.suggest import suggest_ties
from marsad.analysis.synthetic import insert
from marsad.cli import app
from marsad.store.db import Store
from test_analysis import EVENTS, build_store

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("outputs") / "a.db"
    build_store(path).close()
    return str(path)


# -- report ----------------------------------------------------------------------------------------------

def png_info(path: Path) -> tuple[int, int, bytes]:
    """(width, height, decompressed image data) of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def screenshot(html: Path, png: Path, profile: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed (apt-get install -y chromium); the report test needs a real browser")
    png.unlink(missing_ok=True)
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                    f"--screenshot={png}", "--window-size=1280,2000", html.resolve().as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert png.exists(), f"chromium wrote no screenshot for {html}"


def test_report_is_self_contained_and_renders_in_chromium(db, tmp_path):
    with Store.open(db) as store:
        html = render_report(store, "RUS", as_of="2025-12-31")
    assert html.count("<svg") >= 4  # ranking, trend lines, network, timeline
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert not re.search(r"(src|href)=['\"]?(https?:|//)", html)
    assert re.findall(r"https?://[^'\" ]+", html) == ["http://www.w3.org/2000/svg"] * len(re.findall(r"https?://", html))
    for text in ("PRK", "BLR", "rus-prk-2024", "CSTO", "أرسلت كوريا الشمالية آلاف الجنود"):
        assert text in html
    folder = ROOT / "screenshots" / "test_report_is_self_contained_and_renders_in_chromium"
    folder.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    screenshot(page, folder / "report.png", tmp_path / "profile")
    screenshot(blank, folder / "blank.png", tmp_path / "profile")
    w, h, pixels = png_info(folder / "report.png")
    bw, bh, blank_pixels = png_info(folder / "blank.png")
    assert (w, h) == (1280, 2000) == (bw, bh)
    # a blank page compresses to almost nothing and holds a handful of byte values; the report does not
    assert (folder / "report.png").stat().st_size > 5 * (folder / "blank.png").stat().st_size
    assert len(set(pixels)) > 100 > len(set(blank_pixels))


# -- exports ----------------------------------------------------------------------------------------------

def test_graph_export_matches_scores(db, tmp_path):
    import networkx as nx

    with Store.open(db) as store:
        g = graph(store, as_of="2025-12-31")
        score = {r["code"]: r["score"] for r in allies(store, "RUS", as_of="2025-12-31", evidence=0)}
    assert g["RUS"]["PRK"]["weight"] == pytest.approx(score["PRK"], abs=1e-4)
    assert g["RUS"]["UKR"]["sign"] == -1
    assert g.nodes["RUS"]["bloc"] == g.nodes["PRK"]["bloc"] != g.nodes["UKR"]["bloc"]
    out = tmp_path / "g.graphml"
    r = runner.invoke(app, ["export", "graph", "--format", "graphml", "-o", str(out), "--as-of", "2025-12-31", "--db", db])
    assert r.exit_code == 0, r.output
    back = nx.read_graphml(out)
    assert back["PRK"]["RUS"]["weight"] == pytest.approx(score["PRK"], abs=1e-4)
    out = tmp_path / "g.gexf"
    r = runner.invoke(app, ["export", "graph", "--format", "gexf", "-o", str(out), "--db", db])
    assert r.exit_code == 0 and nx.read_gexf(out).number_of_edges() > 10
    assert runner.invoke(app, ["export", "graph", "--format", "dot", "-o", str(out), "--db", db]).exit_code == 2


def test_dyad_export_csv_and_parquet(db, tmp_path):
    import pyarrow.parquet as pq

    with Store.open(db) as store:
        n_rows = store.scalar("SELECT COUNT(*) FROM dyad_month")
        n = export_dyads(store, "parquet", tmp_path / "d.parquet", as_of="2025-12-31")
    assert n == n_rows
    table = pq.read_table(tmp_path / "d.parquet").to_pylist()
    assert len(table) == n_rows
    assert all(-1 <= r["score"] <= 1 and -1 <= r["formal"] <= 1 for r in table)  # formal = F - H
    arm = [r for r in table if (r["a"], r["b"]) == ("ARM", "RUS")]
    assert arm[-1]["month"] == "2025-03" and arm[-1]["negative"] > 0
    r = runner.invoke(app, ["export", "dyads", "--format", "csv", "--db", db])
    assert r.exit_code == 0
    lines = [x for x in r.stdout.splitlines() if x]
    assert lines[0].startswith("a,b,month,score,formal") and len(lines) == n_rows + 1


# -- sources and framing -----------------------------------------------------------------------------------

FRAMED = [
    ("2024-03-01", "ASSAULT", "RUS", "UKR", "واصلت القوات الروسية العملية العسكرية الخاصة وقالت إن نظام كييف يتحمل المسؤولية.",
     "moscow-voice", {"mode": "aerial"}),
    ("2024-03-02", "ASSAULT", "RUS", "UKR", "أعلنت موسكو تحرير بلدة جديدة ضمن أهداف العملية العسكرية الخاصة.", "moscow-voice",
     {"mode": "occupy"}),
    ("2024-03-01", "ASSAULT", "RUS", "UKR", "قصفت روسيا مدنا أوكرانية في إطار الغزو الروسي المستمر للأراضي المحتلة.",
     "kyiv-echo", {"mode": "aerial"}),
    ("2024-03-03", "ACCUSE", "UKR", "RUS", "اتهمت كييف موسكو بارتكاب جرائم حرب في الأراضي الأوكرانية المحتلة.", "kyiv-echo",
     {"mode": "allege"}),
]


def test_sources_measure_volume_coverage_and_framing(tmp_path):
    store = build_store(tmp_path / "s.db", FRAMED)
    out = {r["source"]: r for r in sources(store)}
    shared = store.scalar("SELECT COUNT(DISTINCT cluster_id) FROM events WHERE event = 'ASSAULT'")
    store.close()
    mv, ke = out["moscow-voice"], out["kyiv-echo"]
    # three reports of strikes within three days are one happening, whichever outlet reports it
    assert shared == 1
    assert mv["documents"] == 2 and mv["events"] == 2 and mv["happenings"] == 1 and ke["happenings"] == 2
    assert mv["conflicts"]["rus-ukr"]["lean"] == "pro_russia"
    assert ke["conflicts"]["rus-ukr"]["lean"] == "pro_ukraine"
    assert "pro_russia" not in ke["conflicts"]["rus-ukr"]["shares"]
    op = mv["framing"]["rus-ukr.pro-russia.operation"]
    assert op["terms"] == 2 and op["per_1000_words"] > 0
    assert op["examples"] and "العملية العسكرية الخاصة" in op["examples"][0]["sentence"]
    assert [a["code"] for a in mv["actors"]] == ["RUS", "UKR"]
    assert ke["mean_intensity"] < 0


# -- proposed changes of ties ------------------------------------------------------------------------------

NEW_TIES = [
    ("2026-02-01", "SUPPORT", "KAZ", "CHN", "وقعت كازاخستان والصين معاهدة للدفاع المشترك في أستانا.", "wire-a",
     {"mode": "sign", "symmetric": 1}),
    ("2026-02-02", "SUPPORT", "KAZ", "CHN", "كازاخستان والصين توقعان معاهدة دفاع مشترك.", "wire-b",
     {"mode": "sign", "symmetric": 1}),
    ("2026-03-01", "SANCTION", "KGZ", "CSTO", "علقت قيرغيزستان مشاركتها في منظمة معاهدة الأمن الجماعي.", "wire-a",
     {"mode": "discontinue"}),
    ("2026-04-01", "COOPERATE", "SRB", "EU", "انضمت صربيا إلى الاتحاد الأوروبي.", "wire-b", {"mode": "join", "negated": 1}),
    ("2026-05-01", "COOPERATE", "UZB", "CSTO", "قد تنضم أوزبكستان مجددا إلى منظمة الأمن الجماعي.", "wire-c",
     {"mode": "join", "modality": "hypothetical"}),
]


def test_suggest_ties_proposes_changes_with_evidence(db, tmp_path):
    with Store.open(db) as store:
        props = suggest_ties(store)
        known = suggest_ties(store, include_known=True)
    changes = {(p["change"], p["code"]) for p in props}
    assert ("announce_withdrawal", "ARM") not in changes  # announced, not done: nothing to propose (issue 15)
    assert ("freeze_membership", "ARM") not in changes  # already in organisations.yaml
    frozen = [p for p in known if p["change"] == "freeze_membership" and p["code"] == "ARM"][0]
    assert frozen["known"] and frozen["happenings"] == 1 and len(frozen["evidence"]) == 2
    store = build_store(tmp_path / "t.db", NEW_TIES)
    props = {(p["change"], p["code"]): p for p in suggest_ties(store)}
    store.close()
    treaty = props[("add_treaty", "CHN")]
    assert treaty["partner"] == "KAZ" and treaty["date"] == "2026-02-01" and treaty["happenings"] == 1
    assert "type: defence" in treaty["yaml"] and len(treaty["evidence"]) == 2
    assert props[("freeze_membership", "KGZ")]["organisation"] == "CSTO"
    assert not any(code in ("SRB", "UZB") for _, code in props)  # negated and hypothetical propose nothing
    r = runner.invoke(app, ["dict", "suggest-ties", "--json", "--db", str(tmp_path / "t.db")])
    assert r.exit_code == 0 and {p["change"] for p in json.loads(r.stdout)} == {"add_treaty", "freeze_membership"}


# -- commands ------------------------------------------------------------------------------------------------

def test_allies_command_json(db):
    r = runner.invoke(app, ["allies", "RUS", "--as-of", "2025-12-31", "--json", "--db", db])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [x["score"] for x in rows] == sorted((x["score"] for x in rows), reverse=True)
    for key in ("code", "score", "trend", "trend_6m", "trend_12m", "formal_ties", "evidence", "confidence"):
        assert key in rows[0]
    codes = [x["code"] for x in rows]
    assert codes.index("PRK") < codes.index("ARM") and codes.index("BLR") < codes.index("KAZ")
    table = runner.invoke(app, ["allies", "RUS", "--as-of", "2025-12-31", "--db", db])
    assert table.exit_code == 0 and "PRK" in table.stdout
    assert runner.invoke(app, ["allies", "RUS", "--as-of", "31/12/2025", "--db", db]).exit_code == 2


def test_other_commands_json(db, tmp_path):
    d = json.loads(runner.invoke(app, ["dyad", "ARM", "RUS", "--as-of", "2025-12-31", "--json", "--db", db]).stdout)
    assert d["timeline"][-1]["month"] == "2025-12" and d["events"]
    rows = json.loads(runner.invoke(app, ["drift", "--since", "2023-01-01", "--as-of", "2025-12-31", "--json",
                                          "--db", db]).stdout)
    assert rows and abs(rows[0]["change"]) >= abs(rows[-1]["change"])
    b = json.loads(runner.invoke(app, ["blocs", "--as-of", "2025-12-31", "--json", "--db", db]).stdout)
    assert b["blocs"] and sum(x["size"] for x in b["blocs"]) == b["nodes"]
    w = json.loads(runner.invoke(app, ["whatif", "attack", "BLR", "--as-of", "2025-12-31", "--json", "--db", db]).stdout)
    assert "RUS" in {x["code"] for x in w["obliged_to_assist"]}
    s = json.loads(runner.invoke(app, ["sources", "--json", "--db", db]).stdout)
    assert {x["source"] for x in s} == {"wire-a", "wire-b", "wire-c", "wire-d"}
    out = tmp_path / "r.html"
    r = runner.invoke(app, ["report", "BLR", "-o", str(out), "--as-of", "2025-12-31", "--db", db])
    assert r.exit_code == 0 and "<svg" in out.read_text(encoding="utf-8")
    r = runner.invoke(app, ["refresh", "--full", "--json", "--db", db])
    assert r.exit_code == 0 and json.loads(r.stdout)["mode"] == "full"


def test_commands_refresh_a_stale_store_themselves(tmp_path):
    path = tmp_path / "stale.db"
    build_store(path, EVENTS, do_refresh=False).close()
    r = runner.invoke(app, ["allies", "PRK", "--as-of", "2025-12-31", "--json", "--db", str(path)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["code"] == "RUS"
    with Store.open(str(path)) as store:
        assert store.scalar("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL") == 0
        insert(store, [{"id": "late", "doc_id": "late", "event": "SANCTION", "actor_code": "PRK",
                        "recipient_code": "RUS", "date": "2025-12-01", "mode": "embargo"}])
        assert refresh(store)["mode"] == "incremental"
        assert store.scalar("SELECT cluster_id FROM events WHERE id = 'late'")
