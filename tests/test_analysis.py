"""Alliance analysis: scoring maths, treaty validity by date, clustering, and the rankings on a hand-made store.

The store below is written by hand: events as the coder would code them, with Arabic evidence sentences
written for these tests (not taken from any corpus). Other test_analysis_* files import ``build_store``.
"""

from __future__ import annotations

import math

import pytest

from marsad.analysis import alignment as al
from marsad.analysis import refresh
from marsad.analysis.api import allies, blocs, drift, dyad, whatif_attack
from marsad.analysis.clustering import Ev, cluster_events
from marsad.analysis.synthetic import insert
from marsad.analysis.ties import formal_score, obligations, pair_ties, ties_from_data, ties_in_force
from marsad.store.db import Store

# (date, type, actor, recipient, sentence, outlet, options)
EVENTS = [
    # Russia - North Korea: meetings, a treaty, troops
    ("2023-07-26", "CONSULT", "RUS", "PRK", "حط وزير الدفاع الروسي رحاله في بيونغ يانغ على رأس وفد عسكري.", "wire-a",
     {"mode": "visit"}),
    ("2023-07-27", "CONSULT", "RUS", "PRK", "وزير الدفاع الروسي يزور العاصمة الكورية الشمالية ويلتقي قادتها.", "wire-b",
     {"mode": "visit"}),
    ("2023-09-13", "CONSULT", "RUS", "PRK", "استقبل الرئيس الروسي الزعيم الكوري الشمالي في قاعدة فضائية بالشرق الأقصى.",
     "wire-a", {"mode": "host"}),
    ("2023-09-14", "CONSULT", "PRK", "RUS", "الزعيم الكوري الشمالي يصل إلى روسيا في زيارة يلتقي خلالها الرئيس الروسي.",
     "wire-c", {"mode": "visit"}),
    ("2024-06-19", "SUPPORT", "RUS", "PRK", "وقعت موسكو وبيونغ يانغ معاهدة شراكة استراتيجية شاملة تتضمن بندا للدفاع المتبادل.",
     "wire-a", {"mode": "sign", "symmetric": 1}),
    ("2024-06-19", "SUPPORT", "RUS", "PRK", "وقعت موسكو وبيونغ يانغ معاهدة شراكة استراتيجية شاملة تتضمن بندا للدفاع المتبادل.",
     "wire-d", {"mode": "sign", "symmetric": 1, "dup": 1}),
    ("2024-12-04", "SUPPORT", "RUS", "PRK", "دخلت معاهدة الشراكة بين روسيا وكوريا الشمالية حيز التنفيذ بعد تبادل وثائق التصديق.",
     "wire-b", {"mode": "ratify", "symmetric": 1}),
    ("2025-04-26", "AID", "PRK", "RUS", "أرسلت كوريا الشمالية آلاف الجنود للقتال إلى جانب القوات الروسية في كورسك.",
     "wire-c", {"mode": "military"}),
    ("2025-04-28", "SUPPORT", "RUS", "PRK", "أشاد الكرملين بالجنود الكوريين الشماليين الذين قاتلوا في كورسك.", "wire-a",
     {"mode": "praise"}),
    ("2025-06-17", "AGREE", "PRK", "RUS", "ستبعث بيونغ يانغ بآلاف المهندسين العسكريين لإعادة إعمار كورسك.", "wire-b",
     {"mode": "promise", "modality": "future"}),
    ("2025-09-03", "CONSULT", "PRK", "RUS", "التقى الرئيس الروسي والزعيم الكوري الشمالي في بكين على هامش العرض العسكري.",
     "wire-c", {"mode": "third-party", "symmetric": 1}),
    # Russia - Belarus: exercises, nuclear weapons, security guarantees
    ("2022-02-10", "COOPERATE", "RUS", "BLR", "بدأت القوات الروسية والبيلاروسية مناورات مشتركة قرب الحدود الأوكرانية.",
     "wire-b", {"mode": "military", "symmetric": 1}),
    ("2023-06-16", "AID", "RUS", "BLR", "نقلت روسيا أولى الرؤوس النووية التكتيكية إلى الأراضي البيلاروسية.", "wire-a",
     {"mode": "military"}),
    ("2024-07-04", "COOPERATE", "BLR", "SCO", "انضمت بيلاروسيا رسميا إلى منظمة شنغهاي للتعاون عضوا كامل العضوية.", "wire-c",
     {"mode": "join"}),
    ("2024-12-06", "SUPPORT", "RUS", "BLR", "وقع الرئيسان الروسي والبيلاروسي في مينسك معاهدة للضمانات الأمنية.", "wire-a",
     {"mode": "sign", "symmetric": 1}),
    ("2024-12-07", "AGREE", "RUS", "BLR", "تعتزم موسكو نشر صواريخ متوسطة المدى في بيلاروسيا خلال العام المقبل.", "wire-d",
     {"mode": "intend", "modality": "future"}),
    ("2025-09-12", "COOPERATE", "RUS", "BLR", "انطلقت المناورات الاستراتيجية الروسية البيلاروسية المشتركة في غرب بيلاروسيا.",
     "wire-c", {"mode": "military", "symmetric": 1}),
    # Armenia - Russia: estrangement
    ("2022-05-16", "CONSULT", "ARM", "RUS", "شارك رئيس الوزراء الأرميني في قمة الأمن الجماعي التي استضافتها موسكو.",
     "wire-a", {"mode": "multilateral", "symmetric": 1}),
    ("2022-11-23", "REJECT", "ARM", "CSTO", "امتنع رئيس الوزراء الأرميني عن توقيع البيان الختامي لقمة منظمة الأمن الجماعي.",
     "wire-b", {"mode": "refuse"}),
    ("2023-01-10", "COOPERATE", "ARM", "CSTO", "لن تستضيف أرمينيا تدريبات منظمة الأمن الجماعي هذا العام.", "wire-c",
     {"mode": "military", "negated": 1}),
    ("2023-01-10", "ACCUSE", "ARM", "RUS", "قال رئيس الوزراء الأرميني إن الوجود العسكري الروسي لا يضمن أمن بلاده.", "wire-c",
     {"mode": "disapprove"}),
    ("2023-09-08", "ACCUSE", "RUS", "ARM", "استدعت الخارجية الروسية السفير الأرميني احتجاجا على خطوات وصفتها بغير الودية.",
     "wire-d", {"mode": "disapprove"}),
    ("2023-10-03", "THREATEN", "RUS", "ARM", "حذرت موسكو يريفان من عواقب الانضمام إلى المحكمة الجنائية الدولية.", "wire-a",
     {"mode": "relations"}),
    ("2024-02-22", "SANCTION", "ARM", "CSTO", "جمدت أرمينيا مشاركتها في منظمة معاهدة الأمن الجماعي.", "wire-b",
     {"mode": "discontinue"}),
    ("2024-02-24", "SANCTION", "ARM", "CSTO", "أعلنت يريفان تجميد مشاركتها في أنشطة منظمة الأمن الجماعي.", "wire-c",
     {"mode": "discontinue"}),
    ("2024-06-12", "SANCTION", "ARM", "CSTO", "قال رئيس الوزراء الأرميني إن بلاده ستنسحب من منظمة الأمن الجماعي.", "wire-a",
     {"mode": "withdraw", "modality": "future"}),
    ("2024-06-12", "ACCUSE", "ARM", "CSTO", "اتهم رئيس الوزراء الأرميني أعضاء في المنظمة بالتواطؤ مع أذربيجان.", "wire-a",
     {"mode": "allege"}),
    ("2025-03-27", "THREATEN", "RUS", "ARM", "حذرت موسكو أرمينيا من أن التقارب مع الاتحاد الأوروبي يتعارض مع عضويتها في الاتحاد الأوراسي.",
     "wire-b", {"mode": "relations"}),
    ("2025-03-27", "COOPERATE", "ARM", "EU", "أقر البرلمان الأرميني قانونا يطلق مسار الانضمام إلى الاتحاد الأوروبي.", "wire-b",
     {"mode": "join", "modality": "future"}),
    # Kazakhstan: hedging
    ("2022-01-06", "AID", "CSTO", "KAZ", "أرسلت منظمة الأمن الجماعي قوات حفظ سلام إلى كازاخستان بطلب من رئيسها.", "wire-a",
     {"mode": "military"}),
    ("2022-06-17", "SUPPORT", "KAZ", "DPR", "أعلن الرئيس الكازاخستاني أن بلاده لن تعترف بجمهورية دونيتسك.", "wire-b",
     {"mode": "recognise", "negated": 1}),
    ("2022-06-17", "COOPERATE", "KAZ", "RUS", "ستواصل كازاخستان تعاونها الوثيق مع روسيا.", "wire-b",
     {"mode": "economic", "modality": "future"}),
    ("2024-10-16", "REJECT", "KAZ", "BRICS", "أعلنت أستانا أنها لن تتقدم بطلب للانضمام إلى مجموعة بريكس في المستقبل المنظور.",
     "wire-c", {"mode": "refuse"}),
    ("2024-11-27", "CONSULT", "RUS", "KAZ", "وصل الرئيس الروسي إلى أستانا في زيارة دولة لإجراء محادثات مع نظيره الكازاخستاني.",
     "wire-d", {"mode": "visit"}),
    ("2025-11-06", "COOPERATE", "KAZ", "USA", "انضمت كازاخستان إلى اتفاقات أبراهام خلال قمة في واشنطن.", "wire-a",
     {"mode": "join"}),
    # Others
    ("2022-02-04", "SUPPORT", "RUS", "CHN", "أعلنت روسيا والصين شراكة بلا حدود بين البلدين.", "wire-a",
     {"mode": "relations", "symmetric": 1}),
    ("2023-03-21", "CONSULT", "CHN", "RUS", "وصل الرئيس الصيني إلى موسكو في زيارة دولة.", "wire-b", {"mode": "visit"}),
    ("2024-08-08", "ASSAULT", "UKR", "RUS", "توغلت القوات الأوكرانية في مقاطعة كورسك الروسية.", "wire-c",
     {"mode": "occupy"}),
    ("2025-02-10", "ASSAULT", "RUS", "UKR", "قصفت القوات الروسية منشآت الطاقة في أوكرانيا.", "wire-d",
     {"mode": "aerial"}),
    ("2025-10-22", "SANCTION", "USA", "RUS", "فرضت الولايات المتحدة عقوبات على كبرى شركات النفط الروسية.", "wire-a",
     {"mode": "embargo"}),
    ("2025-03-15", "SUPPORT", "USA", "UKR", "أعلنت واشنطن دعمها لكييف في المفاوضات.", "wire-b", {"mode": "endorse"}),
    ("2025-10-01", "ACCUSE", "PRK", "USA", "اتهمت بيونغ يانغ واشنطن بتصعيد التوتر في شبه الجزيرة الكورية.", "wire-c",
     {"mode": "allege"}),
    ("2024-09-01", "SUPPORT", "BLR", "CHN", "أشاد الرئيس البيلاروسي بالشراكة مع الصين.", "wire-d", {"mode": "praise"}),
    ("2025-05-01", "THREATEN", "BLR", "UKR", "حذرت مينسك كييف من أي استفزاز على الحدود.", "wire-a", {"mode": "violence"}),
]


