"""Newuser finding F120: pagu cells carrying a footnote marker ("1.250*)", "2.500¹", "2.500 **"),
a source in brackets ("1.250 (APBD)"), an accounting negative ("(2.500)") or text that is no
figure ("TBD", "12%", two figures in one cell) were silently dropped or misread ("2.500¹" read as
2,5001 juta) while the other years were summed, at full confidence. The test builds the Word
document and drafts it: each figure is read right, or the program is doubted saying the cell."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import MASTERPLAN, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", MASTERPLAN)


def _budget(folder: Path, first: str) -> tuple[int | None, tuple[str, ...]]:
    """The budget and doubts of a program whose 2025 pagu cell reads ``first`` (Rp juta), the
    four other years "1.000"."""
    rows = [["Sasaran", "Kode", "Program", *(f"Pagu {y}" for y in range(2025, 2030)), "Perangkat Daerah"],
            ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", first,
             "1.000", "1.000", "1.000", "1.000", "Diskominfo"]]
    rpjmd = write_docx(folder / "rpjmd.docx", [
        "RPJMD KOTA BATU TAHUN 2025-2029", "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS",
        "Tabel 7.1 Program Prioritas (dalam juta rupiah)", rows, "*) termasuk DAK"])
    program = draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                           masterplan_period=(2025, 2034)).region.rpjmd.at("program")[0]
    return program.budget, program.confidence.reasons if program.confidence else ()


@pytest.mark.parametrize("cell", ["1.250*)", "1.250 *)", "1.250 **", "1.250¹", "1.250 (APBD)", "±1.250", "1.250,-",
                                  "Rp1.250", "1 250"])
def test_a_footnote_marker_or_source_after_the_figure_leaves_the_figure(tmp_path: Path, cell: str) -> None:
    """The marker, the source in brackets, "±", "Rp" or ",-" is no part of the figure: Rp 5,25 miliar, no doubt."""
    assert _budget(tmp_path, cell) == (5_250_000_000, ())


# "1'250" is not here: it groups thousands (read as 1.250, as finding F120 expects; main's fa9ccff)
@pytest.mark.parametrize("cell,said", [("TBD", "TBD"), ("12%", "12%"),
                                       ("1.250\n300", "1.250 300"), ("(1.250)", "(1.250)")])
def test_a_cell_that_is_no_figure_is_left_out_and_said(tmp_path: Path, cell: str, said: str) -> None:
    """A pagu cell read as no figure (or below zero) is left out of the sum and the program
    doubted with the cell's text: never silently skipped nor misread."""
    budget, reasons = _budget(tmp_path, cell)
    assert budget == 4_000_000_000
    assert any(f'"{said}"' in reason for reason in reasons), reasons


def test_a_share_column_beside_the_total_is_no_second_total(tmp_path: Path) -> None:
    """Newuser finding F117: "Proporsi Pagu (%)" beside "Total Pagu" is a share, never money: the
    budget is the total, with no doubt of two totals."""
    rows = [["Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Total Pagu", "Proporsi Pagu (%)",
             "Perangkat Daerah"],
            ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.250", "1.300",
             "2.550", "35,1", "Diskominfo"]]
    rpjmd = write_docx(tmp_path / "rpjmd.docx", ["RPJMD KOTA BATU TAHUN 2025-2029",
                                                 "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS",
                                                 "Tabel 7.1 Program Prioritas (dalam juta rupiah)", rows])
    program = draft_region(rpjmd=rpjmd, masterplan=_masterplan(tmp_path),
                           rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034)).region.rpjmd.at("program")[0]
    assert (program.budget, program.confidence) == (2_550_000_000, None)
