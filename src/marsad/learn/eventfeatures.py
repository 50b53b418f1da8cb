"""Named features of the event scorer (is this rule event a real political event?) and of the argument scorer
(is this mention the event's actor, its recipient, or neither?).

Both read only what the pipeline already produced: the coder's events, the sentence's tokens and mentions, the
sentence quad of the learned layer, and domain cue words (data/models/domain_cues.yaml) found in the sentence. Names are plain strings (``type=ASSAULT``, ``a=inferred:place``) so a model file can be read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..data.yamlfile import safe_load
from ..events.arguments import OFFICE_ADJECTIVES, WHAT
from ..records import Event, Mention, Processed, Token
from ..text.normalize import normalize
from .domain import DomainCues, doc_domain, domain_hits

PREPOSITIONS = {"مع", "الي", "ضد", "علي", "من", "عن", "بين", "لدي", "نحو", "تجاه", "في", "حول", "بشان", "لصالح",
                "بيد", "قبل", "بواسطه", "لـ"}  # words before a mention that mark its role
BREAKS = {".", "،", ",", ";", "؛", ":", "و", "بينما", "فيما", "حيث", "لكن", "الذي", "التي", "الذين", "ان", "انه",
          "انها", "بان"}  # words that may open another clause between trigger and mention
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
QUOTES = frozenset({'"', "«", "»", "“", "”"})


class CueError(ValueError):
    """A domain cue file that cannot be used; the message names the file and the problem."""


def cue_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / "domain_cues.yaml"))


def load_domain_cues(path: Path | None = None) -> dict[str, frozenset[str]]:
    """domain -> normalised words (each also without its article, so clitic-free token forms match)."""
    path = path or cue_path()
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise CueError(f"{path}: cannot read ({e})") from e
    if not isinstance(data, dict) or not isinstance(data.get("domains"), dict) or not data["domains"]:
        raise CueError(f"{path}: expected a mapping with a non-empty 'domains' mapping")
    out = {}
    for name, words in data["domains"].items():
        if not isinstance(words, list) or not words:
            raise CueError(f"{path}: domain '{name}' needs a non-empty list of words")
        forms = set()
        for w in words:
            if not isinstance(w, str) or len(w.split()) != 1:
                raise CueError(f"{path}: domain '{name}': '{w}' is not one word")
            n = normalize(w)
            forms.add(n)
            if n.startswith("ال") and len(n) > 4:
                forms.add(n[2:])
        out[str(name)] = frozenset(forms)
    return DomainCues(out)


def _bucket(n: float, edges: tuple) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


@dataclass
class DocContext:
    """What every event of one document shares: its mentions (and head nouns) by sentence, the document's
    domain features (marsad.learn.domain) and the dictionary kind of an actor code (state, igo, nsa …)."""

    mentions: dict[int, list[Mention]]
    domain: list[str] = field(default_factory=list)
    kind_of: Callable[[str | None], str] = lambda code: "-"
    sentence_domains: dict[int, dict[str, int]] = field(default_factory=dict)  # cue words per sentence

    @classmethod
    def of(cls, p: Processed, cues: dict[str, frozenset[str]] | None = None,
           kind_of: Callable[[str | None], str] | None = None) -> DocContext:
        by: dict[int, list[Mention]] = {}
        for m in list(p.mentions) + list(p.agents):
            by.setdefault(m.sentence_idx, []).append(m)
        names, per_sentence = doc_domain(p, cues) if cues else ([], {})
        return cls(by, names, kind_of or (lambda code: "-"), per_sentence)


def kind_lookup() -> Callable[[str | None], str]:
    """code -> the actor dictionary's kind of that code (state, igo, nsa, communal, …; '-' when unknown)."""
    from ..actors.stage import bundled_dictionary

    entries: dict = {}

    def kind_of(code: str | None) -> str:
        if not entries:  # on first use: the actor stage has usually loaded (and cached) the dictionary by then
            entries.update(bundled_dictionary().entries)
        e = entries.get(code or "")
        return e.kind if e is not None else "-"

    return kind_of


def trigger_index(tokens: list[Token], e: Event) -> int:
    for i, t in enumerate(tokens):
        if t.end > e.trigger_start:
            return i
    return max(len(tokens) - 1, 0)


def _party_names(side: str, party, mentions: list[Mention]) -> list[str]:
    if party.inferred:
        return [f"{side}=inferred:{party.inferred}"]
    if not party.code and not party.agent:
        return [f"{side}=none"]
    m = next((x for x in mentions if x.start == party.start), None)
    kind = m.kind if m is not None else "other"
    return [f"{side}=written", f"{side}.kind={kind}", f"{side}.agent={party.agent or '-'}",
            f"{side}.code={'yes' if party.code else 'no'}"]


