"""Web safety of the server: security headers and CSP, trusted hosts, no server paths in answers, failed-key
throttling, key scopes and expiry, upload retention, bad records answered with 422, an OpenAPI that matches."""

from __future__ import annotations

import json
import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_api_support import demo_copy, demo_db, make_app, new_key  # noqa: F401  (fixtures)

TEXT = "أعلنت وزارة الدفاع الروسية أن موسكو ومينسك ستجريان مناورات عسكرية مشتركة الشهر المقبل قرب الحدود."


@pytest.fixture
def app_db(demo_copy, tmp_path):  # noqa: F811
    return str(demo_copy), tmp_path / "data"


def test_security_headers_on_pages_api_static_and_errors(app_db):
    db, data = app_db
    with TestClient(make_app(db, data)) as c:
        for url in ("/", "/events?lang=en", "/document/abcd", "/api/stats", "/static/app.js", "/api/nothing-here",
                    "/api/events?since=bad"):
            r = c.get(url)
            csp = r.headers.get("content-security-policy", "")
            assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, url
            assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
            assert r.headers.get("x-content-type-options") == "nosniff", url
            assert r.headers.get("x-frame-options") == "DENY", url
            assert r.headers.get("referrer-policy") == "no-referrer", url


def test_pages_have_no_inline_script_or_handlers(app_db):
    db, data = app_db
    with TestClient(make_app(db, data)) as c:
        for url in ("/", "/network", "/events", "/sources", "/api-docs", "/actor/RUS", "/pair/RUS/BLR",
                    "/document/0123456789ab"):
            html = c.get(url).text
            scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I)
            assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts), url
            assert not re.search(r"\son[a-z]+\s*=", html, re.I), url
            assert "javascript:" not in html.lower() and "style=" not in html.lower(), url


def test_trusted_hosts(app_db):
    from marsad.api.app import served_config
    from marsad.api.config import Config

    db, data = app_db
    with TestClient(make_app(db, data, trusted_hosts=("localhost", "127.0.0.1", "::1"))) as c:
        assert c.get("/api/health", headers={"Host": "localhost:8000"}).status_code == 200
        assert c.get("/api/health", headers={"Host": "[::1]:8000"}).status_code == 200
        r = c.get("/api/health", headers={"Host": "evil.example:8000"})
        assert r.status_code == 400 and "evil.example" in r.json()["error"] and "MARSAD_TRUSTED_HOSTS" in r.json()["error"]
        assert r.headers.get("x-content-type-options") == "nosniff"
    assert served_config(Config(), "127.0.0.1").trusted_hosts == ("localhost", "127.0.0.1", "::1")
    assert served_config(Config(), "0.0.0.0").trusted_hosts == ()  # every interface: the operator names the hosts
    assert served_config(Config(trusted_hosts=("news.example",)), "127.0.0.1").trusted_hosts == ("news.example",)


