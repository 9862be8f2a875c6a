"""Choose the PDF, DOCX and PPTX text-layer libraries by measurement.

Measurement-only installs (not citeqa dependencies; ``pip check`` stays clean with them)::

    .venv/bin/pip install pypdf==7.1.0 pdfplumber==0.11.10 docx2python==3.7.1 mammoth==1.13.0

(pypdfium2 5.15.2, python-docx 1.2.0, python-pptx 1.0.2 and fpdf2 2.8.9 are citeqa's already.)
Run: ``.venv/bin/python -m citeqa.eval.extractors [--out eval/EXTRACTORS.md] [--pages 200]``.

The script generates its test files: a 6-page PDF (fpdf2, DejaVu Sans: headings, justified paragraphs,
a 3x4 table, a bulleted list, a two-column page, a sentence over a page break, two words hyphenated at
a line end, a line drawn word by word with no space glyphs, é ü € “” and U+1D538), a DOCX (python-docx:
Title, Heading 1/2, bulleted and numbered lists, a table with a merged cell, ``run.add_break()`` inside
a sentence, a tab, a hyperlink) and a 5-slide PPTX (titles, bullets, a table, a line break). Facts are
short unique sentences whose page is known: *facts verbatim* is the share found after collapsing
whitespace, *hyphens undone* after also joining ``x-\\n y`` and pdfium's hyphen markers, *on right page*
the share found in their own page's (slide's) text. Speed: wall-clock seconds, median of 3 runs in a
fresh process per library, on a 200-page PDF, a DOCX of the same prose (seconds per PDF page of it)
and a 100-slide PPTX (per slide). Peak RSS: the process's VmHWM after the runs (after importing the
library in brackets); it sees pdfium's C allocations, which tracemalloc misses. Deterministic: two
in-process runs and the three timed runs each give identical text.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib
import importlib.metadata
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from citeqa.eval.extractor_fixtures import Fixture, make_big_pdf, make_docx, make_pdf, make_pptx

PageTexts = list[str]  # one string per PDF page / PPTX slide; a DOCX gives one string
LICENCES = {"pypdfium2": "Apache-2.0 or BSD-3-Clause; PDFium BSD-3/Apache-2.0", "pypdf": "BSD-3-Clause",
            "pdfplumber": "MIT (on pdfminer.six, MIT)", "python-docx": "MIT", "docx2python": "MIT",
            "mammoth": "BSD-2-Clause", "python-pptx": "MIT",
            "pymupdf": "AGPL-3.0 or commercial: excluded for licence, not installed or measured"}


# -- extractors: path -> text per page (PDF), per slide (PPTX) or [whole text] (DOCX) -----------

def pdfium_text(path: Path, bounded: bool = False) -> PageTexts:
    """pypdfium2 per page: ``pdf[i].get_textpage().get_text_range()`` (FPDFText_GetText) or, with
    ``bounded``, ``.get_text_bounded()`` (FPDFText_GetBoundedText over the page bbox)."""
    import pypdfium2 as pdfium

    pdf, out = pdfium.PdfDocument(path), []
    try:
        for i in range(len(pdf)):  # one page at a time: its text page is freed when replaced
            tp = pdf[i].get_textpage()
            out.append(tp.get_text_bounded() if bounded else tp.get_text_range())
        return out
    finally:
        pdf.close()


def pypdf_text(path: Path) -> PageTexts:
    """pypdf: ``page.extract_text()`` (default "plain" mode) per page."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def pdfplumber_text(path: Path) -> PageTexts:
    """pdfplumber: ``page.extract_text()`` (default, not ``layout=True``) per page."""
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text())
            page.close()  # frees the page's cached layout objects, which otherwise pile up
    return out


def python_docx_text(path: Path) -> PageTexts:
    """python-docx: body paragraphs (``Paragraph.text``) and table rows in document order, one a line;
    cells joined by tab, a merged cell once (``row.cells`` repeats it for each grid column it spans)."""
    from docx import Document
    from docx.table import Table

    lines: list[str] = []
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = row.cells
                lines.append("\t".join(c.text for i, c in enumerate(cells) if i == 0 or c._tc is not cells[i - 1]._tc))
        else:
            lines.append(block.text)
    return ["\n".join(lines)]


