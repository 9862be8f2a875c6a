"""The citable text of a document and what a reader learned about its structure.

Every reader (plain text, Markdown, HTML, PDF, DOCX, PPTX, EPUB) returns a :class:`TextLayer`. Its
``text`` is the document's *citable original*: every offset citeqa gives out counts Unicode code
points into exactly this string, so ``layer.text[start:end] == passage.text`` holds for every
format. For plain text and Markdown it is the file as decoded; for the other formats it is the text
extracted from the file, deterministically (the same bytes give the same text), stored with the index
and served by ``GET /documents/{doc_id}``.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TypeVar

from citeqa.corpus.errors import DamagedFileError, ZipBombError

_T = TypeVar("_T")

#: A half-open ``[start, end)`` code-point span of a text layer.
Span = tuple[int, int]


@dataclass(frozen=True)
class Heading:
    """A heading of the document: where it starts in the text layer, its level (1 = top) and text."""

    offset: int
    level: int
    text: str


@dataclass(frozen=True)
class TextLayer:
    """What a reader extracted from one file.

    Attributes:
        text: the citable text; offsets count code points into it.
        title: the document's own title (metadata, ``<title>``, first heading), or None.
        pages: start offset of each page (PDF) or slide (PPTX), ascending, the first 0; empty for
            formats without pages. Page ``i + 1`` is ``text[pages[i]:pages[i + 1]]``.
        headings: the document's headings in order of offset.
        boilerplate: spans the reader knows are not content by the document's structure (a web
            page's navigation, footer, cookie banner; a PDF's running headers; Markdown front
            matter); sorted, non-overlapping, never indexed.
        structured: spans that are content by structure (table rows, list items, code blocks),
            kept whatever the line rules for web pages say.
        web: True for web pages, whose remaining lines go through the boilerplate line rules of
            :mod:`citeqa.corpus.cleaning`; every other format keeps all its text.
    """

    text: str
    title: str | None = None
    pages: tuple[int, ...] = ()
    headings: tuple[Heading, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    structured: tuple[Span, ...] = ()
    web: bool = False


def page_at(pages: tuple[int, ...], offset: int) -> int | None:
    """The 1-based page whose start is the last one at or before ``offset`` (None without pages).

    Args:
        pages: page start offsets, ascending (see :attr:`TextLayer.pages`).
        offset: a code-point offset into the text layer.
    """
    if not pages:
        return None
    return max(1, bisect_right(pages, offset))


def join_blocks(blocks: list[str], separator: str = "\n\n") -> tuple[str, list[int]]:
    """Join text blocks into one text, returning it and the start offset of each block.

    Args:
        blocks: the blocks in reading order.
        separator: put between consecutive blocks.

    Returns:
        ``(text, starts)`` with ``text[starts[i]:starts[i] + len(blocks[i])] == blocks[i]``.
    """
    starts: list[int] = []
    pos = 0
    for i, block in enumerate(blocks):
        if i:
            pos += len(separator)
        starts.append(pos)
        pos += len(block)
    return separator.join(blocks), starts


def is_table_row(line: str) -> bool:
    """A line as the readers write a table row: ``| a | b |`` (Markdown) or ``a | b`` (HTML,
    DOCX and PPTX tables, cells joined by `` | ``)."""
    line = line.strip()
    return line.startswith("|") or " | " in line


#: Largest expanded size of one part of a zip-based document (DOCX, PPTX, EPUB), in bytes. A
#: small file can expand to gigabytes (a zip bomb: a 1.5 MB DOCX held 1.5 GB of XML and took 5 GB
#: of a server's memory), so the sizes the zip declares are checked before any part is read;
#: :mod:`zipfile` never expands a part past its declared size.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Largest expanded size of all the parts of one such document together, in bytes.
MAX_EXPANDED_BYTES = 256 * 1024 * 1024


def check_expanded_sizes(book: zipfile.ZipFile, kind: str) -> None:
    """Refuse a zip-based document whose parts would expand past :data:`MAX_PART_BYTES` each or
    :data:`MAX_EXPANDED_BYTES` together.

    Raises:
        ZipBombError: naming ``kind``, the part and its size.
    """
    total = 0
    for info in book.infolist():
        if info.file_size > MAX_PART_BYTES:
            raise ZipBombError(f"{kind} part {info.filename} expands to {info.file_size} bytes (limit {MAX_PART_BYTES}; "
                               "refused as a possible zip bomb)")
        total += info.file_size
    if total > MAX_EXPANDED_BYTES:
        raise ZipBombError(f"{kind} file expands to {total} bytes (limit {MAX_EXPANDED_BYTES}; refused as a possible "
                           "zip bomb)")


def open_office_file(load: Callable[[IO[bytes]], _T], data: bytes, kind: str) -> _T:
    """Open an Office Open XML package (.docx, .pptx) with its library's loader, once its parts'
    expanded sizes are checked (:func:`check_expanded_sizes`).

    Raises:
        DamagedFileError: naming ``kind`` and what the library found wrong (not a zip, a missing
            part, damaged XML: lxml and the python-docx/pptx libraries raise many exception types).
        ZipBombError: a part that would expand too far.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            check_expanded_sizes(book, kind)
    except zipfile.BadZipFile as exc:
        raise DamagedFileError(f"not a readable {kind} file ({type(exc).__name__}: {exc})") from exc
    try:
        return load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:  # the libraries' own, on a damaged file
        raise DamagedFileError(f"not a readable {kind} file ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # noqa: BLE001 - any failure of a damaged file is a reason to skip it
        raise DamagedFileError(f"damaged {kind} file ({type(exc).__name__}: {exc})") from exc
