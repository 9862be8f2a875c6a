"""Corpora that are hard to index: each gets a clear answer, never a traceback or a wrong citation.

(Empty folders, binary and undecodable files, and symlinks out of the corpus are covered file by
file in tests/corpus/test_reader.py; here the whole `citeqa index` / ask path is exercised.)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from citeqa.corpus.reader import read_corpus
from citeqa.index import build as build_module
from citeqa.index.build import build_index
from citeqa.index.manifest import ChunkingParams
from citeqa.index.retrieval import Retriever
from citeqa.index.store import load_index
from citeqa.service.engine import Engine, index_problem
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, REFUGEE_QUESTION, SHARED, needs_shared
from tests.index.conftest import record_embeds
from tests.service.test_cli import run

CHUNKING = ChunkingParams(chunk_size=500, chunk_overlap=100)
MODEL = "sentence-transformers/all-MiniLM-L6-v2"
BOILERPLATE = "Home | News | Sport | Contact\nShare on Facebook\nSubscribe\n[Log in](/login) [Register](/r)\n"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "no files"),
        ({"menu.html": f"<nav>{BOILERPLATE}</nav>".encode(), "nav.htm": f"<p>{BOILERPLATE}</p>".encode()},
             "every line looks like boilerplate"),
        ({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00", "b.html": b"\x00\x01\x02"}, "a.txt: binary file"),
        ({"a.txt": b"\xef\xbb\xbfcaf\xe9"}, "a.txt: starts with a utf-8 byte-order mark but is not valid utf-8"),
    ],
    ids=["empty-folder", "only-boilerplate", "only-binary", "only-undecodable"],
)
def test_corpus_with_nothing_to_index_is_a_clear_cli_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, bytes], message: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    code, _, err = run(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index")], capsys)
    assert code == 1
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "index" / "CURRENT").exists()


def test_duplicate_content_under_two_names_is_cited_under_both_and_embedded_once(
    model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = sorted(BUILTIN_CORPUS.iterdir())[3]  # the article that calls China a state party
    text = source.read_text(encoding="utf-8")
    (corpus / "original.txt").write_text(text, encoding="utf-8")
    (corpus / "mirror").mkdir()
    (corpus / "mirror" / "copy.txt").write_text(text, encoding="utf-8")
    embedded = record_embeds(monkeypatch)

    stored = build_index(read_corpus(corpus), tmp_path / "index", model, MODEL, CHUNKING)

    per_doc = stored.manifest.documents
    assert per_doc["original.txt"].chunks == per_doc["mirror/copy.txt"].chunks > 0
    original = [c for c in stored.chunks if c.doc_id == "original.txt"]
    assert len(embedded) == len(set(embedded))
    assert set(embedded) == {t for c in original for t in [c.text, *c.sentence_texts()]}
    hits = Retriever(model, stored).answer(REFUGEE_QUESTION, 4, 0.0).hits
    assert {h.chunk.doc_id for h in hits[:2]} == {"original.txt", "mirror/copy.txt"}
    for hit in hits:
        assert text[hit.chunk.start:hit.chunk.end] == hit.chunk.text


def test_a_file_changing_while_indexing_never_gives_a_wrong_citation(
    model, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """The build indexes the bytes it read (their sha256 goes into the manifest); an edit made
    meanwhile makes the index stale, and the next build embeds that document alone again."""
    victim = sorted(corpus_dir.iterdir())[3]
    before = victim.read_text(encoding="utf-8")
    real_embed = build_module.embed

    def embed_while_editing(m, texts, **kw):  # type: ignore[no-untyped-def]
        victim.write_text("Rewritten while the index was being built. " * 40, encoding="utf-8")
        return real_embed(m, texts, **kw)

    monkeypatch.setattr(build_module, "embed", embed_while_editing)
    settings = Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index")
    engine = Engine.start(settings, model=model)
    monkeypatch.setattr(build_module, "embed", real_embed)

    # What is served is what was indexed: the text as read, not the file as it is now.
    response = engine.ask(REFUGEE_QUESTION, 5)
    assert victim.name in {p.doc_id for p in response.passages}
    for passage in response.passages:
        original = engine.document(passage.doc_id).text
        assert original[passage.start:passage.end] == passage.text
        if passage.doc_id == victim.name:
            assert before[passage.start:passage.end] == passage.text

    assert index_problem(settings) == f"stale: changed: {victim.name}"
    restarted = Engine.start(settings, model=model)
    manifest = restarted.retriever.index.manifest
    assert manifest.reused_chunks == manifest.n_chunks - manifest.documents[victim.name].chunks
    assert index_problem(settings) is None
    assert "Rewritten while" in restarted.document(victim.name).text


@pytest.mark.slow
@needs_shared
def test_a_50_mb_text_file_is_indexed_and_cited_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 50 MB file of real Wikipedia paragraphs (SQuAD-A's articles, shuffled and repeated): the
    CLI indexes it end to end (repeated passages are embedded once) and cites exact spans."""
    paragraphs = [
        p.strip()
        for path in sorted((SHARED / "bench" / "squad-A" / "corpus").iterdir())
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    rng = random.Random(0)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    parts: list[str] = []
    size = 0
    while size < 50_000_000:
        block = "\n\n".join(paragraphs)  # whole articles in a shuffled order, again and again
        parts.append(block)
        size += len(block.encode()) + 2
        rng.shuffle(paragraphs)
    big = corpus / "big.txt"
    big.write_text("\n\n".join(parts), encoding="utf-8")
    assert big.stat().st_size >= 50_000_000

    args = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    code, out, err = run(["index", *args], capsys)
    assert code == 0, err
    assert "indexed 1 documents" in out
    code, out, err = run(["ask", "What is the capital of France?", *args, "--json", "--no-abstain"], capsys)
    assert code == 0, err
    text = big.read_text(encoding="utf-8")
    for passage in json.loads(out)["passages"]:
        assert text[passage["start"]:passage["end"]] == passage["text"]
    assert load_index(tmp_path / "index").manifest.n_chunks > 50_000
