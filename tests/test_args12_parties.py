"""Argument rules from the real-news dev errors where the type was found but a party was wrong (args12), each on
sentences written for this test. Rules only (the learned layer is retrained after merging)."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.quality.evaluate import code_text

DATE = "2015-07-25"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events", learned=False)


def coded(pipe, text, event=None):
    return [e for e in code_text(pipe, text, DATE) if event is None or e.event == event]


# -- an office's owner after لـ is the party, not the recipient ---------------------------------------------

def test_secretariat_of_an_organisation_is_the_organisation(pipe):
    (e,) = coded(pipe, "استنكرت الأمانة العامة لمنظمة التعاون الإسلامي التصريحات التي أدلى بها وزير الخارجية "
                       "الإيراني.", "ACCUSE")
    assert (e.actor.code, e.recipient.code) == ("OIC", "IRN")
    (e,) = coded(pipe, "رحبت الأمانة العامة لمجلس التعاون بقرار الحكومة اليمنية.", "SUPPORT")
    assert (e.actor.code, e.recipient.code) == ("GCC", "YEM")


def test_a_preposition_lam_after_a_plain_noun_still_marks_the_recipient(pipe):
    # the owner rule needs the office's adjective: "قدمت السعودية دعما لليمن" keeps Yemen as the recipient
    (e,) = coded(pipe, "قدمت السعودية مساعدات عاجلة لليمن.", "AID")
    assert (e.actor.code, e.recipient.code) == ("SAU", "YEM")
