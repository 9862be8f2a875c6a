"""Filters: `POST /ask` with `filter` returns k passages from the allowed documents only, applied
inside the search; the MCP tool, the OpenAI tool and the LangChain retriever take the same filter."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client

from citeqa.service.langchain import CiteqaRetriever
from citeqa.service.schemas import AskFilter
from tests.conftest import REFUGEE_QUESTION
from tests.service.conftest import LiveServer

ONE = "003_2e2000c2874b0a21.txt"  # one of the three sources on the Convention
TWO = ["000_*", "001_*"]  # two documents that do not name the Convention's status


def test_filter_returns_k_passages_from_allowed_documents_only(client: httpx.Client, live_server: LiveServer) -> None:
    unfiltered = client.post("/ask", json={"question": REFUGEE_QUESTION, "k": 5}).json()
    assert {p["doc_id"] for p in unfiltered["passages"]} - {ONE}  # other documents rank too
    body = client.post("/ask", json={"question": REFUGEE_QUESTION, "k": 5, "abstain": False,
                                     "filter": {"doc_ids": TWO}}).json()
    allowed = {d["doc_id"] for d in client.get("/documents").json()["documents"] if d["doc_id"][:4] in ("000_", "001_")}
    assert {p["doc_id"] for p in body["passages"]} <= allowed
    # k passages come back although the best of the whole corpus are elsewhere: the filter is
    # applied inside the search, not to its top k.
    chunks = sum(d["chunks"] for d in client.get("/documents").json()["documents"] if d["doc_id"] in allowed)
    assert len(body["passages"]) == min(5, chunks)
    for passage in body["passages"]:
        original = (live_server.corpus_dir / passage["doc_id"]).read_text(encoding="utf-8")
        assert original[passage["start"]:passage["end"]] == passage["text"]
    single = client.post("/ask", json={"question": REFUGEE_QUESTION, "filter": {"doc_ids": [ONE]}}).json()
    assert single["passages"] and {p["doc_id"] for p in single["passages"]} == {ONE}
    by_format = client.post("/ask", json={"question": REFUGEE_QUESTION, "filter": {"formats": ["text"]}}).json()
    assert len(by_format["passages"]) == 5


@pytest.mark.parametrize(("filter_", "fragment"), [
    ({"formats": ["exe"]}, "filter.formats.0: Input should be 'text'"),
    ({"doc_ids": [""]}, "at least 1 character"),
    ({"doc_ids": "*.txt"}, "filter.doc_ids"),
    ({"colour": "red"}, "filter.colour"),
])
def test_bad_filters_get_422(client: httpx.Client, filter_: object, fragment: str) -> None:
    response = client.post("/ask", json={"question": REFUGEE_QUESTION, "filter": filter_})
    assert response.status_code == 422, response.text
    assert fragment in response.json()["detail"]


@pytest.mark.parametrize("filter_", [{"doc_ids": ["nothing/*"]}, {"formats": ["pdf"]}])
def test_a_filter_that_matches_no_document_is_404(client: httpx.Client, filter_: object) -> None:
    """Well formed (the schema accepts it), but the documents it names are not there."""
    response = client.post("/ask", json={"question": REFUGEE_QUESTION, "filter": filter_})
    assert response.status_code == 404, response.text
    assert "matches no indexed document" in response.json()["detail"]


def test_mcp_openai_and_langchain_take_the_filter(client: httpx.Client, live_server: LiveServer) -> None:
    async def mcp() -> dict[str, object]:
        async with streamable_http_client(f"{live_server.url}/mcp") as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("ask", {"question": REFUGEE_QUESTION, "filter": {"doc_ids": [ONE]}})
            assert not result.is_error, result.content
            return result.structured_content or {}

    structured = asyncio.run(mcp())
    assert {p["doc_id"] for p in structured["passages"]} == {ONE}  # type: ignore[index, union-attr]

    call = client.post("/tools/openai/call", json={"name": "ask", "arguments": json.dumps(
        {"question": REFUGEE_QUESTION, "filter": {"doc_ids": [ONE]}})}).json()
    assert {p["doc_id"] for p in call["result"]["passages"]} == {ONE}

    for params in ({"engine": live_server.engine}, {"url": live_server.url}):
        documents = CiteqaRetriever(**params, filter=AskFilter(doc_ids=[ONE])).invoke(REFUGEE_QUESTION)  # type: ignore[arg-type]
        assert documents and {d.metadata["doc_id"] for d in documents} == {ONE}


def test_strings_python_cannot_encode_are_4xx_on_every_route(client: httpx.Client) -> None:
    surrogate = b'{"question": "Is China a party?", "filter": {"doc_ids": ["\\ud800*"], "formats": ["\\udfff"]}}'
    response = client.post("/ask", content=surrogate, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    call = client.post("/tools/openai/call", json={"name": "ask", "arguments": '{"question": "\\ud800"}'})
    assert call.status_code == 200 and call.json()["is_error"] and "question" in call.json()["content"]
    for path in ("/documents/%ED%A0%80.txt", "/view/%ED%A0%80.txt", "/documents/%FF%FE.txt"):
        assert 400 <= client.get(path).status_code < 500
        assert 400 <= client.put(path, content=b"x").status_code < 500
        assert 400 <= client.delete(path).status_code < 500
