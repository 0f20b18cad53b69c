"""Wrong figures of newuser round 6 in program tables (F125 onwards): rows a table groups its
programs by, sub-total rows, road-map tables, English money units, a file name with control
characters. Each test builds the planner's document as the finding's script did and asserts the
program, figure or agency the planner relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import draft_region  # noqa: E402

HEADER = ["No", "Sasaran", "Kode", "Program", "2025", "2026", "2027", "2028", "2029", "Total"]
P1 = ["1", "Sasaran 1.1.1", "2.16.03", "Program Pengelolaan Aplikasi Informatika",
      "1.250", "1.300", "1.350", "1.400", "1.450", "6.750"]
P2 = ["2", "Sasaran 1.1.1", "2.16.02", "Program Informasi dan Komunikasi Publik", "500", "500", "500", "500", "500",
      "2.500"]
P3 = ["3", "Sasaran 2.1.1", "3.26.03", "Program Pemasaran Pariwisata", "2.500", "2.500", "2.500", "2.500", "2.500",
      "12.500"]
P4 = ["4", "Sasaran 3.1.1", "1.02.02",
      "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
      "10.000", "11.000", "12.000", "13.000", "14.000", "60.000"]


def _table(document, rows: list[list[str]]) -> None:
    """A ruled table; a row given as one string is a group row merged across the table (or, as
    ``(column, text)``, typed in that one cell)."""
    width = len(rows[0])
    grid = document.add_table(rows=len(rows), cols=width)
    grid.style = "Table Grid"
    for i, row in enumerate(rows):
        if isinstance(row, str):
            merged = grid.cell(i, 0).merge(grid.cell(i, width - 1))
            merged.text = row
        elif isinstance(row, tuple):
            grid.cell(i, row[0]).text = row[1]
        else:
            for j, value in enumerate(row):
                if value:
                    grid.cell(i, j).text = value


def _rpjmd(folder: Path, rows: list, caption: str = "Tabel 7.1 Indikasi Rencana Program Prioritas "
           "(dalam juta rupiah)", name: str = "rpjmd.docx") -> Path:
    document = docx.Document()
    for text in ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi",
                 "“Pasuruan Maju, Religius dan Berdaya Saing”", "5.2 Misi",
                 "1. Mewujudkan tata kelola pemerintahan yang bersih dan berbasis digital",
                 "2. Meningkatkan daya saing ekonomi daerah berbasis UMKM dan pariwisata",
                 "3. Meningkatkan kualitas pelayanan kesehatan dan pendidikan", "5.3 Tujuan dan Sasaran"]:
        document.add_paragraph(text)
    _table(document, [["Misi", "Tujuan", "Sasaran"],
                      ["Misi 1", "Tujuan 1.1 Meningkatnya kualitas tata kelola", "Sasaran 1.1.1 Meningkatnya indeks SPBE"],
                      ["Misi 2", "Tujuan 2.1 Meningkatnya pertumbuhan ekonomi",
                       "Sasaran 2.1.1 Meningkatnya kunjungan wisata"],
                      ["Misi 3", "Tujuan 3.1 Meningkatnya derajat kesehatan",
                       "Sasaran 3.1.1 Meningkatnya kualitas layanan kesehatan"]])
    document.add_paragraph("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN")
    document.add_paragraph(caption)
    _table(document, rows)
    path = folder / name
    document.save(path)
    return path


def _masterplan(folder: Path, items: list | None = None, name: str = "masterplan.docx") -> Path:
    document = docx.Document()
    for text in ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
                 "3.1 Visi Smart City", "“Pasuruan Smart City yang Melayani”", "3.2 Misi Smart City",
                 "1. Mewujudkan tata kelola pemerintahan berbasis digital"]:
        document.add_paragraph(text)
    for item in items if items is not None else ["BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance",
                                                 "1. Satu data Pasuruan"]:
        if isinstance(item, str):
            document.add_paragraph(item)
        else:
            _table(document, item)
    path = folder / name
    document.save(path)
    return path


def _draft(rpjmd: Path, masterplan: Path):
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def _programs(plan) -> list[tuple]:
    return [(e.code, e.budget, e.agency, e.confidence.score if e.confidence else 1.0) for e in plan.at("program")]


# -- F125, F126: group rows naming the agency of the programs below


@pytest.mark.parametrize("label", ["Perangkat Daerah: ", "OPD: ", "SKPD : ", "Pelaksana: "])
@pytest.mark.parametrize("where", ["merged", "no", "program"])
def test_agency_group_rows_name_the_agency_of_the_programs_below(tmp_path: Path, label: str, where: str) -> None:
    """ "Perangkat Daerah: Dinas ..." (or "OPD:", "SKPD :", "Pelaksana:") over the program rows,
    merged across the table or typed in the No or Program cell only: every program is read, with
    its figures, and its agency is the group's (never a row number, never a lost table)."""
    def group(name: str):
        text = label + name
        return text if where == "merged" else (0 if where == "no" else 3, text)
    rows = [HEADER, group("Dinas Komunikasi dan Informatika"), P1, P2, group("Dinas Kebudayaan dan Pariwisata"), P3,
            group("Dinas Kesehatan"), P4]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert _programs(draft.region.rpjmd) == [
        ("2.16.03", 6_750_000_000, "Dinas Komunikasi dan Informatika", 1.0),
        ("2.16.02", 2_500_000_000, "Dinas Komunikasi dan Informatika", 1.0),
        ("3.26.03", 12_500_000_000, "Dinas Kebudayaan dan Pariwisata", 1.0),
        ("1.02.02", 60_000_000_000, "Dinas Kesehatan", 1.0)]


# -- F127: an urusan/bidang row between the programs of a SIPD export


SIPD = """RPJMD KOTA PASURUAN TAHUN 2025-2029
(dalam ribuan rupiah)
Kode Urusan;Kode Bidang Urusan;Kode Program;Nama Program;Indikator Program;Pagu Tahun 2025;Pagu Tahun 2026;\
Pagu Tahun 2027;Pagu Tahun 2028;Pagu Tahun 2029;Nama SKPD
2;16;;URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA;;;;;;;
2;16;03;PROGRAM PENGELOLAAN APLIKASI INFORMATIKA;Indeks SPBE;1250000;1300000;1350000;1400000;1450000;Diskominfo
3;26;;URUSAN PEMERINTAHAN BIDANG PARIWISATA;;;;;;;
3;26;03;PROGRAM PEMASARAN PARIWISATA;Jumlah wisatawan;2500000;2500000;2500000;2500000;2500000;Dinas Pariwisata
"""


