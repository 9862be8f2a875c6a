"""The README's examples are real: its settings table and its curl example's output."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from citeqa.service.settings import Settings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_settings_table_lists_every_setting() -> None:
    documented = set(re.findall(r"^\| `CITEQA_([A-Z_]+)` \|", README, flags=re.MULTILINE))
    assert documented == {name.upper() for name in Settings.model_fields}


def test_curl_example_output_is_what_the_service_returns(client: httpx.Client) -> None:
    request = json.loads(re.search(r"-d '(\{.*?\})'", README, flags=re.DOTALL).group(1))  # type: ignore[union-attr]
    shown = json.loads(re.search(r"```json\n(.*?)\n```", README, flags=re.DOTALL).group(1))  # type: ignore[union-attr]
    live = client.post("/ask", json=request).json()
    assert live["answered"] == shown["answered"] and live["question"] == shown["question"]
    assert live["index"]["chunks"] == shown["index"]["chunks"]
    # Spans, texts and quotes exactly; scores approximately (float kernels differ between CPUs).
    exact = lambda p: {k: v for k, v in p.items() if k != "score"}  # noqa: E731
    assert [exact(p) for p in live["passages"]] == [exact(p) for p in shown["passages"]]
    assert [p["score"] for p in live["passages"]] == pytest.approx([p["score"] for p in shown["passages"]], abs=2e-3)
    assert live["sources"] == shown["sources"]


def _framework_examples() -> dict[str, str]:
    """The Python examples of the README's framework paragraph, by framework."""
    section = README[README.index("**LangChain, LlamaIndex, Haystack.**") : README.index("## Documents")]
    blocks = re.findall(r"```python\n(.*?)\n```", section, flags=re.DOTALL)
    return dict(zip(["langchain", "llamaindex", "haystack"], blocks, strict=True))


@pytest.mark.parametrize("framework", ["langchain", "llamaindex", "haystack"])
def test_framework_examples_run_and_print_citations(framework: str, live_server, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    code = _framework_examples()[framework]
    assert framework.replace("llamaindex", "llama_index") in code  # the block is the one it claims to be
    exec(compile(code.replace("http://127.0.0.1:8000", live_server.url), f"README[{framework}]", "exec"), {})
    printed = capsys.readouterr().out
    cited = re.findall(r"\[([^\[\]:]+):(\d+)-(\d+)\]", printed)
    assert len(cited) >= 3, printed
    for doc_id, start, end in cited:  # every printed citation is a real span of a real file
        original = (live_server.corpus_dir / doc_id).read_text(encoding="utf-8")
        assert 0 <= int(start) < int(end) <= len(original)
    assert {"004_503d341e454f2bd7.txt", "003_2e2000c2874b0a21.txt", "002_d5d38c210de432a5.txt"} <= {c[0] for c in cited}


def test_python_api_example_runs(tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """The README's Python example, as written: the index lands in the (temporary) data folder."""
    import citeqa

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    section = README[README.index("## From Python") : README.index("## Deploying")]
    code = re.search(r"```python\n(.*?)\n```", section, flags=re.DOTALL).group(1)  # type: ignore[union-attr]
    exec(compile(code, "README[python]", "exec"), {})
    printed = capsys.readouterr().out
    assert len(re.findall(r"^\[[^\]]+:\d+-\d+\] ", printed, flags=re.MULTILINE)) == 5
    assert f"citeqa {citeqa.__version__}" in printed and citeqa.__version__[0].isdigit()
    assert list((tmp_path / "data" / "citeqa" / "indexes").iterdir())  # the default index folder
