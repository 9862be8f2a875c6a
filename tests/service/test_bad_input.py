"""Bad input, all of it answered cleanly: a 4xx with a JSON error, never a 500 or a trace."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import httpx
import pytest
import schemathesis
from schemathesis.generation import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, REFUGEE_DOCS
from tests.service.conftest import LiveServer, serving

DOC = sorted(REFUGEE_DOCS)[0]


def _json_error(response: httpx.Response, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "detail"} and "Traceback" not in body["detail"]
    return body  # type: ignore[no-any-return]


def test_body_over_the_limit_is_413(client: httpx.Client) -> None:
    huge = json.dumps({"question": "a" * 1_000_000}).encode()
    _json_error(client.post("/ask", content=huge, headers={"content-type": "application/json"}), 413)

    def chunks():  # no Content-Length: the limit is counted while streaming
        for start in range(0, len(huge), 65536):
            yield huge[start : start + 65536]

    _json_error(client.post("/ask", content=chunks(), headers={"content-type": "application/json"}), 413)


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b'{"question": "\xff\xfe abc"}', "application/json", 400),  # invalid UTF-8
        (b'{"question": "hi"}', "text/plain", 422),  # wrong content type
        (b"question=hi", "application/x-www-form-urlencoded", 422),
        (b"", "application/json", 422),
        (b"null", "application/json", 422),
        (b'{"question": "x", "k": -3}', "application/json", 422),
        (b'{"question": "x", "k": 1e9}', "application/json", 422),
        (b'{"question": "x", "k": ' + b"9" * 5000 + b"}", "application/json", 400),
        (b'{"question": "x", "abstain": "no"}', "application/json", 422),
        (b'{"question": "\\ud800 dam"}', "application/json", 422),  # a lone surrogate: valid JSON
    ],
)
def test_malformed_bodies(client: httpx.Client, content: bytes, content_type: str, status: int) -> None:
    _json_error(client.post("/ask", content=content, headers={"content-type": content_type}), status)


@pytest.mark.parametrize("question", ["\u200b\u200b\ufeff", "\u0001\u0002\u0003", "\u202e\u200f \u200b", "\u00ad\n",
                                      "\ufe0f\u034f", "\u115f\u3164"])
def test_a_question_of_invisible_characters_is_empty(client: httpx.Client, question: str) -> None:
    response = client.post("/ask", json={"question": question})
    assert response.status_code == 422 and "question is empty" in response.json()["detail"], response.text


def test_an_unparsable_body_is_told_why(client: httpx.Client) -> None:
    # FastAPI says "There was an error parsing the body" for both.
    invalid = client.post("/ask", content=b'{"question": "caf\xe9?"}', headers={"content-type": "application/json"})
    assert invalid.status_code == 400 and "not valid UTF-8 (byte 17" in invalid.json()["detail"]
    deep = b'{"question": ' + b"[" * 30000 + b"]" * 30000 + b"}"
    nested = client.post("/ask", content=deep, headers={"content-type": "application/json"})
    assert nested.status_code == 400 and nested.json()["detail"] == "the body's JSON is nested too deeply"


@pytest.mark.parametrize(
    "question",
    ["a", "the of and is", "?!.,;:", "中国是否加入了1951年难民公约？", "Корея беженцы", "a\u0000b\u0007c\u200b", "😀" * 50],
)
def test_odd_questions_are_answered_or_abstained(client: httpx.Client, question: str) -> None:
    response = client.post("/ask", json={"question": question})
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body["answered"], bool) and body["question"] == question


def test_ten_thousand_words_is_a_clear_422(client: httpx.Client) -> None:
    body = _json_error(client.post("/ask", json={"question": "word " * 10_000}), 422)
    assert "limit is 2000" in body["detail"]


@pytest.mark.parametrize(
    "doc_id",
    ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd", "..\\..\\etc\\passwd",
     "%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/etc/passwd", "%2Fetc%2Fpasswd", "C:\\Windows\\win.ini", "", "%00"],
)
@pytest.mark.parametrize("route", ["/documents/", "/view/"])
def test_path_traversal_on_every_path_parameter(client: httpx.Client, route: str, doc_id: str) -> None:
    response = client.get(route + doc_id)
    assert response.status_code in (404, 422), response.text
    assert "root:" not in response.text and response.json()["error"]


def _fuzz(url: str, methods: set[str], headers: dict[str, str] | None = None) -> set[str]:
    """Run schemathesis over the operations of ``url``'s spec with these methods (sending
    ``headers``, e.g. an API key); return their paths."""
    api = schemathesis.openapi.from_url(f"{url}/openapi.json")
    operations = [op for op in (result.ok() for result in api.get_all_operations()) if op.method.upper() in methods]
    for operation, mode in itertools.product(operations, list(GenerationMode)):

        @given(case=operation.as_strategy(mode))
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            response = case.call(timeout=60, headers=headers)
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
            # The spec declares the bearer scheme, so a negative case may drop or spoil the key.
            assert headers is None or response.status_code != 401 or mode is GenerationMode.NEGATIVE, \
                "the key was refused"
            if response.status_code >= 400:
                assert set(response.json()) == {"error", "detail"}

        try:
            check()
        except Unsatisfiable:
            # No invalid request exists for an operation whose only inputs are free strings in the
            # path (DELETE /documents/{doc_id}) or that has none (GET /healthz).
            assert mode is GenerationMode.NEGATIVE and not operation.body
            assert all(p.location == "path" for p in operation.iter_parameters())
    return {op.path for op in operations}


def test_openapi_fuzz_never_a_server_error(live_server: LiveServer) -> None:
    """schemathesis generates valid and invalid requests for every reading operation of the OpenAPI
    spec (bounded: 40 examples per operation and mode); the writing ones run on their own server."""
    paths = _fuzz(live_server.url, {"GET", "POST"})
    assert paths >= {"/ask", "/documents/{doc_id}", "/tools/openai/call"}


def test_openapi_fuzz_of_document_writes_and_with_a_key_never_a_server_error(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    config = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    with serving(config, Engine.start(config, model=model)) as url:
        assert _fuzz(url, {"PUT", "DELETE"}) == {"/documents/{doc_id}"}
        assert httpx.get(f"{url}/readyz").status_code == 200
    keyed = config.model_copy(update={"api_keys": "fuzz-key"})
    with serving(keyed, Engine.start(keyed, model=model)) as url:
        assert _fuzz(url, {"GET", "POST", "PUT", "DELETE"}, {"Authorization": "Bearer fuzz-key"}) >= {"/ask"}


def test_a_lone_surrogate_fails_alone_not_the_requests_batched_with_it(client: httpx.Client) -> None:
    from concurrent.futures import ThreadPoolExecutor

    bad = b'{"question": "\\udc80 border crossing"}'
    questions = [f"Where do refugees cross the border, case {i}?" for i in range(12)]
    with ThreadPoolExecutor(8) as pool:
        bad_replies = [pool.submit(client.post, "/ask", content=bad, headers={"content-type": "application/json"})
                       for _ in range(4)]
        good_replies = [pool.submit(client.post, "/ask", json={"question": q}) for q in questions]
        assert [r.result().status_code for r in bad_replies] == [422] * 4
        assert [r.result().status_code for r in good_replies] == [200] * len(questions)
