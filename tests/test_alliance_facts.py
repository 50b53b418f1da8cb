"""Facts of the formal layer fixed by issue 13, each against the bundled ties files, and the validation of the
ATOP-style fields (owed_by, scope, attacker, requires_war, credibility), hostile ties and geography."""

from __future__ import annotations

import pytest

from marsad.analysis.api import whatif_attack
from marsad.analysis.hostility import HOSTILE_WEIGHT
from marsad.analysis.ties import (
    SIGNED_FACTOR,
    TYPE_WEIGHT,
    bundled_ties,
    formal_score,
    obligations,
    pair_ties,
    ties_from_data,
    validate_ties,
)


def _types(a, b, date, tie):
    return {o["type"] for o in obligations(a, b, date) if o["tie"] == tie}


def test_bundled_files_are_valid():
    stats, problems = validate_ties()
    assert problems == []
    assert stats["hostile"] >= 30 and stats["conditional"] >= 10 and stats["expectations"] >= 40


def test_panama_canal_treaty_is_no_defence_pact():
    assert _types("USA", "PAN", "2025-06-01", "usa-pan-1977") == {"neutrality"}
    # Panama's defence link with the US is the Rio Treaty
    assert "defence" in _types("USA", "PAN", "2025-06-01", "rio-tiar-1947")


def test_qatar_order_is_a_one_sided_us_pledge():
    ob = [o for o in obligations("USA", "QAT", "2025-12-01") if o["tie"] == "usa-qat-eo-2025"][0]
    assert ob["owed_by"] == ["USA"] and ob["credibility"] == "paper"
    assert "USA" in {d["code"] for d in whatif_attack(None, "QAT", "2025-12-01")["obliged_to_assist"]}
    assert "QAT" not in {d["code"] for d in whatif_attack(None, "USA", "2025-12-01")["obliged_to_assist"]}


def test_russia_dprk_2000_ends_when_the_2024_treaty_enters_into_force():
    ids = lambda d: {t["id"] for t in pair_ties("RUS", "PRK", d)}  # noqa: E731
    assert "rus-prk-2000" in ids("2024-12-03") and "rus-prk-2000" not in ids("2024-12-04")
    assert "rus-prk-2024" in ids("2024-12-04")


def test_china_russia_2001_articles_1_2_8_9():
    arts = {o["article"]: o["type"] for o in obligations("RUS", "CHN", "2024-01-01") if o["tie"] == "rus-chn-2001"}
    assert arts == {"Art. 1": "partnership", "Art. 2": "nonaggression", "Art. 8": "neutrality", "Art. 9": "consultation"}


def test_csto_obligations_from_the_treaty_entering_into_force():
    assert "defence" not in _types("RUS", "KAZ", "1994-04-19", "CSTO")
    assert "defence" in _types("RUS", "KAZ", "1994-04-20", "CSTO")


def test_rio_treaty_and_its_exits():
    assert "defence" in _types("USA", "MEX", "2000-01-01", "rio-tiar-1947")
    assert "rio-tiar-1947" not in {o["tie"] for o in obligations("USA", "MEX", "2004-09-06")}
    assert "rio-tiar-1947" not in {o["tie"] for o in obligations("USA", "VEN", "2015-01-01")}
    assert "defence" in _types("USA", "BRA", "2018-06-30", "rio-tiar-1947")


def test_manila_pact_outlives_seato():
    assert "SEATO" not in {t["id"] for t in pair_ties("USA", "THA", "2025-01-01")}
    assert "defence" in _types("USA", "THA", "2025-01-01", "manila-pact-1954")


def test_eu_candidates_and_georgias_halt():
    ukr = [t for t in pair_ties("UKR", "EU", "2022-06-23") if t["kind"] == "candidate"]
    assert ukr and ukr[0]["state"] == "in_force"
    assert not [t for t in pair_ties("UKR", "EU", "2022-06-22") if t["kind"] == "candidate"]
    geo = [t for t in pair_ties("GEO", "EU", "2024-07-01") if t["kind"] == "candidate"][0]
    assert geo["state"] == "off" and geo["status"] == "frozen"
    assert [t for t in pair_ties("GEO", "EU", "2024-01-10") if t["kind"] == "candidate"][0]["state"] == "in_force"


