"""Property-based run over the OpenAPI schema (schemathesis): generated requests, valid and invalid, to every
operation, with a write key; none may get a server error (5xx other than 501) or a non-JSON error.

Uses schemathesis' Python API with hypothesis directly (a bounded number of examples per operation)."""

from __future__ import annotations

import pytest

from test_api_support import build_store, make_app, new_key

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 20, schemathesis.GenerationMode.NEGATIVE: 10}


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schema")
    db = str(folder / "store.db")
    build_store(db)
    return make_app(db, folder / "data", max_upload_bytes=1_000_000), new_key(db)


def check(response, label: str) -> str | None:
    status = response.status_code
    if status >= 500 and status != 501:  # 501: an analysis not in this build, an answer rather than a crash
        return f"{label}: server error {status}: {response.text[:300]}"
    if status >= 400:
        ctype = (response.headers.get("content-type") or [""])[0]  # schemathesis: header -> list of values
        if not ctype.startswith("application/json"):
            return f"{label}: error {status} is not JSON ({ctype})"
        body = response.json()
        if not (isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"]):
            return f"{label}: error {status} without a message: {body}"
    return None


@pytest.mark.slow
def test_no_server_errors_on_generated_requests(target):
    app, key = target
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    problems: list[str] = []
    calls = 0

    def runner(op, mode, n):
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case):
            nonlocal calls
            calls += 1
            response = case.call(headers={"X-API-Key": key})
            problem = check(response, f"{op.label} [{mode.value}] {case.path_parameters} {case.query}")
            if problem and len(problems) < 20:
                problems.append(problem)

        return run

    for result in schema.get_all_operations():
        op = result.ok()
        for mode, n in EXAMPLES.items():
            try:
                runner(op, mode, n)()
            except Unsatisfiable:  # an open read without parameters has nothing to make invalid
                assert mode == schemathesis.GenerationMode.NEGATIVE
    assert calls > 300
    assert not problems, "\n".join(problems)
