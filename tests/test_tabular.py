"""Tabular input: regions, elements and matches tables (CSV folder or .xlsx workbook)."""

from __future__ import annotations

import codecs
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from smartsync import RegionFileError, Severity, classify, load_regions
from smartsync.tabular import (
    COLUMNS,
    dump_tables,
    is_tables,
    iter_table_regions,
    load_tables,
)
from strategies import regions, examples

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "tables" / "small"
BAD = ROOT / "tests" / "data" / "tables" / "bad"


def copy_small(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    shutil.copytree(SMALL, folder)
    return folder


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def only_errors(report):  # type: ignore[no-untyped-def]
    return [p for p in report.problems if p.severity is Severity.ERROR]


# ---------------------------------------------------------------- reading good tables


def test_small_tables_give_their_regions_in_table_order():
    """Each row of the regions table gives a region, in the order of the table."""
    regions_ = load_tables(SMALL)
    assert [r.id for r in regions_] == ["3374", "3322", "3671"]
    assert [r.name for r in regions_] == ["Kota Semarang", "Kabupaten Semarang", "Kota Tangerang"]
    assert [classify(r).type_letter for r in regions_] == ["A", "D", None]


def test_cells_are_read_as_the_region_file_would_read_them():
    """Periods, Indonesian level names, lists split at '|', budgets and scores become typed values."""
    semarang = load_tables(SMALL)[0]
    assert (semarang.rpjmd.period.start, semarang.rpjmd.period.end) == (2021, 2026)
    assert semarang.province == "Jawa Tengah"
    assert semarang.rpjmd["S1"].level.value == "target"
    assert semarang.rpjmd["P1"].budget == 12_500_000_000
    assert semarang.rpjmd["P1"].code == "2.21.02"
    assert semarang.masterplan["ST1"].indicators == ("Jumlah layanan daring", "Indeks SPBE")
    assert semarang.masterplan["SM1"].dimension.value == "governance"
    suggested = [m for m in semarang.matches if m.source.value == "suggested"]
    assert [(m.masterplan, m.rpjmd, m.score) for m in suggested] == [("SP1", "P1", 0.71)]
    assert semarang.matches[0].note == "Masterplan Bab III hlm. 21"


def test_tables_of_the_examples_give_the_example_regions(tmp_path):
    """Regions written as CSV tables read back equal to the region files they came from."""
    examples = load_regions(ROOT / "examples")
    dump_tables(examples, tmp_path / "t")
    assert load_tables(tmp_path / "t") == examples


def test_workbook_of_the_examples_gives_the_example_regions(tmp_path):
    """Regions written as an .xlsx workbook read back equal to the region files."""
    pytest.importorskip("openpyxl")
    examples = load_regions(ROOT / "examples")
    dump_tables(examples, tmp_path / "book.xlsx")
    assert load_tables(tmp_path / "book.xlsx") == examples


def _table_safe(region) -> bool:  # type: ignore[no-untyped-def]
    """Whether the region's values survive a table: ids without surrounding spaces, no separators."""
    def clean(value):  # type: ignore[no-untyped-def]
        return value is None or value == value.strip()

    ids = [region.id] + [m.masterplan for m in region.matches] + [m.rpjmd for m in region.matches]
    for plan in (region.rpjmd, region.masterplan):
        for e in plan.elements:
            ids += [e.id, e.code, *e.parents]
            if any(";" in p or "|" in p for p in e.parents):
                return False
            if any("|" in i or not clean(i) for i in e.indicators):
                return False
    if any("|" in t or not clean(t) for m in region.matches for t in m.evidence):
        return False
    if "\\x00" in repr(region):  # Python 3.10's csv module cannot write NUL
        return False
    return all(clean(i) for i in ids)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.filter_too_much])
