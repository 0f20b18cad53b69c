"""Regression (newuser finding F32): a region file named with a terminal escape sequence
(``ESC [2J``, an OSC title, BEL) had it written raw into the batch CSV's ``source`` and
``error`` cells, so ``cat out.csv`` cleared the screen; the summary and JSON Lines escaped it."""

from __future__ import annotations

import csv

from hypothesis import given
from hypothesis import strategies as st

from smartsync._text import spreadsheet_cell
from smartsync.cli import main

REGION = """\
region: {id: "9001", name: Kota Uji, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: visi, text: Visi kota}
    - {id: P1, level: program, text: Program satu, parents: [V], budget: 1000}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: Visi cerdas}
    - {id: SP1, level: program, text: Program cerdas, parents: [SV]}
matches:
  - {masterplan: SP1, rpjmd: P1, relation: aligned}
"""


def test_a_file_name_with_escape_sequences_reaches_the_csv_escaped(tmp_path, capsys):
    """A good and a broken region file named with ESC/BEL: both rows are written, no raw ESC or BEL."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "\x1b[2J\x1b]0;pwned\x07good.yaml").write_text(REGION, encoding="utf-8")
    (folder / "\x1b[31mred\x1b[0m.yaml").write_text("region: [", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["batch", str(folder), "--out", str(out), "--no-progress"]) == 1
    raw = out.read_bytes()
    assert b"\x1b" not in raw and b"\x07" not in raw
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 2
    assert any("\\x1b[2J" in r["source"] and r["type_letter"] for r in rows)
    assert any("\\x1b[31mred" in r["source"] and r["error"] for r in rows)


@given(st.text(max_size=40))
def test_no_cell_holds_a_control_a_terminal_acts_on(text):
    """Whatever a text holds, its CSV cell has no C0/C1 control but tab and line breaks."""
    cell = spreadsheet_cell(text)
    assert not any(ord(c) < 0x20 and c not in "\t\r\n" or 0x7F <= ord(c) <= 0x9F for c in cell)
