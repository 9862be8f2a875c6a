"""Choose what to index in a document's text layer without rewriting it.

Cleaning never edits text: it returns *segments*, spans of the text layer that hold content, and
everything outside a segment is simply not indexed (it stays in the text layer, which is served
whole). Headings are structure, not passages: they end a segment and reach BM25 as each passage's
context line (title and heading path).

- Every format but web pages keeps all its text: plain text, Markdown, RST, CSV, DOCX, PDF, PPTX and
  EPUB keep tables, lists, code blocks, short lines and every script. Only what the reader marked
  as not content by structure (Markdown front matter, RST markup lines, a PDF's running headers
  and footers, a DOCX Title paragraph) is left out.
- Web pages (HTML) drop what their structure marks as boilerplate (navigation, footers, cookie
  banners, link lists: :mod:`citeqa.corpus.html_text`) and cookie notices by their wording, keep
  table rows, list items and code, and judge the remaining lines by jusText's rules (Pomikálek
  2011): a line is content when it has at least ``LONG_LINE_WORDS`` words, or at least
  ``SENTENCE_MIN_WORDS`` words and ends like a sentence, and is not link-farm-like (many
  ``|``/``•``/``»`` separators, or mostly Markdown links); a shorter line is content when its
  nearest decided neighbours on both sides are content (jusText's context rule), and a page with no
  longer line keeps its short ones (a contact page) rather than vanish. Words are counted
  so that CJK text, written without spaces, counts (:func:`word_count`). Measured on labelled
  pages in eval/HTML_CLEANING.md.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from citeqa.corpus.plain_text import line_spans
from citeqa.corpus.reader import Document
from citeqa.corpus.sentences import ends_sentence
from citeqa.corpus.text_layer import Heading, Span, page_at

#: A line with this many words is prose even without final punctuation (a wrapped paragraph line).
LONG_LINE_WORDS = 15
#: A sentence-final line needs this many words ("Lost your password?" and "Welcome back!" do not).
SENTENCE_MIN_WORDS = 5
#: Characters of CJK text per word when counting words of text without spaces: modern Chinese
#: words average about 1.5-2 characters (Chinese Lexical Database, Sun et al. 2018); 2 is cautious.
CJK_CHARS_PER_WORD = 2

#: A cookie or consent notice ("We use cookies...", "This site stores information on your
#: device..."): boilerplate even in a block whose markup does not say so.
_COOKIE_NOTICE = re.compile(
    r"\b(we|this (web)?site|our (web)?site|our partners)\b[^.]{0,40}\b(use|uses|store|stores)\b[^.]{0,40}"
    r"\b(cookies|information on your device)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|•·›»]")
_MD_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]")

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
#: Every character of Unicode category Cf (format) as of Unicode 14 (Python 3.11's unicodedata;
#: tests/corpus/test_cleaning.py checks the list against it).
_FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def normalize_for_matching(text: str) -> str:
    """Fold a text for the embedder and tokenizer: invisible format characters removed, NFKC,
    curly quotes and dashes to ASCII, every whitespace run (NBSP, tabs, line breaks) to one space,
    stripped.

    Format characters (Unicode category Cf: soft hyphen, zero-width space and joiners, word joiner,
    an inner BOM, bidi controls) split a word for BM25 and the confidence signal although no reader
    sees them: "Kreuz\u00adberg" must match "Kreuzberg". Only ever applied to a copy; never to text
    that offsets point into.
    """
    visible = _FORMAT_CHARS.sub("", text)
    folded = unicodedata.normalize("NFKC", visible).translate(_FOLD)
    return _WS.sub(" ", folded).strip()


def word_count(line: str) -> int:
    """Words in a line: whitespace-separated tokens, where a CJK run counts one word per
    :data:`CJK_CHARS_PER_WORD` characters (at least one)."""
    count = 0
    for token in line.split():
        cjk = len(_CJK.findall(token))
        count += max(1, -(-cjk // CJK_CHARS_PER_WORD))  # ceil(cjk / chars per word), >= 1
    return count


def is_link_farm(line: str) -> bool:
    """A menu or link list written out as text: many ``|``/``•``/``»`` separators for its words, or
    mostly Markdown links."""
    stripped = line.strip()
    separators = len(_SEPARATORS.findall(stripped))
    if separators >= 2 and separators * 5 >= word_count(stripped):
        return True
    link_chars = sum(len(m) for m in _MD_LINK.findall(stripped))
    return link_chars * 2 >= len(stripped)


def is_content_line(line: str) -> bool:
    """Tell whether one line of a web page (no line break) is content rather than boilerplate.

    See the module docstring for the rule and its source.
    """
    stripped = line.strip()
    if not stripped or is_link_farm(stripped):
        return False
    words = word_count(stripped)
    if words >= LONG_LINE_WORDS:
        return True
    return words >= SENTENCE_MIN_WORDS and ends_sentence(stripped)


@dataclass(frozen=True)
class CleanDocument:
    """A document with the spans chosen for indexing.

    Attributes:
        doc_id: the document's id.
        text: its text layer (what segments and offsets index into).
        segments: ``(start, end)`` half-open code-point spans of ``text`` holding content, in order,
            non-overlapping, each starting and ending on a non-whitespace character.
        title: the document's own title, or None (the file name is not used as context).
        headings: the document's headings, in order.
        pages: start offset of each page (empty without pages).
    """

    doc_id: str
    text: str
    segments: tuple[Span, ...]
    title: str | None
    headings: tuple[Heading, ...] = ()
    pages: tuple[int, ...] = ()

    def heading_path(self, offset: int) -> tuple[str, ...]:
        """The headings in force at an offset, outermost first, e.g. ``("Install", "Linux")``."""
        path: list[Heading] = []
        for heading in self.headings:
            if heading.offset > offset:
                break
            path = [h for h in path if h.level < heading.level] + [heading]
        return tuple(h.text for h in path)

    def context_at(self, offset: int) -> str:
        """The title and heading path at an offset, e.g. ``"Guide > Install > Linux"`` (what BM25
        sees before a passage so that a passage that never names its subject is still found)."""
        parts = list(self.heading_path(offset))
        if self.title and (not parts or parts[0] != self.title):
            parts.insert(0, self.title)
        return " > ".join(parts)


def _trim(text: str, start: int, end: int) -> Span:
    """Shrink a span so that it starts and ends on non-whitespace (may become empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside(spans: tuple[Span, ...], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of ``spans`` (sorted, non-overlapping)."""
    i = bisect_right(spans, (start, float("inf")))  # the spans starting at or before ``start``...
    if i and spans[i - 1][1] > start:  # ...the last of which may reach into the line
        return True
    return i < len(spans) and spans[i][0] < end


_HEADING, _BAD, _SHORT, _GOOD = "heading", "bad", "short", "good"


def _line_classes(document: Document) -> list[tuple[int, int, str]]:
    """Classify each non-blank line of the text layer: heading, bad (boilerplate), good
    (content) or, on web pages only, short (to be decided by its neighbours)."""
    layer = document.layer
    text = layer.text
    heading_offsets = sorted(h.offset for h in layer.headings)
    rows: list[tuple[int, int, str]] = []
    for start, end in line_spans(text):
        line = text[start:end]
        if not line.strip():
            continue
        i = bisect_left(heading_offsets, start)
        if i < len(heading_offsets) and heading_offsets[i] < end:
            kind = _HEADING
        elif _inside(layer.boilerplate, start, end) or (layer.web and _COOKIE_NOTICE.search(line)):
            kind = _BAD
        elif not layer.web or _inside(layer.structured, start, end) or is_content_line(line):
            kind = _GOOD  # table rows are structured: their " | " is no link farm
        elif is_link_farm(line):
            kind = _BAD
        else:
            kind = _SHORT
        rows.append((start, end, kind))
    return _resolve_short(rows)


def _resolve_short(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """jusText's context rule (Pomikálek 2011, section 3.2): a short line whose nearest decided
    neighbours on both sides are content is content ("Price: 4.50 €" between two paragraphs of a
    product page); otherwise boilerplate. Headings count as content neighbours: a short line under
    a heading and above a paragraph belongs to that section."""
    def neighbour(i: int, step: int) -> str:
        j = i + step
        while 0 <= j < len(rows):
            if rows[j][2] == _HEADING:
                return _GOOD
            if rows[j][2] != _SHORT:
                return rows[j][2]
            j += step
        return _BAD
    if not any(kind == _GOOD for _, _, kind in rows):
        # A page of short lines only (a contact page: address, phone, hours) keeps them all rather
        # than vanish from the index; what its structure marks as boilerplate still goes.
        return [(s, e, _GOOD if kind == _SHORT else kind) for s, e, kind in rows]
    return [
        (s, e, _GOOD if kind == _SHORT and neighbour(i, -1) == _GOOD and neighbour(i, 1) == _GOOD
         else _BAD if kind == _SHORT else kind)
        for i, (s, e, kind) in enumerate(rows)
    ]


def content_segments(document: Document) -> tuple[Span, ...]:
    """Find the content segments of a document's text layer (rules: module docstring).

    A segment is a maximal run of content lines, blank lines allowed between them; a boilerplate
    line, a heading or a new page ends the run, so a chunk never straddles dropped text, a section
    break or a page break.

    Returns:
        ``(start, end)`` code-point spans into ``document.text``, in order, trimmed of edge
        whitespace.
    """
    pages = document.layer.pages
    segments: list[Span] = []
    run: Span | None = None
    run_page: int | None = None
    for start, end, kind in _line_classes(document):
        page = page_at(pages, start)
        if run and page != run_page:  # a passage stays on one page, so its page is the fact's page
            segments.append(run)
            run = None
        run_page = page
        if kind == _GOOD:
            run = (run[0], end) if run else (start, end)
            continue
        if run:
            segments.append(run)
        run = None
    if run:
        segments.append(run)
    trimmed = (_trim(document.text, s, e) for s, e in segments)
    return tuple((s, e) for s, e in trimmed if s < e)


def clean_document(document: Document) -> CleanDocument:
    """Choose the spans of a document to index.

    Args:
        document: a document as read by :func:`citeqa.corpus.reader.read_corpus`.

    Returns:
        The text layer's content segments, title, headings and pages. A document may have no
        segment (a web page that is all boilerplate); it is then not indexed but stays readable.
    """
    return CleanDocument(
        document.doc_id, document.text, content_segments(document), document.layer.title,
        document.headings, document.pages,
    )
