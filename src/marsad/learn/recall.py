"""The learned recall stage: proposes an event of a PLOVER type the rules did not code in a sentence, when a
per-type classifier over the sentence is confident (``recall.npz``, trained by ``marsad.learn.recalltrain``).

Why: on the real-news gold's dev rows most missed gold events have no rule event of their type at all (92 of
120): a word the lexicon lacks, a trigger whose pattern did not complete, an act without a coded party. The
earlier scorers only filter and re-argue rule events, so they cannot recover these.

A proposal gets
- a trigger: the sentence's best **near-miss** of the type (a token that can be the first word of a trigger
  entry of that type, whose pattern did not complete), else the word the type's model weighs most;
- modality and negation from the rules' cue readers (``events.modality``) at that token; a denied act is not
  proposed;
- actor and recipient from the sentence's mentions by the argument scorer (``eventstage.choose_arguments``: the
  mentions, the place's state, the previous sentence's actor), at the argument model's threshold;
- the type's party policy (``data/ontology/parties.yaml``): where the policy lets the place stand for the recipient,
  the first state written as the place (في X) does; a type that needs a recipient gets none proposed without one,
  and an event with no coded party at all is proposed only where the policy keeps such events.
Its ``confidence`` is the model's probability, capped at CAP (below what the rules give a written pair), and its
``pattern`` is ``learned:recall`` so that a user can tell it from a rule event.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np

from ..events import modality as modal
from ..events.arguments import after_place_word
from ..events.coder import event_id
from ..events.lexicon import IGNORE
from ..records import Event, Party, Processed, Token
from ..text.tokens import forms as token_forms
from .eventfeatures import DocContext, domain_hits, kind_lookup, load_domain_cues
from .eventstage import ARG_MODEL, choose_arguments, first_actors, offered, previous_actor
from .named import NamedModel
from .stage import model_dir

RECALL_MODEL = "recall.npz"
PATTERN = "learned:recall"
CAP = 0.6  # a proposal's confidence never reaches a rule event with both parties written (0.9)
CHARS = True
MASK = True
MODAL_WORDS = ("negation", "future", "hypothetical")


def _bucket(x: float) -> str:
    return "lo" if x < 0.3 else "mid" if x < 0.6 else "hi"


def near_misses(tokens: list[Token], by_first: dict) -> list[tuple[int, str]]:
    """(token index, PLOVER type) of every token that can be the first word of a trigger entry of that type."""
    out = []
    for i, t in enumerate(tokens):
        seen = set()
        for f in token_forms(t):
            for pat in by_first.get(f, ()):
                if pat.event != IGNORE and pat.event not in seen:
                    seen.add(pat.event)
                    out.append((i, pat.event))
    return out


def token_names(t: Token, by_first: dict) -> tuple[str, ...]:
    """What one token gives the recall features, whatever its sentence: its folded word (base, and stem where an
    enclitic was split), the letter 3-grams of its stem, and the types of the trigger entries it can open."""
    out: set[str] = set()
    if t.is_word:
        w = t.base or t.norm
        out.add(f"w={w}")
        if t.stem and t.stem != t.base:
            out.add(f"s={t.stem}")
        if CHARS:  # letter 3-grams inside the stem: derived forms of one root share them (فجر in تفجير، انفجار)
            core = t.stem or t.base
            out |= {f"c={core[i:i + 3]}" for i in range(len(core) - 2)}
    for f in token_forms(t):
        for pat in by_first.get(f, ()):
            if pat.event != IGNORE:
                out.add(f"nm={pat.event}")
    return tuple(sorted(out))


def unmasked(p: Processed, idx: int) -> list[Token]:
    """The sentence's tokens without the words of the rules' own triggers. Left out in training and at run time
    alike: the stage proposes types the rules did not code, where no such trigger stands, so the models must
    learn from the rest of the sentence."""
    every = p.tokens.get(idx, [])
    coded = [(e.trigger_start, e.trigger_end) for e in p.events if e.sentence_idx == idx]
    if not (MASK and coded):
        return every
    return [t for t in every if not any(a <= t.start < b for a, b in coded)]


def context_names(p: Processed, idx: int, ctx: DocContext, cues, modal_cues, tokens: list[Token]) -> set[str]:
    """The sentence's features beyond its single tokens: word bigrams, the mention kinds and actor kinds present,
    the sentence's relevance, its domain cue words and the document's page, modality cue words."""
    every = p.tokens.get(idx, [])
    words = [t.base or t.norm for t in tokens if t.is_word]
    out = {f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False)}
    ms = ctx.mentions.get(idx, [])
    for m in ms:
        out.add(f"mk={m.kind}")
        if m.agent:
            out.add(f"ag={m.agent}")
        if m.code:
            out.add(f"ek={ctx.kind_of(m.code)}")
    states = len({m.code for m in ms if m.code and ctx.kind_of(m.code) in ("state", "igo")})
    out.add(f"states={min(states, 3)}")
    quad, qp = p.quads.get(idx, ("none", 0.0))
    rel = (1.0 - qp) if quad == "irrelevant" else qp if quad != "none" else 0.5
    out |= {f"squad={quad}", f"prel={_bucket(rel)}",
            f"rules={'some' if any(e.sentence_idx == idx for e in p.events) else 'none'}"}
    sent_dom = ctx.sentence_domains.get(idx) or domain_hits(every, cues)
    out |= {f"sent.{d}" for d, n in sent_dom.items() if n}
    out |= set(ctx.domain)
    norms = {t.norm for t in every}
    out |= {f"cue={name}" for name in MODAL_WORDS if norms & getattr(modal_cues, name)}
    if any(modal.future_verb(t) for t in every):
        out.add("cue=future_s")
    return out


def sentence_names(p: Processed, idx: int, ctx: DocContext, by_first: dict, cues, modal_cues) -> list[str]:
    """Named features of one sentence for the recall classifiers (``token_names`` of its unmasked tokens and
    ``context_names``). The rules' own event types are left out on purpose: the classifier must read the
    sentence, not learn that the rules already coded the type."""
    tokens = unmasked(p, idx)
    out = context_names(p, idx, ctx, cues, modal_cues, tokens)
    for t in tokens:
        out.update(token_names(t, by_first))
    return sorted(out)


def column_scores(model: NamedModel, feats: list[str]) -> np.ndarray:
    """P(type) for every type (one sigmoid a column: the types are not exclusive)."""
    return index_scores(model, {i for f in feats if (i := model._index.get(f)) is not None})


def index_scores(model: NamedModel, idx: set[int]) -> np.ndarray:
    z = model.weights[list(idx)].sum(axis=0) + model.bias if idx else model.bias.copy()
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def trigger_token(tokens: list[Token], kind: str, misses: list[tuple[int, str]], model: NamedModel, k: int) -> int:
    """The near-miss of this type nearest the sentence's start, else the word the type's model weighs most."""
    hits = [i for i, t in misses if t == kind]
    if hits:
        return hits[0]
    best, best_w = 0, -np.inf
    for i, t in enumerate(tokens):
        j = model._index.get(f"w={t.base or t.norm}")
        if j is not None and model.weights[j, k] > best_w:
            best, best_w = i, float(model.weights[j, k])
    return best


class RecallStage:
    """Adds learned proposals for types the rules did not code (after the learned event stage)."""

    name = "learned-recall"

    def __init__(self, coder, directory: Path | None = None, force_on: bool = False):
        """``force_on``: where the trainer switched the stage off (the dev gain was within the noise), use the
        threshold dev CV preferred all the same (the model's ``override``); for ``marsad learn ablation``."""
        self.coder = coder
        self.directory = directory or model_dir()
        self.force_on = force_on
        self._models: tuple[NamedModel, NamedModel] | None = None
        self._tok: dict[tuple, tuple[int, ...]] = {}  # token forms -> model rows of its token_names
        self._cues = None
        self._kinds = None

    def _load(self) -> None:
        self.use(NamedModel.load(self.directory / RECALL_MODEL), NamedModel.load(self.directory / ARG_MODEL))

    def use(self, model: NamedModel, args: NamedModel) -> None:
        """Set the recall and argument models (training passes models it has just fitted)."""
        self._models = (model, args)
        self._tok = {}
        self._cues = load_domain_cues()
        self._kinds = kind_lookup()

    def indices(self, p: Processed, idx: int, ctx: DocContext) -> set[int]:
        """The model rows of ``sentence_names(p, idx, …)``, with each token's rows cached by its forms (words
        repeat: most tokens cost one lookup instead of a few dozen strings)."""
        model = self._models[0]
        index, cache, by_first = model._index, self._tok, self.coder.lexicon.by_first
        tokens = unmasked(p, idx)
        out = {i for f in context_names(p, idx, ctx, self._cues, self.coder.cues, tokens)
               if (i := index.get(f)) is not None}
        for t in tokens:
            key = (t.norm, t.prefix, t.base, t.stem)
            rows = cache.get(key)
            if rows is None:
                rows = tuple(i for f in token_names(t, by_first) if (i := index.get(f)) is not None)
                if len(cache) >= 200_000:
                    cache.clear()  # bounded: a long run over new vocabulary does not grow without end
                cache[key] = rows
            out.update(rows)
        return out

    def proposals(self, p: Processed, idx: int, ctx: DocContext, probs: np.ndarray, firsts: dict
                  ) -> list[tuple[Event, float]]:
        """(event, probability) for each type above the threshold that the sentence has no event of yet."""
        model, args = self._models
        thr = self.threshold()
        have = {e.event for e in p.events if e.sentence_idx == idx}
        tokens = p.tokens.get(idx, [])
        out = []
        for k, kind in enumerate(model.labels):
            if probs[k] < thr or kind in have or not tokens:
                continue
            e = self.propose(p, idx, kind, float(probs[k]), ctx, firsts, model, args, k)
            if e is not None:
                out.append((e, float(probs[k])))
        return out

    def threshold(self) -> float:
        model = self._models[0]
        return model.override if self.force_on and model.threshold > 1.0 else model.threshold

    def propose(self, p: Processed, idx: int, kind: str, prob: float, ctx: DocContext, firsts: dict,
                model: NamedModel, args: NamedModel, k: int) -> Event | None:
        coder = self.coder
        tokens = p.tokens[idx]
        head = trigger_token(tokens, kind, near_misses(tokens, coder.lexicon.by_first), model, k)
        norms = [t.norm for t in tokens]
        tf = [token_forms(t) for t in tokens]
        cf = [modal.cue_forms(t, f) for t, f in zip(tokens, tf, strict=True)]
        if modal.denied(coder.cues, norms, cf, head):
            return None
        sentence = next(s for s in p.sentences if s.idx == idx)
        m = SimpleNamespace(pattern=SimpleNamespace(event=kind, mode=None))
        question = sentence.text.rstrip().endswith(("?", "؟"))
        et = coder.ontology.types[kind]
        t = tokens[head]
        e = Event(id="", event=kind, actor=Party(), recipient=Party(), quad=et.quad, cameo=et.cameo_root,
                  negated=modal.negated(coder.cues, norms, cf, head),
                  modality=modal.modality(coder.cues, tokens, norms, tf, head, m, question, cf),
                  date=p.doc.published, date_precision="document" if p.doc.published else "unknown",
                  doc_id=p.doc.id, sentence_idx=idx, sentence=sentence.text,
                  event_text=sentence.text[t.start - sentence.start:t.end - sentence.start],
                  trigger_start=t.start, trigger_end=t.end, evidence_start=sentence.start,
                  evidence_end=sentence.end, confidence=round(min(prob, CAP), 3), pattern=PATTERN)
        cands = offered(p.events, e, ctx.mentions.get(idx, []))
        choose_arguments(e, tokens, cands, args, args.threshold, 1.01, self._kinds, previous_actor(e, firsts))
        policy = coder.policies.get(kind)
        if policy is not None and policy.recipient_from_place and not e.recipient.code:
            where = self.place_of(tokens, cands)  # victims in Baghdad: IRQ, as the coder's policy reads it
            if where is not None:
                e.recipient = Party(code=where, inferred="place")
        has_r = bool(e.recipient.code)
        if policy is not None and policy.needs_recipient and not has_r:
            return None
        if not (e.actor.code or has_r) and not (policy is not None and policy.keep_without_parties):
            return None
        e.id = event_id(p.doc.id, e)
        return e

    def place_of(self, tokens: list[Token], mentions) -> str | None:
        """The first state written as the place of the act (في X، قرب X)."""
        for m in sorted(mentions, key=lambda m: m.tok_start):
            code = m.country or m.code
            after_fi = m.tok_start > 0 and tokens[m.tok_start - 1].norm == "في"
            if code and (after_fi or after_place_word(tokens, m)) and self._kinds(code) == "state":
                return code
        return None

    def __call__(self, p: Processed) -> Processed:
        if self._models is None:
            self._load()
        if self.threshold() > 1.0:  # switched off: the trainer found no threshold that helps on dev beyond noise
            return p
        ctx = DocContext.of(p, self._cues, self._kinds)
        firsts = first_actors(p.events)
        model, thr = self._models[0], self.threshold()
        added = []
        for s in p.content_sentences():
            probs = index_scores(model, self.indices(p, s.idx, ctx))
            if probs.max(initial=0.0) >= thr:
                added += [e for e, _ in self.proposals(p, s.idx, ctx, probs, firsts)]
        if added:
            p.events = sorted(p.events + added, key=lambda e: (e.sentence_idx, e.trigger_start))
        return p
