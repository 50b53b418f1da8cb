"""Arabic trigger lexicon as data (data/lexicon/triggers.yaml): validated patterns with ids, and their matcher.

Pattern syntax (docs/formats.md): slots separated by spaces; a slot is ``form|form|…``; ``*`` any one token;
``~N`` a gap of up to N tokens. Forms are normalised and matched against every clitic reading of a token.
Finding trigger matches (here) is separate from building events from them (``coder``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..data import yamlfile
from ..text.normalize import normalize
from .ontology import Ontology, load_ontology

ANY = None
SENTENCE_STOPS = frozenset({".", ";", "?", "!", ":"})


@dataclass(slots=True)
class Frame:
    actor: str = "subject"  # subject | genitive | none | source (receiving verbs: the من-phrase acts)
    recipient: tuple[str, ...] = ()  # prepositions marking the recipient; "obj" = direct object
    symmetric: bool = False
    require: tuple[str, ...] = ()  # "actor"/"recipient": no event unless that side is found
    reach: int = 0  # tokens after the trigger searched for the recipient (0: the coder's default window)
    yields_to: tuple[str, ...] = ()  # event types: no event when another entry's match of one is in the sentence


IGNORE = "IGNORE"  # patterns that only claim their tokens: idioms that are not events (دعونا نتذكر "let us recall")
ACTOR_FRAMES = ("subject", "genitive", "none", "source", "main")  # main: a participle shares the main verb's subject


@dataclass(slots=True)
class Pattern:
    id: str
    event: str
    mode: str | None
    context: list[str]
    slots: list  # each: frozenset of forms, ANY, or ("gap", n)
    frame: Frame
    source: str = ""

    @property
    def length(self) -> int:
        return sum(1 for s in self.slots if not isinstance(s, tuple))


@dataclass(slots=True)
class TriggerMatch:
    pattern: Pattern
    start: int  # token indices [start, end)
    end: int
    tokens: list[int] = field(default_factory=list)  # indices of the tokens that matched slots


@dataclass
class Lexicon:
    patterns: list[Pattern]
    problems: list[str]
    by_first: dict[str, list[Pattern]] = field(default_factory=dict)

    # first form -> (pattern, the slots after the first as (gap, forms or ANY) steps), in by_first's order
    _steps: dict[str, list[tuple[Pattern, tuple]]] = field(default_factory=dict, repr=False, compare=False)
    _firsts: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def __post_init__(self) -> None:
        for p in self.patterns:
            first = p.slots[0]
            if isinstance(first, frozenset):
                for f in first:
                    self.by_first.setdefault(f, []).append(p)
        self._steps = {f: [(p, _steps(p.slots)) for p in ps] for f, ps in self.by_first.items()}
        self._firsts = frozenset(self.by_first)

    def stats(self) -> dict:
        forms = set()
        per_type: dict[str, int] = {}
        for p in self.patterns:
            if p.event == IGNORE:
                continue
            per_type[p.event] = per_type.get(p.event, 0) + 1
            for s in p.slots:
                if isinstance(s, frozenset):
                    forms |= s
        return {"patterns": sum(per_type.values()), "ignore_patterns": len(self.patterns) - sum(per_type.values()),
                "word_forms": len(forms), "per_type": dict(sorted(per_type.items()))}

    def find(self, token_forms: list[set[str]]) -> list[TriggerMatch]:
        """All pattern matches over a sentence, given each token's set of normalised readings."""
        out = []
        firsts, steps = self._firsts, self._steps
        for i, forms in enumerate(token_forms):
            hits = firsts.intersection(forms)  # most tokens start no pattern: one set operation rules them out
            if not hits:
                continue
            seen = set()
            for f in sorted(hits) if len(hits) > 1 else hits:
                for p, rest in steps[f]:
                    if p.id in seen:
                        continue
                    m = _match_rest(rest, token_forms, i)
                    if m:
                        seen.add(p.id)
                        out.append(TriggerMatch(p, i, m[-1] + 1, m))
        return out


def _steps(slots: list) -> tuple:
    """The slots after the first as (gap before it, forms or ANY), for ``_match_rest``."""
    out = []
    gap = 0
    for s in slots[1:]:
        if isinstance(s, tuple):
            gap = s[1]
        else:
            out.append((gap, s))
            gap = 0
    return tuple(out)


def _match_rest(steps: tuple, tf: list, i: int) -> list[int] | None:
    """Greedy-left match with gaps of a pattern whose first slot holds a form of token i (so that slot is
    token i), from its ``_steps``; returns the matched token indices or None."""
    idx = [i]
    pos = i + 1
    n = len(tf)
    for gap, s in steps:
        found = -1
        for k in range(pos, min(n, pos + gap + 1)):
            t = tf[k]
            if s is ANY or not t.isdisjoint(s):
                found = k
                break
            if not t.isdisjoint(SENTENCE_STOPS):  # a gap never crosses a full stop or a colon
                break
        if found < 0:
            return None
        idx.append(found)
        pos = found + 1
    return idx


def parse_pattern(text: str) -> list:
    slots: list = []
    for part in str(text).split():
        if part == "*":
            slots.append(ANY)
        elif part.startswith("~") and part[1:].isdigit():
            slots.append(("gap", int(part[1:])))
        else:
            forms = frozenset(normalize(f) for f in part.split("|") if f)
            # the tokenizer strips ال, so a form written with ال also matches without it
            forms |= frozenset(f[2:] for f in forms if f.startswith("ال") and len(f) > 3)
            slots.append(forms)
    return slots


