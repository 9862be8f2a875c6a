"""Text layer of a PDF: the text PDFium extracts from each page, pages joined by a blank line.

Library: pypdfium2 (PDFium, the engine of Chrome's PDF viewer; Apache-2.0/BSD-3), chosen by the
measurement in eval/EXTRACTORS.md. Per page, ``PdfTextPage.get_text_range()`` gives the text in
PDFium's reading order with ``\\r\\n`` at each line end. Where a word is hyphenated across a line
end, PDFium drops the line end and leaves a marker (U+FFFE from ``get_text_range``) in place of the
hyphen; the text layer joins the word there ("condensa-/tion" becomes "condensation", which is what
a reader searches for: all 28 facts of the measurement were found so, 26 with the hyphen kept). The
text layer also normalises line ends to ``\\n`` and joins pages with ``\\n\\n``.
``TextLayer.pages`` holds where each page starts, so a passage's page is the page its start falls
on. Running headers and footers (lines at a page's edge that recur on at least half the pages,
page numbers folded) stay in the text layer but are not indexed. The title is the metadata title
unless it names a file ("Microsoft Word - Document1.docx"), else a short first line. A PDF with
pages but no extractable text (a scan) is refused: OCR is not supported. Limits: text is in
PDFium's order (a two-column page drawn line by line across both columns stays interleaved), and a
word hyphenated at a line end is joined even when the hyphen belonged to it ("well-known").
"""

from __future__ import annotations

import re

from citeqa.corpus.errors import DamagedFileError, EmptyDocumentError, NoTextLayerError
from citeqa.corpus.text_layer import TextLayer, join_blocks

PAGE_SEPARATOR = "\n\n"
#: Lines at each end of a page that may be running headers or footers.
EDGE_LINES = 2
#: A first line longer than this is prose, not a title.
TITLE_MAX_WORDS = 15
_DIGITS = re.compile(r"\d+")
#: Metadata titles that name the authoring tool's file, not the document.
_JUNK_TITLE = re.compile(r"^(microsoft (word|powerpoint) - |untitled\b|document\d*$)|\.(docx?|pdf|txt|odt|rtf|pptx?|indd)$",
                         re.IGNORECASE)


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
        DamagedFileError: the file is not a PDF PDFium can open (damaged, encrypted with a password).
        EmptyDocumentError: the PDF has no page.
        NoTextLayerError: its pages have no text layer (a scan: OCR is not supported).
    """
    import pypdfium2 as pdfium  # imported here: only PDF files need PDFium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        hint = "save an unprotected copy" if "password" in str(exc).lower() else "the file may be damaged or truncated"
        raise DamagedFileError(f"PDF cannot be opened ({exc}); {hint}") from exc
    try:
        if len(pdf) == 0:
            raise EmptyDocumentError("PDF has no page")
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(_normalise(textpage.get_text_range()))
            textpage.close()
            page.close()
        metadata_title = (pdf.get_metadata_dict().get("Title") or "").strip()
    finally:
        pdf.close()
    if not any(t.strip() for t in texts):
        raise NoTextLayerError(f"no text layer in {len(texts)} page(s) (a scanned PDF?); OCR not supported")
    text, starts = join_blocks(texts, PAGE_SEPARATOR)
    running = _running_lines(texts, starts)
    title = None if _JUNK_TITLE.search(metadata_title) else metadata_title or None
    return TextLayer(text=text, title=title or _first_line(text, running), pages=tuple(starts),
                     boilerplate=running)


def _edge_lines(page: str, start: int) -> list[tuple[str, int, int]]:
    """``(key, start, end)`` of the first and last :data:`EDGE_LINES` non-blank lines of a page,
    where the key folds digits (page numbers, dates) and case: "Page 3 of 9" ~ "page 4 of 9"."""
    lines: list[tuple[str, int, int]] = []
    pos = start
    for line in page.split("\n"):
        if line.strip():
            lines.append((_DIGITS.sub("#", line.strip()).casefold(), pos, pos + len(line)))
        pos += len(line) + 1
    k = EDGE_LINES if len(lines) > 2 * EDGE_LINES else 1  # a short page is mostly body
    edges = lines[:k] + lines[-k:]
    return list(dict.fromkeys(edges))


def _running_lines(texts: list[str], starts: list[int]) -> tuple[tuple[int, int], ...]:
    """Spans of running headers and footers: lines at the top or bottom of a page whose digit-folded
    text recurs there on at least half the pages (and 3). They stay in the text layer but are not
    indexed, so that no passage or quote is a page header."""
    if len(texts) < 3:
        return ()
    per_page = [_edge_lines(page, start) for page, start in zip(texts, starts, strict=True)]
    counts: dict[str, int] = {}
    for edges in per_page:
        for key in {k for k, _, _ in edges}:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(3, -(-len(texts) // 2))
    spans: list[tuple[int, int]] = []
    for page, edges in zip(texts, per_page, strict=True):
        running = [(s, e) for key, s, e in edges if counts[key] >= threshold]
        # A page with nothing else (the same short line on every page) is content, not furniture.
        if len(running) < sum(1 for line in page.split("\n") if line.strip()):
            spans.extend(running)
    return tuple(sorted(spans))


def _first_line(text: str, skip: tuple[tuple[int, int], ...]) -> str | None:
    """A short first line that is not a running header and does not end like a sentence: the title
    of a PDF whose metadata has none."""
    pos = 0
    for line in text.split("\n"):
        span = (pos, pos + len(line))
        pos += len(line) + 1
        if not line.strip() or span in skip:
            continue
        candidate = line.strip()
        words = len(candidate.split())
        return candidate if words <= TITLE_MAX_WORDS and not candidate.endswith((".", "!", "?", ":", ",")) else None
    return None
