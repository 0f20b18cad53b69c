"""Limits before work in `smartsync draft` (issue 23 item 3): a .docx or .xlsx is checked
before it is unpacked, a workbook is read by its real cells, rows and pages are bounded, and
every refusal names the file, the numbers and the limit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

from smartsync.documents import readers  # noqa: E402
from smartsync.documents._doc import DocumentError  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402


def _workbook(path: Path, rows: list[list[object]], *, merge: str | None = None,
              far: tuple[str, str] | None = None, swap_merge: tuple[str, str] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Program"
    for row in rows:
        sheet.append(row)
    if far is not None:
        sheet[far[0]] = far[1]
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    if swap_merge is not None:  # a merged range openpyxl cannot write in reasonable time
        data = {i.filename: (i, zipfile.ZipFile(path).read(i.filename)) for i in zipfile.ZipFile(path).infolist()}
        with zipfile.ZipFile(path, "w") as out:
            for name, (info, content) in data.items():
                if name == "xl/worksheets/sheet1.xml":
                    content = content.replace(f'ref="{swap_merge[0]}"'.encode(), f'ref="{swap_merge[1]}"'.encode())
                out.writestr(info, content)
    return path


def _refusal(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    return caught.value


def test_a_stray_cell_and_a_merged_range_at_xfd1048576_leave_the_table_as_it_is(tmp_path: Path) -> None:
    """A sheet is read by its real cells: one far cell and one huge merged range cost nothing."""
    path = _workbook(tmp_path / "jauh.xlsx", [["Kode", "Program", "Pagu 2022 (Rp)"],
                                              ["2.16.02", "Program Aplikasi Informatika", 5_000_000]],
                     far=("XFD1048576", "x"), merge="A1:B1", swap_merge=("A1:B1", "A2:XFD1048576"))
    table = read_document(path).items[0]
    assert table.rows_at == [1, 2, 1048576]
    assert table.cells[1][:3] == ["2.16.02", "Program Aplikasi Informatika", "5000000"]
    assert table.across[1][1:] == [True] * (table.width - 1) and not table.covered[1][0]
    assert table.covered[2][0] and not any(table.covered[0])


def test_a_merged_range_across_a_row_marks_that_row_only(tmp_path: Path) -> None:
    """B2:D2 merged: cells C2 and D2 are covered from the left; rows 1 and 3 are not touched."""
    path = _workbook(tmp_path / "gabung.xlsx", [["No", "Program", "Pagu 2022", "Pagu 2023"],
                                                ["1", "Program Satu", None, None],
                                                ["2", "Program Dua", 10, 20]], merge="B2:D2")
    table = read_document(path).items[0]
    assert table.across == [[False] * 4, [False, False, True, True], [False] * 4]
    assert table.covered == [[False] * 4] * 3


def test_a_sheet_above_the_row_limit_is_refused_with_its_numbers(tmp_path: Path, monkeypatch) -> None:
    """More rows with content than MAX_ROWS: refused naming the sheet, the range and the limit."""
    monkeypatch.setattr(readers, "MAX_ROWS", 5)
    path = _workbook(tmp_path / "banyak.xlsx", [["Program", f"Program {i}"] for i in range(10)])
    error = _refusal(path)
    assert "banyak.xlsx" in str(error) and "sheet 'Program'" in str(error)
    assert "more than 5 rows with content" in str(error) and error.code == "too-large"


def test_a_csv_above_the_row_limit_is_refused(tmp_path: Path, monkeypatch) -> None:
    """A CSV with more rows with content than MAX_ROWS is refused with the limit."""
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    path = tmp_path / "baris.csv"
    path.write_text("Kode;Program\n" + "".join(f"2.16.0{i};Program {i}\n" for i in range(5)))
    assert "more than 3 rows with content" in str(_refusal(path))


def test_an_empty_csv_is_named(tmp_path: Path) -> None:
    """An empty CSV file is an error naming it, not a plan with no elements."""
    path = tmp_path / "kosong.csv"
    path.write_text("\n\n")
    error = _refusal(path)
    assert str(error).startswith(str(path)) and "is empty" in str(error)


@pytest.mark.parametrize("content, says", [
    (b"", "is empty (0 bytes)"),
    (b"%PDF-1.4\n%...", "is not a Word file but a PDF"),
    (b"plain words", "is not a Word file (the file is corrupt"),
])
def test_an_empty_or_misnamed_docx_says_what_it_is(tmp_path: Path, content: bytes, says: str) -> None:
    """No "Package not found": the message says what the file is."""
    path = tmp_path / "rpjmd.docx"
    path.write_bytes(content)
    error = _refusal(path)
    assert says in str(error) and "Package not found" not in str(error)


def test_a_workbook_named_docx_is_told_apart(tmp_path: Path) -> None:
    """A workbook saved under .docx is named as a workbook."""
    path = _workbook(tmp_path / "x.xlsx", [["a"]])
    renamed = path.rename(tmp_path / "rpjmd.docx")
    assert "it is a workbook" in str(_refusal(renamed))


def test_a_docx_that_unpacks_too_large_is_refused_before_it_is_opened(tmp_path: Path, monkeypatch) -> None:
    """The unpacked size is read from the zip's directory, before any part is inflated."""
    import docx

    document = docx.Document()
    document.add_paragraph("Visi " * 5000)
    path = tmp_path / "besar.docx"
    document.save(path)
    monkeypatch.setattr(readers, "MAX_XML_PART_BYTES", 10_000)
    error = _refusal(path)
    assert "word/document.xml unpacks to" in str(error) and "above the limit of 10,000 bytes" in str(error)
    monkeypatch.setattr(readers, "MAX_UNPACKED_BYTES", 1_000)
    assert "unpacks to" in str(_refusal(path)) and "limit of 1,000 bytes" in str(_refusal(path))


