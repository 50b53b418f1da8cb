"""Event stage of the pipeline: each content sentence's tokens and mentions -> events."""

from __future__ import annotations

from ..pipeline import Processed
from .coder import EventCoder


class EventStage:
    name = "events"

    def __init__(self, coder: EventCoder | None = None):
        self.coder = coder or EventCoder()

    def __call__(self, p: Processed) -> Processed:
        by_sentence: dict[int, list] = {}
        for m in p.mentions:
            by_sentence.setdefault(m.sentence_idx, []).append(m)
        for s in p.content_sentences():
            p.events.extend(self.coder(s, p.tokens.get(s.idx, []), by_sentence.get(s.idx, []), p.doc.published,
                                       p.doc.id, p.doc.source))
        return p
