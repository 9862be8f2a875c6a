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

Confidence is the best dense cosine times the mean of two term-evidence signals over the question's
content terms (stemmed, stopwords removed): *coverage*, the share that occur anywhere in the
corpus, and *support*, the largest share found together in one of the five best dense passages. A
question about things the corpus never mentions, or whose terms never meet in one passage, gets a
low score even when the embedder finds a topically similar passage. Measured on both shared sets,
this raised the abstention AUROC on SQuAD-A from 0.958 (cosine alone) and 0.965 (cosine x
coverage) to 0.979, at 1.000 on dev. The threshold on it is a setting, chosen on both sets together
(eval/RESULTS.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from citeqa.corpus.sentences import sentence_spans
from citeqa.index.batching import Encode
from citeqa.index.chunking import Chunk
from citeqa.index.embedding import embed
from citeqa.index.lexical import Bm25Index
from citeqa.index.store import StoredIndex

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

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
    """A ranked passage: the chunk, its ranking score (cosine for dense, BM25 for bm25, the fused
    score in [0, 1] for hybrid), and its quote."""

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


class Retriever:
    """Dense, BM25 and hybrid retrieval over one stored index."""

    def __init__(
        self,
        model: SentenceTransformer,
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
        # Each chunk's sentences and their terms, once: quoting is then set arithmetic per question.
        self._sentences = [sentence_spans(c.text) or [(0, len(c.text))] for c in index.chunks]
        tokens = iter(self.bm25.tokenize_many(
            [c.text[s:e] for c, spans in zip(index.chunks, self._sentences, strict=True) for s, e in spans]
        ))
        self._sentence_terms = [[frozenset(next(tokens)) for _ in spans] for spans in self._sentences]

    def _dense(self, question: str, n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        query = self.encode([question])
        scores, rows = self.index.faiss_index.search(query, min(n, self.index.faiss_index.ntotal))
        keep = rows[0] >= 0
        rows, scores = rows[0][keep].astype(np.int64), scores[0][keep]
        order = tie_order(rows, scores)
        return rows[order], scores[order], query[0]

    def rank(self, question: str, k: int, mode: Mode = "hybrid", candidates: int = 100,
             dense_weight: float = 0.5) -> tuple[list[tuple[int, float]], float]:
        """Rank passages for a question.

        Args:
            question: any text.
            k: passages wanted (>= 1).
            mode: ``dense`` (cosine), ``bm25`` or ``hybrid`` (convex combination).
            candidates: how many passages each ranker proposes before fusion.
            dense_weight: weight of the dense score in the combination, in [0, 1].

        Returns:
            ``(row, score)`` pairs best first, at most ``k``; and the confidence (see the module
            docstring).
        """
        return self._rank(question, self.bm25.query_terms(question), k, mode, candidates, dense_weight)

    def _rank(self, question: str, terms: list[str], k: int, mode: Mode, candidates: int = 100,
              dense_weight: float = 0.5) -> tuple[list[tuple[int, float]], float]:
        """:meth:`rank` with the question's terms already computed."""
        rows, cos, query = self._dense(question, max(k, candidates))
        confidence = (float(cos[0]) if len(cos) else -1.0) * self._term_evidence(terms, rows[:5])
        if mode == "dense":
            return [(int(r), float(s)) for r, s in zip(rows[:k], cos[:k], strict=True)], confidence
        lexical = self.bm25.scores(terms)
        if mode == "bm25":
            order = np.argsort(-lexical, kind="stable")[:k]
            return [(int(r), float(lexical[r])) for r in order], confidence
        pool = np.union1d(rows, np.argsort(-lexical, kind="stable")[:candidates])
        vectors = self.index.faiss_index.reconstruct_batch(pool)
        # Stable scales, not the min and max of this pool: cosine as it is (clipped at 0) and BM25
        # over the query's own upper bound, so that a one-passage corpus keeps a real score and the
        # only passage matching a rare term ("2024") keeps that evidence against one that does not.
        upper = self.bm25.upper_bound(terms)
        lexical_share = lexical[pool] / upper if upper > 0 else np.zeros(len(pool), dtype=np.float32)
        fused = dense_weight * np.clip(vectors @ query, 0.0, 1.0) + (1 - dense_weight) * lexical_share
        order = tie_order(pool, fused)[:k]
        return [(int(pool[i]), float(fused[i])) for i in order], confidence

    def _term_evidence(self, terms: list[str], rows: npt.NDArray[np.int64]) -> float:
        """Mean of coverage and support (module docstring), in [0, 1]; 0 for no content term."""
        units = self.bm25.evidence_units(terms)  # content terms; CJK counted by character
        if not units or not len(rows):
            return 0.0
        coverage = sum(u in self.bm25.vocabulary_units for u in units) / len(units)
        support = max(sum(u in self.bm25.passage_units[r] for u in units) for r in rows) / len(units)
        return (coverage + support) / 2

    def quote(self, row: int, terms: set[str]) -> Quote:
        """The sentence of passage ``row`` sharing the most query terms (earliest on ties).

        Args:
            row: the passage's row in the index.
            terms: the question's terms, from :meth:`Bm25Index.query_terms`.

        Returns:
            A span of the document's text layer: ``text_layer[start:end] == text``.
        """
        chunk = self.index.chunks[row]
        scores = [len(terms & sentence) for sentence in self._sentence_terms[row]]
        start, end = self._sentences[row][scores.index(max(scores))]
        return Quote(chunk.start + start, chunk.start + end, chunk.text[start:end])

    def answer(self, question: str, k: int, min_confidence: float, mode: Mode = "hybrid",
               dense_weight: float = 0.5) -> Answer:
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
        """
        terms = self.bm25.query_terms(question)
        ranked, confidence = self._rank(question, terms, 2 * k + 5, mode, dense_weight=dense_weight)
        term_set = set(terms)
        hits: list[Hit] = []
        for row, score in ranked:
            chunk = self.index.chunks[row]
            quote = self.quote(row, term_set)
            if any(h.chunk.doc_id == chunk.doc_id and h.chunk.start <= quote.start and quote.end <= h.chunk.end
                   for h in hits):
                continue
            hits.append(Hit(chunk, score, quote))
            if len(hits) == k:
                break
        return Answer(confidence >= min_confidence, confidence, tuple(hits))
