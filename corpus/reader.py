"""Read a folder of documents into memory, skipping (and reporting) files that cannot be indexed.

A document's text is the file decoded as UTF-8 (a leading BOM removed): every character offset in
citeqa counts Unicode code points into exactly this string.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from citeqa.corpus.errors import CorpusNotFoundError, EmptyCorpusError

DocumentKind = Literal["text", "markdown", "html"]

#: File suffix (lower case) -> how the document is cleaned.
SUFFIX_KINDS: dict[str, DocumentKind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

_BOM = "\ufeff"


@dataclass(frozen=True)
class Document:
    """One readable file of the corpus.

    Attributes:
        doc_id: path relative to the corpus folder with ``/`` separators, e.g. ``"news/a.txt"``.
        kind: how the file is cleaned (``text``, ``markdown`` or ``html``).
        text: the whole file decoded as UTF-8, BOM removed; offsets point into this string.
        sha256: hex digest of the file's bytes.
        size: file size in bytes.
    """

    doc_id: str
    kind: DocumentKind
    text: str
    sha256: str
    size: int


@dataclass(frozen=True)
class SkippedFile:
    """A file of the corpus folder that was not indexed, why, and its sha256 if it could be read."""

    doc_id: str
    reason: str
    sha256: str | None = None


@dataclass(frozen=True)
class Corpus:
    """The readable documents of a folder, in doc-id order, and the files that were skipped."""

    root: Path
    documents: tuple[Document, ...]
    skipped: tuple[SkippedFile, ...]

    @cached_property
    def by_id(self) -> dict[str, Document]:
        """Mapping doc_id -> Document."""
        return {d.doc_id: d for d in self.documents}


def list_corpus_files(root: Path) -> list[tuple[str, Path]]:
    """List the candidate files of a corpus folder, recursively, sorted by doc id.

    Hidden files and folders (name starting with ``.``) are ignored, as are suffixes other than
    those in :data:`SUFFIX_KINDS`. Symbolic links are not followed out of the folder.

    Args:
        root: the corpus folder.

    Returns:
        ``(doc_id, path)`` pairs, doc ids relative to ``root`` with ``/`` separators.

    Raises:
        CorpusNotFoundError: ``root`` does not exist or is not a directory.
    """
    if not root.is_dir():
        raise CorpusNotFoundError(
            f"corpus folder {str(root)!r} does not exist or is not a folder; "
            "pass an existing folder of .txt/.md/.html files (--corpus DIR or CITEQA_CORPUS_DIR)"
        )
    found: list[tuple[str, Path]] = []
    resolved_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIX_KINDS:
                continue
            path = Path(dirpath) / name
            try:
                path.resolve().relative_to(resolved_root)
            except (ValueError, OSError, RuntimeError):
                # A symlink pointing outside the corpus is not part of it; a symlink loop
                # (RuntimeError on Python 3.11) leads nowhere.
                continue
            found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def decode_document(data: bytes) -> str:
    """Decode a file's bytes as UTF-8, dropping one leading BOM.

    Args:
        data: the raw bytes.

    Returns:
        The text; offsets elsewhere count code points into it.

    Raises:
        ValueError: the bytes look binary (a NUL byte), are not valid UTF-8, or hold only whitespace.
    """
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
    if text.startswith(_BOM):
        text = text[1:]
    if not text.strip():
        raise ValueError("empty or whitespace-only file")
    return text


def read_corpus(root: Path) -> Corpus:
    """Read every indexable file under ``root``.

    Files that cannot be indexed (not UTF-8, binary, empty or whitespace-only, unreadable) are
    skipped and listed in :attr:`Corpus.skipped` with the reason; they never raise.

    Args:
        root: the corpus folder.

    Returns:
        The corpus, documents sorted by doc id.

    Raises:
        CorpusNotFoundError: ``root`` is not a directory.
        EmptyCorpusError: no file could be read.
    """
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for doc_id, path in list_corpus_files(root):
        if _not_regular(path):
            skipped.append(SkippedFile(doc_id, "not a regular file (a pipe, socket or device)"))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            skipped.append(SkippedFile(doc_id, f"unreadable: {exc.strerror or exc}"))
            continue
        try:
            text = decode_document(data)
        except ValueError as exc:
            skipped.append(SkippedFile(doc_id, str(exc), hashlib.sha256(data).hexdigest()))
            continue
        kind = SUFFIX_KINDS[path.suffix.lower()]
        documents.append(
            Document(doc_id, kind, text, hashlib.sha256(data).hexdigest(), len(data))
        )
    if not documents:
        detail = "; ".join(f"{s.doc_id}: {s.reason}" for s in skipped) or "no .txt/.md/.html files"
        raise EmptyCorpusError(f"corpus folder {str(root)!r} has no readable document ({detail})")
    return Corpus(root, tuple(documents), tuple(skipped))


def _not_regular(path: Path) -> bool:
    """True for a path that exists but is no regular file: reading a named pipe would block."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False  # missing or unreadable: reading it reports why


def file_fingerprint(path: Path) -> tuple[str, int]:
    """Return ``(sha256 hex digest, size in bytes)`` of a file.

    Raises:
        OSError: the file cannot be read, or is not a regular file.
    """
    if _not_regular(path):
        raise OSError(f"{path} is not a regular file")
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)
