"""Run a question set through every mode, side by side, in one run.

Modes: ``naive`` (the LangChain + FAISS peer), ``txtai`` (txtai's hybrid index, the strongest
ready-made peer), ``bm25``, ``rrf-peer`` (plain RRF of naive and bm25,
the strongest peer a user could assemble), ``dense`` and ``hybrid`` (citeqa's chunks), and
``citeqa`` (exactly what ``/ask`` serves, through the engine, or over HTTP with ``via_http``).
Every mode returns its top 10 (for MRR@10 and nDCG@10); peers never abstain.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx
import numpy as np

from citeqa.eval.modes import ALL_MODES
from citeqa.eval.peers import NaivePeer, TxtaiPeer, rrf
from citeqa.eval.scoring import Cited, Question, RunEntry, score_run
from citeqa.index.embedding import load_model, resolve_model
from citeqa.service.engine import Engine

DEPTH = 10

Ranker = Callable[[str], tuple[list[Cited], float, bool]]


@dataclass(frozen=True)
class ModeResult:
    """One mode's run, measures and per-question latencies (seconds)."""

    mode: str
    run: dict[str, RunEntry]
    metrics: dict[str, float]
    latencies: list[float]
    build_seconds: float
    recall_curve: list[float]


def _rankers(engine: Engine, modes: Sequence[str], via_http: str | None) -> dict[str, tuple[Ranker, float]]:
    retriever = engine.retriever
    chunks = retriever.index.chunks
    cite = lambda row: Cited(chunks[row].doc_id, chunks[row].start, chunks[row].end)  # noqa: E731
    naive: NaivePeer | None = None
    naive_seconds = 0.0
    if {"naive", "rrf-peer"} & set(modes):
        started = time.perf_counter()
        # The peer is what a LangChain + FAISS script runs: the model on plain torch, whatever
        # backend citeqa itself uses (ONNX gives the same vectors, but faster; eval/BENCH.md).
        settings = engine.settings
        peer_model = (retriever.model if settings.backend == "torch"
                      else load_model(settings.model, settings.device, "torch"))
        naive = NaivePeer(engine.read_corpus(), peer_model)
        naive_seconds = time.perf_counter() - started

    txtai: TxtaiPeer | None = None
    txtai_seconds = 0.0
    if "txtai" in modes:
        started = time.perf_counter()
        txtai = TxtaiPeer(engine.read_corpus(), resolve_model(engine.settings.model))
        txtai_seconds = time.perf_counter() - started

    def txtai_rank(q: str) -> tuple[list[Cited], float, bool]:
        assert txtai is not None
        spans, scores = txtai.search(q, DEPTH)
        return spans, scores[0] if scores else 0.0, False

    def naive_rank(q: str) -> tuple[list[Cited], float, bool]:
        assert naive is not None
        spans, scores = naive.search(q, DEPTH)
        return spans, scores[0] if scores else 0.0, False

    def mode_rank(mode: str) -> Ranker:
        def rank(q: str) -> tuple[list[Cited], float, bool]:
            ranked, _ = retriever.rank(q, DEPTH, mode, dense_weight=engine.settings.hybrid_dense_weight)  # type: ignore[arg-type]
            return [cite(r) for r, _ in ranked], ranked[0][1] if ranked else 0.0, False
        return rank

    def rrf_peer(q: str) -> tuple[list[Cited], float, bool]:
        spans, scores, _ = naive_rank(q)
        lexical = [cite(r) for r, _ in retriever.rank(q, DEPTH, "bm25")[0]]
        return rrf([spans, lexical], DEPTH), scores, False

    def citeqa(q: str) -> tuple[list[Cited], float, bool]:
        response = engine.ask(q, DEPTH, abstain=False)
        return ([Cited(p.doc_id, p.start, p.end) for p in response.passages],
                response.confidence, not response.answered)

    client = httpx.Client(base_url=via_http, timeout=60) if via_http else None

    def over_http(q: str) -> tuple[list[Cited], float, bool]:
        assert client is not None
        response = client.post("/ask", json={"question": q, "k": DEPTH, "abstain": False})
        response.raise_for_status()
        body = response.json()
        return ([Cited(p["doc_id"], p["start"], p["end"]) for p in body["passages"]],
                body["confidence"], not body["answered"])

    build = retriever.index.manifest.build_seconds
    table: dict[str, tuple[Ranker, float]] = {
        "naive": (naive_rank, naive_seconds),
        "txtai": (txtai_rank, txtai_seconds),
        "bm25": (mode_rank("bm25"), build),
        "rrf-peer": (rrf_peer, naive_seconds + build),
        "dense": (mode_rank("dense"), build),
        "hybrid": (mode_rank("hybrid"), build),
        "citeqa": (over_http if client else citeqa, build),
    }
    return {mode: table[mode] for mode in modes}


def evaluate(engine: Engine, questions: Sequence[Question], modes: Sequence[str] = ALL_MODES,
             k: int = 5, via_http: str | None = None) -> list[ModeResult]:
    """Run every question through every mode and score the runs.

    Args:
        engine: a started engine over the question set's corpus.
        questions: the question set.
        modes: any of :data:`ALL_MODES`.
        k: cut-off for hit@k and recall@k.
        via_http: base URL of a running citeqa service; the ``citeqa`` mode then goes over HTTP.

    Returns:
        One result per mode, in the order asked.

    Raises:
        ValueError: an unknown mode.
        httpx.HTTPError: the service at ``via_http`` failed.
    """
    unknown = set(modes) - set(ALL_MODES)
    if unknown:
        raise ValueError(f"unknown mode(s) {sorted(unknown)}; choose from {', '.join(ALL_MODES)}")
    rankers = _rankers(engine, modes, via_http)
    runs: dict[str, dict[str, RunEntry]] = {mode: {} for mode in rankers}
    latencies: dict[str, list[float]] = {mode: [] for mode in rankers}
    for ranker, _ in rankers.values():
        ranker(questions[0].question)  # warm-up, so the first timing is not a cold cache
    # Modes take turns on each question, so a busy spell of the shared machine slows them all alike
    # and the latency ratios between modes stay meaningful.
    for q in questions:
        for mode, (ranker, _) in rankers.items():
            started = time.perf_counter()
            passages, confidence, abstained = ranker(q.question)
            latencies[mode].append(time.perf_counter() - started)
            runs[mode][q.id] = RunEntry(q.id, abstained, confidence, tuple(passages[:DEPTH]))
    results = []
    for mode, (_, build_seconds) in rankers.items():
        run = runs[mode]
        curve = [score_run(questions, run, k=i)[f"recall@{i}"] for i in range(1, DEPTH + 1)]
        results.append(ModeResult(mode, run, score_run(questions, run, k=k), latencies[mode], build_seconds, curve))
    return results


def latency_ms(latencies: Sequence[float]) -> tuple[float, float]:
    """p50 and p95 of per-question latencies, in milliseconds."""
    values = np.asarray(latencies) * 1000.0
    return float(np.percentile(values, 50)), float(np.percentile(values, 95))
