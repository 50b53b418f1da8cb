"""The actor matcher's per-word caches and precomputed structures (issue 11, speed): bounded, and the same answers
as reading every word afresh. Sentences written for these tests."""

from __future__ import annotations

import pytest

import marsad.actors.matcher as matcher_module
from marsad.actors.dictionary import KIND_RANK, Name, key
from marsad.actors.matcher import _END, Trie, first_keys, orig_prefix_len
from marsad.actors.stage import ActorStage
from marsad.text.normalize import normalize
from marsad.text.tokens import _PREFIXES
from matcher_answers import fresh, read, tokenized

# names of every kind the matcher reads: nisbas, persons (also across the father's name and in other vowels), a
# capital in other vowels (بروكسيل), a dual (جمهوريتا), a metonym whose second word the dictionary keys with ال
# (قصر الاليزيه), proclitics (وللصين), ambiguous names coordinated (مالي والنيجر), head nouns and places
SENTENCES = [
    "وقال الرئيس الأمريكي باراك أوباما إن واشنطن تدعم الحكومة العراقية في بغداد.",
    "التقى وزير الخارجية السعودي عادل بن أحمد الجبير نظيره الروسي سيرغي لافروف في موسكو.",
    "وصل رئيس الوزراء البريطاني إلى بروكسيل لحضور قمة الاتحاد الأوروبي.",
    "وقال عمير بيريتس إن إسرائيل لن تنسحب من الجولان.",
    "وأعلنت جمهوريتا دونيتسك ولوغانسك وقف إطلاق النار مع أوكرانيا.",
    "وزار الرئيس الفرنسي قصر الاليزيه ثم توجه إلى ألمانيا وللصين.",
    "قطعت مالي والنيجر علاقاتهما مع فرنسا بعد انقلاب عسكري في باماكو.",
]


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


@pytest.fixture(scope="module")
def sentences(stage) -> list:
    return tokenized(stage, SENTENCES)


def test_the_sentences_give_what_the_caches_must_keep(stage, sentences):
    got = [read(fresh(stage), t) for t in sentences]
    entries = {e for matches, _ in got for *_, names, _ in matches for e, _ in names}
    # a person across the father's name, a capital and a person in other vowels, both parts of a dual, a metonym
    assert {"jubeir-adel", "BEL", "peretz-amir", "DPR", "LPR", "FRA", "CHN", "MLI", "NER"} <= entries
    assert any(scans[0] for _, scans in got) and any(scans[1] for _, scans in got)


def test_bounded_caches_give_the_same_answers(stage, sentences, monkeypatch):
    unbounded = fresh(stage)
    expected = [read(unbounded, t) for t in sentences]
    monkeypatch.setattr(matcher_module, "LIMIT", 3)
    small = fresh(stage)
    for _ in range(2):  # first sight, then with full caches: every word past the limit is read afresh
        assert [read(small, t) for t in sentences] == expected
    for cache in (small.plain, small.inert, small.known, small.trie.starts, small.head_trie.starts,
                  small.city_trie.starts, small.spell_next):
        assert len(cache) <= 3
    assert len(unbounded.plain) > 3 and len(unbounded.known) > 3  # (the limit did bind)
    assert unbounded.spell_next  # (first words of foreign names: باراك، سيرغي، عمير)


def test_first_and_later_sight_agree_in_any_order(stage, sentences):
    m = fresh(stage)
    first = [read(m, t) for t in sentences]
    assert [read(m, t) for t in sentences] == first
    other = fresh(stage)
    assert [read(other, t) for t in reversed(sentences)] == list(reversed(first))
    assert m.inert <= m.plain  # (a word skipped by every scan starts no name either)


def test_scan_of_other_tokens_does_not_reuse_the_last_positions(stage, sentences):
    m = fresh(stage)
    m(sentences[0])
    # the scans of sentence 0 reuse the positions its matching picked; another sentence (or a copy) is read in full
    for t in (sentences[0], list(sentences[0]), sentences[1]):
        assert m.scan(t, m.head_trie) == fresh(stage).scan(t, m.head_trie)
        assert m.scan(t, m.city_trie) == fresh(stage).scan(t, m.city_trie)


def test_written_trie_leads_where_keyed_words_lead():
    # الاليزيه keys to اليزيه (one ال dropped), which the dictionary keeps with its ال; رئاسه a plain key
    names = [Name(("قصر", "اليزيه"), "FRA", "FRA", "GOV", "metonym"), Name(("قصر", "رئاسه"), "X", "X", "GOV", "name")]
    for more in ([], [Name(("قصر", "يزيه"), "Y", "Y", None, "name")]):  # (and a key that is the other without ال)
        trie = Trie(names + more)
        keyed, written = trie.root["قصر"], trie.written["قصر"]
        for w in ("اليزيه", "الاليزيه", "يزيه", "رئاسه", "الرئاسه", "الالرئاسه", "ال", "الي"):
            a, b = keyed.get(key(w)), written.get(w)
            assert (a is None) == (b is None), w
            if a is not None:
                assert a[_END] is b[_END], w


def test_name_lists_come_ranked(stage, sentences):
    m = stage.matcher
    stack = [m.trie.root]
    while stack:
        node = stack.pop()
        if _END in node:
            ranks = [KIND_RANK[n.kind] for n in node[_END]]
            assert ranks == sorted(ranks)
        stack.extend(v for k, v in node.items() if k is not _END)
    for t in sentences:
        for x in m(t):
            ranks = [KIND_RANK[n.kind] for n in x.names]
            assert ranks == sorted(ranks)


def test_proclitic_readings_follow_the_prefix_list():
    def readings(norm: str) -> tuple:  # every proclitic of the list the word starts with, leaving two letters or more
        out = [(0, key(norm))]  # (but the future س, which never precedes a name)
        for pre in _PREFIXES:
            if norm.startswith(pre) and len(norm) - len(pre) >= 2 and "س" not in pre:
                out.append((len(pre) - 1 if pre.endswith("لل") else len(pre), key(norm[len(pre):])))
        return tuple(out)

    words = [w for s in SENTENCES for w in s.replace(".", "").split()]
    words += [p + w for p in ("و", "ف", "وب", "فل", "وكال", "بال", "لل", "ولل", "سي") for w in ("رئيس", "الصين", "مصر")]
    for w in words:
        assert first_keys(normalize(w)) == readings(normalize(w)), w


def test_prefix_length_in_the_original_with_marks():
    def reference(text: str, n: int) -> int:  # character by character, as normalize reads each
        count = 0
        for i, ch in enumerate(text):
            if normalize(ch):
                count += 1
                if count == n:
                    j = i + 1
                    while j < len(text) and not normalize(text[j]):
                        j += 1
                    return j
        return len(text) if n > 0 else 0

    for word in ("وَالصِّين", "وبـالصين", "لِلْعِراق", "فَـلِرُوسيا", "والصين", "و\u200cالصين", "ﻻهاي", "و1الصين"):
        for n in range(0, 5):
            assert orig_prefix_len(word, n) == reference(word, n), (word, n)
    assert orig_prefix_len("وَالصِّين", 1) == 2  # the و and its fatha
