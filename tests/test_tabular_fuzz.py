"""Whatever a table holds, reading regions from tables (smartsync.tabular) answers with reports,
never with an exception: a CSV folder with any bytes or any cell in any table, a workbook with
any cell value in any sheet, any bytes as a workbook. A fuzz test of the tabular reader, bounded
(a few seconds); the slow run draws more."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import examples

from smartsync.tabular import TABLES, dump_tables, iter_table_regions, load_tables

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "tables" / "small"

_FUZZ = settings(max_examples=examples(40), deadline=None, suppress_health_check=list(HealthCheck))
_FUZZ_BOOKS = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
_LONG = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
_LONG_BOOKS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

#: what a hostile cell holds (as text)
_CELL_TEXT = st.one_of(
    st.sampled_from(["", " ", "=1+1", "+A1", "-2", "@x", "'", '"', '""', "a,b", "a\nb", "a\rb",
                     "\x00", "\ufeff", "\u2028", "1e400", "NaN", "inf", "-0", "2021.5", "99999999999",
                     "10" * 40, "rpjmd", "masterplan", "program", "visi", "V;;M1", "|", ";",
                     "x" * 5000, "\x1b[31mred", "\ud800"]),
    st.text(max_size=20),
)
#: what a hostile workbook cell holds (any type openpyxl writes)
_CELL_VALUE = st.one_of(
    # (what openpyxl can write: no control character but tab and line breaks, no surrogate)
    _CELL_TEXT.filter(lambda s: all((c >= " " or c in "\t\n\r") and not "\ud800" <= c <= "\udfff"
                                    for c in s)),
    st.integers(), st.floats(), st.booleans(), st.none(),
    st.dates(min_value=datetime.date(1900, 3, 1)),
)


def _reports(path):
    """Every report the tables at ``path`` give; each has a region or errors, and problems name a file."""
    reports = list(iter_table_regions(path))
    assert reports
    for report in reports:
        assert (report.region is None) == bool(report.errors)
        assert all(problem.file for problem in report.problems)
    return reports


def _small_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    dump_tables(load_tables(SMALL), folder)
    return folder


def _csv_case(tmp_path_factory, data):
    folder = _small_folder(tmp_path_factory)
    table = folder / f"{data.draw(st.sampled_from(TABLES))}.csv"
    raw = table.read_bytes()
    kind = data.draw(st.sampled_from(["bytes", "cut", "cell", "line"]))
    if kind == "bytes":
        at = data.draw(st.integers(0, len(raw)))
        raw = raw[:at] + data.draw(st.binary(min_size=1, max_size=20)) + raw[at:]
    elif kind == "cut":
        raw = raw[:data.draw(st.integers(0, len(raw)))]
    else:
        text = raw.decode("utf-8-sig")
        lines = text.split("\n")
        row = data.draw(st.integers(0, len(lines) - 1))
        if kind == "cell":
            cells = lines[row].split(",")
            cells[data.draw(st.integers(0, len(cells) - 1))] = data.draw(_CELL_TEXT)
            lines[row] = ",".join(cells)
        else:
            lines.insert(row, ",".join(data.draw(st.lists(_CELL_TEXT, max_size=12))))
        raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    table.write_bytes(raw)
    return folder


def _book_case(tmp_path_factory, data):
    openpyxl = pytest.importorskip("openpyxl")
    folder = tmp_path_factory.mktemp("book")
    path = folder / "book.xlsx"
    dump_tables(load_tables(SMALL), path)
    book = openpyxl.load_workbook(path)
    for _ in range(data.draw(st.integers(1, 4))):
        sheet = book[data.draw(st.sampled_from(TABLES))]
        row = data.draw(st.integers(1, sheet.max_row + 1))
        column = data.draw(st.integers(1, sheet.max_column + 1))
        sheet.cell(row=row, column=column, value=data.draw(_CELL_VALUE))
    book.save(path)
    return path


def _fuzzed(name, case, bounded, more, doc):
    """The bounded fuzz test ``name`` of the tables ``case`` makes (``doc``: what it pins)
    and its slow run drawing more, ``name_long``: the pair each kind of table gets."""

    @bounded
    @given(st.data())
    def test(tmp_path_factory, data):
        _reports(case(tmp_path_factory, data))

    @pytest.mark.slow
    @more
    @given(st.data())
    def test_long(tmp_path_factory, data):
        _reports(case(tmp_path_factory, data))

    test.__doc__, test_long.__doc__ = doc, "The same, on many more tables."
    test.__name__ = test.__qualname__ = name
    test_long.__name__ = test_long.__qualname__ = f"{name}_long"
    return test, test_long


test_any_csv_table_gives_reports, test_any_csv_table_gives_reports_long = _fuzzed(
    "test_any_csv_table_gives_reports", _csv_case, _FUZZ, _LONG,
    "A CSV table with bytes inserted, cut short, a cell or a row of junk gives reports "
    "naming files, never an exception.")
test_any_workbook_cell_gives_reports, test_any_workbook_cell_gives_reports_long = _fuzzed(
    "test_any_workbook_cell_gives_reports", _book_case, _FUZZ_BOOKS, _LONG_BOOKS,
    "A workbook with any value of any type in any cell (the header too) gives reports "
    "naming the sheet, never an exception.")


@_FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_as_a_workbook_give_one_report(tmp_path_factory, data):
    """Any bytes saved as .xlsx give one failed report naming the file."""
    pytest.importorskip("openpyxl")
    path = tmp_path_factory.mktemp("bytes") / "book.xlsx"
    path.write_bytes(data)
    [report] = _reports(path)
    assert report.region is None