def build_store(path, events=EVENTS, do_refresh: bool = True) -> Store:
    """A SQLite store with the hand-written events (one document each), refreshed."""
    store = Store.open(str(path))
    docs, evs = [], []
    for i, (date, typ, a, r, sentence, outlet, opts) in enumerate(events):
        doc_id = f"d{i:03d}"
        docs.append({"id": doc_id, "source": outlet, "published": date, "text": sentence, "title": sentence[:30],
                     "dup_of": "d004" if opts.get("dup") else None})
        evs.append({"id": f"e{i:03d}", "doc_id": doc_id, "event": typ, "actor_code": a, "recipient_code": r,
                    "date": date, "sentence": sentence, "source": outlet, **opts})
    insert(store, evs, docs)
    if do_refresh:
        refresh(store)
    return store


@pytest.fixture()
def store(tmp_path):
    s = build_store(tmp_path / "a.db")
    yield s
    s.close()


# -- scoring maths ----------------------------------------------------------------------------------------

def test_decay_halves_every_half_life_and_never_grows():
    assert al.decay(0) == 1.0
    assert al.decay(365) == pytest.approx(0.5)
    assert al.decay(730) == pytest.approx(0.25)
    assert al.decay(-30) == 1.0
    assert al.decay(100, half_life=100) == pytest.approx(0.5)


