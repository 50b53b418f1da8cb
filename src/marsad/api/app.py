"""The web application: REST API under /api, dashboard at /, OpenAPI at /openapi.json.

State lives on ``app.state``: config, store pool, actor index, the ingest pipeline (built on first write)
and the lock that serialises writes.
"""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial

from fastapi import FastAPI

from .. import __version__
from ..analysis.aggregate import ensure_fresh
from ..store.db import Store, resolve_url
from . import errors, schema, search
from .actors import ActorIndex
from .auth import FailedKeys
from .config import Config
from .guard import Guard
from .pool import StorePool
from .security import LOOPBACK_HOSTS, SecurityHeaders
from .warm import warm_caches

DESCRIPTION = """Marsad: Arabic political events and alliances.

Reads are open unless the server requires keys (`MARSAD_READ_KEYS_REQUIRED=1`); writes need an API key in the
`X-API-Key` header (`marsad keys create NAME`). Lists are paged with `limit`/`offset` in a stable order and come
as `{items, total, limit, offset, next_offset}`. Errors come as `{error, status[, detail]}`."""


class LazyPipeline:
    """Builds the pipeline on first use (loading dictionaries takes a while); callers hold the write lock."""

    def __init__(self, name: str):
        self.name = name
        self._pipeline = None

    def __call__(self):
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline.default(self.name)
        return self._pipeline


def create_app(db_url: str | None = None, config: Config | None = None) -> FastAPI:
    config = config or Config.from_env()
    url = resolve_url(db_url)
    with Store.open(url) as store:  # migrate and index once, before serving
        search.ensure_index(store)
        ensure_fresh(store)  # finish an alliance refresh that a killed ingest left pending
    warm_caches()  # built once here, not by every worker thread of the first requests at once

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if config.worker_threads:  # fewer reader threads leave an upload's pipeline more of the interpreter lock
            from anyio.to_thread import current_default_thread_limiter

            current_default_thread_limiter().total_tokens = config.worker_threads
        yield
        app.state.pool.close()

    from . import routes_read, routes_web, routes_write

    # docs_url/redoc_url off: FastAPI's pages load scripts from a CDN; the dashboard has its own API page
    app = FastAPI(title="Marsad", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.config = config
    app.state.db_url = url
    app.state.pool = StorePool(url, config.pool_size)
    app.state.actors = ActorIndex()
    app.state.pipeline = LazyPipeline(config.pipeline)
    app.state.write_lock = threading.Lock()
    app.state.failed_keys = FailedKeys()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    errors.install(app)
    app.add_middleware(Guard, max_body=config.max_upload_bytes)
    app.add_middleware(SecurityHeaders, trusted_hosts=config.trusted_hosts)  # outermost: every answer gets headers
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    routes_web.install(app)
    schema.install(app)
    return app


def served_config(config: Config, host: str) -> Config:
    """A server listening on loopback answers to loopback names only, unless trusted hosts are set."""
    if not config.trusted_hosts and host in LOOPBACK_HOSTS:
        return replace(config, trusted_hosts=LOOPBACK_HOSTS)
    return config


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, config: Config | None = None) -> None:
    """Run the server until interrupted (``marsad serve``, ``marsad demo --serve``)."""
    import uvicorn

    app = create_app(db, served_config(config or Config.from_env(), host))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    print(f"Marsad dashboard: http://{host}:{port}/   API: http://{host}:{port}/api-docs", flush=True)
    run = partial(uvicorn.run, app, host=host, port=port, log_level="info")
    run()
