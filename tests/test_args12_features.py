"""The argument scorer's clause features added by args12 (quoted speech, an office's owner, a "what" clause), on
sentences written for these tests: each feature is read from the sentence, and is False where it does not apply."""

from __future__ import annotations

from marsad.ingest.readers import make_document
from marsad.learn.eventfeatures import arg_names


def features(rules, text, event, mention_text):
    p = rules(make_document(text, "args12", "", published="2015-08-01"))
    e = next(x for x in p.events if x.event == event)
    ms = [m for m in list(p.mentions) + list(p.agents) if m.sentence_idx == e.sentence_idx]
    m = next(m for m in ms if m.text == mention_text)
    return set(arg_names(p.tokens[e.sentence_idx], e, m, ms))


def test_a_name_inside_a_quotation_the_trigger_is_outside(rules):
    text = 'وقال الوزير «إن التهديدات الإيرانية مستمرة» خلال المحادثات مع الوزير الألماني الذي سيلتقي الرئيس الروسي.'
    inside = features(rules, text, "CONSULT", "الإيرانية")
    assert "quoted=True" in inside
    outside = features(rules, text, "CONSULT", "الروسي")
    assert "quoted=False" in outside


def test_the_owner_of_an_office_after_its_adjective(rules):
    text = "رحبت الأمانة العامة لمجلس التعاون بقرار الحكومة اليمنية."
    assert "office=True" in features(rules, text, "SUPPORT", "مجلس التعاون")
    assert "office=False" in features(rules, text, "SUPPORT", "اليمنية")


def test_a_name_in_a_what_clause(rules):
    # the verb's subject is dropped: ما follows the trigger and opens the clause of what is rejected
    text = "ورفض ما تطرحه الحكومة الإثيوبية بشأن السد، مؤكدا حق مصر في مياه النيل."
    assert "what=True|side=after" in features(rules, text, "REJECT", "الإثيوبية")
    plain = "ورفضت مصر خطة الحكومة الإثيوبية بشأن السد."
    assert "what=False|side=after" in features(rules, plain, "REJECT", "الإثيوبية")
