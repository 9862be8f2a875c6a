"""Benchmarks that print figures and ratios against baselines measured in the same run.

Run: ``python -m citeqa.eval.bench [--out eval/bench-out] [--seconds 8] [--scale 10000,100000,1000000]``
(or ``citeqa bench``). Sections:

- startup: fresh processes to a first answer (one-shot ``citeqa ask``, ``citeqa serve`` to
  ``/readyz``, ``citeqa mcp`` to its first tool answer) against a naive script that loads the
  model with sentence-transformers and answers one question from FAISS;
- latency: cold start of a real ``citeqa serve`` process (spawn to ``/readyz`` 200), first-question
  latency, then ``POST /ask`` p50/p95/p99 next to the in-process encode+search and the naive peer's
  encode+search (sentence-transformers encode + FAISS flat, in its own process), the three taking
  turns in blocks of 16 questions;
- load: 1, 4, 16, 32 concurrent clients on loopback for a bounded time: requests/s, p50, p99, errors;
- indexing: chunks/s and peak RSS (each build in its own process) for the built-in corpus, SQuAD-A
  and a 10x larger corpus made from SQuAD-A, then the time to bring each index up to date after
  one document is edited (incremental build) against the full build;
- pdf: ``citeqa index`` of one generated 200-page PDF in a fresh process: wall time (model load
  included), the embedding share, extraction alone, and the process's peak memory (VmHWM);
- scale: search time, memory and recall@10 of exact (flat) vs approximate (HNSW, IVF) FAISS indexes
  over synthetic clustered unit vectors.

Timings are wall-clock seconds on a shared machine: compare within one run, as ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import faiss
import httpx
import numpy as np
from citeqa.eval.scoring import load_questions
from citeqa.index.embedding import embed
from citeqa.service.engine import Engine
from citeqa.service.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _pct(values: list[float]) -> dict[str, float]:
    ms = np.asarray(values) * 1000.0
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2),
            "p99_ms": round(float(np.percentile(ms, 99)), 2)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _questions() -> list[str]:
    found = [SHARED / "eval" / "questions.jsonl", SHARED / "bench" / "squad-A" / "questions.jsonl"]
    return [q.question for path in found if path.exists() for q in load_questions(path)]


#: The naive peer's encode+search, timed in its own process as a LangChain + FAISS script runs:
#: sentence-transformers on torch, then FAISS flat over citeqa's own vectors. It reads a JSON list
#: of questions per line and answers with the seconds each took.
NAIVE_TIMER = """
import json, sys, time, faiss
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(sys.argv[1], device="cpu")
index = faiss.read_index(sys.argv[2])
model.encode(["warm up"])
print("ready", flush=True)
for line in sys.stdin:
    times = []
    for question in json.loads(line):
        t0 = time.perf_counter()
        index.search(model.encode([question], normalize_embeddings=True), 5)
        times.append(time.perf_counter() - t0)
    print(json.dumps(times), flush=True)
