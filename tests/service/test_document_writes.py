"""Documents through the API over real HTTP: PUT adds or replaces a file of the corpus folder and
re-indexes, DELETE removes it; ids never escape the folder; bad uploads change nothing."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.conftest import BUILTIN_CORPUS
from tests.service.conftest import serving

KEY = "writer-key"
QUESTION = "When does the Harbour Library open on Sundays?"


@pytest.fixture
def writable(model, tmp_path: Path) -> Iterator[tuple[httpx.Client, Path]]:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    (tmp_path / "outside.txt").write_text("secret outside the corpus", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", api_keys=KEY, writable=True)
    engine = Engine.start(settings, model=model)
    with serving(settings, engine) as url, \
            httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {KEY}"}) as http:
        yield http, corpus


def test_put_then_ask_then_replace_then_delete(writable: tuple[httpx.Client, Path]) -> None:
    http, corpus = writable
    created = http.put("/documents/notes/library.txt", content="The Harbour Library opens at 11:00 on Sundays.",
                       headers={"content-type": "text/plain"})
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["action"] == "created" and body["chunks"] == 1 and body["version"].startswith("v")
    assert "notes/library.txt" in {d["doc_id"] for d in http.get("/documents").json()["documents"]}
    assert (corpus / "notes" / "library.txt").read_text(encoding="utf-8").startswith("The Harbour Library")
    answer = http.post("/ask", json={"question": QUESTION, "k": 1}).json()
    assert answer["passages"][0]["doc_id"] == "notes/library.txt" and "11:00" in answer["passages"][0]["quote"]["text"]
    assert answer["index"]["built_at"] == body["index"]["built_at"]
    assert answer["index"]["version"] == body["index"]["version"] == body["version"]

    replaced = http.put("/documents/notes/library.txt", files={"file": ("x.txt", b"The Harbour Library opens at 13:00 on Sundays.")})
    assert replaced.status_code == 200 and replaced.json()["action"] == "replaced"
    answer = http.post("/ask", json={"question": QUESTION, "k": 1}).json()
    assert "13:00" in answer["passages"][0]["quote"]["text"]
    cited = answer["passages"][0]
    assert http.get(f"/documents/{cited['doc_id']}").json()["text"][cited["start"]:cited["end"]] == cited["text"]

    deleted = http.delete("/documents/notes/library.txt")
    assert deleted.status_code == 200 and deleted.json() == {**deleted.json(), "action": "deleted", "chunks": 0}
    assert not (corpus / "notes" / "library.txt").exists()
    assert http.get("/documents/notes/library.txt").status_code == 404
    assert http.delete("/documents/notes/library.txt").status_code == 404


@pytest.mark.parametrize("doc_id", ["../outside.txt", "notes/../../outside.txt", "/etc/passwd.txt", ".hidden.txt",
                                    "a//b.txt", "notes\\x.txt", "tool.exe", "x%00.txt", "~$report.docx",
                                    "notes/draft.txt~"])
def test_ids_that_escape_or_are_not_documents_are_refused(writable: tuple[httpx.Client, Path], doc_id: str) -> None:
    http, corpus = writable
    response = http.put(f"/documents/{doc_id}", content=b"text", headers={"content-type": "text/plain"})
    assert response.status_code in (403, 404), (doc_id, response.status_code, response.text)
    assert (corpus.parent / "outside.txt").read_text(encoding="utf-8") == "secret outside the corpus"
    assert not any(p.name in ("passwd.txt", ".hidden.txt", "tool.exe", "~$report.docx") for p in corpus.rglob("*"))
    if "~" in doc_id:  # refused up front by name, not written and then found unindexed
        assert response.status_code == 403 and "temporary or lock file" in response.json()["detail"]


def test_a_symlink_in_the_path_is_refused(writable: tuple[httpx.Client, Path]) -> None:
    http, corpus = writable
    os.symlink(corpus.parent, corpus / "link")
    response = http.put("/documents/link/outside.txt", content=b"overwritten", headers={"content-type": "text/plain"})
    assert response.status_code == 403 and "symlink" in response.json()["detail"]
    assert (corpus.parent / "outside.txt").read_text(encoding="utf-8") == "secret outside the corpus"


def test_a_file_that_cannot_be_indexed_changes_nothing(writable: tuple[httpx.Client, Path]) -> None:
    http, corpus = writable
    before = http.get("/documents").json()
    response = http.put("/documents/report.pdf", content=b"not a pdf at all", headers={"content-type": "application/pdf"})
    assert response.status_code == 409 and "report.pdf" in response.json()["detail"]
    assert not (corpus / "report.pdf").exists()
    assert http.get("/documents").json()["documents"] == before["documents"]
    assert http.put("/documents/empty.txt", content=b"").status_code == 409
    as_text = http.put("/documents/r.pdf", files={"file": (None, b"%PDF-1.4 binary")})  # no file name: read as text
    assert as_text.status_code == 422 and "as a file" in as_text.json()["detail"]
    assert not (corpus / "r.pdf").exists()
    two = http.put("/documents/two.txt", files=[("file", ("a.txt", b"First file.")), ("file", ("b.txt", b"Second."))])
    assert two.status_code == 422 and "one field named 'file' (got 2)" in two.json()["detail"]
    assert not (corpus / "two.txt").exists()


def test_writes_need_the_key_and_a_same_origin(writable: tuple[httpx.Client, Path]) -> None:
    http, corpus = writable
    anonymous = httpx.put(str(http.base_url.join("/documents/x.txt")), content=b"text")
    assert anonymous.status_code == 401
    foreign = http.put("/documents/x.txt", content=b"text", headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert not (corpus / "x.txt").exists()


def test_concurrent_writes_serialise(writable: tuple[httpx.Client, Path]) -> None:
    http, corpus = writable
    statuses: list[int] = []

    def put(i: int) -> None:
        statuses.append(http.put(f"/documents/many/{i}.txt", content=f"Fact number {i} is {i * 7}.".encode()).status_code)

    threads = [threading.Thread(target=put, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201] * 4
    listed = {d["doc_id"] for d in http.get("/documents").json()["documents"]}
    assert {f"many/{i}.txt" for i in range(4)} <= listed


def test_uploads_over_the_limit_get_413(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", max_upload_bytes=2048, writable=True)
    with serving(settings, Engine.start(settings, model=model)) as url:
        response = httpx.put(f"{url}/documents/big.txt", content=b"x" * 5000)
        assert response.status_code == 413 and response.json()["error"] == "RequestTooLarge"
        # The upload limit is the documents' own: a 3 KB question body is still refused by max_body_bytes.
        assert httpx.put(f"{url}/documents/small.txt", content=b"A small note about tides.").status_code == 201


def test_what_a_reviewer_tried_on_writes(writable: tuple[httpx.Client, Path]) -> None:
    http, corpus = writable
    first = sorted(p.name for p in corpus.iterdir())[0]
    for doc_id in ("a" * 300 + ".txt", "%C3%A9" * 130 + ".txt", f"{first}/child.txt", "%E2%80%AE.txt"):
        assert http.put(f"/documents/{doc_id}", content=b"Some text.").status_code == 403, doc_id
        assert http.delete(f"/documents/{doc_id}").status_code in (403, 404), doc_id
    refused = http.put("/documents/newdir/sub/fake.pdf", content=b"not a pdf")
    assert refused.status_code == 409 and not (corpus / "newdir").exists()
    binary = http.put("/documents/blob.txt", content=b"\x00\x01\x02\x03" * 100)
    assert binary.status_code == 409 and "binary" in binary.json()["detail"]
    big_field = http.put("/documents/field.txt", files={"file": (None, b"Tides rise twice a day. " * 60_000)})
    assert big_field.status_code == 201, big_field.text  # a 1.4 MB form field without a file name


def test_deleting_the_last_document_is_refused(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "only.txt").write_text("The only document says the tide rises twice a day.", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    with serving(settings, Engine.start(settings, model=model)) as url:
        response = httpx.delete(f"{url}/documents/only.txt")
        assert response.status_code == 409 and "only.txt" in response.json()["detail"]
        assert (corpus / "only.txt").exists() and httpx.get(f"{url}/documents/only.txt").status_code == 200
        whitespace = httpx.put(f"{url}/documents/only.txt", content=b"   \n")
        assert whitespace.status_code == 409
        assert (corpus / "only.txt").read_text(encoding="utf-8").startswith("The only document")

def test_an_upload_in_its_declared_charset_is_read_as_declared(writable: tuple[httpx.Client, Path]) -> None:
    # Four Chinese characters in GBK, too short to detect (they were read as Korean): the charset
    # of the Content-Type, or of a multipart part, decides, and the file is written as UTF-8.
    http, corpus = writable
    text = "长城很长"
    raw = http.put("/documents/zh/wall.txt", content=text.encode("gbk"), headers={"content-type": "text/plain; charset=gbk"})
    assert raw.status_code == 201, raw.text
    part = http.put("/documents/zh/wall2.md", files={"file": ("wall2.md", text.encode("gbk"), "text/markdown; charset=GB2312")})
    assert part.status_code == 201, part.text
    for doc_id in ("zh/wall.txt", "zh/wall2.md"):
        assert http.get(f"/documents/{doc_id}").json()["text"] == text
        assert (corpus / doc_id).read_bytes() == text.encode("utf-8")
    for name in ("klingon", "rot13", "base64", "zlib", "punycode", "undefined", "unicode_escape", "idna"):
        unknown = http.put("/documents/zh/x.txt", content=b"abc", headers={"content-type": f"text/plain; charset={name}"})
        assert unknown.status_code == 422 and name in unknown.json()["detail"], (name, unknown.text)
    # UTF-16 without a byte-order mark is big-endian (RFC 2781), as the folder's own detection reads it.
    be = http.put("/documents/zh/be.txt", content="The bell rings twice at noon.".encode("utf-16-be"),
                  headers={"content-type": "text/plain; charset=utf-16"})
    assert be.status_code == 201 and http.get("/documents/zh/be.txt").json()["text"] == "The bell rings twice at noon."
    invalid = http.put("/documents/zh/y.txt", content=b"\xff\xfe\xfd", headers={"content-type": "text/plain; charset=utf-8"})
    assert invalid.status_code == 409 and "utf-8" in invalid.json()["detail"]
    assert not (corpus / "zh" / "x.txt").exists() and not (corpus / "zh" / "y.txt").exists()


def test_the_builtin_corpus_is_read_only(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(index_dir=tmp_path / "index", writable=True)  # the default corpus: the one shipped in the package
    before = sorted(p.name for p in BUILTIN_CORPUS.iterdir())
    with serving(settings, Engine.start(settings, model=model)) as url, httpx.Client(base_url=url, timeout=30) as http:
        put = http.put("/documents/mine.txt", content=b"A note of mine.", headers={"content-type": "text/plain"})
        assert put.status_code == 403 and "read-only" in put.json()["detail"] and "--corpus" in put.json()["detail"]
        doc_id = http.get("/documents").json()["documents"][0]["doc_id"]
        assert http.delete(f"/documents/{doc_id}").status_code == 403
    assert sorted(p.name for p in BUILTIN_CORPUS.iterdir()) == before


def test_a_build_that_overlapped_a_write_never_drops_it(
    model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    # A `citeqa index --full` reads the corpus, then (slowly) embeds; a PUT lands meanwhile. The
    # full build used to swap in its older snapshot last, and the uploaded document was gone from
    # the index although the PUT had answered 201.
    from citeqa.index.store import load_index
    from citeqa.service import engine as engine_module
    from citeqa.service.writes import put_document
    from tests.service.test_cli import run

    corpus = tmp_path / "corpus"
    shutil.copytree(BUILTIN_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", writable=True)
    engine = Engine.start(settings, model=model)
    snapshot_taken, written = threading.Event(), threading.Event()
    real_ensure_index = engine_module.ensure_index

    def slow_full_build(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "full-build":
            snapshot_taken.set()  # the corpus is read; the write may land now
            written.wait(timeout=5)  # (with the build lock held the write waits for this build instead)
        return real_ensure_index(*args, **kwargs)

    monkeypatch.setattr(engine_module, "ensure_index", slow_full_build)
    codes: list[int] = []
    full = threading.Thread(name="full-build", target=lambda: codes.append(
        run(["index", "--full", "--corpus", str(corpus), "--index", str(settings.index_dir)], capsys)[0]))
    full.start()
    assert snapshot_taken.wait(timeout=60)
    updated, created = put_document(engine, "canoe.txt", b"Canoes can be rented at the boathouse for 9 euros an hour.")
    written.set()
    full.join()
    assert codes == [0] and created and "canoe.txt" in updated.index.manifest.documents
    assert "canoe.txt" in load_index(settings.index_dir).manifest.documents  # the live version, as built


def test_writes_into_a_corpus_folder_that_is_gone_are_refused(writable: tuple[httpx.Client, Path]) -> None:
    # A PUT used to make the moved folder anew and index it: a one-document index replaced the
    # one serving.
    http, corpus = writable
    before = http.get("/documents").json()
    corpus.rename(corpus.with_name("moved-away"))
    try:
        for response in (http.put("/documents/new.txt", content=b"Narwhals have one long tusk.",
                                  headers={"content-type": "text/plain"}),
                         http.delete(f"/documents/{before['documents'][0]['doc_id']}")):
            assert response.status_code == 409 and "corpus folder" in response.json()["detail"], response.text
        assert not corpus.exists()
        assert http.get("/documents").json() == before  # the index still serves every document
        corpus.write_text("a file where the folder was", encoding="utf-8")  # had been a 500
        response = http.put("/documents/new.txt", content=b"Narwhals.", headers={"content-type": "text/plain"})
        assert response.status_code == 409 and "not a folder" in response.json()["detail"], response.text
        corpus.unlink()
    finally:
        corpus.with_name("moved-away").rename(corpus)


def test_a_write_whose_index_cannot_be_written_is_a_storage_error(
        writable: tuple[httpx.Client, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # A read-only index folder: the build's lock file cannot be opened. It had been a bare 500
    # "InternalError"; the file written is taken back.
    from citeqa.service import engine as engine_module

    http, corpus = writable

    def read_only(index_dir: Path, **_: object) -> None:
        raise OSError(30, "Read-only file system", str(index_dir / ".lock"))

    monkeypatch.setattr(engine_module, "build_lock", read_only)
    response = http.put("/documents/new.txt", content=b"Narwhals have one long tusk.",
                        headers={"content-type": "text/plain"})
    assert response.status_code == 500 and response.json()["error"] == "StorageError", response.text
    assert "Read-only file system" in response.json()["detail"] and not (corpus / "new.txt").exists()


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_an_unexpected_error_in_a_write_is_a_logged_500_not_a_409(
        writable: tuple[httpx.Client, Path], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        method: str) -> None:
    # A bug in the build (here a bare ValueError) had been answered 409 "cannot index": a client was
    # told its document was wrong, and no one saw the bug. Only citeqa's own errors are conflicts.
    from citeqa.service import engine as engine_module

    http, corpus = writable
    doc_id = "004_503d341e454f2bd7.txt" if method == "DELETE" else "new.txt"
    before = (corpus / doc_id).read_bytes() if method == "DELETE" else None

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug in the build")

    monkeypatch.setattr(engine_module, "ensure_index", broken)
    with caplog.at_level("ERROR", logger="citeqa"):
        response = http.request(method, f"/documents/{doc_id}", content=b"Narwhals have one long tusk.",
                                headers={"content-type": "text/plain"})
    assert response.status_code == 500, response.text
    assert response.json() == {"error": "InternalError", "detail": "internal error; see the server log"}
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], ValueError)]
    assert logged and "a bug in the build" in caplog.text and "Traceback" in caplog.text
    if before is None:
        assert not (corpus / doc_id).exists()  # the write was taken back
    else:
        assert (corpus / doc_id).read_bytes() == before