def test_urusan_row_between_programs_is_never_glued_to_the_program_above(tmp_path: Path) -> None:
    """An urusan/bidang row ("3;26;;URUSAN PEMERINTAHAN BIDANG PARIWISATA") after a program of a
    SIPD export is a row of its own: the program above keeps its code 2.16.03 and its name."""
    path = tmp_path / "sipd.csv"
    path.write_text(SIPD, encoding="utf-8")
    draft = _draft(path, _masterplan(tmp_path))
    assert [(e.code, e.text, e.budget) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.03", "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", 6_750_000_000),
        ("3.26.03", "PROGRAM PEMASARAN PARIWISATA", 12_500_000_000)]


# -- F128, F129: sub-total rows


def _sub(label: str, figures: list[str]) -> list[str]:
    return ["", "", "", label, *figures]


SUB_P1_P3 = ["3.750", "3.800", "3.850", "3.900", "3.950", "19.250"]


@pytest.mark.parametrize("label", ["Sub-Total", "Sub-total Misi 1", "Subjumlah", "Sub Jumlah Misi 3", "Rekapitulasi",
                                   "SUB TOTAL", "Subtotal"])
def test_sub_total_rows_are_checked_never_programs(tmp_path: Path, label: str) -> None:
    """A sub-total row however it is spelled ("Sub-Total", "Subjumlah", "Sub Jumlah Misi 3",
    "Rekapitulasi") is a total row checked against the rows above, never a program; a correct
    program after it is not doubted against it (a sub-total is not the plan's largest total)."""
    rows = [HEADER, P1, P3, _sub(label, SUB_P1_P3), P4]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert _programs(draft.region.rpjmd) == [("2.16.03", 6_750_000_000, None, 1.0),
                                             ("3.26.03", 12_500_000_000, None, 1.0),
                                             ("1.02.02", 60_000_000_000, None, 1.0)]
    assert not any("no code" in check for check in draft.checks)


def test_sub_total_before_a_grand_total_blames_no_program(tmp_path: Path) -> None:
    """ "Sub Jumlah Misi 3" after a mission's rows, then the grand total: both add up, no program
    is doubted."""
    rows = [HEADER, P1, P3, _sub("Sub Jumlah Misi 1", SUB_P1_P3), P4,
            _sub("Sub Jumlah Misi 3", ["10.000", "11.000", "12.000", "13.000", "14.000", "60.000"]),
            _sub("TOTAL PAGU INDIKATIF RPJMD", ["13.750", "14.800", "15.850", "16.900", "17.950", "79.250"])]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert [score for *_, score in _programs(draft.region.rpjmd)] == [1.0, 1.0, 1.0]



# -- F130, F131: a masterplan's road map


def _road(mark: str) -> list[list[str]]:
    on = lambda flag: mark if flag == "+" else ""  # noqa: E731
    return [["No", "Dimensi", "Program", "2025", "2026", "2027", "2028", "2029", "Estimasi Biaya (Rp juta)", "OPD"],
            ["1", "Smart Governance", "Pengembangan Aplikasi Pelayanan Terpadu", *map(on, "+++--"), "1.500",
             "Diskominfo"],
            ["2", "Smart Economy", "Pasar Digital UMKM", *map(on, "-+++-"), "750", "Diskoperindag"],
            ["3", "Smart Living", "Telemedisin Puskesmas", *map(on, "++---"), "2.000", "Dinkes"]]


@pytest.mark.parametrize("chapter", ["BAB VI ROAD MAP SMART CITY", "BAB VI PETA JALAN (ROADMAP) PENGEMBANGAN SMART CITY",
                                     "BAB VI ROADMAP SMART CITY"])
@pytest.mark.parametrize("mark", ["√", "1", "X", "v"])
def test_road_map_programs_are_read_with_their_estimate_not_their_year_marks(tmp_path: Path, chapter: str,
                                                                              mark: str) -> None:
    """A masterplan's program table in a "ROAD MAP" chapter is read (never passed over); its
    year columns marking the years a program runs ("√", "1", "X", "v") are a schedule, the
    budget is the "Estimasi Biaya (Rp juta)" column, at full confidence."""
    masterplan = _masterplan(tmp_path, [chapter, "Tabel 6.1 Peta Jalan Program Smart City (dalam juta rupiah)",
                                        _road(mark)])
    draft = _draft(_rpjmd(tmp_path, [HEADER, P1, P3, P4]), masterplan)
    assert [(e.text, e.budget, e.agency, e.confidence) for e in draft.region.masterplan.at("program")] == [
        ("Pengembangan Aplikasi Pelayanan Terpadu", 1_500_000_000, "Diskominfo", None),
        ("Pasar Digital UMKM", 750_000_000, "Diskoperindag", None),
        ("Telemedisin Puskesmas", 2_000_000_000, "Dinkes", None)]


# -- F132: English money units


@pytest.mark.parametrize("header, figures", [
    ("Budget (IDR million)", ["1,500", "750.5", "2,000"]),
    ("Anggaran (Rp million)", ["1.500", "750,5", "2.000"]),
    ("Budget (IDR)", ["1,500,000,000", "750,500,000", "2,000,000,000"]),
    ("Budget (IDR billion)", ["1.5", "0.7505", "2"])])
def test_english_money_units_in_a_masterplan_column_are_read(tmp_path: Path, header: str, figures: list) -> None:
    """ "Budget (IDR million)", "Anggaran (Rp million)", "Budget (IDR)", "Budget (IDR billion)":
    the column is the programs' budget, in its unit, at full confidence (never dropped silently,
    never 10^6 times too small)."""
    rows = [["No", "Dimensi", "Program", header, "OPD"],
            ["1", "Smart Governance", "Aplikasi Pelayanan Terpadu", figures[0], "Diskominfo"],
            ["2", "Smart Economy", "Pasar Digital UMKM", figures[1], "Diskoperindag"],
            ["3", "Smart Living", "Telemedisin Puskesmas", figures[2], "Dinkes"]]
    masterplan = _masterplan(tmp_path, ["BAB V PROGRAM SMART CITY", rows])
    draft = _draft(_rpjmd(tmp_path, [HEADER, P1, P3, P4]), masterplan)
    assert [(e.budget, e.confidence) for e in draft.region.masterplan.at("program")] == [
        (1_500_000_000, None), (750_500_000, None), (2_000_000_000, None)]


