"""Wrong drafts of newuser round 5 (F86 PDF, F87, F88, F89, F92) and of the item-4 hunt of issue 24
(a vision with no quote swallowing its explanation; the activities of a program read as programs;
a cell's own money unit multiplied by its column's). Each test builds the planner's Word or PDF
document as the finding's script did and asserts the figure or the parent the planner relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx, write_pdf  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402
from smartsync.documents._text import money  # noqa: E402

HEAD = ["RPJMD KABUPATEN LUMAJANG TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
        "“Lumajang Maju dan Sejahtera”", "4.2 Misi"]
MISSIONS = ["1. Mewujudkan tata kelola pemerintahan digital", "2. Meningkatkan daya saing pariwisata"]



def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", [
        "MASTERPLAN SMART CITY KABUPATEN LUMAJANG 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "3.1 Visi Smart City", "“Lumajang Smart Regency”", "3.2 Misi Smart City", "1. Mewujudkan layanan digital",
        "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance", "1. Satu data Lumajang"])


def _draft(folder: Path, rpjmd: Path, masterplan: Path | None = None):
    return draft_region(rpjmd=rpjmd, masterplan=masterplan or _masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def _other_checks(draft) -> tuple[str, ...]:
    """The check lines but the one saying the RPJMD has no program (these RPJMDs are a chapter
    without programs on purpose; newuser F206)."""
    return tuple(c for c in draft.checks if not c.startswith(("RPJMD: no program read", "RPJMD: tidak ada program terbaca")))


def _placed(plan, *levels: str) -> list[tuple[str, tuple[str, ...], float]]:
    return [(e.id, e.parents, e.confidence.score if e.confidence else 1.0)
            for level in levels for e in plan.at(level)]


# -- F88, F89: targets listed under "4.3 Sasaran" after the missions' own list


def test_targets_numbered_1_2_under_their_heading_are_not_hung_under_the_last_mission(tmp_path: Path) -> None:
    """ "4.3 Sasaran" / "1. ...", "2. ..." after the list under "4.2 Misi" names no mission: the
    targets are said not placed and doubted, never put under the last mission at full confidence."""
    draft = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + MISSIONS + [
        "4.3 Sasaran", "1. Meningkatnya indeks SPBE", "2. Meningkatnya kunjungan wisatawan"]))
    assert _placed(draft.region.rpjmd, "target") == [("S1", (), 0.6), ("S2", (), 0.6)]
    assert any("2 targets under no mission" in note for note in draft.unplaced)


@pytest.mark.parametrize("numbers", [("1.1", "2.1"), ("1.1.1", "2.1.1")])
def test_targets_numbered_by_their_mission_are_read_and_placed(tmp_path: Path, numbers) -> None:
    """ "1.1 Meningkatnya ..." (no full stop after the number) under "4.3 Sasaran" is a target,
    placed by its number: S1.1 under M1, S2.1 under M2."""
    draft = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + MISSIONS + [
        "4.3 Sasaran", f"{numbers[0]} Meningkatnya indeks SPBE", f"{numbers[1]} Meningkatnya kunjungan wisatawan"]))
    assert _placed(draft.region.rpjmd, "target") == [
        (f"S{numbers[0]}", ("M1",), 1.0), (f"S{numbers[1]}", ("M2",), 1.0)]
    assert _other_checks(draft) == ()


def test_missions_restated_over_their_goals_are_their_parents(tmp_path: Path) -> None:
    """The missions listed under "4.2 Misi", then each stated again ("Misi 1: ...") over its goals
    under "4.3 Tujuan dan Sasaran": each goal sits under the mission stated above it."""
    draft = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + MISSIONS + [
        "4.3 Tujuan dan Sasaran", "Misi 1: Mewujudkan tata kelola pemerintahan digital",
        "Tujuan 1: Meningkatkan kinerja birokrasi", "Misi 2: Meningkatkan daya saing pariwisata",
        "Tujuan 2: Meningkatkan kunjungan wisata"]))
    assert _placed(draft.region.rpjmd, "goal") == [("T1", ("M1",), 1.0), ("T2", ("M2",), 1.0)]


# -- F87: "No | Misi"


def test_a_no_misi_table_numbers_the_missions_the_goals_table_names(tmp_path: Path) -> None:
    """Missions in a "No | Misi" table are numbered by the table's No: the goals table's "Misi 1"
    and "Misi 2" place T1.1 under M1 and T2.1 under M2 (no false "the plan does not state mission 1")."""
    draft = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + [
        [["No", "Misi"], ["1", "Mewujudkan tata kelola pemerintahan digital"],
         ["2", "Meningkatkan daya saing pariwisata"]],
        "4.3 Tujuan dan Sasaran",
        [["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"],
         ["Misi 1", "1.1 Meningkatnya kualitas tata kelola", "1.1.1 Meningkatnya indeks SPBE", "Indeks SPBE"],
         ["Misi 2", "2.1 Meningkatnya pariwisata", "2.1.1 Meningkatnya kunjungan wisatawan", "Kunjungan"]]]))
    assert _placed(draft.region.rpjmd, "mission", "goal") == [
        ("M1", ("V",), 1.0), ("M2", ("V",), 1.0), ("T1.1", ("M1",), 1.0), ("T2.1", ("M2",), 1.0)]
    assert draft.unplaced == ()


# -- F92: two program tables of one chapter, each with its own note


PROGRAMS = [["Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"]]


def _two_tables(folder: Path, first_note: str) -> Path:
    return write_docx(folder / "rpjmd.docx", HEAD + MISSIONS + [
        "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN",
        "Tabel 7.1 Program Urusan Pemerintahan Wajib",
        PROGRAMS + [["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
                     "1.250.000", "1.300.000", "Diskominfo"]],
        first_note, "Tabel 7.2 Program Penunjang Urusan Pemerintahan Daerah",
        PROGRAMS + [["Meningkatnya indeks SPBE", "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik",
                     "1.250", "1.300", "Diskominfo"]],
        "Keterangan: angka dalam jutaan rupiah"])


def test_each_program_table_is_read_in_the_unit_of_its_own_note(tmp_path: Path) -> None:
    """ "Keterangan: angka dalam ribuan rupiah" under Tabel 7.1 and "... jutaan ..." under Tabel
    7.2: each table in its own unit (the first note is no caption of the second table)."""
    plan = _draft(tmp_path, _two_tables(tmp_path, "Keterangan: angka dalam ribuan rupiah")).region.rpjmd
    assert [(p.code, p.budget, p.confidence) for p in plan.at("program")] == [
        ("2.16.03", 2_550_000_000, None), ("2.16.02", 2_550_000_000, None)]


def test_a_note_under_a_later_table_is_not_the_unit_of_an_earlier_one(tmp_path: Path) -> None:
    """Tabel 7.1 with no unit of its own ("Sumber: Bappeda") does not take Tabel 7.2's "jutaan":
    its figures are read by their size and doubted, never a thousand times too large at full confidence."""
    plan = _draft(tmp_path, _two_tables(tmp_path, "Sumber: Bappeda")).region.rpjmd
    first, second = plan.at("program")
    assert (first.budget, second.budget, second.confidence) == (2_550_000_000, 2_550_000_000, None)
    assert first.confidence is not None and first.confidence.score <= 0.5


# -- a vision with no quotation marks and its explanation


@pytest.mark.parametrize("explanation", ["Makna visi tersebut adalah sebagai berikut:", "Penjelasan visi:",
                                         "Dalam visi tersebut terkandung tiga kata kunci."])
def test_a_vision_without_quotes_ends_at_its_paragraph(tmp_path: Path, explanation: str) -> None:
    """ "Lumajang Maju dan Sejahtera" (no quotation marks, no full stop) followed by its
    explanation: the vision is its own paragraph, not the explanation run on after it."""
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", [
        *HEAD[:3], "Lumajang Maju dan Sejahtera", explanation, "Maju: daerah yang berkembang.", "4.2 Misi",
        *MISSIONS])).region.rpjmd
    assert [(v.text, v.confidence) for v in plan.at("vision")] == [("Lumajang Maju dan Sejahtera", None)]


# -- F86: the masterplan's vision paragraph going on into its missions, in a PDF


def test_a_pdf_vision_paragraph_going_on_into_its_missions_gives_them(tmp_path: Path) -> None:
    """ "Visi smart city ... adalah “...”. Visi tersebut diwujudkan melalui misi: (1) ...; (2) ...;
    (3) ..." wrapped over four lines of a PDF: the vision and its three missions."""
    pytest.importorskip("reportlab")
    path = write_pdf(tmp_path / "masterplan.pdf", [
        "MASTERPLAN SMART CITY KOTA MADIUN TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "Visi smart city Kota Madiun adalah “Madiun Smart City: Kota Pendekar yang Cerdas dan Melayani”. Visi "
        "tersebut diwujudkan melalui misi: (1) mewujudkan layanan publik berbasis digital; (2) mengembangkan "
        "ekonomi kreatif dan UMKM digital; (3) mewujudkan lingkungan kota yang bersih dan sehat.",
        "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance", "• Satu Data Kota Madiun"])
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + MISSIONS), path).region.masterplan
    assert [(e.id, e.text, e.parents) for e in plan.at("vision") + plan.at("mission")] == [
        ("SV", "Madiun Smart City: Kota Pendekar yang Cerdas dan Melayani", ()),
        ("SM1", "Mewujudkan layanan publik berbasis digital", ("SV",)),
        ("SM2", "Mengembangkan ekonomi kreatif dan UMKM digital", ("SV",)),
        ("SM3", "Mewujudkan lingkungan kota yang bersih dan sehat", ("SV",))]