def test_event_weight_material_over_verbal_and_what_does_not_count():
    aid = al.event_weight(7.4, "material_cooperation")
    praise = al.event_weight(4.6, "verbal_cooperation")
    assert aid == pytest.approx(0.74)
    assert praise == pytest.approx(0.23)
    assert al.event_weight(-9.3, "material_conflict") == pytest.approx(-0.93)
    assert al.event_weight(7.4, "material_cooperation", negated=True) == 0
    assert al.event_weight(7.4, "material_cooperation", modality="hypothetical") == 0
    assert al.event_weight(7.4, "material_cooperation", dup=True) == 0
    assert al.event_weight(7.4, "material_cooperation", modality="future") == 0  # a promise is not yet behaviour
    assert al.event_weight(7.4, "material_cooperation", modality="historical", date_precision="document") == 0
    assert al.event_weight(7.4, "material_cooperation", modality="historical", date_precision="year") == aid
    assert al.event_weight(7.4, "material_cooperation", confidence=0.5) == pytest.approx(0.37)


def test_behaviour_is_bounded_shrunk_for_thin_coverage_and_sign_symmetric():
    assert al.behaviour(0, 0, 0) == 0
    one = al.behaviour(0.74, 0, 0.74)
    many = al.behaviour(7.4, 0, 7.4)
    assert 0 < one < many < 1
    assert one == pytest.approx(0.74 / 1.74)
    assert al.behaviour(0, 7.4, 7.4) == pytest.approx(-many)
    assert al.behaviour(3, 1, 4) == pytest.approx(0.5 * 4 / 5)
    for p, n in ((1e6, 0), (0, 1e6), (3, 3)):
        assert -1 <= al.behaviour(p, n, p + n) <= 1


def test_tone_does_not_move_when_nothing_happens():
    rows = al.roll_states([("2024-01", 1.0, 0.5, 2), ("2024-02", 0.0, 0.6, 1)])
    month, pos, neg, n, pd, nd, vol, total = rows[-1]
    assert vol == pytest.approx(2.1) and total == 3
    assert pd == pytest.approx(1.0 * al.month_decay(1))
    later_a = al.score_at("2024-06-30", (month, pd, nd, vol, total), 0.0, 0.0)
    later_b = al.score_at("2027-06-30", (month, pd, nd, vol, total), 0.0, 0.0)
    assert later_a.score == pytest.approx(later_b.score)
    assert later_b.confidence < later_a.confidence  # what we know grows old


