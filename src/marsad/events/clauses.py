"""Clause and voice structure the coder consults for arguments of violent and coercive acts.

Arabic news leaves short vowels out, so قتل is both "killed" and "was killed". The reading is decided from
context, in this order: written diacritics (قُتل), forms that are passive by their shape (اغتيل، أصيب), and what
follows the verb: a count or a victim noun (قتل خمسة أشخاص، قتل مواطن) is the patient of a passive, an attacker
noun (قتل مسلحون …) the subject of an active. Victim-subject verbs (تعرض لـ، نجا من) make their subject the
target of the act they govern. The agent of a passive or of a victim construction is marked by a phrase: برصاص،
بنيران، على يد، من قبل، بواسطة، or a relative clause whose verb carries it (في هجوم شنه مسلحون).
"""

from __future__ import annotations

from ..records import Mention, Token

DAMMA = "\u064f"
AMBIGUOUS_PAST = frozenset({  # past forms read active or passive: passive only with the context below
    "جرح", "جرحت", "اختطف", "اختطفت", "اعتقل", "اعتقلت", "قتل", "قتلت", "قتلا", "اعدم", "اعدمت", "اسر", "اسرت",
    "احتجز", "احتجزت", "استهدف", "استهدفت", "خطف", "خطفت", "ذبح", "ذبحت", "نحر", "طعن", "طعنت", "ضبط", "ضبطت",
    "اوقف", "اوقفت", "سجن", "سجنت", "رحل", "رحلت", "ابعد", "ابعدت",
})
SHAPE_PASSIVE = frozenset({"اغتيل", "اغتيلت", "اغتيلوا", "اصيب", "اصيبت", "اصيبا", "اصيبوا",
                           # verbs and nouns of dying: the one named dies, the killer comes in برصاص، على يد …
                           "استشهد", "استشهدت", "استشهدوا", "استشهدا", "مقتل", "مصرع", "استشهاد"})
# plural past forms are passive in the same contexts: "مقاتلو الجماعة الذين قتلوا في المعارك"
AMBIGUOUS_PLURAL = frozenset({"قتلوا", "اعتقلوا", "اختطفوا", "خطفوا", "جرحوا", "اعدموا", "اسروا", "احتجزوا",
                              "ذبحوا", "طعنوا", "اعدما", "اعتقلا", "اختطفا", "جرحا", "اسرا"})
# what follows a transitive verb that has no object: a preposition (also with a pronoun), a time word or a stop
NO_OBJECT = frozenset({"في", "فيه", "فيها", "فيهم", "خلال", "خلاله", "خلالها", "جراء", "اثر", "بعد", "قبل", "امس",
                       "اليوم", "علي", "برصاص", "بنيران", "بقصف", "بانفجار", "ب", "عندما", "حين", "اثناء", "فيما", "لاحقا", "لدي",
                       "داخل", "قرب", ".", ",", "،", ":", "؛",
                       # how someone was killed: "قتل مسموما"، "قتل ذبحا"
                       "مسموما", "ذبحا", "خنقا", "حرقا", "غرقا", "رميا", "طعنا", "شنقا", "رجما"})
COUNT_WORDS = frozenset({
    "واحد", "اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "احد", "عدد",
    "عشرات", "مءات", "ميات", "العشرات", "المءات", "نحو", "حوالي", "اكثر", "قرابه", "ما", "بعض", "ثلاث", "اربع",
    "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "شخص", "شخصان", "شخصين", "اشخاص", "مدني", "مدنيا", "مدنيين",
    "مدنيون", "مواطن", "مواطنا", "مواطنين", "مواطنون", "طفل", "طفلا", "اطفال", "امراه", "نساء", "جندي", "جنديا",
    "جنود", "عنصر", "عناصر", "ضابط", "ضباط", "شرطي", "شرطيا", "رجل", "رجال", "شاب", "شابا", "شبان", "مسوول",
    "مسوولا", "قياديا", "قيادي", "طالب", "طلاب", "عامل", "عمال", "مصل", "مصلين", "مقيم", "مقيما", "زاير", "زوار",
})
# nouns of armed forces: a nisba after one names the force that acts ("قصفت الطائرات التركية مواقع …"), while a
# nisba after a target noun ("قصفت مواقع تركية") is the object's
FORCE_NOUNS = frozenset({"طايرات", "طايره", "مقاتلات", "قوات", "قوه", "مدفعيه", "جيش", "طيران", "بوارج", "سفن",
                         "مروحيات", "دبابات", "وحدات", "شرطه", "ميليشيات", "مليشيات", "قاذفات", "زوارق", "بحريه",
                         "عناصر", "مسلحون", "مسلحو", "مسلحين", "سلاح", "الجو", "القوات", "الطايرات", "الطيران",
                         "المقاتلات", "المدفعيه", "الجيش", "البوارج", "المروحيات", "الدبابات", "الوحدات", "الشرطه",
                         "الميليشيات", "المليشيات", "القاذفات", "الزوارق", "البحريه", "القوه"})