def docx2python_text(path: Path) -> PageTexts:
    """docx2python: ``docx2python(path).text`` (body, headers, footers, notes)."""
    from docx2python import docx2python

    with docx2python(path) as content:
        return [content.text]


def mammoth_text(path: Path) -> PageTexts:
    """mammoth: ``mammoth.extract_raw_text(file).value``."""
    import mammoth

    with path.open("rb") as f:
        return [mammoth.extract_raw_text(f).value]


def python_pptx_text(path: Path) -> PageTexts:
    """python-pptx: per slide, each shape's ``text_frame.text``; table rows with cells joined by tab."""
    from pptx import Presentation

    slides = []
    for slide in Presentation(str(path)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            elif shape.has_table:
                parts += ["\t".join(cell.text for cell in row.cells) for row in shape.table.rows]
        slides.append("\n".join(parts))
    return slides


EXTRACTORS: dict[str, dict[str, Callable[[Path], PageTexts]]] = {
    "PDF": {"pypdfium2 (get_text_range)": pdfium_text,
            "pypdfium2 (get_text_bounded)": functools.partial(pdfium_text, bounded=True),
            "pypdf": pypdf_text, "pdfplumber": pdfplumber_text},
    "DOCX": {"python-docx": python_docx_text, "docx2python": docx2python_text, "mammoth": mammoth_text},
    "PPTX": {"python-pptx": python_pptx_text}}
ALL = {name: f for libs in EXTRACTORS.values() for name, f in libs.items()}
MODULES = {"pypdfium2": "pypdfium2", "pypdf": "pypdf", "pdfplumber": "pdfplumber", "python-docx": "docx",
           "docx2python": "docx2python", "mammoth": "mammoth", "python-pptx": "pptx"}


# -- fidelity -----------------------------------------------------------------------------------

_HYPHEN_BREAK = re.compile(r"(\w)(?:-[ \t]*(?:\r\n|\r|\n)[ \t]*|[\x02\ufffe\u00ad])(\w)")
_SPECIAL = {"\r\n": "CRLF", "\x0c": "FF", "\x02": "U+0002", "\ufffe": "U+FFFE", "\u00ad": "SHY", "\v": "VT",
            "\t": "TAB", "  ": "2 spaces", "-\n": "hyphen+LF", "<a href": "<a href>"}


def collapse(text: str) -> str:
    """``text`` with each run of whitespace (as ``str.split`` sees it: \\r \\n \\t \\v \\f too) one space."""
    return " ".join(text.split())


def dehyphenate(text: str) -> str:
    """Undo line-end hyphenation: ``condensa-\\ntion`` and pdfium's ``condensa\\ufffetion`` and
    ``condensa\\x02tion`` become ``condensation``. A measuring aid, not a text layer: it also joins a
    compound split at a line end (``lock-\\nout``)."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)


def _in_order(text: str, parts: tuple[str, ...]) -> bool:
    pos = 0
    for part in parts:
        pos = text.find(part, pos)
        if pos < 0:
            return False
        pos += len(part)
    return True


def fidelity(fx: Fixture, pages: PageTexts, again: PageTexts) -> dict[str, Any]:
    """Score one extraction of ``fx``; ``again`` is a second run, for determinism.

    Returns: shares in [0, 1] (``facts``: found verbatim after :func:`collapse`, ``facts_dehyph``: after
    :func:`dehyphenate` too, ``right_page``: so found on their own page), booleans (non-ASCII and
    non-BMP facts all found, table cells in row order, two columns in reading order, the cross-page
    sentence whole, identical reruns), ``special``: labels of notable characters in the output, and
    ``missed``: the facts not found even with hyphens undone.
    """
    joined = "\n".join(pages)
    raw, flat = collapse(joined), collapse(dehyphenate(joined))
    per_page = [collapse(dehyphenate(p)) for p in pages]
    n = len(fx.facts)
    out: dict[str, Any] = {
        "facts": sum(f in raw for f in fx.facts) / n, "facts_dehyph": sum(f in flat for f in fx.facts) / n,
        "right_page": sum(p < len(per_page) and f in per_page[p] for f, p in fx.facts.items()) / n,
        "non_ascii": all(f in flat for f in fx.facts if not f.isascii() and max(f) <= "\uffff"),
        "non_bmp": all(f in flat for f in fx.facts if max(f) > "\uffff"),
        "table": _in_order(flat, fx.table), "deterministic": pages == again,
        "special": [label for s, label in _SPECIAL.items() if s in joined],
        "missed": [f for f in fx.facts if f not in flat]}
    if fx.columns:
        out["columns"] = _in_order(flat, tuple(collapse(c) for c in fx.columns))
    if fx.cross_page:
        out["cross_page"] = fx.cross_page in flat
    return out


# -- speed and memory, each library in its own process ------------------------------------------

def _peak_rss_mib() -> float:
    """Peak RSS of this process in MiB: VmHWM, which restarts at exec. Not ``ru_maxrss``: Linux carries
    the parent's high-water mark over fork+exec, so a child would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_in_process(name: str, path: Path, runs: int = 3) -> dict[str, Any]:
    """Extract ``path`` ``runs`` times with ``ALL[name]``: seconds of each run, page count, peak RSS
    (MiB) after importing the library and after the runs, and whether every run gave the same text."""
    importlib.import_module(MODULES[name.split(" ")[0]])
    rss_import, seconds, digests, pages = _peak_rss_mib(), [], set(), 0
    for _ in range(runs):
        start = time.perf_counter()
        out = ALL[name](path)
        seconds.append(time.perf_counter() - start)
        digests.add(hashlib.sha256("\f".join(out).encode("utf-8", "surrogatepass")).hexdigest())
        pages = len(out)
    return {"seconds": seconds, "pages": pages, "rss_import": rss_import, "rss_peak": _peak_rss_mib(),
            "same": len(digests) == 1}


def measure(name: str, path: Path) -> dict[str, Any]:
    """:func:`measure_in_process` in a fresh interpreter, so that the peak RSS is this library's alone."""
    proc = subprocess.run([sys.executable, "-m", "citeqa.eval.extractors", "--measure", name, str(path)],
                          capture_output=True, text=True, check=True)
    return dict(json.loads(proc.stdout.splitlines()[-1]))


# -- quirks of the raw output, shown verbatim ---------------------------------------------------

def _around(text: str, needle: str, width: int = 12) -> str:
    i = text.find(needle)
    return repr(text[max(i - width, 0): i + len(needle) + width]) if i >= 0 else f"{needle!r} not found"


def _identity(tp: Any) -> bool:
    import pypdfium2.raw as raw

    return all(raw.FPDFText_GetCharIndexFromTextIndex(tp, j) == j for j in range(tp.count_chars()))


def quirks(pdf: Path, docx: Path, pptx: Path) -> list[str]:
    """What the candidates emit at line ends, hyphens, non-BMP characters, breaks, tabs, merged cells."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from docx import Document

    doc = pdfium.PdfDocument(pdf)
    tp, tp6 = doc[4].get_textpage(), doc[5].get_textpage()
    rng, text6 = tp.get_text_range(), tp6.get_text_range()
    h, cr, k = rng.find("\ufffe"), rng.find("\r"), text6.find("\U0001D538")
    lines = [
        f"pypdfium2, page 5, where `condensa-` (U+002D) ends a printed line: `get_text_range()` "
        f"{_around(rng, 'condensa')}, `get_text_bounded()` {_around(tp.get_text_bounded(), 'condensa')}; the char "
        f"list holds U+{raw.FPDFText_GetUnicode(tp, h):04X} there (FPDFText_IsHyphen={raw.FPDFText_IsHyphen(tp, h)}, "
        f"IsGenerated={raw.FPDFText_IsGenerated(tp, h)}) and the line end after the hyphen is gone.",
        f"pypdfium2 line ends: {_around(rng, chr(13), 6)}, a `\\r\\n` pair pdfium inserts (IsGenerated="
        f"{raw.FPDFText_IsGenerated(tp, cr)}); a page's text starts {rng[:8]!r}, ends {rng[-8:]!r}: no "
        "trailing line end, no form feed.",
        f"pypdfium2 outside the BMP: {_around(text6, chr(0x1D538), 4)} is one Python code point but two pdfium "
        f"chars (U+{raw.FPDFText_GetUnicode(tp6, k):04X} U+{raw.FPDFText_GetUnicode(tp6, k + 1):04X}): "
        f"count_chars()={tp6.count_chars()}, len(text)={len(text6)}, so indices differ after it.",
        f"pypdfium2 indices: text index == char index (FPDFText_GetCharIndexFromTextIndex) on every page: "
        f"{all(_identity(doc[i].get_textpage()) for i in range(len(doc)))}; len(text) == count_chars() on pages "
        f"without non-BMP text: {all(len(t.get_text_range()) == t.count_chars() for t in (tp, doc[0].get_textpage()))}."]
    doc.close()
    for name in ("pypdf", "pdfplumber"):
        pages = ALL[name](pdf)
        lines.append(f"{name}: hyphen {_around(pages[4], 'condensa')}, justified line {_around(pages[0], '  ', 10)}, "
                     f"two columns {_around(pages[3], 'Left', 36)}, page ends {pages[0][-6:]!r}.")
    d = Document(str(docx))
    para = next(p for p in d.paragraphs if "312 maps" in p.text)
    item = next(p for p in d.paragraphs if p.style is not None and p.style.name == "List Number")
    lines += [
        f"python-docx `Paragraph.text`: `run.add_break()` {_around(para.text, 'maps', 8)}, a tab "
        f"{_around(para.text, 'Code:', 6)}; a hyperlink's text is in `Paragraph.text`, its URL is not.",
        f"python-docx merged cell: `row.cells` gives {[c.text for c in d.tables[0].rows[0].cells]!r}, the merged "
        f"cell once per grid column it spans (same `_tc`; the row has {len(d.tables[0].rows[0]._tr.tc_lst)} `w:tc`).",
        f"python-docx list item (List Number): {item.text!r}; the number or bullet is not in the text."]
    for name in ("docx2python", "mammoth"):
        text = ALL[name](docx)[0]
        lines.append(f"{name}: {_around(text, '312 maps', 8)}, {_around(text, 'station website', 10)}, "
                     f"merged cell {text.count('Head and power')}x, table cells {_around(text, 'P-101', 4)}.")
    slide2 = python_pptx_text(pptx)[1]
    lines.append(f"python-pptx `text_frame.text`: `add_line_break()` {_around(slide2, 'Line one', 6)}.")
    return lines


# -- report -------------------------------------------------------------------------------------

COLUMNS = [("facts", "facts verbatim"), ("facts_dehyph", "facts, hyphens undone"), ("right_page", "on right page"),
           ("non_ascii", "é ü € “”"), ("non_bmp", "𝔸 (non-BMP)"), ("table", "table row order"),
           ("columns", "2-column order"), ("cross_page", "cross-page sentence"), ("deterministic", "deterministic"),
           ("s_per_page", "s/page"), ("rss", "peak RSS MiB (import)"), ("special", "notable output")]
PDFIUM_NOTE = (
    "Within pypdfium2, `get_text_range()` and `get_text_bounded()` gave the same text but for the hyphen "
    "marker. Use `get_text_range()`: it returns the whole char list (`get_text_bounded()` is bounded by the "
    "page bbox, so text outside the crop box is left out), and its string indices equal pdfium's char "
    "indices (so char boxes, for highlighting) as long as the page has no character outside the BMP. Its "
    "generated `\\r\\n` line ends and U+FFFE hyphen marker are part of the text layer citeqa defines: a 1:1 "
    "replacement (U+FFFE -> `-` or U+00AD) keeps offsets aligned with pdfium's.")


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    if isinstance(value, float):
        return f"{value:.4f}" if key == "s_per_page" else f"{value:.2f}"
    return "–" if value is None else ", ".join(value) if isinstance(value, list) else str(value)


def table(rows: list[dict[str, Any]]) -> str:
    """The results as one Markdown table, a row per library (and pypdfium2 method)."""
    head = ["format", "library"] + [label for _, label in COLUMNS]
    body = ["| " + " | ".join([r["format"], r["library"]] + [_cell(r, k) for k, _ in COLUMNS]) + " |" for r in rows]
    return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head), *body])


def recommend(rows: list[dict[str, Any]]) -> str:
    """The winner and why: fidelity first (sum of the fidelity columns), then licence (every candidate
    measured is permissive, so it splits none), then seconds per page, where a difference under 25%
    (run-to-run noise on this machine) is a tie that the listed order breaks; what each other lost on."""
    def score(r: dict[str, Any]) -> float:
        return sum(float(r.get(k, 1.0)) for k, _ in COLUMNS[1:9])

    best = next(r for r in rows if score(r) == max(map(score, rows)))
    for r in rows:
        best = r if score(r) == score(best) and r["s_per_page"] * 1.25 < best["s_per_page"] else best
    why, keys = [], COLUMNS[:9]
    for r in (r for r in rows if r is not best):
        lost = [f"{label} {_cell(r, k)} vs {_cell(best, k)}" for k, label in keys if k in r and r[k] < best[k]]
        lost += [f"misses {f!r}" for f in r["missed"] if f not in best["missed"]]
        speed = f"{r['s_per_page'] / best['s_per_page']:.1f}x the time per page"
        why.append(f"{r['library']} loses on {'; '.join(lost)} ({speed})" if lost else
                   f"{r['library']} ties on fidelity but takes {speed}")
    page = f", {best['right_page']:.2f} on the right page" if "right_page" in best else ""
    return (f"**{best['library']}** ({LICENCES[best['library'].split(' ')[0]]}) wins: facts {best['facts']:.2f} "
            f"verbatim, {best['facts_dehyph']:.2f} with hyphens undone{page}, {best['s_per_page']:.4f} s/page, "
            f"peak RSS {best['rss']} MiB. "
            + ("; ".join(why) or "It was the only candidate") + ".")


def render(rows: list[dict[str, Any]], notes: list[str], command: str, pages: int) -> str:
    """The Markdown report: command, versions, method, licences, table, recommendations, quirks."""
    versions = ", ".join(f"{d} {importlib.metadata.version(d)}" for d in (
        "pypdfium2", "pypdf", "pdfplumber", "pdfminer.six", "python-docx", "docx2python", "mammoth", "python-pptx",
        "fpdf2"))
    method = next(p for p in (__doc__ or "").split("\n\n") if p.startswith("The script")).replace("``", "`").replace("200-page", f"{pages}-page").strip()
    recs = [f"- {fmt}: " + recommend([r for r in rows if r["format"] == fmt]) for fmt in EXTRACTORS]
    return "\n".join(["# Text-layer extractors for PDF, DOCX and PPTX", "",
                      f"Made by `{command}` (Python {sys.version.split()[0]}; {versions}).", "", method, "",
                      "Licences: " + "; ".join(f"{k}: {v}" for k, v in LICENCES.items()) + ".", "", table(rows), "",
                      "## Recommendation", "", *recs, "", PDFIUM_NOTE, "",
                      "## Exact output quirks", "", *(f"- {n}" for n in notes), ""])


def main(argv: list[str] | None = None) -> None:
    """Generate the test files, measure every candidate, print the report and write it to ``--out``."""
    ap = argparse.ArgumentParser(prog="python -m citeqa.eval.extractors", description="Measure text extractors.")
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("EXTRACTORS.md"))
    ap.add_argument("--pages", type=int, default=200, help="pages of the speed PDF")
    ap.add_argument("--measure", nargs=2, metavar=("LIBRARY", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure_in_process(args.measure[0], Path(args.measure[1]))))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        d, rng = Path(tmp), random.Random(0)
        fixtures = {"PDF": make_pdf(d / "t.pdf", rng), "DOCX": make_docx(d / "t.docx", rng),
                    "PPTX": make_pptx(d / "t.pptx")}
        big = {"PDF": d / "big.pdf", "DOCX": d / "big.docx", "PPTX": d / "big.pptx"}
        make_docx(big["DOCX"], rng, make_big_pdf(big["PDF"], rng, args.pages))
        make_pptx(big["PPTX"], 100)
        for fmt, libs in EXTRACTORS.items():
            fx = fixtures[fmt]
            for name, extract in libs.items():
                row = {"format": fmt, "library": name} | fidelity(fx, extract(fx.path), extract(fx.path))
                m = measure(name, big[fmt])
                row["s_per_page"] = statistics.median(m["seconds"]) / (args.pages if fmt == "DOCX" else m["pages"])
                row["rss"] = f"{m['rss_peak']:.0f} ({m['rss_import']:.0f})"
                row["deterministic"] = row["deterministic"] and m["same"]
                if fmt == "DOCX":
                    del row["right_page"]  # one "page": the same as facts, hyphens undone
                rows.append(row)
                print(f"measured {name}", file=sys.stderr)
        notes = quirks(fixtures["PDF"].path, fixtures["DOCX"].path, fixtures["PPTX"].path)
    md = render(rows, notes, " ".join(["python -m citeqa.eval.extractors", *(argv or sys.argv[1:])]), args.pages)
    print(md)
    args.out.write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
