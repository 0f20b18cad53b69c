"""Newuser finding F96: a numbered quick win under a "Quick Win" heading took the dimension of
the "Dimensi ..." section above it although it names its own ("Smart Living"), at full
confidence, and its budget "(..., Rp 1,2 M)" stayed in its name. The tests build the masterplan
(Word, and a PDF as reportlab sets it) and draft it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import Styled, write_docx, write_pdf  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

LINES = ["MASTERPLAN SMART CITY KOTA MADIUN TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
         "3.1 Visi Smart City", "“Madiun Kota Pendekar yang Cerdas dan Melayani”", "BAB IV PROGRAM SMART CITY",
         "Dimensi Smart Governance", "• Satu Data Kota Madiun", "Dimensi Smart Environment",
         "• Sensor kualitas udara", "Quick Win", "1. Telemedisin puskesmas (Smart Living, Rp 1,2 M)",
         "2. Bank sampah digital (Rp 750 juta)"]


def _rpjmd(folder: Path) -> Path:
    return write_docx(folder / "rpjmd.docx", [
        "RPJMD KOTA MADIUN TAHUN 2025-2029", "BAB IV VISI DAN MISI", "4.1 Visi", "“Madiun Kota Pendekar”", "4.2 Misi",
        "1. Mewujudkan tata kelola pemerintahan digital"])


def _docx(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", LINES)


def _pdf(folder: Path) -> Path:
    pytest.importorskip("reportlab")
    return write_pdf(folder / "masterplan.pdf", [
        Styled(line, "Heading3") if line.startswith(("Dimensi", "Quick", "BAB")) else line for line in LINES])


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_a_quick_win_naming_its_dimension_and_budget_gets_both(tmp_path: Path, form: str) -> None:
    """"Telemedisin puskesmas (Smart Living, Rp 1,2 M)" under "Quick Win" after the environment
    section: dimension living, budget Rp 1.200.000.000, the name without them; a quick win naming
    no dimension keeps the section's, doubted with the reason, its "(Rp 750 juta)" its budget."""
    masterplan = _docx(tmp_path) if form == "docx" else _pdf(tmp_path)
    plan = draft_region(rpjmd=_rpjmd(tmp_path), masterplan=masterplan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034)).region.masterplan
    programs = {p.text: p for p in plan.at("program")}
    assert sorted(programs) == ["Bank sampah digital", "Satu Data Kota Madiun", "Sensor kualitas udara",
                                "Telemedisin puskesmas"]
    telemedicine = programs["Telemedisin puskesmas"]
    assert (telemedicine.dimension.value, telemedicine.budget, telemedicine.confidence) == \
        ("living", 1_200_000_000, None)
    waste = programs["Bank sampah digital"]
    assert (waste.dimension.value, waste.budget) == ("environment", 750_000_000)
    assert waste.confidence is not None and waste.confidence.score < 1
    assert any("Quick Win" in reason for reason in waste.confidence.reasons)
    assert programs["Sensor kualitas udara"].confidence is None