def test_a_docx_of_too_many_parts_is_refused(tmp_path: Path, monkeypatch) -> None:
    """The part count is checked before python-docx reads the package."""
    import docx

    path = tmp_path / "bagian.docx"
    docx.Document().save(path)
    monkeypatch.setattr(readers, "MAX_PARTS", 3)
    assert "parts, above the limit of 3" in str(_refusal(path))


def _docx_pages(tmp_path: Path, build) -> dict[str, int]:
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / "halaman.docx"
    document.save(path)
    return {line.text: line.page for line in read_document(path).items}


def test_word_page_breaks_are_counted_for_the_page(tmp_path: Path) -> None:
    """A page break moves the text after it to the next page, in the paragraph or after it."""
    from docx.enum.text import WD_BREAK

    def build(document) -> None:
        document.add_paragraph("Satu")
        document.add_page_break()
        document.add_paragraph("Dua")
        run = document.add_paragraph().add_run()
        run.add_break(WD_BREAK.PAGE)
        run.add_text("Tiga")

    assert _docx_pages(tmp_path, build) == {"Satu": 1, "Dua": 2, "Tiga": 3}


def test_a_section_break_to_a_new_page_counts_a_page(tmp_path: Path) -> None:
    """A landscape section starting on a new page is a page later; a continuous one is not."""
    from docx.enum.section import WD_SECTION

    def build(document) -> None:
        document.add_paragraph("Satu")
        document.add_section(WD_SECTION.NEW_PAGE)
        document.add_paragraph("Dua")
        document.add_section(WD_SECTION.CONTINUOUS)
        document.add_paragraph("Masih dua")

    assert _docx_pages(tmp_path, build) == {"Satu": 1, "Dua": 2, "Masih dua": 2}


def test_an_xlsx_number_with_three_decimals_is_not_read_as_thousands(tmp_path: Path) -> None:
    """1234.567 in a "Rp juta" column is 1,234,567,000 rupiah, not 1,234,567 million."""
    from smartsync.documents import draft_region

    rpjmd = _workbook(tmp_path / "rpjmd.xlsx", [
        ["RPJMD KOTA UJI TAHUN 2021-2026"],
        ["Sasaran", "Kode", "Program", "Pagu 2022 (Rp juta)"],
        ["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika", 1234.567]])
    masterplan = _workbook(tmp_path / "mp.xlsx", [
        ["MASTERPLAN SMART CITY 2022-2031"], ["Dimensi", "Program"], ["Smart Governance", "Satu data"]])
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan)
    assert draft.region.rpjmd.at("program")[0].budget == 1_234_567_000


def test_a_semicolon_csv_with_comma_thousands_is_split_at_its_semicolons(tmp_path: Path) -> None:
    """ "1,250,000,000" in a file separated by semicolons: the commas are no separators."""
    path = tmp_path / "program.csv"
    path.write_text("RPJMD KOTA UJI 2021-2026\nNo;Kode;Program;Pagu 2022\n"
                    "1;2.16.02;Program Aplikasi Informatika;1,250,000,000\n"
                    "2;2.16.03;Program Informasi Publik;750,000,000\n", encoding="utf-8")
    table = read_document(path).items[0]
    assert table.cells[2] == ["1", "2.16.02", "Program Aplikasi Informatika", "1,250,000,000"]
