"""The web page in a real browser: Debian's chromium driven by Playwright, against the live server."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from citeqa.service.engine import Engine
from citeqa.service.page import render_markdown, render_source
from citeqa.service.schemas import DocumentSlice
from citeqa.service.settings import Settings
from tests.conftest import OFF_TOPIC_QUESTION, REFUGEE_DOCS, REFUGEE_QUESTION, ROOT
from tests.service.conftest import LiveServer, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = ROOT / "docs" / "page-refugee-convention.png"


def _slice(doc_id: str, text: str, pages: list[int] | None = None, title: str = "<b>T</b>") -> DocumentSlice:
    return DocumentSlice(doc_id=doc_id, title=title, format="text", encoding="utf-8", pages=pages or [],
                         start=0, end=len(text), length=len(text), text=text,
                         version="v20261201T000000Z-00000000", built_at="2026-12-01T00:00:00Z")


def test_source_view_escapes_documents() -> None:
    page = render_source(_slice("evil.txt", "before <script>alert(1)</script> after"), 7, 32)
    assert "<script>" not in page and "<b>T</b>" not in page
    assert '<mark id="cited">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in page
    with pytest.raises(ValueError):
        render_source(_slice("a.txt", "short"), 2, 99)


def test_source_view_marks_pages_and_names_the_cited_page() -> None:
    text = "First page.\n\nSecond page with the fact.\n\nThird page."
    page = render_source(_slice("r.pdf", text, [0, 13, 42]), 13, 39)
    assert page.count('class="page-break"') == 3
    assert page.index('id="page-2"') < page.index('<mark id="cited">Second page')
    assert 'cited passage on <a href="#page-2">page 2</a>' in page
    at_start = render_source(_slice("r.pdf", text, [0, 13, 42]), 0, 11)
    assert at_start.count('id="page-1"') == 1 and at_start.index('id="page-1"') < at_start.index("<mark")
    with pytest.raises(ValueError):
        render_source(_slice("r.pdf", text), -1, None)


def test_view_route_refuses_bad_ids_and_spans(client: httpx.Client) -> None:
    assert client.get("/view/..%2F..%2Fetc%2Fpasswd").status_code == 404
    name = sorted(REFUGEE_DOCS)[0]
    assert client.get(f"/view/{name}", params={"start": -9, "end": 3}).status_code == 422
    backwards = client.get(f"/view/{name}", params={"start": 9, "end": 3})  # cut as a slice: nothing marked
    assert backwards.status_code == 200 and '<mark id="cited"></mark>' in backwards.text
    assert client.get("/").headers["content-type"].startswith("text/html")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def _ask(page: Page, question: str) -> None:
    page.goto("/")
    page.get_by_label("Your question").fill(question)
    page.keyboard.press("Enter")  # keyboard only


def test_refugee_question_shows_each_source_with_exact_quotes(page: Page, live_server: LiveServer) -> None:
    _ask(page, REFUGEE_QUESTION)
    sources = page.locator("section.source")
    expect(sources.first).to_be_visible()
    doc_ids = sources.evaluate_all("nodes => nodes.map(n => n.dataset.docId)")
    assert REFUGEE_DOCS <= set(doc_ids) and len(doc_ids) == len(set(doc_ids))  # grouped by document
    # Each source is headed by its title, its file name small beneath.
    assert "China’s Role" in sources.locator("h2").all_inner_texts()
    assert sources.locator(".file-name").all_inner_texts() == doc_ids
    marks = sources.locator("mark.quote")
    links = sources.locator("a.source-link")
    assert marks.count() == links.count() >= 3
    for i in range(marks.count()):
        href = links.nth(i).get_attribute("href") or ""
        doc_id = href.split("?")[0].removeprefix("/view/")
        start, end = (int(v.split("=")[1]) for v in href.split("?")[1].split("#")[0].split("&"))
        original = (live_server.corpus_dir / doc_id).read_text(encoding="utf-8")
        assert marks.nth(i).text_content() == original[start:end]
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 900, "height": 1100})
    page.screenshot(path=str(SCREENSHOT), full_page=False)


def test_what_each_source_says_side_by_side_and_weak_passages_collapsed(page: Page, live_server: LiveServer) -> None:
    _ask(page, REFUGEE_QUESTION)
    says = page.locator("#sources figure.says")
    expect(says.first).to_be_visible()
    # The three sources that disagree on the Convention, each once, each with its quote verbatim.
    doc_ids = says.evaluate_all("nodes => nodes.map(n => n.dataset.docId)")
    assert REFUGEE_DOCS <= set(doc_ids) and len(doc_ids) == len(set(doc_ids))
    for i in range(says.count()):
        href = says.nth(i).locator("a.source-link").get_attribute("href") or ""
        start, end = (int(v.split("=")[1]) for v in href.split("?")[1].split("#")[0].split("&"))
        original = (live_server.corpus_dir / doc_ids[i]).read_text(encoding="utf-8")
        assert says.nth(i).locator("blockquote").inner_text() == original[start:end]
    # Weak passages sit closed under a summary; opening one shows it.
    weak = page.locator("details.weak-passage")
    assert weak.count() >= 1
    expect(weak.first.locator("article.passage")).to_be_hidden()
    weak.first.locator("summary").click()
    expect(weak.first.locator("article.passage")).to_be_visible()


def test_weak_sources_follow_the_strong_ones_collapsed(page: Page) -> None:
    # Asked without "1951", two of the three disagreeing sources are cited only by weak passages:
    # they stay on the page, closed under a summary after the strong ones.
    _ask(page, "Is China a party to the Refugee Convention?")
    expect(page.locator("#sources figure.says").first).to_be_visible()
    strong = page.locator("#sources figure.says").evaluate_all("nodes => nodes.map(n => n.dataset.docId)")
    weak = page.locator("#weak-sources figure.says")
    weak_ids = weak.evaluate_all("nodes => nodes.map(n => n.dataset.docId)")
    assert REFUGEE_DOCS <= set(strong) | set(weak_ids) and not set(strong) & set(weak_ids)
    expect(weak.first).to_be_hidden()
    page.locator("#weak-sources summary").click()
    expect(weak.first).to_be_visible()


def test_source_link_opens_the_highlighted_span(page: Page, live_server: LiveServer) -> None:
    _ask(page, REFUGEE_QUESTION)
    link = page.locator("a.source-link").first
    expect(link).to_be_visible()
    href = link.get_attribute("href") or ""
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/view/**")
    doc_id = href.split("?")[0].removeprefix("/view/")
    start, end = (int(v.split("=")[1]) for v in href.split("?")[1].split("#")[0].split("&"))
    original = (live_server.corpus_dir / doc_id).read_text(encoding="utf-8")
    cited = page.locator("mark#cited")
    expect(cited).to_be_in_viewport()
    assert cited.inner_text() == original[start:end]
    assert page.locator("#document").inner_text() == original


def test_off_topic_question_abstains_and_offers_closest(page: Page) -> None:
    _ask(page, OFF_TOPIC_QUESTION)
    expect(page.locator("#abstain")).to_contain_text("The documents do not answer this question.")
    assert page.locator("section.source").count() == 0
    page.get_by_role("button", name="Show the closest passages anyway").click()
    expect(page.locator("section.source").first).to_be_visible()
    expect(page.locator("#status")).to_contain_text("none was judged to answer")


def test_a_keyed_service_asks_for_the_key_once_and_links_open(browser: Browser, live_server: LiveServer) -> None:
    settings = live_server.settings.model_copy(update={"api_keys": "page-key-42"})
    with serving(settings, live_server.engine) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/")
        _ask(page, REFUGEE_QUESTION)
        key = page.locator("#api-key")
        expect(key).to_be_visible()
        key.fill("page-key-42")
        page.locator("#key-form button").click()
        expect(page.locator("section.source").first).to_be_visible()
        # The next question goes straight through; a source link opens with the key's cookie.
        _ask(page, OFF_TOPIC_QUESTION)
        expect(page.locator("#abstain")).to_be_visible()
        _ask(page, REFUGEE_QUESTION)
        link = page.locator("section.source a.source-link").first
        expect(link).to_be_visible()
        link.click()
        page.wait_for_url("**/view/**")
        expect(page.locator("mark#cited")).to_be_visible()
        context.close()


def test_the_question_lives_in_the_url_and_history_works(page: Page) -> None:
    """/?q= opens with the answer (bookmark, share, headless screenshot); asking pushes a history
    entry; Back and Forward show the earlier answers again."""
    page.goto("/?" + urlencode({"q": REFUGEE_QUESTION}))
    expect(page.locator("section.source").first).to_be_visible()
    expect(page.get_by_label("Your question")).to_have_value(REFUGEE_QUESTION)
    assert REFUGEE_QUESTION in page.title()

    page.get_by_label("Your question").fill(OFF_TOPIC_QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator("#abstain")).to_be_visible()
    assert parse_qs(urlsplit(page.url).query)["q"] == [OFF_TOPIC_QUESTION]

    page.go_back()
    expect(page.locator("section.source").first).to_be_visible()
    expect(page.get_by_label("Your question")).to_have_value(REFUGEE_QUESTION)
    page.go_forward()
    expect(page.locator("#abstain")).to_be_visible()
    expect(page.get_by_label("Your question")).to_have_value(OFF_TOPIC_QUESTION)


MARKDOWN = ("# Harbour notes\n\nThe library opens at **11:00** on Sundays.\n\n> Tip: bring your card.\n\n"
            "<script>window.pwned = 1</script>\n\n[click](javascript:window.pwned=2) or [docs](https://example.org)\n\n"
            "- first item\n- second item\n")


def test_a_cited_table_row_is_highlighted_in_place() -> None:
    # A row's quote starts at its first pipe and ends after its last: marks there had shifted the
    # row's cells and, its end dropped, highlighted the rest of the document.
    text = ("Intro line.\n\n| soup | price | serves |\n|---|---|---|\n| tomato | 4.50 | 3 |\n"
            "| lentil | 5.20 | 2 |\n\nAfter the table.\n")
    start, end = text.index("| lentil"), text.index("2 |") + 3
    page = render_markdown(text, start, end)
    assert '<td><mark id="cited">lentil</mark></td>\n<td><mark>5.20</mark></td>\n<td><mark>2</mark></td>' in page
    assert page.count("<mark") == 3 and "<p>After the table.</p>" in page and "<td>tomato</td>" in page


def test_a_highlight_never_changes_a_table() -> None:
    # Spans starting or ending in a delimiter row, in a cell past the header's, between an escape's
    # backslash and its pipe or inside an entity had turned the table into a paragraph of pipes,
    # added a cell or run the highlight to the end of the document.
    text = ("| Day | Opens | Closes |\n|:----|:-----:|-------:|\n| Monday | 09:00 | 17:00 |\n"
            "| Sunday | 11:00 | 16:00 | guided tours only |\n| Holiday | closed |\n| `a \\| b` | R&amp;D | x |\n\n"
            "Tickets cost 12 euros.\n")
    plain = render_markdown(text, None, None)
    bounds = sorted({0, len(text)} | {i for i, c in enumerate(text) if c in "|\n\\&;:-"}
                    | {i + 1 for i, c in enumerate(text) if c in "|\n"})
    for start in bounds:
        for end in bounds:
            if start < end:
                marked = render_markdown(text, start, end)
                assert re.sub(r"<mark[^>]*>|</mark>", "", marked) == plain, (start, end, text[start:end])
                for piece in re.findall(r"<mark[^>]*>(.*?)</mark>", marked):  # marks only what was cited
                    cited = html.unescape(text[start:end].replace("\\|", "|"))
                    assert html.unescape(piece) in cited, (start, end)
    sunday = text.index("| Sunday")
    marked = render_markdown(text, sunday, text.index("only |") + 6)
    assert "<mark>16:00</mark>" in marked and "Tickets cost" in marked and "<mark>Tickets" not in marked


def test_a_span_no_rendered_place_can_mark_is_shown_in_the_text_layer() -> None:
    text = "| Day | Opens |\n|:----|:-----:|\n| Monday | 09:00 |\n"
    doc = DocumentSlice(doc_id="t.md", title="T", format="markdown", encoding="utf-8", pages=[], start=0,
                        end=len(text), length=len(text), text=text, version="v20261201T000000Z-00000000",
                        built_at="2026-12-01T00:00:00Z")
    start, end = text.index(":----"), text.index("-:|") + 2  # inside the delimiter row only
    page = render_source(doc, start, end)
    assert f'<mark id="cited">{html.escape(text[start:end])}</mark>' in page and 'class="doc"' in page


def test_markdown_documents_are_rendered_safely_with_the_span_highlighted() -> None:
    start, end = MARKDOWN.index("opens"), MARKDOWN.index("second") + 6
    doc = DocumentSlice(doc_id="notes.md", title="Harbour notes", format="markdown", encoding="utf-8", pages=[],
                        start=0, end=len(MARKDOWN), length=len(MARKDOWN), text=MARKDOWN,
                        version="v20261201T000000Z-00000000", built_at="2026-12-01T00:00:00Z")
    page = render_source(doc, start, end)
    assert "<strong><mark>11:00</mark></strong>" in page and "<blockquote>" in page  # rendered, not raw
    assert "**11:00**" not in page and "<script>" not in page and 'href="javascript' not in page
    assert page.count('id="cited"') == 1 and "<li><mark>second</mark> item</li>" in page  # well nested
    marked = "".join(re.findall(r"<mark[^>]*>(.*?)</mark>", page))
    assert marked.startswith("opens at 11:00 on Sundays.") and marked.endswith("first itemsecond")
    raw = render_source(doc, start, end, raw=True)
    assert "**11:00**" in raw and '<mark id="cited">' in raw  # the plain-text view stays one link away


def test_markdown_view_in_the_browser(browser: Browser, model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    (corpus / "other.txt").write_text("The ferry leaves at noon from pier four.", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    with serving(settings, Engine.start(settings, model=model)) as url:
        context = browser.new_context(base_url=url)
        view = context.new_page()
        start, end = MARKDOWN.index("The library"), MARKDOWN.index("Sundays.") + 8
        view.goto(f"/view/notes.md?start={start}&end={end}#cited")
        expect(view.locator("#cited")).to_be_visible()
        assert view.locator("#document strong").inner_text() == "11:00"
        assert view.locator("#document blockquote").inner_text().startswith("Tip:")
        assert view.evaluate("window.pwned === undefined")  # the document's script never ran
        hrefs = view.locator("#document a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs == ["https://example.org"]  # the javascript: link stayed text
        view.goto(f"/view/notes.md?raw=1&start={start}&end={end}")
        assert "**11:00**" in view.locator("#document").inner_text()
        context.close()


def test_a_highlight_never_changes_the_markdown_blocks() -> None:
    """Quotes often start at a list bullet, a quote's > or a heading's #s, or end at a line end:
    whatever the span, the page is the unhighlighted page plus <mark>s; front matter is not shown."""
    from citeqa.service.page import render_markdown

    text = ("---\ntitle: Garden\n---\n# Garden\n\n## Fees\n\nMembers pay **10 euros**.\n\n> Members must water.\n\n"
            "Tools:\n\n- Spades are in the shed.\n- The key hangs by the door.\n\n1. First step.\n2. Second step.\n")
    plain = render_markdown(text, None, None)
    assert "title: Garden" not in plain and "<hr" not in plain
    bounds = sorted({0, len(text)} | {i for i, c in enumerate(text) if c == "\n"} | {i + 1 for i, c in enumerate(text) if c == "\n"}
                    | {m.start() for m in re.finditer(r"[-#>0-9*]", text)})
    for start in bounds:
        for end in bounds:
            if start <= end:
                marked = render_markdown(text, start, end)
                assert re.sub(r"<mark[^>]*>|</mark>", "", marked) == plain, (start, end, text[start:end])
                assert marked.count('id="cited"') <= 1


def test_the_source_view_of_an_html_document_shows_its_visible_text(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the source view of an HTML file showed raw markup; it shows the text layer (the
    page's visible text), the cited span highlighted."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.html").write_text(
        "<html><head><title>Ferry times</title><script>var tracking = 1;</script></head><body>"
        "<h1>Ferry times</h1><p>The <b>ferry</b> leaves at noon from pier four.</p></body></html>", encoding="utf-8")
    (corpus / "trains.txt").write_text("The train leaves at nine from platform two.", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    with serving(settings, Engine.start(settings, model=model)) as url:
        answer = httpx.post(f"{url}/ask", json={"question": "When does the ferry leave?", "k": 1}).json()
        passage = answer["passages"][0]
        assert passage["doc_id"] == "ferry.html"
        page = httpx.get(f"{url}/view/ferry.html", params={"start": passage["quote"]["start"],
                                                           "end": passage["quote"]["end"]}).text
    assert '<mark id="cited">The ferry leaves at noon from pier four.</mark>' in page
    assert "&lt;b&gt;" not in page and "<b>" not in page and "tracking" not in page


def test_a_key_scoped_to_hr_sees_hr_sources_only_on_the_page(browser: Browser, live_server: LiveServer,
                                                             tmp_path: Path) -> None:
    """The page asks with the key it was given: a key whose globs are ``hr/**`` is shown the hr
    documents' passages and none of the others', and a link to a hidden document is a 404."""
    corpus = tmp_path / "corpus"
    shutil.copytree(live_server.corpus_dir, corpus)
    (corpus / "hr").mkdir()
    (corpus / "hr" / "onboarding.md").write_text(
        "# Onboarding\n\nThe first step of onboarding is collecting your laptop from IT.\n\n"
        "Staff who came to China as refugees get help with the 1951 Refugee Convention paperwork.\n",
        encoding="utf-8")
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys.hr]\nkey = "page-hr-key"\nscopes = ["read"]\ndocs = ["hr/**"]\n', encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", keys_file=keys)
    engine = live_server.engine.with_index(Engine.start(settings, model=live_server.engine.retriever.model).index)
    with serving(settings, engine) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        _ask(page, REFUGEE_QUESTION)
        page.locator("#api-key").fill("page-hr-key")
        page.locator("#key-form button").click()
        expect(page.locator("#status")).not_to_be_empty()
        page.get_by_label("Your question").fill("What is the first step of onboarding?")
        page.keyboard.press("Enter")
        expect(page.locator("section.source").first).to_be_visible()
        for question in (REFUGEE_QUESTION, "What is the first step of onboarding?", "Why do refugees go to China?"):
            page.goto("/?" + urlencode({"q": question}))
            page.wait_for_load_state("networkidle")
            shown = set(page.locator("section.source, figure.says").evaluate_all(
                "nodes => nodes.map(n => n.dataset.docId)"))
            assert shown <= {"hr/onboarding.md"}, (question, shown)
        assert "hr/onboarding.md" in shown or page.locator("#abstain").is_visible()
        hidden = page.goto(f"/view/{sorted(REFUGEE_DOCS)[0]}")
        assert hidden is not None and hidden.status == 404
        context.close()
