"""The wider news vocabulary of data/lexicon/triggers_more.yaml, coded by the real pipeline.

Each sentence is written for this test about a real kind of event; the assertions name the PLOVER type, the
pattern family (ids start with ``more.``) and, where the sentence makes them clear, the actor/recipient codes.
The homograph tests check that the left-out or guarded readings (اعترض "intercepted", تراجع "fell", وصل
"reached", عبر "crossed", فجر "dawn", ثمن "price", هنا "here") do not become events.
"""

from __future__ import annotations

import pytest

from marsad.events.lexicon import load_lexicon
from marsad.pipeline import Pipeline
from marsad.quality.evaluate import code_text

DATE = "2024-06-01"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events")


def code(pipe, text):
    return code_text(pipe, text, DATE)


def one(pipe, text, event, pattern=None):
    """The single event of this type in the sentence (coded by a more.* pattern when ``pattern`` is given)."""
    evs = [e for e in code(pipe, text) if e.event == event]
    assert evs, [(e.event, e.pattern) for e in code(pipe, text)]
    if pattern:
        evs = [e for e in evs if e.pattern.startswith(pattern)]
        assert evs, [(e.event, e.pattern) for e in code(pipe, text)]
    return evs[0]


def test_more_file_is_loaded():
    lex = load_lexicon()
    assert not lex.problems
    ids = {p.id.split("#")[0] for p in lex.patterns}
    assert sum(1 for i in ids if i.startswith("more.")) >= 50
    assert lex.stats()["patterns"] >= 600


@pytest.mark.parametrize(
    ("text", "event", "pattern", "actor", "recipient"),
    [
        ("اعترضت الصين على المناورات الأمريكية في بحر الصين الجنوبي.", "ACCUSE", "more.accuse.object", "CHN", "USA"),
        ("شن الرئيس التركي هجوما لاذعا على السويد.", "ACCUSE", "more.accuse.disapprove.verbal_attack", "TUR", "SWE"),
        ("ثمن وزير الخارجية المصري جهود قطر في الوساطة بين الطرفين.", "SUPPORT", "more.support.praise", "EGY", "QAT"),
        ("هنأ الرئيس الفرنسي إيمانويل ماكرون دونالد ترامب بفوزه في الانتخابات الأمريكية.", "SUPPORT",
         "more.support.praise", "FRA", "USA"),
        ("أودعت السعودية ملياري دولار في البنك المركزي اليمني.", "AID", "more.aid.finance", "SAU", "YEM"),
        ("أعفت الصين زامبيا من ديون بقيمة مليار دولار.", "AID", "more.aid.debt_relief", "CHN", "ZMB"),
        ("أرسلت تركيا فرق إنقاذ إلى سوريا بعد الزلزال.", "AID", "more.aid.relief", "TUR", "SYR"),
        ("وصل وزير الخارجية الإيراني إلى دمشق في زيارة رسمية.", "CONSULT", "more.consult.visit", "IRN", "SYR"),
        ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره التركي رجب طيب أردوغان.", "CONSULT",
         "more.consult.phone", "RUS", "TUR"),
        ("رفعت الولايات المتحدة الرسوم الجمركية على الواردات الصينية إلى 145 في المئة.", "SANCTION",
         "more.sanction.tariffs", "USA", "CHN"),
        ("قلصت روسيا عدد الدبلوماسيين الأمريكيين في موسكو.", "SANCTION", "more.sanction.discontinue", "RUS", "USA"),
        ("استنجدت الحكومة الصومالية بالاتحاد الأفريقي.", "REQUEST", "more.request.assist", "SOM", "AU"),
        ("أنذرت روسيا أوكرانيا من مغبة مهاجمة القرم.", "THREATEN", "more.threaten.warn", "RUS", "UKR"),
        ("فتحت القوات الإسرائيلية النار على متظاهرين في غزة.", "ASSAULT", "more.assault.ambush", "ISR", None),
        ("أحرق محتجون العلم الأمريكي أمام السفارة في بغداد.", "PROTEST", "more.protest.burn_symbols", None, None),
    ],
)
def test_coded_with_codes(pipe, text, event, pattern, actor, recipient):
    e = one(pipe, text, event, pattern)
    if actor:
        assert e.actor.code == actor, (e.actor.code, e.recipient.code)
    if recipient:
        assert e.recipient.code == recipient, (e.actor.code, e.recipient.code)
    assert not e.negated and e.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "event", "pattern", "actor"),
    [
        ("أغارت طائرات إسرائيلية على مواقع في جنوب لبنان.", "ASSAULT", "more.assault.raid", "ISR"),
        ("نفذت مقاتلات أمريكية غارات على مواقع للحوثيين في اليمن.", "ASSAULT", "more.assault.raid", "USA"),
        ("أطلقت كوريا الشمالية صاروخا باليستيا تجريبيا.", "MOBILIZE", "more.mobilize.weapons", "PRK"),
        ("أمهلت الجزائر 12 دبلوماسيا فرنسيا 48 ساعة لمغادرة أراضيها.", "SANCTION", "more.sanction.expel", "DZA"),
        ("أوقفت الشرطة التركية عشرات الأشخاص في إسطنبول.", "COERCE", "more.coerce.arrest", "TUR"),
        ("احتضنت الدوحة جولة مفاوضات جديدة بين حماس وإسرائيل.", "CONSULT", "more.consult.host", "QAT"),
        ("تراجعت الإدارة الأمريكية عن قرارها فرض رسوم على المكسيك.", "CONCEDE", "more.concede.backtrack", "USA"),
    ],
)
def test_coded_actor(pipe, text, event, pattern, actor):
    assert one(pipe, text, event, pattern).actor.code == actor


