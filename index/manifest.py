"""The index manifest: what an index was built from, and whether it still matches.

``manifest.json`` sits next to the FAISS file and records the format version, the model and its
dimension, the chunking parameters, each document's sha256 and size, the skipped files with
reasons, counts, library versions and the UTC build time.
"""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from citeqa.corpus.reader import file_fingerprint, list_corpus_files

#: Bump when the on-disk layout, or what a stored vector is made from, changes; an index of
#: another version is rebuilt, never misread or mixed. 6: table rows' sentence vectors include
#: their column headers (:func:`citeqa.index.chunking.table_row_texts`). 7: and escaped pipes
#: and the rows of a Markdown table with more or fewer cells than its header are read as GFM does.
FORMAT_VERSION = 7


class DocumentEntry(BaseModel):
    """One indexed document: its fingerprint, how many chunks it gave, and how it was read."""

    model_config = ConfigDict(frozen=True)
    sha256: str
    size: int
    chunks: int
    format: str
    title: str
    #: pages (PDF) or slides (PPTX); None for formats without pages
    pages: int | None = None
    #: how a text file was decoded; None for formats parsed from bytes
    encoding: str | None = None


class SkippedEntry(BaseModel):
    """A corpus file that was not indexed, why, its sha256 if it was read and its size."""

    model_config = ConfigDict(frozen=True)
    doc_id: str
    reason: str
    sha256: str | None = None
    size: int | None = None


class ChunkingParams(BaseModel):
    """How documents were chunked (sizes in code points)."""

    model_config = ConfigDict(frozen=True)
    chunk_size: int
    chunk_overlap: int
    splitter: str = "langchain_text_splitters.RecursiveCharacterTextSplitter"


class Manifest(BaseModel):
    """Everything needed to tell whether an index still matches its corpus and model."""

    model_config = ConfigDict(frozen=True)
    format_version: int
    model: str
    #: encoder backend the vectors were made with (torch, onnx, onnx-int8); older indexes: torch
    backend: str = "torch"
    dim: int
    normalized: bool = True
    metric: str = "inner_product"
    index_type: str
    chunking: ChunkingParams
    corpus_dir: str
    #: the encoding declared for legacy text files (CITEQA_ENCODING); None: detected
    declared_encoding: str | None = None
    documents: dict[str, DocumentEntry]
    skipped: list[SkippedEntry]
    n_documents: int
    n_chunks: int
    #: rows of sentences.faiss: every chunk's sentences, in chunk order (see Chunk.sentences)
    n_sentences: int = 0
    #: the FAISS index type of sentences.faiss (as index_type)
    sentence_index_type: str = "IndexFlatIP"
    #: chunks whose vectors were copied from the previous version instead of embedded again
    reused_chunks: int = 0
    versions: dict[str, str]
    built_at: str
    build_seconds: float


def library_versions() -> dict[str, str]:
    """Versions of the libraries that shape an index (recorded in the manifest)."""
    versions = {"python": platform.python_version()}
    # The extractors shape the text layers that offsets count into: a new version may extract
    # other text, so nothing is reused across versions.
    for dist in ("citeqa", "faiss-cpu", "sentence-transformers", "torch", "transformers",
                 "optimum-onnx", "onnxruntime", "langchain-text-splitters", "numpy",
                 "pypdfium2", "python-docx", "python-pptx", "selectolax", "charset-normalizer"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions


def stale_reasons(
    manifest: Manifest, corpus_dir: Path, model: str, chunking: ChunkingParams, backend: str = "onnx",
    encoding: str | None = None,
) -> list[str]:
    """Compare a manifest with the corpus folder and the configured model and chunking.

    Every file is hashed (sha256), so an edit that keeps the size and modification time is seen.

    Args:
        manifest: the index's manifest.
        corpus_dir: the corpus folder as configured now.
        model: the configured model name.
        chunking: the configured chunking parameters.
        backend: the configured encoder backend (an index is re-embedded when it changes: int8
            vectors are not interchangeable with fp32 ones).
        encoding: the encoding declared for legacy text files (None: detected).

    Returns:
        One line per difference (``"changed: a.txt"``, ``"added: b.txt"``, ``"removed: c.txt"``,
        ``"model: A -> B"``, ...); empty when the index matches.

    Raises:
        citeqa.corpus.errors.CorpusNotFoundError: the corpus folder does not exist.
    """
    reasons: list[str] = []
    if manifest.format_version != FORMAT_VERSION:
        reasons.append(f"format version: {manifest.format_version} -> {FORMAT_VERSION}")
    if manifest.model != model:
        reasons.append(f"model: {manifest.model} -> {model}")
    if Path(manifest.corpus_dir) != corpus_dir.resolve():
        # Recorded so that an index keeps serving its own corpus; a build from another folder
        # (even with the same files, which it then reuses) records the new one.
        reasons.append(f"corpus folder: {manifest.corpus_dir} -> {corpus_dir.resolve()}")
    if manifest.declared_encoding != encoding:
        reasons.append(f"declared encoding: {manifest.declared_encoding} -> {encoding}")
    if manifest.backend != backend:
        reasons.append(f"backend: {manifest.backend} -> {backend}")
    if manifest.chunking != chunking:
        reasons.append(
            f"chunking: {manifest.chunking.chunk_size}/{manifest.chunking.chunk_overlap} -> "
            f"{chunking.chunk_size}/{chunking.chunk_overlap}"
        )
    known: dict[str, str | None] = {d: e.sha256 for d, e in manifest.documents.items()}
    known.update({s.doc_id: s.sha256 for s in manifest.skipped})
    # Files of unsupported formats are not read (a video may be large): their size tells.
    unread_sizes = {s.doc_id: s.size for s in manifest.skipped if s.sha256 is None and s.size is not None}
    current = list_corpus_files(corpus_dir)
    for doc_id, path in current:
        if doc_id not in known:
            reasons.append(f"added: {doc_id}")
            continue
        if doc_id in unread_sizes:
            try:
                changed = path.stat().st_size != unread_sizes[doc_id]
            except OSError:
                changed = True
            if changed:
                reasons.append(f"changed: {doc_id}")
            continue
        try:
            sha: str | None = file_fingerprint(path)[0]
        except OSError:
            sha = None
        if sha != known[doc_id]:
            reasons.append(f"changed: {doc_id}")
    current_ids = {doc_id for doc_id, _ in current}
    reasons.extend(f"removed: {doc_id}" for doc_id in sorted(known) if doc_id not in current_ids)
    return reasons