"""


def latency(settings: Settings, questions: list[str], block: int = 16) -> dict[str, Any]:
    """Cold start, first question, and steady-state latency of HTTP, in-process and naive.

    ``in-process Engine.ask`` is the whole answer without HTTP (BM25, fusion, quotes and the
    response model besides encode+search), so that HTTP's own share can be told apart.
    The paths take turns in blocks of ``block`` questions, so machine noise falls on all
    three alike; the naive peer runs in its own process (:data:`NAIVE_TIMER`), as the script it
    stands for would. Interleaving per question inside one process, as this bench did before,
    charged the server with the naive torch threads that were still running when the next HTTP
    request arrived."""
    from citeqa.index.embedding import resolve_model
    from citeqa.index.store import current_version

    port = _free_port()
    # No query cache, in the server or in process: wrk repeats the questions (see load()).
    env = {**os.environ, "CITEQA_CORPUS_DIR": str(settings.corpus_dir), "CITEQA_INDEX_DIR": str(settings.index_dir),
           "CITEQA_QUERY_CACHE": "0"}
    settings = settings.model_copy(update={"query_cache": 0})
    citeqa = str(Path(sys.executable).parent / "citeqa")
    started = time.perf_counter()
    server = subprocess.Popen([citeqa, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    naive: subprocess.Popen[str] | None = None
    wrk_row: dict[str, Any] | None = None
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            while True:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if server.poll() is not None or time.perf_counter() - started > 300:
                    raise RuntimeError("citeqa serve did not become ready")
                time.sleep(0.05)
            cold = time.perf_counter() - started
            t0 = time.perf_counter()
            client.post("/ask", json={"question": questions[0]}).raise_for_status()
            first = time.perf_counter() - t0

            engine = Engine.start(settings)
            model, index = engine.retriever.model, engine.retriever.index.faiss_index
            naive = subprocess.Popen([sys.executable, "-c", NAIVE_TIMER, resolve_model(settings.model),
                                      str(current_version(settings.index_dir) / "index.faiss")],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            assert naive.stdin is not None and naive.stdout is not None
            if naive.stdout.readline().strip() != "ready":
                raise RuntimeError("the naive peer did not start")
            http_t: list[float] = []
            raw_t: list[float] = []
            ask_t: list[float] = []
            naive_t: list[float] = []
            for i in range(0, len(questions), block):
                chunk = questions[i:i + block]
                for question in chunk:
                    t0 = time.perf_counter()
                    client.post("/ask", json={"question": question}).raise_for_status()
                    http_t.append(time.perf_counter() - t0)
                for question in chunk:
                    t0 = time.perf_counter()
                    index.search(embed(model, [question]), 5)
                    raw_t.append(time.perf_counter() - t0)
                for question in chunk:
                    t0 = time.perf_counter()
                    engine.ask(question)
                    ask_t.append(time.perf_counter() - t0)
                naive.stdin.write(json.dumps(chunk) + "\n")
                naive.stdin.flush()
                naive_t += json.loads(naive.stdout.readline())
            if shutil.which("wrk"):
                # The same server from a C client on one connection: what the service itself adds,
                # without a Python client's own time per request (httpx: about 1-2 ms here).
                wrk_row = _wrk_level(url, questions, 1, 5, Path(tempfile.mkdtemp()))
    finally:
        if naive is not None:
            naive.kill()
            naive.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)
    rows = {"http /ask (httpx client)": _pct(http_t)}
    if wrk_row is not None:
        rows["http /ask (wrk, 1 connection)"] = {k: wrk_row[k] for k in ("p50_ms", "p95_ms", "p99_ms")}
    rows |= {"in-process Engine.ask": _pct(ask_t), "in-process encode+search": _pct(raw_t),
             "naive encode+search": _pct(naive_t)}
    http = rows.get("http /ask (wrk, 1 connection)", rows["http /ask (httpx client)"])
    return {"cold_start_s": round(cold, 2), "first_question_ms": round(first * 1000, 1), "rows": rows,
            "http_client": "wrk" if wrk_row is not None else "httpx",
            "http_over_naive_p50": round(http["p50_ms"] / rows["naive encode+search"]["p50_ms"], 2),
            "httpx_over_naive_p50": round(rows["http /ask (httpx client)"]["p50_ms"]
                                          / rows["naive encode+search"]["p50_ms"], 2),
            "http_minus_in_process_p50_ms": round(http["p50_ms"] - rows["in-process encode+search"]["p50_ms"], 2),
            "http_minus_engine_p50_ms": round(http["p50_ms"] - rows["in-process Engine.ask"]["p50_ms"], 2),
            "n_questions": len(questions), "block": block, "url_port": port}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process and its live children (``serve --workers``) have used
    so far (Linux ``/proc/PID/stat``)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if stat.parent.name == str(pid) or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def _load_level(url: str, questions: list[str], clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker(offset: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            i = offset
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                try:
                    response = await client.post("/ask", json={"question": questions[i % len(questions)]})
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)
                i += clients

    started = time.perf_counter()
    await asyncio.gather(*(worker(c) for c in range(clients)))
    elapsed = time.perf_counter() - started
    return {"clients": clients, "requests": len(latencies), "rps": round(len(latencies) / elapsed, 1),
            **_pct(latencies), "errors": errors}


_WRK_SCRIPT = """
local bodies = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/ask", {["Content-Type"] = "application/json"}, bodies[(i %% #bodies) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK {\\"requests\\": %%d, \\"seconds\\": %%f, \\"errors\\": %%d, "
    .. "\\"p50_us\\": %%d, \\"p95_us\\": %%d, \\"p99_us\\": %%d}\\n",
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def _wrk_level(url: str, questions: list[str], clients: int, seconds: float, work: Path) -> dict[str, Any]:
    """One load level driven by wrk (Debian's ``wrk``): a C client, so that the load generator takes
    little of the two cores the server needs; the questions rotate through a Lua script."""
    bodies = ", ".join(f"[==[{json.dumps({'question': q})}]==]" for q in questions)
    script = work / "ask.lua"
    script.write_text(_WRK_SCRIPT % bodies, encoding="utf-8")
    out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{seconds:.0f}s", "--timeout", "30s", "-s", str(script), url],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out.split("WRK ", 1)[1])
    return {"clients": clients, "requests": result["requests"], "rps": round(result["requests"] / result["seconds"], 1),
            "p50_ms": round(result["p50_us"] / 1000, 2), "p95_ms": round(result["p95_us"] / 1000, 2),
            "p99_ms": round(result["p99_us"] / 1000, 2), "errors": result["errors"]}


