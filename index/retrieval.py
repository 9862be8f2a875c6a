"""Answer a question from a loaded index: rank passages and decide whether to abstain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from citeqa.index.chunking import Chunk
from citeqa.index.embedding import embed
from citeqa.index.store import StoredIndex

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


@dataclass(frozen=True)
class Hit:
    """A ranked passage: the chunk and its cosine similarity to the question, in [-1, 1]."""

    chunk: Chunk
    score: float


@dataclass(frozen=True)
class Answer:
    """The result of one question.

    Attributes:
        answered: False when nothing in the corpus is judged to answer (abstention).
        confidence: the signal abstention is decided on: the best passage's cosine, in [-1, 1].
        hits: the ranked passages, best first (all of them, whatever ``answered`` says; the caller
            decides whether to show them).
    """

    answered: bool
    confidence: float
    hits: tuple[Hit, ...]


class Retriever:
    """Dense retrieval over a stored index with a similarity-threshold abstention rule."""

    def __init__(self, model: SentenceTransformer, index: StoredIndex) -> None:
        """Keep a loaded model and index (both loaded once, at start-up)."""
        self.model = model
        self.index = index

    def search(self, question: str, k: int) -> list[Hit]:
        """Rank the ``k`` passages most similar to a question.

        Args:
            question: the question, any text.
            k: number of passages wanted (>= 1); fewer come back if the index is smaller.

        Returns:
            Hits sorted by descending cosine.
        """
        query = embed(self.model, [question])
        k = min(k, self.index.faiss_index.ntotal)
        scores, rows = self.index.faiss_index.search(query, k)
        return [
            Hit(self.index.chunks[int(row)], float(score))
            for score, row in zip(scores[0], rows[0], strict=True)
            if row >= 0
        ]

    def answer(self, question: str, k: int, min_score: float) -> Answer:
        """Rank passages and abstain when the best one is below ``min_score``.

        Args:
            question: the question.
            k: passages wanted, >= 1.
            min_score: abstention threshold on the best cosine (a setting; see the settings
                docs for the eval run that chose it).
        """
        hits = self.search(question, k)
        confidence = hits[0].score if hits else float(np.float32(-1.0))
        return Answer(confidence >= min_score, confidence, tuple(hits))