@given(region=regions(max_elements=6, max_matches=6))
def test_csv_tables_round_trip_any_region(tmp_path_factory, region):
    """Any valid region written to CSV tables reads back equal (texts as written, any Unicode)."""
    assume(_table_safe(region))
    folder = tmp_path_factory.mktemp("round")
    dump_tables([region], folder)
    assert load_tables(folder) == [region]


def test_a_byte_order_mark_is_tolerated(tmp_path):
    """A UTF-8 byte order mark (as Excel writes it) does not disturb the header."""
    folder = copy_small(tmp_path)
    data = (folder / "regions.csv").read_bytes()
    (folder / "regions.csv").write_bytes(codecs.BOM_UTF8 + data)
    assert [r.id for r in load_tables(folder)] == ["3374", "3322", "3671"]


def test_headers_ignore_case_and_spaces(tmp_path):
    """Column names are matched ignoring case, surrounding spaces and spaces for underscores."""
    folder = copy_small(tmp_path)
    text = (folder / "regions.csv").read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    write(folder / "regions.csv", first.upper().replace("RPJMD_START", " Rpjmd Start ") + "\n" + rest)
    assert len(load_tables(folder)) == 3


def test_parents_may_be_separated_by_semicolons_or_bars(tmp_path):
    """A parents cell lists ids separated by ';' or '|', with spaces around them."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows.append("3671,rpjmd,M1,misi,Misi satu,V,,,,")
    rows.append("3671,rpjmd,M2,misi,Misi dua,V,,,,")
    rows.append("3671,rpjmd,S1,sasaran,Sasaran bersama,M1 ; M2,,,,")
    rows.append("3671,rpjmd,S2,sasaran,Sasaran lain,M1|M2,,,,")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    tangerang = load_tables(folder)[2]
    assert tangerang.rpjmd["S1"].parents == ("M1", "M2")
    assert tangerang.rpjmd["S2"].parents == ("M1", "M2")


def test_blank_rows_are_skipped_and_rows_keep_spreadsheet_numbers(tmp_path):
    """Blank rows are not data, but the rows after them keep the number a spreadsheet shows."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows[3:3] = ["", ",,,,,,,,,"]  # rows 4 and 5 are blank
    rows.append("3671,masterplan,SX,programme,Program salah,,,,,")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    reports = list(iter_table_regions(folder))
    tangerang = reports[2]
    [problem] = only_errors(tangerang)
    assert problem.line == len(rows)
    assert problem.file.endswith("elements.csv")
    assert "programme" in problem.message


def test_a_cell_with_a_line_break_is_one_row(tmp_path):
    """A quoted cell holding a line break keeps the rows after it numbered as a spreadsheet shows."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows.append('3671,rpjmd,M1,misi,"Misi dengan\ndua baris",V,,,,')
    rows.append("3671,rpjmd,M2,misi,Misi salah,V0,,,,")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    tangerang = list(iter_table_regions(folder))[2]
    assert [(p.line, p.code) for p in tangerang.errors] == [(len(rows), "unknown-parent")]


def test_warning_names_table_row_and_element(tmp_path):
    """A program without a budget is a warning naming elements.csv, its row and the element."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows.append("3671,rpjmd,P2,program,Program tanpa pagu,V,2.11.04,,,")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    tangerang = list(iter_table_regions(folder))[2]
    assert tangerang.ok
    [warning] = [p for p in tangerang.warnings if p.code == "no-budget"]
    assert warning.file.endswith("elements.csv")
    assert warning.line == len(rows)
    assert "rpjmd element P2" in warning.where


# ---------------------------------------------------------------- bad rows


def test_bad_cells_name_table_row_and_column():
    """A misspelt level is an error naming elements.csv, the row, the element and the column."""
    first = next(iter_table_regions(BAD))
    assert first.region is None and first.region_id == "3374"
    level = [p for p in first.errors if p.code == "unknown-level"][0]
    assert level.file == str(BAD / "elements.csv")
    assert level.line == 4
    assert level.where == "masterplan element SV, column level"
    assert level.suggestion == "vision"


