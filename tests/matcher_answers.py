"""What the actor matcher answers for one sentence, for the speed tests that prove a shortcut changes nothing
(test_actors_speed_cache.py, test_actors_speed_firstsight.py)."""

from __future__ import annotations

from marsad.actors.matcher import Matcher
from marsad.text.tokens import function_words


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
