"""Split a cleaned document into chunks whose spans are exact.

Spans are computed, never searched for: langchain's ``RecursiveCharacterTextSplitter`` is run with
``chunk_overlap=0``, ``keep_separator="end"`` and ``strip_whitespace=False``, configured so that its
pieces concatenate back to the input exactly (a property test checks this), so each piece's offset is
the running sum of the lengths before it. The splitter's own ``start_index`` is not used: it calls
``str.find`` and points at the first copy of repeated text. Overlap is then added by extending each
chunk backwards over the whole sentences that end its predecessor and fit in ``chunk_overlap``
characters; when no sentence fits, there is no overlap (a passage that starts mid-sentence reads badly
and is cited badly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from citeqa.corpus.cleaning import CleanDocument
from citeqa.corpus.sentences import sentence_spans
from citeqa.corpus.text_layer import is_table_row, page_at

#: Paragraph, sentence end, line, word, character: the splitter tries these in order. Sentence ends
#: come before single line breaks because PDF text (and wrapped plain text) breaks every printed
#: line: splitting there first would cut sentences that fit in a chunk. CJK full stops take no space.
SEPARATORS: tuple[str, ...] = (r"\n\s*\n", r"(?<=[.!?…])\s+|(?<=[。！？])", r"\n", r"\s+", "")


@dataclass(frozen=True)
class Chunk:
    """One indexed passage.

    Attributes:
        doc_id: the document it comes from.
        start: code-point offset in the document's text layer where the passage starts
            (inclusive); the text layer is the file itself for plain text and Markdown, the
            extracted text for HTML, PDF, DOCX, PPTX and EPUB.
        end: code-point offset where it ends (exclusive); ``text_layer[start:end] == text``.
        text: the passage.
        context: the document's title and heading path at the chunk's start, given to BM25 with
            the text so that a passage that never names its subject is still found (never part of
            the citation).
        page: the 1-based page (PDF) or slide (PPTX) the passage starts on; None without pages.
        headings: the heading path at the passage's start, outermost first.
        sentences: the passage's sentences as ``(start, end)`` offsets into ``text`` (in order,
            non-empty; one span covering the text when the segmenter finds none). Each sentence
            has its own vector in the index (``sentences.faiss``), in chunk order then sentence
            order: a question is matched against the sentence that answers it as well as against
            the whole passage, and the quote is chosen among them.
    """

    doc_id: str
    start: int
    end: int
    text: str
    context: str = ""
    page: int | None = None
    headings: tuple[str, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()

    def matching_text(self) -> str:
        """What BM25 sees: the context line, then the passage."""
        return f"{self.context}\n{self.text}" if self.context else self.text

    def sentence_texts(self) -> list[str]:
        """The text of each sentence, in order."""
        return [self.text[start:end] for start, end in self.sentences]


def passage_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of a passage (:func:`citeqa.corpus.sentences.sentence_spans`), or one
    span over the whole text when the segmenter finds none."""
    return tuple(sentence_spans(text)) or ((0, len(text)),)


def make_splitter(chunk_size: int) -> RecursiveCharacterTextSplitter:
    """Build the splitter whose pieces tile its input exactly.

    Args:
        chunk_size: maximum piece length in code points (>= 1).
    """
    return RecursiveCharacterTextSplitter(
        separators=list(SEPARATORS),
        keep_separator="end",
        is_separator_regex=True,
        chunk_size=chunk_size,
        chunk_overlap=0,
        strip_whitespace=False,
    )


def _overlap_start(text: str, prev_start: int, start: int, chunk_overlap: int) -> int:
    """Where a chunk starting at ``start`` should begin to overlap its predecessor."""
    lo = max(prev_start, start - chunk_overlap)
    if lo >= start:
        return start
    # The window starts mid-sentence; the first sentence that starts inside it is the overlap.
    starts = [s for s, _ in sentence_spans(text[lo:start])[1:]]
    return lo + starts[0] if starts else start


