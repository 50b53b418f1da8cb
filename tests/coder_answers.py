"""Helpers of the per-round coder tests on real-news wording (test_coder_news12.py, 14, 15): the (type, actor, recipient)
the coder answers for a sentence dated in the development corpus's summer. The rules-only coder they run is the
`rules` fixture of conftest.py."""

from __future__ import annotations

from marsad.quality.evaluate import code_text

DATE = "2015-07-25"


def coded(pipe, text, event=None):
    return [(e.event, e.actor.code, e.recipient.code) for e in code_text(pipe, text, DATE)
            if event is None or e.event == event]
