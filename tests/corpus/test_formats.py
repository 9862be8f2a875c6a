"""Every supported format, written by real libraries from random paragraphs: the text layer holds
every paragraph, extraction is deterministic, the layer survives the index's record round trip, and
every chunk's span slices exactly its text out of that layer."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeqa.corpus.cleaning import clean_document, content_segments, is_content_line
from citeqa.corpus.errors import ZipBombError
from citeqa.corpus.plain_text import line_spans
from citeqa.corpus.reader import Document, read_layer
from citeqa.index.chunking import chunk_document
from citeqa.index.file_checks import _DocumentRecord, document_record

_LATIN = ["café", "naïve", "Straße", "déjà", "the", "pump", "runs", "at", "1480", "rpm", "3.50", "1,240",
          "€", "“quoted”", "(aside)", "end.", "Why?", "yes!", "co-op", "e.g.", "Dr.", "U.S.", "x\ty"]
_WORLD = _LATIN + ["東京", "北京大学", "です。", "Москва", "القاهرة", "😀", "서울은"]


def _paragraphs(words: list[str]) -> st.SearchStrategy[list[str]]:
    sentence = st.lists(st.sampled_from(words), min_size=1, max_size=25).map(" ".join)
    return st.lists(sentence, min_size=1, max_size=8)


def _text(paragraphs: list[str]) -> bytes:
    return "\n\n".join(paragraphs).encode("utf-8")


def _markdown(paragraphs: list[str]) -> bytes:
    body = [f"## Part {i}\n\n{p}" if i % 3 == 0 else p for i, p in enumerate(paragraphs)]
    table = "| name | value |\n|---|---|\n| " + paragraphs[0][:20].replace("|", "/") + " | 4 |"
    return ("# Title\n\n" + "\n\n".join(body) + "\n\n" + table + "\n\n```\ncode line\n```\n").encode("utf-8")


def _html(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav><main>{body}"
            "<table><tr><td>Adult</td><td>4.50 €</td></tr></table></main></body></html>").encode("utf-8")


def _pdf(paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for i, paragraph in enumerate(paragraphs):
        if i % 2 == 0:
            pdf.add_page()
        text = paragraph.replace("€", "EUR").replace("“", '"').replace("”", '"')
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for i, paragraph in enumerate(paragraphs):
        if i % 3 == 0:
            document.add_heading(f"Part {i}", level=1 + i % 2)
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Adult", "4.50 €"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pptx(paragraphs: list[str]) -> bytes:
    from pptx import Presentation

    deck = Presentation()
    for i, paragraph in enumerate(paragraphs):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = f"Slide {i}"
        slide.placeholders[1].text_frame.text = paragraph
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _epub(paragraphs: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("META-INF/container.xml", (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>"))
        items = "".join(f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>' for i in range(len(paragraphs)))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(paragraphs)))
        book.writestr("OEBPS/content.opf", (
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Book</dc:title></metadata>'
            f"<manifest>{items}</manifest><spine>{spine}</spine></package>"))
        for i, paragraph in enumerate(paragraphs):
            book.writestr(f"OEBPS/c{i}.xhtml", f"<html><body><h1>Chapter {i}</h1><p>{escape(paragraph)}</p></body></html>")
    return buffer.getvalue()


WRITERS: dict[str, tuple[Callable[[list[str]], bytes], list[str]]] = {
    "text": (_text, _WORLD), "markdown": (_markdown, _WORLD), "rst": (_text, _WORLD), "csv": (_text, _WORLD),
    "html": (_html, _WORLD), "pdf": (_pdf, _LATIN[:-1]), "docx": (_docx, _WORLD), "pptx": (_pptx, _WORLD),
    "epub": (_epub, _WORLD),
}


def _squash(text: str) -> str:
    return "".join(text.split())


def _check(format: str, paragraphs: list[str], size: int) -> None:
    writer, _ = WRITERS[format]
    data = writer(paragraphs)
    layer, encoding = read_layer(data, format)  # type: ignore[arg-type]
    assert read_layer(data, format) == (layer, encoding)  # deterministic  # type: ignore[arg-type]
    document = Document(f"doc.{format}", format, layer, "0", len(data), encoding)  # type: ignore[arg-type]
    # What the index stores and GET /documents serves is this very text.
    assert _DocumentRecord.model_validate_json(document_record(document)).text == layer.text
    chunks = chunk_document(clean_document(document), size, size // 4)
    assert chunks
    for chunk in chunks:
        assert layer.text[chunk.start:chunk.end] == chunk.text and chunk.text.strip() == chunk.text
        if layer.pages:
            assert chunk.page is not None and 1 <= chunk.page <= len(layer.pages)
    # Nothing of what was written is lost: every paragraph is in the text layer and in a passage.
    segments = content_segments(document)
    indexed = _squash(" ".join(document.text[s:e] for s, e in segments))
    for paragraph in paragraphs:
        written = paragraph.replace("€", "EUR").replace("“", '"').replace("”", '"') if format == "pdf" else paragraph
        assert _squash(written) in _squash(layer.text)
        # Web pages drop short unpunctuated lines; a PDF drops lines recurring at page edges (its
        # running headers), which random text from a small vocabulary can produce.
        if (format != "html" or is_content_line(paragraph)) and format != "pdf":
            assert _squash(written) in indexed
    if format != "html":  # outside web pages, only what the reader marked is left out: no line is lost
        headings = {h.offset for h in layer.headings}
        for start, end in line_spans(layer.text):
            if layer.text[start:end].strip() and not any(start <= h < end for h in headings):
                covered = [(s, e) for s, e in (*segments, *layer.boilerplate) if s < end and start < e]
                assert covered, (format, layer.text[start:end])


def _property(format: str) -> Callable[[], None]:
    words = WRITERS[format][1]

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(paragraphs=_paragraphs(words), size=st.integers(60, 500))
    def test(paragraphs: list[str], size: int) -> None:
        _check(format, paragraphs, size)

    return test


test_text = _property("text")
test_markdown = _property("markdown")
test_rst = _property("rst")
test_csv = _property("csv")
test_html = _property("html")
test_pdf = _property("pdf")
test_docx = _property("docx")
test_pptx = _property("pptx")
test_epub = _property("epub")


def test_docx_text_in_content_controls_insertions_fields_and_text_boxes_is_read() -> None:
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    body = document.element.body
    body.append(parse_xml(  # a block-level content control around a paragraph
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>The contract value is </w:t></w:r>'
        '<w:sdt><w:sdtContent><w:r><w:t>1.75 million NOK</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:r><w:t xml:space="preserve"> excluding VAT.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    body.append(parse_xml(  # a tracked insertion and a deletion
        f'<w:p {w}><w:r><w:t xml:space="preserve">Production starts in </w:t></w:r>'
        '<w:del><w:r><w:delText>March 2024</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>September 2025</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>'))
    body.append(parse_xml(  # a simple field's result
        f'<w:p {w}><w:r><w:t xml:space="preserve">Last saved by </w:t></w:r>'
        '<w:fldSimple w:instr=" AUTHOR "><w:r><w:t>Aino Lehtonen</w:t></w:r></w:fldSimple></w:p>'))
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_layer(buffer.getvalue(), "docx")[0].text
    assert "The contract value is 1.75 million NOK excluding VAT." in text
    assert "Production starts in September 2025." in text and "March 2024" not in text
    assert "Last saved by Aino Lehtonen" in text and "AUTHOR" not in text


def test_epub_chapters_with_escaped_hrefs_and_other_encodings_are_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("META-INF/container.xml", (
            '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf"/></rootfiles></container>'))
        book.writestr("content.opf", (
            '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
            '<item id="a" href="chapter%201.xhtml"/><item id="b" href="b.xhtml"/><item id="c" href="c.xhtml"/>'
            '</manifest><spine><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine></package>'))
        book.writestr("chapter 1.xhtml", "<html><body><p>The lighthouse was built in 1862.</p></body></html>")
        book.writestr("b.xhtml", '<?xml version="1.0" encoding="UTF-16"?><html><body><p>The ferry departs at 07:45.</p></body></html>'
                      .encode("utf-16"))
        book.writestr("c.xhtml", '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>Le phare fut automatisé en 1987.</p></body></html>'
                      .encode("latin-1"))
    text = read_layer(buffer.getvalue(), "epub")[0].text
    assert text == "The lighthouse was built in 1862.\n\nThe ferry departs at 07:45.\n\nLe phare fut automatisé en 1987."


def test_pdf_running_headers_and_footers_are_not_indexed_and_junk_titles_are_not_used() -> None:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=8)
            self.cell(0, 5, "Northwind Utilities - Annual Report 2023 - CONFIDENTIAL", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of 4")

    pdf = Report()
    pdf.set_title("Microsoft Word - Document1.docx")
    for topic in ("the dam budget rose", "two turbines were replaced", "the fish ladder opened", "tariffs fell"):
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, f"Section {topic[:3]}: this year {topic}, the board reported.", new_x="LMARGIN", new_y="NEXT")
    layer = read_layer(bytes(pdf.output()), "pdf")[0]
    running = [layer.text[s:e] for s, e in layer.boilerplate]
    assert running.count("Northwind Utilities - Annual Report 2023 - CONFIDENTIAL") == 4
    assert {f"Page {n} of 4" for n in range(1, 5)} <= set(running)
    document = Document("r.pdf", "pdf", layer, "0", 0, None)
    passages = [document.text[s:e] for s, e in content_segments(document)]
    assert len(passages) == 4 and all(p.startswith("Section") and "CONFIDENTIAL" not in p for p in passages)
    # The metadata title names a Word file and the first line is a running header: the file name.
    assert document.title == "r.pdf"


def _with_part(package: bytes, name: str, extra: bytes) -> bytes:
    """``package`` (a zip) with ``extra`` appended to its part ``name``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data + extra if info.filename == name else data)
    return out.getvalue()


