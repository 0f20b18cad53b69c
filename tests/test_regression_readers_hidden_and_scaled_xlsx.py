"""What a workbook shows is what the draft reads (newuser round 6, F139, F140): hidden rows,
columns and sheets are left out and said in a check line; a pagu cell whose number format
scales it ('#,##0,': shown in thousands) is read as the sheet shows it. Each test builds the
planner's workbook with openpyxl as the finding's script did."""

from __future__ import annotations

from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

from smartsync.documents import draft_region  # noqa: E402

HEADER = ["Sasaran", "Kode", "Program", "Pagu 2025 (Rancangan Awal)", "Pagu 2025", "Pagu 2026", "Pagu 2027",
          "Perangkat Daerah"]
ROWS = [["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", 1000, 1250, 1300, 1350,
         "Diskominfo"],
        ["Meningkatnya kunjungan wisata", "3.26.03", "Program Pemasaran Pariwisata", 2000, 2500, 2500, 2500,
         "Disparbud"],
        ["Meningkatnya kunjungan wisata", "3.26.02", "Program Peningkatan Daya Tarik Destinasi (dihapus)", 900, 900,
         900, 900, "Disparbud"]]


def _masterplan(folder: Path) -> Path:
    document = docx.Document()
    for text in ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
                 "3.1 Visi Smart City", "“Pasuruan Smart City”", "3.2 Misi Smart City",
                 "1. Mewujudkan layanan digital", "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance",
                 "1. Satu data Pasuruan"]:
        document.add_paragraph(text)
    path = folder / "masterplan.docx"
    document.save(path)
    return path


def _draft(folder: Path, rpjmd: Path):
    return draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def _programs(draft) -> list[tuple[str, int | None, float]]:
    return [(e.text, e.budget, e.confidence.score if e.confidence else 1.0)
            for e in draft.region.rpjmd.at("program")]


def _book(path: Path, *, hide_column: str | None = None, hide_rows=(), hidden_sheet: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Program"
    sheet.append(["RPJMD KOTA PASURUAN TAHUN 2025-2029"])
    sheet.append(["(dalam juta rupiah)"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    if hide_column:
        sheet.column_dimensions[hide_column].hidden = True
    for number in hide_rows:
        sheet.row_dimensions[number].hidden = True
    if hidden_sheet:
        old = book.create_sheet("Lama")
        old.append(HEADER)
        old.append(["Meningkatnya indeks SPBE", "2.16.09", "Program Lama", 1, 1, 1, 1, "Diskominfo"])
        old.sheet_state = "hidden"
    book.save(path)
    return path


def test_hidden_pagu_column_and_hidden_row_are_not_read_and_said(tmp_path: Path) -> None:
    """A hidden superseded pagu column is not added to the year's pagu and a hidden (dropped)
    program row is not drafted; a check line names the hidden row and column left unread."""
    draft = _draft(tmp_path, _book(tmp_path / "rpjmd.xlsx", hide_column="D", hide_rows=(6,)))
    assert _programs(draft) == [("Program Pengelolaan Aplikasi Informatika", 3_900_000_000, 1.0),
                                ("Program Pemasaran Pariwisata", 7_500_000_000, 1.0)]
    assert any('sheet "Program": 1 hidden row(s) with content (6) not read' in c for c in draft.checks)
    assert any('sheet "Program": 1 hidden column(s) with content (D) not read' in c for c in draft.checks)


def test_hidden_sheet_is_said_in_a_check_line(tmp_path: Path) -> None:
    """A hidden sheet is not read (as before) and the check lines now say so, by name."""
    draft = _draft(tmp_path, _book(tmp_path / "rpjmd.xlsx", hidden_sheet=True))
    assert "Program Lama" not in [text for text, _, _ in _programs(draft)]
    assert any('1 hidden sheet(s) ("Lama") not read' in c for c in draft.checks)


def test_a_workbook_with_nothing_hidden_gets_no_hidden_check_line(tmp_path: Path) -> None:
    """Nothing hidden: every row and column read (the pagu columns added), no check line about hiding."""
    draft = _draft(tmp_path, _book(tmp_path / "rpjmd.xlsx"))
    assert len(_programs(draft)) == 3
    assert not any("hidden" in c for c in draft.checks)


# -- F140: a number format that scales the figure ('#,##0,': shown in thousands)


def _scaled_book(path: Path, caption: str | None, fmt: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["RPJMD KOTA PASURUAN TAHUN 2025-2029"])
    if caption:
        sheet.append([caption])
    sheet.append(["Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"])
    sheet.append(["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
                  1_250_000_000, 1_300_000_000, "Diskominfo"])
    sheet.append(["Meningkatnya kunjungan wisata", "3.26.03", "Program Pemasaran Pariwisata",
                  2_500_000_000, 2_500_000_000, "Disparbud"])
    for row in sheet.iter_rows(min_col=4, max_col=5):
        for cell in row:
            if isinstance(cell.value, int):
                cell.number_format = fmt
    book.save(path)
    return path


@pytest.mark.parametrize("caption, fmt", [("(dalam ribuan rupiah)", "#,##0,"), ("(dalam juta rupiah)", "#,##0,,"),
                                          (None, '#,##0,,"jt"')])
def test_pagu_scaled_by_its_number_format_is_read_as_the_sheet_shows_it(tmp_path: Path, caption, fmt) -> None:
    """1250000000 shown as 1.250.000 by '#,##0,' under "(dalam ribuan rupiah)" is Rp 1,25 miliar,
    not multiplied by a thousand again (also '#,##0,,' under juta, and '#,##0,,"jt"' alone);
    a check line says the figures were read as their format shows them."""
    draft = _draft(tmp_path, _scaled_book(tmp_path / "rpjmd.xlsx", caption, fmt))
    assert _programs(draft) == [("Program Pengelolaan Aplikasi Informatika", 2_550_000_000, 1.0),
                                ("Program Pemasaran Pariwisata", 5_000_000_000, 1.0)]
    assert any("4 figure(s)" in c and "shown scaled by their number format" in c for c in draft.checks)


def test_pagu_with_a_plain_thousands_format_is_read_as_stored(tmp_path: Path) -> None:
    """'#,##0' (separators only, no scaling) under "(dalam juta rupiah)": the figures are juta as
    stored, with no check line about scaling."""
    book = _scaled_book(tmp_path / "rpjmd.xlsx", "(dalam juta rupiah)", "#,##0")
    loaded = openpyxl.load_workbook(book)
    for row in loaded.active.iter_rows(min_row=4, min_col=4, max_col=5):
        for cell in row:
            cell.value = cell.value // 1_000_000
    loaded.save(book)
    draft = _draft(tmp_path, book)
    assert [budget for _, budget, _ in _programs(draft)] == [2_550_000_000, 5_000_000_000]
    assert not any("scaled" in c for c in draft.checks)
