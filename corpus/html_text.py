"""Visible text of an HTML file, with a map from every visible character back to the raw file.

Why not an HTML library: citations must point into the raw file, and parsers such as selectolax or
lxml give no character offsets for text nodes. This is a small, local tokenizer whose output for any
slice ``raw[a:b]`` that starts and ends on visible characters equals the matching slice of the whole
document's visible text, which is what makes ``visible_text(raw[start:end]) == passage.text`` hold.

Rules (a subset of what a browser renders, per the WHATWG HTML spec's "rendered text"):
- tags and comments are removed; ``<script>``, ``<style>``, ``<head>``, ``<noscript>``,
  ``<template>``, ``<svg>`` and their content are not visible;
- character references (``&amp;``, ``&#8217;``, ``&nbsp;``) are decoded;
- runs of ASCII whitespace collapse to one space; block-level tags (``p``, ``div``, ``br``, ``li``,
  headings, ...) become a line break, so that each block is one line of the visible text;
- leading and trailing whitespace is dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_HIDDEN = ("script", "style", "head", "noscript", "template", "svg", "title")
_BLOCK = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td "
    "tfoot th thead tr ul body html".split()
)
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment (an unclosed one runs to the end, as in browsers)
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"  # tag
    r"|<![^>]*>|<\?[^>]*>"  # doctype, processing instruction
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",  # character reference
    re.DOTALL,
)
_ASCII_SPACE = " \t\n\r\f"


@dataclass(frozen=True)
class VisibleText:
    """The visible text of an HTML string and its map back into that string.

    Attributes:
        text: the visible text (see the module docstring for the rules).
        raw_starts: ``raw_starts[i]`` is the code-point offset in the raw HTML where visible
            character ``i`` begins; same length as ``text``.
        raw_ends: ``raw_ends[i]`` is the offset just past the raw source of character ``i``
            (past the whole reference for ``&amp;``).
    """

    text: str
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty visible span ``[start, end)`` to the raw span that renders it.

        Raises:
            ValueError: the span is empty or outside the text.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"visible span [{start}, {end}) is empty or outside [0, {len(self.text)})")
        return self.raw_starts[start], self.raw_ends[end - 1]


def _hidden_end(raw: str, name: str, pos: int) -> int:
    """Offset just past the closing tag of a hidden element opened before ``pos`` (or end of text)."""
    match = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(raw, pos)
    return match.end() if match else len(raw)


def visible_text(raw: str) -> VisibleText:
    """Extract the visible text of an HTML string with an offset map.

    Args:
        raw: the HTML as decoded from the file.

    Returns:
        The visible text; every character maps to a non-empty raw span, in increasing order.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending: tuple[str, int, int] | None = None  # collapsed whitespace waiting for the next char

    def emit(char: str, start: int, end: int) -> None:
        nonlocal pending
        if char in _ASCII_SPACE:
            brk = "\n" if char == "\n" else " "
            if pending is None or (brk == "\n" and pending[0] == " "):
                pending = (brk, start, end) if pending is None else ("\n", pending[1], end)
            return
        if pending is not None and out:
            out.append(pending[0])
            starts.append(pending[1])
            ends.append(pending[2])
        pending = None
        out.append(char)
        starts.append(start)
        ends.append(end)

    pos = 0
    while True:
        match = _TOKEN.search(raw, pos)
        stop = match.start() if match else len(raw)
        for i in range(pos, stop):
            char = raw[i]
            emit(" " if char in _ASCII_SPACE else char, i, i + 1)
        if match is None:
            break
        token = match.group(0)
        pos = match.end()
        if token.startswith("&"):
            decoded = html.unescape(token)
            if decoded == token:  # not a known reference: the text stays as written
                for i, char in enumerate(token):
                    emit(char, match.start() + i, match.start() + i + 1)
            else:
                for char in decoded:
                    emit(" " if char in _ASCII_SPACE else char, match.start(), match.end())
            continue
        name = (match.group("name") or "").lower()
        if name and not match.group("close") and name in _HIDDEN and not token.endswith("/>"):
            pos = _hidden_end(raw, name, pos)
        elif name in _BLOCK:
            emit("\n", match.start(), match.end())
    return VisibleText("".join(out), tuple(starts), tuple(ends))
