"""Shards: each holds a range of an index's passage rows (their passage and sentence vectors,
their part of the BM25 matrix with the corpus-wide statistics, their sentences' terms) and answers
what the :class:`~citeqa.index.retrieval.Retriever` asks of every shard.

One process serves its whole index as one shard (:class:`LocalShards`); ``citeqa serve --ray
--shards N`` puts each range in its own Ray Serve deployment (``citeqa.service.ray_serve``). The
retriever merges what the shards return so that any number of shards ranks exactly as one:

1. :meth:`Shard.candidates`: the shard's nearest passages, nearest sentences and best BM25
   passages, each with its dense and BM25 scores and term support. The best ``n`` of a union of
   per-shard best-``n`` lists are the global best ``n`` (FAISS ``IndexFlat`` is exact; an IVF
   shard keeps the whole index's coarse quantizer, so it probes the same lists for a question),
   ties broken by row as :func:`tie_order` does; so every passage of the global pool comes with
   its scores, and one round trip does what would otherwise take two.
2. :meth:`Shard.quotes`: the quote of each passage that is shown.

(And rarely :meth:`Shard.support`, see :attr:`Candidates.support`.)

Rows are global (row ``i`` of the stored index) in every argument and result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import faiss
import numpy as np
import numpy.typing as npt

from citeqa.corpus.text_layer import is_table_row
from citeqa.index.chunking import table_row_texts
from citeqa.index.lexical import Bm25Index
from citeqa.index.store import StoredIndex

#: Passages per shard whose term support :meth:`Shard.candidates` reports: the confidence signal's
#: "support" is the best of the five best dense passages (citeqa.index.retrieval).
SUPPORT_ROWS = 5

#: Decimals at which scores are compared when ordering. The vector of one text differs by ~1e-7
#: between batch compositions (an incremental build embeds in other batches than a full one); that
#: noise must not reorder passages that tie, such as the same paragraph twice.
SCORE_DECIMALS = 6

ShardMethod = Literal["candidates", "support", "quotes"]


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


def best_by_score(rows: npt.NDArray[np.int64], scores: npt.NDArray[np.float32], n: int) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """The ``n`` best ``(rows, scores)`` by score descending (float32, exact), ties by ascending
    row: the order of a stable ``argsort(-scores)`` over rows in ascending order, so merging the
    per-shard lists gives the list of one shard holding every row."""
    order = np.lexsort((rows, -scores))[:n]
    return rows[order], scores[order]


def split_rows(n_rows: int, shards: int) -> tuple[int, ...]:
    """Bounds of ``shards`` contiguous row ranges of near-equal size: shard ``i`` holds rows
    ``bounds[i]`` to ``bounds[i + 1] - 1``.

    Raises:
        ValueError: ``shards`` < 1.
    """
    if shards < 1:
        raise ValueError(f"shards must be at least 1, got {shards}")
    return tuple(int(b) for b in np.linspace(0, n_rows, shards + 1).round().astype(np.int64))


def _search(index: faiss.Index, query: npt.NDArray[np.float32], n: int, ids: npt.NDArray[np.int64] | None) -> tuple[
        npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """``index.search`` for one ``(1, dim)`` query, over the rows ``ids`` only when given (a FAISS
    ``IDSelectorBatch``; IVF keeps its nprobe). Returns ``(n,)`` scores and rows, -1 rows dropped."""
    if n <= 0:
        return np.zeros(0, np.float32), np.zeros(0, np.int64)
    if ids is None:
        scores, rows = index.search(query, n)
    else:
        selector = faiss.IDSelectorBatch(ids.astype(np.int64))
        if isinstance(index, faiss.IndexIVF):
            # The SWIG classes take keyword arguments; faiss's type stubs do not say so.
            params: faiss.SearchParameters = faiss.SearchParametersIVF(sel=selector, nprobe=index.nprobe)  # type: ignore[call-arg]
        else:
            params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
        scores, rows = index.search(query, n, params=params)
    found = rows[0] >= 0
    return scores[0][found].astype(np.float32), rows[0][found].astype(np.int64)


def _slice_vectors(index: faiss.Index, lo: int, hi: int) -> faiss.Index:
    """Rows ``lo..hi-1`` of a FAISS index as an index of the same kind (rows renumbered from 0).

    The copy starts from a clone, so an IVF index keeps its trained coarse quantizer and probes
    the same lists as the whole index would."""
    if lo == 0 and hi == index.ntotal:
        return index
    vectors = index.reconstruct_n(lo, hi - lo)
    part = faiss.clone_index(index)
    part.reset()  # an IVF index keeps its quantizer and its (now empty) direct map
    part.add(vectors)
    return part


def _cosines(vectors: npt.NDArray[np.float32], query: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """``(n,)`` inner products of ``(n, dim)`` rows with a ``(dim,)`` query, each row's the same
    whatever other rows are in the batch. A BLAS ``vectors @ query`` is not: the sum of one row
    came out 1e-7 apart in batches of other sizes (shards hold other rows), enough to flip a score
    rounded to 6 decimals. ``np.einsum`` (without ``optimize``) sums each row in its own loop, in
    the same order for any batch (tested across shard layouts), at 24 us for 700 x 384 against 15
    for BLAS and 68 for BLAS in float64."""
    return np.asarray(np.einsum("ij,j->i", vectors, query), dtype=np.float32)


@dataclass(frozen=True)
class Candidates:
    """What one shard proposes for a question (global rows; every list best first).

    Attributes:
        passage_rows, passage_cos: ``(<= n,)`` the nearest passages and their cosine.
        sentence_ids, sentence_cos: ``(<= n,)`` the nearest sentences (global sentence rows) and
            their cosine.
        sentence_owners: ``(<= n,)`` the passage row of each of those sentences.
        lexical_rows, lexical_scores: ``(<= lexical_n,)`` the best BM25 passages (score >= 0; a
            zero score counts, as in one process), empty when BM25 was not asked.
        rows: ``(m,)`` ascending, every passage named above once.
        dense: ``(m,)`` their dense score: the mean of the passage's cosine and its best sentence's.
        lexical: ``(m,)`` their BM25 score (zeros when BM25 was not asked).
        support: ``(m,)`` how many of the question's evidence units each holds, for the
            :data:`SUPPORT_ROWS` best by dense score among the passages dense search proposed (the
            nearest passages and the nearest sentences' passages); -1 for the others. With one
            shard these are exactly the rows the confidence signal reads; with several, a passage
            the merge drops can push one of them out, and the router asks :meth:`Shard.support`.
    """

    passage_rows: npt.NDArray[np.int64]
    passage_cos: npt.NDArray[np.float32]
    sentence_ids: npt.NDArray[np.int64]
    sentence_cos: npt.NDArray[np.float32]
    sentence_owners: npt.NDArray[np.int64]
    lexical_rows: npt.NDArray[np.int64]
    lexical_scores: npt.NDArray[np.float32]
    rows: npt.NDArray[np.int64]
    dense: npt.NDArray[np.float32]
    lexical: npt.NDArray[np.float32]
    support: npt.NDArray[np.int64]


@dataclass(frozen=True)
class Quote:
    """The sentence of a passage that best answers the question, as a span of the document's text
    layer (code points, half-open): ``text_layer[start:end] == text``."""

    start: int
    end: int
    text: str


class Shard:
    """Rows ``lo..hi-1`` of a stored index, ready to answer :class:`Candidates` and :class:`Quote`
    requests."""

    def __init__(self, index: StoredIndex, bm25: Bm25Index, lo: int, hi: int) -> None:
        """Keep the rows' part of ``index`` and ``bm25`` (built over the whole corpus).

        With ``lo == 0`` and ``hi == len(index.chunks)`` nothing is copied. Otherwise the vectors
        of the range are copied out; the caller may then drop ``index``.

        Raises:
            ValueError: the range is outside the index.
        """
        if not 0 <= lo <= hi <= len(index.chunks):
            raise ValueError(f"rows {lo}..{hi} outside 0..{len(index.chunks)}")
        self.lo, self.hi = lo, hi
        self.version = index.path.name
        self.chunks = index.chunks[lo:hi]
        self.bm25 = bm25 if (lo, hi) == (0, bm25.size) else bm25.rows(lo, hi)
        first_sentence = int(index.sentence_rows[lo])
        #: The global row of the shard's first sentence (its sentence index counts from there).
        self.first_sentence = first_sentence
        #: ``(hi - lo + 1,)`` where each passage's sentences start in the shard's sentence index,
        #: and their total; made once here, not per question.
        self.sentence_starts = (index.sentence_rows[lo:hi + 1] - first_sentence).astype(np.int64)
        self.passages = _slice_vectors(index.faiss_index, lo, hi)
        self.sentences = _slice_vectors(index.sentence_index, first_sentence, int(index.sentence_rows[hi]))
        shown = {c.doc_id for c in self.chunks}
        names = {doc_id: _names(d.layer.title, [h.text for h in d.layer.headings])
                 for doc_id, d in index.documents.items() if doc_id in shown}
        rows = {doc_id: table_row_texts(index.documents[doc_id].text) for doc_id in shown}
        # Each chunk's sentences and their terms, once: quoting is then set arithmetic per question.
        # A table row's terms are those of the text its vector was made from, the row with its
        # column headers: "| Sunday | 11:00 | 16:00 |" says when the museum opens (the header
        # "opens"), and had lost its quote to a sentence sharing more of the question's words.
        tokens = iter(bm25.tokenize_many([rows[c.doc_id].get((c.start + s, c.start + e), c.text[s:e])
                                          for c in self.chunks for s, e in c.sentences]))
        self._sentence_terms = [[frozenset(next(tokens)) for _ in c.sentences] for c in self.chunks]
        #: Per passage, which sentences name rather than say: the document's title, a heading, a
        #: table's header row (never its quote while another sentence is there).
        self._headings = [
            np.array([_name_key(c.text[s:e]) in names[c.doc_id]
                      or _is_table_header(c.text[s:e], (c.start + s, c.start + e), rows[c.doc_id])
                      for s, e in c.sentences], dtype=bool)
            for c in self.chunks
        ]

    def _local_sentences(self, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The shard's sentence rows (from 0) of its passages ``rows`` (local, ``(n,)``), in order."""
        starts = self.sentence_starts[rows]
        counts = self.sentence_starts[rows + 1] - starts
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        return (np.arange(int(counts.sum()), dtype=np.int64) + offsets).astype(np.int64)

    def candidates(self, query: npt.NDArray[np.float32], terms: Sequence[str], units: Sequence[str], n: int,
                   lexical_n: int, lexical: bool = True, allowed: npt.NDArray[np.int64] | None = None) -> Candidates:
        """The shard's ``n`` nearest passages and sentences and ``lexical_n`` best BM25 passages,
        with their scores.

        Args:
            query: ``(dim,)`` the question's L2-normalised vector.
            terms: the question's BM25 terms (:meth:`Bm25Index.query_terms`).
            units: the question's evidence units (:meth:`Bm25Index.evidence_units`).
            n: dense candidates wanted (>= 0).
            lexical_n: BM25 candidates wanted (0: none).
            lexical: score the candidates with BM25 (zeros otherwise).
            allowed: ``(m,)`` global rows of this shard that may be proposed (a filter); None: all.
        """
        q = query.reshape(1, -1).astype(np.float32)
        local = None if allowed is None else (allowed - self.lo).astype(np.int64)
        size = len(self.chunks) if local is None else len(local)
        sentence_ids = None if local is None else self._local_sentences(local)
        passage_cos, passage_rows = _search(self.passages, q, min(n, size), local)
        n_sentences = self.sentences.ntotal if sentence_ids is None else len(sentence_ids)
        sentence_cos, sentence_rows = _search(self.sentences, q, min(n, n_sentences), sentence_ids)
        owners = np.searchsorted(self.sentence_starts, sentence_rows, side="right") - 1
        lexical_rows = np.zeros(0, np.int64)
        lexical_scores = np.zeros(0, np.float32)
        bm25 = self.bm25.scores(list(terms)) if (lexical or lexical_n > 0) and size else None
        if lexical_n > 0 and bm25 is not None:
            rows = np.arange(len(bm25), dtype=np.int64) if local is None else local
            lexical_rows, lexical_scores = best_by_score(rows, bm25[rows], lexical_n)
        dense_rows = np.union1d(passage_rows, owners).astype(np.int64)
        pool = np.union1d(dense_rows, lexical_rows).astype(np.int64)
        dense, _, _ = self.dense_scores(q[0], pool + self.lo)
        pool_lexical = (bm25[pool] if lexical and bm25 is not None else np.zeros(len(pool))).astype(np.float32)
        in_dense = np.flatnonzero(np.isin(pool, dense_rows))
        best = in_dense[tie_order(pool[in_dense], dense[in_dense])[:SUPPORT_ROWS]]
        support = np.full(len(pool), -1, dtype=np.int64)
        support[best] = self._support(units, pool[best])
        return Candidates(
            passage_rows=passage_rows + self.lo, passage_cos=passage_cos,
            sentence_ids=sentence_rows + self.first_sentence, sentence_cos=sentence_cos,
            sentence_owners=owners.astype(np.int64) + self.lo,
            lexical_rows=lexical_rows + self.lo, lexical_scores=lexical_scores,
            rows=pool + self.lo, dense=dense, lexical=pool_lexical, support=support,
        )

    def _support(self, units: Sequence[str], local: npt.NDArray[np.int64]) -> list[int]:
        """How many of ``units`` each passage (local rows) holds; a unit counted as often as the
        question repeats it."""
        counts = Counter(units)
        distinct = frozenset(counts)
        found = [distinct & self.bm25.passage_units[int(row)] for row in local]  # C-level intersections
        if len(counts) == len(units):
            return [len(f) for f in found]
        return [sum(counts[u] for u in f) for f in found]

    def support(self, units: Sequence[str], rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """``(n,)`` how many of the question's evidence units each of ``rows`` (global, this
        shard's) holds: for the rare passage the router needs beyond what :meth:`candidates`
        reported (see :attr:`Candidates.support`)."""
        return np.array(self._support(units, (rows - self.lo).astype(np.int64)), dtype=np.int64)

    def dense_scores(self, query: npt.NDArray[np.float32], rows: npt.NDArray[np.int64]) -> tuple[
            npt.NDArray[np.float32], npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """Dense scores of some of this shard's passages: the mean of the passage's cosine and its
        best sentence's.

        Args:
            query: ``(dim,)`` the question's vector.
            rows: ``(n,)`` global rows of this shard.

        Returns:
            ``(n,)`` dense scores in [-1, 1]; the cosines of the passages' sentences, concatenated
            in order; and ``(n,)`` where each passage's sentences start among them (``np.split``
            at ``starts[1:]`` gives one array per passage; not split here, since ranking does not
            need it and the split costs more than the scores).
        """
        local = (rows - self.lo).astype(np.int64)
        if not len(local):
            return np.zeros(0, np.float32), np.zeros(0, np.float32), np.zeros(0, np.int64)
        passage_cos = _cosines(self.passages.reconstruct_batch(local), query)
        all_cos = _cosines(self.sentences.reconstruct_batch(self._local_sentences(local)), query)
        counts = self.sentence_starts[local + 1] - self.sentence_starts[local]  # every passage has >= 1
        starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        best = np.maximum.reduceat(all_cos, starts).astype(np.float32)
        return ((passage_cos + best) / 2).astype(np.float32), all_cos, starts

    def quotes(self, query: npt.NDArray[np.float32], terms: Sequence[str], rows: npt.NDArray[np.int64]) -> list[Quote]:
        """The quote of each passage: its sentence with the highest share of the question's terms
        plus cosine to the question (earliest on ties), a title or heading line only when the
        passage has no other sentence.

        Args:
            query: ``(dim,)`` the question's vector.
            terms: the question's BM25 terms.
            rows: ``(n,)`` global rows of this shard.

        Returns:
            One quote per row, a span of the document's text layer: ``text_layer[start:end] == text``.
        """
        local = (rows - self.lo).astype(np.int64)
        _, all_cos, starts = self.dense_scores(query.astype(np.float32), rows)
        ends = [*starts[1:].tolist(), len(all_cos)]
        term_set = set(terms)
        quotes = []
        for row, start_at, end_at in zip(local, starts.tolist(), ends, strict=True):
            cos = all_cos[start_at:end_at]
            chunk = self.chunks[int(row)]
            shared = np.array([len(term_set & sentence) for sentence in self._sentence_terms[int(row)]],
                              dtype=np.float64)
            score = np.round(shared / max(len(term_set), 1) + cos, SCORE_DECIMALS)
            headings = self._headings[int(row)]
            if not headings.all():
                score[headings] = -np.inf
            best = int(np.argmax(score))
            start, end = chunk.sentences[best]
            quotes.append(Quote(chunk.start + start, chunk.start + end, chunk.text[start:end]))
        return quotes


def _is_table_header(sentence: str, span: tuple[int, int], data_rows: Mapping[tuple[int, int], str]) -> bool:
    """A sentence that is a table's header row (with a Markdown delimiter line or not): a table
    row that is none of the document's data rows (:func:`citeqa.index.chunking.table_row_texts`)."""
    return is_table_row(sentence.strip().split("\n", 1)[0]) and span not in data_rows


def _name_key(text: str) -> str:
    """A title or heading line as compared: spacing collapsed, case folded. (Markdown's heading
    lines and setext underlines never reach a passage: they are its context and markup.)"""
    return " ".join(text.split()).casefold()


def _names(title: str | None, headings: Sequence[str]) -> frozenset[str]:
    """The keys (:func:`_name_key`) of a document's title and headings."""
    return frozenset(_name_key(name) for name in (title, *headings) if name and _name_key(name))


class Shards(Protocol):
    """The shards of one index version, local or remote: which rows each holds, and a fan-out."""

    @property
    def bounds(self) -> tuple[int, ...]:
        """Shard ``i`` holds rows ``bounds[i]`` to ``bounds[i + 1] - 1``."""
        ...

    def call(self, method: ShardMethod, requests: Mapping[int, tuple[Any, ...]]) -> dict[int, Any]:
        """Call ``Shard.<method>(*args)`` on each shard ``i`` of ``requests`` (all at once when
        remote) and return each shard's result by ``i``.

        Raises:
            Exception: what the transport raises when a shard cannot answer (``RayShards``:
                ``citeqa.service.errors.NotReadyError``, an HTTP 503); local shards raise nothing
                of their own.
        """
        ...


class LocalShards:
    """Shards in this process, called one after the other."""

    def __init__(self, shards: Sequence[Shard]) -> None:
        """Keep ``shards``, which hold consecutive row ranges from row 0."""
        self.shards = tuple(shards)

    @property
    def bounds(self) -> tuple[int, ...]:
        """See :meth:`Shards.bounds`."""
        return (self.shards[0].lo, *(s.hi for s in self.shards)) if self.shards else (0, 0)

    def call(self, method: ShardMethod, requests: Mapping[int, tuple[Any, ...]]) -> dict[int, Any]:
        """See :meth:`Shards.call`."""
        return {i: getattr(self.shards[i], method)(*args) for i, args in requests.items()}


def local_shards(index: StoredIndex, bm25: Bm25Index, shards: int = 1) -> LocalShards:
    """``index`` split into ``shards`` in-process shards (one: the whole index, nothing copied).

    Raises:
        ValueError: ``shards`` < 1.
    """
    bounds = split_rows(len(index.chunks), shards)
    return LocalShards([Shard(index, bm25, lo, hi) for lo, hi in zip(bounds, bounds[1:])])
