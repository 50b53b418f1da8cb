"""Party policy per PLOVER type (data/ontology/parties.yaml): which events may keep a null party, and when the
place's state stands for a missing one. Decisions about missing parties live here and in that file, not in the
coder's argument rules."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from ..records import Event, Mention, Token
from ..text.normalize import normalize
from .clauses import victim_verb

FIELDS = ("keep_without_parties", "recipient_from_place", "actor_from_place", "recipient_from_actor", "state_actor",
          "needs_recipient")
MILITARY_VICTIMS = frozenset({"جندي", "جنديا", "جنود", "الجنود", "عسكري", "عسكريا", "عسكريين", "العسكريين", "ضابط",
                              "ضابطا", "ضباط", "الضباط", "جيش", "الجيش", "عسكريون", "رقيب", "عريف", "ملازم"})
POLICE_VICTIMS = frozenset({"شرطي", "شرطيا", "شرطه", "الشرطه", "امن", "الامن", "رجال", "دوريه", "دوريات", "نقطه",
                            "حاجز", "الحاجز", "امني", "امنيه", "الامنيه"})
ARMED_VICTIMS = frozenset({"ارهابي", "ارهابيا", "ارهابيين", "ارهابيون", "مسلح", "مسلحا", "مسلحين", "مسلحون",
                           "متشدد", "متشددا", "متشددين", "متطرفين", "مقاتل", "مقاتلا", "مقاتلين", "مقاتلي", "عناصر",
                           "عنصرا", "تكفيريين", "انتحاريين"})
ATTACKERS = frozenset({"مسلح", "مسلحون", "مسلحين", "مجهولون", "مجهولين", "انتحاري", "انتحاريا", "انتحاريون",
                       "مهاجم", "مهاجمون", "مهاجمين", "ارهابيون", "ارهابيين", "ارهابي", "ارهابيه", "اجرامي",
                       "اجراميه", "تفجير", "تفجيرين", "تفجيرات", "مفخخه", "ناسفه", "عبوه", "عبوات",
                       "جبان", "الجبان", "غادر", "الغادر", "غاشم", "الغاشم", "اثم", "الاثم", "دنيء", "خسيس"})
# "التفجير الإجرامي"، "العملية الإرهابية"، "تفجيرين"، "عبوة ناسفة": someone's attack, not an accident


@dataclass(frozen=True, slots=True)
class Policy:
    keep_without_parties: bool = False
    recipient_from_place: bool = False
    actor_from_place: bool = False
    recipient_from_actor: bool = False
    state_actor: bool = False  # only the state does this (an execution): its government is the unnamed actor
    needs_recipient: bool = False  # an act towards someone: without a coded recipient it is no usable record


def parse_policies(data, types, where: str = "parties.yaml") -> tuple[dict[str, Policy], list[str]]:
    """``types``: the PLOVER types, or a mapping type -> its modes. A key is a type (ASSAULT) or a type and one of
    its modes (ASSAULT.execute), which replaces the type's policy for that mode."""
    problems: list[str] = []
    out: dict[str, Policy] = {}
    if not isinstance(data, dict):
        return {}, [f"{where}: expected a mapping of PLOVER type -> policy"]
    for name, body in data.items():
        kind, _, mode = str(name).partition(".")
        if kind not in types:
            problems.append(f"{where}: {name}: not a PLOVER type")
            continue
        if mode and isinstance(types, dict) and mode not in types[kind]:
            problems.append(f"{where}: {name}: '{mode}' is not a mode of {kind}")
            continue
        if not isinstance(body, dict):
            problems.append(f"{where}: {name}: expected a mapping of fields")
            continue
        bad = [k for k in body if k not in FIELDS]
        if bad:
            problems.append(f"{where}: {name}: unknown field(s) {', '.join(bad)} (known: {', '.join(FIELDS)})")
        wrong = [k for k in FIELDS if k in body and not isinstance(body[k], bool)]
        if wrong:
            problems.append(f"{where}: {name}: {', '.join(wrong)} must be true or false")
        out[name] = Policy(**{k: bool(body.get(k, False)) for k in FIELDS})
    return out, problems


def load_policies(types) -> tuple[dict[str, Policy], list[str]]:
    text = resources.files("marsad.data.ontology").joinpath("parties.yaml").read_text(encoding="utf-8")
    return parse_policies(yaml.safe_load(text), types)


