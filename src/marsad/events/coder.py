"""The event coder: tokens + actor mentions of one sentence -> PLOVER events with modality, date and evidence.

Steps for each trigger match (lexicon.find):
1. arguments: word order and markers choose actor and recipient (arguments.py); voice and victim verbs swap them
   (clauses.py); the type's party policy supplies unnamed parties from the place (parties.py).
   Protests have party rules of their own (protest.py).
2. modality (modality.py): negation cues just before the trigger; denials (نفى) suppress the denied act (the
   denial itself is a REJECT trigger); future (سوف، س+verb، يعتزم، من المقرر), hypothetical (لو، إذا، هل),
   historical background; reported speech keeps its source (attribution).
3. date: the nearest date expression in the sentence, else the publication date (precision "document").
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..actors.stage import bundled_dictionary, bundled_guards, stateless_groups
from ..records import Event, Mention, Party, Sentence, Token
from ..text.normalize import normalize
from ..text.tokens import forms as token_forms
from . import arguments, clauses, protest, senses
from . import modality as modal
from .arguments import BOUNDARY, PREPS, prep
from .dates import find_dates, nearest
from .fronts import front_of, load_fronts
from .lexicon import IGNORE, Lexicon, TriggerMatch, load_lexicon
from .modality import Cues
from .ontology import Ontology, load_ontology
from .parties import (
    RESULTS,
    Policy,
    front_victims,
    has_attacker,
    load_policies,
    not_political,
    place_party,
    victim_agent,
)

SETTLEMENTS = frozenset({"مدينه", "بمدينه", "بلده", "ببلده", "قريه", "بقريه", "محافظه", "بمحافظه", "ولايه", "بولايه",
                         "اقليم", "باقليم", "منطقه", "بمنطقه", "مدن", "قري"})
UNKNOWN = frozenset({"مجهول", "مجهولين", "مجهولون", "مجهوله", "ملثمين", "ملثمون"})
CLAUSE_LINKS = frozenset({"عندما", "حين", "حينما", "بعدما", "بينما", "اذ", "حيث", "لكن", "فيما", "كما", "عقب"})

READINESS = frozenset({"مستعد", "مستعده", "مستعدون", "مستعدين", "استعداد", "استعدادها", "استعداده", "يعتزم", "تعتزم",
                       "اعتزام", "ينوي", "تنوي", "نيه", "عازم", "عازمه"})  # intention words that govern the act
ORG_REFS = {"منظمه", "حلف", "تكتل"}  # with ال: the organisation last named
GROUP_REFS = frozenset({"انقلابيين", "انقلابيون", "متمردين", "متمردون"})  # with ال: the armed group last named
HOME_WORDS = frozenset({"بلاده", "بلادها", "بلادنا", "بلادي", "بلادهم", "بلادهما"})  # "his/our country"
HOME_MARKED = frozenset(p + w for p in ("ل", "ب") for w in HOME_WORDS)  # لبلاده، ببلاده
HOME = "home"  # the entry of a بلاده mention: arguments read its proclitics from its text
MOURNERS = frozenset({"اسر", "لاسر", "ذوي", "لذوي", "عايلات", "لعايلات", "اهالي", "لاهالي", "اسره", "لاسره",
                      "الاسر", "للاسر", "العايلات", "للعايلات"})  # the families a condolence is addressed to
INTERFERENCE = frozenset({"تدخل", "تدخلات", "التدخل", "التدخلات", "للتدخل", "للتدخلات"})  # rejected conduct, not a proposal
FORCES = {"GOV", "MIL", "COP", "SPY", "JUD"}  # a state's own organs acting in its territory
DUAL_REFS = {"بلدان", "بلدين", "دولتان", "دولتين", "زعيمان", "زعيمين", "طرفان", "طرفين", "جانبان", "جانبين",
             "رييسان", "رييسين", "عاصمتان", "عاصمتين", "بلديهما", "دولتيهما", "زعيميهما"}
WAR_WORDS = frozenset({"حرب", "الحرب", "عسكري", "عسكريا", "عسكريه", "اسلحه", "الاسلحه", "ذخاير", "الذخاير", "قوات",
                       "جيش", "الجيش", "المجهود", "مسيرات", "صواريخ"})
SELF_REPORT = frozenset({"انه", "انها", "بانه", "بانها", "انهم", "بانهم", "انهما", "بانهما", "انني", "اننا", "باننا"})
SPEAKING = frozenset({"قال", "قالت", "اعلنت", "اعلن", "اكدت", "اكد", "ذكرت", "افادت", "اتهمت", "نفت", "طالبت", "دعت",
                      "حذرت", "رفضت", "ردت", "اعتبرت", "وصفت", "ترى", "تقول", "يقول", "اعربت"})
VERBAL_ATTACKS = frozenset({"هاجم", "هاجمت", "هاجموا", "يهاجم", "تهاجم", "يهاجمون", "مهاجمه", "هجوم", "هجوما", "هجمه"})
SPEECH_CUES = frozenset({"خطاب", "خطابه", "خطابها", "تصريح", "تصريحات", "تصريحاته", "تصريحاتها", "كلمه", "كلمته",
                         "كلمتها", "مقابله", "تغريده", "تغريدات", "بيان", "انتقاد", "انتقادات", "بانتقادات", "لاذع",
                         "لاذعا", "اللاذع", "كلامي", "كلاميا", "اعلامي", "اعلاميا", "بشده", "لفظي", "لفظيا",
                         "مقال", "مقاله", "حوار", "بعنف", "واصفا", "واصفه", "متهما", "متهمه"})
CHARGES = {"بتهمه", "تهمه", "بتهم", "تهم", "التهمه", "بتهمتي", "بجريمه", "بجرم", "بقضيه",
           # "المتهم بإثارة الشغب": what the accused is charged with
           "المتهم", "والمتهم", "متهم", "متهما", "المتهمين", "متهمين", "المتهمون", "متهمون", "المتهمه", "متهمه"}


def charged(tokens: list[Token], norms: list[str], head: int) -> bool:
    """The act at ``head`` is (in a list of) what someone is charged with: a charge word just before it, or
    before a list of coordinated acts it ends ("بتهم الانضمام لجماعة إرهابية … وخرق قانون التظاهر وقطع الطرق")."""
    if any(norms[k] in CHARGES for k in range(max(0, head - 3), head)):
        return True
    if tokens[head].prefix[:1] != "و" and not any(norms[k] == "و" or norms[k][:1] == "و" for k in range(max(0, head - 2), head)):
        return False
    for k in range(head - 1, max(-1, head - 25), -1):
        if norms[k] in CHARGES:
            return True
        if norms[k] in BOUNDARY or norms[k] in clauses.RELATIVES or norms[k] in ("ان", "انه", "انها", "بان"):
            return False
    return False


ARRIVING = frozenset({"وفد", "الوفد", "ملك", "الملك", "امير", "الامير", "ولي", "الشيخ", "سمو", "رييسه", "وزيره"})


CALLED_PEOPLE = frozenset({"شعب", "شعوب", "مواطنين", "مواطنون", "جماهير", "اهالي", "سكان", "جاليه", "جاليات"})
PERIPHRASTIC = frozenset({"تم", "تمت", "يتم", "ويتم", "وتم", "جري", "جرت", "وجري"})  # "تم القبض على": a passive act told
CLAIMS = frozenset({"تبني", "تبنت", "يتبني", "تتبني", "تبنوا"})  # claimed (an attack): its doer
TOGETHER = frozenset({"معا", "سويا", "سويه"})  # adverbs that make co-agents of those one acted with

class EventCoder:
    """Callable: (sentence, tokens, mentions, published, doc) -> events."""

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None, cues: Cues | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()
        self.cues = cues or Cues.load()
        self._phrases_by_first: dict[str, list] = {}  # reporting phrases by their first word, in the cues' order
        for ph, r in self.cues.reporting_phrases:
            self._phrases_by_first.setdefault(ph[0], []).append((ph, r))
        self.policies: dict[str, Policy] = load_policies({k: set(t.modes) for k, t in self.ontology.types.items()})[0]
        self.fronts = load_fronts()[0]
        self.given_names = bundled_guards().given_names  # "فؤاد شكر"، "محمد حرب": a surname that is a common noun
        self.stateless = stateless_groups()  # ISIL, al-Qaeda: their country is the event's place
        self.states = frozenset(c for c, e in bundled_dictionary().entries.items() if e.kind == "state")
        self.loyal = frozenset(bundled_dictionary().loyal)  # groups fighting for a government: no "rebels"

    # -- public -----------------------------------------------------------------------------------
    def __call__(self, sentence: Sentence, tokens: list[Token], mentions: list[Mention], published: str | None,
                 doc_id: str = "", source: str = "", agents: list[Mention] = (), places: list[Mention] = (),
                 context: list[str] = (), context_igos: list[str] = (),
                 doc_place: tuple[str, str] | None = None, coalition: str | None = None,
                 context_groups: list[tuple[str, str | None]] = ()) -> list[Event]:
        if not tokens:
            return []
        tf = [token_forms(t) for t in tokens]
        in_names = {i for x in mentions if x.kind in ("igo", "name") for i in range(x.tok_start, x.tok_end)}
        selected = self._select([m for m in self.lexicon.find(tf) if in_names.isdisjoint(m.tokens)
                                 and not self._surname(tokens, m)])
        matches = [m for m in selected if m.pattern.event != IGNORE]
        # words claimed by a sense that is no act ("رفض التعليق") are no cue either: not a refusal of what follows
        claimed = frozenset(i for m in selected if m.pattern.event == IGNORE for i in m.tokens)
        if not matches:
            return []
        norms = [t.norm for t in tokens]
        cf = [modal.cue_forms(t, f) for t, f in zip(tokens, tf, strict=True)]  # cues: the tokenizer's reading only
        matches = self._fold_embedded(matches, norms, tokens)
        dates = find_dates(tokens, published)
        question = sentence.text.rstrip().endswith(("?", "؟"))
        attribution = self._attribution(tokens, mentions, {i for m in matches for i in m.tokens})
        location = self._location(norms, mentions, places)
        fill = location or doc_place  # where unnamed parties belong: this sentence's place, else the article's
        groups = self._group_anaphors(tokens, mentions, context_groups)
        referred = {x.tok_start for x in groups}  # "الانقلابيين" read as the group, not as a bare role noun
        # "ونيابة عن منسوبي التعليم" is "on behalf of", not the prosecution (النيابة)
        referred |= {a.tok_start for a in agents if a.tok_end < len(tokens) and tokens[a.tok_end].norm == "عن"
                     and "ال" not in tokens[a.tok_start].prefix and tokens[a.tok_start].base == "نيابه"}
        duals = self._duals(tokens, mentions, context)
        # "تتاجر الدولتان": the two states last named, not a bare body with no state (the actor stage's dual head)
        referred |= {x.tok_start for x in duals}
        pool = sorted(list(mentions) + [a for a in agents if a.tok_start not in referred]
                      + duals
                      + self._org_anaphors(tokens, mentions, context_igos) + groups
                      + self._coalitions(tokens, mentions, coalition), key=lambda x: x.tok_start)
        # "مسلحين مجهولين": gunmen nobody has named are an unidentified armed force, not rebels
        pool = [replace(x, agent="UAF") if x.kind == "head" and x.agent == "REB" and x.tok_end < len(tokens)
                and tokens[x.tok_end].base in UNKNOWN else x for x in pool]
        pool = [self._construct_place(x, tokens, places) for x in pool]
        pool = sorted(pool + self._home_anaphors(tokens, attribution, norms, pool), key=lambda x: x.tok_start)
        prev_actors: list[Mention] = []
        heads = frozenset(m.tokens[0] for m in matches)
        place_tokens = frozenset(i for x in list(places) + [x for x in mentions if x.kind == "capital"]
                                 for i in range(x.tok_start, x.tok_end))
        out: list[Event] = []
        seen: set[tuple] = set()
        condemns: dict[int, int] = {}  # id of a condemnation -> token of the incident it condemns
        for m in matches:
            head = m.tokens[0]
            if modal.denied(self.cues, norms, cf, head, claimed) and m.pattern.event != "REJECT":
                continue
            if m.pattern.event == "COERCE" and tokens[head].norm.lstrip("و") in ("قبضته", "قبضتها", "قبضتهم", "قبضتهما"):
                continue  # "أحكمت المقاومة قبضتها على عدن": its grip on a place, not an arrest (قبضت عليها)
            if m.pattern.event == "REQUEST" and tokens[head].norm in ("طالب", "طالبا", "طالبه") and (
                    head > 0 and (norms[head - 1][:1].isdigit() or norms[head - 1] in clauses.COUNT_WORDS)
                    or any(x.kind == "nisba" and x.tok_start == head + 1 for x in mentions)):
                continue  # "مئة طالب يمني": a student, not "he demanded"
            if m.pattern.event == "REQUEST" and (tokens[head].base in ("بحث", "بحض")
                                                 or tokens[head].norm.lstrip("وف").startswith(("بحث", "بحض"))):
                continue  # بحث "discussed" is a word of its own, not ب + حث "urged"
            if m.pattern.event == "AGREE" and tokens[head].text.rstrip("\u064b\u064c\u064d").endswith("ة") \
                    and tokens[head].norm.startswith(("وعود", "ووعود")):
                continue  # وعودة is و + عودة "and the return" (its ة is no pronoun): not وعوده "his promises"
            if m.pattern.event == "REQUEST" and "دّع" in tokens[head].text.replace("\u064e", ""):
                continue  # يدّعون "they claim" (ادّعى), written with its shadda, is not يدعون "they call for"
            if m.pattern.event in ("AID", "MOBILIZE") and not tokens[head].prefix and any(
                    o.pattern.event in ("ASSAULT", "COERCE") and 0 < head - o.tokens[-1] <= 3
                    and not any(norms[k] in BOUNDARY for k in range(o.tokens[-1] + 1, head)) for o in matches):
                continue  # "قصفت المقاتلات تعزيزات عسكرية للحوثيين": what an attack strikes is its object, no aid
            entry = m.pattern.id.split("#")[0]
            if m.pattern.frame.yields_to and any(o.pattern.event in m.pattern.frame.yields_to
                                                 and o.pattern.id.split("#")[0] != entry for o in matches):
                continue  # "استنكر … الحادث الإجرامي": another entry's act in the sentence takes this one in
            if senses.other_sense(m, tokens, mentions):
                continue  # the name Dan, a show hosted, a unit's support word (events/senses.py)
            if head > 0 and norms[head - 1] in ("بخصوص", "بشان", "حول") and tokens[head].prefix[:2] == "ال":
                continue  # "فكرة بخصوص الانضمام"، "محادثات بشأن الانسحاب": the topic of talk, not an act
            if m.pattern.event == "ASSAULT" and len(m.tokens) == 1 and m.pattern.id.split("#")[0].endswith(".v") and any(
                    o.pattern.event == "ASSAULT" and o.tokens[0] == head + 1 for o in matches):
                continue  # "استهدفت غارات للتحالف …"، "استهدفت الغارات الإسرائيلية": the verb's subject is the attack noun,
                # which tells it with its parties
            if m.pattern.event == "ASSAULT" and clauses.habitual(tokens, head):
                continue  # "النظام الذي يقتل النساء"، "ومن يقتل مؤمنا": what someone does, not an act told
            if m.pattern.event in ("ASSAULT", "COERCE") and not_political(tokens, m.tokens[0], m.tokens[-1]):
                continue  # "اجتاح حريق …"، "قتل زوجته": a fire or a family killing is not a political act
            if charged(tokens, norms, head):
                continue  # "اعتقل بتهمة التجمهر": the charge names an act the accused is said to have done
            if any(norms[k] in ("بمثابه", "كبمثابه") for k in range(max(0, head - 2), head)):
                continue  # "بمثابة أخطر تهديد": a comparison, not an act
            actors, recipients, symmetric = arguments.choose(m, tokens, norms, pool, attribution, prev_actors, heads,
                                                             place_tokens)
            ala = head if norms[head].lstrip("وف") == "علي" else head + 1  # the duty's على (after يجب، يتعين)
            if m.pattern.id.startswith("news.request.obligation") and not any(
                    r.tok_start == ala + 1 and r.code for r in recipients):
                continue  # "أكد على أهمية أن"، "اتفقا على أن": a duty needs its bearer right after على
            if m.pattern.id.startswith("news.consult.call_received"):
                # the receiver's titles stand inside the phrase (لرئيس مجلس الوزراء): the caller follows من
                recipients = [r for r in recipients if r.tok_start > m.tokens[-1]] or [
                    x for x in pool if x.code and m.tokens[-1] < x.tok_start <= m.tokens[-1] + 6
                    and "من" in norms[m.tokens[-1] + 1:x.tok_start]][:1]
            if m.pattern.id.startswith("news.assault.terror_act"):
                # "دان النائب العمل الإرهابي": who condemns or tells of a terrorist act did not do it
                actors = [a for a in actors if a.tok_start > head]
            ranks = clauses.in_ranks_of(tokens, pool, m.tokens[-1]) if m.pattern.event == "ASSAULT" else None
            if ranks is not None and not any(r.code for r in recipients):
                # "سقوط سبعة قتلى في صفوف الحوثيين": whose ranks the dead are in are the victims, not a place
                recipients = [ranks]
                actors = [a for a in actors if a.tok_start != ranks.tok_start]
            claim = next((k for k in range(head - 1, max(-1, head - 5), -1) if tokens[k].base in CLAIMS), None) \
                if m.pattern.event == "ASSAULT" else None
            if claim is not None:
                # "داعش تبنى العمل الإرهابي" (before the verb), "تبنى تنظيم داعش الهجوم" (between): who claims did it
                claimer = [x for x in pool if x.code and claim < x.tok_start and x.tok_end <= head] if claim < head - 1 \
                    else [x for x in pool if x.code and x.tok_end <= claim and claim - x.tok_end <= 2]
                actors = claimer[-1:] or actors
            if m.pattern.event == "REQUEST" and actors and not recipients and head + 1 in (
                    actors[0].tok_start, actors[0].tok_start - 1) and tokens[head + 1].base in CALLED_PEOPLE:
                # "ودعا الشعب اليمني إلى الوقوف صفا واحدا": a people right after a call is whom it calls on
                recipients, actors = actors[:1], actors[1:]
            if not actors and prev_actors and tokens[head].prefix[:1] in ("و", "ف"):
                actors = prev_actors  # "زار بوتين كوريا والتقى زعيمها": the coordinated verb keeps its subject
            if actors and any(norms[k] in TOGETHER for k in range(head + 1, min(len(tokens), head + 3))):
                # "وقف جنود كوريون جنبا إلى جنب مع الروس، وحرروا معا المنطقة": those it stood with act too
                actors = actors + [x for x in pool if x.tok_start < head and x.tok_start > 0 and x.code
                                   and "مع" in norms[max(0, x.tok_start - 2):x.tok_start]  # مع (القوات) الإيرانية
                                   and x.code not in {a.code for a in actors}][:1]
            if m.pattern.frame.actor == "main":  # "…، داعيا طهران إلى": the participle's subject is the main verb's
                actors = prev_actors or arguments.main_subject(tokens, norms, pool, head)
            if not actors and not recipients and tokens[head].norm.endswith("هما"):
                # اجتماعهما، لقاؤهما: "their (two) meeting" refers back to the last two states
                duo = _last_two(list(context) + [x.code for x in mentions if x.tok_end <= head])
                if duo:
                    t = tokens[head]
                    actors = [Mention(t.start, t.end, t.text, duo[0], None, "dual", tok_start=head, tok_end=head + 1)]
                    recipients = [Mention(t.start, t.end, t.text, duo[1], None, "dual", tok_start=head, tok_end=head + 1)]
                    symmetric = True
            if not actors and attribution and attribution[3] <= head and any(
                    norms[k] in SELF_REPORT for k in range(max(attribution[3], head - 3), head)):
                # "قالت وزارة الخزانة الأمريكية إنها فرضت عقوبات": the reporter's own act, told through إنها
                actors = [x for x in pool if attribution[2] <= x.tok_start < attribution[3] and x.code][:1]
            if m.pattern.event == "COERCE" and not any(a.code for a in actors) and attribution \
                    and attribution[4] in ("announce", "source") and attribution[2] < head and norms[head - 1] == "عن":
                # "أعلن رئيس الوزراء التركي عن اعتقال 590 من عناصر داعش": a state announcing arrests made them
                actors = [x for x in pool if attribution[2] < x.tok_start < head and len(x.code or "") == 3
                          and x.code not in self.stateless and x.kind != "igo"][:1] or actors
            actors, recipients = self._voice(tokens, pool, m, actors, recipients)
            reporter = None
            if m.pattern.event == "ASSAULT" and actors and self._reporter_of(tokens, actors[0], head):
                # "وأكدت الشركة خطف موظفها"، "ذكرت الوزارة مقتل 3": who reports an attack did not do it; it is
                # the report's source (so the learned layer does not make it the attacker either)
                reporter, actors = actors[0], []
            k = modal.anniversary(norms, head)
            if k is not None:  # "أحيا الفلسطينيون ذكرى مجزرة": who commemorates an act did not do it
                actors = [a for a in actors if a.tok_start > k]
                recipients = [r for r in recipients if r.tok_start > k]
            # "أعلنت السلطات الإماراتية أن النيابة العامة أحالت …": a state's organ named bare inside what a
            # state's organ reports is that state's, wherever the act happens
            voiced = self._reporting_state(attribution, head)
            # (institutions only, not soldiers, and not one with an adjective after it: العسكريين الكوريين)
            spoken = {a.tok_start for a in actors if voiced and not a.code and a.agent in ("GOV", "JUD", "COP")
                      and "ال" in tokens[a.tok_start].prefix
                      and not (a.tok_end < len(tokens) and "ال" in tokens[a.tok_end].prefix
                               and tokens[a.tok_end].norm.endswith(("ي", "يه", "يين", "يون")))}
            actors = [replace(a, code=voiced) if a.tok_start in spoken else a for a in actors]
            if m.pattern.id.startswith("news.consult.arrive") and not any(
                    a.kind in ("person", "provisional") for a in actors) and not any(
                    tokens[k].base in arguments.TITLES or tokens[k].base in ARRIVING for k in range(head + 1, m.tokens[-1])):
                continue  # forces, aid or a count that "reached" a place: only a person or a delegation visits
            if actors:
                prev_actors = actors
            if m.pattern.event == "ASSAULT" and not any(r.code for r in recipients) and clauses.own_dead(tokens, m.tokens[-1]):
                # "أعلنت القوات المسلحة الإماراتية استشهاد أحد عناصرها": the announcer's own dead
                own_side = [x for x in pool if x.tok_end <= head and x.code][-1:]
                if own_side:
                    recipients = own_side
                    actors = [a for a in actors if a.code != own_side[0].code]
                if not any(a.code or a.agent for a in actors):
                    continue  # a death announced with no attacker or attack told: no interaction to code (also when
                    # the announcer is named by its title alone: "أعلنت القيادة العامة … استشهاد أحد أبنائها")
            charge = m.pattern.event in ("SUPPORT", "AID") and clauses.backs_terror(tokens, m.tokens[-1])
            if m.pattern.id.startswith("news.aid.funds_terror") and not charge:
                continue  # funding a project, a budget or a party: no aid between states told by this word
            if charge:
                # "وقال: إن إيران تدعم الإرهاب": backing terrorism, said of someone, is the speaker's charge
                accused = [x for x in actors + recipients if x.code][:1]
                speaker = self._speaker(tokens, pool, attribution, head, accused[0].code if accused else None)
                if not accused or not speaker or accused[0].code == speaker[0].code:
                    continue
                actors, recipients = speaker, accused
            condemned = None
            if m.pattern.event == "ACCUSE" and m.pattern.mode == "disapprove":
                # "استنكر المحافظ الحادث الإجرامي الذي استهدف مسجد قوات الطوارئ": the condemned are the attackers
                # (unnamed: UAF of the place), not the attack's target; a named attacker is taken below
                k = clauses.condemned_incident(tokens, m.tokens[-1])
                if m.pattern.id.startswith("more.accuse.characterise") and k is None:
                    # "وصف المسؤول، …، الحادث الغاشم بالعمل الإجرامي": the incident described stands inside the trigger
                    # (or definite by its genitive: "حادث استهداف المصلين"، "تفجير المسجد")
                    k = next((j for j in range(head, m.tokens[-1]) if tokens[j].base in clauses.INCIDENTS
                              and ("ال" in tokens[j].prefix or tokens[j + 1].norm.startswith("ال")
                                   or tokens[j + 1].base in clauses.INCIDENTS or tokens[j + 1].base == "استهداف")), None)
                if k is not None and (any(o.pattern.event == "ASSAULT" and k <= o.tokens[0] <= k + 6 for o in matches)
                                      or m.pattern.id.startswith("more.accuse.characterise")):
                    # (an incident called a crime, a cowardly act: its unnamed authors are the accused)
                    condemned = k
                    if k == head and not actors:  # "قال: إن هذا التفجير يعد جرماً": who says so accuses
                        actors = self._speaker(tokens, pool, attribution, head)
                    if not any(r.code for r in recipients) or all(r.tok_start > k for r in recipients):
                        recipients = [place_party(fill[0], "UAF", tokens[k], k)] if fill else []
            if m.pattern.id.startswith("news.support.congratulate") and not any(r.code for r in recipients) and fill:
                # "قدم تعازيه لأسر الضحايا": condolences to the victims' families go to the state where they died
                k = next((j for j in range(head + 1, min(len(tokens), m.tokens[-1] + 4))
                          if tokens[j].base in MOURNERS or arguments.in_set(norms[j], MOURNERS)), None)
                if k is not None:
                    recipients = [place_party(fill[0], "CVL", tokens[k], k)]
            implicit_target = False
            if m.pattern.event == "PROTEST":
                actors, recipients, implicit_target = protest.protest_parties(
                    tokens, norms, mentions, pool, places, head, actors, recipients, location)
            if m.pattern.event in ("ACCUSE", "REQUEST") and not any(a.code for a in actors) and \
                    any(p.pattern.event == "PROTEST" and p.tokens[0] < head for p in matches):
                continue  # "خرجت مظاهرات … تندد بـ": what the protesters chant is the protest, not another act
            if m.pattern.event in ("ASSAULT", "COERCE") and not any(r.code for r in recipients) \
                    and clauses.members_hit(tokens, m.tokens[-1]):
                # "يرفض التعليق على الغارة التي شنتها طائرات إسرائيلية على بعض عناصره": the members' owner,
                # the last party named before the act that is not its actor
                acting = {a.code for a in actors}
                recipients = [x for x in pool if x.tok_end <= head and x.code and x.code not in acting][-1:] or recipients
            if m.pattern.event in ("ASSAULT", "COERCE", "THREATEN") and not recipients:
                # "الهجوم الروسي على خاركيف": a place attacked stands for its state
                recipients = [x for x in places if x.code and x.tok_start > head and x.tok_start > 0
                              and norms[x.tok_start - 1] in ("علي", "ضد")][:1]
            happened = m.pattern.event == "ASSAULT" and clauses.happened(tokens, m.tokens[-1], head)
            if "ال" in tokens[head].prefix and norms[m.tokens[-1]] not in PREPS and m.pattern.event != "PROTEST" \
                    and len(m.tokens) == 1 and not recipients and not happened and claim is None \
                    and clauses.relative_agent(tokens, pool, m.tokens[-1]) is None and not clauses.claimed(tokens, head):
                continue  # "تأتي الزيارة الروسية في أعقاب…": a definite noun with no object refers back to an event
            need = m.pattern.frame.require
            if ("actor" in need and not any(a.code for a in actors)) or \
                    ("recipient" in need and not any(r.code for r in recipients)):
                continue  # an ambiguous noun (حرب، تهديد) is an event only with its parties named
            # parties the text leaves out, as the type's policy allows (after the checks above, which need
            # the parties the text writes)
            # a verb (or a multiword act) tells an act; a bare noun, definite or after a preposition, with no
            # party written is a name, a topic or a reference back ("لواء هجوم جوي"، "منشأة لإطلاق الصواريخ")
            first = m.pattern.slots[0]
            as_written = isinstance(first, frozenset) and tokens[head].norm in first  # ألقى is not ال + قى
            # (an act named as terrorist is an attack someone did: "منفذ الجريمة الإرهابية بمسجد …")
            told = m.pattern.event == "PROTEST" or happened or clauses.victim_verb(tokens, head) is not None or \
                m.pattern.id.startswith("news.assault.terror_act") or \
                (head > 0 and norms[head - 1] in PERIPHRASTIC and m.pattern.event in ("ASSAULT", "COERCE")) or (
                (as_written or ("ال" not in tokens[head].prefix and prep(tokens[head].prefix) is None))
                and m.pattern.frame.actor != "genitive")
            policy = self.policies.get(f"{m.pattern.event}.{m.pattern.mode}") or self.policies.get(m.pattern.event, Policy())
            if told or any(x.code for x in actors + recipients) or any(x.agent for x in actors) or (
                    m.pattern.event == "ASSAULT" and clauses.launched_from(tokens, pool, head) is not None):
                # a party written, or where a projectile came from ("بمقذوف عسكري من داخل الأراضي اليمنية")
                actors, recipients = self._from_place(policy, tokens, head, fill, actors, recipients, pool,
                                                      aid=m.pattern.event == "AID")
            if m.pattern.event == "ASSAULT" and policy.actor_from_place \
                    and not (any(a.code for a in actors) and any(r.code for r in recipients)) \
                    and (m.pattern.mode == "heavy-weapons" or clauses.shelling(tokens, head)):
                # "استشهاد الجندي … بعد إصابته بمقذوف بقطاع جيزان": fire across a war front (fronts.yaml)
                when = nearest(dates, head)  # the act's own date when the sentence gives one, else the report's
                front = front_of(self.fronts, tokens, when.date if when else published, location[0] if location else None)
                if front is not None and not any(a.code for a in actors):
                    actors = [place_party(front.origin, front.agent, tokens[head], head, "front")]
                if front is not None and not any(r.code for r in recipients):
                    recipients = [place_party(front.attacked, front_victims(tokens, head), tokens[head], head)]
            bare_ok = policy.keep_without_parties and told
            # whose agent-only heads (الشرطة، المقاومة) these are: the sentence's place; for a definite head of an
            # asserted act, else the article's ("وشنت الميليشيات هجوما على مواقع الجيش" in an article on Aden)
            negated = modal.negated(self.cues, norms, cf, head)
            modality = modal.modality(self.cues, tokens, norms, tf, head, m, question, cf)
            definite_head = modality == "asserted" and any(  # a definite head: a known party (المقاومة), not "a state"
                x.agent and not x.code and "ال" in tokens[x.tok_start].prefix for x in actors + recipients)
            own = fill if policy.recipient_from_actor or definite_head else location
            event_type, mode = self._retype(m, norms, tf, head, recipients, tokens)
            if charge:
                event_type, mode = "ACCUSE", "allege"
            if m.pattern.id.startswith("accuse.warn_that") and self._own_side_next(tokens, pool, m.tokens[-1], actors):
                event_type, mode = "THREATEN", None  # "حذر ميدفيديف من أن روسيا قد تستخدم …": his side's own act
                recipients = [r for r in recipients if r.code not in {a.code for a in actors}]
            if event_type == "AGREE" and mode in ("promise", "offer", "intend") and modality == "asserted":
                modality = "future"  # retyped by readiness ("استعداد طهران لاستئناف المحادثات"): not done yet
            d = nearest(dates, head)
            if d:
                date, prec, date_end = d.date, d.precision, d.date_end
                if modality == "asserted" and published and date[:4] < str(int(published[:4]) - 3):
                    modality = "historical"
                if modality == "asserted" and published and prec in ("day", "month") and date[:7 if prec == "month" else 10] > published[:7 if prec == "month" else 10]:
                    modality = "future"  # dated after publication: planned, not done
            else:
                date, prec, date_end = published, "document" if published else "unknown", None
            et = self.ontology.types[event_type]
            trig_start = tokens[m.tokens[0]].start
            trig_end = tokens[m.tokens[-1]].end
            pairs = [(a, r) for a in actors for r in (recipients or [None])] or [(None, r) for r in (recipients or [None])]
            for a, r in pairs:
                if not (a is not None and (a.code or own)) and not (r is not None and (r.code or own)) \
                        and not bare_ok:
                    continue  # no state or organisation on either side: not an event record a user can use
                if event_type == "CONSULT" and r is not None and not r.code and r.agent == "MED":
                    continue  # a press conference or interview ("عقد لقاءه مع الصحافيين") is no consultation
                if policy.needs_recipient and not (r is not None and (r.code or own)):
                    continue  # an act towards someone with no one named (SUPPORT: دعمه للعاملين، الشكر للقيادة)
                home = own[0] if own else None
                same = a is not None and r is not None and (a.code or home or "?") == (r.code or home or "!")
                if same and a.agent == r.agent:
                    continue  # one party acting on itself ("قوات … تقدم قوات"): a misread argument
                if same and event_type == "AID":
                    continue  # a state arming or aiding its own (تسليح الحرس الوطني): no aid between parties
                if same and event_type == "SUPPORT" and mode == "endorse" and not (a.agent and r.agent):
                    continue  # "دعم" between one state and itself, one side unspecified: a misread argument
                # a group of no one state arrested by a state is held in that state's territory
                held = (a.code, "") if a is not None and len(a.code or "") == 3 and a.code not in self.stateless \
                    and a.kind != "igo" else None
                conf = 0.4 + (0.3 if a is not None and a.kind != "implicit" else 0.1 if a is not None else 0) \
                    + (0.2 if r is not None and not implicit_target and r.kind != "implicit" else 0) \
                    + (0.1 if m.pattern.length > 1 else 0)
                ev = Event(
                    id="",
                    event=event_type,
                    actor=_party(a, own, fill if a is not None and a.code in self.stateless else None,
                                 how="speaker" if a is not None and a.tok_start in spoken else None),
                    recipient=_party(r, own, (held if event_type == "COERCE" and held else fill)
                                     if r is not None and r.code in self.stateless else None),
                    location=location[1] if location else None,
                    mode=mode,
                    context=list(m.pattern.context),
                    intensity=et.intensity_of(mode),
                    quad=et.quad,
                    cameo=et.cameo_root,
                    negated=negated,
                    modality=modality,
                    attribution=attribution[0] if attribution and attribution[3] <= head + 1 else
                    reporter.text if reporter is not None else None,
                    attribution_code=attribution[1] if attribution and attribution[3] <= head + 1 else
                    reporter.code if reporter is not None else None,
                    date=date,
                    date_precision=prec,
                    date_end=date_end,
                    doc_id=doc_id,
                    sentence_idx=sentence.idx,
                    sentence=sentence.text,
                    event_text=sentence.text[trig_start - sentence.start:trig_end - sentence.start],
                    trigger_start=trig_start,
                    trigger_end=trig_end,
                    evidence_start=sentence.start,
                    evidence_end=sentence.end,
                    confidence=round(min(conf, 1.0), 2),
                    pattern=m.pattern.id,
                    symmetric=symmetric,
                )
                ev.id = event_id(doc_id, ev)
                if condemned is not None:
                    condemns[id(ev)] = condemned
                # one act told twice in a sentence is coded once: "خرج المتظاهرون إلى الشوارع", "زيارة بوتين إلى
                # فيتنام التي زارها" (noun and verb of one entry); different entries are different acts
                # ("قدمت مساعدة عسكرية … ووقف جنودها جنبا إلى جنب مع الروس"), except for protests
                entry = "" if ev.event == "PROTEST" else m.pattern.id.split("#")[0].removesuffix(".n").removesuffix(".v")
                key = (ev.event, ev.mode, ev.actor.code, ev.recipient.code, ev.negated, entry)
                if key in seen:
                    continue
                seen.add(key)
                out.append(ev)
        return _merge_assaults(_condemned_attackers(out, condemns, tokens))

    def _home_anaphors(self, tokens: list[Token], attribution, norms: list[str] = (),
                       pool: list[Mention] = ()) -> list[Mention]:
        """بلاده، بلادنا after a state's speaker ("قال الوزير الإيراني إن بلاده ستوقع …"): the speaker's state; with
        no speaker, the state of the sentence's subject when it is an official ("أعرب الوزير الأمريكي عن دعم بلاده")."""
        homes = [k for k, t in enumerate(tokens)
                 if arguments.in_set(t.norm, HOME_WORDS) or arguments.in_set(t.norm, HOME_MARKED)]
        if not homes:
            return []
        code = self._reporting_state(attribution, len(tokens)) if attribution else None
        start = attribution[3] if code else 0
        if code is None and pool:
            subject = arguments.main_subject(tokens, norms, pool, homes[0])
            if subject and subject[0].code in self.states and subject[0].agent and subject[0].kind != "head":
                code, start = subject[0].code, subject[0].tok_end
        out = []
        for k in homes if code else ():
            if k < start:
                continue
            t = tokens[k]
            at = t.start + t.text.rfind("بلاد")
            out.append(Mention(at, t.end, t.text[at - t.start:], code, None, "name", entry=HOME,
                               tok_start=k, tok_end=k + 1))
        return out

    def _reporter_of(self, tokens: list[Token], a: Mention, head: int) -> bool:
        """Mention a (or the noun its nisba follows: الشركة الفرنسية) is the subject of a verb of saying whose
        object is the act noun right after it."""
        if not (head == a.tok_end or (head == a.tok_end + 1 and tokens[a.tok_end].norm in arguments.ADVERBS)):
            return False
        for k in (a.tok_start - 1, a.tok_start - 2) if a.kind == "nisba" else (a.tok_start - 1,):
            v = tokens[k] if k >= 0 else None
            bare = v.norm[1:] if v is not None and v.norm[:1] in ("و", "ف") else None  # one conjunction, not a root و
            if v is not None and (self.cues.reporting.get(v.norm) or self.cues.reporting.get(v.base)
                                  or self.cues.reporting.get(bare)) in ("source", "confirm"):
                return True
        return False

    def _reporting_state(self, attribution, head: int) -> str | None:
        """The state of an organ that reports this act (السلطات الإماراتية، الناطقة باسم الحكومة اليونانية), if the
        report comes before the act."""
        if not attribution or attribution[3] > head + 1:
            return None
        code = attribution[1]
        return code if code in self.states else None  # a state speaks for its organs, not a group (YPG، FSA)

    def _speaker(self, tokens: list[Token], pool: list[Mention], attribution, head: int,
                 other: str | None = None) -> list[Mention]:
        """Who says what the act at ``head`` reports: a coded party in the reporting clause, else the last coded
        party before its verb other than ``other`` ("رحب الوزير الجبير بـ… إيران …، وقال: إن إيران …")."""
        if attribution and attribution[3] <= head + 1:
            start, end = attribution[2], attribution[3]
        else:  # a verb of saying with its subject left out: "وقال «إن …»"
            cue = next((k for k in range(head - 1, -1, -1) if self.cues.reporting.get(tokens[k].norm)
                        or self.cues.reporting.get(tokens[k].base)), None)
            if cue is None:
                return []
            start, end = cue, cue + 1
        inside = [x for x in pool if start <= x.tok_start < end and x.code]
        return inside[:1] or [x for x in pool if x.tok_end <= start and x.code and x.code != other][-1:]

    @staticmethod
    def _own_side_next(tokens: list[Token], pool: list[Mention], last: int, actors: list[Mention]) -> bool:
        """Right after "warned that" stands the warner's own state (its name, or بلاده): a warning of what his side
        will do is a threat, not a concern about others."""
        k = last + 1
        if k < len(tokens) and tokens[k].norm in HOME_WORDS:
            return True
        own = {a.code for a in actors if a.code}
        return any(x.tok_start == k and x.code in own for x in pool)

    def _surname(self, tokens: list[Token], m: TriggerMatch) -> bool:
        """A one-word trigger right after a given name is the person's family name (فؤاد شكر، عبدالله نصر)."""
        head = m.tokens[0]
        if len(m.tokens) > 1 or head == 0 or tokens[head].prefix:
            return False
        prev = tokens[head - 1]
        name = prev.base or prev.norm
        if prev.text.endswith("ى"):
            return False  # "ردت على قصف الحوثيين": the preposition على (with alif maqsura), not the name علي
        if head + 1 < len(tokens) and (tokens[head + 1].norm[:1].isdigit() or tokens[head + 1].norm in clauses.COUNT_WORDS):
            return False  # "أعلن العميد محمد سمير مقتل 88 إرهابيا": a count follows an act noun, not a family name
        return prev.prefix in ("", "و") and (name in self.given_names or (name.startswith("عبد") and len(name) > 4))

    # -- voice and missing parties ----------------------------------------------------------------
    @staticmethod
    def _voice(tokens: list[Token], pool: list[Mention], m: TriggerMatch, actors: list[Mention],
               recipients: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Passive verbs (قتل خمسة أشخاص، اغتيل مسؤول) and victim-subject verbs (تعرضت دورية لإطلاق نار): the
        grammatical subject suffers the act; the agent, if any, is marked by a phrase (برصاص، على يد، شنه)."""
        head = m.tokens[0]
        if m.pattern.event not in ("ASSAULT", "COERCE"):
            return actors, recipients
        # تعرض لـ، نجا من، أصيب بـ / في / جراء: the act the victim verb's subject suffered
        # (تعرض also takes إلى: "تعرض المسجد إلى تفجير إرهابي")
        marked = prep(tokens[head].prefix) in ("ل", "ب") or (head > 0 and tokens[head - 1].norm in
                                                             ("من", "لـ", "في", "جراء", "اثر", "الي"))
        vk = clauses.victim_verb(tokens, head) if marked else None
        # (a pronoun after إنه/إنها is the subject too: "قال الجيش إنه قتل 20 مسلحا")
        subject_before = any(a.tok_end == head or (a.tok_end == head - 1 and tokens[head - 1].norm in ("قد", "وقد", "لقد"))
                             for a in actors) or (head > 0 and tokens[head - 1].norm in SELF_REPORT)
        if vk is None and not clauses.is_passive(tokens, head, m.pattern.event, subject_before):
            return actors, recipients
        agents = clauses.agent_phrase(tokens, pool, m.tokens[-1])
        if not agents and vk is not None:  # "أصيب جنديان في هجوم لحركة حماس": the act noun names its own agent
            agents = [a for a in actors if a.tok_start > head]
        if not agents and vk is not None:  # "تعرضوا لقصف عنيف من مقاتلات التحالف": من marks the suffered act's agent
            k = next((k for k in range(m.tokens[-1] + 1, min(len(tokens), m.tokens[-1] + 3)) if tokens[k].norm == "من"), None)
            if k is not None:
                agents = [x for x in pool if k < x.tok_start <= k + 3 and x.code and x.kind != "capital"
                          and not any(tokens[j].norm in PREPS or prep(tokens[j].prefix) for j in range(k + 1, x.tok_start + 1))][:1]
        taken = {id(x) for x in agents}
        if vk is not None:  # the victim verb's subject: after it (VSO) or just before it (SVO)
            patients = [x for x in pool if vk < x.tok_start < head] or \
                [x for x in pool if x.tok_end <= vk and vk - x.tok_end <= 2]
        else:
            # the patient of a passive stays in its clause: "جنديا قتل عندما فتح مقاتلون النار"
            end = next((k for k in range(head + 1, min(len(tokens), m.tokens[-1] + 7))
                        if tokens[k].norm in CLAUSE_LINKS or tokens[k].norm in (".", ",", "،", ":", "؛")),
                       m.tokens[-1] + 7)
            patients = [x for x in pool if head < x.tok_start < end and id(x) not in taken
                        and not prep(tokens[x.tok_start].prefix)
                        and not (x.tok_start > 0 and tokens[x.tok_start - 1].norm in PREPS)]
            if not patients and clauses.no_object(tokens, head):
                # SVO passive: "مقاتلو جماعة الحوثي الذين قتلوا في المعارك", "خمسة مدنيين قتلوا في"
                k = head - 1 if head > 0 and tokens[head - 1].norm in clauses.RELATIVES else head
                patients = [x for x in pool if x.tok_end <= k and k - x.tok_end <= 1 and id(x) not in taken][-1:]
        patients = [x for x in patients if id(x) not in taken][:1]
        return agents, patients or [r for r in recipients if id(r) not in taken]

    @staticmethod
    def _from_place(policy: Policy, tokens: list[Token], head: int, location: tuple[str, str] | None,
                    actors: list[Mention], recipients: list[Mention], pool: list[Mention] = (),
                    aid: bool = False) -> tuple[list[Mention], list[Mention]]:
        """Missing parties supplied from the sentence's place or the actor's state, as the type's policy allows
        (parties.yaml)."""
        skip = {i for a in actors for i in range(a.tok_start, a.tok_end)}
        skip |= set(range(head, max([a.tok_end for a in actors if a.tok_start > head] + [head])))  # الشرطة المصرية
        where = location[0] if location else None
        source = clauses.launched_from(tokens, pool, head) if policy.actor_from_place and not actors else None
        if source is not None:  # where the fire came from is not what it hit
            recipients = [r for r in recipients if r.tok_start != source.tok_start]
        if source is not None and source.code != where:
            actors = [place_party(source.code, "UAF", tokens[head], head)]  # fired from across a border
        if where and policy.actor_from_place and not actors and has_attacker(tokens[max(0, head - 6):head + 12]):
            actors = [place_party(where, "UAF", tokens[head], head)]  # "مسلحون مجهولون" in a named place
        if where and policy.state_actor and not actors:
            actors = [place_party(where, "GOV", tokens[head], head)]  # "تم تنفيذ حكم الإعدام" in a named place
        own_forces = any((a.code or where) == where and a.agent in FORCES for a in actors)
        # a state's police and courts coerce people held in its own territory, whatever place the article names
        # ("أوقفت الشرطة التركية 251 شخصا" in an article on Syria): the recipient comes from the actor below
        police = policy.recipient_from_actor and any(len(a.code or "") == 3 and a.agent in ("COP", "JUD") for a in actors)
        if where and policy.recipient_from_place and not any(r.code for r in recipients) and not own_forces \
                and not police and not (aid and any(a.code == where and a.kind != "implicit" for a in actors)):
            # (aid goes to no written giver's own state: "جارتهم تتلقى شحنات من روسيا" in an article on Moscow)
            # victims of a place: its state (not when the place's own forces act there: "الجيش العراقي قصف")
            recipients = [place_party(where, victim_agent(tokens, head, skip), tokens[head], head)]
        state = next((a.code or where for a in actors if len(a.code or where or "") == 3 and a.kind != "igo"), None)
        if state and (not where or own_forces) and policy.actor_from_place and not any(r.code for r in recipients) \
                and any(a.agent in FORCES for a in actors) \
                and victim_agent(tokens, head, {i for a in actors for i in range(a.tok_start, a.tok_end)}) == "REB":
            # "قتل 12 مسلحا في حملة شنتها القوات المصرية" (at home, or no place named): the militants its forces
            # fight are of its state
            recipients = [place_party(where or state, "REB", tokens[head], head, "actor")]
        if state and policy.recipient_from_actor and not any(r.code for r in recipients):
            # "اعتقلت السلطات الإيرانية ثلاثة ناشطين": a state's coercion of unnamed people is of its own people
            recipients = [place_party(state, victim_agent(tokens, head, skip), tokens[head], head, "actor")]
        return actors, recipients

    # -- trigger selection ------------------------------------------------------------------------
    @staticmethod
    def _select(matches: list[TriggerMatch]) -> list[TriggerMatch]:
        """Keep the most specific match where matches share tokens."""
        used: set[int] = set()
        out = []
        # pattern id breaks ties so that results never depend on set order (hash seeds differ per process)
        for m in sorted(matches, key=lambda m: (-m.pattern.length, m.start, m.end, m.pattern.id)):
            if used.isdisjoint(m.tokens):
                out.append(m)
                used.update(m.tokens)
        return sorted(out, key=lambda m: m.start)

    @staticmethod
    def _fold_embedded(matches: list[TriggerMatch], norms: list[str], tokens: list[Token]) -> list[TriggerMatch]:
        """A promise, threat, demand or denial governs the act after it ("تعهدت بتقديم دبابات" is one AGREE):
        the embedded trigger, within a few tokens and no clause boundary, is dropped. So is a purpose clause
        (لـ + masdar) after any act: "أرسلت قوات للقتال"، "قدمت مساعدات لدعم أوكرانيا" are one act each."""
        governing = {"AGREE", "THREATEN", "REQUEST", "REJECT", "SUPPORT"}  # SUPPORT: "وقعت اتفاقية تعاون عسكري"
        # (an accusation presupposes its act: "أدانت تسليم بيونغ يانغ ذخائر" codes both; a warning that something
        # may happen does not: "حذر من أن روسيا قد تستخدم …")
        out = []
        for m in matches:
            purpose = len(m.tokens) == 1 and tokens[m.tokens[0]].prefix in ("ل", "لال")
            gov = next((g for g in out if (g.pattern.event in governing or purpose or g.pattern.id.startswith(
                "accuse.warn_that")) and 0 < m.tokens[0] - g.tokens[-1] <= 5
                        and g.pattern.id.split("#")[0] != m.pattern.id.split("#")[0]  # "يجب" + "على X أن": one entry
                        and not any(norms[k] in BOUNDARY for k in range(g.tokens[-1] + 1, m.tokens[0]))), None)
            if gov is None:
                out.append(m)
        return out

    def _retype(self, m: TriggerMatch, norms: list[str], tf: list[set[str]], head: int, recipients: list[Mention],
                tokens: list[Token]) -> tuple[str, str | None]:
        """PLOVER rules that depend on context: readiness to cooperate is AGREE (to attack: THREATEN);
        an exercise held with another state (مع) is military COOPERATE, not a show of force."""
        ev, mode = m.pattern.event, m.pattern.mode
        if ev == "MOBILIZE" and mode == "troops" and any(
                (len(r.code) == 3 and prep(tokens[r.tok_start].prefix) == "ل")
                or (r.tok_start > 0 and norms[r.tok_start - 1] == "الي") for r in recipients if r.kind != "implicit"):
            ev, mode = "AID", "military"  # troops sent to another state's side: "أرسلت آلاف الجنود إلى روسيا"
        for k in range(head - 1, max(-1, head - 4), -1):
            if norms[k] in BOUNDARY:
                break
            if tf[k] & READINESS:
                if ev in ("AID", "COOPERATE", "SUPPORT", "CONSULT", "CONCEDE", "RETREAT"):
                    return "AGREE", "intend"
                if ev in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION"):
                    return "THREATEN", None
        if ev == "SUPPORT" and mode == "endorse" and tokens[head].stem in ("دعم", "دعما", "مسانده") and any(
                tf[k] & WAR_WORDS for k in range(head + 1, min(len(tf), head + 5))):
            return "AID", "military"  # "دعمها للحرب الروسية", "دعم موسكو بالذخائر": material support for a war
        if ev == "MOBILIZE" and any(norms[k] == "مع" and norms[k - 1] not in ("حدود", "الحدود", "الحدوديه")
                                    for k in range(m.tokens[-1] + 1, min(len(norms), m.tokens[-1] + 5))):
            return "COOPERATE", "military"
        if ev == "ASSAULT" and (tf[head] & VERBAL_ATTACKS) and any(
                norms[k] in SPEECH_CUES or tokens[k].base in SPEECH_CUES for k in range(head + 1, min(len(norms), head + 12))):
            return "ACCUSE", "disapprove"  # "هاجم الوزير الحكومة بشدة في خطابه": an attack in words
        if ev == "REJECT" and any(tokens[k].base in INTERFERENCE or tokens[k].norm in INTERFERENCE
                                  for k in range(m.tokens[-1] + 1, min(len(tokens), m.tokens[-1] + 4))):
            return "ACCUSE", "disapprove"  # "رفض مصر الكامل للتدخل الإيراني": rejecting another's conduct disapproves
        if ev == "RETREAT" and mode == "withdraw" and any(r.kind == "igo" for r in recipients):
            return "SANCTION", "withdraw"  # leaving an alliance or organisation reduces relations with it
        return ev, mode

    # -- arguments --------------------------------------------------------------------------------
    @staticmethod
    def _duals(tokens: list[Token], mentions: list[Mention], context: list[str]) -> list[Mention]:
        """Dual nouns that refer back to two states (وقعت الدولتان، الزعيمان، بين البلدين) as a mention whose
        code is the first state and whose ``entry`` holds the second."""
        out = []
        for i, t in enumerate(tokens):
            if t.base not in DUAL_REFS and t.norm not in DUAL_REFS:
                continue
            # not a news agency's nisba (قال لوكالة الأنباء الألمانية إن مواجهات اندلعت بين الطرفين)
            earlier = [x for x in mentions if x.tok_end <= i and x.agent != "MED"]
            duo = _coordinated_pair(tokens, earlier) or _last_two(list(context) + [x.code for x in earlier])
            if duo:
                out.append(Mention(t.start, t.end, t.text, duo[0], None, "dual", entry=duo[1], tok_start=i, tok_end=i + 1))
        return out

    @staticmethod
    def _org_anaphors(tokens: list[Token], mentions: list[Mention], context_igos: list[str]) -> list[Mention]:
        """"المنظمة"، "الحلف" refer back to the organisation last named (قمة المنظمة → CSTO)."""
        out = []
        covered = {i for x in mentions for i in range(x.tok_start, x.tok_end)}
        for i, t in enumerate(tokens):
            definite = t.norm[t.norm.find("ال") + 2:] if "ال" in t.norm[:4] else ""  # المنظمة، والحلف
            if i in covered or definite not in ORG_REFS:
                continue
            named = list(context_igos) + [x.code for x in mentions if x.kind == "igo" and x.tok_end <= i]
            if named:
                out.append(Mention(t.start, t.end, t.text, named[-1], None, "igo", tok_start=i, tok_end=i + 1))
        return out

    def _group_anaphors(self, tokens: list[Token], mentions: list[Mention],
                        context_groups: list[tuple[str, str | None]]) -> list[Mention]:
        """"الانقلابيين"، "المتمردين" refer back to the armed group the article last named (in a Yemen article of
        2015, the Houthis): a reference word, not a name, so it follows the article, not a dictionary entry."""
        out = []
        covered = {i for x in mentions for i in range(x.tok_start, x.tok_end)}
        for i, t in enumerate(tokens):
            if i in covered or "ال" not in t.prefix or t.base not in GROUP_REFS:
                continue
            named = [g for g in list(context_groups) + [(x.code, x.country) for x in mentions
                                                        if x.country and x.agent == "REB" and x.tok_end <= i]
                     if g[0] not in self.loyal]
            if named:
                code, country = named[-1]
                out.append(Mention(t.start, t.end, t.text, code, "REB", "name", tok_start=i, tok_end=i + 1,
                                   country=country))
        return out

    @staticmethod
    def _coalitions(tokens: list[Token], mentions: list[Mention], leader: str | None) -> list[Mention]:
        """A bare "التحالف" (طيران التحالف، قوات التحالف) is the coalition of the war the article is about, coded
        by its leader (``leader``: coalition_leader); a named one (التحالف الوطني) is left to the dictionary."""
        if not leader:
            return []
        out = []
        covered = {i for x in mentions for i in range(x.tok_start, x.tok_end)}
        for i, t in enumerate(tokens):
            if i in covered or t.base != "تحالف" or "ال" not in t.prefix:
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.is_word and nxt.prefix[-2:] == "ال" and nxt.norm not in clauses.RELATIVES:
                continue  # "التحالف الوطني", "التحالف الحاكم": another coalition, named
            out.append(Mention(t.start, t.end, t.text, leader, "MIL", "head", tok_start=i, tok_end=i + 1))
        return out

    @staticmethod
    def _construct_place(x: Mention, tokens: list[Token], places: list[Mention]) -> Mention:
        """An indefinite armed or police head in construct with a town is that town's state's: "ثوار تعز"،
        "مسلحو الفلوجة"، "شرطة دبي" (a head with ال, or with a preposition before the town, is not in construct)."""
        if x.kind != "head" or x.code or "ال" in tokens[x.tok_start].prefix or x.tok_end != x.tok_start + 1:
            return x
        town = next((y for y in places if y.code and y.tok_start == x.tok_end
                     and not prep(tokens[y.tok_start].prefix)), None)
        return replace(x, code=town.code) if town is not None else x

    @staticmethod
    def _location(norms: list[str], mentions: list[Mention], places: list[Mention]) -> tuple[str, str] | None:
        """(country code, text) of where the sentence happens: a place or capital, else a state after في."""
        def after_fi(x: Mention) -> bool:
            return x.tok_start > 0 and (norms[x.tok_start - 1] in ("في", "داخل", "بمدينه", "مدينه", "شوارع")
                                        or norms[x.tok_start - 1] in arguments.PLACE_WORDS  # شمال العراق
                                        or norms[x.tok_start - 1][1:] in arguments.PLACE_WORDS)  # بشرق العراق

        def border(x: Mention) -> bool:  # "قرب الحدود مع مدينة كوباني السورية": a landmark, not the place
            near = norms[max(0, x.tok_start - 4):x.tok_start]
            return "مع" in near and any(w in ("الحدود", "حدود", "الحدوديه", "الحدودي") for w in near)
        # "مدينة سوروتش التركية": a town the dictionary lacks, placed by its nisba
        towns = [x for x in mentions if x.kind == "nisba" and x.tok_start >= 2 and norms[x.tok_start - 2] in SETTLEMENTS]
        for x in sorted([x for x in places if x.code] + towns, key=lambda x: x.tok_start):
            if not border(x):
                return x.code, x.text
        for x in places:
            if x.code:
                return x.code, x.text
        for x in mentions:
            if x.kind == "capital" and not (x.tok_start > 0 and norms[x.tok_start - 1] in SPEAKING):
                return x.code, x.text  # not "قالت واشنطن": a capital that speaks is its government
        for x in mentions:
            if x.kind == "name" and after_fi(x) and len(x.code) == 3:
                return x.code, x.text
        return None

    def _attribution(self, tokens: list[Token], mentions: list[Mention], trigger_tokens: set[int] = frozenset()):
        """(source text, source code, start token, end token, role) of the first reporting cue, if any.
        A cue word that is itself an event trigger (اعترفت "recognised"/"admitted") is not a report."""
        norms = [t.norm for t in tokens]
        for i, t in enumerate(tokens):
            if i in trigger_tokens:
                continue
            role = self.cues.reporting.get(t.norm) or self.cues.reporting.get(t.base)
            j = i + 1
            if role is None:
                for ph, r in self._phrases_by_first.get(norms[i], ()):
                    if tuple(norms[i:i + len(ph)]) == ph:
                        role, j = r, i + len(ph)
                        break
            if role is None:
                continue
            while j < len(tokens) and j - i <= 8 and norms[j] not in ("ان", ",", ":", ".", "انه", "انها", "بان"):
                j += 1
            span = tokens[i:j]
            if len(span) < 2:
                continue
            code = next((x.code for x in mentions if i <= x.tok_start < j), None)
            text = " ".join(x.text for x in span)
            return (text, code, i, j, role)
        return None


def _coordinated_pair(tokens: list[Token], mentions: list[Mention]) -> tuple[str, str] | None:
    """The last two states named together ("بين روسيا وكوريا الشمالية") earlier in the sentence: البلدان
    refers to them even when a third state was named after them."""
    pair = None
    for x, y in zip(mentions, mentions[1:], strict=False):
        joined = (y.tok_start == x.tok_end and tokens[y.tok_start].norm.startswith("و")) or \
            (y.tok_start == x.tok_end + 1 and tokens[x.tok_end].norm == "و")
        if joined and x.code != y.code and len(x.code) == 3 and len(y.code) == 3:
            pair = (x.code, y.code)
    return pair


def _last_two(codes: list[str]) -> tuple[str, str] | None:
    """The two states named last (most recent last), for البلدان / الزعيمان / اجتماعهما."""
    recent: list[str] = []
    for c in codes:
        if len(c) == 3 and c.isalpha():
            if c in recent:
                recent.remove(c)
            recent.append(c)
    return (recent[-2], recent[-1]) if len(recent) >= 2 else None


def result(e: Event) -> bool:
    """The event is told as the result of what comes before it: "ما أسفر عن مقتل"، "مما أدى إلى مصرع"."""
    before = [normalize(w) for w in e.sentence[:e.trigger_start - e.evidence_start].split()[-4:]]
    return any(w in RESULTS for w in before)


def _condemned_attackers(events: list[Event], condemns: dict[int, int], tokens: list[Token]) -> list[Event]:
    """A condemnation of an incident whose attack names its doer condemns that doer ("أدانت مصر الهجوم الذي
    شنه تنظيم داعش"): the recipient is the attack's actor."""
    if not condemns:
        return events
    at = {t.start: i for i, t in enumerate(tokens)}
    for e in events:
        k = condemns.get(id(e))
        if k is None:
            continue
        for o in events:  # "دان الأمين العام التفجير الإرهابي": who condemns the incident did not do it
            if o.event == "ASSAULT" and k <= at.get(o.trigger_start, -1) <= k + 6 and o.actor.start is not None \
                    and o.actor.start == e.actor.start:
                o.actor = Party()
                o.id = event_id(o.doc_id, o)
        attack = next((o for o in events if o.event == "ASSAULT" and k <= at.get(o.trigger_start, -1) <= k + 6
                       and o.actor.code and o.actor.code != e.actor.code), None)
        if attack is not None and (attack.actor.code, attack.actor.agent) != (e.recipient.code, e.recipient.agent):
            e.recipient = replace(attack.actor)
            e.id = event_id(e.doc_id, e)
    return events


def _merge_assaults(events: list[Event]) -> list[Event]:
    """One violent happening is often told twice in a sentence ("قتل خمسة أشخاص في انفجار سيارة مفخخة"):
    ASSAULT events with the same parties and status are one; one with no actor yields to one with an actor and
    the same recipient."""
    def fits(a: Party, b: Party) -> bool:  # a missing or inferred party fits any written one
        return a.code == b.code or not a.code or not b.code or bool(a.inferred or b.inferred)

    def circumstance(e: Event) -> bool:  # "في انفجار"، "بقصف"، "جراء غارة": how the killing happened
        before = e.sentence[:e.trigger_start - e.evidence_start].split()[-1:]
        return bool(before) and (normalize(before[0]) in ("في", "اثر", "جراء", "خلال", "بسبب", "اثناء")
                                 or e.event_text[:1] == "ب")

    out: list[Event] = []
    for e in events:
        if e.event == "ASSAULT" and (not e.actor.code or e.actor.inferred) and result(e):
            # "أطلق التنظيم صواريخ على مخمور ما أسفر عن مقتل 18": the result's doer is the act's
            # (an inferred doer, such as the unidentified attacker of a bombing, only for a result with none)
            cause = next((o for o in reversed(out) if o.event == "ASSAULT" and o.actor.code
                          and (not o.actor.inferred or not e.actor.code) and o.trigger_start < e.trigger_start), None)
            if cause is not None:
                e.actor = cause.actor
                e.id = event_id(e.doc_id, e)
        if e.event == "ASSAULT":
            twin = next((o for o in out if o.event == "ASSAULT" and o.negated == e.negated
                         and o.modality == e.modality and fits(o.actor, e.actor) and fits(o.recipient, e.recipient)
                         and (o.actor.code == e.actor.code or circumstance(e) or not o.actor.code)), None)
            if twin is not None:  # keep the first telling, with the parties either telling names
                # a written party outranks an inferred one, and an inferred one a missing one
                if e.actor.code and (not twin.actor.code or twin.actor.inferred and not e.actor.inferred):
                    twin.actor = e.actor
                if e.recipient.code and (not twin.recipient.code or twin.recipient.inferred and not e.recipient.inferred):
                    twin.recipient = e.recipient
                twin.mode = twin.mode or e.mode
                twin.id = event_id(twin.doc_id, twin)
                continue
        out.append(e)
    return out


def _party(m: Mention | None, location: tuple[str, str] | None = None,
           where: tuple[str, str] | None = None, how: str | None = None) -> Party:
    if m is None:
        return Party()
    code = m.code or (location[0] if location else None)  # an agent alone (الحكومة) belongs to the place
    if m.kind == "implicit":  # inferred, not written: no surface text or span
        return Party(code, m.agent, code, inferred=m.entry or None)
    country = m.country
    if not country and where and len(where[0]) == 3:
        country = where[0]  # a group of no one state (ISIL, al-Qaeda) acts in the state of the event's place
    return Party(code, m.agent, m.person or code, m.text, m.start, m.end,
                 inferred=how or ("place" if not m.code and code else None), country=country)


YEMEN_WAR = frozenset({"YEM", "HOU"})  # the Saudi-led coalition (2015-): coded SAU, as the annotation guidelines say
ISIL_WAR = frozenset({"ISI"})  # the US-led coalition against ISIL (2014-): coded USA


def coalition_leader(codes: list[str]) -> str | None:
    """The leader of "the coalition" an article means: the war it named last (Yemen: SAU; ISIL: USA)."""
    for c in reversed(codes):
        if c in YEMEN_WAR:
            return "SAU"
        if c in ISIL_WAR:
            return "USA"
    return None


def event_id(doc_id: str, e: Event) -> str:
    key = f"{doc_id}|{e.sentence_idx}|{e.trigger_start}|{e.event}|{e.actor.code}|{e.actor.start}|{e.recipient.code}|{e.recipient.start}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]