def test_a_match_to_a_missing_element_names_the_matches_row():
    """A match naming an element the plan lacks is an error on its matches.csv row and column."""
    first = next(iter_table_regions(BAD))
    [problem] = [p for p in first.errors if p.file.endswith("matches.csv")]
    assert problem.line == 2
    assert problem.where == "match SP1 -> P2, column rpjmd"
    assert problem.suggestion == "P1"


def test_a_bad_year_names_the_regions_row_and_column():
    """A year that is no number is an error on the region's row and the period column."""
    second = list(iter_table_regions(BAD))[1]
    [problem] = second.errors
    assert (Path(problem.file).name, problem.line) == ("regions.csv", 3)
    assert problem.where.endswith("column rpjmd_start")
    assert "2O21" in problem.message


def test_rows_of_a_region_missing_from_the_regions_table_are_an_error():
    """Rows naming a region id the regions table lacks are reported, never dropped."""
    reports = list(iter_table_regions(BAD))
    orphan = reports[-1]
    assert orphan.region_id == "3375" and orphan.region is None
    [problem] = orphan.problems
    assert problem.code == "unknown-region"
    assert (Path(problem.file).name, problem.line, problem.where) == ("elements.csv", 10, "column region")
    assert problem.suggestion == "3374"


def test_load_tables_raises_one_error_listing_every_problem():
    """load_tables refuses bad tables with one error listing the problems of every bad region."""
    with pytest.raises(RegionFileError) as info:
        load_tables(BAD)
    codes = {p.code for p in info.value.errors}
    assert {"unknown-level", "unknown-element", "bad-period", "unknown-region"} <= codes or \
        {"unknown-level", "bad-period", "unknown-region"} <= codes
    assert "elements.csv:10" in str(info.value)


def test_an_empty_required_cell_is_named(tmp_path):
    """An empty text cell is an error naming its row and column."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("\"Semarang Kota Perdagangan dan Jasa yang Hebat menuju Masyarakat Semakin Sejahtera\"", "")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    [problem] = only_errors(next(iter_table_regions(folder)))
    assert (problem.line, problem.where) == (2, "rpjmd element V, column text")
    assert "empty" in problem.message


def test_an_unknown_plan_is_named_with_a_suggestion(tmp_path):
    """A plan cell other than rpjmd or masterplan is an error with a did-you-mean."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("3374,rpjmd,", "3374,rpjm,")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    problems = only_errors(next(iter_table_regions(folder)))
    plan = [p for p in problems if p.code == "unknown-plan"][0]
    assert (plan.line, plan.where, plan.suggestion) == (2, "column plan", "rpjmd")


def test_a_row_with_cells_beyond_the_header_fails_its_region(tmp_path):
    """A row with more cells than columns (an unquoted comma) is an error for its region."""
    folder = copy_small(tmp_path)
    rows = (folder / "matches.csv").read_text(encoding="utf-8").splitlines()
    rows.append("3322,SP1,P2,aligned,manual,,hlm. 3, 4")
    write(folder / "matches.csv", "\n".join(rows) + "\n")
    reports = list(iter_table_regions(folder))
    assert reports[0].ok and reports[2].ok
    [problem] = only_errors(reports[1])
    assert (problem.code, problem.line) == ("extra-cells", len(rows))


def test_a_duplicate_region_row_fails_that_region(tmp_path):
    """Two rows with one region id in the regions table are an error on the second row."""
    folder = copy_small(tmp_path)
    rows = (folder / "regions.csv").read_text(encoding="utf-8").splitlines()
    rows.append(rows[1].replace("Kota Semarang", "Kota Semarang (lagi)"))
    write(folder / "regions.csv", "\n".join(rows) + "\n")
    first = next(iter_table_regions(folder))
    assert first.region is None
    assert [(p.code, p.line) for p in first.errors] == [("duplicate-region", 5)]