def load(settings: Settings, questions: list[str], seconds: float, generator: str = "auto",
         workers: int = 1) -> list[dict[str, Any]]:
    """Throughput and tail latency at 1, 4, 16 and 32 concurrent clients against a real server
    (``citeqa serve --workers N``).

    ``generator``: ``wrk``, ``python`` (httpx, asyncio) or ``auto`` (wrk when installed)."""
    use_wrk = generator == "wrk" or (generator == "auto" and shutil.which("wrk") is not None)
    port = _free_port()
    # No query cache: the clients cycle through the same questions, and cache hits would measure
    # the cache rather than the encoder's batching.
    env = {**os.environ, "CITEQA_CORPUS_DIR": str(settings.corpus_dir), "CITEQA_INDEX_DIR": str(settings.index_dir),
           "CITEQA_QUERY_CACHE": "0"}
    server = subprocess.Popen([str(Path(sys.executable).parent / "citeqa"), "serve", "--port", str(port),
                               "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(3000):
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        # /readyz answers from the first worker ready (one still loading accepts no connection):
        # wait until the server's processes are idle, all loaded.
        for _ in range(240):
            before = _cpu_seconds(server.pid)
            time.sleep(0.5)
            if _cpu_seconds(server.pid) - before < 0.05:
                break
        rows = []
        for clients in (1, 4, 16, 32):
            # CPU per request, server and load generator apart: both share the two cores, so the
            # generator's share is CPU the server did not get.
            server_cpu, own = _cpu_seconds(server.pid), os.times()
            if use_wrk:
                row = {"workers": workers, "generator": "wrk",
                       **_wrk_level(url, questions, clients, seconds, Path(tempfile.mkdtemp()))}
            else:
                row = {"workers": workers, "generator": "python", **asyncio.run(_load_level(url, questions, clients, seconds))}
            after = os.times()
            spent = (after.user - own.user + after.system - own.system  # this process, and wrk
                     + after.children_user - own.children_user + after.children_system - own.children_system)
            row["server_cpu_ms_per_req"] = round((_cpu_seconds(server.pid) - server_cpu) * 1000 / row["requests"], 2)
            row["loadgen_cpu_ms_per_req"] = round(spent * 1000 / row["requests"], 2)
            rows.append(row)
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)


_BUILD_CHILD = """
import json, resource, sys, time
from pathlib import Path
from citeqa.corpus.reader import read_corpus
from citeqa.index.build import build_index
from citeqa.index.embedding import load_model
from citeqa.index.manifest import ChunkingParams
model = load_model("sentence-transformers/all-MiniLM-L6-v2")
corpus = read_corpus(Path(sys.argv[1]))
t0 = time.perf_counter()
stored = build_index(corpus, Path(sys.argv[2]), model, "bench", ChunkingParams(chunk_size=500, chunk_overlap=100),
                     show_progress=True)
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# Then one document edited (a paragraph appended, in memory only: the corpus folder is not touched)
# and the index brought up to date incrementally, as `citeqa index` does.
import dataclasses, hashlib
from citeqa.corpus.reader import Corpus
doc = corpus.documents[0]
text = doc.text + 2 * chr(10) + "A paragraph added to measure an incremental build."
edited = dataclasses.replace(doc, layer=dataclasses.replace(doc.layer, text=text),
                             sha256=hashlib.sha256(text.encode()).hexdigest())
corpus = Corpus(corpus.root, (edited, *corpus.documents[1:]), corpus.skipped)
t0 = time.perf_counter()
again = build_index(corpus, Path(sys.argv[2]), model, "bench", ChunkingParams(chunk_size=500, chunk_overlap=100),
                    previous=stored)
incremental = time.perf_counter() - t0
print(json.dumps({"documents": len(corpus.documents), "chunks": stored.manifest.n_chunks, "seconds": seconds,
                  "peak_rss_mib": peak, "incremental_s": incremental,
                  "incremental_new": again.manifest.n_chunks - again.manifest.reused_chunks}))
"""


def indexing(corpora: dict[str, Path], work: Path) -> list[dict[str, Any]]:
    """Chunks embedded per second and peak RSS, each build in a fresh process (progress bar on stderr)."""
    rows = []
    for name, folder in corpora.items():
        out = subprocess.run([sys.executable, "-c", _BUILD_CHILD, str(folder), str(work / f"idx-{name}")],
                             check=True, capture_output=False, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "HF_HUB_OFFLINE": "1"})
        result = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append({"corpus": name, "documents": result["documents"], "chunks": result["chunks"],
                     "build_s": round(result["seconds"], 1), "chunks_per_s": round(result["chunks"] / result["seconds"], 1),
                     "peak_rss_mib": round(result["peak_rss_mib"]),
                     "one_doc_edited_s": round(result["incremental_s"], 2),
                     "chunks_reembedded": result["incremental_new"],
                     "incremental_vs_full": round(result["incremental_s"] / result["seconds"], 3)})
    return rows


