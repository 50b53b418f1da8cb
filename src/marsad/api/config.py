"""Server settings: from arguments, else environment variables, else defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Config:
    data_dir: Path = Path("marsad-data")  # uploads are kept here, under generated names
    read_keys_required: bool = False  # True: reads need an API key too
    max_upload_bytes: int = 20 * 1024 * 1024  # whole request body of a write
    pipeline: str = "events"  # stages run on documents sent to the API (text | actors | events)
    pool_size: int = 8  # idle store connections kept open
    worker_threads: int = 0  # threads running request handlers at once (0: anyio's default, 40)
    trusted_hosts: tuple[str, ...] = ()  # Host names served (empty: any; `marsad serve` on localhost: localhost)
    upload_retention_days: float = 30  # uploaded files are deleted after this many days (0: once ingested)

    @classmethod
    def from_env(cls, **overrides) -> Config:
        env = os.environ
        cfg = cls(
            data_dir=Path(env.get("MARSAD_DATA_DIR", "marsad-data")),
            read_keys_required=env.get("MARSAD_READ_KEYS_REQUIRED", "").strip().lower() in TRUE,
            max_upload_bytes=int(float(env.get("MARSAD_MAX_UPLOAD_MB", "20")) * 1024 * 1024),
            pipeline=env.get("MARSAD_PIPELINE", "events"),
            trusted_hosts=tuple(h.strip() for h in env.get("MARSAD_TRUSTED_HOSTS", "").split(",") if h.strip()),
            upload_retention_days=float(env.get("MARSAD_UPLOAD_RETENTION_DAYS", "30")),
            pool_size=int(env.get("MARSAD_POOL_SIZE", str(cls.pool_size))),
            worker_threads=int(env.get("MARSAD_WORKER_THREADS", str(cls.worker_threads))),
        )
        return replace(cfg, **{k: v for k, v in overrides.items() if v is not None})
