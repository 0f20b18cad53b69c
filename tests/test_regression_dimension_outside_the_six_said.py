"""A masterplan program under a dimension that is none of the six ("Smart Mobility", from the Cohen model
some masterplans follow; newuser F119): drafted with no dimension, doubted, and a check line names the
dimension and the six for the planner to decide -- never a silent blank, and never the dimension of the
heading above. Each test builds the Word document a planner had."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402
from smartsync.documents import draft_region  # noqa: E402

_RPJMD = ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI", "4.1 Visi", "“Batu Kota Wisata yang Cerdas”",
          "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital"]


def _draft(folder: Path, masterplan: list[str], rows: list[list[str]] | None = None, lang: str = "en"):
    rpjmd = write_docx(folder / "rpjmd.docx", _RPJMD)
    plan = write_docx(folder / "masterplan.docx", [*masterplan, *([rows] if rows else [])])
    return draft_region(rpjmd=rpjmd, masterplan=plan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034), lang=lang)


_TITLE = ["MASTERPLAN SMART CITY KOTA BATU TAHUN 2025-2034", "BAB III VISI SMART CITY", "3.1 Visi Smart City",
          "“Batu Smart City”", "BAB IV PROGRAM SMART CITY"]


def test_a_dimension_cell_outside_the_six_is_said(tmp_path: Path) -> None:
    """A "Dimensi" cell "Smart Mobility": the program has no dimension, is doubted, and a check line
    names "Smart Mobility" and the six dimensions, in English and Indonesian."""
    rows = [["No", "Dimensi", "Program"], ["1", "Tata Kelola Cerdas", "Aplikasi layanan terpadu"],
            ["2", "Smart Mobility", "Bus listrik terintegrasi"]]
    draft = _draft(tmp_path, _TITLE, rows)
    programs = draft.region.masterplan.at("program")
    assert [(p.text, p.dimension and p.dimension.value) for p in programs] == [
        ("Aplikasi layanan terpadu", "governance"), ("Bus listrik terintegrasi", None)]
    assert programs[1].confidence is not None and "Smart Mobility" in programs[1].confidence.reasons[0]
    line = next(c for c in draft.checks if "Smart Mobility" in c)
    assert "none of the six dimensions" in line and "smart governance" in line and "smart environment" in line
    draft = _draft(tmp_path, _TITLE, rows, lang="id")
    assert any("bukan salah satu dari enam dimensi" in c for c in draft.checks)


def test_a_heading_outside_the_six_ends_the_dimension_above(tmp_path: Path) -> None:
    """Programs under a "4.7 Smart Mobility" heading after "Smart Living" are not given living: no
    dimension, doubted, said; the programs under "Smart Living" keep theirs at full confidence."""
    draft = _draft(tmp_path, _TITLE + ["4.4 Smart Living", "1. Telemedisin puskesmas", "4.7 Smart Mobility",
                                       "1. Bus listrik terintegrasi", "2. Parkir elektronik"])
    programs = draft.region.masterplan.at("program")
    assert [(p.text, p.dimension and p.dimension.value, p.confidence is None) for p in programs] == [
        ("Telemedisin puskesmas", "living", True), ("Bus listrik terintegrasi", None, False),
        ("Parkir elektronik", None, False)]
    assert any('"4.7 Smart Mobility"' not in c and '"Smart Mobility"' in c and "2 program(s)" in c
               for c in draft.checks)


def test_a_program_named_smart_something_is_no_dimension_heading(tmp_path: Path) -> None:
    """"Smart Kampung" under "Smart Society" (a program's name, not a dimension): the programs after it
    keep the society dimension, and no dimension line is said."""
    draft = _draft(tmp_path, _TITLE + ["Smart Society", "1. Smart Kampung", "2. Sekolah digital"])
    assert [p.dimension and p.dimension.value for p in draft.region.masterplan.at("program")] == ["society", "society"]
    assert not [c for c in draft.checks if "none of the six" in c]
