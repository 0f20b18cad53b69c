"""Documents written apart from the project (issue 24, newuser round 4): each test builds the
Word document a planner had (python-docx, as the findings' scripts did), drafts it and asserts
what the planner relies on: the right figure or a doubted one, the missions as numbered or
bulleted, the right parents or none, the region's kind and name from the title."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import docx_document, save, word_table, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


MASTERPLAN = ["BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City", "“Kota cerdas dan melayani”",
              "3.2 Misi Smart City", "1. Mewujudkan layanan publik digital", "BAB IV RENCANA PROGRAM",
              "4.1 Smart Governance", "1. Aplikasi layanan terpadu"]


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", MASTERPLAN)


def _save(document, folder: Path, name: str = "rpjmd.docx") -> Path:
    return save(document, folder / name)


def _draft(folder: Path, rpjmd: Path, masterplan: Path | None = None, **options):
    options.setdefault("rpjmd_period", (2021, 2026))
    options.setdefault("masterplan_period", (2022, 2031))
    return draft_region(rpjmd=rpjmd, masterplan=masterplan or _masterplan(folder), **options)


def _other_checks(draft) -> tuple[str, ...]:
    """The check lines but the one saying the RPJMD has no program (these RPJMDs are a chapter
    without programs on purpose; newuser F206)."""
    return tuple(c for c in draft.checks if not c.startswith(("RPJMD: no program read", "RPJMD: tidak ada program terbaca")))


def _vision_mission(document, missions=("1. Mewujudkan tata kelola pemerintahan yang bersih",
                                        "2. Meningkatkan kualitas pelayanan kesehatan")) -> None:
    for line in ["BAB IV VISI DAN MISI", "Visi", "“Terwujudnya Klaten yang Maju dan Mandiri”", "Misi", *missions]:
        document.add_paragraph(line)


# -- F72: a baseline column named by a year is no pagu year


def test_a_kondisi_awal_year_column_is_not_read_as_pagu(tmp_path: Path) -> None:
    """A "Kondisi Awal 2020" column (an indicator's baseline: "2,5", "5 juta") beside the yearly
    pagu "Tahun ke-1..5" in thousands leaves the budgets the sum of the five years, at full
    confidence, and no 2020 in the years kept."""
    document = docx_document()
    _vision_mission(document)
    document.add_paragraph("BAB VI STRATEGI, ARAH KEBIJAKAN DAN PROGRAM PEMBANGUNAN DAERAH")
    document.add_paragraph("Tabel 6.3 Program Pembangunan Daerah yang Disertai Pagu Indikatif (dalam ribuan rupiah)")
    word_table(document, [
        ["Sasaran", "Kode", "Program", "Kondisi Awal 2020", "Realisasi 2020 (Rp)", "Pagu Indikatif Tahun ke-1",
         "Tahun ke-2", "Tahun ke-3", "Tahun ke-4", "Tahun ke-5", "Perangkat Daerah"],
        ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "2,5", "1.800.000",
         "2.000.000", "2.100.000", "2.200.000", "2.300.000", "2.400.000", "Dinas Kominfo"],
        ["Meningkatnya kunjungan wisatawan", "3.26.03", "Program Pemasaran Pariwisata", "5 juta", "3.000.000",
         "3.500.000", "3.500.000", "3.500.000", "3.500.000", "3.500.000", "Dinas Pariwisata"],
        ["JUMLAH", "", "", "", "", "5.500.000", "5.600.000", "5.700.000", "5.800.000", "5.900.000", ""]])
    plan = _draft(tmp_path, _save(document, tmp_path)).region.rpjmd
    programs = {p.code: p for p in plan.at("program")}
    assert [(c, p.budget, p.confidence) for c, p in programs.items()] == [
        ("2.16.03", 11_000_000_000, None), ("3.26.03", 17_500_000_000, None)]
    assert [year for year, _ in programs["2.16.03"].provenance.budget_by_year] == \
        ["ke-1", "ke-2", "ke-3", "ke-4", "ke-5"]


def test_a_budget_of_zero_read_from_pagu_cells_is_doubted(tmp_path: Path) -> None:
    """Pagu cells that add up to Rp 0 give a budget of 0 at a confidence below 1, with the
    reason (a figure is right, or it is doubted)."""
    document = docx_document()
    _vision_mission(document)
    document.add_paragraph("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS")
    word_table(document, [["Sasaran", "Kode", "Program", "Pagu 2022 (Rp)", "Pagu 2023 (Rp)"],
                      ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "0", "0"],
                      ["Meningkatnya indeks SPBE", "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik",
                       "1.000.000.000", "1.000.000.000"]])
    plan = _draft(tmp_path, _save(document, tmp_path)).region.rpjmd
    zero, other = plan.at("program")
    assert zero.budget == 0 and zero.confidence is not None and zero.confidence.score <= 0.5
    assert any("Rp 0" in reason for reason in zero.confidence.reasons)
    assert other.budget == 2_000_000_000 and other.confidence is None


# -- F77: the Permendagri 86/2017 table T-C.27 with "Tahun-1".."Tahun-5"


def _tc27(folder: Path, year: str = "Tahun-{i}") -> Path:
    document = docx_document()
    document.add_paragraph("RPJMD KABUPATEN KLATEN TAHUN 2021-2026")
    _vision_mission(document)
    document.add_paragraph("BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH")
    document.add_paragraph("Tabel 7.3 Indikasi Rencana Program Prioritas yang Disertai Kebutuhan Pendanaan "
                           "(dalam juta rupiah)")
    top = ["Sasaran", "Kode", "Program", "Indikator Kinerja Program", "Kondisi Kinerja Awal RPJMD (Tahun 0)"] + \
        ["Capaian Kinerja Program dan Kerangka Pendanaan"] * 10 + ["Kondisi Kinerja pada Akhir Periode RPJMD"] * 2 + \
        ["Perangkat Daerah Penanggung Jawab"]
    middle = [""] * 5 + [year.format(i=i) for i in range(1, 6) for _ in (0, 1)] + [""] * 3
    low = [""] * 5 + ["Target", "Rp"] * 6 + [""]
    rows = [top, middle, low, [f"({i})" for i in range(1, 19)],
            ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "Indeks SPBE", "2,6",
             "2,8", "1.250", "3,0", "1.300", "3,2", "1.350", "3,4", "1.400", "3,6", "1.450", "3,6", "6.750", "Diskominfo"],
            ["Meningkatnya derajat kesehatan", "1.02.02",
             "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "Angka harapan hidup",
             "76,1", "76,2", "45.000", "76,3", "47.500", "76,4", "50.000", "76,5", "52.500", "76,6", "55.000", "76,6",
             "250.000", "Dinas Kesehatan"]]
    table = word_table(document, rows)

    def merge(r0: int, c0: int, r1: int, c1: int, text: str) -> None:
        table.cell(r0, c0).merge(table.cell(r1, c1)).text = text
    merge(0, 5, 0, 14, top[5])
    merge(0, 15, 1, 16, top[15])
    for c in range(5):
        merge(0, c, 2, c, top[c])
    merge(0, 17, 2, 17, top[17])
    for k in range(5):
        merge(1, 5 + 2 * k, 1, 6 + 2 * k, year.format(i=k + 1))
    return _save(document, folder)


@pytest.mark.parametrize("year", ["Tahun-{i}", "Tahun ke-{i}"])
def test_the_tc27_table_reads_the_yearly_rp_under_tahun_n(tmp_path: Path, year: str) -> None:
    """T-C.27 with year headers "Tahun-1".."Tahun-5", each over Target | Rp: the budget is the
    sum of the five Rp columns (which the end-of-period Rp confirms), never the end-of-period
    Target (3,6 read as juta), and each year is kept."""
    plan = _draft(tmp_path, _tc27(tmp_path, year)).region.rpjmd
    programs = plan.at("program")
    assert [(p.code, p.budget, p.confidence) for p in programs] == [
        ("2.16.03", 6_750_000_000, None), ("1.02.02", 250_000_000_000, None)]
    assert programs[0].provenance.budget_by_year == (
        ("ke-1", 1_250_000_000), ("ke-2", 1_300_000_000), ("ke-3", 1_350_000_000), ("ke-4", 1_400_000_000),
        ("ke-5", 1_450_000_000))


# -- F84, F85: missions numbered with ordinal words, or typed as bullets


def _missions_doc(folder: Path, missions: list[str], table: bool = True) -> Path:
    document = docx_document()
    for line in ["RPJMD KABUPATEN MAROS TAHUN 2021-2026", "BAB IV VISI DAN MISI", "4.1 Visi",
                 "“Maros yang Maju, Mandiri dan Berdaya Saing”", "4.2 Misi", *missions]:
        document.add_paragraph(line)
    if table:
        document.add_paragraph("BAB V TUJUAN DAN SASARAN")
        word_table(document, [["Misi", "Tujuan", "Sasaran", "Indikator"],
                          ["Misi 2", "Tujuan 2.1 Meningkatnya pertumbuhan ekonomi",
                           "Sasaran 2.1.1 Meningkatnya PDRB per kapita", "PDRB"],
                          ["Misi 1", "Tujuan 1.1 Meningkatnya akuntabilitas", "Sasaran 1.1.1 Meningkatnya nilai SAKIP",
                           "Nilai SAKIP"]])
    return _save(document, folder)


STATEMENTS = ["Mewujudkan pemerintahan yang bersih", "Meningkatkan ekonomi daerah"]


def test_missions_numbered_with_ordinal_words_are_read_and_the_table_refers_to_them(tmp_path: Path) -> None:
    """ "Misi pertama: ...", "Misi kedua: ..." are M1 and M2 with their statements; the table's
    "Misi 2" cell places Tujuan 2.1 under M2 (a reference, never a mission with the text "Misi 2")."""
    path = _missions_doc(tmp_path, ["Misi pertama: Mewujudkan pemerintahan yang bersih",
                                    "Misi kedua: Meningkatkan ekonomi daerah"])
    draft = _draft(tmp_path, path)
    plan = draft.region.rpjmd
    assert [(m.id, m.text, m.confidence) for m in plan.at("mission")] == [
        ("M1", STATEMENTS[0], None), ("M2", STATEMENTS[1], None)]
    assert [(g.id, g.parents) for g in plan.at("goal")] == [("T2.1", ("M2",)), ("T1.1", ("M1",))]
    assert draft.unplaced == ()


@pytest.mark.parametrize("bullet", ["• ", "- ", "* ", "– "])
def test_missions_typed_as_bullets_are_read_in_order(tmp_path: Path, bullet: str) -> None:
    """Missions typed as bullets under "4.2 Misi" are M1, M2 in order (the table's "Misi 2"
    refers to the second)."""
    draft = _draft(tmp_path, _missions_doc(tmp_path, [bullet + text for text in STATEMENTS]))
    plan = draft.region.rpjmd
    assert [(m.id, m.text) for m in plan.at("mission")] == [("M1", STATEMENTS[0]), ("M2", STATEMENTS[1])]
    assert [(g.id, g.parents) for g in plan.at("goal")] == [("T2.1", ("M2",)), ("T1.1", ("M1",))]


def test_bullets_under_a_numbered_mission_are_its_sub_points(tmp_path: Path) -> None:
    """A bullet under a numbered mission is no mission of its own: it is kept in that mission's
    text as a sub-point ("...: Reformasi birokrasi; Pelayanan publik digital"), never lost."""
    draft = _draft(tmp_path, _missions_doc(tmp_path, [
        "1. Mewujudkan pemerintahan yang bersih", "- Reformasi birokrasi", "- Pelayanan publik digital",
        "2. Meningkatkan ekonomi daerah"], table=False))
    assert [(m.id, m.text, m.confidence) for m in draft.region.rpjmd.at("mission")] == [
        ("M1", STATEMENTS[0] + ": Reformasi birokrasi; Pelayanan publik digital", None), ("M2", STATEMENTS[1], None)]
    assert _other_checks(draft) == ()


def test_masterplan_programs_typed_as_bullets_under_a_dimension_are_read(tmp_path: Path) -> None:
    """ "- Aplikasi layanan desa" under "Dimensi Smart Governance" is a program of that dimension."""
    document = docx_document()
    for line in ["MASTERPLAN SMART CITY KABUPATEN MAROS 2022-2031", "BAB III VISI DAN MISI SMART CITY",
                 "3.1 Visi Smart City", "“Maros Smart Regency”", "BAB IV PROGRAM SMART CITY",
                 "Dimensi Smart Governance", "- Aplikasi layanan desa", "- Satu data Maros",
                 "Dimensi Smart Economy", "• Pasar daring UMKM"]:
        document.add_paragraph(line)
    masterplan = _save(document, tmp_path, "masterplan.docx")
    rpjmd = _missions_doc(tmp_path, ["1. " + STATEMENTS[0]], table=False)
    plan = _draft(tmp_path, rpjmd, masterplan).region.masterplan
    assert [(p.text, p.dimension.value) for p in plan.at("program")] == [
        ("Aplikasi layanan desa", "governance"), ("Satu data Maros", "governance"), ("Pasar daring UMKM", "economy")]


def test_lines_under_a_mission_heading_that_give_no_mission_are_said(tmp_path: Path) -> None:
    """Lines under "4.2 Misi" of which no mission is read (sentences about the missions) are a
    check line naming the heading and its page, never a clean draft."""
    draft = _draft(tmp_path, _missions_doc(tmp_path, [
        "Misi ini dimaksudkan untuk memperbaiki birokrasi daerah.", "Hal itu diharapkan tercapai pada 2026."],
        table=False))
    assert draft.region.rpjmd.at("mission") == ()
    (check,) = _other_checks(draft)
    assert check.startswith('RPJMD: 2 line(s) under "4.2 Misi" (') and 'rpjmd.docx p. 1) read as no mission' in check


# -- F73: a Misi | Tujuan | Sasaran table with no indicator column; no parent guessed


def _goals_table_doc(folder: Path, goals_table: bool) -> Path:
    document = docx_document()
    _vision_mission(document, ("1. Mewujudkan tata kelola pemerintahan yang inovatif",
                               "2. Meningkatkan perekonomian daerah", "3. Meningkatkan kualitas SDM"))
    document.add_paragraph("BAB V TUJUAN DAN SASARAN")
    if goals_table:
        word_table(document, [["Misi", "Tujuan", "Sasaran"],
                          ["Misi 1", "Tujuan 1.1 Meningkatnya kualitas tata kelola", "Sasaran 1.1.1 Meningkatnya indeks SPBE"],
                          ["Misi 2", "Tujuan 2.1 Meningkatnya pertumbuhan ekonomi",
                           "Sasaran 2.1.1 Meningkatnya kunjungan wisatawan"]])
    document.add_paragraph("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS")
    word_table(document, [["Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"],
                      ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.000.000.000"],
                      ["Meningkatnya kunjungan wisatawan", "3.26.03", "Program Pemasaran Pariwisata", "2.000.000.000"]])
    return _save(document, folder)


def test_a_misi_tujuan_sasaran_table_without_indicators_is_read(tmp_path: Path) -> None:
    """A table "Misi | Tujuan | Sasaran" (no indicator column) gives its goals and targets under
    the missions its cells name; the program table's targets are those targets."""
    plan = _draft(tmp_path, _goals_table_doc(tmp_path, True)).region.rpjmd
    assert [(e.id, e.parents, e.confidence) for e in plan.at("goal") + plan.at("target")] == [
        ("T1.1", ("M1",), None), ("T2.1", ("M2",), None), ("S1.1.1", ("T1.1",), None), ("S2.1.1", ("T2.1",), None)]
    assert [p.parents for p in plan.at("program")] == [("S1.1.1",), ("S2.1.1",)]


def test_targets_of_a_table_naming_no_mission_are_not_hung_under_the_last_mission(tmp_path: Path) -> None:
    """Targets read from a program table that names no goal or mission, in a plan of several
    missions, are left unplaced and doubted, said in the notes (never under the last mission)."""
    draft = _draft(tmp_path, _goals_table_doc(tmp_path, False))
    targets = draft.region.rpjmd.at("target")
    assert [(t.parents, t.confidence.score if t.confidence else 1.0) for t in targets] == [((), 0.6), ((), 0.6)]
    assert any("2 targets under no mission" in note for note in draft.unplaced)


# -- F75: a SIPD urusan/bidang row is no program


@pytest.mark.parametrize("own_line", [False, True])
def test_a_sipd_urusan_row_without_a_program_code_is_no_program(tmp_path: Path, own_line: bool) -> None:
    """In a SIPD-like workbook with kode urusan / kode bidang / kode program columns, the row
    "2" | "16" | "" | "URUSAN KOMUNIKASI DAN INFORMATIKA" with no pagu is no program (and no code
    is proposed for it); its mission, goal and target cells are read; the programs below get
    their codes and budgets."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["RPJMD KOTA CIMAHI TAHUN 2022-2027"])
    sheet.append(["Indikasi Rencana Program Prioritas (dalam ribuan rupiah)"])
    sheet.append(["Misi", "Tujuan", "Sasaran", "Kode Urusan", "Kode Bidang", "Kode Program", "Program",
                  "Target 2023", "Rp 2023", "Target 2024", "Rp 2024", "Perangkat Daerah"])
    hierarchy = ["Misi 1: Mewujudkan pemerintahan digital", "Tujuan 1.1: Meningkatnya akuntabilitas",
                 "Sasaran 1.1.1: Meningkatnya indeks SPBE"]
    urusan = ["2", "16", "", "URUSAN KOMUNIKASI DAN INFORMATIKA", "", "", "", "", ""]
    if own_line:
        sheet.append([None, None, None] + urusan)
        sheet.append(hierarchy + ["2", "16", "03", "Program Pengelolaan Aplikasi Informatika", "3,1", 1500000, "3,3",
                                  1600000, "Diskominfo"])
    else:
        sheet.append(hierarchy + urusan)
        sheet.append([None, None, None, "2", "16", "03", "Program Pengelolaan Aplikasi Informatika", "3,1", 1500000,
                      "3,3", 1600000, "Diskominfo"])
    sheet.append([None, None, None, "2", "16", "02", "Program Pengelolaan Informasi dan Komunikasi Publik", "70",
                  500000, "72", 500000, "Diskominfo"])
    path = tmp_path / "sipd.xlsx"
    book.save(path)
    draft = _draft(tmp_path, path, rpjmd_period=None)
    plan = draft.region.rpjmd
    assert [(p.code, p.text, p.budget, p.parents) for p in plan.at("program")] == [
        ("2.16.03", "Program Pengelolaan Aplikasi Informatika", 3_100_000_000, ("S1.1.1",)),
        ("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", 1_000_000_000, ("S1.1.1",))]
    assert [e.id for e in plan.elements] == ["M1", "T1.1", "S1.1.1", "P1", "P2"]
    assert not any("URUSAN" in check for check in draft.checks)


# -- F82: the region's kind and name from the RPJMD's title


def _titled(folder: Path, title: str | None) -> Path:
    document = docx_document()
    if title:
        document.add_paragraph(title)
    _vision_mission(document)
    return _save(document, folder)


def test_the_kind_and_name_come_from_the_rpjmd_title(tmp_path: Path) -> None:
    """ "RPJMD KABUPATEN GOWA TAHUN 2021-2026" drafted without a kind or a name gives a
    kabupaten named "Kabupaten Gowa" (not a kota named after the id), with no check line."""
    draft = _draft(tmp_path, _titled(tmp_path, "RPJMD KABUPATEN GOWA TAHUN 2021-2026"), id="gowa")
    region = draft.region
    assert (region.id, region.name, region.kind.value) == ("gowa", "Kabupaten Gowa", "kabupaten")
    assert _other_checks(draft) == ()


def test_a_kind_given_that_the_title_contradicts_is_kept_and_said(tmp_path: Path) -> None:
    """kind="kota" for a document titled KABUPATEN GOWA is written as given, and a check line
    says what the title names."""
    draft = _draft(tmp_path, _titled(tmp_path, "RPJMD KABUPATEN GOWA TAHUN 2021-2026"), id="gowa", kind="kota",
                   name="Gowa")
    assert (draft.region.name, draft.region.kind.value) == ("Gowa", "kota")
    assert _other_checks(draft) == ('the title "RPJMD KABUPATEN GOWA TAHUN 2021-2026" names Kabupaten Gowa, a kabupaten '
                            '(regency); the region is written as a kota (city) (--kind)',)


def test_with_no_title_the_region_is_a_kota_named_by_its_id(tmp_path: Path) -> None:
    """Documents that name no region leave the documented defaults: kota, the name the id."""
    region = _draft(tmp_path, _titled(tmp_path, None), id="x").region
    assert (region.name, region.kind.value) == ("x", "kota")


# -- F60: the RPJMD's vision quoted in a masterplan under a lead-in sentence naming the RPJMD


def test_an_rpjmd_vision_quoted_under_a_lead_in_naming_the_rpjmd_is_no_masterplan_vision(tmp_path: Path) -> None:
    """In a masterplan, "Visi RPJMD Kabupaten Sleman adalah:" and "Misi RPJMD ... sebagai
    berikut:" with the quote and list after them (no heading naming the RPJMD) are a quotation:
    the masterplan has one vision, its own, and its missions hang under it."""
    document = docx_document()
    for line in ["MASTERPLAN SMART CITY KABUPATEN SLEMAN TAHUN 2022-2031", "BAB II KEBIJAKAN PEMBANGUNAN DAERAH",
                 "Visi RPJMD Kabupaten Sleman adalah:", "“Terwujudnya Masyarakat Sleman yang Lebih Sejahtera”",
                 "Misi RPJMD Kabupaten Sleman adalah sebagai berikut:", "1. Meningkatkan tata kelola pemerintahan",
                 "BAB IV VISI DAN MISI SMART CITY", "4.1 Visi Smart City",
                 "“Sleman Smart Regency: Masyarakat Sejahtera”", "4.2 Misi Smart City",
                 "1. Mewujudkan tata kelola pemerintahan digital", "2. Mengembangkan ekonomi digital bagi UMKM",
                 "BAB V PROGRAM PENGEMBANGAN SMART CITY", "Dimensi Smart Governance", "1. Pusat data Sleman"]:
        document.add_paragraph(line)
    masterplan = _save(document, tmp_path, "masterplan.docx")
    draft = _draft(tmp_path, _titled(tmp_path, None), masterplan)
    plan = draft.region.masterplan
    assert [(e.id, e.text, e.parents) for e in plan.at("vision") + plan.at("mission")] == [
        ("SV", "Sleman Smart Regency: Masyarakat Sejahtera", ()),
        ("SM1", "Mewujudkan tata kelola pemerintahan digital", ("SV",)),
        ("SM2", "Mengembangkan ekonomi digital bagi UMKM", ("SV",))]
    assert _other_checks(draft) == ()
