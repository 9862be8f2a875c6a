"""``citeqa serve --ray --replicas 2``, whole-index replicas and then ``--shards 2`` (two shards of
two replicas each, behind two router replicas), on the two-node test cluster: the same answers as
``citeqa serve``, requests spread over the replicas, and a killed replica (a router, then a shard)
replaced without a request lost (the client retries what the dying replica dropped)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from citeqa.eval.scoring import load_questions
from tests.conftest import BUILTIN_CORPUS, SHARED

pytestmark = pytest.mark.ray
CITEQA = str(Path(sys.executable).parent / "citeqa")
REPLICA_TITLE = b"ray::ServeReplica:citeqa:CiteqaReplica"
SHARD_TITLE = b"ray::ServeReplica:citeqa:CiteqaShard"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def replica_pids(session_dir: str, title: bytes = REPLICA_TITLE) -> set[int]:
    """The replicas' processes in the cluster whose session folder is ``session_dir``: Ray titles
    them ``ray::ServeReplica:<app>:<deployment>`` (``title`` is a prefix of that), and their parent
    is a raylet of that session (another citeqa on another cluster of this machine has replicas of
    the same title)."""
    pids = set()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if not (proc / "cmdline").read_bytes().startswith(title):
                    continue
                parent = (proc / "stat").read_text().rsplit(")", 1)[1].split()[1]
                if session_dir.encode() in Path(f"/proc/{parent}/cmdline").read_bytes():
                    pids.add(int(proc.name))
            except OSError:
                continue
    return pids


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_ready(url: str, times: int = 1, timeout: float = 300) -> None:
    """Until ``times`` /readyz in a row answer 200 (with replicas, each may hit another one)."""
    deadline, streak = time.monotonic() + timeout, 0
    while streak < times:
        assert time.monotonic() < deadline, f"{url} not ready in {timeout} s"
        try:
            streak = streak + 1 if httpx.get(f"{url}/readyz", timeout=10).status_code == 200 else 0
        except httpx.TransportError:
            streak = 0
        if streak < times:
            time.sleep(0.3 if streak == 0 else 0.05)


SQUAD = SHARED / "bench" / "squad-A"


def questions() -> list[str]:
    """citeqa's own set and both shared sets (the servers index the built-in corpus and SQuAD-A's)."""
    sets = [Path(__file__).resolve().parents[2] / "eval" / "questions" / "builtin.jsonl",
            SHARED / "eval" / "questions.jsonl", SQUAD / "questions.jsonl"]
    return [q.question for path in sets if path.exists() for q in load_questions(path)]


@dataclass(frozen=True)
class Servers:
    """A ``citeqa serve --ray`` and a plain ``citeqa serve`` over the same index."""

    on_ray: str
    plain: str
    session: str  # the cluster's session folder (see replica_pids)
    shards: int
    corpus: Path
    index: Path
    env: dict[str, str]
    address: str  # the cluster's


@pytest.fixture(scope="session", params=[0, 2], ids=["replicated", "sharded"])
def servers(request: pytest.FixtureRequest, ray_cluster: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """``citeqa serve --ray --replicas 2 [--shards 2]`` and a plain ``citeqa serve`` over the same
    index. The sharded app reserves half a CPU per router replica and a quarter per shard replica:
    the six replicas fit the cluster's two CPUs."""
    shards: int = request.param
    index = tmp_path_factory.mktemp("ray-serve") / "index"
    corpus = index.parent / "corpus"  # a copy of both shared sets' corpora: the last test adds a file
    shutil.copytree(BUILTIN_CORPUS, corpus)
    if SQUAD.exists():
        shutil.copytree(SQUAD / "corpus", corpus, dirs_exist_ok=True)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}
    env = {k: v for k, v in env.items() if not k.startswith("CITEQA_")}
    ray_env = {**env, "CITEQA_RAY_REPLICA_CPUS": "0.5", "CITEQA_RAY_SHARD_CPUS": "0.25"} if shards else env
    ray_port, plain_port = free_port(), free_port()
    common = ["--corpus", str(corpus), "--index", str(index)]
    log = (index.parent / "serve-ray.log").open("w")
    on_ray = subprocess.Popen([CITEQA, "serve", "--ray", ray_cluster.address, "--replicas", "2", "--shards", str(shards),
                               "--port", str(ray_port), *common], env=ray_env, stdout=log, stderr=subprocess.STDOUT)
    plain = None
    try:
        wait_ready(f"http://127.0.0.1:{ray_port}", times=10)
        plain = subprocess.Popen([CITEQA, "serve", "--port", str(plain_port), *common], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_ready(f"http://127.0.0.1:{plain_port}")
        yield Servers(f"http://127.0.0.1:{ray_port}", f"http://127.0.0.1:{plain_port}",
                      ray_cluster.head_node.get_session_dir_path(), shards, corpus, index, env, ray_cluster.address)
    finally:
        if plain is not None:
            plain.terminate()
            plain.wait(timeout=30)
        on_ray.send_signal(signal.SIGINT)  # the driver removes the app from the cluster
        try:
            on_ray.wait(timeout=60)
        except subprocess.TimeoutExpired:
            on_ray.kill()
            on_ray.wait(timeout=30)
        log.close()


def cited(response: httpx.Response) -> tuple[Any, ...]:
    body = response.json()
    return (body["answered"], body["confidence"],
            [(p["doc_id"], p["start"], p["end"], p["quote"]["start"], p["quote"]["end"], p["score"], p["weak"])
             for p in body["passages"]])


def test_replicas_answer_exactly_as_one_process(servers: Servers) -> None:
    on_ray, plain = servers.on_ray, servers.plain
    asked = questions()
    assert len(asked) >= 20
    with httpx.Client(timeout=60) as client:
        for question in asked:
            a = client.post(f"{on_ray}/ask", json={"question": question, "k": 5})
            b = client.post(f"{plain}/ask", json={"question": question, "k": 5})
            assert a.status_code == b.status_code == 200
            assert cited(a) == cited(b), question
        # a filter reaches the shards as row ranges
        one = {"question": asked[0], "k": 3, "filter": {"doc_ids": ["00[13]_*"]}}
        a, b = client.post(f"{on_ray}/ask", json=one), client.post(f"{plain}/ask", json=one)
        assert a.status_code == b.status_code == 200 and cited(a) == cited(b)
        # the rest of the API is the same app: a document, an error, the page
        doc = client.get(f"{on_ray}/documents/004_503d341e454f2bd7.txt")
        assert doc.status_code == 200 and doc.json() == client.get(f"{plain}/documents/004_503d341e454f2bd7.txt").json()
        bad = client.post(f"{on_ray}/ask", json={"question": "  "})
        assert bad.status_code == 422 and bad.json() == client.post(f"{plain}/ask", json={"question": "  "}).json()
        assert client.get(f"{on_ray}/").status_code == 200


def test_mcp_and_openai_tools_answer_as_one_process(servers: Servers) -> None:
    """The tools run the same retrieval through the replicas (and shards); an MCP session's
    requests may reach either replica, so MCP runs without sessions there."""
    import asyncio

    from mcp.client.session import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    from tests.service.test_assistant_tools import _exercise

    async def run() -> None:
        async with streamable_http_client(f"{servers.on_ray}/mcp") as (read, write), ClientSession(read, write) as session:
            await _exercise(session, servers.corpus)
            for question in questions()[:5]:  # each call may reach either replica
                result = await session.call_tool("ask", {"question": question, "k": 3})
                assert not result.is_error, question

    asyncio.run(run())
    call = {"id": "call_1", "name": "ask", "arguments": json.dumps({"question": questions()[0], "k": 5})}
    with httpx.Client(timeout=60) as client:
        a = client.post(f"{servers.on_ray}/tools/openai/call", json=call)
        b = client.post(f"{servers.plain}/tools/openai/call", json=call)
    assert a.status_code == b.status_code == 200 and a.json() == b.json()


def test_requests_are_spread_over_the_replicas(servers: Servers) -> None:
    kinds = [REPLICA_TITLE] + ([SHARD_TITLE + b"0", SHARD_TITLE + b"1"] if servers.shards else [])
    pids = {kind: replica_pids(servers.session, kind) for kind in kinds}
    assert all(len(found) == 2 for found in pids.values()), pids
    before = {pid: cpu_seconds(pid) for found in pids.values() for pid in found}
    with httpx.Client(timeout=60) as client:
        for i, question in enumerate(questions()[:150]):
            client.post(f"{servers.on_ray}/ask", json={"question": f"{question} ({i})"}).raise_for_status()
    for kind, found in pids.items():  # each deployment's replicas share its work
        spent = {pid: cpu_seconds(pid) - before[pid] for pid in found}
        total = sum(spent.values())
        print(kind.decode(), spent)  # shown with pytest -s
        assert total > 0 and min(spent.values()) >= 0.2 * total, (kind, spent)


def test_a_second_serve_on_the_cluster_is_refused_and_the_first_keeps_serving(servers: Servers) -> None:
    second = subprocess.run([CITEQA, "serve", "--ray", servers.address, "--port", str(free_port()), "--corpus",
                             str(servers.corpus), "--index", str(servers.index)],
                            env=servers.env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 1 and "already runs on this Ray cluster" in second.stderr, second.stderr[-2000:]
    assert httpx.post(f"{servers.on_ray}/ask", json={"question": questions()[0]}, timeout=60).status_code == 200


def test_a_killed_replica_is_replaced_and_no_request_is_lost(servers: Servers) -> None:
    on_ray, session = servers.on_ray, servers.session
    # Whole-index replicas: kill one of them; sharded: kill a replica of a shard.
    title = SHARD_TITLE + b"1" if servers.shards else REPLICA_TITLE
    asked = questions()
    outcomes: list[int] = []
    retries = 0
    stop = threading.Event()

    def load() -> None:
        nonlocal retries
        with httpx.Client(timeout=60) as client:
            i = 0
            while not stop.is_set():
                for attempt in range(20):  # a request the dying replica dropped is sent again
                    try:
                        status = client.post(f"{on_ray}/ask", json={"question": asked[i % len(asked)]}).status_code
                    except httpx.TransportError:
                        status = 599
                    if status == 200:
                        break
                    retries += 1
                    time.sleep(0.25)
                outcomes.append(status)
                i += 1

    before = replica_pids(session, title)
    assert len(before) == 2
    worker = threading.Thread(target=load)
    worker.start()
    try:
        time.sleep(1.0)
        victim = sorted(before)[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 180  # Serve notices a dead replica within its health-check period
        while not (len(now := replica_pids(session, title)) == 2 and victim not in now and now - before):
            assert time.monotonic() < deadline, "the killed replica was not replaced"
            time.sleep(0.5)
        wait_ready(on_ray, times=10)
        time.sleep(2.0)  # the new replica takes requests too
    finally:
        stop.set()
        worker.join(timeout=120)
    print(f"killed {title.decode()}: {len(outcomes)} requests, {retries} sent again")  # shown with pytest -s
    assert outcomes and all(status == 200 for status in outcomes), (outcomes, retries)
    assert replica_pids(session, title) - before  # a new process serves in the dead one's place


def test_a_new_index_version_is_served_by_router_and_shards(servers: Servers) -> None:
    """Last (it changes the corpus): ``citeqa index`` writes a new version; the app replicas pick
    it up as ``citeqa serve`` does, and shards load the version their router names."""
    (servers.corpus / "zz_lighthouse.txt").write_text(
        "The lighthouse of Varnak was built in 1874 by the engineer Ilse Brandt. "
        "Its lamp burned whale oil until 1902.", encoding="utf-8")
    subprocess.run([CITEQA, "index", "--corpus", str(servers.corpus), "--index", str(servers.index)],
                   env=servers.env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    question = {"question": "Who built the lighthouse of Varnak?", "k": 3}
    deadline = time.monotonic() + 120
    with httpx.Client(timeout=60) as client:
        for url, times in ((servers.on_ray, 10), (servers.plain, 1)):
            streak = 0
            while streak < times:  # ten answers in a row from the new version: every replica moved
                assert time.monotonic() < deadline, f"the new index version was not served at {url}"
                response = client.post(f"{url}/ask", json=question)
                passages = response.json().get("passages") if response.status_code == 200 else None
                new = bool(passages) and passages[0]["doc_id"] == "zz_lighthouse.txt"
                streak = streak + 1 if new else 0
                time.sleep(0.05 if new else 0.5)
        for asked in [question["question"], *questions()[:10]]:
            a = client.post(f"{servers.on_ray}/ask", json={"question": asked})
            b = client.post(f"{servers.plain}/ask", json={"question": asked})
            assert a.status_code == b.status_code == 200 and cited(a) == cited(b), asked
