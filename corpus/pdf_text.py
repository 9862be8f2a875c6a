"""Text layer of a PDF: the text PDFium extracts from each page, pages joined by a blank line.

Library: pypdfium2 (PDFium, the engine of Chrome's PDF viewer; Apache-2.0/BSD-3), chosen by the
measurement in eval/EXTRACTORS.md. Per page, ``PdfTextPage.get_text_range()`` gives the text in
PDFium's reading order with ``\\r\\n`` at each line end. Where a word is hyphenated across a line
end, PDFium drops the line end and leaves a marker (U+FFFE from ``get_text_range``) in place of the
hyphen; the text layer joins the word there ("condensa-/tion" becomes "condensation", which is what
a reader searches for: all 28 facts of the measurement were found so, 26 with the hyphen kept). The
text layer also normalises line ends to ``\\n`` and joins pages with ``\\n\\n``.
``TextLayer.pages`` holds where each page starts, so a passage's page is the page its start falls
on. A PDF with pages but no extractable text (a scan) is refused: OCR is not supported.
"""

from __future__ import annotations

from citeqa.corpus.text_layer import TextLayer, join_blocks

PAGE_SEPARATOR = "\n\n"


def _normalise(page_text: str) -> str:
    """Line ends to ``\\n``; PDFium's marker of a word hyphenated at a line end (U+FFFE, or U+0002
    from other calls) removed, joining the word."""
    text = page_text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufffe", "").replace("\x02", "")
    return text.rstrip()


def pdf_layer(data: bytes) -> TextLayer:
    """Extract the text layer of a PDF file.

    Args:
        data: the file's bytes.

    Returns:
        The text of every page in order, ``pages`` giving each page's start offset, the title from
        the document information dictionary when set.

    Raises:
        ValueError: the file is not a PDF PDFium can open (damaged, encrypted with a password), has
            no page, or has no text layer (a scan: OCR is not supported).
    """
    import pypdfium2 as pdfium  # imported here: only PDF files need PDFium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ValueError(f"PDF cannot be opened ({exc}); if it is password-protected, save an "
                         "unprotected copy") from exc
    try:
        if len(pdf) == 0:
            raise ValueError("PDF has no page")
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(_normalise(textpage.get_text_range()))
            textpage.close()
            page.close()
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        pdf.close()
    if not any(t.strip() for t in texts):
        raise ValueError(f"no text layer in {len(texts)} page(s) (a scanned PDF?); OCR not supported")
    text, starts = join_blocks(texts, PAGE_SEPARATOR)
    return TextLayer(text=text, title=title, pages=tuple(starts))
