"""A newcomer's first hour, scripted (issue 15): every command line of the README's Usage and Alliance sections,
as written there (placeholders filled, [optional] parts included, a|b|c alternatives each run), against a demo
store, must exit 0 without a traceback; then `marsad demo --serve` in a fresh folder must reach a dashboard that a
browser can show (screenshot to screenshots/, a CI artefact). A fresh venv is CI's job (.ci/run); here the
installed package is used so the suite stays fast."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from test_api_support import ROOT, demo_db, free_port  # noqa: F401  (fixture)

README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
pytestmark = pytest.mark.slow


def readme_block(after_heading: str) -> list[str]:
    """The ``marsad …`` lines of the first bash block after a heading (comments dropped, `;` splits)."""
    text = README.read_text(encoding="utf-8")
    start = text.index(after_heading)
    block = re.search(r"```bash\n(.*?)```", text[start:], re.S).group(1)
    out = []
    for line in block.splitlines():
        for part in line.split("#")[0].split(";"):
            if part.strip().startswith("marsad "):
                out.append(part.strip())
    return out


def expand(line: str, fill: dict[str, str]) -> list[list[str]]:
    """One README line -> the argument lists to run: [x] included, a|b alternatives one each, placeholders filled."""
    line = re.sub(r"\[([^\]]*)\]", r"\1", line)
    variants = [[]]
    for word in shlex.split(line)[1:]:
        options = word.split("|") if "|" in word and not word.startswith("postgresql") else [word]
        variants = [v + [o] for v in variants for o in options]
    runs = []
    for v in variants:
        args = [fill.get(w, w) for w in v]
        args = [a for w in args for a in (w if isinstance(w, list) else [w])]
        if "parquet" in args and "-o" not in args:  # binary output needs a file: the README's [-o FILE]
            args += ["-o", fill["FILE"] + ".parquet"]
        runs.append(args)
    return runs


@pytest.fixture(scope="module")
def workspace(demo_db, tmp_path_factory):  # noqa: F811
    work = tmp_path_factory.mktemp("newcomer")
    store = work / "marsad.db"
    shutil.copy(demo_db, store)
    news = work / "news"
    news.mkdir()
    (news / "article.txt").write_text("روسيا وأرمينيا تبحثان التعاون\nبحث وزير الخارجية الروسي مع نظيره الأرميني "
                                      "في موسكو أمس التعاون بين البلدين.\n", encoding="utf-8")
    (news / "README.md").write_text("# my articles\n", encoding="utf-8")
    record = work / "in.jsonl"
    record.write_text('{"id": "x1", "text": "زار الرئيس الصيني موسكو أمس.", "date": "2025-05-01"}\n', encoding="utf-8")
    return work, store, news, record


def fill_for(work: Path, store: Path, news: Path, record: Path) -> dict:
    from marsad.store.db import Store

    with Store.open(str(store)) as s:
        doc = s.scalar("SELECT id FROM documents ORDER BY seq LIMIT 1")
        s.execute("INSERT INTO candidates (name, title, guess_code, guess_agent, count, example, doc_id, status) "
                  "VALUES ('سامي التجريبي', 'وزير الخارجية', 'EGY', 'GOV', 2, '', ?, 'new') ON CONFLICT DO NOTHING",
                  (doc,))
    return {"PATH...": str(news), "DOC_ID": doc, "FILE": str(work / "out"), "GOLD": str(ROOT / "tests/gold/own_events.jsonl"),
            "NAME": "سامي التجريبي", "X": "EGY", "rus.html": str(work / "rus.html"), "10": "0.02"}


def test_every_readme_command_runs_cleanly(workspace, monkeypatch):
    work, store, news, record = workspace
    fill = fill_for(work, store, news, record)
    lines = readme_block("## Usage") + readme_block("## Alliance knowledge graph")
    assert len(lines) >= 20
    monkeypatch.setenv("MARSAD_DB", str(store))
    monkeypatch.delenv("MARSAD_DICT", raising=False)
    runner = CliRunner()
    ran = []
    for line in lines:
        for args in expand(line, fill):
            if args[0] == "demo":
                continue  # its own test below
            if args[0] == "extract":
                args[-1] = str(record)
            if args[:2] == ["dict", "accept"]:
                args += ["--file", str(work / "marsad_user.yaml")]
            if args[0] == "bench":
                args += ["--stage", "text"]
            shared = args[0] == "eval" or any(a.startswith("../shared") for a in args)  # eval; bench --press
            if shared and not SHARED.exists():
                continue  # needs ../shared beside the repository
            monkeypatch.chdir(ROOT if shared else work)
            r = runner.invoke(app, args, catch_exceptions=True)
            assert r.exception is None or isinstance(r.exception, SystemExit), (args, r.exception)
            assert r.exit_code == 0, (args, r.stdout[-500:], r.stderr[-500:])
            assert "Traceback" not in r.stderr, args
            ran.append(" ".join(args[:2]))
    for must in ("ingest", "stats", "show", "actors --code", "extract", "export events", "eval actors", "dict check",
                 "dict candidates", "dict accept", "bench --mb", "allies RUS", "dyad RUS", "drift --since",
                 "blocs --as-of", "whatif attack", "sources", "report RUS", "export graph", "export dyads",
                 "dict suggest-ties"):
        assert any(x.startswith(must) for x in ran) or (must.startswith("eval") and not SHARED.exists()), must
    assert (work / "rus.html").stat().st_size > 10_000
    assert not (ROOT / "marsad.db").exists() and not (ROOT / "marsad_user.yaml").exists()


def test_demo_serve_from_a_fresh_folder_reaches_the_dashboard(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("MARSAD_DB", None)
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "demo", "--serve", "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 240
        while True:
            try:
                html = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"demo --serve did not serve: {proc.stdout.read()[-2000:]}")
                time.sleep(0.5)
        assert 'id="app"' in html
        assert (tmp_path / "marsad-demo.db").exists()
        shot = browser_screenshot(url, ROOT / "screenshots" / "newcomer-demo-serve.png")
        assert shot.stat().st_size > 10_000
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    assert "Traceback" not in proc.stdout.read()


def browser_screenshot(url: str, path: Path) -> Path:
    from test_dashboard import ARGS, CHROMIUM, need_browser

    need_browser()
    from playwright.sync_api import sync_playwright

    path.parent.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = b.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector("#app[data-ready='1']", timeout=30_000)
        assert page.locator("[data-stat='documents'] .value").inner_text() == "60"
        page.screenshot(path=str(path), full_page=True)
        b.close()
    return path
