"""API keys: ``mk_<id>_<secret>``. The store keeps the id, the name, a random salt and sha256(salt + secret);
the key itself is shown once, when created. Revoked keys stay listed (with the time of revocation).

A key has scopes: ``read`` (reads, when the server closes them), ``write`` (adding documents), ``admin`` (both,
and whatever is added for administration later); and may expire. Failed keys are throttled per client address:
after ``MAX_FAILURES`` within ``FAILURE_WINDOW`` seconds the address gets 429 until the window passes."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections import deque
from datetime import UTC, date, datetime

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from ..store.db import Store, StoreError
from .errors import ApiError

KEY_FORMAT = re.compile(r"^mk_([0-9a-f]{8})_([A-Za-z0-9_-]{20,64})$")
header_scheme = APIKeyHeader(name="X-API-Key", auto_error=False,
                             description="An API key made with `marsad keys create NAME`.")


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


SCOPES = ("read", "write", "admin")
MAX_FAILURES = 10
FAILURE_WINDOW = 60.0


def parse_scopes(scopes) -> str:
    """Scopes as stored ("read,write"), checked; raises StoreError naming an unknown one."""
    items = [s.strip().lower() for part in ([scopes] if isinstance(scopes, str) else scopes) for s in part.split(",")]
    items = [s for s in items if s]
    bad = [s for s in items if s not in SCOPES]
    if bad or not items:
        raise StoreError(f"unknown scope '{bad[0] if bad else ''}' (use read, write or admin)")
    return ",".join(s for s in SCOPES if s in items)


def create_key(store: Store, name: str, scopes=("read", "write"), expires: str | None = None) -> tuple[str, dict]:
    """Returns the key (to show once) and its stored record. ``expires``: the last day (YYYY-MM-DD, UTC) it works."""
    name = name.strip()
    if not name or len(name) > 100:
        raise StoreError("a key name must have 1 to 100 characters")
    scope_text = parse_scopes(scopes)
    if expires is not None:
        try:
            expires = date.fromisoformat(expires).isoformat()
        except ValueError:
            raise StoreError(f"expiry '{expires}' is not a YYYY-MM-DD date") from None
    if store.scalar("SELECT 1 FROM api_keys WHERE name = ? AND revoked_at IS NULL", (name,)):
        raise StoreError(f"an active key named '{name}' exists; revoke it first or pick another name")
    key_id, secret, salt = secrets.token_hex(4), secrets.token_urlsafe(24), secrets.token_hex(16)
    record = {"id": key_id, "name": name, "created_at": _now(), "revoked_at": None, "scopes": scope_text,
              "expires_at": expires}
    with store.transaction():
        store.execute("INSERT INTO api_keys (id, name, salt, hash, created_at, scopes, expires_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (key_id, name, salt, _digest(salt, secret), record["created_at"], scope_text, expires))
    return f"mk_{key_id}_{secret}", record


def revoke_key(store: Store, name_or_id: str) -> list[dict]:
    """Revokes the active key with that name, or the key with that id; returns what was revoked."""
    found = store.rows("SELECT id, name FROM api_keys WHERE revoked_at IS NULL AND (name = ? OR id = ?)",
                       (name_or_id, name_or_id))
    when = _now()
    with store.transaction():
        for r in found:
            store.execute("UPDATE api_keys SET revoked_at = ? WHERE id = ?", (when, r["id"]))
    return [{**r, "revoked_at": when} for r in found]


def list_keys(store: Store) -> list[dict]:
    return store.rows("SELECT id, name, created_at, revoked_at, scopes, expires_at FROM api_keys "
                      "ORDER BY created_at, id")


def check_key(store: Store, key: str | None) -> dict | None:
    """The active key record matching ``key``, else None."""
    m = KEY_FORMAT.match(key or "")
    if not m:
        return None
    rows = store.rows("SELECT id, name, salt, hash, scopes, expires_at FROM api_keys "
                      "WHERE id = ? AND revoked_at IS NULL", (m.group(1),))
    if rows and hmac.compare_digest(rows[0]["hash"], _digest(rows[0]["salt"], m.group(2))):
        r = rows[0]
        return {"id": r["id"], "name": r["name"], "scopes": r["scopes"].split(","), "expires_at": r["expires_at"]}
    return None


class FailedKeys:
    """Recent failed key attempts per client address (one per app, on app.state; bounded in size)."""

    MAX_CLIENTS = 10_000

    def __init__(self, limit: int = MAX_FAILURES, window: float = FAILURE_WINDOW):
        self.limit, self.window = limit, window
        self._seen: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque:
        q = self._seen.get(client) or deque()
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def wait(self, client: str) -> float:
        """Seconds this client must wait before its next try (0: may try now)."""
        now = time.monotonic()
        with self._lock:
            q = self._recent(client, now)
            return self.window - (now - q[0]) if len(q) >= self.limit else 0.0

    def failed(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            q = self._recent(client, now)
            q.append(now)
            self._seen[client] = q
            if len(self._seen) > self.MAX_CLIENTS:  # forget the clients idle longest
                for c in list(self._seen)[: self.MAX_CLIENTS // 10]:
                    del self._seen[c]


def _verify(request: Request, key: str | None, needed: bool, scope: str) -> dict | None:
    if not needed:
        return None
    if not key:
        raise ApiError(401, "this endpoint needs an API key in the X-API-Key header (marsad keys create NAME)")
    failures: FailedKeys = request.app.state.failed_keys
    client = request.client.host if request.client else "?"
    wait = failures.wait(client)
    if wait > 0:
        raise ApiError(429, f"too many failed API keys from this address; try again in {int(wait) + 1} s",
                       headers={"Retry-After": str(int(wait) + 1)})
    with request.app.state.pool.store() as store:
        record = check_key(store, key)
    if record is None:
        failures.failed(client)
        raise ApiError(401, "API key not valid (unknown, mistyped or revoked)")
    if record["expires_at"] and record["expires_at"] < datetime.now(UTC).date().isoformat():
        failures.failed(client)
        raise ApiError(401, f"API key '{record['name']}' expired after {record['expires_at']}")
    if scope not in record["scopes"] and "admin" not in record["scopes"]:
        raise ApiError(403, f"API key '{record['name']}' may not {scope} (scopes: {', '.join(record['scopes'])})")
    return record


def require_write(request: Request, key: str | None = Security(header_scheme)) -> dict | None:
    return _verify(request, key, True, "write")


def require_read(request: Request, key: str | None = Security(header_scheme)) -> dict | None:
    return _verify(request, key, request.app.state.config.read_keys_required, "read")