def test_armenia_2025_steps():
    assert "partnership" in _types("USA", "ARM", "2025-01-14", "usa-arm-charter-2025")
    law = [o for o in obligations("ARM", "EU", "2025-06-01") if o["tie"] == "arm-eu-accession-law-2025"][0]
    assert law["owed_by"] == ["ARM"]
    peace = [t for t in pair_ties("ARM", "AZE", "2025-09-01") if t["id"] == "arm-aze-peace-2025"][0]
    assert peace["state"] == "signed" and peace["status"] == "initialled"
    w = peace["obligations"][0]["weight"]
    assert w == pytest.approx(TYPE_WEIGHT["nonaggression"] * SIGNED_FACTOR["initialled"] * 0.9, abs=1e-4)


def test_unknown_entry_into_force_is_signed_not_in_force_at_lower_weight():
    data = [{"id": "x", "en": "x", "ar": "س", "parties": ["RUS", "PRK"], "signed": "2000-01-01", "in_force": None,
             "obligations": [{"type": "defence"}]},
            {"id": "y", "en": "y", "ar": "ص", "parties": ["RUS", "BLR"], "signed": "2000-01-01", "in_force": "2000-02-01",
             "obligations": [{"type": "defence"}]}]
    ties = ties_from_data([], data)
    x = pair_ties("RUS", "PRK", "2010-01-01", ties)[0]
    y = pair_ties("RUS", "BLR", "2010-01-01", ties)[0]
    assert x["state"] == "signed" and y["state"] == "in_force"
    assert x["obligations"][0]["weight"] == pytest.approx(y["obligations"][0]["weight"] * SIGNED_FACTOR["signed_not_in_force"])


def test_inter_korean_accord_repudiated_in_2024():
    assert "kor-prk-basic-1991" in {o["tie"] for o in obligations("KOR", "PRK", "2023-06-01")}
    assert "kor-prk-basic-1991" not in {o["tie"] for o in obligations("KOR", "PRK", "2024-06-01")}


def test_universal_bodies_add_nothing_to_a_pair():
    # Armenia and Canada share only the UN and the OSCE
    assert formal_score("ARM", "CAN", "2025-06-01") == 0
    assert not {"UN", "OSCE", "G20"} & {t["id"] for t in pair_ties("ARG", "KOR", "2025-06-01")}


def test_hostile_ties_are_dated_negative_formal_ties():
    assert formal_score("RUS", "UKR", "2023-01-01") < -0.8
    # a war switches off every positive tie of the pair
    assert all(t["state"] == "off" for t in pair_ties("ARM", "AZE", "2020-10-15") if t["kind"] != "hostile")
    # Saudi-Iranian relations restored on 2023-03-10
    assert formal_score("SAU", "IRN", "2023-03-09") < formal_score("SAU", "IRN", "2023-03-10")
    # the unfriendly list is directed but lowers the pair either way
    assert formal_score("RUS", "EST", "2022-03-08") < formal_score("RUS", "EST", "2022-03-06")


def test_defunct_entities_leave_the_graph():
    geo = bundled_ties().geo
    assert not geo.exists("SUN", "2026-06-01") and geo.exists("SUN", "1980-01-01")
    w = whatif_attack(None, "PRK", "2026-06-01")
    assert "SUN" not in str(w)
    assert "DPR" not in {d["code"] for d in whatif_attack(None, "RUS", "2023-01-01")["obliged_to_assist"]}


