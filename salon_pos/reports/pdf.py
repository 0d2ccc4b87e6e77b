"""A report as an A4 PDF (reportlab platypus): a header on every page with the store, the period
and when it was printed, page numbers at the foot, each section's table (split across pages with
its heading row repeated) and its chart. Chinese prints with Adobe's STSong-Light CID font, which
needs no font file (salon_pos/reports/fonts.py)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from salon_pos.reports.charts import chart_drawing
from salon_pos.reports.fonts import printable, register_font
from salon_pos.reports.model import Report, Section, Table, row_texts

MARGIN = 15 * mm
CELL_SIZE = 8.5
HEADER_GAP = 14 * mm  # room above the frame for the page header
ACCENT = colors.HexColor("#ad1457")  # the app's rose
LIGHT = colors.HexColor("#f8e8ef")
RULE = colors.HexColor("#cccccc")
# Money in the PDF without the ¥ sign: STSong-Light's ¥ is the full-width one, too wide for
# columns of figures; the headings say 元.
MONEY_SYMBOL = ""


def _styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=16, leading=22, spaceAfter=4),
        "section": ParagraphStyle(
            "section",
            fontName=font,
            fontSize=12,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "body": ParagraphStyle("body", fontName=font, fontSize=9, leading=13),
        "note": ParagraphStyle(
            "note", fontName=font, fontSize=8, leading=11, textColor=colors.HexColor("#555555")
        ),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=CELL_SIZE, leading=11),
        "number": ParagraphStyle(
            "number", fontName=font, fontSize=CELL_SIZE, leading=11, alignment=TA_RIGHT
        ),
    }


def _escape(text: str) -> str:
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cells(table: Table, row: Sequence[Any], styles: dict[str, ParagraphStyle]) -> list[Any]:
    texts = row_texts(table.columns, row, MONEY_SYMBOL)
    return [
        Paragraph(_escape(text), styles["number" if column.numeric else "cell"])
        for column, text in zip(table.columns, texts, strict=True)
    ]


def _widths(table: Table, width: float) -> list[float]:
    """Each column as wide as its longest text (the heading counted at most at half its width:
    it may wrap), shrunk or stretched in proportion to fill the page's width."""
    font = register_font()
    texts = [row_texts(table.columns, row, MONEY_SYMBOL) for row in table.rows[:200]]
    if table.totals is not None:
        texts.append(row_texts(table.columns, table.totals, MONEY_SYMBOL))
    needs = []
    for i, column in enumerate(table.columns):
        cells = [stringWidth(printable(row[i]), font, CELL_SIZE) for row in texts]
        heading = stringWidth(printable(column.heading), font, CELL_SIZE) / 2
        needs.append(max([heading, *cells, 24.0]) + 8)
    return [width * need / sum(needs) for need in needs]


def table_flowable(table: Table, width: float, no_rows: str) -> Flowable:
    styles = _styles()
    header = [
        Paragraph(_escape(c.heading), styles["number" if c.numeric else "cell"])
        for c in table.columns
    ]
    body = [_cells(table, row, styles) for row in table.rows]
    if not body:
        body = [[Paragraph(no_rows, styles["cell"])] + [""] * (len(table.columns) - 1)]
    rows = [header, *body]
    if table.totals is not None:
        rows.append(_cells(table, table.totals, styles))
    made = PdfTable(rows, colWidths=_widths(table, width), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if table.totals is not None:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
        commands += [("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3"))]
    made.setStyle(TableStyle(commands))
    return made


def section_flowables(section: Section, width: float, no_rows: str) -> list[Flowable]:
    styles = _styles()
    heading = Paragraph(_escape(section.title), styles["section"])
    note = [Paragraph(_escape(section.note), styles["note"])] if section.note else []
    table = table_flowable(section.table, width, no_rows)
    if section.chart is not None and section.chart.points:
        chart = chart_drawing(section.chart, width, register_font())
        return [KeepTogether([heading, chart]), *note, table]
    # The heading never ends a page alone: it goes over with the table (or its first rows, when
    # the table is longer than a page).
    return [KeepTogether([heading, *note, table])]


def _page_header(report: Report, canvas: Canvas, document: SimpleDocTemplate) -> None:
    """The store, the period and the print time at the top; the page number at the foot."""
    font = register_font()
    page_width, page_height = A4
    canvas.saveState()
    canvas.setFont(font, 9)
    top = page_height - MARGIN + 2 * mm
    canvas.drawString(MARGIN, top, printable(report.store))
    labels = report.labels
    canvas.drawCentredString(page_width / 2, top, f"{labels.period}{report.period}")
    printed = report.printed_at.strftime("%Y-%m-%d %H:%M")
    canvas.drawRightString(page_width - MARGIN, top, f"{labels.printed_at}{printed}")
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 2.5 * mm, page_width - MARGIN, top - 2.5 * mm)
    canvas.drawCentredString(page_width / 2, MARGIN / 2, labels.page.format(page=document.page))
    canvas.restoreState()


def report_flowables(report: Report, width: float) -> list[Flowable]:
    """The report's body: title, sections, footnotes (a caller may add its own around them)."""
    styles = _styles()
    story: list[Flowable] = [Paragraph(_escape(report.title), styles["title"])]
    for section in report.sections:
        story += section_flowables(section, width, report.labels.no_rows)
    if report.footnotes:
        story.append(Spacer(1, 6 * mm))
        story += [Paragraph(_escape(note), styles["note"]) for note in report.footnotes]
    return story


def write_pdf(report: Report, path: Path, extra: Sequence[Flowable] = ()) -> Path:
    """Write `report` (and any `extra` flowables after it) to `path` as an A4 PDF."""
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP,
        bottomMargin=MARGIN + 4 * mm,
        title=report.title,
        author=report.store,
    )
    story = report_flowables(report, document.width) + list(extra)
    on_page = partial(_page_header, report)
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return path
