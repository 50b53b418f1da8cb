"""Parties of real-news events (issue 10, session 15), on sentences written for this test."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.quality.evaluate import code_text

DATE = "2015-08-20"


@pytest.fixture(scope="module", params=[True, False], ids=["learned", "rules"])
def pipe(request) -> Pipeline:
    return Pipeline.default("events", learned=request.param)


def parties(pipe, text, event):
    return [(e.actor.code, e.recipient.code) for e in code_text(pipe, text, DATE) if e.event == event]


# -- the Arab Parliament is a body of the Arab League ------------------------------------------------------------

def test_arab_parliament_speaker_praises_for_the_league(pipe):
    text = "أشاد رئيس البرلمان العربي بجهود رجال الأمن في المملكة العربية السعودية في إحباط العمليات الإرهابية."
    assert ("ARL", "SAU") in parties(pipe, text, "SUPPORT")


def test_arab_parliament_condemns(pipe):
    text = "ودان البرلمان العربي الهجوم الإرهابي الذي استهدف مسجدا في الكويت."
    assert [a for a, _ in parties(pipe, text, "ACCUSE")] == ["ARL"]


def test_european_parliament_stays_european(pipe):
    # the neighbouring entry is untouched: another parliament of a union keeps its own code
    text = "ودان البرلمان الأوروبي الهجوم الإرهابي الذي استهدف مسجدا في الكويت."
    assert [a for a, _ in parties(pipe, text, "ACCUSE")] == ["EU"]
