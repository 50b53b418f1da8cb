"""Rules of the fifteenth round on real news (issue #10: which events the coder finds), each on sentences written
for this test; the rules-only coder is checked so that the learned layer's threshold cannot hide a missing rule."""

from __future__ import annotations

from coder_answers import coded

# -- seizures of vehicles, workshops and cells; Maghrebi حجز ---------------------------------------------------------

def test_seizing_a_truck_bound_for_a_militia_is_coercion(rules):
    text = "وقالت السلطات المحلية في محافظة مأرب إن قوات من الجيش اليمني ضبطت شاحنة محملة بأجهزة اتصالات لاسلكية."
    assert [e[0] for e in coded(rules, text, "COERCE")] == ["COERCE"]


def test_seizing_a_bomb_workshop_is_coercion(rules):
    text = "وأعلنت الشرطة العراقية ضبط ورشة لتفخيخ السيارات جنوبي تكريت."
    assert [e[0] for e in coded(rules, text, "COERCE")] == ["COERCE"]


def test_hajz_of_weapons_is_a_seizure(rules):
    text = "وأوضح المصدر أن قوات الأمن التونسية تمكنت من حجز كميات من الأسلحة والذخيرة في جبل الشعانبي."
    assert [e[0] for e in coded(rules, text, "COERCE")] == ["COERCE"]


def test_hajz_of_a_ticket_is_a_booking(rules):
    text = "وأكد وزير السياحة المصري أنه حجز تذكرة على متن الطائرة المتجهة إلى القاهرة."
    assert coded(rules, text, "COERCE") == []


# -- blatant interference --------------------------------------------------------------------------------------------

def test_blatant_interference_accuses_the_interferer(rules):
    text = "ودان رئيس البرلمان العربي بشدة التدخل الإيراني السافر في الشؤون الداخلية لمملكة البحرين."
    assert "IRN" in [e[2] for e in coded(rules, text, "ACCUSE")]


def test_non_interference_as_a_principle_is_no_accusation(rules):
    text = "وشدد البيان الختامي على احترام مبدأ عدم التدخل في الشؤون الداخلية للدول."
    assert coded(rules, text, "ACCUSE") == []


# -- condemnation and blame in a circumstantial participle -----------------------------------------------------------

def test_condemning_participle_takes_the_main_clause_subject(rules):
    text = "وأصدرت وزارة الخارجية التركية بيانا منددة بالقصف الإسرائيلي على قطاع غزة."
    assert ("ACCUSE", "TUR", "ISR") in coded(rules, text, "ACCUSE")


def test_holding_responsible_in_a_participle(rules):
    text = "وقال وزير الخارجية اليمني إن الحكومة لم تتلق أي تطمينات، محملا ميليشيات الحوثي مسؤولية حياة الوزير."
    assert [e[0] for e in coded(rules, text, "ACCUSE")] == ["ACCUSE"]


def test_accused_people_counted_are_no_accusation(rules):
    text = "وأعلنت الشرطة ضبط 20 متهما في قضايا سرقة."
    assert coded(rules, text, "ACCUSE") == []
