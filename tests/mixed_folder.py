"""A folder like the one users have: text in several encodings, Markdown with a table, a list and
code, web pages with cookie banners and navigation, a PDF with pages, a DOCX with headings and a
table, a PPTX, Chinese and Japanese prose, and files that cannot be indexed. Every file is made
here, from code, with real libraries (fpdf2, python-docx, python-pptx, Pillow).

:data:`FACTS` lists, for each fact, the question a user would ask, the document that answers it,
the words the cited passage must hold and the page it must carry.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Fact:
    """A fact of the folder: ``question`` must be answered by a passage of ``doc_id`` that holds
    ``answer``, starting on ``page`` (None for formats without pages), under ``headings``."""

    question: str
    doc_id: str
    answer: str
    page: int | None = None
    headings: tuple[str, ...] | None = None


FACTS: tuple[Fact, ...] = (
    Fact("How often does the ferry to Wren Island leave?", "notes/ferry.txt", "every 40 minutes"),
    Fact("How much does an espresso cost at Café Rouge?", "notes/cafe-cp1252.txt", "2,80 €"),
    Fact("When does the Kestrel Observatory open its dome to visitors?", "notes/observatory-utf16.txt",
         "Thursday nights from 20:00"),
    Fact("Who runs the night clinic?", "notes/clinic.txt", "Dr Okafor runs"),
    Fact("What is the maximum flow of the P-200 pump?", "manual/pump.md", "| P-200 | 450 L/min |",
         headings=("Pump manual", "Models")),
    Fact("How often must the pump seals be replaced?", "manual/pump.md", "Replace the seals every 18 months"),
    Fact("Which command resets the pump controller?", "manual/pump.md", "pumpctl reset --zone 4"),
    Fact("What does a ticket to the Linden Museum cost for students?", "web/museum.html", "Student | 6 €"),
    Fact("When was the Linden Museum founded?", "web/museum.html", "founded in 1902"),
    Fact("How many members did the cooperative have at the end of 2024?", "reports/annual.pdf",
         "1,240 members", page=2),
    Fact("How much electricity did the solar array produce in 2024?", "reports/annual.pdf", "3.2 GWh", page=3),
    Fact("How much may employees claim per kilometre for using their own car?", "reports/policy.docx",
         "0.30 € per kilometre", headings=("Travel",)),
    Fact("What is the nightly hotel limit in Berlin?", "reports/policy.docx", "Berlin | 140 €",
         headings=("Travel", "Lodging")),
    Fact("When does the beta launch?", "slides/kickoff.pptx", "The beta launches on 14 March", page=2),
    Fact("长江全长多少公里？", "intl/changjiang-zh.txt", "全长约六千三百公里"),
    Fact("富士山の標高は何メートルですか？", "intl/fuji-ja.txt", "標高は三千七百七十六メートル"),
)

#: Files that must be listed as skipped, with a word their reason must contain.
SKIPPED: dict[str, str] = {
    "scans/scanned.pdf": "OCR not supported",
    "images/photo.png": "OCR not supported",
    "old/report.doc": ".docx",
}
#: Files that must be ignored altogether (neither indexed nor listed).
JUNK: tuple[str, ...] = (".DS_Store", "reports/~$policy.docx", "notes/ferry.txt~", ".~lock.policy.docx#")

_PUMP_MD = """\
---
title: Pump manual
author: Plant engineering
---

# Pump manual

This manual covers the circulation pumps of the cooling plant.

## Models

| Model | Max flow |
|-------|----------|
| P-100 | 220 L/min |
| P-200 | 450 L/min |

## Maintenance

- Check the oil level weekly
- Replace the seals every 18 months
- Log every inspection

## Reset

