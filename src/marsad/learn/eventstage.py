"""The learned event stage: runs after the coder and the sentence classifier, on their output.

1. Event scorer: each rule event gets ``confidence`` = P(real political event) from ``event_score.npz`` (no more
   than the rules' confidence while a party is inferred, which the rules keep lower); events
   below the model's threshold (chosen by cross-validation on the real-news gold's dev half) are dropped. Only
   event types with a real example in the training gold are judged (``judged`` in the model); events of other
   types pass through this stage unchanged (both scorers' thresholds were tuned on dev events of judged types).
2. Argument scorer: each mention of the sentence is scored actor / recipient / neither by ``arguments.npz``.
   Where the rules are unsure of a party (none written, or inferred from the place or the actor's state), the
   best mention above the model's threshold becomes the party; a party the rules wrote is replaced only when
   another mention reaches the higher ``override`` threshold. Both thresholds are chosen on the dev half.
Models load lazily from files inside the package. ``Pipeline.default(..., learned=False)`` leaves this stage
out (rules only), so the ablation is a switch.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

from ..events.arguments import HONORIFICS, ROYAL, after_place_word, not_a_party
from ..events.clauses import FORCE_NOUNS, launched_from
from ..events.coder import event_id
from ..events.parties import KEPT
from ..records import Event, Mention, Party, Processed
from .eventfeatures import (
    DocContext,
    arg_clues,
    arg_names,
    event_names,
    kind_lookup,
    load_domain_cues,
    place_names,
    previous_names,
)
from .named import NamedModel
from .newsrel import is_press
from .stage import model_dir

EVENT_MODEL = "event_score.npz"
ARG_MODEL = "arguments.npz"
ARG_LABELS = ["neither", "actor", "recipient"]
PLACE_MARK = "prep=في"  # the argument feature of a mention right after في
# The scorer drops events only on the non-political pages of press articles: it learned from Saudi press, where
# most false events are political words in another sense on other pages. On a page led by security or diplomacy
# words it sets the confidence and keeps the event (measured: dropping everywhere took the seed gold from 0.80 to
# 0.67-0.77 at the thresholds dev preferred); a text without a title has no page to judge (one sentence is weak
# evidence of a domain), so there too the event is kept, as the press relevance model leaves such text alone.
POLITICAL_PAGE = "doc.political=lead"
NO_PAGE = "doc.top=none"
TITLE_WORDS = ROYAL | {"الرييس", "السلطان", "ولي", "العهد"}


def may_drop(feats: list[str], press: bool = True) -> bool:
    # a page with no cue words of any domain (a short wire item) shows no other page: its events are kept
    return press and POLITICAL_PAGE not in feats and NO_PAGE not in feats


def unsure(party: Party) -> bool:
    """The rules did not find this party in the text: none at all, or one inferred (place, actor's state)."""
    return bool(party.inferred) or not (party.code or party.agent)


def party_of(m: Mention) -> Party:
    return Party(code=m.code, agent=m.agent, name=m.person or m.code, text=m.text, start=m.start, end=m.end, country=m.country)


TERRITORY = frozenset({"الاراضي", "اراضي", "داخل", "في"})  # "على الأراضي البيلاروسية": where, for a deployment
APPOSITION_GAP = 10  # characters between an actor and a same-state name taken as its apposition (a title word)


def pick_parties(e: Event, scored: list[tuple[Mention, object]], threshold: float, override: float = 1.01,
                 same_code: bool = True, places: frozenset[int] = frozenset(),
                 hosts: frozenset[int] = frozenset()) -> dict[str, Mention]:
    """side -> mention chosen by the argument scorer. A party the rules are unsure of gets the mention most
    likely in that role when its probability reaches ``threshold``; a party the rules wrote is replaced only
    when another mention reaches ``override`` (above 1: never). Never the mention holding the other side.
    ``same_code``: a party may have the other's country (domestic acts: a state's police and its citizens).
    ``places``: starts of mentions written as the place of the act (after في) or its goal: never the actor.
    ``hosts``: starts of mentions that may not be the recipient (where forces are deployed: the host, not a target)."""
    out: dict[str, Mention] = {}
    # the party that reports a material act noun right after its verb of saying is its source, not its actor
    # ("أكدت الشركة الألمانية خطف أحد موظفيها"): the rules record it as the attribution, the mention's own text
    source = e.attribution if e.quad.startswith("material") and e.trigger_start is not None else None
    for side, k in (("actor", 1), ("recipient", 2)):
        party = getattr(e, side)
        # (a side read from a war front is the data's, the force a victim pronoun refers back to and border crossers
        # of no state are the text's: not guesses the scorer should overrule; events/parties.py KEPT)
        need = threshold if (unsure(party) or uncoded(party)) and party.inferred not in KEPT else override
        if need > 1.0:
            continue
        other = out.get("actor") if side == "recipient" else None
        other_party = e.recipient if side == "actor" else e.actor
        other_start, other_code = (other.start, other.code) if other is not None else (other_party.start,
                                                                                        other_party.code)
        other_end = other.end if other is not None else other_party.end
        best = max(((m, float(p[k])) for m, p in scored if m.start != other_start
                    and (same_code or m.code != other_code) and not (side == "actor" and m.start in places)
                    and not (side == "recipient" and m.start in hosts)
                    # a name in apposition right after the actor is the actor ("قوات الأمن البحرينية اللواء فلان")
                    and not (side == "recipient" and m.code == other_code and other_end is not None
                             and 0 <= m.start - other_end <= APPOSITION_GAP)
                    and not (side == "actor" and source and m.text == source and m.end <= e.trigger_start)),
                   key=lambda x: x[1], default=None)
        if best is not None and best[1] >= need and best[0].start != party.start \
                and not (party.inferred and best[0].code == party.code):  # same state: keep the rules' agent (UAF)
            out[side] = best[0]
    return out


# prepositions that mark where an act goes or whom it is against: "متوجهين إلى ليبيا"، "ضد الحوثيين"
TOWARDS_MARKS = frozenset({"prep=الي", "prep=ضد", "prep=نحو", "prep=تجاه", "prep=لدي"})


def place_starts(feats: list[tuple[Mention, list[str]]]) -> frozenset[int]:
    """Mentions written as a place (في طرابلس) or a goal (إلى ليبيا، ضد الحوثيين): never the one who acted."""
    return frozenset(m.start for m, f in feats if PLACE_MARK in f or not TOWARDS_MARKS.isdisjoint(f))


def candidates(mentions: list[Mention], tokens=()) -> list[Mention]:
    """Mentions that may be a party: coded, written, and not a description of another party (الموالية لطهران)."""
    return [m for m in mentions if m.code and m.kind != "implicit" and not (tokens and not_a_party(tokens, m))]


def offered(events: list[Event], e: Event, mentions: list[Mention]) -> list[Mention]:
    """The sentence's mentions the scorer may weigh for ``e``: the written actor of a verbal act in the same
    sentence (دانت قطر التفجير …) does not also commit a material one."""
    if not e.quad.startswith("material"):
        return mentions
    speakers = {o.actor.start for o in events if o is not e and o.sentence_idx == e.sentence_idx
                and o.quad.startswith("verbal") and not o.actor.inferred and o.actor.start is not None}
    return [m for m in mentions if m.start not in speakers] if speakers else mentions


def place_state(e: Event, places: list[Mention], kind_of=None, tokens=(), span: tuple[int, int] = (0, -1)
                ) -> tuple[str, str] | None:
    """(state code, how it was found) of where ``e`` happened, for an event with no actor at all: the state the
    rules inferred for its recipient from the place, else the first state written as a place (في X، قرب X).
    None when a force is named at the act without its state (نفذت الطائرات ضربة، قصفت المدفعية): aircraft,
    warships or an army are some state's forces, not the place's by default (the guidelines: unknown, null).
    ``span``: the trigger's first and last token."""
    if e.actor.code or e.actor.agent or e.actor.inferred:
        return None
    lo, hi = max(0, span[0] - 2), span[1] + 3
    if any(t.base in FORCE_NOUNS or t.norm in FORCE_NOUNS for t in tokens[lo:hi]):
        return None
    for q in (e.recipient,):
        if q.inferred == "place" and q.code:
            return q.code, "inferred"
    for m in sorted(places, key=lambda m: m.tok_start):
        code = m.country or m.code
        if code and (kind_of is None or kind_of(code) == "state"):
            return code, "mention"
    return None


def place_actor(code: str, e: Event) -> Party:
    """The place's state as the actor (unnamed attackers: UAF, as the annotation guidelines code them)."""
    return Party(code=code, agent="UAF" if e.quad == "material_conflict" else None, inferred="place")


def first_actors(events: list[Event]) -> dict[int, Event]:
    """sentence idx -> its first rule event with a written, coded actor (the sentence's main subject). Taken
    before the learned stage changes any party, so that training (rule output) and the stage see the same."""
    out: dict[int, Event] = {}
    for o in events:
        if o.actor.code and not o.actor.inferred and o.sentence_idx not in out:
            out[o.sentence_idx] = copy(o)  # its actor as the rules wrote it, whatever the stage does later
    return out


def previous_actor(e: Event, firsts: dict[int, Event]) -> Event | None:
    """For an event with no actor at all: the previous sentence's first event with a written actor (its subject
    may go on unwritten: وأضاف، وأكد). None when ``e`` has any actor, written or inferred."""
    if e.actor.code or e.actor.agent or e.actor.inferred:
        return None
    return firsts.get(e.sentence_idx - 1)


def previous_features(e: Event, prev: Event, cands: list[Mention], clues, kind_of=None) -> list[str]:
    lead = any(m.tok_end <= clues.head for m in cands)
    kind = kind_of(prev.actor.code) if kind_of else "-"
    return previous_names(e, clues, kind, lead, prev.quad == e.quad)


def previous_party(prev: Event) -> Party:
    """The previous sentence's actor as this event's actor: same code, agent and state, not written here."""
    q = prev.actor
    return Party(code=q.code, agent=q.agent, name=q.name, country=q.country, inferred="previous")


def uncoded(party: Party) -> bool:
    """Written with a role but no state (الوزير، السلطات): the evaluation counts no country for it."""
    return not party.inferred and bool(party.agent) and not party.code


def choose_arguments(e: Event, tokens, mentions: list[Mention], model: NamedModel, threshold: float,
                     override: float = 1.01, kind_of=None, previous: Event | None = None) -> Event:
    """Fills the parties the rules are unsure of with the argument scorer's best mention, when sure enough.
    ``previous``: the previous sentence's event whose actor is offered when this one has none (previous_actor)."""
    cands = candidates(mentions, tokens)
    if not (cands or previous) or (override > 1.0 and not any(unsure(q) or uncoded(q) for q in (e.actor, e.recipient))):
        return e
    clues = arg_clues(tokens, e, mentions, kind_of)
    feats = [(m, arg_names(tokens, e, m, mentions, clues)) for m in cands]
    scored = [(m, model.proba(f)) for m, f in feats]
    if e.event == "ASSAULT" and e.actor.inferred:  # where the fire came from (من داخل الأراضي اليمنية) is the rules'
        src = launched_from(tokens, cands, clues.head)  # inferred actor, never what it hit
        scored = [(m, p) for m, p in scored if src is None or m.start != src.start]
    places = place_starts(feats) | {m.start for m in cands if after_place_word(tokens, m)} | {
        m.start for m in cands if m.kind == "nisba" and m.tok_start >= 2 and tokens[m.tok_start - 2].norm == "في"}
    # (a nisba of a noun after في is where: "نشرت قوة أمريكية في القاعدة التركية")
    # the state of the act's place, as the rules inferred it: a group of no one state chosen here takes it
    place = next((q.code for q in (e.actor, e.recipient) if q.inferred == "place" and q.code), None)
    if e.pattern.startswith("news.assault.terror_act") and e.trigger_start is not None:
        places |= {m.start for m in cands if m.end <= e.trigger_start}  # who condemns a terrorist act did not do it
    # forces deployed in a state (نشر المنظومة في بيلاروسيا) are not aimed at it, nor at their own state
    mobilize = e.event == "MOBILIZE"
    chosen = pick_parties(e, scored, threshold, override, places=places, same_code=not mobilize,
                          hosts=frozenset(m.start for m in cands if m.start in places or (
                              m.tok_start > 0 and tokens[m.tok_start - 1].norm in TERRITORY)) if mobilize else frozenset())
    where = place_state(e, [m for m in cands if m.start in places], kind_of, tokens, (clues.head, clues.last)) \
        if threshold <= 1.0 else None
    # no actor written: the place's state or the previous sentence's actor, when likelier than any mention
    virtual: list[tuple[float, Party]] = []
    if where is not None:
        virtual.append((float(model.proba(place_names(e, clues, where[1]))[1]), place_actor(where[0], e)))
    if previous is not None and threshold <= 1.0:
        virtual.append((float(model.proba(previous_features(e, previous, cands, clues, kind_of))[1]),
                        previous_party(previous)))
    if e.event in BETWEEN_TWO:  # a meeting or agreement with the recipient's own state is no act between two
        virtual = [(pv, q) for pv, q in virtual if q.code != e.recipient.code]
    if virtual:
        pv, party = max(virtual, key=lambda x: x[0])
        pm = next((float(p[1]) for m, p in scored if m is chosen.get("actor")), 0.0)
        if pv >= threshold and pv > pm:
            chosen.pop("actor", None)
            e.actor = party
    for side, m in chosen.items():
        other = e.recipient if side == "actor" else e.actor
        if any(tied(m, x, tokens) for x in mentions if x.start == other.start and other.start is not None):
            continue  # "الحكومتان الألمانية والإسبانية"، "قوات الاحتلال الإسرائيلي": one party, not both sides
        party = party_of(m)
        if uncoded(getattr(e, side)) and not party.agent:
            party.agent = getattr(e, side).agent  # "الوزير باسيل": the rules' role, the mention's state
        if place and not party.country and stateless(party.code):
            party.country = place
        setattr(e, side, party)
    r = e.recipient
    if e.event == "COERCE" and not r.country and stateless(r.code) and len(e.actor.code or "") == 3 \
            and not stateless(e.actor.code) and e.actor.code != r.code:
        r.country = e.actor.code  # a group of no one state arrested by a state is held in that state (as the rules)
    return e


BETWEEN_TWO = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def tied(a: Mention, b: Mention, tokens) -> bool:
    """Two mentions that are one noun phrase or one conjunction: adjacent with nothing but و or a comma between
    (روسيا والصين، الألمانية والإسبانية), or the same state side by side (قوات الاحتلال الإسرائيلي)."""
    first, second = (a, b) if a.tok_start <= b.tok_start else (b, a)
    gap = [t.norm for t in tokens[first.tok_end:second.tok_start]]
    if a.code == b.code and gap and all(w in HONORIFICS or w in TITLE_WORDS for w in gap):
        return True  # "خادم الحرمين الشريفين الملك سلمان": one person under two names
    if len(gap) > 1 or (gap and gap[0] not in ("و", ",", "،")):
        return False
    joined = bool(gap) or (second.tok_start < len(tokens) and tokens[second.tok_start].norm[:1] == "و")
    return joined or a.code == b.code


def stateless(code: str | None) -> bool:
    """A group the actor dictionary gives no state of its own (ISIL, al-Qaeda)."""
    from ..actors.stage import stateless_groups  # cached, like the actor stage's dictionary

    return code in stateless_groups()


class LearnedEventStage:
    """Re-scores (and filters) the coder's events; fills unsure parties. Needs ``p.quads`` (QuadStage)."""

    name = "learned-events"

    def __init__(self, directory: Path | None = None, drop: bool = True):
        self.directory = directory or model_dir()
        self.drop = drop
        self._models: tuple[NamedModel, NamedModel] | None = None
        self._cues = None
        self._kinds = None

    def _load(self) -> None:
        self._models = (NamedModel.load(self.directory / EVENT_MODEL), NamedModel.load(self.directory / ARG_MODEL))
        self._cues = load_domain_cues()
        self._kinds = kind_lookup()

    def __call__(self, p: Processed) -> Processed:
        if not p.events:
            return p
        if self._models is None:
            self._load()
        scorer, args = self._models
        judged = set(scorer.judged)
        ctx = DocContext.of(p, self._cues, self._kinds)
        kept, seen = [], set()
        firsts = first_actors(p.events)
        for e in p.events:
            if e.event not in judged:  # a type with no real example in the training gold: the rules' event
                kept.append(e)
                seen.add(e.id)
                continue
            names = event_names(p, e, ctx, self._cues)
            prob = float(scorer.proba(names)[1])
            if self.drop and prob < scorer.threshold and may_drop(names, is_press(p)):
                continue
            before = (e.actor.start, e.recipient.start, e.actor.code)
            cands = offered(p.events, e, ctx.mentions.get(e.sentence_idx, []))
            choose_arguments(e, p.tokens.get(e.sentence_idx, []), cands, args, args.threshold, args.override,
                             self._kinds, previous_actor(e, firsts))
            # a party still inferred keeps the rules' lower confidence as a ceiling (the party policy's promise)
            inferred = e.actor.inferred or e.recipient.inferred
            e.confidence = round(min(prob, e.confidence) if inferred else prob, 3)
            if (e.actor.start, e.recipient.start, e.actor.code) != before:
                if e.event == "AID" and e.actor.code and e.actor.code == e.recipient.code:
                    continue  # a filled party made it aid to oneself, which the rules never keep (coder: same)
                e.id = event_id(p.doc.id, e)
                same = (e.sentence_idx, e.event, e.mode, e.actor.code, e.recipient.code)
                if any((k.sentence_idx, k.event, k.mode, k.actor.code, k.recipient.code) == same for k in kept):
                    continue  # "زيارة الرئيس الروسي إلى فيتنام، التي زارها": the filled act is one already told
            if e.id not in seen:  # a filled party can make two rule events one
                seen.add(e.id)
                kept.append(e)
        p.events = kept
        return p
