"""Word sense at a trigger: readings of a matched word that are no act of its entry (the given name Dan for دان
"condemned", a show hosted, a unit named by a support word). The coder asks ``other_sense`` before it chooses any
argument; each reading is general Arabic with its own test in tests/test_coder_fronts.py."""

from __future__ import annotations

from ..records import Mention, Token
from .arguments import HONORIFICS, TITLES
from .lexicon import TriggerMatch

UNITS = frozenset({"دوريه", "دوريات", "قوات", "قوه", "فرق", "فرقه", "وحدات", "وحده", "طايرات", "عناصر", "كتيبه",
                   "لواء", "سريه", "الويه", "كتايب"})  # units a support noun can qualify
SUPPORT_NOUNS = frozenset({"مسانده", "دعم", "اسناد", "موازره"})
# what a host verb may take in that is no guest: shows and games, and places that receive people
SHOWS = frozenset({"معرض", "معرضا", "مهرجان", "مهرجانا", "حفل", "حفلا", "بطوله", "مباراه", "مباريات", "فعاليات",
                   "فعاليه", "دوري", "سباق", "مسابقه", "معارض", "مهرجانات", "عروض", "عرض"})
SUPPLY = frozenset({"امداد", "الامداد", "امدادات", "الامدادات"})  # supply lines: cut by forces, not by protesters
# means of war after a backing word: the backing is military aid (news.aid.combat_backing), not a political SUPPORT
WAR_MEANS = frozenset({"غارات", "ضربات", "طايرات", "طيران", "مقاتلات", "مروحيات", "قصف", "قوات", "غطاء"})
# guests who come to wish well, console or ask for a service are no party met (استقبل الوكيل المهنئين بالعيد)
CALLERS = frozenset({"مهنيين", "معزين", "مراجعين", "معايدين", "مهنيون", "معزون", "مراجعون"})
# استهدف "aimed at": a programme or a body of services aims at people or at a goal, it strikes nobody
AIM_VERBS = frozenset({"استهدف", "استهدفت", "يستهدف", "تستهدف", "يستهدفون", "تستهدفان", "يستهدفان"})
PROGRAMMES = frozenset({"برنامج", "برامج", "خطه", "مشروع", "مبادره", "دوره", "دورات", "غرفه", "مسابقه",
                        "فعاليات", "فعاليه", "ورشه", "جايزه", "استراتيجيه", "رويه", "ميزانيه", "صندوق", "شركه",
                        "مهرجان", "معرض", "مركز", "جمعيه", "هيئه", "وزاره", "امانه", "بلديه"})
GOALS = frozenset({"زياده", "رفع", "تحقيق", "خفض", "تطوير", "توفير", "تعزيز", "استقطاب", "تدريب", "تاهيل", "توعيه",
                   "جذب", "تخريج", "توظيف", "انشاء", "بناء", "نمو", "الوصول", "وصول", "تشجيع"})
STUDENTS = frozenset({"طالب", "طالبه", "طالبات", "طالبان"})
HOST_PLACES = frozenset({"مقبره", "مستشفي", "مستشفيات", "مطار", "ملعب", "فندق", "فنادق", "مخيم", "مخيمات", "مركز"})
CONDEMNERS = frozenset({"مجلس", "عضو", "اعضاء", "عدد", "وجهاء", "اتحاد", "مركز", "رييس", "وزير", "امين", "حزب",
                        "هيئه", "جمعيه", "منظمه", "نواب", "علماء", "عميد", "سفير", "سفراء", "مندوب", "ممثل", "نايب",
                        "محافظ", "روساء", "وزراء", "قاده", "زعيم", "زعماء"})  # bodies and people who condemn


def condemner_next(tokens: list[Token], head: int, mentions: list[Mention]) -> bool:
    """After دان "condemned": a definite word, a title or honorific, a body, or a party's name."""
    if head + 1 >= len(tokens):
        return False
    t = tokens[head + 1]
    return "ال" in t.prefix or t.base in TITLES or t.norm in HONORIFICS or t.base in CONDEMNERS \
        or any(x.tok_start == head + 1 and x.code for x in mentions)


def hosts_no_one(tokens: list[Token], head: int) -> bool:
    """A host verb whose guest is a show (معرضا، مهرجان؛ or a pronoun standing for one just before) or whose
    subject is a place that takes people in (مقبرة، مستشفى، مطار)."""
    after = tokens[head + 1:head + 3]
    if any(t.base in SHOWS or t.norm in SHOWS for t in after) or (after and after[0].base in HOST_PLACES):
        return True
    if any(t.base in CALLERS for t in tokens[head + 1:head + 9]):
        return True
    pronoun = tokens[head].norm.endswith(("ه", "ها", "هم"))
    return pronoun and any(t.base in SHOWS or t.norm in SHOWS for t in tokens[max(0, head - 5):head])


def other_sense(m: TriggerMatch, tokens: list[Token], mentions: list[Mention]) -> str | None:
    """Why the word at the match is no act of its entry here, or None."""
    head = m.tokens[0]
    if tokens[head].norm in ("دان", "ودان") and not condemner_next(tokens, head, mentions):
        return "name"  # "دان لويد المتحدث": the given name Dan, not "condemned"
    if m.pattern.event == "REQUEST" and "ال" in tokens[head].prefix and tokens[head].base in STUDENTS:
        return "student"  # "الطالب"، "للطالبة": the student, not طالب "demanded" (a verb takes no article)
    if m.pattern.id.startswith("consult.host") and hosts_no_one(tokens, head):
        return "no guest"  # "معرض تستضيفه الأمانة"، "الشهداء الذين استقبلتهم مقبرة الشرف"
    if m.pattern.event == "SUPPORT" and len(m.tokens) == 1 and head > 0 and not tokens[head].prefix \
            and tokens[head - 1].norm in UNITS and tokens[head].norm in SUPPORT_NOUNS:
        return "unit"  # "دورية مساندة"، "قوات الدعم": a unit's name or adjective, not backing given
    if m.pattern.event == "SUPPORT" and any(t.base in WAR_MEANS or t.norm in WAR_MEANS
                                            for t in tokens[m.tokens[-1] + 1:m.tokens[-1] + 4]) \
            and tokens[head].base in ("دعم", "مدعوم", "مدعومه", "اسناد", "مسانده"):
        return "military backing"  # "بدعم من طائرات التحالف": aid with means of war (AID), not endorsement
    if m.pattern.event == "ASSAULT" and len(m.tokens) == 1 and tokens[head].base in AIM_VERBS and (
            any(t.base in PROGRAMMES for t in tokens[max(0, head - 3):head + 3] if "ال" in t.prefix or t is tokens[head - 1])
            or any(t.base in GOALS and not t.prefix for t in tokens[head + 1:head + 5])):
        return "aim"  # "تستهدف الغرفة التجارية شباب المنطقة"، "يستهدف البرنامج تدريب ألف شاب": aims, strikes nobody
    if m.pattern.event == "MOBILIZE" and tokens[head].base in ("استعراض", "عرض") and head > 0 and (
            tokens[head - 1].norm in ("خلال", "اثناء", "لحضور", "حضور", "بحضور") or tokens[head].prefix[:1] in ("ب", "ل")):
        return "setting"  # "تحطم مروحية خلال استعراض جوي عسكري"، "لحضور عرض عسكري": the parade is the scene
    if m.pattern.event == "PROTEST" and any(t.norm in SUPPLY for t in tokens[m.tokens[-1] + 1:m.tokens[-1] + 3]):
        return "supply line"  # "قطعت القوات طرق الإمداد": a blockade by armed forces (COERCE), not a road block
    return None