def test_combination_bounds_and_weights():
    assert al.combine(1.0, 1.0) == pytest.approx(1.0)
    assert al.combine(0.0, -1.0) == pytest.approx(-(1 - al.ALPHA_FORMAL))
    assert al.combine(1.0, 0.0) == pytest.approx(al.ALPHA_FORMAL)
    assert al.combine(5.0, 0.0) == pytest.approx(al.ALPHA_FORMAL)  # formal clamps to [0, 1]
    assert 0 < al.confidence(1.0) < al.confidence(5.0) < 1
    assert al.confidence(0.0, 1.0) == pytest.approx(al.FORMAL_CONFIDENCE)


def test_months_and_shifts():
    assert al.shift_months("2025-03-31", -1) == "2025-02-28"
    assert al.shift_months("2025-12-31", -12) == "2024-12-31"
    assert al.month_end("2024-02") == "2024-02-29"
    assert al.month_name(al.month_index("2024-12") + 1) == "2025-01"


# -- ties by date ------------------------------------------------------------------------------------------

def test_russia_syria_ties_dormant_after_fall_of_assad():
    before = {t["id"] for t in ties_in_force("RUS", "SYR", "2024-12-07")}
    after = {t["id"] for t in ties_in_force("RUS", "SYR", "2024-12-08")}
    assert {"rus-syr-hmeimim-2015", "rus-syr-tartus-2017", "sun-syr-1980"} <= before
    assert not after & {"rus-syr-hmeimim-2015", "rus-syr-tartus-2017", "sun-syr-1980"}
    off = {t["id"]: t["status"] for t in pair_ties("RUS", "SYR", "2025-01-01") if t["state"] == "off"}
    assert off["rus-syr-tartus-2017"] == "dormant"
    assert formal_score("RUS", "SYR", "2025-01-01") < formal_score("RUS", "SYR", "2024-12-01") / 5


def test_armenia_csto_frozen_from_2024_02_22():
    assert "CSTO" in {t["id"] for t in ties_in_force("ARM", "RUS", "2024-02-21")}
    assert "CSTO" not in {t["id"] for t in ties_in_force("ARM", "RUS", "2024-02-22")}
    assert "CSTO" not in {t["id"] for t in ties_in_force("ARM", "KAZ", "2025-06-01")}
    frozen = [t for t in pair_ties("ARM", "RUS", "2025-06-01") if t["id"] == "CSTO"][0]
    assert frozen["state"] == "off" and frozen["status"] == "frozen" and frozen["obligations"] == []
    # the bilateral mutual-assistance treaty still binds (in force since 1998)
    obs = obligations("ARM", "RUS", "2025-06-01")
    assert any(o["type"] == "defence" and o["tie"] == "rus-arm-1997" and o["state"] == "in_force" for o in obs)
    assert formal_score("ARM", "RUS", "2025-06-01") < formal_score("ARM", "RUS", "2024-01-01")


def test_treaty_dates_and_succession():
    assert not ties_in_force("RUS", "PRK", "2024-12-03") or all(
        t["id"] != "rus-prk-2024" for t in ties_in_force("RUS", "PRK", "2024-12-03"))
    assert any(t["id"] == "rus-prk-2024" for t in ties_in_force("RUS", "PRK", "2024-12-04"))
    soviet = [t for t in ties_in_force("RUS", "PRK", "1970-01-01") if t["id"] == "sun-prk-1961"]
    assert soviet and soviet[0]["via"] == "SUN→RUS"
    assert not [t for t in ties_in_force("RUS", "PRK", "1996-09-10") if t["id"] == "sun-prk-1961"]  # lapsed
    # Sweden and NATO: from accession day, not before
    assert not [t for t in ties_in_force("SWE", "USA", "2024-03-06") if t["id"] == "NATO"]
    assert [t for t in ties_in_force("SWE", "USA", "2024-03-07") if t["id"] == "NATO"]


def test_status_with_parties_concerns_only_that_leg():
    ties = ties_from_data([], [{"id": "pact", "en": "Pact", "ar": "حلف", "parties": ["AAA", "BBB", "CCC"],
                                "signed": "2000-01-01", "in_force": "2000-02-01", "terminated": None,
                                "status": [{"status": "suspended", "from": "2010-01-01", "to": None,
                                            "parties": ["AAA", "BBB"]}],
                                "obligations": [{"type": "defence", "article": "Art. 1", "text": "assist"}],
                                "certainty": "confirmed", "source": "test"}])
    assert not ties.problems
    assert ties_in_force("AAA", "BBB", "2005-01-01", ties)
    assert not ties_in_force("AAA", "BBB", "2011-01-01", ties)
    assert ties_in_force("AAA", "CCC", "2011-01-01", ties)
    assert not ties_in_force("AAA", "BBB", "2000-01-15", ties)  # signed, not yet in force


