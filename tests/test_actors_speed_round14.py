"""The actor stage's shortcut of the fourteenth round (issue 11, speed): one scan of each sentence gives the matcher
and the one pass the positions they read (the article's words that are not both inert and quiet), instead of a scan
each. The answers are those of the full reading. Sentences written for these tests (the names in them are invented,
but for the states and office holders the dictionary knows)."""

from __future__ import annotations

import pytest

from marsad.actors.matcher import Matcher
from marsad.actors.passes import Passes
from marsad.actors.stage import ActorStage
from matcher_answers import fresh, read, stage_answers, tokenized

# names, head nouns, places, titles and verbs of saying, المملكة and البلاد, and words met again in a later sentence
ARTICLE = [
    "وقال وزير الخارجية السعودي إن المملكة ترحب بالاتفاق الذي وقعته إيران مع الدول الكبرى في فيينا.",
    "وأكد الرئيس الأمريكي باراك أوباما أن الاتفاق سيمنع إيران من امتلاك سلاح نووي خلال السنوات المقبلة.",
    "وذكرت وكالة الأنباء الرسمية أن الحكومة في البلاد ستعقد اجتماعا في الرياض لبحث الاتفاق.",
    "وقال محمد سالم العتيبي وزير النفط إن الأسعار سترتفع في الربع المقبل، فيما التقى أوباما الملك في جدة.",
    "ودعت الأمم المتحدة إلى وقف إطلاق النار في حلب، وقال مسؤول في الجيش إن القوات ستنسحب من المدينة.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


def test_the_matcher_given_spots_answers_as_with_every_position(stage):
    sentences = tokenized(stage, ARTICLE)
    whole, given = fresh(stage), fresh(stage)
    for tokens in sentences + sentences:  # (the second time every word is known)
        spots = [i for i, t in enumerate(tokens) if t.norm not in given.inert]
        assert read(whole, tokens) == read_with(given, tokens, spots)
        assert given.positions(tokens) == whole.positions(tokens)
    # more spots than the words not inert (a word learnt inert later in the article) change nothing either
    whole, more = fresh(stage), fresh(stage)
    for tokens in sentences + sentences:
        assert read(whole, tokens) == read_with(more, tokens, list(range(len(tokens))))


def read_with(m: Matcher, tokens, spots: list[int]) -> tuple:
    """``read`` with the positions given."""
    matches = [(x.tok_start, x.tok_end, x.char_start, x.char_end, [(n.entry, n.kind) for n in x.names], x.nasab)
               for x in m(tokens, spots)]
    scans = [[(a, b, [n.entry for n in names]) for a, b, names in m.scan(tokens, trie)]
             for trie in (m.head_trie, m.city_trie)]
    return matches, scans


def test_the_pass_given_spots_marks_as_with_every_position(stage):
    sentences = tokenized(stage, ARTICLE)
    made = stage.passes

    def twin() -> Passes:
        p = Passes(frozenset(), frozenset(), frozenset())
        p.on_form, p.on_base, p.quiet = made.on_form, made.on_base, set()
        return p

    whole, given = twin(), twin()
    marked = 0
    for tokens in sentences + sentences:
        spots = [i for i, t in enumerate(tokens) if t.norm not in given.quiet]
        a, b = whole(tokens), given(tokens, spots)
        assert (a.cues, a.references, a.past, a.offices) == (b.cues, b.references, b.past, b.offices)
        marked += len(a.cues) + len(a.references)
    assert marked and whole.quiet == given.quiet


def test_the_stage_with_one_scan_answers_as_with_a_scan_each(stage, monkeypatch):
    calls = []
    got = stage_answers(stage, ARTICLE)
    assert got[0] and got[1]  # (names and head nouns: the article has work for both)
    # every part ignores the positions given and reads every word: the same answers from a fresh stage
    plain = ActorStage()
    matcher_call, passes_call = Matcher.__call__, Passes.__call__

    def matcher_all(self, tokens, spots=None):
        calls.append(spots is not None)
        return matcher_call(self, tokens)

    def passes_all(self, tokens, spots=None):
        return passes_call(self, tokens)

    monkeypatch.setattr(Matcher, "__call__", matcher_all)
    monkeypatch.setattr(Passes, "__call__", passes_all)
    assert stage_answers(plain, ARTICLE) == got
    assert calls and all(calls)  # (the stage gave the matcher its positions)


def test_the_one_scan_holds_every_word_either_part_reads(stage, monkeypatch):
    seen = []
    matcher_call, passes_call = Matcher.__call__, Passes.__call__

    def matcher_checked(self, tokens, spots=None):
        seen.append(("matcher", [i for i, t in enumerate(tokens) if t.norm not in self.inert], spots))
        return matcher_call(self, tokens, spots)

    def passes_checked(self, tokens, spots=None):
        seen.append(("passes", [i for i, t in enumerate(tokens) if t.norm not in self.quiet], spots))
        return passes_call(self, tokens, spots)

    monkeypatch.setattr(Matcher, "__call__", matcher_checked)
    monkeypatch.setattr(Passes, "__call__", passes_checked)
    st = ActorStage()
    stage_answers(st, ARTICLE[:2])
    stage_answers(st, ARTICLE)  # (the second article: most of its words seen in the first)
    assert {part for part, _, _ in seen} == {"matcher", "passes"}
    for part, needed, spots in seen:
        assert spots is not None and set(needed) <= set(spots), part
    assert any(len(spots) > len(needed) for _, needed, spots in seen)  # (the spots are shared: more than one reads)
