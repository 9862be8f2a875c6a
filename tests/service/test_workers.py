"""``citeqa serve --workers 2``, a real multi-process server on a loopback port: every worker
answers, the answers are one process's, a document written through one worker is served by all,
and MCP works without sessions."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from citeqa.service.workers import worker_settings

from tests.service.conftest import builtin_copy, free_port
from tests.service.test_assistant_tools import _exercise
from tests.service.test_cli import run

QUESTIONS = [
    "Is China a party to the 1951 Refugee Convention?",
    "What happens to North Koreans who are sent back?",
    "How many North Korean refugees live in China?",
    "What does the principle of non-refoulement forbid?",
    "Who won the 2018 FIFA World Cup?",
    "Which country lets the UNHCR interview North Korean refugees who cross its border?",
]


@dataclass
class Workers:
    url: str
    parent: subprocess.Popen[bytes]
    corpus_dir: Path
    engine: Engine  # the same index in this process, to compare answers with


def _children(pid: int) -> list[int]:
    """The worker processes of uvicorn's supervisor ``pid`` (spawned by multiprocessing)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return sorted(found)


def _running(pid: int) -> bool:
    """The process exists and is not a zombie (an orphan's new parent may not reap it at once)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _established_to(port: int) -> set[int]:
    """Socket inodes of established TCP connections whose local port is ``port`` (loopback)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                inodes.add(int(fields[9]))
    return inodes


