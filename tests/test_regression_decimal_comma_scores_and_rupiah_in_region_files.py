"""Numbers as Indonesian usage writes them (issue 23's leftovers): a ';'-separated batch
table (an Indonesian-locale spreadsheet's CSV) writes a score with a decimal comma, '0,85',
which was refused; a region file (YAML or JSON) writing a budget 'Rp 7.000.000.000' or
'100.000.000.000' was refused though the batch tables read it. Both now read them, the
budget by the one reader the tables use (smartsync.io._source.rupiah_amount); '100.000'
alone is still refused, with the two readings named."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from smartsync import load_tables
from smartsync.io import check_region_text

ROOT = Path(__file__).resolve().parent.parent
SMALL = Path(__file__).resolve().parent / "data" / "tables" / "small"
TYPE_B = ROOT / "examples" / "type-b-mission.yaml"


def _semicolons(path: Path, change=lambda rows: rows) -> None:  # type: ignore[no-untyped-def]
    rows = change(list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")))))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def test_a_semicolon_table_reads_a_score_written_with_a_decimal_comma(tmp_path):
    """matches.csv with ';' and scores '0,71': the same regions as the original's 0.71."""
    folder = tmp_path / "tabel"
    shutil.copytree(SMALL, folder)
    for name in ("regions", "elements"):
        _semicolons(folder / f"{name}.csv")
    _semicolons(folder / "matches.csv",
                lambda rows: [[c.replace(".", ",") if i == 5 else c for i, c in enumerate(r)]
                              for r in rows])
    assert "0,71" in (folder / "matches.csv").read_text(encoding="utf-8-sig")
    assert load_tables(folder) == load_tables(SMALL)


def test_a_comma_table_still_refuses_a_score_it_cannot_read(tmp_path):
    """In a ','-separated table '0,71' would be two cells: a quoted "0,71" stays refused."""
    folder = tmp_path / "tabel"
    shutil.copytree(SMALL, folder)
    path = folder / "matches.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",0.71,", ',"0,71",'),
                    encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load_tables(folder)
    assert "0,71" in str(caught.value)


def _with_budget(written: str) -> str:
    text = TYPE_B.read_text(encoding="utf-8")
    return text.replace("budget: 18400000000", f"budget: {written}", 1)


@pytest.mark.parametrize("written, amount", [
    ("Rp 7.000.000.000", 7_000_000_000), ('"Rp 7.000.000.000"', 7_000_000_000),
    ("100.000.000.000", 100_000_000_000), ("Rp 100.000", 100_000), ("Rp. 250.000.000", 250_000_000),
])
def test_a_region_file_reads_rupiah_as_the_tables_do(written, amount):
    """A YAML budget in Indonesian rupiah form is its whole number of rupiah."""
    assert "budget: 18400000000" in TYPE_B.read_text(encoding="utf-8")
    report = check_region_text(_with_budget(written), name="r.yaml")
    assert report.ok, [p.format() for p in report.errors]
    assert next(e for e in report.region.rpjmd.elements if e.id == "P1").budget == amount


def test_a_json_region_file_reads_rupiah_too():
    """JSON: "budget": "Rp 7.000.000.000" is 7,000,000,000 rupiah."""
    import yaml

    data = yaml.safe_load(TYPE_B.read_text(encoding="utf-8"))
    program = next(e for e in data["rpjmd"]["elements"] if e["id"] == "P1")
    program["budget"] = "Rp 7.000.000.000"
    report = check_region_text(json.dumps(data), name="r.json", format="json")
    assert report.ok and next(e for e in report.region.rpjmd.elements
                              if e.id == "P1").budget == 7_000_000_000


@pytest.mark.parametrize("written", ["100.000", '"100.000"'])
def test_one_group_of_dots_is_refused_with_both_readings(written):
    """'100.000' (YAML's decimal 100.0 unquoted): a hundred thousand, or a hundred? Refused,
    naming both readings and how to write each, en and id (was read as 100 rupiah)."""
    (problem,) = check_region_text(_with_budget(written), name="r.yaml").errors
    assert "budget 100.000 could be 100000 rupiah (dots grouping thousands) or a decimal " \
           "number: write 100000, or Rp 100.000" in problem.format("en")
    assert "pagu indikatif (budget) 100.000 dapat berarti 100000 rupiah" in problem.format("id")
