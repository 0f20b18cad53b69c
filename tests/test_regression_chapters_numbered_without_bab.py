"""Chapters headed by a roman numeral without "BAB" ("II. GAMBARAN UMUM KONDISI DAERAH", "V VISI,
MISI, TUJUAN DAN SASARAN") are chapters (newuser F151): the situation-analysis chapter's
look-alike program table is passed over as under "BAB II", and the
vision, missions and programs are read from their own chapters. A roman-numbered list item in
ordinary case ("I. Meningkatkan ...") stays an item. Written as Word and as PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import MASTERPLAN, PAGE, write_docx, write_pdf  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

OLD = [["Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"],
       ["1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan", "9.000", "9.500", "Dinkes"]]
NEW = [["Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"],
       ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.250", "1.300", "Diskominfo"],
       ["3.26.03", "Program Pemasaran Pariwisata", "2.500", "2.500", "Disparbud"]]


def _rpjmd(dot: str) -> list:
    return ["RPJMD KOTA PASURUAN TAHUN 2025-2029", f"II{dot} GAMBARAN UMUM KONDISI DAERAH",
            "Tabel 2.1 Program Kesehatan Daerah (dalam juta rupiah)", OLD, PAGE,
            f"V{dot} VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi", "“Pasuruan Maju dan Sejahtera”", "5.2 Misi",
            "1. Mewujudkan tata kelola pemerintahan digital", "2. Meningkatkan daya saing pariwisata", PAGE,
            f"VII{dot} INDIKASI RENCANA PROGRAM PRIORITAS",
            "Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)", NEW]


@pytest.mark.parametrize("form", ["docx", "pdf"])
@pytest.mark.parametrize("dot", [".", ""], ids=["V.", "V"])
def test_roman_numbered_chapters_without_bab_are_chapters(tmp_path: Path, form: str, dot: str) -> None:
    """Under "II. GAMBARAN UMUM ..." the look-alike table is no program of the plan; the
    vision, both missions and the two programs of "VII. INDIKASI ..." are drafted."""
    if form == "pdf":
        pytest.importorskip("pypdfium2")
        pytest.importorskip("reportlab")
    write = write_pdf if form == "pdf" else write_docx
    rpjmd = write(tmp_path / f"rpjmd.{form}", _rpjmd(dot))
    masterplan = write_docx(tmp_path / "masterplan.docx", ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034"]
                            + MASTERPLAN)
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                         masterplan_period=(2025, 2034))
    plan = draft.region.rpjmd
    assert [e.text for e in plan.at("vision")] == ["Pasuruan Maju dan Sejahtera"]
    assert [e.text for e in plan.at("mission")] == ["Mewujudkan tata kelola pemerintahan digital",
                                                   "Meningkatkan daya saing pariwisata"]
    assert [(e.code, e.budget) for e in plan.at("program")] == [("2.16.03", 2_550_000_000),
                                                                ("3.26.03", 5_000_000_000)]


def test_a_roman_numbered_item_in_ordinary_case_is_no_chapter(tmp_path: Path) -> None:
    """Missions numbered "I.", "II." in ordinary case under "BAB V" stay missions, not chapters."""
    lines = ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi",
             "“Pasuruan Maju dan Sejahtera”", "5.2 Misi", "I. Mewujudkan tata kelola pemerintahan digital",
             "II. Meningkatkan daya saing pariwisata", "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS",
             "Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)", NEW]
    rpjmd = write_docx(tmp_path / "rpjmd.docx", lines)
    masterplan = write_docx(tmp_path / "masterplan.docx", ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034"]
                            + MASTERPLAN)
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                         masterplan_period=(2025, 2034))
    assert len(draft.region.rpjmd.at("mission")) == 2
