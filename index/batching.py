"""Micro-batching of query embeddings: concurrent questions share one encoder call.

Encoding 32 short questions together takes about half the CPU of 32 single passes (207 ms
against 381 ms for 32 SQuAD questions, all-MiniLM-L6-v2 on ONNX, 2 cores), and requests served in
parallel threads would otherwise each run their own pass and fight over the same cores. One worker thread takes whatever questions are waiting (up to ``max_batch``), encodes
them together, and hands each caller its rows. While it encodes, new questions queue up and form the
next batch, so batches grow with the load without a fixed wait; ``max_wait_s`` can add one (at one
client it only adds latency: with 2 ms of waiting, HTTP /ask took 16.4 ms at p50 against 14.7 ms).
Recently asked questions come from an LRU cache without touching the model.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from queue import Empty, SimpleQueue

import numpy as np
import numpy.typing as npt

Encode = Callable[[list[str]], npt.NDArray[np.float32]]


class MicroBatcher:
    """Thread-safe ``encode(texts) -> (len(texts), dim) float32`` that batches concurrent calls."""

    def __init__(self, encode: Encode, *, max_batch: int = 32, max_wait_s: float = 0.0,
                 cache_size: int = 1024) -> None:
        """Start the worker thread.

        Args:
            encode: the underlying encoder, ``(n,) texts -> (n, dim) float32``.
            max_batch: most texts per encoder call.
            max_wait_s: how long the first waiting text waits for others, in seconds.
            cache_size: entries of the LRU cache of text -> vector (0 disables it).
        """
        self._encode = encode
        self._max_batch = max_batch
        self._max_wait_s = max_wait_s
        self._cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._queue: SimpleQueue[tuple[list[str], Future[npt.NDArray[np.float32]]]] = SimpleQueue()
        threading.Thread(target=self._run, name="citeqa-encoder", daemon=True).start()

    def __call__(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """Embed texts; blocks until the worker has encoded them (or they were cached).

        Returns:
            ``(len(texts), dim)`` float32, the rows ``encode`` would give.

        Raises:
            Exception: whatever the underlying encoder raised for this batch.
        """
        with self._lock:
            cached = [self._cache.get(t) for t in texts]
            for text, hit in zip(texts, cached, strict=True):
                if hit is not None:
                    self._cache.move_to_end(text)
        if all(hit is not None for hit in cached):
            return np.stack(cached)  # type: ignore[arg-type]
        future: Future[npt.NDArray[np.float32]] = Future()
        self._queue.put((texts, future))
        return future.result()

    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            size = len(batch[0][0])
            until = time.monotonic() + self._max_wait_s
            while size < self._max_batch:
                remaining = until - time.monotonic()
                try:
                    item = self._queue.get(timeout=remaining) if remaining > 0 else self._queue.get_nowait()
                except Empty:
                    break
                batch.append(item)
                size += len(item[0])
            texts = [t for item_texts, _ in batch for t in item_texts]
            try:
                vectors = self._encode(texts)
            except Exception as exc:  # handed to every caller of this batch
                for _, future in batch:
                    future.set_exception(exc)
                continue
            row = 0
            with self._lock:
                for text, vector in zip(texts, vectors, strict=True):
                    if self._cache_size:
                        self._cache[text] = vector
                        self._cache.move_to_end(text)
                        while len(self._cache) > self._cache_size:
                            self._cache.popitem(last=False)
            for item_texts, future in batch:
                future.set_result(vectors[row : row + len(item_texts)])
                row += len(item_texts)