def _clustered(n: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """Unit vectors around 1000 random centres: closer to text embeddings than uniform noise."""
    centres = rng.standard_normal((1000, dim)).astype(np.float32)
    vectors = centres[rng.integers(0, 1000, n)] + 0.35 * rng.standard_normal((n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


SCALE_KINDS = ("flat", "hnsw", "ivf", "ivfpq")


def scale(sizes: list[int], dim: int = 384, queries: int = 200, seed: int = 0,
          kinds_wanted: tuple[str, ...] = ("flat", "hnsw", "ivf")) -> list[dict[str, Any]]:
    """Exact vs HNSW vs IVF (vs IVF-PQ): build time, search p50 per query (1 query at a time),
    index bytes, recall@10 against exact search. ``kinds_wanted``: some of :data:`SCALE_KINDS`
    (exact search is always run: it is the recall baseline). IVF-PQ stores 48 bytes per vector
    (48 sub-quantizers of 8 bits over 384 dimensions, Jegou et al., TPAMI 2011), the flat and
    IVF-flat indexes 1536."""
    rng = np.random.default_rng(seed)
    rows = []
    faiss.omp_set_num_threads(2)
    for n in sizes:
        data = _clustered(n, dim, rng)
        q = _clustered(queries, dim, rng)
        flat = faiss.IndexFlatIP(dim)
        kinds: dict[str, faiss.Index] = {"flat (exact)": flat}
        if "hnsw" in kinds_wanted:
            hnsw = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = 80
            kinds["hnsw M=32"] = hnsw
        nlist = int(4 * np.sqrt(n))
        if "ivf" in kinds_wanted:
            kinds[f"ivf{nlist},flat"] = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        if "ivfpq" in kinds_wanted:
            kinds[f"ivf{nlist},pq48"] = faiss.IndexIVFPQ(faiss.IndexFlatIP(dim), dim, nlist, 48, 8,
                                                         faiss.METRIC_INNER_PRODUCT)
        truth = None
        for name, index in kinds.items():
            t0 = time.perf_counter()
            if not index.is_trained:
                index.train(data[rng.choice(n, min(n, 50 * nlist), replace=False)])
            index.add(data)
            build = time.perf_counter() - t0
            # Search-time knobs trade speed for recall: report each setting measured.
            knobs: list[tuple[str, int]] = [("", 0)]
            if name.startswith("hnsw"):
                knobs = [("efSearch", 64), ("efSearch", 256)]
            if name.startswith("ivf"):
                knobs = [("nprobe", 16), ("nprobe", 64)]
            for knob, value in knobs:
                if knob == "efSearch":
                    index.hnsw.efSearch = value
                elif knob == "nprobe":
                    index.nprobe = value
                times, found = [], []
                for i in range(queries):
                    t0 = time.perf_counter()
                    _, ids = index.search(q[i : i + 1], 10)
                    times.append(time.perf_counter() - t0)
                    found.append(ids[0])
                if truth is None:
                    truth = found
                recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth, strict=True)]))
                label = f"{name} {knob}={value}" if knob else name
                rows.append({"vectors": n, "index": label, "build_s": round(build, 1), **_pct(times),
                             "index_mib": round(faiss.serialize_index(index).nbytes / 2**20),
                             "recall@10": round(recall, 3)})
                print(json.dumps(rows[-1]), file=sys.stderr)
            del index
        del data, kinds
    return rows


