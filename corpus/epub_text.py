"""Text layer of an EPUB book: its chapters' text in reading (spine) order.

An EPUB is a zip of XHTML chapters; ``META-INF/container.xml`` names the package file, whose
``<spine>`` gives the reading order (EPUB 3.3, https://www.w3.org/TR/epub-33/). Each chapter is
read like a web page (:func:`citeqa.corpus.html_text.html_layer`) but all its visible text is
content: a book has no site navigation. Chapters are joined by a blank line; their headings are
kept, the title is the package's ``dc:title``. The zip is read with the standard library: ebooklib
is AGPL, which we do not take on.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

from citeqa.corpus.decoding import decode_text, html_declared_encoding
from citeqa.corpus.errors import DamagedFileError, UnreadableFileError
from citeqa.corpus.html_text import html_layer
from citeqa.corpus.text_layer import Heading, TextLayer, check_expanded_sizes, join_blocks

_CONTAINER = "META-INF/container.xml"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def epub_layer(data: bytes) -> TextLayer:
    """Extract the text layer of an EPUB file.

    Args:
        data: the file's bytes.

    Returns:
        The chapters' text in spine order, their headings and the book's title.

    Raises:
        DamagedFileError: not a readable EPUB (not a zip, no container or package file, bad XML).
        ZipBombError: a part that would expand too far
            (:func:`~citeqa.corpus.text_layer.check_expanded_sizes`).
    """
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        check_expanded_sizes(book, "EPUB")
        container = ElementTree.fromstring(book.read(_CONTAINER))
        rootfile = container.find(".//c:rootfile", _NS)
        if rootfile is None or not rootfile.get("full-path"):
            raise DamagedFileError(f"{_CONTAINER} names no package file")
        opf_path = rootfile.get("full-path", "")
        package = ElementTree.fromstring(book.read(opf_path))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise DamagedFileError(f"not a readable EPUB ({type(exc).__name__}: {exc})") from exc
    base = posixpath.dirname(opf_path)
    items = {item.get("id"): item.get("href", "") for item in package.iterfind(".//opf:manifest/opf:item", _NS)}
    chapters: list[str] = []
    chapter_headings: list[tuple[Heading, ...]] = []
    for ref in package.iterfind(".//opf:spine/opf:itemref", _NS):
        href = items.get(ref.get("idref"))
        if not href:
            continue
        # Hrefs are URLs: "chapter%203.xhtml" names the file "chapter 3.xhtml".
        name = posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0])))
        try:
            info = book.getinfo(name)
        except KeyError:
            continue  # a spine entry without its file: nothing to read
        raw = book.read(info)
        try:  # EPUB 3.3 allows UTF-8 and UTF-16 chapters; older books declare others
            chapter = decode_text(raw, html_declared_encoding(raw)).text
        except UnreadableFileError:
            continue  # an empty chapter (a cover page's image only) has nothing to read
        layer = html_layer(chapter)
        if layer.text.strip():
            chapters.append(layer.text)
            chapter_headings.append(layer.headings)
    text, starts = join_blocks(chapters)
    headings = tuple(
        Heading(start + h.offset, h.level, h.text)
        for start, hs in zip(starts, chapter_headings, strict=True) for h in hs
    )
    title_node = package.find(".//dc:title", _NS)
    title = (title_node.text or "").strip() if title_node is not None else ""
    return TextLayer(text=text, title=title or (headings[0].text if headings else None), headings=headings)
