"""The small Word and PDF documents the drafting tests write, built one way.

A document is a list of items, in order:

- a string is a paragraph;
- a list of rows (each a list of cell texts) is a table: ruled ("Table Grid") in Word, with a
  grid in a PDF; an empty cell is left empty;
- ``Styled(text, style)`` is a paragraph in a named style: a Word list ("List Number",
  "List Bullet 2") or a reportlab sample style ("Heading3");
- ``PAGE`` is a page break.

:func:`write_docx` and :func:`write_pdf` write such a list; :func:`docx_document` gives the Word
document still open, for a test that adds what only it needs (a merged cell, paragraphs inside a
cell) before :func:`save`. :func:`write_two_column_pdf` sets a page in two text columns.
:data:`MASTERPLAN` is the short masterplan most drafting tests pair
with the RPJMD they are about. Positioned text (glyphs, lines drawn by coordinates) stays with
the test that draws it: its geometry is what it tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence


@dataclass(frozen=True)
class Styled:
    """A paragraph in a named style."""

    text: str
    style: str


PAGE = "\f"  # a page break: a form feed, never a planner's paragraph

MASTERPLAN = ["BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City", "“Kota cerdas dan melayani”",
              "BAB IV RENCANA PROGRAM", "4.1 Smart Governance", "1. Aplikasi layanan terpadu"]


def _is_table(item: Any) -> bool:
    return isinstance(item, list)


def word_table(container, rows: Sequence[Sequence[str]], *, style: str | None = "Table Grid"):
    """A table of ``rows`` added to ``container`` (a document or a cell), its empty cells left
    untouched; the table, for a test that merges cells."""
    table = container.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        table.style = style
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value:
                table.cell(i, j).text = value
    return table


def add_items(document, items: Iterable) -> None:
    """Each item of ``items`` added to the Word ``document``, in order."""
    for item in items:
        if _is_table(item):
            word_table(document, item)
        elif isinstance(item, Styled):
            document.add_paragraph(item.text, style=item.style)
        elif item == PAGE:
            document.add_page_break()
        else:
            document.add_paragraph(item)


def docx_document(items: Iterable = ()):
    """A new Word document holding ``items``."""
    import docx

    document = docx.Document()
    add_items(document, items)
    return document


def save(document, path: Path) -> Path:
    document.save(path)
    return path


def write_docx(path: Path, items: Iterable) -> Path:
    """The Word document of ``items`` written at ``path``; the path."""
    return save(docx_document(items), path)


def write_pdf(path: Path, items: Iterable, *, style: Any = "Normal", landscape: bool = False) -> Path:
    """A text PDF of ``items`` (reportlab's platypus on A4, landscape when asked) at ``path``;
    ``style`` is the paragraphs' style: a sample style's name or a ``ParagraphStyle``."""
    from reportlab.lib import colors
    from reportlab.lib import pagesizes
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    sheet = getSampleStyleSheet()
    body = sheet[style] if isinstance(style, str) else style
    story: list = []
    for item in items:
        if _is_table(item):
            table = Table(item)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(table)
        elif isinstance(item, Styled):
            story.append(Paragraph(item.text, sheet[item.style]))
        elif item == PAGE:
            story.append(PageBreak())
        else:
            story.append(Paragraph(item, body))
    size = pagesizes.landscape(pagesizes.A4) if landscape else pagesizes.A4
    SimpleDocTemplate(str(path), pagesize=size).build(story)
    return path


def write_two_column_pdf(path: Path, titles: Sequence[str], left: Iterable, right: Iterable, *,
                         gap: float = 20.0) -> Path:
    """A one-page A4 PDF in two text columns ``gap`` points apart (a designed masterplan book),
    ``titles`` drawn in bold across the top, then ``left``'s items in the left column and
    ``right``'s in the right (items as :func:`write_pdf` takes them, no tables)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    sheet = getSampleStyleSheet()
    width, height = A4
    column = (width - 80 - gap) / 2
    frames = [Frame(40, 60, column, height - 160, id="left", leftPadding=0, rightPadding=0),
              Frame(40 + column + gap, 60, column, height - 160, id="right", leftPadding=0, rightPadding=0)]

    def on_page(canvas: Any, _document: Any) -> None:
        canvas.setFont("Helvetica-Bold", 11)
        for k, title in enumerate(titles):
            canvas.drawString(40, height - 60 - 20 * k, title)

    def flow(items: Iterable) -> list:
        return [Paragraph(item.text, sheet[item.style]) if isinstance(item, Styled) else Paragraph(item, sheet["Normal"])
                for item in items]

    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate("two", frames, onPage=on_page)])
    document.build(flow(left) + [FrameBreak()] + flow(right))
    return path
