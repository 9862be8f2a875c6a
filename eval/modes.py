"""The modes ``citeqa eval`` compares (a light module: the CLI reads it without importing the
harness, FAISS or the peers)."""

#: citeqa's own modes and the peers, in the order of the report.
ALL_MODES = ("naive", "txtai", "bm25", "rrf-peer", "dense", "hybrid", "citeqa")
