"""Framing measured from the events an outlet reports (issue 15): tone towards each actor as doer and target,
relative to the other outlets, own voice, the same happening coded by several outlets, evidence one click away.
Sentences written for this test; events inserted as the coder would store them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.analysis import refresh
from marsad.analysis.framing import outlet_stances
from marsad.analysis.synthetic import insert
from marsad.cli import app
from marsad.store.db import Store

# (outlet, date, event, intensity, actor, recipient, attribution, sentence)
REPORTS = [
    # one happening, reported by both outlets: one calls it aid, the other a military threat
    ("north-herald", "2025-05-01", "AID", 7.4, "RUS", "BLR", None, "أرسلت روسيا مساعدات إنسانية إلى بيلاروسيا لدعم المتضررين من الفيضانات."),
    ("south-gazette", "2025-05-02", "MOBILIZE", -5.3, "RUS", "BLR", None, "حشدت روسيا قوات على أراضي بيلاروسيا بذريعة المساعدات."),
    # what else each outlet chooses to report about Russia
    ("north-herald", "2025-05-10", "COOPERATE", 6.8, "RUS", "KAZ", "RUS", "قال الكرملين إن روسيا وقعت مع كازاخستان اتفاقا للتعاون في الطاقة."),
    ("north-herald", "2025-05-12", "CONSULT", 2.1, "RUS", "ARM", "RUS", "أكدت موسكو أن وزير خارجيتها بحث مع نظيره الأرميني العلاقات الثنائية."),
    ("south-gazette", "2025-05-15", "ASSAULT", -9.3, "RUS", "UKR", None, "قصفت القوات الروسية مدينة خاركيف الأوكرانية بالصواريخ فجر اليوم."),
    ("south-gazette", "2025-05-18", "ACCUSE", -2.0, "UKR", "RUS", "UKR", "اتهمت كييف موسكو باستهداف البنية التحتية المدنية."),
    ("south-gazette", "2025-05-20", "SANCTION", -5.2, "EU", "RUS", None, "فرض الاتحاد الأوروبي حزمة عقوبات جديدة على روسيا."),
]


def store_with(path) -> Store:
    store = Store.open(str(path))
    docs, evs = [], []
    for i, (outlet, date, typ, tone, a, r, attr, sentence) in enumerate(REPORTS):
        docs.append({"id": f"doc{i}", "source": outlet, "published": date, "text": sentence})
        evs.append({"id": f"ev{i}", "doc_id": f"doc{i}", "event": typ, "intensity": tone, "actor_code": a,
                    "recipient_code": r, "attribution_code": attr, "date": date, "sentence": sentence,
                    "source": outlet})
    insert(store, evs, docs)
    refresh(store)  # clusters: the two reports of 1 and 2 May are one happening
    return store


def test_stance_towards_russia_differs_by_what_each_outlet_reports(tmp_path):
    with store_with(tmp_path / "f.db") as store:
        st = {src: {r["code"]: r for r in rows} for src, rows in outlet_stances(store, min_events=1).items()}
    north, south = st["north-herald"]["RUS"], st["south-gazette"]["RUS"]
    assert north["as_actor"] == 3 and south["as_actor"] == 2 and south["as_target"] == 2
    assert north["tone_as_actor"] > 5 > 0 > south["tone_as_actor"]
    assert north["relative_tone"] > 0 > south["relative_tone"]
    assert north["own_voice"] == round(2 / 3, 2) and south["own_voice"] == 0
    # the same happening, coded from each outlet's report: the north codes it warmer than the mean of both
    assert north["shared_n"] == south["shared_n"] == 1
    assert north["shared"] == round((7.4 - (7.4 - 5.3) / 2), 2) and south["shared"] == -north["shared"]
    assert south["evidence"][0]["event"] == "ev4" and south["evidence"][0]["sentence"] == REPORTS[4][-1]


def test_sources_command_and_api_data_carry_the_stances(tmp_path):
    store_with(tmp_path / "f.db").close()
    r = CliRunner().invoke(app, ["sources", "--db", str(tmp_path / "f.db"), "--json"])
    assert r.exit_code == 0
    rows = {x["source"]: x for x in json.loads(r.stdout)}
    rus = next(s for s in rows["south-gazette"]["stances"] if s["code"] == "RUS")
    assert rus["relative_tone"] < 0 and rus["evidence"][0]["doc_id"] == "doc4"
    table = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["sources", "--db", str(tmp_path / "f.db"), "--outlet", "north-herald"])
    assert "stance by actor" in table.stdout and "own voice" in table.stdout and "south-gazette" not in table.stdout
