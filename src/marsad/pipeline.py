"""The pipeline: Document -> Processed (sentences, tokens, mentions, events).

Each stage is a callable taking and returning a ``Processed`` record, so a reader can follow one article:
``Segmenter`` (text layer) -> ``ActorStage`` (actors) -> ``EventStage`` (events). Stages hold their own
loaded data (dictionary, lexicon); nothing is global.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .records import Document, Processed
from .text.sentences import split_sentences
from .text.tokens import Tokenizer


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


class StageError(Exception):
    """A stage failed on one document; ingest names the document and goes on with the next."""


class Pipeline:
    """``Pipeline.default()`` runs every stage that is available; ``Pipeline(stages)`` a chosen list."""

    def __init__(self, stages: Sequence[Stage]):
        self.stages = list(stages)

    @classmethod
    def default(cls, upto: str = "events", dictionary=None, learned: bool = True) -> Pipeline:
        """``learned=False``: rules only (no event/argument scorer; the sentence quad is still set)."""
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
                if learned:
                    from .learn.eventstage import LearnedEventStage

                    stages.append(LearnedEventStage())
                    from .learn.recall import RecallStage

                    stages.append(RecallStage(event_stage.coder))  # switched off by its model file's threshold
        else:
            stages.append(Segmenter())
        return cls(stages)

    def __call__(self, doc: Document) -> Processed:
        p = Processed(doc)
        for stage in self.stages:
            try:
                p = stage(p)
            except Exception as e:  # noqa: BLE001 - one record's failure must not stop a run
                name = getattr(stage, "name", type(stage).__name__)
                raise StageError(f"{name} stage failed ({type(e).__name__}: {e})") from e
        return p

    @property
    def names(self) -> list[str]:
        return [getattr(s, "name", type(s).__name__) for s in self.stages]
