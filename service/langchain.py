"""A LangChain retriever over citeqa, in-process or against a running service.

``CiteqaRetriever(engine=...)`` calls the engine directly; ``CiteqaRetriever(url="http://...")``
calls ``POST /ask`` of a running service. Either way each passage becomes a ``Document`` whose
``page_content`` is the passage text and whose metadata carry ``doc_id``, ``start``, ``end``
(code points into the original file), ``score`` and ``quote`` (``{"start", "end", "text"}``).
Install with the extra ``citeqa[langchain]``.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, model_validator

from citeqa.service.engine import Engine
from citeqa.service.schemas import AskFilter, AskResponse


def to_documents(response: AskResponse) -> list[Document]:
    """One LangChain Document per passage, citation in the metadata."""
    return [
        Document(
            page_content=p.text,
            metadata={"doc_id": p.doc_id, "title": p.title, "page": p.page, "headings": p.headings,
                      "start": p.start, "end": p.end, "score": p.score, "weak": p.weak,
                      "quote": p.quote.model_dump(), "confidence": response.confidence},
        )
        for p in response.passages
    ]


class CiteqaRetriever(BaseRetriever):
    """Retrieve cited passages from citeqa.

    Attributes:
        engine: an engine started in this process (mutually exclusive with ``url``).
        url: base URL of a running citeqa service, e.g. ``http://127.0.0.1:8000``.
        k: passages per query (1-50); ``invoke(query, k=3)`` overrides it per call.
        abstain: when True (default) a question nothing answers returns no Document.
        filter: search only the documents that match, e.g. ``{"doc_ids": ["reports/*"]}``.
        timeout: HTTP timeout in seconds.

    Raises (from ``invoke``):
        citeqa.service.errors.BadRequestError: in-process, for an empty question or bad k.
        httpx.HTTPStatusError: over HTTP, with the service's JSON error in the response.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: Engine | None = None
    url: str | None = None
    k: int = 5
    abstain: bool = True
    filter: AskFilter | None = None
    timeout: float = 60.0

    @model_validator(mode="after")
    def _one_backend(self) -> CiteqaRetriever:
        if (self.engine is None) == (self.url is None):
            raise ValueError("give exactly one of engine= (in-process) or url= (a running citeqa service)")
        return self

    def _body(self, query: str, k: int | None) -> dict[str, Any]:
        body: dict[str, Any] = {"question": query, "k": self.k if k is None else k, "abstain": self.abstain}
        if self.filter is not None:
            body["filter"] = self.filter.model_dump(exclude_none=True)
        return body

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        if self.engine is not None:
            return to_documents(self.engine.ask(query, self.k if k is None else k, self.abstain, self.filter))
        assert self.url is not None
        response = httpx.post(f"{self.url.rstrip('/')}/ask", json=self._body(query, k), timeout=self.timeout)
        response.raise_for_status()
        return to_documents(AskResponse.model_validate(response.json()))

    async def _aget_relevant_documents(
        self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        if self.engine is not None:  # the engine is synchronous: keep it off the event loop
            response = await asyncio.to_thread(self.engine.ask, query, self.k if k is None else k, self.abstain,
                                               self.filter)
            return to_documents(response)
        assert self.url is not None
        async with httpx.AsyncClient(timeout=self.timeout) as client:
            response = await client.post(f"{self.url.rstrip('/')}/ask", json=self._body(query, k))
        response.raise_for_status()
        return to_documents(AskResponse.model_validate(response.json()))
