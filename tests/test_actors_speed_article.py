"""The actor stage's article-wide shortcuts of the eleventh round (issue 11, speed): the picked positions of every
sentence kept until the article is read, the titled part's per-form answers, the remembered surnames looked up only
on words written as one, and historic names looked up no longer than their first word allows. Each gives the same
answers as the full reading. Sentences written for these tests."""

from __future__ import annotations

import copy
import itertools
from collections import defaultdict

import pytest

import marsad.actors.titled as titled_module
from marsad.actors.stage import ActorStage
from marsad.ingest.readers import make_document
from marsad.pipeline import Segmenter
from marsad.records import Processed
from marsad.text.tokens import Tokenizer
from matcher_answers import fresh, read, tokenized

# one article: office holders named in full and then by surname, a title before an unknown name (a provisional
# person, later by family name), a given name before an office, a ruler of the past, places and head nouns
ARTICLE = [
    "التقى رئيس مجلس النواب اللبناني نبيه بري السفير الأمريكي في بيروت أمس.",
    "وقال مصدر مقرب من بري إن اللقاء تناول الأوضاع في الجنوب.",
    "وأكد المتحدث باسم الحكومة الصومالية عبد الرحمن عمر عثمان أن القوات سيطرت على بلدة في ولاية جوبا.",
    "وقال عثمان إن الحكومة ستفتح الطريق أمام المساعدات خلال أيام.",
    "واستقبل وزير الدفاع الغاني كوفي أمبونسا بوادو الوفد في أكرا.",
    "وقال محمد العلي وزير البيئة إن الوزارة تتابع تلوث المياه في مدينة الموصل.",
    "وذكر المؤرخون أن السلطان محمد الفاتح فتح القسطنطينية في عهد الدولة العثمانية.",
    "وتظاهر مئات من السكان أمام مقر الشرطة في البصرة للمطالبة بالإفراج عن المعتقلين.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


@pytest.fixture(scope="module")
def sentences(stage) -> list:
    return tokenized(stage, ARTICLE)


def run(st: ActorStage) -> tuple:
    seg = Segmenter(Tokenizer(st.protected_words()))
    p = st(seg(Processed(make_document(" ".join(ARTICLE), "t", published="2010-06-01"))))
    return tuple([(x.start, x.end, x.code, x.agent, x.kind, x.entry, x.person) for x in xs]
                 for xs in (p.mentions, p.agents, p.places)) + ([(c.name, c.title, c.tok_start) for c in p.candidates],)


def test_every_sentence_matched_keeps_its_positions_until_the_article_is_read(stage, sentences):
    m = fresh(stage)
    m.prepare({w.norm for t in sentences for w in t})  # (as the stage does: the article's first sight, then every
    for t in sentences:  # sentence matched before any is scanned)
        m(t)
    for t in sentences:
        picked = m.positions(t)
        assert isinstance(picked, list) and len(picked) < len(t)  # (most words are known to begin nothing)
    # the scans of each sentence, read from its kept positions, are those of a matcher that reads it alone
    for t in sentences:
        alone = fresh(stage)
        assert read(alone, t)[1] == [[(a, b, [n.entry for n in names]) for a, b, names in m.scan(t, trie)]
                                     for trie in (m.head_trie, m.city_trie)]
    assert isinstance(m.positions(list(sentences[0])), range)  # (a copy of the tokens: every position)
    m.forget()
    assert all(isinstance(m.positions(t), range) for t in sentences)
    assert not m.picks


def test_candidates_read_from_kept_positions_are_those_of_every_position(sentences, monkeypatch):
    st = ActorStage()
    st.matcher.prepare({w.norm for t in sentences for w in t})
    mentions = [st.resolver(t, st.matcher(t), "2010-06-01") for t in sentences]
    kept = [st.resolver.candidates(t, ms) for t, ms in zip(sentences, mentions, strict=True)]
    monkeypatch.setattr(st.matcher, "positions", lambda tokens: range(len(tokens)))
    monkeypatch.setattr(st.matcher, "head_positions", lambda tokens: (list(range(len(tokens))), None))  # (twelfth round)
    assert [st.resolver.candidates(t, ms) for t, ms in zip(sentences, mentions, strict=True)] == kept
    assert any(c.title for cs in kept for c in cs)  # (a title before an unknown name: وزير الدفاع الغاني …)


def test_the_stage_finds_the_same_with_every_shortcut_off(monkeypatch):
    shortcuts = run(ActorStage())
    full = ActorStage()
    monkeypatch.setattr(full.matcher, "positions", lambda tokens: range(len(tokens)))
    monkeypatch.setattr(titled_module, "WORDS_LIMIT", 0)  # (nothing kept: every word read afresh)
    monkeypatch.setattr(full.historic, "longest", defaultdict(lambda: 6))
    assert run(full) == shortcuts
    mentions, agents, places, _ = shortcuts
    kinds = {(kind, person or entry) for _, _, _, _, kind, entry, person in mentions}
    assert sum(1 for k, who in kinds if k == "person" and who) >= 1  # (Berri, named in full and by surname)
    assert any(k == "provisional" for k, _ in kinds) and any(k == "historic" for k, _ in kinds)
    assert agents and places


def test_titled_word_answers_are_kept_per_form_and_flags_and_bounded(stage, sentences, monkeypatch):
    monkeypatch.setattr(titled_module, "WORDS_LIMIT", 5)
    titled = copy.copy(stage.titled)
    titled.seen_words = {}
    answers = set()
    for t in (t for s in sentences for t in s):
        for flags in itertools.product((False, True), repeat=3):
            expected = titled._read_word(t, *flags)
            assert titled._word(t, *flags) == expected and titled._word(t, *flags) == expected  # (the second kept)
            answers.add(expected)
    assert answers == {True, False} and len(titled.seen_words) <= 5


def test_a_remembered_surname_is_only_found_on_a_word_written_as_one(stage, sentences):
    # (``find`` visits only the words whose form or base is a remembered surname, or بن when one is بن X)
    memory = {"بري": ("berri-nabih", False), "بن عيسي": ("benaissa-mohamed", False), "حريري": ("x", True)}
    more = tokenized(stage, ["وقال لبري وبن عيسى والحريري إن الطريق البري مفتوح."])
    for t in sentences + more:
        for i, w in enumerate(t):
            got = stage.surnames._hit(t, i, memory, set())
            if got is not None:
                assert w.norm in memory or w.base in memory or "بن" in (w.norm, w.base)
    hits = [i for i in range(len(more[0])) if stage.surnames._hit(more[0], i, memory, set())]
    assert len(hits) >= 3  # لبري، وبن عيسى، والحريري (not البري "by land": no ال in the full name)


def test_historic_names_looked_up_no_longer_than_their_first_word_allows(stage):
    h = stage.historic
    assert all(h.longest[w[0]] >= len(w) for w in h.d.names)
    every = copy.copy(h)
    every.longest = defaultdict(lambda: 6)
    seg = Segmenter(Tokenizer(stage.protected_words()))
    p = seg(Processed(make_document(" ".join(ARTICLE), "t", published="2010-06-01")))
    found = []
    for s in p.sentences:
        tokens = p.tokens.get(s.idx, [])
        got = h(tokens, [], s, set())
        assert got == every(tokens, [], s, set())
        found += got[0]
    assert any(m.entry and not m.entry.startswith("ruler:") for m in found)  # (a ruler of the past, by name)
