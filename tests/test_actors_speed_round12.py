"""The actor stage's shortcuts of the twelfth round (issue 11, speed): sports words decided once per article when it
has none in any form, the head nouns found at a sentence's positions kept for the article, and the titled part's
remembered-name words kept while the article's memory has not grown. Each gives the same answers as the full
reading. Sentences written for these tests."""

from __future__ import annotations

import copy

import pytest

from marsad.actors.passes import base_forms
from marsad.actors.stage import ActorStage
from marsad.text.tokens import Tokenizer
from matcher_answers import fresh, stage_answers, tokenized

# a sports article: teams named by their states, sports words with and without proclitics and the article
SPORTS = [
    "فاز المنتخب السعودي على منتخب الكويت بهدفين في مباراة أقيمت على ملعب الملك فهد.",
    "وقال مدرب المنتخب إن اللاعبين قدموا أداء جيدا في الشوط الثاني وإن التصفيات ما زالت صعبة.",
    "وتلتقي قطر مع عمان في المباراة المقبلة من البطولة، وللمنتخب القطري فرصة للتأهل.",
]
# a political article: an office holder named in full, a title before an unknown (invented) name and the name again
# by its family name, head nouns, places after a locative cue
POLITICS = [
    "استقبل الرئيس المصري حسني مبارك وزير الخارجية الأردني في القاهرة أمس.",
    "وقال المتحدث باسم الرئاسة إن مبارك بحث مع الوزير الوضع في غزة والعلاقات الثنائية.",
    "وأكد وزير الداخلية العراقي سامر حمدان الكبيسي أن قوات الشرطة سيطرت على الوضع في مدينة الموصل.",
    "وقال الكبيسي إن الحكومة سترسل تعزيزات إلى المحافظة خلال أيام.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


run = stage_answers  # what the stage answers for an article (tests/matcher_answers.py)


def test_every_form_whose_base_is_a_sports_word_is_among_the_sports_forms(stage):
    sports = stage.guards.sports_words
    assert stage.sports_forms == base_forms(sports)
    seen = 0
    for tokens in tokenized(stage, SPORTS + POLITICS):
        for t in tokens:
            if t.norm in sports or t.base in sports:
                seen += 1
                assert t.norm in stage.sports_forms  # (what the per-article test relies on)
    assert seen >= 8
    forms = base_forms(frozenset({"المنتخب", "مباراه"}))
    assert {"المنتخب", "والمنتخب", "بالمنتخب", "للمنتخب", "مباراه", "بمباراه", "وبمباراه"} <= forms
    assert "منتخب" not in forms and "مباراتين" not in forms  # (forms whose base is another word)


def test_an_article_without_sports_words_is_decided_at_once(stage):
    words = {t.norm for tokens in tokenized(stage, POLITICS) for t in tokens}
    assert words.isdisjoint(stage.sports_forms)
    sports = {t.norm for tokens in tokenized(stage, SPORTS) for t in tokens}
    assert not sports.isdisjoint(stage.sports_forms)


def test_the_head_nouns_kept_for_the_article_are_those_found_afresh(stage):
    sentences = tokenized(stage, POLITICS + SPORTS)
    m = fresh(stage)
    m.prepare({w.norm for t in sentences for w in t})
    for t in sentences:
        m(t)
    asked = 0
    for t in sentences:
        memo = m.head_memo(t)
        assert memo == {}  # (nothing asked yet)
        alone = fresh(stage)
        spots, kept = m.head_positions(t)
        assert kept is memo and m.head_positions(t)[0] is spots  # (made once)
        assert {i for i in range(len(t)) if alone._at(t, i, alone.head_trie)} <= set(spots) and len(spots) < len(t)
        for i in range(len(t)):
            got = m.head_at(t, i, memo)
            assert got == alone._at(t, i, alone.head_trie) and m.head_at(t, i, memo) == got  # (the second kept)
            asked += got is not None
        assert len(memo) == len(t)
        for i in range(len(t) + 1):
            assert m.head_before(t, i) == alone.head_before(t, i)
        assert m.scan(t, m.head_trie) == alone.scan(t, alone.head_trie)
    assert asked >= 5  # (وزير الخارجية، المتحدث، الرئاسة، الشرطة، الحكومة …)
    assert m.head_memo(list(sentences[0])) is None  # (a copy of the tokens: asked afresh)
    assert m.head_positions(list(sentences[0]))[1] is None
    m.forget()
    assert all(m.head_memo(t) is None for t in sentences)


def test_the_stage_finds_the_same_with_every_shortcut_off(monkeypatch):
    for article in (SPORTS, POLITICS, SPORTS + POLITICS):
        shortcuts = run(ActorStage(), article)
        full = ActorStage()
        words = {w for s in article for w in s.split()}
        # (every form "has" a sports word: each sentence read; no head noun kept; the memory's words made afresh)
        full.sports_forms = frozenset(Tokenizer(full.protected_words()).words(" ".join(article))) | words
        monkeypatch.setattr(full.matcher, "head_memo", lambda tokens: None)
        titled = copy.copy(full.titled)
        monkeypatch.setattr(titled, "memory_words", None)
        original = type(titled)._memory_words

        def afresh(memory, titled=titled, original=original):
            titled.memory_words = None
            return original(titled, memory)

        monkeypatch.setattr(titled, "_memory_words", afresh)
        full.titled = titled
        assert run(full, article) == shortcuts
    mentions, agents, places, candidates = run(ActorStage(), POLITICS)
    assert any(kind == "person" and person for _, _, _, _, kind, _, person in mentions)  # (Mubarak)
    assert sum(kind == "provisional" for _, _, _, _, kind, _, _ in mentions) == 2  # (by title, then by family name)
    assert agents and places
    sports = run(ActorStage(), SPORTS)[0]
    assert not any(code in ("KWT", "QAT", "OMN") and kind == "name" for _, _, code, _, kind, _, _ in sports)  # (teams)


def test_the_memory_words_follow_the_memory(stage):
    titled = copy.copy(stage.titled)
    titled.memory_words = None
    memory = {("سامر", "حمدان", "الكبيسي"): ("IRQ", "COP")}
    firsts, singles = titled._memory_words(memory)
    assert firsts == {"سامر"} and not singles
    memory.setdefault(("كبيسي",), ("IRQ", "COP"))  # (as the part learns a family name: without ال)
    firsts, singles = titled._memory_words(memory)
    assert firsts == {"سامر", "كبيسي"} and singles == {"كبيسي", "الكبيسي"}
    assert titled._memory_words(dict(memory)) == (firsts, singles)  # (another dict with the same names)