def chunk_spans(
    text: str, segments: tuple[tuple[int, int], ...], chunk_size: int, chunk_overlap: int
) -> list[tuple[int, int]]:
    """Chunk each segment of a text.

    Args:
        text: the view text the segments index into.
        segments: ``(start, end)`` content spans (see :func:`citeqa.corpus.cleaning.content_segments`).
        chunk_size: target maximum chunk length in code points, before overlap is added.
        chunk_overlap: at most this many code points of the previous chunk (whole sentences) are
            repeated.

    Returns:
        ``(start, end)`` spans into ``text``, in order of start, each non-empty, starting and ending
        on non-whitespace; without overlap they tile the segments' non-whitespace text.

    Raises:
        ValueError: ``chunk_size < 1`` or ``chunk_overlap`` not in ``[0, chunk_size)``.
    """
    if chunk_size < 1 or not 0 <= chunk_overlap < chunk_size:
        raise ValueError(
            f"need chunk_size >= 1 and 0 <= chunk_overlap < chunk_size, got {chunk_size}, {chunk_overlap}"
        )
    splitter = make_splitter(chunk_size)
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in segments:
        pos = seg_start
        prev_start: int | None = None
        for piece in splitter.split_text(text[seg_start:seg_end]):
            start, end = pos, pos + len(piece)
            pos = end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            if prev_start is not None and chunk_overlap:
                start = _overlap_start(text, prev_start, start, chunk_overlap)
            spans.append((start, end))
            prev_start = start
        if pos != seg_end:  # the splitter's pieces must tile the segment; see the module docstring
            raise AssertionError(f"splitter pieces do not tile segment [{seg_start}, {seg_end})")
    return spans


def chunk_document(document: CleanDocument, chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    """Chunk a cleaned document into passages with spans in its text layer.

    Args:
        document: the cleaned document.
        chunk_size: see :func:`chunk_spans`.
        chunk_overlap: see :func:`chunk_spans`.

    Returns:
        The chunks in document order.

    Raises:
        ValueError: bad chunking parameters.
    """
    return [
        Chunk(document.doc_id, start, end, document.text[start:end], document.context_at(start),
              page_at(document.pages, start), document.heading_path(start),
              passage_sentences(document.text[start:end]))
        for start, end in chunk_spans(document.text, document.segments, chunk_size, chunk_overlap)
    ]


#: A Markdown pipe table's delimiter cell (GFM: hyphens, a colon either side for alignment).
_SEPARATOR_CELL = re.compile(r":?-+:?")


#: A cell boundary: a pipe not escaped by a backslash (GFM: ``\\|`` is a pipe inside a cell).
_CELL_PIPE = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> list[str] | None:
    """The cells of a table row as the readers write tables (``a | b`` for HTML, DOCX and PPTX
    tables; ``| a | b |`` in Markdown, where ``\\|`` is a pipe inside a cell), or None for a line
    that is not one."""
    if not is_table_row(line):
        return None
    parts = _CELL_PIPE.split(line)
    if line.startswith("|"):  # Markdown's outer pipes
        parts = parts[1:-1] if len(parts) > 2 and not parts[-1].strip() else parts[1:]
    cells = [cell.strip().replace("\\|", "|") for cell in parts]
    return cells if len(cells) >= 2 else None


def table_row_texts(text: str) -> dict[tuple[int, int], str]:
    """What each data row of the text's tables is embedded as: every cell after its column's
    header, ``"soup: tomato; serves: 3; time: 50 min"`` for the row ``| tomato | 3 | 50 min |``.

    A row alone says nothing of what its cells are (the question "How many servings does the
    tomato soup make?" had cosine 0.29 with that row and was not answered); the sentence vectors
    of the index are made from these texts, while spans and quotes stay the row as written.

    A table is two or more consecutive lines with the same number of cells (two or more), the
    first of them its header; Markdown separator lines belong to it and are not rows. A table with
    a Markdown separator line under its header goes on, as GFM reads it, over every following
    row whatever its number of cells: a cell past the header's keeps no name (GFM does not show
    it; its text still counts), a missing one is empty.

    Args:
        text: a document's text layer.

    Returns:
        ``(start, end)`` of each data row, trimmed of surrounding whitespace (code points into
        ``text``) -> its text with headers; rows without a header keep no entry.
    """
    rows: dict[tuple[int, int], str] = {}
    block: list[tuple[int, int, list[str]]] = []  # the current table's lines: start, end, cells

    def close() -> None:
        lines = [line for line in block if not all(_SEPARATOR_CELL.fullmatch(c) for c in line[2])]
        if len(lines) >= 2 and any(lines[0][2]):
            header = lines[0][2]
            for start, end, cells in lines[1:]:
                names = header + [""] * (len(cells) - len(header))  # a cell past the header's: no name
                cells = cells + [""] * (len(names) - len(cells))
                rows[(start, end)] = "; ".join(f"{name}: {cell}" if name else cell
                                               for name, cell in zip(names, cells, strict=True) if cell)
        block.clear()

    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        start = offset + (len(raw) - len(raw.lstrip()))
        offset += len(raw)
        cells = _cells(stripped) if stripped else None
        gfm = len(block) >= 2 and all(_SEPARATOR_CELL.fullmatch(c) for c in block[1][2])
        if cells is None or (block and len(cells) != len(block[0][2]) and not gfm):
            close()
        if cells is not None:
            block.append((start, start + len(stripped), cells))
    close()
    return rows
