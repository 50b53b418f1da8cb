"""Issue acceptance on real text: the bundled sample plus ../shared/seeds, coded by the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

MARSAD = [sys.executable, "-m", "marsad"]
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory, seeds_dir) -> str:
    db = str(tmp_path_factory.mktemp("acc") / "acc.db")
    subprocess.run(MARSAD + ["ingest", str(SAMPLE), str(seeds_dir), "--db", db, "--json"], check=True,
                   capture_output=True, text=True)
    return db


def test_true_allies_of_russia(store):
    r = subprocess.run(MARSAD + ["allies", "RUS", "--as-of", "2025-12-31", "--db", store, "--json"],
                       capture_output=True, text=True, check=True)
    rows = json.loads(r.stdout)
    rank = {x["code"]: i for i, x in enumerate(rows)}
    by = {x["code"]: x for x in rows}
    for ally in ("PRK", "BLR"):
        for other in ("ARM", "KAZ"):
            assert rank[ally] < rank[other], (ally, other, [(x["code"], x["score"]) for x in rows[:12]])
    assert by["ARM"]["trend"] == "falling" and by["ARM"]["trend_24m"] < 0
    for code in ("PRK", "BLR", "ARM"):
        ev = by[code]["evidence"]
        assert ev and all(e.get("sentence") for e in ev), code
    assert {"code", "score", "trend", "formal_ties", "evidence"} <= set(rows[0])


def test_armenia_drifts_away_since_2022(store):
    r = subprocess.run(MARSAD + ["drift", "--since", "2022-01-01", "--as-of", "2025-12-31", "--limit", "200", "--db", store,
                        "--json"],
                       capture_output=True, text=True, check=True)
    data = json.loads(r.stdout)
    pairs = data if isinstance(data, list) else data.get("pairs", [])
    arm = next(p for p in pairs if {p["a"], p["b"]} == {"ARM", "RUS"})
    assert arm["change"] < -0.2