# -- the activities (kegiatan) of a program


def test_the_activities_of_a_program_add_their_pagu_to_it(tmp_path: Path) -> None:
    """A "Program | Kegiatan" table, the program cell left blank over its second activity: one
    program whose budget is the sum of its activities' pagu (was a second "program" named by the
    activity, and the program short of it at full confidence)."""
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + MISSIONS + [
        "BAB VII PROGRAM PERANGKAT DAERAH",
        [["Sasaran", "Kode", "Program", "Kegiatan", "Pagu Indikatif (Rp)", "Perangkat Daerah"],
         ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
          "Pengelolaan e-government", "1.000.000.000", "Diskominfo"],
         ["", "", "", "Pengembangan aplikasi", "500.000.000", "Diskominfo"],
         ["Meningkatnya kunjungan wisata", "3.26.03", "Program Pemasaran Pariwisata", "Promosi wisata",
          "2.000.000.000", "Dispar"]]])).region.rpjmd
    assert [(p.code, p.text, p.budget, p.confidence) for p in plan.at("program")] == [
        ("2.16.03", "Program Pengelolaan Aplikasi Informatika", 1_500_000_000, None),
        ("3.26.03", "Program Pemasaran Pariwisata", 2_000_000_000, None)]


def test_rows_of_activity_codes_under_their_program_are_no_programs(tmp_path: Path) -> None:
    """ "2.16.03.1.01 Pengelolaan e-government" rows under program 2.16.03 (which prints its own
    pagu) are its activities: no programs, and the program's pagu is its own."""
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + MISSIONS + [
        "BAB VII PROGRAM PERANGKAT DAERAH",
        [["Sasaran", "Kode", "Program/Kegiatan", "Pagu Indikatif (Rp)", "Perangkat Daerah"],
         ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.500.000.000",
          "Diskominfo"],
         ["", "2.16.03.1.01", "Pengelolaan e-government", "1.000.000.000", "Diskominfo"],
         ["", "2.16.03.1.02", "Pengembangan aplikasi", "500.000.000", "Diskominfo"]]])).region.rpjmd
    assert [(p.code, p.budget, p.confidence) for p in plan.at("program")] == [("2.16.03", 1_500_000_000, None)]


@pytest.mark.parametrize("cell, amount", [("Rp 750 ribu", 750_000), ("1,5 M", 1_500_000_000),
                                          ("500 jt", 500_000_000), ("2 Miliar", 2_000_000_000)])
def test_a_cell_that_writes_its_own_unit_is_read_in_it(cell: str, amount: int) -> None:
    """A money cell naming its unit ("Rp 750 ribu") is read in that unit, whatever the column's
    (here juta): never multiplied by both."""
    assert money(cell, 10**6) == amount
