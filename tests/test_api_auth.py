"""API keys: writes need one; reads can be closed; keys are stored hashed; the CLI manages them."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_api_support import demo_copy, demo_db, make_app, new_key  # noqa: F401  (fixtures)

DOC = {"text": "استقبل الرئيس الروسي في موسكو وزير الخارجية الإيراني لبحث التعاون بين البلدين.",
       "title": "لقاء في موسكو", "source": "test-wire", "published": "2024-03-01"}


@pytest.fixture
def setup(demo_copy, tmp_path):  # noqa: F811
    db = str(demo_copy)
    key = new_key(db, "writer")
    with TestClient(make_app(db, tmp_path / "data")) as c:
        yield c, db, key


def test_write_without_key_is_refused(setup):
    c, _, _ = setup
    r = c.post("/api/documents", json=DOC)
    assert r.status_code == 401 and "X-API-Key" in r.json()["error"]


@pytest.mark.parametrize("bad", ["nonsense", "mk_00000000_" + "x" * 32, ""])
def test_write_with_wrong_key_is_refused(setup, bad):
    c, _, key = setup
    r = c.post("/api/documents", json=DOC, headers={"X-API-Key": bad})
    assert r.status_code == 401
    tampered = key[:-1] + ("A" if key[-1] != "A" else "B")
    assert c.post("/api/documents", json=DOC, headers={"X-API-Key": tampered}).status_code == 401


def test_write_with_key_then_revoked(setup):
    from marsad.api.auth import revoke_key
    from marsad.store.db import Store

    c, db, key = setup
    r = c.post("/api/documents", json=DOC, headers={"X-API-Key": key})
    assert r.status_code == 201, r.text
    doc_id = r.json()["files"][0]["documents"][0]["id"]
    assert c.get(f"/api/documents/{doc_id}").json()["title"] == "لقاء في موسكو"
    with Store.open(db) as store:
        assert [k["name"] for k in revoke_key(store, "writer")] == ["writer"]
    r = c.post("/api/documents", json={**DOC, "text": DOC["text"] + " ثانية"}, headers={"X-API-Key": key})
    assert r.status_code == 401 and "revoked" in r.json()["error"]


def test_keys_are_stored_hashed_with_a_salt(setup):
    from marsad.api.auth import check_key, create_key
    from marsad.store.db import Store

    _, db, key = setup
    with Store.open(db) as store:
        other, _ = create_key(store, "second")
        rows = store.rows("SELECT * FROM api_keys ORDER BY name")
        assert check_key(store, key)["name"] == "writer" and check_key(store, other)["name"] == "second"
    dump = json.dumps(rows)
    assert key not in dump and key.split("_", 2)[2] not in dump and other.split("_", 2)[2] not in dump
    assert len({r["salt"] for r in rows}) == 2 and all(len(r["hash"]) == 64 for r in rows)


def test_reads_can_be_closed(demo_copy, tmp_path, monkeypatch):  # noqa: F811
    db = str(demo_copy)
    key = new_key(db)
    with TestClient(make_app(db, tmp_path / "d1", read_keys_required=True)) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"X-API-Key": "mk_12345678_" + "y" * 32}).status_code == 401
        assert c.get("/api/events", headers={"X-API-Key": key}).status_code == 200
        assert c.get("/openapi.json").status_code == 200  # the description of the API stays readable
    monkeypatch.setenv("MARSAD_READ_KEYS_REQUIRED", "1")
    from marsad.api.app import create_app
    from marsad.api.config import Config

    with TestClient(create_app(db, Config.from_env(data_dir=tmp_path / "d2"))) as c:
        assert c.get("/api/stats").status_code == 401
    monkeypatch.delenv("MARSAD_READ_KEYS_REQUIRED")
    with TestClient(create_app(db, Config.from_env(data_dir=tmp_path / "d3"))) as c:
        assert c.get("/api/stats").status_code == 200


def test_cli_keys_create_list_revoke(tmp_path):
    from marsad.cli import app

    db = str(tmp_path / "k.db")
    runner = CliRunner()
    r = runner.invoke(app, ["keys", "create", "alice", "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    made = json.loads(r.stdout)
    assert made["key"].startswith("mk_") and made["name"] == "alice"
    assert runner.invoke(app, ["keys", "create", "alice", "--db", db]).exit_code == 2  # name in use
    listed = json.loads(runner.invoke(app, ["keys", "list", "--db", db, "--json"]).stdout)
    assert [k["name"] for k in listed] == ["alice"] and "key" not in listed[0]
    r = runner.invoke(app, ["keys", "revoke", made["id"], "--db", db])
    assert r.exit_code == 0 and "revoked" in r.stdout
    assert runner.invoke(app, ["keys", "revoke", "alice", "--db", db]).exit_code == 1  # nothing active left
    listed = json.loads(runner.invoke(app, ["keys", "list", "--db", db, "--json"]).stdout)
    assert listed[0]["revoked_at"]
    assert runner.invoke(app, ["keys", "create", "alice", "--db", db]).exit_code == 0  # name free again
    assert "serve" in [c.name or c.callback.__name__ for c in app.registered_commands]
