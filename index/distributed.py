"""Indexing across a Ray cluster (the ``citeqa[ray]`` extra): reading, cleaning and chunking as
Ray tasks, embedding on a Ray Data actor pool; the driver plans, assembles and writes.

A distributed build writes the index a local build writes: :func:`citeqa.index.build.build_index`
runs on the driver as always, with :func:`chunk_on_ray` and :func:`ray_embedder` as its chunking
and embedding steps. So the reuse of unchanged documents, the row order (documents by id, chunks
by offset), the manifest and the atomic swap are the local build's own code; the workers only
compute. Results are put back in input order by row number, whatever order the workers finish
in (Ray Data does not keep it unless asked). The driver reads the files (a cluster's workers may
not see the corpus folder) and ships their bytes: extraction (PDF, Office, HTML) runs on the
cluster.

Ray is imported inside the functions: the core install does not have it. Joining a cluster
(:func:`citeqa.service.ray_cluster.connect`) is the caller's business: it reads the environment.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from citeqa.corpus.reader import (
    Corpus,
    Document,
    SkippedFile,
    corpus_of,
    document_from_bytes,
    list_corpus_files,
    load_file,
)
from citeqa.index.build import chunk_locally
from citeqa.index.chunking import Chunk
from citeqa.index.embedding import Backend
from citeqa.index.manifest import ChunkingParams


def _groups(n: int, parts: int) -> list[range]:
    """``range(n)`` cut into at most ``parts`` contiguous, nearly equal ranges."""
    parts = max(1, min(parts, n))
    bounds = np.linspace(0, n, parts + 1).astype(int)
    return [range(int(a), int(b)) for a, b in itertools.pairwise(bounds) if b > a]


def _cluster_cpus() -> int:
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]


def _parse(items: list[tuple[str, bytes]], encoding: str | None) -> list[Document | SkippedFile]:
    return [document_from_bytes(doc_id, data, encoding) for doc_id, data in items]


def read_corpus_on_ray(root: Path, *, encoding: str | None = None,
                       on_file: Callable[[str], None] = lambda doc_id: None) -> Corpus:
    """:func:`citeqa.corpus.reader.read_corpus`, with the text extraction run as Ray tasks.

    The driver lists and reads the files (:func:`~citeqa.corpus.reader.load_file`); the workers
    turn bytes into documents (:func:`~citeqa.corpus.reader.document_from_bytes`). Same result,
    same order (by doc id), same skipped files and reasons.

    Raises:
        CorpusNotFoundError, EmptyCorpusError: as ``read_corpus``.
    """
    import ray

    files = list_corpus_files(root)
    loaded: list[bytes | SkippedFile] = []
    for doc_id, path in files:
        loaded.append(load_file(doc_id, path))
        on_file(doc_id)
    todo = [(doc_id, data) for (doc_id, _), data in zip(files, loaded, strict=True) if isinstance(data, bytes)]
    parse = ray.remote(_parse)
    parsed = [r for part in ray.get([parse.remote([todo[i] for i in g], encoding)
                                     for g in _groups(len(todo), 4 * _cluster_cpus())]) for r in part]
    by_id = {r.doc_id: r for r in parsed}
    return corpus_of(root, [data if isinstance(data, SkippedFile) else by_id[doc_id]
                            for (doc_id, _), data in zip(files, loaded, strict=True)])


def chunk_on_ray(documents: Sequence[Document], chunking: ChunkingParams) -> list[list[Chunk]]:
    """Clean and chunk documents as Ray tasks (a
    :data:`citeqa.index.build.ChunkDocuments`): each document's chunks, in the documents' order."""
    import ray

    if not documents:
        return []
    task = ray.remote(chunk_locally)
    refs = [task.remote([documents[i] for i in g], chunking) for g in _groups(len(documents), 4 * _cluster_cpus())]
    return [chunks for part in ray.get(refs) for chunks in part]


class _Embedder:
    """A Ray Data actor: loads the model once, embeds batches of ``{"row", "text"}``."""

    def __init__(self, model: str, backend: Backend, threads: int, cache_dir: str | None, batch_size: int) -> None:
        from citeqa.index.embedding import load_model, pass_size

        self.model = load_model(model, "cpu", backend, threads=threads, cache_dir=Path(cache_dir) if cache_dir else None)
        self.batch_size = pass_size(backend, batch_size)

    def __call__(self, batch: dict[str, npt.NDArray[Any]]) -> dict[str, npt.NDArray[Any]]:
        from citeqa.index.embedding import embed

        return {"row": batch["row"], "vector": embed(self.model, [str(t) for t in batch["text"]],
                                                     batch_size=self.batch_size)}


def ray_embedder(model: str, backend: Backend, *, cache_dir: Path | None, batch_size: int = 64,
                 ray_batch_size: int = 256, embedders: int = 2, cpus: int = 1) -> Callable[[list[str]], npt.NDArray[np.float32]]:
    """An :data:`citeqa.index.build.EmbedTexts` that embeds on a Ray Data actor pool.

    Args:
        model: the model setting (hub name or local folder), loaded by each actor.
        backend: torch, onnx or onnx-int8, as for a local build.
        cache_dir: the ONNX export cache (on each node's disk).
        batch_size: texts per encoder pass inside an actor (the batch size of a local build).
        ray_batch_size: texts per Ray Data batch handed to an actor.
        embedders: actors in the pool.
        cpus: CPUs each actor reserves; also its ONNX threads.

    Returns:
        ``texts -> (len(texts), dim) float32`` rows in the texts' order.
    """

    def embed_texts(texts: list[str]) -> npt.NDArray[np.float32]:
        import logging

        import ray
        import ray.data

        # Ray Data logs its progress at INFO once per second when stderr is not a terminal (its
        # import sets up that logger, so this comes after it).
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        dataset = ray.data.from_items([{"row": i, "text": t} for i, t in enumerate(texts)])
        vectors = dataset.map_batches(
            _Embedder, batch_size=ray_batch_size, compute=ray.data.ActorPoolStrategy(size=embedders), num_cpus=cpus,
            batch_format="numpy",
            fn_constructor_kwargs={"model": model, "backend": backend, "threads": cpus,
                                   "cache_dir": str(cache_dir) if cache_dir else None, "batch_size": batch_size},
        )
        out: npt.NDArray[np.float32] | None = None
        filled = 0
        for batch in vectors.iter_batches(batch_size=None, batch_format="numpy"):
            rows, got = batch["row"].astype(np.int64), np.asarray(batch["vector"], dtype=np.float32)
            if out is None:
                out = np.empty((len(texts), got.shape[1]), dtype=np.float32)
            out[rows] = got  # by row number: workers finish in any order
            filled += len(rows)
        if out is None or filled != len(texts):
            raise RuntimeError(f"the Ray embedders returned {filled} of {len(texts)} vectors")
        return out

    return embed_texts
