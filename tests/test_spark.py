"""Spark parity: `marsad spark ingest` (local[2]) then `marsad spark load` give the store of `marsad ingest` on
the same input: document ids and order, near-duplicates, sentences, mentions, events, clusters and alliance
aggregates. Needs the `spark` extra and Java; skipped without them (CI installs both)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from marsad.store.db import Store
from test_scale import contents, write_corpus

MARSAD = [sys.executable, "-m", "marsad"]
TABLES = ("documents", "sentences", "mentions", "events", "candidates", "clusters", "dyad_month", "dyads",
          "near_dup_bands")


def need_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI must install the spark extra (pip install -e '.[spark]')")
        pytest.skip("pyspark not installed (pip install 'marsad[spark]')")
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Java 17 (openjdk-17-jre-headless)")
        pytest.skip("java not found")


def test_spark_ingest_and_load_give_the_store_of_marsad_ingest(tmp_path, seeds_dir):
    need_spark()
    inputs = [str(p) for p in write_corpus(tmp_path / "in")] + [str(seeds_dir)]
    out = tmp_path / "out"
    job = subprocess.run([*MARSAD, "spark", "ingest", *inputs, str(out), "--master", "local[2]", "--json"],
                         capture_output=True, text=True, timeout=600)
    assert job.returncode == 1, job.stderr[-3000:]  # the corpus has one broken line, reported by name
    summary = json.loads(job.stdout)
    assert summary["errors"] == 1 and "b.jsonl" in job.stderr
    assert (out / "events").is_dir() and any(p.name.startswith("month=") for p in (out / "events").iterdir())

    spark_db, local_db = str(tmp_path / "spark.db"), str(tmp_path / "local.db")
    load = subprocess.run([*MARSAD, "spark", "load", str(out), "--db", spark_db, "--json"], capture_output=True,
                          text=True)
    assert load.returncode == 0, load.stderr[-3000:]
    ing = subprocess.run([*MARSAD, "ingest", *inputs, "--db", local_db, "--json"], capture_output=True, text=True)
    assert ing.returncode == 1, ing.stderr[-3000:]
    local = json.loads(ing.stdout)
    assert (summary["added"], summary["near_duplicates"], summary["events"]) == (
        local["added"], local["near_duplicates"], local["events"])
    with Store.open(spark_db) as a, Store.open(local_db) as b:
        got, want = contents(a), contents(b)
    for t in TABLES:
        assert got[t] == want[t], t
    assert local["near_duplicates"] >= 15 and len(want["clusters"]) > 20 and len(want["dyad_month"]) > 20
