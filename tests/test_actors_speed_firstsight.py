"""First sight of a whole article's words at once (``actors.firstsight``, ``Matcher.prepare``) and the next-word test
of a name's first word (``Matcher`` ``follow``): issue 11, speed. Both are shortcuts only: the matcher answers the
same with and without them, bounded or not. Sentences written for these tests."""

from __future__ import annotations

import pytest

import marsad.actors.matcher as matcher_module
from marsad.actors.firstsight import FirstSight
from marsad.actors.stage import ActorStage
from marsad.ingest.readers import make_document
from marsad.pipeline import Segmenter
from marsad.records import Processed
from marsad.text.tokens import Tokenizer
from matcher_answers import fresh, read, tokenized

# plain words of every sort (verbs, nouns with proclitics and suffixes, numbers, a dual), and names of every kind the
# matcher reads: a state with proclitics (وللصين), a capital in other vowels (بروكسيل), a foreign person in another
# spelling (بيريتس), a person across the father's name, head nouns (الرئيس، الحكومة) and places (بغداد، الموصل)
SENTENCES = [
    "وقال الرئيس الأمريكي إن واشنطن تدعم الحكومة العراقية في بغداد بعد اجتماعات طويلة مع المسؤولين.",
    "وصل وفد من المستثمرين إلى بروكسيل لمناقشة مشروعات الطاقة والمياه والزراعة في السنوات المقبلة.",
    "وقال عمير بيريتس إن الحكومة لن توافق على الخطة قبل نهاية الشهر الجاري.",
    "التقى وزير الخارجية عادل بن أحمد الجبير نظيره في الرياض وبحثا العلاقات الثنائية والتعاون الاقتصادي.",
    "وارتفعت أسعار الخضروات والفواكه في الأسواق المحلية بنسبة 12 في المئة خلال الأسبوع الماضي.",
    "وأعلنت جمهوريتا دونيتسك ولوغانسك وقف إطلاق النار، وتوجه الوفد وللصين رسالة شكر.",
    "وشارك الطلاب والمعلمون في حملة لتنظيف الشواطئ وزراعة الأشجار في أحياء الموصل القديمة.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


@pytest.fixture(scope="module")
def sentences(stage) -> list:
    return tokenized(stage, SENTENCES)


NOTHING = ((), None, (), False, None)  # what ``_learn`` finds for a word that begins nothing


def test_a_silent_word_is_one_the_full_reading_finds_nothing_for(stage, sentences):
    m = fresh(stage)
    words = list(dict.fromkeys(t.norm for s in sentences for t in s))
    silent = set(m.sight.silent(words))
    full = {w: m._learn(w) for w in words}  # (``_learn`` reads every word in full)
    assert all(full[w] == NOTHING for w in silent)
    nothing = [w for w in words if full[w] == NOTHING]
    # most words that begin nothing are told so by the lookups (the test would pass vacuously with none)
    assert len(silent) >= 0.6 * len(nothing), (len(silent), len(nothing))
    # words that begin a name, head noun or place, in other vowels or another spelling, are never silent
    for w in ("وللصين", "بروكسيل", "بيريتس", "عمير", "الرييس", "الحكومه", "بغداد", "الموصل", "عادل", "جمهوريتا"):
        assert w in words and w not in silent, w


def test_the_sets_are_made_from_the_dictionaries_it_is_given():
    sight = FirstSight({"صين", "رييس"}, {"بركسل"}, {"برتس", "جو"}, {"كما"})
    # a first word with a proclitic, with ال, with both; a state's skeleton read in other vowels; a foreign first
    # word's skeleton in other vowels, with a proclitic; a short skeleton as it is, after a proclitic
    begins = ["وللصين", "الصين", "والرييس", "بروكسل", "بروكسيل", "بيريتس", "وبيرتس", "وجو", "كما"]
    plain = ["مدرسه", "كتب", "والطلاب", "يعملون"]
    assert sight.silent(begins + plain) == plain


def test_prepare_changes_no_answer_in_any_order_and_bounded(stage, sentences, monkeypatch):
    expected = [read(fresh(stage), t) for t in sentences]
    m = fresh(stage)
    m.prepare({t.norm for s in sentences for t in s})
    assert len(m.inert) > 20  # (the article's plain words were settled before any sentence)
    assert [read(m, t) for t in sentences] == expected
    other = fresh(stage)
    other.prepare({t.norm for s in sentences[3:] for t in s})
    assert [read(other, t) for t in reversed(sentences)] == list(reversed(expected))
    assert m.inert <= m.plain
    monkeypatch.setattr(matcher_module, "LIMIT", 3)
    small = fresh(stage)
    for _ in range(2):  # past the limit, words are read afresh: the same answers
        small.prepare({t.norm for s in sentences for t in s})
        assert [read(small, t) for t in sentences] == expected
    for cache in (small.plain, small.inert, small.head_trie.starts, small.city_trie.starts):
        assert len(cache) <= 3


def test_the_stage_finds_the_same_with_and_without_first_sight_at_once(stage, monkeypatch):
    text = " ".join(SENTENCES)

    def run(st: ActorStage) -> list:
        seg = Segmenter(Tokenizer(st.protected_words()))
        p = st(seg(Processed(make_document(text, "t", published="2010-06-01"))))
        return [(x.start, x.end, x.code, x.kind, x.entry) for x in p.mentions + p.agents + p.places]

    with_prepare = run(ActorStage())
    plain_stage = ActorStage()
    monkeypatch.setattr(plain_stage.matcher, "prepare", lambda words: None)  # (each word read when met)
    assert run(plain_stage) == with_prepare
    assert {"USA", "CHN", "BEL"} <= {code for _, _, code, _, _ in with_prepare}


def test_the_next_word_test_changes_no_answer(stage, sentences):
    m = fresh(stage)
    first = [read(m, t) for t in sentences]
    follows = [w for w, facts in m.known.items() if facts[4] is not None]
    assert {"عادل", "جمهوريتا"} & set(m.known) and follows  # (first words of longer names were learnt)
    for w in follows:  # without the test: every sighting walks the trie
        m.known[w] = m.known[w][:4] + (None,)
    assert [read(m, t) for t in sentences] == first
