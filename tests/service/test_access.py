"""No one in where not let in: named keys with scopes and document globs, over HTTP, the OpenAI
tools, MCP and the engine; a document outside a key's globs is a missing one (404, never 403), and
never shows in passages, sources, listings or counts. The page's side is in test_page.py."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st
from pydantic import SecretStr

from citeqa.service.access import Access, ApiKey, read_keys_file
from citeqa.service.engine import Engine
from citeqa.service.errors import KeysFileError
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, REFUGEE_QUESTION
from tests.service.conftest import serving

HR_DOCS = {
    "hr/onboarding.md": "# Onboarding\n\nThe first step of onboarding is collecting your laptop from IT.\n\n"
                        "Refugee staff from China get help with the Convention paperwork in their first week.\n",
    "hr/leave.txt": "Annual leave is 25 days. Parental leave is 16 weeks, paid in full.\n",
}
OTHER_DOCS = {
    "finance/budget.txt": "The 2027 budget for refugee programmes is 4.2 million euros.\n",
}
KEYS = """\
# citeqa keys: one table per key
[keys.hr-reader]
key = "hr-reader-secret"
scopes = ["read"]
docs = ["hr/**"]

[keys.hr-writer]
key = "hr-writer-secret"
scopes = ["write"]
docs = ["hr/**"]

