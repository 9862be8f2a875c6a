"""Read a folder of documents into memory: every file is either read or reported with a reason.

Each format has its reader, which returns the document's citable text layer
(:class:`citeqa.corpus.text_layer.TextLayer`); every character offset in citeqa counts Unicode code
points into that text. For plain text, Markdown, RST and CSV it is the file as decoded
(:mod:`citeqa.corpus.decoding`); for HTML its visible text; for PDF, DOCX, PPTX and EPUB the text
extracted from the file.

Hidden files and folders and the junk editors and office suites leave (backups ``x~``, ``#x#``,
lock files ``~$x.docx``, ``.~lock.x#``, ``Thumbs.db``) are ignored; every other file is read or
listed in :attr:`Corpus.skipped` with the reason (unsupported format, no text layer, undecodable...).
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from citeqa.corpus.decoding import decode_text, html_declared_encoding
from citeqa.corpus.errors import CorpusNotFoundError, EmptyCorpusError, EmptyDocumentError, UnreadableFileError
from citeqa.corpus.text_layer import Heading, TextLayer

DocumentFormat = Literal["text", "markdown", "rst", "csv", "html", "pdf", "docx", "pptx", "epub"]

#: File suffix (lower case) -> format.
SUFFIX_FORMATS: dict[str, DocumentFormat] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".rst": "rst",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".pptx": "pptx",
    ".epub": "epub",
}
#: Formats whose file is decoded text (the others are parsed from bytes).
TEXT_FORMATS: frozenset[str] = frozenset(("text", "markdown", "rst", "csv", "html"))
#: Why some common formats are not read, and what to do instead.
_UNSUPPORTED_HINTS: dict[str, str] = {
    ".doc": "legacy Word .doc is not supported; save it as .docx",
    ".ppt": "legacy PowerPoint .ppt is not supported; save it as .pptx",
    ".xls": "spreadsheets are not supported; export the sheet as .csv",
    ".xlsx": "spreadsheets are not supported; export the sheet as .csv",
    ".odt": "OpenDocument text is not supported; save it as .docx or .pdf",
    ".rtf": "RTF is not supported; save it as .docx",
    **{s: "image; OCR not supported" for s in (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp")},
}
_JUNK_NAMES = frozenset(("thumbs.db", "desktop.ini"))
_JUNK_SUFFIXES = frozenset((".swp", ".swo", ".tmp", ".part", ".crdownload"))


def supported_formats() -> str:
    """The supported suffixes, for messages: ``".txt, .text, .md, ..."``."""
    return ", ".join(SUFFIX_FORMATS)


@dataclass(frozen=True)
class Document:
    """One readable file of the corpus.

    Attributes:
        doc_id: path relative to the corpus folder with ``/`` separators, e.g. ``"news/a.pdf"``.
        format: how the file was read (see :data:`SUFFIX_FORMATS`).
        layer: the citable text layer and the structure the reader found.
        sha256: hex digest of the file's bytes.
        size: file size in bytes.
        encoding: how a text file was decoded (``"utf-8"``, ``"cp1252 (detected)"``...); None for
            formats parsed from bytes (PDF, DOCX, PPTX, EPUB).
    """

    doc_id: str
    format: DocumentFormat
    layer: TextLayer
    sha256: str
    size: int
    encoding: str | None = None

    @property
    def text(self) -> str:
        """The citable text; offsets count code points into it."""
        return self.layer.text

    @property
    def title(self) -> str:
        """The document's own title, else its file name."""
        return self.layer.title or self.doc_id.rsplit("/", 1)[-1]

    @property
    def pages(self) -> tuple[int, ...]:
        """Start offset of each page or slide (empty for formats without pages)."""
        return self.layer.pages

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The document's headings, in order."""
        return self.layer.headings


@dataclass(frozen=True)
class SkippedFile:
    """A file of the corpus folder that was not indexed, why, its sha256 if it was read (so that
    an edit is noticed) and its size."""

    doc_id: str
    reason: str
    sha256: str | None = None
    size: int | None = None


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


def is_junk(name: str) -> bool:
    """True for names no one means as a document: hidden files, editor backups and autosaves,
    office lock files, thumbnail caches, partial downloads."""
    lower = name.lower()
    return (
        name.startswith((".", "~$"))
        or name.endswith("~")
        or (name.startswith("#") and name.endswith("#"))
        or lower in _JUNK_NAMES
        or Path(lower).suffix in _JUNK_SUFFIXES
    )


