"""The event coder on Arabic sentences: argument order, coordination, modality, attribution, dates."""

from __future__ import annotations

import pytest

from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events")


def code(pipe, text, date="2024-06-22"):
    return pipe(make_document(text, "t", "", published=date)).events


def triples(events):
    return sorted((e.event, e.actor.code, e.recipient.code) for e in events)


def test_vso_signing_with_date(pipe):
    evs = code(pipe, "وقعت روسيا وكوريا الشمالية معاهدة شراكة استراتيجية شاملة في 19 يونيو/حزيران 2024.")
    sup = [e for e in evs if e.event == "SUPPORT"]
    assert sup, triples(evs)
    assert {sup[0].actor.code, sup[0].recipient.code} <= {"RUS", "PRK"} or {e.actor.code for e in sup} == {"RUS", "PRK"}
    assert sup[0].date == "2024-06-19" and sup[0].date_precision == "day"
    assert sup[0].modality == "asserted" and not sup[0].negated
    assert sup[0].event_text.startswith("وقعت")
    s = sup[0].sentence
    assert s[sup[0].trigger_start - sup[0].evidence_start:sup[0].trigger_end - sup[0].evidence_start] == sup[0].event_text


def test_svo_sanctions(pipe):
    evs = code(pipe, "الاتحاد الأوروبي يفرض عقوبات جديدة على روسيا.")
    assert ("SANCTION", "EU", "RUS") in triples(evs)


def test_masdar_visit(pipe):
    evs = code(pipe, "أثارت زيارة بوتين إلى بيونغ يانغ قلق سيول.")
    c = [e for e in evs if e.event == "CONSULT"]
    assert c and (c[0].actor.code, c[0].recipient.code) == ("RUS", "PRK")


def test_passive_between_is_symmetric(pipe):
    evs = code(pipe, "تم توقيع اتفاقية تعاون عسكري بين روسيا وبيلاروسيا.")
    e = [x for x in evs if x.event in ("SUPPORT", "AGREE", "COOPERATE")]
    assert e and {e[0].actor.code, e[0].recipient.code} == {"RUS", "BLR"} and e[0].symmetric


def test_coordinated_actors_veto(pipe):
    evs = code(pipe, "استخدمت روسيا والصين حق النقض ضد مشروع القرار في مجلس الأمن.")
    rej = sorted(e.actor.code for e in evs if e.event == "REJECT")
    assert rej == ["CHN", "RUS"]


def test_negated_recognition(pipe):
    evs = code(pipe, "لم تعترف كازاخستان بجمهوريتي دونيتسك ولوغانسك.", "2022-06-18")
    sup = [e for e in evs if e.event == "SUPPORT"]
    assert sorted(e.recipient.code for e in sup) == ["DPR", "LPR"]
    assert all(e.negated and e.actor.code == "KAZ" for e in sup)


def test_denial_is_reject_by_the_denier(pipe):
    evs = code(pipe, "وتنفى موسكو وبيونج يانج تبادل الأسلحة.")
    assert {e.event for e in evs} == {"REJECT"}
    assert sorted(e.actor.code for e in evs) == ["PRK", "RUS"]


def test_future_exercise(pipe):
    evs = code(pipe, "ستجري روسيا وبيلاروسيا مناورات عسكرية مشتركة الشهر المقبل.")
    co = [e for e in evs if e.event in ("COOPERATE", "MOBILIZE")]
    assert co and all(e.modality == "future" for e in co)
    assert {e.actor.code for e in co} | {e.recipient.code for e in co} >= {"RUS", "BLR"}


def test_reported_claim_keeps_its_source(pipe):
    evs = code(pipe, "كشف تقرير استخباراتي أمريكي أن روسيا تشتري ملايين القذائف من كوريا الشمالية.", "2022-09-06")
    e = [x for x in evs if x.actor.code == "RUS"]
    assert e, triples(evs)
    assert e[0].attribution and "تقرير" in e[0].attribution and e[0].attribution_code == "USA"
    assert e[0].recipient.code == "PRK"


def test_hypothetical_and_question(pipe):
    evs = code(pipe, "إذا هاجمت الولايات المتحدة كوريا الشمالية فإن روسيا ستتدخل.")
    a = [e for e in evs if e.event == "ASSAULT"]
    assert a and a[0].modality == "hypothetical" and a[0].actor.code == "USA"
    evs = code(pipe, "هل ترسل الصين أسلحة إلى روسيا؟")
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_historical_background(pipe):
    evs = code(pipe, "وكانت كوريا الشمالية قد وقعت معاهدة عام 1961 مع الاتحاد السوفيتي.")
    assert evs and all(e.modality == "historical" for e in evs)
    assert evs[0].date == "1961-01-01" and evs[0].date_precision == "year"


def test_apposition(pipe):
    evs = code(pipe, "بيلاروسيا، الحليفة لبوتين، كانت تسلح أذربيجان.")
    assert ("AID", "BLR", "AZE") in triples(evs)


def test_protest(pipe):
    evs = code(pipe, "تظاهر آلاف الأرمن في يريفان احتجاجا على الاتفاق.")
    p = [e for e in evs if e.event == "PROTEST"]
    assert p and p[0].actor.code == "ARM"


def test_egyptian_orthography(pipe):
    evs = code(pipe, "وقع الرئيس الروسى فلاديمير بوتين اتفاقية تعاون استراتيجى مع الزعيم الكورى الشمالى فى بيونج يانج.")
    e = [x for x in evs if x.event == "SUPPORT"]
    assert e and (e[0].actor.code, e[0].recipient.code) == ("RUS", "PRK")
