"""The mid-2015 analyst checklist (data/ties/expectations_press.yaml) on the development press corpus
(../shared/corpora/saudinewsnet). The corpus's text never enters the repository: it is read from ../shared at
test time, and the tests skip when it is absent.

One day of the corpus is ingested here (about 25 s); the full corpus takes minutes, so its pass rate (the
issue asks >= 90%) is checked when MARSAD_PRESS_DB names a store holding it:
``marsad ingest ../shared/corpora/saudinewsnet --db /tmp/press.db`` then ``MARSAD_PRESS_DB=/tmp/press.db pytest``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.analysis.expectations import CHECKLISTS, checklist_path, load_expectations

MARSAD = [sys.executable, "-m", "marsad"]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def _need_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (third-party corpus, not part of the repository)")
    return CORPUS


def _run(db: str) -> tuple[int, dict]:
    r = subprocess.run(MARSAD + ["expectations", "--press", "--db", db, "--json"], capture_output=True, text=True)
    return r.returncode, json.loads(r.stdout)


@pytest.fixture(scope="module")
def one_day(tmp_path_factory) -> str:
    day = _need_corpus() / "2015-07-23.zip"
    db = str(tmp_path_factory.mktemp("press") / "day.db")
    # The corpus has a few articles without text: ingest reports them and exits 1, storing the rest.
    r = subprocess.run(MARSAD + ["ingest", str(day), "--db", db, "--json"], capture_output=True, text=True)
    assert json.loads(r.stdout)["added"] > 1000, r.stderr[-2000:]
    return db


def test_the_press_checklist_is_valid_and_dated_to_the_corpus():
    exps, problems = load_expectations(checklist_path("press"))
    assert problems == [] and len(exps) >= 40
    assert CHECKLISTS["press"][1] == "2015-08-10"
    assert {e.kind for e in exps} == {"rank", "level", "drift", "whatif", "formal"}
    assert all(e.reason for e in exps)


def test_on_one_day_of_the_corpus_the_formal_and_whatif_answers_hold(one_day):
    code, out = _run(one_day)
    assert out["total"] >= 40 and len(out["results"]) == out["total"]
    # The formal layer and the what-if duties do not depend on the news: they must all hold on any store.
    treaty_side = [r for r in out["results"] if r["kind"] in ("formal", "whatif")]
    assert treaty_side and all(r["passed"] for r in treaty_side), [r for r in treaty_side if not r["passed"]]
    assert code == (0 if out["passed"] == out["total"] else 1)


def test_the_full_corpus_passes_ninety_percent():
    db = os.environ.get("MARSAD_PRESS_DB")
    if not db:
        pytest.skip("set MARSAD_PRESS_DB to a store holding the whole press corpus to check its pass rate")
    _need_corpus()
    _code, out = _run(db)
    assert out["passed"] >= 0.9 * out["total"], [(r["id"], r["measured"]) for r in out["results"] if not r["passed"]]