VICTIM_VERBS = frozenset({  # the subject suffers the act named after لـ / من
    "تعرض", "تعرضت", "تعرضا", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "نجا", "نجت", "نجوا", "ينجو", "تنجو",
    "اصيب", "اصيبت", "اصيبا", "اصيبوا",  # "أصيب خمسة مدنيين بقذيفة هاون": hurt by the act named after بـ
    "لقي", "لقيت", "لقيا", "لقوا", "لقو",  # "لقوا حتفهم في انفجار": died in the act named after في
})
AGENT_NOUNS = frozenset({"رصاص", "برصاص", "نيران", "بنيران", "قصف", "بقصف", "غاره", "بغاره", "غارات", "بغارات",
                         "هجوم", "بهجوم", "قذيفه", "بقذيفه", "صاروخ", "بصاروخ"})
AGENT_VERBS = frozenset({"شنه", "شنها", "شنته", "شنتها", "نفذه", "نفذها", "نفذته", "نفذتها", "تبناه", "تبنته",
                         "تبنتها", "تبناها", "اطلقه", "اطلقها", "اطلقته", "اطلقتها",
                         # a bomb someone planted or set off: "عبوة ناسفة زرعتها عناصر إرهابية"
                         "زرعها", "زرعتها", "زرعه", "زرعته", "وضعها", "وضعتها", "فجرها", "فجرتها", "فجره", "فجرته",
                         # two attacks: "في هجومين تبنتهما حركة طالبان"
                         "شنهما", "شنتهما", "نفذهما", "نفذتهما", "تبناهما", "تبنتهما", "فجرهما", "فجرتهما"})


def is_count(t: Token) -> bool:
    """A number or a count word (5، ثلاثة، عشرات، عدد، مواطنين)."""
    return t.norm[:1].isdigit() or t.base in COUNT_WORDS or t.norm in COUNT_WORDS


def is_passive(tokens: list[Token], head: int, event: str, subject_before: bool = False) -> bool:
    """A violent or coercive verb at ``head`` read as passive (its grammatical subject is the patient).
    ``subject_before``: a party stands right before the verb (إن القوات الإسرائيلية اعتقلت عشرة), so a count
    after it is its object, not a passive's subject."""
    if event not in ("ASSAULT", "COERCE"):
        return False
    t = tokens[head]
    if "ال" in t.prefix or t.base[:1] in ("ي", "ت", "ن") and t.base not in ("تعرض",):
        return False  # a noun, or an imperfect verb (يقتل): active readings dominate
    if head > 0 and tokens[head - 1].norm in ("عن", "علي", "من", "الي", "بعد", "قبل", "عقب", "اثر", "جراء"):
        return False  # after a preposition it is a masdar: "أعلنت عن ضبط 4 ملايين حبة"
    if DAMMA in t.text[:3] and t.base not in ("ضرب",):
        return True  # قُتل، اُغتيل written with its vowel
    if t.base in SHAPE_PASSIVE:
        return True
    if t.base not in AMBIGUOUS_PAST and t.norm not in AMBIGUOUS_PLURAL:
        return False
    if no_object(tokens, head) and not t.base.startswith("استهدف"):
        return True  # "قتلوا في المعارك"، "قتل فيه ضابط": a transitive verb without its object (not "استهدف في
        # الفلوجة مواقع": an attack verb's object often follows a place)
    nxt = next((k for k in range(head + 1, min(len(tokens), head + 3)) if tokens[k].is_word
                or tokens[k].norm[:1].isdigit()), None)
    if nxt is None:
        return False
    w = tokens[nxt]
    if t.norm in AMBIGUOUS_PLURAL:
        return False  # "قتلوا عشرين جنديا": the plural verb carries its subject; the count is its object
    if is_count(w) and not subject_before:
        # "قتل جنود إسرائيليون صبياً فلسطينياً": an accusative noun after the count is the object, the count
        # the subject, and the verb active
        # (after a numeral the accusative is its specifier: "قتل 14 شخصا" stays passive)
        return numeral(w) or not any(accusative(tokens[k]) for k in range(nxt + 1, min(len(tokens), nxt + 4)))
    if w.base in PERSON_NOUNS and not w.prefix and not subject_before:
        # "قتل دبلوماسي سعودي في هجوم"، "قتل جنديان إسرائيليان": an indefinite person right after the verb is a
        # passive's subject unless an accusative object follows ("قتل جنود إسرائيليون صبيا فلسطينيا")
        return not any(accusative(tokens[k]) for k in range(nxt + 1, min(len(tokens), nxt + 4)))
    return False  # قتل 5 أشخاص، اعتقل ثلاثة، قتل مواطن: passive above


