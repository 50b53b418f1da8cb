"""Helpers of the actor speed tests that prove a shortcut changes nothing (test_actors_speed_cache.py,
test_actors_speed_firstsight.py, test_actors_speed_passes.py, the twelfth and thirteenth rounds'): sentences tokenized
as the stage reads them, what the actor matcher answers for one sentence, and what the whole stage answers for an
article."""

from __future__ import annotations

from marsad.actors.matcher import Matcher
from marsad.ingest.readers import make_document
from marsad.pipeline import Segmenter
from marsad.records import Processed, Token
from marsad.text.tokens import Tokenizer, function_words


def tokenized(stage, texts: list[str]) -> list[list[Token]]:
    """Each text as one sentence's tokens, with the stage's protected words (a 2010 date)."""
    seg = Segmenter(Tokenizer(stage.protected_words()))
    return [seg(Processed(make_document(t, "t", published="2010-06-01"))).tokens[0] for t in texts]


def fresh(stage) -> Matcher:
    """A new matcher over the stage's dictionary: no word seen yet."""
    return Matcher(stage.dictionary, stage.matcher.spellings, function_words())


def read(m: Matcher, tokens) -> tuple:
    """Everything the matcher answers for one sentence: matches with their names, and both scans."""
    matches = [(x.tok_start, x.tok_end, x.char_start, x.char_end, [(n.entry, n.kind) for n in x.names], x.nasab)
               for x in m(tokens)]
    scans = [[(a, b, [n.entry for n in names]) for a, b, names in m.scan(tokens, trie)]
             for trie in (m.head_trie, m.city_trie)]
    return matches, scans


def stage_answers(st, sentences: list[str], date: str = "2008-06-01") -> tuple:
    """Everything the actor stage answers for one article of these sentences: mentions, agents, places, candidates."""
    seg = Segmenter(Tokenizer(st.protected_words()))
    p = st(seg(Processed(make_document(" ".join(sentences), "t", published=date))))
    return tuple([(x.start, x.end, x.code, x.agent, x.kind, x.entry, x.person) for x in xs]
                 for xs in (p.mentions, p.agents, p.places)) + ([(c.name, c.title, c.tok_start) for c in p.candidates],)
