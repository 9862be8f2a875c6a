"""The text layer of a web page: its visible text, laid out in lines, with the page's structure.

An HTML file's citable original is the text a reader sees, not its markup: offsets count code
points into this text layer (stored with the index and served by ``GET /documents``), so
``layer.text[start:end] == passage.text`` holds as for plain text. The page is parsed with
selectolax (the Lexbor HTML5 parser: entities, implied end tags and broken markup handled as a
browser does), then walked in document order:

- ``<script>``, ``<style>``, ``<head>``, ``<template>``, ``<svg>``, comments and hidden elements
  (``hidden``, ``aria-hidden="true"``, ``display:none``) are not visible and not in the text;
- runs of ASCII whitespace collapse to one space (``<pre>`` keeps its whitespace); paragraphs,
  headings, lists, tables and other blocks start a new paragraph (a blank line), list items,
  table rows and ``<br>`` a new line; the cells of a data table are joined by `` | ``, while the
  cells of a layout table (cells holding blocks: old sites, e-mails) are blocks of their own.

The walk also records what the structure says about each line (used by
:mod:`citeqa.corpus.cleaning`):

- *boilerplate*: lines inside ``<nav>``, ``<footer>``, ``<aside>``, ``<form>``, ``<dialog>``, a
  page-level ``<header>`` without the page's ``<h1>``, landmark roles of the same kind, or an
  element whose id or class matches Mozilla Readability's ``unlikelyCandidates`` pattern (extended
  with cookie, consent, newsletter and subscribe, which cookie banners use, ``breadcrumb`` in the
  singular, and without ``header`` inside an article, whose "entry-header" holds the byline) and not
  its ``okMaybeItsACandidate`` one, unless the element is ``<article>``/``<main>`` or holds the
  page's ``<h1>``, ``<main>`` or ``<article>`` (a "site-wrapper has-sidebar" is the page: the role of
  Readability's retry without its class filter when too little text is left); and lines whose text is mostly link or button text (link
  density >= 0.5, Readability's cut-off for navigation lists). Source:
  https://github.com/mozilla/readability/blob/main/Readability.js (``REGEXPS``); the extensions
  were measured on the labelled pages of eval/HTML_CLEANING.md.
- *structured*: table rows, list items and ``<pre>`` lines outside boilerplate: content however
  short (a price in a table cell is a fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from citeqa.corpus.text_layer import Heading, Span, TextLayer

_INVISIBLE = frozenset("script style head template svg noscript title iframe object canvas math".split())
_PARAGRAPH = frozenset(
    "address article aside blockquote body details dialog div dl fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html main nav ol p pre section summary table ul".split()
)
_LINE = frozenset("br dd dt li tr caption option".split())
_CELL = frozenset(("td", "th"))
_CONTROLS = frozenset(("button", "select", "label", "img"))
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BOILERPLATE_TAGS = frozenset(("nav", "footer", "aside", "form", "dialog"))
_BOILERPLATE_ROLES = frozenset(
    "navigation banner contentinfo complementary dialog alertdialog search menu menubar".split()
)
_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    r"header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
    r"|cookie|consent|newsletter|subscribe",
    re.IGNORECASE,
)
#: The same without ``header``: inside an article, "entry-header" holds its byline and date.
_UNLIKELY_IN_ARTICLE = re.compile(_UNLIKELY.pattern.replace("header|", ""), re.IGNORECASE)
#: Elements that are content by what they are, whatever their class says.
_NEVER_BY_CLASS = frozenset(("html", "body", "main", "article"))
#: What only the page's main content holds.
_MAIN_CONTENT = "h1, main, article, [role=main]"
_MAYBE_CANDIDATE = re.compile(r"and|article|body|column|content|main|shadow", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ASCII_WS = re.compile(r"[ \t\n\r\f]+")
_CELL_SEPARATOR = " | "
#: Readability drops candidates whose link density exceeds this share of their text.
LINK_DENSITY = 0.5


@dataclass
class _Line:
    start: int
    boilerplate: bool
    structured: bool
    link_chars: int = 0


@dataclass
class _Context:
    boilerplate: bool = False
    structured: bool = False
    pre: bool = False
    link: bool = False
    cell: bool = False
    in_article: bool = False
    layout: bool = False  # inside a layout table (see _is_layout_table)


@dataclass
class _Builder:
    """Accumulates the text layer. Breaks and gaps are written lazily, before the next text, so
    that none trails, leads or doubles."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    pending_break: int = 0  # 0 none, 1 new line, 2 new paragraph
    pending_gap: str = ""  # " " or the cell separator, written before the next text on a line
    lines: list[tuple[_Line, int]] = field(default_factory=list)
    current: _Line | None = None
    headings: list[Heading] = field(default_factory=list)

    def brk(self, level: int) -> None:
        """End the current line (1) or paragraph (2) before the next text."""
        self.pending_break = max(self.pending_break, level)
        self.pending_gap = ""

    def gap(self, gap: str) -> None:
        """Put ``gap`` between the text so far and the next text, if both are on one line."""
        if self.current is not None and not self.pending_break and len(gap) >= len(self.pending_gap):
            self.pending_gap = gap

    def text(self, text: str, ctx: _Context) -> None:
        """Write visible text (no ASCII whitespace run in it unless inside ``<pre>``)."""
        if not text:
            return
        if self.length and self.pending_break:
            self._end_line()
            self._write("\n" * self.pending_break)
        elif self.current is not None and self.pending_gap:
            self._write(self.pending_gap)
            if ctx.link:
                self.current.link_chars += len(self.pending_gap)
        self.pending_break = 0
        self.pending_gap = ""
        if self.current is None:
            self.current = _Line(self.length, ctx.boilerplate, ctx.structured)
        if ctx.link:
            self.current.link_chars += len(text)
        self._write(text)

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _end_line(self) -> None:
        if self.current is not None:
            self.lines.append((self.current, self.length))
        self.current = None

    def finish(self) -> str:
        """The whole text; no line is open after this."""
        self._end_line()
        return "".join(self.parts)


