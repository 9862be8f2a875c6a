"""A two-node Ray cluster on this machine, loopback only, shared by the ``ray`` suite.

Both nodes are started with 127.0.0.1 as their address and ``LOOPBACK_SWITCH`` set before ray is
imported (Ray would otherwise advertise, and dial, the machine's network address). Starting is
bounded by a hard timeout, so a misconfigured node fails the suite instead of hanging it.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeqa.service.ray_cluster import LOOPBACK_SWITCH, start_local_cluster

START_TIMEOUT_S = 120


def listening_addresses(pids: set[int]) -> set[str]:
    """The local addresses of the TCP sockets in LISTEN state that the given processes hold
    (Linux: ``/proc/net/tcp``, ``/proc/net/tcp6`` and each process's fd links)."""
    inodes: set[str] = set()
    for pid in pids:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:  # the process ended meanwhile
            continue
    found: set[str] = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            host = local.split(":")[0]
            raw = bytes.fromhex(host)
            if width == 8:
                found.add(".".join(str(b) for b in raw[::-1]))
            else:  # four little-endian 32-bit words
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                found.add(str(ipaddress.IPv6Address(words)))
    return found


def ray_pids() -> set[int]:
    """Processes of Ray on this machine (GCS, raylets, workers, dashboard agents)."""
    pids = set()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if b"/ray/" in cmdline or cmdline.startswith(b"ray::"):
                pids.add(int(proc.name))
    return pids


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[Any]:
    """A ``ray.cluster_utils.Cluster``: a head and one worker node, one CPU each, on 127.0.0.1
    (:func:`citeqa.service.ray_cluster.start_local_cluster`, as ``citeqa ray-local``); this process
    joins it as a driver. ``cluster.address`` is the head's ``127.0.0.1:port``."""
    cluster = start_local_cluster(nodes=2, cpus_per_node=1, timeout_s=START_TIMEOUT_S)
    import ray  # after: the loopback switch must be set before ray is imported

    try:
        yield cluster
    finally:
        ray.shutdown()
        cluster.shutdown()


@pytest.fixture
def ray_env(ray_cluster: Any) -> dict[str, str]:
    """Environment for a ``citeqa`` subprocess that joins the test cluster."""
    return {**os.environ, "HF_HUB_OFFLINE": "1", LOOPBACK_SWITCH: "0", "CITEQA_RAY_ADDRESS": ray_cluster.address}
