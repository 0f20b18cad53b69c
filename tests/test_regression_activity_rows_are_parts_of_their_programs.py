"""Newuser finding F109: a program table with a Kegiatan column (the program cell merged down over
its activities), or with activity rows coded under their program (2.16.03.2.01), gave a program
the first activity's pagu, made the other activities programs and counted their pagu beside the
program's, at full confidence. Each test builds the Word document and drafts it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import MASTERPLAN, docx_document, save, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", MASTERPLAN)


def _draft(folder: Path, rows: list[list[str]], merge: tuple[int, int] | None = None):
    document = docx_document([
        "RPJMD KOTA KEDIRI TAHUN 2025-2029", "BAB IV VISI DAN MISI", "4.1 Visi", "“Kediri Kota Cerdas”", "4.2 Misi",
        "1. Mewujudkan tata kelola pemerintahan digital", "Sasaran 1.1: Meningkatnya indeks SPBE",
        "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS", "Tabel 7.1 Program dan Kegiatan (dalam juta rupiah)", rows])
    table = document.tables[0]
    if merge is not None:
        for j in range(3):
            keep = table.cell(merge[0], j).text
            table.cell(merge[0], j).merge(table.cell(merge[1], j)).text = keep
    return draft_region(rpjmd=save(document, folder / "rpjmd.docx"), masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def test_activities_under_a_merged_program_cell_sum_into_the_program(tmp_path: Path) -> None:
    """"Program | Kegiatan | Pagu" with the program merged over two activities (750 and 6.000
    juta): one program of Rp 6,75 miliar, no activity drafted as a program, and a check line."""
    draft = _draft(tmp_path, [
        ["Sasaran", "Kode", "Program", "Kegiatan", "Pagu Indikatif", "Perangkat Daerah"],
        ["1.1", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "Pengelolaan Nama Domain", "750", "Diskominfo"],
        ["", "", "", "Pengelolaan E-government", "6.000", "Diskominfo"],
        ["1.1", "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "Pengelolaan Informasi Publik",
         "4.200", "Diskominfo"]], merge=(1, 2))
    assert [(p.code, p.budget, p.confidence) for p in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 6_750_000_000, None), ("2.16.02", 4_200_000_000, None)]
    assert any("3 row(s) of activities" in check for check in draft.checks)


def test_activity_rows_coded_under_their_program_are_no_programs(tmp_path: Path) -> None:
    """Program rows with their own pagu and activity rows coded 2.16.03.2.01 under them: the
    programs keep their own figure, the activities are no programs and their pagu is not counted twice."""
    draft = _draft(tmp_path, [
        ["Sasaran", "Kode", "Program / Kegiatan", "Pagu Indikatif", "Perangkat Daerah"],
        ["1.1", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "6.750", "Diskominfo"],
        ["", "2.16.03.2.01", "Pengelolaan Nama Domain", "750", "Diskominfo"],
        ["", "2.16.03.2.02", "Pengelolaan E-government", "6.000", "Diskominfo"],
        ["1.1", "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "4.200", "Diskominfo"],
        ["", "2.16.02.2.01", "Pengelolaan Informasi Publik", "4.200", "Diskominfo"],
        ["", "", "JUMLAH", "10.950", ""]])
    assert [(p.code, p.budget, p.confidence) for p in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 6_750_000_000, None), ("2.16.02", 4_200_000_000, None)]
