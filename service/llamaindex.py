"""A LlamaIndex retriever over citeqa, in-process or against a running service.

Each passage becomes a ``NodeWithScore`` around a ``TextNode`` whose text is the passage, whose
``start_char_idx``/``end_char_idx`` are its span in the document's text layer (code points, end
exclusive), whose source node is the document, and whose metadata are
:func:`~citeqa.service.client.citation_metadata` (``source``, ``title``, ``page`` where known,
``start``, ``end``, ``score``, ``quote``...). Only ``source``, ``title`` and ``page`` are shown to
the LLM with the text (the rest would be noise in a prompt). Install with the extra
``citeqa[llamaindex]``; plug it into ``RetrieverQueryEngine`` as any LlamaIndex retriever.
"""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.callbacks import CallbackManager
from llama_index.core.schema import NodeRelationship, NodeWithScore, QueryBundle, RelatedNodeInfo, TextNode

from citeqa.service.client import CiteqaClient, check_k, citation_metadata
from citeqa.service.engine import Engine
from citeqa.service.schemas import AskFilter, AskResponse

#: The metadata an LLM sees with a passage's text; the rest stays for programs.
LLM_METADATA = ("source", "title", "page")


def to_nodes(response: AskResponse) -> list[NodeWithScore]:
    """One scored node per passage, best first, citation in the metadata and the span in
    ``start_char_idx``/``end_char_idx``."""
    nodes = []
    for passage in response.passages:
        metadata = citation_metadata(passage, response)
        node = TextNode(
            id_=f"{passage.doc_id}:{passage.start}-{passage.end}",
            text=passage.text,
            metadata=metadata,
            start_char_idx=passage.start,
            end_char_idx=passage.end,
            relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=passage.doc_id)},
            excluded_llm_metadata_keys=[key for key in metadata if key not in LLM_METADATA],
            excluded_embed_metadata_keys=list(metadata),
        )
        nodes.append(NodeWithScore(node=node, score=passage.score))
    return nodes


class CiteqaRetriever(BaseRetriever):
    """Retrieve cited passages from citeqa, as LlamaIndex nodes.

    Args:
        engine: an engine started in this process (exclusive with ``url``).
        url: base URL of a running citeqa service, e.g. ``http://127.0.0.1:8000``.
        api_key: the service's API key, when it has keys.
        k: passages per query (1-50).
        abstain: when True (default) a question nothing answers retrieves no node.
        filter: search only the documents that match, e.g. ``{"doc_ids": ["reports/*"]}``.
        timeout: HTTP timeout in seconds.
        callback_manager: LlamaIndex's callback manager (default: the global one).

    Raises:
        ValueError: neither or both of ``engine`` and ``url``; a malformed ``filter``; k under 1.
        citeqa.service.client.CiteqaError: from ``retrieve``, when the service refuses the
            query; the message is its ``detail``.
    """

    def __init__(self, *, engine: Engine | None = None, url: str | None = None, api_key: str | None = None,
                 k: int = 5, abstain: bool = True, filter: AskFilter | dict[str, Any] | None = None,
                 timeout: float = 60.0, callback_manager: CallbackManager | None = None) -> None:
        self._client = CiteqaClient(engine=engine, url=url, api_key=api_key, timeout=timeout)
        # A malformed filter fails here, not at the first query.
        self.filter = AskFilter.model_validate(filter) if isinstance(filter, dict) else filter
        self.k, self.abstain = check_k(k), abstain
        super().__init__(callback_manager=callback_manager)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return to_nodes(self._client.ask(query_bundle.query_str, self.k, self.abstain, self.filter))

    async def _aretrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return to_nodes(await self._client.aask(query_bundle.query_str, self.k, self.abstain, self.filter))
