"""Browser-facing safety of every response, as ASGI middleware run before routing:

- only Host names in ``trusted_hosts`` are served (empty: any); a server on localhost answers to localhost names
  only, so a web page cannot reach it through DNS rebinding;
- a Content-Security-Policy without inline scripts or styles (the dashboard loads /static/*.js only), so stored
  text that slips into a page cannot run, and ``javascript:`` links do nothing; frame-ancestors 'none' and
  X-Frame-Options against clickjacking; nosniff so an uploaded or exported file is never run as script;
  no Referer sent to the outlets the dashboard links to.
"""

from __future__ import annotations

from .errors import error_response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def host_name(value: str) -> str:
    """The name part of a Host header: without the port, brackets of an IPv6 address removed, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class SecurityHeaders:
    def __init__(self, app, trusted_hosts: tuple[str, ...] = ()):
        self.app = app
        self.trusted = {h.strip().lower().strip("[]") for h in trusted_hosts if h.strip()}

    def allowed(self, host: str) -> bool:
        if not self.trusted or "*" in self.trusted:
            return True
        name = host_name(host)
        return name in self.trusted or any(t.startswith("*.") and name.endswith(t[1:]) for t in self.trusted)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in have]
            return await send(message)

        host = next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k == b"host"), "")
        if not self.allowed(host):
            shown = host[:100].encode("ascii", "replace").decode()
            return await error_response(400, f"host '{shown}' is not served here (set MARSAD_TRUSTED_HOSTS)")(
                scope, receive, with_headers)
        return await self.app(scope, receive, with_headers)
