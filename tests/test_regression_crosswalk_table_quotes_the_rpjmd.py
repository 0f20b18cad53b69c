"""A masterplan's crosswalk table "No | Misi RPJMD | Misi Smart City" (F112): the RPJMD's column is a
quotation of the other plan, so the smart city missions are the "Misi Smart City" cells alone (not
both cells run together, which biased the matcher towards the RPJMD's own words), and a check line
says the table pairs the two plans' missions."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


def _document(folder: Path, name: str, lines: list[str], rows: list[list[str]] | None = None,
              after: list[str] = ()) -> Path:
    return write_docx(folder / name, [*lines, *([rows] if rows else []), *after])


def test_the_rpjmd_column_of_a_crosswalk_table_is_not_read_as_the_masterplans(tmp_path: Path) -> None:
    """SM1, SM2 are the "Misi Smart City" cells, under the smart city vision, at full confidence;
    one check line names the table and its "Misi RPJMD" column."""
    rpjmd = _document(tmp_path, "rpjmd.docx", [
        "RPJMD KOTA PROBOLINGGO TAHUN 2025-2029", "BAB IV VISI DAN MISI", "Visi", "“Probolinggo Maju”", "Misi",
        "1. Mewujudkan tata kelola pemerintahan yang efektif dan digital",
        "2. Meningkatkan perekonomian daerah yang berdaya saing"])
    masterplan = _document(tmp_path, "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA PROBOLINGGO TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "3.1 Visi Smart City", "“Probolinggo Smart City: Melayani dengan Data”", "3.2 Misi Smart City",
        "Misi smart city dirumuskan dari misi RPJMD sebagaimana tabel berikut:"], [
        ["No", "Misi RPJMD", "Misi Smart City"],
        ["1", "Mewujudkan tata kelola pemerintahan yang efektif dan digital",
         "Mewujudkan layanan publik digital yang terintegrasi"],
        ["2", "Meningkatkan perekonomian daerah yang berdaya saing",
         "Mendorong ekonomi digital berbasis UMKM dan pariwisata"]], ["BAB IV PROGRAM SMART CITY"])
    result = draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                          masterplan_period=(2025, 2034))
    missions = [(e.id, e.text, e.parents, e.confidence) for e in result.region.masterplan.elements
                if e.level == "mission"]
    assert missions == [("SM1", "Mewujudkan layanan publik digital yang terintegrasi", ("SV",), None),
                        ("SM2", "Mendorong ekonomi digital berbasis UMKM dan pariwisata", ("SV",), None)]
    said = [c for c in result.checks if "Misi RPJMD" in c]
    assert len(said) == 1 and "Misi Smart City" in said[0] and "masterplan.docx" in said[0]


def test_a_table_with_one_mission_column_is_read_as_before(tmp_path: Path) -> None:
    """A table with a single "Misi" column (no other plan named) gives its missions, no check line
    about a crosswalk."""
    rpjmd = _document(tmp_path, "rpjmd.docx", ["RPJMD KOTA PROBOLINGGO TAHUN 2025-2029", "BAB IV VISI DAN MISI",
                                               "Visi", "“Probolinggo Maju”", "Misi",
                                               "1. Mewujudkan tata kelola pemerintahan"])
    masterplan = _document(tmp_path, "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA PROBOLINGGO TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "3.1 Visi Smart City", "“Probolinggo Smart City”"], [
        ["No", "Misi Smart City"], ["1", "Mewujudkan layanan publik digital yang terintegrasi"]])
    result = draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                          masterplan_period=(2025, 2034))
    assert [e.text for e in result.region.masterplan.elements if e.level == "mission"] == [
        "Mewujudkan layanan publik digital yang terintegrasi"]
    assert not [c for c in result.checks if "RPJMD" in c and "column" in c]
