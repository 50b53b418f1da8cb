"""Stored payloads never execute: documents whose title, outlet, text and URL carry script tags, event handlers
and javascript: links are ingested, then every dashboard page that shows them is opened in Chromium (and the
document's ↗ link clicked). Nothing may run, and no dialog may open."""

from __future__ import annotations

import json

import pytest

from test_api_support import LiveServer, build_store, make_app
from test_dashboard import ARGS, CHROMIUM, need_browser

pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "\"><a href=\"javascript:window.__pwned='href'\">x</a>",
    "[/bold]{{7*7}}${7*7}",
]
ARABIC = ("أعلنت وزارة الخارجية الروسية أن موسكو ستدعم الحكومة السورية، وقال الرئيس الروسي إن روسيا وقعت اتفاقية "
          "تعاون عسكري مع بيلاروسيا في مينسك. ")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    need_browser()
    folder = tmp_path_factory.mktemp("xss")
    lines = []
    for i, p in enumerate(PAYLOADS):
        lines.append({"text": ARABIC + p + f" ({i})", "title": f"خبر {i} {p}", "source": f"منفذ {p}",
                      "url": "javascript:window.__pwned='url'" if i % 2 == 0 else f"https://example.org/{i}",
                      "published": f"2025-03-0{i + 1}"})
    corpus = folder / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    db = str(folder / "store.db")
    build_store(db, [corpus])
    from marsad.store.db import Store

    with Store.open(db) as store:
        ids = [r["id"] for r in store.rows("SELECT id FROM documents ORDER BY published")]
    with LiveServer(make_app(db, folder / "data")) as live:
        yield live, ids


@pytest.fixture(scope="module")
def browser(hostile_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def test_no_stored_payload_executes_on_any_page(browser, hostile_server):
    server, ids = hostile_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs, outside = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.url)
               else (outside.append(route.request.url), route.abort()))
    urls = ["/", "/events", "/events?lang=en", "/sources", "/network", "/actor/RUS", "/pair/RUS/BLR", "/api-docs"]
    urls += [f"/document/{i}" for i in ids]
    seen_payload = 0
    for url in urls:
        page.goto(server.url + url)
        page.wait_for_selector("#app[data-ready='1']", timeout=20_000)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None, url
        seen_payload += page.evaluate("document.body.innerText").count("window.__pwned")
    assert seen_payload > 0  # the payloads were on the pages, as text

    for i, doc_id in enumerate(ids):
        page.goto(f"{server.url}/document/{doc_id}")
        page.wait_for_selector("#app[data-ready='1']", timeout=20_000)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
        assert not any(h.strip().lower().startswith(("javascript:", "data:", "vbscript:")) for h in hrefs), hrefs
        external = [h for h in hrefs if h.startswith("https://example.org/")]
        assert len(external) == (0 if i % 2 == 0 else 1)  # the http(s) URL is still linked
        assert page.evaluate("window.__pwned") is None

    # even a javascript: link that got into a page some other way does nothing under the CSP
    page.goto(server.url + "/")
    page.wait_for_selector("#app[data-ready='1']", timeout=20_000)
    page.evaluate("""() => { const a = document.createElement('a'); a.id = 'evil';
                             a.href = "javascript:window.__pwned='csp'"; a.textContent = 'x';
                             document.body.appendChild(a); }""")
    page.click("#evil")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and outside == []
    context.close()