```
pumpctl reset --zone 4
```
"""

_MUSEUM_HTML = """\
<!doctype html>
<html><head><meta charset="utf-8"><title>Linden Museum — Visit</title>
<style>.x{color:red}</style><script>var tracking = "<p>not text</p>";</script></head>
<body>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies. Accept all cookies?</p>
<button>Accept</button><button>Reject</button></div>
<header><a href="/">Home</a> <a href="/visit">Visit</a> <a href="/shop">Shop</a></header>
<nav><ul><li><a href="/a">Exhibitions</a></li><li><a href="/b">Collections</a></li></ul></nav>
<main><article>
<h1>Visiting the Linden Museum</h1>
<p>The Linden Museum was founded in 1902 by the botanist Clara Linden and holds
her collection of pressed alpine plants.</p>
<h2>Tickets</h2>
<table><tr><th>Ticket</th><th>Price</th></tr>
<tr><td>Adult</td><td>12 €</td></tr><tr><td>Student</td><td>6 €</td></tr></table>
<ul><li>Guided tours on Sundays</li><li>Free entry on the first Monday</li></ul>
</article></main>
<footer><p>© 2024 Linden Museum Foundation. All rights reserved. Privacy. Terms. Imprint.</p></footer>
</body></html>
"""


def _write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Cooperative Annual Report 2024")
    pdf.set_font("helvetica", size=11)
    pages = [
        "Annual report of the Greenfield energy cooperative. This report describes the year 2024, "
        "the members, the installations and the accounts of the cooperative.",
        "Membership grew steadily through the year. The cooperative had 1,240 members at the end of "
        "2024, up from 1,010 a year earlier. Most new members joined after the open day in May.",
        "The installations ran well. The solar array produced 3.2 GWh in 2024, enough for about 900 "
        "households. The wind turbine was stopped for six weeks of gearbox repairs.",
    ]
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))


def write_scanned_pdf(path: Path) -> None:
    """A PDF whose only page is a picture of text: no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(image).text((20, 80), "Scanned page: the boiler was serviced in March.", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=180)
    pdf.output(str(path))


def _write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Expense policy"
    document.add_paragraph("Expense policy", style="Title")
    document.add_paragraph("This policy says what staff may claim when they travel for work.")
    document.add_heading("Travel", level=1)
    document.add_paragraph("Employees may claim 0.30 € per kilometre for using their own car. "
                           "Train tickets are refunded in second class.")
    document.add_heading("Lodging", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, (city, limit) in zip(table.rows, [("City", "Nightly limit"), ("Berlin", "140 €"), ("Paris", "180 €")],
                                  strict=True):
        row.cells[0].text, row.cells[1].text = city, limit
    document.save(str(path))


def _write_pptx(path: Path) -> None:
    from pptx import Presentation

    deck = Presentation()
    deck.core_properties.title = "Project kickoff"
    for title, lines in [("Project kickoff", ["Goals and timeline of the mobile app"]),
                         ("Timeline", ["The beta launches on 14 March", "General availability follows in June"]),
                         ("Team", ["Design, backend and mobile squads"])]:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = lines[0]
        for line in lines[1:]:
            body.add_paragraph().text = line
    deck.save(str(path))


def make_mixed_folder(root: Path) -> Path:
    """Write the folder under ``root`` and return it."""
    files: dict[str, bytes] = {
        "notes/ferry.txt": (
            "Harbor Ferry Notes\n\nThe ferry to Wren Island leaves every 40 minutes from Pier 3. "
            "It was first opened in 1911 by the city council.\n"
        ).encode("utf-8"),
        "notes/cafe-cp1252.txt": (
            "Le Café Rouge\n\nThe espresso at Café Rouge costs 2,80 € and a croissant 1,90 €. "
            "The café opened in 1987 on the Rue Saint-Honoré, near the Louvre.\n"
        ).encode("cp1252"),
        "notes/observatory-utf16.txt": (
            "Kestrel Observatory\n\nThe Kestrel Observatory opens its dome to visitors on Thursday nights "
            "from 20:00, weather permitting.\n"
        ).encode("utf-16"),
        "notes/clinic.txt": (
            "Dr Okafor runs\x0bthe night clinic on Tuesdays and Fridays.\u2028"
            "Appointments are not needed for the night clinic.\n"
        ).encode("utf-8"),
        "manual/pump.md": _PUMP_MD.encode("utf-8"),
        "web/museum.html": _MUSEUM_HTML.encode("utf-8"),
        "intl/changjiang-zh.txt": (
            "长江\n\n长江是中国最长的河流，全长约六千三百公里，流经十一个省级行政区。"
            "三峡大坝位于湖北省宜昌市，是世界上最大的水电站。\n"
        ).encode("utf-8"),
        "intl/fuji-ja.txt": (
            "富士山\n\n富士山は日本で最も高い山で、標高は三千七百七十六メートルです。"
            "山梨県と静岡県にまたがっています。\n"
        ).encode("utf-8"),
        "images/photo.png": b"\x89PNG\r\n\x1a\n",
        "old/report.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    }
    for name in JUNK:
        files[name] = b"junk"
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    for name, write in (("reports/annual.pdf", _write_pdf), ("reports/policy.docx", _write_docx),
                        ("slides/kickoff.pptx", _write_pptx), ("scans/scanned.pdf", write_scanned_pdf)):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        write(root / name)
    return root