# nominative nouns of people (singular, dual, plural) that a passive violent verb takes as its subject
PERSON_NOUNS = frozenset("جندي جنديان جنود دبلوماسي دبلوماسيان دبلوماسيون مسوول مسوولان مسوولون ضابط ضابطان ضباط "
                         "شرطي شرطيان شرطيون عسكري عسكريان عسكريون مدني مدنيان مدنيون مواطن مواطنان مواطنون طفل "
                         "طفلان اطفال صحفي صحفيان صحفيون ناشط ناشطان ناشطون قيادي قياديان قياديون عنصر عنصران "
                         "عناصر رجل رجلان امراه سايح سايحان سياح موظف موظفان موظفون".split())
# indefinite accusative nouns of people, as written without the tanween sign
ACCUSATIVE_PEOPLE = frozenset({"مدنيا", "طفلا", "جنديا", "شابا", "مواطنا", "شرطيا", "مقيما", "مسوولا", "قياديا",
                               "صبيا", "رجلا", "شخصا", "ضابطا", "عنصرا", "ناشطا", "صحفيا", "طالبا"})
TANWEEN_FATH = "\u064b"


NUMERALS = frozenset({"واحد", "اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
                      "احد", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عشرات", "مءات", "ميات",
                      "نحو", "حوالي", "اكثر", "قرابه", "عدد", "بضعه", "بضع"})


def numeral(t: Token) -> bool:
    return t.norm[:1].isdigit() or t.norm in NUMERALS or t.base in NUMERALS


def accusative(t: Token) -> bool:
    """An indefinite accusative noun (صبياً، طفلا): the object of a verb, never its subject."""
    return t.is_word and not t.prefix and (TANWEEN_FATH in t.text[-2:] or t.norm in ACCUSATIVE_PEOPLE)


HAPPENED = frozenset({"وقع", "وقعت", "اودي", "اودت", "راح", "اسفر", "اسفرت", "خلف", "خلفت", "شهدته", "شهدتها",
                      "هز", "هزت", "ضرب", "ضربت"})


VICTIM_NOUNS = frozenset({"ضحيه", "ضحايا", "وضحايا", "لضحايا", "ضحيتها", "ضحيته"})


def happened(tokens: list[Token], last: int, first: int | None = None) -> bool:
    """An attack noun told with a relative clause of what happened ("حادث التفجير الذي وقع ظهر أمس وراح ضحيته",
    "الانفجار الذي هز المدينة") or with its victims before it ("رجال الأمن الذين راحوا ضحية حادث التفجير"): a
    report of the attack, not a bare reference back to it."""
    if first is not None and any(t.norm in VICTIM_NOUNS for t in tokens[max(0, first - 2):first]):
        return True
    j = last + 1
    while j < len(tokens) and j - last <= 3 and tokens[j].norm not in RELATIVES:
        if not tokens[j].is_word:
            return False
        j += 1  # adjectives between: "التفجير الإرهابي الذي"
    return j + 1 < len(tokens) and tokens[j].norm in RELATIVES and (
        tokens[j + 1].norm in HAPPENED or tokens[j + 1].base in HAPPENED)


