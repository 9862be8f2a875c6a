"""A running server serves what is on disk now: a `citeqa index` run beside it is picked up within
seconds under a steady load of questions, with no failed or mixed request."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import httpx
import pytest

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS
from tests.service.conftest import serving
from tests.service.test_cli import run

FACT_QUESTION = "How many lighthouses does the island of Velmora have?"


def test_citeqa_index_beside_a_server_is_picked_up_under_load(
    model, tmp_path: Path, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    (corpus / "velmora.txt").write_text("The island of Velmora has 7 lighthouses along its northern coast.\n",
                                        encoding="utf-8")
    doomed = sorted(p.name for p in corpus.iterdir() if p.name.startswith("000_"))[0]
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", reload_interval=0.2)
    engine = Engine.start(settings, model=model)
    first_built = engine.index.path.name
    failures: list[str] = []
    seen: list[tuple[str, str]] = []  # (version, quote) of every answer
    stop = threading.Event()

    with serving(settings, engine) as url:
        def load() -> None:
            with httpx.Client(base_url=url, timeout=30) as http:
                while not stop.is_set():
                    response = http.post("/ask", json={"question": FACT_QUESTION, "k": 1})
                    if response.status_code != 200:
                        failures.append(f"{response.status_code} {response.text[:200]}")
                        continue
                    body = response.json()
                    seen.append((body["index"]["version"], body["passages"][0]["quote"]["text"]))

        workers = [threading.Thread(target=load) for _ in range(2)]
        for worker in workers:
            worker.start()
        time.sleep(0.5)
        # The fact changes and a file goes; `citeqa index` writes a new version beside the server.
        (corpus / "velmora.txt").write_text("The island of Velmora has 9 lighthouses along its northern coast.\n",
                                            encoding="utf-8")
        (corpus / doomed).unlink()
        code, _, err = run(["index", "--corpus", str(corpus), "--index", str(settings.index_dir)], capsys)
        assert code == 0, err
        indexed_at = time.monotonic()
        with httpx.Client(base_url=url, timeout=30) as http:
            while time.monotonic() - indexed_at < 10:
                body = http.post("/ask", json={"question": FACT_QUESTION, "k": 1}).json()
                if "9 lighthouses" in body["passages"][0]["quote"]["text"]:
                    break
                time.sleep(0.1)
            picked_up = time.monotonic() - indexed_at
            assert "9 lighthouses" in body["passages"][0]["quote"]["text"], "new version not served within 10 s"
            assert body["index"]["version"] != first_built
            assert http.get(f"/documents/{doomed}").status_code == 404
            assert doomed not in {d["doc_id"] for d in http.get("/documents").json()["documents"]}
        time.sleep(0.3)
        stop.set()
        for worker in workers:
            worker.join()

    assert failures == []
    assert picked_up < 5
    # Never mixed: each version answers with its own fact.
    for version, quote in seen:
        assert ("7 lighthouses" in quote) == (version == first_built), (version, quote)
    assert {b for b, _ in seen} >= {first_built}
    assert len(seen) > 10


def test_watch_reindexes_when_the_corpus_folder_changes(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", watch=True, watch_debounce_ms=200)
    with serving(settings, Engine.start(settings, model=model)) as url, httpx.Client(base_url=url, timeout=30) as http:
        time.sleep(0.5)  # the watcher is running
        (corpus / ".swap.txt").write_text("an editor's hidden swap file", encoding="utf-8")
        (corpus / "velmora.txt").write_text("The island of Velmora has 7 lighthouses along its northern coast.\n",
                                            encoding="utf-8")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            body = http.post("/ask", json={"question": FACT_QUESTION, "k": 1}).json()
            if body["passages"] and body["passages"][0]["doc_id"] == "velmora.txt":
                break
            time.sleep(0.2)
        assert body["passages"][0]["doc_id"] == "velmora.txt", "the new file was not indexed within 20 s"
        listed = {d["doc_id"] for d in http.get("/documents").json()["documents"]}
        assert "velmora.txt" in listed and ".swap.txt" not in listed
        (corpus / "velmora.txt").unlink()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and http.get("/documents/velmora.txt").status_code == 200:
            time.sleep(0.2)
        assert http.get("/documents/velmora.txt").status_code == 404


def test_watch_waits_for_quiet_before_reindexing(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A file written in three goes, 0.2 s apart, is one change: one new version, built after a
    # second and a half without changes (watchfiles' own debounce had built three).
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", watch=True, watch_debounce_ms=1500)
    engine = Engine.start(settings, model=model)
    with serving(settings, engine) as url, httpx.Client(base_url=url, timeout=30) as http:
        time.sleep(0.5)  # the watcher is running
        target = corpus / "velmora.txt"
        for part in range(3):
            with target.open("a", encoding="utf-8") as out:
                out.write(f"Part {part}: the island of Velmora has 7 lighthouses along its northern coast.\n")
            time.sleep(0.2)
        last_write = time.monotonic()
        versions = {engine.index.path.name}
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            version = http.post("/ask", json={"question": FACT_QUESTION, "k": 1}).json()["index"]["version"]
            if version not in versions:
                assert time.monotonic() - last_write > 1.2, "re-indexed before the folder was quiet"
                versions.add(version)
            if len(versions) > 1 and time.monotonic() - last_write > 6:
                break
            time.sleep(0.1)
        assert len(versions) == 2, versions  # the first version and one rebuild


def test_a_version_built_with_other_chunking_is_not_picked_up(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.index.build import build_index
    from citeqa.index.manifest import ChunkingParams
    from citeqa.corpus.reader import read_corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", reload_interval=0.1)
    engine = Engine.start(settings, model=model)
    with serving(settings, engine) as url, httpx.Client(base_url=url, timeout=30) as http:
        other = build_index(read_corpus(corpus), settings.index_dir, model, settings.model,
                            ChunkingParams(chunk_size=300, chunk_overlap=0), backend=settings.backend)
        time.sleep(0.6)
        body = http.post("/ask", json={"question": FACT_QUESTION}).json()
        assert body["index"]["chunks"] == engine.index.manifest.n_chunks != other.manifest.n_chunks
