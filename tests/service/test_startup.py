"""Start-up: the lifespan builds in the background while /readyz says why it is not ready, and the
'never' rebuild policy refuses to start on a missing or stale index."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeqa.index.errors import IndexMismatchError
from citeqa.service.app import create_app
from citeqa.service.settings import Settings
from tests.conftest import REFUGEE_QUESTION


def test_lifespan_builds_then_becomes_ready(corpus_dir: Path, tmp_path: Path) -> None:
    settings = Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        assert client.get("/healthz").status_code == 200
        seen = []
        deadline = time.monotonic() + 120
        while (ready := client.get("/readyz")).status_code == 503:
            seen.append(ready.json()["status"])
            asked = client.post("/ask", json={"question": REFUGEE_QUESTION})
            assert asked.status_code in (200, 503)
            if asked.status_code == 503:
                assert asked.json()["error"] == "NotReadyError"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert ready.json() == {"ready": True, "status": "ready"}
        assert client.post("/ask", json={"question": REFUGEE_QUESTION}).json()["answered"]
    # The loading steps in the order the lifespan takes them (a step may pass between two polls),
    # ending with the build a fresh index folder needs; never a failure.
    steps = ["starting", "checking index", "loading model ", "reading corpus", "loading index", "building index ("]
    order = [next((i for i, step in enumerate(steps) if s == step or (step[-1] in " (" and s.startswith(step))), None)
             for s in seen]
    assert None not in order, seen  # every status is a loading step, none "failed: ..."
    assert order == sorted(order), seen  # type: ignore[type-var]  # no None, checked above
    assert "building index (no index yet" in seen[-1], seen
    assert (tmp_path / "index" / "CURRENT").exists()


def test_never_policy_refuses_a_missing_index(corpus_dir: Path, tmp_path: Path) -> None:
    settings = Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "none", rebuild="never")
    with pytest.raises(IndexMismatchError, match="no index yet.*citeqa index --corpus"):
        with TestClient(create_app(settings)):
            pass


def test_bad_settings_are_rejected() -> None:
    with pytest.raises(ValueError, match="chunk_overlap"):
        Settings(chunk_size=100, chunk_overlap=100)
