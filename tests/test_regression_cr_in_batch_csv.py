"""Regression: a batch's CSV output cut by a carriage return in a region's name.

A region named ``"0\\r"`` (a JSON region file may hold it) was written to the batch CSV
bare: Python 3.11's csv module quotes a field only for the characters of its line
terminator, and the batch wrote lines ending in LF, so a lone CR went out unquoted and a
CSV reader cut the row in two (found by issue 15's Unicode test: four rows for two
regions). Each field is now quoted as for CRLF lines; lines still end in LF.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from smartsync.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-b-mission.yaml"


@pytest.mark.parametrize("name", ["0\r", "a\rb", "a\r\nb", "a\nb", "plain"])
def test_a_line_break_in_a_name_stays_inside_its_row(tmp_path, capsys, name):
    """Each region is one CSV row, whatever line break its name holds, and reads back whole."""
    from smartsync.io import load_region, dumps_region
    import yaml

    region = yaml.safe_load(dumps_region(load_region(EXAMPLE)))
    region["region"]["id"] = "9901"
    region["region"]["name"] = name
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "odd.json").write_text(json.dumps(region), encoding="utf-8")
    (inputs / "good.yaml").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out.csv"
    assert main(["batch", "--no-progress", str(inputs), "--out", str(out)]) == 0
    data = out.read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == 3
    header = rows[0]
    names = sorted(row[header.index("name")] for row in rows[1:])
    assert name in names
    assert data.endswith("\n") and not data.endswith("\r\n")