def habitual(tokens: list[Token], head: int) -> bool:
    """An imperfect verb right after a relative pronoun or من ("الذي يقتل الأبرياء"، "من يقتل"): a description
    of what someone does, not a told act."""
    t = tokens[head]
    if head == 0 or "ال" in t.prefix or t.prefix[:1] == "س" or t.base[:1] not in ("ي", "ت", "ن"):
        return False
    if len(t.base) == 5 and t.base[0] == "ت" and t.base[3] == "ي":
        return False  # a masdar of the form تفعيل (تحرير، تفجير، تدمير) is no imperfect: "تمكن من تحرير عدن"
    prev = tokens[head - 1]
    return prev.norm in RELATIVES or prev.norm in ("من", "ومن", "فمن")


def no_object(tokens: list[Token], head: int) -> bool:
    """The verb at ``head`` is followed by a preposition, a time word or punctuation, not by an object."""
    if head + 1 >= len(tokens):
        return True
    nxt = tokens[head + 1]
    if nxt.prefix[:1] == "و" and (nxt.base in SHAPE_PASSIVE or nxt.base in AMBIGUOUS_PAST or nxt.base in VICTIM_VERBS):
        return True  # "قتلوا وأصيب مئات"، "قتل وجرح": the casualty pair of a report
    if nxt.norm == "او" and head + 2 < len(tokens) and (
            tokens[head + 2].base in SHAPE_PASSIVE or tokens[head + 2].base in AMBIGUOUS_PAST
            or tokens[head + 2].norm in AMBIGUOUS_PLURAL or tokens[head + 2].norm in ("فقد", "فقدوا", "فقدت")):
        return True  # "الجنود الذين قتلوا أو فقدوا في الحرب"
    if not (nxt.norm in NO_OBJECT or (nxt.prefix[:1] == "ب" and nxt.base in ("رصاص", "نيران", "قصف", "انفجار"))):
        return False
    # an object may follow a time word or a place phrase: "اعتقلت أمس ثلاثة مطلوبين"، "قتلت في حلب عشرات"
    for k in range(head + 2, min(len(tokens), head + 6)):
        t = tokens[k]
        if t.norm in (".", ",", "،", ":", "؛") or t.base in RELATIVES:
            break
        if is_count(t) and tokens[k - 1].norm not in ("في", "من", "علي", "الي", "خلال", "عن"):
            return False  # (not "قتل في بعض الهجمات": a count inside the prepositional phrase)
    return True


def victim_verb(tokens: list[Token], head: int) -> int | None:
    """Index of a victim-subject verb governing the trigger (تعرضت دورية لإطلاق نار، نجا من محاولة اغتيال)."""
    # "تعرض الإعلامي فلان، مقدم البرامج في قناة كذا، لإطلاق نار": a trigger right after a comma resumes the verb
    # across one apposition between two commas
    commas = 2 if head > 0 and tokens[head - 1].norm == "," else 0
    for k in range(head - 1, max(-1, head - (30 if commas else 10)), -1):
        if tokens[k].base in VICTIM_VERBS or tokens[k].norm in VICTIM_VERBS:
            return k
        if tokens[k].norm == "," and commas:
            commas -= 1
        elif tokens[k].norm in (".", ",", ";", ":"):
            break
    return None


def agent_phrase(tokens: list[Token], mentions: list[Mention], head: int) -> list[Mention]:
    """Mentions that carry the agent of a passive or victim construction: برصاص X، بنيران X، في هجوم شنه X،
    بواسطة X، على يد X، من قبل X."""
    def owned(after: list[Mention]) -> list[Mention]:
        first = after[0]
        return [owner(first, mentions, tokens) or first] if not first.code else after[:1]
    for k in range(head + 1, len(tokens)):
        t = tokens[k]
        if t.norm in (".", ";") or (t.norm == "," and k - head > 8):
            break
        if (t.norm in ("يد", "ايدي") and k > 0 and tokens[k - 1].norm == "علي") or \
                (t.norm == "قبل" and k > 0 and tokens[k - 1].norm == "من"):
            after = [x for x in mentions if k < x.tok_start <= k + 4]
            if after:
                return owned(after)
        if t.base in AGENT_NOUNS or t.norm in AGENT_NOUNS or t.norm in AGENT_VERBS or t.base == "بواسطه" \
                or t.norm == "بواسطه":
            # a place after a preposition is where, not who: "في هجوم على سوق ببغداد"
            after = [x for x in mentions if k < x.tok_start <= k + 4 and not located(tokens, k, x)]
            if after:
                return owned(after)
    return []


