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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PageTexts = list[str]  # one string per PDF page / PPTX slide; a DOCX gives one string
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core: é ü € “ ” and U+1D538
LICENCES = {"pypdfium2": "Apache-2.0 or BSD-3-Clause; PDFium BSD-3/Apache-2.0", "pypdf": "BSD-3-Clause",
            "pdfplumber": "MIT (on pdfminer.six, MIT)", "python-docx": "MIT", "docx2python": "MIT",
            "mammoth": "BSD-2-Clause", "python-pptx": "MIT",
            "pymupdf": "AGPL-3.0 or commercial: excluded for licence, not installed or measured"}


@dataclass(frozen=True)
class Fixture:
    """A generated test file and what a faithful extraction contains: ``facts`` maps each fact to its
    0-based page/slide (0 in a DOCX), ``table`` the cell texts in row-major order, ``columns`` the
    (left, right) text of the two-column page, ``cross_page`` the sentence over a page break."""

    path: Path
    facts: dict[str, int]
    table: tuple[str, ...] = ()
    columns: tuple[str, str] | None = None
    cross_page: str | None = None


# -- test content -------------------------------------------------------------------------------

_SUBJ = "The operator|Each inspection team|The control room|Maintenance staff|A duty engineer|The audit".split("|")
_VERB = "reviews|records|checks|reports|approves|documents|schedules|verifies".split("|")
_OBJ = ("the valve alignment|the daily log|pressure readings in the primary loop|the spare parts list|any deviation "
        "from the procedure|the cooling water intake|the weekly radiation survey|the lock-out records").split("|")
_TAIL = ("before each shift|at the end of every week|whenever an alarm is raised|within two hours|as described in "
         "section 4|according to the station handbook|without exception").split("|")
FACTS = [f"{s}." for s in (
    "The reactor coolant pump runs at 1480 rpm", "Valve V-212 closes in 4.5 seconds",
    "The main transformer weighs 212 tonnes", "Café Müller serves a “Grüner Tee” for €3.20",
    "The emergency pond holds 9300 cubic metres", "Turbine blade row 7 has 96 blades",
    "The control room has 14 operator desks", "Backup batteries last for 8 hours",
    "Fire pump FP-3 delivers 450 litres per minute", "The north gate closes at 22:00",
    "Shift handovers take 25 minutes", "The stack is 118 metres tall", "Sample line S-9 is heated to 65 degrees",
    "The crane lifts at most 160 tonnes", "Diesel tank D2 stores 95000 litres",
    "The intake screens are cleaned every Tuesday", "The switchyard uses 400 kV breakers",
    "Radiation monitor RM-44 alarms at 2 mSv per hour", "The simulator replicates unit 2 exactly",
    "Condenser tubes are made of titanium", "The archive holds 312 maps drawn between 1890 and 1910",
    "Zoë Brückner leads the audit team", "The visitor centre opened in 1987", "Helicopter pad H1 is lit by 24 lamps",
    "Alarm set \U0001D538 covers 17 codes",  # outside the BMP: pypdfium2 warns get_text_range() is UCS-2
)]
WORDWISE = "The spare turbine rotor is stored in hall 3."
HYPHENATED = {"The turbine hall contains forty-eight condensation pumps.": "condensa",
              "Operators wear dosimeters throughout the controlled area.": "through"}
CROSS = ("The emergency diesel generators were last tested on", "14 March 2024 and passed every check.")
LEFT = "Left column text starts here. The left column explains the water chemistry programme in detail."
RIGHT = "Right column text starts here. The right column lists the chemistry sampling points one by one."
TABLE = [["Pump", "Flow", "Head", "Power"], ["P-101", "320 m3/h", "45 m", "55 kW"],
         ["P-102", "180 m3/h", "62 m", "40 kW"]]


def filler(rng: random.Random, sentences: int) -> str:
    """Plausible, fact-free prose of ``sentences`` sentences drawn from ``rng``."""
    return " ".join(f"{rng.choice(_SUBJ)} {rng.choice(_VERB)} {rng.choice(_OBJ)} {rng.choice(_TAIL)}."
                    for _ in range(sentences))


# -- fixtures -----------------------------------------------------------------------------------

def _pdf() -> Any:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
        pdf.add_font("DejaVu", style, str(FONT_DIR / name))
    pdf.set_margins(20, 20, 20)
    return pdf


