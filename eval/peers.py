"""The naive peer: what a user writes in 30 lines with LangChain + FAISS, measured beside citeqa.

RecursiveCharacterTextSplitter(500, 50) with ``add_start_index`` over the raw files (no cleaning),
the same embedding model, a flat FAISS inner-product index, top-k by cosine. Its spans come from the
splitter's ``start_index``, exactly as such a script would cite them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import faiss
from langchain_text_splitters import RecursiveCharacterTextSplitter

from citeqa.corpus.reader import Corpus
from citeqa.eval.scoring import Cited
from citeqa.index.embedding import embed

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


class NaivePeer:
    """LangChain splitter 500/50 + the same model + FAISS flat, top-k by cosine."""

    def __init__(self, corpus: Corpus, model: SentenceTransformer) -> None:
        """Chunk and embed the corpus (the peer's build)."""
        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50, add_start_index=True)
        docs = splitter.create_documents([d.text for d in corpus.documents],
                                         metadatas=[{"doc_id": d.doc_id} for d in corpus.documents])
        self.spans = [
            Cited(d.metadata["doc_id"], d.metadata["start_index"], d.metadata["start_index"] + len(d.page_content))
            for d in docs
        ]
        self.model = model
        vectors = embed(model, [d.page_content for d in docs])  # same folding as citeqa; see search()
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)

    def search(self, question: str, k: int) -> tuple[list[Cited], list[float]]:
        """Top-k spans and their cosines, best first."""
        # The same embed() as citeqa (text folding included), so the comparison isolates chunking
        # and ranking rather than input normalisation.
        query = embed(self.model, [question])
        scores, rows = self.index.search(query, k)
        return [self.spans[int(r)] for r in rows[0] if r >= 0], [float(s) for s in scores[0]]


def rrf(rankings: list[list[Cited]], k: int, constant: int = 60) -> list[Cited]:
    """Reciprocal rank fusion (Cormack, Clarke & Buettcher, SIGIR 2009): score = sum 1/(60 + rank).

    Items are keyed by document and span, never by text alone.
    """
    scores: dict[Cited, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (constant + rank)
    return [item for item, _ in sorted(scores.items(), key=lambda kv: -kv[1])][:k]
