"""Choose what to index in a document without rewriting it.

Cleaning never edits text: it returns *segments*, spans of a document's view text that hold
content, and everything that is not in a segment (navigation, "Subscribe", ads, login prompts,
comment forms) is simply not indexed. For plain text and Markdown the view text is the file's text;
for HTML it is the visible text (:mod:`citeqa.corpus.html_text`), mapped back to raw offsets.

Boilerplate is recognised by general line rules, not by phrase lists (web-page cleaning heuristics
in the spirit of jusText, Pomikálek 2011: short lines without sentence punctuation and link-dense
lines are boilerplate). A line is content when it

- has at least ``LONG_LINE_WORDS`` words (running prose), or
- has at least ``SENTENCE_MIN_WORDS`` words and ends like a sentence (``.``, ``!``, ``?``, ``…``,
  optionally followed by closing quotes or brackets),

and is not link-farm-like (many ``|``/``•``/``»`` separators, or mostly Markdown links).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from citeqa.corpus.html_text import VisibleText, visible_text
from citeqa.corpus.reader import Document

#: A line with this many words is prose even without final punctuation (a wrapped paragraph line).
LONG_LINE_WORDS = 15
#: A sentence-final line needs this many words ("Lost your password?" and "Welcome back!" do not).
SENTENCE_MIN_WORDS = 5

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_SEPARATORS = re.compile(r"[|•·›»]")
_MD_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)

# Typographic characters folded to ASCII for matching only (the embedder and BM25 see the folded
# copy; citations keep the original).
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u2026": "...",
    }
)
_WS = re.compile(r"\s+")


def normalize_for_matching(text: str) -> str:
    """Fold a text for the embedder and tokenizer: NFKC, curly quotes and dashes to ASCII, every
    whitespace run (NBSP, tabs, line breaks) to one space, stripped.

    Only ever applied to a copy; never to text that offsets point into.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _WS.sub(" ", folded).strip()


def is_content_line(line: str) -> bool:
    """Tell whether one line (no line break) is content rather than site boilerplate.

    See the module docstring for the rule and its source.
    """
    stripped = line.strip()
    words = stripped.split()
    if not words:
        return False
    separators = len(_SEPARATORS.findall(stripped))
    if separators >= 2 and separators * 5 >= len(words):
        return False
    link_chars = sum(len(m) for m in _MD_LINK.findall(stripped))
    if link_chars * 2 >= len(stripped):
        return False
    if len(words) >= LONG_LINE_WORDS:
        return True
    return len(words) >= SENTENCE_MIN_WORDS and bool(_SENTENCE_END.search(stripped))


@dataclass(frozen=True)
class CleanDocument:
    """A document with the spans chosen for indexing.

    Attributes:
        doc_id: the document's id.
        view: the text the segments index into: the file's text for plain text and Markdown, the
            visible text for HTML.
        segments: ``(start, end)`` half-open code-point spans of ``view`` holding content, in order,
            non-overlapping, each starting and ending on a non-whitespace character.
        title: the document's title if it has one (HTML ``<title>``, a first Markdown heading, or a
            short first line without sentence punctuation), else ``None``.
        visible: for HTML, the map from view to raw offsets; ``None`` when view is the raw text.
        headings: Markdown headings as ``(view offset, level 1-6, text)``, in order.
    """

    doc_id: str
    view: str
    segments: tuple[tuple[int, int], ...]
    title: str | None
    visible: VisibleText | None = None
    headings: tuple[tuple[int, int, str], ...] = ()

    def context_at(self, offset: int) -> str:
        """The title and heading path in force at a view offset, e.g. ``"Guide > Install > Linux"``.

        Args:
            offset: a code-point offset into ``view``.
        """
        path: list[tuple[int, str]] = []
        for position, level, text in self.headings:
            if position > offset:
                break
            path = [(lvl, t) for lvl, t in path if lvl < level] + [(level, text)]
        parts = [t for _, t in path]
        if self.title and (not parts or parts[0] != self.title):
            parts.insert(0, self.title)
        return " > ".join(parts)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty view span to its span in the original file (identity unless HTML).

        Raises:
            ValueError: the span is empty or outside the view.
        """
        if self.visible is None:
            if not 0 <= start < end <= len(self.view):
                raise ValueError(f"span [{start}, {end}) is empty or outside [0, {len(self.view)})")
            return start, end
        return self.visible.raw_span(start, end)


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text``, line breaks excluded (str.splitlines rules)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it starts and ends on non-whitespace (may become empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def content_segments(view: str, *, markdown: bool = False) -> tuple[tuple[int, int], ...]:
    """Find the content segments of a view text.

    A segment is a maximal run of content lines, blank lines allowed between them; any boilerplate
    line ends the run, so a chunk never straddles dropped text. Markdown headings are structure,
    not content: they end a segment too.

    Args:
        view: the text to segment.
        markdown: treat ``#`` lines as headings.

    Returns:
        ``(start, end)`` code-point spans into ``view``, in order, trimmed of edge whitespace.
    """
    segments: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for start, end in _lines(view):
        line = view[start:end]
        if not line.strip():
            continue
        if not (markdown and _MD_HEADING.match(line)) and is_content_line(line):
            run = (run[0], end) if run else (start, end)
            continue
        if run:
            segments.append(run)
        run = None
    if run:
        segments.append(run)
    trimmed = (_trim(view, s, e) for s, e in segments)
    return tuple((s, e) for s, e in trimmed if s < e)


def _title(document: Document, view: str) -> str | None:
    """The document's title: HTML <title>, first Markdown heading, or a short unpunctuated first line."""
    if document.kind == "html":
        match = _HTML_TITLE.search(document.text)
        if match and visible_text(match.group(1)).text.strip():
            return visible_text(match.group(1)).text.strip()
    first = next((view[s:e].strip() for s, e in _lines(view) if view[s:e].strip()), "")
    if document.kind == "markdown":
        heading = _MD_HEADING.match(first)
        if heading:
            return heading.group(1) or None
    if first and not is_content_line(first) and len(first.split()) <= 20:
        return first
    return None


def _heading_level(line: str) -> int:
    """Number of leading ``#`` of a Markdown heading line."""
    stripped = line.lstrip()
    return len(stripped) - len(stripped.lstrip("#"))


def clean_document(document: Document) -> CleanDocument:
    """Choose the spans of a document to index.

    Args:
        document: a document as read by :func:`citeqa.corpus.reader.read_corpus`.

    Returns:
        The document's view text, content segments and title. A document may have no segment
        (all boilerplate); it is then not indexed but stays readable.
    """
    if document.kind == "html":
        visible = visible_text(document.text)
        view = visible.text
        segments = content_segments(view)
        return CleanDocument(document.doc_id, view, segments, _title(document, view), visible)
    markdown = document.kind == "markdown"
    segments = content_segments(document.text, markdown=markdown)
    headings = tuple(
        (start, _heading_level(document.text[start:end]), match.group(1))
        for start, end in (_lines(document.text) if markdown else ())
        if (match := _MD_HEADING.match(document.text[start:end])) and match.group(1)
    )
    return CleanDocument(
        document.doc_id, document.text, segments, _title(document, document.text), headings=headings
    )
