"""citeqa from Python, without HTTP: ``citeqa.open(corpus_dir, index_dir).ask("...")``.

The same engine ``POST /ask`` runs, in this process: the answers are the same
:class:`~citeqa.service.schemas.AskResponse` (passages with spans and quotes), the documents the
same :class:`~citeqa.service.schemas.DocumentSlice`. Settings not given are read as everywhere
else (``CITEQA_*`` environment variables, ``.env``).
"""

from __future__ import annotations

import contextlib
import difflib
import operator
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from citeqa.service.engine import Engine
from pydantic import ValidationError

from citeqa.service.errors import BadRequestError, ReadOnlyError
from citeqa.service.history import Version, aware, parse_time
from citeqa.service.schemas import AskFilter, AskRequest, AskResponse, DocumentList, DocumentSlice, describe_errors
from citeqa.service.settings import Settings
from citeqa.service.writes import delete_document, history_of, put_document, restore_document

class Citeqa:
    """A document collection and its index, opened in this process (see :func:`open`).

    Safe to use from several threads: while :meth:`reindex` builds, questions are answered from
    the version before it. Like a server, it follows the index folder: a version written by
    ``citeqa index``, a server or another process answers within ``reload_interval`` seconds.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._refused: Path | None = None  # a live version already reported as unusable

    def _follow(self) -> Engine:
        """The engine over the index version live now: like a server, this follows ``CURRENT``
        (polled at most every ``reload_interval`` seconds; 0: never), so that ``citeqa index``, a
        server's writes or another process's :meth:`reindex` reach it. A version that cannot be
        used (another model or chunking, unreadable) is logged once and the loaded one kept."""
        interval = self._engine.settings.reload_interval
        if interval <= 0 or time.monotonic() - self._checked < interval:
            return self._engine
        if not self._lock.acquire(blocking=False):  # a reindex (or another thread's check) is under way
            return self._engine
        try:
            self._checked = time.monotonic()
            self._engine, self._refused = self._engine.refresh(self._refused)
            return self._engine
        finally:
            self._lock.release()

    @property
    def settings(self) -> Settings:
        """The settings it was opened with."""
        return self._engine.settings

    @property
    def index_path(self) -> Path:
        """The index version folder answering now."""
        return self._engine.index.path

    def ask(self, question: str, k: int | None = None, *, abstain: bool = True,
            filter: AskFilter | dict[str, Any] | None = None) -> AskResponse:
        """Answer a question with cited passages, best first (none when nothing answers).

        Args:
            question: plain language, 1 to ``max_question_chars`` characters.
            k: passages wanted, 1..``max_k``; None: ``default_k`` (5).
            abstain: False returns the top k even when the answer is judged absent.
            filter: search only these documents, e.g. ``{"doc_ids": ["reports/*"], "formats": ["pdf"]}``.

        Returns:
            What ``POST /ask`` returns: ``passages`` (each ``text == document(doc_id).text[start:end]``),
            ``sources``, ``answered``, ``confidence`` and the ``index`` version.

        Raises:
            BadRequestError: an empty or too long question, k out of range, a value of the wrong
                type, a malformed filter (formats are named text, markdown, rst, csv, html, pdf,
                docx, pptx, epub).
            DocumentNotFoundError: the filter matches no indexed document.
        """
        try:  # the /ask model: wrong types get the same messages as over HTTP, as BadRequestError
            request = AskRequest.model_validate({"question": question, "k": k, "abstain": abstain, "filter": filter})
        except ValidationError as exc:
            raise BadRequestError(describe_errors(exc.errors(), whole="request")) from exc
        return self._follow().ask(request.question, request.k, request.abstain, request.filter)

    def document(self, doc_id: str, start: int | None = None, end: int | None = None) -> DocumentSlice:
        """A document's text layer (what citations point into), or its slice ``[start, end)``.

        Args:
            doc_id: as in a passage's ``doc_id``.
            start, end: code point offsets, taken as Python's ``text[start:end]`` takes them.

        Raises:
            DocumentNotFoundError: not an indexed document.
            BadRequestError: an offset that is negative or not an integer.
        """
        return self._follow().document(doc_id, _offset("start", start), _offset("end", end))

    def documents(self) -> DocumentList:
        """Every file of the corpus folder: indexed documents and skipped files with the reason."""
        return self._follow().documents()

    def _writer(self) -> Engine:
        if not self._engine.settings.writable:
            raise ReadOnlyError("opened read-only (the default): citeqa.open(..., writable=True) to add, replace, "
                                "delete or restore documents")
        return self._follow()

    def put(self, doc_id: str, data: bytes | str) -> bool:
        """Add or replace a document in the corpus folder and re-index; the bytes it replaces are
        kept in the index folder's history first (:meth:`restore` brings them back).

        Args:
            doc_id: the id to write (a relative path with a supported suffix).
            data: the file's bytes; a ``str`` is written as UTF-8.

        Returns:
            Whether the document was created (False: replaced).

        Raises:
            ReadOnlyError: opened without ``writable=True``.
            ForbiddenPathError, ConflictError, StorageError: as ``PUT /documents/{doc_id}``.
        """
        with self._lock:
            engine, created = put_document(self._writer(), doc_id, data.encode("utf-8") if isinstance(data, str) else data)
            self._engine = engine
            return created

    def delete(self, doc_id: str) -> None:
        """Remove a document from the corpus folder and re-index; its bytes are kept in the history.

        Raises:
            ReadOnlyError: opened without ``writable=True``.
            DocumentNotFoundError, ConflictError, StorageError: as ``DELETE /documents/{doc_id}``.
        """
        with self._lock:
            self._engine = delete_document(self._writer(), doc_id)

    def history(self, doc_id: str) -> list[Version]:
        """The earlier versions of a document kept in the history, oldest first."""
        return history_of(self._engine).versions(doc_id)

    def restore(self, doc_id: str, at: datetime | str | None = None, sha256: str | None = None) -> Version:
        """Put an earlier version back (the newest saved; or the one in the corpus at ``at``, a
        datetime or ISO 8601 text, without a zone this machine's local time; or the one whose
        sha256 starts with ``sha256``), saving what it replaces, and re-index.

        Raises:
            ReadOnlyError: opened without ``writable=True``.
            DocumentNotFoundError: no such saved version.
            BadRequestError: a malformed time or digest.
        """
        when = parse_time(at) if isinstance(at, str) else aware(at) if at is not None else None
        with self._lock:
            self._engine, version = restore_document(self._writer(), doc_id, when, sha256)
            return version

    def reindex(self) -> bool:
        """Bring the index up to date with the corpus folder (only changed files are embedded).

        Returns:
            Whether a new index version is now answering (False: nothing had changed).
        """
        with self._lock:
            before = self._engine.index.path
            self._engine = self._engine.reindex()
            return self._engine.index.path != before

    def __repr__(self) -> str:
        m = self._engine.index.manifest
        return f"<citeqa {m.corpus_dir!r}: {m.n_documents} documents, {m.n_chunks} passages, built {m.built_at}>"


def _offset(name: str, value: object) -> int | None:
    """An offset as an ``int``: any integer type (numpy's too, through ``__index__``), never a
    float, string or bool.

    Raises:
        BadRequestError: not an integer.
    """
    if value is None:
        return None
    if not isinstance(value, bool):  # a bool has __index__ too
        with contextlib.suppress(TypeError):
            return operator.index(value)  # type: ignore[arg-type]
    raise BadRequestError(f"{name} must be an integer number of code points, got {value!r}")


def open(corpus_dir: str | Path | None = None, index_dir: str | Path | None = None,  # noqa: A001
         **settings: Any) -> Citeqa:
    """Open a folder of documents for questions: load its index, or build it first when it is
    missing or stale (only changed files are embedded).

    Args:
        corpus_dir: the folder of documents; None: the built-in corpus (or ``CITEQA_CORPUS_DIR``).
        index_dir: where the index is kept; None: ``CITEQA_INDEX_DIR`` or its default.
        **settings: any other setting by its field name (``min_confidence=0.3``, ``model=...``);
            see the README's settings table. ``writable=True`` allows :meth:`Citeqa.put`,
            :meth:`~Citeqa.delete` and :meth:`~Citeqa.restore` (read-only by default).

    Raises:
        TypeError: a setting that does not exist (named, with the closest one that does).
        pydantic.ValidationError: a setting out of range.
        citeqa.corpus.errors.CorpusError: the folder is missing or holds no readable file.
        citeqa.index.errors.IndexStoreError: the model cannot be loaded or the index not built.
    """
    unknown = sorted(set(settings) - set(Settings.model_fields))
    if unknown:  # as Python refuses an unexpected keyword argument (pydantic-settings ignores extras)
        hints = [f"{name!r} (did you mean {close[0]!r}?)" if (close := difflib.get_close_matches(
            name, Settings.model_fields, n=1)) else repr(name) for name in unknown]
        raise TypeError(f"citeqa.open() got unknown settings: {', '.join(hints)}; the README's settings "
                        "table lists them (CITEQA_MIN_CONFIDENCE is min_confidence)")
    values: dict[str, Any] = {"corpus_dir": corpus_dir, "index_dir": index_dir, **settings}
    config = Settings.model_validate({k: v for k, v in values.items() if v is not None})
    config.apply_environment()
    return Citeqa(Engine.start(config))
