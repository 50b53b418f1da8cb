"""The analyst checklist (data/ties/expectations.yaml) on the demo corpus plus the seed articles: all pass."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.analysis.checklist import run_checklist
from marsad.analysis.expectations import parse_expectations
from marsad.store.db import Store

MARSAD = [sys.executable, "-m", "marsad"]
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, seeds_dir) -> str:
    db = str(tmp_path_factory.mktemp("chk") / "demo.db")
    subprocess.run(MARSAD + ["ingest", str(SAMPLE), str(seeds_dir), "--db", db, "--json"], check=True,
                   capture_output=True, text=True)
    return db


def test_every_expectation_passes_on_demo_and_seeds(demo):
    r = subprocess.run(MARSAD + ["expectations", "--db", demo, "--json"], capture_output=True, text=True)
    out = json.loads(r.stdout)
    failed = [(x["id"], x["measured"]) for x in out["results"] if not x["passed"]]
    assert out["total"] >= 40 and failed == [] and r.returncode == 0
    assert all(x["reason"] for x in out["results"])
    kinds = {x["kind"] for x in out["results"]}
    assert kinds == {"rank", "level", "drift", "whatif", "formal"}


def test_the_count_is_printed(demo):
    r = subprocess.run(MARSAD + ["expectations", "--db", demo], capture_output=True, text=True)
    assert " expectations pass" in r.stdout


def test_a_wrong_expectation_fails(demo):
    problems: list[str] = []
    wrong = parse_expectations([
        {"id": "inverted", "kind": "rank", "of": "RUS", "above": "UKR", "below": "BLR", "reason": "inverted on purpose"},
        {"id": "nato-jpn", "kind": "whatif", "target": "EST", "by": "RUS", "obliged": ["JPN"], "reason": "wrong"},
        {"id": "no-pact", "kind": "formal", "pair": ["USA", "JPN"], "as_of": "2018-06-30", "defence": False,
         "reason": "wrong"},
    ], "test", problems)
    assert problems == []
    with Store.open(demo) as store:
        assert [r["passed"] for r in run_checklist(store, wrong)] == [False, False, False]


def test_expectations_are_validated():
    problems: list[str] = []
    parse_expectations([{"id": "a", "kind": "rank", "of": "RUS", "above": "XXX"},
                        {"id": "a", "kind": "drift", "pair": ["ARM"], "since": "2022-13-01", "direction": "sideways",
                         "reason": "r"}], "e", problems, known={"RUS", "ARM"})
    text = "\n".join(problems)
    for needle in ("missing ['below']", "needs a reason", "code XXX", "unique id", "pair must be two codes",
                   "direction must be", "not a YYYY-MM-DD date"):
        assert needle in text, needle
