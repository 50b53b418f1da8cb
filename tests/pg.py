"""A real, throw-away PostgreSQL server for tests (Debian's ``postgresql`` package).

``pg_server`` (session fixture) creates a cluster in a temporary folder, starts it on a free localhost port and
yields its URL; ``fresh_database(url)`` makes an empty database on it. Missing binaries fail the run under CI
and skip the tests elsewhere. As root the server runs as the ``postgres`` system user (it refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest


def pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd: list[str], as_user: list[str]) -> None:
    r = subprocess.run(as_user + cmd, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr.strip() or r.stdout.strip()}")


def missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install Debian's postgresql package)")
    pytest.skip(reason)


class PgMissing(RuntimeError):
    pass


@contextmanager
def temporary_cluster():
    """Start a throw-away PostgreSQL cluster; yields a superuser URL (C collation, fsync off)."""
    bindir = pg_bindir()
    if bindir is None:
        raise PgMissing("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin")
    as_user: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise PgMissing("runuser not found (needed to start PostgreSQL as the postgres user)")
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(tmp, "postgres", "postgres")
    data, log = tmp / "data", tmp / "server.log"
    port = free_port()
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
              "--no-locale"], as_user)
        opts = (f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=200")
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(log), "-w", "-t", "60", "start"], as_user)
    except Exception as e:
        text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {e}\n{text}") from None
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        try:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], as_user)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """URL of a superuser connection to a fresh PostgreSQL server."""
    try:
        cluster = temporary_cluster()
        url = cluster.__enter__()
    except PgMissing as e:
        missing(str(e))
    except RuntimeError as e:
        pytest.fail(str(e))
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the test server; returns its URL."""
    import psycopg

    name = "marsad_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
