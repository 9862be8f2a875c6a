"""A real uvicorn server on a free loopback port, over a copy of the built-in corpus, per session."""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from citeqa.service.app import create_app
from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS


@dataclass
class LiveServer:
    url: str
    corpus_dir: Path
    settings: Settings
    engine: Engine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(settings: Settings, engine: Engine) -> Iterator[str]:
    """Serve an engine with uvicorn on a free loopback port, in a thread; yield its URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, engine=engine), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def builtin_copy(model, root: Path) -> tuple[Path, Settings, Engine]:  # type: ignore[no-untyped-def]
    """A copy of the built-in corpus under ``root``, its settings, and an engine over it (index built)."""
    corpus_dir = root / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus_dir)
    settings = Settings(corpus_dir=corpus_dir, index_dir=root / "index")
    return corpus_dir, settings, Engine.start(settings, model=model)


@pytest.fixture(scope="session")
def live_server(model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    corpus_dir, settings, engine = builtin_copy(model, tmp_path_factory.mktemp("served"))
    with serving(settings, engine) as url:
        yield LiveServer(url, corpus_dir, settings, engine)


@pytest.fixture
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        yield http
