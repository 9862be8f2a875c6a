"""citeqa from Python, without HTTP: ``citeqa.open(corpus_dir, index_dir).ask("...")``.

The same engine ``POST /ask`` runs, in this process: the answers are the same
:class:`~citeqa.service.schemas.AskResponse` (passages with spans and quotes), the documents the
same :class:`~citeqa.service.schemas.DocumentSlice`. Settings not given are read as everywhere
else (``CITEQA_*`` environment variables, ``.env``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citeqa.service.engine import Engine
from pydantic import ValidationError

from citeqa.service.errors import BadRequestError
from citeqa.service.schemas import AskFilter, AskRequest, AskResponse, DocumentList, DocumentSlice, describe_errors
from citeqa.service.settings import Settings


class Citeqa:
    """A document collection and its index, opened in this process (see :func:`open`).

    Not for use from several threads at once while :meth:`reindex` runs; asking from several
    threads is fine (the engine is what the HTTP server shares between requests).
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

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
        return self._engine.ask(request.question, request.k, request.abstain, request.filter)

    def document(self, doc_id: str, start: int | None = None, end: int | None = None) -> DocumentSlice:
        """A document's text layer (what citations point into), or its slice ``[start, end)``.

        Raises:
            DocumentNotFoundError: not an indexed document.
            BadRequestError: a negative offset.
        """
        return self._engine.document(doc_id, start, end)

    def documents(self) -> DocumentList:
        """Every file of the corpus folder: indexed documents and skipped files with the reason."""
        return self._engine.documents()

    def reindex(self) -> None:
        """Bring the index up to date with the corpus folder (only changed files are embedded)."""
        self._engine = self._engine.reindex()

    def __repr__(self) -> str:
        m = self._engine.index.manifest
        return f"<citeqa {m.corpus_dir!r}: {m.n_documents} documents, {m.n_chunks} passages, built {m.built_at}>"


def open(corpus_dir: str | Path | None = None, index_dir: str | Path | None = None,  # noqa: A001
         **settings: Any) -> Citeqa:
    """Open a folder of documents for questions: load its index, or build it first when it is
    missing or stale (only changed files are embedded).

    Args:
        corpus_dir: the folder of documents; None: the built-in corpus (or ``CITEQA_CORPUS_DIR``).
        index_dir: where the index is kept; None: ``CITEQA_INDEX_DIR`` or its default.
        **settings: any other setting by its field name (``min_confidence=0.3``, ``model=...``);
            see the README's settings table.

    Raises:
        pydantic.ValidationError: a setting out of range.
        citeqa.corpus.errors.CorpusError: the folder is missing or holds no readable file.
        citeqa.index.errors.IndexStoreError: the model cannot be loaded or the index not built.
    """
    values: dict[str, Any] = {"corpus_dir": corpus_dir, "index_dir": index_dir, **settings}
    config = Settings.model_validate({k: v for k, v in values.items() if v is not None})
    config.apply_environment()
    return Citeqa(Engine.start(config))
