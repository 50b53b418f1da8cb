"""Rules of the eleventh round on real news (issue: the coder on real news), each on sentences written for this
test."""

from __future__ import annotations

import pytest

from marsad.actors.stage import ActorStage
from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline, Segmenter
from marsad.quality.evaluate import code_text
from marsad.records import Processed
from marsad.text.tokens import Tokenizer

DATE = "2015-07-25"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events")


def coded(pipe, text, event=None, date=DATE):
    return [e for e in code_text(pipe, text, date) if event is None or e.event == event]


# -- "warned that": a concern, not a threat --------------------------------------------------------------------

def test_warning_that_a_state_of_affairs_is_bad_is_disapproval(pipe, rules):
    text = "وحذرت الصين من أن الرسوم الجمركية الأمريكية الجديدة ستضر بالتجارة العالمية."
    for p in (pipe, rules):
        evs = coded(p, text)
        assert [(e.event, e.mode, e.actor.code, e.recipient.code) for e in evs] == [("ACCUSE", "disapprove", "CHN", "USA")]


def test_a_warning_noun_with_its_clause_is_disapproval(pipe):
    evs = coded(pipe, "جدد الرئيس الفرنسي تحذيره من أن سياسات الحكومة الروسية تقوض الأمن في أوروبا.")
    assert [(e.event, e.actor.code) for e in evs] == [("ACCUSE", "FRA")]


def test_warning_of_a_response_to_any_attack_stays_a_threat(pipe, rules):
    text = "وحذر الرئيس الإيراني من أن أي هجوم أمريكي على المنشآت النووية سيقابل برد حاسم."
    for p in (pipe, rules):
        assert [e.event for e in coded(p, text)] == ["THREATEN"]


def test_warning_a_party_against_an_act_stays_a_threat(rules):
    evs = coded(rules, "حذرت إيران الولايات المتحدة من أي اعتداء على أراضيها.")
    assert [(e.event, e.actor.code, e.recipient.code) for e in evs] == [("THREATEN", "IRN", "USA")]


def test_warning_that_the_warners_own_state_will_act_is_a_threat(rules):
    for text in ("وحذر الرئيس الإيراني من أن بلاده سترد على أي اعتداء أمريكي.",
                 "حذر الرئيس الروسي من أن روسيا قد تستخدم أسلحة جديدة إذا هاجمت أوكرانيا جسر القرم."):
        evs = [e for e in coded(rules, text) if e.modality == "asserted"]
        assert [(e.event, e.recipient.code) for e in evs] == [("THREATEN", evs[0].recipient.code)]
        assert evs[0].recipient.code in ("USA", "UKR")


# -- vocabulary: sanctions past a long subject, greetings carried, airspace, an advance made ----------------------

def test_sanctions_imposed_with_the_subject_and_a_date_between(rules):
    evs = coded(rules, "فرضت وزارة الخزانة الأمريكية يوم الثلاثاء عقوبات على شركات إيرانية.", "SANCTION")
    assert [(e.actor.code, e.recipient.code) for e in evs] == [("USA", "IRN")]


def test_greetings_carried_to_another_leader_tell_an_audience(rules):
    evs = coded(rules, "ونقلت وزيرة الخارجية الإندونيسية للملك سلمان تحيات الرئيس الإندونيسي.", "CONSULT")
    assert [(e.actor.code, e.recipient.code) for e in evs] == [("IDN", "SAU")]


def test_greetings_to_ones_own_troops_are_no_meeting_between_parties(rules):
    assert coded(rules, "ونقل ولي العهد تحيات خادم الحرمين الشريفين للقوات المسلحة في المنطقة الجنوبية.", "CONSULT") == []


def test_military_aircraft_in_another_states_airspace(rules):
    for text in ("وأفاد بيان للجيش اللبناني بأن طائرة استطلاع تابعة للجيش الإسرائيلي انتهكت الأجواء اللبنانية.",
                 "عاد طيران الاستطلاع الإسرائيلي إلى انتهاك سيادة الأجواء اللبنانية."):
        evs = coded(rules, text, "MOBILIZE")
        assert [(e.actor.code, e.recipient.code) for e in evs] == [("ISR", "LBN")]


def test_a_meteor_crossing_the_sky_is_no_mobilisation(rules):
    assert coded(rules, "وشوهد الجسم المضيء الذي اخترق أجواء السعودية فوق مدينة رابغ.") == []


def test_an_advance_made_against_a_party_far_from_the_noun(rules):
    evs = coded(rules, "أحرزت القوات العراقية تقدما في محافظة الأنبار، غربي البلاد، على حساب تنظيم داعش.", "ASSAULT")
    assert [(e.actor.code, e.mode) for e in evs] == [("IRQ", "occupy")]


def test_a_request_at_state_expense_is_no_advance(rules):
    assert coded(rules, "تقدم المواطن بطلب لعلاج ابنه في ألمانيا على حساب الدولة.", "ASSAULT") == []


# -- courts: legal action against people is COERCE (CAMEO 173; the annotation guide) ------------------------------

def test_a_court_sentence_is_coercion(rules):
    evs = coded(rules, "وقضت محكمة مصرية بالسجن المؤبد على 12 من أعضاء جماعة الإخوان المسلمين.")
    assert [(e.event, e.mode, e.actor.code, e.actor.agent) for e in evs] == [("COERCE", "convict", "EGY", "JUD")]


def test_the_genitive_of_a_trial_is_the_accused_not_the_actor(rules):
    evs = coded(rules, "وبدأت في القاهرة محاكمة الرئيس المصري الأسبق محمد مرسي.", "COERCE")
    assert [(e.mode, e.recipient.code, e.recipient.agent) for e in evs] == [("convict", "EGY", "GOV")]
    assert evs[0].actor.code != "EGY" or evs[0].actor.agent != "GOV"


