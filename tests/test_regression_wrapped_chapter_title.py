"""Regression (newuser finding F29): a long chapter title in capitals wraps over lines in a PDF
("BAB VII KERANGKA PENDANAAN" / "PEMBANGUNAN DAN PROGRAM PERANGKAT" / "DAERAH"); only its first
line was read, which names the funding framework, so the chapter was skipped and its program
table lost without a word. The chapter is now what its whole title says."""

from __future__ import annotations

import pytest

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line, Table
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind

PROGRAMS = Table([["Kode", "Program", "Pagu (Rp)", "Perangkat Daerah"],
                  ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "2.500.000.000", "Diskominfo"],
                  ["2.17.07", "Program Pemberdayaan Usaha Kecil", "500.000.000", "Dinkop"]])


def _programs(*title_lines: str) -> list[str]:
    items = [Line("BAB IV VISI DAN MISI", 1), Line("4.1 Visi", 1), Line("Kota Contoh Maju", 1),
             *(Line(t, 2) for t in title_lines), Line("Tabel 7.1 Indikasi Rencana Program", 2),
             PROGRAMS]
    draft = draft_plan(PlanKind.RPJMD, [Document("rpjmd.pdf", items, pages=2)])
    plan = _finish(draft, Period(2025, 2029), "en")[0]
    return [e.text for e in plan.at("program")]


@pytest.mark.parametrize("title", [
    ("BAB VII KERANGKA PENDANAAN", "PEMBANGUNAN DAN PROGRAM PERANGKAT", "DAERAH"),
    ("BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH",),
    ("BAB VI STRATEGI, ARAH KEBIJAKAN DAN", "PROGRAM PEMBANGUNAN DAERAH"),
    ("BAB VII", "KERANGKA PENDANAAN PEMBANGUNAN", "DAN PROGRAM PERANGKAT DAERAH"),
])
def test_the_programs_under_a_wrapped_regulation_title_are_drafted(title):
    """Permendagri 86/2017's own chapter titles, whole or wrapped, give the table's two programs."""
    assert _programs(*title) == ["Program Pengelolaan Aplikasi Informatika",
                                 "Program Pemberdayaan Usaha Kecil"]


def test_a_funding_chapter_that_names_no_program_stays_passed_over():
    """'BAB VI KERANGKA PENDANAAN' / 'PEMBANGUNAN DAERAH' names no program: its table is not drafted."""
    assert _programs("BAB VI KERANGKA PENDANAAN", "PEMBANGUNAN DAERAH") == []
