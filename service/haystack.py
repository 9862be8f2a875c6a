"""A Haystack retriever component over citeqa, in-process or against a running service.

``CiteqaRetriever`` is a ``@component`` with the input and output of Haystack's own retrievers
(``query`` and ``top_k`` in, ``documents`` out), so it drops into a ``Pipeline`` in front of a
``PromptBuilder``. Each passage becomes a ``Document`` whose ``content`` is the passage text,
whose ``score`` is its score and whose ``meta`` is
:func:`~citeqa.service.client.citation_metadata` (``source``, ``title``, ``page`` where known,
``start``, ``end``, ``score``, ``quote``...). Install with the extra ``citeqa[haystack]``.

A pipeline over a running service serialises (``Pipeline.dumps``) with the key kept as a
Haystack ``Secret`` (by default read from ``CITEQA_API_KEY`` when set); loading it back needs
Haystack's consent to import this module:
``Pipeline.loads(text, allowed_modules=["citeqa.service.haystack"])``. One over an in-process
engine cannot be serialised.
"""

from __future__ import annotations

from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict
from haystack.utils import Secret, deserialize_secrets_inplace

from citeqa.service.client import CiteqaClient, check_k, citation_metadata
from citeqa.service.engine import Engine
from citeqa.service.schemas import AskFilter, AskResponse


def to_documents(response: AskResponse) -> list[Document]:
    """One Haystack Document per passage, best first, citation in ``meta``."""
    return [
        Document(id=f"{p.doc_id}:{p.start}-{p.end}", content=p.text, score=p.score, meta=citation_metadata(p, response))
        for p in response.passages
    ]


@component
class CiteqaRetriever:
    """Retrieve cited passages from citeqa, as Haystack Documents.

    Args:
        url: base URL of a running citeqa service, e.g. ``http://127.0.0.1:8000`` (exclusive
            with ``engine``).
        engine: an engine started in this process.
        api_key: the service's API key as a Haystack ``Secret``; by default ``CITEQA_API_KEY``
            when that variable is set, else none.
        top_k: passages per query (1-50); ``run(top_k=...)`` overrides it.
        abstain: when True (default) a question nothing answers retrieves no document.
        filter: search only the documents that match, e.g. ``{"doc_ids": ["reports/*"]}``.
        timeout: HTTP timeout in seconds.

    Raises:
        ValueError: neither or both of ``url`` and ``engine``; a malformed ``filter``; top_k under 1.
        citeqa.service.client.CiteqaError: from ``run``, when the service refuses the query;
            the message is its ``detail`` (a ``Pipeline`` wraps it in its ``PipelineRuntimeError``).
    """

    def __init__(self, url: str | None = None, *, engine: Engine | None = None,
                 api_key: Secret | None = Secret.from_env_var("CITEQA_API_KEY", strict=False),
                 top_k: int = 5, abstain: bool = True, filter: dict[str, Any] | None = None,
                 timeout: float = 60.0) -> None:
        self.url, self.engine, self.api_key = url, engine, api_key
        self.top_k, self.abstain, self.filter, self.timeout = check_k(top_k, "top_k"), abstain, filter, timeout
        self._filter = AskFilter.model_validate(filter) if filter is not None else None
        key = api_key.resolve_value() if api_key is not None else None
        self._client = CiteqaClient(engine=engine, url=url, api_key=key, timeout=timeout)

    def to_dict(self) -> dict[str, Any]:
        """Serialise (a retriever over a running service only).

        Raises:
            TypeError: an in-process engine, which has no serial form.
        """
        if self.engine is not None:
            raise TypeError("a CiteqaRetriever over an in-process engine cannot be serialised; use url=")
        return default_to_dict(self, url=self.url, api_key=self.api_key.to_dict() if self.api_key else None,
                               top_k=self.top_k, abstain=self.abstain, filter=self.filter, timeout=self.timeout)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CiteqaRetriever:
        """Deserialise what :meth:`to_dict` wrote."""
        deserialize_secrets_inplace(data["init_parameters"], keys=["api_key"])
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, query: str, top_k: int | None = None) -> dict[str, list[Document]]:
        """Retrieve the passages that answer ``query``, best first.

        Returns:
            ``{"documents": [...]}``, empty when citeqa abstains.
        """
        response = self._client.ask(query, self.top_k if top_k is None else top_k, self.abstain, self._filter)
        return {"documents": to_documents(response)}

    @component.output_types(documents=list[Document])
    async def run_async(self, query: str, top_k: int | None = None) -> dict[str, list[Document]]:
        """:meth:`run` for ``AsyncPipeline``."""
        response = await self._client.aask(query, self.top_k if top_k is None else top_k, self.abstain, self._filter)
        return {"documents": to_documents(response)}
