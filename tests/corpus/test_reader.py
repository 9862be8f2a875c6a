from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.corpus.errors import CorpusNotFoundError, EmptyCorpusError
from citeqa.corpus.reader import read_corpus


def test_reads_recursively_with_posix_ids_and_strips_bom(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Plain text document with a sentence.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_bytes("\ufeff# Title\n\nMarkdown body.".encode())
    (tmp_path / "sub" / "deeper" / "c.HTML").write_text("<p>Hello there.</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    for junk in ("a.txt~", "~$report.docx", "#notes.md#", "Thumbs.db", "draft.md.swp"):
        (tmp_path / junk).write_text("junk", encoding="utf-8")

    corpus = read_corpus(tmp_path)

    assert [d.doc_id for d in corpus.documents] == ["a.txt", "sub/b.md", "sub/deeper/c.HTML"]
    assert [d.format for d in corpus.documents] == ["text", "markdown", "html"]
    assert corpus.by_id["sub/b.md"].text == "# Title\n\nMarkdown body."
    assert [d.encoding for d in corpus.documents] == ["utf-8", "utf-8 (BOM)", "utf-8"]
    assert corpus.skipped == ()


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good document that can be indexed.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "data.xyz").write_bytes(b"x")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (tmp_path / "broken.docx").write_bytes(b"PK not a zip")
    (tmp_path / "deep.html").write_text("<div>" * 5000 + "deep" + "</div>" * 5000, encoding="utf-8")

    corpus = read_corpus(tmp_path)

    assert [d.doc_id for d in corpus.documents] == ["good.txt"]
    reasons = {s.doc_id: s.reason for s in corpus.skipped}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.md"]
    assert "whitespace-only" in reasons["blank.txt"]
    assert "unreadable" in reasons["dangling.txt"]
    assert reasons["photo.png"] == "image; OCR not supported"
    assert "save it as .docx" in reasons["old.doc"]
    assert "unsupported format '.xyz'" in reasons["data.xyz"] and ".pdf" in reasons["data.xyz"]
    assert "PDF cannot be opened" in reasons["broken.pdf"]
    assert "not a readable .docx" in reasons["broken.docx"]
    assert "nested too deeply" in reasons["deep.html"]


def test_empty_corpus_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("   ", encoding="utf-8")
    with pytest.raises(EmptyCorpusError, match="no readable document.*blank.txt"):
        read_corpus(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EmptyCorpusError, match="no files"):
        read_corpus(empty)


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFoundError, match="does not exist"):
        read_corpus(tmp_path / "nope")


def test_symlink_out_of_the_corpus_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret text outside the corpus folder.", encoding="utf-8")
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "ok.txt").write_text("Inside text of the corpus folder.", encoding="utf-8")
    (root / "link.txt").symlink_to(outside)
    assert [d.doc_id for d in read_corpus(root).documents] == ["ok.txt"]


