"""Rules of the eleventh round on real news (issue: the coder on real news), each on sentences written for this
test."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.quality.evaluate import code_text

DATE = "2015-07-25"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events")


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline.default("events", learned=False)


def coded(pipe, text, event=None, date=DATE):
    return [e for e in code_text(pipe, text, date) if event is None or e.event == event]


# -- "warned that": a concern, not a threat --------------------------------------------------------------------

def test_warning_that_a_state_of_affairs_is_bad_is_disapproval(pipe, rules):
    text = "وحذرت الصين من أن الرسوم الجمركية الأمريكية الجديدة ستضر بالتجارة العالمية."
    for p in (pipe, rules):
        evs = coded(p, text)
        assert [(e.event, e.mode, e.actor.code, e.recipient.code) for e in evs] == [("ACCUSE", "disapprove", "CHN", "USA")]


def test_a_warning_noun_with_its_clause_is_disapproval(pipe):
    evs = coded(pipe, "جدد الرئيس الفرنسي تحذيره من أن سياسات الحكومة الروسية تقوض الأمن في أوروبا.")
    assert [(e.event, e.actor.code) for e in evs] == [("ACCUSE", "FRA")]


def test_warning_of_a_response_to_any_attack_stays_a_threat(pipe, rules):
    text = "وحذر الرئيس الإيراني من أن أي هجوم أمريكي على المنشآت النووية سيقابل برد حاسم."
    for p in (pipe, rules):
        assert [e.event for e in coded(p, text)] == ["THREATEN"]


def test_warning_a_party_against_an_act_stays_a_threat(rules):
    evs = coded(rules, "حذرت إيران الولايات المتحدة من أي اعتداء على أراضيها.")
    assert [(e.event, e.actor.code, e.recipient.code) for e in evs] == [("THREATEN", "IRN", "USA")]
