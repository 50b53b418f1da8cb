"""Training rows of the event and argument scorers, from two sources:

- the real-news gold's **dev half only** (tests/gold/real_news.jsonl; text read from ../shared/corpora/saudinewsnet):
  a rule event whose type matches a gold event of its sentence is positive, any other negative; a mention inside
  a gold event's actor (recipient) span is that event's actor (recipient), other mentions neither;
- weak labels from articles of the development corpus that are not in the gold (either half):
  events: a rule event on a clearly non-political page (marsad.learn.domain.page: the title and the leading
  domain agree on sport, economy, local services …, and no political domain is among the first two) is
  negative; one whose two parties are both written states or intergovernmental bodies, with the rules'
  confidence >= WEAK_ARG_CONF, on a page led by a political domain, is positive;
  arguments: events whose actor and recipient the rules both found written (confidence >= WEAK_ARG_CONF) give
  actor / recipient / neither for every mention of the sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..events.arguments import after_place_word
from ..events.scoring import match, read_gold
from ..ingest.newsjson import read_news_zip
from ..pipeline import Pipeline
from ..records import Event, Mention, Processed
from .domain import page
from .eventfeatures import (
    DocContext,
    arg_clues,
    arg_names,
    event_names,
    kind_lookup,
    load_domain_cues,
    place_names,
)
from .eventstage import (
    ARG_LABELS,
    PLACE_MARK,
    candidates,
    first_actors,
    offered,
    place_state,
    previous_actor,
    previous_features,
    stateless,
    unsure,
)
from .newsrel import is_press

WEAK_ARG_CONF = 0.9


@dataclass
class Candidate:
    code: str | None  # as the scorer counts it (a group as its state)
    mention: Mention
    feats: list[str]
    label: int = 0  # index in ARG_LABELS
    place: bool = False  # written as the place of the act (في X، قرب X): never the actor (eventstage)
    stateless: bool = False  # a group of no one state: chosen, it takes the state of the act's place


@dataclass
class Item:
    """One rule event with its features, its gold label (dev) and its candidate mentions."""

    event: Event
    feats: list[str]
    label: int
    actor: str | None
    recipient: str | None
    candidates: list[Candidate] = field(default_factory=list)
    press: bool = True  # a document with a title (the scorer drops only there: eventstage.may_drop)
    place_code: str | None = None  # the place's state, offered as the actor of an event with none (eventstage)
    place_feats: list[str] | None = None
    place_label: int = 0  # 1: a gold event of this type has the place's state as its actor
    prev_code: str | None = None  # the previous sentence's actor, offered to an event with none (eventstage)
    prev_feats: list[str] | None = None
    prev_label: int = 0  # 1: a gold event of this type has that actor


@dataclass
class GoldRow:
    id: str
    gold: list[dict]
    items: list[Item]


def group_country_fn():
    from ..actors.stage import bundled_dictionary

    entries = bundled_dictionary().entries

    def group_country(code):
        e = entries.get(code or "")
        return (e.country or code) if e is not None and e.kind in ("nsa", "communal") else code

    return group_country


def _inside(m: Mention, span: dict | None, base: int) -> bool:
    if not span or span.get("start") is None:
        return False
    return m.start < base + span["end"] and base + span["start"] < m.end


def _items(p: Processed, events: list[Event], cues, gc, kinds=None) -> list[Item]:
    ctx = DocContext.of(p, cues, kinds)
    firsts = first_actors(p.events)
    out = []
    for e in events:
        tokens = p.tokens.get(e.sentence_idx, [])
        # the mentions the stage offers the scorer (eventstage.choose_arguments): same candidates in training
        ms = offered(events, e, ctx.mentions.get(e.sentence_idx, []))
        clues = arg_clues(tokens, e, ms, ctx.kind_of)
        # codes as the evaluation counts them (scoring.eval_real_news): a party's own country first, else the
        # group's state, so that cross-validation scores what `marsad eval events` scores
        cands = [Candidate(m.country or gc(m.code), m, arg_names(tokens, e, m, ms, clues),
                           place=after_place_word(tokens, m), stateless=stateless(m.code))
                 for m in candidates(ms, tokens)]
        it = Item(e, event_names(p, e, ctx, cues), 0, e.actor.country or gc(e.actor.code),
                  e.recipient.country or gc(e.recipient.code), cands, is_press(p))
        where = place_state(e, [c.mention for c in cands if c.place or PLACE_MARK in c.feats], ctx.kind_of, tokens,
                            (clues.head, clues.last))
        if where is not None:
            it.place_code, it.place_feats = where[0], place_names(e, clues, where[1])
        prev = previous_actor(e, firsts)
        if prev is not None:
            it.prev_code = prev.actor.country or gc(prev.actor.code)
            it.prev_feats = previous_features(e, prev, [c.mention for c in cands], clues, ctx.kind_of)
        out.append(it)
    return out


def rules_pipeline() -> Pipeline:
    return Pipeline.default("events", learned=False)


def gold_rows(gold: Path, corpus: Path, split: str = "dev", pipeline: Pipeline | None = None) -> list[GoldRow]:
    pipeline = pipeline or rules_pipeline()
    cues, gc, kinds = load_domain_cues(), group_country_fn(), kind_lookup()
    rows = [r for r in read_gold(gold) if r["split"] == split]
    docs = _docs(corpus, {(r["file"], r["index"]) for r in rows})
    coded: dict = {}
    out = []
    for r in rows:
        key = (r["file"], r["index"])
        if key not in coded:
            coded[key] = pipeline(docs[key])
        p = coded[key]
        sids = {s.idx for s in p.sentences if s.start < r["end"] and r["start"] < s.end}
        items = _items(p, [e for e in p.events if e.sentence_idx in sids], cues, gc, kinds)
        pred = [(it.event.event, it.actor, it.recipient, it.event.symmetric) for it in items]
        _, _, _, _, extra = match("type", r["events"], pred)
        for j, it in enumerate(items):
            it.label = int(j not in extra)
            same = [g for g in r["events"] if g["event"] == it.event.event]
            it.place_label = int(it.place_code is not None and any(
                (g.get("actor") or {}).get("country") == it.place_code for g in same))
            it.prev_label = int(it.prev_code is not None and any(
                (g.get("actor") or {}).get("country") == it.prev_code for g in same))
            for c in it.candidates:
                if any(_inside(c.mention, g.get("actor"), r["start"]) for g in same):
                    c.label = 1
                elif any(_inside(c.mention, g.get("recipient"), r["start"]) for g in same):
                    c.label = 2
        out.append(GoldRow(r["id"], r["events"], items))
    return out


def _docs(corpus: Path, keys: set[tuple[str, int]]) -> dict:
    docs = {}
    for name in sorted({k[0] for k in keys}):
        path = corpus / name
        if not path.exists():
            raise FileNotFoundError(f"{path}: the real-news gold points into the development corpus; "
                                    f"give --corpus (default ../shared/corpora/saudinewsnet)")
        for d in read_news_zip(path):
            if hasattr(d, "origin") and (name, int(d.origin["index"])) in keys:
                docs[(name, int(d.origin["index"]))] = d
    return docs


def weak_rows(corpus: Path, gold: Path | list[Path], files: list[str], per_file: int,
              pipeline: Pipeline | None = None) -> tuple[list[tuple[list[str], int]], list[tuple[list[str], int]]]:
    """(event rows, argument rows) of weak labels from the first ``per_file`` articles of each corpus file,
    skipping every article any of the gold files points into (dev and test)."""
    pipeline = pipeline or rules_pipeline()
    cues, gc, kinds = load_domain_cues(), group_country_fn(), kind_lookup()
    skip = {(r["file"], r["index"]) for g in ([gold] if isinstance(gold, Path) else gold)
            for r in (json.loads(x) for x in g.read_text(encoding="utf-8").splitlines() if x.strip())}
    ev_rows, arg_rows = [], []
    for name in files:
        n = 0
        for d in read_news_zip(corpus / name):
            if not hasattr(d, "origin") or (name, int(d.origin["index"])) in skip:
                continue
            n += 1
            if n > per_file:
                break
            p = pipeline(d)
            if not p.events:
                continue
            where = page(p, cues)
            for it in _items(p, p.events, cues, gc, kinds):
                e = it.event
                sure = not unsure(e.actor) and not unsure(e.recipient)
                if where not in (None, "political"):
                    ev_rows.append((it.feats, 0))
                elif where == "political" and sure and e.confidence >= WEAK_ARG_CONF \
                        and {kinds(e.actor.code), kinds(e.recipient.code)} <= {"state", "igo"}:
                    ev_rows.append((it.feats, 1))
                if e.confidence >= WEAK_ARG_CONF and sure:
                    for c in it.candidates:
                        lab = 1 if c.mention.start == e.actor.start else 2 if c.mention.start == e.recipient.start else 0
                        arg_rows.append((c.feats, lab))
    return ev_rows, arg_rows


__all__ = ["ARG_LABELS", "Candidate", "GoldRow", "Item", "gold_rows", "weak_rows"]


def news_rows(gold: Path, corpus: Path, split: str = "dev") -> list[tuple[str, list[str], int]]:
    """(row id, features, relevant) for the press relevance model (newsrel), from the gold's ``split`` rows: the
    sentences overlapping a row give their features (their union when a row spans several); relevant when the row
    has a non-optional gold event. The pipeline's sentence stage runs without a press model (the KIL decision)."""
    from .domain import doc_domain
    from .stage import QuadStage, group

    pipeline = rules_pipeline()
    quad = next(s for s in pipeline.stages if isinstance(s, QuadStage))
    quad.news = False
    rows = [r for r in read_gold(gold) if r["split"] == split]
    docs = _docs(corpus, {(r["file"], r["index"]) for r in rows})
    cues = load_domain_cues()
    coded: dict = {}
    out = []
    for r in rows:
        key = (r["file"], r["index"])
        if key not in coded:
            p = pipeline(docs[key])
            coded[key] = (p, group(p), doc_domain(p, cues))
        p, g, page = coded[key]
        quad._cues = cues
        feats: set[str] = set()
        for s in p.content_sentences():
            if s.start < r["end"] and r["start"] < s.end:
                feats.update(quad.news_features(p, s, g, page)[0])
        out.append((r["id"], sorted(feats), int(any(not e.get("optional") for e in r["events"]))))
    return out