def test_validate_reports_broken_entries():
    from marsad.analysis.ties import validate_ties

    bad = ties_from_data(
        [{"code": "XO", "en": "X", "ar": "س", "founded": "2000-01-01", "obligations": [{"type": "friendship"}],
          "members": [{"code": "AAA", "joined": "2001-01-01", "left": "2000-06-01"},
                      {"code": "BBB", "joined": None}]}],
        [{"id": "t1", "parties": ["AAA"], "signed": "2001-13-01", "obligations": [], "ar": "م"}])
    stats, problems = validate_ties(bad, known_codes={"AAA", "BBB", "XO"})
    text = "\n".join(problems)
    assert "friendship" in text and "joined 2001-01-01 after left" in text and "no joined date" in text
    assert "not a YYYY-MM-DD date" in text and "two or more distinct parties" in text
    stats, problems = validate_ties()
    assert problems == [] and stats["treaties"] >= 100 and stats["organisations"] >= 20


# -- clustering ------------------------------------------------------------------------------------------------

def _ev(i, date, typ="CONSULT", a="RUS", b="PRK", prec="day", sym=0, neg=0, mod="asserted", dup=0, src="x"):
    return Ev(f"e{i}", a, b, typ, sym, neg, mod, date, prec, None, dup, 2.1, "verbal_cooperation", 0.9, src)


def test_reports_of_one_happening_form_one_cluster():
    evs = [_ev(1, "2024-06-19"), _ev(2, "2024-06-20", a="PRK", b="RUS"), _ev(3, "2024-06-22"),
           _ev(4, "2024-06-23"),  # 4 days after the first: a new happening
           _ev(5, "2024-06-01", prec="month"),  # month precision joins a cluster of that month
           _ev(6, "2024-06-20", neg=1),  # a denial is not the act
           _ev(7, "2024-06-20", typ="SANCTION", a="RUS", b="PRK"), _ev(8, "2024-06-20", typ="SANCTION", a="PRK", b="RUS")]
    clusters = cluster_events(evs)
    where = {m.id: c.id for c in clusters for m in c.members}
    assert where["e1"] == where["e2"] == where["e3"] == where["e5"]
    assert where["e4"] != where["e1"]
    assert where["e6"] != where["e1"]
    assert where["e7"] != where["e8"]  # directed types keep the direction
    assert len(clusters) == 5
    assert sorted(len(c.members) for c in clusters) == [1, 1, 1, 1, 4]


def test_year_and_range_precision_attach_to_a_cluster_inside():
    evs = [_ev(1, "2023-05-10"), _ev(2, "2023-01-01", prec="year"),
           Ev("e3", "RUS", "PRK", "CONSULT", 0, 0, "asserted", "2023-05-01", "range", "2023-05-31", 0, 2.1,
              "verbal_cooperation", 0.9, "x"), _ev(4, "2021-01-01", prec="year")]
    clusters = cluster_events(evs)
    assert len(clusters) == 2
    assert {m.id for c in clusters for m in c.members if len(c.members) == 3} == {"e1", "e2", "e3"}


def test_clusters_filled_and_duplicates_add_no_weight(store):
    assert store.scalar("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL") == 0
    # the two visit reports of July 2023 and the host/visit readings of September 2023 are one cluster each
    assert store.scalar("SELECT COUNT(DISTINCT cluster_id) FROM events WHERE id IN ('e000', 'e001')") == 1
    assert store.scalar("SELECT COUNT(DISTINCT cluster_id) FROM events WHERE id IN ('e002', 'e003')") == 1
    # the signing reported by a near-duplicate article: one cluster, weighed once, by the original report
    c = store.rows("SELECT c.* FROM clusters c JOIN events e ON e.cluster_id = c.id WHERE e.id = 'e005'")[0]
    assert c["reports"] == 2 and c["best_event"] == "e004"
    assert c["weight"] == pytest.approx(al.event_weight(4.6, "verbal_cooperation", confidence=0.9))
    only_dup = build_store.__globals__["EVENTS"][5]
    s2 = Store.open(":memory:")
    date, typ, a, r, sent, outlet, opts = only_dup
    insert(s2, [{"id": "x1", "doc_id": "dx", "event": typ, "actor_code": a, "recipient_code": r, "date": date,
                 "sentence": sent, **opts}])
    refresh(s2)
    assert s2.scalar("SELECT weight FROM clusters") == 0
    assert s2.scalar("SELECT COUNT(*) FROM dyad_month") == 0
    s2.close()


