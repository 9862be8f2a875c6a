"""Answer a question from a loaded index: rank passages (dense, BM25 or hybrid), pick a quote in
each, and decide whether to abstain.

Hybrid ranking is a convex combination of dense and BM25 scores over the union of both candidate
lists (Bruch et al., "An Analysis of Fusion Functions for Hybrid Retrieval", TOIS 2023, found it
beats RRF when scores are normalised), each on a stable scale rather than min-max over the pool:
the cosine as it is (clipped at 0), and BM25 divided by the query's upper bound, the sum of its
terms' idf (:meth:`citeqa.index.lexical.Bm25Index.upper_bound`). Min-max turned a one-passage
corpus's only passage into score 0 and, with two candidates, each ranker's scores into 1 and 0, so
a 2025 report outranked the 2024 one a question named. The dense weight is a setting: 0.4, from the
grid 0.3..0.6 on both shared sets (dev MRR@10 / SQuAD-A hit@5 / MRR@10: 0.3 .977/.921/.803,
0.35 1.000/.921/.807, 0.4 1.000/.925/.804, 0.5 .977/.929/.798, 0.6 .970/.912/.785; min-max at 0.6
had 1.000/.925/.801), the middle of the flat best region.

The dense score of a passage is the mean of its own cosine and the cosine of its best sentence
(every sentence has its own vector, ``sentences.faiss``): a question usually asks what one sentence
says, and a whole passage's vector dilutes it. Dense candidates are the nearest passages
and the passages of the nearest sentences. Measured on both shared sets (500/100 chunks): dense hit@5 / MRR@10 on
SQuAD-A 0.829 / 0.679 -> 0.887 / 0.762, hybrid MRR@10 0.804 -> 0.811 (eval/RESULTS.md).

Confidence is the best *sentence* cosine times the mean of two term-evidence signals over the
question's content terms (stemmed, stopwords removed): *coverage*, the share that occur anywhere in
the corpus, and *support*, the largest share found together in one of the five best dense passages.
A question about things the corpus never mentions, or whose terms never meet in one passage, gets a
low score even when the embedder finds a topically similar passage. Abstention AUROC on SQuAD-A:
0.958 (passage cosine alone), 0.980 (passage cosine x evidence), 0.990 (best sentence cosine x
evidence), with 1.000 on dev. The threshold on it is a setting, chosen on half the articles and
checked on the other half (eval/RESULTS.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import faiss
import numpy as np
import numpy.typing as npt

from citeqa.index.batching import Encode
from citeqa.index.chunking import Chunk
from citeqa.index.embedding import embed
from citeqa.index.lexical import Bm25Index
from citeqa.index.store import StoredIndex

if TYPE_CHECKING:
    from citeqa.index.embedding import Encoder

Mode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")



@dataclass(frozen=True)
class Quote:
    """The sentence of a passage that best answers the question, as a span of the document's text
    layer (code points, half-open): ``text_layer[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Hit:
    """A ranked passage: the chunk, its ranking score (for dense the mean of the passage's and its
    best sentence's cosine, BM25 for bm25, the fused score in [0, 1] for hybrid), and its quote."""

    chunk: Chunk
    score: float
    quote: Quote


@dataclass(frozen=True)
class Answer:
    """The result of one question.

    Attributes:
        answered: False when nothing in the corpus is judged to answer (abstention).
        confidence: the abstention signal, in [-1, 1] (see the module docstring).
        hits: the ranked passages, best first, whatever ``answered`` says.
    """

    answered: bool
    confidence: float
    hits: tuple[Hit, ...]


#: Decimals at which scores are compared when ordering. The vector of one text differs by ~1e-7
#: between batch compositions (an incremental build embeds in other batches than a full one); that
#: noise must not reorder passages that tie, such as the same paragraph twice.
SCORE_DECIMALS = 6


def tie_order(rows: npt.NDArray[np.int64], scores: npt.NDArray[np.float32]) -> npt.NDArray[np.int64]:
    """Indices that sort ``scores`` descending at :data:`SCORE_DECIMALS`, ties by ascending row
    (document order), so that equal passages always come in the same order.

    Args:
        rows: ``(n,)`` index rows.
        scores: ``(n,)`` their scores.

    Returns:
        ``(n,)`` positions into ``rows``/``scores``, best first.
    """
    return np.lexsort((rows, -np.round(scores.astype(np.float64), SCORE_DECIMALS))).astype(np.int64)


def _search(index: faiss.Index, query: npt.NDArray[np.float32], n: int, ids: npt.NDArray[np.int64]) -> tuple[
        npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """``index.search`` over the rows ``ids`` only (a FAISS ``IDSelectorBatch``; IVF keeps its nprobe)."""
    selector = faiss.IDSelectorBatch(ids.astype(np.int64))
    if isinstance(index, faiss.IndexIVF):
        # The SWIG classes take keyword arguments; faiss's type stubs do not say so.
        params: faiss.SearchParameters = faiss.SearchParametersIVF(sel=selector, nprobe=index.nprobe)  # type: ignore[call-arg]
    else:
        params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
    scores, rows = index.search(query, n, params=params)
    return scores, rows


@dataclass(frozen=True)
class _Dense:
    """A question's vector, its dense candidate passages and its best sentence cosine."""

    query: npt.NDArray[np.float32]
    pool: npt.NDArray[np.int64]
    best_sentence: float


class Retriever:
    """Dense, BM25 and hybrid retrieval over one stored index."""

    def __init__(
        self,
        model: Encoder,
        index: StoredIndex,
        encode: Encode | None = None,
    ) -> None:
        """Keep the model and index, and build the BM25 index (once, at start-up).

        Args:
            model: the loaded embedding model the index was built with.
            index: the loaded index.
            encode: how questions are embedded, ``texts -> (n, dim) float32`` L2-normalised;
                default :func:`embed` with ``model`` (the service passes a :class:`MicroBatcher`).
        """
        self.model = model
        self.encode: Encode = encode or (lambda texts: embed(model, texts))
        self.index = index
        self.bm25 = Bm25Index([c.matching_text() for c in index.chunks])
        # Each document's rows (chunks are stored in doc-id order, contiguous), for filters.
        self.doc_rows: dict[str, range] = {}
        for row, chunk in enumerate(index.chunks):
            first = self.doc_rows[chunk.doc_id].start if chunk.doc_id in self.doc_rows else row
            self.doc_rows[chunk.doc_id] = range(first, row + 1)
        # Each chunk's sentences and their terms, once: quoting is then set arithmetic per question.
        self._sentences = [c.sentences for c in index.chunks]
        tokens = iter(self.bm25.tokenize_many(
            [c.text[s:e] for c, spans in zip(index.chunks, self._sentences, strict=True) for s, e in spans]
        ))
        self._sentence_terms = [[frozenset(next(tokens)) for _ in spans] for spans in self._sentences]

    def _dense(self, question: str, n: int, allowed: npt.NDArray[np.int64] | None = None) -> _Dense:
        """The question's vector and the dense candidates: the ``n`` nearest passages and the
        passages of the ``n`` nearest sentences (among ``allowed`` passage rows when given: FAISS
        skips the others inside the search, so ``n`` candidates still come back)."""
        query = self.encode([question])
        index = self.index
        if allowed is None:
            _, rows = index.faiss_index.search(query, min(n, index.faiss_index.ntotal))
            sentence_cos, sentence_rows = index.sentence_index.search(query, min(n, index.sentence_index.ntotal))
        else:
            sentences = self._sentence_ids(allowed)
            _, rows = _search(index.faiss_index, query, min(n, len(allowed)), allowed)
            sentence_cos, sentence_rows = _search(index.sentence_index, query, min(n, len(sentences)), sentences)
        owners = np.searchsorted(index.sentence_rows, sentence_rows[0][sentence_rows[0] >= 0], side="right") - 1
        pool = np.union1d(rows[0][rows[0] >= 0], owners).astype(np.int64)
        best_sentence = float(sentence_cos[0][0]) if sentence_rows[0][0] >= 0 else -1.0
        return _Dense(query[0], pool, best_sentence)

    def dense_scores(self, query: npt.NDArray[np.float32], rows: npt.NDArray[np.int64]) -> tuple[
            npt.NDArray[np.float32], npt.NDArray[np.float32], list[npt.NDArray[np.float32]]]:
        """Dense scores of some passages: the mean of the passage's cosine and its best sentence's.

        Args:
            query: ``(dim,)`` the question's vector.
            rows: ``(n,)`` passage rows.

        Returns:
            ``(n,)`` dense scores in [-1, 1]; ``(n,)`` best-sentence cosines; and for each passage
            the ``(sentences,)`` cosines of its sentences.
        """
        index = self.index
        if not len(rows):
            empty = np.zeros(0, np.float32)
            return empty, empty, []
        passage_cos = index.faiss_index.reconstruct_batch(rows) @ query
        all_cos = index.sentence_index.reconstruct_batch(self._sentence_ids(rows)) @ query
        counts = index.sentence_rows[rows + 1] - index.sentence_rows[rows]  # every passage has >= 1
        firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        best = np.maximum.reduceat(all_cos, firsts).astype(np.float32)
        return ((passage_cos + best) / 2).astype(np.float32), best, np.split(all_cos, firsts[1:])

    def _sentence_ids(self, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The sentence rows of passages ``rows`` (``(n,)``), concatenated in the same order."""
        starts = self.index.sentence_rows[rows]
        counts = self.index.sentence_rows[rows + 1] - starts
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        return (np.arange(int(counts.sum()), dtype=np.int64) + offsets).astype(np.int64)

    def rank(self, question: str, k: int, mode: Mode = "hybrid", candidates: int = 100,
             dense_weight: float = 0.5) -> tuple[list[tuple[int, float]], float]:
        """Rank passages for a question.

        Args:
            question: any text.
            k: passages wanted (>= 1).
            mode: ``dense`` (mean of passage and best-sentence cosine), ``bm25`` or ``hybrid``
                (convex combination).
            candidates: how many passages each ranker proposes before fusion.
            dense_weight: weight of the dense score in the combination, in [0, 1].

        Returns:
            ``(row, score)`` pairs best first, at most ``k``; and the confidence (see the module
            docstring).
        """
        ranked, confidence, _ = self._rank(question, self.bm25.query_terms(question), k, mode, candidates, dense_weight)
        return ranked, confidence

    def _rank(self, question: str, terms: list[str], k: int, mode: Mode, candidates: int = 100,
              dense_weight: float = 0.5, allowed: npt.NDArray[np.int64] | None = None,
              ) -> tuple[list[tuple[int, float]], float, npt.NDArray[np.float32]]:
        """:meth:`rank` with the question's terms already computed, among ``allowed`` rows when
        given; also returns the question's vector."""
        dense = self._dense(question, max(k, candidates), allowed)
        pool = dense.pool
        if mode != "dense":
            lexical = self.bm25.scores(terms)
            if allowed is not None:  # BM25 keeps its corpus-wide statistics; other rows just cannot rank
                mask = np.zeros(len(lexical), dtype=bool)
                mask[allowed] = True
                lexical = np.where(mask, lexical, -1.0).astype(np.float32)
            if mode == "hybrid":
                lexical_top = np.argsort(-lexical, kind="stable")[:candidates]
                pool = np.union1d(dense.pool, lexical_top[lexical[lexical_top] >= 0]).astype(np.int64)
        # One dense scoring of the whole pool; the dense candidates are a subset of it.
        pool_dense, _, _ = self.dense_scores(dense.query, pool)
        in_dense = np.isin(pool, dense.pool)
        dense_rows, dense_only = pool[in_dense], pool_dense[in_dense]
        by_dense = tie_order(dense_rows, dense_only)
        confidence = dense.best_sentence * self._term_evidence(terms, dense_rows[by_dense[:5]])
        if mode == "dense":
            return [(int(dense_rows[i]), float(dense_only[i])) for i in by_dense[:k]], confidence, dense.query
        if mode == "bm25":
            top = np.argsort(-lexical, kind="stable")[:k]
            top = top[lexical[top] >= 0]
            return [(int(r), float(lexical[r])) for r in top], confidence, dense.query
        # Stable scales, not the min and max of this pool: the dense score as it is (clipped at 0)
        # and BM25 over the query's own upper bound, so that a one-passage corpus keeps a real
        # score and the only passage matching a rare term ("2024") keeps that evidence against one
        # that does not.
        upper = self.bm25.upper_bound(terms)
        lexical_share = lexical[pool] / upper if upper > 0 else np.zeros(len(pool), dtype=np.float32)
        fused = dense_weight * np.clip(pool_dense, 0.0, 1.0) + (1 - dense_weight) * lexical_share
        order = tie_order(pool, fused)[:k]
        return [(int(pool[i]), float(fused[i])) for i in order], confidence, dense.query

    def _term_evidence(self, terms: list[str], rows: npt.NDArray[np.int64]) -> float:
        """Mean of coverage and support (module docstring), in [0, 1]; 0 for no content term."""
        units = self.bm25.evidence_units(terms)  # content terms; CJK counted by character
        if not units or not len(rows):
            return 0.0
        coverage = sum(u in self.bm25.vocabulary_units for u in units) / len(units)
        support = max(sum(u in self.bm25.passage_units[r] for u in units) for r in rows) / len(units)
        return (coverage + support) / 2

    def quote(self, row: int, terms: set[str], sentence_cos: npt.NDArray[np.float32] | None = None) -> Quote:
        """The sentence of passage ``row`` that best answers the question: the highest share of
        the question's terms plus cosine to the question (earliest on ties); by terms alone
        without ``sentence_cos``.

        Args:
            row: the passage's row in the index.
            terms: the question's terms, from :meth:`Bm25Index.query_terms`.
            sentence_cos: ``(sentences,)`` the cosine of each of the passage's sentences to the
                question (:meth:`dense_scores`), or None.

        Returns:
            A span of the document's text layer: ``text_layer[start:end] == text``.
        """
        chunk = self.index.chunks[row]
        shared = np.array([len(terms & sentence) for sentence in self._sentence_terms[row]], dtype=np.float64)
        scores = shared / max(len(terms), 1)
        if sentence_cos is not None:
            scores = scores + sentence_cos
        best = int(np.argmax(np.round(scores, SCORE_DECIMALS)))
        start, end = self._sentences[row][best]
        return Quote(chunk.start + start, chunk.start + end, chunk.text[start:end])

    def answer(self, question: str, k: int, min_confidence: float, mode: Mode = "hybrid",
               dense_weight: float = 0.5, allowed: npt.NDArray[np.int64] | None = None) -> Answer:
        """Rank passages, quote each, drop near-copies, and abstain below ``min_confidence``.

        A passage is a near-copy when its quote lies inside a passage already shown from the same
        document (overlapping chunks share sentences): skipping it leaves room for other sources,
        which is how the three documents that disagree about the Refugee Convention all make the
        top 5 instead of two copies of one.

        Args:
            question: the question.
            k: passages wanted, >= 1.
            min_confidence: the abstention threshold (a setting; eval/RESULTS.md says how chosen).
            mode: see :meth:`rank`.
            dense_weight: see :meth:`rank`.
            allowed: ``(m,)`` the passage rows that may be returned (a filter); None: all.
        """
        terms = self.bm25.query_terms(question)
        ranked, confidence, query = self._rank(question, terms, 2 * k + 5, mode, dense_weight=dense_weight,
                                               allowed=allowed)
        term_set = set(terms)
        _, _, sentence_cos = self.dense_scores(query, np.array([row for row, _ in ranked], dtype=np.int64))
        hits: list[Hit] = []
        for (row, score), cos in zip(ranked, sentence_cos, strict=True):
            chunk = self.index.chunks[row]
            quote = self.quote(row, term_set, cos)
            if any(h.chunk.doc_id == chunk.doc_id and h.chunk.start <= quote.start and quote.end <= h.chunk.end
                   for h in hits):
                continue
            hits.append(Hit(chunk, score, quote))
            if len(hits) == k:
                break
        return Answer(confidence >= min_confidence, confidence, tuple(hits))