def event_names(p: Processed, e: Event, ctx: DocContext, cues: dict[str, frozenset[str]]) -> list[str]:
    tokens = p.tokens.get(e.sentence_idx, [])
    mentions = ctx.mentions.get(e.sentence_idx, [])
    a = _party_names("a", e.actor, mentions)
    r = _party_names("r", e.recipient, mentions)
    quad, qp = p.quads.get(e.sentence_idx, ("none", 0.0))
    rel = (1.0 - qp) if quad == "irrelevant" else qp if quad != "none" else 0.5
    sent_dom = ctx.sentence_domains.get(e.sentence_idx) or domain_hits(tokens, cues)
    # Features that carry over from the press to other text: what the event is (type, quad, modality,
    # negation), who its parties are, the sentence's relevance and domain words, and the document's page.
    # Left out (measured on dev and the project's own gold): sentence length, number of names, trigger shape
    # and the rules' confidence, which describe the writing more than the event and did not carry over to the
    # seed articles. No trigger entry or outlet names either: a few hundred labelled events cannot learn them.
    out = [f"quad={e.quad}", f"mod={e.modality}", f"neg={e.negated}", f"squad={quad}",
           f"prel={_bucket(rel, (0.2, 0.4, 0.6, 0.8))}", *a, *r, f"ar={a[0]}|{r[0]}"]
    for d, n in sent_dom.items():
        if n:
            out.append(f"sent.{d}")
    # who the parties are: a state or an intergovernmental body is what makes an act political
    ka, kr = ctx.kind_of(e.actor.code), ctx.kind_of(e.recipient.code)
    pol = sum(k in ("state", "igo") for k in (ka, kr))
    out += [f"a.ek={ka}", f"r.ek={kr}", f"states={pol}", f"type={e.event}", f"type={e.event}|states={pol}"]
    out += ctx.domain
    top = next((f for f in ctx.domain if f.startswith("doc.political=")), None)
    if top:
        out += [f"{top}|states={pol}", f"{top}|quad={e.quad}"]
    return out


@dataclass
class ArgClues:
    """What the rules' clause readers (events/clauses.py) say about one event's sentence, computed once per event
    and shared by all its candidate mentions."""

    head: int
    last: int  # the trigger's last token
    passive: bool  # a violent or coercive verb read as passive: its subject is the patient
    agents: frozenset[int]  # starts of mentions in an agent phrase (برصاص X، من قبل X، الغارة التي شنتها X)
    kind_of: Callable[[str | None], str] = lambda code: "-"


def arg_clues(tokens: list[Token], e: Event, mentions: list[Mention],
              kind_of: Callable[[str | None], str] | None = None) -> ArgClues:
    from ..events import clauses

    head = trigger_index(tokens, e)
    last = head
    while last + 1 < len(tokens) and tokens[last + 1].start < e.trigger_end:
        last += 1
    agents = set()
    if tokens:
        pool = sorted(mentions, key=lambda m: m.tok_start)
        agents.update(m.start for m in clauses.agent_phrase(tokens, pool, last))
        for m in (clauses.relative_agent(tokens, pool, last), clauses.clause_agent(tokens, pool, last)):
            if m is not None:
                agents.add(m.start)
    passive = bool(tokens) and clauses.is_passive(tokens, head, e.event)
    return ArgClues(head, last, passive, frozenset(agents), kind_of or (lambda code: "-"))


def _chain(m: Mention, others: list[Mention], tokens: list[Token]) -> str:
    """The mention's place in a genitive chain or apposition: right after another mention (وزير خارجية X، الرئيس
    X: it names whose the first one is), right before one, or alone."""
    if any(x is not m and x.tok_end == m.tok_start for x in others):
        return "owned"
    if any(x is not m and x.tok_start == m.tok_end for x in others):
        return "owner"
    return "alone"


