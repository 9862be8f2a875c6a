"""Query latency of ``citeqa serve --ray`` at 0 (whole-index replicas), 1, 2 and 4 shards against a
plain ``citeqa serve``, on a loopback Ray cluster started here (needs ``citeqa[ray]``).

Each layout is deployed in turn on the same cluster and index; the plain server runs throughout,
and the two take turns question by question, so both see the same machine load. Figures are the
latency percentiles of one httpx client and their ratio to the plain server's in the same turn.

Run: ``python -m citeqa.eval.bench_ray [--shards 0,1,2,4] [--corpus DIR] [--questions N]``
(docs/SCALE.md, "Query overhead of Ray Serve and of sharding").
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from citeqa.eval.bench import SHARED, _free_port, _pct, _questions

CITEQA = str(Path(sys.executable).parent / "citeqa")


def _wait_ready(url: str, times: int = 10, timeout: float = 300) -> None:
    """Until ``times`` /readyz in a row answer 200 (each may reach another replica)."""
    deadline, streak = time.monotonic() + timeout, 0
    while streak < times:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} not ready in {timeout} s")
        try:
            streak = streak + 1 if httpx.get(f"{url}/readyz", timeout=10).status_code == 200 else 0
        except httpx.TransportError:
            streak = 0
        time.sleep(0.3 if streak == 0 else 0.02)


def _turns(client: httpx.Client, urls: list[str], questions: list[str]) -> list[list[float]]:
    """Seconds per ``POST /ask`` at each URL, the URLs taking turns question by question."""
    times: list[list[float]] = [[] for _ in urls]
    for question in questions:
        for i, url in enumerate(urls):
            started = time.perf_counter()
            client.post(f"{url}/ask", json={"question": question, "k": 5}).raise_for_status()
            times[i].append(time.perf_counter() - started)
    return times


def run(shard_counts: list[int], corpus: Path, n_questions: int, work: Path) -> list[dict[str, Any]]:
    """Deploy each layout, time it against the plain server, and return one row per layout."""
    from citeqa.service.ray_cluster import start_local_cluster

    # Two nodes as in the test suite; logical CPUs enough for a router and four shard replicas
    # (Ray reserves, it does not enforce: all share this machine's cores).
    cluster = start_local_cluster(nodes=2, cpus_per_node=2, timeout_s=120)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    env.update({"HF_HUB_OFFLINE": "1", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
                "CITEQA_RAY_REPLICA_CPUS": "1", "CITEQA_RAY_SHARD_CPUS": "0.5"})
    common = ["--corpus", str(corpus), "--index", str(work / "index")]
    subprocess.run([CITEQA, "index", *common], env=env, check=True, stdout=subprocess.DEVNULL)
    plain_url = f"http://127.0.0.1:{_free_port()}"
    plain = subprocess.Popen([CITEQA, "serve", "--port", plain_url.rsplit(":", 1)[1], *common], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    questions = (_questions() * 4)[:n_questions]
    rows: list[dict[str, Any]] = []
    try:
        _wait_ready(plain_url, times=1)
        with httpx.Client(timeout=60) as client:
            for shards in shard_counts:
                port = _free_port()
                log = (work / f"serve-ray-{shards}.log").open("w")
                on_ray = subprocess.Popen([CITEQA, "serve", "--ray", cluster.address, "--replicas", "1",
                                           "--shards", str(shards), "--port", str(port), *common],
                                          env=env, stdout=log, stderr=subprocess.STDOUT)
                try:
                    url = f"http://127.0.0.1:{port}"
                    _wait_ready(url)
                    _turns(client, [url, plain_url], questions[:20])  # warm both
                    ray_times, plain_times = _turns(client, [url, plain_url], questions)
                finally:
                    on_ray.send_signal(signal.SIGINT)
                    on_ray.wait(timeout=120)
                    log.close()
                ray_pct, plain_pct = _pct(ray_times), _pct(plain_times)
                rows.append({"shards": shards, "questions": len(questions), **ray_pct,
                             "plain_p50_ms": plain_pct["p50_ms"],
                             "p50_ratio_to_plain": round(ray_pct["p50_ms"] / plain_pct["p50_ms"], 2)})
                print(json.dumps(rows[-1]), flush=True)
    finally:
        plain.terminate()
        plain.wait(timeout=30)
        import ray

        ray.shutdown()
        cluster.shutdown()
    return rows


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, run, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shards", default="0,1,2,4", help="comma-separated shard counts (0: whole-index replicas)")
    parser.add_argument("--corpus", type=Path, default=SHARED / "bench" / "squad-A" / "corpus")
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="citeqa-bench-ray-") as tmp:
        rows = run([int(s) for s in args.shards.split(",")], args.corpus, args.questions, Path(tmp))
    print("| shards | p50_ms | p95_ms | p99_ms | plain p50_ms | p50 / plain |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        label = "0 (whole-index replica)" if r["shards"] == 0 else str(r["shards"])
        print(f"| {label} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['plain_p50_ms']} | {r['p50_ratio_to_plain']} |")


if __name__ == "__main__":
    main()