def parse_lexicon(data, ontology: Ontology, where: str = "triggers.yaml") -> Lexicon:
    problems: list[str] = []
    patterns: list[Pattern] = []
    ids: set[str] = set()
    if not isinstance(data, list):
        return Lexicon([], [f"{where}: top level must be a list"])
    for i, e in enumerate(data):
        w = f"{where}[{i}]"
        if not isinstance(e, dict):
            problems.append(f"{w}: entry must be a mapping")
            continue
        pid = str(e.get("id") or "")
        if not pid:
            problems.append(f"{w}: missing id")
            continue
        if pid in ids:
            problems.append(f"{w}: duplicate id {pid}")
        ids.add(pid)
        ev = e.get("event")
        if ev != IGNORE and ev not in ontology.types:
            problems.append(f"{w} ({pid}): unknown event type '{ev}'")
            continue
        mode = e.get("mode")
        if mode and (ev == IGNORE or mode not in ontology.types[ev].modes):
            problems.append(f"{w} ({pid}): mode '{mode}' is not a mode of {ev}")
        ctx = e.get("context") or []
        ctx = ctx if isinstance(ctx, list) else [ctx]
        for c in ctx:
            if ontology.contexts and c not in ontology.contexts:
                problems.append(f"{w} ({pid}): unknown context '{c}'")
        fr = e.get("frame") or {}
        rec = fr.get("recipient") or []
        req = fr.get("require") or []
        req = req if isinstance(req, list) else [req]
        frame = Frame(str(fr.get("actor") or "subject"),
                      tuple(normalize(r) for r in (rec if isinstance(rec, list) else [rec])),
                      bool(fr.get("symmetric")), tuple(str(r) for r in req), fr.get("reach") or 0)
        if not isinstance(frame.reach, int) or isinstance(frame.reach, bool) or not 0 <= frame.reach <= 30:
            problems.append(f"{w} ({pid}): frame reach must be a whole number of tokens from 0 to 30")
            frame = Frame(frame.actor, frame.recipient, frame.symmetric, frame.require)
        if frame.actor not in ACTOR_FRAMES:
            problems.append(f"{w} ({pid}): frame actor must be one of {', '.join(ACTOR_FRAMES)}")
        if set(frame.require) - {"actor", "recipient"}:
            problems.append(f"{w} ({pid}): frame require lists only actor and/or recipient")
        yields = fr.get("yields_to") or []
        frame.yields_to = tuple(str(t) for t in (yields if isinstance(yields, list) else [yields]))
        for t in frame.yields_to:
            if t not in ontology.types:
                problems.append(f"{w} ({pid}): frame yields_to names unknown event type '{t}'")
        pats = e.get("patterns") or []
        if not pats:
            problems.append(f"{w} ({pid}): no patterns")
        for j, ptxt in enumerate(pats):
            slots = parse_pattern(ptxt)
            if not slots or not isinstance(slots[0], frozenset) or isinstance(slots[-1], tuple):
                problems.append(f"{w} ({pid}) pattern {j}: must start with a word slot and not end with a gap")
                continue
            patterns.append(Pattern(f"{pid}#{j}", ev, mode, [str(c) for c in ctx], slots, frame, str(ptxt)))
    return Lexicon(patterns, problems)


TRIGGER_FILES = ("triggers.yaml", "triggers_more.yaml", "triggers_news.yaml")  # core; wider; real-press families


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """All trigger files as one lexicon (ids must be unique across them)."""
    patterns: list[Pattern] = []
    problems: list[str] = []
    ids: set[str] = set()
    onto = load_ontology()
    root = resources.files("marsad.data.lexicon")
    for name in TRIGGER_FILES:
        f = root.joinpath(name)
        if not f.is_file():
            continue
        lex = parse_lexicon(yamlfile.safe_load(f.read_text(encoding="utf-8")) or [], onto, name)
        problems += lex.problems
        here = {p.id.split("#")[0] for p in lex.patterns}
        problems += [f"{name}: id {i} is already used in another trigger file" for i in sorted(here & ids)]
        ids |= here
        patterns += lex.patterns
    return Lexicon(patterns, problems)


@lru_cache(maxsize=1)
def load_modality() -> dict[str, list[str]]:
    text = resources.files("marsad.data.lexicon").joinpath("modality.yaml").read_text(encoding="utf-8")
    data = yamlfile.safe_load(text) or {}
    out: dict[str, list[str]] = {}
    for k, v in data.items():
        items = []
        for x in v or []:
            items.append(str(x.get("cue") or x.get("text") or x.get("name")) if isinstance(x, dict) else str(x))
        out[k] = items
    return out


@lru_cache(maxsize=1)
def load_modality_roles() -> dict[str, str]:
    """Reporting cues with their role (source, attribution, claim, confirm, announce, opinion, media)."""
    text = resources.files("marsad.data.lexicon").joinpath("modality.yaml").read_text(encoding="utf-8")
    data = yamlfile.safe_load(text) or {}
    out = {}
    for x in data.get("reporting") or []:
        if isinstance(x, dict) and x.get("cue"):
            out[str(x["cue"])] = str(x.get("role") or "source")
        elif isinstance(x, str):
            out[x] = "source"
    return out