def plots(report: dict[str, Any], out: Path) -> list[Path]:
    """Draw the load and scale sections of a report as PNGs in ``out``; returns the files written.

    ``bench-load.png``: requests/s and p99 latency against concurrent clients.
    ``bench-scale.png``: search p50 (log scale) and recall@10 against the number of vectors, one
    line per index type and search setting.
    """
    import matplotlib

    matplotlib.use("Agg")  # no display here
    import matplotlib.pyplot as plt

    written = []
    if report.get("load"):
        fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
        for n in dict.fromkeys(r.get("workers", 1) for r in report["load"]):
            rows = [r for r in report["load"] if r.get("workers", 1) == n]
            clients = [r["clients"] for r in rows]
            name = f"{n} worker{'s' if n > 1 else ''}"
            left.plot(clients, [r["rps"] for r in rows], marker="o", label=name)
            right.plot(clients, [r["p50_ms"] for r in rows], marker="o", label=f"p50, {name}")
            right.plot(clients, [r["p99_ms"] for r in rows], marker="o", linestyle="--", label=f"p99, {name}")
        first = report["load"][0]
        left.plot(clients, [first["rps"] * 2] * len(clients), linestyle=":", color="grey", label="2x one client, 1 worker")
        left.set(xlabel="concurrent clients", ylabel="requests/s", xscale="log", xticks=clients, xticklabels=clients)
        left.legend(fontsize=7)
        right.set(xlabel="concurrent clients", ylabel="ms", xscale="log", xticks=clients, xticklabels=clients)
        right.legend(fontsize=7)
        fig.suptitle("POST /ask under load (built-in corpus, loopback)")
        fig.tight_layout()
        written.append(out / "bench-load.png")
        fig.savefig(written[-1], dpi=110)
        plt.close(fig)
    if report.get("scale"):
        rows = report["scale"]
        fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
        series = lambda r: re.sub(r"ivf\d+", "ivf(nlist=4 sqrt n)", r["index"])
        for label in dict.fromkeys(series(r) for r in rows):
            mine = [r for r in rows if series(r) == label]
            sizes = [r["vectors"] for r in mine]
            left.plot(sizes, [r["p50_ms"] for r in mine], marker="o", label=label)
            right.plot(sizes, [r["recall@10"] for r in mine], marker="o", label=label)
        left.set(xlabel="vectors", ylabel="search p50, ms", xscale="log", yscale="log")
        right.set(xlabel="vectors", ylabel="recall@10 vs exact", xscale="log", ylim=(0, 1.02))
        left.axhline(20, color="grey", linestyle=":")
        right.axhline(0.95, color="grey", linestyle=":")
        right.legend(fontsize=7)
        fig.suptitle("Exact vs approximate FAISS search (synthetic 384-d unit vectors)")
        fig.tight_layout()
        written.append(out / "bench-scale.png")
        fig.savefig(written[-1], dpi=110)
        plt.close(fig)
    return written


