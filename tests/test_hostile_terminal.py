"""User strings that look like Rich markup print as themselves and never crash the CLI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from rich.console import Console

from marsad.cli.termsafe import esc


def marsad(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.mark.parametrize("value", ["[/bold]x", "[red]أحمر[/red]", "[link=javascript:alert(1)]x[/link]", "x\\", "\\[/bold]", "["])
def test_esc_prints_the_string_itself(value):
    console = Console(record=True, width=200)
    console.print(f"[bold]{esc(value)}[/bold]")
    assert console.export_text().rstrip("\n") == value


def test_key_names_with_markup(tmp_path):
    db = str(tmp_path / "k.db")
    made = marsad("keys", "create", "[/bold]x", "--db", db)
    assert made.returncode == 0, made.stderr
    assert "[/bold]x" in made.stdout and "mk_" in made.stdout
    listed = marsad("keys", "list", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert "[/bold]x" in listed.stdout
    gone = marsad("keys", "revoke", "[/bold]x", "--db", db)
    assert gone.returncode == 0 and "[/bold]x" in gone.stdout


def test_paths_titles_and_sources_with_markup(tmp_path):
    news = tmp_path / "[red]news"
    news.mkdir()
    (news / "bad[bold].jsonl").write_text('{"text": ""}\n' + json.dumps(
        {"text": "قالت وزارة الخارجية الروسية إن موسكو سترد على العقوبات الجديدة.", "title": "[/bold]عنوان",
         "source": "[/i]مصدر"}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    r = marsad("ingest", "--db", db, "--upto", "text", str(news))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "[red]news/bad[bold].jsonl:1" in r.stderr.replace("\n", "") and "added 1" in r.stdout
    stats = marsad("stats", "--db", db)
    assert stats.returncode == 0 and "[/i]مصدر" in stats.stdout, stats.stderr
    (did,) = sqlite3.connect(db).execute("SELECT id FROM documents").fetchone()
    shown = marsad("show", did, "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "[/bold]عنوان" in shown.stdout and "[red]news/bad[bold].jsonl" in shown.stdout.replace("\n", "")
    missing = marsad("show", "[/x]", "--db", db)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
