"""Persist an index to one folder, atomically, and load it back without pickle.

Layout of an index folder::

    INDEX_DIR/
      CURRENT            name of the live version folder (one line), replaced atomically
      v<time>-<rand>/    one complete index version
        index.faiss      FAISS index of the passages (faiss.write_index; no pickle)
        sentences.faiss  FAISS index of every passage's sentences, in passage order
        chunks.jsonl     one {"doc_id", "start", "end", "text", "context", "page", "headings",
                         "sentences"} per row of index.faiss, in row order
        documents.jsonl  the text layer every citation points into, one document per line
                         ({"doc_id", "format", "title", "encoding", "pages", "headings", "text"})
        manifest.json    see citeqa.index.manifest.Manifest
      .lock              held by a build from reading the corpus to the swap (build_lock)

A build writes a new version into a temporary folder beside the live one, fsyncs every file and the
folder, renames it into place, then swaps ``CURRENT`` with ``os.replace`` (atomic on POSIX) and
fsyncs the parent. A crash at any moment leaves ``CURRENT`` naming a complete version, so the
previous good index stays loadable. Leftovers of a crashed build (``.tmp-*`` folders, versions that
``CURRENT`` does not name) are removed by the next build, before it writes and after its swap.

Loading trusts nothing in the folder: ``CURRENT`` must name a version folder inside it, and the
five files are checked (manifest schema and format version, the FAISS headers against the manifest
before FAISS reads them, every chunk record's types, span and sentences, every chunk's text against
the text layer it cites) before use. Only these five files are
ever opened; anything else in a version folder (a dropped ``*.pkl``, say) is ignored, and nothing is
unpickled or executed. A bad file raises :class:`IndexCorruptError` naming it (the checks live in
:mod:`citeqa.index.file_checks`).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import secrets
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

import faiss
import numpy as np
import numpy.typing as npt

from citeqa.corpus.reader import Document
from citeqa.index.chunking import Chunk
from citeqa.index.errors import IndexCorruptError, IndexNotFoundError, IndexStoreError
from citeqa.index.file_checks import check_faiss_header as _check_faiss_header
from citeqa.index.file_checks import check_spans as _check_spans
from citeqa.index.file_checks import document_record as _document_record
from citeqa.index.file_checks import read_documents as _read_documents
from citeqa.index.file_checks import read_chunks as _read_chunks
from citeqa.index.file_checks import read_faiss as _read_faiss
from citeqa.index.file_checks import read_manifest_file as _read_manifest_file
from citeqa.index.file_checks import SENTENCES_FILE as _SENTENCES
from citeqa.index.manifest import Manifest

_CURRENT = "CURRENT"
_FAISS = "index.faiss"
_CHUNKS = "chunks.jsonl"
_DOCUMENTS = "documents.jsonl"
_MANIFEST = "manifest.json"
_TMP_PREFIX = ".tmp-"
_POINTER_TMP = f".{_CURRENT}.tmp"
#: Version folder names as :func:`write_index` makes them. ``CURRENT`` must name one, and cleanup
#: removes only folders named so, never another folder a user keeps beside the index.
_VERSION_NAME = re.compile(r"v\d{8}T\d{6}Z-[0-9a-f]{8}")
#: A build that finishes while a reader resolves ``CURRENT`` removes the version being read; the
#: reader then starts again from the new ``CURRENT``. More attempts than this means something else.
_LOAD_ATTEMPTS = 3

_T = TypeVar("_T")


@dataclass(frozen=True)
class StoredIndex:
    """A loaded index version.

    Attributes:
        faiss_index: the FAISS index; row ``i`` embeds ``chunks[i]``.
        chunks: the chunk records in row order.
        manifest: what the index was built from.
        path: the version folder it was loaded from.
        documents: doc_id -> the document as indexed: the text layer citations point into, its
            title, pages, headings and encoding.
        sentence_index: the FAISS index of the sentences: rows ``sentence_rows[i]`` to
            ``sentence_rows[i + 1]`` embed ``chunks[i].sentences`` in order.
        sentence_rows: ``(len(chunks) + 1,)`` int64, each chunk's first sentence row (a
            cumulative sum of the sentence counts).
    """

    faiss_index: faiss.Index
    chunks: tuple[Chunk, ...]
    manifest: Manifest
    path: Path
    documents: dict[str, Document]
    sentence_index: faiss.Index
    sentence_rows: npt.NDArray[np.int64]


def sentence_rows(chunks: Sequence[Chunk]) -> npt.NDArray[np.int64]:
    """``(len(chunks) + 1,)``: where each chunk's sentences start among all sentence rows, and
    the total at the end."""
    rows = np.zeros(len(chunks) + 1, dtype=np.int64)
    np.cumsum([len(c.sentences) for c in chunks], out=rows[1:])
    return rows


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (a file renamed into it) durable: ``fsync`` on the folder itself,
    which POSIX needs besides the file's own (fsync(2), "Notes").

    Raises:
        OSError: the folder cannot be opened.
    """
    _fsync_dir(path)


