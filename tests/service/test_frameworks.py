"""citeqa inside the three frameworks' own pipelines, in-process and over HTTP: LangChain (an LCEL
chain), LlamaIndex (a RetrieverQueryEngine with its MockLLM) and Haystack (a Pipeline with a
PromptBuilder and a stand-in generator). Every document carries the same citation metadata, and
a refused query surfaces with the service's own detail."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from haystack import Pipeline, component
from haystack.components.builders import AnswerBuilder, PromptBuilder
from haystack.core.errors import PipelineRuntimeError
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnableLambda, RunnablePassthrough
from llama_index.core.llms import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine
from llama_index.core.schema import MetadataMode, NodeRelationship

from citeqa.service import haystack as citeqa_haystack
from citeqa.service import langchain as citeqa_langchain
from citeqa.service import llamaindex as citeqa_llamaindex
from citeqa.service.client import CiteqaClient, CiteqaError, citation_metadata
from citeqa.service.engine import Engine
from citeqa.service.schemas import AskFilter, AskResponse, IndexInfo, Passage, QuoteSpan
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, OFF_TOPIC_QUESTION, REFUGEE_DOCS, REFUGEE_QUESTION
from tests.service.conftest import LiveServer, serving

#: What every integration's documents carry (``page`` too, where the format has pages).
CONVENTIONAL = {"source", "title", "start", "end", "score", "quote"}


@pytest.fixture(params=["in-process", "http"])
def backend(request: pytest.FixtureRequest, live_server: LiveServer) -> dict[str, Any]:
    return {"engine": live_server.engine} if request.param == "in-process" else {"url": live_server.url}


def _check_citations(metadata: list[dict[str, Any]], texts: list[str], corpus_dir: Path) -> None:
    """Each passage is its span of the file, its quote lies inside it, and the refugee question
    cites all three sources that disagree."""
    assert metadata, "no passage"
    for meta, text in zip(metadata, texts, strict=True):
        assert CONVENTIONAL <= set(meta) and meta["source"] == meta["doc_id"]
        original = (corpus_dir / meta["source"]).read_text(encoding="utf-8")
        assert original[meta["start"] : meta["end"]] == text
        assert original[meta["quote_start"] : meta["quote_end"]] == meta["quote"]
        assert "page" not in meta  # plain text has no pages
    assert REFUGEE_DOCS <= {m["source"] for m in metadata}


def test_langchain_chain(backend: dict[str, Any], live_server: LiveServer) -> None:
    retriever = citeqa_langchain.CiteqaRetriever(**backend, k=5)
    prompt = ChatPromptTemplate.from_template("Sources:\n{context}\n\nQuestion: {question}")

    def cite(documents: list[Any]) -> str:
        return "\n".join(f"[{d.metadata['source']}:{d.metadata['start']}-{d.metadata['end']}] {d.page_content}"
                         for d in documents)

    chain = {"documents": retriever, "question": RunnablePassthrough()} | RunnablePassthrough.assign(
        prompt={"context": lambda x: cite(x["documents"]), "question": lambda x: x["question"]} | prompt)
    out = chain.invoke(REFUGEE_QUESTION)
    _check_citations([d.metadata for d in out["documents"]], [d.page_content for d in out["documents"]],
                     live_server.corpus_dir)
    shown = out["prompt"].to_string()
    for d in out["documents"]:
        assert f"[{d.metadata['source']}:{d.metadata['start']}-{d.metadata['end']}]" in shown
    assert (RunnableLambda(lambda q: q) | retriever).invoke(OFF_TOPIC_QUESTION) == []  # abstains
    with pytest.raises(CiteqaError, match="question is empty") as refused:
        retriever.invoke("   ")
    assert refused.value.status == 422 and refused.value.error == "BadRequestError"


def test_llamaindex_query_engine(backend: dict[str, Any], live_server: LiveServer) -> None:
    retriever = citeqa_llamaindex.CiteqaRetriever(**backend, k=5)
    # MockLLM without max_tokens answers with the prompt it was given: what the query engine passed on.
    query_engine = RetrieverQueryEngine.from_args(retriever, llm=MockLLM())
    response = query_engine.query(REFUGEE_QUESTION)
    nodes = [hit.node for hit in response.source_nodes]
    _check_citations([n.metadata for n in nodes], [n.get_content() for n in nodes], live_server.corpus_dir)
    for hit in response.source_nodes:
        node = hit.node
        assert (node.start_char_idx, node.end_char_idx) == (node.metadata["start"], node.metadata["end"])
        assert hit.score == node.metadata["score"]
        assert node.relationships[NodeRelationship.SOURCE].node_id == node.metadata["source"]  # type: ignore[union-attr]
        shown = node.get_content(metadata_mode=MetadataMode.LLM)  # what the LLM is given
        assert f"source: {node.metadata['source']}" in shown and "quote_start" not in shown
    answer = str(response)  # the prompt: the question and the retrieved passages, as the LLM reads them
    assert REFUGEE_QUESTION in answer and len(nodes) == 5
    for node in nodes:
        assert node.get_content(metadata_mode=MetadataMode.LLM) in answer
    assert {n.metadata["source"] for n in nodes} >= REFUGEE_DOCS
    assert asyncio.run(retriever.aretrieve(OFF_TOPIC_QUESTION)) == []
    with pytest.raises(CiteqaError, match="question is empty"):
        query_engine.query("   ")


@component
class EchoGenerator:
    """A stand-in LLM: replies with the prompt's first citation, as a model citing its source would."""

    @component.output_types(replies=list[str])
    def run(self, prompt: str) -> dict[str, list[str]]:
        first = next(line for line in prompt.splitlines() if line.startswith("[1]"))
        return {"replies": [f"According to [1]: {first[4:60]}"]}