def list_corpus_files(root: Path) -> list[tuple[str, Path]]:
    """List the candidate files of a corpus folder, recursively, sorted by doc id.

    Hidden folders and junk files (:func:`is_junk`) are ignored; files of every other suffix are
    listed (unsupported ones are then skipped with a reason). Symbolic links are not followed out
    of the folder.

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
            "pass an existing folder of documents (--corpus DIR or CITEQA_CORPUS_DIR)"
        )
    found: list[tuple[str, Path]] = []
    resolved_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        # Hidden folders, and an index folder kept inside the corpus (its files are no documents).
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not _is_index_folder(Path(dirpath) / d))
        for name in filenames:
            if is_junk(name):
                continue
            path = Path(dirpath) / name
            try:
                path.resolve().relative_to(resolved_root)
            except (ValueError, OSError, RuntimeError):
                # A symlink pointing outside the corpus is not part of it (relative_to raises
                # ValueError); a symlink loop (RuntimeError on Python 3.11) leads nowhere.
                continue
            # A name that is not valid UTF-8 (surrogate-escaped by Python) cannot be a JSON doc id:
            # it is listed with its bytes escaped, and read_document says why it is skipped.
            doc_id = path.relative_to(root).as_posix().encode("utf-8", "backslashreplace").decode("utf-8")
            found.append((doc_id, path))
    return sorted(found)


def _is_index_folder(folder: Path) -> bool:
    """True for a citeqa index folder (it holds ``CURRENT`` and the build lock)."""
    return (folder / "CURRENT").is_file() and (folder / ".lock").is_file()


def _uncitable_name(doc_id: str, path: Path) -> str | None:
    """Why a file's name cannot be cited, or None: not valid UTF-8, or a control character
    (a line break in an id would not survive a URL path)."""
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return "file name is not valid UTF-8; rename the file to cite it"
    if any(unicodedata.category(c) == "Cc" for c in doc_id):
        return "file name contains a control character (a line break, a tab); rename the file to cite it"
    return None


def read_layer(data: bytes, format: DocumentFormat, encoding: str | None = None) -> tuple[TextLayer, str | None]:
    """Read one file's bytes into its text layer.

    Args:
        data: the file's bytes.
        format: its format (from its suffix).
        encoding: the encoding declared for legacy text files; None detects it.

    Returns:
        The text layer and, for text formats, the encoding it was decoded with.

    Raises:
        UnreadableFileError: the file cannot be read as that format (a subclass says why:
            :class:`~citeqa.corpus.errors.BinaryFileError`, ``EncodingError``, ``DamagedFileError``,
            ``NoTextLayerError``, ``ZipBombError``), or holds no text (``EmptyDocumentError``); the
            message is the reason reported for the skipped file. A library may raise others on a
            file it chokes on (:func:`document_from_bytes` reports those with their type).
    """
    # Readers are imported here: `citeqa ask` against a built index needs none of them.
    if format in TEXT_FORMATS:
        if format == "html":  # a page's own declaration is more specific than the folder-wide one
            encoding = html_declared_encoding(data) or encoding
        decoded = decode_text(data, encoding)
        from citeqa.corpus import html_text, plain_text

        readers = {"text": plain_text.text_layer, "markdown": plain_text.markdown_layer,
                   "rst": plain_text.rst_layer, "csv": plain_text.csv_layer, "html": html_text.html_layer}
        layer = readers[format](decoded.text)
        found: str | None = decoded.encoding
    else:
        if format == "pdf":
            from citeqa.corpus.pdf_text import pdf_layer as binary_reader
        elif format == "docx":
            from citeqa.corpus.docx_text import docx_layer as binary_reader
        elif format == "pptx":
            from citeqa.corpus.pptx_text import pptx_layer as binary_reader
        else:
            from citeqa.corpus.epub_text import epub_layer as binary_reader
        layer, found = binary_reader(data), None
    if not layer.text.strip():
        raise EmptyDocumentError("no text in the file" if format in TEXT_FORMATS else f"no text found in this {format} file")
    return layer, found


def read_document(doc_id: str, path: Path, encoding: str | None = None) -> Document | SkippedFile:
    """Read one corpus file, or say why it is skipped.

    Args:
        doc_id: its id (path relative to the corpus folder).
        path: where it is.
        encoding: the encoding declared for legacy text files; None detects it.

    Returns:
        The document, or a :class:`SkippedFile` with the reason. Never raises for a bad file.
    """
    data = load_file(doc_id, path)
    return data if isinstance(data, SkippedFile) else document_from_bytes(doc_id, data, encoding)


def load_file(doc_id: str, path: Path) -> bytes | SkippedFile:
    """The bytes of a corpus file, or why it is not read: an uncitable name, not a regular file,
    an unsupported format, or an OS error. The first half of :func:`read_document`, the half
    that needs the file system (a cluster's workers may not see the corpus folder)."""
    suffix = Path(doc_id).suffix.lower()
    bad_name = _uncitable_name(doc_id, path)
    if bad_name:  # not read: its size tells whether it changed (see stale_reasons)
        return SkippedFile(doc_id, bad_name, None, _size(path))
    if _not_regular(path):
        return SkippedFile(doc_id, "not a regular file (a pipe, socket or device)")
    if suffix not in SUFFIX_FORMATS:
        hint = _UNSUPPORTED_HINTS.get(suffix) or (
            f"unsupported format {suffix!r}" if suffix else "no file suffix, so the format is unknown"
        ) + f" (supported: {supported_formats()})"
        return SkippedFile(doc_id, hint, None, _size(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        return SkippedFile(doc_id, f"unreadable: {exc.strerror or exc}")


def document_from_bytes(doc_id: str, data: bytes, encoding: str | None = None) -> Document | SkippedFile:
    """A document from the bytes :func:`load_file` returned (format from the id's suffix), or
    why it is skipped. The second half of :func:`read_document`: pure, so it can run anywhere.
    Never raises for a bad file."""
    format = SUFFIX_FORMATS[Path(doc_id).suffix.lower()]
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        layer, found = read_layer(data, format, encoding)
    except UnreadableFileError as exc:
        return SkippedFile(doc_id, str(exc), sha256, len(data))
    except RecursionError:
        return SkippedFile(doc_id, f"{format} structure nested too deeply to read", sha256, len(data))
    except Exception as exc:  # noqa: BLE001 - a library failing on one odd file must not stop the rest
        return SkippedFile(doc_id, f"could not be read as {format} ({type(exc).__name__}: {exc})", sha256, len(data))
    return Document(doc_id, format, layer, sha256, len(data), found)


def read_corpus(
    root: Path,
    *,
    encoding: str | None = None,
    on_file: Callable[[str], None] = lambda doc_id: None,
) -> Corpus:
    """Read every file under ``root``.

    Files that cannot be indexed are skipped and listed in :attr:`Corpus.skipped` with the
    reason; they never raise.

    Args:
        root: the corpus folder.
        encoding: the encoding of legacy (non-UTF-8, no BOM) text files; None detects it.
        on_file: called with each doc id after it is read (progress bars).

    Returns:
        The corpus, documents sorted by doc id.

    Raises:
        CorpusNotFoundError: ``root`` is not a directory.
        EmptyCorpusError: no file could be read; the message lists every file and its reason.
    """
    results: list[Document | SkippedFile] = []
    for doc_id, path in list_corpus_files(root):
        results.append(read_document(doc_id, path, encoding))
        on_file(doc_id)
    return corpus_of(root, results)


def corpus_of(root: Path, results: Sequence[Document | SkippedFile]) -> Corpus:
    """The corpus of ``root`` from every file's result, in doc-id order (as
    :func:`list_corpus_files` lists them).

    Raises:
        EmptyCorpusError: no file could be read; the message lists every file and its reason.
    """
    documents = tuple(r for r in results if isinstance(r, Document))
    skipped = tuple(r for r in results if isinstance(r, SkippedFile))
    if not documents:
        detail = "; ".join(f"{s.doc_id}: {s.reason}" for s in skipped) or "no files"
        raise EmptyCorpusError(f"corpus folder {str(root)!r} has no readable document ({detail})")
    return Corpus(root, documents, skipped)


def _size(path: Path) -> int | None:
    """The file's size in bytes, or None when it cannot be read."""
    try:
        return path.stat().st_size
    except OSError:
        return None


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