LOCATIVES = frozenset({"علي", "في", "الي", "قرب", "داخل", "ضد", "عند", "وسط"})


def located(tokens: list[Token], k: int, x: Mention) -> bool:
    """Mention ``x`` after the agent noun at ``k`` is marked as a place or target (على، في، بـ), not the agent."""
    if tokens[x.tok_start].prefix[-1:] == "ب" and x.kind in ("name", "capital", "metonym"):
        return True
    return any(tokens[j].norm in LOCATIVES for j in range(k + 1, x.tok_start))


def clause_agent(tokens: list[Token], mentions: list[Mention], last: int) -> Mention | None:
    """The agent named by a clause right after an indefinite act noun and its adjectives, whose verb carries the
    noun as its object pronoun ("عبوة ناسفة زرعتها عناصر إرهابية"، "هجوم شنه مسلحون"): the party after that verb."""
    for k in range(last + 1, min(len(tokens), last + 4)):
        t = tokens[k]
        if not t.is_word:
            return None
        if t.norm in AGENT_VERBS:
            after = [x for x in mentions if k < x.tok_start <= k + 3]
            return (owner(after[0], mentions, tokens) or after[0]) if after else None
    return None


def owner(x: Mention, mentions: list[Mention], tokens: list[Token]) -> Mention | None:
    """The coded owner of an uncoded force noun, right after it or after more force nouns: "غارات لطيران التحالف
    الدولي"، "لطيران الجيش الباكستاني": the owner acts."""
    for y in mentions:
        if y.code and y.tok_start >= x.tok_end and all(
                tokens[k].norm in FORCE_NOUNS or tokens[k].base in FORCE_NOUNS for k in range(x.tok_end, y.tok_start)):
            return y
    return None


RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
PREP_PRONOUNS = frozenset({"عليها", "فيها", "منها", "لها", "عنها", "اليها", "بها", "عليه", "فيه", "منه", "له", "عنه",
                           "اليه", "به", "عليهم", "فيهم", "منهم", "لهم", "عنهم", "اليهم", "بهم", "معها", "معه"})
RECEIVING = ("تلق", "يتلق", "تتلق", "تسلم", "يتسلم", "تتسلم", "استلم", "يستلم", "تستلم", "حصل", "يحصل", "تحصل",
             "استقبل", "يستقبل", "تستقبل", "نال", "ينال", "تنال")  # verbs whose subject receives
RELATIVE_AUX = frozenset({"قد", "كان", "كانت", "كانوا", "لا", "لم"})


INCIDENTS = frozenset({"حادث", "حادثه", "عمل", "جريمه", "عمليه", "اعتداء", "هجوم", "هجمات", "تفجير", "تفجيرات",
                       "انفجار", "غاره", "غارات", "قصف", "عدوان", "مجزره", "حمله", "ضربه", "ضربات"})


def incident_subject(tokens: list[Token], head: int, mentions: list[Mention], heads=frozenset()) -> bool:
    """A verb right after الذي/التي whose antecedent is an act or an incident ("الحادث الإجرامي الذي استهدف مسجد
    قوات الطوارئ"، "التفجير الذي استهدف"): the incident is the verb's subject, so a party after the verb is its
    object. Not when the verb carries an object pronoun ("الجندي الذي قتله مسلحون": the subject follows) or when
    the antecedent is a party ("القوات التي قصفت")."""
    r = head - 1
    while r > 0 and tokens[r].norm in RELATIVE_AUX:
        r -= 1
    if r <= 0 or tokens[r].norm not in RELATIVES:
        return False
    verb = tokens[head].norm
    if len(verb) >= 5 and verb.endswith(("ه", "ها", "هم", "هما")) or tokens[head].suffix:
        return False
    if any(x.tok_end == r for x in mentions):
        return False
    for k in range(r - 1, max(-1, r - 4), -1):
        t = tokens[k]
        if not t.is_word:
            return False
        if k in heads or t.base in INCIDENTS:
            return True
    return False


