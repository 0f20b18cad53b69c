"""Newuser finding F97: a program table in long form (one row per program and year, a "Tahun"
column beside one pagu column, as a SIPD export gives it) took one year's pagu as a program's
budget at full confidence when its yearly pagu were equal (5x too small), and called the rows of
a program with unequal pagu contradictions. Each test writes the CSV (or workbook) and drafts it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import MASTERPLAN, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

ROWS = [("2.16.03", "Program Pengelolaan Aplikasi Informatika", ("1.250.000.000", "1.300.000.000", "1.350.000.000",
                                                                  "1.400.000.000", "1.450.000.000")),
        ("3.26.03", "Program Pemasaran Pariwisata", ("500.000.000",) * 5)]


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", MASTERPLAN)


def _csv(folder: Path, year_header: str = "Tahun", repeat: int | None = None, other: str | None = None) -> Path:
    lines = ["RPJMD KOTA KEDIRI TAHUN 2025-2029", "(dalam rupiah)",
             f"Misi;Sasaran;Kode Program;Nama Program;{year_header};Pagu Indikatif;Perangkat Daerah"]
    for code, name, amounts in ROWS:
        for year, amount in zip(range(2025, 2030), amounts):
            row = f"Misi 1: Mewujudkan tata kelola digital;Meningkatnya indeks SPBE;{code};{name};{year};{amount};Diskominfo"
            lines.append(row)
            if repeat == year and code == "2.16.03":
                lines.append(row if other is None else row.replace(amount, other))
    (folder / "rpjmd.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "rpjmd.csv"


def _programs(folder: Path, rpjmd: Path):
    return draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034)).region.rpjmd.at("program")


@pytest.mark.parametrize("year_header", ["Tahun", "Tahun Anggaran", "TA"])
def test_rows_of_one_program_by_year_are_summed_into_its_budget(tmp_path: Path, year_header: str) -> None:
    """Five rows a program, one per year: the budget is their sum at full confidence (equal
    yearly pagu are no repeat of one figure), and each year is kept in the provenance."""
    programs = _programs(tmp_path, _csv(tmp_path, year_header))
    assert [(p.code, p.budget, p.confidence) for p in programs] == [
        ("2.16.03", 6_750_000_000, None), ("3.26.03", 2_500_000_000, None)]
    assert programs[0].provenance.budget_by_year == tuple(
        (str(year), amount) for year, amount in zip(range(2025, 2030), (1_250_000_000, 1_300_000_000,
                                                                         1_350_000_000, 1_400_000_000,
                                                                         1_450_000_000)))


def test_a_year_written_twice_with_another_pagu_is_doubted(tmp_path: Path) -> None:
    """A second 2026 row for a program with another pagu is a contradiction: said, the budget
    doubted, never silently picked or added."""
    programs = _programs(tmp_path, _csv(tmp_path, repeat=2026, other="9.900.000.000"))
    first = programs[0]
    assert first.confidence is not None and first.confidence.score <= 0.5
    assert any("9.900.000.000" in reason for reason in first.confidence.reasons)
    assert programs[1].budget == 2_500_000_000 and programs[1].confidence is None


def test_a_row_repeated_word_for_word_is_counted_once(tmp_path: Path) -> None:
    """The same row (program, year and pagu) twice, as an export repeats a row across a page: once."""
    programs = _programs(tmp_path, _csv(tmp_path, repeat=2026))
    assert (programs[0].budget, programs[0].confidence) == (6_750_000_000, None)
