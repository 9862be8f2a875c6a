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

Confidence is ``s * max(e, s)``: ``s`` the best *sentence* cosine, ``e`` the term evidence, the
mean of two signals over the question's content terms (stemmed, stopwords removed, misspellings
read as the corpus word): *coverage*, the share that occur anywhere in the corpus, and *support*,
the largest share found together in one of the five best dense passages. A question about things
the corpus never mentions, or whose terms never meet in one passage, gets a low score even when the
embedder finds a topically similar passage; the floor at ``s`` keeps a close sentence found for a
question asked in other words. Abstention AUROC on SQuAD-A: 0.958 (passage cosine alone), 0.980
(passage cosine x evidence), 0.989 (``s * e``), 0.994 (``s * max(e, s)``), with 1.000 on dev.
The formula and the threshold were chosen by the rule of :mod:`citeqa.eval.calibrate` (mean
Youden J over the sets) on corpora of other SQuAD 2.0 articles that no reported set shares
(:mod:`citeqa.eval.squad2`, with 60 of their questions asked in other words); a logistic
calibration over eight retrieval features did no better there (eval/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from citeqa.index.batching import Encode
from citeqa.index.chunking import Chunk
from citeqa.index.embedding import embed
from citeqa.index.lexical import Bm25Index
from citeqa.index.shards import (
    SCORE_DECIMALS,
    SUPPORT_ROWS,
    Candidates,
    Quote,
    Shards,
    best_by_score,
    local_shards,
    tie_order,
)
from citeqa.index.store import StoredIndex

if TYPE_CHECKING:
    from citeqa.index.embedding import Encoder

Mode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")

#: How a retriever reaches the vectors and BM25 rows of an index version: given the loaded index
#: and its BM25 index over every chunk, the shards that hold them (:func:`local_shards` by default).
ShardsOf = Callable[[StoredIndex, Bm25Index], Shards]

__all__ = ["MODES", "SCORE_DECIMALS", "Answer", "Hit", "Mode", "Quote", "Retriever", "ShardsOf", "tie_order"]


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


@dataclass(frozen=True)
class _Pool:
    """A question's candidate passages with their scores (rows ascending)."""

    rows: npt.NDArray[np.int64]
    dense: npt.NDArray[np.float32]
    lexical: npt.NDArray[np.float32]
    in_dense: npt.NDArray[np.bool_]
    best_sentence: float
    support: dict[int, int]


class Retriever:
    """Dense, BM25 and hybrid retrieval over one stored index, whose rows its shards hold.

    The retriever itself keeps the chunks (for hits and filters) and the corpus-wide term
    statistics (for BM25's upper bound and the coverage signal); vectors, BM25 rows and sentence
    terms are the shards' (:mod:`citeqa.index.shards`). In one process the whole index is one
    local shard and nothing is copied.
    """

    def __init__(
        self,
        model: Encoder,
        index: StoredIndex,
        encode: Encode | None = None,
        shards: ShardsOf = local_shards,
    ) -> None:
        """Keep the model and index, and build the BM25 index and the shards (once, at start-up).

        Args:
            model: the loaded embedding model the index was built with.
            index: the loaded index (its vectors are only read by ``shards``).
            encode: how questions are embedded, ``texts -> (n, dim) float32`` L2-normalised;
                default :func:`embed` with ``model`` (the service passes a :class:`MicroBatcher`).
            shards: what holds the rows (default: this process, one shard).
        """
        self.model = model
        self.encode: Encode = encode or (lambda texts: embed(model, texts))
        self.index = index
        bm25 = Bm25Index([c.matching_text() for c in index.chunks])
        self.shards = shards(index, bm25)
        #: The corpus-wide term statistics only (no passage rows): the shards score passages.
        self.bm25 = bm25.rows(0, 0)
        # Each document's rows (chunks are stored in doc-id order, contiguous), for filters.
        self.doc_rows: dict[str, range] = {}
        for row, chunk in enumerate(index.chunks):
            first = self.doc_rows[chunk.doc_id].start if chunk.doc_id in self.doc_rows else row
            self.doc_rows[chunk.doc_id] = range(first, row + 1)

    def _by_shard(self, rows: npt.NDArray[np.int64]) -> dict[int, npt.NDArray[np.int64]]:
        """``rows`` (ascending) split by the shard that holds them; shards without any left out."""
        bounds = self.shards.bounds
        cuts = np.searchsorted(rows, bounds)
        return {i: rows[cuts[i]:cuts[i + 1]] for i in range(len(bounds) - 1) if cuts[i + 1] > cuts[i]}

    def _pool(self, query: npt.NDArray[np.float32], terms: list[str], n: int, lexical_n: int,
              lexical: bool, allowed: npt.NDArray[np.int64] | None) -> _Pool:
        """The candidates (the ``n`` nearest passages, the passages of the ``n`` nearest
        sentences, the ``lexical_n`` best BM25 passages) merged over the shards, with their scores."""
        if allowed is None:
            asked: dict[int, npt.NDArray[np.int64] | None] = {i: None for i in range(len(self.shards.bounds) - 1)}
        else:
            asked = dict(self._by_shard(allowed))
        units = self.bm25.evidence_units(terms)
        found: dict[int, Candidates] = self.shards.call(
            "candidates", {i: (query, terms, units, n, lexical_n, lexical, rows) for i, rows in asked.items()})
        parts = [found[i] for i in sorted(found)]

        def cat(field: str, dtype: type) -> npt.NDArray[Any]:
            return np.concatenate([getattr(p, field) for p in parts]) if parts else np.zeros(0, dtype)

        dense_rows, _ = best_by_score(cat("passage_rows", np.int64), cat("passage_cos", np.float32), n)
        sentence_cos = cat("sentence_cos", np.float32)
        order = np.lexsort((cat("sentence_ids", np.int64), -sentence_cos))[:n]
        owners = cat("sentence_owners", np.int64)[order]
        best_sentence = float(sentence_cos[order[0]]) if len(order) else -1.0
        dense_pool = np.union1d(dense_rows, owners).astype(np.int64)
        rows = dense_pool
        if lexical_n > 0:
            lexical_rows, _ = best_by_score(cat("lexical_rows", np.int64), cat("lexical_scores", np.float32), lexical_n)
            rows = np.union1d(dense_pool, lexical_rows).astype(np.int64)
        # Every pooled row is among the candidates of the shard holding it, scored there; the
        # shards' rows are ascending and in row order, so their concatenation is too.
        scored = cat("rows", np.int64)
        at = np.searchsorted(scored, rows)
        support = cat("support", np.int64)[at]
        in_dense = np.isin(rows, dense_pool)
        dense = cat("dense", np.float32)[at]
        # The confidence signal reads the support of the five best dense candidates. Each shard
        # reported its own five best; with several shards a candidate the merge dropped can have
        # pushed one of the global five out of its shard's five: ask for those (rare).
        top = np.flatnonzero(in_dense)[tie_order(rows[in_dense], dense[in_dense])[:SUPPORT_ROWS]]
        missing = top[support[top] < 0]
        if len(missing):
            parts_missing = self._by_shard(np.sort(rows[missing]))
            extra: dict[int, npt.NDArray[np.int64]] = self.shards.call(
                "support", {i: (units, part) for i, part in parts_missing.items()})
            for i, part in parts_missing.items():
                support[np.searchsorted(rows, part)] = extra[i]
        return _Pool(rows, dense, cat("lexical", np.float32)[at], in_dense, best_sentence,
                     {int(rows[i]): int(support[i]) for i in top})

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
        given; also returns the question's ``(dim,)`` vector."""
        query = self.encode([question])[0]
        n = max(k, candidates)
        # BM25 proposes its own candidates only for hybrid; bm25 mode ranks by it alone (k best).
        lexical_n = candidates if mode == "hybrid" else k if mode == "bm25" else 0
        pool = self._pool(query, terms, n, lexical_n, mode != "dense", allowed)
        dense_rows, dense_only = pool.rows[pool.in_dense], pool.dense[pool.in_dense]
        by_dense = tie_order(dense_rows, dense_only)
        evidence = self._term_evidence(terms, [int(r) for r in dense_rows[by_dense[:SUPPORT_ROWS]]], pool.support)
        # The term evidence never pulls a close sentence below its own cosine: a question asked
        # in other words than the text's (module docstring) keeps what the embedder found.
        confidence = pool.best_sentence * max(evidence, pool.best_sentence)
        if mode == "dense":
            return [(int(dense_rows[i]), float(dense_only[i])) for i in by_dense[:k]], confidence, query
        if mode == "bm25":
            top_rows, top_scores = best_by_score(pool.rows, pool.lexical, k)
            in_lexical = top_scores >= 0
            return [(int(r), float(s)) for r, s in zip(top_rows[in_lexical], top_scores[in_lexical], strict=True)], \
                confidence, query
        # Stable scales, not the min and max of this pool: the dense score as it is (clipped at 0)
        # and BM25 over the query's own upper bound, so that a one-passage corpus keeps a real
        # score and the only passage matching a rare term ("2024") keeps that evidence against one
        # that does not.
        upper = self.bm25.upper_bound(terms)
        lexical_share = pool.lexical / upper if upper > 0 else np.zeros(len(pool.rows), dtype=np.float32)
        fused = dense_weight * np.clip(pool.dense, 0.0, 1.0) + (1 - dense_weight) * lexical_share
        order = tie_order(pool.rows, fused)[:k]
        return [(int(pool.rows[i]), float(fused[i])) for i in order], confidence, query

    def _term_evidence(self, terms: list[str], rows: list[int], support: dict[int, int]) -> float:
        """Mean of coverage and support (module docstring), in [0, 1]; 0 for no content term.
        ``support`` maps a row to how many evidence units it holds (from the shards)."""
        units = self.bm25.evidence_units(terms)  # content terms; CJK counted by character
        if not units or not rows:
            return 0.0
        coverage = sum(u in self.bm25.vocabulary_units for u in units) / len(units)
        return (coverage + max(support[r] for r in rows) / len(units)) / 2

    def quotes(self, query: npt.NDArray[np.float32], terms: list[str], rows: list[int]) -> list[Quote]:
        """The quote of each passage ``rows`` (see :meth:`citeqa.index.shards.Shard.quotes`), from
        the shards that hold them, in the order of ``rows``."""
        wanted = np.array(sorted(set(rows)), dtype=np.int64)
        parts = self._by_shard(wanted)
        found: dict[int, list[Quote]] = self.shards.call("quotes", {i: (query, terms, part) for i, part in parts.items()})
        by_row = {int(r): q for i, part in parts.items() for r, q in zip(part, found[i], strict=True)}
        return [by_row[r] for r in rows]

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
            allowed: ``(m,)`` the passage rows that may be returned (a filter), ascending; None: all.
        """
        terms = self.bm25.query_terms(question)
        ranked, confidence, query = self._rank(question, terms, 2 * k + 5, mode, dense_weight=dense_weight,
                                               allowed=allowed)
        hits: list[Hit] = []
        # Quotes in batches: k + 1 passages first (usually enough: one near-copy allowed for),
        # then the rest, so that a shard quotes no more passages than are looked at.
        batches = [ranked[:k + 1], ranked[k + 1:]]
        for batch in batches:
            if len(hits) == k or not batch:
                break
            for (row, score), quote in zip(batch, self.quotes(query, terms, [row for row, _ in batch]), strict=True):
                chunk = self.index.chunks[row]
                if any(h.chunk.doc_id == chunk.doc_id and h.chunk.start <= quote.start and quote.end <= h.chunk.end
                       for h in hits):
                    continue
                hits.append(Hit(chunk, score, quote))
                if len(hits) == k:
                    break
        return Answer(confidence >= min_confidence, confidence, tuple(hits))
