"""Indonesian tables took ``relasi`` = ``selaras`` but refused ``sumber`` = ``usulan``, the
glossary's word for a suggested match (newuser F166); and a score kept as text, "0,85", was
read in a ';' CSV but refused in a workbook (newuser F188). Both are read now."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from smartsync import load_tables
from smartsync.model import Source

SMALL = Path(__file__).resolve().parent / "data" / "tables" / "small"


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_usulan_is_a_suggested_match(tmp_path) -> None:
    """``sumber`` = ``usulan`` (or ``usulan mesin``) reads as ``suggested``: the same regions."""
    for word in ("usulan", "Usulan Mesin"):
        copy = tmp_path / word.replace(" ", "_")
        shutil.copytree(SMALL, copy)
        rows = _rows(copy / "matches.csv")
        rows = [rows[0], *[[word if c == "suggested" else c for c in r] for r in rows[1:]]]
        assert any(word in r for r in rows)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        (copy / "matches.csv").write_text(out.getvalue(), encoding="utf-8")
        assert load_tables(copy) == load_tables(SMALL)
    assert Source.parse("usulan") is Source.SUGGESTED


def test_a_workbook_score_kept_as_text_with_a_decimal_comma_is_read(tmp_path) -> None:
    """A workbook whose cells are all text (a sheet formatted as Text), its score "0,71":
    the same regions as the CSV tables with 0.71."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in ("regions", "elements", "matches"):
        sheet = book.create_sheet(name)
        for row in _rows(SMALL / f"{name}.csv"):
            if name == "matches":
                row = [c.replace(".", ",") if c.startswith("0.") else c for c in row]
            sheet.append(row)  # every cell a text
    path = tmp_path / "tabel.xlsx"
    book.save(path)
    assert any("0,71" in str(c.value) for c in book["matches"]["F"])
    assert load_tables(path) == load_tables(SMALL)
