"""Figures that check themselves (issue 24 item 1, issue 27's drafting items): the money unit
of each table wherever the document says it, budgets reconciled with the document's own totals,
and every budget that cannot be trusted drafted with a confidence below 1 and its reason.

Each test builds a small document in memory (lines and tables as a reader gives them) or a
small file, drafts it, and asserts the figures, the confidence and the reasons a planner sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.documents import DraftError, _finish, draft_region
from smartsync.documents._doc import Document, Line, Table
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind

HEADER = ["No", "Sasaran", "Kode", "Program", "Pagu 2022", "Pagu 2023", "Perangkat Daerah"]


def _plan(*items, kind: PlanKind = PlanKind.RPJMD, period=(2021, 2026)):
    """Draft one plan from lines (str) and tables (lists of rows) as a reader gives them."""
    converted = []
    for page, item in enumerate(items, 1):
        if isinstance(item, str):
            converted.append(Line(item, page))
        elif isinstance(item, Table):
            item.pages = [page] * len(item.cells)
            converted.append(item)
        else:
            converted.append(Table([list(r) for r in item], pages=[page] * len(item)))
    draft = draft_plan(kind, [Document("rpjmd.pdf", converted, pages=len(items))])
    plan, _ = _finish(draft, Period(*period), "en")
    return plan


def _programs(plan) -> dict[str, tuple[int | None, float, tuple[str, ...]]]:
    return {p.text: (p.budget, p.confidence.score if p.confidence else 1.0,
                     p.confidence.reasons if p.confidence else ()) for p in plan.at("program")}


def _row(no: str, code: str, name: str, a: str, b: str) -> list[str]:
    return [no, "Meningkatnya indeks SPBE", code, name, a, b, "Diskominfo"]


def test_a_unit_said_above_the_first_page_holds_for_the_header_repeated_on_the_next() -> None:
    """A six-page table in "Rp juta" whose header repeats on each page: every page in millions."""
    plan = _plan("Tabel 7.1 Indikasi Rencana Program (dalam juta rupiah)",
                 [HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "1.500", "2.000")],
                 [HEADER, _row("2", "2.16.03", "Program Informasi Publik", "28.958,16", "100")])
    programs = _programs(plan)
    assert programs["Program Aplikasi Informatika"] == (3_500_000_000, 1.0, ())
    assert programs["Program Informasi Publik"] == (29_058_160_000, 1.0, ())


def test_a_unit_in_the_note_under_the_table_is_read() -> None:
    """ "Keterangan: angka dalam ribuan rupiah" under the table sets its unit."""
    plan = _plan([HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "1.500.000", "2.000.000")],
                 "Keterangan: angka dalam ribuan rupiah")
    assert _programs(plan)["Program Aplikasi Informatika"] == (3_500_000_000, 1.0, ())


def test_a_table_with_no_unit_anywhere_is_read_by_the_size_of_its_figures_and_doubted() -> None:
    """13.836,57 with no unit is not Rp 13,837: read as millions, at confidence 0.5, saying why."""
    plan = _plan([HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "13.836,57", "1.000")])
    budget, score, reasons = _programs(plan)["Program Aplikasi Informatika"]
    assert budget == 14_836_570_000 and score == 0.5
    assert reasons == ("the table does not say its money unit: its figures were read as Rp juta from their size",)


def test_a_jumlah_row_that_adds_up_confirms_the_programs() -> None:
    """Sub-totals per sasaran and a grand total that add up leave the programs at full confidence."""
    plan = _plan([HEADER,
                  _row("1", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000", "2.000.000.000"),
                  _row("2", "2.16.03", "Program Informasi Publik", "500.000.000", "500.000.000"),
                  ["", "Jumlah Sasaran 1", "", "", "1.500.000.000", "2.500.000.000", ""],
                  _row("3", "2.17.02", "Program Persandian", "250.000.000", "250.000.000"),
                  ["", "Jumlah Sasaran 2", "", "", "250.000.000", "250.000.000", ""],
                  ["", "JUMLAH TOTAL", "", "", "1.750.000.000", "2.750.000.000", ""]])
    assert {name: score for name, (_, score, _) in _programs(plan).items()} == {
        "Program Aplikasi Informatika": 1.0, "Program Informasi Publik": 1.0, "Program Persandian": 1.0}


def test_a_jumlah_row_that_does_not_add_up_doubts_the_rows_above_it_with_both_figures() -> None:
    """A total the rows do not reach is said, with the printed total and the sum."""
    plan = _plan([HEADER,
                  _row("1", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000", "2.000.000.000"),
                  _row("2", "2.16.03", "Program Informasi Publik", "500.000.000", "500.000.000"),
                  ["", "JUMLAH", "", "", "1.500.000.000", "3.500.000.000", ""]])
    for name in ("Program Aplikasi Informatika", "Program Informasi Publik"):
        _, score, reasons = _programs(plan)[name]
        assert score == 0.5
        assert reasons[0] == ('the table\'s row "JUMLAH" (rpjmd.pdf p. 1) says Rp 5.000.000.000; '
                              "the 2 program rows above it add up to Rp 4.000.000.000")


def test_a_total_a_thousand_times_the_rows_says_the_unit_may_be_wrong() -> None:
    """A grand total in rupiah over rows read in thousands is a unit read wrong: said so."""
    plan = _plan([HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "1.000.000 ", "2.000.000"),
                  ["", "TOTAL", "", "", "1.000.000.000", "2.000.000.000", ""]],
                 "(dalam ribuan rupiah)")
    _, score, reasons = _programs(plan)["Program Aplikasi Informatika"]
    assert score < 1 and "a money unit read wrong?" in reasons[0]


def test_a_budget_below_one_million_rupiah_is_doubted() -> None:
    """A pagu of Rp 13,837 (a unit left out, the column says "Rp") is implausible: doubted."""
    header = HEADER[:4] + ["Pagu 2022 (Rp)", "Pagu 2023 (Rp)", "Perangkat Daerah"]
    plan = _plan([header, _row("1", "2.16.02", "Program Aplikasi Informatika", "13.836,57", "-")])
    budget, score, reasons = _programs(plan)["Program Aplikasi Informatika"]
    assert budget == 13_837 and score == 0.5 and "too small for a regional program" in reasons[0]


def test_a_budget_above_the_plans_largest_printed_total_is_doubted() -> None:
    """A program larger than the plan's own grand total is read wrong somewhere."""
    plan = _plan("(dalam rupiah)",
                 [HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000", "1.000.000.000"),
                  ["", "JUMLAH", "", "", "1.000.000.000", "1.000.000.000", ""]],
                 [HEADER, _row("2", "2.16.03", "Program Informasi Publik", "9.000.000.000", "9.000.000.000")])
    _, score, reasons = _programs(plan)["Program Informasi Publik"]
    assert score == 0.5 and "larger than the largest total the plan prints (Rp 2.000.000.000)" in reasons[0]