def test_rows_without_a_region_id_are_reported(tmp_path):
    """An element row with an empty region cell is an error, not a silent loss."""
    folder = copy_small(tmp_path)
    rows = (folder / "elements.csv").read_text(encoding="utf-8").splitlines()
    rows.append(",rpjmd,X1,program,Program tanpa daerah,,,,,")
    write(folder / "elements.csv", "\n".join(rows) + "\n")
    reports = list(iter_table_regions(folder))
    assert [r.ok for r in reports[:3]] == [True, True, True]
    last = reports[-1]
    assert last.region_id is None and not last.ok
    assert [(p.line, p.where) for p in last.problems] == [(len(rows), "column region")]


# ---------------------------------------------------------------- tables that cannot be used


def test_a_missing_column_stops_the_tables(tmp_path):
    """A table without a required column gives one failed report naming the table and column."""
    folder = copy_small(tmp_path)
    text = (folder / "elements.csv").read_text(encoding="utf-8")
    write(folder / "elements.csv", text.replace("region,plan,id,level,text", "region,plan,id,lvl,text"))
    [report] = list(iter_table_regions(folder))
    assert report.region_id is None
    by_code = {p.code: p for p in report.problems}
    assert by_code["unknown-column"].suggestion == "level"
    assert by_code["missing-column"].where == "column level"
    assert by_code["missing-column"].line == 1
    assert by_code["missing-column"].file.endswith("elements.csv")


def test_a_missing_table_is_named(tmp_path):
    """A folder without matches.csv is an error naming the missing file."""
    folder = copy_small(tmp_path)
    (folder / "matches.csv").unlink()
    [report] = list(iter_table_regions(folder))
    [problem] = report.problems
    assert problem.code == "no-such-table" and problem.file.endswith("matches.csv")