def test_whatif_applies_scope_and_attacker():
    est = whatif_attack(None, "EST", "2025-12-31", by="RUS")
    drawn = {d["code"] for d in est["obliged_to_assist"]} | {d["code"] for d in est["chain"]}
    assert "USA" in drawn and not {"JPN", "KOR", "PHL", "AUS", "SAU", "EGY"} & drawn
    usa = whatif_attack(None, "USA", "2025-12-31", by="RUS")
    assert "JPN" not in {d["code"] for d in usa["obliged_to_assist"]}
    assert any(d["code"] == "KOR" and "pacific" in d["obligations"][0]["condition"] for d in usa["conditional"])
    arm = whatif_attack(None, "ARM", "2025-12-31", by="AZE")
    assert "TUR" in arm["allies_of_attacker"] and "AZE" not in str(arm["obliged_to_assist"])


def test_intra_alliance_attack_is_conditional():
    w = whatif_attack(None, "GRC", "2025-12-31", by="TUR")
    assert "USA" not in {d["code"] for d in w["obliged_to_assist"]}
    assert any(d["code"] == "USA" and "itself a party" in o["condition"]
               for d in w["conditional"] for o in d["obligations"])


def test_validation_of_new_fields():
    bad_treaty = [{"id": "t", "en": "t", "ar": "ت", "parties": ["USA", "QAT"], "signed": "2020-01-01",
                   "in_force": "2020-01-01", "credibility": "iron",
                   "obligations": [{"type": "defence", "owed_by": ["FRA"], "scope": "pacific", "requires_war": "yes",
                                    "colour": "red"}]}]
    bad_hostile = [{"id": "h", "type": "feud", "en": "h", "ar": "ح", "sides": [["RUS"], ["UKR"]], "from": "2020-01-01"},
                   {"id": "h2", "type": "war", "en": "w", "ar": "ح", "sides": [["RUS"], ["RUS"]], "from": "2026-01-01"}]
    ties = ties_from_data([], bad_treaty, bad_hostile, {"areas": {"x": "ABC"}})
    text = "\n".join(ties.problems)
    for needle in ("credibility 'iron'", "owed_by names FRA", "scope must be a list", "requires_war must be",
                   "unknown keys ['colour']", "type 'feud'", "a code on both sides", "needs a source note",
                   "area x: codes must be"):
        assert needle in text, needle
    assert HOSTILE_WEIGHT["war"] > HOSTILE_WEIGHT["sanctions"]


def test_egypt_syria_1966_pact_lapsed_with_the_1977_break():
    assert "defence" in _types("EGY", "SYR", "1967-05-30", "egy-syr-1966")
    assert not _types("EGY", "SYR", "2015-08-10", "egy-syr-1966")
    # An Iranian attack on Saudi Arabia in 2015 no longer draws in Syria through Egypt (a chain via a dead pact).
    w = whatif_attack(None, "SAU", "2015-08-10", by="IRN")
    assert "SYR" not in {d["code"] for d in w["obliged_to_assist"] + w["chain"]}
    assert {"ARE", "KWT", "BHR", "QAT"} <= {d["code"] for d in w["obliged_to_assist"]}


def test_turkey_azerbaijan_2010_in_force_and_anglo_polish_1939_ended():
    tur_aze = [o for o in obligations("TUR", "AZE", "2018-06-30") if o["tie"] == "tur-aze-2010"]
    assert tur_aze and tur_aze[0]["type"] == "defence" and tur_aze[0]["state"] != "signed"
    assert not _types("TUR", "AZE", "2010-12-01", "tur-aze-2010")  # signed, not yet ratified
    assert _types("GBR", "POL", "1940-01-01", "gbr-pol-1939") == {"defence"}
    assert not _types("GBR", "POL", "2018-06-30", "gbr-pol-1939")


def test_gulf_and_turkish_breaks_with_damascus_in_2012():
    # Saudi Arabia closed its embassy 2012-03-14 and reopened in May 2023; Turkey 2012-03-26 to 2024-12-14.
    assert formal_score("SAU", "SYR", "2015-08-10") < 0 < formal_score("SAU", "SYR", "2023-06-01")
    assert formal_score("SAU", "SYR", "2012-03-13") > formal_score("SAU", "SYR", "2012-03-15")
    assert formal_score("TUR", "SYR", "2015-08-10") < formal_score("TUR", "SYR", "2025-01-15")
    assert formal_score("TUR", "SYR", "2015-08-10") < 0