def test_symlink_loops_and_named_pipes_are_skipped_not_fatal(tmp_path: Path) -> None:
    import os

    from citeqa.index.manifest import FORMAT_VERSION, ChunkingParams, Manifest, stale_reasons

    (tmp_path / "ok.txt").write_text("Inside text of the corpus folder.", encoding="utf-8")
    (tmp_path / "loopa.txt").symlink_to(tmp_path / "loopb.txt")
    (tmp_path / "loopb.txt").symlink_to(tmp_path / "loopa.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever

    corpus = read_corpus(tmp_path)

    assert [d.doc_id for d in corpus.documents] == ["ok.txt"]
    assert {s.doc_id: s.reason for s in corpus.skipped} == {"pipe.txt": "not a regular file (a pipe, socket or device)"}
    manifest = Manifest(
        format_version=FORMAT_VERSION, model="m", dim=384, index_type="IndexFlatIP", chunking=ChunkingParams(chunk_size=500, chunk_overlap=100),
        corpus_dir=str(tmp_path.resolve()), documents={}, skipped=[], n_documents=0, n_chunks=0, versions={},
        built_at="", build_seconds=0.0,
    )
    # The staleness check hashes files too: it must not block on the pipe either.
    assert "added: pipe.txt" in stale_reasons(manifest, tmp_path, "m", manifest.chunking, "torch")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("Le Café Rouge: the espresso costs 2,80 € – “très” cher.", "cp1252", "cp1252 (detected)"),
        ("Привет мир, это тест кодировки текста для проверки. Москва — столица России.", "cp1251", "cp1251 (detected)"),
        ("A file saved by Notepad with a byte-order mark, café.", "utf-16", "utf-16-le (BOM)"),
        ("A file saved with a UTF-8 byte-order mark, café.", "utf-8-sig", "utf-8 (BOM)"),
        ("UTF-16 saved without a byte-order mark, café.", "utf-16-le", "utf-16-le (no BOM, detected)"),
        ("Ünïcödé with one stray byte here: \udcff and more.", "utf-8", "utf-8 (1 invalid byte replaced)"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path: Path, text: str, codec: str, expected: str) -> None:
    (tmp_path / "doc.txt").write_bytes(text.encode(codec, errors="surrogateescape"))
    document = read_corpus(tmp_path).documents[0]
    assert document.text == text.replace("\udcff", "\ufffd") and document.encoding == expected


def test_declared_encodings_are_used(tmp_path: Path) -> None:
    page = '<html><head><meta charset="shift_jis"></head><body><p>富士山は日本で最も高い山です。</p></body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("shift_jis"))
    (tmp_path / "legacy.txt").write_bytes("Grüße aus München, schöne Straße.".encode("latin-1"))
    corpus = read_corpus(tmp_path, encoding="latin-1")
    assert corpus.by_id["page.html"].text == "富士山は日本で最も高い山です。"
    assert corpus.by_id["page.html"].encoding == "shift_jis (declared)"  # the page's own declaration
    assert corpus.by_id["legacy.txt"].encoding == "iso8859-1 (declared)"  # CITEQA_ENCODING


def test_uncitable_file_names_are_skipped_and_do_not_make_the_index_stale(tmp_path: Path) -> None:
    import os

    from citeqa.index.manifest import FORMAT_VERSION, ChunkingParams, Manifest, SkippedEntry, stale_reasons

    (tmp_path / "good.txt").write_text("A good document that can be indexed.", encoding="utf-8")
    (Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))).write_bytes(b"Latin-1 name.")
    (tmp_path / "line\nbreak.txt").write_text("A line break in the name.", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    reasons = {s.doc_id: s.reason for s in corpus.skipped}
    assert reasons == {"caf\\udce9.txt": "file name is not valid UTF-8; rename the file to cite it",
                       "line\nbreak.txt": "file name contains a control character (a line break, a tab); rename the file to cite it"}
    manifest = Manifest(
        format_version=FORMAT_VERSION, model="m", dim=384, index_type="IndexFlatIP",
        chunking=ChunkingParams(chunk_size=500, chunk_overlap=100), corpus_dir=str(tmp_path.resolve()),
        documents={}, skipped=[SkippedEntry(doc_id=s.doc_id, reason=s.reason, sha256=s.sha256, size=s.size)
                               for s in corpus.skipped],
        n_documents=0, n_chunks=0, versions={}, built_at="", build_seconds=0.0,
    )
    manifest.model_dump_json()  # the escaped ids are JSON
    assert stale_reasons(manifest, tmp_path, "m", manifest.chunking, "torch") == ["added: good.txt"]


def test_an_index_kept_inside_the_corpus_folder_is_not_read_as_documents(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("A document of the corpus folder.", encoding="utf-8")
    index = tmp_path / "my-index"
    index.mkdir()
    for name, content in (("CURRENT", "v20260101T000000Z-00000000\n"), (".lock", ""), ("notes.txt", "x")):
        (index / name).write_text(content, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["doc.txt"] and corpus.skipped == ()


def test_a_page_whose_declared_charset_is_wrong_is_detected_instead(tmp_path: Path) -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Le café coûte 3 € – vraiment, c’est cher.</p></body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    document = read_corpus(tmp_path).documents[0]
    assert document.text == "Le café coûte 3 € – vraiment, c’est cher." and document.encoding == "cp1252 (detected)"
