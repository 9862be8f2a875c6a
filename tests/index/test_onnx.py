"""The ONNX encoder: exported locally from the shipped weights, cached, and equal to torch's."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from citeqa.index import embedding
from citeqa.index.embedding import DEFAULT_MODEL, OnnxEncoder, default_cache_dir, embed, load_model, onnx_export_dir, resolve_model
from citeqa.index.errors import ModelLoadError
from citeqa.index.manifest import ChunkingParams, stale_reasons
from tests.conftest import BUILTIN_CORPUS, SHARED


def _texts() -> list[str]:
    """Questions of both shared sets when present, and passages of the built-in corpus."""
    texts = [p for f in sorted(BUILTIN_CORPUS.iterdir()) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for name in ("eval/questions.jsonl", "bench/squad-A/questions.jsonl"):
        path = SHARED / name
        if path.exists():
            texts += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_the_default_encoder_is_onnx_loaded_from_the_export_cache(model, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(model, OnnxEncoder)  # the lean encoder: onnxruntime and tokenizers, no torch
    exports = [p for p in default_cache_dir().iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert exports and all((p / "onnx" / "model.onnx").is_file() for p in exports)

    def no_export(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"exported again: {args}")

    monkeypatch.setattr(subprocess, "run", no_export)
    again = load_model(DEFAULT_MODEL)  # from the cache, no second export
    np.testing.assert_allclose(embed(again, ["a question"]), embed(model, ["a question"]), atol=1e-6)


@pytest.mark.slow
def test_onnx_embeddings_match_torch(model) -> None:  # type: ignore[no-untyped-def]
    texts = _texts()
    torch_vectors = embed(load_model(DEFAULT_MODEL, backend="torch"), texts)
    onnx_cos = np.sum(embed(model, texts) * torch_vectors, axis=1)
    assert onnx_cos.min() >= 0.999, f"ONNX vs torch cosine min {onnx_cos.min():.5f}"
    # int8 is an option, not the default: close, but below the 0.999 that "the same vectors" needs.
    int8_cos = np.sum(embed(load_model(DEFAULT_MODEL, backend="onnx-int8"), texts) * torch_vectors, axis=1)
    assert 0.95 <= int8_cos.min() < 0.999


@pytest.mark.slow
def test_the_lean_encoder_equals_sentence_transformers_onnx_backend(model) -> None:  # type: ignore[no-untyped-def]
    """Same tokenisation (truncation at 256 tokens, padding per pass), graph and pooling: equal
    vectors for questions, whole passages and texts over the length limit, in any batch."""
    from sentence_transformers import SentenceTransformer

    folder = onnx_export_dir(resolve_model(DEFAULT_MODEL), default_cache_dir())
    library = SentenceTransformer(str(folder), device="cpu", backend="onnx",
                                  model_kwargs={"file_name": "onnx/model.onnx", "provider": "CPUExecutionProvider"})
    texts = _texts()[:200] + ["", "a", " ".join(["word"] * 600), "中国是否加入了1951年难民公约？"]
    ours = embed(model, texts, batch_size=7)
    theirs = library.encode([embedding.normalize_for_matching(t) for t in texts], batch_size=32,
                            normalize_embeddings=True, convert_to_numpy=True)
    assert np.abs(ours - theirs).max() < 1e-5


@pytest.mark.slow
def test_a_model_that_cannot_be_exported_is_a_clear_error(tmp_path: Path) -> None:
    not_a_model = tmp_path / "not-a-model"
    not_a_model.mkdir()
    (not_a_model / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="could not export .*not-a-model.* to ONNX"):
        load_model(str(not_a_model), cache_dir=tmp_path / "cache")
    assert not [p for p in (tmp_path / "cache").iterdir() if not p.name.startswith(".")]


def test_export_key_changes_with_the_model_files(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    before = embedding._export_key(str(tmp_path))
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    assert embedding._export_key(str(tmp_path)) != before


def test_changing_the_backend_makes_the_index_stale(tmp_path: Path) -> None:
    from citeqa.index.manifest import FORMAT_VERSION, Manifest

    manifest = Manifest(
        format_version=FORMAT_VERSION, model=DEFAULT_MODEL, backend="onnx", dim=384, index_type="IndexFlatIP",
        chunking=ChunkingParams(chunk_size=500, chunk_overlap=100), corpus_dir=str(tmp_path), documents={},
        skipped=[], n_documents=0, n_chunks=0, versions={}, built_at="", build_seconds=0.0,
    )
    chunking = manifest.chunking
    assert stale_reasons(manifest, tmp_path, DEFAULT_MODEL, chunking, "onnx") == []
    assert stale_reasons(manifest, tmp_path, DEFAULT_MODEL, chunking, "onnx-int8") == ["backend: onnx -> onnx-int8"]


@pytest.mark.slow
def test_int8_vectors_do_not_depend_on_batch_mates() -> None:
    from citeqa.index.embedding import pass_size

    int8 = load_model(DEFAULT_MODEL, backend="onnx-int8")
    texts = ["When was the lighthouse built?", "A much longer sentence " * 20, "Who?"]
    one_pass = pass_size("onnx-int8", 64)
    alone = embed(int8, texts[:1], batch_size=one_pass)
    together = embed(int8, texts, batch_size=one_pass)
    assert np.array_equal(alone[0], together[0])
    mixed = embed(int8, texts, batch_size=64)  # what a shared pass would give: not the same vector
    assert not np.array_equal(alone[0], mixed[0])


def test_asking_imports_neither_torch_nor_sentence_transformers(tmp_path: Path) -> None:
    """The query path is onnxruntime, tokenizers, FAISS and the stored index: seconds of imports
    (torch, transformers) stay out of `citeqa ask`, `serve` and `mcp`; so does ray (citeqa[ray]),
    even with it installed, as long as no --ray is given."""
    import sys

    script = (
        "import sys\n"
        "from citeqa.service.engine import Engine\n"
        "from citeqa.service.settings import Settings\n"
        f"engine = Engine.start(Settings(corpus_dir={str(BUILTIN_CORPUS)!r}, index_dir={str(tmp_path / 'index')!r}))\n"
        "assert engine.ask('Is China a party to the 1951 Refugee Convention?').answered\n"
        "import citeqa.service.app, citeqa.eval.cli\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'ray') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


def test_a_lone_text_runs_on_its_own_session_with_the_same_vectors(model) -> None:  # type: ignore[no-untyped-def]
    split = load_model(DEFAULT_MODEL, threads=1, single_pass_threads=2)  # what `serve --workers 2` loads
    assert isinstance(split, OnnxEncoder) and split.single_session is not split.session
    assert split.single_session.get_session_options().intra_op_num_threads == 2
    texts = _texts()[:8]
    alone = np.concatenate([embed(split, [t]) for t in texts])
    together = embed(split, texts)
    assert np.allclose(alone, embed(model, texts), atol=1e-5) and np.allclose(together, embed(model, texts), atol=1e-5)
    same = load_model(DEFAULT_MODEL, threads=1, single_pass_threads=1)
    assert isinstance(same, OnnxEncoder) and same.single_session is same.session