def test_no_server_paths_in_api_answers(app_db, tmp_path):
    from marsad.ingest.run import ingest
    from marsad.pipeline import Pipeline
    from marsad.store.db import Store

    db, data = app_db
    news = tmp_path / "srv" / "news"
    news.mkdir(parents=True)
    f = news / "moscow.jsonl"
    f.write_text(json.dumps({"text": TEXT, "published": "2025-05-01"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store.open(db) as store:
        ingest([f], store, Pipeline.default("events"))
        doc_id = store.scalar("SELECT id FROM documents WHERE path = ?", (f"{f}:1",))
    assert doc_id
    with TestClient(make_app(db, data)) as c:
        d = c.get(f"/api/documents/{doc_id}").json()
        assert d["path"] == "moscow.jsonl:1"
        everything = json.dumps(d) + c.get("/api/events", params={"limit": 1000}).text
        assert str(tmp_path) not in everything and "/srv/news" not in everything
        key = new_key(db)
        r = c.post("/api/documents", json={"text": TEXT + " وأضاف البيان أن التدريبات دفاعية."},
                   headers={"X-API-Key": key})
        assert r.status_code == 201 and str(data.resolve()) not in r.text


def test_failed_keys_are_throttled(app_db):
    db, data = app_db
    good = new_key(db)
    with TestClient(make_app(db, data)) as c:
        for _ in range(10):
            r = c.post("/api/documents", json={"text": TEXT}, headers={"X-API-Key": "mk_00000000_" + "x" * 32})
            assert r.status_code == 401
        r = c.post("/api/documents", json={"text": TEXT}, headers={"X-API-Key": good})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0 and "too many" in r.json()["error"]
        assert c.get("/api/stats").status_code == 200  # open reads need no key and are not throttled


def test_throttle_window_passes():
    from marsad.api.auth import FailedKeys

    f = FailedKeys(limit=3, window=0.3)
    for _ in range(3):
        f.failed("10.0.0.1")
    assert f.wait("10.0.0.1") > 0 and f.wait("10.0.0.2") == 0
    time.sleep(0.35)
    assert f.wait("10.0.0.1") == 0


def test_key_scopes_and_expiry(app_db):
    from marsad.api.auth import create_key
    from marsad.store.db import Store, StoreError

    db, data = app_db
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    with Store.open(db) as store:
        reader = create_key(store, "reader", ["read"])[0]
        writer = create_key(store, "writer", ["write"], expires=tomorrow)[0]
        admin = create_key(store, "admin", ["admin"])[0]
        old = create_key(store, "old", ["read", "write"], expires=yesterday)[0]
        with pytest.raises(StoreError, match="unknown scope 'root'"):
            create_key(store, "x", ["root"])
        with pytest.raises(StoreError, match="not a YYYY-MM-DD"):
            create_key(store, "y", ["read"], expires="next week")
    doc = {"text": TEXT}
    with TestClient(make_app(db, data, read_keys_required=True)) as c:
        def get(key):
            return c.get("/api/stats", headers={"X-API-Key": key}).status_code

        def post(key):
            return c.post("/api/documents", json=doc, headers={"X-API-Key": key})

        assert get(reader) == 200 and get(admin) == 200 and get(writer) == 403
        r = post(reader)
        assert r.status_code == 403 and "may not write" in r.json()["error"]
        assert post(writer).status_code in (200, 201) and post(admin).status_code == 200
        r = post(old)
        assert r.status_code == 401 and f"expired after {yesterday}" in r.json()["error"]


def test_cli_keys_with_scope_and_expiry(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    db = str(tmp_path / "k.db")
    runner = CliRunner()
    r = runner.invoke(app, ["keys", "create", "ops", "--scope", "read", "--scope", "admin", "--expires", "2030-01-31",
                            "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    made = json.loads(r.stdout)
    assert made["scopes"] == "read,admin" and made["expires_at"] == "2030-01-31"
    listed = json.loads(runner.invoke(app, ["keys", "list", "--db", db, "--json"]).stdout)
    assert listed[0]["scopes"] == "read,admin" and listed[0]["expires_at"] == "2030-01-31"
    bad = runner.invoke(app, ["keys", "create", "x", "--scope", "everything", "--db", db])
    assert bad.exit_code == 2 and "unknown scope" in bad.output


def test_upload_retention(app_db):
    db, data = app_db
    key = new_key(db)
    old_day = data / "uploads" / "2020-01-01"
    old_day.mkdir(parents=True)
    stale = old_day / ("a" * 32 + ".jsonl")
    stale.write_text("{}\n")
    past = time.time() - 40 * 86400
    os.utime(stale, (past, past))
    with TestClient(make_app(db, data, upload_retention_days=30)) as c:
        r = c.post("/api/documents", json={"text": TEXT}, headers={"X-API-Key": key})
        assert r.status_code in (200, 201)
        kept = Path(data / r.json()["files"][0]["stored_as"])
    assert not old_day.exists() and kept.exists()
    with TestClient(make_app(db, data, upload_retention_days=0)) as c:
        r = c.post("/api/documents", json={"text": TEXT + " وقال المتحدث إن الخطة جاهزة."}, headers={"X-API-Key": key})
        assert r.status_code == 201
    assert not Path(data / r.json()["files"][0]["stored_as"]).exists()


def test_bad_records_answer_422_or_name_the_record(app_db):
    db, data = app_db
    key = new_key(db)
    with TestClient(make_app(db, data)) as c:
        c.headers["X-API-Key"] = key
        for bad, word in (({"text": TEXT, "published": "2024-02-30"}, "calendar date"),
                          ({"text": TEXT, "published": "2024-13-45"}, "calendar date"),
                          ({"text": "ب" + "\u0651\u064e" * 40}, "combining marks"),
                          ({"text": TEXT + "\u0000"}, "NUL")):
            r = c.post("/api/documents", json=bad)
            assert r.status_code == 422 and word in r.text, (bad, r.text)
        lines = (json.dumps({"text": TEXT, "published": "2024-13-45"}) + "\n"
                 + json.dumps({"text": TEXT + " وأكد الجانبان أهمية التنسيق."}, ensure_ascii=False) + "\n")
        r = c.post("/api/documents", files={"files": ("batch.jsonl", lines.encode(), "application/octet-stream")})
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["added"] == 1 and body["errors"] == 1
        (err,) = body["files"][0]["errors"]
        assert err["where"].endswith(".jsonl:1") and "calendar date" in err["message"]
        assert not err["where"].startswith("/")


def test_openapi_matches_open_and_closed_reads(app_db):
    db, data = app_db
    with TestClient(make_app(db, data)) as c:
        doc = c.get("/openapi.json").json()
    stats = doc["paths"]["/api/stats"]["get"]
    assert stats["security"] == [] and "401" not in stats["responses"]
    post = doc["paths"]["/api/documents"]["post"]
    assert post["security"] and {"401", "403", "413", "415", "422", "429"} <= set(post["responses"])
    one = doc["paths"]["/api/documents/{doc_id}"]["get"]["responses"]
    assert one["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "HTTPValidationError" not in json.dumps(doc)
    with TestClient(make_app(db, data, read_keys_required=True)) as c:
        stats = c.get("/openapi.json").json()["paths"]["/api/stats"]["get"]
    assert stats["security"] and "401" in stats["responses"]
