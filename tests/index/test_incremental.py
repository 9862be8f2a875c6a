"""Incremental builds: only added or changed documents are embedded, and after any sequence of
edits the index answers exactly like a full rebuild of the same corpus."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeqa.corpus.reader import read_corpus
from citeqa.index.build import build_index
from citeqa.index.manifest import ChunkingParams
from citeqa.index.retrieval import Retriever
from citeqa.index.store import StoredIndex, load_index
from tests.conftest import BUILTIN_CORPUS
from tests.index.conftest import record_embeds
from tests.service.test_cli import run

CHUNKING = ChunkingParams(chunk_size=500, chunk_overlap=100)
MODEL = "sentence-transformers/all-MiniLM-L6-v2"
QUESTIONS = [
    "Is China a party to the 1951 Refugee Convention?",
    "What happens to North Koreans who are sent back?",
    "How do bees tell each other where flowers are?",
    "When was the lighthouse built?",
]
# Texts the edits draw from: paragraphs of the built-in corpus and a few of other subjects, so that
# the questions above have answers that come and go as documents are added and removed.
_EXTRA = [
    "Honeybees communicate the direction and distance of flowers with a waggle dance. "
    "The angle of the dance against vertical gives the direction relative to the sun.",
    "The lighthouse on the northern cape was built in 1871 from local granite. "
    "Its lamp was electrified in 1934 and automated in 1989.",
    "Rainfall in the valley averages 800 millimetres a year, most of it in autumn.",
]
POOL = [
    p.strip()
    for path in sorted(BUILTIN_CORPUS.iterdir())
    for p in path.read_text(encoding="utf-8").split("\n\n")
    if len(p.strip()) > 200
][:12] + _EXTRA

edit = st.one_of(
    st.tuples(st.just("write"), st.integers(0, 5), st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=3)),
    st.tuples(st.just("remove"), st.integers(0, 5), st.just([])),
    st.tuples(st.just("append"), st.integers(0, 5), st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=1)),
)


def _apply(corpus: Path, op: str, slot: int, paragraphs: list[int]) -> None:
    path = corpus / f"doc{slot}.{'md' if slot % 2 else 'txt'}"
    text = "\n\n".join(POOL[i] for i in paragraphs)
    if op == "write":
        path.write_text(text, encoding="utf-8")
    elif op == "remove":
        path.unlink(missing_ok=True)
    elif path.exists():
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + text, encoding="utf-8")


def _answers(model, stored: StoredIndex, corpus: Path) -> list[list[tuple[str, int, int, float]]]:  # type: ignore[no-untyped-def]
    retriever = Retriever(model, stored)
    return [
        [(h.chunk.doc_id, h.chunk.start, h.chunk.end, h.score) for h in retriever.answer(q, 5, 0.0).hits]
        for q in QUESTIONS
    ]


def _assert_same_answers(got: list, want: list) -> None:  # type: ignore[type-arg]
    for got_hits, want_hits in zip(got, want, strict=True):
        assert [h[:3] for h in got_hits] == [h[:3] for h in want_hits]
        np.testing.assert_allclose([h[3] for h in got_hits], [h[3] for h in want_hits], atol=1e-5)


_FIXTURES_OK = [HealthCheck.function_scoped_fixture]  # the model and monkeypatch are shared on purpose


@settings(max_examples=6, deadline=None, suppress_health_check=_FIXTURES_OK)
@given(edits=st.lists(edit, min_size=1, max_size=6))
def test_incremental_build_answers_like_a_full_rebuild(model, monkeypatch, edits) -> None:  # type: ignore[no-untyped-def]
    _check_edit_sequence(model, monkeypatch, edits)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=_FIXTURES_OK)
@given(edits=st.lists(edit, min_size=1, max_size=10))
def test_incremental_build_answers_like_a_full_rebuild_many(model, monkeypatch, edits) -> None:  # type: ignore[no-untyped-def]
    _check_edit_sequence(model, monkeypatch, edits)


def _check_edit_sequence(model, monkeypatch, edits) -> None:  # type: ignore[no-untyped-def]
    """Apply the edits one by one; after each, build incrementally and fully, and compare."""
    embedded = record_embeds(monkeypatch)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, live = Path(tmp) / "corpus", Path(tmp) / "live"
        corpus.mkdir()
        _apply(corpus, "write", 0, [0, 1])
        _apply(corpus, "write", 1, [len(POOL) - 1])
        build_index(read_corpus(corpus), live, model, MODEL, CHUNKING)
        for op, slot, paragraphs in edits:
            _apply(corpus, op, slot, paragraphs)
            if not any(corpus.iterdir()):
                _apply(corpus, "write", 0, [0])
            docs = read_corpus(corpus)
            previous = load_index(live)
            unchanged = {d.doc_id for d in docs.documents
                         if d.doc_id in previous.manifest.documents
                         and previous.manifest.documents[d.doc_id].sha256 == d.sha256}
            embedded.clear()
            incremental = build_index(docs, live, model, MODEL, CHUNKING, previous=previous)
            fresh = [t for c in incremental.chunks if c.doc_id not in unchanged for t in [c.text, *c.sentence_texts()]]
            assert sorted(embedded) == sorted(set(fresh))  # each new passage and sentence once, nothing else
            assert incremental.manifest.reused_chunks == sum(c.doc_id in unchanged for c in incremental.chunks)

            full_dir = Path(tmp) / "full"
            shutil.rmtree(full_dir, ignore_errors=True)
            full = build_index(docs, full_dir, model, MODEL, CHUNKING)
            assert full.manifest.reused_chunks == 0
            assert incremental.chunks == full.chunks
            assert incremental.manifest.documents == full.manifest.documents
            assert incremental.manifest.skipped == full.manifest.skipped
            n = full.faiss_index.ntotal
            np.testing.assert_allclose(
                incremental.faiss_index.reconstruct_n(0, n), full.faiss_index.reconstruct_n(0, n), atol=1e-5
            )
            _assert_same_answers(_answers(model, load_index(live), corpus), _answers(model, full, corpus))


def test_nothing_is_reused_from_an_index_of_other_chunking(model, corpus_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    index_dir = tmp_path / "index"
    docs = read_corpus(corpus_dir)
    first = build_index(docs, index_dir, model, MODEL, CHUNKING)
    other = ChunkingParams(chunk_size=300, chunk_overlap=50)
    second = build_index(docs, index_dir, model, MODEL, other, previous=first)
    assert second.manifest.reused_chunks == 0
    third = build_index(docs, index_dir, model, MODEL, other, previous=second)
    assert third.manifest.reused_chunks == third.manifest.n_chunks


def test_cli_index_embeds_only_what_changed(model, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    index_dir = str(tmp_path / "index")
    args = ["index", "--corpus", str(corpus_dir), "--index", index_dir]
    assert run(args, capsys)[0] == 0
    first = load_index(Path(index_dir)).manifest
    code, out, _ = run(args, capsys)
    assert code == 0
    assert "index is up to date" in out

    changed = sorted(corpus_dir.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA new closing paragraph.", encoding="utf-8")
    sorted(corpus_dir.iterdir())[-1].unlink()
    code, out, _ = run(args, capsys)
    assert code == 0
    second = load_index(Path(index_dir)).manifest
    kept = sum(e.chunks for d, e in second.documents.items() if d != changed.name)
    assert second.reused_chunks == kept and second.n_documents == first.n_documents - 1
    assert f"{kept} kept from the previous version" in out

    assert run([*args, "--full"], capsys)[0] == 0
    assert load_index(Path(index_dir)).manifest.reused_chunks == 0


def test_cli_index_records_a_new_corpus_folder_and_refuses_a_vanished_one(
    model, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    index_dir = tmp_path / "index"
    assert run(["index", "--corpus", str(corpus_dir), "--index", str(index_dir)], capsys)[0] == 0
    moved = tmp_path / "moved"
    shutil.copytree(corpus_dir, moved)
    code, _, err = run(["index", "--corpus", str(moved), "--index", str(index_dir)], capsys)
    assert code == 0 and "updating the index (stale: corpus folder:" in err
    manifest = load_index(index_dir).manifest
    assert manifest.corpus_dir == str(moved.resolve()) and manifest.reused_chunks == manifest.n_chunks

    shutil.rmtree(moved)
    version = load_index(index_dir).path
    code, _, err = run(["ask", "Is China a party to the Refugee Convention?", "--index", str(index_dir)], capsys)
    assert code == 1 and "CorpusNotFoundError" in err and "no longer exists" in err and "Traceback" not in err
    assert load_index(index_dir).path == version  # not rebuilt from the built-in corpus
