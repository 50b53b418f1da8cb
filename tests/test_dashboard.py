"""The dashboard as a person uses it: Debian's Chromium (headless, through Playwright) on a real server with the
demo store. Screenshots go to screenshots/ at the repository root."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from test_api_support import ROOT, LiveServer, demo_db, make_app  # noqa: F401  (fixture)

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


def need_browser():
    try:
        import playwright  # noqa: F401
    except ImportError:
        reason = "playwright (Python) is not installed"
    else:
        reason = "" if shutil.which(CHROMIUM) else f"{CHROMIUM} not found (apt-get install chromium)"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def server(demo_db, tmp_path_factory):  # noqa: F811
    need_browser()
    app = make_app(str(demo_db), tmp_path_factory.mktemp("web-data"))
    with LiveServer(app) as live:
        yield live


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    outside, errors = [], []

    def only_local(route):  # nothing may be fetched from anywhere but our server
        if route.request.url.startswith(server.url):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    pg.route("**/*", only_local)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert outside == [], f"requests outside the server: {outside}"
    assert errors == [], f"errors in the page: {errors}"


def ready(page) -> None:
    page.wait_for_selector("#app[data-ready='1']", timeout=20_000)


def shot(page, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_overview_arabic_then_english(page, server):
    page.goto(server.url + "/")
    ready(page)
    assert page.get_attribute("html", "lang") == "ar" and page.get_attribute("html", "dir") == "rtl"
    assert page.locator("[data-stat='documents'] .value").inner_text() == "60"
    assert page.locator("table.events tbody tr").count() > 0
    # codes and numbers are isolated from the Arabic text around them
    assert page.locator("a.actor bdi.code[dir='ltr']").count() > 0
    assert page.locator("[data-stat] bdi[dir='ltr']").count() == 5
    shot(page, "01-overview-ar")
    page.click("#lang-switch")
    ready(page)
    assert page.get_attribute("html", "lang") == "en" and page.get_attribute("html", "dir") == "ltr"
    assert "lang=en" in page.url and page.locator("h2").first.inner_text() == "Latest events"
    shot(page, "02-overview-en")
    page.click("#lang-switch")
    ready(page)
    assert page.get_attribute("html", "dir") == "rtl" and "lang=en" not in page.url


def test_find_russia_then_follow_a_pair(page, server):
    page.goto(server.url + "/")
    ready(page)
    page.fill("#find-input", "روسيا")
    page.wait_for_selector("#find-suggest li")
    page.press("#find-input", "Enter")
    page.wait_for_url(re.compile(r"/actor/RUS"))
    ready(page)
    assert "روسيا" in page.locator("h1").inner_text()
    assert page.locator("text=منظمة معاهدة الأمن الجماعي").count() > 0  # formal ties: CSTO
    assert page.locator("table.partners tbody tr").count() > 0
    assert page.locator("svg.chart").count() >= 2  # timeline + sparklines
    shot(page, "03-actor-RUS-ar")
    page.locator("table.partners a.pair-link").first.click()
    page.wait_for_url(re.compile(r"/pair/RUS/[A-Z]+"))
    ready(page)
    assert page.locator(".evidence-list .ev").count() > 0
    assert page.locator(".evidence[dir='rtl'][lang='ar'] mark.hl-trigger").count() > 0
    assert page.locator(".evidence mark.hl-actor").count() > 0
    shot(page, "04-pair-ar")
    page.goto(server.url + "/pair/RUS/PRK?lang=en")
    ready(page)
    assert page.locator("svg.chart .marker").count() > 0
    page.locator("svg.chart .marker").first.dispatch_event("click")  # markers of one day overlap
    page.wait_for_selector(".ev.flash")
    shot(page, "05-pair-RUS-PRK-en")


def test_event_explorer_filters_and_csv(page, server):
    page.goto(server.url + "/events")
    ready(page)
    total_all = int(page.locator("#result-count bdi").inner_text().replace(",", ""))
    page.fill("#event-filters input[name='actor']", "RUS")
    page.select_option("#event-filters select[name='quad']", "verbal_cooperation")
    page.click("#event-filters button[type='submit']")
    page.wait_for_url(re.compile(r"actor=RUS"))
    page.wait_for_function("document.querySelector('#result-count') && "
                           "document.querySelector('#export-csv').href.includes('actor=RUS')")
    n = int(page.locator("#result-count bdi").inner_text().replace(",", ""))
    assert 0 < n < total_all
    for code in page.locator("table.events tbody tr td:nth-child(3) bdi.code").all_inner_texts():
        assert code == "RUS"
    shot(page, "06-events-filtered-ar")
    href = page.get_attribute("#export-csv", "href")
    r = page.request.get(server.url + href)
    assert r.ok and "text/csv" in r.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(r.text().lstrip("\ufeff"))))
    assert len(rows) == n and {row["actor_code"] for row in rows} == {"RUS"}
    assert {row["quad"] for row in rows} == {"verbal_cooperation"}
    page.fill("#event-filters input[name='q']", "الروسيه")  # spelling variant of الروسية
    page.click("#event-filters button[type='submit']")
    page.wait_for_url(re.compile(r"q="))
    page.wait_for_function("document.querySelector('#export-csv').href.includes('q=')")
    assert page.locator("table.events tbody tr").count() > 0


def test_network_sources_document_and_api_pages(page, server):
    page.goto(server.url + "/network?lang=en")
    ready(page)
    nodes = page.locator("svg.graph g.node")
    assert nodes.count() > 3 and page.locator("svg.graph line.edge").count() > 0
    shot(page, "07-network-en")
    page.fill("#network-filters input[name='since']", "2024-01-01")
    page.click("#network-filters button[type='submit']")
    page.wait_for_url(re.compile(r"since=2024-01-01"))
    page.locator("svg.graph g.node[data-code='RUS']").click()
    page.wait_for_url(re.compile(r"/actor/RUS\?lang=en"))
    ready(page)
    page.goto(server.url + "/sources")
    ready(page)
    assert page.locator("text=nile-daily").count() > 0
    shot(page, "08-sources-ar")
    page.goto(server.url + "/events")
    ready(page)
    page.locator("table.events tbody tr td:last-child a").first.click()
    page.wait_for_url(re.compile(r"/document/"))
    ready(page)
    assert page.locator(".doc-text mark.hl-mention").count() > 0
    shot(page, "09-document-ar")
    page.goto(server.url + "/api-docs?lang=en")
    ready(page)
    assert page.get_by_text("/api/events", exact=True).count() > 0


def test_unknown_pages_and_api_errors_are_not_html_crashes(server):
    import httpx

    r = httpx.get(server.url + "/no/such/page")
    assert r.status_code == 404 and r.json()["error"]
    assert httpx.get(server.url + "/static/app.js").status_code == 200
    html = httpx.get(server.url + "/").text
    assert "http://" not in html.replace(server.url, "") and "https://" not in html  # no CDN
