"""End to end over real HTTP: a uvicorn server in a thread, httpx as the client."""

from __future__ import annotations

import httpx
import pytest

from citeqa.service.settings import Settings
from tests.conftest import OFF_TOPIC_QUESTION, REFUGEE_DOCS, REFUGEE_QUESTION
from tests.service.conftest import LiveServer


def test_refugee_convention_cites_all_three_sources_exactly(client: httpx.Client, live_server: LiveServer) -> None:
    response = client.post("/ask", json={"question": REFUGEE_QUESTION, "k": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["answered"] is True
    assert REFUGEE_DOCS <= {p["doc_id"] for p in body["passages"]}
    scores = [p["score"] for p in body["passages"]]
    assert scores == sorted(scores, reverse=True)
    for passage in body["passages"]:
        original = (live_server.corpus_dir / passage["doc_id"]).read_text(encoding="utf-8")
        assert original[passage["start"] : passage["end"]] == passage["text"]
        quote = passage["quote"]
        assert original[quote["start"] : quote["end"]] == quote["text"]
        assert passage["start"] <= quote["start"] < quote["end"] <= passage["end"]
        # ...and the service's own document endpoint agrees with the file on disk.
        sliced = client.get(f"/documents/{passage['doc_id']}", params={"start": passage["start"], "end": passage["end"]})
        assert sliced.json()["text"] == passage["text"]
    assert body["index"]["documents"] == 5 and body["index"]["chunks"] > 0


def test_sources_say_what_each_document_says_and_weak_passages_are_flagged(
    client: httpx.Client, live_server: LiveServer
) -> None:
    body = client.post("/ask", json={"question": REFUGEE_QUESTION, "k": 5}).json()
    passages, sources = body["passages"], body["sources"]
    # The three documents that disagree on the Convention, each once, in rank order, each with the
    # quote of its best passage.
    assert REFUGEE_DOCS <= {s["doc_id"] for s in sources}
    assert len({s["doc_id"] for s in sources}) == len(sources)
    assert [s["passage"] for s in sources] == sorted(s["passage"] for s in sources)
    for source in sources:
        best = passages[source["passage"]]
        assert best["doc_id"] == source["doc_id"] and best["weak"] == source["weak"]
        assert source["quote"] == best["quote"] and source["title"] == best["title"]
        assert all(p["doc_id"] != source["doc_id"] for p in passages[: source["passage"]])
        original = (live_server.corpus_dir / source["doc_id"]).read_text(encoding="utf-8")
        assert original[source["quote"]["start"]:source["quote"]["end"]] == source["quote"]["text"]
    # Weak: under weak_ratio of the best score. Every cited document is a source; one cited only by
    # weak passages is a weak source.
    best_score, ratio = passages[0]["score"], Settings().weak_ratio
    assert [p["weak"] for p in passages] == [p["score"] < ratio * best_score for p in passages]
    assert any(p["weak"] for p in passages)
    assert {s["doc_id"] for s in sources} == {p["doc_id"] for p in passages}
    assert {s["doc_id"] for s in sources if not s["weak"]} == {p["doc_id"] for p in passages if not p["weak"]}


def test_sources_that_contradict_the_best_passage_are_listed_even_when_weak(client: httpx.Client) -> None:
    # Without "1951" the "state party" passage scores far above the two that contradict it: they
    # are weak, and still sources, after the strong one.
    body = client.post("/ask", json={"question": "Is China a party to the Refugee Convention?", "k": 5}).json()
    sources = body["sources"]
    assert REFUGEE_DOCS <= {s["doc_id"] for s in sources}
    assert [s["weak"] for s in sources] == sorted(s["weak"] for s in sources)  # strong first
    assert not sources[0]["weak"] and any(s["weak"] for s in sources)


def test_off_topic_question_abstains(client: httpx.Client) -> None:
    body = client.post("/ask", json={"question": OFF_TOPIC_QUESTION}).json()
    assert body["answered"] is False
    assert body["passages"] == []
    forced = client.post("/ask", json={"question": OFF_TOPIC_QUESTION, "k": 3, "abstain": False}).json()
    assert forced["answered"] is False and len(forced["passages"]) == 3


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ({"question": ""}, "question is empty"),
        ({"question": "   \n\t"}, "empty"),
        ({"question": "x" * 2001}, "limit is 2000"),
        ({"question": "ok?", "k": 0}, "between 1 and 50"),
        ({"question": "ok?", "k": 51}, "between 1 and 50"),
        ({"question": "ok?", "k": "5"}, "k:"),
        ({"question": 42}, "question:"),
        ({"k": 3}, "question: Field required"),
        ({"question": "ok?", "nope": 1}, "nope"),
        ([1, 2], "dictionary"),
    ],
)
def test_bad_requests_get_422_json(client: httpx.Client, payload: object, fragment: str) -> None:
    response = client.post("/ask", json=payload)
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"error", "detail"}
    assert fragment in body["detail"]


