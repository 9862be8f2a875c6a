"""The one sentence segmenter of citeqa: quotes, chunk overlap and the cleaner's line rule use it.

Library: pysbd 0.3.4 (Python Sentence Boundary Disambiguation, MIT; Sadvilkar & Neumann, NLP-OSS
2020, rules from the "Golden Rules" set), chosen over syntok 1.4.4 on our fixtures
(tests/corpus/test_sentences.py): pysbd split 13 of 13 hard cases right (decimals "0.30 €",
"€4.50", thousands "1,240", "U.S.", "Dr.", initials "J. R. R.", ellipses, quotes, URLs, versions
"2.1.3", "e.g.", CJK full stops), syntok 12 (it kept two Chinese sentences together); syntok is 3x
faster (1.7 M against 0.57 M characters a second on the built-in articles), which does not matter at
the sizes segmented here (a passage, a window of overlap). Its character spans are exact slices.

pysbd ends a sentence at every line break. A line break followed by a lower-case letter continues a
sentence (a PDF's printed lines, wrapped plain text), so such breaks are read as spaces; other line
breaks (list items, table rows, a heading over its paragraph) end one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from citeqa.corpus.text_layer import Span, is_table_row

#: A line ends like a sentence: terminal punctuation, then closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*\s*$")
#: A line break inside a sentence: the next line goes on in lower case.
_CONTINUED = re.compile(r"\r?\n(?=[ \t]*[a-zà-ÿ])")


def _join(text: str, match: re.Match[str]) -> str:
    """The replacement of a line break that :data:`_CONTINUED` found: spaces (the sentence goes
    on), unless the line before or after is a table row, which is a sentence of its own ("tube |
    8 euros" after "part | price" is a row, not the rest of a sentence)."""
    before = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
    after_end = text.find("\n", match.end())
    after = text[match.end():after_end if after_end >= 0 else len(text)]
    if is_table_row(before) or is_table_row(after):
        return match.group(0)
    return " " * len(match.group(0))


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd  # imported on first use: reading a corpus needs it, answering from an index too

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentence_spans(text: str) -> list[Span]:
    """Split a text into sentences.

    Args:
        text: any text (a passage, a window of a text layer).

    Returns:
        ``(start, end)`` code-point spans of ``text``, in order, each trimmed of surrounding
        whitespace and non-empty; together they hold every non-space character of ``text``.
    """
    if not text.strip():
        return []
    joined = _CONTINUED.sub(lambda m: _join(text, m), text)  # same length: same offsets
    # Only pysbd's sentence ends are used, made non-decreasing, and the spans run from one end to
    # the next: its pieces can overlap or skip text (a spaced ellipsis ". . ." in a quotation came
    # back as two overlapping pieces, found on a SQuAD article), and a citation needs ordered spans
    # that hold every character.
    cuts: list[int] = []
    for piece in _segmenter().segment(joined):
        end = min(max(piece.end, cuts[-1] if cuts else 0), len(text))
        if end > (cuts[-1] if cuts else 0):
            cuts.append(end)
    if not cuts or cuts[-1] < len(text):
        cuts.append(len(text))
    spans: list[Span] = []
    start = 0
    for end in cuts:
        lo, hi = start, end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        start = end
        if lo == hi:
            continue
        if spans and not any(ch.isalnum() for ch in text[lo:hi]):
            spans[-1] = (spans[-1][0], hi)  # a piece of bare punctuation (". .") ends the sentence before
        else:
            spans.append((lo, hi))
    return spans


def ends_sentence(line: str) -> bool:
    """True when a line ends like a sentence (terminal punctuation, Latin or CJK, then optional
    closing quotes or brackets): the cleaner's and the title rule's test."""
    return bool(_ENDS_SENTENCE.search(line))
