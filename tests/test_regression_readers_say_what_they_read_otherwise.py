"""What a reader reads otherwise than the file stores it is said in a check line, in English and
Indonesian, with where (issue 24): a workbook's hidden rows, columns and sheets left out, a figure
scaled by its number format, a Word file's tracked changes accepted; and a table row deleted with
Track Changes (``w:trPr/w:del``) is not read, whether its text is marked deleted too (as Word
writes it) or not. Each test builds the planner's document as a planner's program leaves it."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from test_regression_newuser_round6_tables import _masterplan, _workbook  # noqa: E402
from test_regression_readers_word_as_shown import RIGHT, _programs, _revise, _rpjmd, _run, _wrapped  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

STAMP = {"id": "9", "author": "Bappeda", "date": "2025-01-01T00:00:00Z"}


def _draft(folder: Path, rpjmd: Path, lang: str = "en"):
    return draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034), lang=lang)


def _saved(folder: Path, document) -> Path:
    path = folder / "rpjmd.docx"
    document.save(path)
    return path


def _said(draft, words: str) -> list[str]:
    return [c for c in draft.checks if words in c]


# -- a table row deleted with Track Changes


def _delete_row(grid, row: int, text_too: bool) -> None:
    """Row ``row`` of ``grid`` deleted as Track Changes marks it: ``w:trPr/w:del``; its text kept
    as runs (``text_too`` false) or wrapped in ``w:del`` as ``w:delText`` (as Word writes it)."""
    tr = grid.rows[row]._tr
    props = tr.find(qn("w:trPr"))
    if props is None:
        props = OxmlElement("w:trPr")
        tr.insert(0, props)
    mark = OxmlElement("w:del")
    for name, value in STAMP.items():
        mark.set(qn(f"w:{name}"), value)
    props.append(mark)
    if text_too:
        for paragraph in tr.iter(qn("w:p")):
            for run in list(paragraph.findall(qn("w:r"))):
                text = "".join(t.text or "" for t in run.iter(qn("w:t")))
                paragraph.remove(run)
                paragraph.append(_wrapped("w:del", _run(text, "w:delText"), **STAMP))


@pytest.mark.parametrize("text_too", [False, True])
def test_a_table_row_deleted_with_track_changes_is_not_read(tmp_path: Path, text_too: bool) -> None:
    """A program row deleted with Track Changes is no program, and a check line names it with its
    page; the other program is read as typed."""
    document, grid = _rpjmd()
    _delete_row(grid, 2, text_too)
    draft = _draft(tmp_path, _saved(tmp_path, document))
    assert _programs(draft) == RIGHT[:1]
    [line] = _said(draft, "deleted with Track Changes")
    assert "Program Pemasaran Pariwisata" in line and "p. 1" in line and "rpjmd.docx" in line


def test_deleted_row_and_tracked_changes_said_in_indonesian(tmp_path: Path) -> None:
    """The same check lines in Indonesian: the deleted row and the changes accepted."""
    document, grid = _rpjmd()
    _delete_row(grid, 2, True)
    draft = _draft(tmp_path, _saved(tmp_path, document), lang="id")
    assert len(_said(draft, "dihapus dengan Track Changes tidak dibaca (hlm. 1")) == 1
    assert len(_said(draft, "memuat perubahan terlacak (0 sisipan, 1 hapusan, di hlm. 1)")) == 1


# -- tracked changes accepted, said


def test_tracked_changes_are_read_accepted_and_said_with_their_page(tmp_path: Path) -> None:
    """A pagu revised with Track Changes (old deleted, new inserted) is read as revised, and a
    check line says the file held tracked changes, how many and on which page."""
    document, grid = _rpjmd()
    _revise(grid.cell(2, 3).paragraphs[0], "2.000", "2.500")
    draft = _draft(tmp_path, _saved(tmp_path, document))
    assert _programs(draft) == RIGHT
    assert _said(draft, "tracked changes") == [
        "RPJMD: rpjmd.docx holds tracked changes (1 insertion(s), 1 deletion(s), on p. 1): read as Word shows "
        "it with every change accepted (inserted text read, deleted text not); accept or reject them in Word "
        "if that is not the plan"]


# -- a workbook's hidden rows, columns and sheets; a figure scaled by its format


def _hidden(sheet) -> None:
    sheet.append(["RPJMD KOTA PASURUAN TAHUN 2025-2029"])
    sheet.append(["(dalam juta rupiah)"])
    sheet.append(["Kode", "Program", "Pagu 2025 (Rancangan Awal)", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"])
    sheet.append(["2.16.03", "Program Pengelolaan Aplikasi Informatika", 1000, 1250, 2650, "Diskominfo"])
    sheet.append(["3.26.02", "Program Peningkatan Daya Tarik Destinasi Pariwisata", 900, 1800, 1800, "Dispar"])
    sheet.append(["3.26.03", "Program Pemasaran Pariwisata", 2000, 2500, 5000, "Dispar"])
    sheet.column_dimensions["C"].hidden = True
    sheet.row_dimensions[5].hidden = True
    old = sheet.parent.create_sheet("Versi Lama")
    old.append(["Kode", "Program", "Pagu 2025"])
    old.sheet_state = "hidden"


@pytest.mark.parametrize("lang, rows, columns, sheets", [
    ("en", "sheet \"Program\": 1 hidden row(s) with content (rows 5) not read",
     "sheet \"Program\": 1 hidden column(s) with content (C) not read", "1 hidden sheet(s) (\"Versi Lama\") not read"),
    ("id", "lembar \"Program\": 1 baris tersembunyi berisi (baris 5) tidak dibaca",
     "lembar \"Program\": 1 kolom tersembunyi berisi (C) tidak dibaca", "1 lembar tersembunyi (\"Versi Lama\")")])
def test_hidden_rows_columns_and_sheets_are_said(tmp_path: Path, lang: str, rows: str, columns: str,
                                                 sheets: str) -> None:
    """The hidden row, column and sheet a workbook's reading left out are each named in a check
    line (the sheet, the row number, the column letter), the budgets as the sheet shows them."""
    draft = _draft(tmp_path, _workbook(tmp_path, _hidden), lang)
    assert [(e.code, e.budget) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 3_900_000_000), ("3.26.03", 7_500_000_000)]
    for words in (rows, columns, sheets):
        assert len(_said(draft, words)) == 1, (words, draft.checks)


def test_a_sheet_hiding_nothing_gets_no_such_line(tmp_path: Path) -> None:
    """A sheet with nothing hidden and no scaling format: no check line about either."""
    def build(sheet) -> None:
        _hidden(sheet)
        sheet.column_dimensions["C"].hidden = False
        sheet.row_dimensions[5].hidden = False
        del sheet.parent["Versi Lama"]
    draft = _draft(tmp_path, _workbook(tmp_path, build))
    assert not [c for c in draft.checks if "hidden" in c or "number format" in c]


@pytest.mark.parametrize("lang, words", [
    ("en", "sheet \"Program\": 4 figure(s) (C4, D4, C5, D5) read as their number format '#,##0,' shows them"),
    ("id", "lembar \"Program\": 4 angka (C4, D4, C5, D5) dibaca seperti yang ditampilkan format angkanya '#,##0,'")])
def test_a_figure_scaled_by_its_number_format_is_said(tmp_path: Path, lang: str, words: str) -> None:
    """Pagu cells holding 1250000000 formatted '#,##0,' (shown 1.250.000) are read as shown, and a
    check line names the cells and the format, so the planner can check the unit."""
    def build(sheet) -> None:
        sheet.append(["RPJMD KOTA PASURUAN TAHUN 2025-2029"])
        sheet.append(["(dalam ribuan rupiah)"])
        sheet.append(["Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"])
        sheet.append(["2.16.03", "Program Pengelolaan Aplikasi Informatika", 1_250_000_000, 1_300_000_000, "Diskominfo"])
        sheet.append(["3.26.03", "Program Pemasaran Pariwisata", 2_500_000_000, 2_500_000_000, "Dispar"])
        for row in sheet.iter_rows(min_row=4, min_col=3, max_col=4):
            for cell in row:
                cell.number_format = "#,##0,"
    draft = _draft(tmp_path, _workbook(tmp_path, build), lang)
    assert [e.budget for e in draft.region.rpjmd.at("program")] == [2_550_000_000, 5_000_000_000]
    assert len(_said(draft, words)) == 1, draft.checks
