"""Rules of the fourteenth round on real news (issue #10: which events the coder finds), each on sentences written
for this test; the rules-only coder is checked so that the learned layer's threshold cannot hide a missing rule."""

from __future__ import annotations

from coder_answers import coded

# -- praise in a circumstantial participle -------------------------------------------------------------------------

def test_praise_participle_takes_the_main_clause_subject(rules):
    text = "وعبر الرئيس اليمني عن سعادته بالانتصارات في عدن، مشيدا بالدور الذي تقوم به المملكة العربية السعودية."
    assert coded(rules, text, "SUPPORT") == [("SUPPORT", "YEM", "SAU")]


def test_praise_participle_with_no_party_praised_is_no_event(rules):
    text = "وقال المدرب في المؤتمر الصحفي مشيدا بأداء اللاعبين في المباراة الأخيرة."
    assert coded(rules, text, "SUPPORT") == []


# -- standing by someone with its parts named between --------------------------------------------------------------

def test_standing_by_with_a_long_subject_before_ila_janib(rules):
    text = "وأكدت الحكومة في بيان وقوف اليمن قيادة وحكومة وشعبا إلى جانب المملكة العربية السعودية."
    assert [e[0] for e in coded(rules, text, "SUPPORT")] == ["SUPPORT"]
    assert coded(rules, text, "SUPPORT")[0][2] == "SAU"


# -- implication in an act -----------------------------------------------------------------------------------------

def test_implication_of_a_state_is_an_accusation(rules):
    text = "وقال الوزير إن الأدلة تثبت تورط إيران في تهريب الأسلحة إلى البحرين."
    assert [(e[0], e[2]) for e in coded(rules, text, "ACCUSE")] == [("ACCUSE", "IRN")]


def test_implication_denied_is_a_rejection_not_an_accusation(rules):
    text = "ونفت الحكومة الإيرانية تورطها في الهجوم على السفارة."
    assert coded(rules, text, "ACCUSE") == []


def test_implication_of_no_coded_party_is_no_event(rules):
    text = "وكشفت التحقيقات تورط موظفين في قضايا فساد مالي في البلدية."
    assert coded(rules, text, "ACCUSE") == []


# -- heading for a state ---------------------------------------------------------------------------------------------

def test_travel_participle_shares_the_main_subject(rules):
    text = "وغادر وزير الدفاع الأمريكي الأردن اليوم متوجها إلى السعودية."
    assert coded(rules, text, "CONSULT") == [("CONSULT", "USA", "SAU")]


def test_pilgrims_heading_to_mecca_are_no_visit(rules):
    text = "وانطلقت قوافل الحجاج من المدينة المنورة متوجهين إلى مكة المكرمة."
    assert coded(rules, text, "CONSULT") == []


# -- an attack noun with no party stays a reference back (a toll rule was tried and left out: corpus sample 3 of 10)

def test_attack_noun_without_toll_or_party_stays_a_reference(rules):
    text = "وقال إن الهجوم لن يغير شيئا من موقف الحكومة."
    assert coded(rules, text, "ASSAULT") == []


def test_a_disasters_death_toll_is_no_attack(rules):
    text = "وتعد الحادثة أسوأ كارثة منذ سنوات، عند مقتل 22 شخصا بعد انقلاب عبارتهم في النيل."
    assert coded(rules, text, "ASSAULT") == []
