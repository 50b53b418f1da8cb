"""Argument choice: which mentions of a sentence are the actor and the recipient of one trigger match.

The actor is the subject (SVO: a mention just before the trigger; VSO or masdar: the first mention after it; else
the nearest earlier mention in the clause), extended over coordination (روسيا والصين); an agent phrase (على يد،
من قبل) or a relative clause (الغارة التي شنتها X) names it for passives and nouns. The recipient is a mention
marked by one of the frame's prepositions, else the direct object; "بين X و Y" gives both sides of symmetric acts.
Voice, victim verbs and missing parties are decided later (clauses.py, parties.py); this module only reads
word order and markers.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Mention, Token
from ..text.normalize import normalize
from ..text.tokens import forms as token_forms
from . import clauses
from .clauses import FORCE_NOUNS, NUMERALS, RELATIVES  # a relative clause is not a genitive
from .lexicon import Frame, TriggerMatch

PREPS = {"مع", "الي", "ضد", "علي", "من", "عن", "بين", "لدي", "نحو", "تجاه", "في", "حول", "بشان", "لصالح"}
BOUNDARY = {".", ";", "?", "!", ":", "بينما", "فيما", "حيث", "لكن", "لكنه", "لكنها", "بل", "اذ", "عندما",
            "بعدما", "حين", "ثم", "اما", "الا"}
AUXILIARIES = {"كان", "كانت", "كانوا", "كانا", "كانتا", "يكون", "تكون", "قد", "لقد", "وقد", "فقد"}
COMPLEMENTIZERS = {"ان", "انه", "انها", "بان", "لان"}  # أن/إن open a clause with its own subject
PARTITIVES = {"عدد", "عددا", "كبير", "كبيرا", "الاف", "ميات", "عشرات", "مءات", "الكثير", "كثير", "بعض", "مزيد",
              "المزيد", "اكثر", "مليون", "ملايين", "حشود", "حشد", "اعداد", "مجموعه", "الالاف", "المءات"}
ADVERBS = {"امس", "اليوم", "رسميا", "ايضا", "مجددا", "مجدداً", "بدورها", "بدوره", "الاحد", "الاثنين", "الثلاثاء",
           "الاربعاء", "الخميس", "الجمعه", "السبت", "قد", "فعلا", "اخيرا", "رسمياً", "سابقا", "حينها", "بالفعل"}
TARGETS = frozenset({"مواقع", "موقعا", "مقرات", "مقرا", "معاقل", "معقلا", "اهدافا", "اهداف", "تجمعات", "مخازن", "اسلحه",
                     "ثكنات", "مراكز", "مركزا", "اليات", "اوكار", "تحصينات", "مستودعات", "عناصر", "تعزيزات"})
# things struck whose nisba names their owner, the target ("تفجير السفارة الأمريكية"، "استهداف مدرعة إسرائيلية")
STRUCK = frozenset({"سفاره", "مدرعه", "دبابه", "اليه", "دوريه", "سفينه", "طايره", "قافله", "قاعده", "موقع", "مقر",
                    "مبني", "قنصليه", "ناقله", "بارجه", "مروحيه", "مطار", "ثكنه", "حاجز", "نقطه", "مركز", "مسجد",
                    "كنيسه", "مدرسه", "مستشفي", "فندق", "معسكر", "اجواء"})
PLACE_WORDS = frozenset({"قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط",
                         "داخل", "خارج", "اطراف", "ضواحي", "محيط", "قباله"})
EXAMPLES = {"مثل", "عكس", "غرار", "سوي", "خلاف", "كما"}
LIGHT_VERBS = frozenset("قام قامت قاموا يقوم تقوم اجري اجرت اجروا يجري تجري شن شنت شنوا يشن تشن نفذ نفذت نفذوا ينفذ "
                        "تنفذ بدا بدات بداوا يبدا تبدا واصل واصلت يواصل تواصل اطلق اطلقت عقد عقدت يعقد تعقد وجه وجهت "
                        "يوجه ابدي ابدت جدد جددت يجدد تجدد وصل وصلت يصل تصل توجه توجهت حل حلت اختتم اختتمت "
                        # "تمكنت الشرطة من القبض على": who managed the act did it
                        "تمكن تمكنت تمكنوا يتمكن تتمكن نجح نجحت نجحوا ينجح تنجح "
                        # "بعث الملك برقية تهنئة"، "رفع الوزير التهنئة": who sends a message is its author
                        "بعث بعثت يبعث تبعث ارسل ارسلت يرسل ترسل رفع رفعت يرفع ترفع ابرق ابرقت "
                        # "استأنف طيران التحالف قصفه": who resumes an act does it
                        "استانف استانفت استانفوا يستانف تستانف".split())
LIGHT_REACH = 24  # tokens back from a noun trigger to its light verb
WHAT = frozenset({"ما", "بما", "لما", "مما"})  # ما الموصولة right after a verb: "what" opens a clause of its own
FORCE_EVENTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
DELEGATES = {"وفد", "وفدا", "وفدين", "وفدان", "وفود", "وفودا", "مسوولين", "مسوولون", "مسوولا", "ممثلين", "ممثلون",
             "ممثلي", "دبلوماسيين", "قاده", "زعماء", "نواب", "جنود", "جنودا", "قوات", "خبراء", "عسكريين"}
MEMBERS = frozenset({"اعضاء", "عضو", "عضوا", "مسوولون", "مسوولين", "مسوول", "نواب", "ضباط", "قاده", "قيادات",
                     "قياديون", "قياديين", "عناصر", "مستشارون", "مستشارين", "خبراء"})
PARTICIPATE = frozenset("شارك شاركت شاركوا يشارك تشارك يشاركون حضر حضرت حضروا يحضر تحضر تراس تراست يتراس "
                        "تتراس".split())  # verbs of taking part: their subject attends the meeting named after في
ARMED = frozenset({"REB", "MIL", "UAF", "COP", "SPY"})
TITLES = frozenset({"امين", "رييس", "سفير", "مندوب", "ممثل", "مبعوث", "وزير", "قايد", "زعيم", "نايب", "مدير",
                    "متحدث", "ناطق", "مستشار", "سكرتير", "محافظ", "قنصل", "موفد", "منسق", "مفوض"})
HONORIFICS = frozenset({"الاستاذ", "الدكتور", "معالي", "سمو", "فخامه", "جلاله", "سعاده", "صاحب", "السمو", "الملكي",
                        "المهندس", "الشيخ", "دوله"})
PRONOUN_SUBJECTS = frozenset({"انها", "انه", "انهم", "بانها", "بانه", "بانهم", "لانها", "لانه", "لانهم", "وانها",
                              "وانه", "وانهم"})
# two governments named by their nisbas: "أدانت الحكومتان الألمانية والإسبانية"
DUAL_HEADS = frozenset({"الحكومتان", "الحكومتين", "حكومتا", "حكومتي", "الدولتان", "الدولتين", "دولتا", "دولتي",
                        "الخارجيتان", "الخارجيتين", "البرلمانان", "البرلمانين"})
SUPPLY = frozenset({"تزويد", "تسليح", "امداد", "تجهيز", "وتزويد", "وتسليح", "وامداد"})
ROYAL = frozenset({"الملك", "الامير", "الشيخ"})  # a royal title before a name
# the epithets of a state in the Gulf press ("مصر الشقيقة"، "ليبيريا الصديق")
EPITHETS = frozenset({"الشقيق", "الشقيقه", "الشقيقين", "الشقيقتين", "الصديق", "الصديقه", "الصديقين", "الصديقتين"})
LED_BY = frozenset({"بقياده", "بزعامه", "بقيادتها", "بقيادته", "وبقياده",
                    "تقوده", "تقودها", "يقوده", "يقودها"})  # "التحالف العربي الذي تقوده السعودية"
LOYAL = frozenset({"موالي", "مواليه", "موالين", "موالون", "تابع", "تابعه", "تابعين", "مدعوم", "مدعومه", "مدعومين",
                   "حليف", "حليفه", "مقرب", "مقربه", "مقربين", "ممول", "مموله"})
# the adjective of an office or a body ("الأمين العام"، "الأمانة العامة"، "القيادة العامة"): the لـ after it names
# the owner of the office, so the owner is no recipient of the act
OFFICE_ADJECTIVES = frozenset({"العام", "العامه"})
WINDOW_BEFORE = 12
WINDOW_AFTER = 10


def choose(m: TriggerMatch, tokens: list[Token], norms: list[str], mentions: list[Mention],
           attribution, prev_actors: list[Mention] = (), heads: frozenset[int] = frozenset(),
           names: frozenset[int] = frozenset()) -> tuple[list[Mention], list[Mention], bool]:
    """Actors, recipients and whether the act is symmetric, for trigger match ``m``. ``heads``: the first tokens
    of every trigger in the sentence (a name another act stands between is not this act's); ``prev_actors``: the
    subject of the previous verb (a coordinated verb keeps it); ``names``: tokens of place names (a preposition
    before a place marks the place, not the noun after it)."""
    frame = m.pattern.frame
    if frame.actor == "main":  # the coder gives a circumstantial participle the main clause's subject
        frame = Frame("none", frame.recipient, frame.symmetric, frame.require, frame.reach)
    t0 = tokens[m.tokens[0]]
    if frame.actor == "subject" and not in_set(t0.norm, AL_VERBS) and (
            "ال" in t0.prefix or (t0.prefix == "ل" and t0.norm.startswith("لل"))):
        # a trigger written with the article is a noun (القصف، الهجوم، للدعم), whatever its entry lists: its agent
        # follows it (القصف الإسرائيلي) and the name before it is another verb's subject
        frame = Frame("genitive", frame.recipient, frame.symmetric, frame.require, frame.reach)
    head, last = m.tokens[0], m.tokens[-1]
    trig = set(m.tokens)
    # mentions inside a gapped trigger ("وقعت روسيا وكوريا … معاهدة") are arguments too
    # a nisba inside a pattern ("العقوبات الأمريكية") is the actor, not part of the act
    ms = sorted((x for x in mentions if trig.isdisjoint(range(x.tok_start, x.tok_end))
                 or (x.kind in ("nisba", "dual") and head not in range(x.tok_start, x.tok_end))),
                key=lambda x: x.tok_start)
    ms = [x for x in ms if not topic_of(tokens, x)]
    if attribution and attribution[4] != "announce" and attribution[3] <= head + 1:
        # a source is not an argument of the act it reports
        ms = [x for x in ms if not (attribution[2] <= x.tok_start < attribution[3])]
    left_bound, used, bracket = head, 0, False
    while left_bound > 0 and norms[left_bound - 1] not in BOUNDARY and used < WINDOW_BEFORE:
        left_bound -= 1
        # a bracket and what it holds, and an adverb, do not use up the window: "شنت القوات …، اليوم (الاثنين)، هجوما"
        t = norms[left_bound]
        bracket = (bracket or t == ")") and t != "("
        used += t not in ("(", ")") and not bracket and t not in ADVERBS
    # a light verb a long subject away ("شنت نحو ثلاثين مقاتلة تركية من طراز … اليوم سلسلة من الغارات"): the
    # window reaches back to it, so its subject is in view; not past another act or a clause boundary. Only for
    # force (counted aircraft and units make long subjects; a visit or a meeting by a long title is domestic news
    # on the dev halves: "قام نائب خادم الحرمين … بزيارة عزاء")
    k = left_bound - 1 if m.pattern.event in FORCE_EVENTS else -1
    while k >= max(0, head - LIGHT_REACH) and norms[k] not in BOUNDARY and k not in heads \
            and norms[k] not in RELATIVES and norms[k] not in COMPLEMENTIZERS:
        if in_set(norms[k], LIGHT_VERBS) and frame.actor != "subject":
            left_bound = k
            break
        k -= 1
    right_bound = last + 1
    window = frame.reach or WINDOW_AFTER
    # words of a name or an honorific do not use up the window: "استقبل وزير الخارجية الأستاذ عادل بن أحمد
    # الجبير بمقر الوزارة اليوم معالي الأمين العام لمجلس التعاون"
    named = {i for x in ms for i in range(x.tok_start + 1, x.tok_end)}  # also "خادم الحرمين الشريفين"
    used = 0
    while right_bound < len(tokens) and norms[right_bound] not in BOUNDARY and used < window - 1:
        if right_bound not in named and norms[right_bound] not in HONORIFICS and tokens[right_bound].is_word \
                and norms[right_bound] not in ADVERBS and tokens[right_bound].base not in TITLES \
                and norms[right_bound] not in ROYAL:
            used += 1  # punctuation and brackets do not use up the window: "بجدة اليوم (الأربعاء)، وزير"
        right_bound += 1
    before = [x for x in ms if left_bound <= x.tok_start and x.tok_end <= head]
    after = [x for x in ms if head < x.tok_start < right_bound]
    symmetric = frame.symmetric

    named_at = {i for y in ms for i in range(y.tok_start, y.tok_end)}

    def marked(x: Mention, since: int, reach: int = 2) -> str | None:
        """The preposition marking mention x: a proclitic on it, or a preposition just before it
        (one noun may stand between: باستقلال X، إلى جانب X، على يد X; more with ``reach``)."""
        i = x.tok_start
        before_x = next((y for y in ms if y.tok_end == i and x.code and y.code == x.code and y is not x), None)
        if before_x is not None and before_x.tok_start >= since:
            return marked(before_x, since, reach)  # "مع نظيره المصري سامح شكري": the name is the nisba's apposition
        if i > 0 and norms[i - 1] in LED_BY:
            return "desc"  # "التحالف الدولي بقيادة الولايات المتحدة": who leads a party, no party of the act
        if i > 0 and norms[i - 1] in ("بعد", "قبل", "عقب"):
            return "time"  # "فيتنام، التي زارها بعد كوريا الشمالية": after another place or act, no party
        if i > 0 and tokens[i - 1].base in LOYAL:
            if i > 1 and tokens[i - 1].base.startswith("تابع") and (tokens[i - 2].base in TARGETS
                                                                     or norms[i - 2] in TARGETS):
                return None  # "مواقع تابعة لحزب العمال": whose positions they are, the target
            return "desc"  # "ميليشيات الحوثي الموالية لطهران": who they side with, no party of the act
        p = prep(lead(tokens[x.tok_start], x) if x.entry == "home" else tokens[x.tok_start].prefix)
        if p == "ل" and i - 2 >= since and tokens[i - 1].is_word and not tokens[i - 1].prefix \
                and norms[i - 2] in PREPS and i - 1 not in heads:
            return norms[i - 2]  # "على مواقع للحوثيين": لـ of possession; على marks the whole phrase
        if p == "ل" and i - 1 >= since and (tokens[i - 1].base in TARGETS or norms[i - 1] in TARGETS):
            p = None  # "قصفت مواقع لتنظيم داعش": the owner of the object attacked is the target
        if p == "ل" and i - 1 >= since and (tokens[i - 1].base in TITLES or norms[i - 1] in OFFICE_ADJECTIVES):
            # "الأمين العام لمجلس التعاون"، "الأمانة العامة لمنظمة التعاون"، "سفير خادم الحرمين لدى": whose title
            # or office it is, not a marker
            p = None
        if p:
            return p
        titled = [j for j in range(max(since, i - 4), i) if tokens[j].base in TITLES]
        if titled:  # "مع وزير الخارجية المصري": the marker stands before the whole title phrase
            reach = max(reach, i - titled[0] + 1)
        for k in range(x.tok_start - 1, max(since, x.tok_start - reach) - 1, -1):
            if norms[k] == "بالاعمال" and k > 0 and tokens[k - 1].base == "قايم":
                continue  # "القائم بالأعمال الإيراني": the title's ب marks nothing
            if k in names and k < x.tok_start - 1 and not and_before(x, norms):
                break  # "استقبل في جدة وزير الخارجية البريطاني": في marks جدة; the minister is the object
            if norms[k] == "من" and k > 0 and norms[k - 1] in ("كل", "لكل", "بكل"):
                # "كل من روسيا والصين" = both Russia and China: the marker is before كل
                p = prep(tokens[k - 1].prefix)
                if p:
                    return p
                continue
            if (norms[k] in PLACE_WORDS or tokens[k].base in PLACE_WORDS) and not (
                    k == x.tok_start - 1 and x.kind == "nisba" and "ال" in tokens[k].prefix):
                # "قرب رام الله"، "شمال سوريا": where, not who; "من محيط كييف": the preposition before it
                # (a definite one with a nisba is a noun and its adjective: "الأطراف اليمنية" are the parties)
                if k > since and norms[k - 1] in PREPS:
                    return norms[k - 1]
                return prep(tokens[k].prefix) or "في"
            if norms[k] == "نحو" and k + 1 < len(tokens) and (norms[k + 1][:1].isdigit() or norms[k + 1] in NUMERALS
                                                             or norms[k + 1] in PARTITIVES):
                continue  # "شنت نحو ثلاثين مقاتلة تركية": نحو before a number is "about", no preposition
            if norms[k] in PREPS or (tokens[k].base in PREPS and tokens[k].prefix in ("و", "ف")):  # ففي العراق
                if norms[k] == "من" and k > 0 and (tokens[k - 1].base in DELEGATES or norms[k - 1] in PARTITIVES
                                                   or tokens[k - 1].base in MEMBERS  # "عناصر من حزب الله"
                                                   or norms[k - 1][:1].isdigit()):  # "مقتل 18 من البيشمركة"
                    return None  # "وفدين من روسيا", "عددا كبيرا من المتطوعين الكوبيين": who they are, not a source
                if norms[k] == "في" and k > 0 and tokens[k - 1].base in MEMBERS and x.kind != "igo":
                    return None  # "أعضاء في الكونجرس", "مسؤولون في الخارجية": whose members they are
                return norms[k]
            p = prep(tokens[k].prefix)
            if p == "ل" and k - 2 >= since and (tokens[k - 1].base in TARGETS or norms[k - 1] in TARGETS) \
                    and norms[k - 2] in PREPS:
                return norms[k - 2]  # "على مواقع لمتمردي حزب العمال": the owner of the positions struck, after على
            if p in ("ب", "ل") and (x.tok_start - k <= 2 or all(
                    norms[j][:1] == "و" or norms[j] in ("كل", "من") for j in range(k + 1, x.tok_start))):
                return p  # بـ/لـ on the noun before: باستقلال X، باستقلال وسيادة كل من X
            if not tokens[k].is_word:
                if k == x.tok_start - 1 and norms[k] == "," and k >= 2:
                    # "المفاوضات مع المؤسسات، الاتحاد الأوروبي والبنك …": a name after a comma stands in apposition
                    # to the one or two plain nouns before it, and takes their preposition
                    j = next((j for j in (k - 2, k - 3) if j >= since and norms[j] in PREPS
                              and all(tokens[i].is_word and i not in named_at for i in range(j + 1, k))), None)
                    if j is not None:
                        return norms[j]
                break
        return None

    def office_of(x: Mention) -> bool:
        """"الأمانة العامة لمنظمة التعاون": the body's office names its owner with لـ; the owner is the party."""
        i = x.tok_start
        return i > last + 1 and norms[i - 1] in OFFICE_ADJECTIVES and prep(lead(tokens[i], x)) == "ل"

    def title_chain(x: Mention) -> bool:
        """"دان عميد السلك الدبلوماسي بالرياض سفير جمهورية جيبوتي": an indefinite noun in construct right after the
        verb opens a chain of titles, and the state after a title in it names the subject."""
        i = x.tok_start
        return i > last + 2 and tokens[i - 1].base in TITLES and tokens[last + 1].is_word \
            and not tokens[last + 1].prefix and last + 2 < len(tokens) and "ال" in tokens[last + 2].prefix

    actors: list[Mention] = []
    # "بين X و Y" after the trigger: both sides
    for k in range(head + 1, right_bound):
        if norms[k] == "بين" or tokens[k].base == "بين":
            sides = [x for x in after if x.tok_start > k]
            # two heads with no state written (بين الشرطة والمسلحين الأكراد) are two sides as well
            other = next((x for x in sides[1:] if x.code != sides[0].code or not x.code), None) if sides else None
            if other is not None and frame.symmetric:  # "بين الرئيس الروسي فلاديمير بوتين وزعيم كوريا"
                return [sides[0]], group(other, after, norms), True
            if sides and sides[0].kind == "dual" and frame.symmetric:  # بين البلدين
                d = sides[0]
                return [d], [Mention(d.start, d.end, d.text, d.entry, None, "dual", tok_start=d.tok_start,
                                     tok_end=d.tok_end)], True
            break
    # a trigger inside a prepositional phrase ("في الغزو الروسي", "عبر توسيع الشراكة") has no subject before it
    first_slot = m.pattern.slots[0]
    as_written = isinstance(first_slot, frozenset) and norms[head] in first_slot  # برقية is not بـ + رقية
    in_pp = head > 0 and (norms[head - 1] in PREPS or norms[head - 1] in ("عبر", "خلال", "بعد", "قبل")) \
        or (prep(tokens[head].prefix) in ("ب", "ل") and not as_written)
    # a verb right after الذي/التي whose antecedent is an act noun has that act as subject, not a party:
    # "دانت قطر التفجير الذي استهدف …" (but "من الدول التي اعترفت": the states recognised)
    rel_verb = head > 0 and norms[head - 1] in RELATIVES and frame.actor == "subject" and \
        any(head - 8 <= h < head - 1 for h in heads)
    # an indefinite act noun followed by a verb is its relative clause without الذي: "بدأ أردوغان «حربا على
    # الإرهاب» تستهدف حزب العمال": the war targets, the names after the verb are its objects
    # (the noun may be no trigger of its own: حرب، حملة name a war or campaign, an act only with its verb)
    acts = heads | {k for k in range(max(0, head - 5), head) if tokens[k].base in ACT_NOUNS or norms[k] in ACT_NOUNS}
    rel_verb = rel_verb or (frame.actor == "subject" and m.pattern.event in ("ASSAULT", "COERCE", "THREATEN")
                            and not tokens[head].prefix and any(
        head - 5 <= h < head and "ال" not in tokens[h].prefix and not prep(tokens[h].prefix)
        and not any(h < x.tok_start < head for x in mentions)
        and all(norms[k] not in (",", ".", ":", "؛") and norms[k] not in COMPLEMENTIZERS for k in range(h + 1, head))
        for h in acts))
    # "الحادث الإجرامي الذي استهدف مسجد قوات الطوارئ": the incident is the subject; what follows is the object
    incident = frame.actor == "subject" and clauses.incident_subject(tokens, head, mentions, heads)
    rel_verb = rel_verb or incident
    in_pp = in_pp or rel_verb
    # "مشيرة إلى أنها تستهدف ناشطين من حزب العمال": the pronoun after أن is the verb's subject; what follows is
    # its object, and the subject is the party the pronoun refers back to
    pronoun_subject = frame.actor == "subject" and head > 0 and norms[head - 1] in PRONOUN_SUBJECTS
    # a comma between a name and the verb ends the name's clause: "… إبراهيم رئيسي، ووعد بوفد"
    # "الجندي الذي قتله مسلحون": the verb's object pronoun is the antecedent; its subject follows
    rel_object = frame.actor == "subject" and head >= 2 and norms[head - 1] in RELATIVES \
        and len(norms[head]) >= 4 and norms[head].endswith(("ها", "ه", "هم"))
    # "الجنود الأمريكيون قتلهم مسلحون من طالبان"، "محكمة تدعمها الأمم المتحدة": a verb with an object pronoun and
    # a party right after it: that party is the subject, the name before is what the pronoun refers to
    obj_pronoun = frame.actor == "subject" and len(m.tokens) == 1 \
        and tokens[head].text.endswith(("هم", "هما", "ها", "ه")) and has_pronoun_suffix(tokens[head], m.pattern.slots[0]) \
        and not plural_subject_suffix(tokens[head].base) \
        and any(0 < x.tok_start - last <= 3 and not marked(x, head + 1) for x in after)
    rel_object = rel_object or obj_pronoun
    near_before = [] if in_pp else \
        [x for x in before if head - x.tok_end <= 2 and not marked(x, left_bound)
         and not rel_object
         and "," not in norms[x.tok_end:head]
         # a noun does not take the subject of another act: "أدان الرئيس الفرنسي حرب موسكو"
         and not (frame.actor == "genitive" and (any(0 < x.tok_start - h <= 3 or x.tok_end <= h < head
                                                     for h in heads) or any(
             prep(tokens[k].prefix) for k in range(x.tok_end, head))))]  # "… بينغ لبحث الحرب": a new phrase
    # a clause that opens with a name is SVO across an apposition when the verb follows كان/قد:
    # "بيلاروسيا، الحليفة لبوتين، كانت تسلح أذربيجان"
    clause_starts = {left_bound} | {k + 1 for k in range(left_bound, head) if norms[k] in COMPLEMENTIZERS}
    topic = [x for x in before if any(0 <= x.tok_start - c <= 1 for c in clause_starts) and not marked(x, left_bound)]
    auxiliary = head > 0 and norms[head - 1] in AUXILIARIES
    # "أوضحت القيادة أن الرئيس اليمني عبد ربه منصور هادي، بعث برسالة إلى …": after أن the clause's topic is the
    # subject of the verb that follows it across a comma
    comma_subject = frame.actor == "subject" and head >= 2 and norms[head - 1] == "," \
        and any(x.tok_end == head - 1 for x in before) \
        and any(c - 1 >= 0 and norms[c - 1] in COMPLEMENTIZERS for c in clause_starts if c > left_bound)
    # a masdar with a pronoun suffix: its agent is the pronoun's antecedent, what follows is its object
    possessed = frame.actor == "genitive" and len(m.tokens) == 1 and has_pronoun_suffix(tokens[head], m.pattern.slots[0])
    # the agent of a passive or a masdar: "على يد أذربيجان", "من قبل روسيا"
    agent = next((x for x in after if x.tok_start >= 2 and (
        (norms[x.tok_start - 1] in ("يد", "ايدي") and norms[x.tok_start - 2] == "علي")
        or any(norms[k] == "قبل" and norms[k - 1] == "من" for k in range(max(1, x.tok_start - 3), x.tok_start)))),
        None)  # "من قبل روسيا", "من قبل كل رؤساء أوكرانيا"
    if clauses.claimed(tokens, head):
        # "أعلن تنظيم داعش مسؤوليته عن تفجير …"، "تبنت الجماعة المسؤولية عن الهجوم": who claims it did it
        claimer = [x for x in before if x.tok_end <= head - 2 and not marked(x, left_bound)][-1:]
        if claimer:
            actors = group_back(claimer[0], before, norms)
            obj = [x for x in after if x.tok_start - last <= 2 and not marked(x, head + 1)][:1]
            return actors, obj, symmetric
    accused = clauses.accused_of(tokens, mentions, head)  # the accused may sit inside a reported source
    if accused is not None:  # "اتهمت الحكومة إيران بدعم الحوثيين": the accused acts; the genitive undergoes it
        obj = [x for x in after if x.tok_start - last <= 2 and not marked(x, head + 1)
               and (x.kind != "nisba" or x.tok_start == last + 1)][:1]  # not "صواريخ كورية": what is used
        return [accused], group(obj[0], after, norms) if obj else [], symmetric
    if agent is None and frame.actor == "genitive":
        agent = clauses.relative_agent(tokens, after, last)  # "الغارة التي شنتها طائرات روسية"
    if agent is None and m.pattern.event == "ASSAULT" and frame.actor == "genitive" and not possessed \
            and "ال" not in tokens[head].prefix and last + 1 < len(tokens):
        # "هجوم للحوثيين"، "غارات للتحالف العربي"، "قصف للطيران الروسي": an indefinite attack noun's لـ names
        # an armed party as its owner, the attacker (a state name after لـ is the object: "قصف لغزة")
        nxt = tokens[last + 1]
        agent = next((x for x in after if x.tok_start in (last + 1, last + 2) and x.agent in ARMED
                      and (prep(nxt.prefix) == "ل" or (x.tok_start == last + 1 and prep(lead(nxt, x)) == "ل"))),
                     None)
    if agent is not None and not agent.code:  # "غارات لطيران التحالف الدولي": the force noun's owner acts
        agent = clauses.owner(agent, after, tokens) or agent
    if agent is None and m.pattern.event == "ASSAULT" and "ال" not in tokens[last].prefix:
        agent = clauses.clause_agent(tokens, after, last)  # "انفجرت عبوة ناسفة زرعتها عناصر إرهابية"
    if agent is None and frame.actor == "subject":
        # "اتفق الجانبان على": a dual written inside the trigger is its subject
        agent = next((x for x in ms if x.kind == "dual" and head < x.tok_start and x.tok_end <= last), None)
    if agent is not None:
        actors = group(agent, after, norms)
    elif near_before:  # SVO
        actors = group_back(near_before[-1], before, norms)
    elif topic and frame.actor != "genitive" and (auxiliary or comma_subject) and not in_pp:
        actors = group(topic[0], before, norms)
    elif frame.actor != "none":
        reach = 3 if frame.actor == "genitive" else 6  # a genitive follows its noun (and its adjectives)
        in_mention = {k for y in mentions for k in range(y.tok_start, y.tok_end)}
        # an uncoded role noun (المسؤول، المتحدث) is a subject too: "حمل المسؤول حزب العمال المسؤولية"
        bare_heads = {y.tok_start for y in mentions if y.kind == "head" and not y.code and y.tok_end == y.tok_start + 1}
        first_after = next((x for x in after if x.tok_start - last <= reach and not marked(x, head + 1)
                            and not any(norms[k] in EXAMPLES for k in range(max(head + 1, x.tok_start - 2), x.tok_start))
                            and (frame.actor != "subject" or x.agent is not None or x.kind not in ("name", "nisba")
                                 or all(norms[k] in ADVERBS or not tokens[k].is_word for k in range(last + 1, x.tok_start))
                                 or (x.kind == "nisba" and all(norms[k] in FORCE_NOUNS or tokens[k].base in FORCE_NOUNS
                                                               or norms[k] in DUAL_HEADS
                                                               for k in range(last + 1, x.tok_start))))
                            and not any(norms[k] == "," or norms[k] in COMPLEMENTIZERS or norms[k] in RELATIVES
                                        for k in range(last + 1, x.tok_start))
                            # "ورفض ما تطرحه الحكومة الإسرائيلية": the name is the subject of what is rejected
                            and not (last + 1 < x.tok_start and norms[last + 1] in WHAT)
                            # "استهدفت الطائرات حركة الشباب": a definite noun right after the verb is its subject
                            # (a party the dictionary lacks); the name after it is the object
                            and not (frame.actor == "subject" and x.kind in ("name", "igo") and not office_of(x)
                                     and not title_chain(x) and any(
                                "ال" in tokens[k].prefix and tokens[k].is_word and norms[k] not in ADVERBS
                                and (k not in in_mention or k in bare_heads) and not title_word(tokens[k])
                                for k in range(last + 1, x.tok_start)))

                            # "هجوما استهدف الجيش المصري": a genitive does not reach past another act's verb,
                            # nor past a verb of scope ("حملة اعتقالات شملت تنظيم داعش": whom it took in)
                            and not (frame.actor == "genitive" and any(last < h < x.tok_start for h in heads))
                            and not any(in_set(norms[k], SCOPE_VERBS) for k in range(last + 1, x.tok_start))
                            # "تستهدف الحملة العسكرية مواقع تنظيم داعش": the owner of the things struck is the target
                            and not (m.pattern.event in ("ASSAULT", "MOBILIZE") and x.tok_start - 1 >= last
                                     and owned_target(tokens[x.tok_start - 1]))),
                           None)
        # examples and contrasts ("على عكس جيرانهم مثل المجر") are not the subject, nor is a state named
        # after the verb's object ("أدانوا أنشطة كوريا الشمالية"); subject and genitive stay in the clause
        # (no comma, أن or relative pronoun between)
        if possessed:  # "عمليتها العسكرية في سوريا", "لقائه الزعيم الكوري": the genitive slot is taken
            first_after = None
        elif first_after is None and m.pattern.event in ("AID", "SUPPORT") and last + 2 < len(norms) \
                and norms[last + 1] == "من":
            # "أي دعم من بوتين", "مساعدات من اليابان": the giver introduced by من
            first_after = next((x for x in after if x.tok_start == last + 2), None)
        if first_after is not None and first_after.kind == "head" and not first_after.code:
            # "وزارة الخزانة الأمريكية": the role noun and the nisba a word later are one party
            owner = next((y for y in after if y.code and 0 <= y.tok_start - first_after.tok_end <= 1
                          and not any(tokens[k].base in TITLES or tokens[k].base in LOYAL
                                      or norms[k] in ("في", "الي", "علي")
                                      for k in range(first_after.tok_end, y.tok_start))
                          and prep(lead(tokens[y.tok_start], y)) != "ب"
                          # a definite head is in construct with nothing: "اتهمت السلطات تنظيم الدولة" is two
                          and not ("ال" in tokens[first_after.tok_start].prefix and y.kind in ("name", "igo"))
                          # a definite title takes no noun after it: "انتقد الوزير السياسات الإيرانية"
                          and not ("ال" in tokens[first_after.tok_start].prefix and y.tok_start > first_after.tok_end
                                   and tokens[first_after.tok_start].base in TITLES
                                   and not title_word(tokens[first_after.tok_end]))),
                         None)  # not "ولي العهد السفير الأمريكي": a second title starts another person; not
            # "الميليشيات الموالية لإيران": whom they are loyal to; not "جنود في القاهرة": where they are
            if owner is not None:
                first_after = Mention(owner.start, owner.end, owner.text, owner.code, first_after.agent, owner.kind,
                                      owner.person, owner.entry, owner.tok_start, owner.tok_end, owner.sentence_idx)
        plural_verb = frame.actor == "subject" and len(m.tokens) == 1 and plural_subject_suffix(tokens[head].base)
        # "الضربات الأميركية … التي استهدفت تنظيم القاعدة": an attack noun is the subject of the attack verb after it
        act_subject = rel_verb and not rel_object and m.pattern.event in ("ASSAULT", "COERCE", "THREATEN")
        # "ووصف حزب العمال بأنه منظمة إرهابية": what is characterised follows its verb with بأنه; the subject is earlier
        described = first_after is not None and m.pattern.id.startswith("more.accuse.characterise") \
            and first_after.tok_end < len(norms) and norms[first_after.tok_end] in ("بانه", "بانها", "بانهم", "بانهما")
        if plural_verb or incident or act_subject or pronoun_subject or described:  # "واتهموا بيونغ يانغ": the verb carries its subject; the name after it is the object
            first_after = None
        shared = prev_actors and (tokens[head].prefix[:1] in ("و", "ف") or pronoun_subject) and \
            (first_after is None or first_after.tok_start - last > 1)
        if shared:  # "زار بوتين كوريا … والتقى زعيمها كيم": the coordinated verb keeps its subject
            actors = list(prev_actors)
        elif first_after is not None:  # VSO or masdar + genitive
            actors = group(first_after, after, norms)
        elif not rel_verb and (frame.actor != "genitive" or possessed) or any(
                tokens[k].base in LIGHT_VERBS and not any(k <= h < head for h in heads) for k in range(left_bound, head)):
            # a noun takes an earlier subject only through its light verb: "قام بوتين بزيارة", "وصل … في زيارة"
            # (not one that already governs another act: "أجرى اتصالا … لبحث الحرب")
            # not a name that another act stands between: "تعهدات الزعيمين بإنشاء نظام … يعارض"
            unmarked = [x for x in before if not marked(x, left_bound)
                        and not any(x.tok_end <= h < head for h in heads)]
            if unmarked:
                actors = group_back(unmarked[-1], before, norms)
    actors = [office_held(a, ms, tokens) for a in actors]
    if len(actors) == 1 and actors[0].tok_end <= head and dual_verb(norms[head], first_slot):
        # "اتصالين من ملك البحرين، وملك الأردن أعربا فيهما عن": a dual verb's subject is the two parties named
        # last, the first of them before the و that joins the second (its title may stand between)
        partner = dual_partner(actors[0], ms, tokens)
        if partner is not None:
            actors = [partner, actors[0]]
    elif not actors and len(prev_actors) == 2 and dual_verb(norms[head], first_slot):
        actors = list(prev_actors)  # "… أعربا فيهما عن استنكارهما، كما عبرا عن": the same two parties
    if m.pattern.event == "CONSULT" and actors and all(a.kind == "igo" for a in actors) and actors[0].tok_start > head:
        # "قاطع قمة المنظمة", "شارك في قمة الناتو": the organisation hosts; the subject attends
        subj = [x for x in before if not marked(x, left_bound) and x.kind != "igo"][-1:]
        if subj:
            recipients_pre = actors
            actors = subj
            return actors, recipients_pre, symmetric
    if m.pattern.event == "CONSULT" and any(tokens[k].base in PARTICIPATE for k in range(left_bound, head)):
        # "شارك وزير الخارجية الأردني في اجتماع وزراء الخارجية العرب": who takes part is the actor; the
        # meeting's genitive names the forum, a recipient only when it is an organisation
        subj = [x for x in before if not marked(x, left_bound) and x.kind != "igo"][-1:]
        if subj:
            return group_back(subj[0], before, norms), [a for a in actors if a.kind == "igo"], symmetric
    actor_ids = {id(a) for a in actors}
    since = max([a.tok_end for a in actors if a.tok_start > head] + [head + 1])
    # a marked recipient may stand before a VSO subject ("في زيارة لكوريا قام الرئيس الروسي")
    rest = [x for x in after if id(x) not in actor_ids]
    recipients: list[Mention] = []
    preps = set(frame.recipient)
    if m.pattern.event == "CONSULT" and m.pattern.mode == "visit":
        preps.add("ل")  # زيارة لكوريا الشمالية
    actor_codes = {a.code for a in actors}
    for x in rest:
        if origin_territory(tokens, x):
            continue
        if m.pattern.event == "SUPPORT" and any(prep(tokens[k].prefix) == "ل" and tokens[k].base in PURPOSE_MASDARS
                                                for k in range(last + 1, x.tok_start)):
            break  # "تدعم أي جهود للتصدي لتنظيم داعش": the name belongs to the purpose, not to the support
        if m.pattern.event in ("ASSAULT", "COERCE") and any(norms[k] in COMPLEMENTIZERS
                                                           for k in range(last + 1, x.tok_start)):
            break  # "… بغاز الكلور إن موسكو وافقت": أن/إن opens another clause (a warning's content may not)
        if x.code and x.code in actor_codes:
            continue  # an apposition of the subject ("الرئيس الروسي، فلاديمير بوتين،") is not its object
        p = marked(x, head + 1, reach=4)  # "مع الحليف الوثيق الزعيم الصيني"
        if p is None and "ل" in preps and x.tok_start - last <= 2 and prep(lead(tokens[x.tok_start], x)) == "ل":
            p = "ل"  # "اعتذرت تركيا لروسيا": the name was found inside the unsplit token
        if p is None and x.tok_start < since:
            continue  # an unmarked mention before the subject is not its object
        if p == "ل" and x.tok_start - last <= 2 and "ل" not in preps:
            p = "obj" if "obj" in preps else (next(iter(preps)) if preps else "ل")  # masdar + لـ object: غزوها لأوكرانيا
        if p == "من" and m.pattern.event in ("ASSAULT", "COERCE") and "obj" in preps and counted_from(tokens, x):
            p = "obj"  # "اعتقلت الشرطة عشرة من عناصر تنظيم داعش": a count of the group's members is the object
        if p and (p in preps or (not preps and p in ("مع", "الي", "ضد", "علي", "ل", "ب"))):
            recipients = group(x, rest, norms)
            if p == "مع":
                symmetric = True
            break
        if p is None and x.kind == "head" and not x.code and ("obj" not in preps or any(
                y.code and y.tok_start > x.tok_start and marked(y, head + 1, reach=4) in preps for y in rest)):
            # "أرسلت آلاف الجنود إلى روسيا", "قطعت علاقاتها الدبلوماسية مع أوكرانيا": a bare role noun
            # is what is sent or cut, not the recipient, when a state follows with the frame's preposition
            continue
        if p is None and ("obj" in preps or not preps or x.tok_start == last + 1
                          or (possessed and x.tok_start - last <= 2)
                          # "لقائه وزير الخارجية اليمني": a title before the state names the object too
                          or (possessed and x.agent and x.tok_start - last <= 4 and tokens[last + 1].base in TITLES)):
            # a direct object, or the genitive right after a nominal trigger ("قاطع قمة المنظمة")
            recipients = group(x, rest, norms)
            break
    if actors and actors[0].kind == "dual":  # البلدان، الزعيمان: the two states last named, towards each other
        a = actors[0]
        partner = Mention(a.start, a.end, a.text, a.entry, None, "dual", tok_start=a.tok_start, tok_end=a.tok_end)
        if recipients:
            actors = [a, partner]
        else:
            actors, recipients, symmetric = [a], [partner], True
    if m.pattern.event == "CONSULT" and m.pattern.mode == "visit" and not recipients and actors \
            and all(a.kind in ("name", "capital") for a in actors) and actors[0].tok_start > head:
        # "زيارة كوريا الشمالية": the genitive of a visit to a state is the place visited
        recipients = actors
        actors = [x for x in before if not marked(x, left_bound)][-1:]
    joint = frame.symmetric or m.pattern.event in ("AGREE", "CONSULT", "COOPERATE")
    if joint and len(actors) >= 2 and not recipients:  # وقعت أستانا ولندن، وافقت سيول وواشنطن: the two sides
        actors, recipients, symmetric = actors[:1], actors[1:], True
    genitive = actors and actors[0].tok_start == last + 1 and frame.actor == "genitive" and not recipients \
        and agent is None
    if genitive and m.pattern.event in ("ASSAULT", "COERCE") and actors[0].kind in ("name", "capital") \
            and actors[0].agent not in ARMED:  # "اعتداءات الحوثيين": an armed group's attacks are its own
        # the genitive of a transitive masdar is its object: "غزو أوكرانيا", "حصار غزة"
        return [], actors, symmetric
    if m.pattern.event == "AID" and actors and not recipients and agent is None \
            and actors[0].tok_start == head + 1 and (tokens[head].base in SUPPLY or norms[head] in SUPPLY):
        # "تزويد مصر بطائرات"، "تسليح العشائر": the genitive of a supplying masdar is who is supplied
        return [], actors, symmetric
    if frame.actor == "genitive" and m.pattern.event in ("ASSAULT", "COERCE") and actors \
            and not recipients and agent is None \
            and actors[0].tok_start == last + 2 and (tokens[last + 1].base in STRUCK or norms[last + 1] in STRUCK):
        # "تفجير السفارة الأمريكية"، "استهداف مدرعة إسرائيلية"، "تفجير مسجد قوات الطوارئ": the party after the
        # struck thing is its owner, the target
        return [], actors, symmetric
    counted = last + 1 < len(tokens) and (norms[last + 1][:1].isdigit() or norms[last + 1] in clauses.COUNT_WORDS)
    if counted and m.pattern.event in ("ASSAULT", "COERCE") and not recipients \
            and agent is None and actors and actors[0].tok_start > last:
        # a count right after the act names those it befell: "اعتقال 590 من عناصر تنظيم داعش", "قتل 20 من الحوثيين"
        return [], actors, symmetric
    if genitive and m.pattern.event == "CONSULT" and tokens[head].base == "استقبال":
        # "استقبال بوتين في بيونغ يانغ": the genitive is the guest; the host is the place or the subject
        place = [x for x in after if x.tok_start > actors[-1].tok_end and norms[x.tok_start - 1] == "في"
                 and x.kind in ("capital", "name")][:1]
        host = place or [x for x in before if not marked(x, left_bound)][-1:]
        return host, actors, symmetric
    if head >= 2 and norms[head - 1] in RELATIVES and tokens[head].norm.endswith(("ها", "ه")) and frame.actor == "subject":
        # "فيتنام التي زارها الرئيس بعد كوريا": the verb's object pronoun is the noun before the relative
        # pronoun, so no later name is its object
        j = head - 2
        while j >= 0 and not tokens[j].is_word:
            j -= 1
        antecedent = [x for x in ms if x.tok_end == j + 1]
        if antecedent and antecedent[-1].code not in {a.code for a in actors}:
            recipients = antecedent[-1:]
    if obj_pronoun and not recipients:
        antecedent = [x for x in before if head - x.tok_end <= 3 and not marked(x, left_bound)
                      and x.code not in {a.code for a in actors}][-1:]
        recipients = antecedent
    actors = [loyal_owner(title_holder(a, ms, tokens), ms, tokens) for a in actors]  # (not "من اليمن": an origin)
    recipients = [loyal_owner(partitive_owner(r, ms, norms), ms, tokens) for r in recipients]
    if frame.actor == "source" and agent is None:  # تلقى، حصل على: the giver is marked by من, the subject receives
        return recipients, actors, symmetric
    if frame.actor == "source" and not recipients:  # "الحكومة الأوكرانية مدعومة من قبل الاتحاد": the noun backed
        recipients = [x for x in before if head - x.tok_end <= 2 and not marked(x, left_bound)][-1:]
    return actors, recipients, symmetric


SIDE_WORDS = frozenset({"موالي", "مواليه", "موالين", "موالون", "تابع", "تابعه", "تابعين"})
GOVERNMENT_WORDS = frozenset({"حكومه", "الحكومه", "للحكومه", "الشرعيه", "للشرعيه", "رييس", "الرييس", "للرييس", "النظام",
                              "للنظام"})


def loyal_owner(x: Mention, ms: list[Mention], tokens: list[Token]) -> Mention:
    """Forces loyal to a government are that state's forces: "القوات الموالية للحكومة اليمنية" (YEM MIL). Loyal to
    anyone else ("ميليشيات موالية لإيران") they stay who they are."""
    if x.kind != "head" or x.code or x.tok_end + 1 >= len(tokens) or tokens[x.tok_end].base not in LOYAL:
        return x
    nxt = tokens[x.tok_end + 1]
    if nxt.norm not in GOVERNMENT_WORDS and nxt.base not in GOVERNMENT_WORDS:
        if tokens[x.tok_end].base in SIDE_WORDS:
            # "القوات الموالية للحوثيين"، "عناصر تابعة لحزب الله": forces on an armed group's side are that group's
            # (a state's backing, "مدعومة من إيران", does not make them the state's)
            y = next((y for y in ms if y.code and y.agent == "REB" and y.tok_start == x.tok_end + 1), None)
            if y is not None:
                return y
        return x
    y = next((y for y in ms if y.code and x.tok_end < y.tok_start <= x.tok_end + 4 and y.kind != "igo"), None)
    return replace(y, agent=x.agent or "MIL") if y is not None else x


def partitive_owner(x: Mention, ms: list[Mention], norms: list[str]) -> Mention:
    """An uncoded head followed by من and a coded party is one of that party: "عشرين جنديا من الجيش السوري"،
    "عناصر من الشرطة العراقية": the party, with the head's agent where it has none."""
    if x.kind != "head" or x.code or x.tok_end >= len(norms) or norms[x.tok_end] != "من":
        return x
    y = next((y for y in ms if y.code and x.tok_end < y.tok_start <= x.tok_end + 3), None)
    if y is None or y.kind == "igo":
        return x
    return replace(y, agent=y.agent or x.agent)


CHAIN = frozenset({"ولي", "بن", "ابن", "نايب", "الثاني", "الاول"})


def title_holder(x: Mention, ms: list[Mention], tokens: list[Token]) -> Mention:
    """An uncoded office at the end of a person's chain of titles is that person: "الأمير محمد بن سلمان ولي ولي
    العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع" ends with وزير الدفاع, who is the prince."""
    if x.kind != "head" or x.code or tokens[x.tok_start].base not in TITLES:
        return x
    prior = [y for y in ms if y.tok_end <= x.tok_start and y.kind in ("person", "provisional") and y.code]
    if not prior or x.tok_start - prior[-1].tok_end > 14:
        return x
    y = prior[-1]
    for k in range(y.tok_end, x.tok_start):
        t = tokens[k]
        if not t.is_word:
            return x  # a comma or a quote ends the chain
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if not ("ال" in t.prefix or t.base in TITLES or t.base in CHAIN or t.norm in CHAIN
                or tokens[k - 1].norm in ("بن", "ابن")  # the rest of the name: بن عبدالعزيز
                or (nxt is not None and "ال" in nxt.prefix)):  # a construct noun: مجلس الوزراء
            return x
    return y


def group(first: Mention, pool: list[Mention], norms: list[str]) -> list[Mention]:
    """first plus mentions coordinated after it: روسيا والصين، روسيا و الصين."""
    out = [first]
    cur = first
    for x in pool:
        if x.tok_start < cur.tok_end or x is cur:
            continue
        gap = x.tok_start - cur.tok_end
        if x.code == cur.code and gap <= 1 and (gap == 0 or norms[cur.tok_end] == ","):
            cur = x  # an apposition: "الرئيس الصيني شي جين بينغ", "الرئيس الروسي، فلاديمير بوتين"
            continue
        if (gap == 0 and and_before(x, norms)) or (gap == 1 and norms[cur.tok_end] == "و") or \
                (1 <= gap <= 2 and norms[cur.tok_end][:1] == "و" and norms[cur.tok_end] != "و"
                 and all(norms[k] not in BOUNDARY for k in range(cur.tok_end, x.tok_start))):
            # والرئيس الإيراني: a coordinated title + nisba
            if x.code != cur.code:
                out.append(x)
            cur = x
        elif 1 <= gap <= 3 and and_before(x, norms) and \
                all(norms[k] in EPITHETS or norms[k] == "," for k in range(cur.tok_end, x.tok_start)):
            # "لحكومتي وشعبي المالديف الشقيق، وليبيريا الصديق": a state's epithet stands between the conjuncts
            if x.code != cur.code:
                out.append(x)
            cur = x
        elif gap > 2:
            break
    if len(out) > 1 and first.kind == "head" and not first.code and out[1].code and all(
            w[:1] == "و" and w != "و" for w in norms[first.tok_end:out[1].tok_start]):
        # "لحكومة وشعب الأرجنتين": role nouns coordinated before their state are that state's
        out = [replace(out[1], agent=first.agent or out[1].agent)] + out[2:]
    return out

def group_back(last: Mention, pool: list[Mention], norms: list[str]) -> list[Mention]:
    out = [last]
    cur = last
    for x in reversed(pool):
        if x.tok_end > cur.tok_start or x is cur:
            continue
        gap = cur.tok_start - x.tok_end
        if (gap == 0 and and_before(cur, norms)) or (gap == 1 and norms[x.tok_end] == "و"):
            if x.code != cur.code:
                out.insert(0, x)
            cur = x
        else:
            break
    return out


def office_held(x: Mention, ms: list[Mention], tokens: list[Token]) -> Mention:
    """A person the dictionary lacks, followed by the title of a coded body ("أحمد بن محمد الجروان رئيس البرلمان
    العربي"، "فلان، وزير خارجية الأردن"): the title says whom the person acts for, so the body is the party."""
    if x.code or x.kind not in ("person", "provisional"):
        return x
    k = x.tok_end
    if k < len(tokens) and tokens[k].norm in (",", "،"):
        k += 1
    if k >= len(tokens) or tokens[k].base not in TITLES:
        return x
    y = next((y for y in ms if y.tok_start > k), None)
    if y is None or not y.code or y.kind not in ("igo", "name", "nisba") or y.tok_start - k > 2 \
            or not all(tokens[j].is_word for j in range(k, y.tok_start)):
        return x
    return y


def dual_verb(norm: str, slot) -> bool:
    """A verb with the dual subject suffix (أعربا، عبرا، وقفا): the form less its alif is in the entry, and so is
    the plural in وا (a noun's accusative alif, هجوما، has no plural verb form beside it)."""
    return isinstance(slot, frozenset) and len(norm) >= 4 and norm.endswith("ا") and not norm.endswith("وا") \
        and norm[:-1] in slot and norm[:-1] + "وا" in slot


def dual_partner(second: Mention, ms: list[Mention], tokens: list[Token]) -> Mention | None:
    """The party joined to ``second`` by و a few words before it (the و may open the second party's title: "ملك
    البحرين، وجلالة الملك عبدالله … ملك الأردن"), of another state; None when no such party."""
    for k in range(second.tok_start, max(0, second.tok_start - DUAL_REACH) - 1, -1):
        if any(x.tok_start <= k < x.tok_end and x.code != second.code for x in ms):
            return None  # another party stands between: not one coordinated pair
        if tokens[k].prefix[:1] == "و" and k >= 1:
            prev = [x for x in ms if x.tok_end <= k and k - x.tok_end <= 1 and x.code and x.code != second.code]
            return prev[-1] if prev else None
        if tokens[k].is_word is False and tokens[k].norm in (".", "؟", "!", ":"):
            return None
    return None


DUAL_REACH = 10


def and_before(x: Mention, norms: list[str]) -> bool:
    """The mention's first token carries the conjunction و (والصين), and it is not the و of the name (واشنطن)."""
    return norms[x.tok_start][:1] == "و" and not normalize(x.text).startswith("و")


def plural_subject_suffix(base: str) -> bool:
    """A verb with a plural subject suffix (اتهموا، يقاتلون، تتهمون): in Arabic a verb before its named subject
    stays singular, so such a verb's subject is a pronoun or stands before it."""
    if len(base) < 4:  # دعوا، نفوا: weak verbs are four letters
        return False
    # يتعاون، يعاون end in ون as part of the root (ع-و-ن): not a plural
    return base.endswith("وا") or (base[:1] in ("ي", "ت") and base.endswith("ون") and base[-3] != "ا")


def title_word(t: Token) -> bool:
    """A word of a title chain (الأمين العام، الرئيس، سمو الأمير): it names the party that follows, not another."""
    return t.base in TITLES or t.norm in HONORIFICS or t.norm in ROYAL or t.norm in ("العام", "الاعلي", "الاول",
                                                                                   "الثاني", "الخاص", "الدايم")


def owned_target(t: Token) -> bool:
    """Things struck whose genitive is their owner (مواقع، مقرات، سفارة), not members who may act (عناصر)."""
    return t.norm != "عناصر" and (t.base in TARGETS or t.norm in TARGETS or t.base in STRUCK or t.norm in STRUCK)


def has_pronoun_suffix(t: Token, slot: frozenset[str]) -> bool:
    """The trigger word carries a pronoun suffix (زيارته، لقائه، عمليتها): it matched only through a reading
    with the suffix stripped."""
    if t.suffix:
        return True
    matched = slot & token_forms(t)
    return bool(matched) and t.base not in matched and t.norm not in matched and t.norm.endswith("ه")


def lead(t: Token, x: Mention) -> str:
    """The proclitics of the token that starts mention x: the tokenizer's, or the letters before the name when
    the name was found inside an unsplit token (لروسيا: the name is روسيا)."""
    if x.entry == "home":  # بلاده: its ب is no preposition (the coder's anaphor starts at بلاد)
        return normalize(t.text[:x.start - t.start])
    if t.prefix or x.start <= t.start:
        return t.prefix
    return normalize(t.text[:x.start - t.start])


def in_set(word: str, words: frozenset[str]) -> bool:
    """``word`` is one of ``words`` as written or after one conjunction و/ف (ووجه, not a root و: وجه is no و + جه)."""
    return word in words or (word[:1] in ("و", "ف") and word[1:] in words)


def prep(prefix: str) -> str | None:
    """The preposition inside a proclitic string: وبال -> ب, لل/لال -> ل, و -> None."""
    p = prefix[:-2] if prefix.endswith("ال") else prefix
    p = p.lstrip("وف")
    return p if p in ("ب", "ل", "ك") else None


def counted_from(tokens: list[Token], x: Mention) -> bool:
    """Mention x is the whole a count is taken from: a number or count word, من, and at most one member noun
    (عشرة من عناصر X، 590 من عناصر X، العشرات من X)."""
    for k in range(x.tok_start - 1, max(0, x.tok_start - 3), -1):
        if tokens[k].norm == "من" or (k == x.tok_start and tokens[k].prefix[:1] == "م"):
            b = tokens[k - 1]
            return clauses.is_count(b)
    return False


# past verbs whose first letters are ا+ل (التقى، التزم، ألغى): the tokenizer reads them as ال + noun
AL_VERBS = frozenset("التقي التقت التقيا التقتا التقوا التقينا التزم التزمت التزما التزموا التزمنا التمس التمست "
                     "التمسوا الغي الغت الغوا الغيا".split())
SCOPE_VERBS = frozenset({"شمل", "شملت", "يشمل", "تشمل", "طال", "طالت", "يطال", "تطال"})  # what an act took in
ACT_NOUNS = frozenset({"حرب", "حربا", "حمله", "حملات", "عمليه", "عمليات", "عملية"})  # a war or campaign that targets

PURPOSE_MASDARS = frozenset({"تصدي", "مكافحه", "مواجهه", "محاربه", "قتال", "دحر", "ضرب", "استهداف", "قضاء", "ردع",
                             "هزيمه"})  # للتصدي لـ، لمكافحة: a purpose with its own object


def origin_territory(tokens: list[Token], x: Mention) -> bool:
    """"من داخل الأراضي اليمنية": the territory a projectile came from (its state is the inferred attacker)."""
    i = x.tok_start
    return i > 1 and tokens[i - 1].norm in ("الاراضي", "اراضي") and tokens[i - 2].norm in ("داخل", "من")


FORMER = frozenset({"المخلوع", "المخلوعه", "السابق", "السابقه", "الاسبق", "المعزول", "المعزوله", "المقال",
                    "المستقيل", "الراحل", "الراحله"})


# nouns naming a matter talked about: a state named after them is the topic, not a party ("ناقش الجانبان الملف
# النووي الإيراني" is no act towards Iran; "تطورات الأزمة اليمنية"; "مستجدات القضية الفلسطينية")
TOPIC_NOUNS = frozenset("ملف ملفات ازمه ازمات قضيه قضايا مساله مسايل موضوع مواضيع تطورات مستجدات اوضاع وضع شان "
                        "ساحه صراع نزاع ملفات تسويه".split())


def topic_of(tokens: list[Token], x: Mention) -> bool:
    """A state's name or nisba that qualifies a topic noun, over up to two adjectives (الملف النووي الإيراني)."""
    if x.kind not in ("nisba", "name"):
        return False
    j, adjectives = x.tok_start - 1, 0
    while j >= 0 and adjectives < 2 and tokens[j].is_word and tokens[j].base not in TOPIC_NOUNS \
            and definite(tokens[j]) and x.kind == "nisba":
        j, adjectives = j - 1, adjectives + 1  # "الملف النووي": an adjective between the noun and the nisba
    if j < 0 or tokens[j].base not in TOPIC_NOUNS or tokens[j].prefix[-2:] == "لل":
        return False  # "دعم المملكة للقضية الفلسطينية": the cause itself is whom the act is for
    # a name in construct (أزمة اليمن) or a nisba agreeing with the definite noun (الأزمة اليمنية)
    return x.kind == "name" and j == x.tok_start - 1 and not definite(tokens[j]) or (
        x.kind == "nisba" and definite(tokens[j]))


def definite(t: Token) -> bool:
    return "ال" in t.prefix or t.prefix.endswith("لل")


# participles of travel: a state after them and إلى/من is a destination or an origin
MOTION = frozenset({"متوج", "متج", "قادم", "عايد", "مسافر", "متسلل", "فار"})


def main_subject(tokens: list[Token], norms: list[str], pool: list[Mention], head: int) -> list[Mention]:
    """The subject of the sentence's main verb, for a circumstantial participle after it ("وانتقدت الخارجية
    الكورية الجنوبية …، داعية بيونجيانج إلى …"): the first coded party before the participle that no preposition
    marks and that is no description of another party."""
    for x in pool:
        if x.tok_end > head:
            break
        k = x.tok_start
        if not x.code or not_a_party(tokens, x) or prep(tokens[k].prefix) or (k > 0 and norms[k - 1] in PREPS):
            continue
        return [x]
    return []


FORCE_WORDS = frozenset({"قوات", "قوه", "صفوف", "جيش", "وحدات"})
PEOPLE_NOUNS = frozenset({"جنود", "جندي", "جنديا", "عناصر", "عنصر", "مقاتلين", "مقاتلون", "ضباط", "ضابط", "افراد",
                          "مجندين", "اسري", "معتقلين"})


def not_a_party(tokens: list[Token], x: Mention) -> bool:
    """A mention the markers rule out as a party of any act: whom another party is loyal to (الموالية لطهران),
    who leads it (التحالف بقيادة الولايات المتحدة), where a projectile came from."""
    i = x.tok_start
    if origin_territory(tokens, x):
        return True
    if x.kind == "nisba" and x.tok_end < len(tokens) and tokens[x.tok_end].norm in FORMER:
        return True  # "الرئيس السوري المخلوع": a deposed or former holder no longer acts for the state
    if topic_of(tokens, x):
        return True
    if i > 1 and tokens[i - 1].norm in ("الي", "من") and tokens[i - 2].base.rstrip("هينوا") in MOTION:
        return True  # "أوقفت 12 شخصا متوجهين إلى ليبيا": where the people were going, no party of the act
    if i > 2 and tokens[i - 1].norm == "عبر" and tokens[i - 3].norm in ("الي", "من"):
        return True  # "متوجهين إلى سوريا عبر تركيا": the way they went
    if x.kind == "nisba" and i > 1 and tokens[i - 2].base in LOYAL:
        return True  # "الجيش الليبي التابع للحكومة الليبية": the nisba of the noun after a loyal-to word
    j = i - 1
    while j > 0 and (tokens[j].norm in FORCE_WORDS or tokens[j].base in FORCE_WORDS):
        j -= 1  # "ضمن قوات التحالف"
    if j > 0 and tokens[j].norm == "ضمن" and (tokens[j - 1].base in MEMBERS or tokens[j - 1].norm in MEMBERS
                                              or tokens[j - 1].base in PEOPLE_NOUNS):
        return True  # "ثلاثة جنود ضمن قوات التحالف": which force the people belong to, no party of their act
    return i > 0 and (tokens[i - 1].base in LOYAL or tokens[i - 1].norm in LED_BY
                      or tokens[i - 1].norm in ("بعد", "قبل", "عقب"))  # زارها بعد كوريا


def after_place_word(tokens: list[Token], x: Mention) -> bool:
    """A place after a place word (قرب رام الله، شمال سوريا) or after في with a conjunction (ففي العراق، وفي
    سوريا): where, never who acts (it may be the target's state)."""
    i = x.tok_start
    if i == 0:
        return False
    t = tokens[i - 1]
    return t.norm in PLACE_WORDS or t.base in PLACE_WORDS or (t.base == "في" and t.prefix in ("و", "ف"))
