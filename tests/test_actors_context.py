"""Document context for actors: short names, provisional office holders; and the BIO (NewsFANE-style) evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline
from marsad.quality.ner_eval import entities, eval_ner, join_tokens, read_bio, split_halves

NER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "ner" / "newsfane_train.tsv"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("actors")


def people(pipe, text: str, date: str = "2015-06-01"):
    p = pipe(make_document(text, "t", "", published=date))
    return [(m.text, m.code, m.kind) for m in p.mentions if m.kind in ("person", "provisional")]


def test_surname_alone_needs_the_full_name_first(pipe):
    # a footballer called لافروف is not the foreign minister; after the full name the surname is the minister
    assert people(pipe, "سجل اللاعب لافروف هدفين في المباراة.") == []
    got = people(pipe, "التقى سيرغي لافروف نظيره. وقال لافروف إن المحادثات بناءة.")
    assert [(t, c) for t, c, _ in got] == [("سيرغي لافروف", "RUS"), ("لافروف", "RUS")]


def test_surname_after_a_title_counts(pipe):
    assert [(t, c) for t, c, _ in people(pipe, "وقال وزير الخارجية لافروف إن المحادثات بناءة.")] == [("لافروف", "RUS")]


def test_head_of_government_in_office_is_known_by_surname(pipe):
    assert [c for _, c, _ in people(pipe, "أعلن بوتين أمس خطة جديدة.", "2015-06-01")] == ["RUS"]
    # a defence minister's surname alone counts only where the dictionary marks it unambiguous (people7: شويغو is,
    # إيفانوف is not: Sergei and Igor Ivanov were ministers in the same years)
    assert [c for _, c, _ in people(pipe, "أعلن شويغو أمس خطة جديدة للجيش الروسي.", "2015-06-01")] == ["RUS"]
    assert people(pipe, "أعلن إيفانوف أمس خطة جديدة.", "2005-06-01") == []


def test_title_and_country_before_an_unknown_name(pipe):
    got = people(pipe, "قال وزير الخارجية العراقي كامل سعدون الجبوري إن بغداد ترحب بالمبادرة.")
    assert ("كامل سعدون الجبوري", "IRQ", "provisional") in got
    p = pipe(make_document("قال وزير الخارجية العراقي كامل سعدون الجبوري إن بغداد ترحب.", "t", "", published="2015-06-01"))
    m = next(m for m in p.mentions if m.kind == "provisional")
    assert m.person is None and m.agent == "DIP"
    assert any(c.name == "كامل سعدون الجبوري" for c in p.candidates)  # still offered to dict candidates
    # a word after the title that is not a name gives nothing
    assert people(pipe, "دعا الرئيس الفلسطيني للضغط على المجتمع الدولي.") == []


def test_bio_reader_entities_and_split(tmp_path):
    f = tmp_path / "g.tsv"
    f.write_text("زار\tO\nو\tO\nالرئيس\tO\nجاك\tB-Politician\nشيراك\tI-Politician\nالمانيا\tB-Nation\n\n"
                 "قال\tO\nه\tO\n\nبغداد\tB-Population-Center\n", encoding="utf-8")
    s = read_bio(f)
    assert len(s) == 3 and s[1].line == 8
    assert entities(s[0].labels) == {(3, 5, "Politician"), (5, 6, "Nation")}
    text, spans = join_tokens(s[0].tokens)
    assert text == "زار والرئيس جاك شيراك المانيا" and text[slice(*spans[3])] == "جاك"
    assert join_tokens(s[1].tokens)[0] == "قاله"
    dev, test = split_halves(s, seed=11)
    assert sorted(x.index for x in dev + test) == [0, 1, 2] and split_halves(s, seed=11)[0] == dev


def test_bio_reader_names_file_and_line(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("زار\tO\nالمانيا\tNATION\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2: label 'NATION'"):
        read_bio(f)
    f.write_text("زار O\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:1: expected 'token<TAB>label'"):
        read_bio(f)


def test_eval_on_own_bio_file(tmp_path, pipe):
    f = tmp_path / "own.tsv"
    rows = [("التقى", "O"), ("الرئيس", "O"), ("فلاديمير", "B-Politician"), ("بوتين", "I-Politician"),
            ("في", "O"), ("موسكو", "B-Population-Center"), ("وفدا", "O"), ("من", "O"), ("العراق", "B-Nation"),
            (".", "O")]
    f.write_text("\n".join(f"{a}\t{b}" for a, b in rows) * 1 + "\n\n" + "\n".join(f"{a}\t{b}" for a, b in rows) + "\n",
                 encoding="utf-8")
    r = eval_ner(f, pipe, date="2020-01-01")
    for half in ("dev", "test"):
        ex = r[half]["exact"]
        assert ex["Nation"]["tp"] == 1 and ex["Politician"]["tp"] == 1 and ex["Population-Center"]["tp"] == 1
        assert ex["all"]["fp"] == 0


@pytest.mark.skipif(not NER.exists(), reason="../shared/eval/ner absent")
def test_newsfane_nation_found():
    r = eval_ner(NER, date="2006-06-01")
    assert r["dev"]["sentences"] + r["test"]["sentences"] == r["sentences"]
    assert r["dev"]["exact"]["Nation"]["f1"] > 0.85  # states are the strongest class


def test_groups_carry_the_state_they_act_in(pipe):
    p = pipe(make_document("اشتبك مقاتلو جيش المهدي مع قوات الصحوة، وهاجم الحوثيون مواقع قرب الحدود.", "t", "",
                           published="2007-05-01"))
    got = [(m.code, m.country) for m in p.mentions]
    assert ("MAHD", "IRQ") in got and ("SAHW", "IRQ") in got and ("HOU", "YEM") in got
    assert all(m.country is None for m in p.mentions if m.kind == "nisba")  # states carry no country field


def test_communal_groups_are_parties(pipe):
    p = pipe(make_document("هاجم مستوطنون إسرائيليون قرية فلسطينية، ونزح آلاف الإيزيديين والأكراد من سنجار.", "t", "",
                           published="2014-08-05"))
    got = {(m.code, m.country) for m in p.mentions}
    assert {("SETL", "ISR"), ("YAZD", "IRQ")} <= got
    # a people of no one state is an agent noun of the place (its entry kept): code empty, agent CVL
    assert any(m.entry == "KURD" and m.code == "" and m.agent == "CVL" for m in p.mentions)
    # السنة "the year" is not the Sunni community
    assert all(m.code != "SUNI" for m in pipe(make_document("في السنة الماضية زار الوفد بغداد.", "t", "")).mentions)


def test_group_file_fields_are_validated(tmp_path):
    from marsad.actors.loader import load_dictionary

    f = tmp_path / "g.yaml"
    f.write_text("- {code: ZZGRP, kind: nsa, en: X, names: [جماعة تجريبية], agent: REB, period: [2010, 2005]}\n",
                 encoding="utf-8")
    problems = "\n".join(load_dictionary([f], bundled=False).problems)
    assert "period must be [first year, last year or null]" in problems
    assert "a group needs a country field" in problems


def refs(pipe, text: str, source: str = "", url: str = ""):
    p = pipe(make_document(text, "t", "", published="2015-08-01", source=source, url=url))
    return [(m.text, m.code, m.entry) for m in p.mentions if m.entry.startswith("ref:")]


def test_kingdom_and_country_from_the_outlet(pipe):
    got = refs(pipe, "أعلنت المملكة دعمها للقرار، وقال مسؤول إن البلاد ترحب بكل جهد.", source="alriyadh")
    assert got == [("المملكة", "SAU", "ref:outlet"), ("البلاد", "SAU", "ref:outlet")]
    # the outlet is also known by its host
    assert refs(pipe, "وأكدت المملكة موقفها.", url="https://www.okaz.com.sa/news/1")[0][1] == "SAU"
    # unknown outlet and no kingdom named: nothing
    assert refs(pipe, "وأكدت المملكة موقفها.", source="an unknown blog") == []


def test_kingdom_and_country_from_the_article(pipe):
    got = refs(pipe, "زار الوفد المملكة الأردنية الهاشمية. وقالت المملكة إنها ترحب.", source="okaz")
    assert got == [("المملكة", "JOR", "ref:article")]
    got = refs(pipe, "اندلعت اشتباكات في اليمن. وتشهد البلاد أزمة إنسانية في حين تتابع البلاد العربية.", source="sabq")
    assert got == [("البلاد", "YEM", "ref:article")]  # البلاد العربية "the Arab countries" is not a reference
    # an article naming several states leaves البلاد unresolved
    assert refs(pipe, "تفاوضت روسيا وأوكرانيا طويلا. ثم عاد الوفد إلى البلاد.", source="sabq") == []
    # the span leaves out the proclitics (لل keeps the ل of the article, as in names)
    assert [t for t, _, _ in refs(pipe, "عاد الوفد وبالبلاد ناس وللبلاد حق.", source="sabq")] == ["البلاد", "لبلاد"]


def test_outlets_file_is_validated():
    from marsad.actors.outlets import load_outlets

    assert load_outlets(codes={"SAU", "EGY", "JOR", "MAR", "BHR", "ARE", "QAT", "KWT", "IRQ", "SYR", "LBN",
                               "OMN"}).problems == []
    bad = load_outlets("- {outlet: x, country: ZZZ, colour: red}\n- {outlet: y}\n- {outlet: x, country: SAU}\n",
                       "o.yaml", codes={"SAU"})
    text = "\n".join(bad.problems)
    assert "o.yaml[0] (x): unknown field(s) ['colour']" in text and "country ZZZ is not in the actor dictionary" in text
    assert "o.yaml[1]: an outlet needs 'outlet' and 'country'" in text and "'x' already names an outlet of ZZZ" in text


def test_surnames_derived_from_full_names(pipe):
    # ماكي is not listed alone: it is taken from فلاديمير ماكي and read only after the full name or a title
    assert people(pipe, "قال ماكي إن الحكومة مستعدة.", "2015-01-10") == []
    got = people(pipe, "التقى فلاديمير ماكي الوفد. وقال ماكي إن الحكومة مستعدة.", "2015-01-10")
    assert [c for _, c, _ in got] == ["BLR", "BLR"]
    # no surname from Chinese and Korean names (short, common family names: بارك "he blessed") nor after a title
    from marsad.actors.stage import bundled_dictionary

    entries = bundled_dictionary().entries.values()
    assert not next(e for e in entries if e.en == "Tang Jiaxuan").derived
    assert people(pipe, "بارك الملك الخطوة وبارك الوزير القرار.", "2015-06-01") == []
    assert ("ماكي",) in next(e for e in entries if e.en == "Vladimir Makei").derived
    # a derived surname alone is not enough even for a top office holder (ميشال is also a given name) ...
    assert people(pipe, "دعا عنان إلى وقف إطلاق النار.", "2006-07-20") == []
    # ... but it is after the full name, and the holder named in full wins over others sharing the surname
    got = people(pipe, "التقى كوفي عنان الوفد. ثم دعا عنان إلى وقف إطلاق النار.", "2006-07-20")
    assert [c for _, c, _ in got] == ["UN", "UN"]
    # an Arabic surname is often a plain word: غريب "strange" is not the prime minister سيفي غريب
    assert people(pipe, "تصرف الحلفاء بشكل غريب في الأزمة.", "2025-11-01") == []


def test_person_name_written_without_al_needs_to_lack_it(pipe):
    # رئيسي (the late president) is not الرئيسي "main"
    assert people(pipe, "كان الهدف الرئيسي للزيارة التجارة.", "2022-06-01") == []
    assert [c for _, c, _ in people(pipe, "وصل إبراهيم رئيسي إلى موسكو.", "2022-06-01")] == ["IRN"]


def test_kingdom_reference_prefers_the_outlets_own_when_named(pipe):
    # a Saudi paper: both kingdoms named, المملكة is Saudi Arabia
    text = "أدانت المملكة العربية السعودية الهجوم، وأكدت مملكة البحرين تضامنها مع المملكة في جهودها."
    assert refs(pipe, text, source="alyaum") == [("المملكة", "SAU", "ref:outlet")]
    # a bank named Albilad is not the country
    assert refs(pipe, "قدم بنك البلاد جوائز للزوار.", source="alyaum") == []


def test_derived_surname_after_a_title_needs_the_title_country(pipe):
    # ماكي (Belarus) after a Belarusian title is the minister; after "Mr" or another country's title it is not
    assert [c for _, c, _ in people(pipe, "قال وزير الخارجية البيلاروسي ماكي إن الحوار مستمر.")] == ["BLR"]
    assert people(pipe, "قال السيد ماكي إن المدرسة ستغلق.") == []
    assert people(pipe, "قال الوزير الفرنسي ماكي إن الحوار مستمر.") == []
    # two people derive ماكي (Makei, MacKay): the title's country picks the Canadian one
    assert [c for _, c, _ in people(pipe, "قال الوزير الكندي ماكي إن الحوار مستمر.", "2010-01-01")] == ["CAN"]


def test_other_readings_survive_a_person_guard(pipe):
    # الكيني is the Kenyan adjective even though a person's surname كيني is only written without ال
    p = pipe(make_document("قال الرئيس الكيني إن الانتخابات ستجري في موعدها.", "t", "", published="2015-06-01"))
    assert [(m.code, m.kind) for m in p.mentions] == [("KEN", "nisba")]
