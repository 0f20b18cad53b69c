"""Regression (newuser F190): a masterplan's missions listed one per row under a "Misi"
label cell (the label once, blank or merged below, as planners lay a two-column table out)
kept only the first mission; the others were lost silently."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

from smartsync.documents import draft_region  # noqa: E402

from docgen import known_region, write_corpus  # noqa: E402

MISSIONS = ["1. Mewujudkan tata kelola pemerintahan digital yang terintegrasi",
            "2. Mengembangkan ekonomi digital berbasis pertanian dan pariwisata",
            "3. Mewujudkan masyarakat yang sehat, cerdas dan lingkungan yang lestari"]
TITLE = "MASTERPLAN SMART CITY KABUPATEN BUKIT HIJAU TAHUN 2022-2031"
VISION = "Bukit Hijau Cerdas, Maju dan Sejahtera melalui Inovasi Digital"


def _word(path: Path, merged: bool) -> Path:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("BAB III VISI DAN MISI SMART CITY")
    table = document.add_table(rows=1 + len(MISSIONS), cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "Visi", VISION
    table.cell(1, 0).text = "Misi"
    for i, mission in enumerate(MISSIONS, 1):
        table.cell(i, 1).text = mission
    if merged:
        table.cell(1, 0).merge(table.cell(len(MISSIONS), 0))
    document.add_paragraph("BAB IV PROGRAM SMART CITY")
    document.add_paragraph("Smart Governance")
    document.add_paragraph("1. Aplikasi pengaduan masyarakat terpadu")
    document.save(path)
    return path


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Visi Misi"
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(["Visi", VISION])
    sheet.append(["Misi", MISSIONS[0]])
    for mission in MISSIONS[1:]:
        sheet.append(["", mission])
    plan = book.create_sheet("Rencana Aksi")
    plan.append(["No", "Dimensi", "Program", "Anggaran (Rp juta)"])
    plan.append([1, "Smart Governance", "Aplikasi pengaduan masyarakat terpadu", 500])
    book.save(path)
    return path


@pytest.mark.parametrize("make", [lambda p: _word(p / "mp.docx", merged=False),
                                  lambda p: _word(p / "mp.docx", merged=True),
                                  lambda p: _workbook(p / "mp.xlsx")],
                         ids=["word-blank", "word-merged", "workbook-blank"])
def test_every_mission_under_the_label_is_drafted(tmp_path: Path, make) -> None:
    """Each of the three numbered missions below the one "Misi" cell is a mission, in order."""
    rpjmd = write_corpus(known_region(1), tmp_path / "rpjmd", "xlsx", 1)["rpjmd"]
    draft = draft_region(rpjmd=rpjmd, masterplan=[make(tmp_path)], masterplan_period="2022-2031")
    missions = [e.text for e in draft.region.masterplan.at("mission")]
    assert missions == [m.split(". ", 1)[1] for m in MISSIONS]
    assert [e.text for e in draft.region.masterplan.at("vision")] == [VISION]
