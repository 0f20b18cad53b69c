"""Regression (newuser finding F35): a workbook written by a program (openpyxl, an export
script) holds formulas with no stored value; such a cell was reported as "the cell is empty",
which it is not in a spreadsheet. It is now named as a formula whose value is not stored,
once, with what to do (open and save the workbook in a spreadsheet)."""

from __future__ import annotations

import pytest

import smartsync
from smartsync.cli import main

openpyxl = pytest.importorskip("openpyxl")

HEAD = ["id", "name", "kind", "rpjmd_start", "rpjmd_end", "masterplan_start", "masterplan_end"]
ELEMENTS = ["region", "plan", "id", "level", "text", "parents", "budget"]


def _workbook(path, *, name="Kota Biasa", budget=1000, text="Program"):
    book = openpyxl.Workbook()
    sheets = {"regions": [HEAD, ["9401", name, "kota", 2021, 2026, 2022, 2031]],
              "elements": [ELEMENTS, ["9401", "rpjmd", "V", "visi", "Visi", None, None],
                           ["9401", "rpjmd", "P1", "program", text, "V", budget],
                           ["9401", "masterplan", "SV", "vision", "Visi cerdas", None, None],
                           ["9401", "masterplan", "SP1", "program", "Program cerdas", "SV", None]],
              "matches": [["region", "masterplan", "rpjmd", "relation"], ["9401", "SP1", "P1", "aligned"]]}
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    del book["Sheet"]
    book.save(path)
    return path


@pytest.mark.parametrize("cell", [{"name": '=CONCATENATE("Kota ","Rumus")'}, {"text": "=1+1"}])
def test_a_formula_without_a_stored_value_is_named_once(tmp_path, cell):
    """A region name or element text that is a formula with no value: one error, naming the formula."""
    (report,) = list(smartsync.iter_table_regions(_workbook(tmp_path / "t.xlsx", **cell)))
    (problem,) = report.errors
    assert problem.code == "uncomputed-formula" and "formula" in problem.message
    assert "empty" not in problem.message and list(cell.values())[0][:8] in problem.message


def test_a_workbook_without_formulas_reads_as_before(tmp_path):
    """No formula: the region is read, and an empty required cell is still 'empty'."""
    (report,) = list(smartsync.iter_table_regions(_workbook(tmp_path / "t.xlsx")))
    assert report.region is not None
    (report,) = list(smartsync.iter_table_regions(_workbook(tmp_path / "e.xlsx", text=None)))
    assert any("empty" in p.message for p in report.errors)


def test_batch_says_it_in_indonesian(tmp_path, capsys):
    """batch --lang id names the formula in Indonesian in the summary."""
    path = _workbook(tmp_path / "t.xlsx", name="=A1")
    assert main(["batch", str(path), "--out", str(tmp_path / "o.csv"), "--no-progress",
                 "--lang", "id"]) == 1
    assert "rumus" in capsys.readouterr().out
