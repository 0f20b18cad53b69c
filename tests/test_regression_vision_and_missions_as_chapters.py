"""Regression (newuser F202): a plan whose vision and missions are chapters ("BAB II VISI SMART
CITY", "BAB III MISI SMART CITY"; the RPJMD's "BAB IV VISI DAN MISI" with the vision sentence and
then a numbered list) drafted no vision, or lost its missions silently.

Each test drafts a small document built in memory, as the Word and PDF readers give it.
"""

from __future__ import annotations

import pytest

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind

MISSIONS = ["Mewujudkan pemerintahan yang bersih dan digital", "Meningkatkan kesejahteraan masyarakat"]


def _draft(lines: list[str], kind: PlanKind, file: str = "plan.docx"):
    para = True if file.endswith(".docx") else None
    draft = draft_plan(kind, [Document(file, [Line(t, 1, para=para) for t in lines], 1)])
    plan, _ = _finish(draft, Period(2025, 2029), "en")
    return plan, draft.checks


def test_masterplan_vision_and_missions_each_a_chapter() -> None:
    """ "BAB II VISI SMART CITY" / quoted vision, "BAB III MISI SMART CITY" / numbered missions: SV, SM1, SM2."""
    plan, checks = _draft(["MASTERPLAN SMART CITY KABUPATEN LEMBAH SARI 2025-2034", "BAB II VISI SMART CITY",
                           "“Lembah Sari Smart Regency 2034”", "BAB III MISI SMART CITY",
                           "1. Mewujudkan pemerintahan digital", "2. Mewujudkan masyarakat cerdas",
                           "BAB IV PROGRAM SMART CITY", "Smart Governance", "1. Aplikasi pengaduan terpadu"],
                          PlanKind.MASTERPLAN)
    assert [(e.id, e.text) for e in plan.elements] == [
        ("SV", "Lembah Sari Smart Regency 2034"), ("SM1", "Mewujudkan pemerintahan digital"),
        ("SM2", "Mewujudkan masyarakat cerdas"), ("SP1", "Aplikasi pengaduan terpadu")]
    assert not [c for c in checks if "no vision read" in c]


def test_masterplan_combined_chapter_quoted_vision_then_numbered_missions() -> None:
    """ "BAB II VISI DAN MISI SMART CITY" / quoted vision / "1. ...": the vision and the missions."""
    plan, _ = _draft(["MASTERPLAN SMART CITY KABUPATEN LEMBAH SARI 2025-2034", "BAB II VISI DAN MISI SMART CITY",
                      "“Lembah Sari Smart Regency 2034”", "1. Mewujudkan pemerintahan digital",
                      "2. Mewujudkan masyarakat cerdas"], PlanKind.MASTERPLAN)
    assert [(e.id, e.text) for e in plan.elements] == [
        ("SV", "Lembah Sari Smart Regency 2034"), ("SM1", "Mewujudkan pemerintahan digital"),
        ("SM2", "Mewujudkan masyarakat cerdas")]


@pytest.mark.parametrize("vision", ["“Lembah Sari yang Sejahtera dan Berdaya Saing”",
                                    "Visi Kabupaten Lembah Sari adalah “Lembah Sari yang Sejahtera dan Berdaya Saing”",
                                    "Visi Kabupaten Lembah Sari adalah “Lembah Sari yang Sejahtera dan Berdaya Saing”."])
@pytest.mark.parametrize("file", ["rpjmd.docx", "rpjmd.pdf"])
@pytest.mark.parametrize("misi", [[], ["Misi"]])
def test_rpjmd_chapter_visi_dan_misi_gives_the_vision_and_the_numbered_missions(vision: str, file: str,
                                                                                 misi: list[str]) -> None:
    """ "BAB IV VISI DAN MISI" / the vision (quoted, or in its sentence) / "1. ...": V, M1, M2, in Word and PDF."""
    plan, checks = _draft(["RPJMD KABUPATEN LEMBAH SARI TAHUN 2025-2029", "BAB IV VISI DAN MISI", vision, *misi,
                           f"1. {MISSIONS[0]};", f"2. {MISSIONS[1]}."], PlanKind.RPJMD, file)
    assert [(e.id, e.text) for e in plan.elements] == [
        ("V", "Lembah Sari yang Sejahtera dan Berdaya Saing"), ("M1", MISSIONS[0]), ("M2", MISSIONS[1])]
    assert not [c for c in checks if "no vision read" in c or "read as no" in c]


def test_a_quoted_line_under_a_chapter_quoting_the_rpjmd_is_no_masterplan_vision() -> None:
    """ "BAB II VISI DAN MISI RPJMD" in a masterplan stays a quotation: its quoted vision is not the masterplan's."""
    plan, _ = _draft(["MASTERPLAN SMART CITY KOTA X 2025-2034", "BAB II VISI DAN MISI RPJMD",
                      "“Kota X yang Maju dan Sejahtera”", "1. Mewujudkan pemerintahan yang bersih",
                      "BAB III VISI SMART CITY", "“X Smart City 2034”"], PlanKind.MASTERPLAN)
    assert [(e.id, e.text) for e in plan.elements] == [("SV", "X Smart City 2034")]
