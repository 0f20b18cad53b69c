"""``batch`` wrote only CSV and JSON Lines; a CSV opens wrongly in a spreadsheet set to
Indonesian (no byte order mark, ',' between cells, '.' in decimals: newuser F165).
``--out FILE.xlsx`` now writes a workbook: the CSV's columns and rows, numbers as numbers,
booleans as booleans, texts as text cells (a text starting with '=' is never a formula)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.cli.batch_cmd import csv_columns

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent


def _inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        shutil.copy(path, folder / path.name)
    hostile = folder / "type-a-vision.yaml"
    hostile.write_text(hostile.read_text(encoding="utf-8").replace(
        "Kota Contoh Sejahtera", '"=HYPERLINK(\\"http://x.example\\")"', 1), encoding="utf-8")
    return [str(p) for p in sorted(folder.glob("*.yaml"))]


def test_the_workbook_holds_the_csvs_rows_with_typed_cells(tmp_path, capsys) -> None:
    """Same columns and rows as the CSV of the same run; numbers, booleans and texts typed;
    the formula-like name kept whole as a text cell."""
    inputs = _inputs(tmp_path)
    assert main(["batch", *inputs, "--out", str(tmp_path / "b.csv"), "--no-progress"]) == 0
    assert main(["batch", *inputs, "--out", str(tmp_path / "b.xlsx"), "--no-progress",
                 "--jobs", "2"]) == 0
    capsys.readouterr()
    with open(tmp_path / "b.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    sheet = openpyxl.load_workbook(tmp_path / "b.xlsx")["batch"]
    cells = [list(r) for r in sheet.iter_rows()]
    assert [c.value for c in cells[0]] == rows[0] == csv_columns()
    assert len(cells) == len(rows) == 6
    for want, got in zip(rows[1:], cells[1:]):
        for column, text, cell in zip(rows[0], want, got):
            value = cell.value
            if isinstance(value, bool):
                assert text == ("true" if value else "false"), column
            elif isinstance(value, (int, float)):
                assert cell.data_type == "n" and float(text) == pytest.approx(value), column
            elif value is None:
                assert text == "", column
            else:
                assert cell.data_type == "s", column
                assert text == value or text == "'" + value, column
    names = [row[1].value for row in cells[1:]]
    assert '=HYPERLINK("http://x.example")' in names
    formula = next(row[1] for row in cells[1:] if str(row[1].value).startswith("="))
    assert formula.data_type == "s"


def test_advice_is_for_json_lines_only(tmp_path, capsys) -> None:
    """``--advice`` with an .xlsx output is a usage error (exit 2), nothing written."""
    with pytest.raises(SystemExit) as caught:
        main(["batch", *_inputs(tmp_path), "--out", str(tmp_path / "b.xlsx"), "--advice"])
    assert caught.value.code == 2
    assert "JSON Lines" in capsys.readouterr().err
    assert not (tmp_path / "b.xlsx").exists()
