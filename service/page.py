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


#: A block's syntax at the start of a line: indentation, then a heading's #s, a quote's >, or a
#: list item's bullet or number.
_BLOCK_MARKER = re.compile(r"[ \t]*(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|[0-9]{1,9}[.)][ \t]+)")
#: Emphasis and code delimiters: a mark inside a run of them (``*|*bold**``) would break it. And
#: a table's cell pipes: a mark before a row's first pipe becomes a cell of its own (shifting the
#: row's cells), one after its last pipe a cell past the header's, dropped with the mark's end.
_INLINE_DELIMITERS = frozenset("*_`~|")
#: What a line holds before its text when it opens a block (indentation and marker characters).
_MARKER_CHARS = re.compile(r"[ \t#>*+0-9.)-]*")
#: YAML front matter: a first line of ---, then up to a line of --- (or ...).
_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?\n(---|\.\.\.)[ \t]*(\n|$)", re.DOTALL)


def _inline_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span narrowed to what can carry a mark without changing the document's blocks: no
    leading or trailing whitespace, no emphasis or code delimiters (``**``, `````) and no block
    syntax (``- ``, ``> ``, ``## ``, ``1. ``) at either end. A mark before or inside such syntax, or at the start of a line, would turn a list
    item, quote or heading into a paragraph of literal characters."""
    def marker_end(pos: int) -> int | None:
        """Where the block syntax ends when ``pos`` lies in the syntax at the start of its line."""
        line = text.rfind("\n", 0, pos) + 1
        if not _MARKER_CHARS.fullmatch(text[line:pos]):
            return None
        found = _BLOCK_MARKER.match(text, line)
        return found.end() if found and found.end() >= pos else (pos if text[line:pos].strip() == "" else None)

    changed = True
    while changed and start < end:
        changed = False
        while end > start and (text[end - 1].isspace() or text[end - 1] in _INLINE_DELIMITERS):
            end -= 1
        inside = marker_end(end)
        if inside is not None and inside > end - 1 and text.rfind("\n", 0, end) >= start:
            end = text.rfind("\n", 0, end)  # the end falls in a line's block syntax: stop before that line
            changed = True
        while start < end:
            after = marker_end(start)
            if after is not None and after > start:
                start = after
            elif text[start].isspace() or text[start] in _INLINE_DELIMITERS:
                start += 1
            else:
                break
    return start, max(start, end)


def _render(text: str) -> str:
    """Markdown to sanitised HTML: markdown-it-py (CommonMark plus GFM tables, raw HTML off), then
    nh3 keeping only harmless tags and attributes."""
    import nh3
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return nh3.clean(rendered, tags=nh3.ALLOWED_TAGS - {"img"}, link_rel="noopener noreferrer nofollow")


def _placements(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where to try the highlight's ends (code points into ``text``), best first: the span
    narrowed by :func:`_inline_bounds`, then with its end moved back before each of up to four
    cell pipes of its last line and to that line's start, then its start moved past up to three
    pipes of its first line and to the next line. A mark inside a table's delimiter row, in a cell past the header's or inside an escape
    or an entity changes what the page shows; one of these places does not."""
    line_start = text.rfind("\n", 0, end) + 1
    ends = [end] + [i for i in range(end - 1, line_start - 1, -1) if text[i] == "|"][:4] + [max(line_start - 1, start)]
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    starts = [i + 1 for i in range(start, line_end) if text[i] == "|"][:3] + [min(line_end + 1, end)]
    tried: list[tuple[int, int]] = []
    for s, e in [(start, e) for e in ends] + [(s, end) for s in starts] + [(starts[-1], ends[-1])]:
        placed = _inline_bounds(text, s, e)
        if placed[0] < placed[1] and placed not in tried:
            tried.append(placed)
    return tried


def _marked_in_text(rendered: str) -> bool:
    """Whether both highlight marks came through as text (not inside a tag, not dropped with a
    cell GFM does not show), the opening one first."""
    text = "".join(token for token in _TOKENS.split(rendered) if not token.startswith("<"))
    return _OPEN in text and _CLOSE in text and text.index(_OPEN) < text.index(_CLOSE)


def render_markdown(text: str, start: int | None, end: int | None) -> str:
    """A Markdown document rendered as HTML, safely, with ``text[start:end]`` highlighted.

    markdown-it-py (CommonMark) renders with raw HTML off, so ``<script>`` in a document is shown
    as text and ``javascript:`` links are refused; nh3 (the Ammonia sanitiser) then keeps only
    harmless tags and attributes, whatever the renderer let through. The highlight is placed by
    marking its ends in the source before rendering and wrapping every run of text between the
    marks in ``<mark>`` afterwards, so a span across paragraphs or list items stays well nested;
    the first is ``<mark id="cited">``. A placement is kept only when the page is the page without
    highlight plus marks (:func:`_placements` lists those tried); when none is, nothing is marked
    (:func:`render_source` then shows the text layer instead).

    Args:
        text: the document's text layer (for Markdown: the file itself).
        start: highlight start, code points (None: no highlight).
        end: highlight end, exclusive.

    Returns:
        An HTML fragment.
    """
    front = _FRONT_MATTER.match(text)  # YAML front matter gave the title; it is not content
    skip = front.end() if front else 0
    plain = _render(text[skip:])
    clean = plain
    if start is not None and end is not None and end > skip:
        for at, to in _placements(text, max(start, skip), end):
            marked = _render((text[:at] + _OPEN + text[at:to] + _CLOSE + text[to:])[skip:])
            if _marked_in_text(marked) and marked.replace(_OPEN, "").replace(_CLOSE, "") == plain:
                clean = marked
                break
    parts, inside, first = [], False, True
    for token in _TOKENS.split(clean):
        if token.startswith("<"):
            parts.append(token)
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
    rendered = None
    if document.format == "markdown" and not raw:
        rendered = render_markdown(text, start, end)
        cited = text[start:end] if start is not None and end is not None else ""
        if cited.strip() and "<mark" not in rendered:
            rendered = None  # the span cannot be marked in the rendered page: show the text layer, marked
    if rendered is not None:
        body = rendered
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
    kind_class = "doc rendered" if rendered is not None else "doc"
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
