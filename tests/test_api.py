"""REST API reads on the demo store: documents, events and their filters, search, actors, pairs, errors."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from test_api_support import demo_copy, demo_db, make_app  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def client(demo_db, tmp_path_factory):  # noqa: F811
    app = make_app(str(demo_db), tmp_path_factory.mktemp("data"))
    with TestClient(app) as c:
        yield c


def all_pages(client, path, params=None, limit=7):
    items, offset = [], 0
    while True:
        r = client.get(path, params={**(params or {}), "limit": limit, "offset": offset})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if body["next_offset"] is None:
            return items, body["total"]
        offset = body["next_offset"]


def test_health_stats_and_schema(client):
    assert client.get("/api/health").json()["status"] == "ok"
    s = client.get("/api/stats").json()
    assert s["documents"] == 60 and s["events"] > 0 and s["by_source"]
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{code}/allies",
                 "/api/dyads/{a}/{b}", "/api/drift", "/api/blocs", "/api/actors/{code}/whatif", "/api/sources"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"]
    assert "APIKeyHeader" in spec["components"]["securitySchemes"]


def test_documents_paged_in_a_stable_order(client):
    items, total = all_pages(client, "/api/documents")
    assert total == 60 and len(items) == 60 and len({d["id"] for d in items}) == 60
    again, _ = all_pages(client, "/api/documents", limit=13)
    assert [d["id"] for d in again] == [d["id"] for d in items]


def test_document_with_sentences_mentions_events(client):
    events = client.get("/api/events", params={"limit": 1}).json()["items"]
    doc_id = events[0]["cite_info"]["doc_id"]
    d = client.get(f"/api/documents/{doc_id}").json()
    assert d["id"] == doc_id and d["sentences"] and d["mentions"] and d["events"]
    for m in d["mentions"]:  # offsets point into the original text
        assert d["text"][m["start"]:m["end"]] == m["text"]
    assert client.get(f"/api/documents/{doc_id[:8]}").json()["id"] == doc_id  # unique prefix
    r = client.get("/api/documents/ffffffffffffffff")
    assert r.status_code == 404 and r.json() == {"error": "no document 'ffffffffffffffff'", "status": 404}


def test_events_paging_is_stable_and_complete(client):
    total = client.get("/api/events").json()["total"]
    a, n = all_pages(client, "/api/events")
    b, _ = all_pages(client, "/api/events", limit=50)
    assert n == total == len(a) and [e["id"] for e in a] == [e["id"] for e in b]
    desc, _ = all_pages(client, "/api/events", {"order": "desc"}, limit=40)
    assert [e["id"] for e in desc] == [e["id"] for e in reversed(a)]


@pytest.mark.parametrize("params, check", [
    ({"actor": "RUS"}, lambda e: e["actor"]["code"] == "RUS"),
    ({"recipient": "prk"}, lambda e: e["recipient"]["code"] == "PRK"),
    ({"party": "ARM"}, lambda e: "ARM" in (e["actor"]["code"], e["recipient"]["code"])),
    ({"event": "CONSULT,SUPPORT"}, lambda e: e["event"] in ("CONSULT", "SUPPORT")),
    ({"quad": "material_conflict"}, lambda e: e["quad"] == "material_conflict"),
    ({"since": "2023-09", "until": "2023-12"}, lambda e: "2023-09" <= e["date"] <= "2023-12-31"),
    ({"until": "2022"}, lambda e: e["date"] <= "2022-12-31"),
    ({"source": "nile-daily"}, lambda e: e["cite_info"]["source"] == "nile-daily"),
    ({"negated": "true"}, lambda e: e["negated"]),
    ({"negated": "false"}, lambda e: not e["negated"]),
    ({"modality": "future"}, lambda e: e["modality"] == "future"),
])
def test_event_filters(client, params, check):
    items, total = all_pages(client, "/api/events", params, limit=100)
    assert total == len(items)
    assert all(check(e) for e in items), [e for e in items if not check(e)][:1]
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert len(items) == sum(1 for e in everything if check(e)) or "until" in params or "since" in params


def test_event_mode_filter(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    mode = next(e["mode"] for e in everything if e["mode"])
    got = client.get("/api/events", params={"mode": mode, "limit": 1000}).json()["items"]
    assert got and {e["mode"] for e in got} == {mode}
    assert len(got) == sum(1 for e in everything if e["mode"] == mode)


def test_full_text_matches_spelling_variants(client):
    # ة/ه, hamza forms and Arabic-Indic digits are normalised on both sides
    a = client.get("/api/search", params={"q": "الروسية"}).json()
    b = client.get("/api/search", params={"q": "الروسيه"}).json()
    assert a["total"] > 0 and a == b
    c = client.get("/api/search", params={"q": "أرمينيا"}).json()
    d = client.get("/api/search", params={"q": "ارمينيا"}).json()
    assert c["total"] > 0 and c == d
    for s in c["items"]:
        assert "رمينيا" in s["text"]
    two = client.get("/api/search", params={"q": "أرمينيا أذربيجان", "limit": 200}).json()
    assert 0 < two["total"] <= c["total"]
    assert all("رمينيا" in s["text"] and "ذربيجان" in s["text"] for s in two["items"])
    short = client.get("/api/search", params={"q": "في"}).json()  # below the trigram length: LIKE path
    assert short["total"] > 0


def test_events_full_text_filter(client):
    items, _ = all_pages(client, "/api/events", {"q": "بيونغ يانغ"}, limit=100)
    assert items and all("بيونغ" in e["text_info"]["sentence"] for e in items)


def test_actors_search_arabic_latin_code(client):
    for q in ("روسيا", "Russia", "russia", "RUS"):
        items = client.get("/api/actors", params={"q": q}).json()["items"]
        assert items[0]["code"] == "RUS", q
    assert client.get("/api/actors", params={"q": "كوريا الشمالية"}).json()["items"][0]["code"] == "PRK"
    top = client.get("/api/actors", params={"limit": 3}).json()
    assert top["items"][0]["code"] == "RUS" and top["total"] > 100
    names = client.get("/api/actors/names").json()
    assert names["RUS"] == {"ar": "روسيا", "en": "Russia"}


def test_actor_page_data(client):
    a = client.get("/api/actors/rus").json()
    assert a["code"] == "RUS" and a["mentions"] > 50 and a["events"] > 0
    assert "CSTO" in {o["code"] for o in a["ties"]["organisations"]}
    assert any(t["id"] == "rus-prk-2024" for t in a["ties"]["treaties"])
    old = client.get("/api/actors/RUS/ties", params={"as_of": "2010-01-01"}).json()
    assert not any(t["id"] == "rus-prk-2024" for t in old["treaties"])
    assert a["partners"] and all(p["partner"] != "RUS" for p in a["partners"])
    timeline = client.get("/api/actors/RUS/timeline").json()
    assert timeline and sum(r["events"] for r in timeline) <= a["events"]
    assert client.get("/api/actors/QQQZZ").status_code == 404


def test_pair_events_both_directions(client):
    items, total = all_pages(client, "/api/dyads/RUS/PRK/events", limit=5)
    assert total > 0
    assert all({e["actor"]["code"], e["recipient"]["code"]} == {"RUS", "PRK"} for e in items)
    reverse, _ = all_pages(client, "/api/dyads/PRK/RUS/events", limit=5)
    assert [e["id"] for e in reverse] == [e["id"] for e in items]
    assert client.get("/api/dyads/RUS/PRK/timeline").json()


def test_analysis_endpoints_answer_json(client):
    for path in ("/api/actors/RUS/allies", "/api/dyads/RUS/PRK", "/api/drift", "/api/blocs",
                 "/api/actors/RUS/whatif", "/api/sources"):
        r = client.get(path)
        assert r.status_code in (200, 501), (path, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("application/json")
        if r.status_code == 501:
            assert "not available" in r.json()["error"]


def test_network(client):
    net = client.get("/api/network").json()
    codes = {n["code"] for n in net["nodes"]}
    assert "RUS" in codes and net["edges"]
    assert all(e["a"] < e["b"] and e["a"] in codes and e["b"] in codes for e in net["edges"])
    later = client.get("/api/network", params={"since": "2024-01-01"}).json()
    assert sum(e["events"] for e in later["edges"]) < sum(e["events"] for e in net["edges"])


def test_csv_export_of_the_selection(client):
    r = client.get("/api/events.csv", params={"actor": "RUS"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == client.get("/api/events", params={"actor": "RUS"}).json()["total"]
    assert rows and all(row["actor_code"] == "RUS" for row in rows)
    assert any("\u0600" <= ch <= "\u06ff" for ch in rows[0]["sentence"])


@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/events?limit=0", 422),
    ("get", "/api/events?limit=abc", 422),
    ("get", "/api/events?since=yesterday", 422),
    ("get", "/api/events?actor=%00", 400),
    ("get", "/api/documents/%00abc", 400),
    ("get", "/api/nothing-here", 404),
    ("delete", "/api/events", 405),
    ("get", "/api/events/does-not-exist", 404),
])
def test_errors_are_json_with_a_message(client, method, path, status):
    r = getattr(client, method)(path)
    assert r.status_code == status
    body = r.json()
    assert body["status"] == status and isinstance(body["error"], str) and len(body["error"]) > 5


def test_unexpected_errors_are_json_too(demo_copy, tmp_path, monkeypatch):  # noqa: F811
    from marsad.api import queries

    app = make_app(str(demo_copy), tmp_path / "data")

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(queries, "list_events", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/events")
    assert r.status_code == 500 and r.headers["content-type"] == "application/json"
    assert "internal error" in r.json()["error"] and "<html" not in r.text.lower()
