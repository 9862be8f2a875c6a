"""``citeqa serve --ray``: the same app (HTTP API, page, MCP, tools) as replicas behind Ray Serve.

Each replica is a Ray Serve ingress deployment that builds citeqa's own FastAPI app
(:func:`citeqa.service.app.create_app`) inside the replica, so every route, check and error is the
one-process server's; it loads the model and the index from ``settings.index_dir`` (a folder every
node sees: shared storage, or a copy per node) and follows new index versions as ``citeqa serve``
does. One Serve proxy, on the head node, listens on ``settings.host:settings.port`` and spreads
requests over the replicas; a replica that dies is replaced by the Serve controller.

Ray is imported inside the functions: the core install does not have it.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from typing import Any

from citeqa.service.settings import Settings

#: The Serve application's name (``serve status`` shows it).
APP_NAME = "citeqa"

#: Serve's proxy prefers a replica on its own node while one is there (issue 13 measured nearly
#: every request going there). citeqa's replicas are interchangeable, so the proxy is told to
#: spread requests over all replicas, wherever they run (tests/ray/test_ray_serve.py checks it).
PROXY_ENV = {"RAY_SERVE_PROXY_PREFER_LOCAL_NODE_ROUTING": "0", "RAY_SERVE_PROXY_PREFER_LOCAL_AZ_ROUTING": "0"}


def _replica_class() -> Any:
    """The ingress deployment class (built on call: ``ray.serve`` is imported only here)."""
    from ray import serve

    @serve.ingress()
    class CiteqaReplica:
        """One replica: the settings travel as JSON, the app is built in the replica."""

        def __init__(self, settings_json: str) -> None:
            self.settings = Settings.model_validate_json(settings_json)
            self.settings.apply_environment()

        def __serve_build_asgi_app__(self) -> Any:
            from citeqa.service.app import create_app

            # The lifespan loads the engine (model, index) in the background; /readyz says when.
            return create_app(self.settings)

    return CiteqaReplica


def deploy(settings: Settings, replicas: int, cpus_per_replica: float = 1.0) -> None:
    """Start Serve's proxy on ``settings.host:port`` and deploy ``replicas`` replicas of the app.

    Call after :func:`citeqa.service.ray_cluster.connect`. Returns once the deployment is running
    (each replica may still be loading: ``GET /readyz``).

    Raises:
        ValueError: ``replicas`` < 1.
        ray.serve.exceptions.RayServeException: Serve could not start (the port is taken...).
    """
    if replicas < 1:
        raise ValueError("--replicas must be at least 1")
    from ray import serve

    serve.start(proxy_location="HeadOnly", http_options={"host": settings.host, "port": settings.port})
    # A replica reserves cpus_per_replica CPUs: its encoder gets as many threads, not one per core
    # of the node (which other replicas and actors share).
    settings = settings.model_copy(update={"threads": settings.threads or max(1, int(cpus_per_replica))})
    deployment = serve.deployment(_replica_class()).options(  # type: ignore[attr-defined]
        name="CiteqaReplica", num_replicas=replicas,
        ray_actor_options={"num_cpus": cpus_per_replica,
                           "runtime_env": {"env_vars": {"HF_HUB_OFFLINE": "1" if settings.hf_offline else
                                                        os.environ.get("HF_HUB_OFFLINE", "0")}}},
    )
    serve.run(deployment.bind(settings.model_dump_json()), name=APP_NAME, route_prefix="/", blocking=False)


def serve_forever(on_stop: Callable[[], None] = lambda: None) -> None:
    """Block until interrupted (Ctrl-C or SIGTERM), then remove the application from the cluster:
    Serve applications outlive the driver that deployed them."""
    from ray import serve

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        on_stop()
        serve.delete(APP_NAME)
