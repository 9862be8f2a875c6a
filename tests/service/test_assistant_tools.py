"""The three ways in for assistants, with real clients: MCP over stdio (a spawned `citeqa mcp`) and
over Streamable HTTP (the running app), the OpenAI tool schema and call endpoint, and the LangChain
retriever in-process and over HTTP (LangChain's own standard retriever tests)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from citeqa.service.langchain import CiteqaRetriever
from tests.conftest import OFF_TOPIC_QUESTION, REFUGEE_DOCS, REFUGEE_QUESTION, ROOT
from tests.service.conftest import LiveServer

CITATION = re.compile(r"\[([^\[\]:]+):(\d+)-(\d+)\]")


def _check_ask_result(result: Any, corpus_dir: Path) -> None:
    assert not result.is_error
    body = result.structured_content
    assert body["answered"] and REFUGEE_DOCS <= {p["doc_id"] for p in body["passages"]}
    for passage in body["passages"]:
        original = (corpus_dir / passage["doc_id"]).read_text(encoding="utf-8")
        assert original[passage["start"] : passage["end"]] == passage["text"]
    text = result.content[0].text
    cited = CITATION.findall(text)
    assert len(cited) == len(body["passages"])
    for doc_id, start, end in cited:  # every inline citation slices its passage out of the file
        original = (corpus_dir / doc_id).read_text(encoding="utf-8")
        assert original[int(start) : int(end)] in text


async def _exercise(session: ClientSession, corpus_dir: Path) -> None:
    await session.initialize()
    tools = {t.name: t for t in (await session.list_tools()).tools}
    assert set(tools) == {"ask", "get_document"}
    assert "abstain" in tools["ask"].description
    _check_ask_result(await session.call_tool("ask", {"question": REFUGEE_QUESTION, "k": 5}), corpus_dir)

    empty = await session.call_tool("ask", {"question": "   "})
    assert empty.is_error and "BadRequestError: question is empty" in empty.content[0].text
    # The same arguments as the OpenAI tool and POST /ask: abstain, and k within 1-50.
    schema = tools["ask"].input_schema["properties"]
    assert schema["k"]["minimum"] == 1 and schema["k"]["maximum"] == 50 and "abstain" in schema
    forced = await session.call_tool("ask", {"question": OFF_TOPIC_QUESTION, "k": 2, "abstain": False})
    assert not forced.is_error and not forced.structured_content["answered"]
    assert len(forced.structured_content["passages"]) == 2
    assert forced.content[0].text.startswith("None of these passages was judged to answer")  # not evidence
    for bad in ({"k": 0}, {"k": 51}, {"k": True}, {"k": 2.5}, {"abstain": "no"}):
        assert (await session.call_tool("ask", {"question": REFUGEE_QUESTION, **bad})).is_error, bad
    assert not (await session.call_tool("ask", {"question": REFUGEE_QUESTION, "k": 2.0})).is_error  # JSON's 2
    missing = await session.call_tool("get_document", {"doc_id": "../etc/passwd"})
    assert missing.is_error and "no document" in missing.content[0].text
    # The session is still alive after errors.
    doc = sorted(REFUGEE_DOCS)[0]
    part = await session.call_tool("get_document", {"doc_id": doc, "start": 0, "end": 20})
    original = (corpus_dir / doc).read_text(encoding="utf-8")
    assert part.structured_content["text"] == original[:20]
    templates = (await session.list_resource_templates()).resource_templates
    assert [t.uri_template for t in templates] == ["citeqa://documents/{+doc_id}"]
    read = await session.read_resource(f"citeqa://documents/{doc}")
    assert read.contents[0].text == original


def _readme_mcp_config() -> dict[str, Any]:
    block = re.search(r"```json\n(\{\s*\"mcpServers\".*?)\n```", (ROOT / "README.md").read_text(), re.DOTALL)
    assert block, "README has no MCP client config block"
    return json.loads(block.group(1))["mcpServers"]["citeqa"]  # type: ignore[no-any-return]


def test_mcp_over_stdio_with_the_readme_config(live_server: LiveServer) -> None:
    config = _readme_mcp_config()
    bin_dir = str(Path(sys.executable).parent)  # where `citeqa` is installed
    params = StdioServerParameters(
        command=config["command"], args=config["args"],
        env={**config.get("env", {}), "PATH": bin_dir + os.pathsep + os.environ["PATH"],
             "CITEQA_CORPUS_DIR": str(live_server.corpus_dir),
             "CITEQA_INDEX_DIR": str(live_server.settings.index_dir)},
    )

    async def run() -> None:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await _exercise(session, live_server.corpus_dir)

    asyncio.run(run())


def test_mcp_over_streamable_http(live_server: LiveServer) -> None:
    async def run() -> None:
        async with streamable_http_client(f"{live_server.url}/mcp") as (read, write), \
                ClientSession(read, write) as session:
            await _exercise(session, live_server.corpus_dir)

    asyncio.run(run())


def test_openai_tool_schema_and_call(client: httpx.Client, live_server: LiveServer) -> None:
    tools = {t["function"]["name"]: t["function"]["parameters"] for t in client.get("/tools/openai").json()}
    assert set(tools) == {"ask", "get_document"}
    for schema in tools.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    ask = jsonschema.Draft202012Validator(tools["ask"])
    assert ask.is_valid({"question": REFUGEE_QUESTION, "k": 3})
    assert not ask.is_valid({"k": 3}) and not ask.is_valid({"question": 1})
    assert not ask.is_valid({"question": "q", "surprise": True}) and not ask.is_valid({"question": "q", "k": 51})
    assert not ask.is_valid({"question": "q" * 2001})  # the settings' bounds are in the schema
    get_document = jsonschema.Draft202012Validator(tools["get_document"])
    assert get_document.is_valid({"doc_id": "a.txt", "start": 0, "end": 3})
    assert not get_document.is_valid({"doc_id": "a.txt", "start": -1}) and not get_document.is_valid({})

    call = {"id": "call_1", "name": "ask", "arguments": json.dumps({"question": REFUGEE_QUESTION, "k": 5})}
    body = client.post("/tools/openai/call", json=call).json()
    assert body["tool_call_id"] == "call_1" and body["name"] == "ask" and not body["is_error"]
    assert REFUGEE_DOCS <= {doc for doc, _, _ in CITATION.findall(body["content"])}
    assert body["result"]["answered"]

    # The citation an assistant got from ask checks out with get_document, through the same endpoint.
    passage = body["result"]["passages"][0]
    check = client.post("/tools/openai/call", json={"id": "call_9", "name": "get_document", "arguments": json.dumps(
        {"doc_id": passage["doc_id"], "start": passage["start"], "end": passage["end"]})}).json()
    assert not check["is_error"] and check["result"]["text"] == passage["text"]
    assert check["content"].startswith(f"[{passage['doc_id']}:{passage['start']}-{passage['end']}]")

    # The shapes OpenAI's APIs send: a Chat Completions tool_calls item and a Responses function_call.
    arguments = json.dumps({"question": REFUGEE_QUESTION})
    chat = {"id": "call_2", "type": "function", "function": {"name": "ask", "arguments": arguments}}
    responses = {"type": "function_call", "call_id": "call_3", "name": "ask", "arguments": arguments}
    for item, call_id in ((chat, "call_2"), (responses, "call_3")):
        answer = client.post("/tools/openai/call", json=item).json()
        assert answer["tool_call_id"] == call_id and answer["result"]["answered"]

    # Wrong arguments are the model's to fix: a tool result saying what was wrong (as MCP does).
    for name, arguments, fragment in [("ask", "{not json", "not valid JSON"), ("ask", '{"k": 2}', "question"),
                                      ("ask", '{"question": "  "}', "question is empty"),
                                      ("get_document", '{"doc_id": "../etc/passwd"}', "no document"),
                                      ("get_document", json.dumps({"doc_id": passage["doc_id"], "start": -1}), "start")]:
        response = client.post("/tools/openai/call", json={"id": "bad", "name": name, "arguments": arguments})
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["is_error"] and result["result"] is None and fragment in result["content"], result
    # Arguments nested past the interpreter's stack are wrong arguments too, not a server error.
    deep = client.post("/tools/openai/call", json={"name": "ask", "arguments": "[" * 5000 + "]" * 5000})
    assert deep.status_code == 200 and deep.json()["is_error"] and "nested too deeply" in deep.json()["content"]
    # A Responses item carries its own id (fc_...) and the call_id a function_call_output must name.
    item = {"type": "function_call", "id": "fc_abc", "call_id": "call_xyz", "name": "ask", "status": "completed",
            "arguments": json.dumps({"question": REFUGEE_QUESTION})}
    assert client.post("/tools/openai/call", json=item).json()["tool_call_id"] == "call_xyz"
    # A flat call with a stray field is still a flat call.
    stray = {"name": "ask", "arguments": json.dumps({"question": REFUGEE_QUESTION}), "function": {}, "call_id": 5}
    assert client.post("/tools/openai/call", json=stray).json()["result"]["answered"]
    shapes = client.get("/openapi.json").json()["paths"]["/tools/openai/call"]["post"]["requestBody"]
    assert len(shapes["content"]["application/json"]["schema"]["anyOf"]) == 3  # the spec names all three shapes
    # A call that is not a call of these tools is the client's error.
    for call in ({"name": "search", "arguments": "{}"}, {"name": "search"}, {"name": "search", "arguments": {}}):
        response = client.post("/tools/openai/call", json=call)
        assert response.status_code == 422
        assert response.json()["detail"].startswith("name: Input should be 'ask' or 'get_document'"), call
    chat = client.post("/tools/openai/call", json={"type": "function", "function": {"name": "search", "arguments": "{}"}})
    assert chat.json()["detail"] == "function.name: Input should be 'ask' or 'get_document'"
    # A flat call missing one of its fields is told that field, not a chat call's "function".
    for call, detail in (({"name": "ask"}, "arguments: Field required"),
                         ({"id": "c", "arguments": "{}"}, "name: Field required")):
        response = client.post("/tools/openai/call", json=call)
        assert response.status_code == 422 and response.json()["detail"] == detail, response.text


def test_retriever_needs_exactly_one_backend() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        CiteqaRetriever()


@pytest.fixture(params=["in-process", "http"])
def retriever_params(request: pytest.FixtureRequest, live_server: LiveServer) -> dict[str, Any]:
    if request.param == "in-process":
        return {"engine": live_server.engine}
    return {"url": live_server.url}


class TestCiteqaRetrieverStandard(RetrieversIntegrationTests):
    """LangChain's standard retriever suite, run in-process and over HTTP."""

    @pytest.fixture(autouse=True)
    def _params(self, retriever_params: dict[str, Any]) -> None:
        self._backend = retriever_params

    @property
    def retriever_constructor(self) -> type[CiteqaRetriever]:
        return CiteqaRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return dict(self._backend)

    @property
    def retriever_query_example(self) -> str:
        return REFUGEE_QUESTION


