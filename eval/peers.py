"""The peers measured beside citeqa.

*naive*: what a user writes in 30 lines with LangChain + FAISS. RecursiveCharacterTextSplitter(500,
50) with ``add_start_index`` over the raw files (no cleaning), the same embedding model, a flat
FAISS inner-product index, top-k by cosine. Its spans come from the splitter's ``start_index``,
exactly as such a script would cite them.

*txtai*: what a user picks instead of citeqa: txtai's hybrid index (its BM25 scoring plus the same
MiniLM model, convex fusion at txtai's default weight 0.5) over the same LangChain chunks. txtai
returns text, not offsets, so spans are recovered with ``str.find`` in the document, as its users
must. Needs the ``eval`` extra (``pip install 'citeqa[eval]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import faiss
from langchain_text_splitters import RecursiveCharacterTextSplitter

from citeqa.corpus.reader import Corpus
from citeqa.eval.scoring import Cited
from citeqa.index.embedding import embed

if TYPE_CHECKING:
    from citeqa.index.embedding import Encoder


class NaivePeer:
    """LangChain splitter 500/50 + the same model + FAISS flat, top-k by cosine."""

    def __init__(self, corpus: Corpus, model: Encoder) -> None:
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


class TxtaiPeer:
    """txtai ``Embeddings(hybrid=True, content=True)`` over LangChain 500/50 chunks."""

    def __init__(self, corpus: Corpus, model_path: str) -> None:
        """Chunk the corpus and build txtai's hybrid index (the peer's build).

        Args:
            corpus: the documents.
            model_path: a sentence-transformers model folder (the same model citeqa uses).

        Raises:
            ImportError: txtai is not installed (the ``eval`` extra).
        """
        from txtai import Embeddings  # the eval extra; imported only when this peer runs

        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
        texts = {d.doc_id: d.text for d in corpus.documents}
        self.chunks: list[tuple[str, str]] = [
            (d.doc_id, piece) for d in corpus.documents for piece in splitter.split_text(d.text)
        ]
        self.texts = texts
        self.embeddings = Embeddings(path=model_path, content=True, hybrid=True)
        self.embeddings.index([(i, text, None) for i, (_, text) in enumerate(self.chunks)])

    def search(self, question: str, k: int) -> tuple[list[Cited], list[float]]:
        """Top-k spans and txtai's fused scores, best first."""
        results = self.embeddings.search(question, k)
        spans, scores = [], []
        for result in results:
            doc_id, text = self.chunks[int(result["id"])]
            start = self.texts[doc_id].find(text)  # first occurrence, as a txtai user would cite
            spans.append(Cited(doc_id, start, start + len(text)))
            scores.append(float(result["score"]))
        return spans, scores


def rrf(rankings: list[list[Cited]], k: int, constant: int = 60) -> list[Cited]:
    """Reciprocal rank fusion (Cormack, Clarke & Buettcher, SIGIR 2009): score = sum 1/(60 + rank).

    Items are keyed by document and span, never by text alone.
    """
    scores: dict[Cited, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (constant + rank)
    return [item for item, _ in sorted(scores.items(), key=lambda kv: -kv[1])][:k]
