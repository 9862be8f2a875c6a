"""Choose and build the FAISS index for a corpus by its size.

Exact search (``IndexFlatIP``) up to ``EXACT_MAX`` vectors; above, an inverted-file index
(``IndexIVFFlat``, ``nlist = 4 * sqrt(n)`` lists, ``nprobe = 16``), the FAISS guidelines' choice for
1e5-1e6 vectors. The crossover comes from ``python -m citeqa.eval.bench --sections scale``
(eval/BENCH.md): on 384-d vectors flat search took a 1.3-1.9 ms p50 per query at 10k, 40 ms at 100k
and 245 ms at 1M, while IVF with nprobe 16 took 0.27 ms at 100k with recall@10 0.957 against exact.
HNSW lost recall on the clustered benchmark data (0.61 at 100k with efSearch 256), so it is not used.
Inner product on L2-normalised rows is cosine either way.
"""

from __future__ import annotations

import math

import faiss
import numpy as np
import numpy.typing as npt

#: Largest corpus (in chunks) searched exactly; see the module docstring for the figures.
EXACT_MAX = 50_000
#: IVF lists probed per query (recall@10 0.957 at 100k vectors in eval/BENCH.md).
NPROBE = 16


def build_ann_index(vectors: npt.NDArray[np.float32], *, exact_max: int = EXACT_MAX, seed: int = 0) -> faiss.Index:
    """Build the index for ``(n, dim)`` float32 L2-normalised rows, exact or IVF by ``n``.

    Args:
        vectors: the chunk embeddings, row ``i`` for chunk ``i``.
        exact_max: up to this many rows the index is exact.
        seed: k-means seed for the IVF lists (builds are reproducible).

    Returns:
        A FAISS index holding every row with id = row number; an IVF index has a direct map, so
        ``reconstruct`` works (the hybrid ranking needs it), and ``nprobe`` set.
    """
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    n, dim = data.shape
    if n <= exact_max:
        index = faiss.IndexFlatIP(dim)
        index.add(data)
        return index
    nlist = int(4 * math.sqrt(n))
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.cp.seed = seed
    sample = np.random.default_rng(seed).choice(n, size=min(n, 50 * nlist), replace=False)
    ivf.train(data[np.sort(sample)])
    ivf.add(data)
    ivf.make_direct_map()
    ivf.nprobe = NPROBE
    return ivf


def index_type(index: faiss.Index) -> str:
    """A short name for the manifest, e.g. ``"IndexFlatIP"`` or ``"IndexIVFFlat(nlist=1264,nprobe=16)"``."""
    if isinstance(index, faiss.IndexIVF):
        return f"{type(index).__name__}(nlist={index.nlist},nprobe={index.nprobe})"
    return str(type(index).__name__)