def front_victims(tokens: list[Token], head: int) -> str:
    """Agent of the victims of fire across a front: the nouns after the trigger, else any soldier or policeman the
    sentence names ("استشهاد الرقيب … بعد إصابته بمقذوف")."""
    agent = victim_agent(tokens, head)
    if agent != "CVL":
        return agent
    for t in tokens:  # the first soldier or policeman named decides
        if t.base in MILITARY_VICTIMS or t.norm in MILITARY_VICTIMS:
            return "MIL"
        if t.base in ("دوريه", "دوريات", "شرطي", "شرطيا", "شرطه"):  # (not رجال or أمن: "رجال الدفاع المدني")
            return "COP"
    return agent


def victim_agent(tokens: list[Token], head: int, skip: set[int] = frozenset()) -> str:
    """CAMEO agent of unnamed victims from the noun after the trigger (not the actor's words): soldiers MIL,
    police COP, militants REB ("مقتل 88 إرهابيا في حملات أمنية"), else CVL; the first such noun decides."""
    for k in range(head + 1, min(len(tokens), head + 7)):
        t = tokens[k]
        if k in skip or (k == head + 1 and t.norm in ATTACK_ADJECTIVES and tokens[head].base not in HARM_NOUNS):
            continue  # "هجوم مسلح"، "تفجير إرهابي": the attack's adjective, not its victims
        if t.base in MILITARY_VICTIMS or t.norm in MILITARY_VICTIMS:
            return "MIL"
        if t.base in POLICE_VICTIMS or t.norm in POLICE_VICTIMS:
            return "COP"
        if t.base in ARMED_VICTIMS or t.norm in ARMED_VICTIMS:
            return "REB"
        if t.base in PEOPLE or t.norm in PEOPLE:
            return "CVL"  # "أوقفت الشرطة 251 شخصا في إطار حملة أمنية": the people named first decide
    vk = victim_verb(tokens, head)
    if vk is not None:  # "تعرضت دورية للشرطة لهجوم": the victim verb's subject, before the act
        for t in tokens[vk + 1:head]:
            if t.base in MILITARY_VICTIMS or t.norm in MILITARY_VICTIMS:
                return "MIL"
            if t.base in POLICE_VICTIMS or t.norm in POLICE_VICTIMS:
                return "COP"
    return "CVL"


# singular adjectives an attack noun takes; after a noun of harm done to people (مقتل مسلح) they are the victim
ATTACK_ADJECTIVES = frozenset({"مسلح", "مسلحه", "المسلح", "المسلحه", "ارهابي", "ارهابيه", "الارهابي", "الارهابيه",
                               "انتحاري", "انتحاريه", "الانتحاري", "الانتحاريه"})
HARM_NOUNS = frozenset({"مقتل", "قتل", "اغتيال", "تصفيه", "اعدام", "اعتقال", "اسر", "خطف", "اختطاف", "اصابه", "جرح",
                        "استهداف", "ملاحقه", "مطارده", "توقيف", "القبض"})
PEOPLE = frozenset({"شخص", "شخصا", "اشخاص", "شخصين", "مواطن", "مواطنا", "مواطنين", "مواطنون", "مدني", "مدنيا",
                    "مدنيين", "مدنيون", "مقيم", "مقيما", "مقيمين", "طفل", "طفلا", "اطفال", "امراه", "نساء"})


NATURAL_FORCES = frozenset({"حريق", "حرايق", "النيران", "سيول", "السيول", "فيضان", "فيضانات", "اعصار", "عاصفه",
                            "زلزال", "امطار", "الامطار", "وباء", "فيروس", "الجفاف", "موجه", "الحر", "الغبار",
                            "الحراره", "حراره", "الملاريا", "الكوليرا", "المرض", "الامراض", "الايدز", "السرطان"})
KIN = frozenset({"زوجته", "زوجها", "ابنه", "ابنها", "ابنته", "ابنتها", "والده", "والدته", "والدها", "والدتها", "شقيقه",
                 "شقيقها", "شقيقته", "شقيقتها", "اخاه", "اخيه", "اخته", "اطفاله", "اطفالها", "طفله", "طفلها", "زوجه",
                 "طليقته", "عمه", "خاله", "ابنايه", "ابناءه"})


ACCIDENTS = frozenset({"سير", "مروري", "مرور", "اصطدام", "تصادم", "غرق", "غرقا", "احتراق"})  # حادث سير، غرقا
RESULTS = frozenset({"اسفر", "اسفرت", "ادي", "ادت", "تسبب", "تسببت", "خلف", "خلفت", "نجم", "نتج", "متسببا", "مخلفا",
                     "مسفرا", "موديا"})


