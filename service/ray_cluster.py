"""Joining a Ray cluster, and starting a local one, on loopback when asked (``citeqa[ray]``).

The edge of citeqa's Ray mode: it reads and sets the environment variables Ray reads, so that the
core (:mod:`citeqa.index.distributed`) only computes.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
import sys
from typing import Any

from citeqa.index.errors import RayUnavailableError

#: Ray turns a loopback bootstrap address into the machine's network address before it connects
#: (``ray._private.services.resolve_ip_for_localhost``), so a driver never reaches a cluster whose
#: nodes were started on 127.0.0.1 and waits on it forever. With this variable at 0 Ray takes
#: 127.0.0.1 as the node address (its behaviour on macOS and Windows). It is read when ray is
#: imported, and inherited by the processes a node starts.
LOOPBACK_SWITCH = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"


def _split(address: str) -> tuple[str, int] | None:
    """``(host, port)`` of ``host:port`` or ``[v6]:port``; None for anything else (``auto``)."""
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        return None
    return host.strip("[]"), int(port)


def is_loopback_address(address: str) -> bool:
    """Whether a Ray address (``host:port``, ``[v6]:port`` or ``auto``) names a loopback host;
    ``auto`` is judged by ``RAY_ADDRESS`` when that is set."""
    if address == "auto":
        address = os.environ.get("RAY_ADDRESS", "")
    split = _split(address)
    host = split[0] if split is not None else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connect(address: str, env: dict[str, str] | None = None) -> None:
    """Join a running Ray cluster as a driver (no-op when already joined).

    Args:
        address: ``auto`` (``RAY_ADDRESS``, else the cluster last started on this machine) or the
            head's ``host:port``. A loopback host keeps every connection on loopback
            (:data:`LOOPBACK_SWITCH`).
        env: environment variables for every task and actor this driver starts (Ray's job
            ``runtime_env``), besides ``HF_HUB_OFFLINE``.

    Raises:
        RayUnavailableError: ray is not installed, or ray was imported before a loopback address
            could be kept on loopback.
        ConnectionError: nothing listens at the address. Checked first, with a 5 s TCP connect:
            given a dead address, ``ray.init`` retries for minutes instead of failing.
    """
    target = _split(os.environ.get("RAY_ADDRESS", "") if address == "auto" else address)
    if target is not None:
        try:
            socket.create_connection(target, timeout=5).close()
        except OSError as exc:
            raise ConnectionError(f"no Ray cluster answers at {address} ({exc.strerror or exc}); start one "
                                  "with `ray start --head` or give the head's host:port") from exc
    if is_loopback_address(address):
        if "ray" in sys.modules and os.environ.get(LOOPBACK_SWITCH) != "0":
            raise RayUnavailableError(
                f"ray was imported before citeqa could keep {address} on loopback: set {LOOPBACK_SWITCH}=0 "
                "in the environment before Python starts"
            )
        os.environ[LOOPBACK_SWITCH] = "0"
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailableError("Ray is not installed: pip install 'citeqa[ray]'") from exc
    if not ray.is_initialized():
        env_vars = {"HF_HUB_OFFLINE": os.environ.get("HF_HUB_OFFLINE", "1"), **(env or {})}
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False, runtime_env={"env_vars": env_vars})


def start_local_cluster(nodes: int = 2, cpus_per_node: int = 1, timeout_s: int = 120) -> Any:
    """Start a Ray cluster of ``nodes`` nodes on this machine, every node on 127.0.0.1, and join it.

    ``ray start`` cannot do this: with :data:`LOOPBACK_SWITCH` at 0 it refuses to add a second
    node, without it the second node dials the machine's network address and waits forever. So
    the nodes are started the way Ray's own tests start theirs (``ray.cluster_utils.Cluster``).
    Meant for trying citeqa's Ray mode and for tests; the cluster lives as long as this process.

    Args:
        nodes: nodes, head included (>= 1).
        cpus_per_node: CPUs each node offers.
        timeout_s: give up (and stop what was started) after this long, rather than hang on a
            node that cannot reach the head. Needs the main thread (SIGALRM).

    Returns:
        The ``ray.cluster_utils.Cluster``; ``.address`` is the head's ``127.0.0.1:port``,
        ``.shutdown()`` stops every node.

    Raises:
        RayUnavailableError: ray is not installed, or was imported before the switch was set.
        TimeoutError: the nodes did not come up within ``timeout_s``.
    """
    import signal

    if "ray" in sys.modules and os.environ.get(LOOPBACK_SWITCH) != "0":
        raise RayUnavailableError(f"ray was imported before {LOOPBACK_SWITCH}=0 could be set")
    os.environ[LOOPBACK_SWITCH] = "0"  # read when ray is imported; inherited by every node
    try:
        import ray
        from ray.cluster_utils import Cluster
    except ImportError as exc:
        raise RayUnavailableError("Ray is not installed: pip install 'citeqa[ray]'") from exc

    def timed_out(signum: int, frame: Any) -> None:
        raise TimeoutError(f"the local Ray cluster did not start within {timeout_s} s")

    previous = signal.signal(signal.SIGALRM, timed_out)
    signal.alarm(timeout_s)
    cluster = None
    try:
        node: dict[str, Any] = {"node_ip_address": "127.0.0.1", "num_cpus": cpus_per_node}
        cluster = Cluster(initialize_head=True, head_node_args={**node, "include_dashboard": False})
        for _ in range(nodes - 1):
            cluster.add_node(**node)
        ray.init(address=cluster.address, logging_level=logging.WARNING, log_to_driver=False)
    except BaseException:
        if cluster is not None:
            cluster.shutdown()  # type: ignore[no-untyped-call]
        raise
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return cluster
