from __future__ import annotations

import pytest

from citeqa.corpus.cleaning import (
    clean_document,
    content_segments,
    is_content_line,
    normalize_for_matching,
)
from citeqa.corpus.html_text import visible_text
from citeqa.corpus.reader import Document


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter",
        "Home | News | World | Sport | Contact",
        "Lost your password?",
        "Welcome back!",
        "[Login](/login) [Register](/register) [Help](/help)",
        "Click here",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert not is_content_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "China is also a state party to the UN Refugee Convention.",
        "“We are extremely concerned,” a UN human rights spokesman said.",
        "a long wrapped line of running prose that has no final punctuation because it continues on",
    ],
)
def test_content_lines(line: str) -> None:
    assert is_content_line(line)


def test_segments_skip_boilerplate_and_keep_offsets() -> None:
    text = (
        "Menu\nHome | About | Contact\n\n"
        "The first paragraph says something useful.\n\n"
        "The second paragraph follows it closely.\n"
        "Subscribe now\n"
        "A third paragraph comes after the ad.\n"
    )
    segments = content_segments(text)
    assert [text[s:e] for s, e in segments] == [
        "The first paragraph says something useful.\n\nThe second paragraph follows it closely.",
        "A third paragraph comes after the ad.",
    ]


def test_normalisation_is_for_matching_only() -> None:
    assert normalize_for_matching("China\u2019s\u00a0“role” \u2013 now…") == "China's \"role\" - now..."


def test_html_visible_text_maps_back_to_raw() -> None:
    raw = (
        "<html><head><title>Page title</title><style>p {color: red}</style></head>"
        "<body><nav>Home | News</nav><p>The&nbsp;UN said it had &ldquo;credible information&rdquo; "
        "about   the <b>orphans</b>.</p><script>var x = '<p>not text</p>';</script>"
        "<p>Second paragraph &amp; more text here.</p></body></html>"
    )
    visible = visible_text(raw)
    assert visible.text == (
        "Home | News\nThe\u00a0UN said it had “credible information” about the orphans.\n"
        "Second paragraph & more text here."
    )
    start = visible.text.index("credible")
    end = visible.text.index("orphans") + len("orphans")
    raw_start, raw_end = visible.raw_span(start, end)
    assert visible_text(raw[raw_start:raw_end]).text == visible.text[start:end]
    assert raw[raw_start:raw_end].startswith("credible information&rdquo;")


def test_clean_html_document() -> None:
    raw = "<title>T</title><div>Home | News | Login</div><p>Refugees face deportation from China today.</p>"
    doc = clean_document(Document("a.html", "html", raw, "0", len(raw)))
    assert doc.title == "T"
    assert [doc.view[s:e] for s, e in doc.segments] == ["Refugees face deportation from China today."]
    start, end = doc.original_span(*doc.segments[0])
    assert raw[start:end] == "Refugees face deportation from China today."


def test_markdown_heading_path_is_the_chunk_context() -> None:
    text = (
        "# Guide\n\nIntro text that is long enough to be content here.\n\n## Install\n\n"
        "Run the installer on your machine today please.\n\n###\tLinux\n\n"
        "Use the package manager to install the tool now.\n\n## Use\n\n"
        "Ask questions of the corpus with the command line.\n"
    )
    doc = clean_document(Document("a.md", "markdown", text, "0", len(text)))
    assert [doc.context_at(s) for s, _ in doc.segments] == [
        "Guide", "Guide > Install", "Guide > Install > Linux", "Guide > Use"]
    plain = clean_document(Document("b.txt", "text", "Short title\n\n" + text, "0", 0))
    assert plain.context_at(len(text)) == "Short title"
