"""The fast paths of the learned layer and of reading give what the plain computations give, number for number,
on articles written for these tests: per-token cached marsad features, the document-wide word table of the
quad stage, the document's domain kept for the next stage, and the combining-mark check's pre-filter."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.ingest.readers import make_document
from marsad.learn.domain import DomainCues, doc_domain, domain_hits
from marsad.learn.eventfeatures import load_domain_cues
from marsad.learn.stage import QuadStage, group
from marsad.pipeline import Pipeline
from marsad.text.limits import MAX_MARKS, TextLimitError, _marks_outside_words, check_marks

ARTICLES = [
    ("موسكو تدين الضربات على دمشق وتدعو إلى الحوار",
     "دانت وزارة الخارجية الروسية أمس الضربات الجوية على مواقع قرب دمشق، ودعت جميع الأطراف إلى ضبط النفس. "
     "وقال المتحدث باسم الوزارة إن موسكو ستواصل دعم الحكومة السورية في حربها على الإرهاب. "
     "ولم تعلق واشنطن على البيان حتى مساء أمس."),
    ("الرياض وأنقرة توقعان اتفاقية للتعاون الاقتصادي",
     "وقع وزير التجارة السعودي ونظيره التركي في الرياض اتفاقية للتعاون الاقتصادي والاستثمار. "
     "وأكد الوزيران أن البلدين سيعملان على رفع التبادل التجاري خلال السنوات المقبلة. "
     "وسيزور الرئيس التركي المملكة الشهر المقبل لبحث العلاقات الثنائية."),
    ("الشرطة تعتقل متهمين بسرقة متجر في جدة",
     "اعتقلت الشرطة في جدة ثلاثة متهمين بسرقة متجر للمجوهرات، وأحالتهم إلى النيابة العامة. "
     "وقال المتحدث الأمني إن المتهمين اعترفوا بالسرقة. وهدد مسلحون قرية في شمال مالي بالهجوم."),
    ("", "استقبل الرئيس المصري في القاهرة وفدا من الاتحاد الأوروبي لبحث ملف الهجرة."),  # no title: not press
]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


@pytest.fixture(scope="module")
def processed(pipe):
    return [pipe(make_document(text, f"speed-{i}", title, published="2021-03-04"))
            for i, (title, text) in enumerate(ARTICLES)]


def quad_stage(pipe) -> QuadStage:
    return next(s for s in pipe.stages if isinstance(s, QuadStage))


def test_cached_marsad_indices_are_the_names_features_in_the_same_order(pipe, processed):
    sf = quad_stage(pipe)._features
    n = 0
    for p in processed:
        g = group(p)
        for s in p.content_sentences():
            want = sf.featurizer.marsad(sf.names(p, [s.idx], g))
            assert sf.indices(p, s.idx, g) == want
            assert sf.indices(p, s.idx, g) == want  # again, from the token cache
            n += 1
    assert n >= 9


def reference_margins(stage: QuadStage, p, sentences, g) -> np.ndarray:
    """The quad stage's margins as they were computed before the word table: per sentence the weight rows of
    its bigrams then each word's summed n-gram rows, summed per sentence, scaled, plus the marsad block."""
    fz, w = stage._features.featurizer, stage._weights
    rows, starts, counts, n_rows = [], [], [], 0
    for s in sentences:
        words, bigrams = fz.parts(s.text)
        starts.append(n_rows)
        rows.append(w[bigrams] if bigrams else np.zeros((1, w.shape[1]), np.float32))
        n_rows += len(bigrams) or 1
        n = len(bigrams)
        for word in words:
            feats = fz.word_features(word)
            rows.append(w[list(feats)].sum(axis=0, keepdims=True))
            n_rows += 1
            n += len(feats)
        counts.append(n)
    z = np.add.reduceat(np.concatenate(rows), starts, axis=0)
    z /= np.sqrt(np.maximum(np.asarray(counts, np.float32), 1.0))[:, None]
    for i, s in enumerate(sentences):
        m = fz.marsad(stage._features.names(p, [s.idx], g))
        if m:
            z[i] += w[m].sum(axis=0) * (stage._models["quad"].marsad_weight / np.sqrt(len(m)))
    return z


def test_document_margins_from_the_word_table_equal_the_plain_sum_exactly(pipe, processed):
    stage = quad_stage(pipe)
    for p in processed:
        sentences = p.content_sentences()
        g = group(p)
        want = reference_margins(stage, p, sentences, g)
        assert np.array_equal(stage.doc_margins(p, sentences, g), want)
        assert np.array_equal(stage.doc_margins(p, sentences, g), want)  # words now in the table


def test_the_word_table_starts_again_when_full_and_still_gives_the_same_margins(pipe, processed, monkeypatch):
    import marsad.learn.stage as stage_mod

    stage = quad_stage(pipe)
    monkeypatch.setattr(stage_mod, "_WORDS_MAX", 7)  # a tiny table: it fills within the first sentence
    stage._words.clear()
    for p in processed[:2]:
        sentences, g = p.content_sentences(), group(p)
        assert np.array_equal(stage.doc_margins(p, sentences, g), reference_margins(stage, p, sentences, g))
    words = {w for s in processed[1].content_sentences() for w in stage._features.featurizer.parts(s.text)[0]}
    assert 7 < len(stage._words) <= len(words)  # started again before the second document, not within it
    stage._words.clear()


def test_the_domain_is_kept_for_the_next_stage_only_for_the_same_cue_words(processed):
    cues = load_domain_cues()
    for p in processed:
        p.domain = None
        fresh = doc_domain(p, cues)
        assert p.domain is not None and doc_domain(p, cues) is fresh  # the kept answer
        assert doc_domain(p, load_domain_cues()) is fresh  # equal cue words, another object
        other = DomainCues({"sport": frozenset({"مباراه", "الدوري"}), "crime": frozenset({"الشرطه", "سرقه"})})
        names, per_sentence = doc_domain(p, other)
        assert names is not fresh[0] and set(next(iter(per_sentence.values()), {})) <= {"sport", "crime"}
    crime = processed[2]
    hits = domain_hits(crime.tokens[crime.content_sentences()[0].idx], load_domain_cues())
    assert hits["crime"] >= 2  # اعتقلت الشرطة … متهمين بسرقة


def test_mark_runs_are_refused_and_other_symbol_runs_pass():
    assert _marks_outside_words()
    check_marks("قال " + "!" * 60 + " " + "ـ" * 50 + " انتهى")  # punctuation and tatweel runs are no marks
    check_marks("ب" + "\u064e" * MAX_MARKS)
    for text in ("ب" + "\u064e" * (MAX_MARKS + 1), "قال: «" + "\u0651\u064b" * 30 + "»"):
        with pytest.raises(TextLimitError, match="combining marks in a row"):
            check_marks(text)
