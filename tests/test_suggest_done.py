"""The ties suggester proposes only state-to-state instruments and memberships the text asserts as done, each with
its sentence (issue 15). Sentences written for this test, coded by the real pipeline."""

from __future__ import annotations

import json

import pytest

from marsad.analysis.suggest import suggest_ties
from marsad.ingest.run import ingest
from marsad.pipeline import Pipeline
from marsad.store.db import Store

DONE = [
    "وقع الرئيس الروسي ونظيره الكازاخستاني اليوم في موسكو معاهدة للدفاع المشترك بين البلدين.",
    "وانضمت منغوليا اليوم رسميا إلى منظمة شنغهاي للتعاون.",
]
NOT_DONE = [
    "ووقعت شركتا روسنفت الروسية وسينوبك الصينية اليوم اتفاقية لتوريد النفط إلى الصين.",  # companies
    "ووقع وزيرا خارجية أذربيجان وأرمينيا اليوم بالأحرف الأولى على نص اتفاقية سلام بين البلدين.",  # initialled
    "وأقرت الحكومة الجورجية اليوم خطة لتسريع عملية انضمام جورجيا إلى الاتحاد الأوروبي.",  # a process
    "وستوقع روسيا ومنغوليا معاهدة صداقة الشهر المقبل.",  # future
    "ولم توقع الهند وباكستان اليوم أي معاهدة سلام.",  # negated
    "وأعلنت أرمينيا اليوم أنها ستنسحب من منظمة معاهدة الأمن الجماعي.",  # announced, not done
]


@pytest.fixture(scope="module")
def proposals(tmp_path_factory):
    folder = tmp_path_factory.mktemp("suggest")
    src = folder / "news.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, text in enumerate(DONE + NOT_DONE):
            f.write(json.dumps({"id": f"s{i}", "text": text, "published": f"2026-03-{i + 1:02d}", "source": "test"},
                               ensure_ascii=False) + "\n")
    with Store.open(str(folder / "s.db")) as store:
        ingest([src], store, Pipeline.default())
        coded = store.rows("SELECT sentence, event, mode FROM events")
        props = suggest_ties(store, include_known=True)
    return coded, props


def test_what_is_done_between_states_is_proposed_with_its_sentence(proposals):
    _, props = proposals
    got = {(p["change"], p["code"], p.get("partner") or p.get("organisation")) for p in props}
    assert got == {("add_treaty", "KAZ", "RUS"), ("add_member", "MNG", "SCO")}
    treaty = next(p for p in props if p["change"] == "add_treaty")
    assert treaty["evidence"][0]["sentence"] == DONE[0] and "type: defence" in treaty["yaml"]


def test_what_is_not_done_or_not_between_states_is_not_proposed_though_coded(proposals):
    coded, props = proposals
    # each sentence was coded as a tie-changing act, so the suggester is what leaves it out
    assert {c["sentence"] for c in coded} >= set(NOT_DONE)
    assert not any(e["sentence"] in NOT_DONE for p in props for e in p["evidence"])
