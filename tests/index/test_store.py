"""Persistence: manifest contents, staleness, atomic replacement, no pickle."""

from __future__ import annotations

import os

import json
from pathlib import Path

import numpy as np
import pytest

from citeqa.corpus.reader import read_corpus
from citeqa.index import store
from citeqa.index.build import build_index
from citeqa.index.embedding import embed
from citeqa.index.errors import IndexCorruptError, IndexNotFoundError
from citeqa.index.manifest import ChunkingParams, stale_reasons
from citeqa.index.store import load_index

CHUNKING = ChunkingParams(chunk_size=500, chunk_overlap=100)
MODEL = "sentence-transformers/all-MiniLM-L6-v2"


@pytest.fixture
def built(model, corpus_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    index_dir = tmp_path / "index"
    return build_index(read_corpus(corpus_dir), index_dir, model, MODEL, CHUNKING), index_dir


def test_manifest_and_files(built, model, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    stored, index_dir = built
    files = sorted(p.name for p in stored.path.iterdir())
    assert files == ["chunks.jsonl", "documents.jsonl", "index.faiss", "manifest.json", "sentences.faiss"]
    manifest = json.loads((stored.path / "manifest.json").read_text())
    assert manifest["model"] == MODEL and manifest["dim"] == 384
    assert manifest["chunking"]["chunk_size"] == 500
    assert set(manifest["documents"]) == {p.name for p in corpus_dir.iterdir()}
    assert manifest["n_chunks"] == stored.faiss_index.ntotal == len(stored.chunks)
    assert {"faiss-cpu", "sentence-transformers", "torch"} <= set(manifest["versions"])
    assert manifest["built_at"].endswith("+00:00")
    vectors = stored.faiss_index.reconstruct_n(0, stored.faiss_index.ntotal)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # One sentence vector per sentence of each chunk, in chunk order: row r of the sentence index
    # embeds the sentence text the offsets say.
    sentences = [c.text[s:e] for c in stored.chunks for s, e in c.sentences]
    assert manifest["n_sentences"] == stored.sentence_index.ntotal == len(sentences) > len(stored.chunks)
    assert all(text.strip() == text and text for text in sentences)
    probe = len(sentences) // 2
    again = embed(model, [sentences[probe]])[0]
    assert float(stored.sentence_index.reconstruct(probe) @ again) > 0.999
    assert stale_reasons(stored.manifest, corpus_dir, MODEL, CHUNKING) == []


def test_stale_detection(built, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    stored, _ = built
    first = sorted(corpus_dir.iterdir())
    with open(first[0], "a", encoding="utf-8") as handle:
        handle.write("\nAn added sentence changes the file.")
    first[1].unlink()
    (corpus_dir / "new.md").write_text("A new document appears in the folder.", encoding="utf-8")
    reasons = stale_reasons(stored.manifest, corpus_dir, "another/model", ChunkingParams(chunk_size=300, chunk_overlap=0))
    assert f"changed: {first[0].name}" in reasons
    assert f"removed: {first[1].name}" in reasons
    assert "added: new.md" in reasons
    assert f"model: {MODEL} -> another/model" in reasons
    assert "chunking: 500/100 -> 300/0" in reasons


def test_skipped_files_are_in_the_manifest_and_not_stale(model, corpus_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (corpus_dir / "bad.txt").write_bytes(b"\x89PNG\x00binary")
    stored = build_index(read_corpus(corpus_dir), tmp_path / "i", model, MODEL, CHUNKING)
    assert [(s.doc_id, s.reason) for s in stored.manifest.skipped] == [("bad.txt", "binary file (contains NUL bytes)")]
    assert stale_reasons(stored.manifest, corpus_dir, MODEL, CHUNKING) == []


@pytest.mark.parametrize("crash_at", ["_fsync_dir", "replace"])
def test_a_build_that_fails_midway_leaves_the_old_index(
    built, model, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, crash_at: str
) -> None:  # type: ignore[no-untyped-def]
    old, index_dir = built
    (corpus_dir / "extra.txt").write_text("Another document about refugees in China arrives.", encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError("simulated crash")

    if crash_at == "replace":  # all files written and renamed; the pointer swap never happens
        monkeypatch.setattr(store.os, "replace", crash)
    else:  # files written into the temporary folder, not yet renamed
        monkeypatch.setattr(store, "_fsync_dir", crash)
    with pytest.raises(OSError, match="simulated crash"):
        build_index(read_corpus(corpus_dir), index_dir, model, MODEL, CHUNKING)
    monkeypatch.undo()

    again = load_index(index_dir)
    assert again.manifest == old.manifest and again.chunks == old.chunks
    # The next good build succeeds and cleans up what the failed one left.
    new = build_index(read_corpus(corpus_dir), index_dir, model, MODEL, CHUNKING)
    assert "extra.txt" in new.manifest.documents
    assert [p.name for p in index_dir.iterdir() if p.is_dir()] == [new.path.name]


def test_missing_and_corrupt_indexes(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stored, index_dir = built
    with pytest.raises(IndexNotFoundError, match="citeqa index"):
        load_index(tmp_path / "nothing-here")
    lines = (stored.path / "chunks.jsonl").read_text().splitlines()
    (stored.path / "chunks.jsonl").write_text("\n".join(lines[:-1]) + "\n")
    with pytest.raises(IndexCorruptError, match="vectors"):
        load_index(index_dir)
    (index_dir / "CURRENT").write_text("../../etc\n")
    with pytest.raises(IndexCorruptError):
        load_index(index_dir)


def test_nothing_loads_pickle() -> None:
    root = Path(__file__).resolve().parents[2]
    for folder in ("corpus", "index", "service", "eval"):
        for path in (root / folder).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            for banned in ("import pickle", "pickle.load", "allow_pickle=True", "torch.load"):
                assert banned not in source, f"{path} uses {banned}"


def test_a_build_waiting_for_another_process_says_which(tmp_path: Path) -> None:
    # A second build had waited on the lock without a word (a PUT behind a `citeqa index` took a
    # minute with no sign why).
    import subprocess
    import sys
    import time

    from citeqa.index.store import build_lock

    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"with open({str(tmp_path / '.lock')!r}, 'a+') as f:\n"
        "    fcntl.flock(f, fcntl.LOCK_EX); f.seek(0); f.truncate(); f.write(f'{os.getpid()}\\n'); f.flush()\n"
        "    print('held', flush=True); time.sleep(1.5)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        told: list[str] = []
        started = time.monotonic()
        with build_lock(tmp_path, on_wait=told.append):
            waited = time.monotonic() - started
            assert (tmp_path / ".lock").read_text().strip() == str(os.getpid())  # now this process's
        assert told == [f"waiting for another build of {tmp_path.resolve()} to finish (process {holder.pid})"]
        assert waited > 0.5
        with build_lock(tmp_path, on_wait=told.append):  # free: no message
            pass
        assert len(told) == 1
    finally:
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
