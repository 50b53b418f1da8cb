"""Issue 11, people7: short names the dictionary marks unambiguous while in office, the title-vs-role guard, and
longer names whose words the dictionary never writes with ال. Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("actors")


def persons(pipe, text: str, date: str) -> list[tuple[str, str, str | None, str]]:
    p = pipe(make_document(text, "t", "", published=date))
    return [(m.text, m.code, m.agent, m.person) for m in p.mentions if m.kind == "person"]


# -- a name without ال does not match a family name written with it --------------------------------------------

def test_family_name_with_al_is_not_a_name_written_without_it(pipe):
    assert persons(pipe, "قال محمود عباس إن المفاوضات متوقفة.", "2010-05-01") == \
        [("محمود عباس", "PSE", "GOV", "abbas-mahmoud")]
    # another man: the dictionary never writes عباس with ال in Mahmoud Abbas's names
    assert persons(pipe, "قال محمود العباس إن المفاوضات متوقفة.", "2010-05-01") == []


def test_a_family_name_listed_with_al_still_matches_with_it(pipe):
    # Aziz Dweik is listed both as عزيز دويك and عزيز الدويك
    assert [x[3] for x in persons(pipe, "وقال عزيز الدويك إن المجلس سينعقد.", "2007-01-10")] == ["dweik-aziz"]
    assert [x[3] for x in persons(pipe, "وقال عزيز دويك إن المجلس سينعقد.", "2007-01-10")] == ["dweik-aziz"]


# -- the title picks the holder of that office --------------------------------------------------------------

def test_title_picks_the_office_holder_over_the_namesake_named_before(pipe):
    # February 2011: Michel Suleiman is Lebanon's president, Omar Suleiman Egypt's vice-president
    text = "اتصل الرئيس اللبناني ميشال سليمان بالقاهرة. وقال نائب الرئيس سليمان إن الحوار مستمر."
    got = persons(pipe, text, "2011-02-05")
    assert got[0][3] == "suleiman-michel"
    assert got[1] == ("سليمان", "EGY", "GOV", "suleiman-omar")


def test_title_president_keeps_the_president(pipe):
    assert persons(pipe, "وقال الرئيس سليمان إن الحوار مستمر.", "2011-02-05") == \
        [("سليمان", "LBN", "GOV", "suleiman-michel")]


# -- roles people6 found missing ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, date, expected", [
    ("وصل سلفا كير إلى جوبا بعد القمة.", "2014-03-01", ("سلفا كير", "SSD", "GOV", "kiir-salva")),
    ("وقال سعد الحريري إن الأكثرية لن تتراجع.", "2007-03-01", ("سعد الحريري", "LBN", "PTY", "hariri-saad")),
    ("وقال ميشال عون إن التيار سيشارك.", "2008-03-01", ("ميشال عون", "LBN", "PTY", "aoun-michel")),
])
def test_roles_added_to_existing_people(pipe, text, date, expected):
    assert persons(pipe, text, date) == [expected]
