"""What a newcomer meets on the command line: clear answers, one line per problem, exit codes that mean something.
Each test is one defect found by trying the README as a new user would (issue 15)."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.cli.examples import EXAMPLES, command_paths
from test_api_support import ROOT, demo_db  # noqa: F401  (fixture)

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_version():
    r = run("--version")
    assert r.exit_code == 0
    assert re.fullmatch(r"marsad \d+\.\d+\.\d+\n", r.stdout)


def test_read_command_without_a_store_says_so_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MARSAD_DB", raising=False)
    for args in (["stats"], ["allies", "RUS"], ["documents"], ["sources"], ["export", "events"], ["drift"]):
        r = run(*args)
        assert r.exit_code == 2, args
        assert "no store at marsad.db" in r.stderr and "marsad demo" in r.stderr, args
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("spelling", ["RUS", "rus", "Russia", "روسيا", "موسكو", "بوتين"])
def test_actor_given_by_code_or_name_in_either_language(demo_db, spelling):  # noqa: F811
    r = run("allies", spelling, "--db", str(demo_db), "--json")
    assert r.exit_code == 0, r.stderr
    partners = [p["code"] for p in json.loads(r.stdout)]
    assert "BLR" in partners and "RUS" not in partners


def test_unknown_actor_is_refused_with_suggestions(demo_db):  # noqa: F811
    for args in (["allies", "Rusia"], ["report", "Rusia"], ["dyad", "RUS", "Rusia"], ["whatif", "attack", "Rusia"]):
        r = run(*args, "--db", str(demo_db))
        assert r.exit_code == 2, args
        assert "unknown actor 'Rusia'" in r.stderr and "RUS (Russia)" in r.stderr, args
    r = run("allies", "XYZ", "--db", str(demo_db))
    assert r.exit_code == 2 and r.stdout == ""


def test_empty_drift_says_why_and_what_to_try(demo_db):  # noqa: F811
    r = run("drift", "--since", "2010-01-01", "--as-of", "2010-06-01", "--db", str(demo_db))
    assert r.exit_code == 0
    assert "nothing to show" in r.stderr and "--since" in r.stderr
    first, last = re.search(r"dated (\S+) to (\S+):", r.stderr.replace("\n", " ")).groups()
    assert first < last


def test_dyad_since_sets_the_first_month_shown(demo_db):  # noqa: F811
    r = run("dyad", "RUS", "ARM", "--since", "2022-01-01", "--as-of", "2025-12-31", "--db", str(demo_db))
    assert r.exit_code == 0
    months = re.findall(r"│ (\d{4}-\d{2}) ", r.stdout)
    assert months[0] == "2022-01" and months[-1] == "2025-12" and len(months) == 48


def test_export_graph_as_in_the_readme_writes_graphml_to_stdout(demo_db):  # noqa: F811
    r = run("export", "graph", "--format", "graphml", "--db", str(demo_db))
    assert r.exit_code == 0
    root = ET.fromstring(r.stdout_bytes)
    nodes = root.findall(".//{http://graphml.graphdrawing.org/xmlns}node")
    assert {"RUS", "ARM"} <= {n.get("id") for n in nodes}


def test_documents_lists_and_filters(demo_db):  # noqa: F811
    all_docs = json.loads(run("documents", "--db", str(demo_db), "--json", "--limit", "1000").stdout)
    assert len(all_docs) > 20
    dates = [d["published"] for d in all_docs if d["published"]]
    assert dates == sorted(dates, reverse=True)
    outlet = all_docs[0]["source"]
    one = json.loads(run("documents", "--outlet", outlet, "--db", str(demo_db), "--json", "--limit", "1000").stdout)
    assert one and all(d["source"] == outlet for d in one) and len(one) < len(all_docs)
    arm = json.loads(run("documents", "--actor", "أرمينيا", "--since", "2025-01-01", "--db", str(demo_db), "--json").stdout)
    assert arm and all(d["published"] >= "2025-01-01" and d["mentions"] > 0 for d in arm)
    r = run("show", arm[0]["id"], "--db", str(demo_db), "--json")
    assert "أرمينيا" in json.loads(r.stdout)["text"]
    r = run("documents", "--outlet", "no-such-outlet", "--db", str(demo_db))
    assert r.exit_code == 0 and "no outlet 'no-such-outlet'" in r.stderr and outlet in r.stderr


def test_every_command_has_examples_that_name_real_commands():
    paths = command_paths(app)
    assert set(paths) == set(EXAMPLES)
    for path, lines in EXAMPLES.items():
        for line in lines:
            words = shlex.split(line.split(" | ")[-1] if line.startswith("echo") else line.split("#")[0])
            assert words[0] == "marsad" and " ".join(words[1:1 + len(path.split())]) == path, line
        r = run(*path.split(), "--help")
        assert "Examples:" in r.stdout and lines[0].split()[1] in r.stdout


def test_server_packages_are_part_of_the_plain_install():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=\[ ]", d)[0] for d in deps}
    assert {"fastapi", "uvicorn", "python-multipart"} <= names


def test_serve_without_a_store_says_so(tmp_path):
    r = subprocess.run([sys.executable, "-m", "marsad", "serve", "--db", str(tmp_path / "none.db")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "no store at" in r.stderr
    assert not (tmp_path / "none.db").exists()


def test_eval_outside_the_repository_says_where_to_run_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("eval", "actors")
    assert r.exit_code == 2
    assert "gold file tests/gold/seed_actors.jsonl not found" in r.stderr and "repository root" in r.stderr


def test_csv_exports_open_right_in_excel(demo_db, tmp_path):  # noqa: F811
    for kind in ("events", "dyads"):
        out = tmp_path / f"{kind}.csv"
        assert run("export", kind, "--format", "csv", "-o", str(out), "--db", str(demo_db)).exit_code == 0
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows and all(not k.startswith("\ufeff") for k in rows[0])
        piped = run("export", kind, "--format", "csv", "--db", str(demo_db)).stdout
        assert not piped.startswith("\ufeff")  # stdout feeds other tools: no mark unless asked
        assert run("export", kind, "--format", "csv", "--excel", "--db", str(demo_db)).stdout.startswith("\ufeff")
        assert not run("export", kind, "--format", "csv", "--no-excel", "-o", str(out), "--db", str(demo_db)).exit_code
        assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    events = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8"))))
    assert any("\u0600" <= ch <= "\u06ff" for r in events for ch in r["sentence"])


def test_extract_of_a_missing_file_says_so(tmp_path):
    r = run("extract", str(tmp_path / "none.jsonl"))
    assert r.exit_code == 2 and "none.jsonl: cannot read (No such file or directory)" in r.stderr


def test_a_missing_user_dictionary_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_DICT", str(tmp_path / "mine.yaml"))
    r = run("dict", "check")
    assert r.exit_code == 2 and "no dictionary file" in r.stderr and "mine.yaml" in r.stderr
