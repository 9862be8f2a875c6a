"""A LangChain retriever over citeqa, in-process or against a running service.

``CiteqaRetriever(engine=...)`` calls the engine directly; ``CiteqaRetriever(url="http://...")``
calls ``POST /ask`` of a running service. Either way each passage becomes a ``Document`` whose
``page_content`` is the passage text and whose metadata are
:func:`~citeqa.service.client.citation_metadata`: ``source`` (the document id), ``title``,
``page`` where known, ``start`` and ``end`` (code points into the document's text layer),
``score``, ``quote``... Install with the extra ``citeqa[langchain]``.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field, PrivateAttr

from citeqa.service.client import CiteqaClient, citation_metadata
from citeqa.service.engine import Engine
from citeqa.service.schemas import AskFilter, AskResponse, JsonInt


def to_documents(response: AskResponse) -> list[Document]:
    """One LangChain Document per passage, citation in the metadata."""
    return [Document(page_content=p.text, metadata=citation_metadata(p, response)) for p in response.passages]


class CiteqaRetriever(BaseRetriever):
    """Retrieve cited passages from citeqa.

    Attributes:
        engine: an engine started in this process (mutually exclusive with ``url``).
        url: base URL of a running citeqa service, e.g. ``http://127.0.0.1:8000``.
        api_key: the service's API key, when it has keys.
        k: passages per query (1-50); ``invoke(query, k=3)`` overrides it per call.
        abstain: when True (default) a question nothing answers returns no Document.
        filter: search only the documents that match, e.g. ``{"doc_ids": ["reports/*"]}``.
        timeout: HTTP timeout in seconds.

    Raises (from ``invoke``):
        citeqa.service.client.CiteqaError: the service refused the query (empty question, k out
            of range, a filter matching nothing, a wrong key...); the message is its ``detail``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: Engine | None = None
    url: str | None = None
    api_key: str | None = Field(default=None, repr=False)
    # As strict as POST /ask (tests/service/test_one_contract.py): 2.0 is 2, "no" is no flag.
    k: JsonInt = Field(default=5, ge=1, strict=True,
                       description="passages per query (the service caps it at its max_k, 50 by default)")
    abstain: bool = Field(default=True, strict=True)
    filter: AskFilter | None = None
    timeout: float = 60.0
    _client: CiteqaClient = PrivateAttr()

    def model_post_init(self, context: Any) -> None:
        """Check the backend (exactly one of engine and url) and build the client.

        Raises:
            ValueError: neither or both given.
        """
        self._client = CiteqaClient(engine=self.engine, url=self.url, api_key=self.api_key, timeout=self.timeout)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        return to_documents(self._client.ask(query, self.k if k is None else k, self.abstain, self.filter))

    async def _aget_relevant_documents(
        self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        return to_documents(await self._client.aask(query, self.k if k is None else k, self.abstain, self.filter))
