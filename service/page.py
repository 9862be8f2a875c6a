"""The web page: a question box at ``/`` (static HTML, CSS and a small script, no build step, no
CDN) and ``/view/{doc_id}``, a document's text layer with a cited span highlighted.

The document view shows the text layer citations point into (the file itself for plain text, the
extracted text for HTML, PDF, DOCX...), escaped, so a document containing ``<script>`` renders as
text. For paged documents a page marker (``— page 3 —``, anchor ``#page-3``) precedes each page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from citeqa.service.schemas import DocumentSlice

STATIC_DIR = Path(__file__).resolve().parent / "static"


def _escaped_with_pages(text: str, offset: int, pages: list[int], first: bool = False) -> str:
    """Escape ``text`` (which starts at ``offset`` of the whole text layer), inserting a page
    marker where each page in ``pages`` starts. A page starting exactly where this piece starts
    belongs to the piece before (so that a marker precedes a highlight instead of opening it),
    unless this is the ``first`` piece of the document."""
    parts: list[str] = []
    pos = 0
    for number, start in enumerate(pages, start=1):
        at = start - offset
        if not (0 < at <= len(text) or (at == 0 and first)):
            continue
        parts.append(html.escape(text[pos:at]))
        parts.append(f'<span class="page-break" id="page-{number}" aria-label="page {number}">— page {number} —</span>\n')
        pos = at
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


#: Marks the highlight's ends in the Markdown source; Unicode private-use code points, which no
#: Markdown syntax gives meaning to and which survive rendering as text.
_OPEN, _CLOSE = "\ue000", "\ue001"
#: A tag or a run of text in rendered HTML.
_TOKENS = re.compile(r"(<[^>]*>)")


def render_markdown(text: str, start: int | None, end: int | None) -> str:
    """A Markdown document rendered as HTML, safely, with ``text[start:end]`` highlighted.

    markdown-it-py (CommonMark) renders with raw HTML off, so ``<script>`` in a document is shown
    as text and ``javascript:`` links are refused; nh3 (the Ammonia sanitiser) then keeps only
    harmless tags and attributes, whatever the renderer let through. The highlight is placed by
    marking its ends in the source before rendering and wrapping every run of text between the
    marks in ``<mark>`` afterwards, so a span across paragraphs or list items stays well nested;
    the first is ``<mark id="cited">``.

    Args:
        text: the document's text layer (for Markdown: the file itself).
        start: highlight start, code points (None: no highlight).
        end: highlight end, exclusive.

    Returns:
        An HTML fragment.
    """
    import nh3
    from markdown_it import MarkdownIt

    if start is not None and end is not None:
        text = text[:start] + _OPEN + text[start:end] + _CLOSE + text[end:]
    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    clean = nh3.clean(rendered, tags=nh3.ALLOWED_TAGS - {"img"}, link_rel="noopener noreferrer nofollow")
    parts, inside, first = [], False, True
    for token in _TOKENS.split(clean):
        if token.startswith("<"):
            parts.append(token.replace(_OPEN, "").replace(_CLOSE, ""))  # a mark inside a link target
            continue
        for piece in re.split(f"([{_OPEN}{_CLOSE}])", token):
            if piece in (_OPEN, _CLOSE):
                inside = piece == _OPEN
            elif piece and inside and piece.strip():
                parts.append(("<mark id=\"cited\">" if first else "<mark>") + piece + "</mark>")
                first = False
            else:
                parts.append(piece)
    return "".join(parts)


def render_source(document: DocumentSlice, start: int | None, end: int | None, raw: bool = False) -> str:
    """A standalone HTML page showing a whole document with ``text[start:end]`` highlighted:
    Markdown rendered (:func:`render_markdown`) unless ``raw``, every other format as its text
    layer, escaped.

    Args:
        document: the whole document as ``GET /documents/{doc_id}`` serves it.
        start: highlight start, code points (None: no highlight).
        end: highlight end, exclusive.
        raw: show a Markdown document's text as it is instead of rendered.

    Returns:
        The page; the highlight is ``<mark id="cited">``, so ``#cited`` scrolls it into view, and
        the page the highlight starts on is named above the text.

    Raises:
        ValueError: only one of start and end given, or a highlight outside
            ``0 <= start <= end <= len(text)``.
    """
    text, pages = document.text, document.pages
    note = ""
    if start is not None and end is not None and not 0 <= start <= end <= len(text):
        raise ValueError(f"give both start and end with 0 <= start <= end <= {len(text)}, got start={start}, end={end}")
    if document.format == "markdown" and not raw:
        body = render_markdown(text, start, end)
        note = ' · <a href="?raw=1' + (f"&amp;start={start}&amp;end={end}#cited" if start is not None else "") + '">plain text</a>'
    elif start is None and end is None:
        body = _escaped_with_pages(text, 0, pages, first=True)
    else:
        if start is None or end is None or not 0 <= start <= end <= len(text):
            raise ValueError(f"give both start and end with 0 <= start <= end <= {len(text)}, got start={start}, end={end}")
        body = (_escaped_with_pages(text[:start], 0, pages, first=True) + '<mark id="cited">'
                + _escaped_with_pages(text[start:end], start, pages) + "</mark>"
                + _escaped_with_pages(text[end:], end, pages))
        page = sum(1 for p in pages if p <= start)
        if page:
            note = f' · cited passage on <a href="#page-{page}">page {page}</a>'
    kind_class = "doc rendered" if document.format == "markdown" and not raw else "doc"
    title = html.escape(document.title)
    doc_id = html.escape(document.doc_id)
    kind = html.escape(document.format.upper()) + (f", {len(pages)} pages" if pages else "")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title} — citeqa</title><link rel="stylesheet" href="/static/style.css"></head>'
        f'<body><header><h1>{title}</h1><p class="file-name">{doc_id} ({kind}){note}</p>'
        '<p class="lead"><a href="/">Ask another question</a></p></header>'
        f'<main><div class="{kind_class}" id="document" tabindex="0">{body}</div></main></body></html>\n'
    )
