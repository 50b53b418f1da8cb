"""Cleaner evidence into the alliance index (issue 13): state organs only, organisations reached only by acts
that bind them, one happening per ceremony, back-references, and negated / future / hypothetical events kept
out of every aggregate and dashboard view."""

from __future__ import annotations

import pytest

from marsad.analysis import alignment as al
from marsad.analysis import refresh
from marsad.analysis.api import allies, blocs, drift, dyad, network
from marsad.analysis.clustering import Ev, cluster_group
from marsad.analysis.synthetic import insert
from marsad.api import queries
from marsad.store.db import Store


def _store(tmp_path, rows: list[tuple]) -> Store:
    """rows: (date, type, actor, recipient, sentence, options)."""
    s = Store.open(str(tmp_path / "e.db"))
    docs, evs = [], []
    for i, (date, typ, a, r, sentence, opts) in enumerate(rows):
        docs.append({"id": f"d{i}", "source": "wire", "published": date, "text": sentence})
        evs.append({"id": f"e{i}", "doc_id": f"d{i}", "event": typ, "actor_code": a, "recipient_code": r,
                    "date": date, "sentence": sentence, "source": "wire", **opts})
    insert(s, evs, docs)
    refresh(s)
    return s


def _pair(store, a, b):
    x, y = sorted((a, b))
    return store.rows("SELECT * FROM dyad_month WHERE a = ? AND b = ? ORDER BY month", (x, y))


def test_a_protest_is_not_the_states_behaviour(tmp_path):
    s = _store(tmp_path, [
        ("2024-05-02", "PROTEST", "ARM", "RUS", "تظاهر مئات الطلاب في يريفان أمام السفارة الروسية.", {"actor_agent": "CVL"}),
        ("2024-05-03", "ACCUSE", "ARM", "RUS", "اتهمت الحكومة الأرمينية موسكو بالتقاعس عن حماية حدودها.", {"actor_agent": "GOV"}),
    ])
    w = {r["best_event"]: r["weight"] for r in s.rows("SELECT best_event, weight FROM clusters")}
    assert w["e0"] == 0 and w["e1"] < 0
    assert _pair(s, "ARM", "RUS")[0]["clusters"] == 1
    s.close()


def test_words_about_an_organisation_do_not_reach_its_members(tmp_path):
    s = _store(tmp_path, [
        ("2024-03-05", "ACCUSE", "RUS", "NATO", "اتهمت موسكو حلف الأطلسي بتأجيج الحرب.", {}),
        ("2024-03-07", "COOPERATE", "SWE", "NATO", "انضمت السويد رسميا إلى حلف الأطلسي.", {}),
    ])
    assert not _pair(s, "EST", "RUS")  # the accusation stays with NATO
    assert _pair(s, "NOR", "SWE") and _pair(s, "NOR", "SWE")[0]["pos"] > 0  # joining binds the alliance
    assert _pair(s, "NATO", "RUS")[0]["neg"] > 0
    s.close()


def test_one_ceremony_coded_twice_is_one_happening(tmp_path):
    s = _store(tmp_path, [
        ("2025-08-08", "AGREE", "ARM", "AZE", "اتفقت أرمينيا وأذربيجان على نص معاهدة السلام.", {"symmetric": 1}),
        ("2025-08-08", "SUPPORT", "ARM", "AZE", "وقع وزيرا خارجية البلدين بالأحرف الأولى على النص.", {"symmetric": 1}),
    ])
    row = _pair(s, "ARM", "AZE")[0]
    strongest = max(al.event_weight(4.2, "verbal_cooperation", confidence=0.9),
                    al.event_weight(4.6, "verbal_cooperation", confidence=0.9))
    assert row["clusters"] == 1 and row["pos"] == pytest.approx(strongest)
    assert s.scalar("SELECT COUNT(*) FROM clusters") == 2  # both codings stay as evidence
    s.close()


def test_a_back_reference_joins_the_happening_it_refers_to():
    def ev(i, date, prec):
        return Ev(f"e{i}", "ARM", "CSTO", "SANCTION", 0, 0, "asserted", date, prec, None, 0, -5.2,
                  "material_conflict", 0.9, "wire")
    clusters = cluster_group([ev(1, "2024-02-22", "day"), ev(2, "2024-06-10", "document"), ev(3, "2024-09-01", "day")])
    sizes = sorted(len(c.members) for c in clusters)
    assert sizes == [1, 2]
    first = next(c for c in clusters if c.date == "2024-02-22")
    assert {m.id for m in first.members} == {"e1", "e2"}


