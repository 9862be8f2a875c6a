"""The citation invariant: every chunk's span slices exactly its text out of the document's text layer."""

from __future__ import annotations

import html as html_lib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeqa.corpus.cleaning import clean_document
from citeqa.corpus.errors import EmptyDocumentError
from citeqa.corpus.reader import Document, read_corpus
from citeqa.index.chunking import chunk_document, chunk_spans, make_splitter

from tests.conftest import BUILTIN_CORPUS, text_document

# Pieces that make chunking hard: repeated sentences, CRLF, tabs, form feeds, runs of spaces, NBSP,
# curly quotes, accented letters, astral emoji, paragraph breaks, and boilerplate lines.
_PIECES = [
    "The same sentence occurs twice. ",
    "The same sentence occurs twice. ",
    "Réfugiés à Pékin “fled” the border—again. ",
    "Emoji 😀🇰🇷 are astral code points! ",
    "Tabs\tand\u00a0NBSP and    runs of spaces? ",
    "\r\n",
    "\n\n",
    "\x0c",
    "Subscribe\n",
    "Home | News | Login\n",
    "word ",
    "A much longer sentence that goes on for a while so that chunks must be split somewhere. ",
]
texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60).map("".join)


def _doc(text: str, format: str = "text") -> Document:
    return text_document(text, format)  # type: ignore[no-any-return]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, size=st.integers(40, 400), overlap_share=st.floats(0, 0.5))
def test_plain_text_spans_are_exact_and_ordered(text: str, size: int, overlap_share: float) -> None:
    overlap = int(size * overlap_share)
    if not text.strip():
        return  # a whitespace-only file is skipped, never indexed
    clean = clean_document(_doc(text))
    chunks = chunk_document(clean, size, overlap)
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip() and chunk.text
    starts = [c.start for c in chunks]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # Without overlap the chunks tile every segment's non-whitespace text, in order.
    for seg_start, seg_end in clean.segments:
        inside = [c for c in chunk_spans(text, ((seg_start, seg_end),), size, 0)]
        covered = "".join(text[s:e] for s, e in inside)
        assert "".join(text[seg_start:seg_end].split()) == "".join(covered.split())
        assert inside[0][0] == seg_start and inside[-1][1] == seg_end


@settings(max_examples=200, deadline=None)
@given(text=texts, size=st.integers(1, 300))
def test_splitter_pieces_tile_their_input(text: str, size: int) -> None:
    assert "".join(make_splitter(size).split_text(text)) == text


_HTML_PIECES = [
    "<p>", "</p>", "<div class=\"x\">", "</div>", "<br/>", "<b>", "</b>",
    "<script>var s = '<p>no</p>';</script>", "<!-- a comment -->", "<style>p{}</style>",
    "&amp;", "&nbsp;", "&ldquo;", "&#8217;", "&#x1F600;", "&bogus;",
    "Réfugiés fled the border again and again. ", "The same sentence occurs twice. ",
    "The same sentence occurs twice. ", "Home | News | Login", "\r\n", "  ", "😀 emoji text here. ",
]
html_texts = st.lists(st.sampled_from(_HTML_PIECES), min_size=1, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(raw=html_texts, size=st.integers(40, 300))
def test_html_spans_slice_the_text_layer(raw: str, size: int) -> None:
    if not raw.strip():
        return
    try:
        document = _doc(raw, "html")
    except EmptyDocumentError:
        return  # nothing visible: the file is skipped, not indexed
    chunks = chunk_document(clean_document(document), size, size // 4)
    for chunk in chunks:
        assert document.text[chunk.start : chunk.end] == chunk.text
        assert 0 <= chunk.start < chunk.end <= len(document.text)


def test_html_entities_decode_in_passages() -> None:
    raw = "<p>" + html_lib.escape("Refugees & migrants \"fled\" to China in large numbers.") + "</p>"
    chunks = chunk_document(clean_document(_doc(raw, "html")), 500, 100)
    assert [c.text for c in chunks] == ['Refugees & migrants "fled" to China in large numbers.']


def test_repeated_sentence_gets_each_copy_cited() -> None:
    sentence = "North Korean refugees are deported by China every single year."
    text = f"{sentence}\n\n{sentence}\n\n{sentence}"
    chunks = chunk_document(clean_document(_doc(text)), 70, 0)
    assert [(c.start, c.end) for c in chunks] == [(0, 62), (64, 126), (128, 190)]


def test_every_chunk_of_the_builtin_corpus_is_exact() -> None:
    corpus = read_corpus(BUILTIN_CORPUS)
    total = 0
    for document in corpus.documents:
        for chunk in chunk_document(clean_document(document), 500, 100):
            assert document.text[chunk.start : chunk.end] == chunk.text
            total += 1
    assert total > 20
