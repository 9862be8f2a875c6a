"""Text layer of a PowerPoint (.pptx) file: each slide's text, slides as pages.

Library: python-pptx (MIT). Per slide, shapes are read top to bottom, then left to right (their
order in the file is z-order, not reading order); a shape's paragraphs each give a line, a table one
line per row with cells joined by `` | ``, a group its members in the same order. Slides are joined
by a blank line and recorded as pages, so a passage carries its slide number as ``page``; each
slide's title is a level-1 heading. Speaker notes are not read.
"""

from __future__ import annotations

import re
from typing import Any

from citeqa.corpus.text_layer import Heading, TextLayer, join_blocks, open_office_file

CELL_SEPARATOR = " | "
_WS = re.compile(r"\s+")


def _shape_lines(shape: Any) -> list[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return [line for member in _reading_order(shape.shapes) for line in _shape_lines(member)]
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = []
        for row in shape.table.rows:
            cells = [_WS.sub(" ", cell.text).strip() for cell in row.cells if not cell.is_spanned]
            if any(cells):
                rows.append(CELL_SEPARATOR.join(cells))
        return rows
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        return [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
    return []


def _reading_order(shapes: Any) -> list[Any]:
    return sorted(shapes, key=lambda s: ((s.top or 0), (s.left or 0)))


def pptx_layer(data: bytes) -> TextLayer:
    """Extract the text layer of a .pptx file (see the module docstring).

    Args:
        data: the file's bytes.

    Returns:
        The text of every slide, ``pages`` giving each slide's start, slide titles as headings.

    Raises:
        DamagedFileError: not a readable .pptx file.
        ZipBombError: a part that would expand too far
            (:func:`~citeqa.corpus.text_layer.check_expanded_sizes`).
    """
    from pptx import Presentation

    presentation = open_office_file(Presentation, data, ".pptx")
    slides: list[str] = []
    titles: list[str | None] = []
    for slide in presentation.slides:
        title_shape = slide.shapes.title
        ordered = _reading_order(slide.shapes)
        if title_shape is not None:  # the title first, whatever its position
            ordered = [title_shape] + [s for s in ordered if s.shape_id != title_shape.shape_id]
        slides.append("\n".join(line for shape in ordered for line in _shape_lines(shape)))
        title = _WS.sub(" ", title_shape.text_frame.text).strip() if title_shape is not None else ""
        titles.append(title or None)
    text, starts = join_blocks(slides)
    headings = tuple(Heading(start, 1, title) for start, title in zip(starts, titles, strict=True) if title)
    doc_title = (presentation.core_properties.title or "").strip() or (headings[0].text if headings else None)
    return TextLayer(text=text, title=doc_title, pages=tuple(starts), headings=headings)