@pytest.mark.parametrize("unit, figures", [
    ("(in billion IDR)", ["6.75", "12.5", "60"]), ("(IDR million)", ["6,750", "12,500", "60,000"]),
    ("(000 Rp)", ["6.750.000", "12.500.000", "60.000.000"])])
def test_an_rpjmd_caption_stating_its_unit_in_english_is_read(tmp_path: Path, unit: str, figures: list) -> None:
    """A caption "(in billion IDR)", "(IDR million)" or "(000 Rp)" states the table's unit: the
    budgets are exact, at full confidence (never 1000 times too small, never a unit guessed)."""
    head = ["No", "Sasaran", "Kode", "Program", "Total"]
    rows = [head] + [row[:4] + [figure] for row, figure in zip((P1, P3, P4), figures)]
    draft = _draft(_rpjmd(tmp_path, rows, caption=f"Table 7.1 Indicative Priority Programs {unit}"),
                   _masterplan(tmp_path))
    assert [budget for _, budget, *_ in _programs(draft.region.rpjmd)] == [6_750_000_000, 12_500_000_000,
                                                                           60_000_000_000]
    assert [score for *_, score in _programs(draft.region.rpjmd)] == [1.0, 1.0, 1.0]


# -- F135: a file name holding control characters


def test_file_name_with_an_escape_character_gives_a_region_file_validate_accepts(tmp_path: Path, capsys) -> None:
    """A document named "rpjmd\\x1b[31mMERAH\\x07.docx": the draft records the name with its control
    characters escaped (said once, in a check line), and validate accepts the region file it
    writes (never 13 errors, one per element)."""
    from smartsync.cli import main

    rpjmd = _rpjmd(tmp_path, [HEADER, P1, P3, P4], name="rpjmd\x1b[31mMERAH\x1b]0;X\x07.docx")
    out = tmp_path / "region.yaml"
    assert main(["draft", "--rpjmd", str(rpjmd), "--masterplan", str(_masterplan(tmp_path)), "--out", str(out),
                 "-q", "--id", "3575"]) == 0
    said = capsys.readouterr()
    assert "\x1b" not in said.out + said.err and "\x07" not in said.out + said.err
    assert (said.out + said.err).count("holds control characters") == 1
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "rpjmd\\x1b[31mMERAH\\x1b]0;X\\x07.docx" in text
    assert main(["validate", str(out)]) == 0


# -- F136: target group rows with a qualifier ("Sasaran Strategis 1.1.1: ...")


