"""Shared pieces of the API, dashboard and PostgreSQL tests (no tests here): a demo store built from the
bundled sample corpus, an app over a copy of it, API keys, and a real server on a free localhost port."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"


def build_store(url: str, paths=(SAMPLE,), strict: bool = True) -> dict:
    """Ingest ``paths`` into the store at ``url`` with the full pipeline (text, actors, events); ingest also
    refreshes the alliance aggregates."""
    from marsad.ingest.run import ingest
    from marsad.pipeline import Pipeline
    from marsad.store.db import Store

    with Store.open(url) as store:
        report = ingest(list(paths), store, Pipeline.default("events"))
        assert not (strict and report.errors), report.errors
        return store.stats()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A SQLite demo store, built once per session; tests that write use ``demo_copy``."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    stats = build_store(str(path))
    assert stats["events"] > 0, "the sample corpus should give events"
    from marsad.store.db import Store

    with Store.open(str(path)) as store:  # fold the WAL into the file so a plain copy is complete
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path) -> Path:
    path = tmp_path / "store.db"
    shutil.copy(demo_db, path)
    return path


def make_app(db: str, data_dir: Path, **config):
    from marsad.api.app import create_app
    from marsad.api.config import Config

    return create_app(db, Config(data_dir=data_dir, **config))


def new_key(db: str, name: str = "tester") -> str:
    from marsad.api.auth import create_key
    from marsad.store.db import Store

    with Store.open(db) as store:
        return create_key(store, name)[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn in a thread, on 127.0.0.1 only."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
