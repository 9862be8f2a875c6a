"""Measure how well web-page cleaning keeps content and drops boilerplate, against trafilatura and jusText.

Measurement-only installs (not citeqa dependencies; ``pip check`` stays clean with them)::

    .venv/bin/pip install trafilatura==2.3.1 justext==3.0.2

Run: ``.venv/bin/python -m citeqa.eval.html_cleaning [--out eval/HTML_CLEANING.md]``.

The pages (eval/data/html_pages/tuned/) are written by hand to look like real sites (news, blog with comments, Sphinx docs,
shop, recipe, wiki, forum, GOV.UK-style notice, old table-less club site, FAQ, event page...). Each
text unit is labelled where it is written: ``[[c:...]]`` content, ``[[b:...]]`` boilerplate,
``[[k:...]]`` boilerplate of a cookie or consent banner. Labels follow the page's intent (what a
reader came for), never any extractor's output. Headings are not labelled: citeqa keeps them as
context, not as passages. Comment and forum posts, bylines, dates and references are content; site
chrome, related links, share and sign-up boxes, author blurbs and legal lines are boilerplate.

A unit is *kept* by a method when its text occurs, whole words, in the method's output after
NFKC, ``|`` (table cell separators differ between extractors) and whitespace runs are folded to one
space. The script checks that every unit occurs exactly once in citeqa's text layer of its page, so a
match cannot come from another unit or a heading.
"""

from __future__ import annotations

import argparse
import html
import importlib.metadata
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from citeqa.corpus.cleaning import LONG_LINE_WORDS, SENTENCE_MIN_WORDS, content_segments, is_content_line, word_count
from citeqa.corpus.plain_text import line_spans
from citeqa.corpus.reader import Document, read_layer

#: The labelled pages, one file each, as data beside this module's package (not in the wheel):
#: ``tuned`` the rules were chosen on, ``heldout`` written without knowledge of them (its README).
#: Files are ``NN-name.html``; NN keeps the order the report lists them in.
PAGES_DIR = Path(__file__).resolve().parent / "data" / "html_pages"


def labelled_pages(kind: str = "tuned") -> dict[str, str]:
    """The labelled pages of one set (``tuned`` or ``heldout``), name -> marked HTML, in order.

    Raises:
        FileNotFoundError: the set's folder is missing (a wheel install: the data stays in the
            checkout).
    """
    folder = PAGES_DIR / kind
    files = sorted(folder.glob("[0-9][0-9]-*.html"))
    if not files:
        raise FileNotFoundError(f"no labelled pages in {folder} (run from a checkout of citeqa)")
    return {path.stem.split("-", 1)[1]: path.read_bytes().decode("utf-8") for path in files}


@dataclass(frozen=True)
class Page:
    """A generated page: its HTML and its hand-labelled units (normalised text, see :func:`normalize`);
    ``cookie`` is the part of ``boilerplate`` that belongs to a cookie or consent banner."""

    name: str
    html: str
    content: tuple[str, ...]
    boilerplate: tuple[str, ...]
    cookie: tuple[str, ...]


_MARK = re.compile(r"\[\[([cbk]):(.*?)\]\]", re.S)
_WS = re.compile(r"[\s|]+")


def normalize(text: str) -> str:
    """NFKC, then every run of whitespace and ``|`` to one space, stripped (matching only)."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def build_page(name: str, marked: str) -> Page:
    """Strip the ``[[c:...]]`` marks from ``marked`` and collect the labelled units' visible text."""
    units: dict[str, list[str]] = {"c": [], "b": [], "k": []}
    for mark in _MARK.finditer(marked):
        inner = re.sub(r"</t[dh]>|</dt>", " | ", mark[2])  # cells and terms stay apart
        units[mark[1]].append(normalize(html.unescape(re.sub(r"<[^>]+>", "", inner))))
    return Page(name, _MARK.sub(lambda m: m[2], marked), tuple(units["c"]), tuple(units["b"] + units["k"]),
                tuple(units["k"]))


def occurrences(unit: str, haystack: str) -> int:
    """Whole-word occurrences of a normalised unit in a normalised text."""
    return len(re.findall(rf"(?<!\w){re.escape(unit)}(?!\w)", haystack))


def citeqa_document(page: Page) -> Document:
    """The page read by citeqa's own reader, as the corpus would read it."""
    layer, encoding = read_layer(page.html.encode("utf-8"), "html")
    return Document(f"{page.name}.html", "html", layer, "0", 0, encoding)