def test_haystack_pipeline(backend: dict[str, Any], live_server: LiveServer) -> None:
    pipeline = Pipeline()
    pipeline.add_component("retriever", citeqa_haystack.CiteqaRetriever(**backend, top_k=5))
    pipeline.add_component("prompt", PromptBuilder(
        template="{% for d in documents %}[{{ loop.index }}] {{ d.content }}\n{% endfor %}Question: {{ query }}",
        required_variables=["documents", "query"]))
    pipeline.add_component("llm", EchoGenerator())
    pipeline.add_component("answer", AnswerBuilder(reference_pattern=r"\[(\d+)\]"))
    pipeline.connect("retriever.documents", "prompt.documents")
    pipeline.connect("prompt.prompt", "llm.prompt")
    pipeline.connect("llm.replies", "answer.replies")
    pipeline.connect("retriever.documents", "answer.documents")
    result = pipeline.run({"retriever": {"query": REFUGEE_QUESTION}, "prompt": {"query": REFUGEE_QUESTION},
                           "answer": {"query": REFUGEE_QUESTION}}, include_outputs_from={"retriever"})
    documents = result["retriever"]["documents"]
    _check_citations([d.meta for d in documents], [d.content for d in documents], live_server.corpus_dir)
    assert [d.score for d in documents] == [d.meta["score"] for d in documents]
    answer = result["answer"]["answers"][0]
    assert [d.id for d in answer.documents] == [documents[0].id]  # the document the reply cites
    assert answer.documents[0].meta["source"] == documents[0].meta["source"]

    alone = citeqa_haystack.CiteqaRetriever(**backend)
    assert alone.run(OFF_TOPIC_QUESTION) == {"documents": []}
    assert asyncio.run(alone.run_async(REFUGEE_QUESTION, top_k=2))["documents"][0].id == documents[0].id
    with pytest.raises(PipelineRuntimeError, match="question is empty"):
        pipeline.run({"retriever": {"query": "   "}, "prompt": {"query": "   "}, "answer": {"query": "   "}})