def condemned_incident(tokens: list[Token], last: int) -> int | None:
    """The incident a condemnation names as its object: the first definite incident noun within nine words after
    the verb, whose subject may stand between ("استنكر محافظ الأفلاج الحادث الإجرامي الذي استهدف"), before any
    comma, relative pronoun or أن. Its token index, else None."""
    for k in range(last + 1, min(len(tokens), last + 10)):
        t = tokens[k]
        if not t.is_word or t.norm in RELATIVES or t.norm in ("ان", "انه", "انها", "بان", "لان"):
            return None
        if t.base in INCIDENTS and ("ال" in t.prefix or (k + 1 < len(tokens) and tokens[k + 1].norm.startswith("ال"))):
            return k  # "الحادث الإجرامي"، or definite by its genitive: "تفجير السفارة الأمريكية"
        if t.norm.endswith("ا") and t.norm[:-1] in INCIDENTS and not t.prefix:
            return k  # an indefinite object: "أدانت قطر هجوما استهدف الجيش"
    return None


TERROR = frozenset({"ارهاب", "ارهابيين", "ارهابيون", "تطرف", "متطرفين", "ارهابيه"})


def backs_terror(tokens: list[Token], last: int) -> bool:
    """Support or aid whose object is terrorism or extremists ("تدعم الإرهاب"، "دعم الجماعات الإرهابية"): said of
    someone, a charge against them rather than an act of support."""
    for t in tokens[last + 1:last + 3]:
        if t.base in TERROR or t.norm in TERROR:
            return True
        if not t.is_word or t.base not in ("جماعات", "جماعه", "منظمات", "تنظيمات", "حركات"):
            return False
    return False


OWN_MEMBERS = frozenset({"عناصرها", "عناصره", "جنودها", "جنوده", "افرادها", "افراده", "ابنايها", "ابنايه", "منسوبيها",
                         "منسوبيه", "ضباطها", "ضباطه", "مقاتليها", "مقاتليه", "رجالها", "رجاله", "عسكرييها"})


def members_after(tokens: list[Token], last: int, reach: int, stops: frozenset[str] = frozenset()) -> bool:
    """"(one of) its members" (عناصره، جنودها) within ``reach`` words after ``last``, before punctuation or a stop."""
    for t in tokens[last + 1:last + 1 + reach]:
        if t.norm in OWN_MEMBERS or t.base in OWN_MEMBERS:
            return True
        if not t.is_word or t.norm in stops:
            return False
    return False


def members_hit(tokens: list[Token], last: int) -> bool:
    """An act whose object is "(some of) its members" (الغارة التي شنتها طائرات إسرائيلية على بعض عناصره): the
    party hit is the one the pronoun refers back to. Looks eight words on, within the act's own relative clause."""
    return members_after(tokens, last, 8, frozenset({"ان", "انه", "انها", "بان"}))


def own_dead(tokens: list[Token], last: int) -> bool:
    """A death noun followed by "(one of) its members" (أعلنت القوات الإماراتية استشهاد أحد عناصرها): the dead are
    the announcer's own, so the announcer is the victims' side, not the killer."""
    return members_after(tokens, last, 3)


def relative_agent(tokens: list[Token], mentions: list[Mention], last: int) -> Mention | None:
    """The agent of a noun act given by a relative clause whose verb carries the noun as its object pronoun:
    "الغارة التي شنتها طائرات X", "العمليات التي اتخذتها الحكومة X", "القروض التي تقدمها X". The subject follows
    that verb (VSO inside the relative clause)."""
    k = last + 1
    while k < len(tokens) and k - last <= 3 and tokens[k].is_word and tokens[k].norm not in RELATIVES:
        k += 1  # adjectives of the noun: "العمليات العسكرية التي"
    if k >= len(tokens) or tokens[k].norm not in RELATIVES:
        return None
    v = k + 1
    while v < len(tokens) and tokens[v].norm in RELATIVE_AUX:
        v += 1
    if v >= len(tokens):
        return None
    verb = tokens[v]
    if verb.base in ("قام", "قامت", "قاموا", "يقوم", "تقوم") and v + 1 < len(tokens) \
            and tokens[v + 1].norm in ("به", "بها", "بهم", "بهما"):
        v += 1  # "الاعتداء الذي قام به مستوطنون": did it, the doer after the pronoun
    elif verb.norm in PREP_PRONOUNS or verb.base in PREP_PRONOUNS or len(verb.norm) < 4 \
            or not verb.norm.endswith(("ه", "ها", "هم", "هما")):
        return None  # "الهجمات التي تعرضت لها": the pronoun is on a preposition, the verb's subject is the victim
    if verb.norm.startswith(RECEIVING):
        return None  # "الدعم الذي تتلقاه X": the subject of a verb of receiving is the recipient
    for x in sorted(mentions, key=lambda m: m.tok_start):
        prev = tokens[x.tok_start - 1]
        if v < x.tok_start <= v + 4 and tokens[x.tok_start].prefix[:1] not in ("ب", "ل") and \
                prev.norm not in ("في", "علي", "من", "الي", "ضد", "مع") and \
                not (x.tok_start - 1 > v and prev.prefix[:1] in ("ب", "ل")):  # "تقدمه الجماعة للجيش الليبي"
            return x
    return None