def _overlaps(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def citeqa_segments(page: Page, doc: Document) -> list[str]:
    """(a) citeqa as it is: the content segments."""
    return [doc.text[s:e] for s, e in content_segments(doc)]


def citeqa_structure(page: Page, doc: Document) -> list[str]:
    """(b) Structure marks only: every line outside ``layer.boilerplate``."""
    return [doc.text[s:e] for s, e in line_spans(doc.text) if not _overlaps(doc.layer.boilerplate, s, e)]


def citeqa_lines(page: Page, doc: Document) -> list[str]:
    """(c) Line rules only: every line of the text layer that :func:`is_content_line` accepts."""
    return [doc.text[s:e] for s, e in line_spans(doc.text) if is_content_line(doc.text[s:e])]


def _trafilatura(page: Page, favor_recall: bool) -> list[str]:
    import trafilatura

    out = trafilatura.extract(page.html, include_tables=True, favor_recall=favor_recall)
    return (out or "").splitlines()


def _justext(page: Page) -> list[str]:
    import justext  # type: ignore[import-untyped]

    paragraphs = justext.justext(page.html.encode("utf-8"), justext.get_stoplist("English"))
    return [p.text for p in paragraphs if not p.is_boilerplate]


Method = Callable[[Page, Document], list[str]]
METHODS: dict[str, Method] = {
    "(a) citeqa content_segments": citeqa_segments,
    "(b) citeqa structure only": citeqa_structure,
    "(c) citeqa line rules only": citeqa_lines,
    "(d) trafilatura": lambda p, d: _trafilatura(p, False),
    "(d') trafilatura favor_recall": lambda p, d: _trafilatura(p, True),
    "(e) jusText": lambda p, d: _justext(p),
}
MAPPED = ("(d) trafilatura", "(d') trafilatura favor_recall", "(e) jusText")


@dataclass(frozen=True)
class Score:
    """One method on one page: the content units kept, the boilerplate units kept, output lines."""

    kept_content: tuple[str, ...]
    kept_boilerplate: tuple[str, ...]
    lines: tuple[str, ...]


def score(page: Page, output: list[str]) -> Score:
    """Which labelled units occur in a method's output (blocks joined by a space)."""
    haystack = normalize(" ".join(output))

    def kept(units: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(u for u in units if occurrences(u, haystack))

    return Score(kept(page.content), kept(page.boilerplate), tuple(x.strip() for x in output if x.strip()))


def sound_units(page: Page, doc: Document) -> Page:
    """The page with only the units that occur exactly once in its text layer: a unit found twice
    or never ("by", a word inside a longer unit) cannot say whether a method kept *it*."""
    text = normalize(doc.text)

    def keep(units: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(u for u in units if occurrences(u, text) == 1)

    return Page(page.name, page.html, keep(page.content), keep(page.boilerplate), keep(page.cookie))


def _element_of(page: Page, unit: str) -> LexborNode | None:
    """The innermost element whose visible text holds the unit."""
    body = LexborHTMLParser(page.html).body
    found = None
    for node in body.traverse() if body is not None else ():
        if node.tag and not node.tag.startswith("-") and occurrences(unit, normalize(node.text(deep=True))):
            found = node
    return found


def _describe(node: LexborNode) -> str:
    attrs = " ".join(f'{k}="{v}"' for k, v in node.attributes.items() if k in ("id", "class", "role"))
    return f"<{node.tag}{' ' + attrs if attrs else ''}>"


def diagnose(page: Page, doc: Document, unit: str) -> str:
    """Say which citeqa rule dropped a content unit or let a boilerplate unit through."""
    pattern = r"(?:\s|\|)+".join(re.escape(w) for w in unit.split(" "))
    found = re.search(pattern, unicodedata.normalize("NFKC", doc.text))
    if found is None:
        return "not located"
    spans = [(s, e) for s, e in line_spans(doc.text) if s < found.end() and found.start() < e]
    line = doc.text[spans[0][0]:spans[0][1]]
    node = _element_of(page, unit)
    chain = []
    while node is not None and node.tag not in ("body", "html"):
        chain.append(_describe(node))
        node = node.parent
    where = " < ".join(chain[:4])
    if _overlaps(doc.layer.boilerplate, *spans[0]):
        return f"structure: boilerplate span (inside {where})"
    if _overlaps(doc.layer.structured, *spans[0]):
        return f"structure: structured line kept whatever its text (inside {where})"
    verdict = "passes" if is_content_line(line) else "fails"
    return (f"line rule {verdict}: {line.strip()[:80]!r} has {word_count(line)} words (content needs >= "
            f"{LONG_LINE_WORDS}, or >= {SENTENCE_MIN_WORDS} and a sentence end)")


def _pct(kept: int, total: int) -> str:
    return f"{kept / total:.2f}" if total else "–"


def report(pages: list[Page], argv: list[str]) -> str:
    """Score every method on every page and write the Markdown report."""
    docs = {p.name: citeqa_document(p) for p in pages}
    labelled = sum(len(p.content) + len(p.boilerplate) for p in pages)
    pages = [sound_units(p, docs[p.name]) for p in pages]
    excluded = labelled - sum(len(p.content) + len(p.boilerplate) for p in pages)
    scores = {m: {p.name: score(p, f(p, docs[p.name])) for p in pages} for m, f in METHODS.items()}
    versions = ", ".join(f"{d} {importlib.metadata.version(d)}" for d in ("selectolax", "trafilatura", "jusText", "lxml"))
    n_c, n_b = sum(len(p.content) for p in pages), sum(len(p.boilerplate) for p in pages)
    n_cookie = sum(1 for p in pages if p.cookie)
    out = [
        "# Web-page cleaning: content kept, boilerplate dropped", "",
        f"Made by `{' '.join(argv)}` (Python {sys.version.split()[0]}; {versions}).", "",
        f"{len(pages)} hand-written pages ({', '.join(p.name for p in pages)}), {n_c} content units and {n_b} "
        f"boilerplate units labelled by hand (a unit is a sentence, list item, "
        f"table row or code line; headings are not labelled). *Content recall*: share of content units whose "
        f"text occurs in what the method keeps; *boilerplate removal*: share of boilerplate units it does not "
        f"keep (both after NFKC and folding whitespace and `|`). *Cookie pages*: pages (of {n_cookie} with a "
        f"cookie or consent banner) where any banner text is kept. *Verbatim lines*: share of the method's "
        f"output lines found verbatim in citeqa's text layer (whitespace-folded share in brackets). "
        f"{excluded} labelled units that occur more than once (or not as whole words) in the page's text "
        f"are left out of the counts.", "",
        "| method | content recall | boilerplate removal | cookie pages kept | verbatim lines |",
        "|---|---|---|---|---|",
    ]
    for method, per_page in scores.items():
        kc = sum(len(s.kept_content) for s in per_page.values())
        kb = sum(len(s.kept_boilerplate) for s in per_page.values())
        cookies = sum(1 for p in pages if set(per_page[p.name].kept_boilerplate) & set(p.cookie))
        mapped = "–"
        if method in MAPPED:
            lines = [(ln, docs[p]) for p, s in per_page.items() for ln in s.lines]
            exact = sum(1 for ln, d in lines if ln in d.text)
            folded = sum(1 for ln, d in lines if normalize(ln) in normalize(d.text))
            mapped = f"{_pct(exact, len(lines))} ({_pct(folded, len(lines))}) of {len(lines)}"
        out.append(f"| {method} | {_pct(kc, n_c)} ({kc}/{n_c}) | {_pct(n_b - kb, n_b)} ({n_b - kb}/{n_b}) "
                   f"| {cookies}/{n_cookie} | {mapped} |")
    out += ["", "Per page, content recall / boilerplate removal:", "",
            "| page | units c/b | " + " | ".join(m.split(" ", 1)[0] for m in METHODS) + " |",
            "|---|---|" + "---|" * len(METHODS)]
    for p in pages:
        cells = [f"{_pct(len(scores[m][p.name].kept_content), len(p.content))} / "
                 f"{_pct(len(p.boilerplate) - len(scores[m][p.name].kept_boilerplate), len(p.boilerplate))}"
                 for m in METHODS]
        out.append(f"| {p.name} | {len(p.content)}/{len(p.boilerplate)} | " + " | ".join(cells) + " |")
    out += ["", "## Misses of (a) citeqa content_segments", "",
            "Each with the rule that decided it, diagnosed from citeqa's text layer and the page's markup.", ""]
    for p in pages:
        s, doc = scores["(a) citeqa content_segments"][p.name], docs[p.name]
        dropped = [u for u in p.content if u not in s.kept_content]
        if not dropped and not s.kept_boilerplate:
            continue
        out.append(f"**{p.name}**")
        out += [f"- content dropped: \"{u}\" — {diagnose(p, doc, u)}" for u in dropped]
        out += [f"- boilerplate kept{' (cookie banner)' if u in p.cookie else ''}: \"{u}\" — {diagnose(p, doc, u)}"
                for u in s.kept_boilerplate]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    """Print the report and write it (with a conclusion kept from an existing file) to ``--out``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here too")
    parser.add_argument("--pages", choices=["tuned", "heldout"], default="tuned",
                        help="tuned: the pages the rules were chosen on; heldout: pages written without "
                             "knowledge of the rules (eval/data/html_pages/heldout), for the figures")
    args = parser.parse_args(argv)
    pages = [build_page(name, marked) for name, marked in labelled_pages(args.pages).items()]
    text = report(pages, [".venv/bin/python -m citeqa.eval.html_cleaning", *(sys.argv[1:] if argv is None else argv)])
    print(text)
    if args.out is not None:
        previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        conclusion = previous[previous.find("## Conclusion"):] if "## Conclusion" in previous else ""
        args.out.write_text(text + ("\n" + conclusion if conclusion else "\n"), encoding="utf-8")


if __name__ == "__main__":
    main()
