"""``citeqa serve --ray``: the same app (HTTP API, page, MCP, tools) as replicas behind Ray Serve.

Each replica is a Ray Serve ingress deployment that builds citeqa's own FastAPI app
(:func:`citeqa.service.app.create_app`) inside the replica, so every route, check and error is the
one-process server's; it loads the model and the index from ``settings.index_dir`` (a folder every
node sees: shared storage, or a copy per node) and follows new index versions as ``citeqa serve``
does. One Serve proxy, on the head node, listens on ``settings.host:settings.port`` and spreads
requests over the replicas; a replica that dies is replaced by the Serve controller.

With ``--shards N`` the vectors leave the app replicas: N shard deployments (``CiteqaShard``,
``--replicas`` replicas each) each hold one contiguous range of passage rows
(:class:`citeqa.index.shards.Shard`: passage and sentence vectors, their part of the BM25 matrix
with corpus-wide statistics, sentence terms), and each app replica is a router: it encodes the
question, fans each of the retriever's two steps (candidates with their scores, then quotes) out
to the shards through Serve deployment handles (:class:`RayShards`) and merges, so fusion, quotes
and abstention are the one-process code.
Every call names the index version the router serves; a shard on another version loads that one
first, so a new version written by ``citeqa index`` is served by router and shards together.

Ray is imported inside the functions: the core install does not have it.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from citeqa.index.lexical import Bm25Index
from citeqa.index.shards import Shard, ShardMethod, split_rows
from citeqa.index.store import StoredIndex, load_index
from citeqa.service.errors import ClusterBusyError, NotReadyError, SettingsError
from citeqa.service.settings import Settings

log = logging.getLogger(__name__)

#: The Serve application's name (``serve status`` shows it).
APP_NAME = "citeqa"

#: Serve's proxy prefers a replica on its own node while one is there (issue 13 measured nearly
#: every request going there). citeqa's replicas are interchangeable, so the proxy is told to
#: spread requests over all replicas, wherever they run (tests/ray/test_ray_serve.py checks it).
PROXY_ENV = {"RAY_SERVE_PROXY_PREFER_LOCAL_NODE_ROUTING": "0", "RAY_SERVE_PROXY_PREFER_LOCAL_AZ_ROUTING": "0"}


#: How long a router waits for a shard's answer to one step, in seconds.
SHARD_TIMEOUT_S = 60.0


class RayShards:
    """The shards of one index version as Serve deployments (see :class:`citeqa.index.shards.Shards`)."""

    def __init__(self, handles: Sequence[Any], version: str, n_rows: int) -> None:
        """Keep one Serve ``DeploymentHandle`` per shard, in row order, for the index version
        ``version`` of ``n_rows`` passages (shard ``i`` holds the rows ``split_rows`` gives it)."""
        self.handles = tuple(handles)
        self.version = version
        self._bounds = split_rows(n_rows, len(self.handles))

    @property
    def bounds(self) -> tuple[int, ...]:
        """See :meth:`citeqa.index.shards.Shards.bounds`."""
        return self._bounds

    def call(self, method: ShardMethod, requests: Mapping[int, tuple[Any, ...]]) -> dict[int, Any]:
        """Send every request at once, then wait for each (see :meth:`citeqa.index.shards.Shards.call`).

        Raises:
            NotReadyError: a shard failed or did not answer in :data:`SHARD_TIMEOUT_S` (HTTP 503;
                Serve replaces a dead shard replica, so asking again works).
        """
        pending = {i: self.handles[i].call.remote(self.version, method, args) for i, args in requests.items()}
        results = {}
        for i, response in pending.items():
            try:
                results[i] = response.result(timeout_s=SHARD_TIMEOUT_S)
            except Exception as exc:  # Ray wraps what the replica raised, or says it died
                raise NotReadyError(f"shard {i} of {len(self.handles)} did not answer ({type(exc).__name__}); "
                                    "ask again") from exc
        return results


def shard_of(settings: Settings, version: str | None, shard: int, shards: int) -> Shard:
    """Shard ``shard`` of ``shards`` of an index version (None: the live one), loaded from
    ``settings.index_dir``: the whole version is read, its BM25 index built over every chunk
    (corpus-wide statistics), and only the shard's rows are kept.

    Raises:
        citeqa.index.errors.IndexStoreError: the version cannot be loaded.
    """
    stored = load_index(settings.index_dir, version=version)
    bounds = split_rows(len(stored.chunks), shards)
    bm25 = Bm25Index([c.matching_text() for c in stored.chunks])
    return Shard(stored, bm25, bounds[shard], bounds[shard + 1])


def _shard_class() -> Any:
    """The shard deployment class (built on call: ``ray.serve`` is imported only here)."""

    class CiteqaShard:
        """One replica of one shard: the rows ``split_rows`` gives shard ``shard`` of ``shards``."""

        def __init__(self, settings_json: str, shard: int, shards: int) -> None:
            self.settings = Settings.model_validate_json(settings_json)
            self.where = (shard, shards)
            self._lock = threading.Lock()
            self._shard = shard_of(self.settings, None, shard, shards)

        def call(self, version: str, method: ShardMethod, args: tuple[Any, ...]) -> Any:
            """``Shard.<method>(*args)`` on index version ``version`` (loaded first if new)."""
            shard = self._shard
            if shard.version != version:
                with self._lock:  # one load, whatever the number of requests waiting for it
                    if self._shard.version != version:
                        self._shard = shard_of(self.settings, version, *self.where)
                shard = self._shard
            return getattr(shard, method)(*args)

    return CiteqaShard


def _replica_class() -> Any:
    """The ingress deployment class (built on call: ``ray.serve`` is imported only here)."""
    from ray import serve

    @serve.ingress()
    class CiteqaReplica:
        """One replica: the settings travel as JSON, the app is built in the replica; with shard
        handles, the app is a router over them."""

        def __init__(self, settings_json: str, shard_handles: Sequence[Any] = ()) -> None:
            self.settings = Settings.model_validate_json(settings_json)
            self.settings.apply_environment()
            self.shard_handles = tuple(shard_handles)

        def __serve_build_asgi_app__(self) -> Any:
            from citeqa.service.app import create_app

            # The lifespan loads the engine (model, index) in the background; /readyz says when.
            # MCP without sessions: the proxy sends a client's requests to any replica.
            if not self.shard_handles:
                return create_app(self.settings, mcp_stateless=True)
            handles = self.shard_handles

            def remote(index: StoredIndex, bm25: Bm25Index) -> RayShards:
                return RayShards(handles, index.path.name, len(index.chunks))

            return create_app(self.settings, remote_shards=remote, mcp_stateless=True)

    return CiteqaReplica


def deploy(settings: Settings, replicas: int, shards: int = 0) -> None:
    """Start Serve's proxy on ``settings.host:port`` and deploy ``replicas`` replicas of the app,
    and with ``shards`` >= 1 as many replicas of each of ``shards`` shard deployments.

    Call after :func:`citeqa.service.ray_cluster.connect`. Returns once the deployment is running
    (each replica may still be loading: ``GET /readyz``). CPUs reserved: ``settings.ray_replica_cpus``
    per app replica, ``settings.ray_shard_cpus`` per shard replica.

    Raises:
        SettingsError: ``replicas`` < 1 or ``shards`` < 0.
        ClusterBusyError: a citeqa application already runs on the cluster, or Serve already
            listens on another address (it has one per cluster).
        ray.serve.exceptions.RayServeException: Serve could not start (the port is taken...).
    """
    if replicas < 1:
        raise SettingsError("--replicas must be at least 1")
    if shards < 0:
        raise SettingsError("--shards must be at least 0 (0: every replica holds the whole index)")
    from ray import serve

    _refuse_a_second_app()
    serve.start(proxy_location="HeadOnly", http_options={"host": settings.host, "port": settings.port})
    running = _proxy_address()
    if running is not None and running != (settings.host, settings.port):
        raise ClusterBusyError(f"Ray Serve already listens on {running[0]}:{running[1]} on this cluster, for other "
                               f"applications; it has one HTTP address per cluster: serve citeqa there with "
                               f"--host {running[0]} --port {running[1]}")
    # A replica reserves ray_replica_cpus CPUs: its encoder gets as many threads, not one per core
    # of the node (which other replicas and actors share).
    settings = settings.model_copy(update={"threads": settings.threads or max(1, int(settings.ray_replica_cpus))})
    env = {"env_vars": {"HF_HUB_OFFLINE": "1" if settings.hf_offline else os.environ.get("HF_HUB_OFFLINE", "0")}}
    settings_json = settings.carried_json()
    shard_class: Any = serve.deployment(_shard_class())
    handles = [
        shard_class.options(name=f"CiteqaShard{i}", num_replicas=replicas,
                            ray_actor_options={"num_cpus": settings.ray_shard_cpus, "runtime_env": env})
        .bind(settings_json, i, shards)
        for i in range(shards)
    ]
    deployment = serve.deployment(_replica_class()).options(  # type: ignore[attr-defined]
        name="CiteqaReplica", num_replicas=replicas,
        ray_actor_options={"num_cpus": settings.ray_replica_cpus, "runtime_env": env},
    )
    serve.run(deployment.bind(settings_json, handles), name=APP_NAME, route_prefix="/", blocking=False)


def preflight(settings: Settings, replicas: int, shards: int = 0) -> None:
    """Refuse, before anything is built or deployed, what the cluster cannot serve: a second
    citeqa application, or a layout needing more CPUs than are free (Serve would leave its
    replicas pending, silently, until CPUs free up).

    Raises:
        ClusterBusyError: a citeqa application already runs on the cluster.
        citeqa.index.errors.RayUnavailableError: too few free CPUs for the layout.
    """
    from citeqa.service.ray_cluster import require_free_cpus

    _refuse_a_second_app()
    layout = f"{replicas} app replicas of {settings.ray_replica_cpus:g} CPU" + (
        f" and {shards} x {replicas} shard replicas of {settings.ray_shard_cpus:g} CPU" if shards else "")
    require_free_cpus(replicas * settings.ray_replica_cpus + shards * replicas * settings.ray_shard_cpus, layout,
                      "CITEQA_RAY_REPLICA_CPUS, CITEQA_RAY_SHARD_CPUS, --replicas")


def _refuse_a_second_app() -> None:
    """Raise ClusterBusyError when a citeqa application already runs on the cluster: deploying again
    would replace it, under the same proxy address."""
    from ray import serve

    if APP_NAME in serve.status().applications:
        raise ClusterBusyError("a citeqa application already runs on this Ray cluster (another `citeqa serve --ray`); "
                               "stop it first (Ctrl-C where it runs, or `serve shutdown`)")


def _proxy_address() -> tuple[str, int] | None:
    """Where Serve's proxy listens (it keeps the address it was first started with: a later
    ``serve.start`` with another one only logs that it is not applied); None if unknown."""
    try:
        from ray.serve.context import _get_global_client  # no public API says it (Ray 2.60)

        config = _get_global_client().http_config  # type: ignore[union-attr]
        return str(config.host), int(config.port)
    except Exception:  # noqa: BLE001 - a private API: when it changes, skip the check
        return None


def run(settings: Settings, replicas: int, shards: int = 0, on_deployed: Callable[[], None] = lambda: None) -> None:
    """:func:`deploy`, then block until interrupted (Ctrl-C or SIGTERM, during the deployment too),
    then remove the application from the cluster: Serve applications outlive the driver that
    deployed them. When no other application runs on Serve, Serve is stopped too, or its proxy
    would keep holding the port.

    Raises:
        SettingsError, ClusterBusyError, citeqa.index.errors.RayUnavailableError: as :func:`preflight`
            and :func:`deploy`.
        ray.serve.exceptions.RayServeException: as :func:`deploy`.
    """
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    preflight(settings, replicas, shards)  # before the try: an app that is there is not ours to remove
    signal.signal(signal.SIGTERM, stop)
    try:
        deploy(settings, replicas, shards)
        on_deployed()
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        _remove()


def _remove() -> None:
    """Delete citeqa's application, and stop Serve if nothing else runs on it."""
    from ray import serve

    try:
        applications = serve.status().applications
        if APP_NAME in applications:
            serve.delete(APP_NAME)
        if not set(applications) - {APP_NAME}:
            serve.shutdown()  # type: ignore[no-untyped-call]
    except Exception as exc:  # noqa: BLE001 - Serve never started (port taken...): nothing to remove
        log.debug("citeqa: nothing to remove from Serve: %s", exc)
