"""Newuser finding F9: at ``--threshold 0.5000000001`` the advice said "3 needed at threshold
50%", false at 50% (2 are needed there). A threshold a tenth of a percent would round is
shown with every digit it was given, in both languages; a plain one stays "50%"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartsync.cli import main
from smartsync.messages import format_threshold, text

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-d-program.yaml"


@pytest.mark.parametrize("lang, shown", [("en", "50.00000001%"), ("id", "50,00000001%")])
def test_the_advice_shows_the_threshold_as_given(capsys, lang, shown) -> None:
    """The advice's count line names the threshold in force with the digits given, not rounded."""
    assert main(["classify", str(EXAMPLE), "--threshold", "0.5000000001", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert f"3 needed at threshold {shown}" in out or f"perlu 3 pada ambang {shown}" in out
    assert "threshold 50%)" not in out and "ambang 50%)" not in out


def test_a_plain_threshold_is_shown_to_a_tenth(capsys) -> None:
    """A threshold a tenth of a percent shows whole is shown as before ("needed at threshold 50%")."""
    assert main(["classify", str(EXAMPLE), "--threshold", "0.5"]) == 0
    assert "2 needed at threshold 50%)" in capsys.readouterr().out


@given(st.floats(min_value=0.0, max_value=1.0))
def test_the_threshold_shown_is_the_threshold(value: float) -> None:
    """Read back, the threshold shown is the number given (never a rounding of it)."""
    shown = format_threshold(value)
    if " (about " in shown:  # a simple fraction, as the bounds say it (F93): "2/3 (about 66.7%)"
        top, _, bottom = shown.split(" ")[0].partition("/")
        assert int(top) / int(bottom) == value
    else:
        assert float(shown.rstrip("%")) / 100 == pytest.approx(value, rel=1e-12, abs=1e-15)
    assert text("advice.count", "en", count=1, stage="program", synchronized=0, total=2,
                required=1, threshold=value).endswith(f"threshold {shown})")
