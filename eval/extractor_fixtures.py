"""Test files for eval/extractors.py: a PDF, a DOCX and a PPTX whose facts, table, columns and
cross-page sentence are known, and a long PDF for speed (fpdf2, python-docx, python-pptx)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core: é ü € “ ” and U+1D538


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
