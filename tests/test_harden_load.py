"""A cold server under load: the shared read-only tables are built once when the app is created, never by the
requests. Built lazily, the first 40 concurrent requests each built them at the same time (a cache does not stop
concurrent first calls), which kept 50 readers waiting 25-30 s (issue #14, item 8; bench/bench_load.py)."""

from __future__ import annotations

import asyncio

import httpx

from test_api_support import demo_copy, demo_db, make_app  # noqa: F401  (fixtures)

READS = ["/api/actors/RUS/allies", "/api/actors/IRN/allies", "/api/actors/RUS", "/api/sources",
         "/api/actors/RUS/whatif", "/api/blocs", "/api/dyads/RUS/CHN", "/api/event-types", "/api/actors/CHN/ties"]


def shared_caches():
    from marsad.analysis.framing_terms import load_framing
    from marsad.analysis.reader import actor_index
    from marsad.analysis.ties import bundled_ties
    from marsad.api.actors import _ties_data
    from marsad.events.ontology import load_ontology

    return {"ties": bundled_ties, "actor names": actor_index, "framing": load_framing, "formal ties": _ties_data,
            "ontology": load_ontology}


async def read_all(app, paths: list[str]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        return await asyncio.gather(*(client.get(p) for p in paths))


def test_requests_to_a_cold_server_never_build_the_shared_tables(demo_copy, tmp_path):  # noqa: F811
    caches = shared_caches()
    for fn in caches.values():  # as in a fresh server process (the store fixture's ingest filled some)
        fn.cache_clear()
    app = make_app(str(demo_copy), tmp_path / "data")
    built = {name: fn.cache_info().misses for name, fn in caches.items()}
    assert all(built.values()), built  # each table was built while the app was created
    answers = asyncio.run(read_all(app, READS * 3))  # concurrent, as 27 readers arriving at once
    assert [r.status_code for r in answers] == [200] * len(answers)
    allies = answers[0].json()
    assert allies and all("score" in a for a in allies)  # the tables were really used
    after = {name: fn.cache_info().misses for name, fn in caches.items()}
    assert after == built, f"requests rebuilt shared tables: {built} -> {after}"


def test_idle_connections_kept_is_a_setting(monkeypatch):
    from marsad.api.config import Config

    assert Config.from_env().pool_size == Config.pool_size
    monkeypatch.setenv("MARSAD_POOL_SIZE", "40")
    assert Config.from_env().pool_size == 40


def test_worker_threads_setting_caps_the_handler_threads(demo_copy, tmp_path, monkeypatch):  # noqa: F811
    from fastapi.testclient import TestClient

    from marsad.api.config import Config

    monkeypatch.setenv("MARSAD_WORKER_THREADS", "3")
    assert Config.from_env().worker_threads == 3
    app = make_app(str(demo_copy), tmp_path / "data", worker_threads=3)

    @app.get("/probe-threads")
    async def probe() -> dict:
        from anyio.to_thread import current_default_thread_limiter

        return {"tokens": current_default_thread_limiter().total_tokens}

    with TestClient(app) as client:  # the lifespan runs
        assert client.get("/probe-threads").json() == {"tokens": 3}
        assert client.get("/api/actors/RUS/allies").status_code == 200
