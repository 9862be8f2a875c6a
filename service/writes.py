"""Documents through the API: write or delete a file of the corpus folder under a document id, then
re-index incrementally, all or nothing.

A document id becomes a path only here, and only after every check: relative, ``/``-separated,
no empty, ``.``, ``..`` or hidden part, no backslash or control character, a supported suffix, and
no existing part of the path a symlink (a link could lead the write out of the corpus folder). The
file is written to a hidden temporary file beside its target (the reader skips hidden files), fsynced
and renamed over it, so a reader never sees half a file. If the re-index fails, or the new file is
not indexable (the reader skipped it), the previous bytes are put back and the previous index keeps
serving: the build itself swaps versions atomically (:mod:`citeqa.index.store`).

No write destroys the only copy of a file: before a replace, a delete or a restore changes the
corpus folder, the file's bytes are saved, fsynced, in the index folder's history
(:mod:`citeqa.service.history`), from which ``citeqa restore`` and ``POST
/documents/{id}/restore`` bring them back. The whole write, from that save to the re-index, holds
the index folder's build lock, so writes of two processes (a server, ``citeqa restore``) never
interleave.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import stat
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from citeqa.corpus.errors import CorpusError
from citeqa.index.errors import IndexStoreError
from citeqa.corpus.reader import SUFFIX_FORMATS, TEXT_FORMATS, is_junk
from citeqa.index.store import build_lock, write_atomically
from citeqa.service.engine import Engine
from citeqa.service.history import Action, History, Version
from citeqa.service.errors import BadRequestError, ConflictError, DocumentNotFoundError, ForbiddenPathError, StorageError
from citeqa.service.settings import builtin_corpus

log = logging.getLogger("citeqa")

MAX_DOC_ID_CHARS = 500
#: The longest file name most file systems take, in bytes (ext4, XFS, APFS, NTFS's 255 UTF-16 units).
NAME_MAX = 255


def _refuse_builtin(corpus_dir: Path, path: Path | None = None) -> None:
    """Writes go to the user's own folders only: the built-in corpus ships inside the package
    (in a wheel install, site-packages), and a write there would change it for every user.

    Raises:
        ForbiddenPathError: ``corpus_dir`` is the built-in corpus, or the file ``path`` lies in
            it (a corpus folder that holds the package's folder, ``--corpus .../citeqa/corpus``).
    """
    builtin = builtin_corpus()
    if corpus_dir.resolve() == builtin or (path is not None and builtin in path.resolve().parents):
        raise ForbiddenPathError("the built-in corpus is read-only (it ships with citeqa); serve a folder of "
                                 "your own with `citeqa serve --corpus DIR` to add or remove documents")


def _require_folders(corpus_dir: Path, index_dir: Path) -> None:
    """Writes go into the corpus folder as it is, and need an index folder they can write: a
    corpus folder that was moved or deleted is not made anew (an index of a new, nearly empty
    folder would replace the one still serving), and a file written that no build can index
    would be taken back anyway.

    Raises:
        ConflictError: ``corpus_dir`` is not a folder (now).
        StorageError: ``index_dir`` cannot be written (a read-only file system, permissions).
    """
    if not corpus_dir.is_dir():
        raise ConflictError(f"the corpus folder {str(corpus_dir)!r} is missing or not a folder (moved or "
                            "deleted?); the index keeps serving its last version: restore the folder, or "
                            "restart on another one")
    if not os.access(index_dir, os.W_OK | os.X_OK):
        raise StorageError(f"the index folder {str(index_dir)!r} cannot be written (read-only or no permission); "
                           "documents can be read and asked, not written")


def document_path(corpus_dir: Path, doc_id: str) -> Path:
    """The path a document id names inside the corpus folder (which need not exist yet).

    Raises:
        ForbiddenPathError: an id that is absolute, escapes the folder, names a hidden, junk
            (:func:`~citeqa.corpus.reader.is_junk`) or unsupported file, holds control characters
            or backslashes, or passes through a symlink.
    """
    if not 1 <= len(doc_id) <= MAX_DOC_ID_CHARS:
        raise ForbiddenPathError(f"a document id has 1 to {MAX_DOC_ID_CHARS} characters, got {len(doc_id)}")
    # Cf: invisible format characters (a right-to-left override can disguise a name)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in doc_id) or "\\" in doc_id:
        raise ForbiddenPathError("a document id may not hold control or invisible format characters, lone "
                              "surrogates or backslashes")
    if "\ufffd" in doc_id:  # what a URL's undecodable bytes become: the name the client meant is lost
        raise ForbiddenPathError("the document id was not valid UTF-8 (percent-encode the UTF-8 bytes of the name)")
    parts = doc_id.split("/")
    if doc_id.startswith("/") or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        raise ForbiddenPathError(
            f"document id {doc_id!r} must be a relative path of plain names (no empty, '.', '..' or hidden parts)"
        )
    if any(len(p.encode("utf-8")) > NAME_MAX for p in parts):
        raise ForbiddenPathError(f"each part of a document id may be at most {NAME_MAX} bytes (UTF-8) long")
    if is_junk(parts[-1]):  # the reader would skip it: "written but not indexed" after the fact
        raise ForbiddenPathError(f"document id {doc_id!r} names a temporary or lock file (such as ~$x.docx or "
                                 "x.swp), which the corpus reader skips")
    suffix = Path(parts[-1]).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise ForbiddenPathError(f"document id {doc_id!r} needs a supported suffix: {', '.join(SUFFIX_FORMATS)}")
    root = corpus_dir.resolve()
    path = root
    for depth, part in enumerate(parts, start=1):
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            break  # the rest does not exist yet: it will be made as plain folders
        if stat.S_ISLNK(mode):
            raise ForbiddenPathError(f"document id {doc_id!r} passes through a symlink; refused")
        if depth < len(parts) and not stat.S_ISDIR(mode):
            raise ForbiddenPathError(f"document id {doc_id!r} uses the file {'/'.join(parts[:depth])!r} as a folder")
    return root.joinpath(*parts)


def _missing_folders(path: Path) -> list[Path]:
    """The folders above ``path`` that do not exist yet, innermost first."""
    missing = []
    folder = path.parent
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_folders(folders: Sequence[Path]) -> None:
    """Remove folders made for a write, innermost first; one someone filled meanwhile stays."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _write_atomically(path: Path, data: bytes) -> None:
    # ".citeqa-upload-": hidden, so the reader and --watch skip it (corpus.reader.is_junk)
    write_atomically(path, data, ".citeqa-upload-")


def _regular_file_bytes(path: Path) -> bytes | None:
    """The bytes of an existing regular file (not a link), None when there is none."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode):
        raise ConflictError(f"{path.name!r} exists in the corpus folder and is not a regular file; refused")
    return path.read_bytes()


def _reindex_or_restore(engine: Engine, path: Path, doc_id: str, previous: bytes | None,
                        check: Callable[[Engine], None], made: Sequence[Path] = ()) -> Engine:
    """Re-index; on any failure put ``previous`` back (or remove the new file and the folders
    ``made`` for it), re-index that, and raise."""
    try:
        updated = engine.reindex()
        check(updated)
        return updated
    except BaseException:
        if previous is None:
            path.unlink(missing_ok=True)
            _remove_folders(made)
        else:
            _write_atomically(path, previous)
        try:
            engine.reindex()
        except Exception as exc:  # the previous version still serves; the next build will retry
            log.warning("citeqa: re-index after restoring %s failed: %s: %s", doc_id, type(exc).__name__, exc)
        raise


def is_text_document(doc_id: str) -> bool:
    """Whether a document id names a format read as decoded text (``.txt .md .rst .csv .html``...),
    not parsed from bytes (PDF, DOCX, PPTX, EPUB)."""
    return SUFFIX_FORMATS.get(Path(doc_id).suffix.lower()) in TEXT_FORMATS


def as_utf8(doc_id: str, data: bytes, charset: str | None) -> bytes:
    """An upload's bytes as the file to write: a text format sent with a ``charset`` (from its
    Content-Type) is written as UTF-8, since the file on disk keeps no header and a short text in
    another encoding can be detected as the wrong one (four Chinese characters in GBK read as
    Korean). Other formats, and uploads without a charset, are written as sent.

    Raises:
        BadRequestError: a charset Python does not know.
        ConflictError: bytes that are not valid in the declared charset.
    """
    if charset is None or not is_text_document(doc_id):
        return data
    try:
        info = codecs.lookup(charset)
    except LookupError:
        info = None
    # _is_text_encoding: False for Python's bytes-to-bytes and text-to-text codecs (CPython 3.4+)
    codec = info.name if info is not None and getattr(info, "_is_text_encoding", True) else ""
    if not codec or codec in _NOT_CHARSETS:
        raise BadRequestError(f"unknown charset {charset!r} in the Content-Type header") from None
    if codec == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-be"  # RFC 2781 4.3: UTF-16 without a byte-order mark is big-endian
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeError as exc:  # undecodable bytes, or text no file can hold (a lone surrogate)
        raise ConflictError(f"the body is not valid {codec}, the charset its Content-Type declares ({exc})") from None


#: Python codecs that are not character encodings a Content-Type can name: they transform text or
#: bytes (``rot13``, ``base64``, ``unicode_escape``) or refuse everything (``undefined``).
_NOT_CHARSETS = frozenset({
    "base64", "bz2", "hex", "quopri", "rot-13", "uu", "zlib", "unicode-escape", "raw-unicode-escape",
    "idna", "punycode", "undefined", "mbcs", "oem",
})


def displace(path: Path, doc_id: str, data: bytes | None, history: History, action: Action,
             key: str | None) -> tuple[bytes | None, list[Path]]:
    """Change one corpus file, its current bytes saved first: save them in ``history`` (fsynced),
    then write ``data`` over the file atomically, or remove it when ``data`` is None. A crash at
    any moment leaves the old or the new file, and the old bytes in the history once the file may
    have changed (the SIGKILL test in tests/service/test_history.py checks it). The caller holds
    the build lock.

    Returns:
        The previous bytes (None: there was no file) and the folders made for the new file.

    Raises:
        DocumentNotFoundError: ``data`` is None and there is no file to remove.
        ConflictError: the path holds something other than a regular file.
        StorageError: the history or the file cannot be written (then the file is unchanged).
    """
    previous = _regular_file_bytes(path)
    if data is None and previous is None:
        raise DocumentNotFoundError(f"no document {doc_id!r} in the corpus folder; GET /documents lists them")
    if previous is not None and previous != data:  # equal bytes: nothing is lost, nothing saved
        history.save(doc_id, previous, action, key)
    elif previous is None:  # a create: the file was absent until now (what a restore "at" asks)
        history.mark_absent(doc_id, action, key)
    if data is None:
        path.unlink()
        return previous, []
    made = _missing_folders(path)
    try:
        _write_atomically(path, data)
    except OSError as exc:
        _remove_folders(made)
        raise StorageError(f"cannot write {doc_id!r}: {exc.strerror or exc}") from exc
    return previous, made


def put_document(engine: Engine, doc_id: str, data: bytes, charset: str | None = None, *,
                 history: History | None = None, key: str | None = None,
                 action: Action = "replace") -> tuple[Engine, bool]:
    """Write a document into the corpus folder and re-index.

    Args:
        engine: the engine serving now (its settings name the corpus folder).
        doc_id: the id (path relative to the corpus folder) to write.
        data: the file's bytes (any supported format).
        charset: the encoding the upload declared (``Content-Type: text/plain; charset=gbk``);
            a text format is then written as UTF-8 (:func:`as_utf8`).
        history: where the file's previous bytes are saved first (default: the index folder's,
            with the settings' retention).
        key: the API key's name, recorded with the saved bytes.
        action: what the history records as having displaced them (``restore`` for a restore).

    Returns:
        The engine over the new index version, and whether the document was created (False:
        replaced).

    Raises:
        ForbiddenPathError: an id no file may be written under.
        ConflictError: an empty body, a file the reader cannot index (the reason is given;
            nothing is changed), a corpus folder that is gone, or an index the build refuses to
            replace (``rebuild = never``).
        StorageError: the previous bytes could not be saved, or the file or the index could not
            be written (nothing is changed).
    """
    _refuse_builtin(engine.settings.corpus_dir)
    _require_folders(engine.settings.corpus_dir, engine.settings.index_dir)
    path = document_path(engine.settings.corpus_dir, doc_id)
    _refuse_builtin(engine.settings.corpus_dir, path)
    if not data:
        raise ConflictError("the document is empty; send its bytes as the request body")
    data = as_utf8(doc_id, data, charset)
    history = history or history_of(engine)

    def indexed(updated: Engine) -> None:
        skipped = {s.doc_id: s.reason for s in updated.index.manifest.skipped}
        if doc_id in skipped:
            raise ConflictError(f"{doc_id!r} cannot be indexed: {skipped[doc_id]}")
        if doc_id not in updated.index.documents:
            raise ConflictError(f"{doc_id!r} was written but not indexed")

    with build_lock(engine.settings.index_dir):
        previous, made = displace(path, doc_id, data, history, action, key)
        try:
            return _reindex_or_restore(engine, path, doc_id, previous, indexed, made), previous is None
        # citeqa's own errors only: any other exception (a ValueError too) is a bug, and goes on to
        # the app's handler, which logs its traceback and answers 500 InternalError.
        except (CorpusError, IndexStoreError) as exc:
            raise ConflictError(f"cannot index {doc_id!r}: {exc}") from exc
        except OSError as exc:  # the index folder could not be written: the file was taken back
            raise StorageError(f"cannot index {doc_id!r} (nothing was changed): {exc}") from exc


def delete_document(engine: Engine, doc_id: str, *, history: History | None = None,
                    key: str | None = None) -> Engine:
    """Remove a document from the corpus folder and re-index; its bytes are saved in the history
    first (``history``, ``key``: as for :func:`put_document`).

    Raises:
        ForbiddenPathError: an id no file may be written under.
        ConflictError: removing it would leave nothing to index (nothing is changed), the
            corpus folder is gone, or the build refuses to replace the index (``rebuild = never``).
        StorageError: the bytes could not be saved, or the index folder cannot be written
            (nothing is changed).
        DocumentNotFoundError: no such file in the corpus folder.
    """
    _refuse_builtin(engine.settings.corpus_dir)
    _require_folders(engine.settings.corpus_dir, engine.settings.index_dir)
    path = document_path(engine.settings.corpus_dir, doc_id)
    _refuse_builtin(engine.settings.corpus_dir, path)
    history = history or history_of(engine)
    with build_lock(engine.settings.index_dir):
        previous, _ = displace(path, doc_id, None, history, "delete", key)
        try:
            return _reindex_or_restore(engine, path, doc_id, previous, lambda updated: None)
        except (CorpusError, IndexStoreError) as exc:  # e.g. the last document: nothing indexable is left
            raise ConflictError(f"cannot delete {doc_id!r}: {exc}") from exc
        except OSError as exc:  # the index folder could not be written: the file was put back
            raise StorageError(f"cannot delete {doc_id!r} (nothing was changed): {exc}") from exc


def history_of(engine: Engine) -> History:
    """The history of the engine's index folder, with its settings' retention."""
    return History(engine.settings.index_dir, engine.settings.retention())


def restore_document(engine: Engine, doc_id: str, at: datetime | None = None, sha256: str | None = None, *,
                     key: str | None = None) -> tuple[Engine, Version]:
    """Put a saved version of a document back into the corpus folder and re-index; the bytes it
    replaces (if any) are saved first, so a restore can itself be undone.

    Args:
        at, sha256: which version (:meth:`History.find`): the newest saved by default.

    Returns:
        The engine over the new index version, and the version restored.

    Raises:
        DocumentNotFoundError: no such saved version.
        BadRequestError: a malformed ``sha256`` prefix.
        ForbiddenPathError, ConflictError, StorageError: as :func:`put_document`.
    """
    history = history_of(engine)
    with build_lock(engine.settings.index_dir):
        version = history.find(doc_id, at, sha256)
        data = history.read(version)
        updated, _ = put_document(engine, doc_id, data, history=history, key=key, action="restore")
    log.info("citeqa: restored %s to version %s (saved %s) for %s", doc_id, version.sha256[:12], version.saved_at,
             key or "no key")
    return updated, version
