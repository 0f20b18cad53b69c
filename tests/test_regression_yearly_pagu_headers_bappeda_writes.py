"""Newuser finding F90: yearly pagu columns as a Bappeda writes them -- bare years under a caption
"(dalam juta rupiah)", "Alokasi 2025", "TA 2025" -- were not read (RPJMD: "pagu indikatif tidak
ditemukan"; masterplan: budgets silently missing). Each test builds the document and drafts it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import docx_document, save, word_table  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


def _masterplan(folder: Path, caption: str | None = None, years: list[str] | None = None) -> Path:
    document = docx_document(["MASTERPLAN SMART CITY KOTA BATU TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
                              "3.1 Visi Smart City", "“Kota cerdas dan melayani”", "BAB V RENCANA PROGRAM SMART CITY"])
    if caption is None:
        document.add_paragraph("5.1 Smart Governance")
        document.add_paragraph("1. Aplikasi layanan terpadu")
    else:
        document.add_paragraph(caption)
        word_table(document, [["No", "Dimensi", "Program", *years, "OPD"],
                          ["1", "Smart Governance", "Aplikasi layanan perizinan daring", "500.000", "500.000",
                           "500.000", "", "", "Diskominfo"],
                          ["2", "Smart Economy", "Pasar daring UMKM", "300.000", "300.000", "300.000", "", "",
                           "Dinkop"]])
    return save(document, folder / "masterplan.docx")


def _rpjmd(folder: Path, caption: str, years: list[str]) -> Path:
    document = docx_document(["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
                              "“Batu Kota Wisata yang Cerdas”", "4.2 Misi",
                              "1. Mewujudkan tata kelola pemerintahan digital",
                              "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN", caption])
    word_table(document, [["Sasaran", "Kode", "Program", *years, "Perangkat Daerah"],
                      ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.250",
                       "1.300", "1.350", "1.400", "1.450", "Diskominfo"],
                      ["Meningkatnya indeks SPBE", "3.26.03", "Program Pemasaran Pariwisata", "2.500", "2.500",
                       "2.500", "2.500", "2.500", "Disparta"]])
    return save(document, folder / "rpjmd.docx")


YEARS = [str(y) for y in range(2025, 2030)]


@pytest.mark.parametrize("caption,years", [
    ("Tabel 7.1 Indikasi Rencana Program Prioritas yang Disertai Kebutuhan Pendanaan (dalam juta rupiah)", YEARS),
    ("Tabel 7.1 Program Prioritas", [f"Alokasi {y} (Rp juta)" for y in YEARS]),
    ("Tabel 7.1 Program Prioritas (dalam juta rupiah)", [f"Alokasi {y}" for y in YEARS]),
    ("Tabel 7.1 Program Prioritas (dalam juta rupiah)", [f"TA {y}" for y in YEARS]),
])
def test_rpjmd_yearly_pagu_under_bare_years_alokasi_or_ta_are_summed(tmp_path: Path, caption: str,
                                                                       years: list[str]) -> None:
    """Bare years under a caption stating the unit, "Alokasi 2025" and "TA 2025" columns are the
    yearly pagu: each program's budget is their sum, at full confidence, each year kept."""
    plan = draft_region(rpjmd=_rpjmd(tmp_path, caption, years), masterplan=_masterplan(tmp_path),
                        rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034)).region.rpjmd
    programs = plan.at("program")
    assert [(p.code, p.budget, p.confidence) for p in programs] == [
        ("2.16.03", 6_750_000_000, None), ("3.26.03", 12_500_000_000, None)]
    assert [year for year, _ in programs[0].provenance.budget_by_year] == YEARS


@pytest.mark.parametrize("caption,years", [
    ("Tabel 5.1 Kebutuhan Anggaran Program Smart City (dalam ribuan rupiah)", YEARS),
    ("Tabel 5.1 Rencana Aksi Smart City (Indikasi Anggaran dalam Rp ribu)", [f"Tahun {i}" for i in range(1, 6)]),
    ("Tabel 5.1 Rencana Aksi Smart City (dalam ribuan rupiah)", [f"TA {y}" for y in YEARS]),
])
def test_masterplan_budgets_in_yearly_columns_under_a_money_caption_are_read(tmp_path: Path, caption: str,
                                                                           years: list[str]) -> None:
    """A masterplan's program table with bare years, "Tahun 1" or "TA 2025" under a caption
    naming money and its unit gives each program its budget (never silently none)."""
    plan = draft_region(rpjmd=_rpjmd(tmp_path, "Tabel 7.1 Program (dalam juta rupiah)", YEARS),
                        masterplan=_masterplan(tmp_path, caption, years),
                        rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034)).region.masterplan
    assert [(p.text, p.budget, p.confidence) for p in plan.at("program")] == [
        ("Aplikasi layanan perizinan daring", 1_500_000_000, None), ("Pasar daring UMKM", 900_000_000, None)]