ACCUSING = ("اتهم", "يتهم", "تتهم", "نتهم", "اتهام")  # اتهم X بـ(act): X is said to have done the act


def accused_of(tokens: list[Token], mentions: list[Mention], head: int) -> Mention | None:
    """The accused of "اتهم X بـ(masdar)" when the trigger is that masdar: the actor of the act it is accused of
    ("اتهمت الحكومة إيران بدعم الحوثيين": إيران supports, the Houthis are supported)."""
    t = tokens[head]
    if not (t.prefix.startswith("ب") or (not t.prefix and t.norm.startswith("ب") and len(t.norm) <= 4)):
        return None  # بدعم؛ بشن (a short word keeps its ب unsplit)
    x = next((x for x in mentions if x.tok_end == head), None)
    if x is None:
        return None
    for k in range(max(0, x.tok_start - 5), x.tok_start):
        if tokens[k].base.startswith(ACCUSING) or tokens[k].norm.startswith(ACCUSING):
            return x
    return None


def claimed(tokens: list[Token], head: int) -> bool:
    """The act is claimed: "أعلن X مسؤوليته عن (act)"، "تبنت X المسؤولية عن (act)"; X is its actor."""
    return head >= 2 and tokens[head - 1].norm == "عن" and tokens[head - 2].base.startswith(("مسووليه", "مسووليت"))


ORIGIN_WORDS = frozenset({"داخل", "الاراضي", "اراضي", "جهه", "الجانب", "جانب", "الحدود", "عبر"})


PROJECTILES = frozenset({"قذيفه", "قذايف", "مقذوف", "مقذوفات", "صاروخ", "صواريخ", "اطلقت", "اطلق", "اطلقها", "اطلقتها"})


SHELLS = PROJECTILES | frozenset({"قصف", "بقصف", "قصفت", "قصفا", "هاون", "مدفعي", "المدفعي", "مدفعيه", "كاتيوشا"})


def shelling(tokens: list[Token], head: int) -> bool:
    """A projectile or shelling named near the trigger (not a bombing, a shooting or a raid)."""
    return any(t.base in SHELLS or t.norm in SHELLS for t in tokens[max(0, head - 8):head + 10])


def in_ranks_of(tokens: list[Token], mentions: list[Mention], last: int) -> Mention | None:
    """The party after في صفوف (in the ranks of) a few words after a casualty: "سقوط سبعة قتلى في صفوف الحوثيين"."""
    for k in range(last + 1, min(len(tokens) - 1, last + 8)):
        if tokens[k].norm in (".", ";", ":"):
            return None
        if tokens[k].base == "صفوف" and tokens[k - 1].norm == "في":
            return next((x for x in mentions if k < x.tok_start <= k + 2 and x.code), None)
    return None


def launched_from(tokens: list[Token], mentions: list[Mention], head: int) -> Mention | None:
    """The state a projectile came from: "سقوط مقذوف من داخل الأراضي اليمنية على …"، "صواريخ أطلقت من سوريا".
    من must follow a projectile (or its launching) or lead through داخل/الأراضي: "جندي من اليمن" is who he is."""
    for k in range(max(0, head - 12), min(len(tokens), head + 10)):
        if tokens[k].norm != "من":
            continue
        j = k + 1
        while j < len(tokens) and j - k <= 3 and tokens[j].norm in ORIGIN_WORDS:
            j += 1
        fired = any(t.base in PROJECTILES or t.norm in PROJECTILES for t in tokens[max(0, k - 3):k])
        # (a nisba mention may begin at the origin word it qualifies: "من الحدود اليمنية")
        x = next((x for x in mentions if (x.tok_start == j or k < x.tok_start < j < x.tok_end) and x.code
                  and len(x.code) == 3), None)
        if x is not None and (fired or j > k + 1) and not any(t.norm in (".", ";") for t in tokens[min(k, head):max(k, head)]):
            return x
    return None
