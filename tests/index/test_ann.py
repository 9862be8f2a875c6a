from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from citeqa.index.ann import build_ann_index, index_type


def _unit(n: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((50, dim)).astype(np.float32)
    v = centres[rng.integers(0, 50, n)] + 0.3 * rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_corpora_are_exact_large_ones_ivf_with_good_recall(tmp_path: Path) -> None:
    data, queries = _unit(20_000, 64, 0), _unit(100, 64, 1)
    exact = build_ann_index(data)
    assert index_type(exact) == "IndexFlatIP"
    approx = build_ann_index(data, exact_max=10_000)
    assert index_type(approx).startswith("IndexIVFFlat(nlist=565,nprobe=16")
    faiss.write_index(approx, str(tmp_path / "ivf.faiss"))
    loaded = faiss.read_index(str(tmp_path / "ivf.faiss"))  # nprobe and direct map survive
    assert loaded.nprobe == 16
    assert np.allclose(loaded.reconstruct_batch(np.array([3, 9999])), data[[3, 9999]])
    _, truth = exact.search(queries, 10)
    _, found = loaded.search(queries, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, found, strict=True)])
    assert recall >= 0.9


def test_a_filtered_search_returns_only_allowed_rows_flat_and_ivf() -> None:
    from citeqa.index.shards import _search

    data, queries = _unit(12_000, 32, 2), _unit(5, 32, 3)
    allowed = np.arange(0, 12_000, 7, dtype=np.int64)
    for index in (build_ann_index(data), build_ann_index(data, exact_max=10_000)):
        rows = np.stack([_search(index, query.reshape(1, -1), 10, allowed)[1] for query in queries])
        assert rows.shape == (5, 10) and set(rows.ravel()) <= set(allowed.tolist())
        # Exact for a flat index: the same top 10 as searching the allowed rows alone.
        if index_type(index) == "IndexFlatIP":
            truth = allowed[np.argsort(-(data[allowed] @ queries.T), axis=0)[:10].T]
            assert (np.sort(rows, axis=1) == np.sort(truth, axis=1)).all()
