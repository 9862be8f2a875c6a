"""Text layer of a Word (.docx) file: body paragraphs, tables and text boxes in document order.

Library: python-docx (MIT), chosen by the measurement in eval/EXTRACTORS.md, opens the package and
names paragraph styles; the text itself is read from the WordprocessingML elements (ECMA-376 Part 1,
section 17), because python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks and
``iter_inner_content`` skips content controls: contract values in content controls (``w:sdt``),
tracked insertions (``w:ins``), smart tags and simple fields (``w:fldSimple``) were lost. The text
layer is:

- each paragraph's text: every ``w:t`` in it, in order, whatever wraps it (runs, hyperlinks, content
  controls, insertions, smart tags, field results), ``w:tab`` as ``\\t``, ``w:br``/``w:cr`` as
  ``\\n``, a non-breaking hyphen as ``-``; deleted and moved-away text (``w:del``, ``w:moveFrom``)
  and field codes are not text. Paragraphs are separated by a blank line;
- each table row on one line, its cells joined by `` | `` (a horizontally merged cell once, a
  vertically merged continuation left out), a cell's paragraphs and nested tables joined by spaces;
- the paragraphs of a text box as blocks after the paragraph that anchors it (the DrawingML copy;
  the VML fallback copy of the same box is skipped).

Paragraphs styled ``Heading 1``..``Heading 9`` are headings (passages carry their heading path);
the title is the core property ``title``, else the first ``Title``-styled paragraph, else the first
heading; the ``Title`` paragraph, like a heading, is context for the passages, not a passage. Headers, footers, footnotes and comments are not read (README).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citeqa.corpus.errors import DamagedFileError
from citeqa.corpus.text_layer import Heading, TextLayer, join_blocks, open_office_file

CELL_SEPARATOR = " | "
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (f"{_W}{n}" for n in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_TXBX = f"{_W}txbxContent"
_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
#: Subtrees that hold no text of the paragraph: deletions, moved-away text, field codes, properties,
#: text boxes (read as blocks of their own) and the VML fallback copy of drawings.
_SKIP = frozenset(f"{_W}{n}" for n in ("del", "moveFrom", "instrText", "delText", "pPr", "rPr", "txbxContent")) | {
    f"{_MC}Fallback"
}
_HEADING_STYLE = re.compile(r"^Heading ([1-9])$")
_WS = re.compile(r"\s+")


def _paragraph_text(element: Any) -> str:
    """The text of one ``w:p`` (see the module docstring for what counts)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag in _TEXT:
                fixed = _TEXT[tag]
                parts.append((child.text or "") if fixed is None else fixed)
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _text_boxes(element: Any) -> Iterator[Any]:
    """The ``w:txbxContent`` of the text boxes anchored in a paragraph, VML fallbacks excluded."""
    stack = list(element)
    while stack:
        node = stack.pop(0)
        if node.tag == f"{_MC}Fallback":
            continue
        if node.tag == _TXBX:
            yield node
            continue
        stack[:0] = list(node)


def _blocks(container: Any) -> Iterator[Any]:
    """The ``w:p`` and ``w:tbl`` children of a container, content controls opened."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _children(node: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls (rows and cells may sit in one)."""
    for child in node:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _cell_text(cell: Any) -> str:
    parts = [_table_text(b, " ; ") if b.tag == _TBL else _paragraph_text(b) for b in _blocks(cell)]
    return _WS.sub(" ", " ".join(parts)).strip()


def _is_merge_continuation(cell: Any) -> bool:
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _table_text(table: Any, row_separator: str = "\n") -> str:
    rows: list[str] = []
    for row in _children(table, _TR):
        cells = [_cell_text(c) for c in _children(row, _TC) if not _is_merge_continuation(c)]
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return row_separator.join(rows)


def _style_name(element: Any, parent: Any) -> str:
    from docx.text.paragraph import Paragraph

    try:
        style = Paragraph(element, parent).style
        return style.name if style is not None and style.name else ""
    except (KeyError, ValueError, AttributeError):  # a style id the styles part does not define
        return ""


def docx_layer(data: bytes) -> TextLayer:
    """Extract the text layer of a .docx file (see the module docstring).

    Args:
        data: the file's bytes.

    Returns:
        The text, its headings and title.

    Raises:
        DamagedFileError: not a readable .docx file (not a zip, no document part, damaged XML; an
            encrypted document is an OLE container, not a zip).
        ZipBombError: a part that would expand too far
            (:func:`~citeqa.corpus.text_layer.check_expanded_sizes`).
    """
    import docx

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DamagedFileError("password-protected or legacy Word file (an OLE container, not a .docx zip); "
                               "save an unprotected .docx")
    document = open_office_file(docx.Document, data, ".docx")
    blocks: list[str] = []
    heading_levels: list[int | None] = []
    styled_title: str | None = None
    title_block: int | None = None  # the Title-styled paragraph: the title, not a passage
    for element in _blocks(document.element.body):
        extra: list[str] = []
        level = None
        if element.tag == _TBL:
            text = _table_text(element)
        else:
            text = _paragraph_text(element)
            style = _style_name(element, document._body)
            match = _HEADING_STYLE.match(style)
            level = int(match.group(1)) if match else None
            if style == "Title" and styled_title is None and text.strip():
                styled_title = _WS.sub(" ", text).strip()
                title_block = len(blocks)
            extra = [_paragraph_text(p) for box in _text_boxes(element) for p in box.iter(_P)]
        for block, block_level in [(text, level)] + [(e, None) for e in extra]:
            if block.strip():
                blocks.append(block)
                heading_levels.append(block_level)
    text, starts = join_blocks(blocks)
    headings = tuple(
        Heading(start, level, _WS.sub(" ", block).strip())
        for start, level, block in zip(starts, heading_levels, blocks, strict=True)
        if level is not None
    )
    title = (document.core_properties.title or "").strip() or styled_title
    if title is None and headings:
        title = headings[0].text
    # The Title paragraph stays in the text layer; like a heading it reaches the ranking as the
    # passages' context, not as a passage of its own.
    marked = ((starts[title_block], starts[title_block] + len(blocks[title_block])),) if title_block is not None else ()
    return TextLayer(text=text, title=title, headings=headings, boilerplate=marked)
