"""More wrong drafts of newuser round 5 (F97, F99, F100, F115, F116, F120): budgets of a table in
long form, of pagu cells with footnote markers; the vision written unquoted after its label; missions
under their label on a line of their own, numbered "i.", "ii.", in one cell of a "VISI | MISI"
table; a target whose number names a mission the draft did not read. Each test builds the
planner's document (python-docx, or a CSV as a SIPD export is) and asserts what the planner
relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import docx_document, save, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

HEAD = ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN"]
MISSIONS = ["Mewujudkan tata kelola pemerintahan digital", "Meningkatkan daya saing pariwisata",
            "Meningkatkan kualitas lingkungan hidup"]



def _draft(folder: Path, rpjmd: Path, masterplan: Path | None = None):
    masterplan = masterplan or write_docx(folder / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA BATU 2025-2034", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City",
        "“Batu Smart City”", "3.2 Misi Smart City", "1. Mewujudkan layanan digital", "BAB IV PROGRAM SMART CITY",
        "Dimensi Smart Governance", "1. Satu data Batu"])
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034))


def _shape(plan, *levels: str) -> list[tuple[str, str, tuple[str, ...], float]]:
    return [(e.id, e.text, e.parents, e.confidence.score if e.confidence else 1.0)
            for level in levels for e in plan.at(level)]


# -- F115: the vision unquoted after its label


def test_a_vision_written_on_after_adalah_is_the_vision(tmp_path: Path) -> None:
    """ "Visi Kota Batu Tahun 2025-2029 adalah Terwujudnya ..." (no quotes) is the vision, and the
    missions hang under it (the vision was dropped silently)."""
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + [
        "Visi Kota Batu Tahun 2025-2029 adalah Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera.",
        "Misi:", f"1. {MISSIONS[0]}", f"2. {MISSIONS[1]}"])).region.rpjmd
    assert _shape(plan, "vision", "mission") == [
        ("V", "Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera", (), 1.0),
        ("M1", MISSIONS[0], ("V",), 1.0), ("M2", MISSIONS[1], ("V",), 1.0)]


def test_a_masterplan_vision_after_its_label_and_a_colon_is_the_vision(tmp_path: Path) -> None:
    """ "Visi Smart City Kota Batu: Batu Smart City, ..." is the masterplan's vision; the list's
    "; dan" and final full stop are taken off its missions."""
    masterplan = write_docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA BATU 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "Visi Smart City Kota Batu: Batu Smart City, Kota Wisata Cerdas Berkelanjutan.", "Misi Smart City Kota Batu:",
        "a. Mewujudkan layanan pemerintahan digital;", "b. Mengembangkan ekonomi pariwisata digital; dan",
        "c. Mewujudkan lingkungan kota yang lestari.", "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance",
        "1. Satu data Batu"])
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + ["Visi:", "“Batu Sejahtera”", "Misi:",
                                                                  f"1. {MISSIONS[0]}"]), masterplan).region.masterplan
    assert _shape(plan, "vision", "mission") == [
        ("SV", "Batu Smart City, Kota Wisata Cerdas Berkelanjutan", (), 1.0),
        ("SM1", "Mewujudkan layanan pemerintahan digital", ("SV",), 1.0),
        ("SM2", "Mengembangkan ekonomi pariwisata digital", ("SV",), 1.0),
        ("SM3", "Mewujudkan lingkungan kota yang lestari", ("SV",), 1.0)]


# -- F100, F116: missions under a label alone on its line, by ordinal words, by "i.", "ii."


@pytest.mark.parametrize("lines", [
    ["Misi 1", MISSIONS[0], "Misi 2", MISSIONS[1], "Misi 3", MISSIONS[2]],
    ["Misi Pertama", MISSIONS[0], "Misi Kedua", MISSIONS[1], "Misi Ketiga", MISSIONS[2]],
    [f"Pertama, {MISSIONS[0].lower()}", f"Kedua, {MISSIONS[1].lower()}", f"Ketiga, {MISSIONS[2].lower()}"],
    [f"Kesatu: {MISSIONS[0]}", f"Kedua: {MISSIONS[1]}", f"Ketiga: {MISSIONS[2]}"],
    [f"i. {MISSIONS[0]};", f"ii. {MISSIONS[1]};", f"iii. {MISSIONS[2]};"]])
def test_missions_numbered_otherwise_are_read_and_their_targets_placed(tmp_path: Path, lines: list[str]) -> None:
    """ "Misi 1" over its statement, "Pertama, ...", "Kesatu: ...", "i." ... "iii.": M1..M3, and
    "Sasaran 1.1", "Sasaran 3.1" under M1 and M3."""
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + ["4.1 Visi", "“Batu Sejahtera”", "4.2 Misi", *lines,
                                                                  "4.3 Sasaran", "Sasaran 1.1: Meningkatnya indeks SPBE",
                                                                  "Sasaran 3.1: Meningkatnya IKLH"])).region.rpjmd
    assert _shape(plan, "mission", "target") == [
        ("M1", MISSIONS[0], ("V",), 1.0), ("M2", MISSIONS[1], ("V",), 1.0), ("M3", MISSIONS[2], ("V",), 1.0),
        ("S1.1", "Meningkatnya indeks SPBE", ("M1",), 1.0), ("S3.1", "Meningkatnya IKLH", ("M3",), 1.0)]


def test_a_target_whose_number_names_a_mission_not_read_is_not_placed_under_the_vision(tmp_path: Path) -> None:
    """ "Sasaran 1.1" when no mission 1 was read: said not placed and doubted, naming the mission
    its number names, never put under the vision at full confidence."""
    draft = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + [
        "4.1 Visi", "“Batu Sejahtera”", "4.2 Misi", "Misi ini dimaksudkan untuk memperbaiki birokrasi.",
        "4.3 Sasaran", "Sasaran 1.1: Meningkatnya indeks SPBE"]))
    (target,) = draft.region.rpjmd.at("target")
    assert target.parents == () and target.confidence.reasons == (
        "its number 1.1 names mission 1, which the draft did not read",)
    assert any("1 target under no mission" in note for note in draft.unplaced)


# -- F99: "VISI | MISI" with the numbered missions as paragraphs of one cell


def test_numbered_missions_in_one_cell_of_a_visi_misi_table_are_each_a_mission(tmp_path: Path) -> None:
    """A "VISI | MISI" table whose mission cell holds "1. ...", "2. ...", "3. ..." as paragraphs: M1..M3
    (was one mission holding all three), the vision without its quotation marks."""
    document = docx_document(HEAD + [[["VISI", "MISI"], ["“Batu Sejahtera”", f"1. {MISSIONS[0]}"]]])
    cell = document.tables[0].cell(1, 1)
    for k, statement in enumerate(MISSIONS[1:], 2):
        cell.add_paragraph(f"{k}. {statement}")
    document.add_paragraph("Sasaran 2.1: Meningkatnya kunjungan wisatawan")
    plan = _draft(tmp_path, save(document, tmp_path / "rpjmd.docx")).region.rpjmd
    assert _shape(plan, "vision", "mission", "target") == [
        ("V", "Batu Sejahtera", (), 1.0), ("M1", MISSIONS[0], ("V",), 1.0), ("M2", MISSIONS[1], ("V",), 1.0),
        ("M3", MISSIONS[2], ("V",), 1.0), ("S2.1", "Meningkatnya kunjungan wisatawan", ("M2",), 1.0)]


# -- F97: a program table in long form


def test_a_table_with_a_row_per_program_and_year_sums_the_years(tmp_path: Path) -> None:
    """A SIPD export with one row per program and year ("Tahun" | "Pagu Indikatif"): each budget is
    the sum of its years, kept per year, at full confidence (equal years were read as one)."""
    rows = ["RPJMD KOTA KEDIRI TAHUN 2025-2029", "(dalam rupiah)",
            "Misi;Sasaran;Kode Program;Nama Program;Tahun;Pagu Indikatif;Perangkat Daerah"]
    for year, first in zip(range(2025, 2030), (1_250, 1_300, 1_350, 1_400, 1_450)):
        rows.append(f"Misi 1;Meningkatnya indeks SPBE;2.16.03;Program Pengelolaan Aplikasi Informatika;{year};"
                    f"{first}.000.000;Diskominfo")
    for year in range(2025, 2030):
        rows.append(f"Misi 1;Meningkatnya kunjungan wisata;3.26.03;Program Pemasaran Pariwisata;{year};500.000.000;Dispar")
    path = tmp_path / "sipd.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    plan = _draft(tmp_path, path).region.rpjmd
    programs = plan.at("program")
    assert [(p.code, p.budget, p.confidence) for p in programs] == [
        ("2.16.03", 6_750_000_000, None), ("3.26.03", 2_500_000_000, None)]
    assert [year for year, _ in programs[1].provenance.budget_by_year] == ["2025", "2026", "2027", "2028", "2029"]


# -- F120: footnote markers and odd cells in pagu columns


def test_pagu_cells_with_footnote_markers_are_read_and_odd_cells_said(tmp_path: Path) -> None:
    """ "1.250*)", "2.500¹", "2.500 **", "1.250 (APBD)" are figures (the marker is no digit); "TBD",
    "12%" and a cell of two figures are doubted with the cell quoted; "(2.500)" is below zero and doubted."""
    cells = [["1.250*)", "1.300", "1.350", "1.400", "1.450"], ["2.500¹", "2.500", "2.500", "2.500", "2.500 **"],
             ["1.250 (APBD)", "1.000", "1.000", "1.000", "1.000"], ["TBD", "1.000", "1.000", "1.000", "1.000"],
             ["(2.500)", "2.500", "2.500", "2.500", "2.500"]]
    codes = ["2.16.03", "3.26.03", "2.16.02", "2.20.02", "3.26.02"]
    names = ["Program Pengelolaan Aplikasi Informatika", "Program Pemasaran Pariwisata",
             "Program Pengelolaan Informasi dan Komunikasi Publik", "Program Penyelenggaraan Statistik Sektoral",
             "Program Peningkatan Daya Tarik Destinasi Pariwisata"]
    rows = [["Sasaran", "Kode", "Program"] + [f"Pagu {y}" for y in range(2025, 2030)] + ["Perangkat Daerah"]]
    rows += [["Meningkatnya indeks SPBE", code, name, *row, "Diskominfo"] for code, name, row in zip(codes, names, cells)]
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + [
        "4.1 Visi", "“Batu Sejahtera”", "4.2 Misi", f"1. {MISSIONS[0]}", "BAB VII PROGRAM PRIORITAS",
        "Tabel 7.1 Program Prioritas (dalam juta rupiah)", rows])).region.rpjmd
    got = {p.code: (p.budget, p.confidence.reasons if p.confidence else ()) for p in plan.at("program")}
    assert got["2.16.03"] == (6_750_000_000, ())
    assert got["3.26.03"] == (12_500_000_000, ())
    assert got["2.16.02"] == (5_250_000_000, ())
    assert got["2.20.02"][0] == 4_000_000_000 and \
        'a pagu cell reads "TBD", not a figure: left out of the budget, check it' in got["2.20.02"][1]
    assert got["3.26.02"][0] == 10_000_000_000 and \
        'a pagu cell reads "(2.500)", below zero: left out of the budget, check it' in got["3.26.02"][1]


# -- F114: the RPJMD quoted, then the masterplan's own under the same heading


@pytest.mark.parametrize("lead_in", ["Selaras dengan visi dan misi tersebut, visi smart city Kota Batu adalah:",
                                     "Visi smart city Kota Batu dirumuskan selaras dengan visi RPJMD, yaitu:"])
def test_the_masterplans_own_vision_after_the_rpjmd_quoted_is_read(tmp_path: Path, lead_in: str) -> None:
    """Under one heading, the RPJMD's vision and missions quoted, then "... visi smart city Kota Batu
    adalah:" and "Misi smart city Kota Batu adalah:": the quotation ends there, and the masterplan's
    own vision and missions are drafted (they were lost silently)."""
    masterplan = write_docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA BATU 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "Visi RPJMD Kota Batu Tahun 2025-2029 adalah:", "“Batu Kota Wisata yang Cerdas dan Sejahtera”", "dengan misi:",
        f"1. {MISSIONS[0]}", f"2. {MISSIONS[1]}", lead_in, "“Batu Smart City: Kota Wisata Cerdas Berkelanjutan”",
        "Misi smart city Kota Batu adalah:", "1. Mewujudkan layanan pemerintahan digital",
        "2. Mengembangkan ekonomi pariwisata digital", "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance",
        "1. Satu data Batu"])
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + ["Visi:", "“Batu Sejahtera”", "Misi:",
                                                                  f"1. {MISSIONS[0]}"]), masterplan).region.masterplan
    assert _shape(plan, "vision", "mission") == [
        ("SV", "Batu Smart City: Kota Wisata Cerdas Berkelanjutan", (), 1.0),
        ("SM1", "Mewujudkan layanan pemerintahan digital", ("SV",), 1.0),
        ("SM2", "Mengembangkan ekonomi pariwisata digital", ("SV",), 1.0)]


def test_a_group_row_alone_before_a_table_caption_is_no_label_of_the_caption(tmp_path: Path) -> None:
    """In the program chapter, a group row "Sasaran 1.1" left on its own line after a page's table,
    then the caption "Tabel 7.1 ..." repeated over the next page: the caption is no target
    (layout fuzzer seed 131, Word)."""
    header = ["Kode", "Program", "Pagu 2025 (Rp)"]
    plan = _draft(tmp_path, write_docx(tmp_path / "rpjmd.docx", HEAD + [
        "4.1 Visi", "“Batu Sejahtera”", "4.2 Misi", f"1. {MISSIONS[0]}", "4.3 Sasaran",
        "Sasaran 1.1: Meningkatnya indeks SPBE", "BAB VII PROGRAM PRIORITAS", "Tabel 7.1 Program Prioritas",
        [header, ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.000.000.000"]], "Sasaran 1.1",
        "Tabel 7.1 Program Prioritas", [header, ["2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik",
                                                 "2.000.000.000"]]])).region.rpjmd
    assert [t.text for t in plan.at("target")] == ["Meningkatnya indeks SPBE"]
