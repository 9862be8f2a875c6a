"""The test cluster itself: two nodes, every address and listening socket on loopback."""

from __future__ import annotations

import http.server
import ipaddress
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from citeqa.service.errors import SettingsError
from tests.ray.conftest import listening_addresses, ray_pids

pytestmark = pytest.mark.ray


def test_every_node_and_socket_is_on_loopback(ray_cluster: Any) -> None:
    import ray

    nodes = [n for n in ray.nodes() if n["Alive"]]
    assert len(nodes) == 2
    assert {n["NodeManagerAddress"] for n in nodes} == {"127.0.0.1"}
    assert ray_cluster.address.startswith("127.0.0.1:")
    listening = listening_addresses(ray_pids())
    assert listening, "found no listening socket of Ray's processes"
    beyond = {a for a in listening if not _loopback(a)}
    assert not beyond, f"Ray listens beyond loopback: {beyond}"


def _loopback(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1, an IPv6 socket for IPv4
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


def test_loopback_addresses_are_recognised() -> None:
    from citeqa.service.ray_cluster import is_loopback_address

    assert is_loopback_address("127.0.0.1:6379") and is_loopback_address("localhost:1") and is_loopback_address("[::1]:2")
    assert not is_loopback_address("10.0.0.5:6379") and not is_loopback_address("head.example:6379")


def test_addresses_are_resolved_or_refused_with_the_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from citeqa.service.ray_cluster import resolve_address

    assert resolve_address("10.0.0.5:6379") == "10.0.0.5:6379"
    for wrong in ("ray://head:10001", "head:99999", "head", ":6379", "auto:x"):
        with pytest.raises(SettingsError):
            resolve_address(wrong)
    monkeypatch.setenv("RAY_ADDRESS", "127.0.0.1:6380")
    assert resolve_address("auto") == "127.0.0.1:6380"  # and so judged loopback, kept on loopback
    monkeypatch.delenv("RAY_ADDRESS")
    monkeypatch.setenv("RAY_TMPDIR", str(tmp_path))
    with pytest.raises(ConnectionError, match="no Ray cluster started"):
        resolve_address("auto")
    (tmp_path / "ray").mkdir()
    (tmp_path / "ray" / "ray_current_cluster").write_text("127.0.0.1:41234\n")
    assert resolve_address("auto") == "127.0.0.1:41234"


def test_a_port_that_is_not_a_ray_head_fails_in_seconds(ray_env: dict[str, str]) -> None:
    """A web server's port: the TCP probe passes, ``ray.init`` would wait forever; the gRPC
    handshake check refuses it (a new process: this one has joined the test cluster)."""
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler) as web:
        threading.Thread(target=web.serve_forever, daemon=True).start()
        env = {k: v for k, v in ray_env.items() if k != "CITEQA_RAY_ADDRESS"}
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-c", "from citeqa.service.ray_cluster import connect; "
                                 f"connect('127.0.0.1:{web.server_address[1]}', join_timeout_s=3)"],
                                env=env, capture_output=True, text=True, timeout=120)
        web.shutdown()
    assert result.returncode != 0 and "not as a Ray cluster" in result.stderr, result.stderr[-2000:]
    assert time.monotonic() - started < 60


def test_work_that_needs_more_cpus_than_are_free_is_refused(ray_cluster: Any) -> None:
    from citeqa.index.errors import RayUnavailableError
    from citeqa.service.ray_cluster import require_free_cpus

    require_free_cpus(0.5, "a test")
    with pytest.raises(RayUnavailableError, match="CPUs free; 3 embedder actors"):
        require_free_cpus(3, "3 embedder actors")


def test_serve_refuses_a_layout_the_cluster_has_no_cpus_for(ray_env: dict[str, str], tmp_path: Path) -> None:
    """Ten CPUs asked of a two-CPU cluster: refused before anything is built, instead of replicas
    left pending."""
    from tests.conftest import BUILTIN_CORPUS

    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    result = subprocess.run([str(Path(sys.executable).parent / "citeqa"), "serve", "--shards", "4", "--replicas", "2",
                             "--corpus", str(BUILTIN_CORPUS), "--index", str(tmp_path / "index"), "--port", str(port)],
                            env=ray_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "RayUnavailableError: the Ray cluster has 2 of 2 CPUs free; 2 app replicas" in result.stderr
    assert not (tmp_path / "index").exists() and time.monotonic() - started < 60
