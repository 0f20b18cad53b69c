"""A table with a quote inside an unquoted cell (a HYPERLINK formula typed by hand) was
refused with the csv module's English, "malformed CSV: ';' expected after '\\"'", under
``--lang id`` too (newuser F167). The two common slips are now said in a planner's words,
in English and Indonesian, at the row of the slip; another keeps the module's words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartsync.tabular import iter_table_regions

SMALL = Path(__file__).resolve().parent / "data" / "tables" / "small"


def _problems(folder: Path):  # type: ignore[no-untyped-def]
    found = []
    for report in iter_table_regions(folder):
        found.extend(p for p in report.problems if p.code == "malformed-csv")
    return found


@pytest.mark.parametrize("slip, line, english, indonesian", [
    ('"Kota "Uji"', 2, "is not quoted as a whole", "tidak diapit tanda kutip secara utuh"),
    ('"Kota Uji', 2, "is never closed", "tidak pernah ditutup"),
])
def test_a_quote_slip_is_said_in_a_planners_words(tmp_path, slip, line, english, indonesian):
    """The regions table's first row's name replaced by the slip: one malformed-csv error
    at that row, in the planner's words in both languages, none of the module's English."""
    folder = tmp_path / "tables"
    shutil.copytree(SMALL, folder)
    rows = (folder / "regions.csv").read_text(encoding="utf-8").splitlines()
    cells = rows[1].split(",")
    cells[1] = slip
    rows[1] = ",".join(cells)
    (folder / "regions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = _problems(folder)
    assert problems and all(p.line == line for p in problems), problems
    said_en, said_id = problems[0].format("en"), problems[0].format("id")
    assert english in said_en and "expected after" not in said_en, said_en
    assert indonesian in said_id and "CSV rusak" in said_id, said_id
