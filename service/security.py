"""An ASGI middleware that checks every request before any route runs: the Host name, the Origin
of state-changing and MCP requests, and the API key.

Why here and not per route: a check that lives in each route is a check some route forgets (the MCP
routes come from the SDK, the static files from Starlette). The order is the one that leaks least:

1. **Host** must be one well-formed header (else 400: none, several or malformed) naming an allowed host
   (``Settings.host_names``), else 421. A web page that uses DNS rebinding to reach a service
   bound to loopback sends its own Host name, so it never gets past this line, whatever the route.
2. **Origin**, when a browser sends one on a state-changing method (POST, PUT, DELETE, PATCH) or on
   ``/mcp``, must be the service's own origin or one of the CORS origins, else 403: another site's
   page cannot make a visitor's browser ask, write or delete.
3. **API key**, when keys are set: ``Authorization: Bearer <key>`` (compared in constant time with
   :func:`hmac.compare_digest`, :class:`~citeqa.service.access.KeyRing`), else 401 with
   ``WWW-Authenticate``. The key found becomes the request's
   :class:`~citeqa.service.access.Access` (``scope["citeqa.access"]``), which every route, the MCP
   tools included, reads for its scopes and document globs. A ``GET`` may carry the key in
   the ``citeqa_key`` cookie instead, which the page sets so that a link to ``/view/...`` opens.
   Public: ``/healthz``, ``/readyz`` and the static shell of the page and API docs (``/``,
   ``/static/``, ``/docs``, ``/swagger-ui/``, ``/openapi.json``), which hold no document text.

CORS preflights (``OPTIONS`` with ``Access-Control-Request-Method``) carry no credentials by
design: from a configured origin they go on to the CORS middleware inside this one; from any
other they get a 403 here, with no CORS header at all.

Keys are never logged: errors name the header, never its value; a key is known by its name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from http.cookies import CookieError, SimpleCookie
from urllib.parse import unquote

from starlette.types import ASGIApp, Receive, Scope, Send

from citeqa.service.access import OPEN, Access, KeyRing

#: Routes anyone may read: liveness, readiness, and the page's and docs' static shell.
PUBLIC_PATHS = frozenset({"/healthz", "/readyz", "/", "/docs", "/openapi.json", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/", "/swagger-ui/")
#: Methods that change nothing; a cross-site request with another method needs an allowed Origin.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
KEY_COOKIE = "citeqa_key"
#: Where the guard leaves the request's :class:`Access` in the ASGI scope.
ACCESS = "citeqa.access"
#: A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, and an optional port.
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?")


def host_name(host: str) -> str:
    """The name part of a ``Host`` header, lower case: ``"Example.org:8000"`` -> ``"example.org"``,
    ``"[::1]:8000"`` -> ``"[::1]"``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """Wrap an ASGI app with the Host, Origin and API key checks of the module docstring."""

    def __init__(self, app: ASGIApp, *, hosts: Sequence[str], keys: KeyRing,
                 cors_origins: Sequence[str]) -> None:
        """Args:
            app: the wrapped app.
            hosts: allowed Host names (lower case, no port); ``"*"`` allows any.
            keys: the API keys; empty: no key needed (every request gets :data:`OPEN` access).
            cors_origins: origins (``scheme://host[:port]``) allowed besides the service's own.
        """
        self.app = app
        self.any_host = "*" in hosts
        self.hosts = frozenset(hosts)
        self.keys = keys
        self.cors_origins = frozenset(cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or answer it with a JSON error."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = scope.get("headers") or []
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in raw}
        hosts = [value.decode("latin-1") for name, value in raw if name == b"host"]
        host = hosts[0] if len(hosts) == 1 else ""
        if len(hosts) != 1 or not _HOST.fullmatch(host.strip()):  # none, several or malformed: RFC 9112 3.2
            await _refuse(send, 400, "BadRequest", "the request needs exactly one well-formed Host header")
            return
        if not self.any_host and host_name(host) not in self.hosts:
            await _refuse(send, 421, "MisdirectedRequest",
                          f"Host {host_name(host)!r} is not served here; allowed: {', '.join(sorted(self.hosts))} "
                          "(set CITEQA_ALLOWED_HOSTS)")
            return
        method, path = scope["method"], scope["path"]
        origin = headers.get("origin")
        if origin is not None and (method not in SAFE_METHODS or path == "/mcp" or path.startswith("/mcp/")):
            own = {f"{scheme}://{host.lower()}" for scheme in ("http", "https")}
            if origin.rstrip("/").lower() not in own and origin.rstrip("/") not in self.cors_origins:
                await _refuse(send, 403, "Forbidden",
                              f"Origin {origin!r} may not call {method} {path}; allowed origins are this "
                              "service's own and CITEQA_CORS_ORIGINS")
                return
        preflight = method == "OPTIONS" and "access-control-request-method" in headers
        if preflight and (origin or "").rstrip("/") not in self.cors_origins:
            # Answered here, without any CORS header: only CITEQA_CORS_ORIGINS get a preflight.
            await _refuse(send, 403, "Forbidden", f"CORS origin {origin!r} is not allowed (CITEQA_CORS_ORIGINS)")
            return
        access = OPEN
        if self.keys and not preflight and not _public(path):
            if sum(name == b"authorization" for name, _ in raw) > 1:  # which one counts would be a guess
                await _refuse(send, 400, "BadRequest", "the request carries more than one Authorization header")
                return
            given = self._key(method, headers)
            key = self.keys.find(given) if given is not None else None
            if key is None:
                detail = ("this service needs an API key: send the header `Authorization: Bearer <key>`"
                          if given is None else "the API key sent is not one of this service's keys")
                await _refuse(send, 401, "Unauthorized", detail, [(b"www-authenticate", b'Bearer realm="citeqa"')])
                return
            access = Access(key)
        # Set by the guard alone: a value a client smuggled into the scope is overwritten here.
        scope[ACCESS] = access
        await self.app(scope, receive, send)

    def _key(self, method: str, headers: dict[str, str]) -> bytes | None:
        """The key a request carries (bearer header; on GET/HEAD also the page's cookie), or None."""
        scheme, _, token = headers.get("authorization", "").partition(" ")
        # Header values arrive as bytes (decoded as latin-1 above): their bytes are the key's UTF-8.
        given = token.strip().encode("latin-1") if scheme.lower() == "bearer" else b""
        if not given and method in ("GET", "HEAD"):
            try:
                cookie = SimpleCookie(headers.get("cookie", ""))
            except CookieError:
                cookie = SimpleCookie()
            if KEY_COOKIE in cookie:  # the page percent-encodes the key's UTF-8 (encodeURIComponent)
                given = unquote(cookie[KEY_COOKIE].value, errors="replace").encode("utf-8", "replace")
        return given or None


def access_of(scope: Scope) -> Access:
    """The :class:`Access` the guard gave a request (the ASGI scope of a route's ``Request``).

    Raises:
        RuntimeError: the app is not behind :class:`Guard` (a wiring bug: failing closed).
    """
    access = scope.get(ACCESS)
    if not isinstance(access, Access):
        raise RuntimeError("request reached a route without passing the Guard")
    return access


def _public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


async def _refuse(send: Send, status: int, error: str, detail: str,
                  extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": error, "detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(extra or [])]})
    await send({"type": "http.response.body", "body": body})
