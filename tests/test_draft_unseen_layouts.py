"""Documents written apart from the project (issue 24, newuser round 4): each test builds the
Word document a planner had (python-docx, as the findings' scripts did), drafts it and asserts
what the planner relies on: the right figure or a doubted one, the missions as numbered or
bulleted, the right parents or none, the region's kind and name from the title."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import draft_region  # noqa: E402


def _masterplan(folder: Path) -> Path:
    document = docx.Document()
    for line in ["BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City", "“Kota cerdas dan melayani”",
                 "3.2 Misi Smart City", "1. Mewujudkan layanan publik digital", "BAB IV RENCANA PROGRAM",
                 "4.1 Smart Governance", "1. Aplikasi layanan terpadu"]:
        document.add_paragraph(line)
    path = folder / "masterplan.docx"
    document.save(path)
    return path


def _table(document, rows: list[list[str]]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value:
                table.cell(i, j).text = value
    return table


def _save(document, folder: Path, name: str = "rpjmd.docx") -> Path:
    path = folder / name
    document.save(path)
    return path


def _draft(folder: Path, rpjmd: Path, masterplan: Path | None = None, **options):
    options.setdefault("rpjmd_period", (2021, 2026))
    options.setdefault("masterplan_period", (2022, 2031))
    return draft_region(rpjmd=rpjmd, masterplan=masterplan or _masterplan(folder), **options)


def _vision_mission(document, missions=("1. Mewujudkan tata kelola pemerintahan yang bersih",
                                        "2. Meningkatkan kualitas pelayanan kesehatan")) -> None:
    for line in ["BAB IV VISI DAN MISI", "Visi", "“Terwujudnya Klaten yang Maju dan Mandiri”", "Misi", *missions]:
        document.add_paragraph(line)


# -- F72: a baseline column named by a year is no pagu year


def test_a_kondisi_awal_year_column_is_not_read_as_pagu(tmp_path: Path) -> None:
    """A "Kondisi Awal 2020" column (an indicator's baseline: "2,5", "5 juta") beside the yearly
    pagu "Tahun ke-1..5" in thousands leaves the budgets the sum of the five years, at full
    confidence, and no 2020 in the years kept."""
    document = docx.Document()
    _vision_mission(document)
    document.add_paragraph("BAB VI STRATEGI, ARAH KEBIJAKAN DAN PROGRAM PEMBANGUNAN DAERAH")
    document.add_paragraph("Tabel 6.3 Program Pembangunan Daerah yang Disertai Pagu Indikatif (dalam ribuan rupiah)")
    _table(document, [
        ["Sasaran", "Kode", "Program", "Kondisi Awal 2020", "Realisasi 2020 (Rp)", "Pagu Indikatif Tahun ke-1",
         "Tahun ke-2", "Tahun ke-3", "Tahun ke-4", "Tahun ke-5", "Perangkat Daerah"],
        ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "2,5", "1.800.000",
         "2.000.000", "2.100.000", "2.200.000", "2.300.000", "2.400.000", "Dinas Kominfo"],
        ["Meningkatnya kunjungan wisatawan", "3.26.03", "Program Pemasaran Pariwisata", "5 juta", "3.000.000",
         "3.500.000", "3.500.000", "3.500.000", "3.500.000", "3.500.000", "Dinas Pariwisata"],
        ["JUMLAH", "", "", "", "", "5.500.000", "5.600.000", "5.700.000", "5.800.000", "5.900.000", ""]])
    plan = _draft(tmp_path, _save(document, tmp_path)).region.rpjmd
    programs = {p.code: p for p in plan.at("program")}
    assert [(c, p.budget, p.confidence) for c, p in programs.items()] == [
        ("2.16.03", 11_000_000_000, None), ("3.26.03", 17_500_000_000, None)]
    assert [year for year, _ in programs["2.16.03"].provenance.budget_by_year] == \
        ["ke-1", "ke-2", "ke-3", "ke-4", "ke-5"]


def test_a_budget_of_zero_read_from_pagu_cells_is_doubted(tmp_path: Path) -> None:
    """Pagu cells that add up to Rp 0 give a budget of 0 at a confidence below 1, with the
    reason (a figure is right, or it is doubted)."""
    document = docx.Document()
    _vision_mission(document)
    document.add_paragraph("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS")
    _table(document, [["Sasaran", "Kode", "Program", "Pagu 2022 (Rp)", "Pagu 2023 (Rp)"],
                      ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "0", "0"],
                      ["Meningkatnya indeks SPBE", "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik",
                       "1.000.000.000", "1.000.000.000"]])
    plan = _draft(tmp_path, _save(document, tmp_path)).region.rpjmd
    zero, other = plan.at("program")
    assert zero.budget == 0 and zero.confidence is not None and zero.confidence.score <= 0.5
    assert any("Rp 0" in reason for reason in zero.confidence.reasons)
    assert other.budget == 2_000_000_000 and other.confidence is None


# -- F77: the Permendagri 86/2017 table T-C.27 with "Tahun-1".."Tahun-5"


def _tc27(folder: Path, year: str = "Tahun-{i}") -> Path:
    document = docx.Document()
    document.add_paragraph("RPJMD KABUPATEN KLATEN TAHUN 2021-2026")
    _vision_mission(document)
    document.add_paragraph("BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH")
    document.add_paragraph("Tabel 7.3 Indikasi Rencana Program Prioritas yang Disertai Kebutuhan Pendanaan "
                           "(dalam juta rupiah)")
    top = ["Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Kondisi Kinerja Awal RPJMD (Tahun 0)"] + \
        ["Capaian Kinerja Program dan Kerangka Pendanaan"] * 10 + ["Kondisi Kinerja pada Akhir Periode RPJMD"] * 2 + \
        ["Perangkat Daerah Penanggung Jawab"]
    middle = [""] * 5 + [year.format(i=i) for i in range(1, 6) for _ in (0, 1)] + [""] * 3
    low = [""] * 5 + ["Target", "Rp"] * 6 + [""]
    rows = [top, middle, low, [f"({i})" for i in range(1, 19)],
            ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "Indeks SPBE", "2,6",
             "2,8", "1.250", "3,0", "1.300", "3,2", "1.350", "3,4", "1.400", "3,6", "1.450", "3,6", "6.750", "Diskominfo"],
            ["Meningkatnya derajat kesehatan", "1.02.02",
             "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "Angka harapan hidup",
             "76,1", "76,2", "45.000", "76,3", "47.500", "76,4", "50.000", "76,5", "52.500", "76,6", "55.000", "76,6",
             "250.000", "Dinas Kesehatan"]]
    table = _table(document, rows)

    def merge(r0: int, c0: int, r1: int, c1: int, text: str) -> None:
        table.cell(r0, c0).merge(table.cell(r1, c1)).text = text
    merge(0, 5, 0, 14, top[5])
    merge(0, 15, 1, 16, top[15])
    for c in range(5):
        merge(0, c, 2, c, top[c])
    merge(0, 17, 2, 17, top[17])
    for k in range(5):
        merge(1, 5 + 2 * k, 1, 6 + 2 * k, year.format(i=k + 1))
    return _save(document, folder)


@pytest.mark.parametrize("year", ["Tahun-{i}", "Tahun ke-{i}"])
def test_the_tc27_table_reads_the_yearly_rp_under_tahun_n(tmp_path: Path, year: str) -> None:
    """T-C.27 with year headers "Tahun-1".."Tahun-5", each over Target | Rp: the budget is the
    sum of the five Rp columns (which the end-of-period Rp confirms), never the end-of-period
    Target (3,6 read as juta), and each year is kept."""
    plan = _draft(tmp_path, _tc27(tmp_path, year)).region.rpjmd
    programs = plan.at("program")
    assert [(p.code, p.budget, p.confidence) for p in programs] == [
        ("2.16.03", 6_750_000_000, None), ("1.02.02", 250_000_000_000, None)]
    assert programs[0].provenance.budget_by_year == (
        ("ke-1", 1_250_000_000), ("ke-2", 1_300_000_000), ("ke-3", 1_350_000_000), ("ke-4", 1_400_000_000),
        ("ke-5", 1_450_000_000))
