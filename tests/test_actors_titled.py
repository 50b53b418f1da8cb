"""Persons found from the words around them (marsad.actors.titled) and one-word names of known people in context.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("actors")


def people(pipe, text: str, date: str = "2015-06-01", source: str = ""):
    p = pipe(make_document(text, "t", "", published=date, source=source))
    return [(m.text, m.code, m.kind) for m in p.mentions if m.kind in ("person", "provisional")]


def test_title_phrase_with_country_before_an_unknown_foreign_name(pipe):
    got = people(pipe, "قال وزير الزراعة الفرنسي جان بيير موريسو إن المحصول تراجع. وأضاف موريسو أن الحكومة ستدعم المزارعين.")
    assert got == [("جان بيير موريسو", "FRA", "provisional"), ("موريسو", "FRA", "provisional")]


def test_office_after_the_name_apposition(pipe):
    got = people(pipe, "وقال كريم منصور الدباغ وزير النقل العراقي إن الطرق آمنة.")
    assert got == [("كريم منصور الدباغ", "IRQ", "provisional")]
    # a comma between the name and the office, and a name after a verb of saying that does not start with a known
    # given name
    got = people(pipe, "وقال نيكوس تسولاكيس، المتحدث باسم الحكومة اليونانية، إن المفاوضات مستمرة.")
    assert got == [("نيكوس تسولاكيس", "GRC", "provisional")]


def test_national_office_without_a_country_takes_the_outlets_state(pipe):
    got = people(pipe, "وأوضح وزير الصحة فهد عبد الرحمن الجلاجل أن الحملة بدأت.", source="alriyadh")
    assert got == [("فهد عبد الرحمن الجلاجل", "SAU", "provisional")]
    # no outlet known: the person, no state
    got = people(pipe, "وأوضح وزير الصحة فهد عبد الرحمن الجلاجل أن الحملة بدأت.")
    assert got == [("فهد عبد الرحمن الجلاجل", "", "provisional")]


def test_compound_names_after_titles(pipe):
    assert people(pipe, "قال وزير الأوقاف والمقدسات الإسلامية عبد الفتاح صلاح إن الترميم انتهى.") == \
        [("عبد الفتاح صلاح", "", "provisional")]
    assert people(pipe, "وأيد النائب إياد جمال الدين عضو مجلس النواب المقترح.")[0][0] == "إياد جمال الدين"


def test_words_after_a_title_that_are_not_names(pipe):
    for text in ("وقال رئيس قسم التسويق في الشركة إن المبيعات ارتفعت.",
                 "وكان رئيس الحكومة أطلق السبت رسميا مبادرة المصالحة.",
                 "واقترح الرئيس الإيراني إجراء مناظرة تلفزيونية.",
                 "وتلقى وزير الخارجية اتصالين هاتفيين من نظرائه.",
                 "وشن الأمين العام للحزب هجوما عنيفا على خصومه.",
                 "حضر الدكتور سامر خليل الندوة.",  # الدكتور is no office
                 "وقال مدير الفريق كريم حسان إن اللاعبين جاهزون للمباراة في الدوري."):  # sport
        assert people(pipe, text) == [], text


def test_ruling_house_is_part_of_the_name(pipe):
    got = people(pipe, "استقبل الشيخ محمد بن زايد آل نهيان الوفد في أبوظبي.", "2024-05-01")
    assert got == [("محمد بن زايد آل نهيان", "ARE", "person")]


def test_a_known_name_followed_by_another_family_name_is_someone_else(pipe):
    got = people(pipe, "وبعث السيد محمد بن مبارك الخليفي برقية تهنئة.", "2006-06-01")
    assert got == [("محمد بن مبارك الخليفي", "", "provisional")]


def test_first_word_of_an_unknown_name_is_not_a_known_persons_short_name(pipe):
    # معصوم is the surname of an Iraqi president; here it starts an ambassador's name
    got = people(pipe, "حضر اللقاء السفير معصوم مرزوق الذي سيتولى منصبه قريبا.", "2006-06-01")
    assert got == [("معصوم مرزوق", "", "provisional")]


def test_person_whose_roles_all_come_later_is_still_the_person(pipe):
    got = people(pipe, "وحذر سعد الحريري من الفتنة.", "2006-06-01")
    assert got == [("سعد الحريري", "LBN", "person")]


def test_one_word_of_a_known_person_in_context(pipe):
    # after a title: the one holder of a top office on the date who shares the word
    assert people(pipe, "وبحث الرئيس مبارك التعاون بين البلدين.", "2006-06-01") == [("مبارك", "EGY", "person")]
    assert people(pipe, "وبحث الرئيس مبارك التعاون بين البلدين.", "2015-06-01") == []  # no longer in office
    # the subject of a verb of saying, in office on the date: the UN secretary-general, a foreign minister
    assert people(pipe, "وأعلن أنان أنه يحاول إقناع الطرفين.", "2006-06-01") == [("أنان", "UN", "person")]
    assert people(pipe, "وقالت رايس إن الاتفاق قريب.", "2006-06-01") == [("رايس", "USA", "person")]
    assert people(pipe, "وقالت رايس إن الاتفاق قريب.", "2012-06-01") == []
    # joined by و to another person
    got = people(pipe, "التقى بوش وبلير في واشنطن.", "2006-06-01")
    assert [c for _, c, _ in got] == ["USA", "GBR"]


def states(pipe, text: str, date: str = "2015-06-01"):
    p = pipe(make_document(text, "t", "", published=date))
    return [(m.text, m.code, m.kind) for m in p.mentions if m.kind in ("name", "capital")]


def test_oman_or_amman(pipe):
    assert states(pipe, "عمان - افتتح المؤتمر أعماله أمس.") == [("عمان", "JOR", "capital")]
    assert ("عمان", "JOR", "capital") in states(pipe, "افتتح المؤتمر في العاصمة الأردنية عمان أمس.")
    # an article about Jordan: في عمان is the capital; about Oman (its sultan named), the state
    assert ("عمان", "JOR", "capital") in states(pipe, "التقى العاهل الأردني الوفد. وقال السفير في عمان إن العلاقات جيدة.")
    assert ("عمان", "OMN", "name") in states(pipe, "زار السلطان العماني الهند ثم عاد إلى عمان.")
    assert ("عمان", "OMN", "name") in states(pipe, "وصل الوزير إلى عمان في زيارة رسمية.")


def test_teams_in_a_sports_article(pipe):
    text = ("واصل المنتخب استعداداته للتصفيات بمعسكر في الدوحة. وقال المدرب إن اللاعبين جاهزون. "
            "لعبنا مباريات قوية مع فرنسا وسويسرا وسوريا.")
    assert [c for _, c, k in states(pipe, text) if k == "name"] == []  # الدوحة, the venue, stays a place
    # a political article that names a match once keeps its states
    text = "قال الرئيس إن فرنسا وسويسرا تدعمان الاتفاق. وحضر الوزير مباراة ودية."
    assert [c for _, c, _ in states(pipe, text)] == ["FRA", "CHE"]


def test_titled_lists_are_validated():
    from marsad.actors.titled import load_titled

    assert load_titled().problems == []
    bad = load_titled("office_words: [وزير, رئيس الوزراء]\nhonorifics: []\ncolours: [أحمر]\n", "t.yaml")
    text = "\n".join(bad.problems)
    assert "t.yaml: unknown list 'colours'" in text
    assert "'office_words' takes single words, not 'رئيس الوزراء'" in text
    assert "t.yaml: 'honorifics' must be a non-empty list of words" in text
    assert "t.yaml: 'speech_verbs' must be a non-empty list of words" in text  # missing
    assert load_titled("[1, 2]", "t.yaml").problems == ["t.yaml: top level must be a mapping of lists " + str(
        ("office_words", "apposition_words", "ruling_families", "honorifics", "political_honorifics", "speech_verbs",
         "foreign_given_names", "name_stops", "military_ranks", "state_organs", "subject_cues", "business_words",
         "occupations", "religious_words", "quote_nouns", "source_nouns",
         "surname_idioms"))]


def test_a_given_name_before_a_family_name_with_al_is_not_a_known_person_alone():
    # عبدالله alone may be a known head of government's short name; after a title and before السالم it is
    # the first name of another person
    from marsad.ingest.readers import make_document
    from marsad.pipeline import Pipeline
    p = Pipeline.default("actors")(make_document("وأشاد الدكتور عبدالله السالم بجهود الفريق الطبي.", "t", "",
                                                 published="2015-07-25"))
    assert not any(m.code == "AFG" for m in p.mentions)
