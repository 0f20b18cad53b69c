"""A masterplan's matrix of programs by dimension (programs as rows, the six dimensions as
columns, a tick or an X where a program belongs) gives each program its dimension (newuser
F147): the columns were not read, and every program was drafted with no dimension. A program
ticked under two dimensions gets the first, doubted with both named (en + id)."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docbuild import docx_document, save, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402
from smartsync.model import Dimension  # noqa: E402

SIX = ["Smart Governance", "Smart Branding", "Smart Economy", "Smart Living", "Smart Society", "Smart Environment"]
RPJMD = ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
         "“Pasuruan Maju dan Sejahtera”", "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital"]
HEAD = ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City",
        "“Pasuruan Smart City yang Melayani”", "BAB IV PROGRAM SMART CITY",
        "Tabel 4.1 Matriks Program Smart City per Dimensi"]


def _rows(tick: str, merged: bool) -> list[list[str]]:
    top = ["No", "Program", "Dimensi", "", "", "", "", "", "Perangkat Daerah"] if merged else \
        ["No", "Program"] + SIX + ["Perangkat Daerah"]
    rows = [top] + ([["", ""] + SIX + [""]] if merged else [])
    for number, (name, ticked, agency) in enumerate([
            ("Satu Data Pasuruan", [0], "Diskominfo"), ("Festival Kota Kreatif", [1], "Disparbud"),
            ("Pasar Digital UMKM", [2, 4], "Diskopdag"), ("Bank Sampah Digital", [5], "DLH")], 1):
        rows.append([str(number), name] + [tick if k in ticked else "" for k in range(6)] + [agency])
    return rows


def _draft(tmp_path: Path, tick: str, merged: bool, lang: str = "en"):
    document = docx_document(HEAD + [_rows(tick, merged)])
    if merged:
        table = document.tables[0]
        for c in (0, 1, 8):
            table.cell(0, c).merge(table.cell(1, c))
        table.cell(0, 2).merge(table.cell(0, 7))
    masterplan = save(document, tmp_path / "masterplan.docx")
    rpjmd = write_docx(tmp_path / "rpjmd.docx", RPJMD)
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034), lang=lang)


@pytest.mark.parametrize("merged", [False, True], ids=["six-columns", "under-merged-Dimensi"])
@pytest.mark.parametrize("tick", ["√", "✓", "X", "v"])
def test_each_program_gets_the_dimension_ticked(tmp_path: Path, tick: str, merged: bool) -> None:
    """Each program drafted with the dimension its row ticks; the one ticked twice doubted."""
    draft = _draft(tmp_path, tick, merged)
    programs = draft.region.masterplan.at("program")
    assert [(e.text, e.dimension) for e in programs] == [
        ("Satu Data Pasuruan", Dimension.GOVERNANCE), ("Festival Kota Kreatif", Dimension.BRANDING),
        ("Pasar Digital UMKM", Dimension.ECONOMY), ("Bank Sampah Digital", Dimension.ENVIRONMENT)]
    assert [e.confidence is None for e in programs] == [True, True, False, True]
    assert "ticked under several dimensions" in programs[2].confidence.reasons[0]
    assert not [c for c in draft.checks if "none of the six" in c]


def test_two_dimensions_ticked_said_in_indonesian(tmp_path: Path) -> None:
    """The doubt of a program ticked under two dimensions, in Indonesian, names both."""
    programs = _draft(tmp_path, "√", False, "id").region.masterplan.at("program")
    assert programs[2].confidence.reasons[0].startswith("dicentang pada beberapa dimensi (")
