"""Actor stage of the pipeline: tokens of each sentence -> resolved Mentions (and name candidates)."""

from __future__ import annotations

from functools import lru_cache

from ..records import Mention, Processed
from ..text.tokens import function_words
from .dictionary import ActorDictionary
from .loader import load_dictionary
from .matcher import Matcher
from .resolver import Resolver

LOCATIVE = {"في", "من", "الي", "قرب", "مدينه", "بمدينه", "بلده", "قريه", "محافظه", "منطقه", "ولايه", "اقليم", "شمال",
            "جنوب", "شرق", "غرب", "وسط", "عاصمه", "داخل", "حول", "عند", "نحو", "باتجاه", "شوارع", "ضواحي", "مخيم",
            "علي", "ضد"}  # "الهجوم على خاركيف": a place attacked


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

    def _agents_and_places(self, p: Processed, s, tokens, mentions) -> None:
        """Head nouns standing alone (الحكومة، المتظاهرون: an agent without a country) and non-capital places
        (حلب، كورسك: locations, never actors). Kept for the event coder, not stored as mentions."""
        starts = {m.tok_start for m in mentions}
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        for a, b, names in self.matcher.scan(tokens, self.matcher.head_trie):
            if b in starts or covered.intersection(range(a, b)):
                continue  # head + nisba/state: the resolver already gave that mention its agent
            p.agents.append(Mention(tokens[a].start, tokens[b - 1].end, s.text[tokens[a].start - s.start:tokens[b - 1].end - s.start],
                                    "", names[0].agent, "head", None, "", a, b, s.idx))
        for a, b, names in self.matcher.scan(tokens, self.matcher.city_trie):
            if covered.intersection(range(a, b)):
                continue
            # many place names are also words (النعمة "grace", ميدان "square"): require a locative cue before
            if not ((a > 0 and tokens[a - 1].norm in LOCATIVE) or "ب" in tokens[a].prefix):
                continue
            p.places.append(Mention(tokens[a].start, tokens[b - 1].end, s.text[tokens[a].start - s.start:tokens[b - 1].end - s.start],
                                    names[0].code or "", None, "place", None, "", a, b, s.idx))

    def protected_words(self) -> set[str]:
        return self.dictionary.words()

    def __call__(self, p: Processed) -> Processed:
        date = p.doc.published
        for s in p.sentences:
            tokens = p.tokens.get(s.idx, [])
            matches = self.matcher(tokens)
            mentions = self.resolver(tokens, matches, date, s.idx, s.text, s.start)
            p.mentions.extend(mentions)
            self._agents_and_places(p, s, tokens, mentions)
            if self.collect_candidates:
                p.candidates.extend(self.resolver.candidates(tokens, mentions, s.text, s.start))
        return p