def test_a_table_that_is_not_utf8_is_named_with_its_line(tmp_path):
    """A table saved in another encoding is an error naming the file and line."""
    folder = copy_small(tmp_path)
    rows = (folder / "regions.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace("Kabupaten", "Kabupat\u00e9n")
    (folder / "regions.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    [report] = list(iter_table_regions(folder))
    [problem] = report.problems
    assert (problem.code, problem.line) == ("not-utf8", 3)


def test_malformed_csv_names_the_row(tmp_path):
    """A stray quote that breaks the CSV is an error naming the table and the row."""
    folder = copy_small(tmp_path)
    rows = (folder / "matches.csv").read_text(encoding="utf-8").splitlines()
    rows.insert(3, '3374,SM1,M1,derived,manual,,"hlm. 22" dan 23')
    write(folder / "matches.csv", "\n".join(rows) + "\n")
    [report] = list(iter_table_regions(folder))
    [problem] = report.problems
    assert (problem.code, problem.line) == ("malformed-csv", 4)
    assert problem.file.endswith("matches.csv")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_any_line_ending_reads_the_same(tmp_path, newline):
    """Tables saved with Windows, old Mac or Unix line endings give the same regions."""
    folder = copy_small(tmp_path)
    for name in ("regions", "elements", "matches"):
        text = (folder / f"{name}.csv").read_text(encoding="utf-8")
        write(folder / f"{name}.csv", text.replace("\n", newline))
    assert load_tables(folder) == load_tables(SMALL)


def test_is_tables_tells_tables_from_region_folders(tmp_path):
    """A folder holding regions.csv and any .xlsx path are tables; a folder of region files is not."""
    assert is_tables(SMALL)
    assert is_tables(tmp_path / "book.xlsx")
    assert not is_tables(ROOT / "examples")


# ---------------------------------------------------------------- workbooks


def test_workbook_cells_typed_as_numbers_read_as_ids_years_and_budgets(tmp_path):
    """Ids, years and budgets a spreadsheet stores as numbers read as the texts and numbers meant."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "regions"
    book["regions"].append(list(COLUMNS["regions"]))
    book["regions"].append([3374, "Kota Semarang", "Kota", "Jawa Tengah", 2021, 2026.0, 2022, 2031])
    elements = book.create_sheet("Elements")
    elements.append(list(COLUMNS["elements"]))
    elements.append([3374, "rpjmd", "V", "visi", "Visi RPJMD", None, None, None, None, None])
    elements.append([3374, "rpjmd", 1, "program", "Program satu", "V", 2.16, None, None, 1.5e9])
    elements.append([3374, "masterplan", "SV", "vision", "Visi masterplan", None, None, None, None, None])
    elements.append([3374, "masterplan", "SP1", "program", "Program cerdas", "SV", None,
                     "Smart Governance", None, None])
    matches = book.create_sheet("matches")
    matches.append(list(COLUMNS["matches"]))
    matches.append([3374, "SP1", 1, "aligned", "suggested", 0.8, None, "layanan|data"])
    book.save(tmp_path / "book.xlsx")
    [region] = load_tables(tmp_path / "book.xlsx")
    assert region.id == "3374"
    assert region.rpjmd.period.end == 2026
    assert region.rpjmd["1"].code == "2.16" and region.rpjmd["1"].budget == 1_500_000_000
    assert region.masterplan["SP1"].dimension.value == "governance"
    assert region.matches[0].rpjmd == "1" and region.matches[0].evidence == ("layanan", "data")


def test_workbook_problems_name_the_sheet_and_row(tmp_path):
    """A bad cell in a workbook is an error naming the workbook's sheet and the row."""
    pytest.importorskip("openpyxl")
    regions_ = load_tables(SMALL)
    dump_tables(regions_, tmp_path / "book.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "book.xlsx")
    book["elements"]["D3"] = "misi?"
    book.save(tmp_path / "book.xlsx")
    first = next(iter_table_regions(tmp_path / "book.xlsx"))
    [problem] = first.errors
    assert problem.file == f"{tmp_path / 'book.xlsx'}[elements]"
    assert (problem.line, problem.where) == (3, "rpjmd element M1, column level")


def test_a_workbook_without_a_sheet_names_it(tmp_path):
    """A workbook lacking the matches sheet is an error with the closest sheet name."""
    openpyxl = pytest.importorskip("openpyxl")
    dump_tables(load_tables(SMALL), tmp_path / "book.xlsx")
    book = openpyxl.load_workbook(tmp_path / "book.xlsx")
    book["matches"].title = "match"
    book.save(tmp_path / "book.xlsx")
    [report] = list(iter_table_regions(tmp_path / "book.xlsx"))
    [problem] = report.problems
    assert problem.code == "no-such-table" and problem.suggestion == "match"
    assert "'matches'" in problem.message


def test_a_workbook_without_openpyxl_asks_for_the_extra(tmp_path, monkeypatch):
    """Reading .xlsx without openpyxl raises ImportError saying which extra to install."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportError, match=r"smartsync\[xlsx\]"):
        load_tables(tmp_path / "book.xlsx")


def test_a_file_that_is_no_workbook_is_an_error(tmp_path):
    """A .xlsx path holding something else is an error naming the file, not a traceback."""
    pytest.importorskip("openpyxl")
    (tmp_path / "book.xlsx").write_text("not a workbook")
    [report] = list(iter_table_regions(tmp_path / "book.xlsx"))
    assert report.problems[0].code == "unreadable"


def test_writing_a_separator_inside_a_parent_id_is_refused(tmp_path):
    """dump_tables refuses a parent id holding ';' rather than writing a cell that reads back wrong."""
    from smartsync import Element, Period, Plan, Region

    rpjmd = Plan("rpjmd", Period(2021, 2026), [Element("V;1", "vision", "Visi"),
                                               Element("M1", "mission", "Misi", parents=["V;1"])])
    masterplan = Plan("masterplan", Period(2021, 2026), [])
    region = Region("1", "Kota", "kota", rpjmd, masterplan)
    with pytest.raises(ValueError, match="separator"):
        dump_tables([region], tmp_path / "t")