def _table(rows: list[dict[str, Any]]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


_PDF_CHILD = """
import json, sys, time
from pathlib import Path
from citeqa.eval.cli import main
from citeqa.index.store import read_manifest
t0 = time.perf_counter()
try:
    main(["index", "--corpus", sys.argv[1], "--index", sys.argv[2]])
except SystemExit as exc:
    assert not exc.code, exc.code
seconds = time.perf_counter() - t0
# VmHWM is this process's own peak (ru_maxrss would include the parent's, inherited across exec).
hwm = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM"))
m = read_manifest(Path(sys.argv[2]))
print(json.dumps({"seconds": seconds, "embed_write_s": m.build_seconds, "chunks": m.n_chunks,
                  "peak_rss_mib": int(hwm.split()[1]) / 1024}))
"""


def _write_long_pdf(path: Path, pages: int, seed: int = 0) -> None:
    """A report of ``pages`` pages of varied prose (fpdf2, the test dependency that makes PDFs)."""
    import random

    from fpdf import FPDF

    rng = random.Random(seed)
    subjects = ["The pump", "The committee", "Each valve", "The survey", "Our team", "The turbine", "The audit"]
    verbs = ["measured", "reported", "replaced", "inspected", "approved", "recorded", "reduced"]
    objects = ["the flow rate", "the annual budget", "the seals", "the north wing", "energy use", "the backlog"]
    pdf = FPDF()
    pdf.set_title("Two hundred page report")
    pdf.set_font("helvetica", size=10)
    for number in range(1, pages + 1):
        pdf.add_page()
        for _ in range(4):
            sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} in week "
                         f"{rng.randint(1, 52)} of {rng.randint(1990, 2024)} (page {number})." for _ in range(6)]
            pdf.multi_cell(0, 5, " ".join(sentences), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))


