"""Safe to bind to a network, over real HTTP: Host allow-list, Origin checks, API keys, CORS, and
the refusal of an open bind."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from citeqa.service.security import host_name
from tests.conftest import REFUGEE_QUESTION
from tests.service.conftest import LiveServer, serving

KEY = "s3cret-key-0123456789"
ROUTES = [("POST", "/ask"), ("GET", "/documents"), ("GET", "/documents/000_8331c893f7b6c2e7.txt"),
          ("GET", "/view/000_8331c893f7b6c2e7.txt"), ("GET", "/"), ("POST", "/mcp"), ("GET", "/tools/openai"),
          ("POST", "/tools/openai/call")]


def _send(client: httpx.Client, method: str, path: str, **kwargs: object) -> httpx.Response:
    body = {"question": REFUGEE_QUESTION} if path == "/ask" else {}
    if path == "/tools/openai/call":
        body = {"name": "ask", "arguments": '{"question": "Is China a party?"}'}
    return client.request(method, path, json=body if method == "POST" else None, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def keyed(live_server: LiveServer) -> Iterator[str]:
    settings = live_server.settings.model_copy(update={"api_keys": f"other-key, {KEY}",
                                                       "cors_origins": "https://app.example"})
    with serving(settings, live_server.engine) as url:
        yield url


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_a_foreign_host_is_refused_on_every_route(client: httpx.Client, method: str, path: str) -> None:
    response = _send(client, method, path, headers={"Host": "evil.example"})
    assert response.status_code == 421
    assert response.json()["error"] == "MisdirectedRequest" and "evil.example" in response.json()["detail"]


def test_loopback_hosts_are_served(client: httpx.Client, live_server: LiveServer) -> None:
    port = live_server.url.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST"):
        assert client.get("/documents", headers={"Host": host}).status_code == 200


def test_a_foreign_origin_cannot_post_but_the_page_origin_can(client: httpx.Client, live_server: LiveServer) -> None:
    refused = client.post("/ask", json={"question": REFUGEE_QUESTION}, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403 and "evil.example" in refused.json()["detail"]
    mcp = client.post("/mcp", json={}, headers={"Origin": "http://evil.example"})
    assert mcp.status_code == 403
    own = client.post("/ask", json={"question": REFUGEE_QUESTION}, headers={"Origin": live_server.url})
    assert own.status_code == 200


@pytest.mark.parametrize(("method", "path"), [r for r in ROUTES if r[1] != "/"])
def test_with_keys_every_data_route_needs_one(keyed: str, method: str, path: str) -> None:
    with httpx.Client(base_url=keyed, timeout=30) as http:
        missing = _send(http, method, path)
        assert missing.status_code == 401, missing.text
        assert missing.headers["www-authenticate"] == 'Bearer realm="citeqa"'
        assert missing.json()["error"] == "Unauthorized" and KEY not in missing.text
        wrong = _send(http, method, path, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = _send(http, method, path, headers={"Authorization": f"Bearer {KEY}"})
        assert right.status_code != 401, right.text
        if path != "/mcp":  # /mcp wants an MCP session; the key got it past the guard
            assert right.status_code == 200, right.text


def test_with_keys_two_authorization_headers_are_refused(keyed: str) -> None:
    with httpx.Client(base_url=keyed, timeout=30) as http:
        for pair in ([f"Bearer {KEY}", "Bearer nope"], ["Bearer nope", f"Bearer {KEY}"], [f"Bearer {KEY}"] * 2):
            headers = httpx.Headers([("Authorization", value) for value in pair])
            response = http.post("/ask", json={"question": REFUGEE_QUESTION}, headers=headers)
            assert response.status_code == 400 and "more than one Authorization" in response.json()["detail"], pair


def test_with_keys_health_and_the_page_shell_stay_public(keyed: str) -> None:
    with httpx.Client(base_url=keyed, timeout=30) as http:
        for path in ("/healthz", "/readyz", "/", "/static/app.js", "/docs", "/openapi.json"):
            assert http.get(path).status_code == 200, path
        # A link to /view opens with the key in the page's cookie (GET only).
        http.cookies.set("citeqa_key", KEY)
        assert http.get("/view/000_8331c893f7b6c2e7.txt").status_code == 200
        assert http.post("/ask", json={"question": REFUGEE_QUESTION}).status_code == 401


def test_cors_preflight_answered_for_configured_origins_only(keyed: str) -> None:
    with httpx.Client(base_url=keyed, timeout=30) as http:
        preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
        allowed = http.options("/ask", headers={"Origin": "https://app.example", **preflight})
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
        refused = http.options("/ask", headers={"Origin": "https://evil.example", **preflight})
        assert "access-control-allow-origin" not in refused.headers
        # The real request from the allowed origin, with its key, gets the CORS header.
        asked = http.post("/ask", json={"question": REFUGEE_QUESTION},
                          headers={"Origin": "https://app.example", "Authorization": f"Bearer {KEY}"})
        assert asked.status_code == 200 and asked.headers["access-control-allow-origin"] == "https://app.example"


def test_no_cors_by_default(client: httpx.Client) -> None:
    preflight = client.options("/ask", headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_an_open_bind_without_keys_is_refused_before_loading() -> None:
    result = subprocess.run([sys.executable, "-m", "citeqa.service.cli", "serve", "--host", "0.0.0.0", "--port", "1"],
                            capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "CITEQA_API_KEYS": "", "HOME": "/tmp"})
    assert result.returncode == 1
    assert "CITEQA_API_KEYS" in result.stderr and "--allow-open-bind" in result.stderr
    assert "Traceback" not in result.stderr


def test_host_name() -> None:
    assert host_name("Example.org:8000") == "example.org"
    assert host_name("[::1]:8000") == "[::1]"
    assert host_name("127.0.0.1") == "127.0.0.1"


def test_an_mcp_client_with_the_key_gets_a_session(keyed: str) -> None:
    import asyncio

    import httpx2
    from mcp.client.session import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async def run(headers: dict[str, str], statuses: list[int]) -> list[str]:
        async def record(response: httpx2.Response) -> None:
            statuses.append(response.status_code)

        async with httpx2.AsyncClient(headers=headers, timeout=30, event_hooks={"response": [record]}) as http, \
                streamable_http_client(f"{keyed}/mcp", http_client=http) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("ask", {"question": REFUGEE_QUESTION})
            assert not result.is_error
            return [p["doc_id"] for p in (result.structured_content or {})["passages"]]

    answered: list[int] = []
    assert asyncio.run(run({"Authorization": f"Bearer {KEY}"}, answered))
    assert 401 not in answered and answered, answered
    # No key: the transport gets 401 before any session. The MCP client turns it into an MCPError
    # ("Server returned an error response") without the status, so the status is read off the
    # responses it received.
    refused: list[int] = []
    with pytest.raises(BaseException):  # an ExceptionGroup of the client's task groups
        asyncio.run(run({}, refused))
    assert refused == [401]


def test_what_a_reviewer_tried(keyed: str, client: httpx.Client) -> None:
    """Findings of a review, each now a clear 4xx: a cookie key that is not Latin-1, malformed or
    doubled Host headers, refused preflights with no CORS header at all, and /mcp under the same
    Host rules as every route."""
    with httpx.Client(base_url=keyed, timeout=30) as http:
        http.cookies.set("citeqa_key", "%E2%82%AC")
        assert http.get("/documents").status_code == 401
        http.cookies.clear()
        refused = http.options("/ask", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "PUT"})
        assert refused.status_code == 403 and not any(h.startswith("access-control-") for h in refused.headers)
        port = keyed.rsplit(":", 1)[1]
        init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}
        for host in ("127.0.0.1", "localhost", f"[::1]:{port}"):
            mcp = http.post("/mcp", json=init, headers={"Host": host, "Authorization": f"Bearer {KEY}",
                                                        "Accept": "application/json, text/event-stream",
                                                        "Origin": "https://app.example"})
            assert mcp.status_code == 200, (host, mcp.status_code, mcp.text[:200])
    for host in ("[::1]evil.com", "127.0.0.1:evil.com", "localhost:80@evil.com", "a b"):
        response = client.get("/documents", headers={"Host": host})
        assert response.status_code in (400, 421), host
    # Two Host headers (httpx will not send them): raw HTTP/1.1.
    host, port = client.base_url.host, client.base_url.port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"GET /documents HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.split(b" ", 2)[1] == b"400", reply[:200]
    call = client.post("/tools/openai/call", content=b'{"name": "ask", "arguments": "{\\"question\\": \\"refugees\\"}", "id": "\\ud800"}',
                       headers={"content-type": "application/json"})
    assert call.status_code == 422 and call.json()["error"] == "ValidationError"
