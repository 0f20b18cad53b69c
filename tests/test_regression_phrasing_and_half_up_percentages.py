"""Phrasing a planner stumbled on (newuser finding F76), in both languages: no "from the
program down to the program", a closed relative clause in the Indonesian funding route,
"nothing to change" under "what to change", one colon in the own-type why-not, no
"leluhur" for an element above another; and percentages rounded half up (13/16 = 81.25%
is 81.3%, as a planner rounds by hand and a spreadsheet shows it)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.messages import format_bound, format_percent, format_value

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(capsys, *args: str) -> str:
    main(list(args))
    return capsys.readouterr().out


def test_the_program_stage_is_not_said_to_reach_down_to_itself(capsys):
    """A type-D region's checklist: the program stage is the lowest, said once."""
    out = run(capsys, "classify", "--explain", str(EXAMPLES / "type-d-program.yaml"))
    assert "from the program down to the program" not in out
    assert "below it down to the program" not in out
    assert "✓ the program stage, the lowest of the typology, is synchronized" in out
    assert "synchronization can start at the program: it is synchronized, and no stage " \
           "lies below it" in out
    out = run(capsys, "classify", "--explain", "--lang", "id",
              str(EXAMPLES / "type-d-program.yaml"))
    assert "dari program sampai program" not in out
    assert "✓ tahap program, tahap terendah tipologi, tersinkronisasi" in out


def test_a_stage_above_the_program_still_says_down_to_the_program(capsys):
    """A type-B region keeps 'every stage present from the mission down to the program'."""
    out = run(capsys, "classify", "--explain", str(EXAMPLES / "type-b-mission.yaml"))
    assert "every stage present from the mission down to the program is synchronized" in out


def test_indonesian_funding_route_closes_its_relative_clause(capsys):
    """'... hanya N di antaranya yang dapat didanai APBD, karena program RPJMD-nya memiliki
    pagu', never '... yang program RPJMD-nya memiliki pagu dapat didanai APBD'."""
    out = run(capsys, "classify", "--lang", "id", str(EXAMPLES / "type-d-program.yaml"))
    assert "yang program RPJMD-nya memiliki pagu dapat didanai" not in out
    assert "di antaranya yang dapat didanai APBD, karena program RPJMD-nya memiliki pagu" in out


def test_the_highest_type_has_nothing_to_change(capsys):
    """Under 'Yang perlu diubah' a type-A region reads 'Tidak ada yang perlu diubah: tipe A
    sudah merupakan tipe tertinggi.'"""
    out = run(capsys, "classify", "--lang", "id", str(EXAMPLES / "type-a-vision.yaml"))
    assert "Tidak ada yang perlu diubah: tipe A sudah merupakan tipe tertinggi." in out
    assert "perlu dicapai" not in out


@pytest.mark.parametrize("lang, said", [
    ("en", "The region is already type A (synchronization starts at the vision), so no "
           "condition failed."),
    ("id", "Daerah ini sudah bertipe A (sinkronisasi dimulai pada visi), jadi tidak ada "
           "syarat yang gagal."),
])
def test_why_not_its_own_type_has_one_colon_at_most(capsys, lang, said):
    """explain --why-not A on a type-A region: one sentence, no 'type A: ...: nothing'."""
    out = run(capsys, "explain", str(EXAMPLES / "type-a-vision.yaml"), "--why-not", "A",
              "--lang", lang)
    assert said in out


def test_percentages_round_half_up_in_both_languages():
    """13/16 -> 81.3% / 81,3%; 3/16 -> 18.8%; 5/6 -> 83.3%; 1/8 -> 12.5%; 1/1600 -> 0.1%;
    bounds too: 13/16 (about 81.3%)."""
    assert format_percent(13 / 16) == "81.3%" and format_percent(13 / 16, "id") == "81,3%"
    assert format_value("coverage", 13 / 16, "id") == "81,3%"
    assert format_percent(3 / 16) == "18.8%" and format_percent(5 / 6) == "83.3%"
    assert format_percent(1 / 8) == "12.5%" and format_percent(1 / 1600) == "0.1%"
    assert format_percent(Fraction(13, 16)) == "81.3%"
    assert format_bound(Fraction(13, 16)) == "13/16 (about 81.3%)"
    assert format_bound(Fraction(13, 16), "id") == "13/16 (sekitar 81,3%)"


def test_a_classification_shows_13_of_16_as_81_3(capsys):
    """classify on the type-B example (13 of 16 programs): 81.3%, never 81.2%."""
    out = run(capsys, "classify", str(EXAMPLES / "type-b-mission.yaml"))
    assert "13 of 16 synchronized (coverage 81.3%" in out and "81.2%" not in out
    out = run(capsys, "classify", "--lang", "id", str(EXAMPLES / "type-b-mission.yaml"))
    assert "81,3%" in out and "81,2%" not in out