def write_atomically(path: Path, data: bytes, tmp_name: str) -> None:
    """Replace ``path`` with ``data`` so that a reader, or a crash, sees the old file or the new
    one, never part of one: written to ``tmp_name`` (plus a random suffix) beside it, fsynced,
    renamed over it (POSIX rename(2) is atomic), then the folder fsynced.

    Args:
        path: the file to write (its folder is made if missing).
        data: its bytes.
        tmp_name: how the temporary file's name starts: hidden (``.``), so that no reader of the
            folder takes it for a file of its own.

    Raises:
        OSError: the file or its folder cannot be written; ``path`` is then unchanged.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f"{tmp_name}{secrets.token_hex(6)}.tmp"
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


class _HeldLock:
    """This process's hold on one index folder's ``.lock``: a thread lock for the threads of this
    process (``flock`` does not exclude them from one another reliably), the file lock for other
    processes, and how deep the holding thread has nested (``write_index`` inside a caller's hold)."""

    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.handle: IO[str] | None = None


_HELD: dict[Path, _HeldLock] = {}
_HELD_GUARD = threading.Lock()


@contextlib.contextmanager
def build_lock(index_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``index_dir`` (against other threads and processes) so that
    builds never interleave; the thread holding it may enter it again.

    A build holds it from reading the corpus to the swap: two builds that overlapped could
    otherwise swap in the older snapshot last, dropping a document another build had just indexed
    (a ``citeqa index --full`` finishing after a ``PUT`` had lost the uploaded file).

    Args:
        index_dir: the index folder (created if missing).
        on_wait: told, once, when another process holds the lock and this one waits (with that
            process's pid, which the holder writes into ``.lock``).

    Raises:
        OSError: the folder cannot be created or its lock file opened.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    key = index_dir.resolve()
    with _HELD_GUARD:
        held = _HELD.setdefault(key, _HeldLock())
    with held.thread_lock:
        if held.depth == 0:
            # "a": opening must not empty the holder's pid; it is rewritten once this one holds.
            handle = open(key / ".lock", "a+")  # noqa: SIM115 (closed when the outermost hold ends)
            try:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    if on_wait is not None:
                        handle.seek(0)
                        holder = handle.read().strip() or "unknown"
                        on_wait(f"waiting for another build of {key} to finish (process {holder})")
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                handle.seek(0)
                handle.truncate()
                handle.write(f"{os.getpid()}\n")
                handle.flush()
            except BaseException:
                handle.close()
                raise
            held.handle = handle
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
            if held.depth == 0 and held.handle is not None:
                fcntl.flock(held.handle.fileno(), fcntl.LOCK_UN)
                held.handle.close()
                held.handle = None


def _live_name(index_dir: Path) -> str | None:
    """The version ``CURRENT`` names, or None when there is none or it cannot be trusted."""
    try:
        return current_version(index_dir).name
    except IndexStoreError:
        return None


def _remove_leftovers(index_dir: Path, keep: str | None, *, versions: bool) -> None:
    """Remove what crashed builds left: ``.tmp-*`` folders and, if ``versions``, every version
    folder but ``keep``. Call with the build lock held: no other build can be writing them then.
    Errors are ignored; what stays is removed by the next build."""
    with os.scandir(index_dir) as entries:
        for entry in entries:
            # follow_symlinks=False: never delete through a link someone placed in the folder.
            if not entry.is_dir(follow_symlinks=False) or entry.name == keep:
                continue
            if entry.name.startswith(_TMP_PREFIX) and _VERSION_NAME.fullmatch(entry.name[len(_TMP_PREFIX):]):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif versions and _VERSION_NAME.fullmatch(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)


def write_index(
    index_dir: Path, faiss_index: faiss.Index, chunks: list[Chunk], manifest: Manifest,
    documents: list[Document], sentence_index: faiss.Index,
) -> Path:
    """Write a new index version and make it the live one, atomically.

    Leftovers of builds that crashed (``.tmp-*`` folders, version folders ``CURRENT`` does not
    name) are removed before writing, and the replaced version after the swap.

    Args:
        index_dir: the index folder (created if missing).
        faiss_index: row ``i`` must embed ``chunks[i]``.
        chunks: the chunk records.
        manifest: the manifest to store.
        documents: the indexed documents, whose text layers the chunks cite.
        sentence_index: one row per sentence of ``chunks``, in order (see :class:`StoredIndex`).

    Returns:
        The new version folder.

    Raises:
        OSError: the folder cannot be written; the previous version stays live.
        ValueError: a FAISS row count differs from the number of chunks or sentences.
    """
    if faiss_index.ntotal != len(chunks):
        raise ValueError(f"{faiss_index.ntotal} vectors for {len(chunks)} chunks")
    n_sentences = int(sentence_rows(chunks)[-1])
    if sentence_index.ntotal != n_sentences:
        raise ValueError(f"{sentence_index.ntotal} sentence vectors for {n_sentences} sentences")
    with build_lock(index_dir):
        live = _live_name(index_dir)
        # Freeing the space of dead builds first lets a build succeed on a disk they filled. With
        # an unreadable CURRENT no version is known to be dead, so only temporary folders go.
        _remove_leftovers(index_dir, live, versions=live is not None)
        name = time.strftime("v%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(4)
        tmp = index_dir / f"{_TMP_PREFIX}{name}"
        tmp.mkdir()
        final = index_dir / name
        try:
            faiss.write_index(faiss_index, str(tmp / _FAISS))
            faiss.write_index(sentence_index, str(tmp / _SENTENCES))
            with open(tmp / _CHUNKS, "w", encoding="utf-8") as handle:
                for chunk in chunks:
                    record = {"doc_id": chunk.doc_id, "start": chunk.start, "end": chunk.end,
                              "text": chunk.text, "context": chunk.context, "page": chunk.page,
                              "headings": list(chunk.headings),
                              "sentences": [list(span) for span in chunk.sentences]}
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            with open(tmp / _DOCUMENTS, "w", encoding="utf-8") as handle:
                for document in documents:
                    handle.write(_document_record(document) + "\n")
            (tmp / _MANIFEST).write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
            for file_name in (_FAISS, _SENTENCES, _CHUNKS, _DOCUMENTS, _MANIFEST):
                _fsync_file(tmp / file_name)
            _fsync_dir(tmp)
            tmp.rename(final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        # The rename must be durable before CURRENT can name the folder: after a power loss the
        # pointer swap could otherwise survive without the folder it names.
        _fsync_dir(index_dir)
        pointer = index_dir / _POINTER_TMP
        pointer.write_text(name + "\n", encoding="utf-8")
        _fsync_file(pointer)
        os.replace(pointer, index_dir / _CURRENT)
        _fsync_dir(index_dir)
        _remove_leftovers(index_dir, name, versions=True)
        return final


def current_version(index_dir: Path) -> Path:
    """The live version folder of an index folder.

    Raises:
        IndexNotFoundError: no index was ever completed in ``index_dir``.
        IndexCorruptError: ``CURRENT`` is unreadable, or does not name a version folder directly
            inside ``index_dir`` (a path elsewhere, a symlink, a missing folder).
    """
    pointer = index_dir / _CURRENT
    fix = f"rebuild with `citeqa index --index {index_dir}`"
    try:
        with open(pointer, "rb") as handle:
            raw = handle.read(256)  # a version name is 26 characters; do not read a huge file
    except FileNotFoundError as exc:
        raise IndexNotFoundError(
            f"no index in {str(index_dir)!r}; build one with `citeqa index --index {index_dir}`"
        ) from exc
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {pointer}: {exc}; {fix}") from exc
    try:
        name = raw.decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise IndexCorruptError(f"{pointer} is not a version name (not ASCII text); {fix}") from exc
    # The exact name pattern rules out "..", ".", absolute paths, separators and .tmp- folders.
    if not _VERSION_NAME.fullmatch(name):
        raise IndexCorruptError(f"{pointer} names {name[:80]!r}, which is not an index version folder name; {fix}")
    version = index_dir / name
    try:
        mode = os.lstat(version).st_mode
    except OSError as exc:
        raise IndexCorruptError(f"{pointer} names {name!r}, but {version} does not exist; {fix}") from exc
    if not stat.S_ISDIR(mode):  # a symlink is refused too: it could lead out of the index folder
        raise IndexCorruptError(f"{pointer} names {name!r}, but {version} is not a folder; {fix}")
    return version


def _with_live_version(index_dir: Path, read: Callable[[Path], _T]) -> _T:
    """Call ``read`` on the live version; start again if a build swapped it away meanwhile."""
    for attempt in range(1, _LOAD_ATTEMPTS + 1):
        version = current_version(index_dir)
        try:
            return read(version)
        except IndexCorruptError:
            if attempt == _LOAD_ATTEMPTS or _live_name(index_dir) in (None, version.name):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def read_manifest(index_dir: Path) -> Manifest:
    """Read the live version's manifest (cheap: no FAISS file, no chunks).

    Raises:
        IndexNotFoundError: no index in ``index_dir``.
        IndexCorruptError: the manifest is missing, not valid, or of another format version; the
            message names the file.
    """
    return _with_live_version(index_dir, _read_manifest_file)


def _load_version(version: Path, vectors: bool = True) -> StoredIndex:
    """Load and check one version folder (only its five files are opened; the two FAISS files
    only have their headers checked when not ``vectors``)."""
    manifest = _read_manifest_file(version)
    fix = f"rebuild with `citeqa index --index {version.parent}`"
    try:
        # Cheap checks first: the FAISS header, then the chunks; FAISS reads the big file last.
        _check_faiss_header(version / _FAISS, manifest)
        _check_faiss_header(version / _SENTENCES, manifest)
        chunks = _read_chunks(version / _CHUNKS, manifest)
        documents = _read_documents(version / _DOCUMENTS, manifest)
        _check_spans(chunks, documents, version)
        if vectors:
            faiss_index = _read_faiss(version / _FAISS, manifest)
            sentence_index = _read_faiss(version / _SENTENCES, manifest)
        else:  # a router whose shards hold the vectors: empty stand-ins of the right dimension
            faiss_index = faiss.IndexFlatIP(manifest.dim)
            sentence_index = faiss.IndexFlatIP(manifest.dim)
    except IndexCorruptError as exc:
        raise IndexCorruptError(f"{exc}; {fix}") from exc
    return StoredIndex(faiss_index, chunks, manifest, version, documents, sentence_index, sentence_rows(chunks))


def load_index(index_dir: Path, *, version: str | None = None, vectors: bool = True) -> StoredIndex:
    """Load the live index version (or the one named).

    Only ``CURRENT`` and the version's ``manifest.json``, ``index.faiss``, ``sentences.faiss``,
    ``chunks.jsonl`` and ``documents.jsonl`` are read, each checked before use; nothing is unpickled.

    Args:
        index_dir: the index folder.
        version: a version folder's name (what a shard is told to serve); None: ``CURRENT``'s.
        vectors: read the FAISS files; when False their headers are checked and the two indexes
            are empty (``ntotal`` 0), for a process whose shards hold the vectors.

    Raises:
        IndexNotFoundError: no index in ``index_dir``, or no such version (a build since removed it).
        IndexCorruptError: a file is missing, unreadable, malformed or inconsistent with the
            others; the message names the file. A version name that is not one.
    """
    if version is None:
        return _with_live_version(index_dir, lambda path: _load_version(path, vectors))
    if not _VERSION_NAME.fullmatch(version):
        raise IndexCorruptError(f"{version[:80]!r} is not an index version folder name")
    path = index_dir / version
    if not path.is_dir() or path.is_symlink():
        raise IndexNotFoundError(f"no index version {version} in {str(index_dir)!r} (a newer build removed it)")
    return _load_version(path, vectors)


def subset_index(stored: StoredIndex, doc_ids: Sequence[str]) -> StoredIndex:
    """The index a corpus of only ``doc_ids`` would have: their chunks, vectors, sentence
    vectors, text layers and manifest entries, rows renumbered from 0, and FAISS indexes chosen
    for that size as a build chooses them (:func:`citeqa.index.ann.build_ann_index`). Built in
    memory from ``stored`` (nothing is embedded or written); the version folder is ``stored``'s.

    Why: a key limited to some documents (``citeqa.service.access``) must find them as if the
    others did not exist, and BM25's idf and average length, the vocabulary that spelling
    correction and the confidence read, are statistics of the whole row set: computed over
    ``stored``, the hidden documents' words would show in the scores.

    Args:
        stored: a loaded index with its vectors.
        doc_ids: the documents to keep (any order; ids not in ``stored`` are ignored). At least
            one of them must have a chunk.

    Raises:
        ValueError: no chunk is left (the caller answers such a key without searching).
    """
    from citeqa.index.ann import build_ann_index  # one layer, a cycle at import time otherwise

    keep = set(doc_ids) & set(stored.documents)
    rows = np.array([i for i, chunk in enumerate(stored.chunks) if chunk.doc_id in keep], dtype=np.int64)
    if not len(rows):
        raise ValueError("no chunk of these documents is indexed")
    sentence_ids = np.concatenate([np.arange(stored.sentence_rows[r], stored.sentence_rows[r + 1]) for r in rows])
    vectors = stored.faiss_index.reconstruct_n(0, stored.faiss_index.ntotal)[rows]
    sentences = stored.sentence_index.reconstruct_n(0, stored.sentence_index.ntotal)[sentence_ids]
    chunks = tuple(stored.chunks[int(r)] for r in rows)
    m = stored.manifest
    manifest = m.model_copy(update={
        "documents": {d: e for d, e in m.documents.items() if d in keep},
        "skipped": [s for s in m.skipped if s.doc_id in set(doc_ids)],
        "n_documents": len(keep), "n_chunks": len(chunks), "n_sentences": len(sentence_ids),
    })
    return StoredIndex(build_ann_index(vectors), chunks, manifest, stored.path,
                       {d: doc for d, doc in stored.documents.items() if d in keep},
                       build_ann_index(sentences), sentence_rows(chunks))