def test_incremental_refresh_equals_full_with_the_new_rules(tmp_path):
    rows = [("2024-02-22", "SANCTION", "ARM", "CSTO", "جمدت أرمينيا مشاركتها في منظمة الأمن الجماعي.", {}),
            ("2024-02-22", "ACCUSE", "ARM", "CSTO", "انتقد رئيس الوزراء الأرميني المنظمة.", {}),
            ("2024-06-10", "SANCTION", "ARM", "CSTO", "وكانت يريفان قد جمدت مشاركتها.", {"date_precision": "document"})]
    s = _store(tmp_path, rows[:1])
    insert(s, [{"id": f"x{i}", "doc_id": "d0", "event": t, "actor_code": a, "recipient_code": r, "date": d,
                "sentence": txt, **o} for i, (d, t, a, r, txt, o) in enumerate(rows[1:])])
    refresh(s)
    inc = s.rows("SELECT a, b, month, pos, neg, clusters FROM dyad_month ORDER BY a, b, month")
    refresh(s, full=True)
    assert s.rows("SELECT a, b, month, pos, neg, clusters FROM dyad_month ORDER BY a, b, month") == inc
    s.close()


NOT_HAPPENED = [
    ("2025-03-01", "SANCTION", "SRB", "RUS", "أكدت صربيا أنها لم تفرض عقوبات على روسيا.", {"negated": 1}),
    ("2025-03-02", "ASSAULT", "SRB", "RUS", "لو هاجمت صربيا روسيا لاندلعت حرب إقليمية.", {"modality": "hypothetical"}),
    ("2025-03-03", "SANCTION", "SRB", "RUS", "ستفرض بلغراد قيودا على الواردات الروسية العام المقبل.", {"modality": "future"}),
    ("2025-03-04", "COOPERATE", "SRB", "CHN", "افتتحت صربيا والصين خطا للسكك الحديدية.", {"symmetric": 1}),
]


@pytest.fixture()
def not_happened(tmp_path):
    s = _store(tmp_path, NOT_HAPPENED)
    yield s
    s.close()


def test_not_happened_stays_out_of_the_index(not_happened):
    s = not_happened
    assert not _pair(s, "RUS", "SRB")
    srb = {r["code"]: r for r in allies(s, "SRB", "2025-06-30")}
    assert "RUS" not in srb or srb["RUS"]["clusters"] == 0
    assert srb["CHN"]["clusters"] == 1
    assert dyad(s, "SRB", "RUS", "2025-06-30")["tone"] == 0


def test_not_happened_stays_out_of_network_blocs_and_drift(not_happened):
    s = not_happened
    net = network(s, "2025-06-30")
    assert ("RUS", "SRB") not in net["edges"] and ("CHN", "SRB") in net["edges"]
    assert all({"RUS", "SRB"} != {m["code"] for m in b["members"]} for b in blocs(s, "2025-06-30")["blocs"])
    assert not [r for r in drift(s, "2024-12-31", "2025-06-30", limit=500) if {r["a"], r["b"]} == {"RUS", "SRB"}]


def test_not_happened_stays_out_of_the_dashboard(not_happened):
    s = not_happened
    assert {r["partner"] for r in queries.partners(s, "SRB")} == {"CHN"}
    edges = {(e["a"], e["b"]) for e in queries.network(s, None, None, 1, 100)["edges"]}
    assert edges == {("CHN", "SRB")}
    assert sum(r["events"] for r in queries.timeline(s, "SRB", "RUS")) == 0
    assert sum(r["events"] for r in queries.timeline(s, "SRB")) == 1


def test_a_non_state_actors_own_fighters_are_its_behaviour(tmp_path):
    """The Houthis act through their fighters (agent REB): that is their behaviour, unlike Saudi rebels or
    Armenian protesters acting under their state's code. Real pipeline, own sentences."""
    import json
    import subprocess
    import sys

    src = tmp_path / "news.jsonl"
    lines = [
        {"id": "h1", "published": "2015-08-05", "source": "wire",
         "text": "أطلقت جماعة الحوثي صواريخ على مدينة نجران السعودية أمس."},
        {"id": "h2", "published": "2015-08-07", "source": "wire",
         "text": "قصف الحوثيون مواقع للجيش السعودي في جازان."},
        {"id": "p1", "published": "2015-08-06", "source": "wire",
         "text": "تظاهر مئات المواطنين الأتراك في إسطنبول أمام القنصلية السعودية."},
    ]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "h.db")
    subprocess.run([sys.executable, "-m", "marsad", "ingest", str(src), "--db", db], check=True, capture_output=True)
    with Store.open(db) as s:
        acts = s.rows("SELECT c.a, c.b, c.weight, e.actor_agent FROM clusters c JOIN events e ON e.id = c.best_event "
                      "WHERE c.event = 'ASSAULT'")
        assert acts and all(r["a"] == "HOU" and r["b"] == "SAU" and r["actor_agent"] == "REB" for r in acts)
        assert all(r["weight"] < 0 for r in acts)
        assert _pair(s, "HOU", "SAU")[-1]["neg"] > 0
        protest = s.rows("SELECT c.weight FROM clusters c WHERE c.event = 'PROTEST' AND c.a = 'TUR'")
        assert protest and all(r["weight"] == 0 for r in protest)  # Turkish citizens are not Turkey's behaviour
