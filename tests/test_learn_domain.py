"""The document domain signal (marsad.learn.domain) on short articles written for these tests: a football report,
a market report, a diplomatic visit and a single sentence; and the party-kind features of the event scorer."""

from __future__ import annotations

from marsad.ingest.readers import make_document
from marsad.learn.domain import doc_domain_names, page
from marsad.learn.eventfeatures import DocContext, event_names, kind_lookup, load_domain_cues

SPORT = ("تعادل الهلال والنصر في الجولة الخامسة من الدوري",
         "تعادل فريق الهلال مع فريق النصر بهدف لكل منهما في مباراة الجولة الخامسة من الدوري السعودي. "
         "وسجل المهاجم هدف التقدم في الشوط الأول قبل أن يدرك اللاعب البديل التعادل. "
         "والتقى المدرب باللاعبين بعد المباراة استعدادا لمباراة الكأس المقبلة.")
MARKET = ("مؤشر السوق يغلق على ارتفاع بدعم من أسهم البنوك",
          "أغلق مؤشر سوق الأسهم السعودية على ارتفاع أمس بدعم من أسهم البنوك والشركات البتروكيماوية. "
          "وبلغت قيمة التداول أربعة مليارات ريال، فيما ارتفعت أرباح الشركات المدرجة في النصف الأول. "
          "ووقعت الشركة اتفاقية تمويل مع بنك محلي بقيمة مليار ريال.")
VISIT = ("وزير الخارجية يبحث مع نظيره الأردني العلاقات الثنائية",
         "استقبل وزير الخارجية السعودي في الرياض أمس نظيره الأردني وبحث معه العلاقات الثنائية. "
         "وناقش الوزيران الأوضاع في اليمن وجهود التحالف لإعادة الحكومة الشرعية. "
         "وأكد الرئيس الأردني دعم بلاده للمملكة في حربها على الإرهاب.")


def coded(pipe, title, text):
    return pipe(make_document(text, "domain-test", title, published="2015-08-01"))


def test_the_page_of_a_document_comes_from_its_title_and_words(rules):
    cues = load_domain_cues()
    sport, market, visit = (coded(rules, t, x) for t, x in (SPORT, MARKET, VISIT))
    s = doc_domain_names(sport, cues)
    assert "doc.top=sport" in s and "title.sport" in s and "doc.political=none" in s
    assert "doc.top=economy" in doc_domain_names(market, cues)
    v = doc_domain_names(visit, cues)
    assert "doc.top=diplomacy" in v and "doc.political=lead" in v and "title.sport" not in v
    assert (page(sport, cues), page(market, cues), page(visit, cues)) == ("sport", "economy", "political")


def test_a_page_without_a_clear_title_is_unclear(rules):
    # the same football words with a neutral title: no weak label is drawn from it
    p = coded(rules, "أخبار اليوم", SPORT[1])
    assert page(p, load_domain_cues()) is None


def test_a_single_sentence_is_its_own_document(rules):
    p = coded(rules, "", "قصفت طائرات التحالف مواقع للحوثيين في صعدة شمال اليمن.")
    names = doc_domain_names(p, load_domain_cues())
    assert "doc.top=security" in names and not any(n.startswith("title.") for n in names)


def test_event_features_name_the_page_and_the_parties_kinds(rules):
    cues = load_domain_cues()
    p = coded(rules, *VISIT)
    ctx = DocContext.of(p, cues, kind_lookup())
    consult = [e for e in p.events if e.event == "CONSULT"]
    assert consult, [e.event for e in p.events]
    names = event_names(p, consult[0], ctx, cues)
    assert "doc.top=diplomacy" in names and "a.ek=state" in names and "type=CONSULT" in names
    assert any(n.startswith("states=") and n != "states=0" for n in names)
    # every event of a document shares its page
    m = coded(rules, *MARKET)
    assert "doc.top=economy" in DocContext.of(m, cues, kind_lookup()).domain
    assert DocContext.of(m).domain == []  # without cue words: no page features
