"""Text layers of files that are their own text: plain text, Markdown, reStructuredText, CSV.

The text layer *is* the decoded file (offsets count into the file's own characters); a reader only
adds what the file says about itself: a title and headings.

Titles (in this order): Markdown front matter ``title:``, the first Markdown ATX heading, an RST
title (a line underlined, optionally overlined, by a punctuation line), a plain-text first line that
stands alone like a heading (short, no sentence punctuation, followed by a blank line: the built-in
articles start so). Otherwise None, and the file name is shown.
"""

from __future__ import annotations

import re

from citeqa.corpus.sentences import ends_sentence
from citeqa.corpus.text_layer import Heading, Span, TextLayer

_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_TITLE = re.compile(r"^title:[ \t]*(['\"]?)(.+?)\1[ \t]*\r?$", re.MULTILINE)
#: A setext heading's underline (CommonMark 4.3): up to three spaces, then ``=`` or ``-`` only.
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_RST_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+:.<>_])\1{2,}[ \t]*$")
_RST_DIRECTIVE = re.compile(r"^\.\. [\w-]+::")
#: A first line longer than this many words is prose, not a title.
TITLE_MAX_WORDS = 20


def line_spans(text: str) -> list[Span]:
    """``(start, end)`` of each line of ``text``, split at ``\\n`` only, the ``\\n`` (and a ``\\r``
    before it) excluded.

    Other line separators (``\\x0b``, ``\\x0c``, U+2028, U+2029, a lone ``\\r``) stay inside the
    line: Word writes ``\\x0b`` for a manual line break in the middle of a sentence.
    """
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        spans.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return spans


def _first_line_title(text: str, lines: list[Span]) -> str | None:
    nonblank = [(i, s, e) for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    if not nonblank:
        return None
    i, start, end = nonblank[0]
    first = text[start:end].strip()
    stands_alone = i + 1 >= len(lines) or not text[lines[i + 1][0]:lines[i + 1][1]].strip()
    if stands_alone and len(first.split()) <= TITLE_MAX_WORDS and not ends_sentence(first):
        return first
    return None


def text_layer(text: str) -> TextLayer:
    """Plain text: the title is a first line that stands alone like a heading; no headings."""
    return TextLayer(text=text, title=_first_line_title(text, line_spans(text)))


def markdown_layer(text: str) -> TextLayer:
    """Markdown: title from front matter or the first heading; ATX and setext headings; front matter is
    metadata, marked as boilerplate so that it is not indexed (it stays in the text layer)."""
    boilerplate: tuple[Span, ...] = ()
    title = None
    front = _FRONT_MATTER.match(text)
    if front:
        boilerplate = ((0, front.end()),)
        fm_title = _FM_TITLE.search(front.group(1))
        title = fm_title.group(2).strip() if fm_title else None
    headings: list[Heading] = []
    underlines: list[Span] = []
    in_fence = False
    lines = line_spans(text)
    for i, (start, end) in enumerate(lines):
        if front and start < front.end():
            continue
        line = text[start:end]
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence  # a '#' line inside a code block is code, not a heading
            continue
        match = None if in_fence else _MD_HEADING.match(line)
        if match and match.group(2):
            headings.append(Heading(start + match.start(2), len(match.group(1)), match.group(2)))
        elif not in_fence and i + 1 < len(lines) and _is_setext(text, lines, i):
            under = text[lines[i + 1][0]:lines[i + 1][1]].strip()
            headings.append(Heading(start + len(line) - len(line.lstrip()), 1 if under[0] == "=" else 2, line.strip()))
            underlines.append(lines[i + 1])  # markup, as in reStructuredText
    if title is None and headings:
        title = headings[0].text
    return TextLayer(text=text, title=title, headings=tuple(headings), boilerplate=(*boilerplate, *underlines))


def _is_setext(text: str, lines: list[Span], i: int) -> bool:
    """Line ``i`` is a setext heading (CommonMark 4.3): a text line standing after a blank line
    (or first), underlined by a line of ``=`` (level 1) or ``-`` (level 2)."""
    line = text[lines[i][0]:lines[i][1]]
    under = text[lines[i + 1][0]:lines[i + 1][1]]
    before = text[lines[i - 1][0]:lines[i - 1][1]] if i else ""
    return (bool(line.strip()) and not before.strip() and bool(_SETEXT_UNDERLINE.fullmatch(under))
            and not line.lstrip().startswith(("|", "-", "*", "+", ">", "<")) and len(line) - len(line.lstrip()) < 4)


def rst_layer(text: str) -> TextLayer:
    """reStructuredText: section titles are lines underlined by a repeated punctuation character;
    levels follow the order in which underline characters first appear (the RST rule)."""
    lines = line_spans(text)
    levels: dict[str, int] = {}
    headings: list[Heading] = []
    markup: list[Span] = []  # the underlines: markup, not content
    for i in range(len(lines) - 1):
        start, end = lines[i]
        title = text[start:end].strip()
        under = text[lines[i + 1][0]:lines[i + 1][1]].rstrip()
        match = _RST_UNDERLINE.match(under)
        before = text[lines[i - 1][0]:lines[i - 1][1]].strip() if i else ""
        # docutils accepts (with a warning) an underline shorter than its title; a title stands
        # after a blank line or under its overline.
        standalone = not before or bool(_RST_UNDERLINE.match(before))
        if title and match and standalone and not _RST_UNDERLINE.match(title):
            level = levels.setdefault(match.group(1), len(levels) + 1)
            markup.append(lines[i + 1])
            headings.append(Heading(start + (len(text[start:end]) - len(text[start:end].lstrip())), level, title))
    # Over- and underlines, transitions and directive lines (".. contents::") are markup.
    markup.extend(span for span in lines if _RST_UNDERLINE.match(text[span[0]:span[1]].strip() or "x")
                  or _RST_DIRECTIVE.match(text[span[0]:span[1]]))
    markup = sorted(set(markup))
    doc_title = headings[0].text if headings else _first_line_title(text, lines)
    return TextLayer(text=text, title=doc_title, headings=tuple(headings), boilerplate=tuple(markup))


def csv_layer(text: str) -> TextLayer:
    """CSV/TSV: every row is content as written; the file name is the title."""
    return TextLayer(text=text)
