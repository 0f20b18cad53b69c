"""Regression (newuser F205): a masterplan with one sheet, or one captioned table, per
dimension ("Rencana Aksi Smart Governance") drafted its programs with no dimension, silently."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

from smartsync.documents import draft_region  # noqa: E402

from docgen import known_region, write_corpus  # noqa: E402

PROGRAMS = {"Smart Governance": ["Aplikasi pengaduan terpadu", "Tanda tangan elektronik"],
            "Smart Economy": ["Pasar digital UMKM"], "Smart Living": ["Telemedisin puskesmas"]}
EXPECTED = {"Aplikasi pengaduan terpadu": "governance", "Tanda tangan elektronik": "governance",
            "Pasar digital UMKM": "economy", "Telemedisin puskesmas": "living"}
TITLE = "MASTERPLAN SMART CITY KOTA SHEET TAHUN 2025-2034"


def _sheets(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for dimension, programs in PROGRAMS.items():
        sheet = book.create_sheet(dimension)
        sheet.append([TITLE])
        sheet.append([f"Rencana Aksi {dimension} (Rp juta)"])
        sheet.append(["No", "Program", "Anggaran", "OPD"])
        for n, program in enumerate(programs, 1):
            sheet.append([n, program, 100 * n, "Diskominfo"])
    book.save(path)
    return path


def _captions(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("BAB V RENCANA AKSI SMART CITY")
    for k, (dimension, programs) in enumerate(PROGRAMS.items(), 1):
        document.add_paragraph(f"Tabel 5.{k} Rencana Aksi {dimension}")
        table = document.add_table(rows=1 + len(programs), cols=3)
        table.style = "Table Grid"
        for c, label in enumerate(("No", "Program", "OPD")):
            table.cell(0, c).text = label
        for r, program in enumerate(programs, 1):
            table.cell(r, 0).text, table.cell(r, 1).text, table.cell(r, 2).text = \
                str(r), program, "Diskominfo"
    document.save(path)
    return path


@pytest.mark.parametrize("make", [lambda p: _sheets(p / "mp.xlsx"), lambda p: _captions(p / "mp.docx")],
                         ids=["sheet-per-dimension", "caption-per-dimension"])
def test_each_program_has_its_tables_dimension(tmp_path: Path, make) -> None:
    """Each program gets the dimension its sheet or its table's caption names."""
    rpjmd = write_corpus(known_region(1), tmp_path / "rpjmd", "xlsx", 1)["rpjmd"]
    draft = draft_region(rpjmd=rpjmd, masterplan=[make(tmp_path)])
    got = {e.text: e.dimension.value if e.dimension else None
           for e in draft.region.masterplan.at("program")}
    assert got == EXPECTED