def test_zip_based_documents_that_would_expand_too_far_are_refused_before_reading(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import docx
    import pytest

    from citeqa.corpus import text_layer

    document = docx.Document()
    document.add_paragraph("The bridge opened in 1932.")
    buffer = io.BytesIO()
    document.save(buffer)
    # A real bomb: a part of 65 MiB (one XML comment) in a file of about 70 kB.
    bomb = _with_part(buffer.getvalue(), "word/document.xml", b"<!--" + b" " * (65 * 1024 * 1024) + b"-->")
    assert len(bomb) < 200_000
    with pytest.raises(ZipBombError, match="word/document.xml expands to .* zip bomb"):
        read_layer(bomb, "docx")
    assert "1932" in read_layer(buffer.getvalue(), "docx")[0].text  # an ordinary file still reads
    # The other zip-based formats, and the sum of the parts, against smaller limits.
    monkeypatch.setattr(text_layer, "MAX_PART_BYTES", 50_000)
    padded = _with_part(buffer.getvalue(), "word/document.xml", b"<!--" + b" " * 60_000 + b"-->")
    with pytest.raises(ZipBombError, match="zip bomb"):
        read_layer(padded, "docx")
    epub = io.BytesIO()
    with zipfile.ZipFile(epub, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("META-INF/container.xml", "<container/>" + " " * 60_000)
    with pytest.raises(ZipBombError, match="zip bomb"):
        read_layer(epub.getvalue(), "epub")
    monkeypatch.setattr(text_layer, "MAX_PART_BYTES", 64 * 1024 * 1024)
    monkeypatch.setattr(text_layer, "MAX_EXPANDED_BYTES", 1000)
    with pytest.raises(ZipBombError, match="docx file expands to .* zip bomb"):
        read_layer(buffer.getvalue(), "docx")
