"""Arabic text layer on real sentences from ../shared/seeds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import find_in
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Tokenizer, forms, tokenize

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩«»“”،؛؟.!- \n\t")) |
                 st.characters(), max_size=300)


def toks(text: str, start: int = 0, end: int | None = None):
    return tokenize(text[start:end], start)


def test_kim_jong_un_both_spellings_keep_offsets(seed_texts):
    for spelling in ("كيم جونغ أون", "كيم جونج أون"):
        text, i = find_in(seed_texts, spelling)
        got = toks(text, i, i + len(spelling))
        assert [(t.text, t.start - i, t.end - i) for t in got] == [("كيم", 0, 3), (spelling.split()[1], 4, 8), ("أون", 9, 12)]
        assert [t.prefix for t in got] == ["", "", ""]
        assert got[2].norm == "اون"
        for t in got:
            assert text[t.start:t.end] == t.text


def test_egyptian_fi_normalises(seed_texts):
    text, i = find_in(seed_texts, "فى إطار")
    t = toks(text, i, i + 7)
    assert [x.norm for x in t] == ["في", "اطار"]
    assert normalize("الروسى") == "الروسي" and normalize("استراتيجى") == "استراتيجي"


def test_arabic_indic_year(seed_texts):
    text, i = find_in(seed_texts, "مع نهاية عام ٢٠٢٤،")
    t = toks(text, i, i + 18)
    assert [x.text for x in t] == ["مع", "نهاية", "عام", "٢٠٢٤", "،"]
    assert [x.norm for x in t] == ["مع", "نهايه", "عام", "2024", ","]


def test_guillemets_are_tokens_and_do_not_split(seed_texts):
    text, i = find_in(seed_texts, "«التعاون الاستراتيجى الشامل»")
    t = toks(text, i, i + 28)
    assert t[0].text == "«" and t[-1].text == "»"
    assert [x.base for x in t[1:-1]] == ["تعاون", "استراتيجي", "شامل"]
    assert [x.prefix for x in t[1:-1]] == ["ال", "ال", "ال"]
    sents = split_sentences(text)
    inside = [s for s in sents if s.start <= i < s.end]
    assert len(inside) == 1 and "«التعاون الاستراتيجى الشامل»" in inside[0].text


def test_curly_quotes(seed_texts):
    text, i = find_in(seed_texts, "“شراكة استراتيجية شاملة”")
    t = toks(text, i, i + 24)
    assert t[0].text == "“" and t[-1].text == "”" and t[0].norm == '"'
    assert [x.text for x in t[1:-1]] == ["شراكة", "استراتيجية", "شاملة"]


def test_pyongyang_keeps_its_ba(seed_texts):
    text, i = find_in(seed_texts, "قدمت بيونغ يانغ")
    t = toks(text, i, i + 15)
    assert [(x.prefix, x.base) for x in t] == [("", "قدمت"), ("", "بيونغ"), ("", "يانغ")]
    # with a real conjunction in front
    got = tokenize("وبيونغ يانغ وبيونغيانغ")
    assert [(x.prefix, x.base) for x in got] == [("و", "بيونغ"), ("", "يانغ"), ("و", "بيونغيانغ")]


def test_proclitics_split():
    got = tokenize("والكرملين لروسيا بالصين وموسكو للاتحاد وسيوقع")
    assert [(x.prefix, x.base) for x in got] == [
        ("وال", "كرملين"), ("ل", "روسيا"), ("بال", "صين"), ("و", "موسكو"), ("لال", "اتحاد"), ("وس", "يوقع")]
    assert "الكرملين" in forms(got[0]) and "وقع" in forms(tokenize("ووقع")[0])


def test_enclitic_stem():
    t = tokenize("زعيمها")[0]
    assert (t.stem, t.suffix) == ("زعيم", "ها")


def test_sentences_of_a_seed(seed_texts):
    text = seed_texts["004_926e420f9a451382.txt"]
    title = text.splitlines()[0]
    sents = split_sentences(text, "d", title)
    kinds = [s.kind for s in sents]
    assert kinds[:2] == ["title", "title"]
    # the caption line is repeated: the second copy is marked duplicate
    caption = "الزعيم الكورى الشمالى كيم جونغ أون مع الرئيس الروسى فلاديمير بوتين"
    caps = [s for s in sents if s.text == caption]
    assert [s.kind for s in caps] == ["body", "duplicate"]
    assert any(s.kind == "boilerplate" and "أيضًا" in s.text for s in sents)  # "اقر أ أيضًا|" footer
    assert any(s.text == "وتنفى موسكو وبيونج يانج تبادل الأسلحة." for s in sents)
    for s in sents:
        assert text[s.start:s.end] == s.text and s.text == s.text.strip()


def test_one_letter_abbreviation_does_not_split():
    sents = split_sentences("قال د. محمد علي إن الاتفاق تم. ثم غادر.")
    assert [s.text for s in sents] == ["قال د. محمد علي إن الاتفاق تم.", "ثم غادر."]


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_normalise_never_raises_and_offsets_point_back(text):
    normalize(text)
    for t in Tokenizer()(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
