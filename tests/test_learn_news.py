"""Press relevance (marsad.learn.newsrel): documents with a title get the press model's decision, bare sentences
keep Keep it Local's; on articles written for these tests, and retrained on a slice of the dev gold."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import SHARED
from marsad.ingest.readers import make_document
from marsad.learn.kil import QUAD_LABELS
from marsad.learn.named import NamedModel
from marsad.learn.newsrel import NEWS_MODEL, THRESHOLDS, decide, train_news
from marsad.learn.stage import QuadStage, group, model_dir
from marsad.pipeline import Pipeline

CORPUS = SHARED / "corpora" / "saudinewsnet"
need_corpus = pytest.mark.skipif(not (CORPUS / "2015-07-21.zip").is_file(), reason="../shared/corpora is absent")

MATCH = ("الهلال يتعادل مع النصر في الدوري",
         "تعادل فريق الهلال مع فريق النصر بهدف لكل منهما في مباراة الجولة الخامسة من الدوري. "
         "وسجل المهاجم هدف التقدم في الشوط الأول قبل أن يدرك اللاعب البديل التعادل.")
VISIT = ("خادم الحرمين يستقبل رئيس وزراء باكستان",
         "استقبل خادم الحرمين الشريفين في جدة أمس رئيس وزراء باكستان وبحث معه العلاقات الثنائية بين البلدين.")


@pytest.fixture(scope="module")
def pipes():
    rules = Pipeline.default("events", learned=False)
    quad = rules.stages[3]
    kil_only = QuadStage(quad.coder, news=False)
    return Pipeline(rules.stages[:3]), quad, kil_only


def test_decide_uses_the_threshold_and_the_quad_distribution():
    dist = np.array([0.5, 0.1, 0.3, 0.05, 0.05])
    assert decide(0.3, 0.35, dist, QUAD_LABELS) == (QUAD_LABELS[0], pytest.approx(0.7))
    label, p = decide(0.6, 0.35, dist, QUAD_LABELS)
    assert label == QUAD_LABELS[2] and p == pytest.approx(0.6 * 0.3 / 0.5)


def test_a_titled_article_gets_the_press_decision_and_a_bare_sentence_the_kil_one(pipes):
    base, quad, kil_only = pipes
    news = NamedModel.load(model_dir() / NEWS_MODEL)
    match = quad(base(make_document(MATCH[1], "m", MATCH[0], published="2015-08-01")))
    assert match.quads and all(lab == "irrelevant" for lab, _ in match.quads.values())
    visit = quad(base(make_document(VISIT[1], "v", VISIT[0], published="2015-08-01")))
    assert any(lab != "irrelevant" for lab, _ in visit.quads.values())
    # the titled article: exactly the press model's probability against its threshold
    g = group(visit)
    from marsad.learn.domain import doc_domain

    page = doc_domain(visit, quad._cues)
    for s in visit.content_sentences():
        feats, dist = quad.news_features(visit, s, g, page)
        assert visit.quads[s.idx] == pytest.approx(decide(float(news.proba(feats)[1]), news.threshold, dist,
                                                          QUAD_LABELS))
    # the same text without a title (a record for marsad extract): the Keep it Local decision, unchanged
    bare = quad(base(make_document(VISIT[1], "b", "", published="2015-08-01")))
    again = kil_only(base(make_document(VISIT[1], "b", "", published="2015-08-01")))
    assert bare.quads == again.quads


@need_corpus
def test_retrain_the_press_model_on_a_slice(tmp_path):
    from marsad.learn.eventdata import news_rows

    rows = [json.loads(x) for x in open("tests/gold/real_news.jsonl", encoding="utf-8")]
    keep = [r for r in rows if r["split"] == "dev" and r["file"] == "2015-07-21.zip"][:40]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep), encoding="utf-8")
    got = news_rows(gold, CORPUS)
    assert len(got) == len(keep) and all(feats for _, feats, _ in got)
    assert {y for _, _, y in got} == {0, 1}
    model, cv = train_news(got)
    assert model.threshold in THRESHOLDS and 0.0 <= cv["cv_f1"] <= 1.0
    model.save(tmp_path / NEWS_MODEL)
    assert NamedModel.load(tmp_path / NEWS_MODEL).threshold == pytest.approx(model.threshold)


def test_a_whole_document_scores_as_its_sentences_one_by_one(pipes):
    """The stage sums a document's word vectors in one call; each sentence's margins must equal the
    sentence-by-sentence computation, and the quads the single-sentence decision."""
    base, quad, kil_only = pipes
    text = MATCH[1] + " " + VISIT[1] + " ودانت الحكومة الهجوم على المدنيين."
    p = base(make_document(text, "d", "", published="2015-08-01"))
    sentences = p.content_sentences()
    assert len(sentences) >= 3
    g = group(p)
    kil_only(p)
    batch = kil_only.doc_margins(p, sentences, g)
    for s, row in zip(sentences, batch, strict=True):
        assert np.allclose(row, kil_only._margins(p, s, g), atol=1e-4)
        assert p.quads[s.idx][0] == kil_only.label(p, s, g)[0]
        assert p.quads[s.idx][1] == pytest.approx(kil_only.label(p, s, g)[1], abs=1e-4)
