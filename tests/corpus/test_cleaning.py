from __future__ import annotations

import pytest

from citeqa.corpus.cleaning import (
    clean_document,
    content_segments,
    is_content_line,
    normalize_for_matching,
)
from citeqa.corpus.html_text import html_layer

from tests.conftest import text_document


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


def test_web_page_segments_skip_boilerplate_lines() -> None:
    raw = (
        "<p>Menu</p><p>Home | About | Contact</p>"
        "<p>The first paragraph says something useful.</p>"
        "<p>The second paragraph follows it closely.</p><p>We use cookies to improve this site.</p>"
        "<p>A third paragraph comes after the notice.</p><p>Share this</p>"
    )
    document = text_document(raw, "html")
    segments = content_segments(document)
    assert [document.text[s:e] for s, e in segments] == [
        "The first paragraph says something useful.\n\nThe second paragraph follows it closely.",
        "A third paragraph comes after the notice.",
    ]


def test_a_short_line_between_content_lines_is_content() -> None:
    raw = ("<p>The kettle boils a litre of water in under two minutes.</p><p>Price: 4.50 €</p>"
           "<p>It switches itself off when the water boils or the jug is lifted.</p><p>Share this</p>")
    document = text_document(raw, "html")
    kept = [document.text[s:e] for s, e in content_segments(document)]
    assert len(kept) == 1 and "Price: 4.50 €" in kept[0] and "Share this" not in kept[0]


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_plain_text_keeps_every_line(format: str) -> None:
    text = "Menu\nHome | About | Contact\n\nShort line\n\n价格是三十元\n- item one\n"
    document = text_document(text, format)
    assert [document.text[s:e] for s, e in content_segments(document)] == [text.strip()]


@pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\u2028", "\u2029", "\r"])
def test_other_line_breaks_never_cut_a_sentence(brk: str) -> None:
    sentence = f"Dr Okafor runs{brk}the night clinic on Tuesdays and Fridays."
    for format, raw in (("text", sentence), ("html", f"<p>{sentence}</p>")):
        document = text_document(raw, format)
        segments = content_segments(document)
        assert len(segments) == 1
        assert "Dr Okafor runs" in document.text[segments[0][0]:segments[0][1]]


def test_normalisation_is_for_matching_only() -> None:
    assert normalize_for_matching("China\u2019s\u00a0“role” \u2013 now…") == "China's \"role\" - now..."


def test_html_text_layer() -> None:
    raw = (
        "<html><head><title>Page title</title><style>p {color: red}</style></head>"
        "<body><nav>Home | News</nav><p>The&nbsp;UN said it had &ldquo;credible information&rdquo; "
        "about   the <b>orphans</b>.</p><script>var x = '<p>not text</p>';</script>"
        "<p>Second paragraph &amp; more text here.</p></body></html>"
    )
    layer = html_layer(raw)
    assert layer.text == (
        "Home | News\n\nThe\u00a0UN said it had “credible information” about the orphans.\n\n"
        "Second paragraph & more text here."
    )
    assert layer.title == "Page title"
    assert [layer.text[s:e] for s, e in layer.boilerplate] == ["Home | News"]


def test_clean_html_document() -> None:
    raw = "<title>T</title><div>Home | News | Login</div><p>Refugees face deportation from China today.</p>"
    doc = clean_document(text_document(raw, "html"))
    assert doc.title == "T"
    assert [doc.text[s:e] for s, e in doc.segments] == ["Refugees face deportation from China today."]


def test_cookie_banner_and_navigation_are_not_content_but_tables_and_lists_are() -> None:
    raw = (
        '<div class="cookie-banner"><p>We use cookies. Accept all cookies?</p></div>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/r">Routes</a></li></ul></nav>'
        "<main><h1>Ferry</h1><p>The ferry to Wren Island leaves every forty minutes from Pier 3.</p>"
        "<table><tr><th>Ticket</th><th>Price</th></tr><tr><td>Adult</td><td>4.50 €</td></tr></table>"
        "<ul><li>Bikes ride free</li></ul><pre>ferry --route wren</pre></main>"
        "<footer><p>© 2024 Harbor Authority. All rights reserved. Terms.</p></footer>"
    )
    document = text_document(raw, "html")
    content = "\n".join(document.text[s:e] for s, e in content_segments(document))
    for kept in ("leaves every forty minutes", "Adult | 4.50 €", "Bikes ride free", "ferry --route wren"):
        assert kept in content
    for dropped in ("cookies", "Home", "Routes", "Harbor Authority"):
        assert dropped not in content


def test_markdown_heading_path_is_the_chunk_context() -> None:
    text = (
        "# Guide\n\nIntro text that is long enough to be content here.\n\n## Install\n\n"
        "Run the installer on your machine today please.\n\n###\tLinux\n\n"
        "Use the package manager to install the tool now.\n\n## Use\n\n"
        "Ask questions of the corpus with the command line.\n"
    )
    doc = clean_document(text_document(text, "markdown"))
    assert [doc.context_at(s) for s, _ in doc.segments] == [
        "Guide", "Guide > Install", "Guide > Install > Linux", "Guide > Use"]
    plain = clean_document(text_document("Short title\n\n" + text, "text"))
    assert plain.context_at(len(text)) == "Short title"


@pytest.mark.parametrize(
    "wrapper",
    ['<div class="site-wrapper has-sidebar"><h1>Trams</h1>{}</div>', '<article class="post comments-open">{}</article>',
     '<div id="extra-wrapper"><main>{}</main></div>'],
)
def test_a_wrapper_whose_class_sounds_like_boilerplate_keeps_the_page(wrapper: str) -> None:
    paragraph = "<p>The council voted on Monday to build a tram line from the station to the campus.</p>"
    raw = wrapper.format(paragraph) + '<div class="sidebar"><p>Related: bus fares rise in June, read more here now.</p></div>'
    document = text_document(raw, "html")
    kept = " ".join(document.text[s:e] for s, e in content_segments(document))
    assert "tram line" in kept and "bus fares" not in kept


def test_a_page_of_short_lines_keeps_them_rather_than_vanish() -> None:
    raw = "<h1>Contact</h1><p>12 Harbour Street</p><p>Phone: 555 0101</p><nav><a href='/'>Home</a></nav>"
    document = text_document(raw, "html")
    assert [document.text[s:e] for s, e in content_segments(document)] == ["12 Harbour Street\n\nPhone: 555 0101"]


def test_every_format_character_is_removed_for_matching() -> None:
    import sys
    import unicodedata

    format_chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")
    assert normalize_for_matching(f"a{format_chars}b") == "ab"
    assert normalize_for_matching("Kreuz\u00adberg and Ber\u200blin\u2060er\ufeff") == "Kreuzberg and Berliner"
