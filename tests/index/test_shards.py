"""Shards rank exactly as one index: a BM25 part scores as the whole, and a retriever over 2, 3 or
7 in-process shards gives the same answers (passages, scores, quotes, confidence) as over one, in
every mode, with and without a filter, on the built-in corpus and (slow) on SQuAD-A."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citeqa.corpus.reader import read_corpus
from citeqa.eval.scoring import load_questions
from citeqa.index.build import build_index
from citeqa.index.lexical import Bm25Index
from citeqa.index.manifest import ChunkingParams
from citeqa.index.retrieval import MODES, Answer, Retriever
from citeqa.index.shards import local_shards, split_rows
from citeqa.index.store import StoredIndex

from tests.conftest import BUILTIN_CORPUS, SHARED, needs_shared

ROOT = Path(__file__).resolve().parents[2]


def questions(*paths: Path) -> list[str]:
    return [q.question for path in paths if path.exists() for q in load_questions(path)]


def essence(answer: Answer) -> tuple[object, ...]:
    """What a response is made of: the abstention, and each passage's place, score and quote."""
    return (answer.answered, round(answer.confidence, 6),
            [(h.chunk.doc_id, h.chunk.start, h.chunk.end, round(h.score, 6), h.quote.start, h.quote.end)
             for h in answer.hits])


def sharded(model, stored: StoredIndex, shards: int) -> Retriever:  # type: ignore[no-untyped-def]
    return Retriever(model, stored, shards=lambda index, bm25: local_shards(index, bm25, shards))


@pytest.fixture(scope="module")
def builtin(model, tmp_path_factory: pytest.TempPathFactory) -> StoredIndex:  # type: ignore[no-untyped-def]
    return build_index(read_corpus(BUILTIN_CORPUS), tmp_path_factory.mktemp("shards") / "idx", model, "m",
                       ChunkingParams(chunk_size=500, chunk_overlap=100))


def test_split_rows_covers_every_row_once() -> None:
    assert split_rows(10, 3) == (0, 3, 7, 10)
    assert split_rows(2, 4) == (0, 0, 1, 2, 2)  # more shards than rows: some hold none
    with pytest.raises(ValueError):
        split_rows(10, 0)


def test_a_bm25_part_scores_its_rows_exactly_as_the_whole(builtin: StoredIndex) -> None:
    whole = Bm25Index([c.matching_text() for c in builtin.chunks])
    n = whole.size
    for question in questions(ROOT / "eval" / "questions" / "builtin.jsonl"):
        terms = whole.query_terms(question)
        scores = whole.scores(terms)
        for lo, hi in ((0, n), (0, n // 3), (n // 3, n), (5, 6), (n, n)):
            part = whole.rows(lo, hi)
            assert part.upper_bound(terms) == whole.upper_bound(terms)  # global statistics
            assert np.array_equal(part.scores(terms), scores[lo:hi]), (question, lo, hi)
            assert part.passage_units == whole.passage_units[lo:hi]
    with pytest.raises(ValueError):
        whole.rows(3, n + 1)


@needs_shared
@pytest.mark.parametrize("shards", [2, 3, 7])
def test_sharded_retrieval_answers_as_one_index(model, builtin: StoredIndex, shards: int) -> None:  # type: ignore[no-untyped-def]
    one, many = Retriever(model, builtin), sharded(model, builtin, shards)
    assert many.shards.bounds == split_rows(len(builtin.chunks), shards)
    asked = questions(ROOT / "eval" / "questions" / "builtin.jsonl", SHARED / "eval" / "questions.jsonl")
    assert len(asked) >= 40
    some_doc = builtin.chunks[len(builtin.chunks) // 2].doc_id
    allowed = np.array([r for r, c in enumerate(builtin.chunks) if c.doc_id != some_doc], dtype=np.int64)
    for question in asked:
        for mode in MODES:
            assert essence(many.answer(question, 5, 0.3, mode)) == essence(one.answer(question, 5, 0.3, mode)), \
                (question, mode)
        assert essence(many.answer(question, 3, 0.3, allowed=allowed)) == \
            essence(one.answer(question, 3, 0.3, allowed=allowed)), question


@pytest.mark.slow
@needs_shared
def test_sharded_retrieval_answers_as_one_index_on_squad(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stored = build_index(read_corpus(SHARED / "bench" / "squad-A" / "corpus"), tmp_path / "idx", model, "m",
                         ChunkingParams(chunk_size=500, chunk_overlap=100))
    one, many = Retriever(model, stored), sharded(model, stored, 4)
    for question in questions(SHARED / "bench" / "squad-A" / "questions.jsonl"):
        for mode in MODES:
            assert essence(many.answer(question, 5, 0.3, mode)) == essence(one.answer(question, 5, 0.3, mode)), \
                (question, mode)


def test_an_ivf_shard_probes_the_lists_the_whole_index_probes() -> None:
    from citeqa.index.ann import build_ann_index
    from citeqa.index.shards import _search, _slice_vectors, best_by_score

    rng = np.random.default_rng(0)
    data = rng.normal(size=(12_000, 32)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    whole = build_ann_index(data, exact_max=10_000)  # IVF: 438 lists, nprobe 16
    bounds = split_rows(len(data), 3)
    parts = [_slice_vectors(whole, lo, hi) for lo, hi in zip(bounds, bounds[1:], strict=False)]
    assert [p.ntotal for p in parts] == [4000, 4000, 4000]
    for query in rng.normal(size=(20, 32)).astype(np.float32):
        q = (query / np.linalg.norm(query)).reshape(1, -1)
        scores, rows = _search(whole, q, 10, None)
        found = [_search(p, q, 10, None) for p in parts]
        merged_rows, merged_scores = best_by_score(
            np.concatenate([r + lo for (_, r), lo in zip(found, bounds, strict=False)]),
            np.concatenate([s for s, _ in found]), 10)
        assert set(merged_rows.tolist()) == set(rows.tolist())
        assert np.allclose(np.sort(merged_scores), np.sort(scores))
        assert np.allclose(parts[1].reconstruct(5), data[bounds[1] + 5])  # the direct map works
