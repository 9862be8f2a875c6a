from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from citeqa.index.batching import MicroBatcher


def _fake_encode(calls: list[int]):  # type: ignore[no-untyped-def]
    lock = threading.Lock()

    def encode(texts: list[str]) -> np.ndarray:
        with lock:
            calls.append(len(texts))
        return np.asarray([[float(len(t)), float(ord(t[0]))] for t in texts], dtype=np.float32)

    return encode


def test_concurrent_calls_share_batches_and_get_their_own_rows() -> None:
    calls: list[int] = []
    batcher = MicroBatcher(_fake_encode(calls), max_batch=64, max_wait_s=0.05, cache_size=0)
    texts = [f"{chr(97 + i % 26)}{'x' * i}" for i in range(40)]
    with ThreadPoolExecutor(max_workers=40) as pool:
        results = list(pool.map(lambda t: batcher([t]), texts))
    for text, row in zip(texts, results, strict=True):
        assert row.shape == (1, 2) and row[0, 0] == len(text) and row[0, 1] == ord(text[0])
    assert sum(calls) == 40 and len(calls) < 40  # some calls were batched together


def test_cache_and_errors() -> None:
    calls: list[int] = []
    batcher = MicroBatcher(_fake_encode(calls), max_wait_s=0.0, cache_size=2)
    first = batcher(["hello"])
    assert np.array_equal(batcher(["hello"]), first) and calls == [1]  # second came from the cache

    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("encoder down")

    with pytest.raises(RuntimeError, match="encoder down"):
        MicroBatcher(broken)(["x"])


def test_batched_model_embeddings_match_single_ones(model) -> None:  # type: ignore[no-untyped-def]
    from citeqa.index.embedding import embed

    batcher = MicroBatcher(lambda texts: embed(model, texts), max_wait_s=0.02, cache_size=0)
    questions = ["Is China a party to the Refugee Convention?", "How many North Koreans hide in China?"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        rows = list(pool.map(lambda q: batcher([q])[0], questions))
    for question, row in zip(questions, rows, strict=True):
        assert float(row @ embed(model, [question])[0]) > 0.9999


def test_a_lone_call_is_encoded_on_the_callers_thread() -> None:
    # No hand-off to a worker thread and back when nothing else is waiting (index/batching.py).
    threads: list[int] = []

    def encode(texts: list[str]) -> np.ndarray:
        threads.append(threading.get_ident())
        return np.zeros((len(texts), 2), dtype=np.float32)

    batcher = MicroBatcher(encode, cache_size=0)
    batcher(["one"])
    batcher(["two"])
    assert threads == [threading.get_ident()] * 2


def test_many_callers_each_get_their_rows_and_batches_respect_the_cap() -> None:
    calls: list[int] = []
    batcher = MicroBatcher(_fake_encode(calls), max_batch=4, max_wait_s=0.0, cache_size=0)
    texts = [f"{chr(97 + i % 26)}{'y' * (i % 50)}" for i in range(300)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda t: batcher([t]), texts))
    for text, row in zip(texts, results, strict=True):
        assert row[0, 0] == len(text) and row[0, 1] == ord(text[0])
    assert sum(calls) == 300 and max(calls) <= 4


def test_an_error_reaches_every_caller_of_its_batch_and_the_batcher_recovers() -> None:
    state = {"fail": True}
    gate = threading.Event()

    def encode(texts: list[str]) -> np.ndarray:
        gate.wait(5)
        if state["fail"]:
            raise RuntimeError("encoder down")
        return np.ones((len(texts), 2), dtype=np.float32)

    batcher = MicroBatcher(encode, max_wait_s=0.0, cache_size=0)

    def call(text: str) -> str:
        try:
            batcher([text])
            return "ok"
        except RuntimeError as exc:
            return str(exc)

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(call, f"q{i}") for i in range(8)]
        gate.set()
        outcomes = [f.result(timeout=10) for f in futures]
    assert outcomes == ["encoder down"] * 8
    state["fail"] = False
    assert batcher(["again"]).shape == (1, 2)
