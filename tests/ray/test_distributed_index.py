"""``citeqa index --ray`` on the two-node test cluster writes the index a local build writes:
the same chunks and spans in the same order, vectors within cosine 0.999, the same manifest;
and an incremental update embeds only the changed document."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from citeqa.index.store import StoredIndex, load_index
from citeqa.service.engine import ensure_index, read_settings_corpus
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, SHARED, needs_shared
from tests.mixed_folder import SKIPPED, make_mixed_folder

pytestmark = pytest.mark.ray
CITEQA = str(Path(sys.executable).parent / "citeqa")


def local_build(model: Any, corpus: Path, index: Path) -> StoredIndex:
    settings = Settings(corpus_dir=corpus, index_dir=index)
    return ensure_index(settings, read_settings_corpus(settings), model, force=True)


def ray_build(env: dict[str, str], corpus: Path, index: Path) -> StoredIndex:
    done = subprocess.run([CITEQA, "index", "--ray", env["CITEQA_RAY_ADDRESS"], "--corpus", str(corpus),
                           "--index", str(index)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return load_index(index)


def assert_same_index(local: StoredIndex, distributed: StoredIndex, *, also_differs: frozenset[str] = frozenset()) -> None:
    spans = [(c.doc_id, c.start, c.end, c.text, c.page, c.headings, c.sentences) for c in local.chunks]
    assert spans == [(c.doc_id, c.start, c.end, c.text, c.page, c.headings, c.sentences) for c in distributed.chunks]
    for a, b in ((local.faiss_index, distributed.faiss_index), (local.sentence_index, distributed.sentence_index)):
        assert a.ntotal == b.ntotal
        cosines = (a.reconstruct_n(0, a.ntotal) * b.reconstruct_n(0, b.ntotal)).sum(axis=1)
        assert float(cosines.min()) >= 0.999
    assert np.array_equal(local.sentence_rows, distributed.sentence_rows)
    volatile = {"built_at", "build_seconds", *also_differs}
    assert local.manifest.model_dump(exclude=volatile) == distributed.manifest.model_dump(exclude=volatile)
    assert {d: local.documents[d].text for d in local.documents} == {
        d: distributed.documents[d].text for d in distributed.documents}


def test_ray_build_equals_local_build_on_the_builtin_corpus(model: Any, ray_env: dict[str, str],
                                                            tmp_path: Path) -> None:
    assert_same_index(local_build(model, BUILTIN_CORPUS, tmp_path / "local"),
                      ray_build(ray_env, BUILTIN_CORPUS, tmp_path / "ray"))


def test_ray_build_of_a_mixed_folder_extracts_on_the_workers_alike(model: Any, ray_env: dict[str, str],
                                                                   tmp_path: Path) -> None:
    folder = make_mixed_folder(tmp_path / "mixed")
    local = local_build(model, folder, tmp_path / "local")
    distributed = ray_build(ray_env, folder, tmp_path / "ray")
    assert_same_index(local, distributed)
    assert {s.doc_id for s in distributed.manifest.skipped} >= set(SKIPPED)  # skipped, with the same reasons
    assert {f.format for f in distributed.manifest.documents.values()} >= {"pdf", "docx", "pptx", "html", "markdown"}


@needs_shared
def test_ray_build_equals_local_build_on_squad_a(model: Any, ray_env: dict[str, str], tmp_path: Path) -> None:
    corpus = SHARED / "bench" / "squad-A" / "corpus"
    assert_same_index(local_build(model, corpus, tmp_path / "local"), ray_build(ray_env, corpus, tmp_path / "ray"))


def test_incremental_ray_update_embeds_only_the_changed_document(model: Any, ray_env: dict[str, str],
                                                                 tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    first = ray_build(ray_env, corpus, tmp_path / "ray")
    edited = sorted(corpus.iterdir())[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe ferry to Wren Island leaves every 40 minutes.\n",
                      encoding="utf-8")
    (corpus / sorted(corpus.iterdir())[0].name).unlink()  # and one removed
    again = ray_build(ray_env, corpus, tmp_path / "ray")
    changed = again.manifest.documents[edited.name].chunks
    assert again.manifest.n_chunks - again.manifest.reused_chunks <= changed
    assert again.manifest.reused_chunks == again.manifest.n_chunks - changed
    assert again.manifest.n_documents == first.manifest.n_documents - 1
    # a full local build of the edited corpus: the same index, but for what was reused
    assert_same_index(local_build(model, corpus, tmp_path / "local"), again, also_differs=frozenset({"reused_chunks"}))


def test_a_dead_address_fails_fast_with_a_clear_message(ray_env: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run([CITEQA, "index", "--ray", "127.0.0.1:9", "--corpus", str(BUILTIN_CORPUS),
                           "--index", str(tmp_path / "x")], env=ray_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "no Ray cluster answers at 127.0.0.1:9" in done.stderr and "Traceback" not in done.stderr