def long_pdf(work: Path, pages: int = 200) -> dict[str, Any]:
    """Index one PDF of ``pages`` pages with ``citeqa index`` in a fresh process: wall time, the
    embedding share, and peak memory; extraction alone is timed here too."""
    from citeqa.corpus.reader import read_layer

    folder = work / "pdf-corpus"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"report-{pages}p.pdf"
    _write_long_pdf(pdf, pages)
    data = pdf.read_bytes()
    t0 = time.perf_counter()
    layer, _ = read_layer(data, "pdf")
    extract_s = time.perf_counter() - t0
    out = subprocess.run([sys.executable, "-c", _PDF_CHILD, str(folder), str(work / "idx-pdf")], check=True,
                         stdout=subprocess.PIPE, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {"pages": len(layer.pages), "file_mib": round(len(data) / 2**20, 2), "characters": len(layer.text),
            "extract_s": round(extract_s, 2), "extract_pages_per_s": round(len(layer.pages) / extract_s),
            "chunks": result["chunks"], "citeqa_index_s": round(result["seconds"], 1),
            "embed_and_write_s": round(result["embed_write_s"], 1),
            "peak_rss_mib": round(result["peak_rss_mib"])}


#: The naive baseline of the start-up section: what a LangChain + FAISS script does to answer one
#: question: import sentence-transformers, load the model (on torch), read the FAISS index,
#: encode, search. It reads citeqa's own index, so both sides search the same vectors.
NAIVE_ONE_QUESTION = """
import sys, faiss
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(sys.argv[1], device="cpu")
index = faiss.read_index(sys.argv[2])
scores, rows = index.search(model.encode([sys.argv[3]], normalize_embeddings=True), 5)
print(rows[0][0], scores[0][0])
"""


def _wall(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to exit of a command that must succeed."""
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return time.perf_counter() - started


def _serve_until_ready(citeqa: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``citeqa serve`` to its first ``/readyz`` 200 (then stopped)."""
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen([citeqa, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.perf_counter() - started > 300:
                raise RuntimeError("citeqa serve did not become ready")
            time.sleep(0.02)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _mcp_first_answer(citeqa: str, env: dict[str, str], question: str) -> float:
    """Seconds from spawning ``citeqa mcp`` (stdio) to the first answer of its ``ask`` tool, as
    an MCP client (the SDK's) sees it."""
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    async def run() -> float:
        started = time.perf_counter()
        async with stdio_client(StdioServerParameters(command=citeqa, args=["mcp"], env=env)) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("ask", {"question": question})
            if result.is_error:
                raise RuntimeError(f"citeqa mcp answered an error: {result.content}")
            return time.perf_counter() - started

    return asyncio.run(run())


def startup(settings: Settings, question: str, repeats: int = 5) -> dict[str, Any]:
    """Time to a first answer in fresh processes, against the naive script, interleaved
    ``repeats`` times (medians): one-shot ``citeqa ask``, ``citeqa serve`` to ``/readyz`` 200,
    ``citeqa mcp`` to its first tool answer, and :data:`NAIVE_ONE_QUESTION`. The index is built
    beforehand, so none of them builds."""
    from citeqa.index.embedding import resolve_model
    from citeqa.index.store import current_version

    env = {**os.environ, "CITEQA_CORPUS_DIR": str(settings.corpus_dir), "CITEQA_INDEX_DIR": str(settings.index_dir)}
    citeqa = str(Path(sys.executable).parent / "citeqa")
    faiss_file = current_version(settings.index_dir) / "index.faiss"
    runs: dict[str, list[float]] = {"naive script (sentence-transformers + FAISS)": [], "citeqa ask (one-shot)": [],
                                    "citeqa serve to /readyz": [], "citeqa mcp to first answer": []}
    naive, ask, serve, mcp = runs
    for _ in range(repeats):
        runs[naive].append(_wall([sys.executable, "-c", NAIVE_ONE_QUESTION, resolve_model(settings.model),
                                  str(faiss_file), question], env))
        runs[ask].append(_wall([citeqa, "ask", question], env))
        runs[serve].append(_serve_until_ready(citeqa, env))
        runs[mcp].append(_mcp_first_answer(citeqa, env, question))
    base = float(np.median(runs[naive]))
    return {"repeats": repeats, "rows": [
        {"process": name, "median_s": round(float(np.median(times)), 2), "min_s": round(min(times), 2),
         "vs_naive": round(float(np.median(times)) / base, 2)} for name, times in runs.items()]}


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks and write ``bench.json`` and ``bench.md`` (tables) into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("eval/bench-out"))
    parser.add_argument("--seconds", type=float, default=8.0, help="duration of each load level")
    parser.add_argument("--scale", default="10000,100000,1000000", help="vector counts for the scale section")
    parser.add_argument("--scale-indexes", default="flat,hnsw,ivf",
                        help=f"index kinds of the scale section, of {','.join(SCALE_KINDS)} (flat always runs)")
    parser.add_argument("--sections", default="startup,latency,load,indexing,pdf,scale")
    parser.add_argument("--repeats", type=int, default=5, help="fresh processes per entry of the startup section")
    parser.add_argument("--workers", default="1,2", help="server layouts of the load section (`serve --workers N`)")
    parser.add_argument("--load-generator", choices=["auto", "wrk", "python"], default="auto",
                        help="wrk (Debian's package) when installed, else an httpx asyncio client")
    parser.add_argument("--plot", type=Path, metavar="BENCH_JSON",
                        help="only redraw the plots of a saved bench.json into --out")
    args = parser.parse_args(argv)
    if args.plot:
        args.out.mkdir(parents=True, exist_ok=True)
        for png in plots(json.loads(args.plot.read_text(encoding="utf-8")), args.out):
            print(png)
        return
    sections = set(args.sections.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="citeqa-bench-"))
    settings = Settings(index_dir=work / "index")
    settings.apply_environment()
    Engine.start(settings)  # build the served index once, outside the timings
    questions = _questions() or ["Is China a party to the 1951 Refugee Convention?"]
    report: dict[str, Any] = {}
    md = [f"# citeqa benchmarks\n\nCommand: `python -m citeqa.eval.bench {' '.join(argv or sys.argv[1:])}`\n"]
    if "startup" in sections:
        report["startup"] = startup(settings, questions[0], args.repeats)
        md += [f"## Start-up: fresh process to first answer (median of {args.repeats}, interleaved)\n",
               _table(report["startup"]["rows"]), ""]
    if "latency" in sections:
        report["latency"] = latency(settings, questions)
        lat = report["latency"]
        md += ["## Query latency (built-in corpus)\n",
               f"Cold start (spawn to /readyz 200): {lat['cold_start_s']} s; first question: {lat['first_question_ms']} ms; "
               f"{lat['n_questions']} questions, the three paths taking turns in blocks of {lat['block']}.\n",
               _table([{"path": k, **v} for k, v in lat["rows"].items()]),
               f"\nHTTP /ask ({lat['http_client']}) p50 / naive encode+search p50 = **{lat['http_over_naive_p50']}x** "
               f"(httpx client: {lat['httpx_over_naive_p50']}x); "
               f"HTTP /ask p50 - in-process encode+search p50 = **{lat['http_minus_in_process_p50_ms']} ms** "
               f"(of which HTTP over in-process Engine.ask: {lat['http_minus_engine_p50_ms']} ms)\n"]
    if "load" in sections:
        report["load"] = [row for n in (int(w) for w in args.workers.split(","))
                          for row in load(settings, questions, args.seconds, args.load_generator, n)]
        first = report["load"][0]["rps"]  # one client, the first layout (one process by default)
        for row in report["load"]:
            base = next(r["rps"] for r in report["load"] if r["workers"] == row["workers"])
            row["rps_vs_1_client"] = round(row["rps"] / base, 2)
            row["rps_vs_first_1_client"] = round(row["rps"] / first, 2)
            row["p99_over_p50"] = round(row["p99_ms"] / row["p50_ms"], 2)
        md += [f"## Throughput under load ({args.seconds:.0f} s per level, loopback)\n", _table(report["load"]), ""]
    if "indexing" in sections:
        squad = SHARED / "bench" / "squad-A" / "corpus"
        corpora = {"built-in": settings.corpus_dir}
        if squad.exists():
            corpora["squad-A"] = squad
            big = work / "squad-A-x10"
            for copy in range(10):  # the real text ten times, each paragraph marked with its copy
                for article in sorted(squad.iterdir()):  # (identical passages would be embedded once)
                    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
                    target = big / f"copy{copy}" / article.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text("\n\n".join(f"{p} (copy {copy})" if p.strip() else p for p in paragraphs),
                                      encoding="utf-8")
            corpora["squad-A x10"] = big
        report["indexing"] = indexing(corpora, work)
        md += ["## Indexing (each build in a fresh process)\n", _table(report["indexing"]), ""]
    if "pdf" in sections:
        report["pdf"] = [long_pdf(work)]
        md += ["## Indexing a 200-page PDF (`citeqa index` in a fresh process, model load included)\n",
               _table(report["pdf"]), ""]
    if "scale" in sections:
        wanted = tuple(k for k in args.scale_indexes.split(",") if k)
        if not set(wanted) <= set(SCALE_KINDS):
            parser.error(f"--scale-indexes takes {','.join(SCALE_KINDS)}")
        report["scale"] = scale([int(s) for s in args.scale.split(",")], kinds_wanted=wanted)
        md += ["## Scale: exact vs approximate search (synthetic clustered unit vectors, dim 384, 1 thread per query batch of 1)\n",
               _table(report["scale"]), ""]
    for png in plots(report, args.out):
        md.append(f"![{png.stem}]({png.name})")
    (args.out / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
