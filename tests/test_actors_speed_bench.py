"""`marsad bench` shows the actor stage's CPU against the text stage's (issue 11's speed criterion). Figures only: the
test checks that they are there and add up, never how fast anything is."""

from __future__ import annotations

from marsad.quality.bench import b_pipeline

DOCS = ["وقال الرئيس الأمريكي باراك أوباما إن واشنطن تدعم الحكومة العراقية في بغداد.",
        "التقى وزير الخارجية السعودي عادل الجبير نظيره الروسي سيرغي لافروف في موسكو."]


def test_bench_row_gives_each_stage_cpu_and_the_ratio():
    r = b_pipeline(DOCS * 10, "actors")
    assert set(r["stage_cpu"]) == {"text", "actors"}
    assert all(v >= 0 for v in r["stage_cpu"].values())
    assert "CPU text" in r["extra"] and "actors/text" in r["extra"]
    assert r["sentences"] == 20 and "mentions" in r["extra"]
