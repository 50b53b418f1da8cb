"""The actor stage's one pass per sentence (``actors.passes``, issue 11 speed): it gives every part the same positions
that the part's own pass over the sentence gives, its per-word tables are bounded and give the same answers
when full, at first and later sight, and the parts answer the same with and without it. Sentences written for these
tests; no timing is asserted."""

from __future__ import annotations

import pytest

import marsad.actors.passes as passes_module
from marsad.actors.passes import REFERENCE_WORDS, Passes, bare
from marsad.actors.stage import ActorStage
from marsad.ingest.readers import make_document
from marsad.pipeline import Segmenter
from marsad.records import Processed, Token
from marsad.text.tokens import _PREFIXES, Tokenizer
from matcher_answers import tokenized

# titles, honorifics and verbs of saying, a ruler and a caliphate of the past, المملكة and البلاد with and without
# proclitics, a remembered name, a sentence with none of them
SENTENCES = [
    "فاز المنتخب السعودي في المباراة على الملعب وقال المدرب إن اللاعبين قدموا أداء جيدا.",
    "وقال وزير الخارجية البحريني الشيخ خالد بن أحمد إن المملكة تدعم استقرار البلاد.",
    "وأكد وزير الموارد الطبيعية الروسي يوري تروتنيف أن للمملكة دورا في المنطقة وأن بالبلاد مشاريع كبيرة.",
    "وزار السلطان العثماني سليمان القانوني القدس في عهد الخلافة العثمانية.",
    "وقال تروتنيف إن الحكومة ستعلن الخطة غدا.",
    "ارتفعت أسعار النفط في الأسواق العالمية.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


@pytest.fixture(scope="module")
def sentences(stage) -> list[list[Token]]:
    return tokenized(stage, SENTENCES)


def fresh(stage) -> Passes:
    return Passes(stage.titled.triggers, stage.titled.g.honorifics, stage.historic.quick)


def own_passes(stage, tokens) -> tuple:
    """What each part finds by its own pass over the sentence (as it does without the stage's marks)."""
    quick = stage.historic.quick
    bares = [bare(t) for t in tokens]
    cues = [i for i, b in enumerate(bares) if b in stage.titled.triggers or tokens[i].norm in stage.titled.g.honorifics]
    references = [i for i, t in enumerate(tokens) if REFERENCE_WORDS[0] in t.norm or REFERENCE_WORDS[1] in t.norm]
    past = [i for i, t in enumerate(tokens) if t.base in quick or t.norm in quick]
    return cues, references, past


def marks_of(p: Passes, tokens) -> tuple:
    m = p(tokens)
    return m.cues, m.references, m.past


def test_the_sentences_hold_what_every_part_looks_for(stage, sentences):
    found = [own_passes(stage, t) for t in sentences]
    assert all(f[0] for f in found[:5]) and not any(found[5])  # cues in all but the last, which has nothing
    assert found[1][1] and found[2][1] and found[3][2]  # المملكة/البلاد, a historic ruler


def test_marks_are_what_each_part_finds_itself(stage, sentences):
    p = fresh(stage)
    for _ in range(2):  # first sight, then with the tables full
        assert [marks_of(p, t) for t in sentences] == [own_passes(stage, t) for t in sentences]


def test_bounded_tables_give_the_same_marks(stage, sentences, monkeypatch):
    unbounded = fresh(stage)
    expected = [marks_of(unbounded, t) for t in sentences]
    assert len(unbounded.quiet) > 3  # (the limit below binds)
    monkeypatch.setattr(passes_module, "LIMIT", 3)
    small = fresh(stage)
    for _ in range(2):  # first sight, then with the table full: every word past the limit is read afresh
        assert [marks_of(small, t) for t in sentences] == expected
    assert len(small.quiet) <= 3


def test_first_and_later_sight_agree_in_any_order(stage, sentences):
    expected = [marks_of(fresh(stage), t) for t in sentences]
    p = fresh(stage)
    got = [marks_of(p, t) for t in reversed(sentences)][::-1]
    assert got == expected


def test_a_quiet_form_is_quiet_with_every_base_the_tokenizer_may_give_it(stage, sentences):
    """A form is skipped on its own: it must pass no test whatever proclitics the tokenizer reads off it."""
    p = fresh(stage)
    for t in sentences:
        p(t)
    assert p.quiet
    for norm in p.quiet:
        bases = [norm] + [norm[len(pre):] for pre in _PREFIXES if norm.startswith(pre)]
        for base in bases:
            assert p.flags(Token(norm, 0, len(norm), norm, norm[:len(norm) - len(base)], base)) == 0, (norm, base)
    # a word quiet with one base only is not kept quiet: والسفير read with its conjunction off is a title
    word = Token("والسفير", 0, 7, "والسفير", "و", "السفير")
    assert p.flags(word) != 0 and "والسفير" not in p.quiet
    assert p.flags(Token("والسفير", 0, 7, "والسفير", "", "والسفير")) == 0  # (as one word it is none)


def mentions_of(stage, tokens, s) -> list:
    """A sentence's resolved mentions, made afresh for each of a part's two calls (the parts may extend them)."""
    return stage.resolver(tokens, stage.guards(tokens, stage.matcher(tokens)), "2010-06-01", s.idx, s.text, s.start)


def test_the_parts_answer_the_same_with_and_without_the_marks(stage):
    seg = Segmenter(Tokenizer(stage.protected_words()))
    p = fresh(stage)
    memory_a: dict = {}
    memory_b: dict = {}
    for text in SENTENCES:
        done = seg(Processed(make_document(text, "t", published="2010-06-01")))
        s, tokens = done.sentences[0], done.tokens[0]
        marks = p(tokens)
        assert stage.historic(tokens, mentions_of(stage, tokens, s), s, set()) == \
            stage.historic(tokens, mentions_of(stage, tokens, s), s, set(), marks.past)
        a, b = mentions_of(stage, tokens, s), mentions_of(stage, tokens, s)
        assert stage.titled(tokens, a, None, memory_a, s) == stage.titled(tokens, b, None, memory_b, s, marks.cues)
        assert a == b and memory_a == memory_b
        ctx_a: dict = {"outlet": "SAU"}
        ctx_b: dict = {"outlet": "SAU"}
        assert stage.references(tokens, mentions_of(stage, tokens, s), s, ctx_a) == \
            stage.references(tokens, mentions_of(stage, tokens, s), s, ctx_b, marks.references)
        assert ctx_a == ctx_b
    assert memory_a  # (a titled person was remembered: يوري تروتنيف)


def test_an_article_prepared_at_once_gives_the_same_marks(stage, sentences, monkeypatch):
    expected = [own_passes(stage, t) for t in sentences]
    words = {t.norm for s in sentences for t in s}
    p = fresh(stage)
    p.prepare(words)
    # the forms found quiet at once are exactly those ``is_quiet`` finds one by one (المملكة، والسفير are not)
    assert p.quiet == {w for w in words if p.is_quiet(w)} and "المملكه" not in p.quiet and len(p.quiet) > 20
    assert [marks_of(p, t) for t in sentences] == expected
    monkeypatch.setattr(passes_module, "LIMIT", 3)
    small = fresh(stage)
    small.prepare(words)
    assert len(small.quiet) <= 3 and [marks_of(small, t) for t in sentences] == expected
