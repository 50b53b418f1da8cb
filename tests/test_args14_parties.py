"""Parties of real-news events (issue 10, session 14), each rule on sentences written for this test."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.quality.evaluate import code_text

DATE = "2015-08-20"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events")


def attacks(pipe, text):
    return [(e.event_text, e.recipient.code, e.recipient.inferred) for e in code_text(pipe, text, DATE)
            if e.event == "ASSAULT"]


# -- a victim pronoun refers back to the force named before it ------------------------------------------------

def test_victim_pronoun_takes_the_force_of_the_sentence_before(pipe, rules):
    text = ("نعت القيادة العامة للقوات المسلحة البحرينية أمس اثنين من جنود القوة البحرينية المشاركة في عمليات "
            "التحالف في اليمن. وأعلنت قيادة التحالف في بيان لها أمس استشهادهم أثناء أداء الواجب في اليمن.")
    for p in (pipe, rules):
        assert ("استشهادهم", "BHR", "antecedent") in attacks(p, text)


def test_victim_pronoun_takes_the_force_earlier_in_its_sentence(pipe, rules):
    text = ("وقالت القوات المسلحة الكويتية في بيان إن جنديين من وحداتها سقطا خلال مهمة حدودية، من دون أن تحدد "
            "مكان مقتلهما في العراق.")
    for p in (pipe, rules):
        assert ("مقتلهما", "KWT", "antecedent") in attacks(p, text)


def test_victim_pronoun_without_a_force_before_keeps_the_place(pipe, rules):
    # no force is named before the pronoun: the place's state stays the rules' guess
    text = "وأعلنت قيادة التحالف في اليمن أمس استشهادهم أثناء أداء الواجب."
    for p in (pipe, rules):
        assert attacks(p, text) == [("استشهادهم", "YEM", "place")]


def test_written_victims_are_not_replaced_by_an_earlier_force(pipe, rules):
    # the victims are written (civilians of the place): no pronoun, nothing to refer back to
    text = ("وصلت القوات المسلحة الأردنية إلى المنطقة أمس. وأعلنت السلطات العراقية مقتل ثلاثة مدنيين في قصف على "
            "مدينة الرمادي.")
    for p in (pipe, rules):
        assert attacks(p, text) == [("مقتل", "IRQ", "place")]


# -- border crossers are of no state the text gives -------------------------------------------------------------

def arrests(pipe, text):
    return [(e.actor.code, e.recipient.code, e.recipient.inferred) for e in code_text(pipe, text, DATE)
            if e.event == "COERCE"]


def test_foiled_crossing_has_no_recipient_state(pipe, rules):
    # neither the catcher's state nor the land they were heading for
    text = "أحبطت قوات حرس الحدود الجزائرية محاولة تسلل 25 شخصا إلى الأراضي التونسية عبر الشريط الحدودي."
    for p in (pipe, rules):
        assert arrests(p, text) == [("DZA", None, "crossing")]


def test_irregular_migrants_arrested_have_no_recipient_state(pipe, rules):
    text = "واعتقلت الشرطة الإيطالية أمس 40 مهاجرا غير شرعي بعد وصولهم إلى جزيرة صقلية."
    for p in (pipe, rules):
        assert arrests(p, text) == [("ITA", None, "crossing")]


def test_arrest_of_suspects_keeps_the_actors_state(pipe, rules):
    # no crossing: people a state's police arrest are its own (the policy's recipient_from_actor)
    text = "اعتقلت الشرطة المغربية خمسة أشخاص يشتبه بانتمائهم إلى خلية إرهابية في مدينة فاس."
    for p in (pipe, rules):
        assert arrests(p, text) == [("MAR", "MAR", "actor")]
