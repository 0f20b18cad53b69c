"""newuser F183: a SIPD-style workbook with the code split over "Urusan | Bidang | Program | Nama Program"
drafted programs named "03", "02", "07" and merged two programs that share the program part "03". The
parts are joined into the code; the name is the name column."""

from __future__ import annotations

from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from smartsync.documents import draft_region  # noqa: E402

ROWS = [
    ["Misi 1: Mewujudkan tata kelola pemerintahan yang bersih dan berbasis elektronik",
     "Sasaran 1.1: Meningkatnya penerapan SPBE", "2", "16", "03", "Program Pengelolaan Aplikasi Informatika",
     2_000_000_000, 2_500_000_000, 2_500_000_000, 2_500_000_000, 3_000_000_000, "Diskominfo"],
    [None, None, "2", "16", "02", "Program Pengelolaan Informasi dan Komunikasi Publik",
     800_000_000, 800_000_000, 800_000_000, 900_000_000, 900_000_000, "Diskominfo"],
    ["Misi 2: Meningkatkan daya saing ekonomi lokal dan pariwisata", "Sasaran 2.1: Meningkatnya daya saing UMKM",
     "2", "17", "07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)",
     1_500_000_000, 1_500_000_000, 1_600_000_000, 1_700_000_000, 1_700_000_000, "Dinas Koperasi"],
    [None, "Sasaran 2.2: Meningkatnya kunjungan wisatawan", "3", "26", "03", "Program Pemasaran Pariwisata",
     1_000_000_000, 1_200_000_000, 1_200_000_000, 1_300_000_000, 1_400_000_000, "Dinas Pariwisata"],
]
WANTED = [("2.16.03", "Program Pengelolaan Aplikasi Informatika", 12_500_000_000),
          ("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", 4_200_000_000),
          ("2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", 8_000_000_000),
          ("3.26.03", "Program Pemasaran Pariwisata", 6_100_000_000)]


def _workbook(path: Path, header: list[str], rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T-C.28"
    sheet.append(["Tabel T-C.28 Indikasi Program Prioritas RPJMD Kota Uji Tujuh Tahun 2021-2026 (Rp)"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _masterplan(folder: Path) -> Path:
    path = folder / "masterplan.csv"
    path.write_text("Dimensi;Program\nSmart Governance;Satu data kota\n", encoding="utf-8")
    return path


HEADER = ["Misi", "Sasaran", "Urusan", "Bidang", "Program", "Nama Program", "Pagu 2022", "Pagu 2023", "Pagu 2024",
          "Pagu 2025", "Pagu 2026", "Perangkat Daerah"]


@pytest.mark.parametrize("urusan, bidang", [("Urusan", "Bidang"), ("Kode Urusan", "Kode Bidang")])
def test_urusan_bidang_and_program_columns_are_joined_into_the_code(tmp_path: Path, urusan: str, bidang: str) -> None:
    """Four programs, each with its code joined from its three columns, its name from "Nama Program"
    and its own five years' pagu: the two programs with "03" in the Program column are two."""
    header = HEADER[:2] + [urusan, bidang] + HEADER[4:]
    draft = draft_region(rpjmd=_workbook(tmp_path / "rpjmd.xlsx", header, ROWS), masterplan=_masterplan(tmp_path),
                         rpjmd_period=(2022, 2026), masterplan_period=(2022, 2031))
    programs = draft.region.rpjmd.at("program")
    assert [(p.code, p.text, p.budget) for p in programs] == WANTED
    assert [p.parents for p in programs] == [("S1.1",), ("S1.1",), ("S2.1",), ("S2.2",)]
    assert not any(p.confidence and any("read twice" in r for r in p.confidence.reasons) for p in programs)


def test_a_bare_number_beside_the_programs_name_is_never_its_name(tmp_path: Path) -> None:
    """ "Program | Nama Program" with no urusan or bidang columns: the "03" is no program's name; the
    name column names it."""
    header = ["Sasaran", "Program", "Nama Program", "Pagu 2022"]
    rows = [["Sasaran 1.1: Meningkatnya penerapan SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
             2_000_000_000],
            [None, "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", 800_000_000]]
    draft = draft_region(rpjmd=_workbook(tmp_path / "rpjmd.xlsx", header, rows), masterplan=_masterplan(tmp_path),
                         rpjmd_period=(2022, 2026), masterplan_period=(2022, 2031))
    assert [(p.code, p.text) for p in draft.region.rpjmd.at("program")] == [
        ("2.16.03", "Program Pengelolaan Aplikasi Informatika"),
        ("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik")]
