"""The pipeline: Document -> Processed (sentences, tokens, mentions, events).

Each stage is a callable taking and returning a ``Processed`` record, so a reader can follow one article:
``Segmenter`` (text layer) -> ``ActorStage`` (actors) -> ``EventStage`` (events). Stages hold their own
loaded data (dictionary, lexicon); nothing is global.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .records import Document, Event, Mention, Sentence, Token
from .text.sentences import split_sentences
from .text.tokens import Tokenizer

PROCESSED_KINDS = ("title", "body")  # sentence kinds that later stages read; boilerplate/duplicates are skipped


@dataclass
class Processed:
    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: dict[int, list[Token]] = field(default_factory=dict)  # sentence idx -> tokens
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    candidates: list = field(default_factory=list)  # unknown names after titles (actors.resolver.Candidate)
    agents: list[Mention] = field(default_factory=list)  # head nouns without a country (الحكومة، المتظاهرون)
    places: list[Mention] = field(default_factory=list)  # non-capital places (locations, not actors)
    quads: dict[int, tuple[str, float]] = field(default_factory=dict)  # sentence idx -> (quad label, p)

    def content_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind in PROCESSED_KINDS]


class Segmenter:
    """Text stage: sentences (with boilerplate/duplicate marks) and clitic-aware tokens."""

    name = "text"

    def __init__(self, tokenizer: Tokenizer | None = None):
        self.tokenizer = tokenizer or Tokenizer()

    def __call__(self, p: Processed) -> Processed:
        p.sentences = split_sentences(p.doc.text, p.doc.id, p.doc.title)
        for s in p.sentences:  # all kinds: mentions are wanted everywhere, events only in content sentences
            p.tokens[s.idx] = self.tokenizer(s.text, s.start)
        return p


Stage = Callable[[Processed], Processed]


class Pipeline:
    """``Pipeline.default()`` runs every stage that is available; ``Pipeline(stages)`` a chosen list."""

    def __init__(self, stages: Sequence[Stage]):
        self.stages = list(stages)

    @classmethod
    def default(cls, upto: str = "events", dictionary=None) -> Pipeline:
        stages: list[Stage] = []
        if upto in ("actors", "events"):
            from .actors.stage import ActorStage

            actor_stage = ActorStage(dictionary)
            stages.append(Segmenter(Tokenizer(actor_stage.protected_words())))
            stages.append(actor_stage)
            if upto == "events":
                from .events.stage import EventStage
                from .learn.stage import QuadStage

                stages.append(event_stage := EventStage())
                stages.append(QuadStage(event_stage.coder))
        else:
            stages.append(Segmenter())
        return cls(stages)

    def __call__(self, doc: Document) -> Processed:
        p = Processed(doc)
        for stage in self.stages:
            p = stage(p)
        return p

    @property
    def names(self) -> list[str]:
        return [getattr(s, "name", type(s).__name__) for s in self.stages]
