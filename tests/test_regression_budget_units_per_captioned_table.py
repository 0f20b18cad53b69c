"""Newuser finding F92: two program tables of one chapter with the same header, each under its
own caption ("Tabel 7.1 ...", "Tabel 7.2 ...") and with its own unit note under it, were read in
one unit (budgets 1000x wrong at full confidence); a table saying no unit took the unit of the
note under the next table. Each test builds the Word document and drafts it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import MASTERPLAN, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

HEADER = ["Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Pagu 2027", "Pagu 2028", "Pagu 2029",
          "Perangkat Daerah"]


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", MASTERPLAN)


def _rpjmd(folder: Path, first: tuple[str, str, str], second: tuple[str, str, str]) -> Path:
    """Two tables under BAB VII, each (caption, figure scale, note): ribu figures are x1000 the juta ones."""
    items: list = ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
                   "“Batu Kota Wisata yang Cerdas”", "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital",
                   "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN"]
    programs = ((("2.16.03", "Program Pengelolaan Aplikasi Informatika"), ("3.26.03", "Program Pemasaran Pariwisata")),
                (("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik"),
                 ("3.26.02", "Program Peningkatan Daya Tarik Destinasi Pariwisata")))
    for (caption, scale, note), pair in zip((first, second), programs):
        items.append(caption)
        rows = [HEADER] + [["Meningkatnya indeks SPBE", code, name] + [f"{v}{scale}" for v in values] + ["Diskominfo"]
                           for (code, name), values in zip(pair, (("1.250", "1.300", "1.350", "1.400", "1.450"),
                                                                  ("2.500",) * 5))]
        items.append(rows)
        if note:
            items.append(note)
    return write_docx(folder / "rpjmd.docx", items)


def _budgets(folder: Path, rpjmd: Path) -> dict[str, tuple[int | None, float]]:
    plan = draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034)).region.rpjmd
    return {p.code: (p.budget, p.confidence.score if p.confidence else 1.0) for p in plan.at("program")}


RIGHT = {"2.16.03": 6_750_000_000, "3.26.03": 12_500_000_000, "2.16.02": 6_750_000_000, "3.26.02": 12_500_000_000}


@pytest.mark.parametrize("unit_juta", ["Keterangan: angka dalam jutaan rupiah", "Keterangan: dalam juta rupiah"])
def test_each_captioned_table_is_read_in_the_unit_of_its_own_note(tmp_path: Path, unit_juta: str) -> None:
    """Tabel 7.1 in ribuan under its note, Tabel 7.2 (same header) in juta under its own: every
    budget right at full confidence (the note under 7.1 is no caption of 7.2)."""
    budgets = _budgets(tmp_path, _rpjmd(tmp_path, ("Tabel 7.1 Program Urusan Pemerintahan Wajib", ".000",
                                                   "Keterangan: angka dalam ribuan rupiah"),
                                        ("Tabel 7.2 Program Penunjang Urusan Pemerintahan Daerah", "", unit_juta)))
    assert budgets == {code: (amount, 1.0) for code, amount in RIGHT.items()}


def test_a_table_saying_no_unit_never_takes_the_note_of_the_next_captioned_table(tmp_path: Path) -> None:
    """Tabel 7.1 with only "Sumber: Bappeda" under it is read by the size of its figures and
    doubted, never in the juta of the note under Tabel 7.2 (Rp 6,75 triliun at full confidence)."""
    budgets = _budgets(tmp_path, _rpjmd(tmp_path, ("Tabel 7.1 Program Urusan Pemerintahan Wajib", ".000",
                                                   "Sumber: Bappeda Kota Batu"),
                                        ("Tabel 7.2 Program Penunjang Urusan Pemerintahan Daerah", "",
                                         "Keterangan: angka dalam jutaan rupiah")))
    assert budgets == {"2.16.03": (6_750_000_000, 0.5), "3.26.03": (12_500_000_000, 0.5),
                       "2.16.02": (6_750_000_000, 1.0), "3.26.02": (12_500_000_000, 1.0)}


def test_a_new_caption_over_the_same_header_does_not_carry_the_unit_of_the_table_above(tmp_path: Path) -> None:
    """Tabel 7.2 with the header of 7.1 but no unit of its own is a new table: its figures are
    read by their size and doubted, not in 7.1's ribuan carried over."""
    budgets = _budgets(tmp_path, _rpjmd(tmp_path, ("Tabel 7.1 Program Urusan Pemerintahan Wajib", ".000",
                                                   "Keterangan: angka dalam ribuan rupiah"),
                                        ("Tabel 7.2 Program Penunjang Urusan Pemerintahan Daerah", "", "")))
    assert budgets == {"2.16.03": (6_750_000_000, 1.0), "3.26.03": (12_500_000_000, 1.0),
                       "2.16.02": (6_750_000_000, 0.5), "3.26.02": (12_500_000_000, 0.5)}