[keys.admin]
key = "admin-secret"
scopes = ["admin"]
"""
QUESTIONS = [REFUGEE_QUESTION, "What is the first step of onboarding?", "How long is parental leave?",
             "What is the budget for refugee programmes?", "Why do North Korean refugees go to China?"]


@dataclass
class Scoped:
    url: str
    corpus: Path
    engine: Engine
    settings: Settings


@pytest.fixture(scope="module")
def scoped(model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scoped]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("scoped")
    corpus = root / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    for doc_id, text in {**HR_DOCS, **OTHER_DOCS}.items():
        (corpus / doc_id).parent.mkdir(parents=True, exist_ok=True)
        (corpus / doc_id).write_text(text, encoding="utf-8")
    keys = root / "keys.toml"
    keys.write_text(KEYS, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", keys_file=keys, writable=True)
    engine = Engine.start(settings, model=model)
    with serving(settings, engine) as url:
        yield Scoped(url, corpus, engine, settings)


def _client(scoped: Scoped, key: str) -> httpx.Client:
    return httpx.Client(base_url=scoped.url, timeout=60, headers={"Authorization": f"Bearer {key}"})


def _cited(answer: dict) -> set[str]:  # type: ignore[type-arg]
    return {p["doc_id"] for p in answer["passages"]} | {s["doc_id"] for s in answer["sources"]}


def test_an_hr_key_sees_hr_documents_only(scoped: Scoped) -> None:
    with _client(scoped, "hr-reader-secret") as http, _client(scoped, "admin-secret") as admin:
        for question in QUESTIONS:
            for abstain in (True, False):
                answer = http.post("/ask", json={"question": question, "k": 10, "abstain": abstain}).json()
                assert _cited(answer) <= set(HR_DOCS), (question, _cited(answer))
                assert answer["index"]["documents"] == len(HR_DOCS)
                assert answer["index"]["chunks"] == sum(scoped.engine.index.manifest.documents[d].chunks
                                                        for d in HR_DOCS)
        # the same questions reach the other documents with a key that sees them
        everything = admin.post("/ask", json={"question": REFUGEE_QUESTION, "k": 10, "abstain": False}).json()
        assert _cited(everything) - set(HR_DOCS)
        listed = http.get("/documents").json()
        assert {d["doc_id"] for d in listed["documents"]} == set(HR_DOCS) and listed["skipped"] == []
        first = http.post("/ask", json={"question": "What is the first step of onboarding?"}).json()
        assert first["answered"] and first["passages"][0]["doc_id"] == "hr/onboarding.md"


@pytest.mark.parametrize("path", ["/documents/{}", "/documents/{}?start=0&end=5", "/view/{}", "/view/{}?start=0&end=4"])
def test_a_hidden_document_is_indistinguishable_from_a_missing_one(scoped: Scoped, path: str) -> None:
    with _client(scoped, "hr-reader-secret") as http:
        hidden = http.get(path.format("finance/budget.txt"))
        missing = http.get(path.format("finance/nothing.txt"))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["error"] == missing.json()["error"] == "DocumentNotFoundError"
    assert hidden.json()["detail"].replace("budget", "X") == missing.json()["detail"].replace("nothing", "X")


def test_a_filter_for_hidden_documents_matches_nothing(scoped: Scoped) -> None:
    with _client(scoped, "hr-reader-secret") as http:
        hidden = http.post("/ask", json={"question": REFUGEE_QUESTION, "filter": {"doc_ids": ["finance/*"]}})
        missing = http.post("/ask", json={"question": REFUGEE_QUESTION, "filter": {"doc_ids": ["nowhere/*"]}})
    assert hidden.status_code == missing.status_code == 404 and hidden.json() == missing.json()


def test_openai_tools_apply_the_keys_globs(scoped: Scoped) -> None:
    with _client(scoped, "hr-reader-secret") as http:
        asked = http.post("/tools/openai/call", json={"name": "ask", "arguments": f'{{"question": "{REFUGEE_QUESTION}",'
                                                                                   ' "abstain": false, "k": 8}'})
        assert asked.status_code == 200 and _cited(asked.json()["result"]) <= set(HR_DOCS)
        read = http.post("/tools/openai/call", json={"name": "get_document",
                                                     "arguments": '{"doc_id": "finance/budget.txt"}'}).json()
        assert read["is_error"] and read["content"].startswith("DocumentNotFoundError")


def test_scopes_decide_who_may_write(scoped: Scoped) -> None:
    with _client(scoped, "hr-reader-secret") as reader, _client(scoped, "hr-writer-secret") as writer, \
            _client(scoped, "admin-secret") as admin:
        refused = reader.put("/documents/hr/new.txt", content=b"A new policy on remote work.")
        assert refused.status_code == 403 and refused.json()["error"] == "ScopeError"
        assert "hr-reader" in refused.json()["detail"] and "hr-reader-secret" not in refused.text
        assert not (scoped.corpus / "hr" / "new.txt").exists()
        created = writer.put("/documents/hr/new.txt", content=b"A new policy on remote work: two days a week.")
        assert created.status_code == 201, created.text
        assert created.json()["index"]["documents"] == len(HR_DOCS) + 1  # the counts it sees
        # outside its globs: the write goes nowhere, and the answer says nothing of what exists there
        for doc_id in ("finance/budget.txt", "finance/new.txt"):
            outside = writer.put(f"/documents/{doc_id}", content=b"overwritten")
            assert outside.status_code == 404, outside.text
        assert writer.delete("/documents/finance/budget.txt").status_code == 404
        assert (scoped.corpus / "finance" / "budget.txt").read_text(encoding="utf-8") == OTHER_DOCS["finance/budget.txt"]
        # history and restore: admin only
        assert writer.get("/documents/hr/new.txt/history").status_code == 403
        assert writer.delete("/documents/hr/new.txt").status_code == 200
        history = admin.get("/documents/hr/new.txt/history").json()["versions"]
        assert [v["key"] for v in history] == ["hr-writer"]  # the key's name, never the key
        assert writer.post("/documents/hr/new.txt/restore", json={}).status_code == 403
        assert admin.post("/documents/hr/new.txt/restore", json={}).status_code == 200
        assert admin.delete("/documents/hr/new.txt").status_code == 200


def test_mcp_tools_and_resources_apply_the_keys_globs(scoped: Scoped) -> None:
    import httpx2
    from mcp.client.session import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async def run(key: str) -> tuple[set[str], bool, str, bool]:
        async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=60) as http, \
                streamable_http_client(f"{scoped.url}/mcp", http_client=http) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            asked = await session.call_tool("ask", {"question": REFUGEE_QUESTION, "k": 10, "abstain": False})
            answer = asked.structured_content or {}
            document = await session.call_tool("get_document", {"doc_id": "finance/budget.txt"})
            text = document.content[0].text if document.content else ""  # type: ignore[union-attr]
            try:
                await session.read_resource("citeqa://documents/finance/budget.txt")
                resource_read = True
            except Exception:  # the SDK raises the server's ResourceError as an MCP error
                resource_read = False
            return _cited(answer), bool(document.is_error), text, resource_read

    cited, refused, text, resource_read = asyncio.run(run("hr-reader-secret"))
    assert cited <= set(HR_DOCS) and refused and "DocumentNotFoundError" in text and not resource_read
    cited, refused, text, resource_read = asyncio.run(run("admin-secret"))
    assert cited - set(HR_DOCS) and not refused and "4.2 million" in text and resource_read


# --- the rule itself, with random globs and questions ---------------------------------------------------

GLOBS = ["hr/**", "hr/*.md", "*.pdf", "finance/*", "*.txt", "00*", "*_503d341e454f2bd7.txt", "hr/leave.txt", "*"]


@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(globs=st.lists(st.sampled_from(GLOBS), min_size=1, max_size=3, unique=True),
       question=st.sampled_from(QUESTIONS) | st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=3,
                                                     max_size=40).filter(str.strip),
       k=st.integers(1, 12), abstain=st.booleans())
def test_no_passage_source_or_count_outside_the_globs(scoped: Scoped, globs: list[str], question: str, k: int,
                                                       abstain: bool) -> None:
    access = Access(ApiKey("random", SecretStr("x"), frozenset({"read"}), tuple(globs)))
    engine = scoped.engine
    visible = {d for d in engine.index.documents if any(fnmatchcase(d, g) for g in globs)}
    answer = engine.ask(question, k, abstain, access=access)
    assert {p.doc_id for p in answer.passages} | {s.doc_id for s in answer.sources} <= visible
    assert answer.index.documents == len(visible)
    assert answer.index.chunks == sum(engine.index.manifest.documents[d].chunks for d in visible)
    assert {d.doc_id for d in engine.documents(access).documents} == visible
    if not abstain and visible:
        assert answer.passages  # the search ran among what it sees, and found the closest


# --- the keys file -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line", "message"), [
    ('[keys.a]\nkey = "k"\nscopes = ["read"\n', None, "not valid TOML"),
    ('[keys.a]\nkey = "k1"\nscopes = ["read"]\n\n[keys.b]\nkey = "k2"\n', 5, "keys.b: no scopes"),
    ('[keys.a]\nkey = "k1"\nscopes = []\n', 3, "no scopes"),
    ('[keys.a]\nkey = "k1"\nscopes = ["read", "delete"]\n', 3, "unknown scope(s) ['delete']"),
    ('[keys.a]\nkey = "k1"\nscopes = ["read"]\ndocs = ["hr/**", "payroll/**"]\n', 4, "'payroll/**' matches no document"),
    ('[keys.a]\nscopes = ["read"]\n', 1, "`key` must be a non-empty string"),
    ('[keys.a]\nkey = "same"\nscopes = ["read"]\n[keys.b]\nkey = "same"\nscopes = ["read"]\n', 5, "the same secret"),
    ('[keys.a]\nkey = "k1"\nscopes = ["read"]\nglobs = ["hr/**"]\n', 4, "unknown field(s) ['globs']"),
    ('[keys."a b"]\nkey = "k1"\nscopes = ["read"]\n', 1, "key name 'a b'"),
    ('[other]\nx = 1\n', None, "unknown top-level"),
    ('[keys]\na = { key = "k1", scopes = ["read"] }\nb = { key = "k2", scopes = [] }\n', 3, "keys.b: no scopes"),
    ('keys.a.key = "k1"\nkeys.a.scopes = ["read"]\nkeys.b.key = "k2"\nkeys.b.scopes = []\n', 4, "keys.b: no scopes"),
    ('[keys.a]\nkey = "k1"\nscopes = "read"\n', 3, "scopes must be a list"),
])
def test_a_bad_keys_file_is_refused_naming_the_line(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KeysFileError) as caught:
        read_keys_file(path, ["hr/leave.txt", "hr/onboarding.md"])
    assert message in str(caught.value) and str(path) in str(caught.value)
    if line is not None:
        assert f", line {line}:" in str(caught.value)


def test_a_bad_keys_file_stops_start_up(scoped: Scoped, tmp_path: Path) -> None:
    from citeqa.service.app import create_app
    from citeqa.service.cli import main

    path = tmp_path / "keys.toml"
    path.write_text('[keys.a]\nkey = "k1"\nscopes = ["read"]\ndocs = ["payroll/**"]\n', encoding="utf-8")
    with pytest.raises(KeysFileError, match="line 4"):
        create_app(scoped.settings.model_copy(update={"keys_file": path}))
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--corpus", str(scoped.corpus), "--index", str(tmp_path / "i"), "--keys-file", str(path)])
    assert stopped.value.code == 1


def test_secrets_stay_out_of_reprs_and_dumps(scoped: Scoped) -> None:
    settings = scoped.settings.model_copy(update={"api_keys": SecretStr("plain-secret")})
    ring = settings.key_ring()
    assert "plain-secret" not in repr(settings) + settings.model_dump_json() + repr(ring.keys)
    assert "hr-reader-secret" not in repr(ring.keys)
    assert Settings.model_validate_json(settings.carried_json()).keys() == settings.keys()  # workers, Ray


def test_a_scoped_key_gets_the_answers_of_a_corpus_without_the_hidden_documents(
        scoped: Scoped, model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Not only the passages: the scores and the confidence too. Corpus-wide statistics (BM25's
    idf and average length, the vocabulary behind spelling correction and the confidence) would
    let a key learn which words the hidden documents hold; a word only they hold must change
    nothing (a tester's probe: "office opens quartermaine" had moved the confidence 0.32 -> 0.45)."""
    alone = tmp_path / "hr-only"
    for doc_id, text in HR_DOCS.items():
        (alone / doc_id).parent.mkdir(parents=True, exist_ok=True)
        (alone / doc_id).write_text(text, encoding="utf-8")
    only_hr = Engine.start(Settings(corpus_dir=alone, index_dir=tmp_path / "index"), model=model)
    access = Access(ApiKey("hr", SecretStr("x"), frozenset({"read"}), ("hr/**",)))
    hidden_word = "Millionen"  # nowhere but in a hidden document (below)
    (scoped.corpus / "finance" / "plan.txt").write_text(f"Der Plan: vier {hidden_word} Euro.\n", encoding="utf-8")
    engine = scoped.engine.reindex()
    try:
        for question in [*QUESTIONS, f"What is the budget? {hidden_word}", "When does onboarding start? budgett",
                         "refugee programmes budget euros"]:
            for abstain in (True, False):
                got = engine.ask(question, 5, abstain, access=access)
                want = only_hr.ask(question, 5, abstain)
                assert got.answered == want.answered and abs(got.confidence - want.confidence) < 1e-5, question
                assert [(p.doc_id, p.start, p.end, p.quote.start) for p in got.passages] == [
                    (p.doc_id, p.start, p.end, p.quote.start) for p in want.passages], question
                assert all(abs(a.score - b.score) < 1e-5 for a, b in zip(got.passages, want.passages)), question
    finally:
        (scoped.corpus / "finance" / "plan.txt").unlink()
        scoped.engine.reindex()