def test_a_governor_is_no_trial(rules):
    assert coded(rules, "وقال حاكم ولاية تكساس إن الولاية ستساعد المتضررين.") == []


# -- an obligation laid on a party is a demand; a dean of diplomats condemns -----------------------------------------

def test_a_duty_laid_on_a_state_is_a_demand_by_the_speaker(rules):
    evs = coded(rules, "قال وزير الخارجية السعودي اليوم إن على إيران أن تستخدم الاتفاق النووي لتحسين اقتصادها.", "REQUEST")
    assert [(e.actor.code, e.recipient.code) for e in evs] == [("SAU", "IRN")]


def test_stressing_that_is_no_duty(rules):
    for text in ("وأكد الوزير الروسي على أن العلاقات مع مصر متينة.",
                 "وشدد الرئيس الأمريكي على أهمية أن تلتزم الأطراف بالهدنة في سوريا."):
        assert coded(rules, text, "REQUEST") == []


def test_dan_before_a_dean_of_diplomats_is_condemned(rules):
    evs = coded(rules, "دان عميد السلك الدبلوماسي في الرياض التفجير الإرهابي الذي استهدف مسجدا في منطقة عسير.", "ACCUSE")
    assert len(evs) == 1


def test_theft_is_no_raqqa(rules):
    # سرقة "theft" read as the future س + رقة (Raqqa) made a Syrian place of a Saudi police report
    evs = coded(rules, "وتمكنت دوريات الأمن من القبض على ثلاثة أشخاص متورطين في سرقة المحلات التجارية.")
    assert all("SYR" not in (e.actor.code, e.recipient.code) for e in evs)


def test_began_is_no_preposition_before_a_name_piece():
    # بدأ "began" had been read as ب + دا (a piece of a foreign name), so the light verb was lost
    seg = Segmenter(Tokenizer(ActorStage().protected_words()))
    toks = seg(Processed(make_document("بدأ الجيش هجوما ووصل شي جين بينغ إلى موسكو وفي الطريق", "t", published="2015-07-25"))).tokens[0]
    read = {t.text: (t.prefix, t.base) for t in toks}
    assert read["بدأ"] == ("", "بدا")
    assert read["وفي"] == ("و", "في")


def test_an_indefinite_person_after_a_killing_verb_is_its_victim(rules):
    evs = coded(rules, "قتل دبلوماسي سعودي في هجوم للحوثيين في عدن.", "ASSAULT")
    assert evs and all(e.actor.code != "SAU" for e in evs)
    assert any(e.recipient.code == "SAU" for e in evs)


def test_soldiers_killing_a_boy_stay_the_actors(rules):
    evs = coded(rules, "قتل جنود إسرائيليون صبيا فلسطينيا في الخليل.", "ASSAULT")
    assert [(e.actor.code, e.recipient.code) for e in evs] == [("ISR", "PSE")]


def test_border_guards_foiling_an_infiltration_arrest(rules):
    evs = coded(rules, "وأحبطت قوات الأمن المصرية في مرسى مطروح محاولة تسلل 105 أشخاص إلى ليبيا عبر الدروب الصحراوية.",
                "COERCE")
    assert [e.actor.code for e in evs] == ["EGY"]


def test_about_thirty_jets_and_the_owner_of_positions_struck(rules):
    evs = coded(rules, "شنت نحو ثلاثين مقاتلة تركية اليوم سلسلة جديدة من الغارات على مواقع لمتمردي حزب العمال "
                       "الكردستاني في شمال العراق.", "ASSAULT")
    assert [(e.actor.code, e.recipient.code) for e in evs] == [("TUR", "PKK")]


def test_summoning_an_envoy_past_a_long_subject_and_date(rules):
    evs = coded(rules, "استدعت وزارة خارجية مملكة البحرين مساء امس القائم بأعمال السفارة الإيرانية في المنامة.", "ACCUSE")
    assert [e.actor.code for e in evs] == ["BHR"]


def test_rejecting_another_states_interference_is_disapproval(rules):
    evs = coded(rules, "أكدت الخارجية المصرية مجددا رفض مصر الكامل للتدخل الإيراني في الشؤون الداخلية للدول العربية.")
    assert [(e.event, e.actor.code, e.recipient.code) for e in evs] == [("ACCUSE", "EGY", "IRN")]
    assert [e.event for e in coded(rules, "ورفضت روسيا المقترح الأمريكي بشأن سوريا.")] == ["REJECT"]


def test_forces_loyal_to_an_armed_group_are_its_own(rules):
    evs = coded(rules, "وهاجمت القوات الموالية للحوثيين مواقع الجيش في تعز.", "ASSAULT")
    assert [e.actor.code for e in evs] == ["HOU"]


def test_a_duty_written_by_an_analyst_is_no_demand(rules):
    assert coded(rules, "لذا على إيران أن تجد محورين لبعدها الاستراتيجي في المنطقة.", "REQUEST") == []


def test_reinforcements_struck_are_no_aid(rules):
    assert coded(rules, "كما قصفت المقاتلات تعزيزات عسكرية للحوثيين في منطقة كرش القريبة من محافظة تعز.", "AID") == []
    assert [e.event for e in coded(rules, "قصفت الطائرات تعزيزات للحوثيين قرب تعز.")] == ["ASSAULT"]
    # reinforcements sent are still a deployment
    evs = coded(rules, "وأرسلت السعودية تعزيزات عسكرية إلى الحدود مع اليمن.", "MOBILIZE")
    assert [e.actor.code for e in evs] == ["SAU"]
