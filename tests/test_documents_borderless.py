"""Tables of a PDF without rulings (issue 24 item 2): rows whose cells wrap over several lines in
narrow columns, words and figures cut at a cell's edge, row numbers cut in a narrow "No"
column, header words cut ("Targ" / "et"), a total row whose label and figure wrap, a page
that goes on with the table laid out anew without its header, and cells set closer than a
word's width apart."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from smartsync.documents._doc import Table  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402

HEADER = ["No", "kode_program", "Program", "Perangkat Daerah", "Target 2025", "Pagu 2025"]
ROWS = [
    [str(k), f"2.16.{k:02d}", name, agency, "90,5", amount]
    for k, (name, agency, amount) in enumerate([
        ("Program Penyelenggaraan Penanggulangan Bencana", "Dinas Perhubungan", "25.526.000.000"),
        ("Program Pengelolaan Ekonomi Kreatif", "Dinas Kesehatan", "8.759.000.000"),
        ("Program Pengembangan Transportasi Publik", "Dinas Komunikasi dan Informatika", "1.237.000.000"),
    ] * 4, start=1)
]
TOTAL = ["", "JUMLAH TOTAL", "", "", "", "142.088.000.000"]


def _pdf(path: Path, widths: list[float], pages: list[list[list[str]]], top_padding: float = 3,
         widths_after: list[float] | None = None, side_padding: float = 5) -> None:
    """A PDF of borderless tables (one a page), 7 pt text in cells of ``widths`` points (the
    pages after the first in cells of ``widths_after`` when given), ``side_padding`` points
    left and right of each cell's text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table as RLTable, TableStyle

    cell = ParagraphStyle("c", fontName="Helvetica", fontSize=7, leading=8.5)
    story: list = [Paragraph("Tabel 7.1 Indikasi Rencana Program Prioritas (dalam rupiah)")]
    for k, rows in enumerate(pages):
        if k:
            story.append(PageBreak())
        table = RLTable([[Paragraph(v, cell) if v else "" for v in row] for row in rows],
                        colWidths=widths if k == 0 or widths_after is None else widths_after)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), top_padding),
                                   ("LEFTPADDING", (0, 0), (-1, -1), side_padding),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), side_padding)]))
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _tables(path: Path) -> list[Table]:
    return [item for item in read_document(path).items if isinstance(item, Table)]


def test_wrapped_cells_are_one_row_with_their_cut_words_and_figures_put_back(tmp_path: Path) -> None:
    """Each program is one row: its name, agency and pagu whole though the narrow cells cut
    "Penanggulangan", "Perhubungan" and "25.526.000.000" over lines; the header words cut
    ("kode_prog" / "ram", "Targ" / "et") read whole."""
    path = tmp_path / "rpjmd.pdf"
    _pdf(path, [18, 34, 50, 42, 26, 34], [[HEADER] + ROWS])
    (table,) = _tables(path)
    assert table.cells[0] == HEADER
    assert table.cells[1:] == ROWS


def test_a_row_number_cut_in_a_narrow_column_and_a_wrapped_total_row(tmp_path: Path) -> None:
    """Row numbers 10-12 cut as "1" over "0" in a narrow No column stay one row each; a total
    row whose label and figure wrap is a row of its own, not the rest of the last program."""
    path = tmp_path / "rpjmd.pdf"
    _pdf(path, [16, 34, 50, 42, 26, 34], [[HEADER] + ROWS + [TOTAL]])
    (table,) = _tables(path)
    assert [row[0] for row in table.cells[1:]] == [str(k) for k in range(1, 13)] + [""]
    assert table.cells[-1] == TOTAL
    assert table.cells[-2] == ROWS[-1]


def test_rows_without_padding_are_told_apart_by_their_numbers(tmp_path: Path) -> None:
    """Rows set as close as the lines of a cell (no padding) are still one row each: a row
    starts at its number."""
    path = tmp_path / "rpjmd.pdf"
    _pdf(path, [18, 34, 50, 42, 26, 34], [[HEADER] + ROWS], top_padding=0)
    (table,) = _tables(path)
    assert table.cells[1:] == ROWS


def test_a_page_going_on_without_its_header_and_laid_out_anew(tmp_path: Path) -> None:
    """The table's second page, without its header and with other column widths, is read in
    its own columns: every row whole."""
    path = tmp_path / "rpjmd.pdf"
    _pdf(path, [18, 34, 50, 42, 26, 34], [[HEADER] + ROWS[:6], ROWS[6:]], widths_after=[18, 40, 80, 60, 30, 60])
    first, second = _tables(path)
    assert first.cells[1:] == ROWS[:6]
    assert second.cells == ROWS[6:]


@pytest.mark.parametrize("padding", [1, 2, 3])
def test_cells_set_closer_than_the_font_size_stay_apart(tmp_path: Path, padding: float) -> None:
    """Cells whose texts stand only 2 to 6 points apart (7 pt text: less than the 1.2 times the
    font size that sets words apart) are read in their own columns: where the document wrote no
    space between two words, a gap wider than a third of the size is a cell's edge, not a word's."""
    path = tmp_path / "rpjmd.pdf"
    header = ["No", "Sasaran", "Kode", "Program", "Pagu 2022 (Rp)", "Pagu 2023 (Rp)", "Perangkat Daerah"]
    rows = [["1", "Meningkatnya indeks SPBE", "2.16.02", "Program Pengelolaan Aplikasi Informatika",
             "1.500.000.000", "2.000.000.000", "Dinas Komunikasi dan Informatika"],
            ["2", "Meningkatnya investasi daerah", "2.18.02", "Program Pengembangan Iklim Penanaman Modal",
             "2.500.000.000", "2.750.000.000", "Dinas Penanaman Modal dan PTSP"],
            ["3", "Meningkatnya kualitas lingkungan", "2.11.02", "Program Pengendalian Pencemaran Lingkungan Hidup",
             "750.000.000", "800.000.000", "Dinas Lingkungan Hidup"]]
    _pdf(path, [12, 80, 28, 110, 46, 46, 90], [[header] + rows], side_padding=padding)
    (table,) = _tables(path)
    assert table.cells == [header] + rows