def test_haystack_pipeline_round_trips_through_yaml(live_server: LiveServer) -> None:
    pipeline = Pipeline()
    pipeline.add_component("retriever", citeqa_haystack.CiteqaRetriever(url=live_server.url, top_k=3,
                                                                        filter={"formats": ["text"]}))
    loaded = Pipeline.loads(pipeline.dumps(), allowed_modules=["citeqa.service.haystack"])
    documents = loaded.run({"retriever": {"query": REFUGEE_QUESTION}})["retriever"]["documents"]
    assert len(documents) == 3 and REFUGEE_DOCS & {d.meta["source"] for d in documents}
    with pytest.raises(TypeError, match="in-process"):
        citeqa_haystack.CiteqaRetriever(engine=live_server.engine).to_dict()


@pytest.fixture(scope="module")
def keyed_url(model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("keyed")
    shutil.copytree(BUILTIN_CORPUS, root / "corpus")
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index", api_keys="framework-key")
    with serving(settings, Engine.start(settings, model=model)) as url:
        yield url


def test_every_retriever_sends_the_key_and_surfaces_a_refusal(keyed_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from haystack.utils import Secret

    monkeypatch.delenv("CITEQA_API_KEY", raising=False)
    keyless = [lambda q: citeqa_langchain.CiteqaRetriever(url=keyed_url).invoke(q),
               lambda q: citeqa_llamaindex.CiteqaRetriever(url=keyed_url).retrieve(q),
               lambda q: citeqa_haystack.CiteqaRetriever(url=keyed_url).run(q)["documents"]]
    for ask in keyless:
        with pytest.raises(CiteqaError, match="needs an API key") as refused:
            ask(REFUGEE_QUESTION)
        assert refused.value.status == 401
    with pytest.raises(CiteqaError, match="not one of this service's keys"):
        citeqa_langchain.CiteqaRetriever(url=keyed_url, api_key="wrong").invoke(REFUGEE_QUESTION)
    keyed = [citeqa_langchain.CiteqaRetriever(url=keyed_url, api_key="framework-key").invoke(REFUGEE_QUESTION),
             citeqa_llamaindex.CiteqaRetriever(url=keyed_url, api_key="framework-key").retrieve(REFUGEE_QUESTION),
             citeqa_haystack.CiteqaRetriever(url=keyed_url, api_key=Secret.from_token("framework-key")
                                             ).run(REFUGEE_QUESTION)["documents"]]
    assert all(len(found) == 5 for found in keyed)
    monkeypatch.setenv("CITEQA_API_KEY", "framework-key")  # Haystack's convention: the key from the environment
    assert citeqa_haystack.CiteqaRetriever(url=keyed_url).run(REFUGEE_QUESTION)["documents"]


def test_a_filter_matching_nothing_is_a_404_with_the_detail(live_server: LiveServer) -> None:
    for backend in ({"engine": live_server.engine}, {"url": live_server.url}):
        retriever = citeqa_llamaindex.CiteqaRetriever(**backend, filter=AskFilter(doc_ids=["nothing/*"]))  # type: ignore[arg-type]
        with pytest.raises(CiteqaError, match="matches no indexed document") as refused:
            retriever.retrieve(REFUGEE_QUESTION)
        assert refused.value.status == 404


def test_a_service_that_is_not_citeqa_still_gives_a_clear_error() -> None:
    """A proxy's HTML error page is not citeqa's JSON: its status and text still make the message."""
    bad_gateway = httpx.Response(502, text="<html>Bad Gateway</html>", request=httpx.Request("POST", "http://x/ask"))
    with pytest.raises(CiteqaError, match=r"Bad Gateway \(502\): <html>Bad Gateway</html>"):
        CiteqaClient._answer(bad_gateway)


def test_citation_metadata_is_flat_and_has_the_page_where_known() -> None:
    passage = Passage(doc_id="reports/q3.pdf", title="Q3", page=3, headings=["Results"], start=10, end=40,
                      text="x" * 30, score=0.8, weak=False, quote=QuoteSpan(start=12, end=20, text="x" * 8))
    response = AskResponse(question="q", answered=True, confidence=0.5, passages=[passage], sources=[],
                           index=IndexInfo(version="v20261130T000000Z-00000000", built_at="2026-11-30T00:00:00Z",
                                           documents=1, chunks=1))
    metadata = citation_metadata(passage, response)
    assert metadata["page"] == 3 and metadata["source"] == "reports/q3.pdf" and metadata["quote"] == "x" * 8
    assert all(isinstance(v, (str, int, float, bool)) or (isinstance(v, list) and all(isinstance(i, str) for i in v))
               for v in metadata.values())


@pytest.mark.parametrize("bad", [{"k": 2.5}, {"k": 0}, {"k": True}, {"question": None}, {"abstain": "no"},
                                 {"filter": {"formats": ["exe"]}}])
def test_both_paths_refuse_the_same_requests_in_the_same_words(live_server: LiveServer, bad: dict[str, Any]) -> None:
    """In-process and over HTTP, a query is validated by the /ask model first: one message each."""
    from citeqa.service.client import CiteqaClient

    details = []
    for client in (CiteqaClient(engine=live_server.engine), CiteqaClient(url=live_server.url)):
        arguments = {"question": REFUGEE_QUESTION, "k": 3, "abstain": True, "filter": None, **bad}
        with pytest.raises(CiteqaError) as refused:
            client.ask(**arguments)
        assert refused.value.status == 422
        details.append(refused.value.detail)
    assert details[0] == details[1]


def test_a_bad_k_per_call_is_refused_before_anything_is_sent() -> None:
    # Against no service at all: the k error, not "unreachable" (LangChain's invoke(q, k=0) and
    # Haystack's run(q, top_k=0) had reached the network first).
    url = "http://127.0.0.1:9"
    calls = (lambda: citeqa_langchain.CiteqaRetriever(url=url).invoke(REFUGEE_QUESTION, k=0),
             lambda: citeqa_haystack.CiteqaRetriever(url=url).run(REFUGEE_QUESTION, top_k=0),
             lambda: CiteqaClient(url=url).ask(REFUGEE_QUESTION, k=-2))
    for call in calls:
        with pytest.raises(CiteqaError) as refused:
            call()
        assert refused.value.status == 422 and "k must be between 1" in refused.value.detail


def test_dict_filters_everywhere_and_a_clear_error_when_nothing_answers(live_server: LiveServer) -> None:
    from citeqa.service.client import CiteqaUnreachableError
    from tests.service.conftest import free_port

    one = sorted(REFUGEE_DOCS)[0]
    for backend in ({"engine": live_server.engine}, {"url": live_server.url}):
        nodes = citeqa_llamaindex.CiteqaRetriever(**backend, filter={"doc_ids": [one]}).retrieve(REFUGEE_QUESTION)  # type: ignore[arg-type]
        assert nodes and {n.node.metadata["source"] for n in nodes} == {one}
    with pytest.raises(ValueError):
        citeqa_llamaindex.CiteqaRetriever(url=live_server.url, filter={"colour": "red"})
    nowhere = f"http://127.0.0.1:{free_port()}"
    for ask in (lambda: citeqa_langchain.CiteqaRetriever(url=nowhere).invoke(REFUGEE_QUESTION),
                lambda: asyncio.run(citeqa_llamaindex.CiteqaRetriever(url=nowhere).aretrieve(REFUGEE_QUESTION)),
                lambda: citeqa_haystack.CiteqaRetriever(url="127.0.0.1:9").run(REFUGEE_QUESTION)):
        with pytest.raises(CiteqaUnreachableError, match="no citeqa service answers at"):
            ask()


@pytest.mark.parametrize("k", [0, -1, 2.5, True, "3"])
def test_every_retriever_refuses_a_bad_k_when_made(k: Any, live_server: LiveServer) -> None:
    # k=0 had been accepted and failed only at the first query, with the service's 422.
    url = live_server.url
    for make in (lambda: citeqa_langchain.CiteqaRetriever(url=url, k=k),
                 lambda: citeqa_llamaindex.CiteqaRetriever(url=url, k=k),
                 lambda: citeqa_haystack.CiteqaRetriever(url=url, top_k=k)):
        with pytest.raises(ValueError, match="k"):  # pydantic's ValidationError is a ValueError
            make()
