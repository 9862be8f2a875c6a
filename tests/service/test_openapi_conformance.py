"""The OpenAPI spec tells the truth: schemathesis's own CLI, every check, every phase, 0 failures.

What `--checks all` holds the service to: schema-valid requests are accepted (2xx, or 401, 403,
404, 409 where the resource says no) and schema-invalid ones rejected with a 4xx; every status,
content type, header and body a route returns is the one its spec documents; undeclared methods get
405 with ``Allow``; with keys, the bearer scheme is enforced; a document PUT can be read back and
one DELETEd cannot (the stateful phase chains them). Bounded: a fixed seed and a fixed number of
examples per operation, so a run takes tens of seconds and fails only on a real finding.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS
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


@pytest.mark.parametrize("keyed", [False, True], ids=["open", "with-keys"])
def test_schemathesis_with_every_check_finds_nothing(model, tmp_path: Path, keyed: bool) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"  # a copy: the stateful phase writes and deletes documents
    shutil.copytree(BUILTIN_CORPUS, corpus)
    config = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", api_keys="conformance-key" if keyed else "")
    with serving(config, Engine.start(config, model=model)) as url:
        spec = httpx.get(f"{url}/openapi.json").json()
        assert ("securitySchemes" in spec["components"]) is keyed
        extra = ("-H", "Authorization: Bearer conformance-key") if keyed else ()
        run = _schemathesis(url, tmp_path, *extra)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-6000:]
    assert "failure" not in report.lower().replace("0 failures", ""), report[-6000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in report, report[-3000:]
