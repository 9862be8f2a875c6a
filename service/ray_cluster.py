"""Joining a Ray cluster, and starting a local one, on loopback when asked (``citeqa[ray]``).

The edge of citeqa's Ray mode: it reads and sets the environment variables Ray reads, so that the
core (:mod:`citeqa.index.distributed`) only computes.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from citeqa.index.errors import RayUnavailableError
from citeqa.service.errors import SettingsError

#: Ray turns a loopback bootstrap address into the machine's network address before it connects
#: (``ray._private.services.resolve_ip_for_localhost``), so a driver never reaches a cluster whose
#: nodes were started on 127.0.0.1 and waits on it forever. With this variable at 0 Ray takes
#: 127.0.0.1 as the node address (its behaviour on macOS and Windows). It is read when ray is
#: imported, and inherited by the processes a node starts.
LOOPBACK_SWITCH = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"


#: How long the head's port may take to complete a gRPC handshake (see :func:`_require_grpc`).
JOIN_TIMEOUT_S = 10


def _split(address: str) -> tuple[str, int] | None:
    """``(host, port)`` of ``host:port`` or ``[v6]:port``; None for anything else (``auto``)."""
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        return None
    return host.strip("[]"), int(port)


def resolve_address(address: str) -> str:
    """The ``host:port`` a Ray address stands for, as ``ray.init`` would find it: ``auto`` is
    ``RAY_ADDRESS``, else the cluster last started on this machine (the file
    ``ray_current_cluster`` in Ray's temporary folder, ``RAY_TMPDIR`` or ``/tmp/ray``).

    Raises:
        SettingsError: a Ray Client address (``ray://``), or not ``host:port`` with a port in 1..65535.
        ConnectionError: ``auto`` and no cluster was ever started here.
    """
    if address.startswith("ray://"):
        raise SettingsError(f"{address} is a Ray Client address; citeqa joins as a driver: give the head's "
                            "host:port (its GCS port, 6379 by default) from a machine of the cluster")
    if address == "auto":
        address = os.environ.get("RAY_ADDRESS", "")
        if not address:
            current = Path(os.environ.get("RAY_TMPDIR", tempfile.gettempdir())) / "ray" / "ray_current_cluster"
            try:
                address = current.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConnectionError("--ray auto: no RAY_ADDRESS and no Ray cluster started on this machine "
                                      f"({current} is missing); start one or give host:port") from exc
        return resolve_address(address)
    split = _split(address)
    if split is None or not split[0] or not 1 <= split[1] <= 65535:
        raise SettingsError(f"{address!r} is not a Ray address: give the head's host:port (port 1-65535) or 'auto'")
    return address


def is_loopback_address(address: str) -> bool:
    """Whether a Ray address (``host:port`` or ``[v6]:port``; see :func:`resolve_address` for
    ``auto``) names a loopback host."""
    split = _split(address)
    host = split[0] if split is not None else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connect(address: str, env: dict[str, str] | None = None, join_timeout_s: float = JOIN_TIMEOUT_S) -> None:
    """Join a running Ray cluster as a driver (no-op when already joined).

    Args:
        address: ``auto`` (``RAY_ADDRESS``, else the cluster last started on this machine; see
            :func:`resolve_address`) or the head's ``host:port``. A loopback host keeps every
            connection on loopback (:data:`LOOPBACK_SWITCH`).
        env: environment variables for every task and actor this driver starts (Ray's job
            ``runtime_env``), besides ``HF_HUB_OFFLINE``.
        join_timeout_s: see :data:`JOIN_TIMEOUT_S`.

    Raises:
        RayUnavailableError: ray is not installed, or ray was imported before a loopback address
            could be kept on loopback.
        SettingsError: not a Ray address (see :func:`resolve_address`).
        ConnectionError: nothing listens at the address (checked first, with a 5 s TCP connect:
            given a dead address, ``ray.init`` retries for minutes instead of failing), or what
            listens is not a Ray head (no gRPC handshake within ``join_timeout_s``).
    """
    address = resolve_address(address)
    target = _split(address)
    assert target is not None  # resolve_address checked it
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
        _require_grpc(address, join_timeout_s)
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False, runtime_env={"env_vars": env_vars})


def _require_grpc(address: str, timeout_s: float) -> None:
    """Raise ConnectionError unless a gRPC server (as a Ray head's GCS is) answers at ``address``
    within ``timeout_s``: ``ray.init`` against a port where something else listens (a web server,
    say) retries forever, inside Ray's C++ client where no Python signal reaches it. grpcio comes
    with Ray; a channel is ready only once the HTTP/2 handshake succeeded."""
    import grpc  # type: ignore[import-untyped]

    channel = grpc.insecure_channel(address)
    try:
        grpc.channel_ready_future(channel).result(timeout=timeout_s)
    except grpc.FutureTimeoutError as exc:
        raise ConnectionError(f"{address} answers, but not as a Ray cluster (no gRPC handshake within {timeout_s:g} s): "
                              "give the head's GCS port (6379 by default)") from exc
    finally:
        channel.close()


def require_free_cpus(needed: float, what: str,
                      knobs: str = "CITEQA_RAY_EMBEDDERS, CITEQA_RAY_EMBEDDER_CPUS") -> None:
    """Fail now, with the reason, when the joined cluster has fewer free CPUs than ``needed``:
    Ray would otherwise wait, silently and forever, for CPUs another application holds (a
    ``citeqa serve --ray`` on a small cluster, say).

    Args:
        needed: CPUs the work reserves.
        what: what reserves them, for the message (e.g. "2 embedder actors of 1 CPU").
        knobs: the settings that reserve less, for the message.

    Raises:
        RayUnavailableError: fewer CPUs free than ``needed``.
    """
    import ray

    free = float(ray.available_resources().get("CPU", 0.0))  # type: ignore[no-untyped-call]
    if free < needed:
        total = float(ray.cluster_resources().get("CPU", 0.0))  # type: ignore[no-untyped-call]
        raise RayUnavailableError(
            f"the Ray cluster has {free:g} of {total:g} CPUs free; {what} need {needed:g}. Free some (stop a "
            f"`citeqa serve --ray`), add nodes or CPUs, or reserve less ({knobs})")


@contextlib.contextmanager
def _deadline(seconds: int, message: str) -> Iterator[None]:
    """Raise ``TimeoutError(message)`` in the block after ``seconds`` (SIGALRM: main thread only;
    elsewhere the block runs unbounded)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def timed_out(signum: int, frame: Any) -> None:
        raise TimeoutError(message)

    previous = signal.signal(signal.SIGALRM, timed_out)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


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
    if "ray" in sys.modules and os.environ.get(LOOPBACK_SWITCH) != "0":
        raise RayUnavailableError(f"ray was imported before {LOOPBACK_SWITCH}=0 could be set")
    os.environ[LOOPBACK_SWITCH] = "0"  # read when ray is imported; inherited by every node
    try:
        import ray
        from ray.cluster_utils import Cluster
    except ImportError as exc:
        raise RayUnavailableError("Ray is not installed: pip install 'citeqa[ray]'") from exc

    cluster = None
    try:
        with _deadline(timeout_s, f"the local Ray cluster did not start within {timeout_s} s"):
            node: dict[str, Any] = {"node_ip_address": "127.0.0.1", "num_cpus": cpus_per_node}
            cluster = Cluster(initialize_head=True, head_node_args={**node, "include_dashboard": False})
            for _ in range(nodes - 1):
                cluster.add_node(**node)
            ray.init(address=cluster.address, logging_level=logging.WARNING, log_to_driver=False)
    except BaseException:
        if cluster is not None:
            cluster.shutdown()  # type: ignore[no-untyped-call]
        raise
    return cluster