def test_years_that_do_not_add_up_to_the_total_column_are_doubted() -> None:
    """The sum of the yearly pagu against the table's own total column."""
    header = HEADER[:6] + ["Total Pagu", "Perangkat Daerah"]
    row = ["1", "Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000",
           "2.000.000.000", "9.000.000.000", "Diskominfo"]
    budget, score, reasons = _programs(_plan([header, row]))["Program Aplikasi Informatika"]
    assert budget == 3_000_000_000 and score == 0.7
    assert reasons == ("the yearly pagu add up to 3.000.000.000, not to the total column's 9.000.000.000",)


def test_a_program_read_twice_with_other_figures_is_a_contradiction_said() -> None:
    """The same program in two tables with different pagu: both figures and places said."""
    plan = _plan([HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000", "-")],
                 "BAB VIII",
                 [HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika", "2.000.000.000", "-")])
    _, score, reasons = _programs(plan)["Program Aplikasi Informatika"]
    assert score == 0.5 and reasons[0].startswith("read twice with different pagu: Rp 1.000.000.000 (rpjmd.pdf p. 1")


def test_two_money_columns_of_one_year_are_added() -> None:
    """ "Pagu 2022 APBD" and "Pagu 2022 DAK": the year's pagu is their sum, not the last one."""
    header = ["Sasaran", "Kode", "Program", "Pagu 2022 APBD (Rp)", "Pagu 2022 DAK (Rp)"]
    plan = _plan([header, ["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika",
                           "1.000.000.000", "250.000.000"]])
    assert _programs(plan)["Program Aplikasi Informatika"][0] == 1_250_000_000


def test_realisasi_columns_are_skipped() -> None:
    """Spending already made ("Realisasi 2022") is not the plan's pagu."""
    header = ["Sasaran", "Kode", "Program", "Realisasi 2022 (Rp)", "Pagu 2023 (Rp)"]
    plan = _plan([header, ["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika",
                           "7.000.000.000", "1.000.000.000"]])
    assert _programs(plan)["Program Aplikasi Informatika"][0] == 1_000_000_000


def test_pagu_columns_numbered_by_year_of_the_plan_are_all_summed() -> None:
    """pagu_1 .. pagu_5 (a SIPD export) are the plan's five years: the budget is their sum."""
    header = ["kode_urusan", "kode_bidang", "kode_program", "nama_program", "sasaran"] + [
        f"pagu_{k}" for k in range(1, 6)]
    rows = [header, ["1", "1.02", "02", "Program Pemenuhan Upaya Kesehatan", "Menurunnya angka kesakitan",
                     "100", "200", "300", "400", "500"]]
    plan = _plan("(dalam juta rupiah)", rows)
    program = plan.at("program")[0]
    assert (program.code, program.budget) == ("1.02.02", 1_500_000_000)
    assert program.provenance.budget_by_year == (("ke-1", 100_000_000), ("ke-2", 200_000_000), (
        "ke-3", 300_000_000), ("ke-4", 400_000_000), ("ke-5", 500_000_000))


def test_each_years_pagu_is_kept_with_its_year_in_the_provenance_and_the_region_file(tmp_path: Path) -> None:
    """The budget is the sum of the years within the plan; the provenance keeps every year read,
    with its year, in rupiah, and a region file written and read back keeps them."""
    from smartsync.io import dumps_region, read_region

    rpjmd = tmp_path / "rpjmd.csv"
    rpjmd.write_text("RPJMD KOTA UJI TAHUN 2025-2029\n"
                     "Sasaran;Kode;Program;Pagu 2025 (Rp juta);Pagu 2026 (Rp juta);Pagu 2030 (Rp juta)\n"
                     "Meningkatnya indeks SPBE;2.16.02;Program Aplikasi Informatika;1.000;1.500,5;700\n",
                     encoding="utf-8")
    masterplan = tmp_path / "masterplan.csv"
    masterplan.write_text("MASTERPLAN SMART CITY KOTA UJI 2025-2034\nDimensi;Program\nSmart Governance;Satu data\n",
                          encoding="utf-8")
    region = draft_region(rpjmd=rpjmd, masterplan=masterplan).region
    program = region.rpjmd.at("program")[0]
    assert program.budget == 2_500_500_000
    assert program.provenance.budget_by_year == (("2025", 1_000_000_000), ("2026", 1_500_500_000),
                                                 ("2030", 700_000_000))
    text = dumps_region(region)
    assert "budget_by_year:\n      - year: '2025'\n        budget: 1000000000\n" in text
    assert read_region(text) == region


def test_a_pagu_below_zero_is_left_out_and_doubted() -> None:
    """ "-1.000.000.000" in a pagu column is no pagu: not summed, the program doubted, no crash."""
    budget, score, reasons = _programs(_plan([HEADER, _row("1", "2.16.02", "Program Aplikasi Informatika",
                                                         "-1.000.000.000", "2.000.000.000")]))[
        "Program Aplikasi Informatika"]
    assert budget == 2_000_000_000 and score == 0.5
    assert reasons == ('a pagu cell reads "-1.000.000.000", below zero: left out of the budget, check it',)


def test_an_unusable_table_is_named_with_the_columns_it_recognised(tmp_path: Path) -> None:
    """The error names the file and what each recognised column was read as."""
    rpjmd = tmp_path / "rpjmd.csv"
    rpjmd.write_text("kode_urusan;kode_bidang;pagu_1\n1;1.02;100\n", encoding="utf-8")
    masterplan = tmp_path / "mp.csv"
    masterplan.write_text("Dimensi;Program\nSmart Governance;Satu data\n", encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period="2021-2026", masterplan_period="2022-2031")
    text = str(caught.value)
    assert "no plan elements found in the RPJMD documents" in text and str(rpjmd) in text
    assert "'kode_urusan' (part of a code)" in text and "'pagu_1' (yearly pagu)" in text


def test_numbering_doubts_repeats_and_going_back_not_only_gaps() -> None:
    """Misi 1, 2, 2, 1 and 4: the second 2, the 1 after it and the 4 after a gap are each doubted."""
    plan = _plan("BAB V VISI DAN MISI", "Misi", "1. Satu", "2. Dua", "2. Dua lagi", "1. Satu lagi", "3. Tiga",
                 "5. Lima")
    doubted = {m.text: m.confidence.reasons[0] for m in plan.at("mission") if m.confidence}
    assert doubted == {"Dua lagi": "a gap or repeat in the numbering (2 after 2)",
                       "Satu lagi": "a gap or repeat in the numbering (1 after 2)",
                       "Tiga": "a gap or repeat in the numbering (3 after 1)",
                       "Lima": "a gap or repeat in the numbering (5 after 3)"}


def test_numbering_may_start_again_or_go_on_after_a_heading_but_not_jump() -> None:
    """Programs numbered from 1 under each dimension heading (or on from the last) are sure;
    a jump after a heading, or a restart with no heading between, is doubted (newuser finding F30)."""
    plan = _plan("BAB V RENCANA PROGRAM SMART CITY", "Smart Governance", "1. Satu data", "2. Aplikasi layanan",
                 "Smart Economy", "1. Lokapasar UMKM", "2. Pasar digital", "Smart Living", "3. Telemedisin",
                 "Smart Society", "5. Literasi digital", "1. Kelas coding", kind=PlanKind.MASTERPLAN,
                 period=(2022, 2031))
    doubted = {p.text: p.confidence.reasons[0] for p in plan.at("program") if p.confidence}
    assert [p.dimension.value for p in plan.at("program")][:5] == ["governance"] * 2 + ["economy"] * 2 + ["living"]
    assert doubted == {"Literasi digital": "a gap or repeat in the numbering (5 after 3)",
                       "Kelas coding": "a gap or repeat in the numbering (1 after 5)"}


def test_the_weights_of_several_doubts_are_summed_into_the_confidence() -> None:
    """A program with a code of the wrong shape (0.3) and no target above it (0.4): 0.3."""
    header = ["Kode", "Program", "Pagu 2022 (Rp)"]
    plan = _plan([header, ["2.16", "Program Aplikasi Informatika", "1.000.000.000"],
                  ["2.16.02.01", "Program Informasi Publik", "1.000.000.000"]])
    program = plan.at("program")[0]
    assert program.text == "Program Informasi Publik"
    assert program.confidence.score == 0.3 and len(program.confidence.reasons) == 2


def test_a_vertically_merged_word_cell_fills_the_rows_below_and_says_so(tmp_path: Path) -> None:
    """A target cell merged down over two program rows in Word: both programs under it, the second
    one saying its target came from the merged cell."""
    docx = pytest.importorskip("docx")
    from smartsync.documents.readers import read_document

    document = docx.Document()
    document.add_paragraph("RPJMD KOTA UJI TAHUN 2021-2026")
    table = document.add_table(rows=3, cols=4)
    for c, text in enumerate(["Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"]):
        table.cell(0, c).text = text
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "Meningkatnya indeks SPBE"
    for r, (code, name) in enumerate([("2.16.02", "Program Aplikasi Informatika"),
                                      ("2.16.03", "Program Informasi Publik")], 1):
        table.cell(r, 1).text, table.cell(r, 2).text, table.cell(r, 3).text = code, name, "1.000.000.000"
    path = tmp_path / "rpjmd.docx"
    document.save(path)
    read = read_document(path).items[1]
    assert read.covered[2][0] and not read.covered[1][0] and read.cells[2][0] == ""
    plan, _ = _finish(draft_plan(PlanKind.RPJMD, [read_document(path)]), Period(2021, 2026), "en")
    target = plan.at("target")[0]
    assert [p.parents for p in plan.at("program")] == [(target.id,), (target.id,)]
    assert plan.at("program")[1].confidence is None  # a merged cell is the document's own structure


def test_a_masterplan_quick_win_of_tens_of_millions_is_read_as_rupiah() -> None:
    """A masterplan table with no unit: Rp 150.000.000 a quick win is rupiah, not thousands."""
    plan = _plan("MASTERPLAN SMART CITY KOTA UJI 2022-2031", "BAB IV RENCANA AKSI",
                 [["No", "Dimensi", "Quick Win", "Anggaran 2023"],
                  ["1", "Smart Governance", "Satu data kota", "150.000.000"],
                  ["2", "Smart Living", "Layanan darurat 112", "90.000.000"]],
                 kind=PlanKind.MASTERPLAN, period=(2022, 2031))
    assert _programs(plan) == {"Satu data kota": (150_000_000, 1.0, ()), "Layanan darurat 112": (90_000_000, 1.0, ())}


def test_a_caption_repeated_on_every_pdf_page_keeps_its_unit(tmp_path: Path) -> None:
    """A landscape program table over four PDF pages, "(dalam juta rupiah)" in the caption
    repeated at the top of each page and no unit in the header: every page in millions."""
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from docbuild import PAGE, write_pdf

    from smartsync.documents.readers import read_document

    story: list = []
    header = ["Sasaran", "Kode", "Program", "Pagu 2022", "Pagu 2023"]
    for page in range(4):
        rows = [header] + [["Meningkatnya indeks SPBE", f"2.16.{page * 3 + k + 2:02d}",
                            f"Program Uji Halaman {page + 1} Nomor {k + 1}", "1.250,50", "2.000"] for k in range(3)]
        story += ["Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)", rows, PAGE]
    path = write_pdf(tmp_path / "rpjmd-bab7.pdf", story, style="BodyText", landscape=True)
    plan, _ = _finish(draft_plan(PlanKind.RPJMD, [read_document(path)]), Period(2021, 2026), "en")
    budgets = {p.budget for p in plan.at("program")}
    assert len(plan.at("program")) == 12 and budgets == {3_250_500_000}
    assert all(p.confidence is None for p in plan.at("program"))


def test_target_pagu_per_tahun_and_pagu_year_columns_are_understood() -> None:
    """ "Target/Pagu per Tahun" over years over Target | Pagu pairs, and ``pagu_2025`` columns."""
    rows = [["Sasaran", "Kode", "Program", "Target/Pagu per Tahun", "", "", "", "Perangkat Daerah"],
            ["", "", "", "2025", "", "2026", "", ""],
            ["", "", "", "Target", "Pagu", "Target", "Pagu", ""],
            ["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika", "2,5", "1.000.000.000", "2,8",
             "1.500.000.000", "Diskominfo"]]
    across = [[False] * 4 + [True] * 3 + [False], [False] * 4 + [True, False, True, False], [False] * 8, [False] * 8]
    plan = _plan(Table(rows, across=across), period=(2025, 2029))
    assert _programs(plan)["Program Aplikasi Informatika"] == (2_500_000_000, 1.0, ())
    sipd = [["sasaran", "kode_program", "nama_program", "pagu_2025", "pagu_2026", "pagu_2031"],
            ["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika", "1000000000", "1500000000", "9"]]
    assert _programs(_plan(sipd, period=(2025, 2029)))["Program Aplikasi Informatika"][0] == 2_500_000_000


def test_a_sum_named_in_a_sentence_near_a_table_is_not_its_unit() -> None:
    """ "... anggaran sebesar Rp 5 miliar ..." above or under a table says no unit of it."""
    plan = _plan("Pada tahun 2020 anggaran sebesar Rp 5 miliar telah dibelanjakan untuk program ini.",
                 [HEADER[:4] + ["Pagu 2022 (Rp)", "Pagu 2023 (Rp)", "Perangkat Daerah"],
                  _row("1", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000", "-")],
                 "Dalam pelaksanaannya, biaya sebesar Rp 2 miliar berasal dari DAK.")
    assert _programs(plan)["Program Aplikasi Informatika"] == (1_000_000_000, 1.0, ())


def test_a_program_coded_by_its_own_part_takes_its_fields_code_from_the_rows_above() -> None:
    """Under an urusan row "2" and a bidang row "2.16", a program coded "03" is 2.16.03 (the code
    the nomenclature gives it: no doubt); a new urusan resets the field; a table of its own
    starts with none."""
    header = ["No", "Sasaran", "Kode", "Program", "Pagu 2022", "Pagu 2023", "Perangkat Daerah"]
    plan = _plan("Tabel 7.1 Indikasi Rencana Program (Rp)",
                 [header,
                  ["", "", "2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", "", "", ""],
                  ["", "", "2.16", "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA", "", "", ""],
                  _row("1", "03", "Program Pengelolaan Aplikasi Informatika", "1.500.000.000", "2.000.000.000"),
                  ["", "", "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", "", "", ""],
                  _row("2", "02", "Program Pengelolaan Pendidikan", "1.000.000.000", "1.000.000.000")])
    programs = {p.text: p for p in plan.at("program")}
    informatika = programs["Program Pengelolaan Aplikasi Informatika"]
    assert (informatika.code, informatika.provenance.code) == ("2.16.03", "03")
    assert informatika.budget == 3_500_000_000
    # under urusan 1 no field is known: the part stays as written, doubted for its shape
    pendidikan = programs["Program Pengelolaan Pendidikan"]
    assert pendidikan.code == "02" and pendidikan.confidence is not None


def test_a_tables_outline_numbers_place_its_goals_and_targets() -> None:
    """A table of goals and targets with a "Kode" column ("1.1", "1.1.1") and no program column:
    the codes number them (no urusan or bidang row is dropped), a goal goes under its mission's
    number, a target left under a goal carried down the table goes under the goal its number
    names, and says so."""
    plan = _plan("BAB V VISI, MISI, TUJUAN DAN SASARAN", "Visi", "Kota maju dan sejahtera", "Misi",
                 "1. Mewujudkan tata kelola yang baik", "2. Meningkatkan ekonomi daerah",
                 [["Kode", "Tujuan", "Sasaran", "Indikator Sasaran"],
                  ["1.1", "Meningkatnya kualitas tata kelola", "", ""],
                  ["1.1.1", "", "Meningkatnya indeks SPBE", "Indeks SPBE"],
                  ["2.1", "Meningkatnya ekonomi", "", ""],
                  ["2.1.1", "", "Meningkatnya PDRB", "PDRB"],
                  ["1.1.2", "", "Meningkatnya kepuasan layanan", "IKM"]])
    placed = {e.text: (e.id, [plan[p].text for p in e.parents], e.confidence) for e in plan.elements
              if e.level.value in ("goal", "target")}
    assert placed["Meningkatnya kualitas tata kelola"] == ("T1.1", ["Mewujudkan tata kelola yang baik"], None)
    assert placed["Meningkatnya ekonomi"][:2] == ("T2.1", ["Meningkatkan ekonomi daerah"])
    assert placed["Meningkatnya indeks SPBE"] == ("S1.1.1", ["Meningkatnya kualitas tata kelola"], None)
    assert placed["Meningkatnya PDRB"] == ("S2.1.1", ["Meningkatnya ekonomi"], None)
    kepuasan = placed["Meningkatnya kepuasan layanan"]
    assert kepuasan[:2] == ("S1.1.2", ["Meningkatnya kualitas tata kelola"])
    assert kepuasan[2].reasons == ("its number 1.1.2 places it under goal 1.1, not under the goal carried "
                                   "down the table",)


def test_columns_read_as_the_total_that_disagree_leave_the_budget_doubted() -> None:
    """Yearly columns whose years the header lost ("Pagu 20" / "25" read apart) are each taken
    for a total: differing figures in them make the budget doubted, never the first one at full
    confidence."""
    header = ["No", "Program", "Pagu", "Pagu", "Total Pagu"]
    plan = _plan("Tabel 7.1 (dalam rupiah)",
                 [header, ["1", "Program Pengelolaan Arsip", "4.870.000.000", "40.588.000.000", "45.458.000.000"]])
    program = plan.at("program")[0]
    assert program.confidence is not None and program.confidence.score <= 0.5
    assert "columns read as the total pagu hold different figures" in program.confidence.reasons[0]


_TARGETS = ("BAB V VISI, MISI, TUJUAN DAN SASARAN", "Misi", "1. Mewujudkan tata kelola yang baik",
            "2. Meningkatkan ekonomi daerah",
            [["Kode", "Tujuan"], ["1.1", "Meningkatnya kualitas tata kelola"],
             ["1.2", "Meningkatnya pelayanan publik"], ["2.1", "Meningkatnya daya saing ekonomi"]],
            [["Kode", "Sasaran", "Indikator"], ["1.2.1", "Meningkatnya indeks SPBE", "Indeks SPBE"],
             ["2.1.1", "Meningkatnya investasi", "Nilai investasi"]])
_PROGRAMS = ("Program Aplikasi Informatika", "Program Pengembangan Iklim Penanaman Modal")


def _parents(plan, level: str) -> dict[str, list[str]]:
    return {e.text: [plan[p].text for p in e.parents] for e in plan.elements if e.level.value == level}


@pytest.mark.parametrize("rows", [
    [["Kode Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"],
     ["1.2.1", "2.16.02", _PROGRAMS[0], "1.500.000.000"], ["2.1.1", "2.18.02", _PROGRAMS[1], "2.500.000.000"]],
    [["Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"],
     ["1.2.1", "2.16.02", _PROGRAMS[0], "1.500.000.000"], ["S2.1.1", "2.18.02", _PROGRAMS[1], "2.500.000.000"]],
    [["Kode", "Program", "Pagu 2022 (Rp)"], ["Sasaran 1.2.1", "", ""],
     ["2.16.02", _PROGRAMS[0], "1.500.000.000"], ["Sasaran 2.1.1", "", ""],
     ["2.18.02", _PROGRAMS[1], "2.500.000.000"]],
    [["No", "Kode", "Program", "Pagu 2022 (Rp)"],
     ["1.2.1.1", "2.16.02", _PROGRAMS[0], "1.500.000.000"], ["2.1.1.1", "2.18.02", _PROGRAMS[1], "2.500.000.000"]],
], ids=["kode-sasaran-column", "number-in-sasaran-column", "group-rows-by-number", "numbered-under-target"])
@pytest.mark.parametrize("programs_first", [False, True], ids=["targets-before", "targets-after"])
def test_a_program_row_naming_its_target_by_number_takes_it_from_another_table(rows, programs_first) -> None:
    """A program table naming each row's target by its number only ("Kode Sasaran" 1.2.1, "1.2.1" in
    the Sasaran column, a group row "Sasaran 1.2.1", rows numbered "1.2.1.1" under their target)
    places its programs under the targets another table (before or after it) states; its code
    column is the program's code, never the target's."""
    programs = ("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS", rows)
    plan = _plan(*(programs + _TARGETS if programs_first else _TARGETS + programs))
    assert _parents(plan, "program") == {_PROGRAMS[0]: ["Meningkatnya indeks SPBE"],
                                         _PROGRAMS[1]: ["Meningkatnya investasi"]}
    assert {p.code for p in plan.at("program")} == {"2.16.02", "2.18.02"}
    assert all(p.confidence is None for p in plan.at("program"))
    assert {e.text for e in plan.at("target")} == {"Meningkatnya indeks SPBE", "Meningkatnya investasi"}
    assert _parents(plan, "target") == {"Meningkatnya indeks SPBE": ["Meningkatnya pelayanan publik"],
                                        "Meningkatnya investasi": ["Meningkatnya daya saing ekonomi"]}


def test_a_target_numbered_under_a_goal_the_plan_does_not_have_goes_under_its_mission() -> None:
    """Targets numbered 1.2.1 in a plan with no goals: mission 1 is their parent, by the number,
    not the mission that came last."""
    plan = _plan(*_TARGETS[:4], [["Kode", "Sasaran"], ["1.2.1", "Meningkatnya indeks SPBE"],
                                 ["2.1.1", "Meningkatnya investasi"]])
    assert _parents(plan, "target") == {"Meningkatnya indeks SPBE": ["Mewujudkan tata kelola yang baik"],
                                        "Meningkatnya investasi": ["Meningkatkan ekonomi daerah"]}
    assert all(t.confidence is None for t in plan.at("target"))


def test_a_row_naming_a_target_the_plan_does_not_state_is_unplaced_and_says_the_number() -> None:
    """"Kode Sasaran" 1.2.9 names no target: the program is left without a parent, doubted with the
    number it names, not put under whichever target came last."""
    plan = _plan(*_TARGETS, "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS",
                 [["Kode Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"],
                  ["1.2.9", "2.16.02", _PROGRAMS[0], "1.500.000.000"]])
    program = plan.at("program")[0]
    assert program.parents == ()
    assert program.confidence.reasons == ("its row names target 1.2.9, which the plan does not state",)
