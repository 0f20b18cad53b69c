"""Regression (newuser F200): a program's indicators written one a row below the program's row
(the T-C.27 layout: "", "", "", "Jumlah aplikasi terintegrasi", "aplikasi", "25", "", "") were
glued into one run-on indicator; a target's were read one a row.
"""

from __future__ import annotations

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line, Table
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind

HEADER = ["Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Satuan", "Target 2029",
          "Pagu Indikatif 2025-2029", "Perangkat Daerah"]


def _plan(rows: list[list[str]]):
    table = Table([HEADER, *rows], pages=[1] * (len(rows) + 1))
    items = [Line("RPJMD KABUPATEN LEMBAH SARI TAHUN 2025-2029", 1),
             Line("BAB VII PROGRAM PERANGKAT DAERAH", 1), Line("Tabel 7.1 Program (Rp juta)", 1), table]
    return _finish(draft_plan(PlanKind.RPJMD, [Document("rpjmd.docx", items, 1)]), Period(2025, 2029), "en")[0]


def test_each_indicator_row_below_a_program_is_an_indicator_of_its_own() -> None:
    """Three indicator rows under a program give three indicators, in order; the next program keeps its own."""
    plan = _plan([
        ["1.1.1 Meningkatnya kualitas SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
         "Persentase layanan publik berbasis elektronik", "%", "90", "12.500", "Diskominfo"],
        ["", "", "", "Jumlah aplikasi terintegrasi", "aplikasi", "25", "", ""],
        ["", "", "", "Indeks SPBE domain layanan", "indeks", "3,5", "", ""],
        ["", "2.16.02", "Program Informasi dan Komunikasi Publik",
         "Persentase informasi publik yang terpublikasi", "%", "100", "4.000", "Diskominfo"],
        ["", "", "", "Jumlah konten diseminasi", "konten", "1.200", "", ""]])
    first, second = plan.at("program")
    assert list(first.indicators) == ["Persentase layanan publik berbasis elektronik",
                                      "Jumlah aplikasi terintegrasi", "Indeks SPBE domain layanan"]
    assert list(second.indicators) == ["Persentase informasi publik yang terpublikasi", "Jumlah konten diseminasi"]
    assert first.budget == 12_500_000_000


def test_an_indicator_wrapped_onto_the_next_row_in_lower_case_stays_one() -> None:
    """A line going on in lower case with no unit or target of its own is the rest of the indicator above."""
    plan = _plan([
        ["1.1.1 Meningkatnya kualitas SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
         "Persentase layanan publik", "%", "90", "12.500", "Diskominfo"],
        ["", "", "", "berbasis elektronik", "", "", "", ""]])
    assert list(plan.at("program")[0].indicators) == ["Persentase layanan publik berbasis elektronik"]
