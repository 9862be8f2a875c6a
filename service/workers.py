"""``citeqa serve --workers N``: N server processes answering on one port.

Why: on the CPU every request also runs Python (the event loop, validation, fusion, quotes), and in
one process that part takes turns on the GIL: on 2 cores one process used 1.5 of them at 32
connections, whatever the encoder's threads (eval/BENCH.md). N processes run N interpreters.

How: uvicorn's own supervisor binds the port once and spawns the workers, restarting any that
dies; each worker is :func:`worker_app`, which reads the settings this process passed in
:data:`SETTINGS_ENV`, loads the model and the index *before* it accepts a connection (so no
worker answers 503 while another is ready), and serves the same app as one process. The index is
built once, here, before any worker starts. The workers share nothing but the index folder:

- a new index version (``citeqa index``, or a ``PUT``/``DELETE /documents`` that one worker took)
  reaches every worker through ``CURRENT``, which each polls every ``reload_interval`` seconds;
  builds are serialised across processes by the index folder's lock (:func:`citeqa.index.store.build_lock`);
- MCP runs stateless, as behind any load balancer: a session lives in one process, and the next
  request of its client may reach another;
- each worker's encoder gets ``cores // N`` threads for its batches unless ``CITEQA_THREADS`` says
  otherwise, and every core for a lone question (:func:`worker_settings`): two workers of two
  threads each on 2 cores answered no faster than one process, two of one thread each took
  1 ms longer per question on one connection (measured).

Memory is N times one server's (model and index in each).
"""

from __future__ import annotations

import os
import signal
import threading
import time

from fastapi import FastAPI

from citeqa.service.settings import Settings

#: The environment variable that carries the serving settings, as JSON, to the worker processes
#: (the CLI's flags included; ``spawn``ed workers inherit the environment).
SETTINGS_ENV = "CITEQA_WORKER_SETTINGS"

#: The environment variable that carries the supervisor's process id to the workers.
SUPERVISOR_ENV = "CITEQA_SUPERVISOR_PID"

__all__ = ["SETTINGS_ENV", "SUPERVISOR_ENV", "run", "worker_app", "worker_settings"]


def worker_settings(settings: Settings, workers: int, cores: int | None = None) -> Settings:
    """The settings each of ``workers`` processes serves with: when ``threads`` is 0 (automatic),
    the encoder's threads for a batch of questions split between them, at least one each, and a
    lone question's pass on every core (``single_pass_threads`` 0), since a worker encoding one
    question at a time is not under load. Measured on 2 cores, 2 workers (eval/BENCH.md): one
    connection as fast as one process, 32 connections 1.5x its rate.

    Args:
        settings: the serving settings.
        workers: processes, >= 1.
        cores: CPUs this process may run on; None: read from the OS.
    """
    if settings.threads != 0 or workers == 1:
        return settings
    available = cores if cores is not None else len(os.sched_getaffinity(0))
    update: dict[str, int] = {"threads": max(1, available // workers)}
    if settings.single_pass_threads is None:
        update["single_pass_threads"] = 0
    return settings.model_copy(update=update)


def run(settings: Settings, workers: int) -> None:
    """Serve with ``workers`` processes until Ctrl-C or SIGTERM (uvicorn's supervisor). Call
    with the index already up to date."""
    import uvicorn

    os.environ[SETTINGS_ENV] = worker_settings(settings, workers).carried_json()
    # The workers compare their parent with this process: one that finds another parent (this
    # process was killed while it loaded, or before it started) stops.
    os.environ[SUPERVISOR_ENV] = str(os.getpid())
    uvicorn.run(f"{__name__}:worker_app", factory=True, workers=workers, host=settings.host, port=settings.port,
                log_level="info")


def worker_app() -> FastAPI:
    """One worker's app (uvicorn calls it in each worker process, before it accepts connections).

    Raises:
        RuntimeError: not started by :func:`run` (no settings in the environment).
    """
    from citeqa.service.app import create_app
    from citeqa.service.engine import Engine, tune_threads_for_serving

    carried = os.environ.get(SETTINGS_ENV)
    if carried is None:
        raise RuntimeError(f"{SETTINGS_ENV} is not set: start workers with `citeqa serve --workers N`")
    settings = Settings.model_validate_json(carried)
    settings.apply_environment()
    engine = Engine.start(settings)
    tune_threads_for_serving(settings)
    engine.warm_up()
    _stop_when_orphaned(int(os.environ.get(SUPERVISOR_ENV, os.getppid())))
    return create_app(settings, engine=engine, mcp_stateless=True)


def _stop_when_orphaned(supervisor: int, every_s: float = 1.0) -> threading.Thread:
    """Stop this worker (SIGTERM to itself: uvicorn's graceful shutdown) once its supervisor is
    gone. uvicorn stops the workers when the supervisor is stopped, but not when it is killed
    (``kill -9``, the OOM killer): orphaned workers would go on serving the port, and the next
    ``citeqa serve`` there would fail with "address in use". The kernel then gives the worker
    another parent, which a watch of ``getppid()`` sees within ``every_s`` seconds (POSIX; no
    ``PR_SET_PDEATHSIG``, which fires when the *thread* that spawned the worker ends).

    Returns:
        The watching thread (a daemon).
    """
    def watch() -> None:
        while os.getppid() == supervisor:
            time.sleep(every_s)
        os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=watch, name="citeqa-supervisor-watch", daemon=True)
    thread.start()
    return thread
