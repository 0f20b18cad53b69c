"""newuser F146: a workbook holding the whole plan on one sheet, in blocks (vision and missions, goals and
targets, programs) set apart by empty rows and block titles, was read as one table under the first
header: goals drafted as missions, no vision, no target, no program. Each block is now a table of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from smartsync.documents import draft_region  # noqa: E402

VISION = ["Visi", "Terwujudnya Kota Contoh yang Cerdas, Maju dan Sejahtera"]
MISSIONS = [["No", "Misi"], [1, "Mewujudkan tata kelola pemerintahan yang bersih dan digital"],
            [2, "Meningkatkan daya saing ekonomi daerah"]]
TARGETS = [["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"],
           ["Misi 1", "Tujuan 1.1 Meningkatkan kualitas pelayanan publik", "Sasaran 1.1.1 Meningkatnya penerapan SPBE",
            "Indeks SPBE"],
           ["Misi 2", "Tujuan 2.1 Meningkatkan pertumbuhan ekonomi", "Sasaran 2.1.1 Meningkatnya daya saing UMKM",
            "UMKM naik kelas"]]
PROGRAMS = [["Sasaran", "Kode", "Program", "Pagu 2022", "Pagu 2023", "Perangkat Daerah"],
            ["1.1.1", "2.16.03", "Program Pengelolaan Aplikasi Informatika", 1_000_000_000, 1_200_000_000, "Diskominfo"],
            ["2.1.1", "2.17.07", "Program Pemberdayaan Usaha Mikro", 800_000_000, 900_000_000, "Dinas Koperasi"]]
WANTED = [("V", "vision", ()), ("M1", "mission", ("V",)), ("M2", "mission", ("V",)), ("T1.1", "goal", ("M1",)),
          ("S1.1.1", "target", ("T1.1",)), ("T2.1", "goal", ("M2",)), ("S2.1.1", "target", ("T2.1",)),
          ("P1", "program", ("S1.1.1",)), ("P2", "program", ("S2.1.1",))]


def _draft(folder: Path, rows: list[list]):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RPJMD"
    for row in rows:
        sheet.append(row)
    book.save(folder / "rpjmd.xlsx")
    (folder / "masterplan.csv").write_text("Dimensi;Program\nSmart Governance;Satu data kota\n", encoding="utf-8")
    return draft_region(rpjmd=folder / "rpjmd.xlsx", masterplan=folder / "masterplan.csv",
                        masterplan_period=(2022, 2031))


@pytest.mark.parametrize("vision", [[VISION], [["Visi: " + VISION[1]]]], ids=["two-cells", "one-cell"])
def test_each_block_of_the_sheet_is_read_under_its_own_header(tmp_path: Path, vision: list[list]) -> None:
    """The vision, the missions, the goals and targets and the programs, each placed, with the programs'
    codes, pagu and rows of the sheet."""
    draft = _draft(tmp_path, [["RPJMD KOTA CONTOH TAHUN 2021-2026"], [], ["A. VISI DAN MISI"]] + vision + MISSIONS
                   + [[], [], ["B. TUJUAN DAN SASARAN"]] + TARGETS + [[], ["C. PROGRAM PRIORITAS"]] + PROGRAMS)
    plan = draft.region.rpjmd
    assert [(e.id, e.level.value, e.parents) for e in plan.elements] == WANTED
    assert [(p.code, p.budget, p.provenance.sheet, p.provenance.row) for p in plan.at("program")] == [
        ("2.16.03", 2_200_000_000, "RPJMD", 17), ("2.17.07", 1_700_000_000, "RPJMD", 18)]
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2021, 2026)
    assert all(e.confidence is None for e in plan.elements)


def test_an_empty_row_inside_a_table_does_not_cut_it(tmp_path: Path) -> None:
    """A program table with an empty row between its rows (no title, no header after it) stays one table:
    the programs after the empty row keep the columns and the unit of the header above."""
    in_millions = [[v // 1_000_000 if isinstance(v, int) else v for v in row] for row in PROGRAMS[1:]]
    draft = _draft(tmp_path, [["Tabel 7.1 Indikasi Program Prioritas (dalam juta rupiah)"], PROGRAMS[0], in_millions[0],
                              [], in_millions[1]])
    assert [(p.code, p.budget) for p in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 2_200_000_000), ("2.17.07", 1_700_000_000)]