def arg_names(tokens: list[Token], e: Event, m: Mention, others: list[Mention],
              clues: ArgClues | None = None) -> list[str]:
    """Features of mention ``m`` as a party of ``e``, with the other mentions of the sentence."""
    clues = clues or arg_clues(tokens, e, others)
    head = clues.head
    before = m.tok_end <= head
    gap = (head - m.tok_end) if before else (m.tok_start - head - 1)
    lo, hi = (m.tok_end, head) if before else (head + 1, m.tok_start)
    between = [t.norm for t in tokens[lo:hi]]
    prev = tokens[m.tok_start - 1].norm if m.tok_start > 0 else "<s>"
    pref = tokens[m.tok_start].prefix if m.tok_start < len(tokens) else ""
    prep = prev if prev in PREPOSITIONS else ("ل" if pref[:1] == "ل" or pref[:2] in ("ول", "فل") else
                                               "ب" if pref[:1] == "ب" or pref[:2] in ("وب", "فب") else "-")
    n_between = sum(1 for x in others if x is not m and (lo <= x.tok_start < hi))
    same_side = [x for x in others if x is not m and ((x.tok_end <= head) == before)]
    nearest = not any((x.tok_end > m.tok_end) if before else (x.tok_start < m.tok_start) for x in same_side)
    side = "before" if before else "after"
    t = e.event
    out = [f"side={side}", f"gap={_bucket(gap, (0, 1, 3, 6, 12))}", f"kind={m.kind}", f"agent={m.agent or '-'}",
           f"prep={prep}", f"between={_bucket(n_between, (0, 1, 2))}", f"nearest={nearest}",
           f"break={any(w in BREAKS for w in between)}", f"first={all(x.tok_start >= m.tok_start for x in others)}",
           f"speaker={m.code == e.attribution_code and m.code is not None}", f"code={'yes' if m.code else 'no'}",
           f"t={t}|side={side}", f"t={t}|prep={prep}", f"side={side}|prep={prep}", f"side={side}|nearest={nearest}",
           f"t={t}|side={side}|nearest={nearest}", f"t={t}|kind={m.kind}", f"side={side}|gap={_bucket(gap, (0, 1, 3))}",
           f"quad={e.quad}|side={side}|prep={prep}", f"head.def={'ال' in tokens[head].prefix if tokens else False}|side={side}"]
    # the clause: a passive verb turns its subject into the patient; an agent phrase names who acted; a relative
    # pronoun between trigger and mention opens a clause of its own
    voice = "passive" if clues.passive else "active"
    rel = any(w in RELATIVES for w in between)
    ek = clues.kind_of(m.code)
    chain = _chain(m, others, tokens)
    adjacent = "next" if gap == 0 and not before else "prev" if gap == 0 else "far"
    # a quotation mark between them: one stands inside quoted speech, the other outside («…» قال: the speaker's
    # parties are not the quote's); the owner of an office (الأمانة العامة لمنظمة X) is no recipient for its لـ;
    # a name after "ما" right after the trigger (رفض ما تطرحه X) is the subject of what is reacted to
    quoted = sum(w in QUOTES for w in between) % 2 == 1
    office = prep == "ل" and m.tok_start > 0 and tokens[m.tok_start - 1].norm in OFFICE_ADJECTIVES
    what = not before and bool(between) and between[0] in WHAT
    out += [f"quoted={quoted}", f"quoted={quoted}|side={side}", f"office={office}", f"what={what}|side={side}"]
    out += [f"voice={voice}|side={side}", f"voice={voice}|side={side}|nearest={nearest}",
            f"agentphrase={m.start in clues.agents}", f"rel={rel}|side={side}", f"ek={ek}", f"t={t}|ek={ek}",
            f"quad={e.quad}|ek={ek}|side={side}", f"chain={chain}", f"chain={chain}|side={side}",
            f"adj={adjacent}|prep={prep}", f"t={t}|adj={adjacent}|prep={prep}"]
    return out


def place_names(e: Event, clues: ArgClues, source: str) -> list[str]:
    """Features of the **place's state** as the actor of ``e`` when no actor is written: the annotation guidelines
    give an attack by unnamed people the state where it happened, which the rules do only after attacker words."""
    r = "inferred" if e.recipient.inferred else "none" if not (e.recipient.code or e.recipient.agent) else "written"
    v = "passive" if clues.passive else "active"
    return ["virtual=place", f"t={e.event}|virtual=place", f"quad={e.quad}|virtual=place", f"r={r}|virtual=place",
            f"src={source}|virtual=place", f"voice={v}|virtual=place", f"agents={bool(clues.agents)}|virtual=place",
            f"mod={e.modality}|virtual=place", f"t={e.event}|r={r}|virtual=place"]


def previous_names(e: Event, clues: ArgClues, kind: str, lead: bool, same_quad: bool) -> list[str]:
    """Features of the **previous sentence's actor** as the actor of ``e`` when this sentence writes none: Arabic
    news drops a subject the sentence before named (وأضاف، وأكد، وتابع: the same speaker goes on). ``kind``: the
    dictionary kind of that actor; ``lead``: a coded mention stands before the trigger (a subject may be written
    here after all); ``same_quad``: the previous sentence's event is of the same quad."""
    r = "inferred" if e.recipient.inferred else "none" if not (e.recipient.code or e.recipient.agent) else "written"
    v = "passive" if clues.passive else "active"
    return ["virtual=prev", f"t={e.event}|virtual=prev", f"quad={e.quad}|virtual=prev", f"r={r}|virtual=prev",
            f"voice={v}|virtual=prev", f"agents={bool(clues.agents)}|virtual=prev", f"mod={e.modality}|virtual=prev",
            f"ek={kind}|virtual=prev", f"lead={lead}|virtual=prev", f"samequad={same_quad}|virtual=prev",
            f"quad={e.quad}|samequad={same_quad}|virtual=prev"]
