"""Actor stage of the pipeline: tokens of each sentence -> resolved Mentions (and name candidates)."""

from __future__ import annotations

from functools import lru_cache

from ..pipeline import Processed
from ..text.tokens import function_words
from .dictionary import ActorDictionary, load_dictionary
from .matcher import Matcher
from .resolver import Resolver


@lru_cache(maxsize=1)
def bundled_dictionary() -> ActorDictionary:
    """The bundled dictionary, loaded once per process (read-only after loading)."""
    return load_dictionary()


class ActorStage:
    name = "actors"

    def __init__(self, dictionary: ActorDictionary | None = None, collect_candidates: bool = True):
        self.dictionary = dictionary or bundled_dictionary()
        self.matcher = Matcher(self.dictionary)
        self.resolver = Resolver(self.dictionary, self.matcher)
        self.resolver.matcher_protected = function_words()
        self.collect_candidates = collect_candidates

    def protected_words(self) -> set[str]:
        return self.dictionary.words()

    def __call__(self, p: Processed) -> Processed:
        date = p.doc.published
        for s in p.sentences:
            tokens = p.tokens.get(s.idx, [])
            matches = self.matcher(tokens)
            mentions = self.resolver(tokens, matches, date, s.idx, s.text, s.start)
            p.mentions.extend(mentions)
            if self.collect_candidates:
                p.candidates.extend(self.resolver.candidates(tokens, mentions, s.text, s.start))
        return p
