"""Persist an index to one folder, atomically, and load it back without pickle.

Layout of an index folder::

    INDEX_DIR/
      CURRENT            name of the live version folder (one line), replaced atomically
      v<time>-<rand>/    one complete index version
        index.faiss      FAISS index (faiss.write_index; no pickle)
        chunks.jsonl     one {"doc_id", "start", "end", "text", "context"} per FAISS row, in row order
        manifest.json    see citeqa.index.manifest.Manifest
      .lock              held while a build writes

A build writes a new version into a temporary folder beside the live one, fsyncs every file and the
folder, renames it into place, then swaps ``CURRENT`` with ``os.replace`` (atomic on POSIX) and
fsyncs the parent. A crash at any moment leaves ``CURRENT`` naming a complete version, so the
previous good index stays loadable; leftovers are removed by the next build.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt
from pydantic import ValidationError

from citeqa.index.chunking import Chunk
from citeqa.index.errors import IndexCorruptError, IndexNotFoundError
from citeqa.index.manifest import FORMAT_VERSION, Manifest

_CURRENT = "CURRENT"
_FAISS = "index.faiss"
_CHUNKS = "chunks.jsonl"
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class StoredIndex:
    """A loaded index version.

    Attributes:
        faiss_index: the FAISS index; row ``i`` embeds ``chunks[i]``.
        chunks: the chunk records in row order.
        manifest: what the index was built from.
        path: the version folder it was loaded from.
    """

    faiss_index: faiss.Index
    chunks: tuple[Chunk, ...]
    manifest: Manifest
    path: Path


def build_faiss_index(vectors: npt.NDArray[np.float32]) -> faiss.Index:
    """Exact inner-product index over L2-normalised rows (inner product is then cosine).

    Args:
        vectors: ``(n, dim)`` float32, rows L2-normalised.
    """
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``index_dir`` so that two builds never interleave their swaps."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_index(
    index_dir: Path, faiss_index: faiss.Index, chunks: list[Chunk], manifest: Manifest
) -> Path:
    """Write a new index version and make it the live one, atomically.

    Args:
        index_dir: the index folder (created if missing).
        faiss_index: row ``i`` must embed ``chunks[i]``.
        chunks: the chunk records.
        manifest: the manifest to store.

    Returns:
        The new version folder.

    Raises:
        OSError: the folder cannot be written; the previous version stays live.
        ValueError: the FAISS row count differs from the number of chunks.
    """
    if faiss_index.ntotal != len(chunks):
        raise ValueError(f"{faiss_index.ntotal} vectors for {len(chunks)} chunks")
    with build_lock(index_dir):
        name = time.strftime("v%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(4)
        tmp = index_dir / f".tmp-{name}"
        tmp.mkdir()
        try:
            faiss.write_index(faiss_index, str(tmp / _FAISS))
            with open(tmp / _CHUNKS, "w", encoding="utf-8") as handle:
                for chunk in chunks:
                    record = {"doc_id": chunk.doc_id, "start": chunk.start, "end": chunk.end,
                              "text": chunk.text, "context": chunk.context}
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            (tmp / _MANIFEST).write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
            for item in tmp.iterdir():
                _fsync_file(item)
            _fsync_dir(tmp)
            final = index_dir / name
            tmp.rename(final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        pointer = index_dir / f".{_CURRENT}.tmp"
        pointer.write_text(name + "\n", encoding="utf-8")
        _fsync_file(pointer)
        os.replace(pointer, index_dir / _CURRENT)
        _fsync_dir(index_dir)
        for old in index_dir.iterdir():
            if old.is_dir() and old.name != name and (old.name.startswith("v") or old.name.startswith(".tmp-")):
                shutil.rmtree(old, ignore_errors=True)
        return final


def current_version(index_dir: Path) -> Path:
    """The live version folder of an index folder.

    Raises:
        IndexNotFoundError: no index was ever completed in ``index_dir``.
        IndexCorruptError: ``CURRENT`` names a missing folder.
    """
    pointer = index_dir / _CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError as exc:
        raise IndexNotFoundError(
            f"no index in {str(index_dir)!r}; build one with `citeqa index --index {index_dir}`"
        ) from exc
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {pointer}: {exc}") from exc
    version = index_dir / name
    if not name or "/" in name or not version.is_dir():
        raise IndexCorruptError(f"{pointer} names {name!r}, which is not an index version folder")
    return version


def read_manifest(index_dir: Path) -> Manifest:
    """Read the live version's manifest (cheap: no FAISS file, no chunks).

    Raises:
        IndexNotFoundError: no index in ``index_dir``.
        IndexCorruptError: the manifest is missing, not valid, or of another format version.
    """
    path = current_version(index_dir) / _MANIFEST
    try:
        manifest = Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise IndexCorruptError(f"bad manifest {path}: {exc}") from exc
    if manifest.format_version != FORMAT_VERSION:
        raise IndexCorruptError(
            f"{path} has format version {manifest.format_version}, this citeqa reads {FORMAT_VERSION}"
        )
    return manifest


def load_index(index_dir: Path) -> StoredIndex:
    """Load the live index version.

    Raises:
        IndexNotFoundError: no index in ``index_dir``.
        IndexCorruptError: a file is missing or unreadable, or the counts disagree.
    """
    manifest = read_manifest(index_dir)
    version = current_version(index_dir)
    try:
        faiss_index = faiss.read_index(str(version / _FAISS))
        with open(version / _CHUNKS, encoding="utf-8") as handle:
            chunks = tuple(
                Chunk(r["doc_id"], int(r["start"]), int(r["end"]), r["text"], r.get("context", ""))
                for r in map(json.loads, handle)
            )
    except (OSError, RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(f"cannot load index files in {version}: {exc}") from exc
    if not faiss_index.ntotal == len(chunks) == manifest.n_chunks or faiss_index.d != manifest.dim:
        raise IndexCorruptError(
            f"{version}: {faiss_index.ntotal} vectors of dim {faiss_index.d}, {len(chunks)} chunks, "
            f"manifest says {manifest.n_chunks} of dim {manifest.dim}; rebuild with `citeqa index`"
        )
    return StoredIndex(faiss_index, chunks, manifest, version)