@pytest.mark.parametrize("backend", ["in-process", "http"])
def test_retriever_documents_carry_citations(backend: str, live_server: LiveServer) -> None:
    params: dict[str, Any] = {"engine": live_server.engine} if backend == "in-process" else {"url": live_server.url}
    documents = CiteqaRetriever(**params, k=5).invoke(REFUGEE_QUESTION)
    assert REFUGEE_DOCS <= {d.metadata["doc_id"] for d in documents}
    for d in documents:
        original = (live_server.corpus_dir / d.metadata["doc_id"]).read_text(encoding="utf-8")
        assert original[d.metadata["start"] : d.metadata["end"]] == d.page_content
        assert original[d.metadata["quote_start"] : d.metadata["quote_end"]] == d.metadata["quote"]
    assert CiteqaRetriever(**params).invoke("Who won the 2018 FIFA World Cup?") == []


def test_every_door_declares_the_servers_own_k_limits(live_server: LiveServer) -> None:
    """MCP's ask tool, the OpenAI tool and POST /ask's schema take max_k and default_k from the
    settings (MCP's had been fixed at 1-50, default 5, whatever the server allowed)."""
    from tests.service.conftest import serving

    settings = live_server.settings.model_copy(update={"max_k": 7, "default_k": 3})

    async def mcp_schema(url: str) -> dict[str, Any]:
        async with streamable_http_client(f"{url}/mcp") as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            tools = {t.name: t for t in (await session.list_tools()).tools}
            too_many = await session.call_tool("ask", {"question": REFUGEE_QUESTION, "k": 8})
            assert too_many.is_error
            unsaid = await session.call_tool("ask", {"question": REFUGEE_QUESTION, "abstain": False})
            assert len(unsaid.structured_content["passages"]) == 3
            return dict(tools["ask"].input_schema["properties"]["k"])

    with serving(settings, live_server.engine.with_index(live_server.engine.index)) as url:
        k = asyncio.run(mcp_schema(url))
        assert (k["maximum"], k["default"]) == (7, 3)
        openai_k = httpx.get(f"{url}/tools/openai").json()[0]["function"]["parameters"]["properties"]["k"]
        http_k = httpx.get(f"{url}/openapi.json").json()["components"]["schemas"]["AskRequest"]["properties"]["k"]
        assert openai_k["anyOf"][0]["maximum"] == http_k["anyOf"][0]["maximum"] == 7
