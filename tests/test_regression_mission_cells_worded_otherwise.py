"""A targets table whose Misi cells word the missions a little otherwise than the list above it
(newuser F103): the cell is the mission stated above (by its number first, then by close wording),
its targets under that mission and doubted; a cell that is not surely one mission is doubted, never a
silent second copy. Each test builds the Word document a planner had."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import draft_region  # noqa: E402

_LIST = ["Mewujudkan tata kelola pemerintahan yang bersih dan digital", "Meningkatkan perekonomian berbasis UMKM"]


def _rpjmd(folder: Path, missions: list[str], rows: list[list[str]]) -> Path:
    document = docx.Document()
    for line in ["RPJMD KOTA MALANG TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
                 "“Malang Kota Cerdas”", "4.2 Misi", *[f"{i}. {m}" for i, m in enumerate(missions, 1)],
                 "4.3 Sasaran"] if missions else ["RPJMD KOTA MALANG TAHUN 2025-2029",
                                                  "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
                                                  "“Malang Kota Cerdas”", "4.3 Sasaran"]:
        document.add_paragraph(line)
    rows = [["Misi", "Sasaran", "Indikator"], *rows]
    table = document.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    path = folder / "rpjmd.docx"
    document.save(path)
    masterplan = docx.Document()
    for line in ["MASTERPLAN SMART CITY KOTA MALANG TAHUN 2025-2034", "BAB III VISI", "Visi Smart City",
                 "“Malang Smart City”", "BAB IV PROGRAM", "Smart Governance", "1. Aplikasi layanan"]:
        masterplan.add_paragraph(line)
    masterplan.save(folder / "masterplan.docx")
    return path


def _draft(folder: Path, missions: list[str], rows: list[list[str]]):
    path = _rpjmd(folder, missions, rows)
    return draft_region(rpjmd=path, masterplan=folder / "masterplan.docx", lang="en").region.rpjmd


def test_a_mission_cell_with_a_word_more_is_the_mission_listed_above(tmp_path: Path) -> None:
    """"..., akuntabel dan digital" and "... daerah berbasis UMKM" in the table are missions 1 and 2
    of the list: two missions, not four, each target under its own, doubted with the cell quoted."""
    plan = _draft(tmp_path, _LIST, [
        ["Mewujudkan tata kelola pemerintahan yang bersih, akuntabel dan digital", "Meningkatnya indeks SPBE",
         "Indeks SPBE"],
        ["Meningkatkan perekonomian daerah berbasis UMKM", "Meningkatnya nilai tambah UMKM", "UMKM naik kelas"]])
    assert [(e.id, e.text) for e in plan.at("mission")] == [("M1", _LIST[0]), ("M2", _LIST[1])]
    targets = plan.at("target")
    assert [(e.text, e.parents) for e in targets] == [("Meningkatnya indeks SPBE", ("M1",)),
                                                      ("Meningkatnya nilai tambah UMKM", ("M2",))]
    assert all(e.confidence is not None and e.confidence.score < 1 for e in targets)
    assert "akuntabel" in targets[0].confidence.reasons[0] and _LIST[0] in targets[0].confidence.reasons[0]


def test_a_numbered_mission_cell_is_the_mission_of_its_number(tmp_path: Path) -> None:
    """"Misi 2: Meningkatkan ekonomi daerah berbasis UMKM" (a word changed, one more) is mission 2 by its
    number: no third mission."""
    plan = _draft(tmp_path, _LIST, [
        ["Misi 1: Mewujudkan tata kelola pemerintahan yang bersih dan digital", "Meningkatnya indeks SPBE", "x"],
        ["Misi 2: Meningkatkan ekonomi daerah berbasis UMKM", "Meningkatnya nilai tambah UMKM", "y"]])
    assert [e.id for e in plan.at("mission")] == ["M1", "M2"]
    assert [e.parents for e in plan.at("target")] == [("M1",), ("M2",)]


def test_a_mission_cell_close_to_two_missions_is_doubted_not_merged(tmp_path: Path) -> None:
    """A cell whose words hold two listed missions' is not surely either: kept as a mission of its
    own, below full confidence with both missions named."""
    listed = ["Meningkatkan kualitas pendidikan masyarakat", "Meningkatkan kualitas kesehatan masyarakat"]
    plan = _draft(tmp_path, listed, [
        ["Meningkatkan kualitas pendidikan dan kesehatan masyarakat", "Meningkatnya IPM", "IPM"]])
    missions = plan.at("mission")
    assert len(missions) == 3
    third = missions[2]
    assert third.confidence is not None and third.confidence.score < 1
    assert all(m in third.confidence.reasons[0] for m in listed)


def test_missions_of_one_table_alone_that_differ_by_a_word_stay_two(tmp_path: Path) -> None:
    """With no list above, two rows of one table whose missions differ by a word are two missions,
    at full confidence: a table's rows are never matched to each other."""
    plan = _draft(tmp_path, [], [
        ["Meningkatkan kualitas pelayanan pendidikan", "Meningkatnya APK", "APK"],
        ["Meningkatkan kualitas pelayanan pendidikan dasar", "Meningkatnya APM", "APM"]])
    assert [(e.text, e.confidence) for e in plan.at("mission")] == [
        ("Meningkatkan kualitas pelayanan pendidikan", None), ("Meningkatkan kualitas pelayanan pendidikan dasar", None)]


def test_every_row_of_a_worded_mission_cell_is_the_listed_mission(tmp_path: Path) -> None:
    """Two rows whose Misi cells word mission 1 alike (two targets under it, then mission 2's): every row
    goes to the listed mission, never a copy from the second row on (found by the layout fuzzer)."""
    worded = "Mewujudkan tata kelola pemerintahan yang bersih dan digital secara berkelanjutan"
    plan = _draft(tmp_path, _LIST, [
        [worded, "Meningkatnya indeks SPBE", "Indeks SPBE"], [worded, "Meningkatnya keterbukaan informasi", "IKIP"],
        ["Meningkatkan perekonomian berbasis UMKM secara berkelanjutan", "Meningkatnya nilai tambah UMKM", "UMKM"]])
    assert [e.id for e in plan.at("mission")] == ["M1", "M2"]
    assert [e.parents for e in plan.at("target")] == [("M1",), ("M1",), ("M2",)]