def not_political(tokens: list[Token], first: int, last: int) -> bool:
    """A violent verb whose subject is a natural force (اجتاح حريق، ضربت عاصفة), whose cause is an accident (قتل في
    حادث سير، مصرع … غرقا) or whose object is the doer's own kin (قتل زوجته): news of disasters and private crime,
    not of political violence. A result clause reaches back to its cause: "حرائق غابات أسفرت عن مقتل شرطي"."""
    def forced(ts) -> bool:
        return any(t.base in NATURAL_FORCES or t.norm in NATURAL_FORCES for t in ts)
    near = [t for t in tokens[last + 1:last + 3]] + [t for t in tokens[max(0, first - 2):first]]
    if forced(near) or any(t.norm in KIN or t.base in KIN for t in tokens[last + 1:last + 4]):
        return True
    if any(t.norm in ACCIDENTS or t.base in ACCIDENTS for t in tokens[last + 1:last + 5]):
        return True
    if private_quarrel(tokens[last + 1:last + 24]):  # (past the victim's full name and nationality)
        return True
    marker = next((k for k in range(first - 1, max(-1, first - 9), -1)
                   if tokens[k].base in RESULTS or tokens[k].norm in RESULTS), None)
    if marker is None:
        return False
    # the cause before the marker, or after it when the verb leads ("وأدت الفيضانات والسيول إلى تدمير الطرق")
    cause = tokens[max(0, marker - 14):first]
    return forced(cause) and not has_attacker(cause)


QUARRELS = frozenset({"لخلاف", "لخلافات", "مشاجره", "لمشاجره", "شجار", "مشادة", "مشاده"})


def private_quarrel(tokens: list[Token]) -> bool:
    """A killing over a private dispute ("أقدم على قتله … لخلاف سابق بينهما"، "إثر مشاجرة"): a crime, not politics."""
    return any(t.norm in QUARRELS or (t.base in ("خلاف", "خلافات") and k and tokens[k - 1].norm in ("اثر", "بسبب"))
               for k, t in enumerate(tokens))


def has_attacker(tokens: list[Token]) -> bool:
    """An attacker noun that is no target: not after على/ضد and without لـ ("على مواقع للمسلحين" is attacked)."""
    return any((t.base in ATTACKERS or t.norm in ATTACKERS) and not t.prefix.lstrip("وف").startswith("ل")
               and not any(u.norm in ("علي", "ضد") for u in tokens[max(0, k - 2):k])
               for k, t in enumerate(tokens))


def place_party(code: str, agent: str, at: Token, tok: int, how: str = "place") -> Mention:
    """A party inferred from the place (or the actor's state): kind "implicit", no surface text of its own."""
    return Mention(at.start, at.end, "", code, agent, "implicit", entry=how, tok_start=tok, tok_end=tok + 1)


# offices a kingdom's press names bare for its own holder ("استقبل سمو ولي العهد"، "ولي ولي العهد خلال اجتماعه"):
# a foreign one is always written with his state (ولي عهد البحرين، ولي العهد الأردني), which codes it
OWN_OFFICES = frozenset({normalize(w) for w in ("ولي العهد", "ولي ولي العهد")})


def outlet_offices(events: list[Event], home: str | None) -> list[Event]:
    """A party written as a bare office of OWN_OFFICES, with no state found for it, is the outlet's state's
    (inferred "outlet"): the real-news dev half has four such crown princes in Saudi press, none foreign.
    Returns the events changed (their ids follow their parties)."""
    changed = []
    for e in events if home else ():
        for party in (e.actor, e.recipient):
            if not party.code and party.text and normalize(party.text) in OWN_OFFICES:
                party.code, party.name, party.inferred = home, home, "outlet"
                changed.append(e)
    return changed


STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
DOMESTIC_SIDES = frozenset({"REB", "OPP", "PTY", "LEG"})


def domestic_organs(events: list[Event]) -> list[Event]:
    """A state organ written bare (الحكومة، القوات، الشرطة) with no state found for it, facing a party of one
    state's own politics (a group acting in that state, an opposition, a party or a member of parliament), is that
    state's: "محادثات السلام بين الحكومة وحركة طالبان" (AFG), "اتهم النائب ميشال عون الحكومة" (LBN). Inferred
    "actor" or "recipient" after the side it came from. Returns the events changed."""
    changed = []
    for e in events:
        for party, other, how in ((e.actor, e.recipient, "recipient"), (e.recipient, e.actor, "actor")):
            if party.code or party.inferred or not party.text or party.agent not in STATE_ORGANS:
                continue
            # (not a community of a state, such as settlers: a ministry condemning them is often another state's)
            state = (other.country if other.agent != "CVL" else None) or (
                other.code if other.agent in DOMESTIC_SIDES else None)
            if state and len(state) == 3 and not other.inferred:
                party.code, party.name, party.inferred = state, state, how
                changed.append(e)
    return changed


