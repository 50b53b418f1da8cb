"""Parties of a protest: who protests (people of a place or of an origin) and against whom (an embassy's state,
what they chant against, the authorities of the place). PROTEST has these rules of its own besides the party
policy (data/ontology/parties.yaml)."""

from __future__ import annotations

from ..records import Mention, Token

AUTHORITY = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "DIP"}


def protest_parties(tokens: list[Token], norms: list[str], mentions: list[Mention], pool: list[Mention],
                    places: list[Mention], head: int, actors: list[Mention], recipients: list[Mention],
                    location: tuple[str, str] | None) -> tuple[list[Mention], list[Mention], bool]:
    """Who protests and against whom. Protesters are rarely named states: they are people of a place or
    of an origin, facing a government, an embassy, the security forces or what they chant against."""
    # a bare agent noun after the trigger (شرطيا، الشيعة) is who they clashed with or chanted about; the state
    # they face is found by the rules below
    recipients = [r for r in recipients if r.code]
    origin = _origin(tokens, norms, pool + [x for x in places if x.code], head)
    if origin:  # "المتظاهرون من فلسطينيين وإسرائيليين", "متظاهر من أبناء دارفور": who they are
        actors = origin
        recipients = [r for r in recipients if r.tok_start != origin[0].tok_start]
    embassy = _embassy(tokens, pool, head)
    if embassy:  # "أمام السفارة الإسرائيلية", "بطرد سفيرة إستونيا": the embassy's state is the target
        recipients = [embassy]
        actors = [a for a in actors if a.tok_start != embassy.tok_start]
    # a capital before a protest is where it happens, not a government protesting
    actors = [Mention(a.start, a.end, a.text, a.code, "CVL", "head", tok_start=a.tok_start, tok_end=a.tok_end)
              if a.kind == "capital" else a for a in actors]
    if actors and all(a.agent in ("MIL", "COP") for a in actors):
        # "استخدم الجيش الإسرائيلي الغاز لتفريق المتظاهرين": the security forces face the protest
        recipients = recipients or actors
        actors = []
    target = None if embassy else _protest_target(tokens, norms, pool, head, {a.code for a in actors if a.code})
    if target:  # "هتافات معادية لإيران", "تنديدا بالسياسة الأمريكية"
        recipients = [target]
    if not actors:  # protesters unnamed: civilians of the place
        actors = [Mention(tokens[head].start, tokens[head].end, tokens[head].text, "", "CVL", "head",
                          tok_start=head, tok_end=head + 1)]
    if not location and all(not a.code for a in actors):
        # protesters with no place: they belong to the first state the sentence names (not their target)
        taken = {r.code for r in recipients}
        first = next((x.code for x in mentions if len(x.code) == 3 and x.kind != "igo" and x.code not in taken), None)
        if first:
            actors = [Mention(a.start, a.end, a.text, first, a.agent, a.kind, tok_start=a.tok_start,
                              tok_end=a.tok_end) for a in actors]
    actor_codes = {a.code for a in actors} | ({location[0]} if location else set())
    if not recipients:  # protests target authorities: a named government, leader or ministry first
        recipients = [x for x in mentions if x.tok_start != actors[0].tok_start and x.code and
                      (x.kind in ("person", "provisional", "metonym") or (x.agent in AUTHORITY and x.kind != "capital"))][:1]
    if not recipients:  # a state named after the protest that is neither the protesters' nor the place's
        recipients = [x for x in mentions if x.tok_start > head and x.code and x.code not in actor_codes
                      and x.kind in ("name", "nisba", "capital", "metonym", "person", "provisional")][:1]
    where = location[0] if location else next((a.code for a in actors if a.code and len(a.code) == 3), None)
    if not recipients:  # no target named: the authorities of the place (or of the protesters' state)
        if where:
            return actors, [Mention(0, 0, "", where, "GOV", "implicit")], True
    elif where and not any(r.code for r in recipients):  # "أصاب متظاهرون شرطيا": that state's police
        return actors, [Mention(r.start, r.end, r.text, where, r.agent, r.kind, tok_start=r.tok_start,
                                tok_end=r.tok_end) for r in recipients], False
    return actors, recipients, False


ORIGIN_NOUNS = {"ابناء", "مواطني", "مواطنين", "جاليه", "عدد", "ميات", "الاف", "عشرات", "مهاجرين", "لاجيين", "طلاب",
                "عمال", "انصار"}  # normalised: "من أبناء"، "من مئات"، "من اللاجئين" (the base drops ال)


TARGET_CUES = {"ضد", "معاديه", "معادي", "معاديا", "معادين", "مناهضه", "مناهض", "مناهضا", "مناهضين", "رافضه", "رافض",
               "رافضين", "رفض", "رفضا", "رفضهم", "تنديدا", "احتجاجا", "استنكارا", "تندد", "يندد", "ينددون", "منددين",
               "منددا", "مندده", "ادانه", "معارضه", "معارضين", "تدين", "يدين", "تشجب", "شجبا"}


def _protest_target(tokens: list[Token], norms: list[str], pool: list[Mention], head: int, actor_codes: set[str]):
    """What a protest is against: a state or leader just after a cue of hostility (ضد، معادية لـ، تنديدا بـ،
    رفضهم لـ), the first such cue after the trigger, else the first in the sentence."""
    found = []
    for k, t in enumerate(tokens):
        if t.base not in TARGET_CUES and norms[k] not in TARGET_CUES:
            continue
        x = next((x for x in pool if k < x.tok_start <= k + 3 and len(x.code) >= 2 and x.code not in actor_codes
                  and x.kind != "capital"), None)
        if x is not None:
            found.append((k < head, k, x))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


EMBASSY = {"سفاره", "سفارات", "سفير", "سفيره", "سفيرين", "سفيري", "سفراء", "قنصليه", "قنصليات"}


def _embassy(tokens: list[Token], pool: list[Mention], head: int) -> Mention | None:
    """The state whose embassy or envoy a protest targets: the first named after the trigger, else the last before."""
    named = [x for x in pool if x.tok_start > 0 and len(x.code) == 3 and x.kind in ("nisba", "name")
             and tokens[x.tok_start - 1].base in EMBASSY]
    after = [x for x in named if x.tok_start > head]
    return after[0] if after else (named[-1] if named else None)


def _origin(tokens: list[Token], norms: list[str], pool: list[Mention], head: int) -> list[Mention]:
    # pool holds actor mentions and places (دارفور، التبت): both say where protesters come from
    """Protesters followed by من + who they are (a nisba or a state), within a few words."""
    for k in range(head + 1, min(len(tokens), head + 3)):
        if norms[k] != "من":
            continue
        j = k + 1
        while j < len(tokens) and j - k <= 3 and tokens[j].base in ORIGIN_NOUNS | {"من"}:
            j += 1
        first = next((x for x in pool if x.tok_start == j and x.code and x.kind in ("nisba", "name", "place", "people")), None)
        return [first] if first else []
    return []
