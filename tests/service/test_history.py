"""Nothing lost: a server is read-only unless asked, and a write saves the bytes it displaces in
the index folder's history, from which HTTP, the CLI and the Python API restore them byte for byte.

The slow test SIGKILLs a process that replaces and deletes corpus files through
:func:`citeqa.service.writes.displace` (the step of every write that touches the corpus) at random
moments, and checks after each kill that every file is an old or a new version, whole, and that
every version displaced is in the history. Run as ``python -m tests.service.test_history child
CORPUS INDEX SEED`` this module is that process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from citeqa.service.engine import Engine
from citeqa.service.errors import BadRequestError, DocumentNotFoundError, ReadOnlyError
from citeqa.service.history import History, Retention, Version, _to_prune, parse_time
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS, ROOT
from tests.service.conftest import serving

DOC = "001_ac976c7c0f66c7c1.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, folder)
    return folder


@pytest.fixture
def writable(model, corpus: Path, tmp_path: Path) -> Iterator[tuple[httpx.Client, Settings]]:  # type: ignore[no-untyped-def]
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    with serving(settings, Engine.start(settings, model=model)) as url, httpx.Client(base_url=url, timeout=60) as http:
        yield http, settings


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- read-only by default ---------------------------------------------------------------------------


def test_a_server_is_read_only_by_default_and_says_how_to_write(model, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert settings.writable is False
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    with serving(settings, Engine.start(settings, model=model)) as url, httpx.Client(base_url=url, timeout=60) as http:
        for response in (http.put(f"/documents/{DOC}", content=b"fuzz"), http.delete(f"/documents/{DOC}"),
                         http.put("/documents/new.txt", content=b"new"),
                         http.post(f"/documents/{DOC}/restore", json={})):
            assert response.status_code == 403, response.text
            assert response.json()["error"] == "ReadOnlyError"
            assert "--writable" in response.json()["detail"]
        paths = http.get("/openapi.json").json()["paths"]
        for path, method in (("/documents/{doc_id}", "put"), ("/documents/{doc_id}", "delete"),
                             ("/documents/{doc_id}/restore", "post")):
            answers = paths[path][method]["responses"]
            assert not [code for code in answers if code.startswith("2")], (path, method)  # none succeeds
            assert "--writable" in answers["403"]["description"]
        assert "200" in paths["/documents/{doc_id}"]["get"]["responses"]
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_the_python_api_is_read_only_by_default(model, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.api import Citeqa

    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    api = Citeqa(Engine.start(settings, model=model))
    with pytest.raises(ReadOnlyError, match="writable=True"):
        api.put(DOC, "replaced")
    with pytest.raises(ReadOnlyError):
        api.delete(DOC)
    assert (corpus / DOC).read_bytes() == (BUILTIN_CORPUS / DOC).read_bytes()

    writer = Citeqa(Engine.start(settings.model_copy(update={"writable": True}), model=model))
    assert writer.put("notes/a.txt", "The reading room opens at nine.") is True
    writer.put(DOC, "The same id, other words about the reading room.")
    assert [v.sha256 for v in writer.history(DOC)] == [_sha((BUILTIN_CORPUS / DOC).read_bytes())]
    with pytest.raises(BadRequestError, match="out of range"):
        writer.restore(DOC, at="0001-01-01")
    with pytest.raises(DocumentNotFoundError, match="has not been replaced"):
        writer.restore(DOC, at=datetime.now() + timedelta(days=1))  # a time without a zone: local
    restored = writer.restore(DOC)
    assert restored.sha256 == _sha((BUILTIN_CORPUS / DOC).read_bytes())
    assert (corpus / DOC).read_bytes() == (BUILTIN_CORPUS / DOC).read_bytes()
    assert writer.document(DOC).text.startswith(Engine.start(settings, model=model).document(DOC).text[:200])


def test_writable_beyond_loopback_needs_a_write_scoped_key(tmp_path: Path) -> None:
    from citeqa.service.app import create_app
    from citeqa.service.errors import OpenBindError

    open_bind = Settings(corpus_dir=BUILTIN_CORPUS, index_dir=tmp_path / "i", host="0.0.0.0", writable=True,
                         allow_open_bind=True)
    with pytest.raises(OpenBindError, match="write or admin scope"):
        create_app(open_bind)
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys.reader]\nkey = "r-1"\nscopes = ["read"]\n', encoding="utf-8")
    with pytest.raises(OpenBindError):
        create_app(open_bind.model_copy(update={"keys_file": keys}))
    keys.write_text('[keys.writer]\nkey = "w-1"\nscopes = ["write"]\n', encoding="utf-8")
    create_app(open_bind.model_copy(update={"keys_file": keys}))  # accepted
    # On loopback behind a proxy that forwards a public name: as reachable as an open bind.
    proxied = Settings(corpus_dir=BUILTIN_CORPUS, index_dir=tmp_path / "i", writable=True,
                       allowed_hosts="qa.example.org")
    with pytest.raises(OpenBindError, match="qa.example.org"):
        create_app(proxied)
    create_app(proxied.model_copy(update={"keys_file": keys}))
    create_app(proxied.model_copy(update={"writable": False}))


def test_the_shipped_corpus_cannot_be_written_through_a_folder_above_it(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.errors import ForbiddenPathError
    from citeqa.service.settings import builtin_corpus
    from citeqa.service.writes import delete_document, put_document

    above = builtin_corpus().parent
    engine = Engine.start(Settings(corpus_dir=above, index_dir=tmp_path / "index", writable=True), model=model)
    doc_id = f"{builtin_corpus().name}/{DOC}"
    with pytest.raises(ForbiddenPathError, match="built-in corpus is read-only"):
        put_document(engine, doc_id, b"overwritten")
    with pytest.raises(ForbiddenPathError):
        delete_document(engine, doc_id)
    assert (builtin_corpus() / DOC).read_bytes() == (BUILTIN_CORPUS / DOC).read_bytes()


# --- the history over HTTP ----------------------------------------------------------------------------


def test_replace_and_delete_keep_every_original_and_restore_brings_it_back(
        writable: tuple[httpx.Client, Settings]) -> None:
    http, settings = writable
    original = (settings.corpus_dir / DOC).read_bytes()
    assert http.put(f"/documents/{DOC}", content=b"fuzz 1").status_code == 200
    assert http.put(f"/documents/{DOC}", content=b"fuzz two").status_code == 200
    assert http.delete(f"/documents/{DOC}").status_code == 200
    assert not (settings.corpus_dir / DOC).exists()
    versions = http.get(f"/documents/{DOC}/history").json()["versions"]
    assert [(v["sha256"], v["action"]) for v in versions] == [
        (_sha(original), "replace"), (_sha(b"fuzz 1"), "replace"), (_sha(b"fuzz two"), "delete")]
    assert all(v["key"] is None for v in versions)  # a server without keys: no name to record

    # The version that was in the corpus just before the first replace, by time:
    first = datetime.fromisoformat(versions[0]["saved_at"])
    restored = http.post(f"/documents/{DOC}/restore", json={"at": (first - timedelta(microseconds=1)).isoformat()})
    assert restored.status_code == 200, restored.text
    assert restored.json()["action"] == "restored"
    assert (settings.corpus_dir / DOC).read_bytes() == original
    assert http.get(f"/documents/{DOC}").json()["text"]  # indexed again
    # ... by digest, and the newest (the default); each restore keeps what it replaced.
    assert http.post(f"/documents/{DOC}/restore", json={"sha256": _sha(b"fuzz 1")[:8]}).status_code == 200
    assert (settings.corpus_dir / DOC).read_bytes() == b"fuzz 1"
    assert http.post(f"/documents/{DOC}/restore", json={}).status_code == 200
    assert (settings.corpus_dir / DOC).read_bytes() == original  # the bytes the last restore displaced
    assert len(http.get(f"/documents/{DOC}/history").json()["versions"]) == 5

    assert http.get("/documents/never.txt/history").status_code == 404
    missing = http.post("/documents/never.txt/restore", json={})
    assert missing.status_code == 404 and "no earlier version" in missing.json()["detail"]
    for year_one in ("0001-01-01T00:00", "0001-01-01"):  # no zone: local time, which mktime cannot place
        early = http.post(f"/documents/{DOC}/restore", json={"at": year_one})
        assert early.status_code == 422 and "out of range" in early.json()["detail"], early.text
    bad = http.post(f"/documents/{DOC}/restore", json={"at": "yesterday"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("at: Input should be a valid datetime")


def test_the_cli_lists_and_restores(model, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.writes import delete_document

    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    original = (corpus / DOC).read_bytes()
    delete_document(Engine.start(settings, model=model), DOC)
    env = {**os.environ, "CITEQA_HF_OFFLINE": "1"}
    citeqa = [str(Path(sys.executable).parent / "citeqa")]
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    listed = subprocess.run([*citeqa, "history", DOC, *where], capture_output=True, text=True, env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert _sha(original)[:12] in listed.stdout and "delete" in listed.stdout
    run = subprocess.run([*citeqa, "restore", DOC, *where], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"restored {DOC}" in run.stdout
    assert (corpus / DOC).read_bytes() == original
    again = subprocess.run([*citeqa, "restore", "nothing.txt", *where], capture_output=True, text=True, env=env,
                           timeout=300)
    assert again.returncode == 1 and "DocumentNotFoundError: no earlier version" in again.stderr


# --- the store itself ---------------------------------------------------------------------------------


def test_versions_are_content_addressed_and_checked(tmp_path: Path) -> None:
    history = History(tmp_path)
    one = history.save("a.txt", b"one", "replace", "writer")
    history.save("b.txt", b"one", "delete", None)
    assert len(list((tmp_path / "history" / "objects").iterdir())) == 1  # equal bytes stored once
    assert history.read(one) == b"one"
    (tmp_path / "history" / "objects" / one.sha256).write_bytes(b"two")
    with pytest.raises(Exception, match="damaged"):
        history.read(one)


def test_a_torn_record_is_skipped_and_the_next_one_kept(tmp_path: Path) -> None:
    history = History(tmp_path)
    history.save("a.txt", b"one", "replace", None)
    with open(history.log_path, "ab") as log:
        log.write(b'{"doc_id": "a.txt", "sha2')  # a crash mid-append
    history.save("a.txt", b"two", "replace", None)
    assert [v.sha256 for v in history.versions("a.txt")] == [_sha(b"one"), _sha(b"two")]


def test_find_by_time_and_digest(tmp_path: Path) -> None:
    history = History(tmp_path)
    first = history.save("a.txt", b"v1", "replace", None)
    time.sleep(0.002)
    second = history.save("a.txt", b"v2", "replace", None)
    assert history.find("a.txt") == second
    assert history.find("a.txt", at=first.time - timedelta(seconds=1)) == first  # live until first was saved
    assert history.find("a.txt", at=first.time) == second
    with pytest.raises(DocumentNotFoundError, match="has not been replaced"):
        history.find("a.txt", at=second.time)
    assert history.find("a.txt", sha256=first.sha256[:6].upper()) == first
    with pytest.raises(BadRequestError):
        history.find("a.txt", sha256="abc")
    with pytest.raises(DocumentNotFoundError):
        history.find("other.txt")
    assert parse_time("2026-12-07T10:00:00Z") == datetime(2026, 12, 7, 10, tzinfo=UTC)
    assert parse_time("2026-12-07T10:00").tzinfo is not None


def _version(doc_id: str, n: int, days_ago: float, size: int = 10) -> Version:
    at = datetime(2026, 12, 1, tzinfo=UTC) - timedelta(days=days_ago)
    return Version(doc_id, f"{doc_id}-{n}".ljust(64, "0"), size, at.isoformat(), "replace", None)


def test_retention_never_drops_a_documents_newest_or_oldest_version() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    versions = [_version("a", n, 10 - n) for n in range(5)] + [_version("b", 0, 100)]
    by_count = _to_prune(versions, Retention(keep=2, max_age_days=0, max_bytes=0), now)
    assert by_count == versions[1:3]  # a's original (versions[0]) stays, as its newest does
    by_age = _to_prune(versions, Retention(keep=0, max_age_days=7.5, max_bytes=0), now)
    assert by_age == versions[1:3]  # and not b's only version, 100 days old
    by_bytes = _to_prune(versions, Retention(keep=0, max_age_days=0, max_bytes=25), now)
    assert by_bytes == versions[1:4]  # down to 30 bytes: a's first and last and b's, whatever the limit
    assert _to_prune(versions, Retention(keep=0, max_age_days=0, max_bytes=0), now) == []


def test_pruning_is_logged_and_removes_unreferenced_objects(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    history = History(tmp_path, Retention(keep=1, max_age_days=0, max_bytes=0))
    history.save("a.txt", b"v0", "replace", None)
    history.save("a.txt", b"v1", "replace", None)
    with caplog.at_level(logging.WARNING, logger="citeqa"):
        history.save("a.txt", b"v2", "replace", None)
    assert [v.sha256 for v in history.versions()] == [_sha(b"v0"), _sha(b"v2")]
    assert not (history.objects / _sha(b"v1")).exists()
    assert any("pruned a.txt version" in r.getMessage() for r in caplog.records)


def test_a_history_that_cannot_be_written_refuses_the_write(model, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.errors import StorageError
    from citeqa.service.writes import put_document

    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    engine = Engine.start(settings, model=model)
    (tmp_path / "index" / "history").write_text("a file where the folder goes", encoding="utf-8")
    with pytest.raises(StorageError, match="nothing was changed"):
        put_document(engine, DOC, b"new words")
    assert (corpus / DOC).read_bytes() == (BUILTIN_CORPUS / DOC).read_bytes()


# --- SIGKILL at any moment ----------------------------------------------------------------------------

STEPS = 400


def _plan(seed: int, doc_ids: list[str]) -> list[tuple[str, bytes | None]]:
    """The writes the child makes, in order: (doc id, new bytes, or None to delete)."""
    rng = random.Random(seed)
    present = set(doc_ids)
    plan: list[tuple[str, bytes | None]] = []
    for step in range(STEPS):
        doc_id = rng.choice(doc_ids)
        if doc_id in present and rng.random() < 0.25:
            plan.append((doc_id, None))
            present.discard(doc_id)
        else:
            # long enough that a torn write would show: a whole version ends with its own digest
            body = f"{doc_id} step {step} ".encode() + rng.randbytes(rng.randrange(1, 200_000)).hex().encode()
            plan.append((doc_id, body + b" " + _sha(body).encode()))
            present.add(doc_id)
    return plan


def _child(corpus: Path, index_dir: Path, seed: int) -> None:
    from citeqa.service.writes import displace, document_path

    history = History(index_dir, Retention(keep=0, max_age_days=0, max_bytes=0))
    doc_ids = sorted(p.name for p in corpus.iterdir())
    for step, (doc_id, data) in enumerate(_plan(seed, doc_ids)):
        displace(document_path(corpus, doc_id), doc_id, data, history, "delete" if data is None else "replace", None)
        print(step, flush=True)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="SIGKILLs a child (Linux)")
def test_sigkilled_writes_leave_old_or_new_and_the_old_bytes_stored(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    for round_no in range(12):
        corpus, index_dir = tmp_path / f"corpus{round_no}", tmp_path / f"index{round_no}"
        shutil.copytree(BUILTIN_CORPUS, corpus)
        index_dir.mkdir()
        doc_ids = sorted(p.name for p in corpus.iterdir())
        originals = {d: (corpus / d).read_bytes() for d in doc_ids}
        seed = rng.randrange(1 << 30)
        child = subprocess.Popen([sys.executable, "-m", "tests.service.test_history", "child", str(corpus),
                                  str(index_dir), str(seed)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()  # imports done, the first write made
        assert first.strip() == "0", first
        time.sleep(rng.uniform(0.0, 1.5))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, "the child finished before the kill: raise STEPS"
        done = int(([first, *out.splitlines()])[-1])  # the last write known finished
        plan = _plan(seed, doc_ids)
        state: dict[str, bytes | None] = dict(originals)
        displaced: list[bytes] = []
        for doc_id, data in plan[:done + 1]:
            if state[doc_id] is not None and state[doc_id] != data:
                displaced.append(state[doc_id])  # type: ignore[arg-type]
            state[doc_id] = data
        stored = {v.sha256 for v in History(index_dir).versions()}
        assert {_sha(b) for b in displaced} <= stored, f"round {round_no}: a displaced version is not stored"
        # The write under way when killed: its file is old or new, and if new, the old is stored.
        doc_id, data = plan[done + 1]
        for other in doc_ids:
            now = (corpus / other).read_bytes() if (corpus / other).exists() else None
            if other != doc_id:
                assert now == state[other], f"round {round_no}: {other} changed outside its write"
                continue
            assert now in (state[doc_id], data), f"round {round_no}: {doc_id} is neither old nor new (torn?)"
            if now == data and state[doc_id] is not None:
                assert _sha(state[doc_id]) in stored  # type: ignore[arg-type]
        leftovers = [p.name for p in corpus.iterdir() if p.name.startswith(".")]
        assert len(leftovers) <= 1, leftovers  # at most the temporary file of the write killed


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))


def test_a_restore_at_a_time_the_document_was_absent_says_so(model, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.writes import delete_document, put_document, restore_document

    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    engine = Engine.start(settings, model=model)
    before = datetime.now(UTC)
    engine, _ = put_document(engine, "notes/new.txt", b"The reading room opens at nine.")  # created now
    engine, _ = put_document(engine, "notes/new.txt", b"The reading room opens at ten.")
    with pytest.raises(DocumentNotFoundError, match="did not exist at"):
        restore_document(engine, "notes/new.txt", at=before)
    engine = delete_document(engine, "notes/new.txt")
    gap = datetime.now(UTC)
    engine, _ = restore_document(engine, "notes/new.txt")  # back after the delete
    assert (corpus / "notes" / "new.txt").read_bytes() == b"The reading room opens at ten."
    with pytest.raises(DocumentNotFoundError, match="did not exist at"):
        restore_document(engine, "notes/new.txt", at=gap)  # it was deleted then
    # the marks hold no bytes: the history lists versions only
    assert [v.action for v in History(settings.index_dir).versions("notes/new.txt")] == ["replace", "delete"]


def test_a_key_whose_documents_were_all_deleted_still_starts(model, corpus: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.app import create_app
    from citeqa.service.writes import delete_document, put_document

    keys = tmp_path / "keys.toml"
    keys.write_text('[keys.hr]\nkey = "hr-1"\nscopes = ["read"]\ndocs = ["hr/**"]\n', encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True, keys_file=keys)
    engine = Engine.start(settings, model=model)
    engine, _ = put_document(engine, "hr/leave.txt", b"Annual leave is 25 days.")
    delete_document(engine, "hr/leave.txt")
    create_app(settings)  # the glob matches a document the history holds
    assert settings.key_ring().keys[0].name == "hr"
