"""BM25 over the chunks (bm25s, Lucene scoring), built from the stored chunk texts at load time.

Lucene's BM25 variant with k1 = 1.5, b = 0.75 (bm25s defaults; Robertson & Zaragoza 2009, Lucene's
``BM25Similarity``), English stopwords, and the Snowball English stemmer (PyStemmer). Measured in
the hybrid ranking (weight 0.6) on both shared sets, the stemmer raised MRR@10 from 0.924 to 1.000
(dev) and hit@5 from 0.900 to 0.925 (SQuAD-A); see eval/RESULTS.md.
"""

from __future__ import annotations

import bm25s
import numpy as np
import numpy.typing as npt
import Stemmer

from citeqa.corpus.cleaning import normalize_for_matching


class Bm25Index:
    """A BM25 index whose row ``i`` is passage ``i`` of the FAISS index."""

    def __init__(self, texts: list[str]) -> None:
        """Tokenize and index ``texts`` (one per chunk, in row order).

        Args:
            texts: what BM25 sees of each chunk (its context line and text).
        """
        self._stemmer = Stemmer.Stemmer("english")
        tokens = self._tokenize(texts)
        self._model = bm25s.BM25(method="lucene")
        self._model.index(tokens, show_progress=False)
        self.vocabulary: frozenset[str] = frozenset(self._model.vocab_dict)
        #: The terms of each passage (row order), for coverage signals.
        self.passage_terms: tuple[frozenset[str], ...] = tuple(frozenset(t) for t in tokens)
        self.size = len(texts)

    def _tokenize(self, texts: list[str]) -> list[list[str]]:
        folded = [normalize_for_matching(t) for t in texts]
        result: list[list[str]] = bm25s.tokenize(
            folded, stopwords="en", stemmer=self._stemmer, return_ids=False, show_progress=False
        )
        return result

    def tokenize_many(self, texts: list[str]) -> list[list[str]]:
        """Stemmed content terms of each text (one tokenizer call for all)."""
        return self._tokenize(texts)

    def query_terms(self, query: str) -> list[str]:
        """The query's stemmed content terms (stopwords removed), in order, duplicates kept."""
        return self._tokenize([query])[0]

    def scores(self, query_terms: list[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every passage for a query.

        Args:
            query_terms: the query's terms, from :meth:`query_terms`.

        Returns:
            ``(n_chunks,)`` float32, >= 0; all zeros when no query term is in the vocabulary.
        """
        terms = [t for t in query_terms if t in self.vocabulary]
        if not terms:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(terms), dtype=np.float32)
