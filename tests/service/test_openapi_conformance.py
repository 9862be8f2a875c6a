"""The OpenAPI spec tells the truth: schemathesis's own CLI, every check, every phase, 0 failures.

What `--checks all` holds the service to: schema-valid requests are accepted (2xx, or 401, 403,
404, 409 where the resource says no) and schema-invalid ones rejected with a 4xx; every status,
content type, header and body a route returns is the one its spec documents; undeclared methods get
405 with ``Allow``; with keys, the bearer scheme is enforced; a document PUT can be read back and
one DELETEd cannot (the stateful phase chains them). Run as the README gives it, on a read-only
server (the default) it changes no byte of the corpus folder, and on a ``--writable`` one every
file it replaced or deleted is restored byte for byte from the history. Bounded: a fixed seed and a fixed number of
examples per operation, so a run takes tens of seconds and fails only on a real finding.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import httpx

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, ROOT
from tests.service.conftest import serving

EXAMPLES = 60
SEED = "20261130"


def _schemathesis(url: str, cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``schemathesis run URL/openapi.json --checks all`` over all four phases, from a folder with
    no schemathesis.toml (so nothing but these flags configures it)."""
    return subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{url}/openapi.json", "--checks", "all",
         "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(EXAMPLES), "--seed", SEED,
         "--request-timeout", "60", "--no-color", *extra],
        cwd=cwd, capture_output=True, text=True, timeout=900, check=False,
    )


def _passed(run: subprocess.CompletedProcess[str]) -> None:
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-6000:]
    assert "failure" not in report.lower().replace("0 failures", ""), report[-6000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in report, report[-3000:]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_schemathesis_with_every_check_and_a_key_finds_nothing(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"  # a copy: the stateful phase writes and deletes documents
    shutil.copytree(BUILTIN_CORPUS, corpus)
    config = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", api_keys="conformance-key", writable=True)
    with serving(config, Engine.start(config, model=model)) as url:
        spec = httpx.get(f"{url}/openapi.json").json()
        assert "securitySchemes" in spec["components"]
        _passed(_schemathesis(url, tmp_path, "-H", "Authorization: Bearer conformance-key"))


#: The README's own contract check, word for word but the URL.
README_COMMAND = "schemathesis run {url}/openapi.json --checks all --max-examples 100 --seed 1"


def _readme_command(url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_COMMAND.format(url="http://127.0.0.1:8000") in readme  # the test runs what the README says
    argv = README_COMMAND.format(url=url).split()
    return subprocess.run([sys.executable, "-m", "schemathesis.cli", *argv[1:], "--no-color"], cwd=cwd,
                          capture_output=True, text=True, timeout=900, check=False)


def test_the_readme_fuzz_leaves_a_read_only_servers_folder_byte_identical(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    before = _files(corpus)
    config = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")  # the defaults: read-only
    with serving(config, Engine.start(config, model=model)) as url:
        _passed(_readme_command(url, tmp_path))
    assert _files(corpus) == before


def test_after_the_readme_fuzz_on_a_writable_server_every_original_is_restorable(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    before = _files(corpus)
    config = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    with serving(config, Engine.start(config, model=model)) as url:
        _passed(_readme_command(url, tmp_path))
        after = _files(corpus)
        changed = [doc_id for doc_id, data in before.items() if after.get(doc_id) != data]
        assert changed, "the fuzz changed nothing: this test would prove nothing"
        for doc_id in changed:
            digest = hashlib.sha256(before[doc_id]).hexdigest()
            restored = httpx.post(f"{url}/documents/{doc_id}/restore", json={"sha256": digest}, timeout=120)
            assert restored.status_code == 200, restored.text
    after = _files(corpus)
    assert {d: hashlib.sha256(after[d]).hexdigest() for d in before} == {
        d: hashlib.sha256(data).hexdigest() for d, data in before.items()}
