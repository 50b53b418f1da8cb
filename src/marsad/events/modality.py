"""Modality of a coded act: negation and denial cues before the trigger, future, hypothetical and historical
readings (data/lexicon/modality.yaml). The coder asks these functions; each reads only the sentence's tokens."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Token
from ..text.normalize import normalize
from .arguments import BOUNDARY, in_set
from .clauses import RELATIVES
from .lexicon import TriggerMatch, load_modality, load_modality_roles


@dataclass(slots=True)
class Cues:
    """Modality cue lists from data/lexicon/modality.yaml, split into single words and multi-word phrases."""

    negation: frozenset[str]
    negation_exceptions: tuple[tuple[str, ...], ...]
    suppress: frozenset[str]  # denial and refusal: the embedded act did not happen
    future: frozenset[str]
    future_phrases: tuple[tuple[str, ...], ...]
    hypothetical: frozenset[str]
    hypothetical_phrases: tuple[tuple[str, ...], ...]
    historical: tuple[tuple[str, ...], ...]
    reporting: dict[str, str]  # word -> role
    reporting_phrases: tuple[tuple[tuple[str, ...], str], ...]
    future_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word -> phrases
    historical_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    hypothetical_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for ph in self.hypothetical_phrases:
            self.hypothetical_first.setdefault(ph[0], []).append(ph)
        for ph in self.future_phrases:
            self.future_first.setdefault(ph[0], []).append(ph)
        for ph in self.historical:
            self.historical_first.setdefault(ph[0], []).append(ph)

    @classmethod
    def load(cls) -> Cues:
        m = load_modality()
        roles = load_modality_roles()

        def words(key: str) -> frozenset[str]:
            return frozenset(normalize(x) for x in m.get(key, []) if len(x.split()) == 1)

        def phrases(key: str) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(normalize(x).split()) for x in m.get(key, []) if len(x.split()) > 1)

        # إن is mostly "that"; قد with a past verb means "already"; غير/ما are too ambiguous as negation
        hyp = words("hypothetical") - {"ان", "قد"}
        rep_words = {normalize(c): r for c, r in roles.items() if len(c.split()) == 1}
        rep_phrases = tuple((tuple(normalize(c).split()), r) for c, r in roles.items() if len(c.split()) > 1)
        return cls(words("negation") - {"غير", "ما"}, phrases("negation_exceptions"),
                   words("denial") | words("refusal"), words("future"), phrases("future"), hyp,
                   phrases("hypothetical"), phrases("historical"), rep_words, rep_phrases)

ORDERS = frozenset({"وجه", "وجهت", "يوجه", "توجه", "توجيه", "توجيها", "توجيهات", "توجيهاته", "امر", "امرت", "يامر",
                    "تامر", "اوامر", "اوعز", "اوعزت"})  # ordered (+ بـ act)


DEMANDS = frozenset({"طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "يطالبون", "مطالبا", "مطالبين", "دعا", "دعت",
                     "دعوا", "يدعو", "تدعو", "يدعون", "داعيا", "داعيه", "حث", "حثت", "يحث", "تحث", "ناشد",
                     "ناشدت", "يناشد", "تناشد"})  # called for (+ بـ act, إلى act)


def prefix_b(t: Token) -> bool:
    return t.prefix.lstrip("وف").startswith("ب")


ANNIVERSARY = frozenset({"ذكري", "الذكري", "لذكري", "بذكري", "للذكري", "بالذكري"})

# past verbs that begin like an imperfect: "قد تم"، "قد تمكنت" are done
PAST_WITH_T = frozenset({"تم", "تمت", "تما", "تمكن", "تمكنت", "تمكنوا", "تعرض", "تعرضت", "تعرضوا", "تلقى", "تلقت"})

def negated(cues: Cues, norms: list[str], tf: list[set[str]], head: int) -> bool:
    count = 0
    for k in range(head - 1, max(-1, head - 9), -1):  # "لم يشارك رئيس الوزراء … في القمة": the cue scopes the clause
        if norms[k] in BOUNDARY:
            break
        if tf[k] & cues.negation or norms[k] in cues.negation:
            if any(tuple(norms[k:k + len(ph)]) == ph for ph in cues.negation_exceptions):
                continue  # لا يزال "still", لا سيما "especially"
            count += 1
    return count % 2 == 1  # "لا تمتنع عن" (does not refrain from) is not a negation

def denied(cues: Cues, norms: list[str], tf: list[set[str]], head: int, claimed: frozenset[int] = frozenset()) -> bool:
    for k in range(head - 1, max(-1, head - 8), -1):
        if norms[k] in BOUNDARY:
            break
        if tf[k] & cues.suppress and k not in claimed:
            return True
    return False

def modality(cues: Cues, tokens: list[Token], norms: list[str], tf: list[set[str]], head: int, m: TriggerMatch,
             question: bool, cf: list[frozenset[str]]) -> str:
    c = cues
    t = tokens[head]
    if future_verb(t) or (m.pattern.event == "AGREE" and m.pattern.mode in ("promise", "offer", "intend")):
        return "future"  # a promise or offer is about an act still to come
    if head > 0 and norms[head - 1] in ("اي", "ايه"):
        return "hypothetical"  # "أي دعم من بوتين", "أي عدوان": any such act, not one that happened
    for k in range(head - 1, max(-1, head - 4), -1):  # قد + imperfect = "may"; قد + past = "already"
        if norms[k] in BOUNDARY:
            break
        v = tokens[k + 1]  # the verb after قد, not the trigger: "وقد تم تنفيذ الحكم" is done
        if norms[k] in ("قد", "فقد", "وقد") and v.base[:1] in ("ي", "ت", "ن") and v.norm not in PAST_WITH_T:
            return "hypothetical"
    if prefix_b(t) and any(in_set(norms[k], ORDERS) for k in range(max(0, head - 5), head)):
        return "future"  # "وجه وزير الداخلية بالقبض على"، "أمر بإغلاق": an act ordered is still to be done
    if (prefix_b(t) or (head > 0 and norms[head - 1] == "الي")) and "ال" not in t.prefix \
            and any(in_set(norms[k], DEMANDS) for k in range(max(0, head - 4), head)):
        return "future"  # "طالب بفرض عقوبات"، "دعا إلى قطع العلاقات": an act called for is not done
    if head > 0 and norms[head - 1] == "الي" and "ال" in t.prefix and any(
            in_set(norms[k], DEMANDS) for k in range(max(0, head - 7), head - 1)) \
            and not any(norms[k] in BOUNDARY for k in range(max(0, head - 7), head)):
        return "future"  # "دعا الرئيس الشعب الإيراني إلى التظاهر": past whom it calls on
    if anniversary(norms, head) is not None:
        return "historical"  # "الذكرى السبعين لإسقاط القنبلة على هيروشيما": an anniversary recalls a past act
    for k in range(head - 1, max(-1, head - 8), -1):
        if norms[k] in BOUNDARY:
            break
        if cf[k] & c.hypothetical or any(tuple(norms[k:k + len(ph)]) == ph and k + len(ph) <= head
                                         for ph in c.hypothetical_first.get(norms[k], ())):
            return "hypothetical"  # "في حالة تعرض أي منهما لهجوم"
    for k in range(head - 1, max(-1, head - 6), -1):
        if norms[k] in BOUNDARY or norms[k] in RELATIVES:
            break  # "مدينة سيلوبي، التي تشهد اشتباكات": a relative clause is not in the scope of what precedes it
        if cf[k] & c.future or future_verb(tokens[k]):  # سوف، يعتزم … or ستجري before a masdar trigger
            return "future"
    # "من المقرر أن يشارك توكاييف … في الجلسة الموسعة لقمة بريكس": the phrase scopes its whole clause
    start = head
    while start > 0 and head - start < 14 and norms[start - 1] not in BOUNDARY:
        start -= 1
    for i in range(start, head):  # readings: "ومن المقرر" = و + "من المقرر"
        for f in tf[i] & c.future_first.keys():
            for ph in c.future_first[f]:
                if i + len(ph) <= head and all(ph[j] in tf[i + j] or ph[j] == norms[i + j] for j in range(len(ph))):
                    return "future"
    if question:
        return "hypothetical"
    lo, hi = max(0, head - 8), min(len(norms), head + 8)
    for k in range(lo, hi):
        for ph in c.historical_first.get(norms[k], ()):
            if k + len(ph) <= hi and tuple(norms[k:k + len(ph)]) == ph and \
                    (k == 0 or norms[k - 1] not in ("منذ", "بعد", "مثل")):
                return "historical"  # "في الحرب الباردة"; but "منذ الحرب الكورية" only dates a comparison
    return "asserted"


def anniversary(norms: list[str], head: int) -> int | None:
    """The token of ذكرى "anniversary" just before a trigger (ذكرى مجزرة، الذكرى السبعين لإسقاط), if any."""
    return next((k for k in range(head - 1, max(-1, head - 5), -1) if in_set(norms[k], ANNIVERSARY)), None)


def future_verb(t: Token) -> bool:
    """س + imperfect verb (سيوقع، ستجري، وسنعمل): the tokenizer splits off س only before one."""
    return t.prefix in ("س", "وس", "فس") and not t.norm.lstrip("وف").startswith("سيطر")  # سيطرت is no س + verb


def cue_forms(t: Token, readings: frozenset[str]) -> frozenset[str]:
    """Forms a modality cue is matched against: the word as split by the tokenizer, and a conjunction off a
    function word (ولن = و + لن); not every reading (سلم is not س + لم, شرطة is not شرط + ه)."""
    return frozenset(f for f in readings if f in (t.norm, t.base) or (t.norm[:1] in ("و", "ف") and f == t.norm[1:]))
