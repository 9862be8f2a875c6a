"""The web page: a question box at ``/`` (static HTML, CSS and a small script, no build step, no
CDN) and ``/view/{doc_id}``, the original document with a cited span highlighted.

The document view escapes everything it shows, so a document containing ``<script>`` renders as
text; HTML sources are shown as their raw source, which is what their offsets point into.
"""

from __future__ import annotations

import html
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"


def render_source(doc_id: str, text: str, start: int | None, end: int | None) -> str:
    """A standalone HTML page showing a document with ``text[start:end]`` highlighted.

    Args:
        doc_id: the document id (shown as the title).
        text: the whole original text.
        start: highlight start, code points (None: no highlight).
        end: highlight end, exclusive.

    Returns:
        The page; the highlight is ``<mark id="cited">``, so ``#cited`` scrolls it into view.

    Raises:
        ValueError: a highlight outside ``0 <= start <= end <= len(text)``.
    """
    if start is None or end is None:
        body = html.escape(text)
    else:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"need 0 <= start <= end <= {len(text)}, got start={start}, end={end}")
        body = (html.escape(text[:start]) + '<mark id="cited">' + html.escape(text[start:end])
                + "</mark>" + html.escape(text[end:]))
    title = html.escape(doc_id)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title} — citeqa</title><link rel="stylesheet" href="/static/style.css"></head>'
        f'<body><header><h1>{title}</h1><p class="lead"><a href="/">Ask another question</a></p></header>'
        f'<main><div class="doc" id="document" tabindex="0">{body}</div></main></body></html>\n'
    )