def test_longer_pattern_overrides_general_one(pipe):
    # شن هجوما (ASSAULT) + لاذعا is a verbal attack; أرسل + فرق (MOBILIZE) + إنقاذ is aid; أطلق صاروخا + تجريبيا a test
    assert not [e for e in code(pipe, "شن الرئيس التركي هجوما لاذعا على السويد.") if e.event == "ASSAULT"]
    assert not [e for e in code(pipe, "أرسلت تركيا فرق إنقاذ إلى سوريا بعد الزلزال.") if e.event == "MOBILIZE"]
    assert not [e for e in code(pipe, "أطلقت كوريا الشمالية صاروخا باليستيا تجريبيا.") if e.event == "ASSAULT"]


def test_negated_objection(pipe):
    e = one(pipe, "لم تعترض الهند على القرار الأمريكي.", "ACCUSE", "more.accuse.object")
    assert e.negated and e.actor.code == "IND"


@pytest.mark.parametrize(
    "text",
    [
        "اعترضت الدفاعات الجوية الإسرائيلية صاروخا أطلق من اليمن.",  # intercepted, not objected
        "تراجعت أسعار النفط عن مستوياتها القياسية.",  # fell, not backed down
        "وصل سعر الذهب إلى مستوى قياسي جديد.",  # reached, not arrived on a visit
        "عبر آلاف اللاجئين الحدود إلى الأردن.",  # crossed, not expressed
        "وقعت الانفجارات فجر الأحد في بلدة قرب الموصل.",  # dawn, not detonated
        "دفع الحزب ثمن مواقفه من الحكومة.",  # price, not valued
        "هنا في القاهرة احتفل الناس بالعيد.",  # here, not congratulated
        "أعلنت وزارة العدل عن قرار جديد.",  # justice, not reversed
        "تحل ذكرى تأسيس حركة فتح اليوم.",  # arrives, not dissolves
    ],
)
def test_homographs_not_coded_by_more(pipe, text):
    assert not [(e.event, e.pattern) for e in code(pipe, text) if e.pattern.startswith("more.")]


def test_intercept_is_not_an_objection(pipe):
    evs = code(pipe, "اعترضت الدفاعات الجوية الإسرائيلية صاروخا أطلق من اليمن.")
    assert not [e for e in evs if e.event in ("ACCUSE", "REJECT")]
