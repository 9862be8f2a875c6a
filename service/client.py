"""What the framework integrations share: one way to ask citeqa (in-process or over HTTP) and one
set of citation metadata.

The LangChain, LlamaIndex and Haystack retrievers differ only in the document type they return;
each calls :class:`CiteqaClient` and puts :func:`citation_metadata` on every document, so the
three carry the same keys under the same names, the names those frameworks' own loaders use
(``source`` for where the text comes from, ``page`` for a page number).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from pydantic import ValidationError

from citeqa.service.errors import ServiceError, http_status
from citeqa.service.schemas import AskFilter, AskRequest, AskResponse, Passage, describe_errors, integral

if TYPE_CHECKING:  # over HTTP the engine's imports (FAISS, the encoder...) are never needed
    from citeqa.service.engine import Engine


class CiteqaError(Exception):
    """citeqa refused a request, or could not answer it; the message is the service's own
    ``detail``.

    Attributes:
        status: the HTTP status (422 bad request, 404 no such document, 401 wrong key, 503 not
            ready...); for in-process calls, the status the HTTP API would have answered; None
            when no service answered at all (:class:`CiteqaUnreachableError`).
        error: the error type, e.g. ``BadRequestError``.
        detail: what was wrong, as the service says it.
    """

    def __init__(self, status: int | None, error: str, detail: str) -> None:
        super().__init__(f"{error} ({status}): {detail}" if status is not None else detail)
        self.status, self.error, self.detail = status, error, detail


class CiteqaUnreachableError(CiteqaError):
    """No citeqa service answered at the URL (refused, timed out, not a URL)."""

    def __init__(self, url: str, exc: Exception) -> None:
        hint = ("the URL needs http:// or https:// in front" if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL))
                else "is `citeqa serve` running there?")
        super().__init__(None, type(exc).__name__, f"no citeqa service answers at {url!r} ({type(exc).__name__}: "
                                                   f"{exc}); {hint}")


def check_k(k: object, name: str = "k") -> int:
    """A retriever's passages per query, checked when it is made rather than at its first query.
    Only the lower bound: the upper one is the service's ``max_k`` (50 by default), which it
    enforces with the reason.

    Raises:
        ValueError: not a whole number of at least 1.
    """
    k = integral(k)  # 2.0 is 2, as JSON Schema and POST /ask count it
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"{name} must be a whole number of passages, at least 1 (at most the service's "
                         f"max_k, 50 by default), got {k!r}")
    return k


def citation_metadata(passage: Passage, response: AskResponse) -> dict[str, Any]:
    """The metadata every integration puts on a passage's document.

    Returns:
        ``source`` and ``doc_id`` (the document id, a path relative to the corpus folder),
        ``title``, ``page`` (only where known: PDF page or PPTX slide, 1-based), ``headings``,
        ``start`` and ``end`` (the span in the document's text layer, code points, end exclusive:
        ``GET /documents/{source}`` ``.text[start:end]`` is the passage), ``score``, ``weak``,
        ``quote`` (the sentence that best answers) with ``quote_start`` and ``quote_end``, and the
        answer's ``confidence``. Values are flat (str, int, float, bool, list of str), as vector
        stores and tracing tools expect.
    """
    metadata: dict[str, Any] = {"source": passage.doc_id, "doc_id": passage.doc_id, "title": passage.title}
    if passage.page is not None:
        metadata["page"] = passage.page
    metadata.update(
        headings=list(passage.headings), start=passage.start, end=passage.end, score=passage.score,
        weak=passage.weak, quote=passage.quote.text, quote_start=passage.quote.start, quote_end=passage.quote.end,
        confidence=response.confidence,
    )
    return metadata


@dataclass(frozen=True)
class CiteqaClient:
    """Ask citeqa in this process (``engine``) or a running service (``url``).

    Attributes:
        engine: an engine started in this process.
        url: base URL of a running service, e.g. ``http://127.0.0.1:8000``.
        api_key: sent as ``Authorization: Bearer <key>`` when the service has keys.
        timeout: HTTP timeout in seconds.

    Raises:
        ValueError: neither or both of ``engine`` and ``url`` given.
    """

    engine: Engine | None = None
    url: str | None = None
    api_key: str | None = None
    timeout: float = 60.0

    def __post_init__(self) -> None:
        if (self.engine is None) == (self.url is None):
            raise ValueError("give exactly one of engine= (in-process) or url= (a running citeqa service)")

    @staticmethod
    def _validated(question: str, k: int | None, abstain: bool,
                   filter: AskFilter | dict[str, Any] | None) -> AskRequest:
        """The request as ``POST /ask`` validates it (same model, same messages), on both paths.

        Raises:
            CiteqaError: 422, as the service would answer.
        """
        try:
            request = AskRequest.model_validate({"question": question, "k": k, "abstain": abstain, "filter": filter})
        except ValidationError as exc:
            raise CiteqaError(422, "ValidationError", describe_errors(exc.errors())) from exc
        if request.k is not None and request.k < 1:  # (the upper bound is the service's max_k: it checks it)
            raise CiteqaError(422, "BadRequestError", f"k must be between 1 and the service's max_k (50 by default), "
                                                      f"got {request.k}")
        return request

    def _in_process(self, request: AskRequest) -> AskResponse:
        assert self.engine is not None
        try:
            return self.engine.ask(request.question, request.k, request.abstain, request.filter)
        except ServiceError as exc:
            raise CiteqaError(http_status(exc), type(exc).__name__, str(exc)) from exc

    def _post(self, request: AskRequest) -> tuple[str, dict[str, Any], dict[str, str]]:
        assert self.url is not None
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        return f"{self.url.rstrip('/')}/ask", request.model_dump(mode="json", exclude_none=True), headers

    @staticmethod
    def _answer(response: httpx.Response) -> AskResponse:
        if response.is_success:
            return AskResponse.model_validate(response.json())
        try:
            body = response.json()
            error, detail = str(body["error"]), str(body["detail"])
        except (ValueError, KeyError, TypeError):  # not citeqa's JSON error (a proxy in front, say)
            error, detail = response.reason_phrase or "HTTPError", response.text[:500]
        raise CiteqaError(response.status_code, error, detail)

    def ask(self, question: str, k: int | None = 5, abstain: bool = True,
            filter: AskFilter | dict[str, Any] | None = None) -> AskResponse:
        """Answer a question: the same :class:`AskResponse` as ``POST /ask`` (``k=None``: the
        service's default).

        Raises:
            CiteqaError: the request was refused or failed (the message is the service's ``detail``).
            CiteqaUnreachableError: no service answers at ``url``.
        """
        request = self._validated(question, k, abstain, filter)
        if self.engine is not None:
            return self._in_process(request)
        url, body, headers = self._post(request)
        try:
            return self._answer(httpx.post(url, json=body, headers=headers, timeout=self.timeout))
        except (httpx.TransportError, httpx.InvalidURL) as exc:
            raise CiteqaUnreachableError(url, exc) from exc

    async def aask(self, question: str, k: int | None = 5, abstain: bool = True,
                   filter: AskFilter | dict[str, Any] | None = None) -> AskResponse:
        """:meth:`ask` without blocking the event loop (the in-process engine runs in a thread)."""
        request = self._validated(question, k, abstain, filter)
        if self.engine is not None:
            return await asyncio.to_thread(self._in_process, request)
        url, body, headers = self._post(request)
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                return self._answer(await client.post(url, json=body, headers=headers))
        except (httpx.TransportError, httpx.InvalidURL) as exc:
            raise CiteqaUnreachableError(url, exc) from exc
