"""A program code split over sub-columns under a merged "Kode" header ("U | B | P": 2 | 16 | 03; newuser
F101) is joined into the code 2.16.03, not read as "2". The test builds the Word table a planner had."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import draft_region  # noqa: E402


def _rpjmd(folder: Path, sub: list[str]) -> Path:
    document = docx.Document()
    for line in ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
                 "“Pasuruan Kota Cerdas”", "4.2 Misi", "1. Mewujudkan tata kelola digital", "2. Meningkatkan ekonomi",
                 "4.3 Sasaran", "1.1 Meningkatnya indeks SPBE", "2.1 Meningkatnya nilai tambah UMKM",
                 "BAB VII PROGRAM PERANGKAT DAERAH", "Tabel 7.1 Program (dalam juta rupiah)"]:
        document.add_paragraph(line)
    table = document.add_table(rows=4, cols=7)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Sasaran"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "Kode"
    for j, x in enumerate(sub, 1):
        table.cell(1, j).text = x
    table.cell(0, 4).merge(table.cell(1, 4)).text = "Program"
    table.cell(0, 5).merge(table.cell(1, 5)).text = "Pagu Indikatif"
    table.cell(0, 6).merge(table.cell(1, 6)).text = "Perangkat Daerah"
    for i, row in enumerate([["1.1", "2", "16", "03", "Program Pengelolaan Aplikasi Informatika", "6.750", "Diskominfo"],
                             ["2.1", "2", "17", "07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha "
                              "Mikro (UMKM)", "4.000", "Dinkop"]], 2):
        for j, x in enumerate(row):
            table.cell(i, j).text = x
    path = folder / "rpjmd.docx"
    document.save(path)
    masterplan = docx.Document()
    for line in ["MASTERPLAN SMART CITY KOTA PASURUAN", "BAB III VISI", "Visi Smart City", "“Pasuruan Smart City”",
                 "BAB IV PROGRAM", "Smart Governance", "1. Aplikasi layanan"]:
        masterplan.add_paragraph(line)
    masterplan.save(folder / "masterplan.docx")
    return path


@pytest.mark.parametrize("sub", [["U", "B", "P"], ["Urusan", "Bidang", "Program"]])
def test_a_code_in_sub_columns_under_a_merged_kode_header_is_joined(tmp_path: Path, sub: list[str]) -> None:
    """2 | 16 | 03 under "Kode" (sub-headed U | B | P, or Urusan | Bidang | Program) is the code 2.16.03,
    checked against the nomenclature as every code is: no doubt, no "same code" check line; budgets right."""
    draft = draft_region(rpjmd=_rpjmd(tmp_path, sub), masterplan=tmp_path / "masterplan.docx",
                         rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034))
    programs = draft.region.rpjmd.at("program")
    assert [(p.code, p.budget, p.confidence) for p in programs] == [
        ("2.16.03", 6_750_000_000, None), ("2.17.07", 4_000_000_000, None)]
    assert not [c for c in draft.checks if "share the code" in c]