def test_org_happenings_spread_to_members_on_that_day(store):
    # Armenia freezing its CSTO participation counts against Armenia-Russia, at the spread share
    rows = store.rows("SELECT * FROM dyad_month WHERE a = 'ARM' AND b = 'RUS' AND month = '2024-02'")
    assert rows and rows[0]["neg"] > 0 and rows[0]["pos"] == 0
    w = al.event_weight(-5.2, "material_conflict", confidence=0.9)
    members = store.scalar("SELECT COUNT(*) FROM dyads WHERE (a = 'ARM' OR b = 'ARM') AND a <> 'CSTO' AND b <> 'CSTO'")
    assert members >= 5
    share = al.ORG_SPREAD * min(1, al.ORG_SPREAD_REFERENCE / 6)  # six CSTO members in 2024, Armenia one of them
    assert rows[0]["neg"] == pytest.approx(-w * share)
    # Belarus joins the SCO in July 2024: counts with Russia (a member), not with Armenia (not a member)
    assert store.scalar("SELECT pos FROM dyad_month WHERE a = 'BLR' AND b = 'RUS' AND month = '2024-07'") > 0
    assert store.scalar("SELECT COUNT(*) FROM dyad_month WHERE a = 'ARM' AND b = 'BLR' AND month = '2024-07'") == 0


def test_incremental_refresh_equals_full_rebuild(tmp_path):
    half = len(EVENTS) // 2
    s = build_store(tmp_path / "inc.db", EVENTS[:half])
    evs = []
    docs = []
    for i, (date, typ, a, r, sentence, outlet, opts) in enumerate(EVENTS[half:], start=half):
        docs.append({"id": f"d{i:03d}", "source": outlet, "published": date, "text": sentence})
        evs.append({"id": f"e{i:03d}", "doc_id": f"d{i:03d}", "event": typ, "actor_code": a, "recipient_code": r,
                    "date": date, "sentence": sentence, "source": outlet, **opts})
    insert(s, evs, docs)
    info = refresh(s)
    assert info["mode"] == "incremental"
    inc = s.rows("SELECT * FROM dyad_month ORDER BY a, b, month")
    inc_ids = s.rows("SELECT id, cluster_id FROM events ORDER BY id")
    assert refresh(s, full=True)["mode"] == "full"
    full = s.rows("SELECT * FROM dyad_month ORDER BY a, b, month")
    assert inc_ids == s.rows("SELECT id, cluster_id FROM events ORDER BY id")
    assert len(inc) == len(full)
    for x, y in zip(inc, full, strict=True):
        assert (x["a"], x["b"], x["month"]) == (y["a"], y["b"], y["month"])
        for k in ("pos", "neg", "pos_d", "neg_d", "volume"):
            assert x[k] == pytest.approx(y[k])
    s.close()


def test_incremental_refresh_on_a_long_history_touches_only_recent_years(tmp_path):
    import random

    rng = random.Random(5)
    codes = ["RUS", "BLR", "ARM", "KAZ", "CHN", "CSTO"]
    types = ["CONSULT", "SUPPORT", "ACCUSE", "SANCTION"]

    def events(n, first_year, last_year, prefix):
        out = []
        for i in range(n):
            a, r = rng.sample(codes, 2)
            y = rng.randint(first_year, last_year)
            prec = rng.choice(["day"] * 8 + ["month", "year"])
            date = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            date = date[:8] + "01" if prec == "month" else f"{y}-01-01" if prec == "year" else date
            out.append({"id": f"{prefix}{i:05d}", "doc_id": f"{prefix}d{i}", "event": rng.choice(types),
                        "actor_code": a, "recipient_code": r, "date": date, "date_precision": prec,
                        "symmetric": rng.random() < 0.2, "dup": rng.random() < 0.1})
        # a cluster that crosses a year end, then a report near it in the new batch
        return out

    old = events(1500, 2010, 2025, "o") + [
        {"id": "edge1", "doc_id": "x", "event": "ACCUSE", "actor_code": "RUS", "recipient_code": "ARM", "date": "2021-12-30"},
        {"id": "edge2", "doc_id": "x", "event": "ACCUSE", "actor_code": "RUS", "recipient_code": "ARM", "date": "2022-01-01"}]
    new = events(200, 2023, 2025, "n") + [
        {"id": "edge3", "doc_id": "y", "event": "ACCUSE", "actor_code": "RUS", "recipient_code": "ARM", "date": "2023-01-02"}]
    s = Store.open(str(tmp_path / "long.db"))
    insert(s, old)
    refresh(s)
    before = s.rows("SELECT * FROM dyad_month WHERE month < '2021-12' ORDER BY a, b, month")
    insert(s, new)
    info = refresh(s)
    assert info["mode"] == "incremental" and info["events"] < 1000  # not the whole history
    assert s.rows("SELECT * FROM dyad_month WHERE month < '2021-12' ORDER BY a, b, month") == before
    inc = (s.rows("SELECT id, cluster_id FROM events ORDER BY id"), s.rows("SELECT * FROM clusters ORDER BY id"),
           s.rows("SELECT * FROM dyad_month ORDER BY a, b, month"), s.rows("SELECT * FROM dyads ORDER BY a, b"))
    refresh(s, full=True)
    full = (s.rows("SELECT id, cluster_id FROM events ORDER BY id"), s.rows("SELECT * FROM clusters ORDER BY id"),
            s.rows("SELECT * FROM dyad_month ORDER BY a, b, month"), s.rows("SELECT * FROM dyads ORDER BY a, b"))
    assert inc[0] == full[0] and inc[1] == full[1] and inc[3] == full[3]
    assert len(inc[2]) == len(full[2])
    for x, y in zip(inc[2], full[2], strict=True):
        assert {k: v for k, v in x.items() if not isinstance(v, float)} == {
            k: v for k, v in y.items() if not isinstance(v, float)}
        assert all(x[k] == pytest.approx(y[k]) for k in x if isinstance(x[k], float))
    s.close()