def test_malformed_json(client: httpx.Client) -> None:
    response = client.post("/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert response.status_code == 400  # unreadable, as the spec documents 400; readable but invalid is 422
    assert response.json()["error"] == "BadRequest" and "not valid JSON" in response.json()["detail"]


@pytest.mark.parametrize(
    "doc_id",
    ["../pyproject.toml", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "/etc/passwd", "nope.txt",
     "%2e%2e/%2e%2e/etc/passwd"],
)
def test_traversal_is_404_never_a_file_read(client: httpx.Client, doc_id: str) -> None:
    response = client.get(f"/documents/{doc_id}")
    assert response.status_code == 404
    assert response.json()["error"] in {"DocumentNotFoundError", "NotFound"}


def test_document_and_bad_slices(client: httpx.Client, live_server: LiveServer) -> None:
    name = sorted(REFUGEE_DOCS)[0]
    original = (live_server.corpus_dir / name).read_text(encoding="utf-8")
    whole = client.get(f"/documents/{name}").json()
    assert whole["text"] == original and whole["length"] == len(original)
    # The version serving the text is the one an answer names: a client can tell a changed document.
    answer = client.post("/ask", json={"question": "Is China a party to the Refugee Convention?"}).json()
    assert whole["built_at"] == answer["index"]["built_at"] == live_server.engine.index.manifest.built_at
    assert whole["version"] == answer["index"]["version"] == live_server.engine.index.path.name
    # Offsets are taken as Python's text[start:end] takes them; the reply says which were applied.
    backwards = client.get(f"/documents/{name}", params={"start": 5, "end": 2}).json()
    assert (backwards["start"], backwards["end"], backwards["text"]) == (2, 2, "")
    beyond = client.get(f"/documents/{name}", params={"start": 3, "end": 10**9}).json()
    assert (beyond["start"], beyond["end"], beyond["text"]) == (3, len(original), original[3:])
    assert client.get(f"/documents/{name}", params={"start": -1}).status_code == 422
    assert client.get(f"/documents/{name}", params={"start": "x"}).status_code == 422


def test_health_ready_docs(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"ready": True, "status": "ready"}
    assert client.get("/openapi.json").json()["paths"]["/ask"]["post"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()  # works with no internet
    assert client.get("/swagger-ui/swagger-ui-bundle.js").status_code == 200
    missing = client.get("/no-such-route")
    assert missing.status_code == 404 and missing.json()["error"] == "NotFound"


def test_weak_flags() -> None:
    from citeqa.service.engine import weak_flags

    assert weak_flags([0.5, 0.31, 0.29, 0.0], 0.6) == [False, False, True, True]
    assert weak_flags([0.5, 0.1], 0.0) == [False, False]  # ratio 0 flags nothing
    assert weak_flags([0.0, 0.0], 0.6) == [False, False]  # no best to be far below
    assert weak_flags([], 0.6) == []


def test_an_undeclared_method_is_405_with_allow(client: httpx.Client) -> None:
    """RFC 9110 section 15.5.6: a 405 names the methods the resource has, across its routes."""
    for path, allowed in [("/ask", "POST"), ("/documents/x.txt", "DELETE, GET, HEAD, PUT"), ("/healthz", "GET, HEAD"),
                          ("/static/app.js", "GET, HEAD")]:
        response = client.request("TRACE", path)
        assert response.status_code == 405 and response.headers["allow"] == allowed, (path, response.headers)
        assert response.json()["error"] == "MethodNotAllowed"


def test_head_is_answered_wherever_get_is(client: httpx.Client) -> None:
    """RFC 9110 section 9.3.2: the GET's status and headers, no body."""
    for path in ("/healthz", "/readyz", "/documents", "/tools/openai", "/", "/static/app.js"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200 and head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
    assert client.head("/documents/nope.txt").status_code == 404


def test_a_missing_host_is_400(live_server: LiveServer) -> None:
    import socket

    with socket.create_connection(("127.0.0.1", int(live_server.url.rsplit(":", 1)[1]))) as raw:
        raw.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")  # HTTP/1.0 lets a client omit Host
        assert raw.recv(200).split(b"\r\n")[0].endswith(b"400 Bad Request")