def _attrs(node: LexborNode) -> dict[str, str]:
    return {k: v or "" for k, v in node.attributes.items()}


def _hidden(attrs: dict[str, str]) -> bool:
    return "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true" or bool(
        _HIDDEN_STYLE.search(attrs.get("style", ""))
    )


def _is_boilerplate(node: LexborNode, tag: str, attrs: dict[str, str], ctx: _Context) -> bool:
    if tag in _BOILERPLATE_TAGS:
        return True
    # A page-level <header> is site chrome, unless it holds the page's <h1> (and so its lede).
    if tag == "header" and not ctx.in_article and node.css_first("h1") is None:
        return True
    if attrs.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    names = f"{attrs.get('id', '')} {attrs.get('class', '')}"
    unlikely = _UNLIKELY_IN_ARTICLE if ctx.in_article else _UNLIKELY
    if tag in _NEVER_BY_CLASS or not unlikely.search(names) or _MAYBE_CANDIDATE.search(names):
        return False
    # A wrapper whose class merely mentions a sidebar ("site-wrapper has-sidebar") but holds the
    # page's heading or its main content is the page, not a sidebar.
    return node.css_first(_MAIN_CONTENT) is None


def _walk(node: LexborNode, ctx: _Context, out: _Builder) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            raw = child.text_content or ""
            if ctx.pre:
                for i, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
                    if i:
                        out.brk(1)
                    out.text(line, ctx)
                continue
            pieces = _ASCII_WS.split(raw)
            for i, piece in enumerate(pieces):
                if i:
                    out.gap(" ")
                out.text(piece, ctx)
            continue
        if tag is None or tag.startswith("-") or tag.startswith("_") or tag in _INVISIBLE:
            continue  # comments, doctype, invisible elements
        attrs = _attrs(child)
        if _hidden(attrs):
            continue
        layout = _is_layout_table(child) if tag == "table" else ctx.layout
        data_cell = tag in _CELL and not layout
        inner = _Context(
            boilerplate=ctx.boilerplate or _is_boilerplate(child, tag, attrs, ctx),
            structured=ctx.structured or tag in ("ul", "ol", "dl", "pre") or (tag == "table" and not layout),
            pre=ctx.pre or tag in ("pre", "textarea"),
            link=ctx.link or tag in ("a", "button"),  # controls count as links: share and feedback bars
            cell=ctx.cell or data_cell,
            in_article=ctx.in_article or tag in ("article", "main"),
            layout=layout,
        )
        if tag in _CONTROLS:
            out.gap(" ")  # buttons and fields render apart from the text around them
        if tag in _CELL and layout:
            out.brk(2)  # a cell of a layout table is a block of the page, not a value in a row
        elif tag in _CELL:
            out.gap(_CELL_SEPARATOR)
        elif ctx.cell:
            if tag in _PARAGRAPH or tag in _LINE:
                out.gap(" ")  # a block inside a table cell stays in its row
        elif tag in _PARAGRAPH:
            out.brk(2)
        elif tag in _LINE:
            out.brk(1)
        level = _HEADINGS.get(tag)
        first_part = len(out.parts)
        _walk(child, inner, out)
        if level is not None and not inner.boilerplate:
            _record_heading(out, first_part, level)
        if tag in _CONTROLS:
            out.gap(" ")
        if not ctx.cell:
            if tag in _PARAGRAPH or (tag in _CELL and layout):
                out.brk(2)
            elif tag in _LINE and tag != "br":
                out.brk(1)