@pytest.mark.parametrize("label", ["Sasaran Strategis", "Sasaran Daerah", "Sasaran Pembangunan", "Sasaran Prioritas"])
def test_target_group_rows_with_a_qualifier_keep_the_programs_programs(tmp_path: Path, label: str) -> None:
    """ "Sasaran Strategis 1.1.1: Meningkatnya ..." over a program table is a group row naming
    target 1.1.1, as "Sasaran 1.1.1: ..." is: the rows below stay programs with their pagu,
    placed under that target (never 0 programs and every program row a target)."""
    head = ["No", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"]
    rows = [head]
    for number, statement, program in (("1.1.1", "Meningkatnya indeks SPBE", P1), ("2.1.1", "Meningkatnya kunjungan "
                                       "wisata", P3), ("3.1.1", "Meningkatnya kualitas layanan kesehatan", P4)):
        rows += [f"{label} {number}: {statement}", [program[0], program[2], program[3], "1.000", "1.000", "Dinas"]]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    programs = draft.region.rpjmd.at("program")
    assert [(e.code, e.parents, e.budget) for e in programs] == [
        ("2.16.03", ("S1.1.1",), 2_000_000_000), ("3.26.03", ("S2.1.1",), 2_000_000_000),
        ("1.02.02", ("S3.1.1",), 2_000_000_000)]
    assert len(draft.region.rpjmd.at("target")) == 3


# -- F138, F143: Word's wrappers and formatting around a cell's text


def _wrapped_rpjmd(folder: Path, wrap) -> Path:
    """The program table with P1's 2025 pagu and total written by ``wrap(paragraph, text)`` (the
    cell's paragraph emptied first): a tracked change, a content control, a superscript marker."""
    path = _rpjmd(folder, [HEADER, P1, P3, P4])
    document = docx.Document(str(path))
    table = document.tables[-1]
    for column, text in ((4, "2.250"), (9, "7.750")):
        paragraph = table.cell(1, column).paragraphs[0]
        for run in list(paragraph._p):
            if run.tag.endswith("}r"):
                paragraph._p.remove(run)
        wrap(paragraph, text)
    document.save(str(path))
    return path


def _run(text: str, **props):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    if props:
        rpr = OxmlElement("w:rPr")
        for name, value in props.items():
            node = OxmlElement(f"w:{name}")
            if value is not None:
                node.set(qn("w:val"), value)
            rpr.append(node)
        run.append(rpr)
    tag = "w:delText" if props.get("_del") else "w:t"
    node = OxmlElement(tag)
    node.text = text
    run.append(node)
    return run


def _around(tag: str, *runs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    outer = OxmlElement(tag)
    if tag in ("w:ins", "w:del"):
        outer.set(qn("w:id"), "1")
        outer.set(qn("w:author"), "Bappeda")
    inner = outer
    if tag == "w:sdt":
        inner = OxmlElement("w:sdtContent")
        outer.append(inner)
    for run in runs:
        inner.append(run)
    return outer


def _tracked(paragraph, text: str) -> None:
    from docx.oxml import OxmlElement

    deleted = _around("w:del", OxmlElement("w:r"))
    old = OxmlElement("w:delText")
    old.text = "1.250" if text == "2.250" else "6.750"
    deleted[0].append(old)
    paragraph._p.append(deleted)
    paragraph._p.append(_around("w:ins", _run(text)))


@pytest.mark.parametrize("wrap", [
    _tracked,
    lambda paragraph, text: paragraph._p.append(_around("w:sdt", _run(text))),
    lambda paragraph, text: paragraph._p.append(_around("w:fldSimple", _run(text))),
    lambda paragraph, text: [paragraph._p.append(_run(text)), paragraph._p.append(_run("1", vertAlign="superscript"))],
    lambda paragraph, text: [paragraph._p.append(_run("1.250", strike=None)), paragraph._p.append(_run(" " + text))],
], ids=["tracked-change", "content-control", "simple-field", "superscript-marker", "struck-through"])
def test_word_cell_text_is_read_as_word_shows_it(tmp_path: Path, wrap) -> None:
    """A pagu cell revised with Track Changes (<del>1.250</del><ins>2.250</ins>), or written in a
    content control, a simple field, with a superscript footnote marker ("2.250" + superscript "1")
    or with the old figure struck through: read as Word shows it, 2.250 (never dropped, never
    "2.2501"), so P1's budget is Rp 7,75 miliar."""
    draft = _draft(_wrapped_rpjmd(tmp_path, wrap), _masterplan(tmp_path))
    assert _programs(draft.region.rpjmd)[0] == ("2.16.03", 7_750_000_000, None, 1.0)


# -- F139, F140: a workbook read as the sheet shows it


def _workbook(folder: Path, build) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Program"
    build(sheet)
    path = folder / "rpjmd.xlsx"
    book.save(path)
    return path


def test_hidden_rows_and_columns_of_a_sheet_are_not_read(tmp_path: Path) -> None:
    """A hidden pagu column (a draft's figures) is never added to the year's pagu, and a hidden
    program row (a program retired) is no program: the sheet is read as it shows."""
    def build(sheet) -> None:
        sheet.append(["RPJMD KOTA PASURUAN TAHUN 2025-2029"])
        sheet.append(["(dalam juta rupiah)"])
        sheet.append(["Kode", "Program", "Pagu 2025 (Rancangan Awal)", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"])
        sheet.append(["2.16.03", "Program Pengelolaan Aplikasi Informatika", 1000, 1250, 2650, "Diskominfo"])
        sheet.append(["3.26.02", "Program Peningkatan Daya Tarik Destinasi Pariwisata (dihapus)", 900, 1800, 1800, "Dispar"])
        sheet.append(["3.26.03", "Program Pemasaran Pariwisata", 2000, 2500, 5000, "Dispar"])
        sheet.column_dimensions["C"].hidden = True
        sheet.row_dimensions[5].hidden = True
    draft = _draft(_workbook(tmp_path, build), _masterplan(tmp_path))
    assert [(e.code, e.budget) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 3_900_000_000), ("3.26.03", 7_500_000_000)]


@pytest.mark.parametrize("number_format, caption", [("#,##0,", "(dalam ribuan rupiah)"),
                                                    ("#,##0,,", "(dalam juta rupiah)")])
def test_a_number_format_scaling_the_figure_is_read_as_shown(tmp_path: Path, number_format: str,
                                                             caption: str) -> None:
    """A pagu cell holding 1250000000 formatted '#,##0,' (shown 1.250.000) under "(dalam ribuan
    rupiah)" is Rp 1,25 miliar, as the sheet shows it (never multiplied again: Rp 1,25 triliun)."""
    def build(sheet) -> None:
        sheet.append(["RPJMD KOTA PASURUAN TAHUN 2025-2029"])
        sheet.append([caption])
        sheet.append(["Kode", "Program", "Pagu 2025", "Pagu 2026", "Perangkat Daerah"])
        sheet.append(["2.16.03", "Program Pengelolaan Aplikasi Informatika", 1_250_000_000, 1_300_000_000, "Diskominfo"])
        sheet.append(["3.26.03", "Program Pemasaran Pariwisata", 2_500_000_000, 2_500_000_000, "Dispar"])
        for row in sheet.iter_rows(min_row=4, min_col=3, max_col=4):
            for cell in row:
                cell.number_format = number_format
    draft = _draft(_workbook(tmp_path, build), _masterplan(tmp_path))
    assert [(e.budget, [r for r in e.confidence.reasons if "target" not in r] if e.confidence else [])
            for e in draft.region.rpjmd.at("program")] == [(2_550_000_000, []), (5_000_000_000, [])]


# -- F152: the T-C.27 table's "Kondisi Kinerja ... Perangkat Daerah" column


def test_t_c_27_condition_at_period_end_is_never_the_agency(tmp_path: Path) -> None:
    """In Permendagri 86/2017's T-C.27 table, "Kondisi Kinerja pada akhir periode Renstra Perangkat
    Daerah" (its Target and Rp) is a condition, not the agency: the agency is the "Unit Kerja
    Perangkat Daerah Penanggung Jawab" column's, never the end-of-period target value ("3,1")."""
    def build(sheet) -> None:
        sheet.append(["Tabel T-C.27 Rencana Program, Kegiatan dan Pendanaan Perangkat Daerah Kota Pasuruan "
                      "Tahun 2025-2029"])
        sheet.append(["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
                      "Indikator Kinerja Program (outcome) / Kegiatan (output)",
                      "Data Capaian pada Tahun Awal Perencanaan", "Target Kinerja Program dan Kerangka Pendanaan",
                      None, None, None, "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah", None,
                      "Unit Kerja Perangkat Daerah Penanggung Jawab"])
        sheet.append([None, None, None, None, "Tahun-1", None, "Tahun-2", None, None, None, None])
        sheet.append([None, None, None, None, "Target", "Rp", "Target", "Rp", "Target", "Rp", None])
        for cells in ["A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:H2", "I2:J3", "K2:K4", "E3:F3", "G3:H3"]:
            sheet.merge_cells(cells)
        sheet.append(["2.16.03", "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "Indeks SPBE", "2,1", "2,5", 1500000,
                      "3,1", 1700000, "3,1", 3200000, "Diskominfo"])
        sheet.append(["2.16.02", "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK", "IKM informasi publik", "80", "82",
                      400000, "86", 400000, "86", 800000, "Diskominfo"])
    draft = _draft(_workbook(tmp_path, build), _masterplan(tmp_path))
    assert [(e.code, e.agency) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.03", "Diskominfo"), ("2.16.02", "Diskominfo")]


# -- F155: a masterplan's own budget column beside a column naming the RPJMD's program


def test_own_budget_column_beside_a_related_rpjmd_program_column_is_read(tmp_path: Path) -> None:
    """ "No | Dimensi | Program | Anggaran (Rp juta) | Program RPJMD Terkait": the money column
    names no RPJMD and stands before the RPJMD's column: it is the smart city programs' own budget,
    never dropped as a quotation (a "Pagu RPJMD" column after it still is)."""
    rows = [["No", "Dimensi", "Program", "Anggaran (Rp juta)", "Program RPJMD Terkait", "Pagu RPJMD (Rp juta)"],
            ["1", "Smart Governance", "Aplikasi Pelayanan Terpadu", "1.500",
             "Program Pengelolaan Aplikasi Informatika", "6.750"],
            ["2", "Smart Branding", "Promosi Wisata Digital", "750", "Program Pemasaran Pariwisata", "12.500"]]
    draft = _draft(_rpjmd(tmp_path, [HEADER, P1, P3, P4]), _masterplan(tmp_path, ["BAB V PROGRAM SMART CITY", rows]))
    assert [e.budget for e in draft.region.masterplan.at("program")] == [1_500_000_000, 750_000_000]


def test_sub_totals_per_target_bound_no_program_of_another_target(tmp_path: Path) -> None:
    """ "Jumlah Sasaran 1.1.1" after each target's rows, no grand total: each sums its own rows;
    none of them bounds the programs of another target (a Rp 60 miliar program after a Rp 12,5
    miliar sub-total, or before the last one, is not doubted)."""
    rows = [HEADER, P1, _sub("Jumlah Sasaran 1.1.1", ["1.250", "1.300", "1.350", "1.400", "1.450", "6.750"]),
            P4, _sub("Jumlah Sasaran 3.1.1", ["10.000", "11.000", "12.000", "13.000", "14.000", "60.000"]),
            P3, _sub("Jumlah Sasaran 2.1.1", ["2.500", "2.500", "2.500", "2.500", "2.500", "12.500"])]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert [score for *_, score in _programs(draft.region.rpjmd)] == [1.0, 1.0, 1.0]


# -- F150: the support program X.XX.01 of each agency


SUPPORT = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"


@pytest.mark.parametrize("where", ["column", "group"])
def test_support_programs_of_each_agency_stay_distinct(tmp_path: Path, where: str) -> None:
    """ "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" listed once per agency, coded
    by its field (2.16.01, 3.26.01) or with the nomenclature's placeholder X.XX.01, its agency in a
    column or in a group row above it: one program per agency, each with its own pagu (never one
    program holding another agency's pagu, silently when the figures agree)."""
    head = ["No", "Sasaran", "Kode", "Program", "2025", "2026", "Total"]
    rows: list = [head + (["Perangkat Daerah"] if where == "column" else [])]
    for number, agency, code, pagu in (("1", "Dinas Komunikasi dan Informatika", "2.16.01", "5.000"),
                                       ("2", "Dinas Kebudayaan dan Pariwisata", "3.26.01", "3.000"),
                                       ("3", "Sekretariat Daerah", "X.XX.01", "4.000"),
                                       ("4", "Badan Perencanaan Pembangunan Daerah", "X.XX.01", "4.000")):
        row = [number, "Sasaran 1.1.1", code, SUPPORT, pagu, pagu, f"{2 * int(pagu[:-4])}.000"]
        if where == "column":
            rows.append(row + [agency])
        else:
            rows += [f"Perangkat Daerah: {agency}", row]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert [(e.code, e.budget, e.agency) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.01", 10_000_000_000, "Dinas Komunikasi dan Informatika"),
        ("3.26.01", 6_000_000_000, "Dinas Kebudayaan dan Pariwisata"),
        ("X.XX.01", 8_000_000_000, "Sekretariat Daerah"),
        ("X.XX.01", 8_000_000_000, "Badan Perencanaan Pembangunan Daerah")]


def test_a_program_named_again_with_its_agency_is_still_one(tmp_path: Path) -> None:
    """The agency splits only programs whose agencies differ: the same program named again with no
    agency, or with the same agency, is one program."""
    rows = [HEADER + ["Perangkat Daerah"], P1 + ["Diskominfo"], P3 + ["Dinas Pariwisata"], P1 + ["Diskominfo"],
            P1 + [""]]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert [(e.code, e.budget, e.agency) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 6_750_000_000, "Diskominfo"), ("3.26.03", 12_500_000_000, "Dinas Pariwisata")]


def _here(folder: Path, texts: tuple[str, ...]) -> tuple[str, ...]:
    """Texts with the test's folder taken out of the places they name."""
    return tuple(text.replace(f"{folder}/", "") for text in texts)


# -- F141: a program of BAB VI's strategy table again in BAB VII's program table


def _bab6_bab7(folder: Path, pagu_in_bab6: str | None) -> Path:
    from docbuild import PAGE, write_docx

    bab6 = [["Sasaran", "Strategi", "Arah Kebijakan", "Program Pembangunan Daerah"]
            + (["Pagu (Rp juta)"] if pagu_in_bab6 else []),
            ["Sasaran 1.1.1", "Digitalisasi layanan", "Penguatan SPBE", "Program Pengelolaan Aplikasi Informatika"]
            + ([pagu_in_bab6] if pagu_in_bab6 else []),
            ["Sasaran 2.1.1", "Promosi wisata", "Penguatan promosi", "Program Pemasaran Pariwisata"]
            + (["12.500"] if pagu_in_bab6 else [])]
    bab7 = [["No", "Sasaran", "Kode", "Program", "2025", "2026", "Total", "Perangkat Daerah"],
            ["1", "Sasaran 1.1.1", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "3.000", "3.750", "6.750",
             "Diskominfo"],
            ["2", "Sasaran 2.1.1", "3.26.03", "Program Pemasaran Pariwisata", "6.000", "6.500", "12.500",
             "Dinas Pariwisata"]]
    document = docx.Document(str(_rpjmd(folder, [HEADER, P4])))
    path = folder / "rpjmd-bab6-bab7.docx"
    items = [PAGE, "BAB VI STRATEGI, ARAH KEBIJAKAN DAN PROGRAM PEMBANGUNAN DAERAH",
             "Tabel 6.1 Strategi, Arah Kebijakan dan Program Pembangunan Daerah", bab6, PAGE,
             "BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH",
             "Tabel 7.2 Program Perangkat Daerah (dalam juta rupiah)", bab7]
    from docbuild import add_items

    add_items(document, items)
    document.save(str(path))
    return path


def test_a_program_in_bab_vi_and_bab_vii_is_drafted_once_read_in_both(tmp_path: Path) -> None:
    """A program named in BAB VI's strategy table (no code, no pagu) and listed again in BAB VII
    with its code and pagu is one program: its code, pagu and agency BAB VII's, its provenance
    naming both places (never two programs, one of them without code or pagu)."""
    draft = _draft(_bab6_bab7(tmp_path, None), _masterplan(tmp_path))
    programs = draft.region.rpjmd.at("program")
    assert [(e.code, e.budget, e.agency, e.confidence) for e in programs] == [
        ("1.02.02", 60_000_000_000, None, None), ("2.16.03", 6_750_000_000, "Diskominfo", None),
        ("3.26.03", 12_500_000_000, "Dinas Pariwisata", None)]
    assert programs[1].provenance.page == 2
    assert programs[1].provenance.also == (f"{tmp_path / 'rpjmd-bab6-bab7.docx'} p. 3",)


def test_a_program_in_bab_vi_and_bab_vii_with_other_pagu_is_a_contradiction_said(tmp_path: Path) -> None:
    """BAB VI gives the program Rp 6,5 miliar, BAB VII Rp 6,75 miliar: one program, doubted with
    both figures and both places (never two programs, never one figure silently picked)."""
    draft = _draft(_bab6_bab7(tmp_path, "6.500"), _masterplan(tmp_path))
    programs = draft.region.rpjmd.at("program")
    assert [e.code for e in programs] == ["1.02.02", "2.16.03", "3.26.03"]
    assert _here(tmp_path, programs[1].confidence.reasons) == (
        "read twice with different pagu: Rp 6.500.000.000 (rpjmd-bab6-bab7.docx p. 2) and Rp 6.750.000.000 "
        "(rpjmd-bab6-bab7.docx p. 3)",)
    assert programs[2].confidence is None
    assert "P2" in " ".join(draft.checks)


# -- F137: a quick win of Buku 3 beside the budget of Buku 2


@pytest.mark.parametrize("money", [["2025 (Rp juta)"], ["Anggaran (Rp juta)"]])
def test_a_quick_win_figure_never_overrides_the_masterplan_budget(tmp_path: Path, money: list[str]) -> None:
    """Buku 2 gives "Aplikasi Pelayanan Terpadu" Rp 1,5 miliar; Buku 3 (quick wins) lists it with
    Rp 300 juta, for its first year or as its cost: the budget stays Buku 2's, doubted with both
    figures and both books named (never Buku 3's figure in its place)."""
    from docbuild import write_docx

    buku2 = _masterplan(tmp_path, ["BAB IV PROGRAM SMART CITY", [
        ["No", "Dimensi", "Program", "Anggaran (Rp juta)", "OPD"],
        ["1", "Smart Governance", "Aplikasi Pelayanan Terpadu", "1.500", "Diskominfo"],
        ["2", "Smart Economy", "Pasar Digital UMKM", "750", "Diskoperindag"]]], name="buku2.docx")
    buku3 = write_docx(tmp_path / "buku3.docx", [
        "BUKU 3 RENCANA AKSI SMART CITY KOTA PASURUAN", "BAB I QUICK WIN SMART CITY",
        [["No", "Quick Win", "Dimensi", *money, "OPD"],
         ["1", "Aplikasi Pelayanan Terpadu", "Smart Governance", "300", "Diskominfo"]]])
    draft = draft_region(rpjmd=_rpjmd(tmp_path, [HEADER, P1, P3, P4]), masterplan=[buku2, buku3],
                         rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034))
    first, second = draft.region.masterplan.at("program")
    assert (first.budget, _here(tmp_path, first.confidence.reasons)) == (1_500_000_000, (
        "read twice with different pagu: Rp 1.500.000.000 (buku2.docx p. 1) and Rp 300.000.000 (buku3.docx p. 1)",))
    assert second.budget == 750_000_000 and second.confidence is None


def test_the_places_a_program_was_read_survive_the_region_file(tmp_path: Path) -> None:
    """The provenance's ``also`` (the other places a program was read) is written to the region
    file and read back as it was."""
    from smartsync.documents import write_draft
    from smartsync.io import load_region

    draft = _draft(_bab6_bab7(tmp_path, None), _masterplan(tmp_path))
    region = load_region(write_draft(draft, tmp_path / "region.yaml"))
    assert region.rpjmd["P2"].provenance.also == (f"{tmp_path / 'rpjmd-bab6-bab7.docx'} p. 3",)


# -- F156: a recap of the pagu per mission


MISSIONS = ["Mewujudkan tata kelola pemerintahan yang bersih dan berbasis digital",
            "Meningkatkan daya saing ekonomi daerah berbasis UMKM dan pariwisata",
            "Meningkatkan kualitas pelayanan kesehatan dan pendidikan"]


@pytest.mark.parametrize("recap", [
    [["No", "Misi", "2025", "2026", "Total"]] + [[str(k), m, "1.000", "1.000", "2.000"] for k, m in enumerate(MISSIONS, 1)]
    + [["", "JUMLAH", "3.000", "3.000", "6.000"]],
    [["Misi", "Pagu Indikatif (Rp juta)"], ["Misi I", "6.750"], ["Misi II", "12.500"], ["Misi III", "60.000"],
     ["Total Misi I-III", "79.250"]],
    [["No", "Misi", "Jumlah Program", "Pagu Indikatif (Rp juta)", "Persentase"],
     ["1", MISSIONS[0], "1", "6.750", "8,5%"], ["2", MISSIONS[1], "1", "12.500", "15,8%"],
     ["3", MISSIONS[2], "1", "60.000", "75,7%"], ["", "Total", "3", "79.250", "100%"]],
], ids=["missions-by-text", "missions-by-roman-number", "program-count-column"])
def test_a_recap_per_mission_adds_no_mission_and_no_program(tmp_path: Path, recap: list) -> None:
    """A table "Rekapitulasi Pagu Indikatif per Misi" after the program table (missions by their
    text or "Misi I", a "Jumlah Program" column, a Total row) sums the plan's missions: the plan
    keeps its 3 missions and 3 programs (never "Misi I" or "Total" a mission, never the program
    count "3" a program of Rp 79 miliar)."""
    rows = [HEADER, P1, P3, P4]
    path = _rpjmd(tmp_path, rows)
    document = docx.Document(str(path))
    document.add_paragraph("Tabel 7.2 Rekapitulasi Pagu Indikatif per Misi (dalam juta rupiah)")
    _table(document, recap)
    document.save(str(path))
    draft = _draft(path, _masterplan(tmp_path))
    assert [e.text for e in draft.region.rpjmd.at("mission")] == MISSIONS
    assert [(e.code, e.budget) for e in draft.region.rpjmd.at("program")] == [
        ("2.16.03", 6_750_000_000), ("3.26.03", 12_500_000_000), ("1.02.02", 60_000_000_000)]
    assert not any("recap" in check for check in draft.checks)


def test_a_recap_row_naming_no_stated_mission_is_said(tmp_path: Path) -> None:
    """A recap row naming a mission the plan does not state ("Pemerataan infrastruktur wilayah") is
    no mission: a check line names the table and the row, in English and Indonesian."""
    path = _rpjmd(tmp_path, [HEADER, P1, P3, P4])
    document = docx.Document(str(path))
    _table(document, [["No", "Misi", "Pagu (Rp juta)"], ["1", MISSIONS[0], "6.750"],
                      ["4", "Pemerataan infrastruktur wilayah", "1.000"]])
    document.save(str(path))
    for lang, words in (("en", "a recap, no program column"), ("id", "rekapitulasi, tanpa kolom program")):
        draft = draft_region(rpjmd=path, masterplan=_masterplan(tmp_path), rpjmd_period=(2025, 2029),
                             masterplan_period=(2025, 2034), lang=lang)
        assert len(draft.region.rpjmd.at("mission")) == 3
        assert [c for c in draft.checks if words in c and "Pemerataan infrastruktur wilayah" in c]


# -- F153: a "Sasaran Program" column


@pytest.mark.parametrize("layout", ["target-column", "group-rows"])
@pytest.mark.parametrize("label", ["Sasaran Program", "Sasaran Program (Outcome)", "Tujuan Program"])
def test_a_program_outcome_column_is_no_target_of_the_plan(tmp_path: Path, layout: str, label: str) -> None:
    """ "Sasaran Program" beside the program is the program's own outcome: kept as its indicator,
    never a target of the RPJMD (the plan keeps its 3 targets, each program under the target its
    row or group row names)."""
    outcomes = ["Meningkatnya layanan publik berbasis elektronik", "Meningkatnya jumlah kunjungan wisatawan"]
    if layout == "target-column":
        rows = [["No", "Sasaran", "Kode", "Program", label, "Pagu 2025", "Pagu 2026"],
                ["1", "Sasaran 1.1.1", P1[2], P1[3], outcomes[0], "1.250", "1.300"],
                ["2", "Sasaran 2.1.1", P3[2], P3[3], outcomes[1], "2.500", "2.500"]]
    else:
        rows = [["No", "Kode", "Program", label, "Pagu 2025", "Pagu 2026"], "Sasaran 1.1.1: Meningkatnya indeks SPBE",
                ["1", P1[2], P1[3], outcomes[0], "1.250", "1.300"], "Sasaran 2.1.1: Meningkatnya kunjungan wisata",
                ["2", P3[2], P3[3], outcomes[1], "2.500", "2.500"]]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    plan = draft.region.rpjmd
    assert [e.id for e in plan.at("target")] == ["S1.1.1", "S2.1.1", "S3.1.1"]
    assert [(e.code, e.parents, e.indicators, e.confidence) for e in plan.at("program")] == [
        ("2.16.03", ("S1.1.1",), (outcomes[0],), None), ("3.26.03", ("S2.1.1",), (outcomes[1],), None)]


# -- F142: a wide table split in two, its right columns in a table of their own


def _split_table(folder: Path, form: str, right_names: bool, total: str = "6.750") -> Path:
    from docbuild import PAGE, write_docx, write_pdf

    programs = [("1", "Sasaran 1.1.1", P1[2], P1[3], ["1.250", "1.300", "1.350", "1.400", "1.450"], total, "Diskominfo"),
                ("2", "Sasaran 2.1.1", P3[2], P3[3], ["2.500"] * 5, "12.500", "Dinas Pariwisata")]
    left = [["No", "Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Pagu 2027"]] + [
        [no, target, code, name, *years[:3]] for no, target, code, name, years, _, _ in programs]
    named = ["Kode", "Program"] if right_names else []
    right = [["No", *named, "Pagu 2028", "Pagu 2029", "Total", "Perangkat Daerah"]] + [
        [no, *([code, name] if right_names else []), *years[3:], whole, agency]
        for no, _, code, name, years, whole, agency in programs]
    items = ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.2 Misi",
             "1. Mewujudkan tata kelola pemerintahan yang bersih", "2. Meningkatkan daya saing ekonomi daerah",
             "5.3 Sasaran", "Sasaran 1.1.1 Meningkatnya indeks SPBE", "Sasaran 2.1.1 Meningkatnya kunjungan wisata",
             PAGE, "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS",
             "Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)", left, PAGE,
             "Tabel 7.1 Indikasi Rencana Program Prioritas (lanjutan)", right]
    return (write_docx if form == "docx" else write_pdf)(folder / f"rpjmd.{form}", items)


@pytest.mark.parametrize("form", ["docx", "pdf"])
@pytest.mark.parametrize("right_names", [True, False], ids=["program-repeated", "number-only"])
def test_a_wide_table_split_in_two_is_joined(tmp_path: Path, form: str, right_names: bool) -> None:
    """The program table's years 2025-2027 on one page and 2028-2029, the total and the agency in
    a second table on the next (its rows naming the program again, or by their number only): each
    program is one, with all five years (Rp 6,75 miliar, the total printed), at full confidence --
    never two figures said to contradict, never the right part's years lost silently."""
    draft = _draft(_split_table(tmp_path, form, right_names), _masterplan(tmp_path))
    programs = draft.region.rpjmd.at("program")
    assert [(e.code, e.budget, e.agency, e.confidence) for e in programs] == [
        ("2.16.03", 6_750_000_000, "Diskominfo", None), ("3.26.03", 12_500_000_000, "Dinas Pariwisata", None)]
    assert [year for year, _ in programs[0].provenance.budget_by_year] == ["2025", "2026", "2027", "2028", "2029"]


def test_a_split_table_whose_total_disagrees_with_its_years_is_doubted(tmp_path: Path) -> None:
    """Joined, the five years add up to Rp 6,75 miliar; the right part's total says Rp 7,75 miliar:
    the program is doubted with both figures (the join never hides a wrong figure)."""
    draft = _draft(_split_table(tmp_path, "docx", False, total="7.750"), _masterplan(tmp_path))
    first = draft.region.rpjmd.at("program")[0]
    assert first.confidence.reasons == ("the yearly pagu add up to 6.750.000.000, not to the total column's "
                                        "7.750.000.000",)


# -- F154: a crosswalk of the RPJMD with the RPJPD or the RPJMN


def _crosswalk_rpjmd(folder: Path, rows: list, where: str) -> Path:
    """The RPJMD with a crosswalk table: in a chapter of its own before BAB V ("BAB IV KESELARASAN
    ..."), or in a numbered section "5.4 Keselarasan dengan RPJPD dan RPJMN" inside BAB V."""
    path = _rpjmd(folder, [HEADER, P1, P3, P4])
    document = docx.Document(str(path))
    if where == "chapter":
        anchor = document.paragraphs[1]  # "BAB V ...": the crosswalk chapter goes before it
        anchor.insert_paragraph_before("BAB IV KESELARASAN DENGAN RPJPD DAN RPJMN")
        before = anchor.insert_paragraph_before("Tabel 4.1 Keselarasan Misi RPJMD dengan RPJPD")._p
    else:
        anchor = next(p for p in document.paragraphs if p.text.startswith("BAB VII"))
        before = anchor.insert_paragraph_before("5.4 Keselarasan dengan RPJPD dan RPJMN")._p
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    before.addnext(table._tbl)
    document.save(str(path))
    return path


CROSSWALKS = {
    "misi-rpjpd": [["No", "Misi RPJMD", "Misi RPJPD"], ["1", MISSIONS[0], "Mewujudkan pemerintahan yang baik"],
                   ["2", MISSIONS[1], "Mewujudkan perekonomian yang tangguh"]],
    "visi-rpjpd": [["Visi RPJPD", "Misi RPJPD", "Misi RPJMD"],
                   ["Pasuruan Emas 2045", "Mewujudkan pemerintahan yang baik", MISSIONS[0]],
                   ["", "Mewujudkan perekonomian yang tangguh", MISSIONS[1]]],
    "prioritas-nasional": [["Misi RPJMD", "Sasaran RPJMD", "Prioritas Nasional RPJMN 2025-2029"],
                           ["Misi 1", "Meningkatnya indeks SPBE", "PN 1: Memperkokoh ideologi Pancasila"],
                           ["Misi 2", "Meningkatnya kunjungan wisata", "PN 3: Meningkatkan lapangan kerja"]],
}


@pytest.mark.parametrize("where", ["chapter", "section"])
@pytest.mark.parametrize("name", sorted(CROSSWALKS))
def test_a_crosswalk_with_the_rpjpd_or_rpjmn_drafts_nothing_and_asks_no_match(tmp_path: Path, name: str,
                                                                              where: str) -> None:
    """A table setting the RPJMD's missions or targets beside the RPJPD's or the RPJMN's priorities
    adds nothing to the plan: one vision (never "Pasuruan Emas 2045", the RPJPD's), the 3 missions,
    the 3 targets each under its goal only, no goal "5.4"; and no check line asks for a match with
    the RPJPD (the region file holds the RPJMD and the masterplan only)."""
    draft = _draft(_crosswalk_rpjmd(tmp_path, CROSSWALKS[name], where), _masterplan(tmp_path))
    plan = draft.region.rpjmd
    assert [e.text for e in plan.at("vision")] == ["Pasuruan Maju, Religius dan Berdaya Saing"]
    assert [e.text for e in plan.at("mission")] == MISSIONS
    assert [e.id for e in plan.at("goal")] == ["T1.1", "T2.1", "T3.1"]
    assert [(e.id, e.parents) for e in plan.at("target")] == [("S1.1.1", ("T1.1",)), ("S2.1.1", ("T2.1",)),
                                                              ("S3.1.1", ("T3.1",))]
    assert not any("match to write" in check for check in draft.checks)
    if where == "chapter":
        assert [c for c in draft.checks if "a crosswalk" in c and "nothing to match" in c]


# -- F173 (round 7): a pagu column over a range of years


@pytest.mark.parametrize("label", ["Pagu Indikatif 2025-2029 (Rp juta)", "Pagu Indikatif 2025 s.d. 2029 (Rp juta)",
                                   "Total Pagu 2025–2029 (Rp juta)"])
def test_a_pagu_column_over_a_range_of_years_is_the_total_not_its_last_year(tmp_path: Path, label: str) -> None:
    """ "Pagu Indikatif 2025-2029 (Rp juta)" is the five years' total: the budget, with no year of
    its own in the provenance (never the whole figure recorded as the pagu of 2029)."""
    rows = [["No", "Sasaran", "Kode", "Program", label], P1[:4] + [P1[-1]], P3[:4] + [P3[-1]]]
    draft = _draft(_rpjmd(tmp_path, rows), _masterplan(tmp_path))
    assert [(e.budget, e.provenance.budget_by_year, e.confidence) for e in draft.region.rpjmd.at("program")] == [
        (6_750_000_000, None, None), (12_500_000_000, None, None)]


# -- F180 (round 7): a road map's schedule columns are no period


def test_a_road_maps_schedule_years_never_give_the_masterplan_its_period(tmp_path: Path) -> None:
    """A masterplan whose title states no period, with a road map marking 2025-2029 with "√": its
    period is not taken from the marks (silently a 5-year masterplan); the draft asks for it,
    naming --masterplan-period."""
    from smartsync.documents import DraftError

    masterplan = _masterplan(tmp_path, ["BAB VI ROAD MAP SMART CITY", _road("√")])
    document = docx.Document(str(masterplan))
    document.paragraphs[0].text = "MASTERPLAN SMART CITY KOTA PASURUAN"
    document.save(str(masterplan))
    with pytest.raises(DraftError, match="--masterplan-period"):
        draft_region(rpjmd=_rpjmd(tmp_path, [HEADER, P1, P3, P4]), masterplan=masterplan, rpjmd_period=(2025, 2029))