# -- rankings on the hand-made store ------------------------------------------------------------------------

def test_allies_of_russia_ranks_treaty_allies_with_deeds_above_drifting_ones(store):
    ranking = allies(store, "RUS", as_of="2025-12-31")
    codes = [r["code"] for r in ranking]
    pos = {c: codes.index(c) for c in ("PRK", "BLR", "ARM", "KAZ")}
    assert max(pos["PRK"], pos["BLR"]) < min(pos["ARM"], pos["KAZ"])
    by = {r["code"]: r for r in ranking}
    assert by["ARM"]["behaviour"] < 0 < by["KAZ"]["behaviour"]
    assert by["ARM"]["trend_12m"] < 0 and by["ARM"]["trend"] == "falling"
    assert by["UKR"]["score"] < 0 and by["USA"]["score"] < 0
    for c in ("PRK", "BLR", "ARM", "KAZ"):
        assert by[c]["evidence"], c
        assert all(e["sentence"] and e["doc_id"] for e in by[c]["evidence"])
        assert -1 <= by[c]["score"] <= 1 and 0 <= by[c]["confidence"] <= 1
    assert any(t["id"] == "rus-prk-2024" for t in by["PRK"]["formal_ties"])
    assert any(t["id"] == "CSTO" and t["state"] == "off" for t in by["ARM"]["formal_ties"])
    assert any(e["via"] == "CSTO" for e in by["ARM"]["evidence"])
    assert "CSTO" not in codes and "SCO" not in codes  # organisations are not partners unless asked


def test_scores_are_symmetric(store):
    r = {x["code"]: x for x in allies(store, "RUS", as_of="2025-12-31")}
    for other in ("PRK", "ARM", "KAZ"):
        back = {x["code"]: x for x in allies(store, other, as_of="2025-12-31")}["RUS"]
        assert back["score"] == pytest.approx(r[other]["score"])
        assert back["trend_12m"] == pytest.approx(r[other]["trend_12m"])


def test_before_the_evidence_only_formal_ties_count(store):
    early = {x["code"]: x for x in allies(store, "RUS", as_of="2021-06-30")}
    assert early["ARM"]["behaviour"] == 0
    assert early["ARM"]["score"] == pytest.approx(al.ALPHA_FORMAL * early["ARM"]["formal"], abs=1e-3)
    assert early["KAZ"]["formal"] > 0.8
    # rus-prk-2000's entry into force is not known: "signed, not in force", too weak alone to list PRK
    t = [t for t in pair_ties("RUS", "PRK", "2021-06-30") if t["id"] == "rus-prk-2000"][0]
    assert t["state"] == "signed" and t["status"] == "signed_not_in_force"
    assert "PRK" not in early


def test_dyad_timeline_shows_the_freeze(store):
    d = dyad(store, "ARM", "RUS", as_of="2025-12-31", since="2023-01-01")
    months = {t["month"]: t for t in d["timeline"]}
    assert months["2024-01"]["formal"] > months["2024-03"]["formal"]
    assert "CSTO" in months["2024-01"]["ties"] and "CSTO" not in months["2024-03"]["ties"]
    assert months["2025-12"]["score"] < months["2023-01"]["score"]
    assert d["score"] == pytest.approx(months["2025-12"]["score"])
    ranked = {r["code"]: r for r in allies(store, "RUS", as_of="2025-12-31", evidence=0)}
    assert d["trend_12m"] == pytest.approx(ranked["ARM"]["trend_12m"]) and d["trend"] == ranked["ARM"]["trend"]
    assert d["top_events"][0]["contribution"] == min(e["contribution"] for e in d["events"])  # strongest pull
    assert d["events"] and all(e["sentence"] for e in d["events"])
    assert any(t["id"] == "CSTO" for t in d["ties_history"])


def test_drift_finds_armenia_russia(store):
    rows = drift(store, since="2022-06-30", as_of="2025-12-31", limit=10)
    pairs = [(r["a"], r["b"]) for r in rows]
    assert ("ARM", "RUS") in pairs
    arm = rows[pairs.index(("ARM", "RUS"))]
    assert arm["change"] < -0.2 and arm["formal_change"] < 0 and arm["behaviour_change"] < 0
    assert arm["evidence"]