def _para(pdf: Any, text: str, size: int = 11, style: str = "", align: str = "J") -> None:
    pdf.set_font("DejaVu", style, size)
    pdf.multi_cell(0, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _facts(pdf: Any, rng: random.Random, facts: dict[str, int], fs: list[str]) -> None:
    for fact in fs:
        _para(pdf, f"{filler(rng, 2)} {fact} {filler(rng, 2)}")
        facts[fact] = pdf.page_no() - 1


def make_pdf(path: Path, rng: random.Random) -> Fixture:
    """Write the 6-page fidelity PDF and return what it holds."""
    pdf, facts = _pdf(), dict[str, int]()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    _para(pdf, "Riverside Station Operations Manual", 20, "B", "L")
    _para(pdf, "1 Overview", 15, "B", "L")
    _facts(pdf, rng, facts, FACTS[0:4])
    pdf.add_page()
    _para(pdf, "2 Equipment", 15, "B", "L")
    pdf.set_font("DejaVu", "", 11)
    with pdf.table(col_widths=(40, 40, 40, 40), width=160) as table:
        for row in TABLE:
            table.row(row)
    pdf.ln(4)
    _facts(pdf, rng, facts, FACTS[4:8])
    pdf.set_y(pdf.h - 30)
    _para(pdf, f"{filler(rng, 1)} {CROSS[0]}", align="L")
    pdf.add_page()
    _para(pdf, f"{CROSS[1]} {filler(rng, 2)}", align="L")
    _para(pdf, "3 Checklist", 15, "B", "L")
    for fact in FACTS[8:12]:
        _para(pdf, f"\u2022 {fact}", align="L")
        facts[fact] = 2
    _facts(pdf, rng, facts, FACTS[12:13])
    pdf.add_page()
    _para(pdf, "4 Water chemistry", 15, "B", "L")
    top = pdf.get_y()
    for left, text, fs in ((20, LEFT, FACTS[13:15]), (110, RIGHT, FACTS[15:17])):
        pdf.set_xy(left, top)
        pdf.multi_cell(80, 5.5, f"{text} {filler(rng, 2)} {' '.join(fs)} {filler(rng, 2)}", align="J")
        facts.update({f: 3 for f in fs})
    pdf.add_page()
    _para(pdf, "5 Turbine hall", 15, "B", "L")
    for fact, head in HYPHENATED.items():  # explicit line ends where a typesetter would hyphenate
        cut = fact.index(head) + len(head)
        _para(pdf, f"{filler(rng, 1)}\n{fact[:cut]}-\n{fact[cut:]} {filler(rng, 1)}", align="L")
        facts[fact] = 4
    _facts(pdf, rng, facts, FACTS[17:20])
    pdf.add_page()
    _para(pdf, "6 History and people", 15, "B", "L")
    _facts(pdf, rng, facts, FACTS[20:25])
    x, y = 20.0, pdf.get_y() + 6
    for word in WORDWISE.split():  # as generators that place each word and draw no space glyphs
        pdf.text(x, y, word)
        x += pdf.get_string_width(word + " ")
    facts[WORDWISE] = 5
    pdf.output(str(path))
    return Fixture(path, facts, tuple(c for row in TABLE for c in row), (LEFT, RIGHT), " ".join(CROSS))


def make_big_pdf(path: Path, rng: random.Random, pages: int) -> list[tuple[str, list[str]]]:
    """Write a ``pages``-page PDF of headed, justified prose (for speed); return its sections."""
    pdf, sections = _pdf(), list[tuple[str, list[str]]]()
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    while pdf.page_no() < pages:
        sections.append((f"{len(sections) + 1} Routine operations", [filler(rng, 7) for _ in range(3)]))
        _para(pdf, sections[-1][0], 14, "B", "L")
        for text in sections[-1][1]:
            _para(pdf, text)
    pdf.output(str(path))
    return sections


def _add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link, run, t = OxmlElement("w:hyperlink"), OxmlElement("w:r"), OxmlElement("w:t")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def make_docx(path: Path, rng: random.Random, big: list[tuple[str, list[str]]] | None = None) -> Fixture:
    """Write the fidelity DOCX, or with ``big`` (from :func:`make_big_pdf`) that prose, for speed."""
    from docx import Document

    doc = Document()
    doc.add_heading("Riverside Station Operations Manual", 0)  # level 0 is the Title style
    for heading, paras in big or []:
        doc.add_heading(heading, 1)
        for text in paras:
            doc.add_paragraph(text)
    if big:
        doc.save(str(path))
        return Fixture(path, {})
    doc.add_heading("1 Overview", 1)
    for fact in FACTS[0:6]:
        doc.add_paragraph(f"{filler(rng, 2)} {fact} {filler(rng, 1)}")
    doc.add_heading("1.1 Checklist", 2)
    for i, fact in enumerate(FACTS[6:14]):
        doc.add_paragraph(fact, style="List Bullet" if i < 4 else "List Number")
    doc.add_heading("2 Equipment", 1)
    table = doc.add_table(rows=3, cols=4)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Head and power"
    for fact in FACTS[14:20]:
        doc.add_paragraph(f"{filler(rng, 1)} {fact}")
    doc.add_heading("2.1 People", 2)
    p = doc.add_paragraph(f"{filler(rng, 1)} The archive holds 312 maps")  # FACTS[20], broken by <w:br/>
    p.add_run().add_break()
    p.add_run("drawn between 1890 and 1910. Code:\tA-17.")
    p = doc.add_paragraph(f"{FACTS[21]} The timetable is published on the ")
    _add_hyperlink(p, "https://example.org/timetable", "station website")
    p.add_run(".")
    for fact in FACTS[22:25]:
        doc.add_paragraph(fact)
    doc.save(str(path))
    facts = {f: 0 for f in FACTS} | {"The timetable is published on the station website.": 0}
    return Fixture(path, facts, ("Pump", "Flow", "Head and power", *(c for row in TABLE[1:] for c in row)))


def make_pptx(path: Path, slides: int = 5) -> Fixture:
    """Write ``slides`` (>= 5) title-and-bullets slides of facts, a table on slide 3, a line break on 2."""
    from pptx import Presentation
    from pptx.util import Inches

    prs, facts = Presentation(), dict[str, int]()
    for i in range(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Slide {i + 1}: station facts"
        fs = [FACTS[(4 * i + k) % 24] for k in range(4)] + ([FACTS[24]] if i == 4 else [])
        body = slide.placeholders[1].text_frame
        body.text = "\n".join(fs)  # "\n" starts a new paragraph (bullet)
        if i == 1:
            para = body.add_paragraph()
            para.text = "Line one"
            para.add_line_break()
            para.add_run().text = "line two"
        if i == 2:
            shape = slide.shapes.add_table(3, 4, Inches(1), Inches(5), Inches(8), Inches(1.5))
            for r, row in enumerate(TABLE):
                for c, text in enumerate(row):
                    shape.table.cell(r, c).text = text
        facts.update({f: i for f in fs} if i < 5 else {})
    prs.save(str(path))
    return Fixture(path, facts, tuple(c for row in TABLE for c in row))


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
