"""One contract, every door: the same inputs through POST /ask, MCP's ask tool (Streamable HTTP),
the OpenAI tool call, the LangChain, LlamaIndex and Haystack retrievers and the Python API get the
same outcome at each: the same passages where the input is valid, a refusal where it is not.

Each refusal below was, at some point, accepted by one door and refused by another (git log:
2af54ce, 8c3ed59, f5cae01, 17c11cd): this test is what keeps the doors together.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import OFF_TOPIC_QUESTION, REFUGEE_QUESTION
from tests.service.conftest import LiveServer

Outcome = tuple[str, tuple[tuple[str, int, int], ...]]
#: (name, arguments as JSON would carry them, expected outcome: "ok" or "refused")
CASES: list[tuple[str, dict[str, Any], str]] = [
    ("valid", {"question": REFUGEE_QUESTION, "k": 3}, "ok"),
    ("k as 2.0", {"question": REFUGEE_QUESTION, "k": 2.0}, "ok"),
    ("no k", {"question": REFUGEE_QUESTION}, "ok"),
    ("closest anyway", {"question": OFF_TOPIC_QUESTION, "k": 2, "abstain": False}, "ok"),
    ("abstains", {"question": OFF_TOPIC_QUESTION, "k": 2}, "ok"),
    ("filtered", {"question": REFUGEE_QUESTION, "k": 4, "filter": {"doc_ids": ["00[34]*"]}}, "ok"),
    ("k 0", {"question": REFUGEE_QUESTION, "k": 0}, "refused"),
    ("k over max_k", {"question": REFUGEE_QUESTION, "k": 51}, "refused"),
    ("k true", {"question": REFUGEE_QUESTION, "k": True}, "refused"),
    ("k 2.5", {"question": REFUGEE_QUESTION, "k": 2.5}, "refused"),
    ("k as text", {"question": REFUGEE_QUESTION, "k": "3"}, "refused"),
    ("empty question", {"question": "", "k": 2}, "refused"),
    ("blank question", {"question": " \u200b\t", "k": 2}, "refused"),
    ("question too long", {"question": "why " * 501, "k": 2}, "refused"),
    ("abstain as text", {"question": REFUGEE_QUESTION, "abstain": "no"}, "refused"),
    ("filter matches nothing", {"question": REFUGEE_QUESTION, "filter": {"doc_ids": ["nowhere/*"]}}, "refused"),
    ("unknown format", {"question": REFUGEE_QUESTION, "filter": {"formats": ["exe"]}}, "refused"),
]


def _spans(passages: list[dict[str, Any]]) -> tuple[tuple[str, int, int], ...]:
    return tuple((p["doc_id"], p["start"], p["end"]) for p in passages)


def _http(url: str, args: dict[str, Any]) -> Outcome:
    response = httpx.post(f"{url}/ask", json=args, timeout=60)
    return ("ok", _spans(response.json()["passages"])) if response.status_code == 200 else ("refused", ())


def _openai(url: str, args: dict[str, Any]) -> Outcome:
    result = httpx.post(f"{url}/tools/openai/call", json={"name": "ask", "arguments": json.dumps(args)},
                        timeout=60).json()
    return ("refused", ()) if result["is_error"] else ("ok", _spans(result["result"]["passages"]))


def _mcp(url: str, args: dict[str, Any]) -> Outcome:
    from mcp.client.session import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async def run() -> Outcome:
        async with streamable_http_client(f"{url}/mcp") as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("ask", args)
            if result.is_error:
                return "refused", ()
            return "ok", _spans((result.structured_content or {})["passages"])

    return asyncio.run(run())


def _python(url: str, args: dict[str, Any], live: LiveServer) -> Outcome:
    from citeqa.service.api import Citeqa
    from citeqa.service.errors import ServiceError

    try:
        response = Citeqa(live.engine).ask(args["question"], args.get("k"), abstain=args.get("abstain", True),
                                           filter=args.get("filter"))
    except ServiceError:
        return "refused", ()
    return "ok", _spans([p.model_dump() for p in response.passages])


def _retriever(framework: str) -> Callable[[str, dict[str, Any]], Outcome]:
    """A retriever over the service, made with the case's k, abstain and filter, asked its question."""

    def door(url: str, args: dict[str, Any]) -> Outcome:
        from pydantic import ValidationError

        from citeqa.service.client import CiteqaError

        options = {"abstain": args.get("abstain", True), "filter": args.get("filter")}
        try:
            if framework == "langchain":
                from citeqa.service.langchain import CiteqaRetriever as LangChain

                docs = LangChain(url=url, **options, **({"k": args["k"]} if "k" in args else {})).invoke(
                    args["question"])
                metadata = [d.metadata for d in docs]
            elif framework == "llamaindex":
                from citeqa.service.llamaindex import CiteqaRetriever as LlamaIndex

                nodes = LlamaIndex(url=url, **options, **({"k": args["k"]} if "k" in args else {})).retrieve(
                    args["question"])
                metadata = [n.node.metadata for n in nodes]
            else:
                from haystack.utils import Secret

                from citeqa.service.haystack import CiteqaRetriever as Haystack

                retriever = Haystack(url=url, api_key=Secret.from_token("unused"), **options,
                                     **({"top_k": args["k"]} if "k" in args else {}))
                metadata = [d.meta for d in retriever.run(args["question"])["documents"]]
        except (ValueError, TypeError, ValidationError, CiteqaError):
            return "refused", ()
        return "ok", tuple((m["doc_id"], m["start"], m["end"]) for m in metadata)

    return door


@pytest.mark.parametrize(("name", "args", "expected"), CASES, ids=[c[0] for c in CASES])
def test_every_door_gives_the_same_outcome(live_server: LiveServer, name: str, args: dict[str, Any],
                                           expected: str) -> None:
    url = live_server.url
    doors: dict[str, Callable[[], Outcome]] = {
        "http": lambda: _http(url, args),
        "openai": lambda: _openai(url, args),
        "mcp": lambda: _mcp(url, args),
        "python": lambda: _python(url, args, live_server),
        **{framework: (lambda f=framework: _retriever(f)(url, args))  # type: ignore[misc]
           for framework in ("langchain", "llamaindex", "haystack")},
    }
    outcomes = {door: run() for door, run in doors.items()}
    assert {door: o[0] for door, o in outcomes.items()} == dict.fromkeys(doors, expected), (name, outcomes)
    assert len({o[1] for o in outcomes.values()}) == 1, (name, outcomes)  # the same passages, or none