# a masdar of harm with a pronoun for its victims (استشهادهم، مقتلهما): the pronoun refers back to people named
# before it, not to the place where they fell
VICTIM_MASDARS = frozenset({"استشهاد", "مقتل", "قتل", "مصرع", "اصابه", "جرح", "وفاه"})
VICTIM_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
FORCE_HEADS = frozenset({"قوات", "قوه", "جيش", "جنود", "جندي", "جنديين", "جنديان", "وحدات", "عسكريين", "ضباط"})


def force_state(tokens: list[Token], mentions: list[Mention], before: int) -> str | None:
    """The state of the last force written before token ``before`` as a force noun and its nisba, a few adjectives
    apart: "القوة الإماراتية المشاركة"، "القوات المسلحة البحرينية"."""
    for x in sorted(mentions, key=lambda x: x.tok_start, reverse=True):
        if x.tok_start >= before or x.kind != "nisba" or len(x.code or "") != 3:
            continue
        if any(tokens[k].base in FORCE_HEADS and all(tokens[j].is_word for j in range(k, x.tok_start))
               for k in range(max(0, x.tok_start - 3), x.tok_start)):
            return x.code
    return None


def pronoun_victims(events: list[Event], tokens: dict[int, list[Token]], mentions: dict[int, list[Mention]],
                    states: frozenset[str]) -> list[Event]:
    """An attack whose victims are a masdar's pronoun (أعلنت القيادة استشهادهم) and whose recipient came from the
    place: the victims are the force named last before it, in its sentence or the one before (its own soldiers
    fallen abroad), inferred "antecedent". Returns the events changed."""
    changed = []
    for e in events:
        if e.event != "ASSAULT" or e.recipient.inferred != "place":
            continue
        toks = tokens.get(e.sentence_idx, [])
        head = next((k for k, t in enumerate(toks) if t.start == e.trigger_start), None)
        if head is None or toks[head].suffix not in VICTIM_PRONOUNS or toks[head].stem not in VICTIM_MASDARS:
            continue
        code = force_state(toks, mentions.get(e.sentence_idx, []), head) or force_state(
            tokens.get(e.sentence_idx - 1, []), mentions.get(e.sentence_idx - 1, []), 10 ** 6)
        if code and code in states and code != e.recipient.code:
            e.recipient.code, e.recipient.name, e.recipient.agent, e.recipient.inferred = code, code, "MIL", "antecedent"
            changed.append(e)
    return changed


# people caught crossing a border unlawfully (محاولة تسلل 25 شخصا، 40 مهاجرا غير شرعي) are of no state the text
# gives: neither the catcher's nor the land they were heading for (إلى الأراضي التونسية)
CROSSING = frozenset({"تسلل", "متسلل", "متسللين", "متسللون"})
MIGRANTS = frozenset({"مهاجر", "مهاجرا", "مهاجرين", "مهاجرون", "مهاجره", "هجره"})
UNLAWFUL = frozenset({"شرعي", "شرعيه", "شرعيين", "نظاميه", "نظامي", "نظاميين"})
KEPT = frozenset({"front", "antecedent", "crossing"})  # sides the learned scorer leaves as the rules set them


def border_crossers(events: list[Event], tokens: dict[int, list[Token]]) -> list[Event]:
    """An arrest of border crossers has no recipient state: the one inferred from the actor or the place, or the
    destination after إلى, is removed (inferred "crossing": no state written). Returns the events changed."""
    changed = []
    for e in events:
        if e.event != "COERCE" or e.mode != "arrest" or (e.recipient.code and not e.recipient.inferred
                                                         and not destination(e, tokens)):
            continue
        toks = tokens.get(e.sentence_idx, [])
        head = next((k for k, t in enumerate(toks) if t.start >= e.trigger_start), None)
        if head is None:
            continue
        near = [t for t in toks[head:] if t.start < e.trigger_end + 60]
        crossing = any(t.base in CROSSING for t in near) or any(
            t.base in MIGRANTS and k + 2 < len(near) and near[k + 1].base == "غير" and near[k + 2].base in UNLAWFUL
            for k, t in enumerate(near))
        if crossing:
            e.recipient.code, e.recipient.name, e.recipient.text, e.recipient.country = None, None, None, None
            e.recipient.start = e.recipient.end = None
            e.recipient.inferred = "crossing"
            changed.append(e)
    return changed


def destination(e: Event, tokens: dict[int, list[Token]]) -> bool:
    """The written recipient follows إلى with at most one noun between (إلى الأراضي التونسية، إلى ليبيا)."""
    if e.recipient.start is None:
        return False
    toks = tokens.get(e.sentence_idx, [])
    k = next((k for k, t in enumerate(toks) if t.start >= e.recipient.start), None)
    return k is not None and any(toks[j].norm == "الي" for j in range(max(0, k - 2), k))