#: What a cell of a *layout* table holds and a cell of a data table does not.
_LAYOUT_BLOCKS = "table, ul, ol, br, h1, h2, h3, h4, h5, h6, pre, blockquote, div, form"


def _is_layout_table(table: LexborNode) -> bool:
    """True for a table used to lay out a page (old sites, e-mails): some cell holds blocks (lists,
    line breaks, headings, nested tables, several paragraphs). Its cells are then read as blocks
    of the page; a data table's row stays one line with its cells joined."""
    for cell in table.css("td, th"):
        if cell.css_first(_LAYOUT_BLOCKS) is not None or len(cell.css("p")) >= 2:
            return True
    return False


def _record_heading(out: _Builder, first_part: int, level: int) -> None:
    """Record the heading whose text was written from ``out.parts[first_part]`` on."""
    written = "".join(out.parts[first_part:])
    text = written.strip()
    if text:
        start = out.length - len(written) + (len(written) - len(written.lstrip()))
        out.headings.append(Heading(start, level, text))


def _title(tree: LexborHTMLParser) -> str | None:
    for selector, attr in (("title", None), ('meta[property="og:title"]', "content"), ("h1", None)):
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get(attr) if attr else node.text(deep=True)
        text = _ASCII_WS.sub(" ", value or "").strip()
        if text:
            return text
    return None


def html_layer(raw: str) -> TextLayer:
    """Extract the text layer of a web page (see the module docstring for the rules).

    Args:
        raw: the HTML as decoded from the file.

    Returns:
        The visible text with its title, headings, boilerplate and structured spans; ``web`` is
        True, so the remaining lines go through the web-page line rules.
    """
    tree = LexborHTMLParser(raw)
    out = _Builder()
    root = tree.body if tree.body is not None else tree.root
    if root is not None:
        _walk(root, _Context(), out)
    text = out.finish()
    boilerplate: list[Span] = []
    structured: list[Span] = []
    for line, end in out.lines:
        start = line.start
        body = text[start:end]
        stripped = body.strip()
        if not stripped:
            continue
        dense_links = line.link_chars >= LINK_DENSITY * len(stripped)
        if line.boilerplate or dense_links:
            boilerplate.append((start, end))
        elif line.structured:
            structured.append((start, end))
    return TextLayer(
        text=text, title=_title(tree), headings=tuple(out.headings),
        boilerplate=tuple(boilerplate), structured=tuple(structured), web=True,
    )
