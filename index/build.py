"""Build an index from a corpus: clean, chunk, embed, store.

A build can start from the previous version of the index: a document whose bytes (sha256) are
unchanged keeps its chunks and vectors, so only added or changed documents are embedded and removed
ones simply drop out. Reuse needs the previous version to have been made with the same model,
chunking and library versions (the manifest records them); then a document's chunks and vectors are
what a full build would make, and the rows are laid out in the same doc-id order, so the two indexes
answer alike (tests/index/test_incremental.py checks this after random edit sequences).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import faiss
import numpy as np
import numpy.typing as npt
from citeqa.corpus.cleaning import clean_document
from citeqa.corpus.errors import NoIndexableTextError
from citeqa.corpus.reader import Corpus, Document
from citeqa.index.ann import build_ann_index, index_type
from citeqa.index.chunking import Chunk, chunk_document, table_row_texts
from citeqa.index.embedding import DEFAULT_BACKEND, embed, pass_size
from citeqa.index.manifest import (
    FORMAT_VERSION,
    ChunkingParams,
    DocumentEntry,
    Manifest,
    SkippedEntry,
    library_versions,
)
from citeqa.index.store import StoredIndex, load_index, write_index

if TYPE_CHECKING:
    from citeqa.index.embedding import Encoder

#: ``(documents, chunking) -> each document's chunks``, in the documents' order: how a build
#: cleans and chunks (:func:`chunk_locally`, or across a cluster: citeqa.index.distributed).
ChunkDocuments = Callable[[Sequence[Document], ChunkingParams], list[list[Chunk]]]
#: ``texts -> (len(texts), dim) float32`` L2-normalised rows, in the texts' order: how a build
#: embeds what it cannot reuse (the loaded model by default, or a cluster's embedders).
EmbedTexts = Callable[[list[str]], npt.NDArray[np.float32]]


def chunk_locally(documents: Sequence[Document], chunking: ChunkingParams) -> list[list[Chunk]]:
    """Clean and chunk each document in this process (:data:`ChunkDocuments`)."""
    return [chunk_document(clean_document(d), chunking.chunk_size, chunking.chunk_overlap) for d in documents]


def reusable_rows(
    previous: StoredIndex | None, corpus: Corpus, model_name: str, chunking: ChunkingParams,
    backend: str = DEFAULT_BACKEND,
) -> dict[str, range]:
    """Which documents of ``corpus`` can keep their chunks and vectors from ``previous``.

    Args:
        previous: the live index version, or None.
        corpus: the corpus as read now.
        model_name: the model setting of the new build.
        chunking: the chunking of the new build.
        backend: the encoder backend of the new build.

    Returns:
        doc_id -> the rows of its chunks in ``previous`` (contiguous: chunks are stored in doc-id
        order), for every document whose sha256 is unchanged. Empty when ``previous`` was made
        with another format, model, chunking or library versions: then nothing is reused.
    """
    if previous is None:
        return {}
    m = previous.manifest
    if (m.format_version, m.model, m.backend, m.chunking, m.versions) != (
        FORMAT_VERSION, model_name, backend, chunking, library_versions()
    ):
        return {}
    rows: dict[str, range] = {}
    first = 0
    for row, chunk in enumerate(previous.chunks):
        if row + 1 == len(previous.chunks) or previous.chunks[row + 1].doc_id != chunk.doc_id:
            rows[chunk.doc_id] = range(first, row + 1)
            first = row + 1
    current = corpus.by_id
    return {
        doc_id: rows.get(doc_id, range(0))
        for doc_id, entry in m.documents.items()
        if doc_id in current and current[doc_id].sha256 == entry.sha256
        and len(rows.get(doc_id, range(0))) == entry.chunks
        # the stored text layer must be the one read now (a declared encoding may decode the same
        # bytes otherwise), since the kept chunks cite it
        and previous.documents[doc_id].text == current[doc_id].text
    }


def _plan_chunks(
    corpus: Corpus, chunking: ChunkingParams, reuse: Mapping[str, range], previous: StoredIndex | None,
    chunk_documents: ChunkDocuments,
) -> tuple[list[Chunk], list[int | None]]:
    """Chunks of the new build in doc-id order, and for each its row in ``previous`` (or None)."""
    kept = reuse if previous is not None else {}
    fresh = [d for d in corpus.documents if d.doc_id not in kept]
    made = dict(zip((d.doc_id for d in fresh), chunk_documents(fresh, chunking), strict=True))
    chunks: list[Chunk] = []
    source_rows: list[int | None] = []
    for document in corpus.documents:
        rows = kept.get(document.doc_id)
        if rows is not None and previous is not None:
            chunks.extend(previous.chunks[i] for i in rows)
            source_rows.extend(rows)
        else:
            chunks.extend(made[document.doc_id])
            source_rows.extend([None] * len(made[document.doc_id]))
    return chunks, source_rows


def build_index(
    corpus: Corpus,
    index_dir: Path,
    model: Encoder | None,
    model_name: str,
    chunking: ChunkingParams,
    *,
    batch_size: int = 64,
    show_progress: bool = False,
    previous: StoredIndex | None = None,
    backend: str = DEFAULT_BACKEND,
    declared_encoding: str | None = None,
    chunk_documents: ChunkDocuments = chunk_locally,
    embed_texts: EmbedTexts | None = None,
) -> StoredIndex:
    """Build and persist the index of a corpus, replacing the live one atomically.

    Args:
        corpus: the documents (see :func:`citeqa.corpus.reader.read_corpus`).
        index_dir: the index folder.
        model: the loaded embedding model (None when ``embed_texts`` embeds).
        model_name: the model setting, recorded in the manifest.
        chunking: chunk size and overlap, in code points.
        batch_size: texts per embedding batch.
        show_progress: draw a progress bar while embedding.
        previous: the live version, whose unchanged documents keep their chunks and vectors
            (see :func:`reusable_rows`); None embeds everything.
        backend: the backend ``model`` was loaded with, recorded in the manifest.
        declared_encoding: the encoding the corpus was read with for legacy text files (None:
            detected), recorded in the manifest.
        chunk_documents: how documents are cleaned and chunked (here, or on a cluster).
        embed_texts: how texts are embedded; None uses ``model`` in this process. Whatever
            does it, the rows must be what ``model`` gives (a cluster's embedders load the same
            model), since they sit beside reused ones.

    Returns:
        The index as written; ``manifest.reused_chunks`` says how many chunks were not re-embedded.

    Raises:
        NoIndexableTextError: no chunk at all (every document is boilerplate); a
            :class:`~citeqa.corpus.errors.CorpusError`, since it is the corpus that is wrong.
        ValueError: bad chunking parameters, or neither ``model`` nor ``embed_texts`` (both the
            caller's mistakes: settings validate chunking before any build).
        OSError: the index folder cannot be written (the previous index stays live).
    """
    started = time.perf_counter()
    if model is None and embed_texts is None:
        raise ValueError("build_index needs a model or an embed_texts")
    reuse = reusable_rows(previous, corpus, model_name, chunking, backend)
    chunks, source_rows = _plan_chunks(corpus, chunking, reuse, previous, chunk_documents)
    if not chunks:
        raise NoIndexableTextError(f"no indexable text in corpus {str(corpus.root)!r}: every line looks like boilerplate")
    # Every sentence gets its own vector too (see Chunk.sentences); a kept chunk keeps its
    # sentences' rows, found through the previous version's sentence offsets.
    # A table row's vector is made from the row with its column headers (table_row_texts); its
    # span stays the row as written.
    tables = {doc.doc_id: table_row_texts(doc.text) for doc in corpus.documents}
    sentence_texts = [tables[c.doc_id].get((c.start + s, c.start + e), c.text[s:e]) for c in chunks for s, e in c.sentences]
    sentence_sources: list[int | None] = []
    for chunk, row in zip(chunks, source_rows, strict=True):
        if row is None or previous is None:
            sentence_sources.extend([None] * len(chunk.sentences))
        else:
            sentence_sources.extend(range(int(previous.sentence_rows[row]), int(previous.sentence_rows[row + 1])))
    passage_texts = [c.text for c in chunks]
    # One pass over every text to embed: a one-sentence passage is its own sentence, embedded once.
    fresh = {t: None for t, row in zip(passage_texts, source_rows, strict=True) if row is None}
    fresh.update({t: None for t, row in zip(sentence_texts, sentence_sources, strict=True) if row is None})
    if embed_texts is None:
        local: Encoder = model  # type: ignore[assignment]  # checked above: one of the two is given

        def embed_texts(texts: list[str]) -> npt.NDArray[np.float32]:
            return embed(local, texts, batch_size=pass_size(backend, batch_size), show_progress=show_progress)

    embedded = _embed_unique(embed_texts, list(fresh))
    vectors = _assemble_vectors(embedded, passage_texts, source_rows, previous.faiss_index if previous else None)
    faiss_index = build_ann_index(vectors)
    sentence_vectors = _assemble_vectors(embedded, sentence_texts, sentence_sources,
                                         previous.sentence_index if previous else None)
    sentence_index = build_ann_index(sentence_vectors)
    per_doc: dict[str, int] = {}
    for chunk in chunks:
        per_doc[chunk.doc_id] = per_doc.get(chunk.doc_id, 0) + 1
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        model=model_name,
        backend=backend,
        dim=int(vectors.shape[1]),
        index_type=index_type(faiss_index),
        chunking=chunking,
        corpus_dir=str(corpus.root.resolve()),
        declared_encoding=declared_encoding,
        documents={
            d.doc_id: DocumentEntry(
                sha256=d.sha256, size=d.size, chunks=per_doc.get(d.doc_id, 0), format=d.format,
                title=d.title, pages=len(d.pages) or None, encoding=d.encoding,
            )
            for d in corpus.documents
        },
        skipped=[SkippedEntry(doc_id=s.doc_id, reason=s.reason, sha256=s.sha256, size=s.size)
                 for s in corpus.skipped],
        n_documents=len(corpus.documents),
        n_chunks=len(chunks),
        n_sentences=len(sentence_texts),
        sentence_index_type=index_type(sentence_index),
        reused_chunks=sum(row is not None for row in source_rows),
        versions=library_versions(),
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 3),
    )
    write_index(index_dir, faiss_index, chunks, manifest, list(corpus.documents), sentence_index)
    return load_index(index_dir)


def _embed_unique(embed_texts: EmbedTexts, texts: list[str]) -> dict[str, npt.NDArray[np.float32]]:
    """text -> its ``(dim,)`` vector, for distinct ``texts`` (embedded in one call)."""
    # The title goes to BM25 only: given to the embedder too it lowered dense hit@5 on SQuAD-A from
    # 0.838 to 0.821 (every chunk of a document got the same prefix). See eval/RESULTS.md.
    if not texts:
        return {}
    vectors = embed_texts(texts)
    if vectors.shape[0] != len(texts):
        raise RuntimeError(f"the embedder returned {vectors.shape[0]} vectors for {len(texts)} texts")
    return dict(zip(texts, vectors, strict=True))


def _assemble_vectors(
    embedded: dict[str, npt.NDArray[np.float32]],
    texts: list[str],
    source_rows: list[int | None],
    previous: faiss.Index | None,
) -> npt.NDArray[np.float32]:
    """``(len(texts), dim)`` vectors: row ``source_rows[i]`` of ``previous`` where one is given,
    else ``embedded[texts[i]]``. Identical texts (the same file under two names, repeated
    boilerplate) share one vector: the vector of a text does not depend on where it occurs."""
    dim = next(iter(embedded.values())).shape[0] if embedded else (previous.d if previous is not None else 0)
    vectors = np.empty((len(texts), dim), dtype=np.float32)
    fresh = [i for i, row in enumerate(source_rows) if row is None]
    if fresh:
        vectors[fresh] = np.stack([embedded[texts[i]] for i in fresh])
    kept = [i for i, row in enumerate(source_rows) if row is not None]
    if kept and previous is not None:
        old_rows = np.array([source_rows[i] for i in kept], dtype=np.int64)
        # reconstruct_batch works for flat and for IVF indexes (they are built with a direct map).
        vectors[kept] = previous.reconstruct_batch(old_rows)
    return vectors