def test_blocs_put_russia_with_its_allies_and_apart_from_ukraine(store):
    b = blocs(store, as_of="2025-12-31")
    where = {m["code"]: blk["id"] for blk in b["blocs"] for m in blk["members"]}
    assert where["RUS"] == where["PRK"] == where["BLR"]
    assert where["UKR"] != where["RUS"] and where["USA"] != where["RUS"]
    assert b["modularity"] > 0
    ru = next(blk for blk in b["blocs"] if blk["id"] == where["RUS"])
    assert ru["cohesion"] > 0 and all(-1 <= m["cohesion"] <= 1 for m in ru["members"])


# -- what if -----------------------------------------------------------------------------------------------

HAND_ORGS = [{"code": "ALL", "en": "Alliance", "ar": "الحلف", "founded": "2000-01-01",
              "obligations": [{"type": "defence", "article": "Art. 5", "text": "an attack on one is an attack on all"}],
              "members": [{"code": "AAA", "joined": "2000-01-01", "left": None},
                          {"code": "BBB", "joined": "2000-01-01", "left": None},
                          {"code": "CCC", "joined": "2005-01-01", "left": None,
                           "status": [{"status": "frozen", "from": "2020-01-01", "to": None}]}],
              "certainty": "confirmed", "source": "test"}]
HAND_TREATIES = [
    {"id": "b-d", "en": "B-D pact", "ar": "م", "parties": ["BBB", "DDD"], "signed": "2001-01-01", "in_force": "2001-02-01",
     "terminated": None, "obligations": [{"type": "defence", "article": "Art. 2", "text": "assist"}],
     "certainty": "confirmed", "source": "t"},
    {"id": "d-e", "en": "D-E pact", "ar": "م", "parties": ["DDD", "EEE"], "signed": "2001-01-01", "in_force": "2001-02-01",
     "terminated": None, "obligations": [{"type": "defence", "article": "Art. 3", "text": "assist"}],
     "certainty": "uncertain", "source": "t"},
    {"id": "a-f", "en": "A-F consultation", "ar": "م", "parties": ["AAA", "FFF"], "signed": "2001-01-01",
     "in_force": "2001-02-01", "terminated": None, "obligations": [{"type": "consultation", "article": "Art. 1", "text": "consult"}],
     "certainty": "confirmed", "source": "t"},
    {"id": "a-g", "en": "A-G neutrality", "ar": "م", "parties": ["AAA", "GGG"], "signed": "2001-01-01",
     "in_force": "2001-02-01", "terminated": "2015-01-01",
     "obligations": [{"type": "neutrality", "article": "Art. 4", "text": "no help to aggressor"}],
     "certainty": "confirmed", "source": "t"},
    {"id": "e-h", "en": "E-H pact", "ar": "م", "parties": ["EEE", "HHH"], "signed": "2001-01-01", "in_force": "2001-02-01",
     "terminated": None, "obligations": [{"type": "defence", "article": "Art. 9", "text": "assist"}],
     "certainty": "confirmed", "source": "t"},
]


def test_whatif_cascade_on_a_hand_built_network():
    ties = ties_from_data(HAND_ORGS, HAND_TREATIES)
    assert not ties.problems
    w = whatif_attack(None, "AAA", as_of="2021-01-01", ties=ties, depth=3)
    assert [d["code"] for d in w["obliged_to_assist"]] == ["BBB"]  # CCC is frozen
    assert w["obliged_to_assist"][0]["obligations"][0]["article"] == "Art. 5"
    assert [d["code"] for d in w["obliged_to_consult"]] == ["FFF"]
    assert w["bound_to_neutrality"] == []  # a-g ended in 2015
    chain = {c["code"]: c for c in w["chain"]}
    assert chain["DDD"]["level"] == 2 and chain["DDD"]["path"] == ["AAA", "BBB", "DDD"]
    assert chain["EEE"]["level"] == 3 and chain["EEE"]["path"] == ["AAA", "BBB", "DDD", "EEE"]
    assert "HHH" not in chain  # beyond depth 3
    deeper = whatif_attack(None, "AAA", as_of="2021-01-01", ties=ties, depth=4)
    assert {c["code"]: c["level"] for c in deeper["chain"]}["HHH"] == 4
    early = whatif_attack(None, "AAA", as_of="2010-01-01", ties=ties)
    assert {d["code"] for d in early["obliged_to_assist"]} == {"BBB", "CCC"}
    assert [d["code"] for d in early["bound_to_neutrality"]] == ["GGG"]


def test_whatif_russia_real_ties_and_behaviour(store):
    w = whatif_attack(store, "RUS", as_of="2025-12-31")
    helpers = {d["code"] for d in w["obliged_to_assist"]}
    assert {"PRK", "BLR", "KAZ"} <= helpers
    prk = next(d for d in w["obliged_to_assist"] if d["code"] == "PRK")
    assert any(o["tie"] == "rus-prk-2024" and o["article"] == "Art. 4" for o in prk["obligations"])
    assert "ARM" in {d["code"] for d in w["obliged_but_estranged"]}  # bilateral treaty, hostile behaviour
    assert "CHN" in {d["code"] for d in w["aligned_not_obliged"]}
    assert not math.isnan(prk["score"])