def _holds(pid: int, inodes: set[int]) -> bool:
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:[") and int(target[8:-1]) in inodes:
            return True
    return False


def _spawn(corpus_dir: Path, index_dir: Path) -> tuple[subprocess.Popen[bytes], str, int]:
    """``citeqa serve --workers 2`` on a free loopback port, just started."""
    port = free_port()
    env = {**os.environ, "CITEQA_RELOAD_INTERVAL": "0.2", "CITEQA_QUERY_CACHE": "0", "HF_HUB_OFFLINE": "1"}
    citeqa = str(Path(sys.executable).parent / "citeqa")
    parent = subprocess.Popen([citeqa, "serve", "--workers", "2", "--writable", "--port", str(port), "--corpus", str(corpus_dir),
                               "--index", str(index_dir)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return parent, f"http://127.0.0.1:{port}", port


def _start(corpus_dir: Path, index_dir: Path) -> tuple[subprocess.Popen[bytes], str, int]:
    """``citeqa serve --workers 2`` on a free loopback port, once both workers are ready."""
    parent, url, port = _spawn(corpus_dir, index_dir)
    deadline = time.monotonic() + 120
    while True:
        if parent.poll() is not None or time.monotonic() > deadline:
            parent.kill()
            raise AssertionError("citeqa serve --workers 2 exited, or no worker became ready")
        try:
            if httpx.get(f"{url}/readyz").status_code == 200 and len(_children(parent.pid)) == 2:
                return parent, url, port
        except httpx.TransportError:
            pass
        time.sleep(0.2)


@pytest.fixture(scope="module")
def workers(model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workers]:  # type: ignore[no-untyped-def]
    corpus_dir, settings, engine = builtin_copy(model, tmp_path_factory.mktemp("workers"))  # the server finds it built
    parent, url, _ = _start(corpus_dir, settings.index_dir)
    try:
        yield Workers(url, parent, corpus_dir, engine)
    finally:
        parent.terminate()
        parent.wait(timeout=30)
    assert not _children(parent.pid)  # the workers stopped with it


def test_every_worker_answers_as_one_process(workers: Workers) -> None:
    port = int(workers.url.rsplit(":", 1)[1])
    pids = _children(workers.parent.pid)
    assert len(pids) == 2
    # New connections go to whichever worker accepts first: open them until each worker holds
    # one (both alive and accepting), and ask on every one of them.
    clients: list[httpx.Client] = []
    try:
        for _ in range(200):
            client = httpx.Client(base_url=workers.url, timeout=60)
            clients.append(client)
            assert client.get("/healthz").status_code == 200  # the connection is now accepted
            inodes = _established_to(port)
            if all(_holds(pid, inodes) for pid in pids):
                break
        else:
            pytest.fail("one worker never accepted a connection")

        def ask(pair: tuple[httpx.Client, str]) -> dict[str, object]:
            response = pair[0].post("/ask", json={"question": pair[1], "k": 5})
            assert response.status_code == 200, response.text
            return response.json()  # type: ignore[no-any-return]

        jobs = [(clients[i % len(clients)], q) for i in range(max(len(clients), 12)) for q in QUESTIONS[i % 2::2]]
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(ask, jobs))
    finally:
        for client in clients:
            client.close()
    for (_, question), body in zip(jobs, answers, strict=True):
        expected = workers.engine.ask(question, 5)
        assert body["answered"] == expected.answered
        assert [(p["doc_id"], p["start"], p["end"], p["quote"]["start"]) for p in body["passages"]] == \
            [(p.doc_id, p.start, p.end, p.quote.start) for p in expected.passages]


def test_a_document_written_through_one_worker_is_served_by_all(workers: Workers) -> None:
    fact = "The Harbour Library of Tallinn opens at 11:00 on Sundays."
    with httpx.Client(base_url=workers.url, timeout=120) as http:
        written = http.put("/documents/notes/harbour-library.txt", content=fact, headers={"content-type": "text/plain"})
        assert written.status_code in (200, 201), written.text
    question = "When does the Harbour Library of Tallinn open on Sundays?"
    deadline = time.monotonic() + 30
    while True:  # the other worker follows CURRENT every 0.2 s here
        cited = []
        for _ in range(20):  # fresh connections, so both workers answer
            with httpx.Client(base_url=workers.url, timeout=60) as http:
                passages = http.post("/ask", json={"question": question, "k": 1}).json()["passages"]
                cited.append(passages[0]["doc_id"] if passages else None)
        if set(cited) == {"notes/harbour-library.txt"}:
            break
        assert time.monotonic() < deadline, cited
        time.sleep(0.5)
    assert (workers.corpus_dir / "notes" / "harbour-library.txt").read_text(encoding="utf-8") == fact


def test_mcp_without_sessions_across_workers(workers: Workers) -> None:
    async def session() -> None:
        async with streamable_http_client(f"{workers.url}/mcp") as (read, write), ClientSession(read, write) as mcp:
            await _exercise(mcp, workers.corpus_dir)

    asyncio.run(session())


@pytest.mark.parametrize("when", ["ready", "loading"])
def test_workers_stop_when_the_supervisor_is_killed(workers: Workers, when: str) -> None:
    # uvicorn's workers outlive a SIGKILLed supervisor and keep the port; citeqa's stop within
    # a second or two, and the port is free for the next server; also when the supervisor dies
    # while they are still loading.
    if when == "ready":
        parent, url, port = _start(workers.corpus_dir, workers.engine.settings.index_dir)
    else:
        parent, url, port = _spawn(workers.corpus_dir, workers.engine.settings.index_dir)
        deadline = time.monotonic() + 60
        while len(_children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    orphans = _children(parent.pid)
    assert len(orphans) == 2
    parent.kill()
    parent.wait(timeout=10)
    deadline = time.monotonic() + 60
    while any(_running(pid) for pid in orphans) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [pid for pid in orphans if _running(pid)]
    for pid in alive:
        os.kill(pid, 9)
    assert not alive, "workers went on serving after their supervisor was killed"
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{url}/healthz", timeout=2)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))  # the port is free again


def test_worker_settings_split_the_cores_for_batches() -> None:
    split = worker_settings(Settings(), 2, cores=2)
    assert (split.threads, split.single_pass_threads) == (1, 0)  # a lone question still gets every core
    assert worker_settings(Settings(), 3, cores=8).threads == 2
    assert worker_settings(Settings(), 4, cores=2).threads == 1
    assert worker_settings(Settings(threads=3), 2, cores=8).threads == 3  # what the user set stays
    assert worker_settings(Settings(), 1, cores=8) == Settings()


def test_workers_refuse_watch_ray_and_no_reloading(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["serve", "--workers", "2", "--watch", "--corpus", str(tmp_path)], capsys)
    assert code == 1 and err.startswith("SettingsError: --watch needs one worker")
    code, _, err = run(["serve", "--workers", "2", "--ray", "127.0.0.1:6379", "--corpus", str(tmp_path)], capsys)
    assert code == 1 and err.startswith("SettingsError: --workers is for one machine")
    monkeypatch.setenv("CITEQA_RELOAD_INTERVAL", "0")
    code, _, err = run(["serve", "--workers", "2", "--corpus", str(tmp_path)], capsys)
    assert code == 1 and err.startswith("SettingsError: --workers needs CITEQA_RELOAD_INTERVAL above 0")
