"""The test cluster itself: two nodes, every address and listening socket on loopback."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest

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
