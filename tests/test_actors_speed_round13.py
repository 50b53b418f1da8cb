"""The actor stage's shortcuts of the thirteenth round (issue 11, speed): a name before an office looked for only
where an office word follows (the one pass marks them), the matcher's one test of the next word for words that may
also start a foreign name in another spelling, the guards' answers for a common word kept per form, and first sight
of the words no earlier article had. Each gives the same answers as the full reading. Sentences written for these
tests (the names in them are invented, but for the office holders the dictionary knows)."""

from __future__ import annotations

import copy

import pytest

from marsad.actors import guards as guards_module
from marsad.actors.stage import ActorStage
from marsad.actors.titled import bare
from marsad.ingest.readers import make_document
from marsad.pipeline import Segmenter
from marsad.records import Processed
from marsad.text.tokens import Tokenizer
from matcher_answers import fresh, read, stage_answers, tokenized

# names before an office (وزير، رئيس، الأمين العام), after a verb of saying, and given names with no office after them
NAMES = [
    "وقال محمد سالم العتيبي وزير النفط إن الأسعار سترتفع في الربع المقبل.",
    "والتقى أحمد كريم الدوسري في الرياض وفدا تجاريا من كوريا.",
    "وصرح خالد ناصر الهاجري رئيس الوزراء بأن الحكومة ستقدم استقالتها، وقال مارك ريغيف إن الجيش سيرد.",
    "وأعلن عمير بيريتس وزير الدفاع أن الجيش سيواصل عملياته، فيما قال الأمين العام للجامعة إن الوضع خطير.",
    "وحضر الاجتماع سعيد علي المري والدكتور فهد عبد الله السالم وعدد من رجال الأعمال.",
    "وأكد فيصل حمد البدر للوزير أن المشروع سيكتمل خلال عامين.",
    "واستقبل الملك الوفد، وكان بينهم ماجد سعد الغامدي وزير التجارة.",
]
# common words that may also start a foreign person's name in another spelling (خلال، قبل، هناك، سيكون، يشير), a
# foreign name written otherwise (بيريتس for Peretz) and one a word after
SPELLINGS = [
    "وقال عمير بيريتس إن الجيش سيبقى هناك خلال الأيام المقبلة.",
    "وسيكون الاجتماع قبل نهاية الشهر، ويشير التقرير إلى أن الوضع هناك صعب.",
    "وفي خلال زيارته قال جون ماكين إن المفاوضات ستستمر قبل الانتخابات.",
]
# words the guards read as common words (بنوك "banks"), and names
WORDS = [
    "وأقرضت بنوك المنطقة الشركات مبالغ كبيرة، وقال مسؤول في مصر إن البنوك ستواصل الإقراض.",
    "وأبحرت سفينتان من ميناء عدن إلى الصين، فيما زار وفد من مصر والأردن الكويت.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


run = stage_answers  # what the stage answers for an article (tests/matcher_answers.py)


def test_the_pass_marks_the_words_an_office_after_a_name_begins_with(stage):
    appositions = stage.titled.appositions
    assert {"وزير", "رييس", "امين", "مندوب"} & appositions >= {"وزير", "رييس", "امين"}
    marked = 0
    for tokens in tokenized(stage, NAMES):
        offices = stage.passes(tokens).offices
        assert offices == [i for i, t in enumerate(tokens) if bare(t) in appositions]  # (in order)
        marked += len(offices)
    assert marked >= 4  # وزير النفط، رئيس الوزراء، وزير الدفاع، الأمين العام (not للوزير: a proclitic, its base وزير)


def test_a_name_before_an_office_is_found_where_one_follows_and_only_looked_for_there(stage, monkeypatch):
    titled = copy.copy(stage.titled)
    titled.seen_words = {}
    asked: list[int] = []
    original = type(titled)._before_title

    def counted(*args):
        asked.append(args[1])
        return original(titled, *args)

    monkeypatch.setattr(titled, "_before_title", counted)
    found = 0
    for tokens, s in zip(tokenized(stage, NAMES), NAMES, strict=True):
        sentence = Segmenter(Tokenizer(stage.protected_words()))(Processed(make_document(s, "t"))).sentences[0]
        mark = stage.passes(tokens)
        asked.clear()
        full = titled(tokens, [], None, {}, sentence, mark.cues)  # (every spot read, as before this round)
        every = list(asked)
        asked.clear()
        gated = titled(tokens, [], None, {}, sentence, mark.cues, mark.offices)
        assert [(m.tok_start, m.tok_end, m.code, m.agent, m.kind) for m in gated] == \
            [(m.tok_start, m.tok_end, m.code, m.agent, m.kind) for m in full]
        assert set(asked) <= set(every)
        if not mark.offices:
            # (no office in the sentence: only spots right after a verb of saying are read)
            assert all(i and bare(tokens[i - 1]) in titled.g.speech_verbs for i in asked)
        found += len(gated)
    assert found >= 3  # العتيبي وزير النفط، الهاجري رئيس الوزراء، مارك ريغيف after قال


def test_the_next_word_test_rules_out_common_words_that_may_start_a_foreign_name(stage):
    sentences = tokenized(stage, SPELLINGS + NAMES)
    m = fresh(stage)
    got = [read(m, t) for t in sentences]
    only = [w for w, facts in m.known.items() if facts[2] and not facts[0]]
    assert {"خلال", "هناك"} & set(only)  # (common words read only for a foreign name in another spelling)
    assert all(m.known[w][4] == frozenset() for w in only if "جمهوريت" not in w)
    # the same matcher without the test (every sighting read in full) answers the same
    full = fresh(stage)
    for t in sentences:
        full(t)
    full.known = {w: facts[:4] + (None,) for w, facts in full.known.items()}
    full.picks.clear()
    assert [read(full, t) for t in sentences] == got
    assert any(kind == "person" for matches, _ in got for *_, names, _ in matches for _, kind in names)  # (بيريتس)


def test_the_guards_answer_for_a_word_is_kept_by_its_forms(stage, monkeypatch):
    sentences = tokenized(stage, WORDS + NAMES)

    def found(guards) -> list:
        m = fresh(stage)
        return [[(x.tok_start, x.tok_end, [n.entry for n in x.names]) for x in guards(t, m(t))] for t in sentences]

    guards = copy.copy(stage.guards)
    guards.plain_seen = {}
    kept = found(guards)
    assert True in guards.plain_seen.values() and False in guards.plain_seen.values()  # (بنوك "banks"; مصر)
    assert found(guards) == kept  # (read from what was kept)
    monkeypatch.setattr(guards_module, "PLAIN_LIMIT", 0)
    afresh = copy.copy(stage.guards)
    afresh.plain_seen = {}
    assert found(afresh) == kept and not afresh.plain_seen  # (nothing kept: every answer made afresh)
    assert {"EGY", "JOR", "KWT"} <= {code for _, _, code, *_ in run(ActorStage(), WORDS)[0]}


def test_first_sight_reads_only_the_words_no_earlier_article_had(monkeypatch):
    st = ActorStage()
    first = run(st, NAMES)
    seen = set(st.met)
    assert {"وزير", "العتيبي", "الوزراء"} <= seen
    given: list[set[str]] = []
    original = st.matcher.prepare
    monkeypatch.setattr(st.matcher, "prepare", lambda words: (given.append(set(words)), original(words))[1])
    second = run(st, WORDS + NAMES)
    assert given and given[0] and given[0].isdisjoint(seen)  # (the words of the first article are not read again)
    assert second == run(ActorStage(), WORDS + NAMES)  # (the same as a stage that reads every word afresh)
    assert first == run(ActorStage(), NAMES)


def test_the_guards_take_the_sports_words_the_stage_read(stage):
    sports = ["وتلتقي قطر مع عمان في المباراة المقبلة من البطولة، ويأمل المنتخب القطري الفوز.",
              "وقال مدرب منتخب الكويت إن اللاعبين جاهزون لمباراة إيران في الدوحة."]
    dropped = 0
    for tokens in tokenized(stage, sports + NAMES):
        seen = stage.guards.sports_seen(tokens)

        def kept(given, tokens=tokens):
            matches = fresh(stage)(tokens)
            return [(x.tok_start, x.tok_end, [n.entry for n in x.names]) for x in stage.guards(tokens, matches, True, given)]

        assert kept(seen) == kept(None)  # (the stage's reading is the guards' own)
        dropped += len(kept(frozenset())) - len(kept(seen))  # (with no sports word read: no team dropped)
    assert dropped >= 1  # (a state next to a match word in a sports sentence: a team)
