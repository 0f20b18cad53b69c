"""A right-to-left override (U+202E) in a plan text was accepted without a word and written
raw into CSV cells, where it reorders what a spreadsheet shows ("Trojan Source"). The
reader warns, naming the character, the element and the line; the text is kept (right-to-
left writing may need it); CSV cells write it as an escape."""

from __future__ import annotations

import csv
import io

from smartsync._text import bidi_control, spreadsheet_cell
from smartsync.errors import Severity
from smartsync.io import check_region_text

REGION = """\
region: {id: "9901", name: Kota Uji, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: vision, text: Visi}
    - {id: P1, level: program, parent: V, text: Program, budget: 5}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: "Kota \\u202ecerdas"}
    - {id: SP1, level: program, parent: SV, text: Aplikasi}
matches: []
"""


def test_a_bidi_override_in_a_text_is_a_warning_naming_it_and_the_text_is_kept():
    """The region loads; one warning names U+202E, the element and its line."""
    report = check_region_text(REGION, name="uji.yaml")
    assert report.ok
    (warning,) = [p for p in report.problems if p.code == "bidi-control"]
    assert warning.severity is Severity.WARNING and warning.line == 10
    assert warning.where == "masterplan element SV" and "\\u202e RIGHT-TO-LEFT OVERRIDE" in warning.message
    assert report.region.masterplan["SV"].text == "Kota \u202ecerdas"


def test_the_bidi_warning_is_worded_in_indonesian_under_lang_id():
    """validate --lang id (newuser finding F64): the warning in Indonesian, the character still named."""
    report = check_region_text(REGION, name="uji.yaml")
    (warning,) = [p for p in report.problems if p.code == "bidi-control"]
    line = warning.format("id")
    assert "karakter kendali dua arah (\\u202e RIGHT-TO-LEFT OVERRIDE) pada posisi 6" in line
    assert "hapus kecuali" in line and "holds" not in line and "remove" not in line


def test_each_reordering_control_is_named_and_the_marks_are_not():
    """Embeddings, overrides and isolates are warned about; plain text and the direction
    marks (which only nudge neighbouring characters) are not."""
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert bidi_control(f"a{char}b") is not None
    for text in ("Kota cerdas", "\u200fمرحبا\u200e", "Kota\u061c"):
        assert bidi_control(text) is None


def test_a_csv_cell_writes_a_reordering_control_as_an_escape():
    """A cell holding U+202E is written with '\\u202e' in its place; a formula start is
    still neutralised."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([spreadsheet_cell("Kota \u202ecerdas"),
                                 spreadsheet_cell("\u202e=HYPERLINK(1)")])
    row = buffer.getvalue()
    assert "\u202e" not in row and "Kota \\u202ecerdas" in row
    assert spreadsheet_cell("\u202e=HYPERLINK(1)") == "\\u202e=HYPERLINK(1)"  # no '=' first
    assert spreadsheet_cell("=1+1") == "'=1+1"
