"""Text layer of a Word (.docx) file: body paragraphs and tables in document order.

Library: python-docx (MIT), chosen by the measurement in eval/EXTRACTORS.md. The text layer is:

- each body paragraph's text as python-docx gives it (a manual line break is ``\\n``, a tab
  ``\\t``), paragraphs separated by a blank line;
- each table row on one line, its cells joined by `` | `` (a merged cell once), the text of a cell's
  own paragraphs and nested tables joined by spaces; rows separated by ``\\n``.

Paragraphs styled ``Heading 1``..``Heading 9`` are headings (passages carry their heading path);
the title is the core property ``title``, else the first ``Title``-styled paragraph, else the first
heading. Headers, footers, footnotes, comments and text boxes are not read (README).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citeqa.corpus.text_layer import Heading, TextLayer, join_blocks, open_office_file

if TYPE_CHECKING:
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

CELL_SEPARATOR = " | "
_HEADING_STYLE = re.compile(r"^Heading ([1-9])$")
_WS = re.compile(r"\s+")


def _cell_text(cell: _Cell) -> str:
    from docx.table import Table

    parts: list[str] = []
    for item in cell.iter_inner_content():
        parts.append(_table_text(item, " ; ") if isinstance(item, Table) else item.text)
    return _WS.sub(" ", " ".join(parts)).strip()


def _table_text(table: Table, row_separator: str = "\n") -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return row_separator.join(rows)


def _style_name(paragraph: Paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):  # a style id the styles part does not define
        return ""


def docx_layer(data: bytes) -> TextLayer:
    """Extract the text layer of a .docx file (see the module docstring).

    Args:
        data: the file's bytes.

    Returns:
        The text, its headings and title.

    Raises:
        ValueError: not a readable .docx file (not a zip, no document part, damaged XML).
    """
    import docx
    from docx.table import Table

    document = open_office_file(docx.Document, data, ".docx")
    blocks: list[str] = []
    heading_levels: list[int | None] = []
    styled_title: str | None = None
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            text, level = _table_text(item), None
        else:
            text = item.text
            style = _style_name(item)
            match = _HEADING_STYLE.match(style)
            level = int(match.group(1)) if match else None
            if style == "Title" and styled_title is None and text.strip():
                styled_title = _WS.sub(" ", text).strip()
        if text.strip():
            blocks.append(text)
            heading_levels.append(level)
    text, starts = join_blocks(blocks)
    headings = tuple(
        Heading(start, level, _WS.sub(" ", block).strip())
        for start, level, block in zip(starts, heading_levels, blocks, strict=True)
        if level is not None
    )
    title = (document.core_properties.title or "").strip() or styled_title
    if title is None and headings:
        title = headings[0].text
    return TextLayer(text=text, title=title, headings=headings)
